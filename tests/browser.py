"""Headless Chromium for tests and benchmarks: open a page, record what it did.

Uses the system Chromium (Debian's ``/usr/bin/chromium``, or ``$CHROMIUM``) through
Playwright; Playwright's own browser download does not work on the build machines.

>>> from tests.browser import have_chromium, open_page
>>> if have_chromium():                                        # doctest: +SKIP
...     with open_page("out/graph.html") as (page, log):
...         page.wait_for_function("document.body.dataset.state === 'stable'")
...         assert not log.errors and not log.external_requests

Every request the page makes other than for the page's own file is aborted and recorded, so
a test proves the page works offline; console errors, page errors and dialogs (``alert``)
are recorded too. Tests skip with ``pytest.mark.skipif(not have_chromium(), ...)``.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]


def chromium_path() -> str | None:
    """The Chromium executable to use, or None."""
    for candidate in (os.environ.get("CHROMIUM"), "/usr/bin/chromium",
                      shutil.which("chromium"), shutil.which("chromium-browser")):
        if candidate and Path(candidate).is_file() and os.access(candidate, os.X_OK):
            return candidate
    return None


def have_chromium() -> bool:
    """True when Playwright and a Chromium executable are both available."""
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return False
    return chromium_path() is not None


@dataclass
class PageLog:
    """What a page did while open."""

    console: list[tuple[str, str]] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)
    external_requests: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)


@contextmanager
def open_browser(headless: bool = True) -> Iterator[Any]:
    """A Playwright ``Browser`` on the system Chromium with a throwaway profile."""
    from playwright.sync_api import sync_playwright

    exe = chromium_path()
    if exe is None:
        raise RuntimeError("no Chromium found (set $CHROMIUM)")
    with tempfile.TemporaryDirectory(prefix="ag-chromium-") as profile, \
            sync_playwright() as pw:
        context = pw.chromium.launch_persistent_context(
            profile, executable_path=exe, headless=headless, args=CHROMIUM_ARGS,
            viewport={"width": 1400, "height": 900})
        try:
            yield context
        finally:
            context.close()


@contextmanager
def open_page(path: str | Path, *, viewport: tuple[int, int] = (1400, 900),
              wait_until: str = "load", timeout_ms: int = 60_000,
              context: Any = None) -> Iterator[tuple[Any, PageLog]]:
    """Open a local HTML file in headless Chromium; yield ``(page, log)``.

    Pass a ``context`` from :func:`open_browser` to reuse one browser across pages.
    """
    if context is None:
        with open_browser() as ctx, open_page(path, viewport=viewport, wait_until=wait_until,
                                              timeout_ms=timeout_ms, context=ctx) as opened:
            yield opened
        return
    url = Path(path).resolve().as_uri()
    # The page's own side files (NAME.evidence.K.js beside NAME.html) are part of the page.
    sibling = url[: -len(Path(path).suffix)] + ".evidence." if Path(path).suffix else None
    log = PageLog()
    page = context.new_page()
    page.set_viewport_size({"width": viewport[0], "height": viewport[1]})
    page.set_default_timeout(timeout_ms)

    def route(r: Any) -> None:
        req_url = r.request.url
        if req_url == url or (sibling and req_url.startswith(sibling)
                              and req_url.endswith(".js")):
            r.continue_()
        else:
            log.external_requests.append(req_url)
            r.abort()

    def on_console(msg: Any) -> None:
        log.console.append((msg.type, msg.text))
        if msg.type == "error":
            log.errors.append(msg.text)

    def on_dialog(dialog: Any) -> None:
        log.dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    page.route("**/*", route)
    page.on("request", lambda req: log.requests.append(req.url))
    page.on("console", on_console)
    page.on("pageerror", lambda exc: log.errors.append(f"pageerror: {exc}"))
    page.on("dialog", on_dialog)
    try:
        page.goto(url, wait_until=wait_until)
        yield page, log
    finally:
        page.close()


def browser_version() -> str:
    """The Chromium version string, e.g. ``'156.0.8078.79'``."""
    with open_browser() as context:
        return str(context.browser.version) if context.browser else "unknown"


def wait_for(page: Any, expression: str, timeout_s: float = 60.0, poll_s: float = 0.05) -> Any:
    """Poll ``page.evaluate(expression)`` until it is truthy; return its value.

    Playwright's ``wait_for_function`` evaluates its predicate with ``eval``, which a page
    with a strict Content-Security-Policy (like actorgraph's) refuses; ``evaluate`` is not
    subject to the page's policy.
    """
    import time

    deadline = time.monotonic() + timeout_s
    while True:
        value = page.evaluate(expression)
        if value:
            return value
        if time.monotonic() > deadline:
            raise TimeoutError(f"timed out after {timeout_s}s waiting for {expression!r}")
        time.sleep(poll_s)
