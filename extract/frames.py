"""Relation frames as data: a frame says which word triggers a relation and where in the
dependency tree its target is; frames are compiled to spaCy ``DependencyMatcher`` patterns.

A frame binds the trigger, the target and (when it constrains one) the object noun. It does
not bind the source actor: subjects, passive agents, control and conjunctions are argument
mechanisms in code (the relations stage), shared by every frame.

Frame files are TOML, one ``[[frame]]`` table per frame (see ``lexicon/frames.toml``)::

    [[frame]]
    trigger = "call"                  # lemma of the trigger word
    pos = "VERB"                      # VERB (default) or NOUN
    target = "complement_subject"     # where the target is (TARGETS below)
    preps = ["on", "upon"]            # prepositions that introduce the target
    relation = "URGES"                # a type of the relation vocabulary
    cameo = "020"                     # optional CAMEO code
    modality = "requested"            # what the frame does to the complement act

>>> frames = load_frames(builtin=True)
>>> any(f.trigger == "call" and f.target == "complement_subject" for f in frames)
True
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, fields, replace
from difflib import get_close_matches
from functools import lru_cache
from pathlib import Path

import numpy
import tomllib
from spacy.attrs import DEP, HEAD, LEMMA, LOWER, POS
from spacy.matcher import DependencyMatcher
from spacy.strings import StringStore
from spacy.tokens import Doc, Span, Token
from spacy.vocab import Vocab

from actorgraph.extract.documents import InputProblem
from actorgraph.extract.lexicon import LEXICON_DIR, RelationVocabulary, load_relations
from actorgraph.extract.wordlists import word_set

#: Nouns that count what follows "of": "dozens of warships", "a fleet of drones".
QUANTITY_NOUNS = word_set("quantity_nouns")
EMBLEM_NOUNS = word_set("emblem_nouns")

#: Where a frame's target is, relative to the trigger:
#:   dobj                the direct object ("attacked Kabul"; the subject of a passive trigger)
#:   dative              the indirect object ("gave Kabul aid")
#:   prep                the object of one of ``preps`` on the trigger ("talks with Kabul");
#:                       ``via`` then walks on through further prepositions ("advised
#:                       citizens against travel to Malawi": preps against, via to)
#:   object_prep         the object of one of ``preps`` on the object noun, or on the
#:                       trigger beside it ("presented evidence against Somalia", "put
#:                       pressure on Kabul"), or the dative ("gave Kabul support")
#:   complement_subject  the subject of the trigger's infinitive or clause ("wants Moscow to
#:                       pull back", "pushed Norway to act"); with ``preps``, the object of
#:                       the preposition before it ("called on Rome to reopen")
#:   clause_subject      the subject of the trigger's finite clause, said or adverbial
#:                       ("protested that Croatian authorities were failing", "lodged a
#:                       protest after Japan's prime minister visited"), not an asked one
#:   object              whom the object noun (one of ``objects``) stands for: its modifier,
#:                       owner or by-agent ("intercepted Hezbollah rockets", "shot down
#:                       missiles fired by the Houthis")
TARGETS = ("dobj", "dative", "prep", "object_prep", "complement_subject", "clause_subject",
           "object")
POSES = ("VERB", "NOUN")
#: Modality a frame puts on its complement act ("urged X to attack": the attack is
#: requested). "asserted" means the complement act is a fact ("helped X to rebuild").
MODALITIES = ("requested", "intended", "future", "reported", "hypothetical", "asserted")
PLOVER = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
          "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE",
          "ASSAULT")
#: Prepositions that may introduce a target when an object_prep frame names none.
TARGET_PREPS = ("to", "on", "upon", "against", "for", "with", "of", "from", "in", "into",
                "at", "toward", "towards", "over")
FRAME_FIELDS = ("trigger", "pos", "relation", "target", "preps", "via", "particle", "objects",
                "object_preps", "subjects", "cameo", "plover", "mutual", "backward", "modality",
                "origin", "note")
BUILTIN_FRAMES = LEXICON_DIR / "frames.toml"
#: Entries of the (lemma, anchors) -> frames memo of a FrameSet before it starts afresh.
FRAME_MEMO_SIZE = 200_000
_CAMEO = re.compile(r"^\d{2,4}$")
_WORD = re.compile(r"^[a-z][a-z'-]*$")
_PHRASE = re.compile(r"^[a-z0-9][a-z0-9'-]*( [a-z0-9][a-z0-9'-]*)*$")
_NOMINAL = {"POS": {"IN": ["PROPN", "NOUN", "PRON"]}}
_COMPLEMENT_DEPS = ["xcomp", "ccomp", "advcl"]


@dataclass(frozen=True)
class Frame:
    """One relation frame: a trigger, where its target is, and what relation it gives.

    ``objects`` (words or phrases, lower case) constrain the trigger's object noun, which is
    its direct object or, with ``object_preps``, the object of one of those prepositions
    ("asked Kabul for aid": objects aid, object_preps for, target dobj).
    """

    trigger: str
    relation: str
    pos: str = "VERB"
    target: str = "dobj"
    preps: tuple[str, ...] = ()
    via: tuple[str, ...] = ()
    particle: str | None = None
    objects: tuple[str, ...] = ()
    object_preps: tuple[str, ...] = ()
    subjects: tuple[str, ...] = ()
    cameo: str | None = None
    plover: str | None = None
    mutual: bool = False
    #: the target does the act to the source: "received a loan from China" is China's aid
    #: (PETRARCH's ``[:B]`` codes), so the statement runs target -> source
    backward: bool = False
    modality: str | None = None
    origin: str = ""
    #: compiled from a verb dictionary (CAMEO): broad, so it speaks only where the
    #: vocabulary and hand-written frames are silent (relations/framed.py)
    dictionary: bool = False

    @property
    def specificity(self) -> int:
        """How much the frame demands beyond its trigger: more specific frames win."""
        return (2 * bool(self.objects) + bool(self.particle) + bool(self.preps)
                + len(self.via) + bool(self.object_preps) + bool(self.subjects))


@dataclass(frozen=True)
class FrameMatch:
    """A frame that fired: token indices (in the Doc) of its trigger, target, object noun
    and complement verb ("urged X to *act*"), and whether the trigger was passive (the
    target is then its subject, the source the ``by`` agent)."""

    frame: Frame
    trigger: int
    target: int
    object: int | None = None
    complement: int | None = None
    passive: bool = False


# --- loading -------------------------------------------------------------------------------

class FrameError(ValueError):
    """A frame file cannot be read at all (missing, not UTF-8)."""


def _what(value: object) -> str:
    kinds = {bool: "boolean", int: "integer", float: "float", str: "string", list: "array",
             dict: "table"}
    shown = repr(value)
    return f"{kinds.get(type(value), type(value).__name__)} " \
           f"{shown if len(shown) <= 40 else shown[:37] + '...'}"


def _strings(entry: dict, key: str, pattern: re.Pattern[str]) -> tuple[str, ...]:
    """The list field ``key`` as a tuple of lower-case strings; ValueError if malformed."""
    value = entry.get(key, [])
    if isinstance(value, str):
        value = [value]  # a single preposition or object written without brackets
    if not isinstance(value, list):
        raise ValueError(f"{key} must be an array of strings, not {_what(value)}")
    out = []
    for item in value:
        if not isinstance(item, str) or not pattern.match(item.strip().lower()):
            raise ValueError(f"{key} item {_what(item)} must be a lower-case word or phrase")
        out.append(item.strip().lower())
    return tuple(out)


def _optional_str(entry: dict, key: str) -> str | None:
    value = entry.get(key)
    if value is not None and not isinstance(value, str):
        raise ValueError(f"{key} must be a string, not {_what(value)}")
    return value.strip() if value else None


def frames_from_record(entry: object, vocab: RelationVocabulary,
                       origin: str = "") -> list[Frame]:
    """One ``[[frame]]`` table as Frames, one per trigger (``trigger`` may be a list of
    lemmas sharing everything else); ValueError says what is wrong with the record."""
    if isinstance(entry, dict) and isinstance(entry.get("trigger"), list):
        triggers = entry["trigger"]
        if not triggers:
            raise ValueError("trigger must not be an empty array")
        first = frame_from_record({**entry, "trigger": triggers[0]}, vocab, origin)
        out = [first]
        for t in triggers[1:]:
            # the rest of the record is checked once; each further trigger only as a word
            if not isinstance(t, str) or not _WORD.match(t.strip().lower()):
                raise ValueError(f"trigger {_what(t)} must be one lemma")
            out.append(replace(first, trigger=t.strip().lower()))
        return out
    return [frame_from_record(entry, vocab, origin)]


def frame_from_record(entry: object, vocab: RelationVocabulary, origin: str = "") -> Frame:
    """One ``[[frame]]`` table (with one trigger) as a Frame; ValueError says what is wrong
    with it. An ``origin`` field in the record (where a compiled frame came from) wins."""
    if not isinstance(entry, dict):
        raise ValueError(f"must be a [[frame]] table, not {_what(entry)}")
    for key in entry:
        if key not in FRAME_FIELDS:
            hint = get_close_matches(key, FRAME_FIELDS, n=1)
            raise ValueError(f"unknown field {key!r}"
                             + (f" (did you mean {hint[0]!r}?)" if hint else ""))
    for key in ("trigger", "relation"):
        if not isinstance(entry.get(key), str) or not entry[key].strip():
            raise ValueError(f"missing or empty field {key!r}")
    trigger = entry["trigger"].strip().lower()
    if not _WORD.match(trigger):
        raise ValueError(f"trigger {trigger!r} must be one lemma (a particle goes in 'particle')")
    relation = entry["relation"].strip()
    if relation not in vocab:
        hint = get_close_matches(relation, vocab.names(), n=1)
        raise ValueError(f"unknown relation {relation!r}"
                         + (f" (did you mean {hint[0]!r}?)" if hint else ""))
    pos = (_optional_str(entry, "pos") or "VERB").upper()
    target = _optional_str(entry, "target") or "dobj"
    modality = _optional_str(entry, "modality")
    plover = _optional_str(entry, "plover") or vocab.get(relation).plover
    cameo = _optional_str(entry, "cameo")
    if pos not in POSES:
        raise ValueError(f"pos {pos!r} must be one of {', '.join(POSES)}")
    if target not in TARGETS:
        raise ValueError(f"target {target!r} must be one of {', '.join(TARGETS)}")
    if modality is not None and modality not in MODALITIES:
        raise ValueError(f"modality {modality!r} must be one of {', '.join(MODALITIES)}")
    if plover not in PLOVER:
        raise ValueError(f"plover {plover!r} is no PLOVER category")
    if cameo is not None and not _CAMEO.match(cameo):
        raise ValueError(f"cameo {cameo!r} must be 2-4 digits")
    for flag in ("mutual", "backward"):
        if not isinstance(entry.get(flag, False), bool):
            raise ValueError(f"{flag} must be true or false, not {_what(entry[flag])}")
    if entry.get("mutual") and entry.get("backward"):
        raise ValueError("a mutual act holds both ways: it cannot also be backward")
    frame = Frame(
        trigger=trigger, relation=relation, pos=pos, target=target,
        preps=_strings(entry, "preps", _WORD), via=_strings(entry, "via", _WORD),
        particle=(_optional_str(entry, "particle") or "").lower() or None,
        objects=_strings(entry, "objects", _PHRASE),
        object_preps=_strings(entry, "object_preps", _WORD),
        subjects=_strings(entry, "subjects", _PHRASE),
        cameo=cameo, plover=plover, mutual=entry.get("mutual", False),
        backward=entry.get("backward", False), modality=modality,
        origin=_optional_str(entry, "origin") or origin,
    )
    _check_shape(frame)
    return frame


def _check_shape(frame: Frame) -> None:
    """Combinations of fields no pattern can express."""
    if frame.pos == "NOUN" and frame.target in {"dobj", "dative", "complement_subject",
                                                "clause_subject"}:
        raise ValueError(f"a NOUN trigger has no {frame.target}; use target = 'prep'")
    if frame.target == "prep" and not frame.preps:
        raise ValueError("target 'prep' needs preps")
    if frame.via and frame.target != "prep":
        raise ValueError("via only follows target 'prep'")
    if frame.target == "object" and not frame.objects:
        raise ValueError("target 'object' needs objects (the object noun's lemmas)")
    if frame.target == "object_prep" and not frame.objects:
        raise ValueError("target 'object_prep' needs objects (the object noun's lemmas)")
    if frame.target == "dobj" and frame.objects and not frame.object_preps:
        raise ValueError("objects constrain the direct object, which is the target: use "
                         "target 'object_prep' or give object_preps")


_FRAME_HEADER = re.compile(r"^\s*\[\[\s*(?:frame|\"frame\")\s*\]\]\s*(#.*)?$")


def _records(text: str) -> list[tuple[int, str]]:
    """The file cut into its ``[[frame]]`` records: (first line, text). Each record is
    parsed alone, so a syntax error costs one record, not the file."""
    lines = text.splitlines()
    starts = [i for i, line in enumerate(lines) if _FRAME_HEADER.match(line)]
    chunks = [(1, "\n".join(lines[: starts[0] if starts else len(lines)]))]
    for n, start in enumerate(starts):
        end = starts[n + 1] if n + 1 < len(starts) else len(lines)
        chunks.append((start + 1, "\n".join(lines[start:end])))
    return chunks


def read_frame_file(
    path: str | Path, vocab: RelationVocabulary | None = None,
    report: Callable[[InputProblem], None] | None = None,
) -> list[Frame]:
    """The valid frames of one TOML frame file. Each bad record goes to ``report`` as one
    ``FILE:LINE: what is wrong`` problem and is skipped; the rest loads."""
    path = Path(path)
    vocab = vocab or load_relations()
    report = report or (lambda problem: None)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeError) as e:
        raise FrameError(f"{path}: cannot read frame file: {e}") from e
    frames: list[Frame] = []
    chunks = _records(text)
    try:
        # fast path: the whole file at once (the compiled CAMEO file has thousands of
        # records); a syntax error falls back to record by record
        whole = tomllib.loads(text)
    except tomllib.TOMLDecodeError:
        whole = None
    entries = whole.get("frame") if whole is not None else None
    if isinstance(entries, list) and len(entries) == len(chunks) - 1 and \
            set(whole) == {"frame"}:
        for (first, _), entry in zip(chunks[1:], entries, strict=True):
            _add_record(frames, entry, vocab, path, first, report)
        return frames
    for first, chunk in chunks:
        try:
            data = tomllib.loads(chunk)
        except tomllib.TOMLDecodeError as e:
            # tomllib counts lines from the start of the record
            m = re.search(r"line (\d+)", str(e))
            line = first + int(m.group(1)) - 1 if m else first
            report(InputProblem(str(path), f"invalid TOML: {e}; record skipped", line))
            continue
        for key in data:
            if key != "frame":
                report(InputProblem(str(path), f"unknown top-level key {key!r}; ignored",
                                    first))
        for entry in data.get("frame", []) if isinstance(data.get("frame"), list) else []:
            _add_record(frames, entry, vocab, path, first, report)
    return frames


def _add_record(frames: list[Frame], entry: object, vocab: RelationVocabulary, path: Path,
                line: int, report: Callable[[InputProblem], None]) -> None:
    """Append the frames of one record, or report it as ``FILE:LINE`` and skip it."""
    try:
        frames.extend(frames_from_record(entry, vocab, f"{path}:{line}"))
    except ValueError as e:
        report(InputProblem(str(path), f"frame: {e}; skipped", line))


def load_frames(
    paths: Iterable[str | Path] = (), *, builtin: bool = True,
    vocab: RelationVocabulary | None = None,
    report: Callable[[InputProblem], None] | None = None,
) -> FrameSet:
    """The built-in frames (``lexicon/frames.toml``) and those of each file in ``paths``,
    compiled. Problems go to ``report`` and are kept in ``FrameSet.problems``."""
    vocab = vocab or load_relations()
    problems: list[InputProblem] = []

    def keep(problem: InputProblem) -> None:
        problems.append(problem)
        if report:
            report(problem)

    frames: list[Frame] = []
    for path in ([BUILTIN_FRAMES] if builtin else []) + [Path(p) for p in paths]:
        frames.extend(read_frame_file(path, vocab, keep))
    return FrameSet(frames, problems)


# --- compiling -----------------------------------------------------------------------------

def word_forms(word: str) -> list[str]:
    """A noun (or the last word of a phrase) with its regular plural or singular, so that a
    pattern written in either number matches both ("sanction" ~ "sanctions")."""
    forms = [word]
    if word.endswith("ies"):
        forms.append(word[:-3] + "y")
    elif word.endswith(("ses", "xes", "ches", "shes")):
        forms.append(word[:-2])
    elif word.endswith("s") and not word.endswith("ss"):
        forms.append(word[:-1])
    elif word.endswith("y") and word[-2:-1] not in tuple("aeiou"):
        forms.append(word[:-1] + "ies")
    elif word.endswith(("s", "x", "ch", "sh")):
        forms.append(word + "es")
    else:
        forms.append(word + "s")
    return forms


def head_forms(phrases: Sequence[str]) -> list[str]:
    """Forms of the last words of ``phrases`` (either number), for one matcher node."""
    return list(dict.fromkeys(f for p in phrases for f in word_forms(p.split()[-1])))


@lru_cache(maxsize=20_000)
def _phrase_index(phrases: tuple[str, ...]) -> dict[str, list[list[str]]]:
    """A frame's phrases by each form of their last word (either number), with the words
    before it: a candidate match looks up its head word once instead of walking a
    dictionary frame's synonym set (bounded, as user frame files may hold many)."""
    index: dict[str, list[list[str]]] = {}
    for phrase in phrases:
        words = phrase.split()
        for form in word_forms(words[-1]):
            index.setdefault(form, []).append(words[:-1])
    return index


