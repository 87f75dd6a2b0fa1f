"""Search on an archive of generated briefs and the seed (``archive_site``), as a
reader uses it: briefs before lists, nothing offered when nothing matches, a
misspelling corrected, and a brief's several matching paragraphs each linked under
its one result."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from briefing.harness.browser import served
from tests.browser.test_search import TEXT, results

pytestmark = [pytest.mark.browser, pytest.mark.site]

LISTS = ("/people/", "/outlets/", "/tags/", "/glossary/", "/timeline/", "/archive/")
"""Where the site's index pages live: a brief's own pages are under /briefs/."""


@pytest.fixture(scope="module")
def site(archive_site: Path) -> Iterator[str]:
    with served(archive_site) as url:
        yield url


def test_a_word_in_no_brief_finds_nothing_and_says_so(site: str, page: Page) -> None:
    page.goto(site)
    meta, found = results(page, "Zzzqxy")
    assert found == [] and "nothing matches “Zzzqxy”" in meta


def test_a_word_of_one_brief_finds_its_text_before_any_list(site: str, page: Page) -> None:
    page.goto(site)
    _, found = results(page, "Bushehr")  # the seed's alone: the generated text never has it
    paths = [path for path, _ in found]
    assert paths[0] == TEXT, paths


def test_a_misspelt_name_is_searched_as_the_name(site: str, page: Page) -> None:
    page.goto(site)
    meta, found = results(page, "Ahmadinejhad")
    assert "Ahmadinejad" in meta and found


def test_a_word_in_many_briefs_lists_briefs_first_with_their_paragraphs(
    site: str, page: Page
) -> None:
    page.goto(site)
    _, found = results(page, "pipeline")
    paths = [path for path, _ in found]
    assert len(paths) == 10 and all(p.startswith("/briefs/") for p in paths), paths
    assert not any(p.startswith(LISTS) for p in paths)
    grouped = page.locator("li.md-search-result__item:has(.brief-search-paras)")
    expect(grouped.first).to_be_visible()
    link = grouped.first.locator(".brief-search-paras a").last
    anchor = link.get_attribute("href").rsplit("#", 1)[1]
    link.click()
    paragraph = page.locator(f"#{anchor}")
    expect(paragraph).to_be_in_viewport()
    assert "pipeline" in paragraph.inner_text().lower()
