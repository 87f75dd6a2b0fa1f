"""The analyst's pages: people, quotes, timeline, outlets and the claims ledger.

:func:`analysis_pages` yields them with their path under ``docs/``, one at
a time like :func:`render_pages`; the claims ledger is also offered as CSV
and JSON.
"""

from __future__ import annotations

import csv
import functools
import io
import json
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from ..analysis.brief import BriefAnalysis, OutletCitations, Site, analyse
from ..analysis.claims import outlet_id
from ..analysis.gazetteer import Gazetteer
from ..analysis.glossary import GlossaryEntry
from ..analysis.records import Claim, Entity, EntityKind
from ..keyed import digest, kept
from ..model import Citation
from .archive import Trail, brief_trails
from .brief import Brief, newest_first
from .environment import environment
from .lists import (
    PROFILE_BRIEFS_PER_PAGE,
    SplitList,
    entry_pages,
    root_of,
    split_list,
    tag_pages,
)
from .parts import Part, letter, letter_label, paginate

Cited = tuple[BriefAnalysis, Citation, str]
"""A row of an outlet's page: the brief, the citation and the claim it supports."""

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
    entries: dict[str, dict[str, str]] = field(default_factory=dict)
    """Per index (``people``, ``outlets``): entry id → the index page holding it."""

    def entry_page(self, index: str, entry_id: str) -> str:
        """The index page (under ``docs/``) holding an entry."""
        return self.entries[index][entry_id]

    def entry(self, index: str, entry_id: str) -> str:
        """A person's or outlet's entry in its index, on whichever part holds it."""
        return f"{self.root}{self.entries[index][entry_id]}#{entry_id}"

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
        return f"{self.root}briefs/{self.first_brief[entity_id]}/analysis.md#{entity_id}"


PEOPLE_ROW_BRIEFS = 3
"""Briefs named in a row of the people index; the person's profile lists them all."""

ROLE_BRIEFS = 10
"""Briefs listed under each role at the head of a profile; each brief's section below
gives its own roles."""


@dataclass(frozen=True)
class RoleHeld:
    """A role the briefs give a person, and the briefs giving it, oldest first."""

    role: str
    briefs: tuple[BriefAnalysis, ...]

    @property
    def dates(self) -> str:
        """When the briefs giving the role were published: ``2009–2011``, ``2011``."""
        years = sorted({y for b in self.briefs if (y := b.article.year) is not None})
        if not years:
            return "dates not stated"
        span = str(years[0]) if years[0] == years[-1] else f"{years[0]}–{years[-1]}"
        undated = any(b.article.year is None for b in self.briefs)
        return f"{span} and undated" if undated else span


