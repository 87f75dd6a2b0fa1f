"""The timeline says each thing once: one event per dated statement, at its
most precise date, with an excerpt that ends at a word or clause boundary."""

from __future__ import annotations

import textwrap
from collections import Counter
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from briefing.analysis.gazetteer import load_gazetteer
from briefing.analysis.records import TimelineEvent
from briefing.analysis.timeline import DANGLING, EXCERPT_WORDS, excerpt, find_events
from briefing.build import read_article
from briefing.citations.registry import load_registry
from briefing.input.publications import load_publications
from briefing.model import Article
from tests.conftest import SEED, write


def article_of(path: Path) -> Article:
    return read_article(path, path.parent, load_registry(), load_publications())


def test_the_seed_lists_each_dated_statement_once() -> None:
    events = find_events(article_of(SEED))
    statements = Counter((e.paragraph, e.excerpt) for e in events)
    assert [s for s, n in statements.items() if n > 1] == []

    def event(paragraph: int, opening: str) -> TimelineEvent:
        (found,) = (e for e in events if e.paragraph == paragraph and e.excerpt.startswith(opening))
        return found

    # ¶6: "press reports in 2009 … fell apart in 2008 … (Forum.msk.ru, November 9)".
    assert event(6, "Indeed, Russian press reports").when == "2009-11-09"
    # ¶2: "In August, … Lavrov had stated … (Rossiya 24, August 17)".
    assert event(2, "In August").when == "2011-08-17"
    assert event(2, "In August").outlet == "Rossiya 24"


def test_a_stated_date_alone_is_an_event_and_a_vaguer_one_gives_way(tmp_path: Path) -> None:
    seed = write(
        tmp_path / "seeds" / "stated.txt",
        textwrap.dedent(
            """\
            Stated Dates

            Publication: Eurasia Daily Monitor Volume: 8 Issue: 212

            The talks began in 2008 and stalled. In March, they resumed in Geneva on March 4.

            Reports in 2009 described it (Interfax, November 9, 2009).
            """
        ),
    )
    events = find_events(article_of(seed))
    assert [(e.paragraph, e.when, e.outlet) for e in events] == [
        (1, "2008", None),
        (2, "2009-11-09", "Interfax"),
        (1, "2011-03-04", None),
    ]
    assert load_gazetteer()  # the gazetteer plays no part in dating


def test_excerpts_end_at_a_clause_or_word_boundary() -> None:
    sentence = (
        "Indeed, Russia is delivering radar jammers to Iran and negotiating future deliveries "
        "to it that do not contravene the exceptions carved out for Russia by the Obama "
        "Administration in the sanctions regime of 2010."
    )
    cut = excerpt(sentence)
    assert cut.endswith(" …")
    words = cut.removesuffix(" …").split()
    assert len(words) <= EXCERPT_WORDS
    assert words[-1].casefold() not in DANGLING
    assert not words[-1].endswith((",", ";", ":"))
    assert sentence.startswith(cut.removesuffix(" …"))


def test_an_excerpt_prefers_the_end_of_a_clause() -> None:
    sentence = (
        "Russian energy, zinc, and aluminum companies are all planning to risk violating "
        "US sanctions by cooperating with Iran and Prime Minister Vladimir Putin's spokesman, "
        "Dmitry Peskov, openly said that unilateral US sanctions are not binding."
    )
    assert excerpt(sentence).endswith("Dmitry Peskov …")


def test_a_short_sentence_is_kept_whole() -> None:
    assert excerpt("Moscow objects.") == "Moscow objects."


WORDS = st.lists(
    st.sampled_from(
        ["Moscow", "Iran", "in", "the", "talks,", "said;", "—", "of", "sanctions", "a"]
    ),
    min_size=1,
    max_size=60,
)


@given(WORDS)
def test_an_excerpt_is_the_texts_opening_and_never_ends_open(words: list[str]) -> None:
    text = " ".join(words)
    cut = excerpt(text)
    if cut == text:
        assert len(words) <= EXCERPT_WORDS
        return
    kept = cut.removesuffix(" …")
    assert cut.endswith(" …") and text.startswith(kept)
    last = kept.split()[-1]
    assert len(kept.split()) <= EXCERPT_WORDS
    assert last == kept.split()[0] or (last.casefold() not in DANGLING and last not in "—–")
    assert not last.endswith((",", ";", ":"))
