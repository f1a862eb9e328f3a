"""The Python front door: extract, build, open a store, query it, hand it to networkx/pandas.

Everything here is a thin call into the library modules, so ``import actorgraph`` stays
cheap: spaCy is imported on the first :func:`extract` (or :func:`build`), the embedded
Cypher engine on the first :func:`run_query`.

>>> import actorgraph
>>> [(t.subject.name, t.relation, t.object.name)
...  for t in actorgraph.extract("Germany condemned Iran.")]
[('Germany', 'CRITICIZES', 'Iran')]
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # names for annotations only: importing them here would load spaCy
    import networkx as nx
    import pandas as pd

    from actorgraph.extract.documents import Document, InputProblem
    from actorgraph.extract.pipeline import ExtractConfig, Extractor
    from actorgraph.graph.query import QueryResult
    from actorgraph.pipeline import BuildSummary

#: What ``source`` of :func:`extract` may be: a text, a path, a Document, or many of them.
Source = Any


class NotAvailable(RuntimeError):
    """A feature that cannot serve this request (an option the extractor lacks, a flag that
    does not apply to the chosen format); the CLI prints it as one line and exits 2."""


def make_config(config: ExtractConfig | None = None, **options: Any) -> ExtractConfig:
    """An :class:`~actorgraph.extract.pipeline.ExtractConfig` from ``config`` plus options.

    Options that are None or empty are left at the config's value. ``verbs`` (extra verb
    lexicon files) is passed only when this build's ExtractConfig knows it; otherwise
    :class:`NotAvailable` says so rather than ignoring the files.
    """
    from dataclasses import fields, replace

    from actorgraph.extract.pipeline import ExtractConfig

    base = config or ExtractConfig()
    known = {f.name for f in fields(ExtractConfig)}
    given = {k: (tuple(v) if isinstance(v, list) else v) for k, v in options.items()
             if v not in (None, (), [])}
    for name in given:
        if name not in known:
            raise NotAvailable(f"{name}: not available in this build "
                               f"(ExtractConfig has no {name!r} field)")
    return replace(base, **given)


@lru_cache(maxsize=4)
def _cached_extractor(config: ExtractConfig) -> Extractor:
    # Loading the model costs seconds; notebooks call extract() over and over.
    from actorgraph.extract.pipeline import Extractor

    return Extractor(config)


def extractor(config: ExtractConfig | None = None, **options: Any) -> Extractor:
    """The extractor for ``config`` (model loaded once per configuration and reused).

    Options are :class:`~actorgraph.extract.pipeline.ExtractConfig` fields (``model``,
    ``relations``, ``actors``, ``words``, ``workers``...).
    """
    return _cached_extractor(make_config(config, **options))


def _documents(source: Source, on_problem: Callable[[InputProblem], None] | None,
               date: str | None) -> Iterable[Document]:
    """Documents from a text, a path, a Document, or an iterable mixing them."""
    from actorgraph.extract.documents import Document

    if isinstance(source, str | Document | Path):
        source = [source]
    texts = 0
    for item in source:
        if isinstance(item, Document):
            yield item
        elif isinstance(item, Path):
            yield from read_inputs([item], on_problem, date=date)
        elif isinstance(item, str):
            texts += 1
            yield Document(id="text" if texts == 1 else f"text-{texts}", text=item,
                           date=_iso_date(date), date_raw=date)
        else:
            raise TypeError(f"extract() takes text, a Path or a Document, not "
                            f"{type(item).__name__}")


def _iso_date(date: str | None) -> str | None:
    """``date`` as ISO 8601 through the documents' date parser (ValueError if it is none)."""
    if date is None:
        return None
    from actorgraph.extract import docdates

    return docdates.parse_date(date)


def read_inputs(paths: Iterable[str | Path],
                on_problem: Callable[[InputProblem], None] | None = None, *,
                date: str | None = None) -> Iterable[Document]:
    """:func:`~actorgraph.extract.documents.read_documents`, with ``date`` for plain inputs.

    ``date`` dates the inputs that carry no date of their own (text files, stdin, records
    without one); a value that is not a date is a :class:`ValueError` before anything is
    read.
    """
    from actorgraph.extract.documents import read_documents

    if date is None:
        return read_documents(paths, on_problem)
    return read_documents(paths, on_problem, date=date)


