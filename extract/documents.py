"""Documents: read texts from files, directories, stdin and JSONL corpora, one at a time.

Readers stream: nothing holds more than one document in memory. Problems with an input are
reported through ``on_problem`` as :class:`InputProblem` (file, line, what is wrong) and the
reader moves on to the next input.

>>> import tempfile, pathlib
>>> d = pathlib.Path(tempfile.mkdtemp()); _ = (d / "a.txt").write_text("Kerry met Lavrov.")
>>> [doc.id for doc in read_documents([d])]
['a']
"""

from __future__ import annotations

import hashlib
import json
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

TEXT_SUFFIXES = {".txt", ".md", ".text"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}


@dataclass(frozen=True)
class Document:
    """One article. ``hash`` identifies its content, so re-reads are recognised."""

    id: str
    text: str
    title: str | None = None
    date: str | None = None
    source: str | None = None
    url: str | None = None
    path: str | None = None

    @property
    def hash(self) -> str:
        return content_hash(self.text)


@dataclass(frozen=True)
class InputProblem:
    """A bad input: which file (and line), and what is wrong with it."""

    path: str
    message: str
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line is not None else self.path
        return f"{where}: {self.message}"


ProblemHandler = Callable[[InputProblem], None]


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _ignore(problem: InputProblem) -> None:
    pass


def read_documents(
    paths: Iterable[str | Path], on_problem: ProblemHandler | None = None
) -> Iterator[Document]:
    """Yield a :class:`Document` per article found under ``paths``.

    ``-`` reads stdin as one document; directories are walked recursively in sorted order.
    """
    report = on_problem or _ignore
    for p in paths:
        if str(p) == "-":
            text = sys.stdin.read()
            yield Document(id="stdin", text=text, path="-")
            continue
        path = Path(p)
        if path.is_dir():
            files = sorted(f for f in path.rglob("*") if f.is_file())
            yield from _read_files(files, report, explicit=False)
        elif path.exists():
            yield from _read_files([path], report, explicit=True)
        else:
            report(InputProblem(str(path), "no such file or directory"))


def _read_files(files: list[Path], report: ProblemHandler, explicit: bool) -> Iterator[Document]:
    for f in files:
        suffix = f.suffix.lower()
        if suffix in JSONL_SUFFIXES:
            yield from read_jsonl(f, report)
        elif suffix in TEXT_SUFFIXES or explicit:
            doc = read_text_file(f, report)
            if doc is not None:
                yield doc


def read_text_file(path: Path, report: ProblemHandler) -> Document | None:
    try:
        raw = path.read_bytes()
    except OSError as e:
        report(InputProblem(str(path), f"cannot read file: {e.strerror or e}"))
        return None
    if b"\x00" in raw[:8192]:
        report(InputProblem(str(path), "binary file, not text"))
        return None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("latin-1")
    if not text.strip():
        report(InputProblem(str(path), "empty file"))
        return None
    return Document(id=path.stem, text=text, title=_first_line(text), path=str(path))


def read_jsonl(path: Path, report: ProblemHandler) -> Iterator[Document]:
    try:
        fh = path.open("r", encoding="utf-8-sig", errors="replace")
    except OSError as e:
        report(InputProblem(str(path), f"cannot read file: {e.strerror or e}"))
        return
    with fh:
        for lineno, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as e:
                report(InputProblem(str(path), f"malformed JSON: {e.msg}", lineno))
                continue
            if not isinstance(rec, dict) or not isinstance(rec.get("text"), str):
                report(InputProblem(str(path), "record has no string 'text' field", lineno))
                continue
            doc_id = rec.get("id")
            yield Document(
                id=str(doc_id) if doc_id is not None else f"{path.stem}:{lineno}",
                text=rec["text"],
                title=rec.get("title"),
                date=rec.get("date"),
                source=rec.get("source"),
                url=rec.get("url"),
                path=str(path),
            )


def _first_line(text: str) -> str | None:
    for line in text.splitlines():
        if line.strip():
            return line.strip()[:200]
    return None
