"""`briefing serve` while a project is edited: the open page follows, and builds settle.

The server rebuilds only the pages an edit changes (`mkdocs serve --dirty`); these
tests check that what it shows is still what a full build would show.
"""

from __future__ import annotations

import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.browser.support import SLUG, Server, search, serve, wait_until
from tests.conftest import copy_project

pytestmark = pytest.mark.browser

QUIET = 3.0
"""Seconds without a finished build after which the server counts as settled."""
MARKER = "A sentence added while the site was being served."


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Server, Path]]:
    project = copy_project(tmp_path_factory.mktemp("reload") / "project")
    with serve(project) as server:
        yield server, project


def settled(server: Server) -> int:
    """Wait until no build has finished for QUIET seconds; the number of builds so far."""
    seen = {"builds": server.builds(), "since": time.monotonic()}

    def quiet() -> bool:
        builds = server.builds()
        if builds != seen["builds"]:
            seen.update(builds=builds, since=time.monotonic())
        return time.monotonic() - seen["since"] >= QUIET

    wait_until(quiet, 60, "the server to stop rebuilding")
    return int(seen["builds"])


def add_sentence(seed: Path, opening: str, sentence: str) -> None:
    """Append ``sentence`` to the seed's paragraph that starts with ``opening``."""
    blocks = seed.read_text("utf-8").split("\n\n")
    number = next(i for i, block in enumerate(blocks) if block.startswith(opening))
    blocks[number] = blocks[number].rstrip() + " " + sentence
    seed.write_text("\n\n".join(blocks), encoding="utf-8")


def test_editing_a_seed_updates_the_open_page_once(served: tuple[Server, Path], page: Page) -> None:
    server, project = served
    page.goto(server.url + f"briefs/{SLUG}/text/")
    shown = page.locator("#p3").inner_text()
    opening = shown.split(" ", 2)[2][:40]  # after the "¶ 3" link
    before = settled(server)

    add_sentence(next((project / "seeds").glob("*.txt")), opening, MARKER)

    expect(page.locator("#p3")).to_contain_text(MARKER, timeout=20_000)
    rebuilt = settled(server) - before
    assert rebuilt == 1, server.log.read_text("utf-8")
    assert MARKER not in page.locator("#p2").inner_text()


def test_editing_a_hand_written_asset_rebuilds_once(served: tuple[Server, Path]) -> None:
    server, project = served
    before = settled(server)
    css = project / "docs" / "assets" / "briefing.css"
    css.write_text(css.read_text("utf-8") + "\n/* edited while served */\n", encoding="utf-8")
    assert settled(server) - before == 1, server.log.read_text("utf-8")


def test_a_change_that_reaches_every_page_rebuilds_them_all(
    served: tuple[Server, Path], page: Page
) -> None:
    server, project = served
    before = settled(server)
    config = project / "mkdocs.yml"
    config.write_text(
        config.read_text("utf-8") + "\ncopyright: Edited while served\n", encoding="utf-8"
    )
    assert settled(server) - before == 1, server.log.read_text("utf-8")
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


def test_a_seed_added_then_removed_comes_and_goes_with_its_search_entry(
    served: tuple[Server, Path], page: Page
) -> None:
    server, project = served
    seed = next((project / "seeds").glob("*.txt"))
    title = seed.read_text("utf-8").split("\n", 1)[0]
    added = project / "seeds" / "added-while-served.txt"
    before = settled(server)
    added.write_text(seed.read_text("utf-8").replace(title, ADDED, 1), encoding="utf-8")
    assert settled(server) - before == 1, server.log.read_text("utf-8")
    text = server.url + "briefs/quarkonium-talks-between-moscow-and-tehran/text/"
    assert status(text) == 200

    # Search catches up in the background, after the page has been rebuilt.
    def found() -> bool:
        page.goto(server.url)
        return any("quarkonium" in path for path in search(page, "Quarkonium"))

    wait_until(found, 60, "the added brief in the search results")

    before = settled(server)
    added.unlink()
    assert settled(server) - before == 1, server.log.read_text("utf-8")
    assert status(text) == 404

    def gone() -> bool:
        page.goto(server.url)
        return not any("quarkonium" in path for path in search(page, "Quarkonium"))

    wait_until(gone, 60, "the removed brief to leave the search results")
