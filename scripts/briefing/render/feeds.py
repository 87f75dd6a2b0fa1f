"""Feeds of the newest briefs: Atom and JSON Feed 1.1, for the site and per tag.

Written with the standard library's writers (an element tree for Atom,
``json`` for JSON Feed), never by gluing strings, so every value is escaped
by the writer. Each entry gives what the brief states and nothing more:

- ``title``, ``summary`` (the bottom line), the brief's address and the
  original's (``related`` in Atom, ``external_url`` in JSON Feed);
- the author and the publication date only where the article states them
  (Atom ``author``, ``published``; JSON Feed ``authors``, ``date_published``);
- Atom requires every entry to have an ``updated`` time. A brief whose
  article states its date gives that date. One that does not gives the
  latest date its text supports (the volume's year, the issue's estimate
  and the dates it cites, as the overview's date note explains), and says
  so in its ``content``; a brief with no date at all is left out of the
  Atom feed (JSON Feed, where dates are optional, keeps it, undated). The
  feed's ``updated`` is its newest entry's. Atom requires a feed author
  too: the site, which wrote the briefs; an entry's own author is the
  article's.
- ids never change with the site's address: the original's address when the
  sidecar gives it (one seed per address), else a name-based UUID of the
  brief's slug.

Links are absolute once the site's address (``site_url``) is set. Without
it they are relative to the feed file (valid in both formats, resolved
against the feed's own address), and each feed says so.
"""

from __future__ import annotations

import datetime as dt
import json
import posixpath
import uuid
import xml.etree.ElementTree as ET
from collections.abc import Iterator, Sequence

from .. import words
from ..escape import xml_chars
from ..model import Article
from ..references.csl import Site
from .brief import Brief, newest_first
from .parts import tag_path

FEED_ENTRIES = 50
"""Briefs a feed holds: the newest ones."""

FEEDS = "feeds"
"""The folder of docs/ holding the feeds: ``atom.xml``, ``feed.json``, ``tags/…``."""

ATOM = "http://www.w3.org/2005/Atom"
JSON_FEED = "https://jsonfeed.org/version/1.1"

ID_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "https://briefing.invalid/briefs/")
"""Namespace of the ids of briefs without an original address (a fixed, reserved name)."""

FEED_SUFFIXES = (".xml", ".json")
"""What the feeds folder holds: Atom and JSON Feed files, all the build's."""

SITE_FEEDS = (f"{FEEDS}/atom.xml", f"{FEEDS}/feed.json")
"""The site's feeds, under docs/: every page's head links them."""

NO_ADDRESS = (
    "The site's address (site_url) is not set: links are relative to this feed's own address."
)


def feed_files(briefs: Sequence[Brief], site: Site) -> Iterator[tuple[str, str]]:
    """Every feed's path under ``docs/`` and its text: the site's, then each tag's."""
    ordered = sorted(briefs, key=newest_first)
    title = f"{site.name}: newest briefs"
    yield from _feeds(SITE_FEEDS, title, ordered, site)
    tagged: dict[str, tuple[str, list[Brief]]] = {}
    for brief in ordered:
        for topic in brief.topics:
            group = tagged.setdefault(tag_feed(topic), (topic, []))[1]
            if not group or group[-1] is not brief:
                group.append(brief)
    for base, (topic, group) in sorted(tagged.items()):
        paths = (f"{FEEDS}/{base}.xml", f"{FEEDS}/{base}.json")
        yield from _feeds(paths, f"{site.name}: briefs tagged {topic}", group, site)


def tag_feed(topic: str) -> str:
    """The name of a topic's feeds in the feeds folder, without suffix: ``tags/energy``."""
    return tag_path(topic).removesuffix(".md")


def _feeds(
    paths: tuple[str, str], title: str, briefs: Sequence[Brief], site: Site
) -> Iterator[tuple[str, str]]:
    atom, jsonfeed = paths
    newest = briefs[:FEED_ENTRIES]
    yield atom, atom_feed(atom, title, newest, site)
    yield jsonfeed, json_feed(jsonfeed, title, newest, site)


def _link(here: str, target: str, site: Site) -> str:
    """``target``, a path of the site (a folder ends in ``/``), as the feed at ``here`` links it."""
    if (absolute := site.page(target)) is not None:
        return absolute
    relative = posixpath.relpath(target or ".", posixpath.dirname(here))
    return relative + "/" if target.endswith("/") or not target else relative


def _brief_address(here: str, brief: Brief, site: Site) -> str:
    return _link(here, f"briefs/{brief.article.slug}/", site)


def entry_id(article: Article) -> str:
    """A brief's id in every feed: the original's address, else a UUID of its slug."""
    return article.url or f"urn:uuid:{uuid.uuid5(ID_NAMESPACE, article.slug)}"


