"""Find the parentheticals of a paragraph and classify each one."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from ..model import Citation, CitedDate, Parenthetical, ParentheticalKind
from ..sources import Registry

MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}

DATE = re.compile(r"(?P<month>[A-Z][a-z]+)\.?\s+(?P<day>\d{1,2})(?:,?\s+(?P<year>\d{4}))?$")
"""A date at the end of a parenthetical: ``September 24`` or ``November 9, 2009``."""


@dataclass(frozen=True)
class DateContext:
    """What is known of the article's date, for inferring cited years.

    With ``published`` a cited month and day later in the year than the
    publication date belongs to the year before. With only ``year`` every
    yearless date takes that year.
    """

    published: dt.date | None = None
    year: int | None = None

    def resolve_year(self, month: int, day: int | None) -> int | None:
        if self.published is not None:
            later = (month, day or 1) > (self.published.month, self.published.day)
            return self.published.year - 1 if later else self.published.year
        return self.year


@dataclass(frozen=True)
class Problem:
    """Something a reader of the seed should look at: an offset and a message."""

    offset: int
    message: str


@dataclass(frozen=True)
class Extraction:
    parentheticals: tuple[Parenthetical, ...]
    problems: tuple[Problem, ...]


def extract(text: str, paragraph: int, context: DateContext, registry: Registry) -> Extraction:
    """Every parenthetical of ``text`` (paragraph number ``paragraph``), classified."""
    found: list[Parenthetical] = []
    problems: list[Problem] = []
    depth, start = 0, -1
    for i, ch in enumerate(text):
        if ch == "(":
            if depth == 0:
                start = i
            depth += 1
        elif ch == ")" and depth:
            depth -= 1
            if depth == 0:
                found.append(_classify(text[start : i + 1], start, paragraph, context, registry))
    if depth:
        problems.append(Problem(start, "unbalanced parenthesis: '(' is never closed"))
    return Extraction(tuple(found), tuple(problems))


def _classify(
    raw: str, start: int, paragraph: int, context: DateContext, registry: Registry
) -> Parenthetical:
    inner = raw[1:-1].strip()
    outlet, sep, when = inner.rpartition(",")
    match = DATE.match(when.strip())
    while match is None and sep and "," in outlet:
        outlet, sep, more = outlet.rpartition(",")
        when = more + "," + when
        match = DATE.match(when.strip())
    if not sep or match is None or match.group("month").lower() not in MONTHS:
        return Parenthetical(raw, start, start + len(raw), ParentheticalKind.TEXT, "not a citation")
    outlet = re.sub(r"^see\s+", "", outlet.strip(), flags=re.IGNORECASE)
    month = MONTHS[match.group("month").lower()]
    day = int(match.group("day"))
    year = int(match.group("year")) if match.group("year") else context.resolve_year(month, day)
    date = CitedDate(when.strip(), year, month, day, year_inferred=match.group("year") is None)
    citation = Citation(
        outlet, registry.resolve(outlet), (date,), raw, paragraph, start, start + len(raw)
    )
    return Parenthetical(
        raw, start, start + len(raw), ParentheticalKind.CITATION, "citation", (citation,)
    )
