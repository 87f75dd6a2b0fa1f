"""What a reader's first search costs on a built site, measured in Chromium.

The site is served over HTTP on 127.0.0.1 (or opened from disk, for the
``file://`` bundle); the page is opened and a query typed at once, so the
time to the first result includes loading the index: Pagefind's chunks on a
served site, Material's single file in the bundle.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote

from ..harness.browser import CHROMIUM, CHROMIUM_ARGS, served

if TYPE_CHECKING:
    from playwright.sync_api import Browser

RESULT = ".md-search-result__item"
"""A search result in Material's result list."""


def first_search(
    site: Path,
    query: str,
    timeout_s: float = 60,
    from_disk: bool = False,
    browser: Browser | None = None,
) -> dict[str, Any]:
    """Milliseconds from typing ``query`` to the first result, and bytes loaded.

    ``bytes_loaded`` counts the search's own files (index, engine, known
    names), ``page_bytes_loaded`` the page it is typed in (HTML, theme,
    scripts). ``from_disk`` opens the site's pages from ``file://`` instead
    of serving it. Without a ``browser``, Chromium is started for it.
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
    with _opened(site, from_disk) as base:
        page = browser.new_page()
        try:
            page.on("request", lambda request: fetched.append(request.url))
            page.goto(base + ("index.html" if from_disk else ""), wait_until="domcontentloaded")
            page.locator("label.md-search__icon, .md-search__input").first.click()
            start = time.perf_counter()
            page.keyboard.type(query)
            page.wait_for_selector(RESULT, timeout=timeout_s * 1000)
            first_ms = (time.perf_counter() - start) * 1000
            page.fill(".md-search__input", "")
            page.keyboard.press("End")  # Material reads the field on a key event
            page.wait_for_selector(RESULT, state="detached", timeout=timeout_s * 1000)
            start = time.perf_counter()
            page.keyboard.type(query)
            page.wait_for_selector(RESULT, timeout=timeout_s * 1000)
            again_ms = (time.perf_counter() - start) * 1000
        finally:
            page.close()
    files = {_local(site, base, url) for url in fetched}
    sizes = {p: p.stat().st_size for p in files if p is not None and p.is_file()}
    searched = sum(size for p, size in sizes.items() if _is_search(p.relative_to(site)))
    return {
        "search_first_result_ms": round(first_ms),
        "search_again_ms": round(again_ms),
        "bytes_loaded": searched,
        "page_bytes_loaded": sum(sizes.values()) - searched,
        "search_index_bytes": index_bytes(site, material=from_disk),
    }


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
