"""Tests that kill mutants `make mutate` found alive (docs-dev/MUTATION.md): input."""

from __future__ import annotations

import datetime as dt
import os
import stat
from pathlib import Path

import pytest

from briefing.citations import extract
from briefing.citations.extract import Extraction, Problem
from briefing.citations.reasons import Reason
from briefing.citations.registry import load_registry
from briefing.errors import DataFileError, SeedError, SidecarError
from briefing.input import guard, publications
from briefing.input.guard import SIDECAR_LIMIT, display_name, seed_bytes, sidecar_bytes
from briefing.input.parse import Block, blocks, parse_article
from briefing.input.publications import find_publication, load_publications
from briefing.input.reading import decode_seed, strip_bidi, wide_encoding
from briefing.input.sidecar import Sidecar, load_sidecar, read_sidecar, sidecar_path
from briefing.input.slug import MAX_LENGTH, slugify, windows_reserved
from briefing.model import Article, Diagnostic, ParentheticalKind, Publication, Section
from tests.citation_helpers import CONTEXT

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


# input/guard.py


@pytest.mark.parametrize(
    ("size", "shown"),
    [
        (1024 * 1000, "1000 KB"),
        (1024 * 1024 - 1, "1024 KB"),
        (1024 * 1024, "1 MB"),
        (100 * 1024 * 1024, "100 MB"),
        (1024 * 1024 * 3 // 2, "1.5 MB"),
    ],
)
def test_sizes_are_shown_in_kilobytes_below_a_megabyte(size: int, shown: str) -> None:
    assert guard._megabytes(size) == shown


def test_a_missing_seed_is_named_as_displayed(tmp_path: Path) -> None:
    with pytest.raises(SeedError) as caught:
        seed_bytes(tmp_path / "seeds" / "gone.txt", tmp_path, "shown.txt")
    assert (caught.value.file, caught.value.message) == (
        "shown.txt",
        "cannot be read: No such file or directory",
    )


def test_a_file_outside_the_project_is_named_by_its_whole_path(tmp_path: Path) -> None:
    assert display_name(tmp_path / "x.txt", tmp_path / "project") == str(tmp_path / "x.txt")


def test_a_sidecar_of_exactly_the_limit_is_read(tmp_path: Path) -> None:
    (tmp_path / "s.yml").write_bytes(b"#" * SIDECAR_LIMIT)
    assert len(sidecar_bytes(tmp_path / "s.yml", tmp_path) or b"") == SIDECAR_LIMIT


def test_a_seed_is_opened_without_blocking_and_not_inherited(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "s.txt").write_bytes(b"Text made here.\n")
    flags: list[int] = []
    real_open = os.open

    def recording_open(path: object, flag: int, *args: int) -> int:
        flags.append(flag)
        return real_open(path, flag, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(guard.os, "open", recording_open)
    assert seed_bytes(tmp_path / "s.txt", tmp_path) == b"Text made here.\n"
    assert flags == [os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC]


def _seen_small(patch: pytest.MonkeyPatch, tmp_path: Path, name: str, fstat: bool) -> None:
    """``os.stat`` (and ``os.fstat`` when asked) see a one-byte file: the file grew after.

    Only inside ``monkeypatch.context()``: pytest's own capture calls ``os.fstat``."""
    (tmp_path / "small").write_bytes(b"#")
    small = os.stat(tmp_path / "small")
    real_stat = os.stat

    def stat_(path: object, *args: object, **kwargs: object) -> os.stat_result:
        if os.fspath(path) == os.fspath(tmp_path / name):  # type: ignore[arg-type]
            return small
        return real_stat(path, *args, **kwargs)  # type: ignore[arg-type]

    patch.setattr(guard.os, "stat", stat_)
    if fstat:
        patch.setattr(guard.os, "fstat", lambda fd: small)


def test_a_sidecar_that_grew_after_its_stat_is_refused_from_the_open_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "s.yml").write_bytes(b"#" * (2 * SIDECAR_LIMIT))
    with monkeypatch.context() as patch, pytest.raises(SidecarError) as caught:
        _seen_small(patch, tmp_path, "s.yml", fstat=False)
        sidecar_bytes(tmp_path / "s.yml", tmp_path, "shown.yml")
    assert caught.value.file == "shown.yml"
    assert caught.value.message == (
        "is 128 KB; a sidecar may be at most 64 KB"
        " (it holds a few short values such as 'author:' and 'date:')"
    )


def test_a_sidecar_that_grew_after_both_checks_is_refused_after_reading_one_byte_more(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "s.yml").write_bytes(b"#" * (2 * SIDECAR_LIMIT))
    with monkeypatch.context() as patch, pytest.raises(SidecarError) as caught:
        _seen_small(patch, tmp_path, "s.yml", fstat=True)
        sidecar_bytes(tmp_path / "s.yml", tmp_path, "shown.yml")
    assert caught.value.file == "shown.yml"
    assert caught.value.message == (  # 64 KB and one byte read, not the whole 128 KB
        "is 64 KB; a sidecar may be at most 64 KB"
        " (it holds a few short values such as 'author:' and 'date:')"
    )


def test_a_read_that_fails_after_the_open_is_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "s.txt").write_bytes(b"Text made here.\n")

    def failing(fd: int) -> os.stat_result:
        raise OSError(5, "Input/output error")

    with monkeypatch.context() as patch, pytest.raises(SeedError) as caught:
        patch.setattr(guard.os, "fstat", failing)  # pytest's own capture calls it too
        seed_bytes(tmp_path / "s.txt", tmp_path, "shown.txt")
    assert (caught.value.file, caught.value.message) == (
        "shown.txt",
        "cannot be read: Input/output error",
    )


