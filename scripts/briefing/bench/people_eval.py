"""People, roles and cited outlets measured on real text against a labelled set.

The set (``tests/fixtures/realtext/sentences.yml``) quotes sentences of
published articles, each labelled with the people it names (the name as
written, the role the sentence gives or none, and the shorter forms it
uses again, such as a surname alone) and the outlets it cites in
parentheses. Each item is read as a brief of one paragraph and analysed
as a brief is; then:

- a found person is *right* when the words of its mentions are all forms
  of one labelled person: naming none is a person that is not there (or a
  name misread, "Army-General Sergei Shoigu"), naming two is two people
  merged (``merges``);
- a labelled person is *recalled* when one right person carries every form
  of it (the full name and each shorter form);
- a labelled role is recalled when that person's roles include it, and a
  found role is right when it is the labelled role of its person; roles
  are compared without case, a leading article or the kind of apostrophe.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from ..analysis.brief import BriefAnalysis, analyse
from ..analysis.gazetteer import Gazetteer, load_gazetteer
from ..analysis.records import Entity, EntityKind
from ..citations.registry import OutletLookup, load_registry
from ..errors import DataFileError
from ..input.parse import parse_article
from ..input.publications import load_publications
from ..input.sidecar import Sidecar
from ..model import Publication
from ..yamlfile import LineDict, load_yaml

LABELLED = Path(__file__).resolve().parents[3] / "tests" / "fixtures" / "realtext" / "sentences.yml"
"""The labelled sentences."""

TITLE = "Measured sentence"
"""The title of the one-paragraph brief each sentence is read as."""

_ARTICLE = re.compile(r"^(?:the|a|an)\s+")
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class Person:
    """A person a sentence names, as labelled."""

    name: str
    role: str | None
    mentions: tuple[str, ...] = ()

    @property
    def forms(self) -> frozenset[str]:
        return frozenset((self.name, *self.mentions))


@dataclass(frozen=True)
class Item:
    """One labelled sentence (or a few consecutive ones) and where it was published."""

    source: str
    text: str
    people: tuple[Person, ...]
    outlets: tuple[str, ...]
    held_out: bool = False
    """Gathered after the rules were written, and measured without changing them."""


@dataclass
class Score:
    """Counts over the whole set, and what went wrong, one line each."""

    sentences: int = 0
    found: int = 0
    right: int = 0
    labelled: int = 0
    recalled: int = 0
    roles_labelled: int = 0
    roles_recalled: int = 0
    roles_found: int = 0
    roles_right: int = 0
    outlets_labelled: int = 0
    outlets_recalled: int = 0
    outlets_found: int = 0
    outlets_right: int = 0
    merges: int = 0
    errors: list[str] = field(default_factory=list)

    @property
    def identity_precision(self) -> float:
        return _ratio(self.right, self.found)

    @property
    def identity_recall(self) -> float:
        return _ratio(self.recalled, self.labelled)

    @property
    def role_precision(self) -> float:
        return _ratio(self.roles_right, self.roles_found)

    @property
    def role_recall(self) -> float:
        return _ratio(self.roles_recalled, self.roles_labelled)

    @property
    def outlet_precision(self) -> float:
        return _ratio(self.outlets_right, self.outlets_found)

    @property
    def outlet_recall(self) -> float:
        return _ratio(self.outlets_recalled, self.outlets_labelled)

    def figures(self) -> dict[str, float | int]:
        """The figures, as ``results.json`` and the table give them."""
        return {
            "sentences": self.sentences,
            "people": self.labelled,
            "identity_precision": round(self.identity_precision, 3),
            "identity_recall": round(self.identity_recall, 3),
            "merges": self.merges,
            "role_precision": round(self.role_precision, 3),
            "role_recall": round(self.role_recall, 3),
            "outlet_precision": round(self.outlet_precision, 3),
            "outlet_recall": round(self.outlet_recall, 3),
        }


def _ratio(part: int, whole: int) -> float:
    return part / whole if whole else 1.0


def load_items(path: Path = LABELLED) -> list[Item]:
    """The labelled items of ``path``, checked: each name, role and outlet is in its text."""
    data = load_yaml(path.read_text("utf-8"), str(path), DataFileError)
    items = data.get("items") if isinstance(data, LineDict) else None
    if not isinstance(items, list):
        raise DataFileError(str(path), "'items' must be a list", 1)
    return [_item(path, number, raw) for number, raw in enumerate(items, start=1)]


def _item(path: Path, number: int, raw: object) -> Item:
    if not isinstance(raw, LineDict) or not isinstance(raw.get("text"), str):
        raise DataFileError(str(path), f"items[{number}] needs a 'text'", 1)
    line = raw.line_of("text")
    text = raw["text"]
    people = tuple(
        Person(p["name"], p.get("role"), tuple(p.get("mentions") or ()))
        for p in raw.get("people") or ()
    )
    outlets = tuple(raw.get("outlets") or ())
    for words in (*(p.name for p in people), *(p.role for p in people if p.role), *outlets):
        if words not in text:
            raise DataFileError(str(path), f"items[{number}]: {words!r} is not in its text", line)
    return Item(str(raw.get("source", "")), text, people, outlets, raw.get("held_out") is True)


@dataclass(frozen=True)
class Reader:
    """What reading a sentence as a brief needs, loaded once."""

    gazetteer: Gazetteer
    registry: OutletLookup
    publications: tuple[Publication, ...]

    def read(self, item: Item) -> BriefAnalysis:
        """The item's text as a brief of one paragraph (no date: the sentence gives none)."""
        article = parse_article(
            f"{TITLE}\n\n{item.text}\n", "measured.txt", Sidecar(), self.registry, self.publications
        )
        return analyse(article, self.gazetteer)


