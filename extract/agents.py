"""Agent words: the role nouns event coders read as a sector of whoever they belong to.

"Sudanese paramilitaries", "Iraqi farmers", "a Saudi blogger", "a Chinese automaker": a
country word before such a noun names that country's military, civilians, media or
business. actorgraph's own collectives (``titles.toml``) list the common ones; the field's
dictionary lists many more: the PETRARCH agents file (``Phoenix.agents.txt``, MIT, Open
Event Data Alliance), whose records read ``PARAMILITARY [~MIL]``. This module reads files
in that format, compiles them to a table that ships with the package
(``lexicon/agents.toml``) and loads it. The extractor consults it after its own lists, and
only where a country word or phrase names whose the agents are: alone, "the company" or
"farmers" says too little to be an actor.

A record is ``WORD_WORD [~CODE]``, optionally with its irregular plurals in braces
(``THIEF {THIEVES} [~CRM]``; ``{}`` for none) and ``!SET!`` substitutions defined at the top
(``!PERSON! = MAN, MEN``). A code's first three letters are its sector; codes of sectors
actorgraph does not code (religions, crime, health, ...) are counted and left out, as are
phrases of more than two words, which a country word cannot stand before.

Regenerate the table with::

    python -m actorgraph.extract.agents ../shared/data/phoenix/Phoenix.agents.txt \\
        --out extract/lexicon/agents.toml

>>> table = load_agents()
>>> table["paramilitary"], table["blogger"]
('MIL', 'MED')
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from actorgraph.extract.compiled_tables import notice_with_licence, read_lists, write_lists
from actorgraph.extract.lexicon import LEXICON_DIR, LexiconError

AGENTS = LEXICON_DIR / "agents.toml"

#: The sectors actorgraph codes (see actors.SECTOR_NAMES) that an agent word can name.
AGENT_SECTORS = frozenset({"GOV", "MIL", "SPY", "COP", "LEG", "JUD", "REB", "OPP", "CVL",
                           "MED", "BUS", "ELI", "UAF", "NGO", "IGO"})
#: Words a country word can stand before: "Iraqi farmers", "Syrian border police".
MAX_WORDS = 2

_SET_LINE = re.compile(r"^(![A-Z]+!)\s*=\s*(.+)$")
# (words may be joined by "_" or by spaces; a code is "~MIL", or "IGO~" for a body's own)
_RECORD = re.compile(r"^(?P<phrase>[^{\[]+?)\s*(?:\{(?P<plurals>[^}]*)\})?\s*"
                     r"\[(?:~(?P<code>[A-Z]+)|(?P<own>[A-Z]+)~)\]")

NOTICE = """\
Agent words compiled from the PETRARCH agents dictionary (Phoenix.agents.txt, by the
Computational Event Data System Project) by actorgraph's extract/agents.py. Do not edit:
regenerate with
  python -m actorgraph.extract.agents Phoenix.agents.txt --out extract/lexicon/agents.toml
