"""The read-only check every user query passes before it reaches an engine.

``actorgraph query`` promises reads only. A read-only database handle is not enough: the
embedded engine still runs ``COPY ... TO`` (writes a file), ``EXPORT DATABASE``, ``LOAD
EXTENSION`` (runs a shared library), ``INSTALL`` (goes to the network) and ``CHECKPOINT``,
and a Bolt server may ignore the read-transaction hint. So the statement itself is checked,
on the client, before execution, and refused with one line naming the clause.

The check works on the statement's words with string literals, backtick-quoted names and
comments removed, so text inside a value never trips it and a keyword hidden in a comment
never passes it. Property names (``m.start``), parameters (``$set``), labels and map keys
(``{create: 1}``) are names, not clauses.

>>> check_read_only("MATCH (a:Actor) WHERE a.name = 'CREATE me' RETURN a.start")
>>> refusal("MATCH (a:Actor) SET a.name = 'x'").split(";")[0]
'refused: SET changes the graph'
>>> refusal("COPY (MATCH (a) RETURN a) TO '/tmp/x.csv'").split(";")[0]
'refused: COPY copies data to or from files'
"""

from __future__ import annotations

import re

#: Clauses that change the graph, wherever they appear in a statement.
WRITE_CLAUSES = {
    "CREATE": "changes the graph",
    "MERGE": "changes the graph",
    "SET": "changes the graph",
    "DELETE": "changes the graph",
    "DETACH": "changes the graph",
    "REMOVE": "changes the graph",
    "FOREACH": "changes the graph",
    "INSERT": "changes the graph",
    "DROP": "changes the schema",
    "ALTER": "changes the schema",
    "COPY": "copies data to or from files",
    "EXPORT": "writes the database out to files",
    "IMPORT": "loads a database from files",
    "ATTACH": "attaches another database",
    "INSTALL": "installs an extension (network access)",
    "UNINSTALL": "removes an extension",
    "CHECKPOINT": "checkpoints the database",
    "COMMENT": "changes the schema",
    "GRANT": "changes access rights",
    "DENY": "changes access rights",
    "REVOKE": "changes access rights",
    "TERMINATE": "stops transactions",
}
#: Words that are clauses only at the start of a statement (elsewhere they may be names).
LEADING_CLAUSES = {
    "BEGIN": "opens a transaction",
    "COMMIT": "ends a transaction",
    "ROLLBACK": "ends a transaction",
    "USE": "switches the database",
    "START": "starts a database",
    "STOP": "stops a database",
    "UPDATE": "updates an extension",
}
#: ``LOAD FROM``/``LOAD CSV`` read arbitrary files or URLs, ``LOAD EXTENSION`` runs code.
LOAD_FOLLOWERS = {"FROM", "CSV", "EXTENSION", "WITH"}
#: Procedures that only describe the database (LadybugDB and Neo4j).
READ_PROCEDURES = {
    "show_tables", "table_info", "show_connection", "db_version", "current_setting",
    "show_functions", "show_macros", "show_indexes",
    "db.labels", "db.relationshiptypes", "db.propertykeys", "db.schema.visualization",
    "db.schema.nodetypeproperties", "db.schema.reltypeproperties", "dbms.components",
}
READS = "only read statements run here (MATCH, OPTIONAL MATCH, WITH, UNWIND, RETURN, CALL {...})"

_TOKEN = re.compile(
    r"""(?P<comment>//[^\n]*|/\*.*?\*/)
      | (?P<string>'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")
      | (?P<quoted>`(?:[^`]|``)*`)
      | (?P<word>[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*)
      | (?P<other>\S)""",
    re.S | re.X,
)


class UnsafeQuery(ValueError):
    """A statement that would write, copy, load, install or otherwise leave reads."""


def _tokens(query: str) -> list[tuple[str, str]]:
    """``(kind, text)`` tokens of ``query``; comments dropped, literals kept as one token."""
    out = []
    for m in _TOKEN.finditer(query):
        kind = m.lastgroup or "other"
        if kind == "comment":
            continue
        if kind in {"string", "quoted"}:
            out.append(("literal", ""))
        else:
            out.append((kind, m.group()))
    return out


def _is_name(tokens: list[tuple[str, str]], i: int) -> bool:
    """True when the word at ``i`` is a name (property, parameter, label, key, variable)."""
    before = tokens[i - 1][1] if i > 0 else ""
    after = tokens[i + 1][1] if i + 1 < len(tokens) else ""
    return before in {".", "$", ":", "("} or before.upper() == "AS" or after in {":", ")", "="}


def _call_is_read(tokens: list[tuple[str, str]], i: int) -> bool:
    """``CALL {subquery}`` or a describing procedure; anything else may write or configure."""
    nxt = tokens[i + 1] if i + 1 < len(tokens) else ("other", "")
    after = tokens[i + 2][1] if i + 2 < len(tokens) else ""
    if nxt[1] == "{":
        return True
    return nxt[0] == "word" and nxt[1].lower() in READ_PROCEDURES and after == "("


def _first_word(tokens: list[tuple[str, str]]) -> int:
    """Index of the statement's first clause word, past ``EXPLAIN``/``PROFILE``."""
    i = 0
    while i < len(tokens) and tokens[i][1].upper() in {"EXPLAIN", "PROFILE"}:
        i += 1
    return i


def refusal(query: str) -> str | None:
    """Why ``query`` may not run on a read-only path (one line), or None if it may."""
    tokens = _tokens(query)
    semis = [i for i, (_, t) in enumerate(tokens) if t == ";"]
    if semis and semis[0] != len(tokens) - 1:
        return "refused: one statement per query (remove the ';'-separated extra ones)"
    first = _first_word(tokens)
    for i, (kind, text) in enumerate(tokens):
        if kind != "word" or _is_name(tokens, i):
            continue
        word = text.upper()
        reason = WRITE_CLAUSES.get(word)
        if reason is None and i == first:
            reason = LEADING_CLAUSES.get(word)
        if reason is None and word == "LOAD":
            after = tokens[i + 1][1].upper() if i + 1 < len(tokens) else ""
            if after in LOAD_FOLLOWERS:
                reason = "reads files or loads code"
        if reason is None and word == "CALL" and not _call_is_read(tokens, i):
            reason = "runs a procedure that is not known to be read-only"
        if reason is not None:
            return f"refused: {word} {reason}; {READS}"
    return None


def check_read_only(query: str) -> None:
    """Raise :class:`UnsafeQuery` with one line if ``query`` is not a plain read."""
    reason = refusal(query)
    if reason is not None:
        raise UnsafeQuery(reason)
