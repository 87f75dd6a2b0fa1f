"""Search over http as a reader uses it: Pagefind from the header's field, forgiving.

The site is built as `make site` builds it and served by a plain static
server, as when published; `test_served.py` searches under `mkdocs serve`.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Dialog, Page, expect

from briefing.bench.search import as_the_field_reads, first_search
from briefing.harness.browser import served
from tests.browser.support import SLUG, Requests
from tests.conftest import ROOT, copy_project, mkdocs_build

pytestmark = pytest.mark.browser

TEXT = f"/briefs/{SLUG}/text/"
HOSTILE = ROOT / "tests" / "hostile" / "html-in-text.txt"


def build(root: Path, seeds: list[Path] | None = None) -> Path:
    project = copy_project(root / "project", seeds)
    done = mkdocs_build(project, project / "site")
    assert done.returncode == 0, done.stderr
    return project / "site"


@pytest.fixture(scope="module")
def built(seed_site: Path) -> Path:
    return seed_site


@pytest.fixture(scope="module")
def site(built: Path) -> Iterator[str]:
    with served(built) as url:
        yield url


def results(page: Page, words: str) -> tuple[str, list[tuple[str, str]]]:
    """Type ``words`` into the header's field: the result count line, and (path, title) of each.

    The results are read once the field has answered ``words`` as the benchmark
    expects it to read them (:func:`~briefing.bench.search.as_the_field_reads`).
    """
    box = page.locator("form[name='pagefind'] input")
    box.click()
    box.press_sequentially(words)
    page.wait_for_function(
        "words => document.forms.namedItem('pagefind').dataset.query === words",
        arg=as_the_field_reads(words),
    )
    found: list[list[str]] = page.eval_on_selector_all(
        "a.md-search-result__link",
        "links => links.map(a => [new URL(a.href).pathname, a.querySelector('h1').textContent])",
    )
    meta = page.locator("[data-briefing-search='meta']").inner_text()
    return meta, [(path, title) for path, title in found]


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("Rosoboronexport", TEXT),  # the text spells it Rosoboroneksport
        ("Ahmadinejhad", TEXT),  # a misspelling of Ahmadinejad
        ("Lavrov's", TEXT),  # the text has a typographic apostrophe: Lavrov’s
        ("Lavrov’s", TEXT),  # typed so, without a key event: searched as a straight one
        ("Коммерсант", "/outlets/kommersant/"),  # the outlet in its own script
    ],
)
def test_search_forgives(
    site: str, page: Page, requests: Requests, words: str, expected: str
) -> None:
    page.goto(site)
    _, found = results(page, words)
    assert expected in {path for path, _ in found}
    titles = [title for _, title in found]
    assert len(set(titles)) == len(titles), titles
    assert requests.hosts() == {"127.0.0.1"}, requests.urls


def test_a_misspelling_says_what_was_searched(site: str, page: Page) -> None:
    page.goto(site)
    meta, _ = results(page, "Ahmadinejhad")
    assert "Ahmadinejad" in meta


@pytest.mark.parametrize("words", ["Xqzvwtrk", "Bushehr Xqzvwtrk"])
def test_words_that_match_nothing_say_so_and_list_nothing(
    site: str, page: Page, words: str
) -> None:
    # Pagefind would answer with pages sharing a word's first letters ("A…"): noise.
    page.goto(site)
    meta, found = results(page, words)
    assert found == []
    assert f"nothing matches “{words}”" in meta


@pytest.mark.parametrize("words", ["Salehi", "Lavrov", "Bushehr"])
def test_a_briefs_text_outranks_the_lists_that_name_the_same_words(
    site: str, page: Page, words: str
) -> None:
    page.goto(site)
    _, found = results(page, words)
    paths = [path for path, _ in found]
    assert TEXT in paths, paths
    lists = [p for p in ("/people/", "/outlets/", "/tags/", "/glossary/") if p in paths]
    assert all(paths.index(TEXT) < paths.index(p) for p in lists), paths


def test_result_links_to_the_paragraph_and_names_the_page(site: str, page: Page) -> None:
    page.goto(site)
    _, found = results(page, "Bushehr")
    assert (TEXT, "A New Rapprochement Between Moscow and Tehran — Annotated text") in found
    link = page.locator(f"a.md-search-result__link[href$='{TEXT}#p3']")
    expect(link).to_have_count(1)
    snippet = link.locator("p").inner_text()
    assert "Bushehr" in snippet and "[^" not in snippet
    link.click()
    expect(page.locator("#p3")).to_be_in_viewport()


def test_search_loads_from_here_only_and_not_the_whole_index(
    site: str, page: Page, requests: Requests
) -> None:
    page.goto(site)
    expect(page.locator(".md-banner")).to_have_count(0)  # no note on searching from disk
    results(page, "sanctions")
    assert requests.hosts() == {"127.0.0.1"}, requests.urls
    assert any("/pagefind/" in url for url in requests.urls)
    assert not any("search_index" in url for url in requests.urls)
    # The briefs' part of the index is merged into the site's: its chunks load too.
    assert any("/pagefind/parts/briefs-0/index/" in url for url in requests.urls)


def test_search_shows_hostile_text_as_text(
    tmp_path_factory: pytest.TempPathFactory, page: Page
) -> None:
    dialogs: list[str] = []

    def opened(dialog: Dialog) -> None:
        dialogs.append(dialog.message)
        dialog.dismiss()

    # The shared tab, its listener removed after the test: a context of its own
    # would cost more than the page.
    page.on("dialog", opened)
    try:
        with served(build(tmp_path_factory.mktemp("hostile"), [HOSTILE])) as url:
            page.goto(url)
            _, found = results(page, "paragraph")
            assert found
            expect(
                page.locator(".md-search-result__list script, .md-search-result__list img")
            ).to_have_count(0)
            assert any("<script>" in title for _, title in found), found
    finally:
        page.remove_listener("dialog", opened)
    assert dialogs == []


def test_footnotes_are_not_indexed(site: str, page: Page) -> None:
    # On the annotated text, "IRNA" is only in a footnote: the outlet's page answers.
    page.goto(site)
    _, found = results(page, "IRNA")
    paths = {path for path, _ in found}
    assert "/outlets/irna/" in paths and TEXT not in paths


ANSWERED = """() => {
  const form = document.forms.namedItem("pagefind");
  window.__answered = [];
  new MutationObserver(() => window.__answered.push(form.dataset.query))
    .observe(form, { attributeFilter: ["data-query"] });
}"""
"""Lists, in the page, each query whose results the field has shown."""


def test_a_name_typed_at_a_readers_pace_is_not_searched_by_its_first_letters(
    site: str, page: Page
) -> None:
    # "B" and "Bu" match most of an archive: the field waits longer on them,
    # so a reader typing on is never kept waiting behind their searches.
    page.goto(site)
    page.evaluate(ANSWERED)
    page.locator("form[name='pagefind'] input").click()
    # Keys 100 ms apart: a query runs 80 ms after a key, or 350 ms on a word
    # under three letters; only "Bus" and what follows may run.
    page.keyboard.type("Bushehr", delay=100)
    page.wait_for_function("() => window.__answered.at(-1) === 'Bushehr'")
    answered: list[str] = page.evaluate("window.__answered")
    assert all(len(query) >= 3 for query in answered), answered


def test_a_two_letter_word_is_searched_once_the_reader_pauses(site: str, page: Page) -> None:
    page.goto(site)
    meta, found = results(page, "UN")
    assert TEXT in {path for path, _ in found}, (meta, found)


def search_without(page: Page, site: str, lost: str) -> tuple[str, list[tuple[str, str]]]:
    """Search for "IRNA" on a page whose requests for ``lost`` fail."""
    page.context.route(lost, lambda route: route.abort())
    page.goto(site)
    return results(page, "IRNA")


@pytest.mark.parametrize(
    "lost",
    [
        "**/pagefind/parts.json",
        "**/pagefind/parts/*/pagefind-entry.json*",
        "**/pagefind/parts/*/pagefind.*.pf_meta",
    ],
    ids=["list of parts", "a merged part", "a merged part's metadata"],
)
def test_a_part_that_cannot_be_loaded_leaves_the_rest_searchable(
    site: str, page: Page, lost: str
) -> None:
    # The outlets' pages are in the engine's part, the briefs' texts in another.
    meta, found = search_without(page, site, lost)
    assert "/outlets/irna/" in {path for path, _ in found}
    assert "some results may be missing" in meta


def assert_searches_whole_again(page: Page) -> None:
    """The next query finds the seed's text (in the briefs' part) with no note of a part missing."""
    page.locator("form[name='pagefind'] input").fill("")
    meta, found = results(page, "Bushehr")
    assert TEXT in {path for path, _ in found} and "missing" not in meta, meta


RETRY_MS = 5000
"""How long the search field waits before it tries a part that failed again."""

LATER = """ms => {
  const now = performance.now.bind(performance);
  performance.now = () => now() + ms;
}"""
"""Moves the page's clock on by ``ms``, as if the reader had waited that long: the
field reads it to tell when to try again. Gone with the page."""


def test_a_part_that_failed_is_tried_again_by_a_later_query(site: str, page: Page) -> None:
    lost = "**/pagefind/parts.json"
    meta, _ = search_without(page, site, lost)
    assert "some results may be missing" in meta
    page.context.unroute(lost)  # the server is back
    page.evaluate(LATER, RETRY_MS + 1)
    assert_searches_whole_again(page)


@pytest.mark.parametrize(
    "lost",
    ["**/pagefind/pagefind-entry.json*", "**/fragment/*"],
    ids=["the engine", "the results' fragments"],
)
def test_a_search_that_cannot_load_what_it_needs_says_so_and_tries_again(
    site: str, page: Page, lost: str
) -> None:
    meta, found = search_without(page, site, lost)
    assert found == [] and meta.startswith("Search is not available")
    page.context.unroute(lost)
    assert_searches_whole_again(page)


@pytest.fixture(scope="module")
def benchmarked(built: Path, browser: Browser) -> dict[str, Any]:
    """The benchmark's figures for one query, for the tests of what it times and counts."""
    # Letters off the keyboard's layout come without key events: the clock must
    # start on input too. (The benchmark waits for its query as the field reads
    # it: test_search_forgives types a typographic apostrophe the same way.)
    return first_search(built, "Коммерсант", browser=browser)