def extract(source: Source, *, config: ExtractConfig | None = None, events: bool = False,
            on_problem: Callable[[InputProblem], None] | None = None,
            date: str | None = None, **options: Any) -> list[Any]:
    """The triples of ``source``: a text (``str``), a :class:`~pathlib.Path`, a Document,
    or an iterable of those (paths: files, directories, JSONL corpora, as ``build`` reads).

    A ``str`` is always text, never a file name: pass ``Path("news.txt")`` for a file.
    ``events=True`` adds one-actor :class:`~actorgraph.extract.events.Event` records after
    each document's triples. ``date`` (any common form) dates what carries no date of its
    own, so relative dates in the text ("on Monday") can be resolved. ``options`` are
    ExtractConfig fields (``model``, ``relations``, ``actors``, ``verbs``...). Bad inputs
    go to ``on_problem``.

    >>> triples = extract("Kerry met Lavrov in Geneva.")
    >>> sorted({(t.subject.name, t.relation, t.object.name) for t in triples})
    [('John Kerry', 'MEETS', 'Sergei Lavrov'), ('Sergei Lavrov', 'MEETS', 'John Kerry')]
    >>> triples[0].modality, triples[0].doc
    ('asserted', 'text')
    """
    ex = extractor(config, **options)
    documents = _documents(source, on_problem, date)
    if events:
        return [r for _d, triples, acts in ex.extract_records(documents)
                for r in (*triples, *acts)]
    return list(ex.extract(documents))


def build(paths: Iterable[str | Path] | str | Path, out: str | Path = "out", *,
          config: ExtractConfig | None = None,
          on_problem: Callable[[InputProblem], None] | None = None,
          progress: Callable[[BuildSummary], None] | None = None, render: bool = True,
          wait: float | None = None, date: str | None = None,
          view_max_nodes: int | None = 1000, view_max_edges: int | None = 2000,
          **options: Any) -> BuildSummary:
    """Extract every document under ``paths`` and merge it into the store in ``out``.

    A thin call to :func:`actorgraph.pipeline.build` (documents already stored are
    skipped). ``wait`` is how long to wait for another writer's lock on ``out``, in
    seconds; ``date`` dates the inputs that carry no date of their own;
    ``view_max_nodes``/``view_max_edges`` cap the page OUT/graph.html (None: all; the
    defaults are ``pipeline.VIEW_MAX_NODES``/``VIEW_MAX_EDGES``); ``options`` are
    ExtractConfig fields.
    """
    from actorgraph import pipeline

    if isinstance(paths, str | Path):
        paths = [paths]
    extra: dict[str, Any] = {} if date is None else {"date": date}
    if wait is not None:
        extra["lock_wait"] = wait
    return pipeline.build(paths, out, extractor=extractor(config, **options),
                          on_problem=on_problem, progress=progress, render=render,
                          view_max_nodes=view_max_nodes, view_max_edges=view_max_edges,
                          **extra)


def open_store(out: str | Path = "out") -> Any:
    """The graph store under ``out`` (read-only use); one-line error if there is none.

    >>> import tempfile
    >>> open_store(tempfile.mkdtemp())
    Traceback (most recent call last):
    ...
    actorgraph.graph.store.StoreMissing: ...: no store here; build one first (...)
    """
    from actorgraph.graph.store import open_store as open_store_of_record

    return open_store_of_record(out)


def check_store(out: str | Path = "out") -> Any:
    """Verify the store under ``out`` (counts, orphans, order): the store's ``check_store``."""
    from actorgraph.graph.check import check_store as check

    return check(out)


def store_dir(out_or_store: Any) -> Path:
    """The OUT directory of a store handle, or the path itself."""
    if isinstance(out_or_store, str | Path):
        return Path(out_or_store)
    for attr in ("out_dir", "path", "root", "directory"):
        value = getattr(out_or_store, attr, None)
        if isinstance(value, str | Path):
            return Path(value)
    raise TypeError("run_query needs an OUT directory or a store opened from one "
                    f"(got {type(out_or_store).__name__})")


