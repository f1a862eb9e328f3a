"""Query results and the query library: what every Cypher backend returns and reads.

A library query is a ``.cypher`` file in ``queries/`` whose header comment says what it
answers and which parameters it takes::

    // Top actors by degree: who takes part in the most asserted relations.
    // params: limit (int, default 10)
    MATCH (a:Actor)-[r]-(:Actor) WHERE type(r) <> 'CLAIM' ...

A parameter without a default is required. Day parameters (``since``/``until``) are ISO
strings, ``""`` meaning open, turned into dates inside the query (``date($since)``), so the
same text and the same parameter values work on LadybugDB and on Neo4j.

>>> q = parse_query_text("// Hello.\\n// params: limit (int, default 10)\\nRETURN 1 AS x")
>>> q.description, q.params
('Hello.', {'limit': 10})
"""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

QUERY_DIR = Path(__file__).resolve().parent.parent / "queries"


@dataclass
class QueryResult:
    """Column names and rows, the same shape from every backend."""

    columns: list[str]
    rows: list[list[Any]] = field(default_factory=list)

    def records(self) -> list[dict[str, Any]]:
        return [dict(zip(self.columns, r, strict=True)) for r in self.rows]


@dataclass
class LibraryQuery:
    name: str
    text: str
    description: str = ""
    params: dict[str, Any] = field(default_factory=dict)
    required: set[str] = field(default_factory=set)  # params without a default


_PARAM = re.compile(r"(\w+)\s*\(([^)]*)\)")


def parse_query_text(text: str, name: str = "query") -> LibraryQuery:
    """Read the header comment of a library query: description and parameter defaults."""
    description: list[str] = []
    params: dict[str, Any] = {}
    required: set[str] = set()
    for line in text.splitlines():
        s = line.strip()
        if not s.startswith("//"):
            if s:
                break
            continue
        s = s[2:].strip()
        if s.lower().startswith("params:"):
            for pname, spec in _PARAM.findall(s[7:]):
                m = re.search(r"default\s+(.+)$", spec.strip())
                params[pname] = coerce_param(m.group(1).strip()) if m else None
                if m is None:
                    required.add(pname)
        elif s:
            description.append(s)
    return LibraryQuery(name=name, text=text, description=" ".join(description), params=params,
                        required=required)


def library_queries(directory: str | Path | None = None) -> dict[str, LibraryQuery]:
    """All ``*.cypher`` files of the query library, by name (file stem)."""
    d = Path(directory) if directory else QUERY_DIR
    if not d.is_dir():
        import actorgraph.queries as pkg

        d = Path(pkg.__file__).parent
    return {
        p.stem: parse_query_text(p.read_text(encoding="utf-8"), p.stem)
        for p in sorted(d.glob("*.cypher"))
    }


def coerce_param(value: str) -> Any:
    """Turn a ``--param k=v`` value into int, float, bool, null or string (JSON-like)."""
    try:
        return json.loads(value)
    except ValueError:
        return value.strip("'\"")


def format_result(result: QueryResult, fmt: str = "table") -> str:
    """Render rows as ``table`` (aligned text), ``json`` (one object per line) or ``csv``."""
    if fmt == "json":
        return "".join(
            json.dumps(r, ensure_ascii=False, default=str) + "\n" for r in result.records()
        )
    if fmt == "csv":
        buf = io.StringIO()
        w = csv.writer(buf)
        w.writerow(result.columns)
        for row in result.rows:
            w.writerow([json.dumps(v, ensure_ascii=False) if isinstance(v, list | dict) else v
                        for v in row])
        return buf.getvalue()
    if fmt != "table":
        raise ValueError(f"unknown format {fmt!r}: use table, json or csv")
    cells = [[_cell(v) for v in row] for row in result.rows]
    widths = [
        min(60, max([len(c)] + [len(r[i]) for r in cells])) for i, c in enumerate(result.columns)
    ]
    lines = ["  ".join(c.ljust(w) for c, w in zip(result.columns, widths, strict=True))]
    lines.append("  ".join("-" * w for w in widths))
    for r in cells:
        lines.append("  ".join(c[:w].ljust(w) for c, w in zip(r, widths, strict=True)))
    lines.append(f"({len(cells)} row{'s' if len(cells) != 1 else ''})")
    return "\n".join(lines) + "\n"


def _cell(v: Any) -> str:
    if isinstance(v, list | dict):
        return json.dumps(v, ensure_ascii=False)
    if isinstance(v, float):
        return f"{v:.3g}"
    return "" if v is None else str(v)
