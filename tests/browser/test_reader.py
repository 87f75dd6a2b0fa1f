"""Every page type as a reader meets it, in Chromium: accessible (axe-core,
light and dark), phone-sized without sideways scrolling, abbreviations that
explain themselves on tap, anchors that land clear of the header."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Literal

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page, ViewportSize, expect

from briefing.harness.browser import served
from tests.browser.support import DESKTOP, SLUG, blank, shared_tab

pytestmark = pytest.mark.browser


BRIEF = f"briefs/{SLUG}/"
PAGE_TYPES = {
    "home": "",
    "overview": BRIEF,
    "text": BRIEF + "text/",
    "brief people": BRIEF + "people/",
    "brief timeline": BRIEF + "timeline/",
    "brief claims": BRIEF + "claims/",
    "people": "people/",
    "person": "people/sergei-lavrov/",
    "outlets": "outlets/",
    "outlet": "outlets/irna/",
    "timeline": "timeline/",
    "tags": "tags/",
    "glossary": "glossary/",
    "bibliography": "bibliography/",
    "report": "report/",
    "not found": "404.html",
}
"""One page of every kind the site has, by the path it is served at."""

BLOCKING = {"serious", "critical"}
"""axe-core impacts that fail a page."""

THEME_ONLY: dict[str, str] = {}
"""axe rule ids only the theme could fix, with the reason; none today (the
search dialog's missing name is given by briefing.js)."""

PHONE: ViewportSize = {"width": 390, "height": 844}


@pytest.fixture(scope="module")
def site_url(two_brief_site: Path) -> Iterator[str]:
    with served(two_brief_site) as url:
        yield url


class Tabs:
    """One tab for the module's pages, and one on a touch screen
    (:func:`~tests.browser.support.shared_tab`), each page loaded in it afresh
    with the reader's screen and colour scheme."""

    def __init__(self, browser: Browser) -> None:
        self.browser = browser
        self.opened: dict[bool, Page] = {}

    def tab(self, has_touch: bool) -> Page:
        if has_touch not in self.opened:
            self.opened[has_touch] = shared_tab(self.browser, has_touch=has_touch)
        return self.opened[has_touch]

    def close(self) -> None:
        for page in self.opened.values():
            page.context.close()


@pytest.fixture(scope="module")
def tabs(browser: Browser) -> Iterator[Tabs]:
    opened = Tabs(browser)
    try:
        yield opened
    finally:
        opened.close()


def open_page(
    tabs: Tabs,
    url: str,
    scheme: Literal["light", "dark"] = "light",
    viewport: ViewportSize = DESKTOP,
    has_touch: bool = False,
) -> Page:
    page = blank(tabs.tab(has_touch), viewport)
    page.emulate_media(color_scheme=scheme)
    response = page.goto(url)
    assert response is not None and response.status in {200, 404}
    page.wait_for_load_state("load")
    return page


def violations(
    page: Page, within: str | None = None, impacts: frozenset[str] = frozenset(BLOCKING)
) -> list[str]:
    """The axe violations of what the page shows now (in ``within``), one line each."""
    found = Axe().run(page, context=within).response["violations"]
    return [
        f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']][:3]}"
        for v in found
        if v["impact"] in impacts and v["id"] not in THEME_ONLY
    ]


ANY_IMPACT = frozenset({"minor", "moderate", "serious", "critical"})

MENU = ".brief-pin-menu"


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [1280, 390])
def test_the_paragraph_menu_is_readable_and_reachable_in_every_state(
    tabs: Tabs, site_url: str, scheme: str, width: int
) -> None:
    viewport = {"width": width, "height": 844}
    page = open_page(tabs, site_url + PAGE_TYPES["text"], scheme, viewport=viewport)
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    mark = page.locator("a.brief-pilcrow").nth(2)
    mark.focus()
    page.keyboard.press(" ")  # a control that opens a dialog opens on Space too
    menu = page.locator(MENU)
    expect(menu).to_be_visible()
    box = menu.bounding_box()
    assert box is not None and box["height"] <= 844 * 0.7  # about two thirds at most
    assert violations(page, MENU, ANY_IMPACT) == []
    copy = menu.locator(".brief-pin-menu__row button").first
    expect(copy).to_be_focused()
    assert violations(page, MENU, ANY_IMPACT) == [], "focused"
    copy.hover()
    assert violations(page, MENU, ANY_IMPACT) == [], "hovered"
    copy.click()
    expect(copy).to_have_text("Copied")
    assert violations(page, MENU, ANY_IMPACT) == [], "copied"
    close = menu.locator(".brief-pin-menu__close")
    close.hover()
    assert violations(page, MENU, ANY_IMPACT) == [], "close hovered"
    close.click()
    expect(menu).to_have_count(0)
    expect(mark).to_be_focused()  # back where the reader was
    mark.hover()
    assert violations(page, ".brief-para:nth-of-type(3)", ANY_IMPACT) == [], "¶ hovered"
    page.keyboard.press("Enter")  # and on Enter
    expect(page.locator(MENU)).to_be_visible()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_overview_copy_buttons_are_readable_in_every_state(
    tabs: Tabs, site_url: str, scheme: str
) -> None:
    page = open_page(tabs, site_url + BRIEF, scheme, viewport=PHONE)
    buttons = page.locator("button.brief-copy")
    expect(buttons.first).to_be_visible()
    buttons.first.hover()
    assert violations(page, "article", ANY_IMPACT) == [], "hovered"
    buttons.first.focus()
    assert violations(page, "article", ANY_IMPACT) == [], "focused"
    # The overview's buttons keep a gap between them, however they wrap.
    actions = page.locator(".brief-actions .md-button")
    boxes = [actions.nth(i).bounding_box() for i in range(actions.count())]
    assert len(boxes) == 4
    for one in boxes:
        for other in boxes:
            assert one is not None and other is not None
            if other["y"] > one["y"] + one["height"] / 2:  # on a lower row
                assert other["y"] - (one["y"] + one["height"]) >= 4  # a gap, not touching


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("kind", sorted(PAGE_TYPES))
def test_every_page_type_passes_axe(tabs: Tabs, site_url: str, kind: str, scheme: str) -> None:
    page = open_page(tabs, site_url + PAGE_TYPES[kind], scheme)
    expected = "slate" if scheme == "dark" else "default"
    assert page.get_attribute("body", "data-md-color-scheme") == expected
    assert violations(page) == []


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_search_dialog_passes_axe(tabs: Tabs, site_url: str, scheme: str) -> None:
    page = open_page(tabs, site_url + BRIEF, scheme)
    box = page.locator("form[name='pagefind'] input")
    box.click()
    box.press_sequentially("Lavrov")
    expect(page.locator("a.md-search-result__link").first).to_be_visible()
    assert violations(page) == []


