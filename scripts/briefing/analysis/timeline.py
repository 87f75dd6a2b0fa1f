"""The timeline: every dated event of a brief, in chronological order.

Two kinds of event: a cited item's date with the claim it supports, and a
date the text states (``in 2008``, ``since August``). A stated date without
a year takes the brief's year, or the year before when it would fall after
the publication date; without a known year it is left out.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterator

from ..model import Article, Paragraph
from ..words import cited_date
from .claims import citations_in, outlet_id, outlet_name, plain_text
from .records import TimelineEvent
from .sentences import sentence_spans

MONTHS = "|".join(calendar.month_name[1:])

STATED_DATE = re.compile(
    r"\b(?:[Ii]n|[Ss]ince|[Bb]y|[Uu]ntil|[Ff]rom|[Dd]uring|[Oo]f|[Oo]n|[Ii]n early|[Ii]n late)\s+"
    rf"(?:(?P<month>{MONTHS})(?:\s+(?P<day>\d{{1,2}})\b)?(?:,?\s+(?P<year>(?:19|20)\d\d)\b)?"
    r"|(?P<year_only>(?:19|20)\d\d)\b)"
)
"""A date the text states after a preposition: ``in 2008``, ``since August``,
``on October 3, 2011``."""

EXCERPT_WORDS = 30
"""Excerpts longer than this many words are cut, with an ellipsis."""


def find_events(article: Article) -> tuple[TimelineEvent, ...]:
    """Every dated event of the brief, earliest first."""
    events = [e for p in article.paragraphs for e in (*_cited(article, p), *_stated(article, p))]
    return tuple(sorted(events))


def excerpt(text: str) -> str:
    words = text.split()
    return text if len(words) <= EXCERPT_WORDS else " ".join(words[:EXCERPT_WORDS]) + " …"


def _cited(article: Article, paragraph: Paragraph) -> Iterator[TimelineEvent]:
    for start, end in sentence_spans(paragraph.text):
        claim = excerpt(plain_text(paragraph, start, end))
        for citation in citations_in(paragraph, start, end):
            for date in citation.dates:
                if date.iso is not None and not date.accessed:
                    yield TimelineEvent(
                        date.iso,
                        article.slug,
                        paragraph.number,
                        citation.start,
                        cited_date(date),
                        claim,
                        outlet_name(citation),
                        outlet_id(citation),
                    )


def _stated(article: Article, paragraph: Paragraph) -> Iterator[TimelineEvent]:
    spans = sentence_spans(paragraph.text)
    for match in STATED_DATE.finditer(paragraph.text):
        if any(p.start <= match.start() < p.end for p in paragraph.parentheticals):
            continue
        when = _resolve(article, match)
        if when is None:
            continue
        start, end = next(((s, e) for s, e in spans if s <= match.start() < e), (0, 0))
        yield TimelineEvent(
            when[0],
            article.slug,
            paragraph.number,
            match.start(),
            when[1],
            excerpt(plain_text(paragraph, start, end)),
        )


def _resolve(article: Article, match: re.Match[str]) -> tuple[str, str] | None:
    """The ISO date and its label ("August 2011"), or None without a year."""
    if match["year_only"]:
        return match["year_only"], match["year_only"]
    month = list(calendar.month_name).index(match["month"])
    day = int(match["day"]) if match["day"] and 1 <= int(match["day"]) <= 31 else None
    year = int(match["year"]) if match["year"] else _inferred_year(article, month, day)
    if year is None:
        return None
    name = calendar.month_name[month]
    if day is None:
        return f"{year:04d}-{month:02d}", f"{name} {year}"
    return f"{year:04d}-{month:02d}-{day:02d}", f"{name} {day}, {year}"


def _inferred_year(article: Article, month: int, day: int | None) -> int | None:
    year = article.year
    if year is None:
        return None
    published = article.date or (article.date_bounds[1] if article.date_bounds else None)
    if (
        published is not None
        and published.year == year
        and (month, day or 1)
        > (
            published.month,
            published.day,
        )
    ):
        return year - 1
    return year
