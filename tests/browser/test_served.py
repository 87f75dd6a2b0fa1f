"""The site as `mkdocs serve` shows it, in Chromium: pages, search, footnotes, anchors."""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import urljoin, urlsplit

import pytest
from playwright.sync_api import Page, expect

from tests.browser.support import SLUG, Requests, Server, search, serve
from tests.conftest import copy_project

pytestmark = pytest.mark.browser

TEXT = f"briefs/{SLUG}/text/"
OVERVIEW = f"briefs/{SLUG}/"
PAGES = {
    "": "Briefs",
    OVERVIEW: "A New Rapprochement Between Moscow and Tehran",
    TEXT: "A New Rapprochement Between Moscow and Tehran",
    f"briefs/{SLUG}/analysis/": "A New Rapprochement Between Moscow and Tehran: analysis",
    "archive/": "Archive",
    "archive/2011/": "Briefs of 2011",
    "bibliography/": "Bibliography",
    "report/": "Build report",
}


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    with serve(copy_project(tmp_path_factory.mktemp("served") / "project")) as server:
        yield server


@pytest.mark.parametrize("path", sorted(PAGES))
def test_every_page_type_loads_from_here_only(
    served: Server, page: Page, requests: Requests, path: str
) -> None:
    response = page.goto(served.url + path)
    assert response is not None and response.status == 200
    expect(page.locator("article h1")).to_contain_text(PAGES[path])
    page.wait_for_load_state("load")
    assert requests.urls, "no request was recorded"
    assert requests.hosts() == {"127.0.0.1"}, requests.urls


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("people/", "analysis/#people-and-quotes"),
        ("people/#sergei-lavrov", "analysis/#sergei-lavrov"),
        ("timeline/", "analysis/#timeline"),
        ("claims/", "analysis/#claims"),
    ],
)
def test_a_briefs_former_addresses_land_on_its_analysis(
    served: Server, page: Page, old: str, new: str
) -> None:
    page.goto(served.url + OVERVIEW + old)
    expect(page).to_have_url(served.url + OVERVIEW + new)
    expect(page.locator("article h1")).to_contain_text("analysis")


def test_the_home_page_leads_to_every_section_at_desktop_width(served: Server, page: Page) -> None:
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(served.url)
    sidebar = page.locator("nav.md-nav--primary")
    for section in ("Archive", "People", "Outlets", "Timeline", "Tags", "Glossary", "Bibliography"):
        expect(sidebar.get_by_role("link", name=section, exact=True)).to_be_visible()
        expect(
            page.locator("article").get_by_role("link", name=section, exact=True)
        ).to_be_visible()
    first = page.locator("article li a").first
    expect(first).to_have_text("A New Rapprochement Between Moscow and Tehran")


@pytest.mark.parametrize(
    ("words", "expected"),
    [("Bushehr", {TEXT}), ("Ryabkov", {TEXT}), ("Interfax", {TEXT, "outlets/interfax-avn/"})],
)
def test_search_finds_the_pages(
    served: Server, page: Page, requests: Requests, words: str, expected: set[str]
) -> None:
    page.goto(served.url)
    found = search(page, words)
    assert {urlsplit(urljoin(served.url, p)).path for p in expected} <= found
    assert "/report/" not in found
    assert requests.hosts() == {"127.0.0.1"}, requests.urls


def test_footnote_marker_shows_its_note_on_hover(served: Server, page: Page) -> None:
    page.goto(served.url + TEXT)
    note = page.locator("li[id='fn:1'] p").first.inner_text().rstrip("↩").strip()
    page.locator("sup[id='fnref:1'] a").hover()
    tooltip = page.locator(".md-tooltip2--active")
    expect(tooltip).to_be_visible()
    expect(tooltip).to_contain_text(note)


def test_print_block_is_hidden_on_screen_and_from_search(served: Server, page: Page) -> None:
    page.goto(served.url + TEXT)
    expect(page.locator(".brief-print-meta")).to_have_count(1)
    expect(page.locator(".brief-print-meta")).to_be_hidden()
    # Its "Cite as" line holds the original's address, which is nowhere else on the page.
    assert urlsplit(served.url + TEXT).path not in search(page, "jamestown")


def test_paragraph_anchor_scrolls_it_into_view(served: Server, page: Page) -> None:
    page.set_viewport_size({"width": 1280, "height": 400})
    page.goto(served.url + TEXT + "#p3")
    expect(page.locator("#p3")).to_be_in_viewport()
    expect(page.locator("article h1")).not_to_be_in_viewport()
