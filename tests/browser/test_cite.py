"""Citations in Chromium: rich-text copy, the ¶ menu by keyboard, a copy over file://."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect

from briefing.harness.browser import served as serving
from tests.browser.support import SLUG, Requests

pytestmark = pytest.mark.browser

GOLDEN = Path(__file__).parent.parent / "golden" / "citations"
READ_CLIPBOARD = """async () => {
  const out = {};
  for (const item of await navigator.clipboard.read())
    for (const type of item.types) out[type] = await (await item.getType(type)).text();
  return out;
}"""


def golden(name: str) -> str:
    return (GOLDEN / name).read_text("utf-8").strip()


@pytest.fixture(scope="module")
def site(seed_site: Path) -> Path:
    return seed_site


@pytest.fixture(scope="module")
def base(site: Path) -> Iterator[str]:
    with serving(site) as url:
        yield url


@pytest.fixture
def clipboard(browser: Browser, base: str, requests: Requests) -> Iterator[Page]:
    """A page allowed to write and read the clipboard, on the served site."""
    context: BrowserContext = browser.new_context(viewport={"width": 1280, "height": 800})
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base.rstrip("/"))
    context.set_default_timeout(15_000)
    try:
        yield requests.record(context.new_page())
    finally:
        context.close()


def copied(page: Page) -> dict[str, str]:
    result: dict[str, str] = page.evaluate(READ_CLIPBOARD)
    return result


def test_the_chicago_note_copies_as_rich_and_plain_text(
    clipboard: Page, base: str, requests: Requests
) -> None:
    clipboard.goto(f"{base}briefs/{SLUG}/")
    button = clipboard.get_by_role("button", name="Copy the Chicago note")
    button.click()
    expect(button).to_have_text("Copied")
    got = copied(clipboard)
    assert got["text/plain"] == golden("chicago-note.txt")
    assert "<em>Eurasia Daily Monitor</em>" in got["text/html"] or (
        "<i>Eurasia Daily Monitor</i>" in got["text/html"]
    )
    assert "brief-copy" not in got["text/html"]
    assert requests.hosts() == {"127.0.0.1"}, requests.urls


def test_a_paragraph_cites_itself_in_apa(clipboard: Page, base: str) -> None:
    clipboard.goto(f"{base}briefs/{SLUG}/text/")
    clipboard.locator("a.brief-pilcrow[href='#p3']").click()
    menu = clipboard.get_by_role("dialog", name="Cite paragraph 3")
    expect(menu).to_be_visible()
    in_text = menu.get_by_role("button", name="Copy the APA in text citation")
    in_text.click()
    expect(in_text).to_have_text("Copied")
    assert copied(clipboard) == {
        "text/plain": golden("apa-paragraph-3.txt"),
        "text/html": golden("apa-paragraph-3.txt"),
    }
    reference = menu.get_by_role("button", name="Copy the APA reference citation")
    reference.click()
    expect(reference).to_have_text("Copied")
    got = copied(clipboard)
    assert got["text/plain"] == golden("apa.txt")
    assert "<em>Eurasia Daily Monitor</em>" in got["text/html"]


def test_the_pilcrow_menu_opens_with_enter_and_closes_with_escape(page: Page, base: str) -> None:
    page.goto(f"{base}briefs/{SLUG}/text/")
    mark = page.locator("a.brief-pilcrow[href='#p2']")
    mark.focus()
    page.keyboard.press("Enter")
    menu = page.get_by_role("dialog", name="Cite paragraph 2")
    expect(menu).to_be_visible()
    expect(mark).to_have_attribute("aria-expanded", "true")
    expect(menu.get_by_role("button", name="Copy the link")).to_be_focused()  # its first row
    expect(menu).to_contain_text("para. 2")
    expect(menu).to_contain_text("par. 2")
    page.keyboard.press("Escape")
    expect(menu).to_have_count(0)
    expect(mark).to_be_focused()
    expect(mark).to_have_attribute("aria-expanded", "false")


REFUSE_CLIPBOARD = """
const refuse = () => Promise.reject(new DOMException("refused", "NotAllowedError"));
if (navigator.clipboard) {
  navigator.clipboard.write = refuse;
  navigator.clipboard.writeText = refuse;
}
window.copiedByEvent = null;
// After the page's own copy handler (on document) has filled the event's data.
window.addEventListener("copy", (event) => {
  window.copiedByEvent = {
    html: event.clipboardData.getData("text/html"),
    text: event.clipboardData.getData("text/plain"),
  };
});
"""


def test_copy_falls_back_where_the_clipboard_api_is_refused(site: Path, own_page: Page) -> None:
    """Over file://, with the Clipboard API refusing, a copy event carries both formats."""
    page = own_page
    page.add_init_script(REFUSE_CLIPBOARD)
    page.goto((site / "briefs" / SLUG / "index.html").as_uri())
    button = page.get_by_role("button", name="Copy the Chicago note")
    button.click()
    expect(button).to_have_text("Copied")
    got = page.evaluate("window.copiedByEvent")
    assert got["text"] == golden("chicago-note.txt")
    assert "<em>Eurasia Daily Monitor</em>" in got["html"]


