"""A source cited again is cited in short form (Chicago 17, 14.29-14.34).

The article and the items here are made here: their words, outlets and dates
stand for no real report.
"""

from __future__ import annotations

import re

import pytest

from briefing.citations.registry import load_registry
from briefing.input.parse import parse_article
from briefing.input.publications import load_publications
from briefing.input.sidecar import Sidecar
from briefing.model import Article
from briefing.references.citeproc import AGAIN, Formatted, Text, format_items
from briefing.references.citing import Citing, cite_all
from briefing.references.collect import article_key, collect_references, reference_keys
from briefing.references.csl import Site
from briefing.render import Brief
from briefing.render.memo import _note, _unended, memo_markdown

# Made here: the same outlet and date cited in two paragraphs, another day of
# the same outlet between them, and one source cited once.
MADE_HERE = (
    "A Made-Here Test of Repeated Sources\n\n"
    "Publication: Eurasia Daily Monitor Volume: 8 Issue: 212\n\n"
    "First made-here sentence (IRNA, September 24).\n\n"
    "Second made-here sentence (IRNA, September 25). Third one (FARS News, October 16).\n\n"
    "Fourth made-here sentence, citing the first source again (IRNA, September 24).\n\n"
    "A site, cited twice (www.forum.msk.ru, November 9). Again (www.forum.msk.ru, November 9).\n"
)
SITE = Site("Briefing", None)
NOTE = re.compile(r"^\[\^(\d+)\]: (.*)$", re.MULTILINE)


@pytest.fixture(scope="module")
def made() -> tuple[Article, Citing]:
    article = parse_article(
        MADE_HERE, "seeds/made-here.txt", Sidecar(), load_registry(), load_publications()
    )
    key = article_key(article, "EDM")
    citing = cite_all([(article, key, None)], collect_references((article,)), SITE)
    return article, citing


def memo_notes(article: Article, citing: Citing) -> list[str]:
    keys = {k for c in article.citations for k in reference_keys(c)}
    sources = {k: citing.references[k] for k in keys}
    brief = Brief(article, "edm-made-here", "", False)
    markdown = memo_markdown(brief, citing.briefs[article.slug], sources)
    return [text for _, text in sorted((int(n), t) for n, t in NOTE.findall(markdown))]


def test_the_first_note_is_full_and_a_later_one_of_the_same_source_short(
    made: tuple[Article, Citing],
) -> None:
    notes = memo_notes(*made)
    assert len(notes) == 6
    # The full notes, as Chicago 14.191 cites an unsigned news item: outlet and date.
    assert notes[0] == "*IRNA*, September 24, 2011."
    assert notes[1] == "*IRNA*, September 25, 2011."
    assert notes[2] == "*Fars News Agency*, October 16, 2011."
    # Chicago 14.29: the same source again, shortened; with no author and no
    # title the outlet and date are what tell it from the note of September 25,
    # so the short note keeps them. Not "Ibid." (14.34).
    assert notes[3] == "*IRNA*, September 24, 2011."
    # A web source: the full note gives the address, the short one leaves it out.
    address = "[http://www.forum.msk.ru](<http://www.forum.msk.ru>)"
    assert notes[4] == f"Forum.msk.ru, November 9, 2011, {address}."
    assert notes[5] == "Forum.msk.ru, November 9, 2011."
    assert "Ibid" not in " ".join(notes)


def test_a_titled_source_cited_again_is_cited_by_its_short_title() -> None:
    # Made here: an item with an author and a long title, and one with a title only.
    signed = {
        "id": "made-signed",
        "type": "article-newspaper",
        "author": [{"family": "Example", "given": "Jane Q."}],
        "title": "A Made-Here Headline About Pipelines Across the Caspian",
        "title-short": "Made-Here Headline",
        "container-title": "Made Here Daily",
        "issued": {"date-parts": [[2011, 9, 24]]},
        "URL": "https://made-here.invalid/story",
    }
    unsigned = {**signed, "id": "made-unsigned"}
    del unsigned["author"]
    styled = format_items([], chicago_only=[signed, unsigned], again=[signed, unsigned])
    chicago = styled["chicago"]
    assert chicago["made-signed"].citation.plain == (
        "Jane Q. Example, “A Made-Here Headline About Pipelines Across the Caspian,” "
        "Made Here Daily, September 24, 2011, https://made-here.invalid/story."
    )
    # Chicago 14.29-14.30: the author's surname and the short title; no address.
    assert chicago["made-signed" + AGAIN].citation.plain == "Example, “Made-Here Headline.”"
    # An unsigned news article: the newspaper takes the author's place (Chicago
    # 17, 14.207), before the short title.
    assert chicago["made-unsigned" + AGAIN].citation.plain == (
        "Made Here Daily, “Made-Here Headline.”"
    )
    # The short forms are kept apart from the first notes and nothing else is made.
    assert set(styled["apa"]) == set(styled["mla"]) == set()


def test_the_brief_has_a_chicago_short_note(made: tuple[Article, Citing]) -> None:
    article, citing = made
    short = citing.briefs[article.slug].styles["chicago"].subsequent
    assert short is not None
    # Chicago 14.30: no author, so the title shortened to at most four words,
    # a leading article left off: "A Made-Here Test of Repeated Sources" →
    # "Made-Here Test".
    assert short.plain == "“Made-Here Test.”"


def test_a_short_note_among_others_keeps_chicagos_punctuation(
    made: tuple[Article, Citing],
) -> None:
    """A period inside the closing quotation mark, a semicolon outside (Chicago 6.9)."""
    article, _ = made
    citation = article.citations[0]
    (key,) = reference_keys(citation)
    titled = Formatted(
        Text("x", "“Long Title,” Outlet, 2011."), Text("x", "x"), Text("s", "“Short.”")
    )
    assert _note(citation, {key: titled}, {key}) == "“Short.”"
    assert _note(citation, {key: titled}, set()) == "“Long Title,” Outlet, 2011."
    assert _unended("“Short.”") + "; " + _unended("IRNA, 2011.") == "“Short”; IRNA, 2011"