def _phrase_at(doc: Doc, i: int, phrases: Sequence[str]) -> bool:
    """True if one of ``phrases`` ends at token ``i``: its head there (either number) and
    the words before it right before (hyphens skipped: "cease-fire" ~ "cease fire")."""
    leads = _phrase_index(tuple(phrases)).get(doc[i].lower_)
    if not leads:
        return False
    if any(not lead for lead in leads):
        return True
    longest = max(len(lead) for lead in leads)
    before = [t.lower_ for t in doc[max(0, i - 2 * longest - 2):i] if t.text != "-"]
    return any(before[len(before) - len(lead):] == lead for lead in leads)


class _Pattern:
    """A DependencyMatcher pattern under construction, with the position of each role."""

    def __init__(self, trigger_attrs: dict) -> None:
        self.nodes: list[dict] = [{"RIGHT_ID": "trigger", "RIGHT_ATTRS": trigger_attrs}]
        self.roles: dict[str, int] = {"trigger": 0}

    def add(self, left: str, name: str, attrs: dict, op: str = ">") -> _Pattern:
        self.nodes.append({"LEFT_ID": left, "REL_OP": op, "RIGHT_ID": name,
                           "RIGHT_ATTRS": attrs})
        if name in {"target", "object", "complement", "subject"}:
            self.roles[name] = len(self.nodes) - 1
        return self

    def copy(self) -> _Pattern:
        new = _Pattern({})
        new.nodes = [dict(n) for n in self.nodes]
        new.roles = dict(self.roles)
        return new


