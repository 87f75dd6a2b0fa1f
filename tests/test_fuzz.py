"""Property-based fuzzing of the parser, the renderer and the BibTeX writer.

Seeds built from known pieces (registry outlets with dates in the supported
shapes, in lists, joined by "and" or named in a cross-reference;
non-citation parentheticals of known kinds; words hostile to Markdown): the
text page's footnotes are exactly the citations put in (outlet, dates,
notes, order, count), each paragraph reads as written without its
citations, and each other parenthetical is kept as text with its known
reason. A test proves this oracle fails for an extractor that drops the
last parenthetical of a paragraph or cites every parenthetical.

For any seed text (self-consistency, since nothing is known in advance):

* parsing and rendering raise nothing but our own errors;
* every citation appears exactly once as a footnote marker, in order, and
  has exactly one footnote;
* the annotated paragraph, with its footnote markers removed and its
  escapes undone, is the source paragraph without its bracketed citations
  (each removed with the white space before it), white space runs made
  single spaces;
* references.bib parses back with no failed block and the same values.

The normal run tries a few hundred seeds; ``make fuzz`` (``-m slow``) tries
ten thousand.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from typing import Any

import pytest
from bibtexparser import parse_string
from hypothesis import HealthCheck, example, find, given, settings
from hypothesis import strategies as st

from briefing.citations import Extraction
from briefing.citations.grammar import NAME_WORD, NOTE_ITEM
from briefing.citations.registry import load_registry, web_host
from briefing.errors import BriefingError
from briefing.input import parse as parse_module
from briefing.input.parse import parse_article
from briefing.input.publications import load_publications
from briefing.input.reading import decode_seed
from briefing.input.sidecar import Sidecar
from briefing.model import Article, Outlet, Paragraph, ParentheticalKind
from briefing.references.bibtex import entries_for, unescape_bibtex, write_bibtex
from briefing.references.collect import collect_references
from briefing.render import Brief, render_pages
from briefing.render.annotate import annotated

REGISTRY = load_registry()
PUBLICATIONS = load_publications()
HOSTILE = "<>&\"'`*_#|[]{}^~=!:+-/\\%$@.;,\t \u00a0\u200b\r1234567890—«»ëЖش\U0001f600"
WORDS = st.text(alphabet=st.sampled_from(HOSTILE + "abcXYZ()"), min_size=1, max_size=12)
OUTLETS = st.sampled_from(["IRNA", "TASS", "RIA Novosti", "Rossiya 24"]) | st.text(
    alphabet=st.sampled_from(HOSTILE + "abcXYZ"), min_size=1, max_size=20
)
DATES = st.sampled_from(["September 24", "May 2", "Jan. 3", "October 16, 2010", "Smarch 40"])
CITATIONS = st.builds(lambda o, d: f"({o}, {d})", OUTLETS, DATES)
PARAGRAPHS = st.lists(st.one_of(WORDS, CITATIONS), min_size=1, max_size=12).map(" ".join)
SEEDS = st.builds(
    lambda title, paragraphs: "\n\n".join(
        [title, "Publication: Eurasia Daily Monitor Volume: 8 Issue: 212", *paragraphs]
    ),
    WORDS,
    st.lists(PARAGRAPHS, min_size=0, max_size=4),
)

MARKER_OR_ESCAPE = re.compile(r"\\(?P<escaped>.)|(?P<marker>\[\^\d+\])", re.DOTALL)
"""A backslash escape (``\\*``) or a footnote marker (``[^3]``) in rendered Markdown."""

WHITESPACE = re.compile(r"\s+")


def unannotated(rendered: str) -> tuple[str, list[str]]:
    """Rendered paragraph Markdown → its plain text and its footnote markers."""
    markers: list[str] = []

    def token(match: re.Match[str]) -> str:
        if match["marker"]:
            markers.append(match["marker"])
            return ""
        return match["escaped"]

    return MARKER_OR_ESCAPE.sub(token, rendered), markers


def without_citations(paragraph: Paragraph) -> str:
    """The source paragraph without its bracketed citations, white space runs single."""
    text, kept = paragraph.text, []
    position = 0
    for parenthetical in paragraph.parentheticals:
        if parenthetical.kind is ParentheticalKind.CITATION and parenthetical.raw.startswith("("):
            kept.append(text[position : parenthetical.start].rstrip())
            position = parenthetical.end
    kept.append(text[position:])
    return WHITESPACE.sub(" ", "".join(kept))


def parsed(seed: str) -> Article | None:
    try:
        text = decode_seed(seed.encode("utf-8"), "seeds/fuzz.txt")
        return parse_article(text, "seeds/fuzz.txt", Sidecar(), REGISTRY, PUBLICATIONS)
    except BriefingError:
        return None


def check(seed: str) -> None:
    article = parsed(seed)
    if article is None:
        return
    number = 1
    for paragraph in article.paragraphs:
        text, markers = unannotated(annotated(paragraph, number))
        count = len(paragraph.citations)
        assert markers == [f"[^{n}]" for n in range(number, number + count)]
        assert text == without_citations(paragraph)
        number += count
    pages = dict(render_pages((Brief(article, "fuzz", "Bottom line.", False),), (), None))
    page = pages[f"briefs/{article.slug}/text.md"]
    for n in range(1, number):
        assert page.count(f"[^{n}]") == 2 and page.count(f"\n[^{n}]: ") == 1
    _check_bibtex(article)


def _check_bibtex(article: Article) -> None:
    references = collect_references((article,))
    library = parse_string(write_bibtex(entries_for([(article, "fuzz", None)], references)))
    assert library.failed_blocks == []
    fields = {
        entry.key: {f.key: unescape_bibtex(str(f.value)) for f in entry.fields}
        for entry in library.entries
    }
    assert fields["fuzz"]["title"] == " ".join(article.title.split())
    for reference in references:
        entry = fields[reference.key]
        if reference.outlet_name.strip():  # an empty outlet name gives no field
            assert " ".join(reference.outlet_name.split()) in entry.values()
        assert entry["note"] == " ".join(f"Cited as {reference.cited_as}".split())


def _examples() -> Iterator[str]:
    yield "(\n\n(x, May 2)"
    yield "T\n\na \\(IRNA, May 2) [^1] {: #x } (a}b{, Jan. 3)"


@pytest.mark.parametrize("seed", list(_examples()))
def test_known_cases(seed: str) -> None:
    check(seed)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(SEEDS)
def test_parse_and_render_any_seed(seed: str) -> None:
    check(seed)


@pytest.mark.slow
@settings(max_examples=10_000, deadline=None, suppress_health_check=list(HealthCheck))
@given(SEEDS)
def test_parse_and_render_any_seed_at_length(seed: str) -> None:
    check(seed)


# --- The oracle from known pieces -------------------------------------------------
#
# The property above checks the parser against itself. The one below builds
# each paragraph from pieces whose reading is known in advance (registry
# outlets with dates in the supported shapes; non-citation parentheticals of
# known kinds; plain words) and checks the text page against what was put in.

PUBLISHED = dt.date(2011, 11, 16)
"""The sidecar date of the fuzzed seeds: a yearless date after it is of 2010."""


def _written_names(outlet: Outlet) -> list[str]:
    """The names and aliases of ``outlet`` that a writer may cite it by in a
    list: not web addresses (those are cited as addresses), no punctuation
    of the citation grammar, no name that is itself a note (``… edition``)."""
    return [
        name
        for name in (outlet.name, *outlet.aliases)
        if REGISTRY.resolve(name) == outlet
        and not web_host(name)
        and not any(mark in name for mark in ',;()[]“”"')
        and not NOTE_ITEM.match(name)
    ]


WRITTEN = [(outlet, name) for outlet in REGISTRY.outlets for name in _written_names(outlet)]
MONTH_NAMES = list(calendar.month_name)[1:]
MONTH_ABBREVIATIONS = [
    "Jan.",
    "Feb.",
    "March",
    "April",
    "May",
    "June",
    "July",
    "Aug.",
    "Sept.",
    "Oct.",
    "Nov.",
    "Dec.",
]


@dataclass(frozen=True)
class Piece:
    """A piece of a paragraph: what is written, and what the page must show.

    ``footnotes`` are the footnote texts the piece must produce, in order (a
    citation); a piece with none must survive in the text as written.
    """

    written: str
    footnotes: tuple[str, ...] = ()
    reason: str | None = None


def _full(month: int, day: int | None, year: int) -> str:
    name = MONTH_NAMES[month - 1]
    return f"{name} {day}, {year}" if day is not None else f"{name} {year}"


@st.composite
def cited_dates(draw: st.DrawFn) -> tuple[str, list[str]]:
    """A date list in one of the supported shapes, and its dates as footnotes show them."""
    month, day = draw(st.integers(1, 12)), draw(st.integers(1, 27))
    year = draw(st.integers(1995, 2011))
    shape = draw(
        st.sampled_from(
            [
                "full",
                "abbreviated",
                "day first",
                "yearless",
                "month",
                "two days",
                "accessed",
                "day range",
            ]
        )
    )
    name = MONTH_NAMES[month - 1]
    if shape == "full":
        return f"{name} {day}, {year}", [_full(month, day, year)]
    if shape == "abbreviated":
        return f"{MONTH_ABBREVIATIONS[month - 1]} {day}, {year}", [_full(month, day, year)]
    if shape == "day first":
        return f"{day} {name} {year}", [_full(month, day, year)]
    if shape == "yearless":
        inferred = (
            PUBLISHED.year - 1
            if (month, day) > (PUBLISHED.month, PUBLISHED.day)
            else PUBLISHED.year
        )
        return f"{name} {day}", [_full(month, day, inferred)]
    if shape == "month":
        return f"{name} {year}", [_full(month, None, year)]
    if shape == "two days":
        return f"{name} {day}, {day + 1}, {year}", [_full(month, d, year) for d in (day, day + 1)]
    if shape == "day range":
        return f"{name} {day}–{day + 1}, {year}", [_full(month, d, year) for d in (day, day + 1)]
    return f"accessed {name} {day}, {year}", [f"accessed {_full(month, day, year)}"]


def _footnote(outlet: Outlet, dates: list[str]) -> str:
    return f"{outlet.name}, {'; '.join(dates)}."


@st.composite
def citations(draw: st.DrawFn) -> Piece:
    """A citation parenthetical of registry outlets in one of the list shapes."""
    named = draw(
        st.lists(
            st.sampled_from(WRITTEN), min_size=1, max_size=3, unique_by=lambda pair: pair[0].id
        )
    )
    lead = draw(st.sampled_from(["", "see ", "see also ", "e.g., "]))
    shape = draw(st.sampled_from(["each dated", "shared date", "joined by and", "cross-reference"]))
    if shape == "cross-reference":
        return draw(cross_references())
    if shape == "each dated" or len(named) == 1:
        groups = [(outlet, name, draw(cited_dates())) for outlet, name in named]
        written = "; ".join(f"{name}, {dates[0]}" for _, name, dates in groups)
        footnotes = tuple(_footnote(outlet, dates[1]) for outlet, _, dates in groups)
    else:
        written_dates, shown = draw(cited_dates())
        joiner = ", " if shape == "shared date" else " and "
        written = joiner.join(name for _, name in named) + f", {written_dates}"
        footnotes = tuple(_footnote(outlet, shown) for outlet, _ in named)
    return Piece(f"({lead}{written})", footnotes)


CROSS_REFERENCES = [
    ("see Part {part} in {name}", "Part {part}"),
    ("see {name} Part {part}", "Part {part}"),
    ("see {name}’s earlier coverage", "earlier coverage"),
    ("see the first installment of this series in {name}", "the first installment of this series"),
]
"""Cross-references written as prose, and the note each leaves in the footnote."""


@st.composite
def cross_references(draw: st.DrawFn) -> Piece:
    """A dated cross-reference in prose to a registry outlet."""
    outlet, name = draw(
        st.sampled_from([(o, n) for o, n in WRITTEN if NAME_WORD.match(n) and len(n.split()) <= 4])
    )
    template, note = draw(st.sampled_from(CROSS_REFERENCES))
    part = draw(st.sampled_from(["One", "Two", "III", "2"]))
    written_dates, shown = draw(cited_dates())
    phrase = template.format(name=name, part=part)
    footnote = f"{note.format(part=part)}: {_footnote(outlet, shown)}"
    return Piece(f"({phrase}, {written_dates})", (footnote,))


def _year_range(years: tuple[int, int]) -> str:
    return f"({min(years)}–{max(years) + 1})"


TEXT_PARENTHETICALS = st.one_of(
    st.sampled_from(["OSCE", "CSTO, SCO", "GUAM", "EaP", "S-400"]).map(
        lambda a: Piece(f"({a})", reason="abbreviation")
    ),
    st.integers(2, 999).map(lambda n: Piece(f"(${n / 10} billion)", reason="money")),
    st.integers(2, 999).map(lambda n: Piece(f"(about {n} billion rubles)", reason="money")),
    st.tuples(st.integers(1980, 2020), st.integers(1980, 2020)).map(
        lambda ys: Piece(_year_range(ys), reason="range")
    ),
    st.tuples(st.sampled_from(MONTH_NAMES), st.integers(1, 27), st.integers(1995, 2020)).map(
        lambda mdy: Piece(f"(as of {mdy[0]} {mdy[1]}, {mdy[2]})", reason="bare date")
    ),
    st.integers(18, 99).map(lambda n: Piece(f"(aged {n})", reason="number")),
    st.integers(1, 99).map(lambda n: Piece(f"({n} percent)", reason="number")),
    st.sampled_from(
        [
            Piece("(see above)", reason="pointer"),
            Piece("(see map)", reason="pointer"),
            Piece(
                "(for background, see Eurasia Daily Monitor’s earlier coverage)", reason="pointer"
            ),
            Piece("(as noted earlier in this publication)", reason="pointer"),
            Piece("(Part Two)", reason="part reference"),
            Piece("(see Part One in EDM)", reason="part reference"),
            Piece("(as discussed in an earlier article of this series)", reason="part reference"),
            Piece("(siloviki)", reason="gloss"),
            Piece("(literally “little green men”)", reason="gloss"),
            Piece("(electronic warfare—EW)", reason="gloss"),
            Piece("(Armenia, Azerbaijan and Georgia)", reason="list"),
        ]
    ),
)
"""Parentheticals that are not citations, each with the reason it is kept as text."""

PLAIN_WORDS = st.sampled_from(
    [
        "the",
        "talks",
        "Moscow",
        "said",
        "on",
        "Tehran’s",
        "plans",
        "*not*",
        "a_b",
        "<b>",
        "&amp;",
        "50%",
        "#1",
        "[x]",
        "{y}",
        "`c`",
        "—",
        "“quoted”",
        "$",
        "|",
        "~",
        "^",
        "end.",
        "well,",
        "why?",
        "1/2",
        "\\",
        "ë",
        "Ж",
        "ش",
    ]
).map(Piece)
"""Running text without parentheses or web addresses, hostile to Markdown."""

PIECES: dict[str, st.SearchStrategy[Piece]] = {
    "word": PLAIN_WORDS,
    "citation": citations(),
    "text": TEXT_PARENTHETICALS,
}
PARAGRAPH_PIECES = st.lists(
    st.sampled_from(["word", "word", "citation", "citation", "text"]).flatmap(PIECES.__getitem__),
    min_size=0,
    max_size=10,
).map(lambda pieces: [Piece("Start"), *pieces])
"""A paragraph's pieces; it opens with a word (a marker never starts a line)."""

