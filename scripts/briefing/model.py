"""The frozen data model at the centre of briefing.

Everything here is plain data: no I/O, no MkDocs, no formatting. Parsing
produces these objects; rendering and the bibliography consume them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum


class OutletType(StrEnum):
    """What kind of source an outlet is."""

    NEWS_AGENCY = "news agency"
    NEWSPAPER = "newspaper"
    MAGAZINE = "magazine"
    BROADCASTER = "broadcaster"
    OFFICIAL = "official"
    THINK_TANK = "think tank"
    WEB_SITE = "web site"
    SOCIAL_MEDIA = "social media"


AFFILIATION_LABELS: dict[str, str] = {
    "state-owned": "A government owns the outlet or holds a controlling stake in it.",
    "state-funded": "Funded mainly by a state (a budget grant, or a fee set in law), with its"
    " editorial independence set out in law.",
    "state body": "The publication of a government, ministry or other official body.",
    "private": "Owned by private persons or companies, none of them a state.",
}
"""The labels an outlet's affiliation may carry, each with what it means."""

NOT_CLASSIFIED = "not classified"
"""What an outlet's affiliation reads when no sourced label covers the date."""


@dataclass(frozen=True, order=True)
class Affiliation:
    """Who owns or funds an outlet, as a public reference states it, over some years.

    ``start`` and ``end`` are the first and last years the label holds
    (None: from before, or still, as far as the source says)."""

    label: str
    source: str
    """The address of a public reference that states the ownership or funding."""
    start: int | None = None
    end: int | None = None

    def holds_in(self, year: int | None) -> bool:
        """Whether the label holds in ``year``; with no year, only a label for all years."""
        if year is None:
            return self.start is None and self.end is None
        return (self.start is None or self.start <= year) and (self.end is None or year <= self.end)

    @property
    def years(self) -> str:
        """``2001–2014``, ``since 2014``, ``until 2001``, or empty for all years."""
        if self.start is not None and self.end is not None:
            return str(self.start) if self.start == self.end else f"{self.start}–{self.end}"
        if self.start is not None:
            return f"since {self.start}"
        return f"until {self.end}" if self.end is not None else ""


@dataclass(frozen=True, order=True)
class Outlet:
    """A news outlet, agency, official body or web site, from the registry."""

    id: str
    name: str
    type: OutletType = OutletType.WEB_SITE
    country: str | None = None
    language: str | None = None
    affiliations: tuple[Affiliation, ...] = ()
    """Sourced labels of who owns or funds it, by years; none: not classified."""
    url: str | None = None
    aliases: tuple[str, ...] = ()
    native_name: str | None = None
    """The name in the outlet's own language and script ("Коммерсант"), if not Latin."""

    def affiliation(self, year: int | None) -> str:
        """The label in force in ``year``, else :data:`NOT_CLASSIFIED`."""
        found = next((a.label for a in self.affiliations if a.holds_in(year)), None)
        return found or NOT_CLASSIFIED


@dataclass(frozen=True)
class CitedDate:
    """One date of a citation, as written and as resolved.

    ``year`` is None when the text gives no year and no publication date
    allows inferring it; ``year_inferred`` says the year was not written.
    ``year_uncertain`` says the inferred year may be the year before: the
    article's issue number places it within months, and the cited month and
    day fall among them (:meth:`Publication.issue_span`).
    """

    text: str
    year: int | None
    month: int | None
    day: int | None
    year_inferred: bool = False
    accessed: bool = False
    year_uncertain: bool = False

    @property
    def iso(self) -> str | None:
        """ISO 8601 (or its reduced precision forms); None without a year."""
        if self.year is None:
            return None
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    def as_date(self) -> dt.date | None:
        if self.year is None or self.month is None or self.day is None:
            return None
        try:
            return dt.date(self.year, self.month, self.day)
        except ValueError:
            return None


@dataclass(frozen=True)
class Citation:
    """One cited source inside a parenthetical of a paragraph.

    A parenthetical naming several outlets yields several citations sharing
    ``raw``, ``start`` and ``end``. ``outlet_text`` is the outlet as written,
    without a leading "see"; ``outlet`` is the registry entry it resolves to.
    """

    outlet_text: str
    outlet: Outlet | None
    dates: tuple[CitedDate, ...]
    raw: str
    paragraph: int
    start: int
    end: int
    url: str | None = None
    title: str | None = None
    note: str | None = None


class ParentheticalKind(StrEnum):
    """How a parenthetical was classified."""

    CITATION = "citation"
    TEXT = "text"
    AMBIGUOUS = "ambiguous"


@dataclass(frozen=True)
class Parenthetical:
    """A parenthesised span of a paragraph and what it was taken to be.

    ``reason`` explains the classification for editors ("citation",
    "abbreviation", "range", "bare date", ...). ``start`` is the offset of
    "(" in the paragraph text and ``end`` the offset just after ")".
    """

    raw: str
    start: int
    end: int
    kind: ParentheticalKind
    reason: str
    citations: tuple[Citation, ...] = ()


