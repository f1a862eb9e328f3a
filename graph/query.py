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
        """The rows as dicts keyed by column name.

        >>> QueryResult(["a", "b"], [[1, 2]]).records()
        [{'a': 1, 'b': 2}]
        """
        return [dict(zip(self.columns, r, strict=True)) for r in self.rows]


@dataclass
class LibraryQuery:
    """One ``queries/*.cypher`` file: its name, text, description and parameter defaults."""

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


_RETURN = re.compile(r"\bRETURN\b", re.IGNORECASE)
_RETURN_END = re.compile(r"\b(ORDER\s+BY|SKIP|LIMIT|UNION)\b", re.IGNORECASE)
_ALIAS = re.compile(r"\s+AS\s+(`[^`]+`|\w+)\s*$", re.IGNORECASE)


def _mask_literals(text: str) -> str:
    """``text`` with string literals and comments blanked (same length), so keywords and
    commas inside them are not taken for the statement's own."""
    out = list(text)
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if c in "'\"`":
            j = i + 1
            while j < n and text[j] != c:
                j += 2 if text[j] == "\\" else 1
            for k in range(i + 1, min(j, n)):
                out[k] = "_"
            i = j + 1
        elif text.startswith("//", i):
            j = text.find("\n", i)
            j = n if j < 0 else j
            out[i:j] = " " * (j - i)
            i = j
        else:
            i += 1
    return "".join(out)


def _split_top_level(text: str, masked: str) -> list[str]:
    """Split ``text`` at commas outside brackets (``masked`` hides literals)."""
    parts, depth, start = [], 0, 0
    for i, c in enumerate(masked):
        if c in "([{":
            depth += 1
        elif c in ")]}":
            depth -= 1
        elif c == "," and depth == 0:
            parts.append(text[start:i])
            start = i + 1
    parts.append(text[start:])
    return [p.strip() for p in parts]


def return_columns(query: str) -> list[str] | None:
    """The column names the final RETURN of ``query`` gives, as Neo4j names them: the
    alias after ``AS``, else the expression as written. None for ``RETURN *`` or when
    there is no RETURN.

    >>> return_columns("MATCH (a)-[r]->(b) RETURN DISTINCT a.name, type(r), "
    ...                "b.name AS `target` ORDER BY a.name LIMIT 3")
    ['a.name', 'type(r)', 'target']
    >>> return_columns("MATCH (n) WITH n RETURN 'a, b' AS s, count(*) AS n")
    ['s', 'n']
    >>> return_columns("MATCH (n) RETURN n.id, EXISTS { MATCH (n)--() RETURN 1 } AS linked")
    ['n.id', 'linked']
    """
    masked = _mask_literals(query)
    depth, depths = 0, []
    for c in masked:
        depth += (c in "([{") - (c in ")]}")
        depths.append(depth)
    # The statement's own RETURN, not one inside a subquery ({ ... RETURN 1 }).
    starts = [m.end() for m in _RETURN.finditer(masked) if depths[m.start()] == 0]
    if not starts:
        return None
    start = starts[-1]
    end_match = _RETURN_END.search(masked, start)
    end = end_match.start() if end_match else len(query)
    body, mbody = query[start:end], masked[start:end]
    lead = re.match(r"\s*(DISTINCT\b)?", mbody, re.IGNORECASE)
    offset = lead.end() if lead else 0
    items = _split_top_level(body[offset:], mbody[offset:])
    if not items or items == ["*"] or any(not i for i in items):
        return None
    names = []
    for item in items:
        alias = _ALIAS.search(item)
        names.append(alias.group(1).strip("`") if alias else " ".join(item.split()))
    return names


def name_columns(result: QueryResult, query: str) -> QueryResult:
    """``result`` with its columns named from ``query``'s RETURN items.

    The embedded engine names an un-aliased ``type(r)`` after the macro it expands to
    (``LABEL(r._ID,[...])``); Neo4j names it ``type(r)``. Renaming from the statement
    gives both the same headers. Left as is when the items cannot be matched up.

    >>> r = QueryResult(["LABEL(r._ID,[x])", "n"], [["MEETS", 1]])
    >>> name_columns(r, "MATCH ()-[r]->() RETURN type(r), count(*) AS n").columns
    ['type(r)', 'n']
    """
    names = return_columns(query)
    if not names or len(names) != len(result.columns) or names == result.columns:
        return result
    return QueryResult(columns=names, rows=result.rows)


def _cell(v: Any) -> str:
    if isinstance(v, list | dict):
        return json.dumps(v, ensure_ascii=False)
    if isinstance(v, float):
        return f"{v:.3g}"
    return "" if v is None else str(v)