def _prep(preps: Sequence[str]) -> dict:
    # the parser labels the "to" of "sent aid to Peru" dative, not prep
    return {"DEP": {"IN": ["prep", "dative"]}, "LOWER": {"IN": list(preps)}}


def _on_governor(base: _Pattern, preps: Sequence[str]) -> _Pattern:
    """A noun frame's preposition hung on the verb whose object the noun is, as the
    parser often hangs it: "continue coalition operations against Da'esh"."""
    p = base.copy()
    p.nodes[0] = {**p.nodes[0], "RIGHT_ATTRS": {**p.nodes[0]["RIGHT_ATTRS"], "DEP": "dobj"}}
    p.add("trigger", "governor", {"POS": {"IN": ["VERB"]}}, op="<")
    p.add("governor", "tprep", _prep(preps))
    return p.add("tprep", "target", {"DEP": "pobj", **_NOMINAL})


def _with_subject(base: _Pattern, forms: list[str], counted: bool) -> list[_Pattern]:
    """``base`` constrained by its subject noun, also when ``counted`` ("thousands of
    troops massed"; hand-written frames, as for objects). "&MILITARY * EXERCISES": a
    constraint on the subject noun, not a binding of the source actor (the nation behind
    "Israeli aircraft" is found in code)."""
    deps = {"DEP": {"IN": ["nsubj", "nsubjpass"]}}
    direct = base.copy().add("trigger", "subject", {**deps, "LOWER": {"IN": forms}})
    if not counted:
        return [direct]
    counted = base.copy().add("trigger", "quantity",
                              {**deps, "LEMMA": {"IN": sorted(QUANTITY_NOUNS)}})
    counted.add("quantity", "of", {"DEP": "prep", "LOWER": "of"})
    counted.add("of", "subject", {"DEP": "pobj", "LOWER": {"IN": forms}})
    # "Iraqi forces continued to clear ISIL from Mosul": the subject of the verb whose
    # infinitive the trigger is
    controlled = base.copy()
    controlled.nodes[0]["RIGHT_ATTRS"] = {**controlled.nodes[0]["RIGHT_ATTRS"], "DEP": "xcomp"}
    controlled.add("trigger", "controller", {"POS": {"IN": ["VERB", "AUX"]}}, op="<")
    controlled.add("controller", "subject", {**deps, "LOWER": {"IN": forms}})
    return [direct, counted, controlled]


