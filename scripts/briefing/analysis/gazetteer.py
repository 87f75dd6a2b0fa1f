"""The gazetteer: known people, organisations and places, from a data file.

``data/gazetteer.yml`` is validated on load; every problem is a
DataFileError naming the file, the entry's key and its line.
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import DataFileError
from ..yamlfile import LineDict, load_yaml, read_data_file
from .records import Entity, EntityKind

DEFAULT_GAZETTEER = "gazetteer.yml"

SECTIONS: dict[str, EntityKind] = {
    "people": EntityKind.PERSON,
    "organisations": EntityKind.ORGANISATION,
    "places": EntityKind.PLACE,
}
"""The entity lists of the file and the kind of their entries."""

ENTRY_FIELDS: dict[str, str] = {
    "id": "stable key, lower-case words joined by hyphens",
    "name": "the canonical name",
    "country": "the country the entry belongs to",
    "aliases": "other ways the text names it (surname, abbreviation, spelling)",
    "surname_alone": "people: [first, last] years in which the surname alone names this person",
    "roles": "people: offices held, each {role, from, to} with the years the source gives",
    "source": "where the entry's facts come from (required for people)",
}

ROLE_FIELDS: dict[str, str] = {
    "role": "the office as the source names it",
    "from": "the year the source says it began (optional)",
    "to": "the year the source says it ended (optional)",
}


@dataclass(frozen=True, order=True)
class Office:
    """An office a known person held, as their entry's source states it: "Minister
    of Defence" from 2001 to 2007; a year the source does not give is None."""

    role: str
    start: int | None = None
    end: int | None = None


@dataclass(frozen=True)
class Gazetteer:
    """Entities by kind, and country names by adjective ("Russian": "Russia")."""

    entities: tuple[Entity, ...]
    countries: dict[str, str]
    offices: dict[str, tuple[Office, ...]] = dataclasses.field(default_factory=dict)
    """Each known person's offices (``roles`` in the file), by the person's id."""

    def of_kind(self, kind: EntityKind) -> tuple[Entity, ...]:
        return tuple(e for e in self.entities if e.kind is kind)

    def get(self, entity_id: str) -> Entity | None:
        return next((e for e in self.entities if e.id == entity_id), None)

    def offices_of(self, entity_id: str) -> tuple[Office, ...]:
        return self.offices.get(entity_id, ())


def load_gazetteer(path: Path | None = None) -> Gazetteer:
    """Load and validate the gazetteer (the packaged one when ``path`` is None)."""
    return _parsed(*read_data_file(DEFAULT_GAZETTEER, path))


@functools.lru_cache(maxsize=2)
def _parsed(name: str, text: str) -> Gazetteer:
    """The gazetteer in ``text``: parsed once while its text is the same (a server
    rebuilding after each edit reads the file, a few hundred people, every time;
    parsing it took 0.13 s). Frozen, so every build can share it."""
    data = load_yaml(text, name, DataFileError)
    if not isinstance(data, LineDict):
        raise DataFileError(name, "expected a mapping of countries, people, organisations, places")
    unknown = sorted(set(data) - {"countries", *SECTIONS})
    if unknown:
        raise DataFileError(name, f"unknown key '{unknown[0]}'", data.line_of(unknown[0]))
    entities = [e for key, kind in SECTIONS.items() for e in _entries(name, data, key, kind)]
    _check_unique(name, entities, data)
    return Gazetteer(tuple(entities), _countries(name, data), _offices(name, data))


def _countries(file: str, data: LineDict) -> dict[str, str]:
    countries = data.get("countries", {})
    if not isinstance(countries, LineDict):
        raise DataFileError(
            file, "'countries' must map adjectives to countries", data.line_of("countries")
        )
    for key, value in countries.items():
        if not isinstance(value, str):
            raise DataFileError(file, f"countries '{key}': expected a name", countries.line_of(key))
    return dict(countries)


def _entries(file: str, data: LineDict, key: str, kind: EntityKind) -> Iterator[Entity]:
    entries = data.get(key, [])
    if not isinstance(entries, list):
        raise DataFileError(file, f"'{key}' must be a list", data.line_of(key))
    for index, entry in enumerate(entries):
        yield _entity(file, f"{key}[{index + 1}]", entry, kind, data.line_of(key))


