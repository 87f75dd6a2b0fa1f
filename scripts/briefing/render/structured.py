"""A brief's schema.org description (JSON-LD), for search engines and link previews.

The brief is a ``ScholarlyArticle`` — the original's text with its sources
footnoted — based on the original article (``isBasedOn``: its address,
title, periodical, volume and issue). ``citation`` lists each cited source
once: the outlet (its address when the list of outlets gives one), the dates
as the text gives them, and the cited page's address when the text gives it.
The author and ``datePublished`` appear only when the article states them:
a year inferred from the volume is not a stated date.

Written with :func:`briefing.escape.script_json`, safe inside ``<script>``.
"""

from __future__ import annotations

from typing import Any

from ..escape import script_json
from ..model import Article, Citation
from .brief import Brief

SCHEMA = "https://schema.org"


def structured_data(brief: Brief) -> str:
    """The brief's JSON-LD, ready to be placed in a ``<script type="application/ld+json">``."""
    article = brief.article
    data: dict[str, Any] = {
        "@context": SCHEMA,
        "@type": "ScholarlyArticle",
        "headline": article.title,
        "name": article.title,
        "description": brief.bottom_line,
        "inLanguage": "en",
        "isBasedOn": _original(article),
    }
    data.update(_stated(article))
    if brief.topics:
        data["keywords"] = list(brief.topics)
    if cited := _cited(article.citations):
        data["citation"] = cited
    return script_json(data)


def _stated(article: Article) -> dict[str, Any]:
    stated: dict[str, Any] = {}
    if article.author:
        stated["author"] = {"@type": "Person", "name": article.author}
    if article.date is not None:
        stated["datePublished"] = article.date.isoformat()
    return stated


def _original(article: Article) -> dict[str, Any]:
    original: dict[str, Any] = {"@type": "Article", "headline": article.title}
    if article.url:
        original["url"] = article.url
    original.update(_stated(article))
    if article.publication:
        part: dict[str, Any] = {"@type": "Periodical", "name": article.publication}
        if article.volume is not None:
            part = {"@type": "PublicationVolume", "volumeNumber": article.volume, "isPartOf": part}
        if article.issue is not None:
            part = {"@type": "PublicationIssue", "issueNumber": article.issue, "isPartOf": part}
        original["isPartOf"] = part
    return original


def _cited(citations: tuple[Citation, ...]) -> list[dict[str, Any]]:
    """Each cited source once, in the order the text first cites it."""
    works: dict[tuple[str, str | None], dict[str, Any]] = {}
    for citation in citations:
        outlet = citation.outlet.name if citation.outlet else citation.outlet_text
        dates = ", ".join(d.text for d in citation.dates)
        name = ", ".join(part for part in (outlet, dates) if part) or citation.raw
        work: dict[str, Any] = {"@type": "CreativeWork", "name": name}
        if outlet:
            publisher: dict[str, Any] = {"@type": "Organization", "name": outlet}
            if citation.outlet and citation.outlet.url:
                publisher["url"] = citation.outlet.url
            work["publisher"] = publisher
        if citation.url:
            work["url"] = citation.url
        works.setdefault((name, citation.url), work)
    return list(works.values())