def _with_object(base: _Pattern, frame: Frame, forms: list[str] | None) -> list[_Pattern]:
    """``base`` plus the object noun node: any noun, or one of ``forms``. A hand-written
    frame's listed direct object may also be counted ("deployed dozens of warships") or
    come after another conjunct ("moved heavy weapons and troops")."""
    attrs: dict = {"LOWER": {"IN": forms}} if forms else {"POS": {"IN": ["NOUN", "PROPN"]}}
    p = base.copy()
    if frame.object_preps:
        p.add("trigger", "object_prep", _prep(frame.object_preps))
        p.add("object_prep", "object", {"DEP": "pobj", **attrs})
        if "as" not in frame.object_preps:
            return [p]
        # "designated the Houthis a terrorist organization" says "as" without the word
        return [p, base.copy().add("trigger", "object", {"DEP": "oprd", **attrs})]
    p.add("trigger", "object", {"DEP": "dobj", **attrs})
    if not forms or frame.dictionary:
        # (hand-written frames only: the dictionary's 6,000 frames would triple their
        # patterns, and their cost on every sentence, for its literal object nouns)
        return [p]
    counted = base.copy().add("trigger", "quantity", {"DEP": "dobj",
                                                      "LEMMA": {"IN": sorted(QUANTITY_NOUNS)}})
    counted.add("quantity", "of", {"DEP": "prep", "LOWER": "of"})
    counted.add("of", "object", {"DEP": "pobj", **attrs})
    second = base.copy().add("trigger", "first", {"DEP": "dobj"})
    second.add("first", "object", {"DEP": "conj", **attrs})
    # the parser may take a long run of modifiers for the object and the listed noun for
    # a predicate: "received heavy machine gun and grenade fire from ISIL" ([gun] dobj,
    # [fire] oprd)
    predicate = base.copy().add("trigger", "object", {"DEP": "oprd", **attrs})
    out = [p, counted, second, predicate]
    if frame.target == "object":
        # the thing that stands for the target may be a passive's subject: "the missiles
        # were intercepted by a US destroyer"
        out.append(base.copy().add("trigger", "object", {"DEP": "nsubjpass", **attrs}))
    return out


