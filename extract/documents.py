"""Documents: stream texts from files, directories, stdin and JSONL corpora, one at a time.

Inputs (``read_documents(paths)``):

- ``-`` reads stdin; its format (text, HTML, JSON Lines, gzip) is sniffed from the first bytes.
- A directory is walked recursively in name order; hidden entries are skipped and only
  known suffixes are read: ``.txt .md .text``, ``.html .htm``, ``.jsonl .ndjson``, each
  optionally gzip'd (``.jsonl.gz``), and bare ``.gz`` (gzip'd text).
- A file named explicitly is always read; an unknown suffix is sniffed like stdin.

Text is decoded as UTF-8 (a BOM is stripped; a UTF-16 BOM is honoured). A file that is not
UTF-8 from the start is read as Windows Latin-1 (cp1252, undefined bytes as Latin-1) and
noted once. HTML is reduced to its text: markup, ``script`` and ``style`` dropped, block
elements become line breaks, the ``<title>`` becomes :attr:`Document.title`.

Memory does not grow with the corpus: files are read in chunks and a document is never held
whole. Bounds: one JSONL line (JSON has to be parsed whole) or ``max_chars`` of a text file,
plus about 150 bytes per distinct document id for duplicate-id detection
(``check_ids=False`` turns that off).

Long documents are split (see :func:`split_text`) so no text exceeds ``max_chars``
(default 100,000, under spaCy's ``nlp.max_length`` of 1,000,000 and small enough for a
parser batch). The segments of document ``X`` are yielded as ``X#1``, ``X#2``, ... with
``parent="X"``, ``part`` (1-based) and ``offset``, the character offset of the segment in
X's text, so ``offset + start`` is a position in the whole document. The segments are
consecutive and their concatenation is the whole text; whitespace-only segments are not
yielded. A document within the limit is yielded whole, with ``part=None, offset=0``.
For HTML, text and offsets are those of the extracted text, not of the markup.

Bytes that used to lose data are handled in :mod:`actorgraph.extract.rawinput`: UTF-16
without a byte-order mark is recognised, a few stray NUL bytes are removed (and reported)
rather than the file skipped as binary, and a truncated ``.gz`` keeps every record (or all
the text) decompressed before the break. A long record whose segments repeat one another
word for word is reported, since the stores keep one document per content hash.

Each document is dated when it can be (:mod:`actorgraph.extract.docdates`): a JSONL
record's ``date`` field, an HTML page's publication metadata, a wire dateline opening the
text, or the ``date`` given to :func:`read_documents` for inputs that carry none.
``Document.date`` is ISO 8601, ``Document.date_raw`` the value as given; a value that is not
a date is reported as a warning and the document read undated.

Problems are reported through ``on_problem`` as :class:`InputProblem`, one per problem,
naming the file and (for line-based input) the line; the reader then carries on with the
next record or file. After ``MAX_PROBLEMS_PER_FILE`` problems in one file the rest are
counted and summed up in one last problem, so a wrong-format file cannot flood the caller.

Duplicate ids: a second document with an id already seen and *the same text* is yielded
unchanged (a plain duplicate, which the stores skip by hash). With *different text* it is
reported and renamed ``<id>~2`` (``~3``, ...), so no document is dropped silently; reading
the same inputs again gives the same names. For files the identity is the file itself, so
two different files with the same name under different roots become ``x`` and ``x~2``.

>>> import tempfile, pathlib
>>> d = pathlib.Path(tempfile.mkdtemp()); _ = (d / "a.txt").write_text("Kerry met Lavrov’s aide.")
>>> [(doc.id, doc.text) for doc in read_documents([d])]
[('a', "Kerry met Lavrov's aide.")]
"""

from __future__ import annotations

import codecs
import hashlib
import io
import itertools
import json
import os
import re
import sys
import unicodedata
import zlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from html.parser import HTMLParser
from pathlib import Path
from typing import BinaryIO

from actorgraph.extract import docdates
from actorgraph.extract.docdates import DocDate
from actorgraph.extract.rawinput import (
    CHUNK,
    GZIP_MAGIC,
    SNIFF,
    TolerantGzip,
    bom,
    declared_charset,
    peeked,
    sniff,
    text_with_nuls,
    utf16_without_bom,
)

#: Largest segment handed on, in characters. spaCy refuses texts over ``nlp.max_length``
#: (1,000,000) and the parser's memory grows with text length.
DEFAULT_MAX_CHARS = 100_000
#: Problems reported per file before the rest are only counted.
MAX_PROBLEMS_PER_FILE = 20

TEXT_SUFFIXES = {".txt", ".md", ".text"}
HTML_SUFFIXES = {".html", ".htm"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}



