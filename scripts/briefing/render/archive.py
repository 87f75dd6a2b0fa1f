"""How readers reach briefs: the archive by year (and month), the home page, each brief's trail.

Briefs are not in the site's navigation (it would grow with the archive);
they are listed here instead, newest first, on pages of bounded size. Each
brief page carries a trail: up to the archive page that lists it, and on to
the next newer and older brief.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import jinja2

from .brief import Brief
from .parts import Part, paginate

ARCHIVE = "archive"
"""Folder of the archive pages under ``docs/``; ``archive/index.md`` lists the years."""

BRIEFS_PER_PAGE = 100
"""Briefs listed on one archive page; a longer year is split by month."""

HOME_BRIEFS = 10
"""The newest briefs the home page lists; the archive has the rest."""

UNDATED = "undated"
"""Path part of briefs whose year (or month) the text does not tell."""


@dataclass(frozen=True)
class Neighbour:
    """A brief next to another in time, as its trail links it: address and title."""

    slug: str
    title: str


@dataclass(frozen=True)
class Trail:
    """Where a brief sits: the archive pages above it and its neighbours in time.

    It holds only what the trail shows, so a page keyed by its trail changes
    when a neighbour's title does and not when the neighbour's text does."""

    crumbs: tuple[tuple[str, str], ...]
    """(label, page path) from the archive's index down to the page listing the brief."""
    newer: Neighbour | None
    older: Neighbour | None


@dataclass(frozen=True)
class Year:
    """One year of the archive: its page(s), and its months when it is split."""

    label: str
    path: str
    count: int
    months: tuple[tuple[Part[Brief], int, str], ...] = ()
    """First page of each month, its number of briefs and short name, when the year is split."""


Crumbs = tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Layout:
    """The archive before rendering: years, list pages with their crumbs, each brief's crumbs."""

    years: tuple[Year, ...]
    lists: tuple[tuple[Part[Brief], Crumbs], ...]
    crumbs: dict[str, Crumbs]


def _layout(ordered: Sequence[Brief]) -> Layout:
    lists: list[tuple[Part[Brief], Crumbs]] = []
    crumbs: dict[str, Crumbs] = {}
    years: list[Year] = []
    top = ("Archive", f"{ARCHIVE}/index.md")
    for label, briefs in _by(ordered, _year).items():
        base = f"{ARCHIVE}/{label}"
        title = "Year not stated" if label == UNDATED else label
        if len(briefs) <= BRIEFS_PER_PAGE:
            lists.extend((part, (top,)) for part in paginate(base, title, briefs, BRIEFS_PER_PAGE))
            crumbs.update({b.article.slug: (top, (title, base + ".md")) for b in briefs})
            years.append(Year(title, base + ".md", len(briefs)))
            continue
        months = []
        for month, in_month in _by(briefs, _month).items():
            parts = paginate(
                f"{base}/{month}", _month_label(month, title), in_month, BRIEFS_PER_PAGE
            )
            lists.extend((part, (top, (title, base + ".md"))) for part in parts)
            months.append((parts[0], len(in_month), _month_short(month)))
            for part in parts:
                trail = (top, (title, base + ".md"), (part.label, part.path))
                crumbs.update({b.article.slug: trail for b in part.rows})
        years.append(Year(title, base + ".md", len(briefs), tuple(months)))
    return Layout(tuple(years), tuple(lists), crumbs)


def archive_pages(env: jinja2.Environment, ordered: Sequence[Brief]) -> dict[str, str]:
    """The archive's pages; ``ordered`` is newest first."""
    layout = _layout(ordered)
    top = ("Archive", f"{ARCHIVE}/index.md")
    listing = env.get_template("archive_list.md.j2")
    pages = {
        part.path: listing.render(part=part, crumbs=crumbs, root=_root(part.path))
        for part, crumbs in layout.lists
    }
    for year in layout.years:
        if year.months:
            pages[year.path] = env.get_template("archive_year.md.j2").render(
                year=year, crumbs=(top,), root=_root(year.path)
            )
    pages[top[1]] = env.get_template("archive_index.md.j2").render(years=layout.years, root="../")
    return pages


def brief_trails(ordered: Sequence[Brief]) -> dict[str, Trail]:
    """Each brief's trail, by slug: the archive pages above it, its newer and older neighbours."""
    crumbs = _layout(ordered).crumbs
    trails = {}
    for i, brief in enumerate(ordered):
        newer = _neighbour(ordered[i - 1]) if i > 0 else None
        older = _neighbour(ordered[i + 1]) if i + 1 < len(ordered) else None
        trails[brief.article.slug] = Trail(crumbs[brief.article.slug], newer, older)
    return trails


def _neighbour(brief: Brief) -> Neighbour:
    return Neighbour(brief.article.slug, brief.article.title)


def home_page(env: jinja2.Environment, ordered: Sequence[Brief], references: int) -> str:
    """The home page: the newest briefs and what each section of the site holds."""
    years = list(_by(ordered, _year))
    return env.get_template("home.md.j2").render(
        briefs=ordered[:HOME_BRIEFS],
        count=len(ordered),
        references=references,
        years=[(y, f"{ARCHIVE}/{y}.md") for y in years],
        root="",
    )


def _by(briefs: Sequence[Brief], key: Callable[[Brief], str]) -> dict[str, list[Brief]]:
    groups: dict[str, list[Brief]] = {}
    for brief in briefs:
        groups.setdefault(key(brief), []).append(brief)
    return groups


def _year(brief: Brief) -> str:
    year = brief.article.year
    return str(year) if year is not None else UNDATED


def _month(brief: Brief) -> str:
    date: dt.date | None = brief.article.date
    return f"{date.month:02d}" if date is not None else UNDATED


def _month_label(month: str, year: str) -> str:
    if month == UNDATED:
        return f"{year}, month not stated"
    return f"{calendar.month_name[int(month)]} {year}"


def _month_short(month: str) -> str:
    return "month not stated" if month == UNDATED else calendar.month_abbr[int(month)]


def _root(path: str) -> str:
    return "../" * path.count("/")
