"""Colours, legend names and the summary line shared by the page and the picture."""

from __future__ import annotations

from typing import Any

__all__ = ["ACTOR_COLOURS", "COMMUNITY_COLOURS", "OTHER_COLOUR", "OTHER_QUAD_COLOUR",
           "QUAD_COLOURS", "QUAD_LABELS", "TYPE_LABELS", "actor_colour", "quad_colour",
           "quad_key", "summary_line", "type_key"]

#: Node colour per actor type. Blues, purples and browns, so they never read as the
#: green-to-red cooperation/conflict scale the edges use.
ACTOR_COLOURS: dict[str, str] = {
    "PERSON": "#4e79a7",
    "ORGANIZATION": "#76b7b2",
    "COUNTRY": "#b07aa1",
    "ARMED_GROUP": "#7f4f24",
    "IGO": "#edc948",
    "MEDIA": "#ff9da7",
    "PARTY": "#9467bd",
}
OTHER_COLOUR = "#a0a0a0"

#: Edge colour per quad class: greens for cooperation, orange and red for conflict,
#: darker for material (deeds) than for verbal (words).
QUAD_COLOURS: dict[str, str] = {
    "VERBAL_COOPERATION": "#7fbf7b",
    "MATERIAL_COOPERATION": "#1b7837",
    "VERBAL_CONFLICT": "#f4a442",
    "MATERIAL_CONFLICT": "#d7301f",
}
OTHER_QUAD_COLOUR = "#8c8c8c"

#: Community colours (largest community first); the rest are grey. Tableau 20's darker half
#: and a few more, told apart more easily than a rainbow.
COMMUNITY_COLOURS = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b",
                     "#e377c2", "#17becf", "#bcbd22", "#393b79", "#637939", "#843c39"]

#: Display names for the legends.
TYPE_LABELS = {"PERSON": "Person", "ORGANIZATION": "Organization", "COUNTRY": "Country",
               "ARMED_GROUP": "Armed group", "IGO": "IGO", "MEDIA": "Media", "PARTY": "Party",
               "OTHER": "Other"}
QUAD_LABELS = {"VERBAL_COOPERATION": "verbal cooperation",
               "MATERIAL_COOPERATION": "material cooperation",
               "VERBAL_CONFLICT": "verbal conflict", "MATERIAL_CONFLICT": "material conflict",
               "OTHER": "other"}


def type_key(actor_type: str | None) -> str:
    """The legend key of an actor type (``OTHER`` for types without a colour)."""
    key = (actor_type or "").upper()
    return key if key in ACTOR_COLOURS else "OTHER"


def quad_key(quad: str | None) -> str:
    """The legend key of a quad class (``OTHER`` for unknown ones)."""
    key = (quad or "").upper()
    return key if key in QUAD_COLOURS else "OTHER"


def actor_colour(actor_type: str | None) -> str:
    """The node colour for an actor type (``OTHER_COLOUR`` for unknown types)."""
    return ACTOR_COLOURS.get((actor_type or "").upper(), OTHER_COLOUR)


def quad_colour(quad: str | None) -> str:
    """The edge colour for a quad class (grey for unknown ones)."""
    return QUAD_COLOURS.get((quad or "").upper(), OTHER_QUAD_COLOUR)


def summary_line(s: dict[str, Any]) -> str:
    """``"2 documents · 7 actors · 10 relations (8 asserted) · 2016-03-01 – 2016-04-02"``."""
    parts = [f"{s['documents']:,} document{'s' * (s['documents'] != 1)}",
             f"{s['actors']:,} actor{'s' * (s['actors'] != 1)}",
             f"{s['relations']:,} relation{'s' * (s['relations'] != 1)}"
             f" ({s['asserted_relations']:,} asserted)"]
    if s.get("first_date"):
        span = s["first_date"] if s["first_date"] == s["last_date"] else \
            f"{s['first_date']} – {s['last_date']}"
        parts.append(span)
    if s.get("since") or s.get("until"):
        parts.append(f"mentions from {s.get('since') or '…'} to {s.get('until') or '…'}")
    return " · ".join(parts)
