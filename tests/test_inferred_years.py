"""Years inferred from an issue number say how sure they are.

Every article text below is made here for these tests: its claims and dates
are placeholders, not reports of anything. Volume 17 of the publication in
data/publications.yml is 2020.
"""

from __future__ import annotations

import datetime as dt
from textwrap import dedent

from briefing.analysis.timeline import find_events
from briefing.citations.registry import load_registry
from briefing.input.parse import parse_article
from briefing.input.publications import load_publications
from briefing.input.sidecar import Sidecar
from briefing.model import Article, CitedDate, Publication
from briefing.render import Brief, render_pages
from briefing.words import cited_date, uncertain_years

REGISTRY = load_registry()


def made_here(issue: int, claim: str, sidecar: Sidecar | None = None) -> Article:
    """An article made here: issue ``issue`` of volume 17 with one paragraph."""
    text = dedent(
        f"""\
        Made Here For A Test

        Publication: Eurasia Daily Monitor Volume: 17 Issue: {issue}

        {claim}
        """
    )
    return parse_article(text, "made.txt", sidecar or Sidecar(), REGISTRY, load_publications())


def dates(article: Article) -> list[CitedDate]:
    return [d for c in article.citations for d in c.dates]


def test_the_issue_span_runs_from_the_fastest_rate_to_the_slowest() -> None:
    edm = Publication("Eurasia Daily Monitor", "EDM", first_year=2004, issues_per_year=240)
    # Issue 120: day 173 at 250 a year less a month; day 243 at 180 a year plus a month.
    assert edm.issue_span(2020, 120) == (dt.date(2020, 5, 23), dt.date(2020, 9, 30))
    # Kept within the volume's year at both ends.
    assert edm.issue_span(2020, 2) == (dt.date(2020, 1, 1), dt.date(2020, 2, 4))
    assert edm.issue_span(2020, 240) == (dt.date(2020, 11, 14), dt.date(2020, 12, 31))
    assert edm.issue_span(2020, None) is None


def test_a_late_month_within_the_span_gets_a_question_mark() -> None:
    (date,) = dates(made_here(190, "A claim made here (TASS, October 28)."))
    assert (date.year, date.year_inferred, date.year_uncertain) == (2020, True, True)
    assert cited_date(date) == "October 28, 2020?"


def test_a_first_half_issue_citing_a_later_month_may_be_either_year() -> None:
    # Issue 120 may have come out as late as September 30: August 20 is
    # read as the year before (by the even-rate estimate), but not surely.
    (date,) = dates(made_here(120, "A claim made here (TASS, August 20)."))
    assert cited_date(date) == "August 20, 2019?"


def test_a_mid_year_issue_citing_an_early_month_is_sure() -> None:
    (date,) = dates(made_here(120, "A claim made here (TASS, March 3)."))
    assert (date.year_inferred, date.year_uncertain) == (True, False)
    assert cited_date(date) == "March 3, 2020"


def test_a_very_early_issue_citing_a_late_month_is_surely_the_year_before() -> None:
    # Issue 10 came out by February 20 at the slowest rate: October is last year's.
    (date,) = dates(made_here(10, "A claim made here (TASS, October 28)."))
    assert (date.year, date.year_uncertain) == (2019, False)
    assert cited_date(date) == "October 28, 2019"


def test_a_stated_date_wins() -> None:
    sidecar = Sidecar(date=dt.date(2020, 10, 1))
    (date,) = dates(made_here(190, "A claim made here (TASS, October 28).", sidecar))
    assert (date.year, date.year_uncertain) == (2019, False)
    assert cited_date(date) == "October 28, 2019"
    (written,) = dates(made_here(190, "A claim made here (TASS, October 28, 2020)."))
    assert (written.year_inferred, written.year_uncertain) == (False, False)
    assert cited_date(written) == "October 28, 2020"


def test_footnote_timeline_and_report_show_it_and_the_report_says_why() -> None:
    article = made_here(
        190, "A claim made here (TASS, October 28). Another claim made here (TASS, March 3)."
    )
    (event, sure) = sorted(find_events(article), key=lambda e: e.when, reverse=True)
    assert (event.label, sure.label) == ("October 28, 2020?", "March 3, 2020")
    pages = dict(render_pages((Brief(article, "k", "Bottom line.", False),), (), None))
    text = pages[f"briefs/{article.slug}/text.md"]
    assert "TASS, October 28, 2020?" in text and "March 3, 2020?" not in text
    (reason,) = (r for _, _, r in uncertain_years(article))
    assert reason == (
        "issue 190 of volume 17; issues a year 180–250 put the article between "
        "September 2, 2020 and December 31, 2020; the cited month and day fall in "
        "that span, so the year may be 2019 or 2020"
    )
    assert f"October 28, 2020?: {reason}" in pages["report.md"]
    assert "March 3" not in pages["report.md"]


def test_no_uncertain_years_without_an_issue_span() -> None:
    article = made_here(
        120, "A claim made here (TASS, August 20).", Sidecar(date=dt.date(2020, 6, 1))
    )
    assert article.issue_span is None
    assert list(uncertain_years(article)) == []
