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

CLAUSE_END = re.compile(r"[,;:]$|^[—–]$")
"""A word that closes a clause (``Iran,``) or a dash standing between two."""

MIN_CLAUSE_WORDS = 12
"""A cut at a clause boundary keeps at least this many words; else a word boundary."""

DANGLING = frozenset(
    [
        "a",
        "an",
        "and",
        "as",
        "at",
        "but",
        "by",
        "for",
        "from",
        "in",
        "into",
        "of",
        "on",
        "or",
        "than",
        "that",
        "the",
        "to",
        "which",
        "who",
        "with",
    ]
)
"""Words an excerpt must not end on: they leave the phrase open (``in the …``)."""


def find_events(article: Article) -> tuple[TimelineEvent, ...]:
    """Every dated statement of the brief once, at its most precise date, earliest first.

    A sentence is one statement: when it states a year and cites an item
    of a day (``reports in 2009 … (Forum.msk.ru, November 9)``), its event
    is the most precise date, a cited one before a stated one of the same
    precision, then the first in the text."""
    events = []
    for paragraph in article.paragraphs:
        for start, end in sentence_spans(paragraph.text):
            found = [
                *_cited(article, paragraph, start, end),
                *_stated(article, paragraph, start, end),
            ]
            if found:
                events.append(min(found, key=_preference))
    return tuple(sorted(events))


def _preference(event: TimelineEvent) -> tuple[int, int, int]:
    return (-len(event.when), event.outlet is None, event.position)


def excerpt(text: str) -> str:
    """The text, or its first words ending at a clause or word boundary, then ``…``."""
    words = text.split()
    if len(words) <= EXCERPT_WORDS:
        return text
    kept = words[:EXCERPT_WORDS]
    clause = [i for i, w in enumerate(kept) if i >= MIN_CLAUSE_WORDS and CLAUSE_END.search(w)]
    if clause:
        kept = kept[: clause[-1] + 1]
    while len(kept) > 1 and (kept[-1].rstrip(",;:").casefold() in DANGLING or kept[-1] in "—–"):
        kept.pop()
    kept[-1] = kept[-1].rstrip(",;:")
    return " ".join(kept) + " …"


def _cited(article: Article, paragraph: Paragraph, start: int, end: int) -> Iterator[TimelineEvent]:
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


def _stated(
    article: Article, paragraph: Paragraph, start: int, end: int
) -> Iterator[TimelineEvent]:
    for match in STATED_DATE.finditer(paragraph.text, start, end):
        if any(p.start <= match.start() < p.end for p in paragraph.parentheticals):
            continue
        when = _resolve(article, match)
        if when is None:
            continue
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
