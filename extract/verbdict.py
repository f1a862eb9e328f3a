"""PETRARCH-format verb dictionaries (the CAMEO verb-pattern dictionary) read and compiled
into relation frames.

The format (PETRARCH2's ``read_verb_dictionary`` is the reference):

- ``# comment`` lines, `` # comment`` tails (and TABARI's ``;`` on verb lines);
- ``&NAME`` then ``+word`` lines: a synonym set (``_`` joins words of a phrase);
- ``--- NAME [CODE] ---`` opens a verb block whose default code is CODE (``---``: none);
- verb lines ``VERB {IRREGULAR FORMS} [CODE]``; ``+CALL_OFF`` is a multi-word verb whose
  ``+`` marks the verb;
- pattern lines ``- <words before> * <words after> [CODE] # source verb``: ``*`` is the
  verb, ``+`` the target actor, ``$`` the source, ``{A B}`` a noun phrase (head last),
  ``(PREP ...)`` a prepositional phrase (``(TO)`` alone: its object is the target),
  ``&NAME`` a synonym set, ``^`` skips a phrase, ``%`` a compound actor; ``[A:B]`` codes A
  from source to target and B back (``[062:062]`` is mutual);
- ``~`` lines are PETRARCH2 transformations (nested events); they are counted, not compiled.

Each pattern compiles to one frame record shared by the verbs it applies to: the verbs its
comment names, else its whole block (``scope``; the CAMEO code goes to a relation type
through ``lexicon/cameo_relations.toml``). A pattern the frame model
cannot express is counted under its reason, never dropped silently; a malformed line is
reported as ``FILE:LINE: what is wrong`` and the rest loads.

    python -m actorgraph.extract.verbdict ../shared/data/petrarch/CAMEO.2.0.txt \\
        --plover ../shared/data/plover/CAMEO2PLOVER-2021.txt --out extract/lexicon/cameo_frames.toml
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path

import tomllib

from actorgraph.extract.documents import InputProblem
from actorgraph.extract.frames import Frame, FrameSet, frames_from_record, read_frame_file
from actorgraph.extract.lexicon import (
    LEXICON_DIR,
    PREPOSITIONS,
    RelationVocabulary,
    load_relations,
)

CAMEO_RELATIONS = LEXICON_DIR / "cameo_relations.toml"
CAMEO_FRAMES = LEXICON_DIR / "cameo_frames.toml"
#: Second words of multi-word verbs that are particles ("call off", "crack down").
PARTICLES = frozenset("off up down out back away over in on for with to into about through "
                      "around along aside forward after against by apart together".split())
#: Most spellings a synonym set or noun phrase may expand to in one pattern.
MAX_PHRASES = 200
#: Which verbs a pattern applies to (see compile_verb_dictionary).
SCOPES = ("block", "source")
_TOKEN = re.compile(r"[(){}]|[^\s(){}]+")
_SPELLING = re.compile(r"^[a-z0-9][a-z0-9']*( [a-z0-9][a-z0-9']*)*$")
_CODE = re.compile(r"^(\d{2,4}|---)?(?::(\d{2,4}|---)?)?$")


@dataclass
class VerbEntry:
    """A verb of a block: its lemma, particle, own code and line."""

    lemma: str
    particle: str | None
    code: str
    line: int


@dataclass
class VerbPattern:
    """A ``- ... * ... [CODE]`` line, split at the verb."""

    upper: list[str]
    lower: list[str]
    code: str
    line: int
    #: words of the line's comment: CAMEO.2.0 names there the verb the pattern was
    #: written for ("# TAKE" on "- * PART [030]" of the block of CAPTURE and TAKE)
    note: tuple[str, ...] = ()


@dataclass
class VerbBlock:
    """A ``--- NAME [CODE] ---`` block: its verbs and its patterns."""

    name: str
    code: str
    line: int
    verbs: list[VerbEntry] = field(default_factory=list)
    patterns: list[VerbPattern] = field(default_factory=list)


@dataclass
class VerbDictionary:
    """A parsed verb dictionary: synonym sets, verb blocks, and what could not be read."""

    path: str
    synsets: dict[str, list[str]] = field(default_factory=dict)
    blocks: list[VerbBlock] = field(default_factory=list)
    transformations: int = 0
    problems: list[InputProblem] = field(default_factory=list)
    #: Verb lines that could not become verbs (reason -> count): "RE_+ARREST" ...
    verb_reasons: Counter = field(default_factory=Counter)


# --- reading -------------------------------------------------------------------------------

def _strip_comment(line: str) -> str:
    """The line without its ``#`` tail (PETRARCH cuts at `` #``) and XML comment."""
    line = re.sub(r"<!--.*?-->", "", line)
    if line.lstrip().startswith("#"):
        return ""
    cut = line.find(" #")
    return (line[:cut] if cut >= 0 else line).rstrip()


