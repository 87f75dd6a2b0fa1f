"""People, organisations and places named in a brief, and where.

Rule-based, no statistical model. People are found by their names (full
or surname alone) and the roles the text gives them (:mod:`.roles`), and
resolved by :mod:`.people`: a different given name is a different person,
and a surname alone that names no one for sure is left unlinked.
Organisations and places come from the gazetteer, or from what the text
calls them (:data:`ORGANISATION_APPOSITION`: "the arms sales agency,
Rosoboroneksport,"). Names inside citations ("(RIA Novosti, …)") are not
mentions.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace

from ..input.slug import slugify
from ..model import Article, Paragraph
from .gazetteer import Gazetteer
from .people import find_people
from .records import Entity, EntityKind, Mention, Unlinked
from .roles import WORD, introductions
from .spans import Spans

ORGANISATION_APPOSITION = re.compile(
    r"\b(?P<kind>agency|company|firm|corporation|concern|conglomerate|bank|ministry|"
    r"organi[sz]ation|party|movement|exporter|monopoly|giant|operator|manufacturer)"
    rf",\s+(?P<name>{WORD}(?:\s+{WORD}){{0,3}})(?=[,.;)])"
)
"""An organisation named after what it is: ``Russia’s arms sales agency, Rosoboroneksport,``."""


@dataclass(frozen=True)
class Named:
    """What a brief names: its entities (people first) and every mention in text order.

    ``unlinked`` are the surnames alone that name no one for sure."""

    entities: tuple[Entity, ...]
    mentions: tuple[Mention, ...]
    unlinked: tuple[Unlinked, ...] = ()

    def get(self, entity_id: str) -> Entity | None:
        return next((e for e in self.entities if e.id == entity_id), None)

    def of_kind(self, kind: EntityKind) -> tuple[Entity, ...]:
        return tuple(e for e in self.entities if e.kind is kind)

    def role(self, entity_id: str) -> str | None:
        """The first role the brief gives the entity."""
        return next((m.role for m in self.mentions if m.entity == entity_id and m.role), None)

    def roles(self, entity_id: str) -> tuple[str, ...]:
        """Every role the brief gives the entity, once each, in text order."""
        return self._roles.get(entity_id, ())

    @functools.cached_property
    def _roles(self) -> dict[str, tuple[str, ...]]:
        """Every entity's roles, found in one pass over the mentions: a person's
        profile asks each of their briefs, and the people index every brief."""
        found: dict[str, dict[str, None]] = {}
        for mention in self.mentions:
            if mention.role:
                found.setdefault(mention.entity, {})[mention.role] = None
        return {entity: tuple(roles) for entity, roles in found.items()}


def find_entities(article: Article, gazetteer: Gazetteer) -> Named:
    """Every entity the brief names and every mention of one, with roles."""
    known = [e for e in gazetteer.entities if e.kind is not EntityKind.PERSON]
    cited = Spans(_cited(article))
    for name in (n for p in article.paragraphs for n in _organisations(p, cited)):
        if _lookup(name, known) is None:
            known.append(Entity(slugify(name, "organisation"), name, EntityKind.ORGANISATION))
    names, pattern = _names_pattern(known)
    things = [m for p in article.paragraphs for m in _mentions(p, names, pattern, cited)]
    taken = Spans([*((m.paragraph, m.start, m.end) for m in things), *_cited(article)])
    introduced = [i for p in article.paragraphs for i in introductions(p, gazetteer.countries)]
    people = gazetteer.of_kind(EntityKind.PERSON)
    not_given = frozenset(
        (*gazetteer.countries, *gazetteer.countries.values(), *(n for n in names if " " not in n))
    )
    found = find_people(
        article,
        people,
        [i for i in introduced if not taken.covers(i.paragraph, i.start)],
        not_given,
        taken,
    )
    mentions = sorted([*(replace(m, brief=article.slug) for m in things), *found.mentions])
    first: dict[str, int] = {}
    for index, mention in enumerate(mentions):
        first.setdefault(mention.entity, index)
    order = {kind: i for i, kind in enumerate(EntityKind)}
    entities = sorted(
        (e for e in (*people, *found.new, *known) if e.id in first),
        key=lambda e: (order[e.kind], first[e.id]),
    )
    return Named(tuple(entities), tuple(mentions), found.unlinked)


def _organisations(paragraph: Paragraph, cited: Spans) -> Iterator[str]:
    for match in ORGANISATION_APPOSITION.finditer(paragraph.text):
        if not cited.covers(paragraph.number, match.start()):
            yield match["name"]


def _lookup(name: str, entities: Iterable[Entity]) -> Entity | None:
    return next((e for e in entities if name == e.name or name in e.aliases), None)


def _names_pattern(entities: list[Entity]) -> tuple[dict[str, str], re.Pattern[str] | None]:
    """Each name and alias → its entity, and one pattern finding any of them, longest first."""
    names = {a: e.id for e in reversed(entities) for a in (e.name, *e.aliases)}
    if not names:
        return names, None
    pattern = re.compile(
        r"(?<![\w-])(?:"
        + "|".join(re.escape(n) for n in sorted(names, key=lambda n: (-len(n), n)))
        + r")(?![\w-])"
    )
    return names, pattern


def _mentions(
    paragraph: Paragraph, names: dict[str, str], pattern: re.Pattern[str] | None, cited: Spans
) -> Iterator[Mention]:
    if pattern is None:
        return
    for match in pattern.finditer(paragraph.text):
        if not cited.covers(paragraph.number, match.start()):
            yield Mention(
                "", paragraph.number, match.start(), match.end(), names[match[0]], match[0]
            )


def _cited(article: Article) -> Iterator[tuple[int, int, int]]:
    """The paragraph number, start and end of every parenthetical that cites."""
    for paragraph in article.paragraphs:
        for parenthetical in paragraph.parentheticals:
            if parenthetical.citations:
                yield paragraph.number, parenthetical.start, parenthetical.end
