"""Link previews (OpenGraph, Twitter cards) and schema.org JSON-LD, read back from
the seed's built pages; the JSON-LD parsed with ``json`` and checked field by field.

The articles built here in memory are made here: titles, authors and dates are test values."""

from __future__ import annotations

import datetime as dt
import json
from html.parser import HTMLParser
from pathlib import Path

from briefing.escape import script_json
from briefing.model import Citation, CitedDate, Outlet, Paragraph, Parenthetical, ParentheticalKind
from briefing.render import Brief
from briefing.render.structured import structured_data
from tests.conftest import edm_article

SLUG = "a-new-rapprochement-between-moscow-and-tehran"
ORIGINAL = "https://jamestown.org/program/a-new-rapprochement-between-moscow-and-tehran/"


class Head(HTMLParser):
    """A page's ``<meta>`` values by name or property, and its JSON-LD scripts."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.meta: dict[str, list[str]] = {}
        self.json_ld: list[str] = []
        self._in_json_ld = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "meta" and (key := values.get("property") or values.get("name")):
            self.meta.setdefault(key, []).append(values.get("content") or "")
        self._in_json_ld = tag == "script" and values.get("type") == "application/ld+json"
        if self._in_json_ld:
            self.json_ld.append("")

    def handle_data(self, data: str) -> None:
        if self._in_json_ld:
            self.json_ld[-1] += data

    def handle_endtag(self, tag: str) -> None:
        self._in_json_ld = False


def head(page: Path) -> Head:
    reader = Head()
    reader.feed(page.read_text("utf-8"))
    return reader


def _one(reader: Head, key: str) -> str:
    values = reader.meta.get(key, [])
    assert len(values) == 1, (key, values)
    return values[0]


def test_every_page_has_a_link_preview(seed_site: Path) -> None:
    pages = [
        p for p in seed_site.rglob("*.html") if 'http-equiv="refresh"' not in p.read_text("utf-8")
    ]
    assert len(pages) > 20
    for page in pages:
        reader = head(page)
        assert _one(reader, "og:site_name") == "Briefing", page
        assert _one(reader, "og:title"), page
        assert _one(reader, "twitter:card") == "summary", page
        assert _one(reader, "twitter:title") == _one(reader, "og:title"), page
        assert _one(reader, "og:type") in {"article", "website"}, page
    home = head(seed_site / "index.html")
    assert _one(home, "og:type") == "website"
    assert _one(home, "og:title") == "Briefs"  # its <title>: "Briefs - Briefing"
    assert "og:url" not in home.meta  # no site address: none is invented


def test_a_brief_previews_as_an_article_with_its_bottom_line(seed_site: Path) -> None:
    reader = head(seed_site / "briefs" / SLUG / "index.html")
    bottom_line = _one(reader, "description")
    assert bottom_line.startswith("Closer examination of recent Russo-Iranian relations")
    assert _one(reader, "og:description") == _one(reader, "twitter:description") == bottom_line
    assert _one(reader, "og:type") == "article"
    assert _one(reader, "og:title") == "A New Rapprochement Between Moscow and Tehran"
    # The Highwire tags reference managers read are still there.
    assert _one(reader, "citation_title") == "A New Rapprochement Between Moscow and Tehran"
    assert _one(reader, "citation_public_url") == ORIGINAL


def test_a_brief_has_its_schema_org_description(seed_site: Path) -> None:
    reader = head(seed_site / "briefs" / SLUG / "index.html")
    (text,) = reader.json_ld
    data = json.loads(text)
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "ScholarlyArticle"
    assert data["headline"] == "A New Rapprochement Between Moscow and Tehran"
    assert data["description"] == _one(reader, "description")
    original = data["isBasedOn"]
    assert original["@type"] == "Article" and original["url"] == ORIGINAL
    issue = original["isPartOf"]
    assert (issue["@type"], issue["issueNumber"]) == ("PublicationIssue", 212)
    volume = issue["isPartOf"]
    assert (volume["@type"], volume["volumeNumber"]) == ("PublicationVolume", 8)
    assert volume["isPartOf"] == {"@type": "Periodical", "name": "Eurasia Daily Monitor"}
    # The seed states no date and no author: neither is given.
    for absent in ("datePublished", "author"):
        assert absent not in data and absent not in original
    cited = data["citation"]
    assert len(cited) >= 10
    names = [work["name"] for work in cited]
    assert len(set(names)) == len(names)
    assert "IRNA, September 24" in names
    for work in cited:
        assert work["@type"] == "CreativeWork"
        assert work["publisher"]["@type"] == "Organization"
    # Only the brief's overview carries it: one description per brief.
    assert head(seed_site / "briefs" / SLUG / "text" / "index.html").json_ld == []


def test_json_ld_cannot_end_its_script_element() -> None:
    value = {"t": "</script><!-- & -->", "u": "\u2028"}
    text = script_json(value)
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text) == value


def test_structured_data_gives_stated_dates_authors_and_cited_addresses() -> None:
    outlet = Outlet("made-here-agency", "Made-Here Agency", url="https://agency.example.org/")
    cited = Citation(
        "Made-Here Agency",
        outlet,
        (CitedDate("March 3", 2031, 3, 3),),
        "(Made-Here Agency, March 3, https://agency.example.org/a)",
        1,
        0,
        10,
        url="https://agency.example.org/a",
    )
    parenthetical = Parenthetical(cited.raw, 0, 10, ParentheticalKind.CITATION, "c", (cited,))
    article = edm_article(
        "made-here",
        "Made Here </script>",
        author="Made-Here Author",
        date=dt.date(2031, 4, 1),
        url="https://monitor.example.org/made-here/",
    )
    article = type(article)(
        **{**article.__dict__, "paragraphs": (Paragraph(1, "Text.", 5, (parenthetical,)),)}
    )
    text = structured_data(Brief(article, "k", "Line.", False, ("Energy",)))
    assert "</" not in text
    data = json.loads(text)
    assert data["headline"] == "Made Here </script>"
    assert data["datePublished"] == data["isBasedOn"]["datePublished"] == "2031-04-01"
    assert data["author"] == {"@type": "Person", "name": "Made-Here Author"}
    assert data["keywords"] == ["Energy"]
    assert data["citation"] == [
        {
            "@type": "CreativeWork",
            "name": "Made-Here Agency, March 3",
            "publisher": {
                "@type": "Organization",
                "name": "Made-Here Agency",
                "url": "https://agency.example.org/",
            },
            "url": "https://agency.example.org/a",
        }
    ]