def entry_date(article: Article) -> tuple[dt.date, bool] | None:
    """The date an Atom entry gives, and whether the article states it (see the module)."""
    if article.date is not None:
        return article.date, True
    if article.date_bounds is not None:
        return article.date_bounds[1], False
    return None


def _instant(date: dt.date) -> str:
    return f"{date.isoformat()}T00:00:00Z"


def _about(article: Article) -> str:
    """The entry's content: the issue line and the date as the overview gives them."""
    text = f"{words.issue_line(article)}; {words.short_date(article)}."
    note = words.date_note(article)
    return f"{text} {note}" if note else text


def atom_feed(here: str, title: str, briefs: Sequence[Brief], site: Site) -> str:
    """An Atom feed (RFC 4287) of ``briefs``, written at ``here`` under docs/."""
    # Unqualified names in the default namespace: the element tree cannot write
    # namespaced elements with unprefixed attributes (rel, href) otherwise.
    feed = ET.Element("feed", xmlns=ATOM)
    if site.url is None:
        feed.append(ET.Comment(f" {NO_ADDRESS} "))
    dated = [(brief, known) for brief in briefs if (known := entry_date(brief.article))]
    # Like the entries' ids, the feed's never changes with the site's address.
    _sub(feed, "id", f"urn:uuid:{uuid.uuid5(ID_NAMESPACE, f'{site.name}/{here}')}")
    _sub(feed, "title", title)
    newest = max((known[0] for _, known in dated), default=None)
    # A feed with no dated brief still needs a time: the epoch says "none known".
    _sub(feed, "updated", _instant(newest or dt.date(1970, 1, 1)))
    _sub(_sub(feed, "author"), "name", site.name)
    _sub(feed, "link", rel="self", href=_link(here, here, site))
    _sub(feed, "link", rel="alternate", type="text/html", href=_link(here, "", site))
    for brief, (when, stated) in dated:
        _atom_entry(feed, here, brief, site, when, stated)
    ET.indent(feed)
    body = ET.tostring(feed, encoding="unicode")
    return f'<?xml version="1.0" encoding="utf-8"?>\n{body}\n'


def _atom_entry(
    feed: ET.Element, here: str, brief: Brief, site: Site, when: dt.date, stated: bool
) -> None:
    article = brief.article
    entry = _sub(feed, "entry")
    _sub(entry, "id", entry_id(article))
    _sub(entry, "title", article.title)
    _sub(entry, "updated", _instant(when))
    if stated:
        _sub(entry, "published", _instant(when))
    if article.author:
        _sub(_sub(entry, "author"), "name", article.author)
    _sub(entry, "link", rel="alternate", type="text/html", href=_brief_address(here, brief, site))
    if article.url:
        _sub(entry, "link", rel="related", type="text/html", href=article.url)
    for topic in brief.topics:
        _sub(entry, "category", term=topic)
    _sub(entry, "summary", brief.bottom_line, type="text")
    _sub(entry, "content", _about(article), type="text")


def _sub(parent: ET.Element, name: str, text: str | None = None, **attributes: str) -> ET.Element:
    """A child element; the element tree escapes markup, :func:`xml_chars` drops what
    XML cannot hold at all (a control character in a seed would make the feed unreadable)."""
    values = {key: xml_chars(value) for key, value in attributes.items()}
    element = ET.SubElement(parent, name, values)
    element.text = None if text is None else xml_chars(text)
    return element


def json_feed(here: str, title: str, briefs: Sequence[Brief], site: Site) -> str:
    """A JSON Feed 1.1 of ``briefs``, written at ``here`` under docs/."""
    feed: dict[str, object] = {"version": JSON_FEED, "title": title, "language": "en"}
    if site.url is not None:
        feed["home_page_url"] = site.url
        feed["feed_url"] = site.page(here)
    else:
        feed["description"] = NO_ADDRESS
    feed["authors"] = [{"name": site.name}]
    feed["items"] = [_json_item(here, brief, site) for brief in briefs]
    return json.dumps(feed, ensure_ascii=False, indent=2) + "\n"


def _json_item(here: str, brief: Brief, site: Site) -> dict[str, object]:
    article = brief.article
    item: dict[str, object] = {
        "id": entry_id(article),
        "url": _brief_address(here, brief, site),
        "title": article.title,
        "summary": brief.bottom_line,
        "content_text": f"{brief.bottom_line}\n\n{_about(article)}",
    }
    if article.url:
        item["external_url"] = article.url
    if article.date is not None:
        item["date_published"] = _instant(article.date)
    if article.author:
        item["authors"] = [{"name": article.author}]
    if brief.topics:
        item["tags"] = list(brief.topics)
    return item
