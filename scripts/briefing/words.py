"""How dates, counts and article facts read on the page."""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Iterator

from .model import ISSUES_PER_YEAR_RANGE, Article, CitedDate, Paragraph


def cited_date(date: CitedDate) -> str:
    """``September 24, 2011``; ``March 2012``; ``September 24`` when the year is unknown;
    ``October 28, 2020?`` when the inferred year may be the year before."""
    if date.month is None:
        return str(date.year) if date.year is not None else date.text
    month = calendar.month_name[date.month]
    text = f"{month} {date.day}" if date.day is not None else month
    if date.year is not None:
        text = f"{text}, {date.year}" if date.day is not None else f"{text} {date.year}"
        text += "?" if date.year_uncertain else ""
    return f"accessed {text}" if date.accessed else text


def iso_date(text: str) -> str:
    """An ISO date or its reduced forms as readers see dates: ``2011-09-24`` →
    ``September 24, 2011``, ``2011-08`` → ``August 2011``; other text as is."""
    parts = text.split("-")
    if not all(p.isdigit() for p in parts) or len(parts) > 3 or len(parts[0]) != 4:
        return text
    year, month, day = (int(p) for p in (*parts, "0", "0")[:3])
    if not 1 <= month <= 12:
        return str(year)
    if day:
        return f"{calendar.month_name[month]} {day}, {year}"
    return f"{calendar.month_name[month]} {year}"


def long_date(date: dt.date) -> str:
    return f"{calendar.month_name[date.month]} {date.day}, {date.year}"


NO_DETAILS = "not known"
"""An outlet's kind, where the site's list of outlets does not describe it."""


def plural(count: int, singular: str, plural_form: str | None = None) -> str:
    word = singular if count == 1 else (plural_form or singular + "s")
    return f"{count} {word}"


def issue_line(article: Article) -> str:
    """``Eurasia Daily Monitor, vol. 8, no. 212`` from what the seed gives."""
    parts = [article.publication or "Publication not stated"]
    if article.volume is not None:
        parts.append(f"vol. {article.volume}")
    if article.issue is not None:
        parts.append(f"no. {article.issue}")
    return ", ".join(parts)


def short_date(article: Article) -> str:
    """The date as a table cell shows it: ``November 16, 2011``, ``November 2011 (day not
    stated)``, ``2011 (month and day not stated)``."""
    if article.date is not None:
        return long_date(article.date)
    if article.year is not None:
        return _partly_stated(article)
    return "Not stated"


def _partly_stated(article: Article) -> str:
    """A date known to its month or year only: says what is not stated."""
    if article.date_bounds is not None:
        first, last = article.date_bounds
        if (first.year, first.month) == (last.year, last.month):
            return f"{calendar.month_name[first.month]} {first.year} (day not stated)"
    return f"{article.year} (month and day not stated)"


def date_note(article: Article) -> str | None:
    """Why :func:`short_date` reads as it does, when the text states no date."""
    if article.date is not None:
        return None
    if article.date_bounds is None:
        return "The article states no date, and no year can be inferred."
    first, last = article.date_bounds
    reason = "The article states no date"
    placed = ""
    if article.estimated_date is not None:
        placed = (
            f" Its issue number places it about {calendar.month_name[article.estimated_date.month]}"
            " (an estimate: issues per year varied), which orders it among the briefs."
        )
    if first.month == 1 and first.day == 1 and last.month == 12 and last.day == 31:
        return f"{reason}; the year comes from the volume number.{placed}"
    return (
        f"{reason}; the volume gives {first.year}, and the dates it cites "
        f"place it between {long_date(first)} and {long_date(last)}.{placed}"
    )


def list_date(article: Article) -> str:
    """The date as a list of briefs shows it: the day when known, else what is stated, and
    where the issue number places it (which orders the list), marked as an estimate."""
    if article.date is not None:
        return long_date(article.date)
    if article.year is not None:
        stated = _partly_stated(article)
        estimate = article.estimated_date
        if estimate is None or not stated.endswith("(month and day not stated)"):
            return stated  # no estimate, or the month is known already
        month = calendar.month_name[estimate.month]
        return f"{stated.removesuffix(')')}; about {month} by its issue number)"
    return "Date not stated"


def uncertain_years(article: Article) -> Iterator[tuple[Paragraph, CitedDate, str]]:
    """Each cited date whose inferred year may be the year before, with its paragraph
    and why: the issue number places the article within months that include it."""
    if article.issue_span is None:
        return
    first, last = article.issue_span
    slowest, fastest = ISSUES_PER_YEAR_RANGE
    where = f"issue {article.issue} of volume {article.volume}"
    span = f"between {long_date(first)} and {long_date(last)}"
    for paragraph in article.paragraphs:
        for citation in paragraph.citations:
            for date in citation.dates:
                if date.year_uncertain and date.year is not None:
                    yield (
                        paragraph,
                        date,
                        f"{where}; issues a year {slowest}–{fastest} put the article {span}; "
                        "the cited month and day fall in that span, so the year may be "
                        f"{last.year - 1} or {last.year}",
                    )
