"""Feeds of the newest briefs, parsed back as a feed reader does (feedparser) and
checked field by field; JSON Feed checked against the 1.1 format's required fields.

The briefs here are made here: their titles, authors and dates are test values."""

from __future__ import annotations

import datetime as dt
import json
from html.parser import HTMLParser
from pathlib import Path

import feedparser

from briefing.references.csl import Site
from briefing.render import Brief
from briefing.render.feeds import FEED_ENTRIES, atom_feed, entry_id, feed_files, json_feed
from tests.conftest import edm_article

SITE = Site("Briefing", "https://briefs.example.org/")
UNSET = Site("Briefing", None)
ORIGINAL = "https://monitor.example.org/2011/11/made-here/"


def _briefs() -> tuple[Brief, ...]:
    dated = edm_article(
        "made-here-dated",
        "Made Here: A Dated <Brief> & Co",
        author="Made-Here Author",
        date=dt.date(2011, 11, 16),
        url=ORIGINAL,
    )
    undated = edm_article("made-here-undated", "Made Here: An Undated Brief")
    return (
        Brief(dated, "k1", "Bottom line one, with </script> & <b>.", False, ("Energy",)),
        Brief(undated, "k2", "Bottom line two.", True, ("Energy", "Iran")),
    )


def test_atom_entries_carry_every_known_field_and_only_those() -> None:
    undated = _briefs()[1]
    parsed = feedparser.parse(atom_feed("feeds/atom.xml", "Briefing: newest", _briefs(), SITE))
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version == "atom10"
    assert parsed.feed.title == "Briefing: newest"
    assert parsed.feed.updated == "2011-12-31T00:00:00Z"  # the newest entry's
    assert parsed.feed.author == "Briefing"
    assert {link.rel: link.href for link in parsed.feed.links} == {
        "self": "https://briefs.example.org/feeds/atom.xml",
        "alternate": "https://briefs.example.org/",
    }
    first, second = parsed.entries
    assert first.id == ORIGINAL
    assert first.title == "Made Here: A Dated <Brief> & Co"
    assert first.author == "Made-Here Author"
    assert first.published == first.updated == "2011-11-16T00:00:00Z"
    assert first.summary == "Bottom line one, with </script> & <b>."
    links = {link.rel: link.href for link in first.links}
    assert links == {
        "alternate": "https://briefs.example.org/briefs/made-here-dated/",
        "related": ORIGINAL,
    }
    assert [tag.term for tag in first.tags] == ["Energy"]
    # No stated date, no author: no published, no author; updated is the
    # latest date the text supports, and the content says so.
    assert second.id == entry_id(undated.article)
    assert second.id.startswith("urn:uuid:")
    assert "published" not in second and "author" not in second
    assert second.updated == "2011-12-31T00:00:00Z"
    assert "states no date" in second.content[0].value
    assert {link.rel for link in second.links} == {"alternate"}


def test_control_characters_cannot_break_the_atom_feed() -> None:
    article = edm_article("made-here-controls", "Made \x1b Here \x01")
    brief = Brief(article, "k", "Line \x07 & <b>", False, ("Tag\x0b",))
    parsed = feedparser.parse(atom_feed("feeds/atom.xml", "t", (brief,), SITE))
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.entries[0].title == "Made  Here"  # feedparser strips the end
    assert parsed.entries[0].summary == "Line  & <b>"
    assert [tag.term for tag in parsed.entries[0].tags] == ["Tag"]


def test_ids_are_unique_and_stable_whatever_the_site_address() -> None:
    briefs = _briefs()
    with_address = feedparser.parse(atom_feed("feeds/atom.xml", "t", briefs, SITE))
    without = feedparser.parse(atom_feed("feeds/atom.xml", "t", briefs, UNSET))
    ids = [e.id for e in with_address.entries]
    assert len(set(ids)) == len(ids) == 2
    assert ids == [e.id for e in without.entries]


def test_without_a_site_address_links_are_relative_and_the_feed_says_so() -> None:
    text = atom_feed("feeds/tags/energy.xml", "t", _briefs(), UNSET)
    assert "site_url) is not set" in text
    parsed = feedparser.parse(text)
    assert not parsed.bozo
    assert parsed.entries[0].link == "../../briefs/made-here-dated/"
    assert {link.rel: link.href for link in parsed.feed.links}["self"] == "energy.xml"
    feed = json.loads(json_feed("feeds/feed.json", "t", _briefs(), UNSET))
    assert "not set" in feed["description"] and "feed_url" not in feed
    assert feed["items"][0]["url"] == "../briefs/made-here-dated/"


def test_a_brief_without_any_date_is_left_out_of_atom_only() -> None:
    nothing = edm_article("made-here-no-date", "No Date")
    nothing = type(nothing)(**{**nothing.__dict__, "date_bounds": None})
    brief = Brief(nothing, "k", "Line.", False)
    assert feedparser.parse(atom_feed("feeds/atom.xml", "t", (brief,), SITE)).entries == []
    items = json.loads(json_feed("feeds/feed.json", "t", (brief,), SITE))["items"]
    assert [i["title"] for i in items] == ["No Date"] and "date_published" not in items[0]


