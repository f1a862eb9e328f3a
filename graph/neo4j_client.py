"""Bolt connection, settings, errors and read queries for Neo4j (or any Bolt + Cypher server).

The loader (:mod:`actorgraph.graph.neo4j_load`) and the query path share this module; the
public import path for both is :mod:`actorgraph.graph.neo4j`.

>>> settings = Neo4jSettings(uri="bolt://localhost:7687", password="s3cret")
>>> settings
Neo4jSettings(uri='bolt://localhost:7687', username='neo4j', database='neo4j', ...)
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from actorgraph.graph.query import QueryResult
from actorgraph.graph.readonly import UnsafeQuery, check_read_only

DEFAULT_URI = "bolt://localhost:7687"
DEFAULT_DATABASE = "neo4j"
#: Bolt only: driver 6 also takes http(s):// (a preview Query API needing aiohttp).
URI_SCHEMES = ("bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc")

class Neo4jLoadError(RuntimeError):
    """A Neo4j operation failed; the message is one line a user can act on (no password)."""


class Neo4jQueryError(Neo4jLoadError):
    """The server rejected a query (syntax, unknown function...); the message is the server's."""


@dataclass(frozen=True)
class Neo4jSettings:
    """Where and how to connect. The password never appears in ``repr`` or messages.

    >>> Neo4jSettings.from_env({"NEO4J_URI": "neo4j://db:7687", "NEO4J_PASSWORD": "pw"})
    Neo4jSettings(uri='neo4j://db:7687', username='neo4j', database='neo4j', ...)
    """

    uri: str = DEFAULT_URI
    username: str = "neo4j"
    password: str = field(default="", repr=False)
    #: Neo4j's default database; ArcadeDB refuses a session without one, so be explicit.
    database: str = DEFAULT_DATABASE
    #: How long the driver keeps retrying a transaction on transient errors / lost servers.
    retry_seconds: float = field(default=30.0, repr=False)
    connection_timeout: float = field(default=10.0, repr=False)

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None, **overrides: Any) -> Neo4jSettings:
        """Read ``NEO4J_URI``, ``NEO4J_USERNAME``, ``NEO4J_PASSWORD``, ``NEO4J_DATABASE``.

        Explicit ``overrides`` that are not None win over the environment.
        """
        env = os.environ if env is None else env
        values: dict[str, Any] = {
            "uri": env.get("NEO4J_URI") or DEFAULT_URI,
            "username": env.get("NEO4J_USERNAME") or "neo4j",
            "password": env.get("NEO4J_PASSWORD") or "",
            "database": env.get("NEO4J_DATABASE") or DEFAULT_DATABASE,
        }
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**values)

    def __repr__(self) -> str:
        return (f"Neo4jSettings(uri={self.uri!r}, username={self.username!r}, "
                f"database={self.database!r}, ...)")

    __str__ = __repr__



# --- connection and errors ------------------------------------------------------------------


def _neo4j() -> Any:
    try:
        import neo4j
    except ImportError as e:  # pragma: no cover - neo4j is a dependency
        raise Neo4jLoadError("the neo4j driver is not installed: pip install neo4j") from e
    return neo4j


def _translate(exc: Exception, settings: Neo4jSettings, doing: str) -> Neo4jLoadError:
    """One line naming the server, the user or database, and the fix; never the password."""
    ex = _neo4j().exceptions
    code = getattr(exc, "code", None) or ""
    where = f"Neo4j at {settings.uri}"
    if isinstance(exc, ex.AuthError) or code.startswith("Neo.ClientError.Security.Unauthorized"):
        return Neo4jLoadError(
            f"{where} refused the credentials of user {settings.username!r} while {doing}: "
            + ("no password was given, set NEO4J_PASSWORD" if not settings.password
               else "check NEO4J_USERNAME / NEO4J_PASSWORD")
        )
    if code == "Neo.ClientError.Database.DatabaseNotFound":
        return Neo4jLoadError(f"{where}: database {settings.database!r} does not exist: "
                              f"check NEO4J_DATABASE")
    if isinstance(exc, ex.Forbidden):
        # ArcadeDB answers Forbidden, with no message, both for a missing database and for
        # one the user may not access; Neo4j uses it for missing privileges.
        detail = _first_line(exc) if getattr(exc, "message", None) else code or "Forbidden"
        return Neo4jLoadError(
            f"{where}: database {settings.database!r} does not exist or user "
            f"{settings.username!r} may not use it ({detail}): check NEO4J_DATABASE"
        )
    if isinstance(exc, ex.ServiceUnavailable | ex.SessionExpired | OSError):
        return Neo4jLoadError(f"cannot reach {where} while {doing}: {_first_line(exc)}")
    if isinstance(exc, ex.ClientError | ex.CypherSyntaxError):
        return Neo4jQueryError(f"{where} rejected the query while {doing}: "
                               f"{_first_line(exc)}")
    return Neo4jLoadError(f"{where} failed while {doing}: {type(exc).__name__}: "
                          f"{_first_line(exc)}")


