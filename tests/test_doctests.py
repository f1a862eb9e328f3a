"""Every docstring example of the package runs here (``make test`` runs them)."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest


def _modules() -> list[str]:
    # The subpackages live in other directories (extract/, graph/, queries/ mapped into
    # actorgraph.*), so each is walked from its own __path__.
    names = []
    for package in ("actorgraph", "actorgraph.extract", "actorgraph.graph",
                    "actorgraph.queries"):
        path = importlib.import_module(package).__path__
        names += [package] + [m.name for m in pkgutil.iter_modules(path, package + ".")]
    return sorted({n for n in names if not n.endswith("__main__")})  # __main__ runs the CLI


MODULES = _modules()
# The front door's own modules: their examples must exist and run, none skipped.
FRONT_DOOR = ["actorgraph", "actorgraph.api", "actorgraph.console", "actorgraph.graph.query"]


def _tests(name: str) -> list[doctest.DocTest]:
    module = importlib.import_module(name)
    return [t for t in doctest.DocTestFinder().find(module, name) if t.examples]


@pytest.mark.parametrize("name", MODULES)
def test_doctests_pass(name: str) -> None:
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    for test in _tests(name):
        runner.run(test)
    result = runner.summarize(verbose=False)
    assert result.failed == 0, f"{result.failed} doctest(s) failed in {name} (output above)"


@pytest.mark.parametrize("name", FRONT_DOOR)
def test_front_door_examples_run_unskipped(name: str) -> None:
    examples = [e for t in _tests(name) for e in t.examples]
    assert examples, f"{name} has no docstring examples"
    assert not [e.source for e in examples if e.options.get(doctest.SKIP)], name


def test_every_package_module_is_collected() -> None:
    assert {"actorgraph.api", "actorgraph.cli", "actorgraph.extract.pipeline",
            "actorgraph.graph.query", "actorgraph.graph.cypher"} <= set(MODULES)