def measure(items: Iterable[Item], gazetteer: Gazetteer | None = None) -> Score:
    """Precision and recall of people, roles and outlets over ``items``."""
    reader = Reader(gazetteer or load_gazetteer(), load_registry(), load_publications())
    score = Score()
    for item in items:
        score.sentences += 1
        found = reader.read(item)
        _score_people(item, found, score)
        _score_outlets(item, found, score)
    return score


def _score_people(item: Item, found: BriefAnalysis, score: Score) -> None:
    where = item.text[:60]
    whose: dict[Person, Entity] = {}
    for entity in found.named.of_kind(EntityKind.PERSON):
        words = {m.text for m in found.mentions_of(entity.id)}
        named = [p for p in item.people if p.forms & words]
        roles = found.named.roles(entity.id)
        score.found += 1
        score.roles_found += len(roles)
        if len(named) != 1 or not words <= named[0].forms:
            score.merges += len(named) > 1
            listed = " + ".join(p.name for p in named) or "no one labelled"
            score.errors.append(f"{where}: found {sorted(words)} is {listed}")
            continue
        person = named[0]
        score.right += 1
        whose.setdefault(person, entity)
        for role in roles:
            if person.role is not None and _same(role, person.role):
                score.roles_right += 1
            else:
                score.errors.append(f"{where}: {person.name} given the role {role!r}")
        if person.forms <= words:
            score.recalled += 1
            if person.role is not None and any(_same(r, person.role) for r in roles):
                score.roles_recalled += 1
    for person in item.people:
        score.labelled += 1
        score.roles_labelled += person.role is not None
        carrier = whose.get(person)
        if carrier is None:
            score.errors.append(f"{where}: {person.name} not found")
        elif person.role is not None and not any(
            _same(r, person.role) for r in found.named.roles(carrier.id)
        ):
            score.errors.append(f"{where}: {person.name} lacks the role {person.role!r}")


def _score_outlets(item: Item, found: BriefAnalysis, score: Score) -> None:
    cited = [
        c.outlet_text
        for p in found.article.paragraphs
        for parenthetical in p.parentheticals
        for c in parenthetical.citations
    ]
    score.outlets_labelled += len(item.outlets)
    score.outlets_recalled += sum(1 for o in item.outlets if o in cited)
    score.outlets_found += len(cited)
    score.outlets_right += sum(1 for o in cited if o in item.outlets)


def _same(found: str, labelled: str) -> bool:
    return _normal(found) == _normal(labelled)


def _normal(role: str) -> str:
    role = _SPACE.sub(" ", role.replace("’", "'")).strip(" ,.;").casefold()
    return _ARTICLE.sub("", role)


def report(score: Score, title: str = "Real text") -> str:
    """The figures as a short table."""
    s = score
    rows = [
        ("people: identity precision", s.identity_precision, f"{s.right}/{s.found}"),
        ("people: identity recall", s.identity_recall, f"{s.recalled}/{s.labelled}"),
        ("roles: precision", s.role_precision, f"{s.roles_right}/{s.roles_found}"),
        ("roles: recall", s.role_recall, f"{s.roles_recalled}/{s.roles_labelled}"),
        ("outlets: precision", s.outlet_precision, f"{s.outlets_right}/{s.outlets_found}"),
        ("outlets: recall", s.outlet_recall, f"{s.outlets_recalled}/{s.outlets_labelled}"),
    ]
    lines = [f"{title}: {score.sentences} labelled passages, {score.merges} merged people"]
    lines += [f"  {name:<28} {value:6.3f}  ({counts})" for name, value, counts in rows]
    return "\n".join(lines)


def held_out(items: Iterable[Item]) -> list[Item]:
    """The items gathered after the rules were written."""
    return [i for i in items if i.held_out]
