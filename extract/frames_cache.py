"""The verb dictionary's on-disk cache: compile the dictionary once per machine, not once
per process.

Reading the shipped compiled CAMEO dictionary (``lexicon/cameo_frames.toml``, about 5,000
TOML records, 6,000 frames) costs about a CPU second (TOML parsing, then checking each
record), and a user's PETRARCH-format ``--verbs`` file more (it is compiled on the fly);
every ``actorgraph`` process and every spawned or Dask worker paid it again. The loaded
frames are written once to the user cache directory (the gazetteer's, see
:mod:`gazetteer_cache`) and read back in a fraction of that.

- Key: the SHA-256 of the dictionary file's path (as given) and bytes, of the lexicon
  files that decide what its records become (the relation vocabulary, the CAMEO ->
  relation table) and of the source of the modules that read and compile it (so a code
  change never meets a stale cache), with this module's :data:`FORMAT_VERSION` and the
  Python version (``marshal``'s format may change between versions) in the file name.
- Damage: the payload's SHA-256 is checked before use, and a payload of the wrong shape is
  refused; either way the dictionary is rebuilt and the file rewritten. Writes are atomic.
- An unwritable cache directory only costs the rebuild: nothing is reported, nothing fails.
- Problems (bad records) are cached with the frames and reported again on every load, so
  a cached load says exactly what a fresh one says.

``marshal`` of plain tuples rather than ``pickle``: loading cannot construct arbitrary
objects, and the frames are rebuilt through the ``Frame`` constructor.
"""

from __future__ import annotations

import hashlib
import sys
from collections.abc import Callable
from dataclasses import fields
from pathlib import Path

from actorgraph.extract.documents import InputProblem
from actorgraph.extract.frames import Frame, FrameSet
from actorgraph.extract.gazetteer_cache import cache_dir, load_marshalled, save_marshalled
from actorgraph.extract.lexicon import LEXICON_DIR

#: Bump when the payload's layout changes (the source digest covers changes of meaning).
FORMAT_VERSION = 1
_MAGIC = b"actorgraph-frames\n"
_HERE = Path(__file__).resolve().parent
#: What else decides the frames a dictionary file becomes.
DEPENDENCIES = (LEXICON_DIR / "relations.toml", LEXICON_DIR / "cameo_relations.toml",
                _HERE / "frames.py", _HERE / "verbdict.py", _HERE / "lexicon.py",
                Path(__file__).resolve())
_FIELDS = tuple(f.name for f in fields(Frame))
_PROBLEM_FIELDS = ("path", "message", "line", "warning")


def source_digest(path: str | Path) -> str | None:
    """SHA-256 (hex) of ``path`` and of :data:`DEPENDENCIES`; None if one cannot be read
    (the caller then builds without the cache, and the build says what is wrong)."""
    # the path as given too: problems and frame origins name it
    h = hashlib.sha256(str(path).encode() + b"\0")
    try:
        for part in (Path(path), *DEPENDENCIES):
            data = part.read_bytes()
            h.update(len(data).to_bytes(8, "little"))
            h.update(data)
    except OSError:
        return None
    return h.hexdigest()


def cache_key(digest: str) -> str:
    """The cache file name for the dictionary whose :func:`source_digest` is ``digest``.

    >>> cache_key("ab" * 32)[:30]
    'frames-abababababababababababa'
    """
    py = f"py{sys.version_info[0]}{sys.version_info[1]}"
    return f"frames-{digest[:40]}-format{FORMAT_VERSION}-{py}.bin"


def pack(frames: FrameSet) -> tuple:
    """``frames`` as plain tuples and dicts (what is cached): field names, frames,
    problems, and the bucket index (worked out again it costs a tenth of a second)."""
    return (_FIELDS,
            tuple(tuple(getattr(f, name) for name in _FIELDS) for f in frames.frames),
            tuple(tuple(getattr(p, name) for name in _PROBLEM_FIELDS)
                  for p in frames.problems),
            frames.buckets)


def unpack(payload: object) -> FrameSet | None:
    """The FrameSet of a :func:`pack` payload, or None if the payload is not one."""
    try:
        names, rows, problems, buckets = payload  # type: ignore[misc]
        if names != _FIELDS or not isinstance(buckets, dict):
            return None
        frames = [Frame(**dict(zip(_FIELDS, row, strict=True))) for row in rows]
        kept = [InputProblem(*p) for p in problems]
        # a position past the end would fail only mid-build, on the sentence that needs it
        if any(not 0 <= i < len(frames) for positions in buckets.values() for i in positions):
            return None
    except (TypeError, ValueError):
        return None
    return FrameSet.indexed(frames, kept, buckets)


def cached_frame_set(
    path: str | Path, build: Callable[[], FrameSet],
    report: Callable[[InputProblem], None] | None = None, directory: Path | None = None,
) -> FrameSet:
    """The frames of the dictionary file ``path``: from the cache when it holds them, else
    ``build()`` (which reports its own problems), then written to the cache. On a cache
    hit the cached problems go to ``report``, as a build would have reported them."""
    digest = source_digest(path)
    if digest is None:
        return build()
    key = cache_key(digest)
    cached = unpack(load_marshalled(_MAGIC, key, directory))
    if cached is not None:
        for problem in cached.problems:
            if report:
                report(problem)
        return cached
    frames = build()
    save_marshalled(_MAGIC, key, pack(frames), directory or cache_dir())
    return frames
