"""Browser-test plumbing: Chromium's launch options, a `briefing serve` process, polling."""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from playwright.sync_api import Browser, Page, Request, ViewportSize

from briefing.bench.reload import finished_builds
from tests.conftest import ROOT

SLUG = "a-new-rapprochement-between-moscow-and-tehran"

DESKTOP: ViewportSize = {"width": 1280, "height": 800}

FORGET = "try { localStorage.clear(); sessionStorage.clear(); } catch (e) {}"
"""Run before each page's scripts in a tab that tests share: nothing stored by the
pages before (the theme keeps the colour scheme it showed), as in a new context."""


def shared_tab(browser: Browser, **options: object) -> Page:
    """A tab for many tests' pages, each loaded after :func:`blank`: opening a tab
    costs Chromium about 0.7 s of CPU more than loading a page in an open one
    (0.91 s against 0.23 a page of the site). Close it with its context."""
    context = browser.new_context(**options)  # type: ignore[arg-type]
    context.set_default_timeout(15_000)
    context.add_init_script(FORGET)
    return context.new_page()


def blank(tab: Page, viewport: ViewportSize) -> Page:
    """``tab`` on a blank page at ``viewport``'s size with the mouse away, ready for
    the next test's page: what the last test left open goes with the page it left."""
    tab.goto("about:blank")
    tab.mouse.move(0, 0)
    tab.set_viewport_size(viewport)
    return tab


def wait_until(condition: Callable[[], object], timeout: float, what: str) -> None:
    """Poll ``condition`` until it is true; fail naming ``what`` after ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout}s waiting for {what}")
        time.sleep(0.1)


def mkdocs_env(**extra: str) -> dict[str, str]:
    """The environment MkDocs runs in: our package importable, no MkDocs 2 notice."""
    path = os.pathsep.join(p for p in (str(ROOT / "scripts"), os.environ.get("PYTHONPATH")) if p)
    return {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": path, **extra}


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return bool(response.status == 200)
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return False


@dataclass
class Server:
    """A running `briefing serve` (`mkdocs serve --dirty`) of one project copy, and its log."""

    url: str
    log: Path
    process: subprocess.Popen[bytes]

    def builds(self) -> int:
        """How many builds the server has finished so far."""
        return finished_builds(self.log.read_text("utf-8", errors="replace"))

    def running(self) -> bool:
        return self.process.poll() is None


@contextlib.contextmanager
def serve(project: Path) -> Iterator[Server]:
    """Run `briefing serve` on a free local port in ``project``; always stop it."""
    port = free_port()
    log = project.parent / f"serve-{port}.log"
    with log.open("wb") as output:
        process = subprocess.Popen(
            [sys.executable, "-m", "briefing.cli", "serve", "--dev-addr", f"127.0.0.1:{port}"],
            cwd=project,
            env=mkdocs_env(),
            stdout=output,
            stderr=subprocess.STDOUT,
        )
    server = Server(f"http://127.0.0.1:{port}/", log, process)
    try:
        wait_until(
            lambda: answers(server.url) or not server.running(), 90, f"mkdocs serve at {server.url}"
        )
        assert server.running(), log.read_text("utf-8", errors="replace")
        yield server
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@dataclass
class Requests:
    """Every address a page asked for, recorded from the page's first request."""

    urls: list[str] = field(default_factory=list)

    def record(self, page: Page) -> Page:
        page.on("request", self._add)
        return page

    def stop(self, page: Page) -> None:
        page.remove_listener("request", self._add)

    def _add(self, request: Request) -> None:
        self.urls.append(request.url)

    def hosts(self) -> set[str]:
        return {urlsplit(u).hostname or "" for u in self.urls if urlsplit(u).scheme != "data"}

    def schemes(self) -> set[str]:
        return {urlsplit(u).scheme for u in self.urls}


def search(page: Page, words: str) -> set[str]:
    """Type into the header's search field; the paths of the pages the results link to."""
    box = page.locator("form[name='pagefind'] input")
    box.click()
    box.press_sequentially(words)
    # The form carries the query its results answer, once they are shown.
    page.wait_for_function(
        "words => document.forms.namedItem('pagefind').dataset.query === words", arg=words
    )
    hrefs: list[str] = page.eval_on_selector_all(
        "a.md-search-result__link", "links => links.map(a => a.href)"
    )
    return {urlsplit(href).path for href in hrefs}