@dataclass(frozen=True)
class Document:
    """One article, or one segment of an article too long to process whole.

    ``hash`` identifies the content, so re-reads are recognised. For a segment, ``parent``
    is the whole document's id, ``part`` its 1-based number and ``offset`` the character
    offset of ``text`` in the whole document's text.
    """

    id: str
    text: str
    title: str | None = None
    # ISO 8601: a date (2024-03-05) or a datetime with its offset; ``date_raw`` keeps the
    # value as the input gave it (also when it could not be read as a date).
    date: str | None = None
    source: str | None = None
    url: str | None = None
    path: str | None = None
    date_raw: str | None = None
    part: int | None = None
    offset: int = 0
    parent: str | None = None

    @property
    def hash(self) -> str:
        """The content hash of ``text``: how a re-read document is recognised."""
        return content_hash(self.text)


@dataclass(frozen=True)
class InputProblem:
    r"""A bad input: which file (and line), and what is wrong with it.

    ``warning`` marks a problem after which the whole input was still read (an unreadable
    date, NUL bytes removed, a repeated segment): nothing was skipped, so it does not make
    a build fail. Control characters in the file name or message are escaped
    (:func:`escape_controls`), so a hostile name cannot drive the terminal.

    >>> str(InputProblem("news.jsonl", "malformed JSON: Expecting value", 3))
    'news.jsonl:3: malformed JSON: Expecting value'
    >>> str(InputProblem("evil\x1b[2J.txt", "no text"))
    'evil\\x1b[2J.txt: no text'
    """

    path: str
    message: str
    line: int | None = None
    warning: bool = False

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line is not None else self.path
        return escape_controls(f"{where}: {self.message}")


def escape_controls(text: str) -> str:
    r"""``text`` safe to print on a terminal: control characters (C0, DEL, C1, line breaks)
    and the invisible bidirectional and format characters become ``\xNN``/``\uNNNN``.

    Escape sequences in a file name or record could otherwise clear the screen, retitle
    the window or reorder the text shown ("Trojan Source").

    >>> escape_controls("a\x00b\nc\u202ed\tok é")
    'a\\x00b\\nc\\u202ed\\tok é'
    """
    if text.isprintable():
        return text  # the common case, checked in C
    # No-break and other spaces (Zs) are not "printable" to Python but print as spaces.
    return "".join(
        c if c.isprintable() or unicodedata.category(c) == "Zs" else repr(c)[1:-1]
        for c in text
    )


ProblemHandler = Callable[[InputProblem], None]


