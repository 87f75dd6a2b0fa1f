"""Properties of citation extraction that must hold for any text."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefing.citations import extract
from briefing.model import Parenthetical
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
    assert extraction.problems == () or any("impossible" in p.message for p in extraction.problems)


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