def _split_code(text: str) -> tuple[str, str | None]:
    """``'ASK [020]'`` -> (``'ASK'``, ``'020'``); no brackets -> (text, None)."""
    if "[" not in text:
        return text.strip(), None
    head, _, rest = text.partition("[")
    if "]" not in rest:
        raise ValueError("'[' without ']'")
    return head.strip(), rest[: rest.index("]")].strip()


class _Reader:
    """Line-by-line state of ``read_verb_dictionary``."""

    def __init__(self, path: str, report: Callable[[InputProblem], None]) -> None:
        self.vd = VerbDictionary(path)
        self.report = report
        self.synset: str | None = None
        self.block: VerbBlock | None = None
        self.note: tuple[str, ...] = ()

    def bad(self, line: int, message: str) -> None:
        problem = InputProblem(self.vd.path, f"{message}; skipped", line)
        self.vd.problems.append(problem)
        self.report(problem)

    def feed(self, n: int, raw: str) -> None:
        """Read line ``n``."""
        if raw.startswith("~"):
            self.vd.transformations += 1
            return
        line = _strip_comment(raw)
        tail = raw[len(line):].partition("#")[2].split("<")[0]
        self.note = tuple(w.lower() for w in re.findall(r"[A-Z][A-Z_+-]+", tail))
        if not line.strip():
            return
        text = line.strip()
        if text.startswith("+") and self.synset is not None:
            self.vd.synsets[self.synset].append(text[1:].strip())
            return
        self.synset = None
        try:
            if text.startswith("&"):
                self.synset = text.split()[0].rstrip("_")
                self.vd.synsets[self.synset] = []
            elif text.startswith("---"):
                name, code = _split_code(text.strip("- "))
                self.block = VerbBlock(name.strip("- ").strip(), _check_code(code or "---"), n)
                self.vd.blocks.append(self.block)
            elif text.startswith("-"):
                self._pattern(n, text[1:])
            else:
                self._verb(n, text)
        except ValueError as e:
            self.bad(n, str(e))

    def _pattern(self, n: int, text: str) -> None:
        if self.block is None:
            raise ValueError("pattern before any '--- NAME [CODE] ---' block")
        body, code = _split_code(text)
        if code is None:
            raise ValueError("pattern without a [CODE]")
        if body.count("*") != 1:
            raise ValueError(f"pattern must have exactly one '*' (the verb), not "
                             f"{body.count('*')}")
        upper, _, lower = body.partition("*")
        self.block.patterns.append(
            VerbPattern(_TOKEN.findall(upper), _TOKEN.findall(lower), _check_code(code), n,
                        self.note))

    def _verb(self, n: int, text: str) -> None:
        if self.block is None:
            raise ValueError("verb before any '--- NAME [CODE] ---' block")
        text = text.split(";")[0]  # TABARI's comment delimiter on verb lines
        head, code = _split_code(text)
        if head.count("{") != head.count("}"):
            raise ValueError("unbalanced '{' in the forms of a verb")
        word = head.split("{")[0].strip()
        if not word or not re.match(r"^[A-Z+][A-Z_+'-]*$", word):
            raise ValueError(f"verb {word!r} is not an upper-case word")
        code = _check_code(code) if code else self.block.code
        lemma, particle = _verb_words(word)
        if lemma is None:
            self.vd.verb_reasons[particle or "multi-word verb"] += 1
            return
        self.block.verbs.append(VerbEntry(lemma, particle, code, n))


def _check_code(code: str) -> str:
    if not _CODE.match(code.strip()):
        raise ValueError(f"code [{code}] is not CAMEO digits, '---' or 'A:B'")
    return code.strip()


