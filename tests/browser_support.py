"""Headless Chromium for the browser tests (network viewer, website), driven by Playwright.

Imported as ``tests.browser_support`` (like ``tests.extract._helpers``). It only launches the
browser and keeps pages offline; each test module keeps its own rule for when to skip (checked
before launching) and its own console filter. Never downloads a browser: the executable is given.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

#: Flags for a sandbox-less, quiet Chromium that makes no background requests of its own.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]


@contextmanager
def launched_chromium(executable: str | Path) -> Iterator[Any]:
    """The Chromium at EXECUTABLE, launched headless with CHROMIUM_ARGS and closed afterwards."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(executable), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def offline_route(blocked: list[str]) -> Callable[[Any], None]:
    """A route handler that lets ``file://`` through and aborts every other request.

    Each aborted URL is appended to BLOCKED, so a test can assert that nothing left the machine.
    """

    def route(request_route: Any) -> None:
        url = request_route.request.url
        if url.startswith("file://"):
            request_route.continue_()
        else:
            blocked.append(url)
            request_route.abort()

    return route


def record_page_errors(page: Any, errors: list[str]) -> None:
    """Append every uncaught script error on PAGE to ERRORS as ``pageerror: ...``."""
    page.on("pageerror", lambda error: errors.append(f"pageerror: {error}"))