def _target_patterns(frame: Frame, base: _Pattern) -> list[_Pattern]:
    """Alternatives for where the target is (parses vary: a preposition may hang on the
    verb or on its object)."""
    out: list[_Pattern] = []
    if frame.target == "dobj":
        out.append(base.copy().add("trigger", "target", {"DEP": "dobj", **_NOMINAL}))
        if not frame.subjects:  # a passive's subject is its target, so no subject constraint
            out.append(base.copy().add("trigger", "target", {"DEP": "nsubjpass", **_NOMINAL}))
    elif frame.target == "dative":
        out.append(base.copy().add("trigger", "target", {"DEP": "dative", **_NOMINAL}))
    elif frame.target == "prep":
        p = base.copy().add("trigger", "tprep", _prep(frame.preps))
        p.add("tprep", "target" if not frame.via else "hop0", {"DEP": "pobj"})
        gerund = base.copy().add("trigger", "tprep", _prep(frame.preps))
        gerund.add("tprep", "hop0", {"DEP": "pcomp"})  # "against travelling to"
        out.extend([p] + ([gerund] if frame.via else []))
        for n, prep in enumerate(frame.via):
            last = n == len(frame.via) - 1
            for p in out:
                p.add(f"hop{n}", f"vprep{n}", _prep([prep]))
                p.add(f"vprep{n}", "target" if last else f"hop{n + 1}", {"DEP": "pobj"})
        if not frame.via:
            out[0].nodes[-1]["RIGHT_ATTRS"].update(_NOMINAL)
            if frame.pos == "NOUN" and not frame.dictionary:
                out.append(_on_governor(base, frame.preps))
    elif frame.target == "object_prep":
        preps = frame.preps or TARGET_PREPS
        on_object = base.copy().add("object", "tprep", _prep(preps))
        on_trigger = base.copy().add("trigger", "tprep", _prep(preps))
        out = [p.add("tprep", "target", {"DEP": "pobj", **_NOMINAL})
               for p in (on_object, on_trigger)]
        if not frame.object_preps:
            out.append(base.copy().add("trigger", "target", {"DEP": "dative", **_NOMINAL}))
        if not frame.preps and not frame.object_preps and frame.objects and \
                set(frame.objects) <= EMBLEM_NOUNS:
            # "burned the Israeli flag": an emblem stands for whose it is
            p = base.copy()
            p.roles["target"] = p.roles["object"]
            out.append(p)
    elif frame.target == "object":
        p = base.copy()
        p.roles["target"] = p.roles["object"]
        out.append(p)
    else:  # complement_subject, clause_subject
        comp = {"DEP": {"IN": _COMPLEMENT_DEPS}, "POS": {"IN": ["VERB", "AUX"]}}
        if frame.target == "clause_subject":
            out.append(base.copy().add("trigger", "complement", comp)
                       .add("complement", "target", {"DEP": "nsubj", **_NOMINAL}))
        elif frame.preps:
            p = base.copy().add("trigger", "tprep", _prep(frame.preps))
            out.append(p.add("tprep", "target", {"DEP": "pobj", **_NOMINAL})
                       .add("trigger", "complement", comp))
            # ("called on Putin to withdraw" parsed with Putin the infinitive's subject and
            # "on" a bare preposition of the trigger, or the infinitive's mark)
            out.append(base.copy().add("trigger", "tprep", _prep(frame.preps))
                       .add("trigger", "complement", comp)
                       .add("complement", "target", {"DEP": "nsubj", **_NOMINAL}))
            mark = {"DEP": "mark", "LOWER": {"IN": list(frame.preps)}}
            out.append(base.copy().add("trigger", "complement", comp)
                       .add("complement", "cmark", mark)
                       .add("complement", "target", {"DEP": "nsubj", **_NOMINAL}))
        else:
            out.append(base.copy().add("trigger", "target", {"DEP": "dobj", **_NOMINAL})
                       .add("trigger", "complement", comp))
            out.append(base.copy().add("trigger", "complement", comp)
                       .add("complement", "target", {"DEP": "nsubj", **_NOMINAL}))
    return out


def compile_frame(frame: Frame) -> list[tuple[list[dict], dict[str, int]]]:
    """DependencyMatcher patterns for ``frame``: (pattern, role -> node position) pairs,
    one per alternative parse. The trigger is always node 0."""
    tags = ["NOUN"] if frame.pos == "NOUN" else ["VERB", "AUX"]
    base = _Pattern({"LEMMA": frame.trigger, "POS": {"IN": tags}})
    particles = [base]
    if frame.particle:
        particle = {"DEP": {"IN": ["prt", "advmod", "prep"]}, "LOWER": frame.particle}
        particles = [base.copy().add("trigger", "particle", particle)]
        if not frame.dictionary:
            # "cleared ISIL from Ramadi": the parser often hangs the word on the object
            on_object = base.copy().add("trigger", "carrier", {"DEP": "dobj"})
            particles.append(on_object.add("carrier", "particle", particle))
    bases = [s for b in particles for s in _with_subject(
        b, head_forms(frame.subjects), counted=not frame.dictionary)] \
        if frame.subjects else particles
    if frame.objects or frame.target == "object_prep":
        # One node for every object head ("aid" of "humanitarian aid"): the words before
        # the head of a phrase are checked on each match (``_phrase_at``), which keeps a
        # frame with a 75-word synonym set to a few patterns.
        bases = [p for b in bases for p in _with_object(b, frame, head_forms(frame.objects))]
    out = []
    for b in bases:
        for p in _target_patterns(frame, b):
            out.append((p.nodes, p.roles))
    return out


# --- matching ------------------------------------------------------------------------------

# the matched attributes, in the column order of ``_DocView``: comparing ids in plain
# lists, not strings or Token attributes, is what keeps the walk cheap
_ATTRS = {"LEMMA": 0, "POS": 1, "DEP": 2, "LOWER": 3}


