"""Chicago 18, APA 7 and MLA 9, case by case: the strings each style's rules call for.

The expected strings below were written from the style manuals (Chicago
14.68–14.75 and 14.171–14.191, APA 9.12 and 10.1–10.2, MLA 5.1–5.119),
then the engine was made to produce them; the golden files in
``tests/golden/styles/`` record every case, pinpoints included.
"""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from dataclasses import replace
from importlib import resources
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from briefing.analysis.gazetteer import load_gazetteer
from briefing.analysis.glossary import load_glossary
from briefing.model import Article
from briefing.references.citeproc import (
    _NEIGHBOUR_OPTIONS,
    NEVER_TYPE,
    STYLES,
    Text,
    standalone_style,
)
from briefing.references.citing import BriefCitation, cite_all
from briefing.references.csl import Site
from briefing.references.titles import plain, proper_nouns, segments, sentence_case, short_title
from tests.conftest import edm_article

GOLDEN = Path(__file__).parent / "golden" / "styles"
SITE = Site("Briefing", "https://briefing.example.org/")
NOUNS = proper_nouns(load_gazetteer(), load_glossary())
TITLE = "A New Rapprochement Between Moscow and Tehran"
ORIGINAL = "https://jamestown.org/program/a-new-rapprochement-between-moscow-and-tehran/"
HERE = "https://briefing.example.org/briefs/case/"
BARE = {ORIGINAL: ORIGINAL.removeprefix("https://"), HERE: HERE.removeprefix("https://")}
"""Each address as MLA shows it (MLA 9, 5.95: without ``https://``)."""


def article(author: str | None, date: dt.date | None, url: str | None) -> Article:
    return edm_article("case", TITLE, author, date, url, paragraphs=3)


CASES: dict[str, tuple[str | None, dt.date | None, str | None, bool]] = {
    "no-author-year-original-url-read-here": (None, None, ORIGINAL, True),
    "no-author-year-original-url-read-there": (None, None, ORIGINAL, False),
    "no-author-year-no-url-read-here": (None, None, None, True),
    "no-author-year-no-url-read-there": (None, None, None, False),
    "author-full-date-original-url-read-here": (
        "Jane Q. Example",
        dt.date(2011, 11, 16),
        ORIGINAL,
        True,
    ),
    "author-full-date-original-url-read-there": (
        "Jane Q. Example",
        dt.date(2011, 11, 16),
        ORIGINAL,
        False,
    ),
    "author-full-date-no-url-read-here": ("Jane Q. Example", dt.date(2011, 11, 16), None, True),
}
"""Name → author, date, original address, read on this site (else on the original)."""


@pytest.fixture(scope="module")
def cited() -> dict[str, BriefCitation]:
    return cite_cases()


def cite_cases() -> dict[str, BriefCitation]:
    """Each case of :data:`CASES` cited, by its name."""
    keyed = {name: (article(*case[:3]), name, None) for name, case in CASES.items()}
    here = [name for name, case in CASES.items() if case[3]]
    there = [name for name, case in CASES.items() if not case[3]]
    out = {}
    for names, site in ((here, SITE), (there, Site("Briefing", None))):
        citing = cite_all([replace_slug(keyed[n]) for n in names], [], site, nouns=NOUNS)
        out.update({n: citing.briefs[n] for n in names})
    return out


def replace_slug(entry: tuple[Article, str, None]) -> tuple[Article, str, None]:
    """Each case is its own brief, at ``briefs/case/`` so the addresses read alike."""
    source, key, publisher = entry
    return replace(source, slug=key), key, publisher


def lines(cite: BriefCitation) -> list[tuple[str, Text]]:
    short = cite.styles["chicago"].subsequent
    return [
        ("chicago note", cite.styles["chicago"].citation),
        *([("chicago short note", short)] if short is not None else []),
        ("chicago bibliography", cite.styles["chicago"].bibliography),
        ("chicago note, paragraph 3", cite.paragraph(3, "chicago")),
        ("apa reference", cite.styles["apa"].bibliography),
        ("apa in text", cite.styles["apa"].citation),
        ("apa in text, paragraph 3", cite.paragraph(3, "apa")),
        ("mla works cited", cite.styles["mla"].bibliography),
        ("mla in text", cite.styles["mla"].citation),
        ("mla in text, paragraph 3", cite.paragraph(3, "mla")),
    ]


def golden_text(cite: BriefCitation) -> str:
    return "".join(
        f"{label}: {text.plain}\n{label} (markdown): {text.markdown}\n"
        for label, text in lines(cite)
    )


