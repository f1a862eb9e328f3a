"""The v2 graph model, defined once as data for every store, view and export.

See ``docs/MODEL.md`` (section 2) for the contract; this module is its executable form.

Nodes
    ``(:Actor {id, name, type, country, sector, role, aliases, mentions, asserted_mentions,
    first_seen DATE, last_seen DATE})``
        one per canonical actor. ``mentions`` counts every relation mention it takes part in
        (negated and hedged ones too), ``asserted_mentions`` only the asserted ones, which
        rank and size actors in default views (an actor named only in non-facts has 0). A
        relation of an actor with itself counts twice. ``first_seen``/``last_seen``: the
        earliest and latest date of its mentions (null if none is dated).
    ``(:Document {id, hash, title, date DATE, datetime TIMESTAMP, date_raw, source, url,
    triples})``
        the ledger: one per document merged, keyed by content ``hash``. ``date`` is the
        document's day; ``datetime`` is set only when the input gave a time of day.
        ``source`` is the outlet.
    ``(:Mention {id, sentence, start, end, trigger, relation, plover, quad, negated,
    modality, factuality, asserted, confidence, date DATE, month, date_precision,
    date_source, subject_text, object_text})``
        one per triple (relation mention), asserted or not. ``id`` is
        :func:`mention_id`; ``date`` is :func:`mention_date` of the triple's date and
        ``month`` its ``YYYY-MM`` string (month buckets as plain strings, because LadybugDB
        and Neo4j disagree on date functions but agree on string equality and order).

Relationships
    ``(:Mention)-[:SUBJECT]->(:Actor)``, ``(:Mention)-[:OBJECT]->(:Actor)``,
    ``(:Mention)-[:IN_DOCUMENT]->(:Document)``: provenance as graph data.
    ``(:Actor)-[:<RELATION> {count, plover, quad, confidence, first_seen, last_seen,
    documents, outlets}]->(:Actor)``
        asserted facts ONLY, one per (source, target, relation type). ``<RELATION>`` is a
        vocabulary type (:func:`relation_types`).
    ``(:Actor)-[:CLAIM {relation, factuality, negated, modality, count, ...}]->(:Actor)``
        every non-asserted statement (negated, hypothetical, future, reported, requested,
        intended, question, denied), one per (source, target, relation, factuality).
    ``(:Actor)-[:MENTIONED_IN {count}]->(:Document)``
        which documents mention an actor in a relation, and how often.

    On both relation shapes ``count`` is the number of mentions, ``documents`` the number of
    distinct documents (by hash), ``outlets`` the number of distinct ``Document.source``
    values, ``confidence`` the maximum, ``first_seen``/``last_seen`` the min/max of the
    mention dates.

Property types are the engine-neutral names LadybugDB uses (``STRING``, ``INT64``,
``DOUBLE``, ``BOOLEAN``, ``STRING[]``, ``DATE``, ``TIMESTAMP``); Neo4j receives Python
``datetime.date`` / ``datetime.datetime`` parameters, stored as ``date()`` /
``datetime()``; the neo4j-admin CSV header maps them with :data:`CSV_TYPES`.

Relationship types come only from the closed vocabulary in ``extract/lexicon/relations.toml``
(:func:`relation_types`) plus :data:`STRUCTURAL_TYPES`, so no article text ever becomes part
of a Cypher statement (:func:`checked_relation_type`).

>>> from actorgraph.extract.triples import ActorRef, Triple
>>> a = ActorRef("country:tur", "Turkey", "Turkey", "COUNTRY")
>>> b = ActorRef("country:irn", "Iran", "Iran", "COUNTRY")
>>> t = Triple("d1", "Turkey urged Iran to talk.", 0, 26, a, "APPEALS", b, "APPEAL",
...            "VERBAL_COOPERATION", "urged", date="2024-03", date_precision="month",
...            date_source="sentence", doc_hash="0123456789abcdef0123")
>>> row = mention_row(t, 3)
>>> row["id"], row["date"], row["month"], row["subject"], row["object"]
('0123456789abcdef-3', datetime.date(2024, 3, 1), '2024-03', 'country:tur', 'country:irn')
>>> relationship_type(t), relation_key(t)
('APPEALS', ('country:tur', 'country:irn', 'APPEALS', 'asserted'))
"""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING, Any

from actorgraph.extract.lexicon import RELATION_NAME, load_relations

if TYPE_CHECKING:  # the model is data; importing it must stay cheap
    from actorgraph.extract.triples import Triple

MODEL_VERSION = 2

# --- labels and structural relationship types ---------------------------------------------

