"""The built site as a reader uses it: names, not codes (countries and
languages from Babel's locale data, outlets by their full and other names;
ISO codes stay in the data), and every name of a thing that has a page
linking to it, every index link landing on its entry."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from html.parser import HTMLParser
from pathlib import Path

import pytest

from briefing.citations.registry import load_registry
from briefing.model import Outlet, OutletType
from briefing.render.names import country_name, full_name, language_name, other_names
from briefing.words import date_note, list_date, short_date
from tests.conftest import edm_article

SEPARATORS = re.compile(r"[,;:·|()/]")
"""What separates one value from the next in a cell or a line of facts."""

VERBATIM = frozenset({"script", "style", "pre", "code"})
"""Elements whose text is data for machines (citation formats), not for readers."""


class Codes(HTMLParser):
    """Text pieces and attribute values of a page that are bare ISO codes."""

    def __init__(self, codes: frozenset[str]) -> None:
        super().__init__(convert_charrefs=True)
        self.codes = codes
        self.found: list[str] = []
        self._verbatim = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in VERBATIM:
            self._verbatim += 1
        for name, value in attrs:
            if name in {"title", "aria-label", "alt", "content"} and value:
                self._check(value, f"<{tag} {name}>")

    def handle_endtag(self, tag: str) -> None:
        if tag in VERBATIM and self._verbatim:
            self._verbatim -= 1

    def handle_data(self, data: str) -> None:
        if not self._verbatim:
            self._check(data, "text")

    def _check(self, text: str, where: str) -> None:
        for piece in SEPARATORS.split(text):
            if piece.strip() in self.codes:
                self.found.append(f"{where}: {text.strip()[:80]!r}")


def registry_codes() -> frozenset[str]:
    """Every country and language code the outlet registry uses."""
    outlets = load_registry().outlets
    return frozenset(code for o in outlets for code in (o.country, o.language) if code is not None)


def codes_in(html: str) -> list[str]:
    parser = Codes(registry_codes())
    parser.feed(html)
    parser.close()
    return parser.found


def test_countries_and_languages_have_their_english_names() -> None:
    assert country_name("IR") == "Iran"
    assert country_name("KW") == "Kuwait"
    assert country_name("RU") == "Russia"
    assert language_name("fa") == "Persian"
    assert language_name("ru") == "Russian"
    assert country_name(None) == language_name(None) == ""


def test_an_outlet_known_by_initials_is_spelled_out() -> None:
    irna = next(o for o in load_registry().outlets if o.id == "irna")
    assert full_name(irna) == "Islamic Republic News Agency"
    plain = Outlet("x", "Kommersant", OutletType.NEWSPAPER, aliases=("Kommersant-Daily",))
    assert full_name(plain) is None
    assert other_names(plain) == ("Kommersant-Daily",)


def test_web_addresses_are_not_other_names() -> None:
    outlet = Outlet("tass", "TASS", aliases=("ITAR-TASS", "tass.com", "TASS"))
    assert other_names(outlet) == ("ITAR-TASS",)


def test_the_check_finds_a_bare_code() -> None:
    assert codes_in("<td>IR</td><td>news agency, FR</td>") != []
    assert codes_in('<abbr title="fa">x</abbr>') != []
    assert codes_in('<tr data-country="IR"><td>Iran</td></tr><pre>IR</pre>') == []


@pytest.fixture(scope="module")
def site(two_brief_site: Path) -> Path:
    return two_brief_site


def test_no_bare_iso_code_reaches_a_page(site: Path) -> None:
    found = {
        str(page.relative_to(site)): codes
        for page in sorted(site.rglob("*.html"))
        if (codes := codes_in(page.read_text("utf-8")))
    }
    assert found == {}


def test_an_outlet_page_shows_names(site: Path) -> None:
    page = (site / "outlets" / "irna" / "index.html").read_text("utf-8")
    for shown in ("Islamic Republic News Agency", "Iran", "Persian", "state-owned"):
        assert shown in page
    assert "<th></th>" not in page
    overview = next((site / "briefs").glob("a-new-*/index.html")).read_text("utf-8")
    assert "news agency, Iran" in overview
    assert 'href="../../outlets/irna/"' in overview


class Links(HTMLParser):
    """(text, href) of every link inside a page's ``<article>``."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, str]] = []
        self._article = False
        self._href: str | None = None
        self._text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._article = self._article or tag == "article"
        if tag == "a" and self._article:
            self._href, self._text = dict(attrs).get("href") or "", []

    def handle_endtag(self, tag: str) -> None:
        if tag == "a" and self._href is not None:
            self.found.append(("".join(self._text).strip(), self._href))
            self._href = None
        self._article = self._article and tag != "article"

    def handle_data(self, data: str) -> None:
        if self._href is not None:
            self._text.append(data)


def links_of(page: Path) -> list[tuple[str, str]]:
    reader = Links()
    reader.feed(page.read_text("utf-8"))
    reader.close()
    return reader.found


def test_outlet_names_in_a_briefs_sources_link_to_their_profiles(site: Path) -> None:
    overview = next((site / "briefs").glob("a-new-*/index.html"))
    links = dict(links_of(overview))
    for name in ("IRNA", "Fars News Agency", "Agence France-Presse", "The Moscow Times"):
        assert links[name].startswith("../../outlets/"), name


