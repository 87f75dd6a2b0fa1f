"""Properties of citation extraction that must hold for any text."""

from __future__ import annotations

import re

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from briefing.citations import extract
from briefing.citations.grammar import NAME_WORD
from briefing.citations.registry import Registry, load_registry
from briefing.citations.web import is_web_address
from briefing.model import Outlet, Parenthetical, ParentheticalKind
from tests.citation_helpers import CONTEXT, small_registry

REGISTRY = small_registry()

PROSE = st.text(
    alphabet=st.sampled_from(list("abcdefghij KLMNOP,.;:—–-“”\"'$€%/0123456789\n\u00a0")),
    max_size=30,
)
"""Running text without parentheses."""


@st.composite
def parenthetical(draw: st.DrawFn, depth: int = 0) -> str:
    pieces = draw(st.lists(PROSE, min_size=1, max_size=3))
    if depth < 2 and draw(st.booleans()):
        pieces.insert(draw(st.integers(0, len(pieces))), draw(parenthetical(depth + 1)))
    return "(" + "".join(pieces) + ")"


@st.composite
def paragraph(draw: st.DrawFn) -> tuple[str, list[tuple[int, int]]]:
    """A paragraph and the offsets of its top-level parentheticals."""
    text, spans = "", []
    for _ in range(draw(st.integers(0, 6))):
        text += draw(PROSE)
        if draw(st.booleans()):
            inner = draw(parenthetical())
            spans.append((len(text), len(text) + len(inner)))
            text += inner
    return text, spans


def _parenthesised(parentheticals: tuple[Parenthetical, ...]) -> list[tuple[int, int]]:
    return [(p.start, p.end) for p in parentheticals if p.raw.startswith("(")]


@given(paragraph())
def test_no_parenthetical_lost_or_duplicated(case: tuple[str, list[tuple[int, int]]]) -> None:
    text, spans = case
    extraction = extract(text, 1, CONTEXT, REGISTRY)
    assert _parenthesised(extraction.parentheticals) == spans
    assert all(text[p.start : p.end] == p.raw for p in extraction.parentheticals)
    # What may be said of balanced text: a date the calendar lacks, or a source whose
    # outlet a copy dropped ("(, 1)": a date and no outlet, as "(, May 4)").
    expected = ("impossible", "lost source")
    assert all(any(e in p.message for e in expected) for p in extraction.problems)


@given(paragraph(), st.data())
def test_an_unclosed_parenthesis_hides_nothing(
    case: tuple[str, list[tuple[int, int]]], data: st.DataObject
) -> None:
    text, spans = case
    gaps = [0, *(end for _, end in spans)]
    at = data.draw(st.sampled_from(gaps))
    broken = text[:at] + "(" + text[at:]
    shifted = [(s + (s >= at), e + (s >= at)) for s, e in spans]
    extraction = extract(broken, 1, CONTEXT, REGISTRY)
    unclosed = [p for p in extraction.parentheticals if p.reason == "unclosed"]
    balanced = [p for p in extraction.parentheticals if p.reason != "unclosed"]
    assert [u.start for u in unclosed] == [at]
    assert _parenthesised(tuple(balanced)) == shifted
    assert any(p.offset == at and "never closed" in p.message for p in extraction.problems)


OUTLETS = [
    "Kommersant",
    "Interfax-Ukraine",
    "Rustavi 2",
    "Radio Free Europe/Radio Liberty",
    "lenta.ru",
    "The Wall Street Journal",
    "RFE/RL",
    "Ekho Moskvy",
    "Channel One",
]
MONTHS = ["January", "Feb.", "March", "Sept.", "Oct", "December"]


@st.composite
def citation(draw: st.DrawFn) -> str:
    """A well-formed citation parenthetical, written with straight quotes,
    single spaces and hyphens (the styles the test then varies)."""
    outlets = draw(st.lists(st.sampled_from(OUTLETS), min_size=1, max_size=3, unique=True))
    month = draw(st.sampled_from(MONTHS))
    days = draw(st.lists(st.integers(1, 28), min_size=1, max_size=3))
    dates = f"{month} " + ", ".join(map(str, days))
    if draw(st.booleans()):
        dates += f", {draw(st.integers(2000, 2020))}"
    if draw(st.booleans()):
        dates = f"{month} {days[0]}-{days[0] + 1}"
    source = ", ".join(outlets)
    leads = ["", "see ", "e.g., ", '"A Title, With Commas," ', "a gloss - see "]
    lead = draw(st.sampled_from(leads))
    return f"({lead}{source}, {dates})"


