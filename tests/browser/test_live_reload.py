"""`briefing serve` while a project is edited: the open page follows, and builds settle.

The server rebuilds only the pages an edit changes (`mkdocs serve --dirty`); these
tests check that what it shows is still what a full build would show, and that
an edit sets off one build and the build sets off none of its own.

Nothing here waits for a quiet moment: each test waits for events in the
server's log (the watcher picking up a file, a build starting and ending),
however long a busy machine makes them take.
"""

from __future__ import annotations

import os
import re
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import Page, expect
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from tests.browser.support import SLUG, Server, serve, wait_until
from tests.conftest import copy_project

pytestmark = pytest.mark.browser

TIMEOUT = 300.0
"""Seconds a build (or a search update) may take on a busy machine before a test fails."""
MARKER = "A sentence added while the site was being served."
WATCH_HOOK = Path(__file__).with_name("watch_hook.py")

CHANGE = re.compile(r"File\w+Event\(src_path='(?P<src>[^']*)', dest_path='(?P<dest>[^']*)'")
"""A file change the watcher picked up, as MkDocs logs it at debug level."""
BUILD_BEGINS = ("Detected file changes", "Waiting for file changes to stop happening")
"""What the server logs once a change has been picked up, before the build that takes it in."""
BUILD_ENDS = "Reloading browsers"
"""What the server logs after each build that succeeded."""


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Server, Path]]:
    project = copy_project(tmp_path_factory.mktemp("reload") / "project")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text("utf-8") + f"\nhooks:\n  - {WATCH_HOOK}\n", encoding="utf-8")
    with serve(project) as server:
        yield server, project


@pytest.fixture
def page(page: Page) -> Iterator[Page]:
    """The session's tab, left blank after the test: a page of the site left open
    is reloaded by the server after each later edit, in tests that do not look at it."""
    yield page
    page.goto("about:blank")


@dataclass(frozen=True)
class Settled:
    """What followed an edit, once the server had caught up with it."""

    builds: int
    """Builds that ended after the edit, before the probe's build began."""
    changed: frozenset[Path]
    """Every file the watcher saw change since the edit, the probe left out."""


def changes(line: str) -> set[Path]:
    found = CHANGE.search(line)
    return {Path(p) for p in (found["src"], found["dest"]) if p} if found else set()


def build_taking_in(lines: list[str], path: Path) -> tuple[int, int] | None:
    """Where the first build that took in a change to ``path`` began and ended in ``lines``.

    The change is logged when the watcher picks it up; the next "Detected" (or,
    when the server was already gathering changes, "Waiting") line comes after
    it and before the build that includes it. None while that build has not ended.
    """
    seen = begun = None
    for number, line in enumerate(lines):
        if seen is None:
            seen = number if path in changes(line) else None
        elif begun is None:
            begun = number if any(b in line for b in BUILD_BEGINS) else None
        elif BUILD_ENDS in line:
            return begun, number
    return None


def lines_since(server: Server, start: int) -> list[str]:
    return server.log.read_text("utf-8", errors="replace")[start:].splitlines()


def edit(server: Server, project: Path, path: Path, text: str | None) -> Settled:
    """Write ``text`` to ``path`` (remove it if None); wait until the server has caught up.

    Once the edit's build has ended, a probe (a newer time on a style sheet no
    test edits) is picked up by the watcher in a scan that sees every change
    made before it: when the build that takes the probe in has ended, every
    build the edit set off, directly or through files a build wrote, has been
    logged, and so has every file change the watcher saw.
    """
    start = len(server.log.read_text("utf-8", errors="replace"))
    if text is None:
        path.unlink()
    else:  # whole at once: a watcher that saw half a file would build twice
        draft = project.parent / f"{path.name}.draft"
        draft.write_text(text, encoding="utf-8")
        draft.replace(path)
    wait_until(
        lambda: build_taking_in(lines_since(server, start), path), TIMEOUT, f"a build of {path}"
    )
    probe = project / "docs" / "assets" / "print.css"
    os.utime(probe, ns=(time.time_ns(), time.time_ns()))
    wait_until(
        lambda: build_taking_in(lines_since(server, start), probe), TIMEOUT, "the probe's build"
    )
    lines = lines_since(server, start)
    began, ended = build_taking_in(lines, probe) or (0, 0)
    changed = set().union(*(changes(line) for line in lines[: ended + 1])) - {probe}
    return Settled(sum(BUILD_ENDS in line for line in lines[:began]), frozenset(changed))


def add_sentence(seed: Path, opening: str, sentence: str) -> str:
    """The seed's text with ``sentence`` after its paragraph that starts with ``opening``."""
    blocks = seed.read_text("utf-8").split("\n\n")
    number = next(i for i, block in enumerate(blocks) if block.startswith(opening))
    blocks[number] = blocks[number].rstrip() + " " + sentence
    return "\n\n".join(blocks)


