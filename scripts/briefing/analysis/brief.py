"""A brief read the way an analyst reads it, and the site-wide indexes.

:func:`analyse` runs every extractor over one article; :class:`Site`
merges the briefs' people, quotes, events and citations by their ids.
"""

from __future__ import annotations

import dataclasses
import operator
from collections import defaultdict
from dataclasses import dataclass

from ..model import Article, Citation, Outlet
from .claims import find_claims, outlet_id, outlet_name
from .entities import Named, find_entities
from .gazetteer import Gazetteer
from .quotes import find_quotes
from .records import Claim, Entity, EntityKind, Mention, Quote, Term, TimelineEvent
from .timeline import find_events


@dataclass(frozen=True)
class BriefAnalysis:
    """Everything read out of one brief."""

    article: Article
    named: Named
    quotes: tuple[Quote, ...]
    terms: tuple[Term, ...]
    events: tuple[TimelineEvent, ...]
    claims: tuple[Claim, ...]

    @property
    def slug(self) -> str:
        return self.article.slug

    def mentions_of(self, entity_id: str) -> tuple[Mention, ...]:
        return tuple(m for m in self.named.mentions if m.entity == entity_id)

    def paragraphs_of(self, entity_id: str) -> list[int]:
        return sorted({m.paragraph for m in self.mentions_of(entity_id)})

    def quotes_of(self, entity_id: str) -> tuple[Quote, ...]:
        return tuple(q for q in self.quotes if q.speaker == entity_id)

    def person_named(self, name: str) -> Entity | None:
        """The person the brief names ``name`` (as a claim lists them), if any."""
        return next((e for e in self.named.of_kind(EntityKind.PERSON) if e.name == name), None)


def analyse(article: Article, gazetteer: Gazetteer) -> BriefAnalysis:
    """Run every extractor over ``article``."""
    named = find_entities(article, gazetteer)
    quotes, terms = find_quotes(article, named)
    return BriefAnalysis(
        article, named, quotes, terms, find_events(article), find_claims(article, named)
    )


@dataclass(frozen=True)
class OutletCitations:
    """One outlet, registered or not, and every citation of it on the site."""

    id: str
    name: str
    outlet: Outlet | None
    citations: tuple[tuple[BriefAnalysis, Citation, str], ...]
    """(brief, citation, the claim it supports)."""


@dataclass(frozen=True)
class Site:
    """The briefs' analyses merged across the site."""

    briefs: tuple[BriefAnalysis, ...]

    def people(self) -> list[tuple[Entity, list[BriefAnalysis]]]:
        """Every person named anywhere, by name, with the briefs naming them."""
        found: dict[str, tuple[Entity, list[BriefAnalysis]]] = {}
        for brief in self.briefs:
            for entity in brief.named.of_kind(EntityKind.PERSON):
                found.setdefault(entity.id, (entity, []))[1].append(brief)
        return sorted(found.values(), key=lambda row: (_surname(row[0].name), row[0].id))

    def events(self) -> list[tuple[TimelineEvent, BriefAnalysis]]:
        """Every brief's events, interleaved in chronological order."""
        rows = [(e, b) for b in self.briefs for e in b.events]
        return sorted(rows, key=lambda row: _EVENT_ORDER(row[0]))

    def outlets(self) -> list[OutletCitations]:
        """Every cited outlet with its citations, by name."""
        rows: dict[str, list[tuple[BriefAnalysis, Citation, str]]] = defaultdict(list)
        first: dict[str, Citation] = {}
        for brief in self.briefs:
            for claim, citation in _claims_with_citations(brief):
                key = outlet_id(citation)
                first.setdefault(key, citation)
                rows[key].append((brief, citation, claim.sentence))
        return sorted(
            (
                OutletCitations(key, outlet_name(first[key]), first[key].outlet, tuple(cited))
                for key, cited in rows.items()
            ),
            key=lambda o: (o.name.casefold(), o.id),
        )

    def claims(self) -> list[Claim]:
        return [c for b in self.briefs for c in b.claims]


_EVENT_ORDER = operator.attrgetter(*(f.name for f in dataclasses.fields(TimelineEvent)))
"""An event's fields as one tuple: the order events have, compared without a call per pair."""


def _claims_with_citations(brief: BriefAnalysis) -> list[tuple[Claim, Citation]]:
    return [(claim, citation) for claim in brief.claims for citation in claim.citations]


def _surname(name: str) -> tuple[str, str]:
    return (name.split()[-1].casefold(), name.casefold())