STYLES = {
    "whitespace": lambda s: s.replace(" ", "  ").replace(", ", ",\n  "),
    "non-breaking": lambda s: s.replace(" ", "\u00a0"),
    "curly quotes": lambda s: re.sub(r'"([^"]*)"', r"“\1”", s),
    "en dash": lambda s: s.replace("-", "–"),
}


def _normal(text: str) -> str:
    return " ".join(text.replace("–", "-").split())


def _read(text: str) -> list[tuple[str, list[tuple[int | None, int | None, int | None]]]]:
    extraction = extract(f"It was said {text}.", 1, CONTEXT, REGISTRY)
    return [
        (_normal(c.outlet_text), [(d.year, d.month, d.day) for d in c.dates])
        for p in extraction.parentheticals
        for c in p.citations
    ]


@given(citation(), st.sampled_from(sorted(STYLES)))
def test_stable_under_whitespace_quotes_and_dashes(text: str, style: str) -> None:
    plain = _read(text)
    assert plain, text
    assert _read(STYLES[style](text)) == plain


NOISE = st.sampled_from(list("()[]“”\"',.;:—–- MayJune0123456789$€%/wx.ru"))


@given(st.text(alphabet=NOISE, max_size=200))
def test_never_raises_on_citation_like_noise(text: str) -> None:
    extraction = extract(text, 1, CONTEXT, REGISTRY)
    assert all(text[p.start : p.end] == p.raw for p in extraction.parentheticals)


@settings(max_examples=200)
@given(st.text(max_size=300))
def test_never_raises_on_arbitrary_text(text: str) -> None:
    extraction = extract(text, 1, CONTEXT, REGISTRY)
    assert all(text[p.start : p.end] == p.raw for p in extraction.parentheticals)