def analysis_pages(
    briefs: tuple[Brief, ...],
    gazetteer: Gazetteer,
    glossary: tuple[GlossaryEntry, ...] = (),
    analyses: tuple[BriefAnalysis, ...] | None = None,
) -> Iterator[tuple[str, str]]:
    """The analyst's pages for every brief and for the whole site, one after another.

    ``analyses`` are the briefs' analyses when the build already has them
    (from its seed cache); otherwise each brief is analysed here. Each brief's
    analysis page, profile and outlet page is kept while its inputs are the
    same (:func:`~briefing.keyed.kept`).
    """
    if analyses is None:
        analyses = tuple(analyse(b.article, gazetteer) for b in briefs)
    site = Site(analyses)
    ordered = tuple(sorted(briefs, key=newest_first))
    trails = brief_trails(ordered)
    people = site.people()
    profiles = frozenset(e.id for e, seen in people if len(seen) >= PROFILE_MIN_BRIEFS)
    first = {e.id: seen[0].slug for e, seen in people}
    env = environment()

    rows = [(e, seen, _roles(e, seen), _quote_count(e, seen)) for e, seen in people]
    outlets = site.outlets()
    people_spec = SplitList(
        "people/index.md",
        "people/a-z",
        "People",
        "Everyone the briefs name, by surname.",
        "people_index.md.j2",
    )
    outlets_spec = SplitList(
        "outlets/index.md",
        "outlets/a-z",
        "Outlets",
        "Every outlet the briefs cite, by name.",
        "outlets_index.md.j2",
    )
    entries = {
        "people": entry_pages(people_spec, rows, _person_letter, lambda row: row[0].id),
        "outlets": entry_pages(outlets_spec, outlets, lambda o: letter(o.name), lambda o: o.id),
    }

    def links(root: str) -> Links:
        return Links(root, profiles, first, entries)

    def context(root: str) -> dict[str, object]:
        return {"links": links(root)}

    for brief in site.briefs:
        own, trail = _own_links(links("../../"), brief), trails[brief.slug]
        yield (
            f"briefs/{brief.slug}/analysis.md",
            kept(
                "analysis",
                (digest(brief), own, trail),
                functools.partial(_brief_page, brief, own, trail),
            ),
        )
    yield from split_list(
        env,
        people_spec,
        rows,
        _person_letter,
        letter_label,
        lambda root: {"links": links(root), "row_briefs": PEOPLE_ROW_BRIEFS},
    )[0].items()
    for entity, seen in people:
        if entity.id in profiles:
            briefs_seen = [digest(brief) for brief in seen]
            for part in paginate(f"people/{entity.id}", entity.name, seen, PROFILE_BRIEFS_PER_PAGE):
                own = _person_links(links(root_of(part.path)), entity.id)
                yield (
                    part.path,
                    kept(
                        "person",
                        (digest(entity), briefs_seen, digest(part), own),
                        functools.partial(_person_page, entity, tuple(seen), part, own),
                    ),
                )
    yield from split_list(
        env,
        outlets_spec,
        outlets,
        lambda o: letter(o.name),
        letter_label,
        context,
    )[0].items()
    for outlet in outlets:
        for cited in paginate(f"outlets/{outlet.id}", outlet.name, outlet.citations):
            own = _outlet_links(links(root_of(cited.path)), outlet.id)
            yield (
                cited.path,
                kept(
                    "outlet",
                    (digest(outlet), digest(cited), own),
                    functools.partial(_outlet_page, outlet, cited, own),
                ),
            )
    yield from split_list(
        env,
        SplitList(
            "timeline.md",
            "timeline",
            "Timeline",
            "Every dated event of every brief, by year.",
            "timeline.md.j2",
        ),
        site.events(),
        lambda row: row[0].when[:4],
        # Links to paragraphs and outlets' pages only: they depend on the page's place alone.
        context=lambda root: {"links": Links(root, frozenset(), {})},
        keyed=True,
    )[0].items()
    yield from tag_pages(env, ordered).items()
    yield "glossary.md", env.get_template("glossary.md.j2").render(entries=glossary)
    yield "downloads/claims.csv", claims_csv(site.briefs)
    yield "downloads/claims.json", claims_json(site.briefs)


def _brief_page(brief: BriefAnalysis, links: Links, trail: Trail) -> str:
    return (
        environment()
        .get_template("brief_analysis.md.j2")
        .render(brief=brief, article=brief.article, links=links, kinds=EntityKind, trail=trail)
    )


def _person_page(
    entity: Entity, seen: tuple[BriefAnalysis, ...], part: Part[BriefAnalysis], links: Links
) -> str:
    return (
        environment()
        .get_template("person.md.j2")
        .render(
            person=entity,
            roles=roles_held(entity, seen),
            role_briefs=ROLE_BRIEFS,
            part=part,
            links=links,
            root=links.root,
        )
    )


def _person_links(links: Links, entity_id: str) -> Links:
    """``links`` cut down to what a profile may ask: the person's entry in the index."""
    return Links(
        links.root,
        frozenset(),
        {},
        {"people": {entity_id: links.entry_page("people", entity_id)}},
    )