def _verb_words(word: str) -> tuple[str | None, str | None]:
    """(lemma, particle) of a verb line word; (None, reason) if no frame can trigger on it.
    ``+CALL_OFF`` -> ('call', 'off'); ``RE_+ARREST`` -> (None, reason)."""
    if "_" not in word:
        return word.strip("+").lower(), None
    parts = word.split("_")
    if not parts[0].startswith("+"):
        return None, "multi-word verb with words before the verb ('RE_+ARREST')"
    if len(parts) != 2 or not parts[1]:
        return None, "multi-word verb of more than two words"
    if parts[1].lower() not in PARTICLES:
        return None, "multi-word verb whose second word is no particle ('+TAKE_LEAVE')"
    return parts[0][1:].lower(), parts[1].lower()


def read_verb_dictionary(path: str | Path,
                         report: Callable[[InputProblem], None] | None = None
                         ) -> VerbDictionary:
    """Parse a PETRARCH-format verb dictionary. Each malformed line goes to ``report`` (and
    ``problems``) as one ``FILE:LINE`` problem and is skipped; the rest loads."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError as e:
        raise ValueError(f"{path}: cannot read verb dictionary: {e.strerror or e}") from e
    reader = _Reader(str(path), report or (lambda p: None))
    for n, raw in enumerate(text.splitlines(), 1):
        reader.feed(n, raw)
    return reader.vd


# --- the CAMEO -> PLOVER -> relation table ---------------------------------------------------

@dataclass(frozen=True)
class CameoMap:
    """CAMEO code -> relation type (longest prefix of ``cameo_relations.toml``), PLOVER
    category (longest prefix of a CAMEO2PLOVER table, when one is given) and mutual flag."""

    relations: dict[str, str]
    mutual: tuple[str, ...] = ()
    plover: dict[str, str] = field(default_factory=dict)
    #: verb blocks whose verbs take what they rule as their object: the block's code
    #: holds for its patterns, not for a verb and its bare object
    ruling_blocks: tuple[str, ...] = ()

    @staticmethod
    def _longest(table: dict[str, str], code: str) -> str | None:
        for n in range(len(code), 1, -1):
            if code[:n] in table:
                return table[code[:n]]
        return None

    def relation(self, code: str) -> str | None:
        """The relation type of a CAMEO code, or None."""
        return self._longest(self.relations, code)

    def plover_of(self, code: str) -> str | None:
        """The PLOVER category of a CAMEO code in the official table, or None."""
        return self._longest(self.plover, code)

    def is_mutual(self, code: str) -> bool:
        """True for codes whose acts hold both ways (meetings, talks, signing)."""
        return any(code.startswith(p) for p in self.mutual)


def read_cameo2plover(path: str | Path) -> dict[str, str]:
    """The official CAMEO -> PLOVER table (``CAMEO2PLOVER-2021.txt``): code -> category."""
    table: dict[str, str] = {}
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        m = re.match(r"^\s*(\d{2,4})\s*:\s*([A-Z]+)", line)
        if m:
            table.setdefault(m.group(1), m.group(2))
    return table


def load_cameo_map(path: str | Path = CAMEO_RELATIONS,
                   plover_table: str | Path | None = None,
                   vocab: RelationVocabulary | None = None) -> CameoMap:
    """The CAMEO -> relation table (every relation checked against the vocabulary), plus
    the CAMEO -> PLOVER table when its path is given."""
    vocab = vocab or load_relations()
    with Path(path).open("rb") as fh:
        data = tomllib.load(fh)
    relations = {str(k): v for k, v in (data.get("cameo") or {}).items()}
    for code, relation in relations.items():
        if relation not in vocab:
            raise ValueError(f"{path}: cameo.{code}: unknown relation {relation!r}")
    plover = read_cameo2plover(plover_table) if plover_table else {}
    return CameoMap(relations, tuple(data.get("mutual", [])), plover,
                    tuple(data.get("ruling_blocks", [])))


# --- compiling -------------------------------------------------------------------------------

class Uncompilable(Exception):
    """A pattern the frame model cannot express; the message is the reason (counted)."""


@dataclass
class Coverage:
    """What compiling a verb dictionary achieved, and why the rest did not compile."""

    patterns: int = 0
    patterns_compiled: int = 0
    verbs: int = 0
    verbs_covered: int = 0
    verb_codes: int = 0
    verb_codes_compiled: int = 0
    frames: int = 0
    transformations: int = 0
    malformed: int = 0
    reasons: Counter = field(default_factory=Counter)
    codes_without_relation: Counter = field(default_factory=Counter)
    codes_without_plover: Counter = field(default_factory=Counter)
    plover_differs: Counter = field(default_factory=Counter)

    def report(self) -> str:
        """A plain-text coverage report."""
        pct = lambda a, b: f"{100 * a / b:.1f}%" if b else "-"  # noqa: E731
        lines = [
            f"patterns compiled: {self.patterns_compiled} / {self.patterns} "
            f"({pct(self.patterns_compiled, self.patterns)})",
            f"verbs covered: {self.verbs_covered} / {self.verbs} "
            f"({pct(self.verbs_covered, self.verbs)})",
            f"verb-only codes compiled: {self.verb_codes_compiled} / {self.verb_codes}",
            f"frames: {self.frames}; malformed lines: {self.malformed}; "
            f"transformations (not compiled): {self.transformations}",
            "patterns not compiled, by reason:",
            *(f"  {n:5d}  {why}" for why, n in self.reasons.most_common()),
        ]
        for title, counter in (("CAMEO codes with no relation type", self.codes_without_relation),
                               ("CAMEO codes with no PLOVER category (relation's used)",
                                self.codes_without_plover),
                               ("CAMEO codes whose PLOVER differs from the relation's",
                                self.plover_differs)):
            if counter:
                lines.append(f"{title}: " + ", ".join(
                    f"{c} ({n})" for c, n in sorted(counter.items())))
        return "\n".join(lines)


@dataclass
class _Phrase:
    """A noun phrase of a pattern: its spellings ('humanitarian aid'), or a slot."""

    slot: str | None = None  # '+', '$', '^', '%' or None for words
    phrases: tuple[str, ...] = ()


@dataclass
class _PP:
    prep: str
    obj: _Phrase | None


def _expand(words: list[str], synsets: dict[str, list[str]]) -> tuple[str, ...]:
    """All spellings of a word sequence whose items may be synsets, lower case."""
    out = [""]
    for w in words:
        if w.startswith("&"):
            if w.rstrip("_") not in synsets:
                raise Uncompilable("undefined synonym set")
            options = synsets[w.rstrip("_")]
        else:
            options = [w]
        out = [f"{o} {x}".strip() for o in out for x in options]
        if len(out) > MAX_PHRASES:
            raise Uncompilable(f"more than {MAX_PHRASES} spellings")
    cleaned = [" ".join(re.sub(r"[_\-]+", " ", p.lower()).split()) for p in out]
    # a spelling with symbols ("F/A-18") cannot match a token; the rest of the set can
    cleaned = [p for p in cleaned if _SPELLING.match(p)]
    if not cleaned:
        raise Uncompilable("a word the model cannot match (digits or symbols)")
    return tuple(dict.fromkeys(cleaned))


def _parse_lower(tokens: list[str], synsets: dict[str, list[str]]) -> list[_Phrase | _PP]:
    """The elements after the verb: noun phrases, slots and prepositional phrases."""
    items: list[_Phrase | _PP] = []
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        if tok == "(":
            end = tokens.index(")", i) if ")" in tokens[i:] else -1
            if end < 0 or len(tokens[i + 1:end]) < 1:
                raise Uncompilable("malformed prepositional phrase")
            inner = _parse_lower(tokens[i + 2:end], synsets)
            if len(inner) > 1 or any(isinstance(x, _PP) for x in inner):
                raise Uncompilable("prepositional phrase with more than one noun phrase")
            items.append(_PP(tokens[i + 1].lower(), inner[0] if inner else None))
            if not re.match(r"^[a-z]+(/[a-z]+)*$", items[-1].prep):
                raise Uncompilable("prepositional phrase without a preposition")
            i = end + 1
        elif tok == "{":
            if "}" not in tokens[i:]:
                raise Uncompilable("unbalanced '{'")
            end = tokens.index("}", i)
            items.append(_Phrase(phrases=_expand(tokens[i + 1:end], synsets)))
            i = end + 1
        elif tok in {"+", "$", "^", "%"}:
            items.append(_Phrase(slot=tok))
            i += 1
        elif tok in {")", "}"}:
            raise Uncompilable(f"unbalanced '{tok}'")
        elif tok.lower() in PREPOSITIONS and i + 1 == len(tokens) and items:
            # a bare preposition closing the pattern introduces the target, as "(AGAINST)"
            # does: "- * SANCTIONS AGAINST", "- * &MEDIATION BETWEEN"
            items.append(_PP(tok.lower(), None))
            i += 1
        elif tok.lower() in PREPOSITIONS and i + 1 < len(tokens) and tokens[i + 1] != "(":
            # TABARI style bare preposition: "FROM $ TO +"
            rest = _parse_lower(tokens[i + 1:i + 2], synsets) if tokens[i + 1] != "{" else None
            if not rest:
                raise Uncompilable("bare preposition before a phrase")
            items.append(_PP(tok.lower(), rest[0]))  # type: ignore[arg-type]
            i += 2
        else:
            items.append(_Phrase(phrases=_expand([tok], synsets)))
            i += 1
    return items


_SLOT_REASONS = {"$": "source slot ($) after the verb", "^": "skip marker (^)",
                 "%": "compound actor marker (%)"}
#: Words right after the verb that are its particle ("- * DOWN" in the BURN block).
_PATTERN_PARTICLES = frozenset("off up down out back away".split())


def _subjects(tokens: list[str], synsets: dict[str, list[str]]) -> tuple[str, ...]:
    """Spellings of the subject noun a pattern names before the verb (``&MILITARY *``)."""
    words = [t for t in tokens if t != "$"]
    if "+" in words:
        raise Uncompilable("target before the verb (passive or fronted)")
    if not words:
        return ()
    items = _parse_lower(words, synsets)
    if len(items) > 1 or not isinstance(items[0], _Phrase) or items[0].slot:
        raise Uncompilable("more than one phrase before the verb")
    # (a synonym set's spellings are nouns, whatever their ending: &AIRCRAFT holds "fly")
    if not any(w.startswith("&") for w in words) and any(
            p.endswith("ly") for p in items[0].phrases):
        raise Uncompilable("adverb before the verb")
    return items[0].phrases


def _with_target_pp(nps: list[_Phrase], word_pps: list[_PP], target: _PP) -> dict:
    """Shape of a pattern whose target is a PP's object: "* EVIDENCE (AGAINST)"."""
    if any(n.slot == "+" for n in nps):
        raise Uncompilable("two target slots")
    if nps and word_pps:
        raise Uncompilable("noun phrase and prepositional phrase besides the target")
    if nps:
        return {"target": "object_prep", "objects": nps[0].phrases,
                "preps": target.prep.split("/")}
    if word_pps:
        return {"target": "object_prep", "objects": word_pps[0].obj.phrases,  # type: ignore
                "object_preps": word_pps[0].prep.split("/"), "preps": target.prep.split("/")}
    return {"target": "prep", "preps": target.prep.split("/")}