@dataclass(frozen=True)
class Paragraph:
    """A body paragraph: its 1-based number, text, and the line it starts on."""

    number: int
    text: str
    line: int
    parentheticals: tuple[Parenthetical, ...] = ()

    @property
    def citations(self) -> tuple[Citation, ...]:
        return tuple(c for p in self.parentheticals for c in p.citations)


@dataclass(frozen=True)
class Section:
    """A heading placed before the paragraph ``paragraph`` (1-based)."""

    heading: str
    paragraph: int


@dataclass(frozen=True)
class Diagnostic:
    """A warning found while reading a seed; ``line`` is 1-based or None."""

    file: str
    line: int | None
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.message}"


@dataclass(frozen=True)
class Article:
    """One analytical article, parsed from a seed and its sidecar.

    ``date`` is the publication date when known. Otherwise
    ``date_bounds`` holds the earliest and latest possible dates the text
    supports (from the volume year and the latest cited date).
    """

    slug: str
    source: str
    title: str
    paragraphs: tuple[Paragraph, ...]
    publication: str | None = None
    volume: int | None = None
    issue: int | None = None
    date: dt.date | None = None
    date_bounds: tuple[dt.date, dt.date] | None = None
    estimated_date: dt.date | None = None
    """With no ``date``: where its volume and issue place it, within ``date_bounds``
    (Publication.estimated_date). It orders the briefs, shown as an estimate."""
    issue_span: tuple[dt.date, dt.date] | None = None
    """With no ``date``: the earliest and latest dates its issue number allows
    (Publication.issue_span); a cited month and day among them has an uncertain year."""
    author: str | None = None
    image_credit: str | None = None
    url: str | None = None
    summary: str | None = None
    sections: tuple[Section, ...] = ()
    tags: tuple[str, ...] = ()
    warnings: tuple[Diagnostic, ...] = field(default=(), compare=False)

    @property
    def citations(self) -> tuple[Citation, ...]:
        return tuple(c for p in self.paragraphs for c in p.citations)

    @property
    def placed_on(self) -> dt.date | None:
        """The date that places the brief among the others: stated, else estimated,
        else the earliest its text allows."""
        if self.date is not None:
            return self.date
        if self.estimated_date is not None:
            return self.estimated_date
        return self.date_bounds[0] if self.date_bounds is not None else None

    @property
    def year(self) -> int | None:
        if self.date is not None:
            return self.date.year
        if self.date_bounds is not None and self.date_bounds[0].year == self.date_bounds[1].year:
            return self.date_bounds[0].year
        return None


ISSUE_MARGIN_DAYS = 30
"""How far past (or before) its estimated date an issue may have come out."""

ISSUES_PER_YEAR_RANGE = (180, 250)
"""The fewest and most issues a year the publisher put out: an issue number
places an undated article within the months these rates allow."""


@dataclass(frozen=True)
class Publication:
    """A periodical seeds come from, from the publications data file.

    ``first_year`` is the year of volume 1, so volume N appeared in
    ``first_year + N - 1``.
    """

    name: str
    abbreviation: str
    publisher: str | None = None
    first_year: int | None = None
    url: str | None = None
    aliases: tuple[str, ...] = ()
    issues_per_year: int | None = None

    def year_of_volume(self, volume: int) -> int | None:
        return self.first_year + volume - 1 if self.first_year else None

    def estimated_date(self, year: int, issue: int | None) -> dt.date | None:
        """Where issue ``issue`` of ``year`` falls if issues come out at an even rate.

        An estimate (``issues_per_year`` varied from year to year), never a
        date to state: it places an undated brief among the others."""
        if issue is None or not self.issues_per_year:
            return None
        days = 365 * (issue - 1) // self.issues_per_year
        return min(dt.date(year, 1, 1) + dt.timedelta(days=days), dt.date(year, 12, 31))

    def latest_date(self, year: int, issue: int | None) -> dt.date | None:
        """The latest date issue ``issue`` of ``year`` can bear, if the rate is known.

        Issues come out at an even rate (``issues_per_year``); the estimate
        is given a month's margin and never passes the year's end, so only
        a cited date well after it counts as the year before.
        """
        if issue is None or not self.issues_per_year:
            return None
        estimate = dt.date(year, 1, 1) + dt.timedelta(days=365 * issue // self.issues_per_year)
        return min(estimate + dt.timedelta(days=ISSUE_MARGIN_DAYS), dt.date(year, 12, 31))

    def issue_span(self, year: int, issue: int | None) -> tuple[dt.date, dt.date] | None:
        """The earliest and latest dates issue ``issue`` of ``year`` can bear.

        The rate varied (:data:`ISSUES_PER_YEAR_RANGE`): the earliest date is
        the fastest rate's, the latest the slowest's, each with the month's
        margin and kept within the year."""
        if issue is None or not self.issues_per_year:
            return None
        slowest, fastest = ISSUES_PER_YEAR_RANGE
        margin = dt.timedelta(days=ISSUE_MARGIN_DAYS)
        start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
        earliest = start + dt.timedelta(days=365 * (issue - 1) // fastest) - margin
        latest = start + dt.timedelta(days=365 * issue // slowest) + margin
        return max(earliest, start), min(latest, end)
