"""Tables compiled from the field's dictionaries and shipped as TOML data files.

``country_places.toml`` (places CountryInfo lists under a country) and ``agents.toml``
(role nouns the agents dictionary gives a sector) share one shape: a table per key, each
with one list of strings, and the source's notice and licence as the file's leading
comment. This module writes and reads that shape; each table's own module compiles it.

>>> import tempfile, pathlib
>>> out = pathlib.Path(tempfile.mkdtemp()) / "t.toml"
>>> write_lists({"SDN": ["Kordofan", "Darfur"]}, "places", out, "A test table.")
>>> read_lists(out, "places", "test table")
{'SDN': ['Darfur', 'Kordofan']}
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import tomllib

from actorgraph.extract.lexicon import LexiconError


def source_licence(path: Path) -> str:
    """The licence a PETRARCH dictionary carries in its leading comments: from the line
    that names it ("# The MIT License") to the end of that comment block."""
    lines: list[str] = []
    with path.open(encoding="utf-8", errors="replace") as fh:
        for line in fh:
            if not line.startswith("#"):
                break
            text = line[1:].rstrip().removeprefix(" ")
            if lines or "license" in text.lower() and text.lower().startswith("the mit"):
                lines.append(text)
    return "\n".join(lines).strip() + "\n" if lines else ""


def notice_with_licence(notice: str, source: Path) -> str:
    """A compiled table's notice, followed by the licence of the dictionary it came from."""
    licence = source_licence(source)
    return notice + ("\nThe source dictionary is under this licence:\n\n" + licence
                     if licence else "")


def write_lists(table: Mapping[str, list[str]], field: str, out: Path, notice: str) -> None:
    """Write ``{key: [strings]}`` as TOML tables ``[key]`` with ``field = [...]``, sorted,
    the notice (and licence) as the leading comment."""
    head = "".join(f"# {line}".rstrip() + "\n" for line in notice.splitlines())
    body = "".join(
        f"\n[{key}]\n{field} = [{', '.join(_toml_string(v) for v in sorted(values))}]\n"
        for key, values in sorted(table.items()))
    out.write_text(head + body, encoding="utf-8")


def read_lists(path: Path, field: str, what: str) -> dict[str, list[str]]:
    """``{key: [strings]}`` from a table :func:`write_lists` wrote; empty when the file is
    absent. A file of another shape raises :class:`LexiconError` naming it and, for a bad
    entry, its key."""
    if not path.is_file():
        return {}
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as e:
        raise LexiconError(f"{path}: not a {what}: {e}") from e
    table: dict[str, list[str]] = {}
    for key, entry in data.items():
        values = entry.get(field) if isinstance(entry, dict) else None
        if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
            raise LexiconError(f"{path}: [{key}]: '{field}' must be a list of strings")
        table[key] = values
    return table


def _toml_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