def pattern_shape(pattern: VerbPattern, synsets: dict[str, list[str]]) -> dict:
    """The frame fields (target, preps, objects, ...) a pattern compiles to; raises
    Uncompilable with the reason when the frame model cannot express it."""
    shape: dict = {}
    subjects = _subjects(pattern.upper, synsets)
    if subjects:
        shape["subjects"] = subjects
    items = _parse_lower(pattern.lower, synsets)
    # "(IN ^)": a phrase that constrains nothing the frame can check
    items = [x for x in items if not (isinstance(x, _PP) and x.obj and x.obj.slot == "^")]
    if items and isinstance(items[0], _Phrase) and not items[0].slot and \
            len(items[0].phrases) == 1 and items[0].phrases[0] in _PATTERN_PARTICLES:
        shape["particle"] = items.pop(0).phrases[0]
    for x in items:
        slot = x.slot if isinstance(x, _Phrase) else (x.obj.slot if x.obj else None)
        if slot in _SLOT_REASONS:
            raise Uncompilable(_SLOT_REASONS[slot])
    nps = [x for x in items if isinstance(x, _Phrase)]
    pps = [x for x in items if isinstance(x, _PP)]
    target_pps = [p for p in pps if p.obj is None or p.obj.slot == "+"]
    word_pps = [p for p in pps if p not in target_pps]
    words = [n for n in nps if not n.slot]
    if len(target_pps) > 1:
        raise Uncompilable("more than one target phrase")
    if len(words) > 1:
        raise Uncompilable("two noun phrases after the verb")
    if len(word_pps) > 1:
        raise Uncompilable("more than one prepositional phrase")
    if target_pps:
        return {**shape, **_with_target_pp(nps, word_pps, target_pps[0])}
    if words and word_pps:
        raise Uncompilable("noun phrase and prepositional phrase after the verb")
    plus = [i for i, n in enumerate(nps) if n.slot == "+"]
    if plus and words:
        if plus[0] > nps.index(words[0]):
            raise Uncompilable("target after the object noun")
        return {**shape, "target": "dative", "objects": words[0].phrases}  # "gave + AID"
    if word_pps:
        return {**shape, "target": "dobj", "objects": word_pps[0].obj.phrases,  # type: ignore
                "object_preps": word_pps[0].prep.split("/")}
    if words:
        return {**shape, "target": "object_prep", "objects": words[0].phrases}
    return {**shape, "target": "dobj"}


