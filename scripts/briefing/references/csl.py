"""Briefs and references → CSL-JSON items, the input of every citation style.

A reader cites the original article (author, title, periodical, volume,
issue, date) and its address: the original's when a sidecar gives it, else
the brief's, the copy the reader used. The site itself appears only where a
style has a place for where a work was read: MLA's second container
(CSL ``source``, printed in italics with the brief's address). Chicago and
APA have none for an open web page, so their items carry no site name.
:func:`style_items` gives each style its own copy of the item; the
downloads carry the neutral one (:func:`brief_item`).

EDM is a daily: when the day is known the article is dated like a magazine
(Chicago cites it by its full date; APA and MLA keep volume and issue);
with the year alone it is cited like a journal, by volume and issue.

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
from .collect import Reference, cited_address
from .titles import Segment, plain, sentence_case, short_title

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


def brief_item(article: Article, key: str, publisher: str | None, here: str | None) -> Item:
    """The CSL-JSON item of a brief's article, read at ``here`` (None: on the original).

    Its address is the original's when known, else ``here``.
    """
    date = article.date
    dated = date is not None and date.day is not None
    item: Item = {
        "id": key,
        "type": "article-magazine" if dated else "article-journal",
        "title": csl_text(article.title),
    }
    if (short := short_title(article.title)) is not None:
        item["title-short"] = csl_text(short)
    if article.author:
        item["author"] = [person(name) for name in author_names(article.author)]
    if article.publication:
        item["container-title"] = csl_text(article.publication)
    if article.volume is not None:
        item["volume"] = str(article.volume)
    if article.issue is not None:
        item["issue"] = str(article.issue)
    item.update(_date_parts(date.year, date.month, date.day) if date else _date_parts(article.year))
    if publisher:
        item["publisher"] = csl_text(publisher)
    url = article.url or here
    if url:
        item["URL"] = url
    return item


def style_items(
    item: Item, title: tuple[Segment, ...], site_name: str, here: str | None
) -> dict[str, Item]:
    """``item`` as each style is given it, read at ``here`` (None: on the original).

    APA gets the title in sentence case, names and acronyms marked to keep
    their capitals; MLA names the site as the second container, with the
    address read (``here``) as its location.
    """
    apa = {**item, "title": csl_marked(sentence_case(title))}
    mla = {**item, "source": csl_text(site_name), "URL": here} if here else item
    return {"chicago": item, "apa": apa, "mla": mla}


def csl_marked(parts: tuple[Segment, ...]) -> str:
    """A title as CSL markup: protected runs in ``<span class="nocase">``.

    A title that holds ``<`` itself is left unmarked, so that no text of it
    can be read as markup.
    """
    text = csl_text(plain(parts))
    if "<" in text:
        return text
    return "".join(
        f'<span class="nocase">{csl_text(p.text)}</span>'
        if p.protected
        else CONTROL.sub(" ", p.text)
        for p in parts
    )


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
        if (short := short_title(reference.title)) is not None:
            item["title-short"] = csl_text(short)  # for the short note of a later citation
    item.update(_reference_date(reference.date))
    url = reference.url if online or reference.title else cited_address(reference)
    if url:
        item["URL"] = url
    return item


def _reference_date(date: CitedDate | None) -> Item:
    if date is None or date.year is None:
        return {}
    parts = _date_parts(date.year, date.month, date.day)
    if date.accessed:
        return {"accessed": parts["issued"]}
    return parts


def pinned(article: Article, key: str, publisher: str | None, paragraph_url: str | None) -> Item:
    """The item citing one paragraph (a separate id, so every note is a first one).

    Its address is the original's when known (paragraphs are counted as in
    the original), else the paragraph's own on this site.
    """
    return {**brief_item(article, key, publisher, paragraph_url), "id": f"{key}--pin"}


def csl_json(items: Iterable[Item]) -> str:
    """CSL-JSON text of ``items``: a list, keys sorted, two-space indent, final newline."""
    return json.dumps(list(items), ensure_ascii=False, indent=2, sort_keys=True) + "\n"
