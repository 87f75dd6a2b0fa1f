"""People, organisations and places named in a brief, and where.

Rule-based, no statistical model. People are found two ways:

* by the title the text introduces them with (:data:`TITLED_PERSON`,
  :data:`AIDE`): "Iranian President Mahmoud Ahmadinejad", "Lavrov’s
  spokesman, Alexander Lukashevich";
* by name or alias from the gazetteer ("Lavrov" → Sergei Lavrov).

A person introduced by title and absent from the gazetteer is known by
surname for the rest of the brief. Organisations and places come from the
gazetteer, or from what the text calls them (:data:`ORGANISATION_APPOSITION`:
"the arms sales agency, Rosoboroneksport,"). Names inside citations
("(RIA Novosti, …)") are not mentions.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace

from ..input.slug import slugify
from ..model import Article, Paragraph
from .gazetteer import Gazetteer
from .records import Entity, EntityKind, Mention

_UPPER = "A-ZÀ-ÖØ-ÞА-ЯЁ"
_LOWER = "a-zß-öø-ÿа-яё"
WORD = rf"[{_UPPER}][{_LOWER}]+(?:-[{_UPPER}]?[{_LOWER}]+)*"
"""A capitalised word of a name: ``Sergei``, ``Ahmadinejad``, ``Al-Assad``."""

RANKS = (
    "Deputy|Vice|First|Prime|Foreign|Defen[cs]e|Interior|Finance|Economy|Energy|Security|"
    "Chief|Acting|Former|Supreme|Executive|General|Atomic|Nuclear"
)
"""Words that qualify an office in a title: ``Deputy Foreign`` Minister."""

OFFICES = (
    "President|Minister|Premier|Spokesman|Spokeswoman|Ambassador|Chancellor|Secretary|"
    "Chairman|Director|Envoy|Leader|Commander|King|Emir|Ayatollah|Speaker|Head|Governor"
)
"""The office ending a title: ``President``, ``Minister``, ``Ambassador``."""

TITLED_PERSON = re.compile(
    rf"(?P<role>(?:(?P<adjective>{WORD}|US)\s+)?(?:(?:{RANKS})\s+)*(?:{OFFICES}))\s+"
    rf"(?P<name>{WORD}(?:\s+{WORD}){{0,3}})"
)
"""A person after their title: ``Russian Deputy Foreign Minister Sergei Ryabkov``.

``role`` is the title as written, ``adjective`` the nationality if any."""

AIDE = re.compile(
    rf"(?P<owner>(?:{WORD}\s+)*{WORD})(?P<apostrophe>[’'])s\s+"
    r"(?P<office>spokes(?:man|woman|person)|press secretary|deputy|adviser|advisor|aide|envoy)"
    rf",\s+(?P<name>{WORD}(?:\s+{WORD}){{0,3}})"
)
"""An aide named after their principal: ``Lavrov’s spokesman, Alexander Lukashevich``."""

ORGANISATION_APPOSITION = re.compile(
    r"\b(?P<kind>agency|company|firm|corporation|concern|conglomerate|bank|ministry|"
    r"organi[sz]ation|party|movement|exporter|monopoly|giant|operator|manufacturer)"
    rf",\s+(?P<name>{WORD}(?:\s+{WORD}){{0,3}})(?=[,.;)])"
)
"""An organisation named after what it is: ``Russia’s arms sales agency, Rosoboroneksport,``."""

LEADING_FILLER = re.compile(r"^(?:(?:The|Thus|Indeed|And|But|So|Then|Even|Also|In|Moreover)\s+)+")
"""Sentence openers that run into an owner's name (``Thus Lavrov’s spokesman``)."""


@dataclass(frozen=True)
class Named:
    """What a brief names: its entities (people first) and every mention in text order."""

    entities: tuple[Entity, ...]
    mentions: tuple[Mention, ...]

    def get(self, entity_id: str) -> Entity | None:
        return next((e for e in self.entities if e.id == entity_id), None)

    def of_kind(self, kind: EntityKind) -> tuple[Entity, ...]:
        return tuple(e for e in self.entities if e.kind is kind)

    def role(self, entity_id: str) -> str | None:
        """The first role the brief gives the entity."""
        return next((m.role for m in self.mentions if m.entity == entity_id and m.role), None)


@dataclass(frozen=True)
class _Titled:
    paragraph: int
    start: int
    name: str
    role: str
    country: str | None


def find_entities(article: Article, gazetteer: Gazetteer) -> Named:
    """Every entity the brief names and every mention of one, with roles."""
    titled = [t for p in article.paragraphs for t in _titled(p, gazetteer)]
    known = list(gazetteer.entities)
    for found in titled:
        if _lookup(found.name, known) is None and len(found.name.split()) > 1:
            known.append(_new_person(found, known))
    for name in (n for p in article.paragraphs for n in _organisations(p)):
        if _lookup(name, known) is None:
            known.append(Entity(slugify(name, "organisation"), name, EntityKind.ORGANISATION))
    roles = {(t.paragraph, t.start): t.role for t in titled}
    names, pattern = _names_pattern(known)
    mentions = [
        replace(m, brief=article.slug, role=roles.get((m.paragraph, m.start)))
        for p in article.paragraphs
        for m in _mentions(p, names, pattern)
    ]
    mentions.sort()
    first: dict[str, int] = {}
    for index, mention in enumerate(mentions):
        first.setdefault(mention.entity, index)
    order = {kind: i for i, kind in enumerate(EntityKind)}
    entities = sorted(
        (e for e in known if e.id in first), key=lambda e: (order[e.kind], first[e.id])
    )
    return Named(tuple(entities), tuple(mentions))


def _titled(paragraph: Paragraph, gazetteer: Gazetteer) -> Iterator[_Titled]:
    text = paragraph.text
    for match in TITLED_PERSON.finditer(text):
        if _in_citation(paragraph, match.start()):
            continue
        country = gazetteer.countries.get(match["adjective"] or "")
        yield _Titled(paragraph.number, match.start("name"), match["name"], match["role"], country)
    for match in AIDE.finditer(text):
        owner = LEADING_FILLER.sub("", match["owner"])
        role = f"{owner}{match['apostrophe']}s {match['office']}"
        yield _Titled(paragraph.number, match.start("name"), match["name"], role, None)


def _organisations(paragraph: Paragraph) -> Iterator[str]:
    for match in ORGANISATION_APPOSITION.finditer(paragraph.text):
        if not _in_citation(paragraph, match.start()):
            yield match["name"]


def _new_person(found: _Titled, known: list[Entity]) -> Entity:
    surname = found.name.split()[-1]
    taken = any(surname == a or surname == e.name for e in known for a in e.aliases)
    aliases = () if taken else (surname,)
    return Entity(slugify(found.name), found.name, EntityKind.PERSON, found.country, aliases)


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
    paragraph: Paragraph, names: dict[str, str], pattern: re.Pattern[str] | None
) -> Iterator[Mention]:
    if pattern is None:
        return
    for match in pattern.finditer(paragraph.text):
        if not _in_citation(paragraph, match.start()):
            yield Mention(
                "", paragraph.number, match.start(), match.end(), names[match[0]], match[0]
            )


def _in_citation(paragraph: Paragraph, offset: int) -> bool:
    return any(p.start <= offset < p.end and p.citations for p in paragraph.parentheticals)