def _resolve(code: str) -> tuple[str | None, bool, bool]:
    """(CAMEO code, or None for the null code; mutual; backward) of a code. ``---`` is
    PETRARCH's null code: the pattern names a use of the verb that is no event ("- *
    {CABINET MEETING} [---]" in the CALL block, whose code is 041 phone call). ``A:B`` codes
    A from source to target and B back: ``[062:062]`` is mutual, and ``[:B]`` is only the
    act back, from the target to the source ("- * LOAN (FROM) [:071]": who received a
    loan from X was aided by X), a backward frame."""
    forward, _, back = code.partition(":")
    if forward == "" and back and back != "---":
        return back, False, True
    if forward in {"", "---"}:
        return None, False, False
    return forward, forward == back, False


def _block_verbs(block: VerbBlock) -> dict[str | None, list[str]]:
    """The block's verb lemmas grouped by particle (one frame record per group)."""
    groups: dict[str | None, list[str]] = {}
    for v in block.verbs:
        if v.lemma not in groups.setdefault(v.particle, []):
            groups[v.particle].append(v.lemma)
    return groups


class _Compiler:
    """Compiles a VerbDictionary to frame records, counting what it cannot compile."""

    def __init__(self, vd: VerbDictionary, cmap: CameoMap, vocab: RelationVocabulary,
                 origin_name: str, scope: str = "source") -> None:
        if scope not in SCOPES:
            raise ValueError(f"scope {scope!r} must be one of {', '.join(SCOPES)}")
        self.vd, self.cmap, self.vocab, self.name = vd, cmap, vocab, origin_name
        self.scope = scope
        self.cov = Coverage(transformations=vd.transformations, malformed=len(vd.problems))
        self.records: list[dict] = []
        self.covered: set[tuple[str, str | None]] = set()

    def _relation(self, code: str) -> tuple[str, str, bool]:
        """(relation, plover, mutual-by-table) of a CAMEO code, or Uncompilable."""
        relation = self.cmap.relation(code)
        if relation is None:
            self.cov.codes_without_relation[code] += 1
            raise Uncompilable("CAMEO code with no relation type (01 statements, ...)")
        own = self.vocab.get(relation).plover
        plover = self.cmap.plover_of(code) if self.cmap.plover else own
        if plover is None:
            self.cov.codes_without_plover[code] += 1
            plover = own
        elif plover != own:
            self.cov.plover_differs[code] += 1
        return relation, plover, self.cmap.is_mutual(code)

    def _emit(self, block: VerbBlock, shape: dict, code: str, mutual: bool, line: int,
              verbs: dict[str | None, list[str]], backward: bool = False) -> int:
        relation, plover, table_mutual = self._relation(code)
        n = 0
        for particle, lemmas in verbs.items():
            if shape.get("particle") and particle and shape["particle"] != particle:
                continue
            rec = {"trigger": lemmas, **{k: list(v) if isinstance(v, tuple) else v
                                         for k, v in shape.items()}}
            if particle:
                rec["particle"] = particle
            rec.update(relation=relation, cameo=code, plover=plover,
                       mutual=(mutual or table_mutual) and not backward)
            if backward:
                rec["backward"] = True
            rec["origin"] = f"{self.name}:{line}"
            try:  # the record must load as frames: the shipped file has no bad record
                frames_from_record({**rec, "trigger": lemmas[:1]}, self.vocab)
            except ValueError as e:
                raise Uncompilable(f"frame rejected: {str(e).split(' (')[0][:70]}") from e
            self.records.append(rec)
            self.covered.update((lemma, rec.get("particle")) for lemma in lemmas)
            n += 1
        return n

    def _scoped(self, verbs: dict[str | None, list[str]], pattern: VerbPattern
                ) -> dict[str | None, list[str]]:
        """The verbs a pattern applies to: the whole block (PETRARCH), or with scope
        "source" only the verbs its comment names when it names some of them."""
        if self.scope == "block":
            return verbs
        named = {w.strip("+").split("_")[0] for w in pattern.note}
        scoped = {p: [v for v in vs if v in named] for p, vs in verbs.items()}
        scoped = {p: vs for p, vs in scoped.items() if vs}
        return scoped or verbs

    def block(self, block: VerbBlock) -> None:
        """Compile one block: its verb-only codes, then its patterns."""
        verbs = _block_verbs(block)
        for v in block.verbs:
            if v.code.partition(":")[0] == "---":
                continue  # the verb alone is no event
            self.cov.verb_codes += 1
            try:
                if v.code == block.code and block.name in self.cmap.ruling_blocks:
                    raise Uncompilable("verb of a ruling block: what it rules is no partner")
                code, mutual, backward = _resolve(v.code)
                if code:
                    self._emit(block, {"target": "dobj"}, code, mutual, v.line,
                               {v.particle: [v.lemma]}, backward)
                    self.cov.verb_codes_compiled += 1
            except Uncompilable as e:
                self.cov.reasons[f"verb code: {e}"] += 1
        for p in block.patterns:
            self.cov.patterns += 1
            try:
                if not verbs:
                    raise Uncompilable("block has no verb a frame can trigger on")
                code, mutual, backward = _resolve(p.code)
                if code is None:
                    raise Uncompilable("null code [---] (no event)")
                shape = pattern_shape(p, self.vd.synsets)
                if self._emit(block, shape, code, mutual, p.line, self._scoped(verbs, p),
                              backward):
                    self.cov.patterns_compiled += 1
                else:
                    raise Uncompilable("particle differs from every verb of the block")
            except Uncompilable as e:
                self.cov.reasons[str(e)] += 1

    def run(self) -> tuple[list[dict], Coverage]:
        """Compile every block; the records and the coverage."""
        for block in self.vd.blocks:
            self.block(block)
        verbs = {(v.lemma, v.particle) for b in self.vd.blocks for v in b.verbs}
        self.cov.verbs = len(verbs) + sum(self.vd.verb_reasons.values())
        self.cov.verbs_covered = len(verbs & self.covered)
        for why, n in self.vd.verb_reasons.items():
            self.cov.reasons[f"verb line: {why}"] += n
        self.cov.frames = sum(len(r["trigger"]) for r in self.records)
        return self.records, self.cov