def _outlet_page(outlet: OutletCitations, part: Part[Cited], links: Links) -> str:
    return (
        environment()
        .get_template("outlet.md.j2")
        .render(outlet=outlet, part=part, links=links, root=links.root)
    )


def _outlet_links(links: Links, outlet_id: str) -> Links:
    """``links`` cut down to what an outlet's page may ask: its entry in the index."""
    return Links(
        links.root,
        frozenset(),
        {},
        {"outlets": {outlet_id: links.entry_page("outlets", outlet_id)}},
    )


def _own_links(links: Links, brief: BriefAnalysis) -> Links:
    """``links`` cut down to the people ``brief`` names: all its analysis page may ask.

    What other briefs decide (whether a person has a profile, which part of
    the people index holds them) is then part of the page's inputs, and
    a link to anyone else fails loudly instead of going stale."""
    ids = {e.id for e in brief.named.of_kind(EntityKind.PERSON)}
    return Links(
        links.root,
        links.profiles & ids,
        {i: links.first_brief[i] for i in sorted(ids)},
        {"people": {i: links.entries["people"][i] for i in sorted(ids)}},
    )


def _person_letter(row: tuple[Entity, list[BriefAnalysis], list[str], int]) -> str:
    return letter(_surname(row[0].name))


def _surname(name: str) -> str:
    return name.split()[-1] if name.split() else name


def _roles(entity: Entity, briefs: list[BriefAnalysis]) -> list[str]:
    """The distinct roles the briefs give a person, in brief order."""
    return list(dict.fromkeys(r for b in briefs for r in b.named.roles(entity.id)))


def roles_held(entity: Entity, briefs: Sequence[BriefAnalysis]) -> list[RoleHeld]:
    """Each role the briefs give a person with the briefs giving it, by when first given."""
    by_role: dict[str, list[BriefAnalysis]] = {}
    for brief in sorted(briefs, key=_published):
        for role in brief.named.roles(entity.id):
            by_role.setdefault(role, []).append(brief)
    return [RoleHeld(role, tuple(given)) for role, given in by_role.items()]


def _published(brief: BriefAnalysis) -> tuple[bool, str, str]:
    """Oldest first by the date the brief states, else where its issue number places it
    (else the earliest its text allows); undated last."""
    date = brief.article.placed_on
    return (date is None, date.isoformat() if date else "", brief.slug)


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


def claims_csv(briefs: Sequence[BriefAnalysis]) -> str:
    """The ledger as CSV; list cells are joined with ``; ``.

    Each brief's rows are kept while its analysis is unchanged."""
    header = _csv_rows([CLAIM_FIELDS])
    return header + "".join(
        kept(
            "claims-csv",
            digest(brief),
            functools.partial(_brief_csv, brief.claims),
        )
        for brief in briefs
    )


def _brief_csv(claims: Sequence[Claim]) -> str:
    return _csv_rows(_csv_row(c) for c in claims)


def _csv_row(claim: Claim) -> list[object]:
    values = _claim_row(claim).values()
    return ["; ".join(map(str, v)) if isinstance(v, list) else v for v in values]


def _csv_rows(rows: Iterable[Iterable[object]]) -> str:
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    return out.getvalue()


def claims_json(briefs: Sequence[BriefAnalysis]) -> str:
    """The ledger as a JSON list, as ``json.dumps(rows, indent=2)`` writes it.

    Each brief's rows are written alone and kept while its
    analysis is unchanged; nested one level down, each line of a row moves
    two spaces right (a JSON string never holds a raw line break)."""
    rows = [
        kept("claims-json", digest(brief), functools.partial(_json_rows, brief.claims))
        for brief in briefs
        if brief.claims
    ]
    return "[\n  " + ",\n  ".join(rows) + "\n]\n" if rows else "[]\n"


def _json_rows(claims: Sequence[Claim]) -> str:
    return ",\n  ".join(
        json.dumps(_claim_row(c), ensure_ascii=False, indent=2).replace("\n", "\n  ")
        for c in claims
    )


__all__ = ["analysis_pages", "outlet_id"]
