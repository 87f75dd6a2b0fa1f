"""The cited items of all articles: one Reference per outlet and date.

A citation naming several dates refers to several items; the same outlet
and date cited twice, anywhere on the site, is one item. Keys are stable
and readable: ``irna-2011-09-24``, ``rt-2011-11-01``, ``mid-ru-nd``.
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from dataclasses import dataclass, field

from ..citations.registry import web_host
from ..input.slug import slugify
from ..model import Article, Citation, CitedDate, Outlet

SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*://", re.IGNORECASE)
"""The scheme of an address: ``https://``; addresses as written often lack one."""


@dataclass(frozen=True)
class CitedBy:
    """One place a reference is cited: a brief and a paragraph."""

    slug: str
    title: str
    paragraph: int


@dataclass(frozen=True)
class Reference:
    """A distinct cited item: an outlet on a date (or a web address)."""

    key: str
    outlet_name: str
    outlet: Outlet | None
    date: CitedDate | None
    url: str | None
    title: str | None
    cited_as: str
    cited_by: tuple[CitedBy, ...]
    origin: tuple[str, Citation, CitedDate | None] | None = field(
        default=None, compare=False, repr=False
    )
    """What every field but ``cited_by`` was made from (key, first citation, date),
    when :func:`collect_references` made it: a cheap stand-in for them in cache keys."""


def _base(citation: Citation) -> str:
    if citation.outlet is not None:
        return citation.outlet.id
    if citation.url and not citation.outlet_text:
        host = web_host(citation.url) or "web"
        digest = hashlib.sha1(citation.url.encode("utf-8")).hexdigest()[:6]
        return f"{slugify(host, 'web')}-{digest}"
    return slugify(citation.outlet_text, "source")


def _suffix(date: CitedDate | None) -> str:
    if date is None:
        return "nd"
    stamp = date.iso or slugify(date.text, "nd")
    return f"{stamp}-accessed" if date.accessed else stamp


def reference_keys(citation: Citation) -> tuple[str, ...]:
    """The keys of the items a citation refers to, one per date."""
    base = _base(citation)
    if citation.title:
        base = f"{base}-{hashlib.sha1(citation.title.encode('utf-8')).hexdigest()[:6]}"
    dates: tuple[CitedDate | None, ...] = citation.dates or (None,)
    return tuple(dict.fromkeys(f"{base}-{_suffix(d)}" for d in dates))


def collect_references(articles: tuple[Article, ...]) -> tuple[Reference, ...]:
    """Every distinct cited item of ``articles``, sorted by key."""
    first: dict[str, _Item] = {}
    origins: dict[str, tuple[str, Citation, CitedDate | None]] = {}
    places: dict[str, dict[CitedBy, None]] = defaultdict(dict)  # ordered sets: no quadratic scan
    for article in articles:
        for citation in article.citations:
            dates: tuple[CitedDate | None, ...] = citation.dates or (None,)
            for key, date in zip(reference_keys(citation), dates, strict=False):
                places[key][CitedBy(article.slug, article.title, citation.paragraph)] = None
                if key not in first:
                    first[key] = _reference(key, citation, date)
                    origins[key] = (key, citation, date)
    # Made whole here rather than by dataclasses.replace, which costs more
    # than everything else in this function.
    return tuple(Reference(*first[key], tuple(places[key]), origins[key]) for key in sorted(first))


_Item = tuple[str, str, Outlet | None, CitedDate | None, str | None, str | None, str]
"""A reference's fields but the places citing it, in order."""


def _reference(key: str, citation: Citation, date: CitedDate | None) -> _Item:
    name = citation.outlet.name if citation.outlet else citation.outlet_text or citation.url or ""
    url = citation.url
    if citation.outlet is not None and (url is None or _bare_host(url)):
        url = citation.outlet.url or url
    if url is None and web_host(citation.outlet_text):
        url = citation.outlet_text.strip()
    if url is not None and not SCHEME.match(url):
        url = "http://" + url
    return (key, name, citation.outlet, date, url, citation.title, citation.raw)


def cited_address(reference: Reference) -> str | None:
    """The address of the cited page itself (``(Azadliq.org, April 6, https://…)``):
    the reference's url unless it is only its outlet's registered home page."""
    url = reference.url
    return url if url and (reference.outlet is None or url != reference.outlet.url) else None


def _bare_host(url: str) -> bool:
    """Whether an address names only a site (``www.rt.com``), not a page on it."""
    return web_host(url) is not None and "/" not in SCHEME.sub("", url).rstrip("/")


KEY_TITLE_WORDS = 3
"""Words of the slug that follow the issue in an article's key."""


def article_key(article: Article, abbreviation: str | None) -> str:
    """The key of the article's own entry: ``edm-8-212-a-new-rapprochement``.

    An issue carries several articles, so the key adds the first words of
    the slug; it depends on the article alone, never on the other seeds.
    """
    short = "-".join(article.slug.split("-")[:KEY_TITLE_WORDS])
    if abbreviation and article.volume is not None and article.issue is not None:
        return f"{slugify(abbreviation, 'brief')}-{article.volume}-{article.issue}-{short}"
    return article.slug