def test_a_path_that_cannot_be_resolved_is_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def looping(path: str) -> str:
        raise OSError(40, "Too many levels of symbolic links")

    monkeypatch.setattr(guard, "_real_path", looping)
    with pytest.raises(SeedError) as caught:
        seed_bytes(tmp_path / "s.txt", tmp_path, "shown.txt")
    assert caught.value.file == "shown.txt"
    assert caught.value.message == (
        "cannot be resolved: [Errno 40] Too many levels of symbolic links"
    )


def test_a_file_of_no_known_kind_is_a_special_file() -> None:
    link = os.stat_result((stat.S_IFLNK | 0o777, 0, 0, 1, 0, 0, 0, 0, 0, 0))
    with pytest.raises(SeedError, match=r"^x: is a special file, not a text file; a seed must"):
        guard._refuse_irregular(link, "x", 10, SeedError, "seed")


def test_a_size_without_a_hint_for_its_kind() -> None:
    assert guard._too_large(2048, 1024, "note") == "is 2 KB; a note may be at most 1 KB"


def test_a_folder_swapped_for_a_link_outside_is_seen(tmp_path: Path) -> None:
    project, outside = tmp_path / "project", tmp_path / "outside"
    (project / "seeds").mkdir(parents=True)
    outside.mkdir()
    for folder in (project / "seeds", outside):
        (folder / "s.txt").write_bytes(b"Text made here.\n")
    assert seed_bytes(project / "seeds" / "s.txt", project) == b"Text made here.\n"
    (project / "seeds").rename(project / "old")
    (project / "seeds").symlink_to(outside)
    with pytest.raises(SeedError, match="is a link to a file outside the project"):
        seed_bytes(project / "seeds" / "s.txt", project)


def test_a_path_that_climbs_out_of_a_link_is_resolved_as_the_system_does(tmp_path: Path) -> None:
    project, outside = tmp_path / "project", tmp_path / "outside"
    (project / "seeds").mkdir(parents=True)
    (outside / "deep").mkdir(parents=True)
    (outside / "s.txt").write_bytes(b"Text made here.\n")
    (project / "seeds" / "s.txt").write_bytes(b"Text made here.\n")
    (project / "seeds" / "link").symlink_to(outside / "deep")
    with pytest.raises(SeedError, match="is a link to a file outside the project"):
        seed_bytes(project / "seeds" / "link" / ".." / "s.txt", project)
    assert seed_bytes(project / "seeds" / ".." / "seeds" / "s.txt", project)


