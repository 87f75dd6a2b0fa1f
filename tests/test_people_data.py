"""The gazetteer's people: each names its source, no two share an id or a name,
and namesakes never take one another's mentions.

The sentences below are made here, for these tests: they only name people (the
names come from the gazetteer) and report nothing anyone said or did.
"""

from __future__ import annotations

import itertools
import re
from collections import defaultdict
from pathlib import Path

import pytest

from briefing.analysis.gazetteer import Office, load_gazetteer
from briefing.analysis.people import surname_forms
from briefing.analysis.records import Entity, EntityKind
from briefing.errors import DataFileError
from tests.conftest import write
from tests.test_people import people, read

PEOPLE = load_gazetteer().of_kind(EntityKind.PERSON)

ADDRESS = re.compile(r"https?://\S+|\b[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}\b")
"""A web address, with or without its scheme: ``https://mid.ru/…``, ``kremlin.ru``."""

PUBLICATION = re.compile(r"Eurasia Daily Monitor|North Caucasus Weekly|\bMonitor\b")
"""A publication a source may name instead of an address."""


def test_every_person_names_an_address_or_a_publication() -> None:
    unsourced = [
        p.id
        for p in PEOPLE
        if not (p.source and (ADDRESS.search(p.source) or PUBLICATION.search(p.source)))
    ]
    assert unsourced == []