ORIGINAL = "https://jamestown.org/program/a-new-rapprochement-between-moscow-and-tehran/"


def test_without_a_site_address_links_and_mla_take_the_pages_own(
    clipboard: Page, base: str
) -> None:
    text = f"{base}briefs/{SLUG}/text/"
    clipboard.goto(text)
    clipboard.locator("a.brief-pilcrow[href='#p3']").click()
    menu = clipboard.get_by_role("dialog", name="Cite paragraph 3")
    link = menu.get_by_role("button", name="Copy the link")
    link.click()
    expect(link).to_have_text("Copied")
    assert copied(clipboard)["text/plain"] == f"{text}#p3"
    entry = menu.get_by_role("button", name="Copy the MLA works cited citation")
    entry.click()
    expect(entry).to_have_text("Copied")
    got = copied(clipboard)
    # The original's address, then this site as the second container, where it was read.
    # MLA 9, 5.95: the address without its scheme, as the build writes the original's.
    assert got["text/plain"] == f"{golden('mla.txt')} Briefing, {text.split('://', 1)[1]}."
    assert (
        ORIGINAL.split("://", 1)[1] in got["text/plain"] and "<em>Briefing</em>" in got["text/html"]
    )
    assert f'href="{ORIGINAL}"' in got["text/html"]


def test_a_local_copy_says_so_and_gives_the_originals_address(site: Path, page: Page) -> None:
    page.goto((site / "briefs" / SLUG / "text" / "index.html").as_uri())
    page.locator("a.brief-pilcrow[href='#p3']").click()
    menu = page.get_by_role("dialog", name="Cite paragraph 3")
    expect(menu).to_contain_text("This page is a local copy; the original article is at")
    expect(menu).to_contain_text(ORIGINAL)
    expect(menu.get_by_role("button", name="Copy the original article's address")).to_have_count(1)
    expect(menu).not_to_contain_text("file://")
    page.goto((site / "briefs" / SLUG / "index.html").as_uri())
    expect(page.locator(".brief-cite-note").first).to_have_text(
        "This page is a local copy: the entry gives the original article's address."
    )
    expect(page.locator(".brief-cite[data-read-here]").first).to_have_text(golden("mla.txt"))


def test_the_chicago_short_note_for_a_later_citation_copies_too(clipboard: Page, base: str) -> None:
    clipboard.goto(f"{base}briefs/{SLUG}/")
    button = clipboard.get_by_role("button", name="Copy the Chicago short note")
    button.click()
    expect(button).to_have_text("Copied")
    # The seed names no author: the short note is the shortened title alone (CMOS 17 14.29).
    assert copied(clipboard)["text/plain"] == "“New Rapprochement.”"