def test_editing_a_seed_updates_the_open_page_once(served: tuple[Server, Path], page: Page) -> None:
    server, project = served
    page.goto(server.url + f"briefs/{SLUG}/text/")
    shown = page.locator("#p3").inner_text()
    opening = shown.split(" ", 2)[2][:40]  # after the "¶ 3" link
    seed = next((project / "seeds").glob("*.txt"))

    settled = edit(server, project, seed, add_sentence(seed, opening, MARKER))

    assert settled == Settled(1, frozenset({seed})), server.log.read_text("utf-8")
    expect(page.locator("#p3")).to_contain_text(MARKER)
    assert MARKER not in page.locator("#p2").inner_text()


def test_editing_a_hand_written_asset_rebuilds_once(served: tuple[Server, Path]) -> None:
    server, project = served
    css = project / "docs" / "assets" / "briefing.css"
    settled = edit(server, project, css, css.read_text("utf-8") + "\n/* edited while served */\n")
    assert settled == Settled(1, frozenset({css})), server.log.read_text("utf-8")


def test_a_change_that_reaches_every_page_rebuilds_them_all(
    served: tuple[Server, Path], page: Page
) -> None:
    server, project = served
    config = project / "mkdocs.yml"
    text = config.read_text("utf-8") + "\ncopyright: Edited while served\n"
    settled = edit(server, project, config, text)
    assert settled == Settled(1, frozenset({config})), server.log.read_text("utf-8")
    # The brief's Markdown did not change; its page shows the new footer all the same.
    page.goto(server.url + f"briefs/{SLUG}/text/")
    expect(page.locator(".md-copyright")).to_contain_text("Edited while served")


ADDED = "Quarkonium Talks Between Moscow and Tehran"
"""The title of a seed added while the site is served: one word no other page has."""


def status(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return int(response.status)
    except urllib.error.HTTPError as error:
        return error.code


RELOADED = ("interrupted by another navigation", "Execution context was destroyed")
"""What Playwright says when the server's own reload of the open page cut into a step."""


@dataclass
class Patience:
    """How long a search of the home page may take before it is given up and asked
    for again: a search takes about a second, and one that meets a rebuild or an
    index being swapped in is sooner asked again than waited out. Each time one
    runs out, the next may take twice as long, up to Playwright's own timeout: a
    machine slow throughout still gets through."""

    ms: float = 4_000

    def ran_out(self) -> None:
        self.ms = min(2 * self.ms, 15_000)


def search_home(
    server: Server, page: Page, words: str, patience: Patience, default: set[str] | None = None
) -> set[str]:
    """The search results for ``words`` on the home page, or ``default`` (nothing found)
    when the server reloaded the page in the middle (it reloads open pages after each
    build, and a build's reload can land just after the test has moved on) or the
    page or its search did not answer in the time ``patience`` allows (the server
    holds requests while it rebuilds, which a loaded machine makes slow): the caller
    asks again until its own deadline."""
    timeout_ms = patience.ms
    try:
        page.goto(server.url, timeout=timeout_ms)
        box = page.locator("form[name='pagefind'] input")
        box.click(timeout=timeout_ms)
        box.press_sequentially(words, timeout=timeout_ms)
        # The form carries the query its results answer, once they are shown.
        page.wait_for_function(
            "words => document.forms.namedItem('pagefind').dataset.query === words",
            arg=words,
            timeout=timeout_ms,
        )
        hrefs: list[str] = page.eval_on_selector_all(
            "a.md-search-result__link", "links => links.map(a => a.href)"
        )
        return {urlsplit(href).path for href in hrefs}
    except PlaywrightTimeoutError:
        assert server.running(), server.log.read_text("utf-8")
        patience.ran_out()
        return set() if default is None else default
    except PlaywrightError as error:
        if not any(reason in error.message for reason in RELOADED):
            raise
        return set() if default is None else default


def test_a_seed_added_then_removed_comes_and_goes_with_its_search_entry(
    served: tuple[Server, Path], page: Page
) -> None:
    server, project = served
    seed = next((project / "seeds").glob("*.txt"))
    title = seed.read_text("utf-8").split("\n", 1)[0]
    added = project / "seeds" / "added-while-served.txt"
    text = seed.read_text("utf-8").replace(title, ADDED, 1)
    assert edit(server, project, added, text) == Settled(1, frozenset({added})), (
        server.log.read_text("utf-8")
    )
    address = server.url + "briefs/quarkonium-talks-between-moscow-and-tehran/text/"
    assert status(address) == 200

    # Search catches up in the background, after the page has been rebuilt.
    patience = Patience()

    def found() -> bool:
        shown = search_home(server, page, "Quarkonium", patience)
        return any("quarkonium" in path for path in shown)

    wait_until(found, TIMEOUT, "the added brief in the search results")

    assert edit(server, project, added, None) == Settled(1, frozenset({added})), (
        server.log.read_text("utf-8")
    )
    assert status(address) == 404

    patience = Patience()

    def gone() -> bool:
        shown = search_home(server, page, "Quarkonium", patience, default={"quarkonium"})
        return not any("quarkonium" in path for path in shown)

    wait_until(gone, TIMEOUT, "the removed brief to leave the search results")