class _DocView:
    """A Doc's tokens as integer columns (lemma, pos, dep, lower ids), their heads and
    their children: the tree walk reads these plain lists, where a Token walk builds a new
    Token object on every access to a head or child."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        arr = doc.to_array([LEMMA, POS, DEP, LOWER, HEAD])  # uint64, as string ids are
        self.cols = tuple(arr[:, c].tolist() for c in range(4))
        # a head is an offset, negative for a head to the left: signed before adding
        self.heads = (arr[:, 4].astype("int64") + numpy.arange(len(doc))).tolist()
        self.kids: list[list[int]] = [[] for _ in range(len(doc))]
        for i, h in enumerate(self.heads):
            if h != i:
                self.kids[h].append(i)


class TreePattern:
    """A compiled pattern evaluated from a given trigger token.

    spaCy's DependencyMatcher runs a token matcher for every node of every pattern over
    every token, then joins the results; compiled frames are trees that hang from their
    trigger by ``>`` (a child) or ``<`` (the head), so walking from each trigger token
    finds the same matches for a fraction of the cost. ``FrameSet.match(...,
    engine="spacy")`` runs the DependencyMatcher itself (the tests check that both agree)."""

    def __init__(self, pattern: list[dict], strings: StringStore) -> None:
        ids: dict[str, int] = {}
        self.parent: list[int] = []
        self.up: list[bool] = []
        self.tests: list[tuple[tuple[int, object], ...]] = []
        for k, node in enumerate(pattern):
            if k and node["REL_OP"] not in {">", "<"}:
                raise ValueError(f"operator {node['REL_OP']!r}: only '>' and '<' are compiled")
            ids[node["RIGHT_ID"]] = k
            self.parent.append(ids[node["LEFT_ID"]] if k else -1)
            self.up.append(bool(k) and node["REL_OP"] == "<")
            self.tests.append(tuple(
                (_ATTRS[attr], frozenset(strings[v] for v in value["IN"])
                 if isinstance(value, dict) else strings[value])
                for attr, value in node["RIGHT_ATTRS"].items()))
        # The one arc each of the trigger's own children must bear, where a node asks for
        # one: most trees tried at a trigger want a child it lacks, which a subset test
        # tells before any walk.
        self.child_arcs = frozenset(
            value for k, tests in enumerate(self.tests)
            if k and self.parent[k] == 0 and not self.up[k]
            for col, value in tests if col == _ATTRS["DEP"] and not isinstance(value, frozenset))

    def _ok(self, k: int, i: int, cols: tuple[list[int], ...]) -> bool:
        for col, value in self.tests[k]:
            got = cols[col][i]
            if got not in value if isinstance(value, frozenset) else got != value:
                return False
        return True

    def matches(self, trigger: int, view: _DocView) -> list[list[int]]:
        """Token indices, in pattern order, of every match rooted at token ``trigger``
        of the Doc ``view`` shows."""
        cols = view.cols
        if not self._ok(0, trigger, cols):
            return []
        found: list[list[int]] = []
        assigned: list[int] = [trigger] * len(self.tests)

        def walk(k: int) -> None:
            if k == len(self.tests):
                found.append(list(assigned))
                return
            parent = assigned[self.parent[k]]
            if self.up[k]:
                head = view.heads[parent]
                children = [head] if head != parent else []
            else:
                children = view.kids[parent]
            for child in children:
                if self._ok(k, child, cols):
                    assigned[k] = child
                    walk(k + 1)

        walk(1)
        return found


@dataclass(eq=False)
class FrameSet:
    """Loaded frames with their compiled patterns, indexed by trigger lemma and anchor word.

    A frame's anchor is a word it cannot match without (an object noun form, else a subject
    form, particle or preposition): a sentence runs only the matchers of the (lemma, anchor)
    buckets whose trigger lemma and anchor word it contains, so a dictionary of thousands
    of frames costs little more than a few. Matchers are built once per spaCy vocabulary
    and bucket, on first use."""

    frames: Sequence[Frame]
    problems: list[InputProblem] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.frames = tuple(self.frames)
        self._index(_bucket_index(self.frames))

    def _index(self, buckets: dict[tuple[str, str | None], list[int]]) -> None:
        """Set the indexes from ``buckets`` ((lemma, anchor) -> frame positions)."""
        self.buckets = buckets
        self.by_lemma: dict[str, list[int]] = {}
        for i, frame in enumerate(self.frames):
            self.by_lemma.setdefault(frame.trigger, []).append(i)
        # A particle a hand-written frame names makes another verb of its trigger ("push
        # out", "clear from"): the verb's plain dictionary sense is not read beside it.
        self.particles: dict[str, set[str]] = {}
        for frame in self.frames:
            if frame.particle and not frame.dictionary:
                self.particles.setdefault(frame.trigger, set()).add(frame.particle)
        self.anchors: dict[str, set[str | None]] = {}
        for lemma, anchor in self.buckets:
            self.anchors.setdefault(lemma, set()).add(anchor)
        self._compiled: dict[int, list[tuple[list[dict], dict[str, int]]]] = {}
        self._lemma_ids: dict[int, set[int]] = {}
        self._trees: dict[tuple[int, int], list[tuple[TreePattern, dict[str, int]]]] = {}
        self._matchers: dict[tuple, tuple[DependencyMatcher, dict[int, tuple]]] = {}
        self._frame_memo: dict[tuple[str, frozenset], list[int]] = {}
        self._last_view: _DocView | None = None

    @classmethod
    def indexed(cls, frames: Sequence[Frame], problems: list[InputProblem],
                buckets: dict[tuple[str, str | None], list[int]]) -> FrameSet:
        """A FrameSet whose bucket index is already known (a cached dictionary, a sum):
        working out the anchors of thousands of frames again costs a tenth of a second."""
        out = cls.__new__(cls)
        out.frames, out.problems = tuple(frames), list(problems)
        out._index(buckets)
        return out

    def __len__(self) -> int:
        return len(self.frames)

    def __iter__(self):
        return iter(self.frames)

    def __add__(self, other: FrameSet) -> FrameSet:
        # the other set's positions shift by len(self); its buckets keep their order, so
        # the sum indexes exactly as FrameSet(self.frames + other.frames) would
        buckets = {k: list(v) for k, v in self.buckets.items()}
        shift = len(self.frames)
        for key, positions in other.buckets.items():
            buckets.setdefault(key, []).extend(i + shift for i in positions)
        return FrameSet.indexed([*self.frames, *other.frames],
                                [*self.problems, *other.problems], buckets)

    def compiled(self, index: int) -> list[tuple[list[dict], dict[str, int]]]:
        """The patterns of frame ``index`` (compiled once)."""
        if index not in self._compiled:
            self._compiled[index] = compile_frame(self.frames[index])
        return self._compiled[index]

    def trees(self, index: int, strings: StringStore
              ) -> list[tuple[TreePattern, dict[str, int]]]:
        """The patterns of frame ``index`` ready to walk from a trigger (built once per
        string store)."""
        key = (index, id(strings))
        if key not in self._trees:
            self._trees[key] = [(TreePattern(p, strings), roles)
                                for p, roles in self.compiled(index)]
        return self._trees[key]

    def _matcher(self, vocab: Vocab, bucket: tuple[str, str | None]
                 ) -> tuple[DependencyMatcher, dict[int, tuple]]:
        key = (id(vocab), bucket)
        if key not in self._matchers:
            matcher = DependencyMatcher(vocab)
            keys: dict[int, tuple] = {}
            for i in self.buckets[bucket]:
                for n, (pattern, roles) in enumerate(self.compiled(i)):
                    name = f"frame{i}.{n}"
                    matcher.add(name, [pattern])
                    keys[vocab.strings[name]] = (i, roles)
            self._matchers[key] = (matcher, keys)
        return self._matchers[key]

    def candidate_buckets(self, doclike: Doc | Span) -> list[tuple[str, str | None]]:
        """The (lemma, anchor) buckets whose lemma and anchor word occur in ``doclike``."""
        lemmas = {t.lemma_ for t in doclike if t.lemma_ in self.anchors}
        if not lemmas:
            return []  # most sentences: no trigger lemma, no matcher runs
        words = {t.lower_ for t in doclike}
        return sorted(((lemma, a) for lemma in lemmas for a in self.anchors[lemma]
                       if a is None or a in words), key=lambda b: (b[0], b[1] or ""))

    def match(self, doclike: Doc | Span, engine: str = "tree",
              tokens: list[Token] | None = None,
              words: frozenset[str] | None = None) -> list[FrameMatch]:
        """Frame matches in a sentence Span, or in every sentence of a Doc: by trigger
        position, the most specific frame first; one match per (frame, trigger, target).
        Token indices are those of the Doc. ``engine="spacy"`` runs spaCy's
        DependencyMatcher on the same patterns (slower; for checking). ``tokens`` and
        ``words``: a Span's tokens and their lowercase forms, when the caller has them."""
        if isinstance(doclike, Span) and engine != "spacy":
            return self._walk_span(doclike, tokens, words)
        run = self._match_span if engine == "spacy" else self._walk_span
        if isinstance(doclike, Span):
            return run(doclike)
        sents = doclike.sents if doclike.has_annotation("SENT_START") else [doclike[:]]
        return [m for sent in sents for m in run(sent)]

    def _walk_span(self, span: Span, toks: list[Token] | None = None,
                   words: frozenset[str] | None = None) -> list[FrameMatch]:
        strings = span.doc.vocab.strings
        lemma_ids = self._lemma_ids.get(id(strings))
        if lemma_ids is None:  # ids of the trigger lemmas: an int test per token
            lemma_ids = self._lemma_ids[id(strings)] = {strings[w] for w in self.anchors}
        if toks is None:
            toks = list(span)  # once: iterating a Span builds a new Token per token
        triggers = [t for t in toks if t.lemma in lemma_ids]
        if not triggers:
            return []  # most sentences: no trigger lemma, nothing runs
        if words is None:
            words = frozenset(t.lower_ for t in toks)
        doc, seen, out = span.doc, set(), []
        view = self._view(doc)
        dep = view.cols[_ATTRS["DEP"]]
        for trigger in triggers:
            arcs = {dep[c] for c in view.kids[trigger.i]}
            lemma = trigger.lemma_
            anchors = self.anchors[lemma] & words  # a set intersection, not a loop
            if None in self.anchors[lemma]:
                anchors.add(None)
            for index in self._frames_of(lemma, frozenset(anchors)):
                for tree, roles in self.trees(index, doc.vocab.strings):
                    if not tree.child_arcs <= arcs:
                        continue
                    for tokens in tree.matches(trigger.i, view):
                        m = _frame_match(doc, self.frames[index], tokens, roles)
                        if m is not None and (index, m.trigger, m.target) not in seen:
                            seen.add((index, m.trigger, m.target))
                            out.append((index, m))
        return _ordered(out)

    def _view(self, doc: Doc) -> _DocView:
        """The integer view of ``doc``, kept for the Doc last asked of: its sentences are
        matched one after another."""
        view = self._last_view
        if view is None or view.doc is not doc:
            view = self._last_view = _DocView(doc)
        return view

    def _frames_of(self, lemma: str, anchors: frozenset[str | None]) -> list[int]:
        """Positions of the frames of trigger ``lemma`` whose anchor is among ``anchors``,
        in order. Memoised per set: the buckets do not change once indexed (``_index``
        makes a new memo), and a lemma meets few distinct anchor sets; bounded all the
        same, as a corpus has no end of sentences."""
        key = (lemma, anchors)
        found = self._frame_memo.get(key)
        if found is None:
            found = sorted({i for a in anchors for i in self.buckets[(lemma, a)]})
            if len(self._frame_memo) >= FRAME_MEMO_SIZE:
                self._frame_memo.clear()
            self._frame_memo[key] = found
        return found

    def _match_span(self, span: Span) -> list[FrameMatch]:
        buckets = self.candidate_buckets(span)
        if not buckets:
            return []
        # The matchers scan a copy of the sentence, not the whole article: their cost
        # grows with the length of what they scan, once per bucket.
        sdoc = span.as_doc()
        seen, out = set(), []
        for bucket in buckets:
            matcher, keys = self._matcher(sdoc.vocab, bucket)
            for key, tokens in matcher(sdoc):
                index, roles = keys[key]
                m = _frame_match(sdoc, self.frames[index], tokens, roles, span.start)
                if m is not None and (index, m.trigger, m.target) not in seen:
                    seen.add((index, m.trigger, m.target))
                    out.append((index, m))
        return _ordered(out)


