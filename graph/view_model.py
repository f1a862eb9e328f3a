"""The drawn view: which actors and relations, where, in which community and country.

Built from :func:`actorgraph.graph.view_data.view_data` and shared by the page and the
static picture, so both show the same actors at the same positions.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from actorgraph.graph.view_layout import communities, place, simple_graph

__all__ = ["NODE_MAX", "NODE_MIN", "View", "build_view", "rank_key", "rollup", "strength_key",
           "view_note"]

#: Node radius range in pixels (vis-network scales ``value`` = asserted mentions linearly
#: into it).
NODE_MIN, NODE_MAX = 7, 32
#: Actor types that stand for a whole country; sector actors roll up into them.
COUNTRY_TYPES = {"COUNTRY"}
#: Actor types never rolled into a country (a person is not a sector of the state).
NOT_ROLLED = {"PERSON", "IGO", "MEDIA"}
#: The sectors of the state (CAMEO codes) that roll up: government, military, intelligence,
#: legislature, judiciary, police. Rebels, opposition, business, NGOs stay themselves.
STATE_SECTORS = {"GOV", "MIL", "SPY", "LEG", "JUD", "COP"}
_EPOCH = date(1970, 1, 1).toordinal()


def rank_key(actor: dict[str, Any]) -> tuple[int, int, str, str]:
    """Sort key, most important first: asserted mentions, then all mentions, name, id."""
    return (-int(actor.get("asserted_mentions") or 0), -int(actor.get("mentions") or 0),
            str(actor.get("name") or actor["id"]), str(actor["id"]))


def day_number(iso: str) -> int:
    """Days since 1970-01-01 for an ISO day (the page's compact date).

    >>> day_number("1970-01-02")
    1
    """
    return date.fromisoformat(iso).toordinal() - _EPOCH


@dataclass
class View:
    """The part of the store that is drawn, plus what the page says about the rest."""

    actors: list[dict[str, Any]]
    relations: list[dict[str, Any]]
    dropped_nodes: int
    dropped_edges: int
    summary: dict[str, Any]
    positions: dict[str, tuple[float, float]] | None = None
    radius: dict[str, float] = field(default_factory=dict)
    community: dict[str, int] = field(default_factory=dict)


def strength_key(r: dict[str, Any]) -> tuple[bool, int, str, str, str, str]:
    """Sort key of relations under an edge cap, strongest first: asserted ones, then by
    mentions, then by identity (the store's ``relations_among`` order)."""
    return (not r["asserted"], -int(r.get("count") or 0), r["source"], r["target"],
            r["relation"], r["factuality"])


def build_view(data: dict[str, Any], max_nodes: int | None, layout: Any = "auto",
               seed: int = 7, max_edges: int | None = None) -> View:
    """Keep the ``max_nodes`` actors with most asserted mentions (all when None), the
    strongest ``max_edges`` relations among them (all when None), their positions
    (``layout``) and Louvain communities. ``data["totals"]`` (a bounded read) gives the
    store's counts when ``data`` holds only the top slice."""
    ranked = sorted(data["actors"], key=rank_key)
    for cap in (max_nodes, max_edges):
        if cap is not None and cap < 0:
            raise ValueError("max_nodes and max_edges must be >= 0")
    if max_nodes is not None:
        ranked = ranked[:max_nodes]
    keep = {a["id"] for a in ranked}
    rels = [r for r in data["relations"] if r["source"] in keep and r["target"] in keep]
    if max_edges is not None and len(rels) > max_edges:
        rels = sorted(rels, key=strength_key)[:max_edges]
    rels.sort(key=lambda r: (r["source"], r["target"], r["relation"], r["factuality"]))
    totals = data.get("totals") or {"actors": len(data["actors"]),
                                    "relations": len(data["relations"])}
    view = View(actors=ranked, relations=rels,
                dropped_nodes=totals["actors"] - len(ranked),
                dropped_edges=totals["relations"] - len(rels), summary=data["summary"])
    view.radius = radii(ranked)
    ids = [a["id"] for a in ranked]
    weight = {a["id"]: float(a.get("asserted_mentions") or 0) for a in ranked}
    view.positions = place(ids, rels, layout, seed, view.radius, weight)
    view.community = communities(simple_graph(ids, rels, asserted_only=True), seed=seed)
    return view


def view_note(view: View, page: bool = False) -> str | None:
    """What a capped view leaves out, in one line (None when it shows everything);
    ``page``: the longer sentence the page shows."""
    if not (view.dropped_nodes or view.dropped_edges):
        return None
    n, e = len(view.actors), len(view.relations)
    shown = (f"the top {n:,} of {n + view.dropped_nodes:,} actors and {e:,} of "
             f"{e + view.dropped_edges:,} relations")
    hint = "`actorgraph view --max-nodes all` for all"
    if not page:
        return f"showing {shown}; {hint}"
    return (f"Showing {shown}: the {n:,} actors with most asserted mentions, the strongest "
            f"relations among them; {view.dropped_nodes:,} actors and "
            f"{view.dropped_edges:,} relations are left out ({hint}).")


def radii(actors: list[dict[str, Any]]) -> dict[str, float]:
    """Disc radius in pixels per actor, as vis-network draws ``value`` = asserted mentions."""
    mentions = {a["id"]: int(a.get("asserted_mentions") or 0) for a in actors}
    lo, hi = min(mentions.values(), default=0), max(mentions.values(), default=0)
    return {v: NODE_MIN + (NODE_MAX - NODE_MIN) * ((m - lo) / (hi - lo) if hi > lo else 0.5)
            for v, m in mentions.items()}


def rollup(actors: list[dict[str, Any]]) -> tuple[dict[str, str], list[dict[str, Any]]]:
    """Which actor rolls up into which country actor, and the country actors to add.

    A state-sector actor (it has a country and one of ``STATE_SECTORS``, such as "Russia
    government" or "Syria military", and is not a person, an IGO or a medium; "Syria
    rebels" stays itself) rolls into the country actor of its
    country: the most mentioned actor of type COUNTRY with that country code and no sector,
    or a new one named after the country when the view has none.

    >>> m, new = rollup([{"id": "gov:tur", "name": "Turkish government", "type": "GOVERNMENT",
    ...                   "country": "TUR", "sector": "GOV"}])
    >>> m, [a["id"] for a in new]
    ({'gov:tur': 'country:tur'}, ['country:tur'])
    """
    country_of: dict[str, str] = {}
    for a in sorted(actors, key=rank_key):
        if str(a.get("type")).upper() in COUNTRY_TYPES and a.get("country") \
                and not a.get("sector"):
            country_of.setdefault(str(a["country"]).upper(), a["id"])
    mapping, added = {}, {}
    for a in actors:
        code = str(a.get("country") or "").upper()
        if not code or str(a.get("sector") or "").upper() not in STATE_SECTORS \
                or str(a.get("type")).upper() in NOT_ROLLED:
            continue
        target = country_of.get(code)
        if target is None:
            target = f"country:{code.lower()}"
            while target in {x["id"] for x in actors} and target not in added:
                target += "_"
            added.setdefault(target, {"id": target, "name": _country_name(code),
                                      "type": "COUNTRY", "country": code, "sector": None,
                                      "role": None, "aliases": [], "mentions": 0,
                                      "asserted_mentions": 0})
        mapping[a["id"]] = target
    for a in actors:
        if a["id"] in mapping and mapping[a["id"]] in added:
            new = added[mapping[a["id"]]]
            new["mentions"] += int(a.get("mentions") or 0)
            new["asserted_mentions"] += int(a.get("asserted_mentions") or 0)
    return mapping, list(added.values())


def _country_name(code: str) -> str:
    try:
        import pycountry

        found = pycountry.countries.get(alpha_3=code) or pycountry.countries.get(alpha_2=code)
    except (ImportError, LookupError, KeyError):  # pragma: no cover - optional lookup
        found = None
    return str(getattr(found, "name", None) or code)


def rolled_relations(relations: list[dict[str, Any]],
                     mapping: dict[str, str]) -> list[dict[str, Any]]:
    """Relations merged after the roll-up: one per (source, target, type, factuality) with
    counts and days summed and ``members``: the indices of the relations it stands for."""
    groups: dict[tuple[str, str, str, str], dict[str, Any]] = {}
    for i, r in enumerate(relations):
        u, v = mapping.get(r["source"], r["source"]), mapping.get(r["target"], r["target"])
        if u == r["source"] and v == r["target"]:
            continue
        key = (u, v, r["relation"], r["factuality"])
        g = groups.get(key)
        if g is None:
            g = groups[key] = {**r, "source": u, "target": v, "count": 0, "documents": 0,
                               "outlets": 0, "days": Counter(), "members": [],
                               "evidence": []}
        g["count"] += r["count"]
        g["documents"] += r["documents"]  # an upper bound: documents may repeat
        g["outlets"] = max(g["outlets"], r["outlets"])
        g["days"].update(r["days"])
        g["members"].append(i)
        if r.get("confidence") is not None:
            g["confidence"] = max(g.get("confidence") or 0.0, float(r["confidence"]))
    return list(groups.values())


def curves(pairs: list[tuple[str, str]]) -> list[float]:
    """Signed roundness per edge: parallel relations between one pair fan out, alternating
    sides (judged in one direction for the pair); single edges stay straight (cheap)."""
    bundle: Counter[frozenset[str]] = Counter(frozenset(p) for p in pairs)
    seen: defaultdict[frozenset[str], int] = defaultdict(int)
    out = []
    for u, v in pairs:
        pair = frozenset((u, v))
        seen[pair] += 1
        if u == v or bundle[pair] < 2:
            out.append(0.0)
            continue
        k = seen[pair]
        side = 1 if (k % 2 == 1) == (u <= v) else -1
        out.append(side * min(0.12 * ((k + 1) // 2), 0.6))
    return out


def finite(value: Any) -> float | None:
    """A number JSON can carry (a NaN from a hand-edited graph.json becomes None)."""
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return number if math.isfinite(number) else None
