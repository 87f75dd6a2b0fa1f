"""The offline bundle opened from file:// in Chromium: navigation, search, no network."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from briefing.harness.browser import served
from tests.browser.support import SLUG, Requests
from tests.conftest import copy_project, mkdocs_build

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def bundle(offline_site: Path) -> Path:
    """The site built as `make offline` builds it, in a copy of the project."""
    return offline_site


def test_bundle_has_flat_pages_and_an_inlined_index(bundle: Path) -> None:
    assert not (bundle / "briefs" / SLUG / "text").exists()
    text = (bundle / "briefs" / SLUG / "text.html").read_text("utf-8")
    # The annotated text is there, its paragraphs numbered, and every link of the
    # page to a page of the bundle names a file: a folder opens no page from file://.
    assert 'id="p3"' in text and "Moscow and Tehran" in text
    local = [
        href
        for href in re.findall(r'href="([^"#?]*)', text)
        if href and not re.match(r"[a-z]+:", href)
    ]
    assert local and [h for h in local if h.endswith("/") or h in {".", ".."}] == []
    # The search index is inlined as a script (file:// fetches nothing) and
    # holds the brief's text under the flat page's address.
    script = (bundle / "search" / "search_index.js").read_text("utf-8")
    index = json.loads(script[script.index("{") : script.rindex("}") + 1])
    pages = {doc["location"].split("#")[0] for doc in index["docs"]}
    assert f"briefs/{SLUG}/text.html" in pages
    assert any("Bushehr" in doc["text"] for doc in index["docs"])


def test_navigation_works_from_file(bundle: Path, page: Page, requests: Requests) -> None:
    page.goto((bundle / "index.html").as_uri())
    page.locator(f"article a[href$='briefs/{SLUG}/index.html']").first.click()
    expect(page).to_have_url((bundle / "briefs" / SLUG / "index.html").as_uri())
    page.locator("a[href='text.html']").first.click()
    expect(page).to_have_url((bundle / "briefs" / SLUG / "text.html").as_uri())
    expect(page.locator("#p3")).to_be_visible()
    page.locator("a[href$='bibliography.html']").first.click()
    expect(page.locator("article h1")).to_contain_text("Bibliography")
    assert requests.schemes() == {"file"}, requests.urls


def test_search_works_from_file(bundle: Path, page: Page, requests: Requests) -> None:
    page.goto((bundle / "index.html").as_uri())
    box = page.locator("input.md-search__input")
    box.click()
    box.press_sequentially("Bushehr")
    result = page.locator("a.md-search-result__link[href*='h=bushehr']")
    expect(result.first).to_be_visible()
    hrefs: list[str] = result.evaluate_all("links => links.map(a => a.href)")
    assert any(h.startswith((bundle / "briefs" / SLUG / "text.html").as_uri()) for h in hrefs)
    assert requests.schemes() == {"file"}, requests.urls


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("Rosoboronexport", f"briefs/{SLUG}/text.html"),
        ("Lavrov's", f"briefs/{SLUG}/text.html"),
        ("Коммерсант", "outlets/kommersant.html"),
    ],
)
def test_bundle_search_forgives(
    bundle: Path, page: Page, requests: Requests, words: str, expected: str
) -> None:
    page.goto((bundle / "index.html").as_uri())
    box = page.locator("input.md-search__input")
    box.click()
    # Typed before the index is loaded, a query is not searched: wait for it.
    expect(page.locator(".md-search-result__meta")).to_have_text("Type to start searching")
    box.press_sequentially(words)
    box.press("End")  # Material searches on keyup; Cyrillic is typed without key events
    result = page.locator("a.md-search-result__link")
    expect(result.first).to_be_visible()
    hrefs: list[str] = result.evaluate_all("links => links.map(a => a.href)")
    assert any(h.startswith((bundle / expected).as_uri()) for h in hrefs), hrefs
    assert requests.schemes() == {"file"}, requests.urls


def test_bundle_served_over_http_searches_with_pagefind(
    bundle: Path, page: Page, requests: Requests
) -> None:
    with served(bundle) as url:
        page.goto(url + "index.html")
        box = page.locator("input.md-search__input")
        box.click()
        box.press_sequentially("Bushehr")
        link = page.locator(f"a.md-search-result__link[href*='/briefs/{SLUG}/text.html']")
        expect(link.first).to_be_visible()
    assert any("/pagefind/" in u for u in requests.urls)
    assert not any("search_index" in u for u in requests.urls), requests.urls
    assert requests.hosts() == {"127.0.0.1"}, requests.urls


def test_a_large_bundle_says_how_to_search_it_fast(
    tmp_path_factory: pytest.TempPathFactory, page: Page
) -> None:
    # One brief counts as large when the limit is 0: the note shows from disk only.
    project = copy_project(tmp_path_factory.mktemp("large") / "project")
    config = project / "mkdocs.yml"
    text = config.read_text("utf-8").replace("disk_search_briefs: 150", "disk_search_briefs: 0")
    config.write_text(text, "utf-8")
    done = mkdocs_build(project, project / "site-offline", BRIEFING_OFFLINE="true")
    assert done.returncode == 0, done.stderr
    site = project / "site-offline"
    page.goto((site / "index.html").as_uri())
    banner = page.locator(".md-banner")
    expect(banner).to_contain_text("python3 -m http.server 8000")
    with served(site) as url:
        page.goto(url + "index.html")
        expect(page.locator("article h1")).to_be_visible()
        expect(page.locator(".md-banner")).to_have_count(0)


def test_a_small_bundle_says_nothing_of_it(bundle: Path, page: Page) -> None:
    page.goto((bundle / "index.html").as_uri())
    expect(page.locator("article h1")).to_be_visible()
    expect(page.locator(".md-banner")).to_have_count(0)
