"""Linked sources keep their address; a source whose outlet was lost is reported.

The sentences are the seed's own (seeds/edm-2011-8-212-…); the addresses
``https://www.irna.ir/made-here/1`` and the like are made here for the tests.
"""

from __future__ import annotations

from briefing.citations import DateContext, extract
from briefing.citations.reasons import Reason
from briefing.citations.registry import load_registry
from briefing.cite.bibtex import reference_entry
from briefing.cite.csl import reference_item
from briefing.cite.references import collect_references
from briefing.input.parse import parse_article
from briefing.input.publications import load_publications
from briefing.input.sidecar import Sidecar
from briefing.model import ParentheticalKind

REGISTRY = load_registry()
CONTEXT = DateContext(year=2011)
SENTENCE = "the relations are those of friends based on neighborhood"
IRNA_PAGE = "https://www.irna.ir/made-here/1"  # made here


def test_a_linked_outlet_keeps_its_name_and_address() -> None:
    found = extract(f"{SENTENCE} (IRNA, September 24, {IRNA_PAGE}).", 1, CONTEXT, REGISTRY)
    (citation,) = found.parentheticals[0].citations
    assert (citation.outlet_text, citation.url) == ("IRNA", IRNA_PAGE)
    assert citation.outlet is not None and citation.outlet.id == "irna"
    assert [d.iso for d in citation.dates] == ["2011-09-24"]


def test_a_lost_outlet_is_reported_and_never_cited() -> None:
    found = extract(f"{SENTENCE} (, September 24).", 1, CONTEXT, REGISTRY)
    (parenthetical,) = found.parentheticals
    assert parenthetical.kind is ParentheticalKind.TEXT
    assert parenthetical.reason == Reason.LOST_SOURCE
    assert parenthetical.citations == ()
    (problem,) = found.problems
    assert problem.message.startswith("lost source: ', September 24'")


def test_a_lost_outlet_beside_a_named_one_is_not_given_its_date() -> None:
    text = f"{SENTENCE} (FARS News, October 16; , October 9)."
    found = extract(text, 1, CONTEXT, REGISTRY)
    (citation,) = found.parentheticals[0].citations
    assert citation.outlet_text == "FARS News"
    assert [d.iso for d in citation.dates] == ["2011-10-16"]
    assert [p.message.split(" in ")[0] for p in found.problems] == ["lost source: ', October 9'"]


def test_the_build_warns_of_a_lost_source() -> None:
    text = f"A New Rapprochement Between Moscow and Tehran\n\n{SENTENCE} (, September 24).\n"
    article = parse_article(text, "x.txt", Sidecar(), REGISTRY, load_publications())
    assert article.citations == ()
    assert any("lost source" in w.message for w in article.warnings)


def test_the_cited_page_address_reaches_bibtex_and_csl() -> None:
    text = (
        "A New Rapprochement Between Moscow and Tehran\n\n"
        "Publication: Eurasia Daily Monitor Volume: 8 Issue: 212\n\n"
        f"{SENTENCE} (IRNA, September 24, {IRNA_PAGE}). Also (FARS News, October 16).\n"
    )
    article = parse_article(text, "x.txt", Sidecar(), REGISTRY, load_publications())
    linked, plain = sorted(collect_references((article,)), key=lambda r: r.outlet_name != "IRNA")
    assert reference_entry(linked).fields_dict["url"].value == IRNA_PAGE
    assert reference_item(linked)["URL"] == IRNA_PAGE
    # An outlet cited without an address gets no url from its home page.
    assert "url" not in reference_entry(plain).fields_dict
    assert "URL" not in reference_item(plain)
