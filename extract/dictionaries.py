"""PETRARCH/TABARI actor dictionaries: import the files event-data users maintain.

Format (as in the Phoenix dictionaries): a primary phrase with words joined by ``_``
(usually ending in ``_``), ``+synonym`` lines, and ``[CODE dates]`` codes on the same
line or on tab-indented lines below; ``#`` starts a comment and a ``---STOP---`` line ends
the file. A code is a country or international prefix (``USA``, ``IGO``, ``IMG``...)
followed by sector codes (``GOV``, ``MIL``, ``REB``...); with several date-bounded codes
the last one (the current role) wins; ``[---]`` means "not an actor". As in PETRARCH, text
after the codes on a line is ignored.

>>> import tempfile, pathlib
>>> p = pathlib.Path(tempfile.mkdtemp()) / "x.actors.txt"
>>> _ = p.write_text("JOHN_KERRY_ # note\\n+SECRETARY_KERRY_\\n\\t[USAGOVLEG 850103-130201]\\n"
...                  "\\t[USAGOV >130201]\\n")
>>> a = next(read_petrarch_actors(p))
>>> a.id, a.name, a.type, a.country, a.sector, a.aliases
('person:john_kerry', 'John Kerry', 'PERSON', 'USA', 'GOV', ('John Kerry', 'Secretary Kerry'))

Bad records are reported one line each, ``FILE:LINE: what is wrong``, through
``on_problem`` (an :class:`~actorgraph.extract.documents.InputProblem`), and skipped: a
bad primary phrase or code skips its whole entry, a bad synonym only itself. A file that
is not text, or yields no actor at all, raises :class:`LexiconError` naming the file.

>>> _ = p.write_text("FOO_BAR_ [USAGOV\\nJANE_ROE_ [FRAGOV]\\n")
>>> [a.name for a in read_petrarch_actors(p, on_problem=lambda e: print(e.line, e.message))]
1 unclosed '[' in 'FOO_BAR_ [USAGOV'; entry skipped
['Jane Roe']
"""

from __future__ import annotations

import re
import unicodedata
import warnings
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from actorgraph.extract.documents import MAX_PROBLEMS_PER_FILE, InputProblem
from actorgraph.extract.lexicon import KnownActor, LexiconError, LexiconWarning

ORG_WORDS = {
    "ministry", "party", "army", "council", "committee", "front", "movement", "forces",
    "force", "organization", "organisation", "union", "agency", "association", "bank",
    "court", "assembly", "parliament", "government", "police", "brigade", "brigades",
    "group", "league", "institute", "commission", "office", "department", "corporation",
    "company", "network", "alliance", "coalition", "guard", "guards", "militia", "service",
}
INTERNATIONAL = {"IGO": "IGO", "IMG": "ARMED_GROUP", "NGO": "ORGANIZATION",
                 "MNC": "ORGANIZATION", "UIS": "ORGANIZATION"}
ARMED_SECTORS = {"REB", "INS", "IMG", "SEP", "UAF"}

#: The inside of a code bracket: a code (``USAGOV``; ``---`` for "not an actor") and an
#: optional date restriction (``>130201``, ``<900823``, ``850103-130201``).
_CODE_BODY = re.compile(
    r"\s*(?P<code>---|[A-Z0-9~]{3,})"
    r"(?:\s+(?:[<>]\s*\d{4,10}|\d{4,10}\s*-\s*\d{4,10}|\d{4,10}))?\s*"
)
_BRACKETS = re.compile(r"\[([^\[\]]*)\]")
#: Punctuation the real dictionaries use inside names (AT&T, E*TRADE, YAHOO!, DHKP/C).
_NAME_PUNCTUATION = set("_-.,'’‘`´&()/:!?*\"“”+–—;")
MAX_PHRASE_CHARS = 200
_SNIFF = 8192
_BINARY_MAGIC = (b"\x1f\x8b", b"PK\x03\x04", b"%PDF", b"\x7fELF", b"\x89PNG")

ProblemHandler = Callable[[InputProblem], None]


def _words(phrase: str) -> str:
    phrase = phrase.strip().rstrip("_").replace("_", " ")
    return re.sub(r"\s+", " ", phrase).strip()


def _display(phrase: str) -> str:
    # Dictionaries are upper case; acronyms (one short word) stay upper, names get title case.
    return phrase if (" " not in phrase and len(phrase) <= 5) else phrase.title()


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", text.lower()).strip("_") or "x"