KNOWN_SEEDS = st.lists(PARAGRAPH_PIECES, min_size=1, max_size=4)
"""The paragraphs of a seed, as pieces."""


def known_seed(paragraphs: list[list[Piece]]) -> str:
    """The seed text of ``paragraphs``."""
    body = [" ".join(piece.written for piece in pieces) for pieces in paragraphs]
    return "\n\n".join(
        ["Fuzzed brief", "Publication: Eurasia Daily Monitor Volume: 8 Issue: 212", *body]
    )


def expected_text(pieces: list[Piece]) -> str:
    """The paragraph as the reader sees it: citations gone with the space before them."""
    return "".join(
        piece.written if index == 0 else ("" if piece.footnotes else " " + piece.written)
        for index, piece in enumerate(pieces)
    )


FOOTNOTE_DEFINITION = re.compile(r"^\[\^(?P<number>\d+)\]: (?P<text>.*)$", re.MULTILINE)
"""A footnote's definition line on the text page: ``[^3]: [IRNA, …](…).``."""

LINK = re.compile(r"\[(?P<text>(?:\\.|[^\]\\])*)\]\([^)\s]*\)")
"""A Markdown link ``[text](target)``; footnotes link each date to the bibliography."""


def _shown(markdown: str) -> str:
    return MARKER_OR_ESCAPE.sub(lambda m: m["escaped"] or "", LINK.sub(r"\g<text>", markdown))


