"""What must hold for any text: no citation is lost from the claims ledger."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from briefing.analysis.brief import analyse
from briefing.analysis.gazetteer import load_gazetteer
from briefing.citations.registry import load_registry
from briefing.input.parse import parse_article
from briefing.input.publications import load_publications
from briefing.input.sidecar import Sidecar

WORDS = st.sampled_from(
    [
        "Lavrov",
        "said",
        "that",
        "“we",
        "will”",
        "Iran.",
        "The",
        "UN",
        "in",
        "2009",
        "Moscow",
        "(RIA Novosti, May 3).",
        "(IRNA, June 1)",
        "e.g.",
        "Russian",
        "President",
        "Putin",
        "he",
    ]
)
PARAGRAPH = st.lists(WORDS, min_size=1, max_size=30).map(" ".join)

REGISTRY = load_registry()
GAZETTEER = load_gazetteer()
PUBLICATIONS = load_publications()


@settings(max_examples=60, deadline=None)
@given(st.lists(PARAGRAPH, min_size=1, max_size=4))
def test_every_citation_is_in_exactly_one_claim(paragraphs: list[str]) -> None:
    text = "Title\n\nPublication: Eurasia Daily Monitor Volume: 8 Issue: 1\n\n"
    article = parse_article(
        text + "\n\n".join(paragraphs) + "\n", "s.txt", Sidecar(), REGISTRY, PUBLICATIONS
    )
    found = analyse(article, GAZETTEER)
    assert [c for claim in found.claims for c in claim.citations] == list(article.citations)
    assert [e.when for e in found.events] == sorted(e.when for e in found.events)
    assert all(q.speaker is None or found.named.get(q.speaker) for q in found.quotes)
