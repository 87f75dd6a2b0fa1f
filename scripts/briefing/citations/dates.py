"""Date lists of citations: ``May 2, 4``, ``November 5, 6, 2015``, ``accessed July 14``.

A date list is a run of comma-separated items whose first item names a month.
Later items may be a bare day (taking the month before it), a bare year
(applying back to the yearless dates since the previous year) or another
month and day. Dates still without a year take one from the
:class:`DateContext` and are marked ``year_inferred``.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass, replace

from ..model import CitedDate
from .grammar import (
    ACCESSED,
    BARE_DAY,
    BARE_YEAR,
    DATE_CLUTTER,
    DATE_JOINER,
    DAY_MONTH,
    MONTH_DAY,
    MONTH_RANGE,
    MONTH_YEAR,
    MONTHS,
    PUBLISHED,
    SHARED_DATES,
)

DIGIT = re.compile(r"[0-9]")
"""A digit: an item without one cannot be a date."""

DAYS_IN_MONTH = (0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
"""The most days each month can have (February in a leap year)."""


@dataclass(frozen=True)
class DateContext:
    """What is known of the article's date, for inferring cited years.

    With ``published`` a cited month and day later in the year than the
    publication date belongs to the year before. With only ``year`` every
    yearless date takes that year, unless ``latest`` (the latest date the
    article can bear, estimated from its issue number) says a month and day
    after it fall in the year before. With neither, the year stays unknown.

    ``span`` (earliest and latest dates the issue number allows, with no
    stated date) marks a month and day after its start and not after its end
    as ``year_uncertain``: the article may have come out before or after it.
    """

    published: dt.date | None = None
    year: int | None = None
    latest: dt.date | None = None
    span: tuple[dt.date, dt.date] | None = None

    def resolve_year(self, month: int, day: int | None) -> int | None:
        """The year of a cited ``month``/``day`` written without one."""
        bound = self.published or self.latest
        if bound is not None:
            later = (month, day or 1) > (bound.month, bound.day)
            return bound.year - 1 if later else bound.year
        return self.year

    def year_uncertain(self, month: int, day: int | None) -> bool:
        """Whether a cited ``month``/``day`` may be of this year or the year before."""
        if self.published is not None or self.span is None:
            return False
        earliest, latest = self.span
        return (earliest.month, earliest.day) < (month, day or 1) <= (latest.month, latest.day)


@dataclass(frozen=True)
class DateToken:
    """One date of a list as written; missing parts are None."""

    text: str
    month: int | None
    day: int | None
    year: int | None
    accessed: bool = False

    @property
    def has_month(self) -> bool:
        return self.month is not None


def _month(name: str) -> int:
    return MONTHS[name.rstrip(".").casefold()]


def _day(text: str) -> int:
    return int(text.rstrip("stndrh"))


def _year(written: str | None) -> int | None:
    return int(written) if written else None


def _single(text: str, accessed: bool) -> list[DateToken] | None:
    if match := MONTH_RANGE.fullmatch(text):
        year = _year(match["year"])
        return [
            DateToken(text, _month(match["month"]), _day(match["day"]), year, accessed),
            DateToken(text, _month(match["month_end"]), _day(match["day_end"]), year, accessed),
        ]
    if match := MONTH_DAY.fullmatch(text):
        month = _month(match["month"])
        first = DateToken(text, month, _day(match["day"]), _year(match["year"]), accessed)
        if match["day_end"] is None:
            return [first]
        end = DateToken(text, month, _day(match["day_end"]), first.year, accessed)
        return [first, end]
    if match := DAY_MONTH.fullmatch(text):
        month, year = _month(match["month"]), _year(match["year"])
        days = [match["day"], *([match["day_end"]] if match["day_end"] else [])]
        return [DateToken(text, month, _day(day), year, accessed) for day in days]
    if match := MONTH_YEAR.fullmatch(text):
        return [DateToken(text, _month(match["month"]), None, int(match["year"]), accessed)]
    if BARE_DAY.fullmatch(text):
        return [DateToken(text, None, _day(text), None, accessed)]
    if BARE_YEAR.fullmatch(text):
        return [DateToken(text, None, None, int(text), accessed)]
    return None


def date_tokens(item: str) -> list[DateToken] | None:
    """The dates of one comma-separated item, or None if it is not all dates.

    ``May 2 and 4`` gives two tokens; ``accessed July 14`` one marked accessed.
    """
    text = DATE_CLUTTER.sub("", item).strip()
    if not DIGIT.search(text):
        return None  # every date has a day or a year
    accessed = False
    if match := ACCESSED.match(text):
        accessed, text = True, text[match.end() :]
    elif match := PUBLISHED.match(text):
        text = text[match.end() :]
    tokens: list[DateToken] = []
    for part in DATE_JOINER.split(text):
        if not part:
            continue
        found = _single(part.strip(), accessed)
        if found is None:
            return None
        tokens.extend(found)
    return day_first(tokens) or None


def shared_dates(segment: str) -> str:
    """``TASS—all May 3`` → ``TASS, May 3``: a date list given once after a
    dash (or comma) and "all" dates each source before it, as after a comma.
    ``segment`` is returned as it is unless a date list follows "all"."""
    match = SHARED_DATES.search(segment)
    if match is None:
        return segment
    rest = segment[match.end() :]
    items = [item.strip() for item in rest.split(",")]
    first = date_tokens(items[0])
    if first is None or not first[0].has_month or any(date_tokens(i) is None for i in items[1:]):
        return segment
    return f"{segment[: match.start()]}, {rest}"


def day_first(tokens: list[DateToken]) -> list[DateToken]:
    """``3 and 4 May``, ``3, 4 May``: bare days before a day-first date take
    its month and year (a bare day otherwise takes the month before it)."""
    first = next((i for i, token in enumerate(tokens) if token.has_month), 0)
    bare = tokens[:first]
    if not bare or not DAY_MONTH.fullmatch(tokens[first].text):
        return tokens
    if any(token.day is None for token in bare):
        return tokens  # "2010 and 3 May": a year is no day
    month, year = tokens[first].month, tokens[first].year
    return [replace(t, month=month, year=year) for t in bare] + tokens[first:]


@dataclass(frozen=True)
class ResolvedDates:
    """The dates of a list, and the ones that cannot exist (February 30)."""

    dates: tuple[CitedDate, ...]
    impossible: tuple[str, ...]


def resolve(tokens: list[DateToken], context: DateContext) -> ResolvedDates:
    """Turn a date list's tokens into a citation's dates.

    A bare day takes the month before it; a bare year applies back to the
    yearless dates since the previous year; the rest are inferred.
    """
    pending: list[tuple[int, DateToken]] = []
    done: list[tuple[int, DateToken, int | None, bool]] = []
    month: int | None = None
    for index, token in enumerate(tokens):
        month = token.month or month
        if token.month is None and token.day is None:
            if not pending:
                done.append((index, token, token.year, False))
            done.extend((i, p, token.year, False) for i, p in pending)
            pending = []
            continue
        filled = DateToken(token.text, month, token.day, token.year, token.accessed)
        if filled.year is None:
            pending.append((index, filled))
            continue
        done.extend((i, p, filled.year, False) for i, p in pending)
        done.append((index, filled, filled.year, False))
        pending = []
    for index, token in pending:
        year = context.resolve_year(token.month, token.day) if token.month else None
        done.append((index, token, year, True))
    dates = tuple(
        CitedDate(
            t.text,
            year,
            t.month,
            t.day,
            year_inferred=inferred,
            accessed=t.accessed,
            year_uncertain=inferred
            and year is not None
            and t.month is not None
            and context.year_uncertain(t.month, t.day),
        )
        for _, t, year, inferred in sorted(done, key=lambda d: d[0])
    )
    return ResolvedDates(dates, tuple(d.text for d in dates if _impossible(d)))


def _impossible(date: CitedDate) -> bool:
    if date.month is None or date.day is None:
        return False
    if date.month == 2 and date.day == 29 and date.year is not None:
        return not calendar.isleap(date.year)
    return date.day > DAYS_IN_MONTH[date.month]
