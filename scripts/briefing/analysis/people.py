"""Who each person mention names, resolved as an analyst would.

A person is a full name: given names and a surname. A known person
(gazetteer) is also every full-name alias ("Sergey Lavrov"); a one-word
alias is another spelling of the surname. A different given name is a
different person, always: "Heydar Aliyev" is never "Ilham Aliyev", and
a full name nobody knows is a new person of the brief.

A surname alone ("Lavrov") names the one person of that surname the brief
names in full; else, when the gazetteer says the surname alone names a
known person in the brief's years (``surname_alone``), that person;
otherwise no one: it is an :class:`Unlinked` mention, with the reason.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace

from ..input.slug import slugify
from ..model import Article, Paragraph
from .records import Entity, EntityKind, Mention, Unlinked
from .roles import MILITARY_RANKS, RANK_WORDS, WORD, Introduced
from .spans import Spans

NOT_GIVEN_NAMES = frozenset(
    (
        *RANK_WORDS,
        *MILITARY_RANKS,
        "President", "Minister", "Premier", "Spokesman", "Spokeswoman", "Ambassador",
        "Chancellor", "Secretary", "Chairman", "Director", "Envoy", "Leader", "Commander",
        "King", "Emir", "Ayatollah", "Speaker", "Head", "Governor", "Mr", "Mrs", "Ms", "Dr",
        "The", "A", "An", "This", "That", "These", "Those", "Thus", "Indeed", "And", "But", "So",
        "Then", "Even", "Also", "In", "Moreover", "When", "While", "After", "Before", "If", "As",
        "Since", "Although", "Though", "However", "Yet", "Now", "Meanwhile", "Both", "Neither",
        "Either", "Only", "Still", "Today", "Yesterday", "Why", "How", "What", "Where", "Nor",
        "Or", "For", "With", "Without", "By", "At", "On", "Of", "To", "From", "Under", "Over",
        "According", "Unlike", "Like", "Until", "Once", "Because", "Whether", "Furthermore",
        "Nevertheless", "Consequently", "Hence", "Therefore", "Instead", "Besides", "Later",
        "Earlier", "Last", "Next", "Nonetheless", "Likewise", "Similarly", "Finally", "Here",
        "There", "Whereas", "Unless", "During", "Against", "Among", "Between", "Despite",
        "Many", "Some", "Most", "Such", "Several", "Other", "Another", "Each", "Every", "All",
        "No", "Not", "Few", "Much", "More", "Less", "His", "Her", "Its", "Their", "Our", "My",
        "Your", "We", "They", "He", "She", "It", "Who", "Whom", "Whose", "Which", "Did", "Does",
        "Do", "Will", "Would", "Could", "Should", "Can", "Might", "Must", "Has", "Have", "Had",
        "Is", "Was", "Were", "Are", "Let", "Late", "Western", "Eastern", "Soviet", "European",
        "January", "February", "March", "April", "May", "June", "July", "August", "September",
        "October", "November", "December", "Monday", "Tuesday", "Wednesday", "Thursday",
        "Friday", "Saturday", "Sunday",
    )
)  # fmt: skip
"""Capitalised words that are never a given name: titles, sentence openers, dates.

A name's words are read back from its surname up to the first of these."""

PRECEDING_WORD = re.compile(rf"(?<![\w’'.-])(?P<word>{WORD})[ \u00a0]+$")
"""The capitalised word just before a surname, separated by spaces only."""

LOOK_BACK = 80
"""Characters read back from a surname for its given names."""


@dataclass(frozen=True)
class People:
    """The brief's people, their mentions and the surnames left unlinked."""

    new: tuple[Entity, ...]
    """People the brief names whom the gazetteer does not know."""
    mentions: tuple[Mention, ...]
    unlinked: tuple[Unlinked, ...]


@dataclass(frozen=True)
class _Name:
    paragraph: int
    start: int
    end: int
    given: str
    surname: str

    @property
    def text(self) -> str:
        return f"{self.given} {self.surname}" if self.given else self.surname


