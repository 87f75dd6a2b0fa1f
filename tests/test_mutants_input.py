"""Tests that kill mutants `make mutate` found alive (docs-dev/MUTATION.md): input."""

from __future__ import annotations

import pytest

from briefing.input.slug import MAX_LENGTH, slugify, windows_reserved

# Titles and names here are made here.


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
