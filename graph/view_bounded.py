"""The capped view's reads: the top actors, the relations among them and only their evidence.

:func:`~actorgraph.graph.view_data.view_data` reads every actor, relation and mention, so a
page of the top 1,000 actors of a big store cost as much as the whole store (a build of 10
documents into a store of 300k triples spent nearly all its time there). This reads what the
page shows and no more, through the store's bounded reads (``top_actors``,
``relations_among``, ``mentions_of``, ``date_range``): its cost follows the caps, not the
store. It gives the same dict as ``view_data`` (the same actors, relations, counts and
evidence as the full read's top slice), plus ``totals``: how many actors and relations the
store holds, for the page's note on what is left out.

>>> from actorgraph.graph.store import MemoryStore
>>> data = bounded_view_data(MemoryStore(), max_nodes=10, max_edges=20)
>>> data["totals"], data["summary"]["actors"]
({'actors': 0, 'relations': 0}, 0)
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from actorgraph.graph.view_data import (
    actor_dict,
    add_mention,
    finish_relations,
    iso_day,
    relation_dict,
    relation_key,
)

__all__ = ["bounded_view_data", "supports_bounded"]


def supports_bounded(store: Any) -> bool:
    """True when ``store`` has the bounded reads (the SQLite stores; not a foreign store)."""
    return all(hasattr(store, name) for name in
               ("top_actors", "relations_among", "mentions_of", "date_range"))


def bounded_view_data(store: Any, max_nodes: int, max_edges: int | None) -> dict[str, Any]:
    """The ``max_nodes`` top actors, at most ``max_edges`` relations among them (asserted
    first, then the most mentioned), each with all its evidence; the summary is the whole
    store's."""
    if max_nodes < 0 or (max_edges is not None and max_edges < 0):
        raise ValueError("max_nodes and max_edges must be >= 0")
    actors = [actor_dict(a, a["id"]) for a in store.top_actors(max_nodes)]
    names = {a["id"]: a for a in actors}
    rels = {relation_key(r): relation_dict(r)
            for r in store.relations_among(list(names), max_edges=max_edges)} if actors else {}
    docs: dict[tuple[str, str, str, str], set[str]] = defaultdict(set)
    outlets: dict[tuple[str, str, str, str], set[str]] = defaultdict(set)
    pairs = {(k[0], k[1]) for k in rels}
    for m in store.mentions_of(pairs) if pairs else ():
        key = (str(m["subject"]), str(m["object"]), str(m["relation"]),
               str(m.get("factuality") or "asserted"))
        rel = rels.get(key)
        if rel is None:  # another relation of the same pair, not among those kept
            continue
        docs[key].add(add_mention(rel, m, iso_day(m.get("date")), names))
        if m.get("source"):
            outlets[key].add(str(m["source"]))
    relations = finish_relations(rels, docs, outlets)
    stats = store.stats()
    first, last = store.date_range()
    summary = {
        "documents": int(stats["documents"]), "actors": int(stats["actors"]),
        "relations": int(stats["relations"]),
        "asserted_relations": int(stats["asserted_relations"]),
        "mentions": int(stats["mentions"]),
        "first_date": iso_day(first), "last_date": iso_day(last),
        "since": None, "until": None,
    }
    return {"actors": actors, "relations": relations, "summary": summary,
            "totals": {"actors": summary["actors"], "relations": summary["relations"]}}