@pytest.mark.parametrize("kind", sorted(PAGE_TYPES))
def test_a_phone_never_scrolls_sideways(tabs: Tabs, site_url: str, kind: str) -> None:
    page = open_page(tabs, site_url + PAGE_TYPES[kind], viewport=PHONE)
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width == PHONE["width"]
    outside: list[str] = page.eval_on_selector_all(
        "article td, article th",
        """cells => cells.filter(c => {
               const box = c.getBoundingClientRect();
               const hidden = c.closest('thead') !== null;
               return !hidden && (box.left < 0 || box.right > window.innerWidth + 0.5);
           }).map(c => c.textContent.slice(0, 40))""",
    )
    assert outside == [], "table cells outside the screen"


def test_an_abbreviation_explains_itself_on_tap(tabs: Tabs, site_url: str) -> None:
    page = open_page(tabs, site_url + BRIEF + "text/", viewport=PHONE, has_touch=True)
    abbr = page.locator("article abbr[title]").first
    title = abbr.get_attribute("title")
    assert title
    abbr.tap()
    tooltip = page.locator(".md-tooltip2--active")
    expect(tooltip).to_be_visible()
    expect(tooltip).to_contain_text(title)


def test_a_paragraph_anchor_lands_below_the_header_and_back_to_top(
    tabs: Tabs, site_url: str
) -> None:
    page = open_page(tabs, site_url + BRIEF + "text/#p5", viewport=PHONE)
    page.mouse.wheel(0, -40)  # scrolling up brings out "Back to top"
    page.wait_for_timeout(400)
    page.evaluate("document.getElementById('p5').scrollIntoView()")
    page.wait_for_timeout(400)
    top = page.evaluate("document.getElementById('p5').getBoundingClientRect().top")
    covers = page.evaluate(
        """() => [document.querySelector('.md-header'), document.querySelector('.md-top')]
            .filter(e => e && getComputedStyle(e).visibility !== 'hidden'
                         && getComputedStyle(e).opacity !== '0')
            .map(e => e.getBoundingClientRect().bottom)"""
    )
    assert covers and all(top >= bottom for bottom in covers), (top, covers)


def test_a_citation_clears_the_copy_button(tabs: Tabs, site_url: str) -> None:
    page = open_page(tabs, site_url + BRIEF, viewport=PHONE)
    # The styles are formatted text; BibTeX is the first tab shown as code.
    page.locator(".tabbed-labels label", has_text="BibTeX").first.click()
    block = page.locator(".tabbed-block pre").first
    button = block.locator(":is(.md-code__button, .md-clipboard)").first
    code = block.locator("code").first
    expect(button).to_be_attached()
    text_right = code.evaluate(
        """code => {
            const range = document.createRange();
            range.selectNodeContents(code);
            const first = range.getClientRects()[0];
            return first.right;
        }"""
    )
    box = button.bounding_box()
    assert box is not None
    assert text_right <= box["x"], "the copy button covers the citation's first line"
