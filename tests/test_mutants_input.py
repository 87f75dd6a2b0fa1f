"""Tests that kill mutants `make mutate` found alive (docs-dev/MUTATION.md): input."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing.errors import SidecarError
from briefing.input.publications import find_publication
from briefing.input.sidecar import load_sidecar, read_sidecar
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
