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
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from actorgraph.extract.documents import MAX_PROBLEMS_PER_FILE, InputProblem
from actorgraph.extract.lexicon import KnownActor, LexiconError, LexiconWarning
from actorgraph.extract.wordlists import word_set

ORG_WORDS = word_set("org_words")
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


@dataclass
class _Line:
    """One line of a dictionary that holds anything, split into its parts."""

    number: int
    line: str  # without its comment
    text: str  # the phrase before the codes, stripped: "" on a code line
    codes: list[str]
    bad_bytes: str | None  # why the line is not UTF-8, if it is not
    malformed: str | None  # what is wrong with its codes, if anything


@dataclass
class _Tally:
    """What one read has seen, to tell why a file yields no actor."""

    entries: int = 0  # entries finished, bar skipped ones
    coded: int = 0  # of them, those with any code
    countries: int = 0  # of them, those naming a country
    yielded: int = 0  # actors yielded
    lines: int = 0  # lines holding anything
    junk: int = 0  # lines of bad bytes or control characters


def read_petrarch_actors(
    path: str | Path, on_problem: ProblemHandler | None = None,
    places: dict[str, str] | None = None,
) -> Iterator[KnownActor]:
    """Yield the actors of a PETRARCH/TABARI ``.actors.txt`` dictionary.

    Each bad record goes to ``on_problem`` as ``FILE:LINE: what is wrong`` and is skipped
    (without a handler: a :class:`LexiconWarning`). Raises :class:`LexiconError` when the
    file cannot be read, is not text, or yields no actor. With ``places``, the phrases of
    its country entries go there too (folded name -> ISO3, see :func:`read_country_places`),
    and a file of country entries only is no error.
    """
    path = Path(path)
    problem = _Reporter(str(path), on_problem or _warn)
    tally = _Tally()
    listed = 0
    # Problems are reported from this frame only, never from a helper: the default
    # handler's warning names the caller by a fixed stack depth.
    for entry, line, message in _entries(path, tally):
        if message:
            problem(line, message)
            continue
        actor = _finish(entry, tally)
        if actor is not None:
            tally.yielded += 1
            yield actor
        elif places is not None and (iso3 := _country_code(entry)) is not None:
            listed += _list_places(places, entry, iso3)
    problem.finish()
    error = _no_actor_error(path, tally, problem.first, problem.count)
    if error is not None and not listed:
        raise error


def _list_places(places: dict[str, str], entry: _Entry, iso3: str) -> int:
    """Put a country entry's phrases in ``places``; returns how many."""
    from actorgraph.extract.places import fold

    names = [fold(n) for n in _place_names(entry)]
    places.update((n, iso3) for n in names)
    return len(names)


def _place_names(entry: _Entry) -> list[str]:
    """The names a country entry lists: its phrase and synonyms, in title case."""
    return [_words(p).title() for p in (entry.primary, *entry.aliases)]


def read_country_places(
    path: str | Path, on_problem: ProblemHandler | None = None
) -> Iterator[tuple[str, str]]:
    """Yield ``(place name, ISO3)`` for every phrase of a country entry: CountryInfo
    (``Phoenix.Countries.actors.txt``) lists under each country its regions, towns and
    landmarks beside its names ("DARFUR_" and "KORDOFAN_" under ``SUDAN_ [SDN]``), which
    event coders code as that country. An entry counts when its current code (the last)
    is a bare country code; bad records are reported as in :func:`read_petrarch_actors`.

    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "c.actors.txt"
    >>> _ = p.write_text("SUDAN_ [SDN]\\n+DARFUR_\\nOMAR_BASHIR_ [SDNGOV]\\n")
    >>> list(read_country_places(p))
    [('Sudan', 'SDN'), ('Darfur', 'SDN')]
    """
    path = Path(path)
    problem = _Reporter(str(path), on_problem or _warn)
    for entry, line, message in _entries(path, _Tally()):
        if message:
            problem(line, message)
        elif (iso3 := _country_code(entry)) is not None:
            for name in _place_names(entry):
                yield name, iso3
    problem.finish()


def _country_code(entry: _Entry) -> str | None:
    """The ISO3 code of an entry whose current code is a bare country, else None."""
    import pycountry

    codes = [c for c in entry.codes if c != "---"]
    if entry.skipped or not codes or len(codes[-1]) != 3:
        return None
    return codes[-1] if pycountry.countries.get(alpha_3=codes[-1]) else None