def compile_verb_dictionary(
    vd: VerbDictionary, cmap: CameoMap | None = None,
    vocab: RelationVocabulary | None = None, origin_name: str | None = None,
    scope: str = "source",
) -> tuple[list[dict], Coverage]:
    """Frame records (``[[frame]]`` tables, one per pattern and particle, ``trigger`` a
    list of verbs) and the coverage of a parsed verb dictionary. ``scope="source"`` (the
    default) applies a pattern only to the verbs its comment names ("- * PART [030] #
    TAKE": took part, not "captured part"), or to its whole block when the comment names
    none of them; ``"block"`` applies every pattern to every verb of its block, as
    PETRARCH does. On the PLOVER dev sentences both reach the gold target with the gold
    category equally often; "source" fires 11% less often, with a sixth of the frames."""
    vocab = vocab or load_relations()
    cmap = cmap or load_cameo_map(vocab=vocab)
    return _Compiler(vd, cmap, vocab, origin_name or Path(vd.path).name, scope).run()


def records_to_frames(records: Iterable[dict], vocab: RelationVocabulary | None = None
                      ) -> list[Frame]:
    """Frames of compiled records (one per trigger lemma)."""
    vocab = vocab or load_relations()
    return [f for r in records for f in frames_from_record(r, vocab, r.get("origin", ""))]


