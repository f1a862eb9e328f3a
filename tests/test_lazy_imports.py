"""Commands that do not extract (summary, query, view, export, load) never import spaCy.

Importing spaCy and its model code costs about 2 CPU seconds, which dominated ``summary``
on a small graph. Each module is imported in a fresh interpreter, so what another test
imported cannot hide a top-level ``import spacy`` (or an import of a module that has one).
"""

from __future__ import annotations

import subprocess
import sys

import pytest

NON_EXTRACTING = [
    "actorgraph.graph.store",
    "actorgraph.graph.view",
    "actorgraph.graph.export",
    "actorgraph.graph.cypher",
    "actorgraph.graph.query",
    "actorgraph.graph.neo4j",
    "actorgraph.pipeline",  # summary, view and export reach open_store through it
    "actorgraph.extract.documents",
]


@pytest.mark.parametrize("module", NON_EXTRACTING)
def test_module_does_not_import_spacy(module: str) -> None:
    code = (f"import sys, {module}; "
            "print(sorted(m for m in sys.modules if m.split('.')[0] == 'spacy'))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "[]", f"{module} imports spaCy: {out.stdout.strip()[:200]}"


def test_the_check_can_fail() -> None:
    """The same probe sees spaCy when the extraction pipeline is imported."""
    code = "import sys, actorgraph.extract.pipeline; print('spacy' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         timeout=120)
    assert out.stdout.strip() == "True", out.stderr