def _check_json_feed(feed: dict[str, object]) -> None:
    """The required fields of JSON Feed 1.1, and the types of the optional ones used."""
    assert feed["version"] == "https://jsonfeed.org/version/1.1"
    assert isinstance(feed["title"], str)
    items = feed["items"]
    assert isinstance(items, list)
    ids = [item["id"] for item in items]
    assert len(set(ids)) == len(ids)
    for item in items:
        assert isinstance(item["id"], str)
        assert isinstance(item.get("content_text") or item.get("content_html"), str)
        for key in ("url", "external_url", "title", "summary", "date_published"):
            assert isinstance(item.get(key, ""), str)
        for author in item.get("authors", []):
            assert isinstance(author["name"], str)
        if "date_published" in item:
            dt.datetime.fromisoformat(item["date_published"])


def test_json_feed_fields() -> None:
    feed = json.loads(json_feed("feeds/feed.json", "Briefing: newest", _briefs(), SITE))
    _check_json_feed(feed)
    assert feed["home_page_url"] == "https://briefs.example.org/"
    assert feed["feed_url"] == "https://briefs.example.org/feeds/feed.json"
    first, second = feed["items"]
    assert first == {
        "id": ORIGINAL,
        "url": "https://briefs.example.org/briefs/made-here-dated/",
        "title": "Made Here: A Dated <Brief> & Co",
        "summary": "Bottom line one, with </script> & <b>.",
        "content_text": first["content_text"],
        "external_url": ORIGINAL,
        "date_published": "2011-11-16T00:00:00Z",
        "authors": [{"name": "Made-Here Author"}],
        "tags": ["Energy"],
    }
    assert first["content_text"].startswith(first["summary"])
    assert "date_published" not in second and "authors" not in second
    assert "external_url" not in second


def test_site_and_tag_feeds_hold_the_newest_briefs() -> None:
    dated, undated = _briefs()
    many = tuple(
        Brief(
            type(undated.article)(**{**undated.article.__dict__, "slug": f"made-here-{n}"}),
            f"k{n}",
            "Line.",
            False,
        )
        for n in range(FEED_ENTRIES + 5)
    )
    files = dict(feed_files((undated, dated, *many), SITE))
    assert sorted(files) == [
        "feeds/atom.xml",
        "feeds/feed.json",
        "feeds/tags/energy.json",
        "feeds/tags/energy.xml",
        "feeds/tags/iran.json",
        "feeds/tags/iran.xml",
    ]
    site = feedparser.parse(files["feeds/atom.xml"])
    assert len(site.entries) == FEED_ENTRIES
    assert site.entries[0].id == ORIGINAL  # newest first: the stated November date
    energy = json.loads(files["feeds/tags/energy.json"])
    assert [i["title"] for i in energy["items"]] == [dated.article.title, undated.article.title]
    assert energy["title"] == "Briefing: briefs tagged Energy"
    assert dict(feed_files((undated, dated, *many), SITE)) == files  # deterministic


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.alternates: list[dict[str, str | None]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "link" and dict(attrs).get("rel") == "alternate":
            self.alternates.append(dict(attrs))


def _alternates(site: Path, page: Path) -> dict[str, list[Path]]:
    reader = _Links()
    reader.feed(page.read_text("utf-8"))
    found: dict[str, list[Path]] = {}
    for link in reader.alternates:
        href = str(link["href"])
        # 404.html links from the site's root: it is shown at any address.
        target = site / href[1:] if href.startswith("/") else page.parent / href
        found.setdefault(str(link["type"]), []).append(target)
    return found


def test_the_seed_site_has_its_feeds_linked_from_every_page(seed_site: Path) -> None:
    atom = feedparser.parse((seed_site / "feeds" / "atom.xml").read_bytes())
    assert not atom.bozo and [e.title for e in atom.entries] == [
        "A New Rapprochement Between Moscow and Tehran"
    ]
    _check_json_feed(json.loads((seed_site / "feeds" / "feed.json").read_text("utf-8")))
    pages = list(seed_site.rglob("*.html"))
    assert len(pages) > 20
    for page in pages:
        if 'http-equiv="refresh"' not in page.read_text("utf-8"):  # not a redirect stub
            links = _alternates(seed_site, page)
            for kind in ("application/atom+xml", "application/feed+json"):
                assert links[kind], page
                assert all(target.resolve().is_file() for target in links[kind]), page
    energy = _alternates(seed_site, seed_site / "tags" / "energy" / "index.html")
    assert len(energy["application/atom+xml"]) == 2
    tag_feed = energy["application/atom+xml"][1].resolve()
    assert tag_feed == (seed_site / "feeds" / "tags" / "energy.xml").resolve()
    assert not feedparser.parse(tag_feed.read_bytes()).bozo