One table per sector code: the role nouns (lowercase, singular, and irregular plurals)
the dictionary codes as that sector. Phrases of more than two words and codes of other
sectors are left out.
"""


@dataclass
class AgentReport:
    """What a read of an agents file kept and left out, for the compile summary."""

    records: int = 0
    kept: int = 0
    other_sectors: int = 0
    too_long: int = 0
    problems: list[str] = field(default_factory=list)


def read_agents(path: str | Path, report: AgentReport | None = None,
                on_problem: Callable[[str], None] | None = None) -> Iterator[tuple[str, str]]:
    """Yield ``(word, sector)`` for every agent word of a PETRARCH agents file, its
    ``!SET!`` substitutions and irregular plurals spelled out, lowercase with spaces.

    A line that is no record goes to ``on_problem`` as ``FILE:LINE: what is wrong`` and
    the rest reads on; an unreadable file raises :class:`LexiconError` naming it.

    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "a.agents.txt"
    >>> _ = p.write_text("!PERSON! = MAN, MEN\\nBUSINESS!PERSON! [~BUS]\\nTHIEF {THIEVES} [~CRM]\\n"
    ...                  "PARAMILITARY [~MIL]\\n")
    >>> list(read_agents(p))
    [('businessman', 'BUS'), ('businessmen', 'BUS'), ('paramilitary', 'MIL')]
    """
    path = Path(path)
    report = report if report is not None else AgentReport()
    sets: dict[str, list[str]] = {}
    try:
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError as e:
        raise LexiconError(f"{path}: cannot read agents dictionary: {e.strerror or e}") from e
    for number, raw in enumerate(lines, 1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        if (m := _SET_LINE.match(line)) is not None:
            sets[m.group(1)] = [w.strip() for w in m.group(2).split(",") if w.strip()]
            continue
        m = _RECORD.match(line)
        if m is None:
            message = f"{path}:{number}: not an agent record (WORD [~CODE]): {line[:60]!r}"
            report.problems.append(message)
            if on_problem is not None:
                on_problem(message)
            continue
        report.records += 1
        yield from _record_words(m, sets, report)


def _record_words(m: re.Match[str], sets: Mapping[str, list[str]],
                  report: AgentReport) -> Iterator[tuple[str, str]]:
    """The words of one record, or none when its sector or length rules it out."""
    sector = (m.group("code") or m.group("own"))[:3]
    if sector not in AGENT_SECTORS:
        report.other_sectors += 1
        return
    forms = [m.group("phrase"), *(m.group("plurals") or "").split(",")]
    words = [w for f in forms if f.strip() for w in _substituted(f.strip(), sets)]
    words = [" ".join(w.lower().replace("_", " ").split()) for w in words]
    words = [w for w in words if w.replace(" ", "").replace("-", "").isalpha()]
    if any(len(w.split()) > MAX_WORDS for w in words):
        report.too_long += 1
        return
    report.kept += 1
    for w in dict.fromkeys(words):
        yield w, sector


def _substituted(phrase: str, sets: Mapping[str, list[str]]) -> list[str]:
    """A phrase with its ``!SET!`` spelled out, once per member of the set."""
    for name, members in sets.items():
        if name in phrase:
            return [p for member in members
                    for p in _substituted(phrase.replace(name, member, 1), sets)]
    return [phrase]


def compile_agents(pairs: Iterator[tuple[str, str]]) -> dict[str, list[str]]:
    """Group ``(word, sector)`` pairs by sector, each word once (its first sector kept).

    >>> compile_agents(iter([("farmer", "CVL"), ("troop", "MIL"), ("farmer", "BUS")]))
    {'CVL': ['farmer'], 'MIL': ['troop']}
    """
    first: dict[str, str] = {}
    for word, sector in pairs:
        first.setdefault(word, sector)
    table: dict[str, list[str]] = {}
    for word, sector in first.items():
        table.setdefault(sector, []).append(word)
    return table


def write_agents(table: Mapping[str, list[str]], out: Path, notice: str) -> None:
    """Write the table as TOML, the notice (and licence) as its leading comment."""
    write_lists(table, "words", out, notice)


@lru_cache(maxsize=4)
def load_agents(path: Path = AGENTS) -> dict[str, str]:
    """Agent word -> sector from a compiled table; empty when the file is absent. A file
    that is not such a table raises :class:`LexiconError` naming it."""
    table: dict[str, str] = {}
    for sector, words in read_lists(path, "words", "agents table").items():
        if sector not in AGENT_SECTORS:
            raise LexiconError(f"{path}: [{sector}]: not a sector actorgraph codes")
        for w in words:
            table.setdefault(w.lower(), sector)
    return table


def main(argv: list[str] | None = None) -> int:
    """Compile a PETRARCH agents dictionary to an agents table."""
    ap = argparse.ArgumentParser(description="Compile a PETRARCH agents dictionary's role "
                                 "words to the sectors they name.")
    ap.add_argument("dictionary", type=Path)
    ap.add_argument("--out", type=Path, help="write the table here (TOML)")
    args = ap.parse_args(argv)
    report = AgentReport()
    table = compile_agents(read_agents(args.dictionary, report,
                                       lambda p: print(p, file=sys.stderr)))
    print(f"{report.kept} of {report.records} records kept: "
          f"{sum(len(v) for v in table.values())} words of {len(table)} sectors; "
          f"{report.other_sectors} of sectors actorgraph does not code and "
          f"{report.too_long} of more than {MAX_WORDS} words left out; "
          f"{len(report.problems)} lines not records")
    if args.out:
        write_agents(table, args.out, notice_with_licence(NOTICE, args.dictionary))
        print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
