"""The source mix of a brief: its citations by affiliation, outlet type and country."""

from __future__ import annotations

from collections import Counter

from .. import words
from ..model import Article, Outlet
from .names import country_name


def affiliation(outlet: Outlet | None) -> str:
    """``state-affiliated``, ``independent`` or ``unknown``, from the registry."""
    state = outlet.state_affiliated if outlet else None
    return {True: "state-affiliated", False: "independent", None: "unknown"}[state]


def source_mix(article: Article) -> list[tuple[str, list[tuple[str, int, int]]]]:
    """Citations grouped by affiliation, outlet type and country: (label, count, percent)."""
    citations = article.citations
    groups = {
        "Affiliation": Counter(affiliation(c.outlet) for c in citations),
        "Outlet type": Counter(
            c.outlet.type.value if c.outlet else words.NO_DETAILS for c in citations
        ),
        "Country": Counter(
            country_name(c.outlet.country if c.outlet else None) or "unknown" for c in citations
        ),
    }
    total = len(citations) or 1
    return [
        (
            title,
            [
                (label, n, round(100 * n / total))
                for label, n in sorted(counts.items(), key=lambda item: (-item[1], item[0]))
            ],
        )
        for title, counts in groups.items()
    ]