ACTOR = "Actor"
DOCUMENT = "Document"
MENTION = "Mention"
CLAIM = "CLAIM"
SUBJECT = "SUBJECT"
OBJECT = "OBJECT"
IN_DOCUMENT = "IN_DOCUMENT"
MENTIONED_IN = "MENTIONED_IN"
NODE_LABELS = (ACTOR, DOCUMENT, MENTION)
#: Relationship types that are not relation vocabulary: never a vocabulary name.
STRUCTURAL_TYPES = (CLAIM, SUBJECT, OBJECT, IN_DOCUMENT, MENTIONED_IN)
#: (type, from label, to label) of every structural relationship.
STRUCTURAL_ENDPOINTS = (
    (CLAIM, ACTOR, ACTOR),
    (SUBJECT, MENTION, ACTOR),
    (OBJECT, MENTION, ACTOR),
    (IN_DOCUMENT, MENTION, DOCUMENT),
    (MENTIONED_IN, ACTOR, DOCUMENT),
)
#: Kept for v1 readers (graph.json evidence lists); v2 keeps every mention as a node.
MAX_EVIDENCE = 20

#: Quad classes counted as conflict by the escalation query.
CONFLICT_QUADS = ("VERBAL_CONFLICT", "MATERIAL_CONFLICT")
COOPERATION_QUADS = ("VERBAL_COOPERATION", "MATERIAL_COOPERATION")

# --- property maps (name -> engine-neutral type) -------------------------------------------

ACTOR_PROPERTIES: dict[str, str] = {
    "id": "STRING",
    "name": "STRING",
    "type": "STRING",
    "country": "STRING",
    "sector": "STRING",
    "role": "STRING",
    "aliases": "STRING[]",
    "mentions": "INT64",
    "asserted_mentions": "INT64",
    "first_seen": "DATE",
    "last_seen": "DATE",
}
DOCUMENT_PROPERTIES: dict[str, str] = {
    "id": "STRING",
    "hash": "STRING",
    "title": "STRING",
    "date": "DATE",
    "datetime": "TIMESTAMP",
    "date_raw": "STRING",
    "source": "STRING",
    "url": "STRING",
    "triples": "INT64",
}
MENTION_PROPERTIES: dict[str, str] = {
    "id": "STRING",
    "sentence": "STRING",
    "start": "INT64",
    "end": "INT64",
    "trigger": "STRING",
    "relation": "STRING",
    "plover": "STRING",
    "quad": "STRING",
    "negated": "BOOLEAN",
    "modality": "STRING",
    "factuality": "STRING",
    "asserted": "BOOLEAN",
    "confidence": "DOUBLE",
    "date": "DATE",
    "month": "STRING",
    "date_precision": "STRING",
    "date_source": "STRING",
    "subject_text": "STRING",
    "object_text": "STRING",
}
#: Properties of a vocabulary-typed (asserted) relationship.
RELATION_PROPERTIES: dict[str, str] = {
    "count": "INT64",
    "plover": "STRING",
    "quad": "STRING",
    "confidence": "DOUBLE",
    "first_seen": "DATE",
    "last_seen": "DATE",
    "documents": "INT64",
    "outlets": "INT64",
}
#: Properties of a CLAIM relationship: which relation, how it is (not) asserted, + the above.
CLAIM_PROPERTIES: dict[str, str] = {
    "relation": "STRING",
    "factuality": "STRING",
    "negated": "BOOLEAN",
    "modality": "STRING",
    **RELATION_PROPERTIES,
}
MENTIONED_IN_PROPERTIES: dict[str, str] = {"count": "INT64"}
#: SUBJECT, OBJECT and IN_DOCUMENT carry no properties.
LINK_PROPERTIES: dict[str, str] = {}

#: Model type -> neo4j-admin CSV header suffix (INT64 is a Java long).
CSV_TYPES = {"STRING": "", "INT64": ":long", "DOUBLE": ":double", "BOOLEAN": ":boolean",
             "STRING[]": ":string[]", "DATE": ":date", "TIMESTAMP": ":datetime"}

# --- the closed vocabulary -----------------------------------------------------------------


def relation_types(extra: tuple[str, ...] = ()) -> list[str]:
    """The closed vocabulary of relationship types, sorted.

    >>> "NEGOTIATES" in relation_types()
    True
    """
    return load_relations(extra).names()


def checked_relation_type(name: str, allowed: list[str] | None = None,
                          structural: bool = False) -> str:
    """Return ``name`` if it is a vocabulary type (or, with ``structural``, one of
    :data:`STRUCTURAL_TYPES`); raise ``ValueError`` otherwise.

    Stores call this before a type is spliced into a statement: Cypher cannot take a
    relationship type as a parameter, so this check is what keeps text out of queries.

    >>> checked_relation_type("CLAIM", structural=True)
    'CLAIM'
    """
    if structural and name in STRUCTURAL_TYPES:
        return name
    allowed = allowed if allowed is not None else relation_types()
    if not RELATION_NAME.match(name) or name not in allowed or name in STRUCTURAL_TYPES:
        raise ValueError(f"relationship type {name!r} is not in the relation vocabulary")
    return name