def find_people(
    article: Article,
    known: tuple[Entity, ...],
    introduced: list[Introduced],
    not_given: frozenset[str],
    taken: Spans,
) -> People:
    """Resolve every person mention of ``article``.

    ``known`` are the gazetteer's people, ``introduced`` the names the text
    gives roles, ``not_given`` words besides :data:`NOT_GIVEN_NAMES` that
    are no given name (countries, places), ``taken`` the stretches of
    text already read as an organisation or place, or inside a citation."""
    stop = NOT_GIVEN_NAMES | not_given
    trimmed = [t for i in introduced if (t := _trim(i, stop)) is not None]
    by_surname, known_ids = _by_surname(known), {e.id for e in known}
    surnames = set(by_surname)
    surnames |= {_words(i.name)[-1] for i in trimmed if i.titled or " " in i.name}
    roles = {(i.paragraph, i.end): i for i in trimmed}
    pattern = _surname_pattern(surnames)
    names = [n for p in article.paragraphs for n in _names(p, pattern, stop, taken, roles)]
    new: dict[str, Entity] = {}
    who: dict[_Name, str] = {}
    for name in (n for n in names if n.given):
        introducing = roles.get((name.paragraph, name.end))
        who[name] = _full(name, by_surname, known_ids, new, introducing).id
    in_brief = _named_in_full(who, known, new)
    mentions: list[Mention] = []
    unlinked: list[Unlinked] = []
    for name in names:
        role = _role(roles.get((name.paragraph, name.end)), name)
        entity = who.get(name)
        reason = None
        if entity is None:
            entity, reason = _surname_alone(name.surname, in_brief, by_surname, article)
        if entity is None:
            unlinked.append(
                Unlinked(
                    article.slug,
                    name.paragraph,
                    name.start,
                    name.end,
                    name.text,
                    reason or "",
                    role,
                )
            )
            continue
        mentions.append(
            Mention(article.slug, name.paragraph, name.start, name.end, entity, name.text, role)
        )
    return People(tuple(new.values()), tuple(mentions), tuple(unlinked))


def surname_forms(person: Entity) -> set[str]:
    """The spellings of a person's surname: the last word of each full name, one-word aliases."""
    return {_words(n)[-1] for n in (person.name, *person.aliases)}


def given_forms(person: Entity) -> set[str]:
    """The given names of each full name of a person: ``Sergei``, ``Sergey``."""
    return {" ".join(w[:-1]) for n in (person.name, *person.aliases) if len(w := _words(n)) > 1}


def _words(name: str) -> list[str]:
    return name.split() or [name]


def _surname_pattern(surnames: set[str]) -> re.Pattern[str] | None:
    """Any of ``surnames`` as a whole word, longest first; built once a brief, not once a
    paragraph: with a gazetteer of hundreds of people, building it was half the reading."""
    if not surnames:
        return None
    return re.compile(
        r"(?<![\w-])(?:"
        + "|".join(re.escape(s) for s in sorted(surnames, key=lambda s: (-len(s), s)))
        + r")(?![\w-])"
    )


def _names(
    paragraph: Paragraph,
    pattern: re.Pattern[str] | None,
    stop: frozenset[str],
    taken: Spans,
    roles: dict[tuple[int, int], Introduced],
) -> Iterator[_Name]:
    """Each mention of a surname, with the given names read back before it.

    The given names never reach into the role that introduces the name:
    "Secretary of State John Kerry" is John Kerry, not "State John Kerry"."""
    if pattern is None:
        return
    text, number = paragraph.text, paragraph.number
    for match in pattern.finditer(text):
        if taken.covers(number, match.start()):
            continue
        start, given = match.start(), list[str]()
        introduced = roles.get((number, match.end()))
        limit = introduced.start if introduced is not None else 0
        while len(given) < 3:
            window = max(limit, start - LOOK_BACK)
            before = PRECEDING_WORD.search(text, window, start)
            if before is None or before["word"] in stop or taken.covers(number, before.start()):
                break
            given.insert(0, before["word"])
            start = before.start()
        yield _Name(number, start, match.end(), " ".join(given), match[0])


