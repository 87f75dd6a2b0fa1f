"""An imported article → the seed's text, its sidecar's values and its name.

The seed keeps the layout typed by hand: the title line, the
``Publication:`` line, the image credit, then one paragraph per block. The
sidecar holds what the page states and the text cannot: author, date,
address, tags and headings; the slug when the address's differs from the
title's.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from ..sidecar import URL
from ..slug import slugify
from .article import Imported

PAGE_EXTENSIONS = (".html", ".htm", ".php", ".aspx", ".shtml")
"""Endings dropped from an address's last segment before it becomes a slug."""


def seed_name(article: Imported) -> str:
    """The seed's file name without ``.txt``: the address's last segment, else the title."""
    return _address_slug(article.url) or slugify(article.title)


def _address_slug(url: str | None) -> str | None:
    if not url:
        return None
    segment = urlsplit(url).path.rstrip("/").rsplit("/", 1)[-1]
    for extension in PAGE_EXTENSIONS:
        segment = segment.removesuffix(extension)
    return slugify(segment) if segment.strip("-_.") else None


def seed_text(article: Imported) -> str:
    """The seed file's text: blocks separated by blank lines, ending with a newline."""
    header = [line for line in (article.publication_line, article.image_credit) if line]
    return "\n\n".join([article.title, *header, *article.paragraphs]) + "\n"


def sidecar_values(article: Imported) -> dict[str, Any]:
    """The sidecar keys the page states, in the order they are written."""
    values: dict[str, Any] = {}
    if article.authors:
        names = article.authors
        values["author"] = names[0] if len(names) == 1 else list(names)
    if article.date:
        values["date"] = article.date
    if article.url and URL.match(article.url):
        values["url"] = article.url
    if article.tags:
        values["tags"] = list(article.tags)
    if article.sections:
        values["sections"] = [
            {"heading": s.heading, "paragraph": s.paragraph} for s in article.sections
        ]
    name = seed_name(article)
    if name != slugify(article.title):
        values["slug"] = name
    return values
