"""How a brief is cited: its canonical address and a one-line reference.

Both appear on the printed annotated text, so a memo made from it says
where it came from. The address is built from mkdocs.yml's ``site_url``
with directory URLs, as the published site serves pages.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Article
from . import words


@dataclass(frozen=True)
class PrintMeta:
    """What the print-only block of a text page shows."""

    url: str
    citation: str


def text_url(site_url: str, slug: str) -> str:
    """The published address of a brief's annotated text."""
    return f"{site_url.rstrip('/')}/briefs/{slug}/text/"


def citation_line(article: Article, url: str) -> str:
    """``Author, “Title,” Publication, vol. 8, no. 212 (date), URL.``"""
    when = words.long_date(article.date) if article.date else article.year
    title = f"“{article.title},” {words.issue_line(article)}"
    line = f"{article.author}, {title}" if article.author else title
    if when is not None:
        line = f"{line} ({when})"
    return f"{line}, {url}."


def print_meta(article: Article, site_url: str | None) -> PrintMeta | None:
    """The canonical address and citation line, or None without a site URL."""
    if not site_url:
        return None
    url = text_url(site_url, article.slug)
    return PrintMeta(url=url, citation=citation_line(article, url))
