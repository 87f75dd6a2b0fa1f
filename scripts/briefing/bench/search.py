"""What a reader's first search costs on a built site, measured in Chromium.

The site is served over HTTP on 127.0.0.1 (or opened from disk, for the
``file://`` bundle); the page is opened and a query typed at once, so the
time to the first result includes loading the index: Pagefind's chunks on a
served site, Material's single file in the bundle.

Times are taken in the page, from the first keystroke to the moment the
first result is in the document. Waiting for the result from outside the
page would not do: the driver looks for an element at growing intervals
(after 0, 20, 50, 100 and 100 ms, then every 500 ms), so a result shown
300 ms after typing would be seen at about 800.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote

from ..harness.browser import CHROMIUM, CHROMIUM_ARGS, served

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

RESULT = ".md-search-result__item"
"""A search result in Material's result list."""

CLOCK = (
    "(() => {\n  const RESULT = " + json.dumps(RESULT) + ";\n"
    """  const times = { typed: null, last: null, shown: null, answered: {}, failed: {} };
  window.__searchTimes = times;
  const typing = () => {
    times.typed ??= performance.now();
    times.last = performance.now();
  };
  // Letters off the keyboard's layout are typed without key events: input too.
  addEventListener("keydown", typing, true);
  addEventListener("input", typing, true);
  new MutationObserver(() => {
    if (times.typed !== null && times.shown === null && document.querySelector(RESULT)) {
      times.shown = performance.now();
    }
    const form = document.forms.namedItem("pagefind");
    const query = form?.dataset.query;
    const seen = form?.hasAttribute("data-failed") ? times.failed : times.answered;
    if (query && !(query in seen)) seen[query] = performance.now();
  }).observe(document, { childList: true, subtree: true, attributeFilter: ["data-query"] });
})();"""
)
"""Records, in the page, when the first and the last key are pressed, when the
first result is added to the document after them and, on the served site,
when the search field has shown the results of each query it has run (its
form's ``data-query``), or said that it failed (``data-failed``):
``window.__searchTimes``."""

READER_KEY_MS = 150
"""A reader's pace: one key every 150 ms (80 words a minute, a fast typist)."""


def first_search(
    site: Path,
    query: str,
    timeout_s: float = 60,
    from_disk: bool = False,
    browser: Browser | None = None,
) -> dict[str, Any]:
    """Milliseconds from typing ``query`` to the first result, and bytes loaded.

    ``search_first_result_ms`` is typed at once as the page opens, the time
    from the first key; ``search_again_ms`` the same query again in that
    page. ``bytes_loaded`` counts the search's own files (index, engine,
    known names), ``page_bytes_loaded`` the page it is typed in (HTML,
    theme, scripts). On a served site, ``search_reader_ms`` is the time from
    the last key to the results of the whole query when it is typed at a
    reader's pace in a loaded page with nothing cached, each pause between
    keys letting the field search what it holds so far; ``reader_bytes_loaded``
    the search files all those queries loaded. ``from_disk`` opens the site's
    pages from ``file://`` instead of serving it. Without a ``browser``,
    Chromium is started for it.
    """
    if browser is None:
        from playwright.sync_api import sync_playwright

        with sync_playwright() as playwright:
            started = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            try:
                return first_search(site, query, timeout_s, from_disk, started)
            finally:
                started.close()
    fetched: list[str] = []
    read: list[str] = []
    with _opened(site, from_disk) as base:
        page = browser.new_page()
        try:
            page.on("request", lambda request: fetched.append(request.url))
            page.add_init_script(CLOCK)
            page.goto(base + ("index.html" if from_disk else ""), wait_until="domcontentloaded")
            page.locator(FIELD).first.click()
            first_ms = _typed(page, query, timeout_s)
            page.fill(".md-search__input", "")
            page.keyboard.press("End")  # Material reads the field on a key event
            page.wait_for_selector(RESULT, state="detached", timeout=timeout_s * 1000)
            page.evaluate("window.__searchTimes.typed = window.__searchTimes.shown = null")
            again_ms = _typed(page, query, timeout_s)
        finally:
            page.close()
        reader_ms = None if from_disk else _at_reader_pace(browser, base, query, read, timeout_s)
    searched, on_page = _loaded(site, base, fetched)
    figures = {
        "search_first_result_ms": round(first_ms),
        "search_again_ms": round(again_ms),
        "bytes_loaded": searched,
        "page_bytes_loaded": on_page,
        "search_index_bytes": index_bytes(site, material=from_disk),
    }
    if reader_ms is not None:
        figures["search_reader_ms"] = round(reader_ms)
        figures["reader_bytes_loaded"] = _loaded(site, base, read)[0]
    return figures


