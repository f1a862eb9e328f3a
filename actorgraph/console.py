"""Terminal output for the CLI: rich tables that wrap, progress with a total, model status.

Rich honours ``NO_COLOR`` (and ``FORCE_COLOR``, ``COLUMNS``) by itself; output that is
not a terminal gets no colour and no live display, only plain lines.
"""

from __future__ import annotations

import contextlib
import gzip
import os
import sys
import time
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from rich.cells import cell_len
from rich.console import Console
from rich.table import Table
from rich.text import Text

#: Suffixes ``read_documents`` reads when it walks a directory (mirrors its rules).
_TEXT = {".txt", ".md", ".text", ".html", ".htm"}
_JSONL = {".jsonl", ".ndjson"}
_CHUNK = 1 << 20
#: Columns whose cells are all this short are kept whole; longer ones wrap.
SHORT_CELL = 24
#: The narrowest a long text column is squeezed to.
LONG_MIN_WIDTH = 36
#: The narrowest another long column (a long name) is squeezed to.
NARROW_MIN_WIDTH = 16


class _Console(Console):
    """A rich console that lets the CLI handle a closed pipe (one exit code, 141)."""

    def on_broken_pipe(self) -> None:
        """Rich would exit with 1 here; raise so ``main`` exits the one documented way."""
        raise BrokenPipeError


def _color_system() -> str | None:
    # Rich alone drops only colours under NO_COLOR and keeps bold/italic escapes; whoever
    # sets it wants plain text, so no styling at all.
    return None if os.environ.get("NO_COLOR") else "auto"


def stdout_console() -> Console:
    """A console on stdout for tables and text (plain under ``NO_COLOR``)."""
    return _Console(highlight=False, color_system=_color_system())


def stderr_console() -> Console:
    """A console on stderr for progress, status and notes (plain under ``NO_COLOR``)."""
    return _Console(stderr=True, highlight=False, color_system=_color_system())


def cell(value: Any) -> str:
    """One table cell as text: lists and dicts as JSON, floats to 3 digits, None empty.

    >>> cell([1, "a"]), cell(0.12345), cell(None), cell(True)
    ('[1, "a"]', '0.123', '', 'True')
    """
    import json

    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False, default=str)
    if isinstance(value, float):
        return f"{value:.3g}"
    return "" if value is None else str(value)


def print_table(console: Console, columns: Sequence[str], rows: Iterable[Sequence[Any]],
                title: str | None = None) -> int:
    """Print rows as a table whose long cells wrap (never cut); returns the row count.

    When even a wrapped table cannot fit the width (names and ids kept whole, a long
    column at least 36 characters), each row is printed as a block of ``column value``
    lines instead, like psql's expanded mode: still nothing is cut.
    """
    cells = [[cell(v) for v in row] for row in rows]
    # Terminal cells, not characters: a CJK name is twice as wide as it is long.
    longest = [max([cell_len(c)] + [cell_len(r[i]) for r in cells])
               for i, c in enumerate(columns)]
    floors = _floors(longest)
    if sum(floors) + 3 * len(columns) + 1 > console.width:
        _print_blocks(console, columns, cells, title)
        return len(cells)
    table = Table(title=title, title_justify="left", expand=False)
    for c, n, floor in zip(columns, longest, floors, strict=True):
        if n > SHORT_CELL:  # a sentence or URL: wraps in the width the narrow ones leave
            table.add_column(c, overflow="fold", ratio=n, min_width=floor)
        else:  # names, ids, counts: kept whole, so they stay readable and greppable
            table.add_column(c, no_wrap=True)
    for r in cells:
        table.add_row(*map(Text, r))  # Text: "[USAGOV]" in a sentence is not rich markup
    console.print(table)
    return len(cells)


def _floors(longest: list[int]) -> list[int]:
    """The narrowest each column may get: short ones whole, the widest long one
    ``LONG_MIN_WIDTH``, other long ones ``NARROW_MIN_WIDTH``.

    >>> _floors([10, 150, 30])
    [10, 36, 16]
    """
    widest = max(range(len(longest)), key=lambda i: longest[i], default=-1)
    return [n if n <= SHORT_CELL else min(n, LONG_MIN_WIDTH if i == widest
                                           else NARROW_MIN_WIDTH)
            for i, n in enumerate(longest)]


def _print_blocks(console: Console, columns: Sequence[str], cells: list[list[str]],
                  title: str | None) -> None:
    """One block per row: a rule, then ``column  value`` lines, values wrapped."""
    if title:
        console.print(Text(title), style="bold", soft_wrap=True)
    for i, row in enumerate(cells, 1):
        console.rule(f"{i}", align="left", characters="-")
        grid = Table.grid(padding=(0, 2))
        grid.add_column(no_wrap=True, style="bold")
        grid.add_column(overflow="fold")
        for c, v in zip(columns, row, strict=True):
            grid.add_row(Text(c), Text(v))
        console.print(grid)