# input/reading.py


@pytest.mark.parametrize(
    ("data", "line", "column"),
    [
        (b"ab\ncd\xe9f", 2, 3),
        (b"\nab\xe9", 2, 3),
        (b"ab\xe9\ncd", 1, 3),
        (b"a\nb\nc\xe9", 3, 2),
    ],
)
def test_a_byte_that_is_not_utf8_is_placed_by_line_and_column(
    data: bytes, line: int, column: int
) -> None:
    with pytest.raises(SeedError) as caught:
        decode_seed(data, "x.txt")
    assert caught.value.line == line
    assert caught.value.message == (
        f"not UTF-8 (byte 0xe9 at column {column}); save the file as UTF-8"
    )


@pytest.mark.parametrize(
    ("data", "line"),
    [
        (b"a line made here\n\x00b\nanother line made here", 2),
        (b"\n\x00", 2),
        (b"some text\x00\nmore text\x00 and more text made here", 1),
    ],
)
def test_a_nul_is_placed_on_the_line_of_the_first(data: bytes, line: int) -> None:
    with pytest.raises(SeedError, match="contains a NUL byte") as caught:
        decode_seed(data, "x.txt")
    assert caught.value.line == line


@pytest.mark.parametrize(
    ("text", "line", "more"),
    [
        ("\nx\u202ey", 2, ""),
        ("a\u202e\nb\u202e", 1, " (and on 1 more line(s))"),
        ("\u202e\n\u202e\n\n\u202e\u202e", 1, " (and on 2 more line(s))"),
    ],
)
def test_a_bidi_warning_names_its_first_line_and_how_many_more(
    text: str, line: int, more: str
) -> None:
    clean, (warning,) = strip_bidi(text, "x.txt")
    assert "\u202e" not in clean
    assert warning.line == line
    assert warning.message == (
        f"bidirectional control character U+202E removed{more}: "
        "it can make a name or title display as something it is not"
    )


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (b"a\0\0\0", "UTF-32"),  # the shortest sample
        (b"ab\0\0" * 9 + b"abcd", None),  # 0.9 of the high bytes NUL: not more
        (b"\0a\0\0" * 9 + b"ba\0\0", None),  # the low byte NUL as often: not less
        (b"a\0bc" * 10, "UTF-16"),  # one NUL in four is UTF-16's, not UTF-32's
        (b"\0\0ab" * 9 + b"abcd", None),  # big-endian, at the edge
        (b"\0\0a\0" * 9 + b"\0\0ab", None),
        (b"\0bcd" * 8 + b"abcd" * 92, None),  # a NUL in 1 of 25 pairs
        (b"\0bcd" * 24 + b"abcd" * 76, "UTF-16"),  # in 3 of 25
        (b"a\0cd" * 24 + b"abcd" * 76, "UTF-16"),
        (b"\0bcd" * 20 + b"abcd" * 80, None),  # in exactly 1 of 10
        (b"\0bcd" * 50 + b"a\0cd" * 2 + b"abcd" * 48, None),  # the other byte NUL 1 in 100
        (b"\0\0cd" * 50 + b"abcd" * 50, None),  # NULs at both bytes alike
    ],
)
def test_wide_text_is_told_by_its_nuls_at_the_edges(data: bytes, encoding: str | None) -> None:
    """Made-here byte patterns at the edges of the thresholds."""
    assert wide_encoding(data) == encoding


# input/parse.py

REGISTRY = load_registry()


def _parse(text: str, sidecar: Sidecar | None = None) -> Article:
    return parse_article(text, "seeds/x.txt", sidecar or Sidecar(), REGISTRY, load_publications())


def test_blocks_keep_where_each_line_starts() -> None:
    assert list(blocks(["ab", " cde ", "f", "", "", "g"])) == [
        Block("ab cde f", 1, (0, 3, 7)),
        Block("g", 6, (0,)),
    ]
    block = Block("ab cde f", 4, (0, 3, 7))
    assert [block.line_of(offset) for offset in (0, 2, 3, 6, 7)] == [4, 4, 5, 5, 6]