def golden_files(cited: dict[str, BriefCitation]) -> dict[str, str]:
    """Golden file name → the text it holds for that case."""
    return {
        f"{name}.txt": golden_text(cited[name]).replace(f"/briefs/{name}/", "/briefs/case/")
        for name in CASES
    }


@pytest.mark.parametrize("name", sorted(CASES))
def test_styles_match_golden(
    name: str, cited: dict[str, BriefCitation], update_golden: bool
) -> None:
    text = golden_files(cited)[f"{name}.txt"]
    path = GOLDEN / f"{name}.txt"
    if update_golden:
        GOLDEN.mkdir(parents=True, exist_ok=True)
        path.write_text(text, "utf-8")
    assert text == path.read_text("utf-8")


def plain_of(cited: dict[str, BriefCitation], name: str) -> dict[str, str]:
    return {
        label: t.plain.replace(f"/briefs/{name}/", "/briefs/case/")
        for label, t in lines(cited[name])
    }


def test_the_seed_case_follows_each_manual(cited: dict[str, BriefCitation]) -> None:
    """No author, the year alone, the original's address known, read on this site."""
    got = plain_of(cited, "no-author-year-original-url-read-here")
    assert got["chicago note"] == f"“{TITLE},” Eurasia Daily Monitor 8, no. 212 (2011), {ORIGINAL}."
    assert (
        got["chicago bibliography"]
        == f"“{TITLE}.” Eurasia Daily Monitor 8, no. 212 (2011). {ORIGINAL}."
    )
    assert got["chicago note, paragraph 3"] == (
        f"“{TITLE},” Eurasia Daily Monitor 8, no. 212 (2011): para. 3, {ORIGINAL}."
    )
    # APA 9.12: without an author the title moves to the author's place, in
    # sentence case; no database is named for an open web page.
    assert got["apa reference"] == (
        "A new rapprochement between Moscow and Tehran. (2011). "
        f"Eurasia Daily Monitor, 8(212). {ORIGINAL}"
    )
    # APA 8.14: with no author, the title in the author's place, shortened if long
    # (its first words), in title case and quotation marks.
    assert got["apa in text"] == "(“New Rapprochement,” 2011)"
    assert got["apa in text, paragraph 3"] == "(“New Rapprochement,” 2011, para. 3)"
    # MLA 5.102: where it was read is a second container, after a period, in italics;
    # 5.95: the address without its scheme.
    assert got["mla works cited"] == (
        f"“{TITLE}.” Eurasia Daily Monitor, vol. 8, no. 212, 2011. Briefing, {BARE[HERE]}."
    )
    # MLA 6.20-6.21: a title of more than a noun phrase is shortened to its first
    # noun phrase, without a leading article; "par." after a comma.
    assert got["mla in text"] == "(“New Rapprochement”)"
    assert got["mla in text, paragraph 3"] == "(“New Rapprochement,” par. 3)"
    markdown = cited["no-author-year-original-url-read-here"].styles["mla"].bibliography.markdown
    assert "*Eurasia Daily Monitor*" in markdown and "*Briefing*" in markdown


def test_author_and_full_date_follow_each_manual(cited: dict[str, BriefCitation]) -> None:
    """A daily dated to the day: Chicago cites it by date (14.189), APA and MLA keep
    volume and issue beside the full date."""
    got = plain_of(cited, "author-full-date-original-url-read-there")
    assert got["chicago note"] == (
        f"Jane Q. Example, “{TITLE},” Eurasia Daily Monitor, November 16, 2011, {ORIGINAL}."
    )
    assert got["chicago bibliography"] == (
        f"Example, Jane Q. “{TITLE}.” Eurasia Daily Monitor, November 16, 2011. {ORIGINAL}."
    )
    assert got["apa reference"] == (
        "Example, J. Q. (2011, November 16). A new rapprochement between Moscow and Tehran. "
        f"Eurasia Daily Monitor, 8(212). {ORIGINAL}"
    )
    assert got["apa in text"] == "(Example, 2011)"
    assert got["mla works cited"] == (
        f"Example, Jane Q. “{TITLE}.” Eurasia Daily Monitor, vol. 8, no. 212, 16 Nov. 2011, "
        f"{BARE[ORIGINAL]}."
    )
    assert got["mla in text, paragraph 3"] == "(Example, par. 3)"