HOSTILE = {
    "open parentheses": lambda n: "(" * n,
    "nested": lambda n: "(" * (n // 2) + ")" * (n // 2),
    "one long word": lambda n: "a" * n,
    "dotted word": lambda n: "a." * (n // 2),
    "one long parenthetical": lambda n: "(" + "Kommersant, May 3, " * (n // 19) + ")",
    "quotes and commas": lambda n: "(“" + "a, " * (n // 3) + ")",
    "dashes": lambda n: "(" + "a—" * (n // 2) + ")",
    "semicolons": lambda n: "(" + "; May 3" * (n // 7) + ")",
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_megabytes_are_read_whole(name: str) -> None:
    # Speed is measured by the benchmark, not here; this proves a megabyte of
    # hostile text is read to the end with every span accounted for.
    text = HOSTILE[name](1_000_000)
    extraction = extract(text, 1, CONTEXT, REGISTRY)
    assert all(text[p.start : p.end] == p.raw for p in extraction.parentheticals)


# --- Names with "and", and cross-references in prose, over the whole registry ---

FULL = load_registry()


def _plain_names(outlet: Outlet) -> list[str]:
    """The outlet's names and aliases that read as names: no web address,
    no punctuation of the citation grammar, no "and" of their own."""
    return [
        name
        for name in (outlet.name, *outlet.aliases)
        if not is_web_address(name)
        and not any(mark in name for mark in ',;()[]“”"')
        and " and " not in f" {name} "
        and FULL.resolve(name) == outlet
    ]


NAMED = [(outlet, name) for outlet in FULL.outlets for name in _plain_names(outlet)]
JOINED = [
    (outlet, name)
    for outlet in FULL.outlets
    for name in (outlet.name, *outlet.aliases)
    if " and " in name or " & " in name
]


def _ids(text: str, registry: Registry = FULL) -> list[tuple[str | None, list[str]]]:
    extraction = extract(f"It was said {text}.", 1, CONTEXT, registry)
    return [
        (c.outlet.id if c.outlet else None, [d.iso for d in c.dates])
        for p in extraction.parentheticals
        for c in p.citations
    ]


@given(st.sampled_from(NAMED), st.sampled_from(NAMED), st.sampled_from(["and", "&"]))
def test_two_registered_outlets_joined_by_and_are_two(
    first: tuple[Outlet, str], second: tuple[Outlet, str], joiner: str
) -> None:
    assume(first[0].id != second[0].id)
    assume(FULL.resolve(f"{first[1]} {joiner} {second[1]}") is None)
    text = f"({first[1]} {joiner} {second[1]}, May 3)"
    assert _ids(text) == [(first[0].id, ["2011-05-03"]), (second[0].id, ["2011-05-03"])]


def test_an_outlet_joined_to_one_whose_name_begins_with_it_is_two() -> None:
    # Found by the property above: "BBC and BBC" (one outlet by two names) was
    # read first, "Persian Service" left as its note, BBC Persian never cited.
    text = "(BBC and BBC Persian Service, May 3)"
    assert _ids(text) == [("bbc", ["2011-05-03"]), ("bbc-persian", ["2011-05-03"])]
    text = "(TASS & TASS Russian News Agency, May 3)"  # two names of one outlet
    assert _ids(text) == [("tass", ["2011-05-03"])]


def test_two_names_of_one_outlet_one_of_them_with_and_are_that_outlet() -> None:
    # Made here: each name was cited, so the outlet was cited twice.
    for outlet, name in JOINED:
        for other in _plain_names(outlet):
            for text in (f"({other} and {name}, May 3)", f"({name} and {other}, May 3)"):
                assert _ids(text) == [(outlet.id, ["2011-05-03"])], text


def test_a_registered_name_with_brackets_cites_its_outlet() -> None:
    # Made here: "(The Day (Kyiv), May 3)" lost its brackets, and "The Day"
    # alone read as an event: TEXT, not cited; "Radio Svoboda (Ukrainian)"
    # cited Radio Svoboda, another outlet.
    bracketed = [(o, n) for o in FULL.outlets for n in (o.name, *o.aliases) if "(" in n]
    assert bracketed, "the registry has names with brackets"
    for outlet, name in bracketed:
        assert _ids(f"({name}, May 3)") == [(outlet.id, ["2011-05-03"])], name
        joined = _ids(f"(Kommersant and {name}, May 3)")
        assert joined == [("kommersant", ["2011-05-03"]), (outlet.id, ["2011-05-03"])], name


def test_a_registered_name_with_and_is_one_outlet() -> None:
    assert JOINED, "the registry has names containing 'and'"
    for outlet, name in JOINED:
        assert _ids(f"({name}, May 3)") == [(outlet.id, ["2011-05-03"])], name
        assert _ids(f"({name.replace(' and ', ' & ')}, May 3)") == [(outlet.id, ["2011-05-03"])]


@given(st.sampled_from([o for o in FULL.outlets if len(_plain_names(o)) >= 2]), st.data())
def test_two_names_of_one_outlet_joined_by_and_are_that_outlet(
    outlet: Outlet, data: st.DataObject
) -> None:
    first, second = data.draw(
        st.lists(st.sampled_from(_plain_names(outlet)), min_size=2, max_size=2, unique=True)
    )
    assert _ids(f"({first} and {second}, May 3)") == [(outlet.id, ["2011-05-03"])]


CROSS_REFERENCES = [
    "see Part {part} in {outlet}",
    "see {outlet} Part {part}",
    "see {outlet}’s earlier coverage",
    "see the author’s article in {outlet}",
    "see the first installment of this series in {outlet}",
    "as reported in {outlet} on",
    "for background, see {outlet}’s coverage of the talks",
]
PARTS = ["One", "Two", "III", "2"]


@given(
    st.sampled_from(NAMED + JOINED),
    st.sampled_from(CROSS_REFERENCES),
    st.sampled_from(PARTS),
    st.sampled_from(["October 3", "October 3, 2010", "May 2 and 4"]),
)
def test_a_dated_cross_reference_cites_its_outlet(
    named: tuple[Outlet, str], template: str, part: str, date: str
) -> None:
    outlet, name = named
    assume(NAME_WORD.match(name) and len(name.split()) <= 4)
    phrase = template.format(outlet=name, part=part)
    separator = " " if phrase.endswith(" on") else ", "
    found = _ids(f"({phrase}{separator}{date})")
    assert [outlet_id for outlet_id, _ in found] == [outlet.id], phrase
    undated = extract(f"({phrase.removesuffix(' on')})", 1, CONTEXT, FULL).parentheticals
    assert [p.citations for p in undated] == [()]
    assert undated[0].kind in (ParentheticalKind.TEXT, ParentheticalKind.AMBIGUOUS)