def paragraph_line(page: str, number: int) -> str:
    """The Markdown of paragraph ``number`` on the text page, after its pilcrow link."""
    prefix = f'[¶ {number}](#p{number}){{ .brief-pilcrow title="Link to paragraph {number}" }} '
    (line,) = [line for line in page.splitlines() if line.startswith(prefix)]
    return line.removeprefix(prefix)


def check_known(paragraphs: list[list[Piece]]) -> None:
    """The text page of the seed built from ``paragraphs`` shows exactly what was put in."""
    text = decode_seed(known_seed(paragraphs).encode("utf-8"), "seeds/fuzz.txt")
    article = parse_article(text, "seeds/fuzz.txt", Sidecar(date=PUBLISHED), REGISTRY, PUBLICATIONS)
    pages = dict(render_pages((Brief(article, "fuzz", "Bottom line.", False),), (), None))
    page = pages[f"briefs/{article.slug}/text.md"]
    expected = [f for pieces in paragraphs for piece in pieces for f in piece.footnotes]
    definitions = [
        (int(m["number"]), _shown(m["text"])) for m in FOOTNOTE_DEFINITION.finditer(page)
    ]
    assert definitions == list(enumerate(expected, start=1))
    number = 1
    for index, pieces in enumerate(paragraphs, start=1):
        shown, markers = unannotated(paragraph_line(page, index))
        count = sum(len(piece.footnotes) for piece in pieces)
        assert markers == [f"[^{n}]" for n in range(number, number + count)]
        assert shown == expected_text(pieces)
        number += count
    reasons = [p.reason for paragraph in article.paragraphs for p in paragraph.parentheticals]
    kept = [piece.reason for pieces in paragraphs for piece in pieces if piece.reason]
    assert [r for r in reasons if r != "citation"] == kept


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(KNOWN_SEEDS)
@example(
    [
        [
            Piece("Start"),
            Piece(
                "(see Part One in Arguments and Facts, January 1, 1995)",
                ("Part One: Argumenty i Fakty, January 1, 1995.",),
            ),
        ]
    ]
)
def test_page_shows_exactly_the_known_pieces(paragraphs: list[list[Piece]]) -> None:
    check_known(paragraphs)


