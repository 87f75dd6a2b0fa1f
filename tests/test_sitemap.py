"""The sitemap's dates are the briefs' own: a brief that states its date has it as
``lastmod``; nothing else has one; two builds on different days write the same
sitemap.xml and sitemap.xml.gz, byte for byte.

The dated article is made here (an imaginary one, in the README's example)."""

from __future__ import annotations

import gzip
import json
import re
from pathlib import Path

import feedparser
import pytest

from tests.conftest import copy_project, mkdocs_build, write

MADE_HERE = """Imaginary Pipeline Politics

Publication: Eurasia Daily Monitor Volume: 28 Issue: 60

An imaginary pipeline divides two imaginary ministries (Interfax, March 30).
"""

SITE = "https://briefs.example.org/"
"""The site's address in these builds: made here, no real place."""

URL = re.compile(r"<url>\s*<loc>(?P<loc>[^<]+)</loc>\s*(?:<lastmod>(?P<lastmod>[^<]+)</lastmod>)?")


@pytest.fixture(scope="module")
def two_days(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The same project built as if on two different days."""
    root = tmp_path_factory.mktemp("sitemap")
    project = copy_project(root / "project")
    write(project / "seeds" / "imaginary-pipeline-politics.txt", MADE_HERE)
    write(project / "seeds" / "imaginary-pipeline-politics.yml", "date: 2031-04-01\n")
    sites = root / "first", root / "second"
    for site, epoch in zip(sites, ("1900000000", "1900864000"), strict=True):
        # Without a site address MkDocs lists no page in the sitemap.
        result = mkdocs_build(project, site, SOURCE_DATE_EPOCH=epoch, BRIEFING_SITE_URL=SITE)
        assert result.returncode == 0, result.stderr
    return sites


def test_two_builds_write_the_same_sitemap(two_days: tuple[Path, Path]) -> None:
    first, second = two_days
    for name in ("sitemap.xml", "sitemap.xml.gz"):
        assert (first / name).read_bytes() == (second / name).read_bytes(), name
    packed = (first / "sitemap.xml.gz").read_bytes()
    assert gzip.decompress(packed) == (first / "sitemap.xml").read_bytes()


def test_a_brief_with_a_stated_date_has_it_as_lastmod(two_days: tuple[Path, Path]) -> None:
    sitemap = (two_days[0] / "sitemap.xml").read_text("utf-8")
    dates = {m["loc"]: m["lastmod"] for m in URL.finditer(sitemap)}
    assert len(dates) > 20
    dated = {loc: when for loc, when in dates.items() if when}
    assert dated == {
        f"{SITE}briefs/imaginary-pipeline-politics/": "2031-04-01",
        f"{SITE}briefs/imaginary-pipeline-politics/text/": "2031-04-01",
        f"{SITE}briefs/imaginary-pipeline-politics/analysis/": "2031-04-01",
    }


def test_with_an_address_feeds_and_previews_link_absolutely(two_days: tuple[Path, Path]) -> None:
    """The same published build: its feeds' links and its pages' og:url are absolute."""
    site = two_days[0]
    feed = feedparser.parse((site / "feeds" / "atom.xml").read_bytes())
    assert not feed.bozo
    links = [link.href for link in feed.feed.links] + [e.link for e in feed.entries]
    assert links and all(link.startswith(SITE) for link in links)
    dated = next(e for e in feed.entries if e.title == "Imaginary Pipeline Politics")
    assert dated.published == dated.updated == "2031-04-01T00:00:00Z"
    assert json.loads((site / "feeds" / "feed.json").read_text("utf-8"))["feed_url"] == (
        f"{SITE}feeds/feed.json"
    )
    page = (site / "briefs" / "imaginary-pipeline-politics" / "index.html").read_text("utf-8")
    og_url = f'<meta property="og:url" content="{SITE}briefs/imaginary-pipeline-politics/">'
    assert og_url in page
    assert '"datePublished":"2031-04-01"' in page
