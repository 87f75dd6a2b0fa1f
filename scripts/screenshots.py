"""Screenshots of the site for the README: home, a brief, its annotated text, search.

Usage: python scripts/screenshots.py [OUTPUT_DIR] [--search WORD]
(default: screenshots/; the search is for the longest word of the brief's title)

Builds the site with `mkdocs build` into a temporary folder, serves it on a
free local port, and photographs it with Debian's Chromium. Nothing is
fetched from the network.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import Page, sync_playwright

from briefing.harness.browser import CHROMIUM, CHROMIUM_ARGS, served

ROOT = Path(__file__).resolve().parent.parent
VIEWPORT = {"width": 1280, "height": 800}


def build_site(out: Path) -> None:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(
        p for p in (str(ROOT / "scripts"), os.environ.get("PYTHONPATH")) if p
    )
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-d", str(out)],
        cwd=ROOT,
        env=env,
        check=True,
    )


def first_brief(site: Path) -> str:
    """The path of the first brief's overview, as the site links it."""
    briefs = sorted(p.parent.name for p in (site / "briefs").glob("*/index.html"))
    if not briefs:
        raise SystemExit("error: the site has no briefs; add a seed to seeds/")
    return f"briefs/{briefs[0]}/"


def shoot(page: Page, url: str, path: Path) -> None:
    page.goto(url)
    page.wait_for_load_state("load")
    page.wait_for_timeout(600)  # the header's title fades to the page's after a scroll
    page.screenshot(path=str(path))
    print(f"wrote {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}")


def search(page: Page, base: str, words: str, path: Path) -> None:
    page.goto(base)
    box = page.locator("input.md-search__input")
    box.click()
    box.press_sequentially(words)
    # The form carries the query its results answer, once they are shown.
    page.wait_for_function(
        "words => document.forms.namedItem('pagefind').dataset.query === words", arg=words
    )
    page.screenshot(path=str(path))
    print(f"wrote {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}")


def title_word(page: Page) -> str:
    """The longest word of the page's title: a search that finds something."""
    words = page.locator("article h1").inner_text().split()
    return max((w.strip(".,:;!?()\"'“”‘’") for w in words), key=len)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", nargs="?", type=Path, default=ROOT / "screenshots")
    parser.add_argument("--search", help="the words to search for in the search screenshot")
    args = parser.parse_args(argv)
    out: Path = args.out.resolve()
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as temporary:
        site = Path(temporary) / "site"
        build_site(site)
        brief = first_brief(site)
        with served(site) as base, sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            page = browser.new_context(viewport=VIEWPORT).new_page()
            shoot(page, base, out / "home.png")
            shoot(page, base + brief, out / "overview.png")
            shoot(page, base + brief + "text/#p3", out / "text.png")
            search(page, base, args.search or title_word(page), out / "search.png")
            browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
