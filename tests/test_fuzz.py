"""Property-based fuzzing of the parser, the renderer and the BibTeX writer.

For any seed text:

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

import re
from collections.abc import Iterator

import pytest
from bibtexparser import parse_string
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefing.citations.registry import load_registry
from briefing.cite.bibtex import entries_for, unescape_bibtex, write_bibtex
from briefing.cite.references import collect_references
from briefing.errors import BriefingError
from briefing.input.parse import parse_article
from briefing.input.publications import load_publications
from briefing.input.reading import decode_seed
from briefing.input.sidecar import Sidecar
from briefing.model import Article, Paragraph, ParentheticalKind
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
    pages = render_pages((Brief(article, "fuzz", "Bottom line.", False),), (), None)
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
