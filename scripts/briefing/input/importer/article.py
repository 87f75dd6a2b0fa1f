"""What an imported page or feed entry gives: an article, or why it gave none."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ...model import Section


@dataclass(frozen=True)
class Imported:
    """An article as its page states it; None or empty where the page is silent."""

    origin: str
    """The file it came from, and the feed entry: ``feed.xml: entry 2``."""
    title: str
    paragraphs: tuple[str, ...]
    publication_line: str | None = None
    image_credit: str | None = None
    sections: tuple[Section, ...] = ()
    url: str | None = None
    authors: tuple[str, ...] = ()
    date: dt.date | None = None
    tags: tuple[str, ...] = ()
    page_digest: str | None = None
    """SHA-256 of the saved page's bytes, when the article is a whole page file."""


@dataclass(frozen=True)
class Skipped:
    """A file or feed entry that gave no article, and why (one line)."""

    origin: str
    reason: str


@dataclass(frozen=True)
class Seen:
    """A saved page whose bytes an earlier import made into a seed that is still as it
    wrote it: not read again (:func:`~.sources.read_sources`' ``seen``)."""

    origin: str
    seed: str
    """The seed's name (its file name without ``.txt``)."""