def test_an_outlets_citations_link_to_the_brief(site: Path) -> None:
    links = links_of(site / "outlets" / "irna" / "index.html")
    title = "A New Rapprochement Between Moscow and Tehran"
    assert (title, "../../briefs/a-new-rapprochement-between-moscow-and-tehran/") in links
    assert ("All outlets", "../#irna") in links


def test_index_links_land_on_their_entries(site: Path) -> None:
    people = next((site / "briefs").glob("a-new-*/analysis/index.html"))
    index = (site / "people" / "index.html").read_text("utf-8")
    to_index = [href for text, href in links_of(people) if text == "People index"]
    assert to_index
    for href in to_index:
        anchor = href.split("#", 1)[1]
        assert f'id="{anchor}"' in index, anchor
    person = dict(links_of(site / "people" / "sergei-lavrov" / "index.html"))
    assert person["All people"] == "../#sergei-lavrov"


def test_claims_link_their_sources_and_people(site: Path) -> None:
    claims = dict(links_of(next((site / "briefs").glob("a-new-*/analysis/index.html"))))
    assert claims["IRNA"] == "../../../outlets/irna/"
    assert claims["Mahmoud Ahmadinejad"] == "#mahmoud-ahmadinejad"


INTERNAL = re.compile(r"\b(?:sidecars?|registry|registries|lexicons?|seeds?)\b(?!/)", re.I)
"""Words of the project's own making (a path such as ``seeds/x.txt`` aside)."""

YEAR_THEN_DAY_UNSTATED = re.compile(r"(?<![A-Za-z] )\b\d{4} \(day not stated\)")
""""(day not stated)" after a year with no month before it: the month is not stated either."""


class ReaderText(HTMLParser):
    """The words a reader sees on a page, and the labels read out for them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._verbatim = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in VERBATIM:
            self._verbatim += 1
        self.parts += [v for n, v in attrs if n in {"title", "aria-label", "alt"} and v]

    def handle_endtag(self, tag: str) -> None:
        if tag in VERBATIM and self._verbatim:
            self._verbatim -= 1

    def handle_data(self, data: str) -> None:
        if not self._verbatim:
            self.parts.append(data)


def reader_text(html: str) -> str:
    reader = ReaderText()
    reader.feed(html)
    return " ".join(" ".join(reader.parts).split())


def test_the_reader_words_check_finds_internal_words() -> None:
    assert INTERNAL.findall(reader_text("<p>From the outlet registry and a sidecar.</p>")) == [
        "registry",
        "sidecar",
    ]
    assert INTERNAL.findall(reader_text("<p>Source file seeds/x.txt</p><pre>seed</pre>")) == []
    assert YEAR_THEN_DAY_UNSTATED.search(reader_text("<td>2011 (day not stated)</td>"))
    assert not YEAR_THEN_DAY_UNSTATED.search("November 2011 (day not stated)")


def test_no_internal_word_reaches_a_readers_page(site: Path) -> None:
    found = {}
    for page in sorted(site.rglob("*.html")):
        text = reader_text(page.read_text("utf-8"))
        words = INTERNAL.findall(text) + YEAR_THEN_DAY_UNSTATED.findall(text)
        if words:
            found[str(page.relative_to(site))] = sorted(set(words))
    assert found == {}


def test_the_build_report_says_what_it_counts(site: Path) -> None:
    text = reader_text((site / "report" / "index.html").read_text("utf-8"))
    assert "Parentheticals read as Why How many" in text
    assert "citation it names a source and a date" in text
    assert "citation citation" not in text


def test_a_date_says_what_is_not_stated() -> None:
    # Made here: the seed's issue, dated to its year, then to one month.
    year = edm_article("x", "Title")
    assert short_date(year) == list_date(year) == "2011 (month and day not stated)"
    month = replace(year, date_bounds=(dt.date(2011, 11, 1), dt.date(2011, 11, 30)))
    assert short_date(month) == list_date(month) == "November 2011 (day not stated)"
    day = replace(year, date=dt.date(2011, 11, 16))
    assert short_date(day) == "November 16, 2011" and date_note(day) is None
    assert date_note(year) == "The article states no date; the year comes from the volume number."


def test_a_profile_gives_the_file_search_index_its_name_and_roles_not_every_brief(
    site: Path,
) -> None:
    """Material's search (the file:// bundle's) reads a profile's title and roles; each
    brief's section is left to the brief's own pages, which hold the same words."""
    from material.plugins.search.plugin import Parser

    page = next(p for p in (site / "people").rglob("*.html") if "sergei-lavrov" in str(p))
    html = page.read_text("utf-8")
    article = html[html.index('<article class="md-content__inner') :]
    parser = Parser()
    parser.feed(article[article.index(">") + 1 : article.index("</article>")])
    parser.close()
    kept = [s.id for s in parser.data if not s.is_excluded()]
    left_out = [s for s in parser.data if s.is_excluded()]
    assert [i for i in kept if i] == ["sergei-lavrov", "roles"]
    assert [s.id for s in left_out] == [  # one per brief
        "a-new-rapprochement-between-moscow-and-tehran",
        "moscow-weighs-its-options-on-syria",
    ]
