"""``briefing import`` of a folder of saved article pages: pages per second, and again.

The pages are made here from the benchmark's generated articles, in the
shape of the publisher's article template (a title, the "Publication:"
line, an image caption, the paragraphs). The folder is imported into an
empty seeds folder, then imported again: the second import finds every
seed as the page gives it and writes nothing.
"""

from __future__ import annotations

import html
import os
import shutil
import sys
import time
from pathlib import Path
from typing import Any

from ..citations.registry import load_registry
from ..harness.project import copy_project
from .corpus import write_corpus
from .measure import timed

DEFAULT_PAGES = "1000"
"""Pages imported unless ``BENCH_IMPORT`` names another count (``0``: none)."""

ADDRESS = "https://example.org/made-here/{}/"
"""Each generated page's canonical address (made here)."""


def import_pages() -> int:
    """The number of pages of ``BENCH_IMPORT``."""
    return max(0, int(os.environ.get("BENCH_IMPORT", DEFAULT_PAGES) or 0))


def article_page(seed_text: str, name: str) -> str:
    """A generated seed as a saved article page (made here)."""
    title, publication, credit, *paragraphs = seed_text.strip("\n").split("\n\n")
    body = "\n".join(f"<p>{html.escape(p, quote=False)}</p>" for p in paragraphs)
    url = ADDRESS.format(name)
    return f"""<!DOCTYPE html>
<html lang="en-US"><head><meta charset="UTF-8">
<title>{html.escape(title)}</title>
<link rel="canonical" href="{url}">
<meta property="og:type" content="article">
<meta property="og:title" content="{html.escape(title)}">
</head>
<body><main><article>
<header><h1 class="entry-title">{html.escape(title)}</h1></header>
<div class="entry-content">
<p><strong>{html.escape(publication, quote=False)}</strong></p>
<figure><img src="made-here.jpg" alt=""><figcaption>{html.escape(credit)}</figcaption></figure>
{body}
</div>
</article></main></body></html>
"""


def measure_import(
    pages: int, source: Path, work: Path, seed: int, env: dict[str, str]
) -> dict[str, Any]:
    """Seconds of a first ``briefing import`` of ``pages`` saved pages, and of a second."""
    shutil.rmtree(work, ignore_errors=True)
    project = copy_project(source, work / "project", seeds=())
    folder = work / "pages"
    folder.mkdir(parents=True)
    for path in write_corpus(pages, work / "generated", seed, load_registry()):
        text = article_page(path.read_text("utf-8"), path.stem)
        (folder / f"{path.stem}.html").write_text(text, encoding="utf-8")
    command = [sys.executable, "-m", "briefing.cli", "import", str(folder), "--root", str(project)]
    first = timed(command, project, env, work / "import.log")
    imported = len(list((project / "seeds").glob("*.txt")))
    again = timed(command, project, env, work / "import-again.log")
    return {
        "pages": pages,
        "seeds": imported,
        "import_s": round(first.seconds, 1),
        "pages_per_s": round(pages / first.seconds, 1),
        "again_s": round(again.seconds, 1),
        "peak_rss_mb": round(max(first.peak_rss_mb, again.peak_rss_mb), 1),
        "measured": time.strftime("%Y-%m-%d", time.gmtime()),
    }


def import_table(figures: dict[str, Any]) -> str:
    """The import's figures as a one-row Markdown table."""
    return "\n".join(
        [
            "| pages | seeds | import s | pages/s | again s | peak RSS MB |",
            "|---:" * 6 + "|",
            f"| {figures['pages']} | {figures['seeds']} | {figures['import_s']} "
            f"| {figures['pages_per_s']} | {figures['again_s']} | {figures['peak_rss_mb']} |",
        ]
    )