FIELD = "label.md-search__icon, .md-search__input"
"""What a reader clicks to search: the header's icon (phone) or field."""


def _at_reader_pace(
    browser: Browser, base: str, query: str, fetched: list[str], timeout_s: float
) -> float:
    """Milliseconds from the last key of ``query``, typed at :data:`READER_KEY_MS`
    a key in a loaded page with an empty cache, to the field's results for it."""
    context = browser.new_context()
    try:
        page = context.new_page()
        page.add_init_script(CLOCK)
        page.goto(base, wait_until="load")
        page.on("request", lambda request: fetched.append(request.url))
        page.locator(FIELD).first.click()
        page.keyboard.type(query, delay=READER_KEY_MS)
        wanted = as_the_field_reads(query)
        page.wait_for_function(
            "q => q in window.__searchTimes.answered || q in window.__searchTimes.failed",
            arg=wanted,
            timeout=timeout_s * 1000,
        )
        times = page.evaluate("window.__searchTimes")
        if wanted not in times["answered"]:
            raise RuntimeError(f"the search field could not search for {query!r}")
        return float(times["answered"][wanted] - times["last"])
    finally:
        context.close()


QUOTES = str.maketrans(
    dict.fromkeys("\u2018\u2019\u02bc`", "'") | dict.fromkeys("\u201c\u201d", '"')
)
"""The apostrophes and quotes the search field reads as straight ones."""


def as_the_field_reads(query: str) -> str:
    """``query`` as the search field searches it (docs/assets/search.js, ``normalise``)."""
    return query.translate(QUOTES).strip()


def _loaded(site: Path, base: str, fetched: list[str]) -> tuple[int, int]:
    """Bytes of the fetched files: the search's own, and the rest."""
    files = {_local(site, base, url) for url in fetched}
    sizes = {p: p.stat().st_size for p in files if p is not None and p.is_file()}
    searched = sum(size for p, size in sizes.items() if _is_search(p.relative_to(site)))
    return searched, sum(sizes.values()) - searched


def _typed(page: Page, query: str, timeout_s: float) -> float:
    """Milliseconds, by the page's clock, from typing ``query`` to its first result."""
    page.keyboard.type(query)
    page.wait_for_selector(RESULT, timeout=timeout_s * 1000)
    times = page.evaluate("window.__searchTimes")
    return float(times["shown"] - times["typed"])


SEARCH_FILES = (
    "pagefind/",
    "search/",
    "assets/javascripts/workers/search.",
    "assets/javascripts/lunr/",
)
"""Where the files of the search engines are: Pagefind's bundle, the known names
and Material's index, Material's search worker and its language rules."""


def _is_search(path: Path) -> bool:
    """Whether a fetched file belongs to search, not to the page it is typed in."""
    return path.as_posix().startswith(SEARCH_FILES)


def index_bytes(site: Path, material: bool = False) -> int:
    """Bytes of the site's search index: Pagefind's folder, or Material's one file
    (where there is no Pagefind, or with ``material``: the file:// bundle's search)."""
    pagefind = site / "pagefind"
    if pagefind.is_dir() and not material:
        return sum(p.stat().st_size for p in pagefind.rglob("*") if p.is_file())
    return (site / "search" / "search_index.json").stat().st_size


@contextmanager
def _opened(site: Path, from_disk: bool) -> Iterator[str]:
    if from_disk:
        yield site.resolve().as_uri() + "/"
    else:
        with served(site) as base:
            yield base


def _local(site: Path, base: str, url: str) -> Path | None:
    if not url.startswith(base):
        return None
    path = unquote(url[len(base) :].partition("?")[0].partition("#")[0])
    target = site / path
    return target / "index.html" if target.is_dir() else target


def index_breakdown(site: Path) -> dict[str, int]:
    """Bytes of Material's search index per kind of page (the file:// bundle's search)."""
    if not (site / "search" / "search_index.json").is_file():
        return {}
    index = json.loads((site / "search" / "search_index.json").read_text("utf-8"))
    shares: dict[str, int] = {}
    for doc in index["docs"]:
        kind = _page_kind(doc["location"].partition("#")[0])
        shares[kind] = shares.get(kind, 0) + len(json.dumps(doc, ensure_ascii=False).encode())
    return dict(sorted(shares.items(), key=lambda item: -item[1]))


def _page_kind(location: str) -> str:
    if location.startswith("briefs/"):
        return "brief texts" if location.rstrip("/").endswith("/text") else "brief overviews"
    return location.strip("/") or "home"