def test_every_sidecar_value_reaches_the_article() -> None:
    sidecar = Sidecar(
        author="An Author Made Here",
        date=dt.date(2012, 5, 2),
        url="https://example.org/made-here",
        summary="A summary made here.",
        sections=(Section("Second", 2),),
        tags=("made-here",),
    )
    article = _parse("T\n\nOne.\n\nTwo.\n", sidecar)
    assert article.source == "seeds/x.txt"
    assert (article.author, article.date, article.url) == (
        "An Author Made Here",
        dt.date(2012, 5, 2),
        "https://example.org/made-here",
    )
    assert (article.summary, article.sections, article.tags) == (
        "A summary made here.",
        (Section("Second", 2),),
        ("made-here",),
    )
    assert [p.number for p in article.paragraphs] == [1, 2]


def test_sections_up_to_the_last_paragraph_are_kept_and_beyond_it_name_the_sidecar() -> None:
    assert _parse("T\n\nOne.\n", Sidecar(sections=(Section("Only", 1),))).sections
    with pytest.raises(SidecarError) as caught:
        _parse("T\n\nOne.\n", Sidecar(sections=(Section("Late", 2),)))
    assert caught.value.file == "seeds/x.yml"


def test_a_pointer_at_part_one_cites_the_articles_own_publication() -> None:
    article = _parse(
        "T\nPublication: Eurasia Daily Monitor Volume: 8 Issue: 212\n\n"
        "One.\n\nTwo (see Part One, October 3).\n"
    )
    (citation,) = article.citations
    assert citation.outlet is not None and citation.outlet.id == "edm"
    assert citation.paragraph == 2
    assert article.date_bounds == (dt.date(2011, 10, 3), dt.date(2011, 12, 31))


def test_warnings_are_placed_on_their_lines() -> None:
    article = _parse("\nT\n\nFirst line\nsecond (Moscow, May 9) and\nthird (unclosed.\n")
    assert article.warnings == (
        Diagnostic("seeds/x.txt", 3, "no 'Publication:' line; cited years stay unknown"),
        Diagnostic("seeds/x.txt", 6, "unbalanced parenthesis: '(' is never closed: '(unclosed.'"),
        Diagnostic(
            "seeds/x.txt", 5, "ambiguous parenthetical '(Moscow, May 9)' (place) kept as text"
        ),
    )


def test_an_unknown_publication_is_warned_of_below_the_title() -> None:
    article = _parse("\nT\nPublication: China Brief Volume: 12 Issue: 3\n\nText.\n")
    assert article.warnings == (
        Diagnostic(
            "seeds/x.txt",
            3,
            "publication not in data/publications.yml and no sidecar date; "
            "cited years stay unknown",
        ),
    )


def test_only_citations_of_a_stated_later_date_are_warned_of() -> None:
    article = _parse(
        "T\n\nOne (TASS, May 3, 2012) and (TASS, May 1, 2012) and (Interfax, May 2, 2012)."
        "\n\nTwo (RIA, June 3, 2012) and (TASS, May 3).\n",
        Sidecar(date=dt.date(2012, 5, 2)),
    )
    assert article.warnings == (
        Diagnostic(
            "seeds/x.txt", 3, "cites May 3 (2012-05-03), after the article's date 2012-05-02"
        ),
        Diagnostic(
            "seeds/x.txt", 5, "cites June 3 (2012-06-03), after the article's date 2012-05-02"
        ),
    )


