"""The graph model, defined once for every store, view and export.

Nodes
    ``(:Actor {id, name, type, country, sector, role, aliases, mentions, asserted_mentions})``
        one per canonical actor; ``mentions`` counts every relation mention it takes part in
        (provenance: negated and hedged ones too), ``asserted_mentions`` only the asserted
        ones, which is what ranks and sizes actors in default views and queries (an actor
        named only in non-facts has 0); ``aliases`` every surface form seen. A relation of an
        actor with itself counts twice, once as subject and once as object.
    ``(:Document {id, hash, title, date, source, url, triples})``
        the ledger: one per document merged, keyed by content ``hash``.

Relationships
    ``(:Actor)-[:<RELATION> {factuality, asserted, count, plover, quad, confidence, docs,
    evidence, evidence_docs}]->(:Actor)``
        one per (source, target, relation type, factuality). ``factuality`` is ``asserted``,
        ``negated`` or a modality (``hypothetical``, ``requested``...); only ``asserted``
        relationships (``asserted = true``) are facts, so weights and default views use those.
        ``count`` is the number of mentions, ``docs`` the ids of the documents saying it,
        ``evidence`` up to :data:`MAX_EVIDENCE` sentences with ``evidence_docs`` beside them.
    ``(:Actor)-[:MENTIONED_IN {count}]->(:Document)``
        which documents mention an actor in a relation, and how often.

Relationship types come only from the closed vocabulary in ``extract/lexicon/relations.toml``
(:func:`relation_types`), so no article text ever becomes part of a Cypher statement.
"""

from __future__ import annotations

from actorgraph.extract.lexicon import RELATION_NAME, load_relations

ACTOR = "Actor"
DOCUMENT = "Document"
MENTIONED_IN = "MENTIONED_IN"
MAX_EVIDENCE = 20

ACTOR_PROPERTIES = {
    "id": "STRING",
    "name": "STRING",
    "type": "STRING",
    "country": "STRING",
    "sector": "STRING",
    "role": "STRING",
    "aliases": "STRING[]",
    "mentions": "INT64",
    "asserted_mentions": "INT64",
}
DOCUMENT_PROPERTIES = {
    "id": "STRING",
    "hash": "STRING",
    "title": "STRING",
    "date": "STRING",
    "source": "STRING",
    "url": "STRING",
    "triples": "INT64",
}
RELATION_PROPERTIES = {
    "factuality": "STRING",
    "asserted": "BOOLEAN",
    "count": "INT64",
    "plover": "STRING",
    "quad": "STRING",
    "confidence": "DOUBLE",
    "docs": "STRING[]",
    "evidence": "STRING[]",
    "evidence_docs": "STRING[]",
}
MENTIONED_IN_PROPERTIES = {"count": "INT64"}


def relation_types(extra: tuple[str, ...] = ()) -> list[str]:
    """The closed vocabulary of relationship types, sorted.

    >>> "NEGOTIATES" in relation_types()
    True
    """
    return load_relations(extra).names()


def checked_relation_type(name: str, allowed: list[str] | None = None) -> str:
    """Return ``name`` if it is a vocabulary type; raise otherwise.

    Stores call this before a type is spliced into a statement: Cypher cannot take a
    relationship type as a parameter, so this check is what keeps text out of queries.
    """
    allowed = allowed if allowed is not None else relation_types()
    if not RELATION_NAME.match(name) or name not in allowed:
        raise ValueError(f"relationship type {name!r} is not in the relation vocabulary")
    return name