def content_hash(text: str) -> str:
    """SHA-256 of the UTF-8 text: the identity of a document's content."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


# --- text cleaning ------------------------------------------------------------------------

# One character for one character, so every offset into the cleaned text is also an offset
# into the original: evidence spans stay valid against the source file.
_NORMALIZE = str.maketrans(
    {
        "\u2018": "'",  # left single quotation mark
        "\u2019": "'",  # right single quotation mark / typographic apostrophe
        "\u201a": "'",  # single low-9 quotation mark
        "\u201b": "'",  # single high-reversed-9 quotation mark
        "\u2032": "'",  # prime, often typed for an apostrophe
        "\u02bc": "'",  # modifier letter apostrophe
        "\uff07": "'",  # fullwidth apostrophe
        "\u201c": '"',  # left double quotation mark
        "\u201d": '"',  # right double quotation mark
        "\u201e": '"',  # double low-9 quotation mark
        "\u201f": '"',  # double high-reversed-9 quotation mark
        "\u2033": '"',  # double prime
        "\uff02": '"',  # fullwidth quotation mark
        "\u00a0": " ",  # no-break space
        "\u202f": " ",  # narrow no-break space
        "\u2007": " ",  # figure space
    }
)


def normalize_text(text: str) -> str:
    """Replace typographic quotes, apostrophes and no-break spaces with ASCII ones.

    spaCy's English tokenizer splits possessives on ``'`` but not on ``’`` ("NBC News’
    Chuck Todd" loses its possessive). Every replacement is one character for one, so the
    result has the same length and the same offsets as the input. Line ends become ``\n``
    the same way: CRLF -> space + LF, a lone CR (old Mac files) -> LF, so one line break
    stays one (a CR at the very end stays, in case an LF follows in the next chunk).

    >>> normalize_text("NBC News’ “Meet the Press”")
    'NBC News\\' "Meet the Press"'
    >>> normalize_text("one\\r\\ntwo\\rthree")
    'one \\ntwo\\nthree'
    >>> len(normalize_text("‘a’\\u00a0b")) == len("‘a’\\u00a0b")
    True
    """
    text = text.translate(_NORMALIZE)
    if "\r" in text:
        text = text.replace("\r\n", " \n")
        text = text[:-1].replace("\r", "\n") + text[-1]
    return text


# --- splitting long texts -----------------------------------------------------------------

# Cut points, best first. A sentence end needs a non-period before it and a capital (or
# quote/digit) after it, so "U.S. forces" and "a.m. on" are not cut; "U.S. Army" still is.
_CUTS = (
    re.compile(r"\n[ \t\r]*\n\s*"),  # paragraph break
    re.compile(r"[^\s.][.!?]['\")\]]*\s+(?=['\"(\[]?[A-Z0-9])"),  # sentence end
    re.compile(r"\n\s*"),  # line break
    re.compile(r"\s+"),  # any whitespace
)


def _cut_point(text: str, start: int, max_chars: int) -> int:
    """Where to end the segment that starts at ``start``: at most ``max_chars`` later."""
    hi = start + max_chars
    # Only the second half of the window is searched, so segments are at least half full.
    lo = start + max_chars // 2
    for pattern in _CUTS:
        last = None
        for m in pattern.finditer(text, lo, hi):
            last = m
        if last is not None and last.end() > start:
            return last.end()
    return hi  # no whitespace at all: not prose, cut anywhere


def _segments(chunks: Iterable[str], max_chars: int) -> Iterator[tuple[int, str]]:
    """Split streamed text into consecutive ``(offset, segment)`` of at most ``max_chars``."""
    if max_chars < 1:
        raise ValueError(f"max_chars must be positive, got {max_chars}")
    buf = ""
    done = 0  # characters of the whole text before buf
    for chunk in chunks:
        buf += chunk
        pos = 0
        # Cut only while more than a segment is buffered: the text may continue in the next
        # chunk, and the last piece must wait to know whether it is the last.
        while len(buf) - pos > max_chars:
            cut = _cut_point(buf, pos, max_chars)
            yield done + pos, buf[pos:cut]
            pos = cut
        if pos:
            buf = buf[pos:]
            done += pos
    if buf:
        yield done, buf


def split_text(text: str, max_chars: int = DEFAULT_MAX_CHARS) -> Iterator[tuple[int, str]]:
    """Split ``text`` into consecutive ``(offset, segment)`` pairs, each ``<= max_chars`` long.

    Cuts fall at the last paragraph break in the second half of each window, else the last
    sentence end (". " before a capital), else a line break, else any whitespace; text with
    no whitespace at all is cut at ``max_chars``. The separator stays at the end of the
    earlier segment, so the segments concatenate to ``text`` and ``offset`` is where each
    starts in it.

    >>> list(split_text("Kerry met Lavrov. They talked. Then they left.", 20))
    [(0, 'Kerry met Lavrov. '), (18, 'They talked. '), (31, 'Then they left.')]
    """
    return _segments([text], max_chars)


# --- HTML ---------------------------------------------------------------------------------

_BLOCK_TAGS = {
    "address", "article", "aside", "blockquote", "body", "br", "caption", "dd", "div", "dl",
    "dt", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
    "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section", "table", "td", "th",
    "tr", "ul",
}  # fmt: skip
# Never shown as text. Void elements are not listed: they have no end tag to close a skip.
_SKIP_TAGS = {"script", "style", "template", "noscript", "svg"}
# HTML collapses ASCII whitespace only: a &nbsp; is content and survives (as U+00A0).
_SPACES = re.compile(r"[ \t\n\r\f]+")


class _HTMLText(HTMLParser):
    """Collects the visible text of an HTML page, fed in chunks."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.title: str | None = None
        self._title: list[str] | None = None
        self._h1: list[str] | None = None
        self._h1_text: str | None = None
        self._skip = 0
        self._pre = 0
        self._line_start = True
        # Publication-date metadata: (rank, line, value) per candidate, see docdates.
        self.dates: list[tuple[int, int, str]] = []
        self._jsonld: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = docdates.html_date_candidate(tag, attrs)
        if found is not None:
            self.dates.append((found[0], self.getpos()[0], found[1]))
        if tag == "script" and any(
            k == "type" and (v or "").strip().lower() == "application/ld+json" for k, v in attrs
        ):
            self._jsonld = []
        if tag == "title" and self.title is None:
            self._title = []
        elif tag == "body":
            self._skip = 0  # an unclosed <noscript> or <svg> before the body hides nothing
        elif tag in _SKIP_TAGS:
            self._skip += 1
        elif tag in _BLOCK_TAGS:
            self._newline()
            if tag == "pre":
                self._pre += 1
            elif tag == "h1" and self._h1_text is None:
                self._h1 = []

    def handle_endtag(self, tag: str) -> None:
        if tag == "title" and self._title is not None:
            self.title = _SPACES.sub(" ", "".join(self._title)).strip() or None
            self._title = None
        elif tag == "script" and self._jsonld is not None:
            line = self.getpos()[0]
            for value in docdates.jsonld_dates("".join(self._jsonld)):
                self.dates.append((docdates.JSONLD_RANK, line, value))
            self._jsonld = None
            self._skip = max(0, self._skip - 1)
        elif tag in _SKIP_TAGS:
            self._skip = max(0, self._skip - 1)
        elif tag in _BLOCK_TAGS:
            self._newline()
            if tag == "pre":
                self._pre = max(0, self._pre - 1)
            elif tag == "h1" and self._h1 is not None:
                self._h1_text = _SPACES.sub(" ", "".join(self._h1)).strip() or None
                self._h1 = None

    def handle_data(self, data: str) -> None:
        if self._title is not None:
            self._title.append(data)
            return
        if self._jsonld is not None:
            self._jsonld.append(data)
            return
        if self._skip:
            return
        if self._h1 is not None:
            self._h1.append(data)
        if not self._pre:
            data = _SPACES.sub(" ", data)
            if self._line_start:
                data = data.lstrip(" ")
        if data:
            self.parts.append(data)
            self._line_start = data.endswith("\n")

    def _newline(self) -> None:
        if not self._line_start:
            if self.parts and self.parts[-1].endswith(" "):
                self.parts[-1] = self.parts[-1].rstrip(" ")
            self.parts.append("\n")
            self._line_start = True

    def take(self) -> str:
        """The text collected since the last call."""
        text = "".join(self.parts)
        self.parts.clear()
        return text

    @property
    def heading(self) -> str | None:
        return self.title or self._h1_text

    @property
    def date(self) -> DocDate:
        """The page's publication date from its metadata (see docdates.best_html_date)."""
        return docdates.best_html_date(self.dates)


def html_to_text(markup: str) -> str:
    """The visible text of an HTML page: one line per block element, markup dropped.

    >>> html_to_text("<html><head><title>T</title><style>p{}</style></head>"
    ...              "<body><h1>Talks</h1><p>Kerry <b>met</b>\\n Lavrov.</p>"
    ...              "<script>x()</script><p>Then&nbsp;left.</p></body></html>")
    'Talks\\nKerry met Lavrov.\\nThen\\xa0left.\\n'
    """
    parser = _HTMLText()
    parser.feed(markup)
    parser.close()
    return parser.take()


# --- reading ------------------------------------------------------------------------------


def _ignore(problem: InputProblem) -> None:
    pass


class _Source:
    """One input being read: its name for messages and its problem budget."""

    def __init__(self, label: str, report: ProblemHandler) -> None:
        self.label = label
        self._report = report
        self.count = 0
        # Whether line numbers in the text are line numbers in the file (not so for HTML,
        # whose text lines are block elements, nor for a JSONL record's text).
        self.text_lines = False
        self.cut_line: int | None = None  # a JSONL record cut off by a broken gzip stream

    def problem(self, message: str, line: int | None = None, warning: bool = False) -> None:
        self.count += 1
        if self.count <= MAX_PROBLEMS_PER_FILE:
            self._report(InputProblem(self.label, message, line, warning))

    def finish(self) -> None:
        if self.count > MAX_PROBLEMS_PER_FILE:
            more = self.count - MAX_PROBLEMS_PER_FILE
            self._report(InputProblem(self.label, f"{more} more problems not reported"))


class _Ids:
    """Ids seen so far, with a 64-bit digest of what each named, to catch collisions.

    Almost every id names one thing, so a bare int is stored and a list only on collision:
    about 150 bytes per id, the one cost of reading that grows with the corpus.
    """

    def __init__(self) -> None:
        self._seen: dict[str, int | list[int]] = {}

    def assign(self, doc_id: str, identity: str) -> tuple[str, bool]:
        """The id to use for ``doc_id`` naming ``identity``, and whether it was renamed."""
        digest = int.from_bytes(hashlib.blake2b(identity.encode(), digest_size=8).digest(), "big")
        known = self._seen.get(doc_id)
        if known is None:
            self._seen[doc_id] = digest
            return doc_id, False
        variants = known if isinstance(known, list) else [known]
        if digest in variants:
            n = variants.index(digest) + 1  # the same thing again gets the same name
        else:
            variants.append(digest)
            self._seen[doc_id] = variants
            n = len(variants)
        return (doc_id, False) if n == 1 else (f"{doc_id}~{n}", True)


def read_documents(
    paths: Iterable[str | Path],
    on_problem: ProblemHandler | None = None,
    *,
    max_chars: int = DEFAULT_MAX_CHARS,
    normalize: bool = True,
    check_ids: bool = True,
    date: str | None = None,
) -> Iterator[Document]:
    """Yield a :class:`Document` per article (or segment of one) found under ``paths``.

    ``max_chars`` bounds each yielded text (longer documents are split, see the module
    docstring); ``normalize`` applies :func:`normalize_text`; ``check_ids`` renames
    colliding ids. ``date`` dates the documents that carry no date of their own (no
    metadata date, no dated dateline; see :mod:`actorgraph.extract.docdates`); a value that
    is not a date raises :class:`ValueError` before anything is read. Problems go to
    ``on_problem`` and never stop the iteration.

    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp()); f = d / "news.jsonl"
    >>> _ = f.write_text('{"id": "d1", "text": "Kerry met Lavrov."}\\n{oops\\n')
    >>> problems = []
    >>> [doc.id for doc in read_documents([f], problems.append)]
    ['d1']
    >>> print(problems[0])  # doctest: +ELLIPSIS
    /...news.jsonl:2: malformed JSON: Expecting property name enclosed in double quotes
    """
    # Checked here, not in the generator, so a bad argument fails at the call.
    if max_chars < 1:
        raise ValueError(f"max_chars must be positive, got {max_chars}")
    given = None if date is None else DocDate(docdates.parse_date(date), str(date))
    if isinstance(paths, (str, Path)):
        paths = [paths]  # a lone path, not an iterable of one-character paths
    ids = _Ids() if check_ids else None
    reader = _Reader(on_problem or _ignore, max_chars, normalize, ids, given)
    return itertools.chain.from_iterable(reader.read_path(p) for p in paths)


class _Reader:
    def __init__(
        self,
        report: ProblemHandler,
        max_chars: int,
        normalize: bool,
        ids: _Ids | None,
        given: DocDate | None = None,
    ) -> None:
        self.report = report
        self.max_chars = max_chars
        self.normalize = normalize
        self.ids = ids
        self.given = given

    # -- paths ------------------------------------------------------------------------

    def read_path(self, p: str | Path) -> Iterator[Document]:
        if str(p) == "-":
            yield from self._read_stream(sys.stdin.buffer, "-", "stdin", "<stdin>", None)
            return
        path = Path(p)
        if path.is_dir():
            yield from self._walk(path, path)
        elif path.is_file():
            yield from self._read_file(path, _base_id(path.name))
        elif path.is_symlink():
            self.report(InputProblem(str(path), "broken symbolic link: its target is missing"))
        elif path.exists():
            self.report(InputProblem(str(path), "not a regular file or directory"))
        else:
            self.report(InputProblem(str(path), "no such file or directory"))

    def _walk(self, root: Path, directory: Path) -> Iterator[Document]:
        try:
            with os.scandir(directory) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError as e:
            self.report(InputProblem(str(directory), f"cannot list directory: {_why(e)}"))
            return
        for entry in entries:
            if entry.name.startswith("."):
                continue  # .git, .DS_Store, editor droppings
            path = Path(entry.path)
            try:
                if entry.is_dir(follow_symlinks=False):
                    yield from self._walk(root, path)
                    continue
                if entry.is_symlink() and path.is_dir():
                    # Following directory links can loop; say so instead of losing files quietly.
                    self.report(
                        InputProblem(str(path), "symbolic link to a directory not followed")
                    )
                    continue
            except OSError as e:
                self.report(InputProblem(str(path), f"cannot read: {_why(e)}"))
                continue
            if _format_of(entry.name) is None:
                continue
            if not entry.is_file():
                # A FIFO or device would block or never end; a dangling link has nothing.
                why = (
                    "broken symbolic link: its target is missing"
                    if entry.is_symlink()
                    else "not a regular file: skipped"
                )
                self.report(InputProblem(str(path), why))
                continue
            rel = path.relative_to(root).as_posix()
            yield from self._read_file(path, _base_id(rel))

    def _read_file(self, path: Path, base_id: str) -> Iterator[Document]:
        try:
            fh = open(path, "rb")
        except OSError as e:
            self.report(InputProblem(str(path), f"cannot read file: {_why(e)}"))
            return
        with fh:
            identity = "file:" + str(path.resolve())
            yield from self._read_stream(fh, str(path), base_id, identity, _format_of(path.name))

    # -- streams ----------------------------------------------------------------------

    def _read_stream(
        self, raw: BinaryIO, label: str, base_id: str, identity: str, fmt: str | None
    ) -> Iterator[Document]:
        src = _Source(label, self.report)
        try:
            yield from self._read_source(raw, src, base_id, identity, fmt)
        except (OSError, EOFError, zlib.error) as e:
            # Mid-file failures of the file itself (I/O errors). What was read stands.
            src.problem(f"read error, rest of file skipped: {_why(e)}")
        src.finish()

    def _read_source(
        self, raw: BinaryIO, src: _Source, base_id: str, identity: str, fmt: str | None
    ) -> Iterator[Document]:
        head, stream = peeked(raw)
        gz = None
        if head.startswith(GZIP_MAGIC):
            # Trust the bytes over the name: stdin and misnamed files can be gzip'd too.
            gz = TolerantGzip(stream)
            head, stream = peeked(gz.buffered())
        elif src.label.endswith(".gz"):
            src.problem("not gzip-compressed despite the .gz name; read as it is")
        if len(head) < SNIFF and not head.strip():
            if gz is not None and gz.error is not None:
                src.problem(f"compressed data breaks off ({_why(gz.error)}) before any text")
            else:
                src.problem("empty file" if not head else "empty file (only whitespace)")
            return
        encoding, mark = bom(head)
        if encoding is None and b"\x00" in head:
            encoding = utf16_without_bom(head)
            if encoding is None and not text_with_nuls(head):
                src.problem("binary file, not text: skipped")
                return
        fmt = fmt or sniff(_ascii_view(head[len(mark) :], encoding))
        if fmt == "jsonl":
            utf8 = encoding in (None, "utf-8")
            lines = stream if utf8 else _transcoded(stream, encoding or "utf-8")
            yield from self._jsonl(lines, src, base_id, gz)
        else:
            if encoding is None and fmt == "html":
                encoding = declared_charset(head)
            chunks = _decode(stream, src, encoding, len(mark))
            if fmt == "html":
                yield from self._html(chunks, src, base_id, identity)
            else:
                src.text_lines = True
                yield from self._text(chunks, src, base_id, identity)
        if gz is not None and gz.error is not None:
            kept = (
                "every complete record before it kept"
                if fmt == "jsonl"
                else "the text before it kept"
            )
            if src.cut_line is not None:
                kept += f", the record on line {src.cut_line} cut off"
            src.problem(f"compressed data breaks off ({_why(gz.error)}): {kept}")

    def _clean(self, text: str) -> str:
        return normalize_text(text) if self.normalize else text

    def _text(
        self, chunks: Iterable[str], src: _Source, base_id: str, identity: str
    ) -> Iterator[Document]:
        title: list[str | None] = []

        def titled(chunks: Iterable[str]) -> Iterator[str]:
            for chunk in chunks:
                chunk = self._clean(chunk)
                if not title and chunk.strip():
                    title.append(_first_line(chunk))
                yield chunk

        def late() -> tuple[str | None, DocDate]:
            return (title[0] if title else None), DocDate(None, None)

        meta = {"path": src.label}
        yield from self._split(titled(chunks), src, base_id, identity, meta, late)

    def _html(
        self, chunks: Iterable[str], src: _Source, base_id: str, identity: str
    ) -> Iterator[Document]:
        parser = _HTMLText()

        def texts() -> Iterator[str]:
            # Cleaned after parsing: entities such as &rsquo; only become characters there.
            for chunk in chunks:
                parser.feed(chunk)
                yield self._clean(parser.take())
            parser.close()
            yield self._clean(parser.take())

        meta = {"path": src.label}
        yield from self._split(
            texts(), src, base_id, identity, meta, lambda: (parser.heading, parser.date)
        )

    def _jsonl(
        self, lines: Iterable[bytes], src: _Source, base_id: str, gz: TolerantGzip | None
    ) -> Iterator[Document]:
        for lineno, raw in enumerate(lines, 1):
            if gz is not None and gz.error is not None and not raw.endswith(b"\n"):
                src.cut_line = lineno  # the compressed data broke inside this record
                return
            try:
                rec = _record(raw, lineno, src)
            except _JsonArray:
                return  # reported once, not line by line
            if rec is None:
                continue
            text = self._clean(rec["text"])
            doc_id = _scalar(rec.get("id"))
            if doc_id is None:
                doc_id = f"{base_id}:{lineno}"
            meta = {
                "path": src.label,
                "source": _scalar(rec.get("source")),
                "url": _scalar(rec.get("url")),
            }
            title = _scalar(rec.get("title"))
            own = docdates.read_date(_record_date(rec), lineno)
            yield from self._split(
                [text], src, doc_id, content_hash(text), meta, lambda t=title, o=own: (t, o),
                line=lineno,
            )

    # -- ids and segments -------------------------------------------------------------

    def _split(
        self,
        chunks: Iterable[str],
        src: _Source,
        doc_id: str,
        identity: str,
        meta: dict[str, str | None],
        late: Callable[[], tuple[str | None, DocDate]],
        line: int | None = None,
    ) -> Iterator[Document]:
        """Documents from streamed text: one whole document, or its segments.

        ``late`` gives the title and the document's own date, known only once reading has
        begun (an HTML page's head); the first segment is searched for a dateline.
        """
        parts = _segments(chunks, self.max_chars)
        first = next(parts, None)
        second = next(parts, None) if first is not None else None
        if second is None and (first is None or first[1].isspace()):
            src.problem("no text" if line is None else "record has no text", line)
            return
        assert first is not None
        if self.ids is not None:
            new_id, renamed = self.ids.assign(doc_id, identity)
            if renamed:
                src.problem(
                    f"duplicate id {doc_id!r} with different content: renamed {new_id!r}",
                    line,
                )
            doc_id = new_id
        title, own = late()
        date, date_raw = _document_date(own, first[1], self.given, src, line)
        base = Document(
            id=doc_id, text=first[1], title=title, date=date, date_raw=date_raw, **meta
        )
        if second is None:
            yield base
            return
        base = replace(base, parent=doc_id)
        n = 0
        seen: dict[str, int] = {}  # segment hash -> part, for this document only
        repeats: list[tuple[int, int]] = []
        for offset, text in itertools.chain([first, second], parts):
            if text.isspace():
                continue  # offsets stay exact, so nothing is lost by not yielding blanks
            n += 1
            digest = content_hash(text)
            if digest in seen:
                repeats.append((n, seen[digest]))
            else:
                seen[digest] = n
            yield replace(base, id=f"{doc_id}#{n}", text=text, part=n, offset=offset)
        if n == 0:
            src.problem("no text" if line is None else "record has no text", line)
        if repeats:
            # The stores keep one document per content hash, so a repeated segment would
            # otherwise be merged into the first without a word.
            again, earlier = repeats[0]
            what = (
                f"segment {doc_id}#{again} repeats {doc_id}#{earlier}"
                if len(repeats) == 1
                else f"{len(repeats)} segments repeat earlier ones ({doc_id}#{again} = "
                f"{doc_id}#{earlier}, ...)"
            )
            src.problem(
                f"{what} word for word; stores keep one copy of identical text",
                line,
                warning=True,
            )


# --- decoding and records -------------------------------------------------------------------


def _ascii_view(head: bytes, encoding: str | None) -> bytes:
    """``head`` as ASCII-compatible bytes for format sniffing (UTF-16 decoded, NULs out)."""
    if encoding in ("utf-16-le", "utf-16-be"):
        return head[: len(head) // 2 * 2].decode(encoding, "replace").encode("utf-8")
    return head.replace(b"\x00", b"")


def _transcoded(stream: BinaryIO, encoding: str) -> Iterator[bytes]:
    """The lines of a non-UTF-8 (UTF-16) stream as UTF-8 bytes, for the JSONL reader."""
    text = io.TextIOWrapper(stream, encoding=encoding, errors="replace", newline="\n")
    for line in text:
        yield line.encode("utf-8")


def _decode(stream: BinaryIO, src: _Source, encoding: str | None, skip: int) -> Iterator[str]:
    """Decoded text chunks; UTF-8 unless a BOM, a charset or invalid first bytes say not.

    NUL characters are removed (they are never text, and spaCy and the stores choke on
    them) and counted in one warning naming the line of the first.
    """
    first = stream.read(CHUNK)[skip:]
    if encoding is None:
        try:
            codecs.getincrementaldecoder("utf-8")().decode(first, final=False)
            encoding = "utf-8"
        except UnicodeDecodeError as e:
            line = first[: e.start].count(b"\n") + 1
            src.problem(
                f"not valid UTF-8 (byte 0x{first[e.start]:02x}): read as Latin-1 (cp1252)",
                line,
            )
            encoding = "cp1252"
    errors = "actorgraph-latin1" if encoding == "cp1252" else "strict"
    decoder = codecs.getincrementaldecoder(encoding)(errors)
    lines, nuls, nul_line = 1, 0, 0
    held = ""
    chunk = first
    while True:
        try:
            text = decoder.decode(chunk, final=not chunk)
        except UnicodeDecodeError as e:
            pending = decoder.getstate()[0]
            line = lines + (pending + chunk)[: e.start].count(b"\n")
            src.problem(f"invalid {encoding} bytes replaced with U+FFFD", line)
            decoder = codecs.getincrementaldecoder(encoding)("replace")
            text = decoder.decode(pending + chunk, final=not chunk)
        if "\x00" in text:
            nul_line = nul_line or lines + text.count("\n", 0, text.index("\x00"))
            nuls += text.count("\x00")
            text = text.replace("\x00", "")
        lines += text.count("\n")
        # A CRLF split across chunks must reach normalize_text whole, or it becomes two
        # line breaks.
        text, held = held + text, ""
        if chunk and text.endswith("\r"):
            text, held = text[:-1], "\r"
        yield text
        if not chunk:
            break
        chunk = stream.read(CHUNK)
    if nuls:
        what = "a NUL byte" if nuls == 1 else f"{nuls} NUL bytes"
        src.problem(f"{what} removed (the first on this line)", nul_line, warning=True)


class _JsonArray(Exception):
    """The file is one JSON array, not JSON Lines (already reported)."""


def _record(raw: bytes, lineno: int, src: _Source) -> dict | None:
    """One JSON Lines record with a usable ``text``, or None (the problem reported).

    Raises :class:`_JsonArray` when the first line opens a JSON array.
    """
    if lineno == 1 and raw.startswith(codecs.BOM_UTF8):
        raw = raw[len(codecs.BOM_UTF8) :]
    if not raw.strip():
        return None
    if b"\x00" in raw:
        n = raw.count(b"\x00")
        src.problem(f"{n} NUL byte{'s' if n > 1 else ''} removed", lineno, warning=True)
        raw = raw.replace(b"\x00", b"")
    try:
        line = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        src.problem(f"invalid UTF-8 (byte 0x{raw[e.start]:02x}) replaced", lineno)
        line = raw.decode("utf-8", "replace")
    try:
        rec = json.loads(line)
    except json.JSONDecodeError as e:
        if lineno == 1 and line.lstrip().startswith("["):
            src.problem("a JSON array, expected JSON Lines (one object per line): skipped", 1)
            raise _JsonArray from None
        else:
            src.problem(f"malformed JSON: {e.msg}", lineno)
        return None
    if not isinstance(rec, dict):
        src.problem(f"expected a JSON object, got {type(rec).__name__}", lineno)
        return None
    text = rec.get("text")
    if text is None:
        src.problem("record has no 'text' field: skipped", lineno)
    elif not isinstance(text, str):
        src.problem(f"record's 'text' is a {type(text).__name__}, not a string: skipped", lineno)
    elif not text.strip():
        src.problem("record has an empty 'text': skipped", lineno)
    else:
        return rec
    return None


# The date field of a JSONL record: ``date``, else the names other tools export it under
# (news-please and CC-News ``date_publish``, RSS ``pubDate``, schema.org ``datePublished``).
_DATE_KEYS = ("date", "published", "date_publish", "datePublished", "pubDate",
              "publish_date", "published_at")


def _record_date(rec: dict) -> str | None:
    """The record's date as given; a value of the wrong kind comes back as its JSON text,
    so it is reported as unreadable instead of being dropped without a word."""
    for key in _DATE_KEYS:
        value = rec.get(key)
        if isinstance(value, dict) and "$date" in value:
            value = value["$date"]  # MongoDB's extended JSON: {"$date": "2024-03-05T..."}
        if value is None or value == "":
            continue
        found = _scalar(value)
        return found if found is not None else json.dumps(value)[:200]
    return None


def _document_date(
    own: DocDate, text: str, given: DocDate | None, src: _Source, line: int | None
) -> tuple[str | None, str | None]:
    """``Document.date`` and ``date_raw``, best source first (see :mod:`docdates`): the
    document's own metadata date, a dated dateline, the caller's date (which also gives a
    year-less dateline its year), else a year-less dateline's raw text only.

    An own date that cannot be read is reported and left undated, not replaced by a
    weaker source: the warning tells the user which value to fix.
    """
    if own.raw is not None:
        if own.problem:
            src.problem(own.problem, line if line is not None else own.line, warning=True)
        return own.iso, own.raw
    found = docdates.find_dateline(text)
    if found is not None:
        dated = docdates.dateline_date(found, given.iso if given is not None else None)
        if dated.problem:
            where = line if line is not None else (found.line if src.text_lines else None)
            src.problem(dated.problem.replace("date", "dateline date", 1), where, warning=True)
        if dated.iso is not None:
            return dated.iso, dated.raw
    if given is not None:
        return given.iso, given.raw
    return None, (found.raw if found is not None else None)


# --- small helpers ------------------------------------------------------------------------


def _format_of(name: str) -> str | None:
    """The reader for a file name: text, html, jsonl, or None (sniffed if named explicitly)."""
    lower = name.lower()
    if lower.endswith(".gz"):
        lower = lower[:-3]
        if "." not in lower.lstrip("."):
            return "text"  # bare .gz: gzip'd text
    suffix = os.path.splitext(lower)[1]
    if suffix in TEXT_SUFFIXES:
        return "text"
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix in JSONL_SUFFIXES:
        return "jsonl"
    return None


def _base_id(name: str) -> str:
    """``news/a.jsonl.gz`` -> ``news/a``: the id of a file's document, or its records' prefix."""
    if name.lower().endswith(".gz"):
        name = name[:-3]
    stem, suffix = os.path.splitext(name)
    return stem if suffix and stem and not stem.endswith("/") else name


def _scalar(value: object) -> str | None:
    if isinstance(value, str):
        return value or None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    return None


def _first_line(text: str) -> str | None:
    for line in text.splitlines():
        if line.strip():
            return line.strip()[:200]
    return None


def _why(e: BaseException) -> str:
    if isinstance(e, OSError) and e.strerror:
        return e.strerror
    return str(e) or type(e).__name__