def test_ids_and_names_are_unique() -> None:
    ids = [p.id for p in PEOPLE]
    names = [p.name for p in PEOPLE]
    assert len(set(ids)) == len(ids)
    assert len(set(names)) == len(names)
    assert all(re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", i) for i in ids)


def test_no_surname_is_the_name_of_a_place_or_organisation() -> None:
    gazetteer = load_gazetteer()
    others = {
        name
        for entity in gazetteer.entities
        if entity.kind is not EntityKind.PERSON
        for name in (entity.name, *entity.aliases)
    }
    others |= {*gazetteer.countries, *gazetteer.countries.values()}
    assert sorted(s for p in PEOPLE for s in surname_forms(p) if s in others) == []


def _sharing() -> dict[str, list[Entity]]:
    """Each surname spelling two or more people have → those people."""
    by_surname: dict[str, list[Entity]] = defaultdict(list)
    for person in PEOPLE:
        for surname in surname_forms(person):
            by_surname[surname].append(person)
    return {s: ps for s, ps in by_surname.items() if len(ps) > 1}


def test_namesakes_never_share_the_surname_alone_in_the_same_years() -> None:
    overlapping = [
        (surname, a.id, b.id)
        for surname, named in _sharing().items()
        for a, b in itertools.combinations(named, 2)
        if a.surname_alone
        and b.surname_alone
        and a.surname_alone[0] <= b.surname_alone[1]
        and b.surname_alone[0] <= a.surname_alone[1]
    ]
    assert overlapping == []


def test_the_data_has_namesakes_to_keep_apart() -> None:
    assert {"Aliyev", "Kadyrov", "Sargsyan", "Berdimuhamedow", "Ivanov", "Kallas"} <= set(
        _sharing()
    )


def test_namesakes_named_in_full_are_different_people() -> None:
    found = read("""\
        Ilham Aliyev and Heydar Aliyev were named.

        Ramzan Kadyrov and Akhmad Kadyrov were named. Serzh Sargsyan and Tigran Sargsyan too.

        Serdar Berdimuhamedow and Gurbanguly Berdimuhamedow were named.
        """)
    assert people(found) == {
        "ilham-aliyev": ["Ilham Aliyev"],
        "heydar-aliyev": ["Heydar Aliyev"],
        "ramzan-kadyrov": ["Ramzan Kadyrov"],
        "akhmad-kadyrov": ["Akhmad Kadyrov"],
        "serzh-sargsyan": ["Serzh Sargsyan"],
        "tigran-sargsyan": ["Tigran Sargsyan"],
        "serdar-berdimuhamedow": ["Serdar Berdimuhamedow"],
        "gurbanguly-berdimuhamedow": ["Gurbanguly Berdimuhamedow"],
    }


@pytest.mark.parametrize(
    ("sentence", "volume", "who"),
    [
        ("Aliyev was named.\n", 8, "ilham-aliyev"),  # 2011
        ("Kadyrov was named.\n", 8, "ramzan-kadyrov"),
        ("Berdimuhamedow was named.\n", 8, "gurbanguly-berdimuhamedow"),
        ("Berdimuhamedow was named.\n", 19, None),  # 2022: the son is president
        ("Sargsyan was named.\n", 8, None),  # a president and a prime minister
        ("Kuleba was named.\n", 19, None),  # two Ukrainian Kulebas
        ("Ivanov was named.\n", 8, None),  # Sergei and Viktor Ivanov
        ("Kallas was named.\n", 19, "kaja-kallas"),  # her years as prime minister
        ("Kallas was named.\n", 8, None),  # her father's name too
    ],
)
def test_a_surname_alone_names_a_namesake_only_in_the_years_the_data_gives(
    sentence: str, volume: int, who: str | None
) -> None:
    found = read(sentence, volume=volume)
    surname = sentence.split()[0]
    assert people(found) == ({who: [surname]} if who else {})
    if who is None:
        [unlinked] = found.named.unlinked
        assert unlinked.text == surname


def test_a_surname_alone_follows_the_namesake_the_brief_names_in_full() -> None:
    found = read("""\
        Heydar Aliyev was named.

        Aliyev was named again.
        """)
    assert people(found) == {"heydar-aliyev": ["Heydar Aliyev", "Aliyev"]}


def _years_not_in_source(person: Entity, office: Office) -> list[int]:
    source = person.source or ""
    return [y for y in (office.start, office.end) if y is not None and str(y) not in source]


def test_every_year_of_an_office_is_in_its_source() -> None:
    gazetteer = load_gazetteer()
    assert len(gazetteer.offices) > 50
    assert set(gazetteer.offices) <= {p.id for p in PEOPLE}
    unsourced = [
        (person.id, office)
        for person in PEOPLE
        for office in gazetteer.offices_of(person.id)
        if _years_not_in_source(person, office)
    ]
    assert unsourced == []
    assert gazetteer.offices_of("leonid-kuchma") == (Office("President of Ukraine", 1994, 2005),)
    assert gazetteer.offices_of("sergei-lavrov") == ()


PERSON = "countries: {}\npeople:\n  - id: x\n    name: X Y\n    source: made here\n"
"""A person entry made here, for the tests of ``roles`` (its roles start on line 6)."""


@pytest.mark.parametrize(
    ("roles", "message"),
    [
        ("    roles: President\n", r"y\.yml:6: .*'x': 'roles' must be a list of offices"),
        (
            "    roles:\n      - {role: President, since: 1994}\n",
            r"y\.yml:7: .*'x': roles\[1\]: unknown field 'since'",
        ),
        ("    roles:\n      - {from: 1994}\n", r"y\.yml:7: .*roles\[1\]: 'role' must name"),
        (
            "    roles:\n      - {role: President, from: 2005, to: 1994}\n",
            r"y\.yml:7: .*'from' not after",
        ),
        ("    roles:\n      - {role: President, from: yes}\n", r"y\.yml:7: .*must be years"),
        ("    roles:\n      - President\n", r"y\.yml:6: .*roles\[1\]: expected"),
    ],
)
def test_roles_errors_name_file_key_and_line(tmp_path: Path, roles: str, message: str) -> None:
    with pytest.raises(DataFileError, match=message):
        load_gazetteer(write(tmp_path / "y.yml", PERSON + roles))


def test_roles_are_for_people_only(tmp_path: Path) -> None:
    place = "countries: {}\nplaces:\n  - id: x\n    name: X\n    roles:\n      - {role: Capital}\n"
    with pytest.raises(DataFileError, match=r"y\.yml:5: places\[1\] 'x': 'roles' is for people"):
        load_gazetteer(write(tmp_path / "y.yml", place))


def test_roles_load_with_the_years_given(tmp_path: Path) -> None:
    roles = "    roles:\n      - {role: Minister, from: 2001}\n      - {role: President}\n"
    gazetteer = load_gazetteer(write(tmp_path / "y.yml", PERSON + roles))
    assert gazetteer.offices_of("x") == (Office("Minister", 2001, None), Office("President"))
