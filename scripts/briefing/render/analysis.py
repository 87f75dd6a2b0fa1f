"""The analyst's pages: people, quotes, timeline, outlets and the claims ledger.

:func:`analysis_pages` returns them keyed by path under ``docs/``, like
:func:`render_pages`; the claims ledger is also offered as CSV and JSON.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass

from ..analysis.brief import BriefAnalysis, Site, analyse
from ..analysis.claims import outlet_id, outlet_name
from ..analysis.gazetteer import Gazetteer
from ..analysis.glossary import GlossaryEntry
from ..analysis.records import Claim, Entity, EntityKind
from . import Brief, _environment
from .mix import affiliation

PROFILE_MIN_BRIEFS = 2
"""A person gets a page of their own once this many briefs name them."""

CLAIM_FIELDS = (
    "brief",
    "paragraph",
    "sentence",
    "outlets",
    "dates",
    "people",
    "organisations",
    "places",
)
"""Columns of the claims ledger download, in order."""


@dataclass(frozen=True)
class Links:
    """Relative links from a page ``root`` levels below ``docs/``."""

    root: str
    profiles: frozenset[str]
    first_brief: dict[str, str]

    def para(self, slug: str, paragraph: int) -> str:
        return f"{self.root}briefs/{slug}/text.md#p{paragraph}"

    def page(self, path: str) -> str:
        return f"{self.root}{path}"

    def profile(self, entity_id: str) -> str | None:
        """The person's own page, if they have one."""
        return f"{self.root}people/{entity_id}.md" if entity_id in self.profiles else None

    def person(self, entity_id: str) -> str:
        if entity_id in self.profiles:
            return f"{self.root}people/{entity_id}.md"
        return f"{self.root}briefs/{self.first_brief[entity_id]}/people.md#{entity_id}"


def analysis_pages(
    briefs: tuple[Brief, ...],
    gazetteer: Gazetteer,
    glossary: tuple[GlossaryEntry, ...] = (),
    analyses: tuple[BriefAnalysis, ...] | None = None,
) -> dict[str, str]:
    """The analyst's pages for every brief and for the whole site.

    ``analyses`` are the briefs' analyses when the build already has them
    (from its seed cache); otherwise each brief is analysed here.
    """
    if analyses is None:
        analyses = tuple(analyse(b.article, gazetteer) for b in briefs)
    site = Site(analyses)
    people = site.people()
    profiles = frozenset(e.id for e, seen in people if len(seen) >= PROFILE_MIN_BRIEFS)
    first = {e.id: seen[0].slug for e, seen in people}
    env = _environment()
    env.filters["affiliation"] = affiliation
    env.filters["outlet_id"] = outlet_id
    env.filters["outlet_name"] = outlet_name

    def links(root: str) -> Links:
        return Links(root, profiles, first)

    pages: dict[str, str] = {}
    for brief in site.briefs:
        base = f"briefs/{brief.slug}"
        context = {
            "brief": brief,
            "article": brief.article,
            "links": links("../../"),
            "kinds": EntityKind,
        }
        for name in ("people", "timeline", "claims"):
            pages[f"{base}/{name}.md"] = env.get_template(f"brief_{name}.md.j2").render(context)
    pages["people/index.md"] = env.get_template("people_index.md.j2").render(
        people=[(e, seen, _roles(e, seen), _quote_count(e, seen)) for e, seen in people],
        links=links("../"),
    )
    for entity, seen in people:
        if entity.id in profiles:
            pages[f"people/{entity.id}.md"] = env.get_template("person.md.j2").render(
                person=entity, briefs=seen, links=links("../")
            )
    outlets = site.outlets()
    pages["outlets/index.md"] = env.get_template("outlets_index.md.j2").render(
        outlets=outlets, links=links("../")
    )
    for outlet in outlets:
        pages[f"outlets/{outlet.id}.md"] = env.get_template("outlet.md.j2").render(
            outlet=outlet, links=links("../")
        )
    pages["timeline.md"] = env.get_template("timeline.md.j2").render(
        events=site.events(), links=links("")
    )
    pages["tags.md"] = env.get_template("tags.md.j2").render()
    pages["glossary.md"] = env.get_template("glossary.md.j2").render(entries=glossary)
    pages["downloads/claims.csv"] = claims_csv(site.claims())
    pages["downloads/claims.json"] = claims_json(site.claims())
    return pages


def _roles(entity: Entity, briefs: list[BriefAnalysis]) -> list[str]:
    """The distinct roles the briefs give a person, in brief order."""
    return list(dict.fromkeys(r for b in briefs if (r := b.named.role(entity.id))))


def _quote_count(entity: Entity, briefs: list[BriefAnalysis]) -> int:
    return sum(len(b.quotes_of(entity.id)) for b in briefs)


def _claim_row(claim: Claim) -> dict[str, object]:
    return {
        "brief": claim.brief,
        "paragraph": claim.paragraph,
        "sentence": claim.sentence,
        "outlets": list(claim.outlets),
        "dates": list(claim.dates),
        "people": list(claim.people),
        "organisations": list(claim.organisations),
        "places": list(claim.places),
    }


def claims_csv(claims: list[Claim]) -> str:
    """The ledger as CSV; list cells are joined with ``; ``."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CLAIM_FIELDS)
    for claim in claims:
        row = _claim_row(claim)
        writer.writerow("; ".join(map(str, v)) if isinstance(v, list) else v for v in row.values())
    return out.getvalue()


def claims_json(claims: list[Claim]) -> str:
    return json.dumps([_claim_row(c) for c in claims], ensure_ascii=False, indent=2) + "\n"


__all__ = ["analysis_pages", "outlet_id"]