# --- dates ---------------------------------------------------------------------------------

_ISO_DAY = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def mention_date(value: str | None) -> dt.date | None:
    """A triple's date (``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``) as a day.

    A coarser date stands for its first day (``2024-03`` -> 2024-03-01, ``2024`` -> Jan 1),
    as docs/MODEL.md fixes it; anything unreadable is None (undated), never today.

    >>> mention_date("2024-03"), mention_date("2024"), mention_date("soon")
    (datetime.date(2024, 3, 1), datetime.date(2024, 1, 1), None)
    """
    if not value:
        return None
    m = _ISO_DAY.match(str(value).strip())
    if m is None:
        return None
    try:
        return dt.date(int(m.group(1)), int(m.group(2) or 1), int(m.group(3) or 1))
    except ValueError:
        return None


def month_of(day: dt.date | None) -> str | None:
    """``YYYY-MM`` of a day, the string month bucket of ``Mention.month``.

    >>> month_of(dt.date(2024, 3, 5))
    '2024-03'
    """
    return None if day is None else f"{day.year:04d}-{day.month:02d}"


def document_dates(value: str | None) -> tuple[dt.date | None, dt.datetime | None]:
    """``(date, datetime)`` of a document's ISO ``date`` field.

    A plain day gives no datetime; a datetime keeps its offset and gives its own day (as
    written, not converted to UTC: the outlet's calendar day is what readers saw). Older
    stores kept free-text dates: those that are not ISO give ``(None, None)``.

    >>> document_dates("2024-03-07T10:00:00+00:00")[1].isoformat()
    '2024-03-07T10:00:00+00:00'
    >>> document_dates("2024-03-05"), document_dates("5 March 2024")
    ((datetime.date(2024, 3, 5), None), (None, None))
    """
    if not value:
        return None, None
    text = str(value).strip()
    if len(text) > 10 and text[10] in "T ":
        try:
            stamp = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
        except ValueError:
            return None, None
        return stamp.date(), stamp
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        return None, None
    return mention_date(text), None


def iso(value: dt.date | dt.datetime | str | None) -> str | None:
    """ISO string of a date/datetime (strings pass through): the store API's date form."""
    if value is None or isinstance(value, str):
        return value
    return value.isoformat()


# --- triples -> model rows -----------------------------------------------------------------


def mention_id(doc_hash: str, index: int) -> str:
    """``Mention.id``: the first 16 hex of the document hash, ``-``, the triple's index in
    its document (0-based, in extraction order). Stable across re-loads of one document.

    >>> mention_id("0123456789abcdef0123", 0)
    '0123456789abcdef-0'
    """
    return f"{doc_hash[:16]}-{index}"


def relationship_type(t: Triple) -> str:
    """The relationship a triple counts towards: its vocabulary type if asserted, else CLAIM."""
    return t.relation if t.asserted else CLAIM


def relation_key(t: Triple) -> tuple[str, str, str, str]:
    """``(source, target, relation, factuality)``: one relationship per key (for an asserted
    triple the factuality is always ``asserted``, so the key is one per type)."""
    return (t.subject.id, t.object.id, t.relation, t.factuality)


def mention_row(t: Triple, index: int, doc_hash: str | None = None) -> dict[str, Any]:
    """A triple as its ``Mention`` node: every :data:`MENTION_PROPERTIES` key (``date`` a
    ``datetime.date``), plus ``subject``/``object`` (actor ids) and ``doc_hash`` for the
    SUBJECT, OBJECT and IN_DOCUMENT links. ``doc_hash`` defaults to ``t.doc_hash``."""
    doc_hash = doc_hash or t.doc_hash
    if not doc_hash:
        raise ValueError(f"triple {index} of document {t.doc!r} has no document hash")
    day = mention_date(t.date)
    return {
        "id": mention_id(doc_hash, index),
        "sentence": t.sentence,
        "start": t.start,
        "end": t.end,
        "trigger": t.trigger,
        "relation": t.relation,
        "plover": t.plover,
        "quad": t.quad,
        "negated": t.negated,
        "modality": t.modality,
        "factuality": t.factuality,
        "asserted": t.asserted,
        "confidence": round(float(t.confidence), 3),
        "date": day,
        "month": month_of(day),
        "date_precision": t.date_precision if day else None,
        "date_source": t.date_source if day else None,
        "subject_text": t.subject.text,
        "object_text": t.object.text,
        "subject": t.subject.id,
        "object": t.object.id,
        "doc_hash": doc_hash,
    }