def _first_line(exc: BaseException) -> str:
    msg = getattr(exc, "message", None) or str(exc) or type(exc).__name__
    return " ".join(str(msg).split())[:300]


@contextmanager
def connect(settings: Neo4jSettings) -> Iterator[Any]:
    """A verified ``neo4j.Driver``: reachable, credentials accepted, database usable.

    Every failure is a :class:`Neo4jLoadError` with a one-line message.

    >>> with connect(Neo4jSettings.from_env()) as driver:      # doctest: +SKIP
    ...     driver.execute_query("RETURN 1", database_="neo4j")
    """
    neo4j = _neo4j()
    scheme = settings.uri.split("://", 1)[0].lower() if "://" in settings.uri else ""
    if scheme not in URI_SCHEMES:
        raise Neo4jLoadError(f"bad Neo4j URI {settings.uri!r}: use one of "
                             f"{', '.join(s + '://' for s in URI_SCHEMES)}")
    try:
        driver = neo4j.GraphDatabase.driver(
            settings.uri,
            auth=(settings.username, settings.password),
            max_transaction_retry_time=settings.retry_seconds,
            connection_timeout=settings.connection_timeout,
            connection_acquisition_timeout=settings.connection_timeout + 5,
        )
    except (ValueError, neo4j.exceptions.ConfigurationError) as e:
        raise Neo4jLoadError(f"bad Neo4j URI {settings.uri!r}: {_first_line(e)}") from e
    try:
        try:
            driver.verify_connectivity()
            # verify_connectivity does not touch the database: a trivial read does.
            driver.execute_query("RETURN 1 AS ok", database_=settings.database,
                                 routing_=neo4j.RoutingControl.READ)
        except Exception as e:
            raise _translate(e, settings, "connecting") from e
        yield driver
    finally:
        driver.close()


def run_query(settings: Neo4jSettings, cypher: str, params: Mapping[str, Any] | None = None,
              write: bool = False) -> QueryResult:
    """Run one Cypher statement and return its rows as a :class:`QueryResult`.

    Values come back as plain Python: nodes and relationships as their property dicts,
    paths as lists of those, temporal values as ISO strings, so :func:`format_result`
    prints the same as for the embedded store. Reads run in a read transaction (a
    library query cannot modify the database) unless ``write`` is set.

    >>> r = run_query(Neo4jSettings.from_env(),                       # doctest: +SKIP
    ...               "MATCH (a:Actor) RETURN a.name AS name LIMIT $n", {"n": 3})
    >>> r.columns                                                     # doctest: +SKIP
    ['name']
    """
    if not write:
        # A server may ignore the read-routing hint (ArcadeDB took CREATE in a "read"
        # transaction), so the statement is checked here before it is sent.
        try:
            check_read_only(cypher)
        except UnsafeQuery as e:
            raise Neo4jQueryError(str(e)) from e
    neo4j = _neo4j()
    routing = neo4j.RoutingControl.WRITE if write else neo4j.RoutingControl.READ
    with connect(settings) as driver:
        try:
            records, summary, keys = driver.execute_query(
                cypher, dict(params or {}), database_=settings.database, routing_=routing)
        except Exception as e:
            raise _translate(e, settings, "running the query") from e
    return QueryResult(columns=list(keys), rows=[[_plain(v) for v in r.values()]
                                                 for r in records])


def _plain(value: Any) -> Any:
    """Driver values -> JSON-able Python, the shapes the embedded Cypher store returns."""
    from neo4j.graph import Node, Path, Relationship

    if isinstance(value, Node | Relationship):
        return {k: _plain(v) for k, v in dict(value).items()}
    if isinstance(value, Path):
        out: list[Any] = [_plain(value.start_node)]
        for rel in value.relationships:
            out += [_plain(rel), _plain(rel.end_node)]
        return out
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if hasattr(value, "iso_format"):
        return value.iso_format()
    return value