@pytest.mark.parametrize(
    ("header", "body", "bounds", "estimate"),
    [
        ("Volume: 8 Issue: 212", "Nothing cited.", (dt.date(2011, 1, 1), None), "2011-11-17"),
        (
            "Volume: 8 Issue: 2",
            "Seen (TASS, December 20).",
            (dt.date(2011, 1, 1), None),
            "2011-01-02",
        ),
        (
            "Volume: 8 Issue: 2",
            "Seen (TASS, March 5, 2011).",
            (dt.date(2011, 3, 5), None),
            "2011-03-05",
        ),
        ("Volume: 8", "Nothing cited.", (dt.date(2011, 1, 1), None), None),
    ],
)
def test_an_undated_article_is_placed_by_its_issue_within_what_it_cites(
    header: str, body: str, bounds: tuple[dt.date, None], estimate: str | None
) -> None:
    """The estimate of issue 2 is January 2; a citation of March 5 moves it there."""
    article = _parse(f"T\nPublication: Eurasia Daily Monitor {header}\n\n{body}\n")
    assert article.date_bounds == (bounds[0], dt.date(2011, 12, 31))
    assert (article.estimated_date and article.estimated_date.isoformat()) == estimate


# citations/extract.py


def _found(text: str) -> Extraction:
    return extract(text, 3, CONTEXT, REGISTRY)


def test_a_running_address_is_a_citation_of_its_outlet_where_it_stands() -> None:
    (parenthetical,) = _found("See www.mid.ru/doc/1.html now.").parentheticals
    address = "www.mid.ru/doc/1.html"
    assert (parenthetical.raw, parenthetical.start, parenthetical.end) == (address, 4, 25)
    assert (parenthetical.kind, parenthetical.reason) == (
        ParentheticalKind.CITATION,
        Reason.WEB_ADDRESS,
    )
    (citation,) = parenthetical.citations
    assert citation.outlet is not None and citation.outlet.id == "mid-ru"
    assert (citation.outlet_text, citation.raw, citation.url) == (address, address, address)
    assert (citation.paragraph, citation.start, citation.end) == (3, 4, 25)


def test_an_address_right_after_a_parenthetical_is_outside_it() -> None:
    found = _found("(TASS, May 3)www.mid.ru/doc/1.html")
    assert [(p.raw, p.start, p.end) for p in found.parentheticals] == [
        ("(TASS, May 3)", 0, 13),
        ("www.mid.ru/doc/1.html", 13, 34),
    ]
    assert [(c.start, c.end) for c in found.parentheticals[0].citations] == [(0, 13)]


def test_an_address_beside_two_outlets_belongs_to_neither() -> None:
    (parenthetical,) = _found(
        "Said (Interfax and TASS, May 3, www.mid.ru/doc/1.html)."
    ).parentheticals
    # The Foreign Ministry's address is a registered outlet's: it is cited on
    # its own (it was dropped); neither agency takes it as its page.
    assert [(c.outlet_text, c.url) for c in parenthetical.citations] == [
        ("Interfax", None),
        ("TASS", None),
        ("www.mid.ru/doc/1.html", "www.mid.ru/doc/1.html"),
    ]


@pytest.mark.parametrize(
    ("text", "reasons"),
    [
        ("Values (s) and region(s) and (s).", [Reason.GLOSS, Reason.IN_WORD, Reason.GLOSS]),
        ("(s) and x", [Reason.GLOSS]),
        ("x a(s) 2", [Reason.IN_WORD]),
    ],
)
def test_an_in_word_parenthesis_is_told_by_the_letters_beside_it(
    text: str, reasons: list[Reason]
) -> None:
    assert [p.reason for p in _found(text).parentheticals] == reasons


def test_a_lost_source_is_a_problem_at_its_parenthesis() -> None:
    assert _found("Said (, September 24).").problems == (
        Problem(
            5,
            "lost source: ', September 24' in '(, September 24)' has a date but no outlet "
            "(a copy of the page dropped the outlet's name); not cited",
        ),
    )


def test_an_unclosed_parenthesis_runs_to_the_end_and_is_quoted_for_sixty_characters() -> None:
    text = "x (" + "a" * 70
    found = _found(text)
    (parenthetical,) = found.parentheticals
    assert (parenthetical.start, parenthetical.end) == (2, 73)
    assert found.problems == (
        Problem(2, f"unbalanced parenthesis: '(' is never closed: '({'a' * 59}'"),
    )