# --- how much input there is ------------------------------------------------------------


def _count_lines(path: Path) -> int:
    """Non-empty-ish line count of a (gzip'd) JSONL file, read in 1 MiB chunks."""
    opener = gzip.open if path.name.lower().endswith(".gz") else open
    lines, last = 0, b"\n"
    try:
        with opener(path, "rb") as f:
            while chunk := f.read(_CHUNK):
                lines += chunk.count(b"\n")
                last = chunk[-1:]
    except (OSError, EOFError):
        pass  # the reader reports the damage; the estimate just stops here
    return lines + (last != b"\n")


def _file_documents(path: Path) -> int:
    """Documents one file yields: a JSONL record per line, else one."""
    name = path.name.lower()
    base = name[:-3] if name.endswith(".gz") else name
    return _count_lines(path) if os.path.splitext(base)[1] in _JSONL else 1


def _known(name: str) -> bool:
    """Whether a directory walk reads a file of this name."""
    lower = name.lower()
    if lower.endswith(".gz"):
        lower = lower[:-3]
        if "." not in lower.lstrip("."):
            return True  # bare .gz: gzip'd text
    return os.path.splitext(lower)[1] in _TEXT | _JSONL


def estimate_documents(paths: Iterable[str | Path]) -> int | None:
    """How many documents ``paths`` hold (JSONL lines counted, not parsed): the progress
    total. None when stdin is among them (its length is unknown in advance).

    Long documents split into segments make the real count somewhat higher.
    """
    total = 0
    for p in paths:
        if str(p) == "-":
            return None
        path = Path(p)
        if path.is_dir():
            for root, dirs, files in os.walk(path):
                dirs[:] = [d for d in dirs if not d.startswith(".")]
                total += sum(_file_documents(Path(root, f)) for f in files
                             if not f.startswith(".") and _known(f))
        elif path.is_file():
            total += _file_documents(path)
    return total


# --- progress and status ------------------------------------------------------------------


class BuildProgress:
    """Documents done of the estimated total, with rate and ETA, on a terminal; a plain log
    line every 10 s otherwise (so logs of long runs still show life)."""

    def __init__(self, console: Console, total: int | None, enabled: bool = True,
                 label: str = "documents") -> None:
        self.console, self.total, self.enabled = console, total, enabled
        self.label = label
        self.done = self.triples = 0
        self.t0 = self.last = time.monotonic()
        self.progress = None
        self.task = None
        if enabled and console.is_terminal:
            from rich.progress import (
                BarColumn,
                MofNCompleteColumn,
                Progress,
                TextColumn,
                TimeElapsedColumn,
                TimeRemainingColumn,
            )

            self.progress = Progress(
                TextColumn("[progress.description]{task.description}"), BarColumn(),
                MofNCompleteColumn(), TextColumn("{task.fields[triples]} triples"),
                TimeElapsedColumn(), TextColumn("ETA"), TimeRemainingColumn(),
                console=console, transient=False,
                # stdout carries the records (extract) or the report; only stderr lines
                # (problems) are shown above the bar.
                redirect_stdout=False, redirect_stderr=True)
            self.task = self.progress.add_task(label, total=total, triples=0)
            self.progress.start()

    def update(self, done: int | None = None, triples: int | None = None) -> None:
        """Record ``done`` documents and ``triples`` so far (None: unchanged)."""
        if not self.enabled:
            return
        self.done = self.done if done is None else done
        self.triples = self.triples if triples is None else triples
        if self.progress is not None:
            # The estimate can fall short (long documents are split): grow it, never stall.
            total = max(self.total, self.done) if self.total is not None else None
            self.progress.update(self.task, completed=self.done, total=total,
                                 triples=self.triples)
        elif time.monotonic() - self.last > 10:
            self.last = time.monotonic()
            rate = self.done / max(1e-9, self.last - self.t0)
            of = f" of ~{self.total}" if self.total else ""
            self.console.print(f"actorgraph: {self.done}{of} {self.label}, {self.triples} "
                               f"triples, {rate:.1f} docs/s", soft_wrap=True)

    def __call__(self, summary: Any) -> None:
        """The ``progress`` callback of :func:`actorgraph.pipeline.build`."""
        self.update(summary.documents_read, summary.triples)

    def close(self) -> None:
        """Stop the live display (safe to call twice)."""
        if self.progress is not None:
            self.progress.stop()
            self.progress = None


@contextlib.contextmanager
def status(console: Console, message: str) -> Iterator[None]:
    """A spinner with ``message`` while the block runs, on a terminal only."""
    if console.is_terminal:
        with console.status(message):
            yield
    else:
        yield


def quiet_broken_pipe() -> None:
    """After the reader of stdout went away (``| head``): point stdout at /dev/null so the
    interpreter's final flush does not print a second error."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