def _trim(introduced: Introduced, stop: frozenset[str]) -> Introduced | None:
    """The name without the words around it that are no name ("In", "Tuesday"), if any is left."""
    words = introduced.name.split()
    while words and words[-1] in stop:
        words.pop()
    kept: list[str] = []
    while words and words[-1] not in stop:
        kept.insert(0, words.pop())
    if not kept:
        return None
    end = introduced.start + introduced.name.rindex(kept[-1]) + len(kept[-1])
    name = " ".join(kept)
    return replace(introduced, start=end - len(name), end=end, name=name)


def _by_surname(known: tuple[Entity, ...]) -> dict[str, list[Entity]]:
    """Each surname spelling → the known people with it, in the gazetteer's order:
    a name is compared with these only, not with every known person."""
    found: dict[str, list[Entity]] = {}
    for person in known:
        for surname in surname_forms(person):
            found.setdefault(surname, []).append(person)
    return found


def _full(
    name: _Name,
    by_surname: dict[str, list[Entity]],
    known_ids: set[str],
    new: dict[str, Entity],
    introduced: Introduced | None,
) -> Entity:
    """The person a full name names: a known one with that exact name, or a new one."""
    for person in by_surname.get(name.surname, ()):
        if name.given in given_forms(person):
            return person
    for person in new.values():
        if name.surname in surname_forms(person) and name.given in given_forms(person):
            return person
    country = introduced.country if introduced is not None else None
    person = Entity(slugify(name.text), name.text, EntityKind.PERSON, country)
    if person.id in known_ids:
        person = Entity(slugify(f"{name.text} person"), name.text, EntityKind.PERSON, country)
    return new.setdefault(person.id, person)


def _named_in_full(
    who: dict[_Name, str], known: Iterable[Entity], new: dict[str, Entity]
) -> dict[str, list[Entity]]:
    """Each surname spelling → the people the brief names in full with it, in text order."""
    people = {e.id: e for e in (*known, *new.values())}
    found: dict[str, list[Entity]] = {}
    for entity_id in dict.fromkeys(
        who[n] for n in sorted(who, key=lambda n: (n.paragraph, n.start))
    ):
        person = people[entity_id]
        for surname in surname_forms(person):
            found.setdefault(surname, []).append(person)
    return found


def _surname_alone(
    surname: str,
    in_brief: dict[str, list[Entity]],
    by_surname: dict[str, list[Entity]],
    article: Article,
) -> tuple[str | None, str | None]:
    """Whom a surname alone names, or None and why not."""
    named = in_brief.get(surname, [])
    if len(named) == 1:
        return named[0].id, None
    if named:
        listed = " and ".join(p.name for p in named)
        return None, f"the brief names several people {surname}: {listed}"
    years = _years(article)
    same = by_surname.get(surname, [])
    marked = [p for p in same if _alone_in(p, years)]
    if len(marked) == 1:
        return marked[0].id, None
    if not same:
        return None, f"no one named {surname} in full in the brief, nor in the gazetteer"
    when = f"in {years[0]}" if years and years[0] == years[1] else "at the brief's date"
    listed = " or ".join(p.name for p in same)
    return None, (
        f"no one named {surname} in full in the brief, and the gazetteer does not say "
        f"that {surname} alone means {listed} {when}"
    )


def _alone_in(person: Entity, years: tuple[int, int] | None) -> bool:
    """Whether ``person``'s surname alone names them throughout ``years``."""
    alone = person.surname_alone
    return alone is not None and years is not None and alone[0] <= years[0] <= years[1] <= alone[1]


def _years(article: Article) -> tuple[int, int] | None:
    if article.date is not None:
        return article.date.year, article.date.year
    if article.date_bounds is not None:
        return article.date_bounds[0].year, article.date_bounds[1].year
    return None


def _role(introduced: Introduced | None, name: _Name) -> str | None:
    """The role given at this mention, unless it repeats the person's own name."""
    if introduced is None:
        return None
    if re.search(rf"(?<![\w-]){re.escape(name.surname)}(?![\w-])", introduced.role):
        return None
    return introduced.role