def run_query(out_or_store: Any, cypher: str, params: dict[str, Any] | None = None
              ) -> QueryResult:
    """Run read-only Cypher (or a library query by name) on the embedded store.

    ``cypher`` is a statement, or the name of a ``queries/*.cypher`` file (its parameter
    defaults filled in). Columns are named by the statement's RETURN items, so
    ``type(r)`` reads ``type(r)`` whatever the engine calls it.

    >>> from actorgraph.graph.query import library_queries
    >>> "top_actors" in library_queries()
    True
    """
    from actorgraph.graph.cypher import library_call
    from actorgraph.graph.cypher import run_query as embedded_query
    from actorgraph.graph.query import library_queries, name_columns

    if cypher in library_queries():
        cypher, params = library_call(cypher, params)
    result = embedded_query(store_dir(out_or_store), cypher, params)
    return name_columns(result, cypher)


def to_networkx(store: Any, asserted_only: bool = True, since: str | None = None,
                until: str | None = None) -> nx.MultiDiGraph:
    """The store as a networkx MultiDiGraph; asserted facts only unless told otherwise;
    ``since``/``until`` (ISO dates) keep the mentions dated in that window."""
    return store.to_networkx(asserted_only=asserted_only, since=since, until=until)


def _evidence(store: Any, relation: dict[str, Any]) -> dict[str, Any] | None:
    """One evidence sentence of a relation: its first mention."""
    for m in store.mentions(source=relation["source"], target=relation["target"],
                            relation=relation["relation"], factuality=relation["factuality"]):
        return {"sentence": m.get("sentence"), "doc": m.get("doc")}
    return None


def summarize(store: Any, top: int = 15, since: str | None = None,
              until: str | None = None) -> dict[str, Any]:
    """What ``actorgraph summary`` shows: ``stats``, the ``top`` actors by asserted
    mentions, and the ``top`` relations (asserted first, then by count) with their names
    and one evidence sentence each. ``since``/``until`` (ISO dates) filter relations by
    mention date.
    """
    window = {k: v for k, v in (("since", since), ("until", until)) if v}
    actors = sorted(store.actors(), key=lambda a: (-(a.get("asserted_mentions") or 0),
                                                   a["id"]))
    names = {a["id"]: a["name"] for a in actors}
    rels = sorted(store.relations(**window), key=lambda r: (
        not r["asserted"], -r["count"], r["source"], r["target"], r["relation"]))[:top]
    keys = ("source", "relation", "target", "factuality", "asserted", "count", "first_seen",
            "last_seen")
    return {
        "stats": store.stats(), "window": window or None,
        "actors": [{k: a.get(k) for k in ("id", "name", "type", "country", "role",
                                           "asserted_mentions", "mentions")}
                   for a in actors[:top]],
        "relations": [{**{k: r.get(k) for k in keys},
                       "source_name": names.get(r["source"], r["source"]),
                       "target_name": names.get(r["target"], r["target"]),
                       "evidence": _evidence(store, r)} for r in rels],
    }


TABLES = ("actors", "relations", "mentions", "documents")


def to_pandas(store: Any, table: str = "relations", **filters: Any) -> pd.DataFrame:
    """One of the store's tables as a pandas DataFrame (needs ``actorgraph[pandas]``).

    ``table`` is ``actors``, ``relations``, ``mentions`` or ``documents``; ``filters`` go to
    the store method of that name (``asserted_only=True``, ``since=...``).
    """
    try:
        import pandas as pd
    except ImportError as e:
        raise ImportError("to_pandas needs pandas: pip install 'actorgraph[pandas]'") from e
    if table not in TABLES:
        raise ValueError(f"unknown table {table!r}: use one of {', '.join(TABLES)}")
    from dataclasses import asdict, is_dataclass

    rows = getattr(store, table)(**filters)
    return pd.DataFrame([asdict(r) if is_dataclass(r) else dict(r) for r in rows])
