"""Relations: (actor, relation, actor) triples from the dependency parse of a Doc.

Two trigger kinds, both from the relation lexicon: verbs (with particles, prepositions and
light-verb nouns, "put pressure on") and relation nouns ("talks between A and B", "visits
by A to B", "cooperation with B", "with the help of A"). Subjects are found through
passives, conjunctions, control ("urged Obama to threaten Assad": Obama is the threatener),
relative clauses and nominal heads; each triple gets its factuality (negation, modality)
from the path between the trigger and the sentence root.

The stages, one module each:

- ``mentions``: tokens to actor mentions (names, pronouns, the actors behind a thing);
- ``arguments``: subjects, passive agents, control, conjunctions, relative clauses, objects;
- ``verbs``, ``nouns``, ``predicates``: the relation finders;
- ``targets``: targets beyond a trigger's objects (complement, purpose, place, condition);
- ``framed``: frame matches (``extract/frames.py``, the CAMEO verb dictionary) as findings,
  merged with the rules' (one statement per pair);
- ``derived``: reverses of mutual acts, refusals, ultimatums, and what is kept;
- ``intent``: statements of intent, offer, pledge and refusal as asserted acts;
- ``factuality``: negation and modality; ``confidence``: nesting and attribution;
- ``acts``: one-actor events; ``records``: the public :func:`extract_records`.

>>> from actorgraph.extract.pipeline import Extractor  # doctest: +SKIP
>>> [(t.subject.name, t.relation, t.object.name, t.modality) for t in
...  Extractor().extract_text("Petraeus urged Obama to threaten Assad.")]  # doctest: +SKIP
[('Petraeus', 'URGES', 'Obama', 'asserted'), ('Obama', 'THREATENS', 'Assad', 'requested')]
"""

from __future__ import annotations

from actorgraph.extract.relations.factuality import factuality, is_question
from actorgraph.extract.relations.model import Act, Finding, Sentence
from actorgraph.extract.relations.records import extract_records

__all__ = ["Act", "Finding", "Sentence", "extract_records", "factuality", "is_question"]