def test_the_benchmark_times_a_query_typed_off_the_keyboard(benchmarked: dict[str, Any]) -> None:
    assert benchmarked["search_first_result_ms"] > 0 and benchmarked["search_reader_ms"] > 0


def test_the_benchmark_counts_the_search_apart_from_its_page(
    built: Path, benchmarked: dict[str, Any]
) -> None:
    figures = benchmarked

    def size(pattern: str) -> int:
        return sum(p.stat().st_size for p in built.glob(pattern))

    engine = size("pagefind/pagefind.js") + size("pagefind/wasm.en.pagefind")
    page = size("index.html") + size("assets/stylesheets/main.*.css")
    page += size("assets/javascripts/bundle.*.js")
    assert figures["bytes_loaded"] > engine
    assert figures["page_bytes_loaded"] > page  # none of the page's counted as search
    assert figures["search_first_result_ms"] > 0
    # Typed at a reader's pace, each query's chunks are loaded, and counted, too.
    assert figures["reader_bytes_loaded"] > engine
    assert figures["search_reader_ms"] > 0


def test_a_brief_matching_in_several_paragraphs_links_each_under_one_result(
    site: str, page: Page
) -> None:
    page.goto(site)
    _, found = results(page, "Lavrov")
    assert [path for path, _ in found].count(TEXT) == 1  # one result for the page
    result = page.locator("li.md-search-result__item", has=page.locator(f"a[href*='{TEXT}#']"))
    links = result.locator(".brief-search-paras a")
    anchors = [h.rsplit("#", 1)[1] for h in links.evaluate_all("as => as.map(a => a.href)")]
    links.last.click()
    expect(page.locator(f"#{anchors[-1]}")).to_be_in_viewport()
    # Every numbered paragraph of the text that names him, in order: as the page has them.
    naming = page.eval_on_selector_all(
        "[id^='p']",
        "ps => ps.filter(p => /^p\\d+$/.test(p.id) && p.textContent.includes('Lavrov'))"
        ".map(p => p.id)",
    )
    assert len(naming) >= 2 and anchors == naming
