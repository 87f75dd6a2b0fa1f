"""A brief as the pages see it: an article with its key, bottom line and topics,
and the order briefs are listed in."""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Article, Citation


@dataclass(frozen=True)
class Brief:
    """An article with what its pages need: keys, bottom line, counts."""

    article: Article
    key: str
    bottom_line: str
    bottom_line_automatic: bool
    topics: tuple[str, ...] = ()
    """Material tags of the overview: lexicon topics, then sidecar tags."""
    other_names: tuple[str, ...] = ()
    """Names of what the brief mentions that its text does not use, for search."""

    @property
    def outlet_count(self) -> int:
        return len({outlet_key(c) for c in self.article.citations})


def outlet_key(citation: Citation) -> str:
    return citation.outlet.id if citation.outlet else citation.outlet_text.casefold()


def newest_first(brief: Brief) -> tuple[int, int, int, str, str]:
    """Sort key: newest first (by the stated date, else where the issue number places
    it, else the year; then volume and issue), then title."""
    article = brief.article
    when = article.placed_on if article.year is not None or article.date else None
    return (
        -(when.toordinal() if when else 0),
        -(article.volume or 0),
        -(article.issue or 0),
        article.title.casefold(),
        article.slug,
    )
