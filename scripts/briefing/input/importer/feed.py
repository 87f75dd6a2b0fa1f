"""An RSS 2.0 or Atom feed → one :class:`Imported` per entry with its whole text.

feedparser reads the feed (any RSS or Atom version, its encodings and
dates); each entry's ``content:encoded`` or Atom ``content`` is extracted
like a page's body. An entry with only a summary gives no article: the
summary is not the article's text.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from email.utils import parsedate_to_datetime
from typing import Any

from lxml import html
from trafilatura import bare_extraction
from trafilatura.settings import Document

from .article import Imported, Skipped
from .page import NOT_AN_ARTICLE, from_document, name_empty_links

HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
"""Entry content types read as an article's text."""


def read_feed(parsed: Any, origin: str) -> Iterator[Imported | Skipped]:
    """The articles of a feed parsed by ``feedparser.parse``, entry by entry."""
    if not parsed.entries:
        yield Skipped(origin, "the feed has no entries")
    for number, entry in enumerate(parsed.entries, start=1):
        title = " ".join(str(entry.get("title", "")).split())
        where = f"{origin}: entry {number}" + (f" {title!r}" if title else "")
        yield _entry(entry, title, where)


def _entry(entry: Any, title: str, where: str) -> Imported | Skipped:
    contents = [c for c in entry.get("content", ()) if c.get("type") in HTML_TYPES]
    if not contents:
        return Skipped(where, "only a summary in the feed; import the article's page instead")
    document = bare_extraction(
        _page(title, contents[0].get("value", "")),
        include_links=True,
        include_images=True,
        include_comments=False,
        include_tables=False,
    )
    if not isinstance(document, Document) or document.body is None:
        return Skipped(where, NOT_AN_ARTICLE)
    document.title = title
    document.url = entry.get("link")
    document.author = "; ".join(_authors(entry))
    date = _date(entry.get("published"))
    document.date = date.isoformat() if date else None
    document.tags = [t.get("term") for t in entry.get("tags", ()) if t.get("term")]
    return from_document(document, where)


def _page(title: str, content: str) -> html.HtmlElement:
    page = html.document_fromstring("<html><head><title></title></head><body></body></html>")
    page.find("head/title").text = title
    article = html.Element("article")
    page.find("body").append(article)
    for part in html.fragments_fromstring(content or "<p></p>"):
        if isinstance(part, str):
            paragraph = html.Element("p")
            paragraph.text = part
            article.append(paragraph)
        else:
            article.append(part)
    name_empty_links(page)
    return page


def _authors(entry: Any) -> list[str]:
    names = [a.get("name") for a in entry.get("authors", ()) if a.get("name")]
    if names:
        return names
    detail = entry.get("author_detail") or {}
    return [detail["name"]] if detail.get("name") else []


def _date(text: str | None) -> dt.date | None:
    """The date as written (RFC 822 in RSS, ISO 8601 in Atom), in the writer's time zone."""
    if not text:
        return None
    try:
        return parsedate_to_datetime(text).date()
    except (TypeError, ValueError):
        pass
    try:
        return dt.datetime.fromisoformat(text).date()
    except ValueError:
        return None