def _actor(primary: str, aliases: list[str], codes: list[str]) -> KnownActor | None:
    if not primary:
        return None
    import pycountry

    from actorgraph.extract.actors import person_key

    code = codes[-1] if codes else ""
    prefix, rest = code[:3], code[3:]
    sector = rest[:3] or None
    country = prefix if prefix and pycountry.countries.get(alpha_3=prefix) else None
    name = _display(_words(primary))
    words = {w.lower() for w in name.split()}
    if prefix in INTERNATIONAL:
        kind = INTERNATIONAL[prefix]
    elif sector in ARMED_SECTORS:
        kind = "ARMED_GROUP"
    elif country and not sector:
        return None  # country names: the built-in country lexicon owns them
    elif words & ORG_WORDS or len(words) == 1:
        kind = "ORGANIZATION"
    else:
        kind = "PERSON"
    if kind == "PERSON":
        actor_id = f"person:{person_key(name)}"
    else:
        actor_id = f"{'group' if kind == 'ARMED_GROUP' else 'org'}:{_slug(name)}"
    all_aliases = tuple(dict.fromkeys([name, *(_display(_words(a)) for a in aliases)]))
    return KnownActor(id=actor_id, name=name, type=kind, country=country,
                      sector=sector if sector and sector != "~" else None, aliases=all_aliases)


# --- validation --------------------------------------------------------------------------


def _shown(text: str, limit: int = 60) -> str:
    """A phrase quoted for a message: control characters escaped, long text cut."""
    text = text.strip()
    cut = text[:limit] + ("..." if len(text) > limit else "")
    return repr(cut)


def _phrase_problem(phrase: str) -> str | None:
    """What makes ``phrase`` (a primary phrase or synonym, without ``+``) no name, or None."""
    text = phrase.strip()
    if not _words(text):
        return "empty phrase"
    if len(text) > MAX_PHRASE_CHARS:
        return f"phrase too long ({len(text)} characters) for a name"
    for ch in text:
        if ch.isalnum() or ch in _NAME_PUNCTUATION or ch in " \t":
            continue
        category = unicodedata.category(ch)
        if category[0] in "LMN":
            continue
        if ch == "\ufffd":
            return (f"replacement character U+FFFD in {_shown(text)} (the text was "
                    "mis-decoded before it was saved)")
        if category == "Cc":
            return f"control character U+{ord(ch):04X} in {_shown(text)}"
        what = f"U+{ord(ch):04X}" if category[0] in "CZ" else f"{ch!r}"
        return f"character {what} cannot be part of a name: {_shown(text)}"
    if not any(ch.isalpha() for ch in text):
        return f"no letters in {_shown(text)}: a bare number would match any such number"
    return None


def _split_codes(line: str) -> tuple[str, list[str], str | None]:
    """``(phrase, codes, problem)`` of one comment-free line: the text before the first
    ``[``, the code of each ``[...]`` group (``---`` included), and what is malformed."""
    opening = line.find("[")
    closing = line.find("]")
    if closing != -1 and (opening == -1 or closing < opening):
        return line, [], f"']' without '[' in {_shown(line)}"
    if opening == -1:
        return line, [], None
    phrase, rest = line[:opening], line[opening:]
    codes = []
    for body in _BRACKETS.findall(rest):
        m = _CODE_BODY.fullmatch(body)
        if not m:
            return phrase, [], (f"malformed code [{body}]: expected [CODE] or [CODE DATES], "
                                "e.g. [USAGOV] or [USAGOV >130201]")
        if "~" in m.group("code"):
            return phrase, [], (f"agent code [{body.strip()}]: agents dictionaries "
                                "(.agents.txt) are not actor dictionaries")
        codes.append(m.group("code"))
    residue = _BRACKETS.sub("", rest)
    if "[" in residue:
        return phrase, [], f"unclosed '[' in {_shown(line)}"
    if "]" in residue:
        return phrase, [], f"']' without '[' in {_shown(line)}"
    return phrase, codes, None


@dataclass
class _Entry:
    line: int
    primary: str
    aliases: list[str] = field(default_factory=list)
    codes: list[str] = field(default_factory=list)
    skipped: bool = False


class _Reporter:
    """One dictionary's problems: counted, the first ``MAX_PROBLEMS_PER_FILE`` reported."""

    def __init__(self, label: str, report: ProblemHandler) -> None:
        self.label = label
        self.report = report
        self.count = 0
        self.first: InputProblem | None = None

    def __call__(self, line: int, message: str) -> None:
        problem = InputProblem(self.label, message, line)
        self.first = self.first or problem
        self.count += 1
        if self.count <= MAX_PROBLEMS_PER_FILE:
            self.report(problem)

    def finish(self) -> None:
        if self.count > MAX_PROBLEMS_PER_FILE:
            more = self.count - MAX_PROBLEMS_PER_FILE
            self.report(InputProblem(self.label, f"{more} more problems not reported"))


def _warn(problem: InputProblem) -> None:
    warnings.warn(str(problem), LexiconWarning, stacklevel=4)


