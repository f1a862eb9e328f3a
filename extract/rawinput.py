"""Raw input bytes: compression, encodings, binary content and NUL bytes, before any text.

The document reader (:mod:`actorgraph.extract.documents`) looks at a stream's first bytes
through :func:`peeked` and asks here what they are:

- gzip (by its magic bytes, whatever the name), read through :class:`TolerantGzip`, which
  hands on every byte decompressed before a truncation or corruption and keeps the error
  for the reader to report, instead of raising and losing the buffered tail;
- a byte-order mark (:func:`bom`), or UTF-16 without one (:func:`utf16_without_bom`: the
  zero high bytes of ASCII letters fall on every other byte);
- text with a few stray NUL bytes (:func:`text_with_nuls`), read with them removed, as
  opposed to binary content (images, PDFs, executables), skipped;
- a declared HTML charset (:func:`declared_charset`) and the format (:func:`sniff`).
"""

from __future__ import annotations

import codecs
import gzip
import io
import re
import zlib
from typing import BinaryIO

CHUNK = 1 << 20  # bytes read at a time
SNIFF = 8192  # bytes looked at for binary content, encodings and format
GZIP_MAGIC = b"\x1f\x8b"

# C0 controls other than the whitespace ones, and DEL: text has almost none, binary formats
# have them everywhere.
_CONTROL_BYTES = bytes([*range(0, 9), 11, *range(14, 27), *range(28, 32), 127])


def _latin1_fallback(err: UnicodeError) -> tuple[str, int]:
    # cp1252 leaves five bytes undefined; Latin-1 gives them a character of the same length.
    assert isinstance(err, UnicodeDecodeError)
    return err.object[err.start : err.end].decode("latin-1"), err.end


codecs.register_error("actorgraph-latin1", _latin1_fallback)


class _Prefixed(io.RawIOBase):
    """A byte stream that replays ``head`` (already read for sniffing) before ``rest``."""

    def __init__(self, head: bytes, rest: BinaryIO) -> None:
        super().__init__()
        self._head = head
        self._rest = rest

    def readable(self) -> bool:
        return True

    def readinto(self, b: bytearray | memoryview) -> int:  # type: ignore[override]
        if self._head:
            n = min(len(b), len(self._head))
            b[:n] = self._head[:n]
            self._head = self._head[n:]
            return n
        data = self._rest.read(len(b))
        b[: len(data)] = data
        return len(data)


def peeked(stream: BinaryIO) -> tuple[bytes, BinaryIO]:
    """The first bytes of ``stream``, and a stream that still starts with them."""
    head = stream.read(SNIFF)
    return head, io.BufferedReader(_Prefixed(head, stream), CHUNK)  # type: ignore[return-value]


class TolerantGzip(io.RawIOBase):
    """Decompressed bytes of a gzip stream that end quietly where the stream breaks.

    ``GzipFile.read`` raises at a truncation, and a buffered reader above it drops the
    bytes it had gathered for that read (up to a megabyte of records). Reading here goes
    through ``read1``, so every byte decompressed before the break is handed on; the error
    is kept in :attr:`error` and the stream then reports its end.
    """

    def __init__(self, raw: BinaryIO) -> None:
        super().__init__()
        self._gz = gzip.GzipFile(fileobj=raw, mode="rb")
        self.error: BaseException | None = None

    def readable(self) -> bool:
        return True

    def readinto(self, b: bytearray | memoryview) -> int:  # type: ignore[override]
        if self.error is not None:
            return 0
        try:
            data = self._gz.read1(len(b))
        except (OSError, EOFError, zlib.error) as e:
            self.error = e
            return 0
        b[: len(data)] = data
        return len(data)

    def buffered(self) -> BinaryIO:
        """This stream behind a read buffer."""
        return io.BufferedReader(self, CHUNK)  # type: ignore[return-value]


def bom(head: bytes) -> tuple[str | None, bytes]:
    """The encoding a byte-order mark names, and the mark itself."""
    for mark, encoding in (
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
    ):
        if head.startswith(mark):
            return encoding, mark
    return None, b""


def utf16_without_bom(head: bytes) -> str | None:
    """``utf-16-le`` or ``utf-16-be`` if ``head`` is UTF-16 text without a byte-order mark.

    Spaces, digits and Latin letters have a zero high byte, so UTF-16 text has NUL bytes on
    one side of every pair and (almost) none on the other; the guess must then decode into
    printable text.

    >>> utf16_without_bom("Kerry met Lavrov.".encode("utf-16-le"))
    'utf-16-le'
    >>> utf16_without_bom("Лавров и Керри".encode("utf-16-be"))
    'utf-16-be'
    >>> utf16_without_bom(b"\\x89PNG\\r\\n\\x1a\\n\\x00\\x00\\x00\\rIHDR") is None
    True
    """
    even = head[: len(head) // 2 * 2]
    low, high = even[0::2].count(0), even[1::2].count(0)
    pairs = len(even) // 2
    if pairs < 2:
        return None
    if high >= max(1, pairs // 20) and low * 10 <= high:
        encoding = "utf-16-le"
    elif low >= max(1, pairs // 20) and high * 10 <= low:
        encoding = "utf-16-be"
    else:
        return None
    text = even.decode(encoding, "replace")
    bad = sum(1 for c in text if not (c.isprintable() or c in "\t\n\r\f"))
    return encoding if bad * 50 <= len(text) else None


def text_with_nuls(head: bytes) -> bool:
    """Whether ``head``, which has NUL bytes, is still text: NULs are at most a tenth of it
    and other control bytes at most 1%. Binary formats (images, PDFs, executables) are
    full of other control bytes; stray NULs in text (padding left by a crashed writer, a
    bad copy) come alone.

    >>> text_with_nuls(b"Kerry met\\x00 Lavrov in Geneva.\\n")
    True
    >>> text_with_nuls(bytes(range(256))), text_with_nuls(b"\\x00\\x01\\x02binary\\x00")
    (False, False)
    """
    nuls = head.count(0)
    others = len(head) - len(head.translate(None, _CONTROL_BYTES)) - nuls
    return others <= len(head) // 100 and nuls * 10 <= len(head)


_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?([A-Za-z0-9_.:-]+)", re.IGNORECASE)


def declared_charset(head: bytes) -> str | None:
    """The charset an HTML page declares in its first bytes, as a codec name."""
    m = _CHARSET.search(head)
    if not m:
        return None
    try:
        name = codecs.lookup(m.group(1).decode("ascii")).name
    except LookupError:
        return None
    # Pages that say Latin-1 are almost always cp1252 (the WHATWG rule browsers follow).
    return "cp1252" if name in ("latin-1", "iso8859-1", "cp1252") else name


def sniff(head: bytes) -> str:
    """Guess a format from the first bytes (ASCII-compatible): jsonl, html or text."""
    start = head.lstrip()[:512].lower()
    # "[{" is a JSON array (reported by the JSONL reader); "[Reuters] Kerry..." is prose.
    if start.startswith(b"{") or re.match(rb"\[\s*[{\]]", start):
        return "jsonl"
    if start.startswith((b"<!doctype html", b"<html", b"<head", b"<body")):
        return "html"
    return "text"
