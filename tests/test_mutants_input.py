"""Tests that kill mutants `make mutate` found alive (docs-dev/MUTATION.md): input."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from briefing.errors import DataFileError, SidecarError
from briefing.input import publications
from briefing.input.publications import find_publication, load_publications
from briefing.input.sidecar import load_sidecar, read_sidecar, sidecar_path
from briefing.input.slug import MAX_LENGTH, slugify, windows_reserved
from briefing.model import Publication

# Titles, names and files here are made here.


@pytest.mark.parametrize(
    ("name", "reserved"),
    [
        ("NUL.md", True),
        ("com1", True),
        ("Lpt9.tar.gz", True),
        ("aux .txt", True),
        ("com0", False),
        ("console", False),
        ("x.con", False),
        ("CONX.txt", False),
    ],
)
def test_windows_reserved_names(name: str, reserved: bool) -> None:
    assert windows_reserved(name) is reserved


def test_a_slug_fills_exactly_the_maximum_length_at_a_word() -> None:
    word = "a" * (MAX_LENGTH // 2 - 1)
    assert slugify(f"{word} {word} x") == f"{word}-{word}"  # 59 characters, then x would be 61
    assert len(slugify(f"{'b' * (MAX_LENGTH - 3)} cc")) == MAX_LENGTH


def test_a_first_word_longer_than_the_maximum_is_cut() -> None:
    assert slugify("x" * 70 + " y") == "x" * MAX_LENGTH


def test_the_fallback_and_reserved_names_get_a_suffix() -> None:
    assert slugify("!!", "source") == "source"
    assert slugify("Search") == "search-brief"
    assert slugify("COM1") == "com1-brief"
    assert slugify("com0") == "com0-brief"
    assert slugify("Briefs") == "briefs-brief"
    assert slugify("Tags and more") == "tags-and-more"


def test_a_wrong_value_is_shown_in_full_up_to_sixty_characters() -> None:
    sixty = "x" * 58  # repr adds the quotes: 60 characters
    with pytest.raises(SidecarError) as shown:
        read_sidecar(f"date: '{sixty}'\n".encode(), "a.yml")
    assert str(shown.value).endswith(f"got '{sixty}'")
    with pytest.raises(SidecarError) as cut:
        read_sidecar(f"date: '{sixty}y'\n".encode(), "a.yml")
    assert str(cut.value).endswith(f"got '{sixty[:56]}...")
    with pytest.raises(SidecarError) as mapping:
        read_sidecar(b"author: {a: 1}\n", "a.yml")
    assert str(mapping.value).endswith("got {'a': 1}")


def test_a_sidecar_error_names_the_file_as_displayed(tmp_path: Path) -> None:
    path = tmp_path / "a.yml"
    path.write_bytes(b"\xff")
    with pytest.raises(SidecarError, match=r"^shown/a\.yml:1: not UTF-8"):
        load_sidecar(path, "shown/a.yml")


def test_an_unknown_publication_is_abbreviated_by_its_capitals() -> None:
    assert find_publication(" Caspian Weekly Notes ", ()) == Publication(
        "Caspian Weekly Notes", "CWN"
    )
    assert find_publication("the quarterly of Yerevan", ()).abbreviation == "Y"
    assert find_publication("lower case", ()).abbreviation == "lower case"


KNOWN = "author, date, url, summary, sections, tags, slug"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("autor: A\n", f"a.yml:1: unknown key 'autor' (known keys: {KNOWN})"),
        ("summary: ''\n", "a.yml:1: 'summary': expected text, got ''"),
        ("url: [1]\n", "a.yml:1: 'url': expected text, got [1]"),
        ("slug: A\n", "a.yml:1: 'slug': expected lower-case letters, digits and hyphens, got 'A'"),
        ("slug: nul\n", "a.yml:1: 'slug': 'nul' names a device on Windows, where the site"),
        ("date: 2011-11-16 10:00:00\n", "a.yml:1: 'date': expected a date as YYYY-MM-DD, got"),
        ("sections: x\n", "a.yml:1: 'sections': expected a list of {heading: ..., paragraph: ...}"),
        (
            "sections:\n  - {heading: ' ', paragraph: 2}\n",
            "a.yml:1: 'sections': each item needs a heading and a paragraph number, got "
            "{'heading': ' ', 'paragraph': 2}",
        ),
        ("sections:\n  - {heading: 1, paragraph: 2}\n", "a.yml:1: 'sections': each item"),
        ("sections:\n  - {heading: X, paragraph: x}\n", "a.yml:1: 'sections': each item"),
        ("sections:\n  - {heading: X, paragraph: true}\n", "a.yml:1: 'sections': each item"),
        ("sections:\n  - {heading: X, paragraph: 0}\n", "a.yml:1: 'sections': each item"),
        ("sections:\n  - {heading: X}\n", "a.yml:1: 'sections': each item"),
        ("tags: [a, 1]\n", "a.yml:1: 'tags': expected a list of words"),
        ("tags: [a, ' ']\n", "a.yml:1: 'tags': expected a list of words"),
        ("author: []\n", "a.yml:1: 'author': expected a name or a list of names, got []"),
    ],
)
def test_each_wrong_sidecar_value_is_named_exactly(text: str, message: str) -> None:
    with pytest.raises(SidecarError) as error:
        read_sidecar(text.encode(), "a.yml")
    assert str(error.value).startswith(message)


def test_every_sidecar_field_is_read_with_its_white_space_joined() -> None:
    text = (
        "author: ['Ann  Bee', Cy Dee]\n"
        "date: 2011-11-16\n"
        "url: https://o.example/a\n"
        "summary: '  Two \n   lines  '\n"
        "sections:\n  - {heading: '  Later   part', paragraph: 4}\n"
        "  - {heading: First, paragraph: 1}\n"
        "tags: [' a  b ', c, 'a b']\n"
        "slug: my-brief\n"
    )
    sidecar = read_sidecar(text.encode(), "a.yml")
    assert sidecar.author == "Ann Bee and Cy Dee"
    assert sidecar.url == "https://o.example/a"
    assert sidecar.summary == "Two lines"
    assert [(s.heading, s.paragraph) for s in sidecar.sections] == [
        ("First", 1),
        ("Later part", 4),
    ]
    assert sidecar.tags == ("a b", "c")
    assert sidecar.slug == "my-brief"
    assert read_sidecar(b"date: ' 2011-11-16 '\n", "a.yml").date is not None


def test_an_empty_sidecar_keeps_its_warnings() -> None:
    sidecar = read_sidecar("# note \u202e\n".encode(), "a.yml")
    assert sidecar.warnings and sidecar.author is None


def test_the_sidecar_of_a_seed() -> None:
    assert sidecar_path(Path("seeds/a.txt")) == Path("seeds/a.yml")


def test_the_packaged_publications_read_whole() -> None:
    (edm,) = load_publications()
    assert edm == Publication(
        "Eurasia Daily Monitor",
        "EDM",
        "Jamestown Foundation",
        2004,
        "https://jamestown.org/programs/edm/",
        (),
        240,
    )


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("name: X\n", "briefing/data/publications.yml: expected a list of publications"),
        ("- abbreviation: X\n", "briefing/data/publications.yml: each publication needs a 'name'"),
        ("- x\n", "briefing/data/publications.yml: each publication needs a 'name'"),
        (
            "- name: X\n  b: 1\n  a: 2\n",
            "briefing/data/publications.yml:3: unknown field(s) ['a', 'b']",
        ),
        ("- name: X\n  first_year: soon\n", "publications.yml:2: 'first_year' must be a year"),
        (
            "- name: X\n  issues_per_year: 0\n",
            "publications.yml:2: 'issues_per_year' must be a positive number",
        ),
        ("- name: X\n  issues_per_year: x\n", "publications.yml:2: 'issues_per_year' must be"),
    ],
)
def test_a_wrong_publications_file_is_named_with_its_line(
    monkeypatch: pytest.MonkeyPatch, text: str, message: str
) -> None:
    # The packaged file replaced by one made here.
    monkeypatch.setattr(publications, "read_data_file", lambda name: (name, text))
    with pytest.raises(DataFileError) as error:
        load_publications()
    assert message in str(error.value)


def test_a_publication_without_an_abbreviation_gets_its_initials(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    text = "- name: Caspian Weekly Notes\n  aliases: [CWN Weekly]\n"
    monkeypatch.setattr(publications, "read_data_file", lambda name: (name, text))
    assert load_publications() == (
        Publication("Caspian Weekly Notes", "CWN", aliases=("CWN Weekly",)),
    )
    known = load_publications()
    assert find_publication("cwn weekly", known) is known[0]
    assert find_publication("CWN", known) is known[0]


def test_a_publications_file_that_is_not_yaml_and_a_kept_abbreviation(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(publications, "read_data_file", lambda name: (name, "- name: 'x\n"))
    with pytest.raises(DataFileError, match=r"^briefing/data/publications\.yml:\d+: not valid"):
        load_publications()
    text = "- name: Weekly Notes\n  abbreviation: Notes\n  issues_per_year: 1\n"
    monkeypatch.setattr(publications, "read_data_file", lambda name: (name, text))
    assert load_publications() == (Publication("Weekly Notes", "Notes", issues_per_year=1),)


def test_a_sidecar_date_is_a_date_not_a_time() -> None:
    assert read_sidecar(b"date: 2011-11-16\n", "a.yml").date == dt.date(2011, 11, 16)


def test_a_sidecar_that_is_a_folder_is_named_as_displayed(tmp_path: Path) -> None:
    (tmp_path / "a.yml").mkdir()
    with pytest.raises(SidecarError, match=r"^shown/a\.yml"):
        load_sidecar(tmp_path / "a.yml", "shown/a.yml")
