"""A graph where counting every mention and counting only facts disagree (shared test data).

Portugal and Spain meet, asserted, twice; Hungary and Slovakia are named in ten relation
mentions that are all negated or hedged (hypothetical, requested, denied...). Counted by all
mentions Hungary and Slovakia (10 each) outrank Portugal and Spain (2 each); counted by
asserted mentions, the facts, Portugal and Spain come first and Hungary and Slovakia have 0.
"""

from __future__ import annotations

from actorgraph.extract.lexicon import load_relations
from actorgraph.extract.triples import ActorRef, Triple
from actorgraph.graph.store import DocumentRecord, MemoryStore

PRT = ActorRef("country:PRT", "Portugal", "Portugal", "COUNTRY", "PRT")
ESP = ActorRef("country:ESP", "Spain", "Spain", "COUNTRY", "ESP")
HUN = ActorRef("country:HUN", "Hungary", "Hungary", "COUNTRY", "HUN")
SVK = ActorRef("country:SVK", "Slovakia", "Slovakia", "COUNTRY", "SVK")
FACTS = {PRT.id, ESP.id}
HEDGED = {HUN.id, SVK.id}

#: (negated, modality) of the ten non-asserted Hungary-Slovakia mentions.
HEDGES = [(True, "asserted"), (False, "hypothetical"), (False, "future"), (False, "question"),
          (False, "reported"), (False, "requested"), (False, "intended"), (False, "denied"),
          (True, "asserted"), (False, "requested")]


def _triple(doc: str, s: ActorRef, rel: str, o: ActorRef, sentence: str, start: int,
            negated: bool = False, modality: str = "asserted") -> Triple:
    rt = load_relations().get(rel)
    return Triple(doc=doc, sentence=sentence, start=start, end=start + len(sentence),
                  subject=s, relation=rel, object=o, plover=rt.plover, quad=rt.quad,
                  trigger="t", negated=negated, modality=modality, doc_hash=f"hash-{doc}")


def hedged_document(doc: str = "europe") -> tuple[DocumentRecord, list[Triple]]:
    triples = [
        _triple(doc, PRT, "MEETS", ESP, "Portugal met Spain in Lisbon.", 0),
        _triple(doc, PRT, "MEETS", ESP, "Portugal and Spain met again.", 40),
    ]
    for i, (negated, modality) in enumerate(HEDGES):
        triples.append(_triple(doc, HUN, "MEETS", SVK, f"Hungary and Slovakia, hedge {i}.",
                               100 + 40 * i, negated=negated, modality=modality))
    return DocumentRecord(doc, f"hash-{doc}", title="Europe"), triples


def hedged_store() -> MemoryStore:
    store = MemoryStore()
    store.add_document(*hedged_document())
    return store
