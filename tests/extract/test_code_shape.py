"""Relation finding stays readable: no class over 300 lines, no function over 80."""

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "extract" / "relations"
MAX_CLASS = 300
MAX_FUNCTION = 80


def oversized(source: str) -> list[str]:
    """Names and lengths of the classes and functions of ``source`` over the limits."""
    out = []
    for node in ast.walk(ast.parse(source)):
        limit = MAX_CLASS if isinstance(node, ast.ClassDef) else MAX_FUNCTION if isinstance(
            node, ast.FunctionDef | ast.AsyncFunctionDef) else None
        if limit is None:
            continue
        length = node.end_lineno - node.lineno + 1
        if length > limit:
            out.append(f"{node.name}: {length} lines")
    return out


def test_the_shape_check_catches_a_long_function():
    body = "\n".join(f"    x{i} = {i}" for i in range(MAX_FUNCTION))
    assert oversized(f"def f():\n{body}\n") == [f"f: {MAX_FUNCTION + 1} lines"]


def test_relations_is_a_package_of_stages():
    assert (PACKAGE / "__init__.py").is_file()
    assert not PACKAGE.with_suffix(".py").exists()


@pytest.mark.parametrize("path", sorted(PACKAGE.glob("*.py")), ids=lambda p: p.name)
def test_no_long_class_or_function(path):
    assert oversized(path.read_text(encoding="utf-8")) == [], path.name


def test_public_import_paths():
    from actorgraph.extract.relations import extract_records, factuality

    assert callable(extract_records) and callable(factuality)
