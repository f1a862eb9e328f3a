"""actorgraph: news text in, a dated graph of who does what to whom out.

The package is a one-way pipeline of named stages::

    text -> extract.documents -> extract.nlp -> extract.actors -> extract.relations
         -> graph.store -> graph.cypher / graph.neo4j / graph.view / graph.export

The front door (all names load lazily: ``import actorgraph`` does not import spaCy)::

    extract(text_or_documents)   triples (Triple records) of a text, paths or Documents
    build(paths, out)            extract and merge into the store under OUT
    open_store(out)              the store: actors(), relations(), stats(), ...
    run_query(out, cypher)       Cypher (or a library query name) on the embedded store
    summarize(store)             stats, top actors and relations (what `summary` prints)
    to_networkx(store)           asserted facts as a networkx MultiDiGraph
    to_pandas(store, table)      a store table as a DataFrame (extra: actorgraph[pandas])
    Triple, ActorRef, Event, Document, ExtractConfig, QueryResult   the record types

>>> import actorgraph
>>> actorgraph.Triple.__module__
'actorgraph.extract.triples'
>>> actorgraph.ActorRef("country:DEU", "Germany", "Germany", "COUNTRY").name
'Germany'
"""

from __future__ import annotations

import types
from importlib import import_module
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"


class _CallableExtract(types.ModuleType):
    """The ``actorgraph.extract`` package, callable as :func:`actorgraph.api.extract`.

    ``extract`` is both a subpackage (``actorgraph.extract.pipeline``...) and the front
    door's main function. Python sets ``actorgraph.extract`` to the subpackage whenever it
    is first imported, so a plain function of that name would be replaced (or would break
    ``import actorgraph.extract.x``); a callable package is both at once.
    """

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        """Triples of a text, paths or Documents: see :func:`actorgraph.api.extract`."""
        return import_module("actorgraph.api").extract(*args, **kwargs)


# The package's __init__ is a docstring only, so this import costs nothing.
import actorgraph.extract as _extract_package  # noqa: E402

_extract_package.__class__ = _CallableExtract
# inspect.signature() and IDEs then show extract()'s own parameters. actorgraph.api imports
# only the standard library at module level, so this stays cheap.
_extract_package.__signature__ = __import__("inspect").signature(
    import_module("actorgraph.api").extract)

# name -> module that defines it; resolved on first access (PEP 562), so the cost of an
# import is paid only by the feature that needs it.
_LAZY = {
    "build": "actorgraph.api",
    "open_store": "actorgraph.api",
    "check_store": "actorgraph.api",
    "run_query": "actorgraph.api",
    "to_networkx": "actorgraph.api",
    "to_pandas": "actorgraph.api",
    "summarize": "actorgraph.api",
    "NotAvailable": "actorgraph.api",
    "Triple": "actorgraph.extract.triples",
    "ActorRef": "actorgraph.extract.triples",
    "Event": "actorgraph.extract.events",
    "Document": "actorgraph.extract.documents",
    "InputProblem": "actorgraph.extract.documents",
    "ExtractConfig": "actorgraph.extract.pipeline",
    "QueryResult": "actorgraph.graph.query",
    "BuildSummary": "actorgraph.pipeline",
}

__all__ = [  # spelt out (not derived from _LAZY) so linters and IDEs can read it
    "ActorRef", "BuildSummary", "Document", "Event", "ExtractConfig", "InputProblem",
    "NotAvailable", "QueryResult", "Triple", "__version__", "build", "check_store", "extract",
    "open_store", "run_query", "summarize", "to_networkx", "to_pandas",
]

if TYPE_CHECKING:  # for type checkers and IDEs; at run time __getattr__ does this lazily
    from actorgraph.api import (
        NotAvailable,
        build,
        check_store,
        open_store,
        run_query,
        summarize,
        to_networkx,
        to_pandas,
    )
    from actorgraph.extract.documents import Document, InputProblem
    from actorgraph.extract.events import Event
    from actorgraph.extract.pipeline import ExtractConfig
    from actorgraph.extract.triples import ActorRef, Triple
    from actorgraph.graph.query import QueryResult
    from actorgraph.pipeline import BuildSummary


def __getattr__(name: str) -> Any:
    """Load a front-door name from its module on first use."""
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'actorgraph' has no attribute {name!r}")
    value = getattr(import_module(module), name)
    globals()[name] = value  # later look-ups skip this function
    return value


def __dir__() -> list[str]:
    """Module attributes plus the lazily loaded front-door names."""
    return sorted({*globals(), *_LAZY})