@pytest.mark.parametrize(
    ("name", "short"),
    [
        # Chicago 17, 14.29-14.30: a later note citing the brief again gives the
        # author's surname and the title shortened to at most four words, its
        # leading article left off; without an author, the short title alone.
        # No date, no address, no "Ibid." (14.34).
        ("no-author-year-original-url-read-here", "“New Rapprochement.”"),
        ("no-author-year-no-url-read-there", "“New Rapprochement.”"),
        ("author-full-date-original-url-read-there", "Example, “New Rapprochement.”"),
        ("author-full-date-no-url-read-here", "Example, “New Rapprochement.”"),
    ],
)
def test_the_chicago_short_note_follows_the_manual(
    cited: dict[str, BriefCitation], name: str, short: str
) -> None:
    subsequent = cited[name].styles["chicago"].subsequent
    assert subsequent is not None and subsequent.plain == short
    assert subsequent.markdown == short  # the title is quoted, not italic


def test_the_site_appears_only_in_mla_and_only_when_read_here(
    cited: dict[str, BriefCitation],
) -> None:
    for name, (_, _, url, here) in CASES.items():
        got = plain_of(cited, name)
        for label, text in got.items():
            if label.startswith("mla works cited"):
                assert ("Briefing" in text) == here, (name, label)
                assert (BARE[HERE] in text) == here, (name, label)
                assert "https://" not in text, (name, label)
            else:
                assert "Briefing" not in text, (name, label)
        address = url or (HERE if here else None)
        if address:
            assert address in got["chicago bibliography"] and address in got["apa reference"]
        else:
            assert "https://" not in got["chicago bibliography"] + got["apa reference"]


def test_apa_titles_are_sentence_case_with_names_kept() -> None:
    cases = {
        TITLE: "A new rapprochement between Moscow and Tehran",
        "IAEA Says Russian Deal With Iran Is Legal": "IAEA says Russian deal with Iran is legal",
        "Why Lavrov Went to Tehran: The Reset Reconsidered": (
            "Why Lavrov went to Tehran: The reset reconsidered"
        ),
        "S-300 Missiles and the NATO Summit": "S-300 missiles and the NATO summit",
    }
    for title, expected in cases.items():
        assert plain(sentence_case(segments(title, NOUNS))) == expected


def test_apa_prints_the_sentence_case_title(cited: dict[str, BriefCitation]) -> None:
    reference = cited["no-author-year-no-url-read-there"].styles["apa"].bibliography.plain
    assert reference.startswith("A new rapprochement between Moscow and Tehran. (2011).")


@given(st.text(max_size=60), st.lists(st.sampled_from(["Moscow", "IAEA", "Sergei Lavrov"])))
def test_sentence_case_changes_only_case_and_keeps_names(title: str, names: list[str]) -> None:
    text = " ".join([title, *names])
    parts = segments(text, NOUNS)
    assert plain(parts) == text
    cased = sentence_case(parts)
    assert plain(cased).casefold() == text.casefold()
    for name in names:
        assert name in plain(cased)


@pytest.mark.parametrize(
    ("title", "short"),
    [
        # Chicago 14.30: no more than four words, a leading article left off.
        ("A New Rapprochement Between Moscow and Tehran", "New Rapprochement"),
        ("The Kremlin's Calculus in the South Caucasus", "Kremlin's Calculus"),
        ("Russia and Iran: An Uneasy Partnership", "Russia and Iran"),
        ("Gas Pipeline Politics Across the Black Sea Region", "Gas Pipeline Politics"),
        ("Moscow Weighs Its Options on Syria", "Moscow Weighs Its Options"),
        ("Sanctions", None),  # short already: no short form
        ("Tehran Talks", None),
    ],
)
def test_short_titles_as_the_manuals_make_them(title: str, short: str | None) -> None:
    assert short_title(title) == short


@pytest.mark.parametrize("name", sorted(STYLES))
def test_a_standalone_style_is_the_official_one_less_its_list_options_and_indentation(
    name: str,
) -> None:
    official = ET.fromstring(
        resources.files("briefing.data").joinpath("csl", STYLES[name]).read_text("utf-8")
    )
    ours = ET.fromstring(standalone_style(name))
    pairs = list(zip(official.iter(), ours.iter(), strict=True))  # the same elements
    assert len(pairs) > 100
    for theirs, mine in pairs:
        assert mine.tag == theirs.tag
        removed = {k: v for k, v in theirs.attrib.items() if k not in mine.attrib}
        assert set(removed) <= {*_NEIGHBOUR_OPTIONS, "disambiguate"}, removed
        changed = {k for k, v in mine.attrib.items() if theirs.get(k) != v}
        assert changed == ({"type"} if "disambiguate" in removed else set())
        assert "disambiguate" not in removed or mine.get("type") == NEVER_TYPE
        for text, kept in ((theirs.text, mine.text), (theirs.tail, mine.tail)):
            if text is not None and text.strip():
                assert kept == text  # a style's words are kept as they are
            else:
                assert kept is None or (kept == text and "\n" not in text)
