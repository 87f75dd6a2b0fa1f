"""Frozen records of what an analyst reads out of a brief.

People, organisations and places named in the text, where they are named,
what they said, the dated events and the cited claims. Plain data only:
extraction lives in :mod:`entities`, :mod:`quotes`, :mod:`timeline` and
:mod:`claims`; pages in :mod:`render.analysis`.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from ..model import Citation


class EntityKind(StrEnum):
    """What a named thing is."""

    PERSON = "person"
    ORGANISATION = "organisation"
    PLACE = "place"


@dataclass(frozen=True, order=True)
class Entity:
    """A person, organisation or place; ``id`` is stable across briefs.

    ``surname_alone`` is, for a known person, the years (first, last) in
    which their surname alone names them: a brief of those years that says
    only "Lavrov" means them. ``source`` is where the entry's facts come from.
    """

    id: str
    name: str
    kind: EntityKind = EntityKind.PERSON
    country: str | None = None
    aliases: tuple[str, ...] = ()
    surname_alone: tuple[int, int] | None = None
    source: str | None = None


@dataclass(frozen=True, order=True)
class Mention:
    """One place the text names an entity: brief, ¶ and character offsets.

    ``role`` is the role the text gives at this mention ("Iranian
    President", "Lavrov’s spokesman"), if any.
    """

    brief: str
    paragraph: int
    start: int
    end: int
    entity: str
    text: str
    role: str | None = None


@dataclass(frozen=True, order=True)
class Unlinked:
    """A surname alone that names no one for sure: left unlinked, and why.

    ``role`` is the role the text gives at this mention, if any."""

    brief: str
    paragraph: int
    start: int
    end: int
    text: str
    reason: str
    role: str | None = None


@dataclass(frozen=True)
class Quote:
    """A direct quotation: its words, speaker (an entity id) and source."""

    brief: str
    paragraph: int
    start: int
    end: int
    text: str
    speaker: str | None
    sentence: str
    citation: Citation | None


@dataclass(frozen=True)
class Term:
    """Words set in quotation marks that nobody is quoted as saying."""

    brief: str
    paragraph: int
    text: str


@dataclass(frozen=True, order=True)
class TimelineEvent:
    """A dated event: a cited item's date, or a date the text states.

    ``when`` is the ISO date (``2011-09-24``, ``2011-08``, ``2009``) and
    orders events; ``excerpt`` is the claim or sentence it belongs to.
    """

    when: str
    brief: str
    paragraph: int
    position: int
    label: str
    excerpt: str
    outlet: str | None = None
    outlet_id: str | None = None


@dataclass(frozen=True)
class Claim:
    """A sentence carrying at least one citation, and what it names."""

    brief: str
    paragraph: int
    sentence: str
    outlets: tuple[str, ...]
    dates: tuple[str, ...]
    people: tuple[str, ...]
    organisations: tuple[str, ...]
    places: tuple[str, ...]
    citations: tuple[Citation, ...] = ()
