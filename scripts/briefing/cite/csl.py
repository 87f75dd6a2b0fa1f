"""Briefs and references → CSL-JSON items, the input of every citation style.

A brief is cited as the original article (author, title, periodical,
volume, issue, date) *as consulted* in this site: the site's name is the
item's ``archive`` (the styles' "database" slot) and its ``URL`` is the
brief's address, which is the version the reader used and where the
paragraph anchors live. The original address, when a sidecar gives it, is
kept in ``note`` (reference managers show it; the styles do not print it).

No access date is given: all three styles ask for one only when a work has
no date, and a build-time date would make the output differ run to run.

All text goes through :func:`csl_text`, the one sanitising place.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from ..model import Article, CitedDate, OutletType
from .references import Reference

CONTROL = re.compile(r"[\x00-\x1f\x7f]")
"""Control characters (line breaks included), which no CSL field may carry."""

_ONLINE = {OutletType.WEB_SITE, OutletType.OFFICIAL, OutletType.SOCIAL_MEDIA}

Item = dict[str, Any]


@dataclass(frozen=True)
class Site:
    """Where the briefs are published: the name and base address citations use."""

    name: str
    url: str | None

    def page(self, path: str) -> str | None:
        """The absolute address of ``path`` (``briefs/x/``), or None without a site URL."""
        return self.url.rstrip("/") + "/" + path if self.url else None


def csl_text(text: str) -> str:
    """Plain text as a CSL-JSON string: one line, no control characters."""
    return " ".join(CONTROL.sub(" ", text).split())


AUTHOR_SEPARATOR = re.compile(r"\s+and\s+|\s*;\s*|\s*&\s*")
"""Between the names of co-authors: ``Stephen Blank and Roger McDermott``."""


def author_names(authors: str) -> list[str]:
    """The names in an author field (the sidecar joins a list with " and ")."""
    return [name for name in AUTHOR_SEPARATOR.split(authors) if name.strip()]


def person(name: str) -> dict[str, str]:
    """``Stephen Blank`` → family and given names; one word stays a literal name."""
    words = csl_text(name).split(" ")
    if len(words) == 1:
        return {"literal": words[0]}
    return {"family": words[-1], "given": " ".join(words[:-1])}


def _date_parts(year: int | None, month: int | None = None, day: int | None = None) -> Item:
    if year is None:
        return {}
    parts = [year] if month is None else [year, month] if day is None else [year, month, day]
    return {"issued": {"date-parts": [parts]}}


def brief_item(article: Article, key: str, publisher: str | None, site: Site) -> Item:
    """The CSL-JSON item of a brief's article, as read in ``site``."""
    item: Item = {"id": key, "type": "article-journal", "title": csl_text(article.title)}
    if article.author:
        item["author"] = [person(name) for name in author_names(article.author)]
    if article.publication:
        item["container-title"] = csl_text(article.publication)
    if article.volume is not None:
        item["volume"] = str(article.volume)
    if article.issue is not None:
        item["issue"] = str(article.issue)
    date = article.date
    item.update(_date_parts(date.year, date.month, date.day) if date else _date_parts(article.year))
    if publisher:
        item["publisher"] = csl_text(publisher)
    item["archive"] = csl_text(site.name)
    url = site.page(f"briefs/{article.slug}/")
    if article.url:
        # The original's address is the article's own; the brief, where it
        # was read, is the archive (the site) and its place in it (the URL).
        item["URL"] = article.url
        if url:
            item["archive_location"] = url
    elif url:
        item["URL"] = url
    return item


def reference_item(reference: Reference) -> Item:
    """The CSL-JSON item of one cited outlet-and-date."""
    outlet = reference.outlet
    online = (outlet is not None and outlet.type in _ONLINE) or (
        outlet is None and reference.url is not None
    )
    item: Item = {
        "id": reference.key,
        "type": "webpage" if online else "article-newspaper",
        "container-title": csl_text(reference.outlet_name),
    }
    if reference.title:
        item["title"] = csl_text(reference.title)
    item.update(_reference_date(reference.date))
    if reference.url and (online or reference.title):
        item["URL"] = reference.url
    return item


def _reference_date(date: CitedDate | None) -> Item:
    if date is None or date.year is None:
        return {}
    parts = _date_parts(date.year, date.month, date.day)
    if date.accessed:
        return {"accessed": parts["issued"]}
    return parts


def pinned(item: Item, paragraph_url: str | None) -> Item:
    """A copy of ``item`` addressing one paragraph (a separate id, so it is cited afresh)."""
    copy = {**item, "id": f"{item['id']}--pin"}
    copy.pop("archive_location", None)
    if paragraph_url:
        copy["URL"] = paragraph_url
    return copy


def csl_json(items: Iterable[Item]) -> str:
    """CSL-JSON text of ``items``: a list, keys sorted, two-space indent, final newline."""
    return json.dumps(list(items), ensure_ascii=False, indent=2, sort_keys=True) + "\n"
