"""Known periodicals (``data/publications.yml``): the year of a volume."""

from __future__ import annotations

from ..errors import DataFileError
from ..model import Publication
from ..yamlfile import LineDict, load_yaml, read_data_file

_FILE = "briefing/data/publications.yml"
_FIELDS = {"name", "abbreviation", "publisher", "first_year", "url", "aliases", "issues_per_year"}


def load_publications() -> tuple[Publication, ...]:
    """The packaged publications, validated."""
    _, text = read_data_file("publications.yml")
    entries = load_yaml(text, _FILE, DataFileError)
    if not isinstance(entries, list):
        raise DataFileError(_FILE, "expected a list of publications")
    return tuple(_publication(entry) for entry in entries)


def _publication(entry: object) -> Publication:
    if not isinstance(entry, LineDict) or not isinstance(entry.get("name"), str):
        raise DataFileError(_FILE, "each publication needs a 'name'")
    unknown = sorted(set(entry) - _FIELDS)
    if unknown:
        raise DataFileError(_FILE, f"unknown field(s) {unknown}", entry.line_of(unknown[0]))
    first_year = entry.get("first_year")
    if first_year is not None and not isinstance(first_year, int):
        raise DataFileError(_FILE, "'first_year' must be a year", entry.line_of("first_year"))
    per_year = entry.get("issues_per_year")
    if per_year is not None and (not isinstance(per_year, int) or per_year < 1):
        raise DataFileError(
            _FILE, "'issues_per_year' must be a positive number", entry.line_of("issues_per_year")
        )
    return Publication(
        name=entry["name"],
        abbreviation=str(entry.get("abbreviation") or _initials(entry["name"])),
        publisher=entry.get("publisher"),
        first_year=first_year,
        url=entry.get("url"),
        aliases=tuple(entry.get("aliases") or ()),
        issues_per_year=per_year,
    )


def _initials(name: str) -> str:
    return "".join(word[0] for word in name.split() if word[:1].isupper())


def find_publication(name: str, known: tuple[Publication, ...]) -> Publication:
    """The publication called ``name``; an unknown one is described from its name."""
    wanted = name.casefold().strip()
    for publication in known:
        names = (publication.name, publication.abbreviation, *publication.aliases)
        if wanted in (n.casefold() for n in names):
            return publication
    return Publication(name=name.strip(), abbreviation=_initials(name) or name.strip())