@pytest.mark.slow
@settings(max_examples=10_000, deadline=None, suppress_health_check=list(HealthCheck))
@given(KNOWN_SEEDS)
def test_page_shows_exactly_the_known_pieces_at_length(paragraphs: list[list[Piece]]) -> None:
    check_known(paragraphs)


# --- The oracle can fail ---------------------------------------------------------


def _dropping_last(real: Callable[..., Extraction]) -> Callable[..., Extraction]:
    def extract(*args: Any, **kwargs: Any) -> Extraction:
        found = real(*args, **kwargs)
        return replace(found, parentheticals=found.parentheticals[:-1])

    return extract


def _citing_everything(real: Callable[..., Extraction]) -> Callable[..., Extraction]:
    def extract(*args: Any, **kwargs: Any) -> Extraction:
        found = real(*args, **kwargs)
        cited = tuple(replace(p, kind=ParentheticalKind.CITATION) for p in found.parentheticals)
        return replace(found, parentheticals=cited)

    return extract


@pytest.mark.parametrize("sabotage", [_dropping_last, _citing_everything])
def test_the_oracle_catches_a_broken_extractor(
    sabotage: Callable[[Callable[..., Extraction]], Callable[..., Extraction]],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """With an extractor that drops the last parenthetical of every paragraph,
    or one that takes every parenthetical for a citation, the property fails
    on some seed: it is not satisfied by whatever the parser says."""
    monkeypatch.setattr(parse_module, "extract", sabotage(parse_module.extract))

    def fails(paragraphs: list[list[Piece]]) -> bool:
        try:
            check_known(paragraphs)
        except AssertionError:
            return True
        return False

    found = find(KNOWN_SEEDS, fails, settings=settings(max_examples=500, deadline=None))
    assert fails(found)
