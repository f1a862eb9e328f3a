"""What the viewer reads from a graph store: one function, plain dicts out.

Every other viewer module (layout, page, picture) works on the dict :func:`view_data`
returns, so the store's API is read in exactly one place: ``store.actors()``,
``store.relations()`` and ``store.mentions()`` (docs/MODEL.md), every mention with its
document's title, date, outlet and URL.

>>> from actorgraph.graph.store import MemoryStore
>>> data = view_data(MemoryStore())
>>> sorted(data), data["summary"]["actors"]
(['actors', 'relations', 'summary'], 0)
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from typing import Any

__all__ = ["iso_day", "mark_spans", "relation_key", "shown_date", "view_data"]

_ISO_DAY = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")


def iso_day(value: Any) -> str | None:
    """``YYYY-MM-DD`` for an ISO date, datetime, ``YYYY-MM`` or ``YYYY`` (coarse dates take
    the first day, as docs/MODEL.md says); None for anything else.

    >>> iso_day("2024-03-07T10:00:00+00:00"), iso_day("2024-03"), iso_day("5 March")
    ('2024-03-07', '2024-03-01', None)
    """
    if value is None:
        return None
    m = _ISO_DAY.match(str(value))
    if not m:
        return None
    year, month, day = m.group(1), m.group(2) or "01", m.group(3) or "01"
    if not ("01" <= month <= "12" and "01" <= day <= "31"):
        return None
    return f"{year}-{month}-{day}"


def shown_date(m: Mapping[str, Any]) -> str | None:
    """A mention's date as precise as it is known (``2016-03`` for "in March 2016"), else
    its document's day.

    >>> shown_date({"date": "2016-03-01", "date_precision": "month"})
    '2016-03'
    >>> shown_date({"date": None, "doc_date": "2016-03-07T10:00:00+00:00"})
    '2016-03-07'
    """
    day = iso_day(m.get("date"))
    if day is None:
        return iso_day(m.get("doc_date"))
    return day[:{"year": 4, "month": 7}.get(str(m.get("date_precision")), 10)]


def relation_key(r: Mapping[str, Any]) -> tuple[str, str, str, str]:
    """The identity of a relation: source, target, relation type, factuality."""
    return (str(r["source"]), str(r["target"]), str(r["relation"]),
            str(r.get("factuality") or "asserted"))


def _in_range(day: str | None, since: str | None, until: str | None) -> bool:
    if since is None and until is None:
        return True
    if day is None:  # an undated mention cannot be placed inside a date range
        return False
    return (since is None or day >= since) and (until is None or day <= until)


def mark_spans(sentence: str, marks: Iterable[tuple[str | None, str]]) -> list[list[Any]]:
    """Non-overlapping ``[start, end, kind]`` spans of each ``(text, kind)`` in ``sentence``.

    Found by case-insensitive substring (a mention's offsets are document offsets, not
    sentence ones); the first free occurrence wins and earlier marks take precedence, so
    the subject is marked before the object and the trigger.

    >>> mark_spans("Kerry met Lavrov.", [("Kerry", "s"), ("Lavrov", "o"), ("met", "t")])
    [[0, 5, 's'], [6, 9, 't'], [10, 16, 'o']]
    """
    low = sentence.lower()
    taken: list[list[Any]] = []
    for text, kind in marks:
        if not text or not text.strip():
            continue
        needle = text.lower()
        start = low.find(needle)
        while start != -1:
            end = start + len(needle)
            if all(end <= s or start >= e for s, e, _ in taken):
                taken.append([start, end, kind])
                break
            start = low.find(needle, start + 1)
    return sorted(taken)


def view_data(store: Any, since: str | None = None, until: str | None = None) -> dict[str, Any]:
    """Actors, relations (each with all its dated evidence) and a summary, as plain dicts.

    ``since``/``until`` (ISO dates, inclusive) keep the mentions dated inside the range;
    relations and actors left with none are dropped and counts are recounted.
    Relation dicts carry ``days`` (``Counter`` of ISO day -> mentions; undated mentions are
    not in it) and ``evidence``: ``{title, date, source, url, sentence, marks}`` with
    ``marks`` from :func:`mark_spans` (subject, object, trigger).
    """
    since, until = iso_day(since) if since else None, iso_day(until) if until else None
    actors, relations, documents = _from_mentions(store, since, until)
    _recount_actors(actors, relations, since is not None or until is not None)
    days = sorted(d for r in relations for d in r["days"])
    summary = {
        "documents": documents,
        "actors": len(actors),
        "relations": len(relations),
        "asserted_relations": sum(1 for r in relations if r["asserted"]),
        "mentions": sum(r["count"] for r in relations),
        "first_date": days[0] if days else None,
        "last_date": days[-1] if days else None,
        "since": since, "until": until,
    }
    return {"actors": actors, "relations": relations, "summary": summary}


def _recount_actors(actors: list[dict[str, Any]], relations: list[dict[str, Any]],
                    dated: bool) -> None:
    """Drop actors with no relation left after a date range; recount their mentions."""
    if not dated:
        return
    mentions: Counter[str] = Counter()
    asserted: Counter[str] = Counter()
    for r in relations:
        for end in (r["source"], r["target"]):
            mentions[end] += r["count"]
            if r["asserted"]:
                asserted[end] += r["count"]
    actors[:] = [a for a in actors if a["id"] in mentions]
    for a in actors:
        a["mentions"], a["asserted_mentions"] = mentions[a["id"]], asserted[a["id"]]


def actor_dict(d: Mapping[str, Any], node: Any) -> dict[str, Any]:
    return {"id": str(node), "name": str(d.get("name") or node),
            "type": str(d.get("type") or "UNKNOWN"), "country": d.get("country"),
            "sector": d.get("sector"), "role": d.get("role"),
            "aliases": list(d.get("aliases") or []),
            "mentions": int(d.get("mentions") or 0),
            "asserted_mentions": int(d.get("asserted_mentions") or 0)}


def relation_dict(r: Mapping[str, Any]) -> dict[str, Any]:
    asserted = bool(r.get("asserted", (r.get("factuality") or "asserted") == "asserted"))
    return {"source": str(r["source"]), "target": str(r["target"]),
            "relation": str(r.get("relation") or "RELATED"),
            "factuality": str(r.get("factuality") or ("asserted" if asserted else "unknown")),
            "asserted": asserted, "quad": r.get("quad"), "plover": r.get("plover"),
            "count": 0, "confidence": r.get("confidence"), "documents": 0, "outlets": 0,
            "first_seen": None, "last_seen": None, "days": Counter(), "evidence": []}


def _from_mentions(store: Any, since: str | None,
                   until: str | None) -> tuple[list[dict[str, Any]], list[dict[str, Any]], int]:
    """Every mention read once and grouped by relation; counts, documents, outlets and days
    are recounted from the mentions kept (all of them, or those dated in the range)."""
    actors = [actor_dict(a, a["id"]) for a in store.actors()]
    names = {a["id"]: a for a in actors}
    rels: dict[tuple[str, str, str, str], dict[str, Any]] = {}
    for r in store.relations(asserted_only=False):
        rels[relation_key(r)] = relation_dict(r)
    docs: dict[tuple[str, str, str, str], set[str]] = defaultdict(set)
    outlets: dict[tuple[str, str, str, str], set[str]] = defaultdict(set)
    all_docs: set[str] = set()
    for m in store.mentions():
        day = iso_day(m.get("date"))
        if not _in_range(day, since, until):
            continue
        key = (str(m["subject"]), str(m["object"]), str(m["relation"]),
               str(m.get("factuality") or "asserted"))
        rel = rels.get(key)
        if rel is None:
            rel = rels[key] = relation_dict({**m, "source": key[0], "target": key[1]})
        doc = add_mention(rel, m, day, names)
        docs[key].add(doc)
        all_docs.add(doc)
        if m.get("source"):
            outlets[key].add(str(m["source"]))
    out = finish_relations(rels, docs, outlets)
    # Without a range every document counts, also those with no relation in them.
    documents = len(all_docs) if (since or until) else int(store.stats()["documents"])
    return actors, out, documents


def add_mention(rel: dict[str, Any], m: Mapping[str, Any], day: str | None,
                names: Mapping[str, Mapping[str, Any]]) -> str:
    """Count mention ``m`` into relation ``rel`` (count, day, an evidence card with the
    actors and trigger marked); returns the mention's document."""
    rel["count"] += 1
    if day:
        rel["days"][day] += 1
    s, o = names.get(rel["source"], {}), names.get(rel["target"], {})
    sentence = str(m.get("sentence") or "")
    rel["evidence"].append({
        "title": m.get("title"), "date": shown_date(m),
        "source": m.get("source"), "url": m.get("url"), "sentence": sentence,
        "marks": mark_spans(sentence, [(m.get("subject_text") or s.get("name"), "s"),
                                       (m.get("object_text") or o.get("name"), "o"),
                                       (m.get("trigger"), "t")])})
    return str(m.get("doc") or m.get("doc_hash") or "")


def finish_relations(rels: Mapping[tuple[str, str, str, str], dict[str, Any]],
                     docs: Mapping[Any, set[str]],
                     outlets: Mapping[Any, set[str]]) -> list[dict[str, Any]]:
    """The relations with at least one mention kept, with documents, outlets, dates seen
    and evidence order set."""
    out = []
    for key, rel in rels.items():
        if not rel["count"]:
            continue
        rel["documents"], rel["outlets"] = len(docs.get(key, ())), len(outlets.get(key, ()))
        _finish(rel)
        out.append(rel)
    return out


def _finish(rel: dict[str, Any]) -> None:
    """Dates seen and evidence order (newest first, undated last)."""
    if rel["days"]:
        rel["first_seen"], rel["last_seen"] = min(rel["days"]), max(rel["days"])
    rel["evidence"].sort(key=lambda e: e.get("date") or "", reverse=True)
