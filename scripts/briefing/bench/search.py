"""What a reader's first search costs on a built site, measured in Chromium.

The site is served over HTTP on 127.0.0.1; the page is opened and a query
typed at once, so the time to the first result includes fetching and
indexing ``search_index.json``, as it does for a reader arriving at the site.
"""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from ..harness.browser import CHROMIUM, CHROMIUM_ARGS, served

RESULT = ".md-search-result__item"
"""A search result in Material's result list."""


def first_search(site: Path, query: str, timeout_s: float = 60) -> dict[str, Any]:
    """Milliseconds from typing ``query`` to the first result, and bytes loaded."""
    from playwright.sync_api import sync_playwright

    fetched: list[str] = []
    with served(site) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page()
            page.on("request", lambda request: fetched.append(request.url))
            page.goto(base, wait_until="domcontentloaded")
            page.locator("label.md-search__icon, .md-search__input").first.click()
            start = time.perf_counter()
            page.keyboard.type(query)
            page.wait_for_selector(RESULT, timeout=timeout_s * 1000)
            first_ms = (time.perf_counter() - start) * 1000
            page.fill(".md-search__input", "")
            page.wait_for_selector(RESULT, state="detached", timeout=timeout_s * 1000)
            start = time.perf_counter()
            page.keyboard.type(query)
            page.wait_for_selector(RESULT, timeout=timeout_s * 1000)
            again_ms = (time.perf_counter() - start) * 1000
        finally:
            browser.close()
    files = {_local(site, base, url) for url in fetched}
    sizes = [p.stat().st_size for p in files if p is not None and p.is_file()]
    return {
        "search_first_result_ms": round(first_ms),
        "search_again_ms": round(again_ms),
        "bytes_loaded": sum(sizes),
        "search_index_bytes": (site / "search" / "search_index.json").stat().st_size,
    }


def _local(site: Path, base: str, url: str) -> Path | None:
    if not url.startswith(base):
        return None
    path = unquote(urlsplit(url).path).lstrip("/")
    target = site / path
    return target / "index.html" if target.is_dir() else target


def index_breakdown(site: Path) -> dict[str, int]:
    """Bytes of the search index per kind of page: brief texts, overviews, the rest by name."""
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