def _ordered(found: list[tuple[int, FrameMatch]]) -> list[FrameMatch]:
    """Matches by trigger position, the most specific frame first; among equally specific
    frames the earlier one (hand-written before dictionary frames in load_frame_set)."""
    found.sort(key=lambda x: (x[1].trigger, -x[1].frame.specificity, x[0], x[1].target))
    return [m for _, m in found]


def _bucket_index(frames: Sequence[Frame]) -> dict[tuple[str, str | None], list[int]]:
    """(trigger lemma, anchor word) -> positions of the frames in ``frames`` it holds."""
    buckets: dict[tuple[str, str | None], list[int]] = {}
    for i, frame in enumerate(frames):
        for anchor in _anchors(frame.objects, frame.subjects, frame.particle, frame.preps):
            buckets.setdefault((frame.trigger, anchor), []).append(i)
    return buckets


@lru_cache(maxsize=65536)
def _anchors(objects: tuple[str, ...], subjects: tuple[str, ...], particle: str | None,
             preps: tuple[str, ...]) -> tuple[str | None, ...]:
    """Words one of which every match of a frame contains, beside its trigger (None: the
    frame needs no word but its trigger). Cached: the frames of one dictionary record
    share their objects."""
    if objects:
        return tuple(sorted({f for o in objects for f in word_forms(o.split()[-1])}))
    if subjects:
        return tuple(sorted({f for s in subjects for f in word_forms(s.split()[-1])}))
    if particle:
        return (particle,)
    if preps:
        return tuple(sorted(set(preps)))
    return (None,)


