"""The word lists the extraction rules read, as data (``extract/lexicon/words.toml``).

Each ``[section]`` of the file is one named list (``words``, and ``include``: lists whose
words it has too). The rules hold the live :class:`set` of a list (:func:`word_set`), so
words a user adds with :func:`extend_words` (``--words FILE``, ``ExtractConfig(words=...)``)
reach every rule that reads the list, and every list that includes it.

A user file has the same shape and may only add words to lists the shipped file names. A
bad section or entry is one :class:`InputProblem` (``FILE:LINE: what is wrong``) and is
skipped; the rest of the file loads. Each section is parsed on its own, so a TOML syntax
error costs only the section it is in.

The lists are state of the process: :func:`use_words` sets them to the shipped words plus
the given files (the extractor calls it before each document, which costs nothing when the
files are the ones already in use).

>>> "want" in word_set("request_verbs") and "want" in word_set("object_control")
True
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from pathlib import Path

import tomllib

from actorgraph.extract.documents import InputProblem
from actorgraph.extract.lexicon import LEXICON_DIR, LexiconError

WORDS_FILE = LEXICON_DIR / "words.toml"
_HEADER = re.compile(r"^\s*\[\s*([^\[\]]*?)\s*\]\s*(?:#.*)?$")
_SECTION_KEYS = ("words", "include")

#: The live list of every name: the objects the rules hold, changed in place.
_LISTS: dict[str, set[str]] = {}
#: The shipped words of every list (includes resolved), to reset to.
_SHIPPED: dict[str, frozenset[str]] = {}
#: name -> the lists that include it, directly or not.
_INCLUDERS: dict[str, set[str]] = {}
#: name -> the lists it includes, directly or not.
_INCLUDED: dict[str, set[str]] = {}
_active: tuple[str, ...] = ()


def word_set(name: str) -> set[str]:
    """The live word list ``name`` (a KeyError names a list the shipped file lacks)."""
    return _LISTS[name]


def list_names() -> list[str]:
    """Names of every word list, in file order."""
    return list(_LISTS)


def extend_words(path: str | Path) -> list[InputProblem]:
    """Add the words of a user file to the lists it names; the problems of its bad sections
    and entries (each skipped)."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as e:
        why = getattr(e, "strerror", None) or e
        return [InputProblem(str(path), f"cannot read word file: {why}")]
    problems: list[InputProblem] = []
    for name, line, entry in _sections(text, str(path), problems):
        if name not in _LISTS:
            near = difflib.get_close_matches(name, _LISTS, n=1)
            hint = f" (did you mean [{near[0]}]?)" if near else ""
            problems.append(InputProblem(str(path), f"unknown word list [{name}]{hint}; "
                                         "skipped", line))
            continue
        words, _include = _section_words(entry, f"{path}", line, problems, user=True,
                                         name=name)
        for target in {name} | _INCLUDERS[name]:
            _LISTS[target].update(words)
    return problems


def reset_words() -> None:
    """Every list back to its shipped words (in place: the rules keep their objects)."""
    global _active
    for name, words in _SHIPPED.items():
        live = _LISTS[name]
        live.clear()
        live.update(words)
    _active = ()


def use_words(paths: Iterable[str | Path]) -> list[InputProblem]:
    """The shipped lists plus the words of ``paths``; their problems. Nothing to do (and
    no problems again) when these files are the ones in use."""
    global _active
    key = tuple(str(p) for p in paths)
    if key == _active:
        return []
    reset_words()
    problems = [p for path in key for p in extend_words(path)]
    _active = key
    return problems


def _sections(text: str, label: str, problems: list[InputProblem]
              ) -> Iterable[tuple[str, int, dict]]:
    """(name, header line, table) of every section that parses; the others are problems."""
    lines = text.splitlines()
    starts = [i for i, raw in enumerate(lines) if _HEADER.match(raw)]
    if any(raw.strip() and not raw.lstrip().startswith("#")
           for raw in lines[:starts[0] if starts else len(lines)]):
        problems.append(InputProblem(label, "words outside any [section]; skipped",
                                     _first_content(lines) + 1))
    for k, start in enumerate(starts):
        end = starts[k + 1] if k + 1 < len(starts) else len(lines)
        name = _HEADER.match(lines[start]).group(1).strip('"')
        try:
            table = tomllib.loads("\n".join(lines[start + 1:end]))
        except tomllib.TOMLDecodeError as e:
            at = re.search(r"line (\d+)", str(e))
            line = start + 1 + (int(at.group(1)) if at else 1)
            problems.append(InputProblem(label, f"[{name}]: malformed TOML "
                                         f"({str(e).split(' (at')[0]}); skipped", line))
            continue
        yield name, start + 1, table


def _first_content(lines: list[str]) -> int:
    return next(i for i, raw in enumerate(lines) if raw.strip() and not
                raw.lstrip().startswith("#"))


def _section_words(entry: dict, label: str, line: int, problems: list[InputProblem],
                   user: bool, name: str = "") -> tuple[set[str], list[str]]:
    """The valid words and includes of one section; each bad key or entry a problem."""
    for key in entry:
        if key not in _SECTION_KEYS or (user and key == "include"):
            problems.append(InputProblem(label, f"[{name}]: unknown key {key!r} (a word file gives "
                                         f"'words = [...]'); ignored", line))
    words = entry.get("words", [])
    if not isinstance(words, list):
        problems.append(InputProblem(label, f"[{name}]: 'words' must be an array of strings; "
                                     "skipped", line))
        words = []
    good = {w.strip() for w in words if isinstance(w, str) and w.strip()}
    for w in words:
        if not (isinstance(w, str) and w.strip()):
            problems.append(InputProblem(label, f"[{name}]: word {w!r} is not a non-empty "
                                         "string; skipped", line))
    include = entry.get("include", []) if not user else []
    return good, [i for i in include if isinstance(i, str)]


def _load_shipped(path: Path = WORDS_FILE) -> None:
    """Read the shipped lists; a problem there is a broken installation (LexiconError)."""
    problems: list[InputProblem] = []
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as e:
        raise LexiconError(f"{path}: cannot read word lists: {e.strerror or e}") from e
    for name, line, entry in _sections(text, str(path), problems):
        words, include = _section_words(entry, str(path), line, problems, user=False,
                                        name=name)
        for other in include:
            if other not in _SHIPPED:
                problems.append(InputProblem(str(path), f"[{name}] includes {other!r}, "
                                             "which no earlier section defines", line))
                continue
            words |= _SHIPPED[other]
            for inner in {other} | _INCLUDED[other]:
                _INCLUDERS[inner].add(name)
                _INCLUDED.setdefault(name, set()).add(inner)
        _SHIPPED[name] = frozenset(words)
        _LISTS[name] = set(words)
        _INCLUDERS.setdefault(name, set())
        _INCLUDED.setdefault(name, set())
    if problems:
        raise LexiconError("; ".join(map(str, problems)))


_load_shipped()