def _open_text(path: Path):
    try:
        fh = path.open("rb")
        head = fh.peek(_SNIFF)[:_SNIFF] if hasattr(fh, "peek") else b""
    except OSError as e:
        raise LexiconError(f"{path}: cannot read actor dictionary: {e.strerror or e}") from e
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        fh.close()
        raise LexiconError(f"{path}: UTF-16 text; save the dictionary as UTF-8")
    controls = sum(b < 32 and b not in b"\t\n\r\f" for b in head)
    if head.startswith(_BINARY_MAGIC) or controls * 10 > len(head):
        fh.close()
        raise LexiconError(f"{path}: not a text file (binary content); expected a "
                           "PETRARCH/TABARI .actors.txt dictionary")
    return fh


def read_petrarch_actors(
    path: str | Path, on_problem: ProblemHandler | None = None
) -> Iterator[KnownActor]:
    """Yield the actors of a PETRARCH/TABARI ``.actors.txt`` dictionary.

    Each bad record goes to ``on_problem`` as ``FILE:LINE: what is wrong`` and is skipped
    (without a handler: a :class:`LexiconWarning`). Raises :class:`LexiconError` when the
    file cannot be read, is not text, or yields no actor.
    """
    path = Path(path)
    problem = _Reporter(str(path), on_problem or _warn)
    entry: _Entry | None = None
    entries = coded = countries = yielded = lines = junk = 0

    def finish(e: _Entry | None) -> KnownActor | None:
        nonlocal entries, coded, countries
        if e is None or e.skipped:
            return None
        entries += 1
        codes = [c for c in e.codes if c != "---"]
        coded += bool(e.codes)
        if e.codes and not codes:
            return None  # [---]: the dictionary says this phrase is no actor
        actor = _actor(e.primary, e.aliases, codes)
        countries += actor is None
        return actor

    with _open_text(path) as fh:
        for lineno, data in enumerate(fh, 1):
            try:
                raw = data.decode("utf-8")
                bad_bytes = None
            except UnicodeDecodeError as err:
                raw = data.decode("utf-8", errors="replace")
                bad_bytes = f"not UTF-8: byte 0x{data[err.start]:02X} at column {err.start + 1}"
            if lineno == 1:
                raw = raw.removeprefix("\ufeff")
            if "---STOP---" in raw:
                break
            line = raw.split("#", 1)[0].rstrip()
            if not line.strip():
                continue
            lines += 1
            phrase, codes, malformed = _split_codes(line)
            text = phrase.strip()
            if not text:  # a code line: belongs to the entry above
                if entry is None:
                    problem(lineno, f"code line {_shown(line)} before any actor phrase")
                elif entry.skipped:
                    pass
                elif bad_bytes or malformed:
                    junk += bad_bytes is not None
                    problem(lineno, f"{bad_bytes or malformed}; entry "
                                    f"{_shown(entry.primary)} (line {entry.line}) skipped")
                    entry.skipped = True
                else:
                    entry.codes.extend(codes)
                continue
            if text.startswith("+"):
                if entry is None:
                    problem(lineno, f"synonym {_shown(text)} before any primary phrase")
                    continue
                if entry.skipped:
                    continue
                if malformed or bad_bytes:
                    junk += bad_bytes is not None
                    problem(lineno, f"{bad_bytes or malformed}; synonym skipped")
                    continue
                synonyms = [a for a in text.split("+") if a.strip()]
                if not synonyms:
                    problem(lineno, "empty synonym '+'; skipped")
                for synonym in synonyms:
                    why = _phrase_problem(synonym)
                    if why:
                        junk += why.startswith(("control", "replacement"))
                        problem(lineno, f"{why}; synonym skipped")
                    else:
                        entry.aliases.append(synonym)
                entry.codes.extend(codes)
                continue
            actor = finish(entry)
            if actor is not None:
                yielded += 1
                yield actor
            entry = _Entry(lineno, text, codes=codes)
            why = bad_bytes or malformed or _phrase_problem(text)
            if why:
                junk += bool(bad_bytes) or why.startswith(("control", "replacement"))
                problem(lineno, f"{why}; entry skipped")
                entry.skipped = True
    actor = finish(entry)
    if actor is not None:
        yielded += 1
        yield actor
    problem.finish()
    first = problem.first
    worst = (f" ({problem.count} problems; first, line {first.line}: {first.message})"
             if first else "")
    if yielded:
        if not coded:
            raise LexiconError(f"{path}: not a PETRARCH/TABARI actor dictionary: no entry "
                               f"has a valid [CODE]{worst}")
        return
    if not lines:
        raise LexiconError(f"{path}: no actors: the dictionary has no entries")
    if junk * 2 >= lines:
        raise LexiconError(f"{path}: not a text actor dictionary: {junk} of {lines} lines "
                           "are not UTF-8 text or hold control characters")
    if first is not None and not entries:
        raise LexiconError(f"{path}: no actors: no valid entry{worst}")
    if countries:
        raise LexiconError(f"{path}: no actors to import: its {countries} entries are "
                           "countries, which the built-in lexicon already has")
    raise LexiconError(f"{path}: no actors: no entry names an actor")