def _entity(file: str, where: str, entry: Any, kind: EntityKind, line: int) -> Entity:
    if not isinstance(entry, LineDict) or not isinstance(entry.get("id"), str):
        raise DataFileError(file, f"{where}: expected a mapping with an 'id'", line)
    key = f"{where} '{entry['id']}'"
    for field in sorted(set(entry) - set(ENTRY_FIELDS)):
        raise DataFileError(file, f"{key}: unknown field '{field}'", entry.line_of(field))
    for field in ("name", "country"):
        if (field == "name" or field in entry) and not isinstance(entry.get(field), str):
            raise DataFileError(file, f"{key}: '{field}' must be text", entry.line_of(field))
    aliases = entry.get("aliases", [])
    if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
        raise DataFileError(
            file, f"{key}: 'aliases' must be a list of names", entry.line_of("aliases")
        )
    if "roles" in entry and kind is not EntityKind.PERSON:
        raise DataFileError(file, f"{key}: 'roles' is for people only", entry.line_of("roles"))
    source = entry.get("source")
    if (kind is EntityKind.PERSON or "source" in entry) and not (
        isinstance(source, str) and source.strip()
    ):
        raise DataFileError(file, f"{key}: 'source' must name a source", entry.line_of("source"))
    return Entity(
        entry["id"],
        entry["name"],
        kind,
        entry.get("country"),
        tuple(aliases),
        _years(file, key, entry, kind),
        source,
    )


def _years(file: str, key: str, entry: LineDict, kind: EntityKind) -> tuple[int, int] | None:
    if "surname_alone" not in entry:
        return None
    years = entry["surname_alone"]
    line = entry.line_of("surname_alone")
    if kind is not EntityKind.PERSON:
        raise DataFileError(file, f"{key}: 'surname_alone' is for people only", line)
    if (
        not isinstance(years, list)
        or len(years) != 2
        or not all(isinstance(y, int) and not isinstance(y, bool) for y in years)
        or years[0] > years[1]
    ):
        raise DataFileError(file, f"{key}: 'surname_alone' must be [first year, last year]", line)
    return (years[0], years[1])


def _offices(file: str, data: LineDict) -> dict[str, tuple[Office, ...]]:
    """The ``roles`` of the people entries (already checked to be mappings with an id)."""
    found: dict[str, tuple[Office, ...]] = {}
    for index, entry in enumerate(data.get("people", [])):
        if "roles" not in entry:
            continue
        key = f"people[{index + 1}] '{entry['id']}'"
        roles = entry["roles"]
        if not isinstance(roles, list) or not roles:
            raise DataFileError(
                file, f"{key}: 'roles' must be a list of offices", entry.line_of("roles")
            )
        found[entry["id"]] = tuple(
            _office(file, f"{key}: roles[{n + 1}]", role, entry.line_of("roles"))
            for n, role in enumerate(roles)
        )
    return found


def _office(file: str, where: str, role: Any, line: int) -> Office:
    if not isinstance(role, LineDict):
        raise DataFileError(file, f"{where}: expected {{role, from, to}}", line)
    for name in sorted(set(role) - set(ROLE_FIELDS)):
        raise DataFileError(file, f"{where}: unknown field '{name}'", role.line_of(name))
    if not (isinstance(role.get("role"), str) and role["role"].strip()):
        raise DataFileError(file, f"{where}: 'role' must name the office", role.line_of("role"))
    years = [role.get(k) for k in ("from", "to")]
    if not all(y is None or (isinstance(y, int) and not isinstance(y, bool)) for y in years) or (
        years[0] is not None and years[1] is not None and years[0] > years[1]
    ):
        raise DataFileError(
            file, f"{where}: 'from' and 'to' must be years, 'from' not after 'to'", role.start_line
        )
    return Office(role["role"], years[0], years[1])


def _check_unique(file: str, entities: list[Entity], data: LineDict) -> None:
    seen: set[str] = set()
    for entity in entities:
        if entity.id in seen:
            kind = next(k for k, v in SECTIONS.items() if v is entity.kind)
            raise DataFileError(file, f"{kind}: id '{entity.id}' is used twice", data.line_of(kind))
        seen.add(entity.id)