def coverage(path: str | Path, plover_table: str | Path | None = None) -> Coverage:
    """Coverage of compiling the verb dictionary at ``path``."""
    vd = read_verb_dictionary(path)
    return compile_verb_dictionary(vd, load_cameo_map(plover_table=plover_table))[1]


# --- the shipped compiled form and user dictionaries ----------------------------------------

def _toml_value(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    return '"' + str(value).replace("\\", "\\\\").replace('"', '\\"') + '"'


def write_frames_toml(records: Iterable[dict], path: str | Path, header: str = "") -> None:
    """Write frame records as a ``[[frame]]`` TOML file, ``header`` as its comment."""
    lines = [f"# {h}".rstrip() for h in header.splitlines()]
    for rec in records:
        lines.append("\n[[frame]]")
        lines.extend(f"{k} = {_toml_value(v)}" for k, v in rec.items())
    Path(path).write_text("\n".join(lines) + "\n", encoding="utf-8")


def load_verb_frames(verbs: str | Path | None = None,
                     report: Callable[[InputProblem], None] | None = None) -> FrameSet:
    """Dictionary frames: the shipped compiled CAMEO dictionary, or, with ``verbs``, the
    user's own PETRARCH-format verb dictionary compiled on the fly (bad lines go to
    ``report``; ``FrameSet.problems`` keeps them). Cached per path in the process, and on
    disk per file content (:mod:`actorgraph.extract.frames_cache`)."""
    return _load_verb_frames(str(verbs) if verbs else None, report)


@lru_cache(maxsize=4)
def _load_verb_frames(verbs: str | None,
                      report: Callable[[InputProblem], None] | None) -> FrameSet:
    problems: list[InputProblem] = []

    def keep(problem: InputProblem) -> None:
        problems.append(problem)
        if report:
            report(problem)

    def shipped() -> FrameSet:
        frames = read_frame_file(CAMEO_FRAMES, report=keep)
        return FrameSet([replace(f, dictionary=True) for f in frames], problems)

    def compiled() -> FrameSet:
        records, _ = compile_verb_dictionary(read_verb_dictionary(verbs, keep))
        return FrameSet([replace(f, dictionary=True) for f in records_to_frames(records)],
                        problems)

    from actorgraph.extract.frames_cache import cached_frame_set

    if verbs is None:
        if not CAMEO_FRAMES.is_file():
            return FrameSet([])
        # Parsing and checking thousands of records costs about a CPU second per process:
        # the loaded frames are kept on disk (extract/frames_cache.py).
        return cached_frame_set(CAMEO_FRAMES, shipped, report)
    return cached_frame_set(verbs, compiled, report)


NOTICE = """\
Relation frames compiled from the CAMEO verb-pattern dictionary CAMEO.2.0.txt
(PETRARCH2, https://github.com/openeventdata/petrarch2), by actorgraph's
extract/verbdict.py. Do not edit: regenerate with
  python -m actorgraph.extract.verbdict CAMEO.2.0.txt --plover CAMEO2PLOVER-2021.txt \\
      --license LICENSE --out extract/lexicon/cameo_frames.toml
Each frame's origin is the line of its pattern in CAMEO.2.0.txt; a pattern applies to the
verbs its comment names (else its whole verb block). PLOVER categories come
from the CAMEO2PLOVER-2021 table of the Open Event Data Alliance; relation types from
lexicon/cameo_relations.toml.

The source dictionary is under the MIT License:

"""


def main(argv: list[str] | None = None) -> int:
    """Compile a verb dictionary, print its coverage, optionally write the frames."""
    ap = argparse.ArgumentParser(description="Compile a PETRARCH verb dictionary to frames.")
    ap.add_argument("dictionary", type=Path)
    ap.add_argument("--plover", type=Path, help="CAMEO2PLOVER table (PLOVER categories)")
    ap.add_argument("--license", type=Path, help="licence text to carry in the output")
    ap.add_argument("--out", type=Path, help="write the frames here (TOML)")
    ap.add_argument("--scope", choices=SCOPES, default="source",
                    help="apply a pattern to its whole verb block (PETRARCH) or only to the "
                         "verbs its comment names")
    args = ap.parse_args(argv)
    vd = read_verb_dictionary(args.dictionary, lambda p: print(p, file=sys.stderr))
    records, cov = compile_verb_dictionary(vd, load_cameo_map(plover_table=args.plover),
                                           scope=args.scope)
    print(cov.report())
    if args.out:
        licence = args.license.read_text(encoding="utf-8") if args.license else ""
        write_frames_toml(records, args.out, NOTICE + licence)
        print(f"wrote {len(records)} records ({cov.frames} frames) to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