def _complement_of(trigger: Token) -> Token | None:
    """The trigger's infinitive or clause complement ("urged X to *act*"), if any."""
    for child in trigger.children:
        if child.dep_ in _COMPLEMENT_DEPS and child.pos_ in {"VERB", "AUX"} and any(
            k.dep_ in {"aux", "mark"} and k.lower_ in {"to", "that"} for k in child.children
        ):
            return child
    return None


def _frame_match(doc: Doc, frame: Frame, tokens: list[int],
                 roles: dict[str, int], offset: int = 0) -> FrameMatch | None:
    """The match of ``tokens`` (positions in ``doc``, which starts at ``offset`` of the
    original Doc), or None when an object or subject phrase is not there in full."""
    if "object" in roles and frame.objects and not _phrase_at(
            doc, tokens[roles["object"]], frame.objects):
        return None
    if "subject" in roles and not _phrase_at(doc, tokens[roles["subject"]], frame.subjects):
        return None
    trigger = doc[tokens[roles["trigger"]]]
    target = doc[tokens[roles["target"]]]
    comp = tokens[roles["complement"]] if "complement" in roles else None
    if comp is None:
        found = _complement_of(trigger)
        comp = found.i if found is not None else None
    return FrameMatch(
        frame=frame, trigger=trigger.i + offset, target=target.i + offset,
        object=tokens[roles["object"]] + offset if "object" in roles else None,
        complement=comp + offset if comp is not None else None,
        passive=target.dep_ == "nsubjpass",
    )


_SETS: dict[int, tuple[Sequence[Frame], FrameSet]] = {}


def match_frames(doclike: Doc | Span, frames: FrameSet | Sequence[Frame],
                 engine: str = "tree") -> list[FrameMatch]:
    """The frames that fire in a Doc or sentence Span (see ``FrameSet.match``). Pass a
    ``FrameSet`` (from ``load_frames``); a plain sequence of frames is compiled once and
    kept while the same sequence object is passed."""
    if not isinstance(frames, FrameSet):
        held = _SETS.get(id(frames))
        if held is None or held[0] is not frames:
            held = (frames, FrameSet(list(frames)))
            _SETS.clear()  # one plain sequence at a time: enough for callers that reuse it
            _SETS[id(frames)] = held
        frames = held[1]
    return frames.match(doclike, engine)


def load_frame_set(
    frames: Iterable[str | Path] = (), verbs: str | Path | None = None, *,
    dictionary: bool = True, vocab: RelationVocabulary | None = None,
    report: Callable[[InputProblem], None] | None = None,
) -> FrameSet:
    """Every frame extraction uses: the built-in frames, the user's frame files
    (``frames``; CLI ``--frames FILE``), then the verb dictionary: the shipped compiled
    CAMEO dictionary, or the user's own PETRARCH-format file (``verbs``; CLI
    ``--verbs FILE``); ``dictionary=False`` leaves the dictionary out. Bad records go to
    ``report`` and ``FrameSet.problems``."""
    key = (tuple(map(str, frames)), str(verbs) if verbs else None, dictionary)
    if report is None and vocab is None:
        return _cached_frame_set(*key)  # one compiled set per configuration and process
    return _frame_set(*key, vocab, report)


def _frame_set(frames: tuple[str, ...], verbs: str | None, dictionary: bool,
               vocab: RelationVocabulary | None,
               report: Callable[[InputProblem], None] | None) -> FrameSet:
    from actorgraph.extract.verbdict import load_verb_frames

    hand = load_frames(frames, vocab=vocab, report=report)
    return hand + load_verb_frames(verbs, report) if dictionary else hand


@lru_cache(maxsize=4)
def _cached_frame_set(frames: tuple[str, ...], verbs: str | None,
                      dictionary: bool) -> FrameSet:
    return _frame_set(frames, verbs, dictionary, None, None)


def frame_fields() -> list[str]:
    """Names of the Frame dataclass fields (for documentation and writers)."""
    return [f.name for f in fields(Frame)]
