import datetime as dt
from textwrap import dedent

import pytest

from briefing.citations.registry import load_registry
from briefing.errors import SeedError, SidecarError
from briefing.input.parse import parse_article
from briefing.input.publications import load_publications
from briefing.input.reading import decode_seed
from briefing.input.sidecar import Sidecar
from briefing.model import Article, Section
from tests.conftest import SEED

REGISTRY = load_registry()


def parse(text: str, sidecar: Sidecar | None = None) -> Article:
    return parse_article(
        dedent(text).lstrip(), "s.txt", sidecar or Sidecar(), REGISTRY, load_publications()
    )


def seed() -> Article:
    return parse_article(
        decode_seed(SEED.read_bytes(), "seed.txt"),
        "seed.txt",
        Sidecar(),
        REGISTRY,
        load_publications(),
    )


def test_seed_header() -> None:
    article = seed()
    assert article.title == "A New Rapprochement Between Moscow and Tehran"
    assert (article.publication, article.volume, article.issue) == ("Eurasia Daily Monitor", 8, 212)
    assert article.image_credit == "novinite.com"
    assert article.author is None and article.date is None
    assert article.date_bounds == (dt.date(2011, 11, 1), dt.date(2011, 12, 31))
    assert article.warnings == ()


def test_seed_paragraphs_and_citations() -> None:
    article = seed()
    assert len(article.paragraphs) == 7
    assert [p.line for p in article.paragraphs] == [7, 9, 11, 13, 15, 17, 19]
    assert len(article.citations) == 18
    assert len({c.outlet.id for c in article.citations if c.outlet}) == 14


def test_seed_year_inference() -> None:
    dates = {c.raw: c.dates[0].iso for c in seed().citations}
    assert dates["(Interfax-AVN, February 3)"] == "2011-02-03"
    assert dates["(www.forum.msk.ru, November 9, 2009)"] == "2009-11-09"


def test_publication_date_rolls_later_dates_back() -> None:
    article = parse(
        """
        Title
        Publication: Eurasia Daily Monitor Volume: 9 Issue: 3

        It happened (Interfax, December 28) and then (TASS, January 3).
        """,
        Sidecar(date=dt.date(2012, 1, 5)),
    )
    assert [c.dates[0].iso for c in article.citations] == ["2011-12-28", "2012-01-03"]


def test_no_publication_line_is_a_warning_and_years_stay_unknown() -> None:
    article = parse(
        """
        Title only

        A claim (IRNA, September 24).
        """
    )
    assert article.citations[0].dates[0].year is None
    assert any("no 'Publication:' line" in w.message for w in article.warnings)


def test_unclosed_parenthesis_is_a_warning_on_its_line() -> None:
    article = parse(
        """
        Title
        Publication: Eurasia Daily Monitor Volume: 8 Issue: 1

        First line of the paragraph
        and an unclosed (aside here.
        """
    )
    assert [(w.line, "unbalanced" in w.message) for w in article.warnings] == [(5, True)]
    assert "unclosed (aside" in article.paragraphs[0].text


def test_title_only_has_no_paragraphs() -> None:
    article = parse("Just a title\n")
    assert article.paragraphs == ()


def test_blank_text_is_an_error() -> None:
    with pytest.raises(SeedError, match=r"s.txt:1: the file is empty"):
        parse("\n\n")


def test_sections_beyond_the_text_are_an_error() -> None:
    with pytest.raises(SidecarError, match=r"paragraph 5, but the text has 1"):
        parse("T\n\nOne.\n", Sidecar(sections=(Section("Late", 5),)))


def test_image_credit_is_not_a_citation() -> None:
    article = parse(
        """
        T
        Publication: Eurasia Daily Monitor Volume: 8 Issue: 1

        (Source: Reuters, March 3)

        Body (TASS, March 2).
        """
    )
    assert article.image_credit == "Reuters, March 3"
    assert [c.outlet_text for c in article.citations] == ["TASS"]


def test_issue_number_rolls_december_dates_back_in_a_january_issue() -> None:
    article = parse(
        """
        Title
        Publication: Eurasia Daily Monitor Volume: 9 Issue: 3

        Late last year (Interfax, December 28) and this week (TASS, January 3).
        """
    )
    assert [c.dates[0].iso for c in article.citations] == ["2011-12-28", "2012-01-03"]


def test_issue_number_keeps_dates_of_the_same_autumn() -> None:
    article = parse(
        """
        Title
        Publication: Eurasia Daily Monitor Volume: 8 Issue: 212

        Recently (RT, November 1) and before (TASS, December 2).
        """
    )
    # Issue 212 of 240 a year falls in mid-November; a month's margin keeps
    # early December in the same year.
    assert [c.dates[0].iso for c in article.citations] == ["2011-11-01", "2011-12-02"]


def test_publication_line_with_commas() -> None:
    article = parse(
        """
        Title
        Publication: Eurasia Daily Monitor, Volume: 9, Issue: 15

        Text (Interfax, January 3).
        """
    )
    assert (article.publication, article.volume, article.issue) == ("Eurasia Daily Monitor", 9, 15)
    assert article.citations[0].dates[0].iso == "2012-01-03"


def test_unknown_publication_warns_that_years_stay_unknown() -> None:
    article = parse("T\nPublication: China Brief Volume: 12 Issue: 3\n\nText (Xinhua, May 3).\n")
    assert article.citations[0].dates[0].year is None
    assert any("not in data/publications.yml" in w.message for w in article.warnings)


def test_a_sidecar_date_needs_no_publication_line() -> None:
    article = parse("T\n\nText (Interfax, May 3).\n", Sidecar(date=dt.date(2012, 6, 1)))
    assert article.citations[0].dates[0].iso == "2012-05-03"
    assert article.warnings == ()


@pytest.mark.parametrize(
    "first", ["Publication: Eurasia Daily Monitor Volume: 9 Issue: 15", "(Source: AP)"]
)
def test_a_header_line_is_not_a_title(first: str) -> None:
    with pytest.raises(SeedError, match=r"s.txt:1: the first line must be the title"):
        parse(f"{first}\n\nText (Interfax, December 28).\n")