def _entries(path: Path, tally: _Tally) -> Iterator[tuple[_Entry | None, int, str | None]]:
    """The complete entries of a dictionary as ``(entry, 0, None)``, and its problems as
    ``(None, line, message)``, in file order."""
    entry: _Entry | None = None
    with _open_text(path) as fh:
        for ln in _dictionary_lines(fh):
            tally.lines += 1
            if not ln.text:  # a code line: belongs to the entry above
                messages = _add_code_line(entry, ln, tally)
            elif ln.text.startswith("+"):
                messages = _add_synonyms(entry, ln, tally)
            else:
                if entry is not None:
                    yield entry, 0, None
                entry, messages = _start_entry(ln, tally)
            for message in messages:
                yield None, ln.number, message
    if entry is not None:
        yield entry, 0, None


def _dictionary_lines(fh: Iterable[bytes]) -> Iterator[_Line]:
    """The lines of an open dictionary that hold anything besides a comment, up to a
    ``---STOP---`` line; bytes that are not UTF-8 are replaced, and said so."""
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
            return
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip():
            continue
        phrase, codes, malformed = _split_codes(line)
        yield _Line(lineno, line, phrase.strip(), codes, bad_bytes, malformed)


def _add_code_line(entry: _Entry | None, ln: _Line, tally: _Tally) -> list[str]:
    """Give the codes of a code line to the entry above; returns the problems."""
    if entry is None:
        return [f"code line {_shown(ln.line)} before any actor phrase"]
    if entry.skipped:
        return []
    if ln.bad_bytes or ln.malformed:
        # A bad code makes the whole entry's coding unknown: skip the entry.
        tally.junk += ln.bad_bytes is not None
        entry.skipped = True
        return [f"{ln.bad_bytes or ln.malformed}; entry {_shown(entry.primary)} "
                f"(line {entry.line}) skipped"]
    entry.codes.extend(ln.codes)
    return []


def _add_synonyms(entry: _Entry | None, ln: _Line, tally: _Tally) -> list[str]:
    """Give the synonyms (and codes) of a ``+`` line to the entry above; returns the
    problems. A bad synonym skips only itself."""
    if entry is None:
        return [f"synonym {_shown(ln.text)} before any primary phrase"]
    if entry.skipped:
        return []
    if ln.malformed or ln.bad_bytes:
        tally.junk += ln.bad_bytes is not None
        return [f"{ln.bad_bytes or ln.malformed}; synonym skipped"]
    synonyms = [a for a in ln.text.split("+") if a.strip()]
    messages = [] if synonyms else ["empty synonym '+'; skipped"]
    for synonym in synonyms:
        why = _phrase_problem(synonym)
        if why:
            tally.junk += why.startswith(("control", "replacement"))
            messages.append(f"{why}; synonym skipped")
        else:
            entry.aliases.append(synonym)
    entry.codes.extend(ln.codes)
    return messages


def _start_entry(ln: _Line, tally: _Tally) -> tuple[_Entry, list[str]]:
    """A new entry for a primary phrase, skipped if the phrase or its codes are bad;
    returns it with the problems."""
    entry = _Entry(ln.number, ln.text, codes=ln.codes)
    why = ln.bad_bytes or ln.malformed or _phrase_problem(ln.text)
    if not why:
        return entry, []
    tally.junk += bool(ln.bad_bytes) or why.startswith(("control", "replacement"))
    entry.skipped = True
    return entry, [f"{why}; entry skipped"]


def _finish(entry: _Entry | None, tally: _Tally) -> KnownActor | None:
    """The actor a complete entry names, or None (no entry, a skipped one, ``[---]``, or
    a country, which the built-in lexicon already has)."""
    if entry is None or entry.skipped:
        return None
    tally.entries += 1
    codes = [c for c in entry.codes if c != "---"]
    tally.coded += bool(entry.codes)
    if entry.codes and not codes:
        return None  # [---]: the dictionary says this phrase is no actor
    actor = _actor(entry.primary, entry.aliases, codes)
    tally.countries += actor is None
    return actor


def _no_actor_error(path: Path, tally: _Tally, first: InputProblem | None, count: int
                    ) -> LexiconError | None:
    """Why a read file is no usable actor dictionary, or None when it is one."""
    worst = (f" ({count} problems; first, line {first.line}: {first.message})"
             if first else "")
    if tally.yielded:
        if not tally.coded:
            return LexiconError(f"{path}: not a PETRARCH/TABARI actor dictionary: no entry "
                                f"has a valid [CODE]{worst}")
        return None
    if not tally.lines:
        return LexiconError(f"{path}: no actors: the dictionary has no entries")
    if tally.junk * 2 >= tally.lines:
        return LexiconError(f"{path}: not a text actor dictionary: {tally.junk} of "
                            f"{tally.lines} lines are not UTF-8 text or hold control characters")
    if first is not None and not tally.entries:
        return LexiconError(f"{path}: no actors: no valid entry{worst}")
    if tally.countries:
        return LexiconError(f"{path}: no actors to import: its {tally.countries} entries are "
                            "countries, which the built-in lexicon already has")
    return LexiconError(f"{path}: no actors: no entry names an actor")
