"""The real `mkdocs build --strict`, and what the built site may load."""

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import bibtexparser
import pytest

from briefing.references.bibtex import unescape_bibtex
from tests.conftest import copy_project, mkdocs_build, write
from tests.html_safety import read_page

EXTERNAL = re.compile(r"^(?:[a-z]+:)?//", re.IGNORECASE)
CSS_URL = re.compile(r"url\(\s*['\"]?(?P<url>[^'\")]+)")


class Assets(HTMLParser):
    """Addresses a page loads by itself: scripts, styles, images, frames, icons."""

    def __init__(self) -> None:
        super().__init__()
        self.loaded: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag in {"script", "img", "iframe", "audio", "video", "source", "embed"} and values.get(
            "src"
        ):
            self.loaded.append(values["src"] or "")
        if (
            tag == "link"
            and values.get("href")
            and values.get("rel") not in {"canonical", "alternate"}
        ):
            self.loaded.append(values["href"] or "")
        if values.get("style"):
            self.loaded.extend(m["url"] for m in CSS_URL.finditer(values["style"] or ""))


@pytest.fixture(scope="module")
def site(seed_site: Path) -> Path:
    """The seed's site, built in a copy of the project (never in the checkout)."""
    return seed_site


SLUG = "a-new-rapprochement-between-moscow-and-tehran"
TITLE = "A New Rapprochement Between Moscow and Tehran"
SENTENCE = "Iranian Foreign Minister Ali Akbar Salehi also observed that Iran can be"
"""The title and the start of a paragraph of the seed, as its author wrote them."""


def shown(page: Path) -> str:
    """A built page's visible text, white space made single spaces."""
    return read_page(page.read_text("utf-8"), theme_scripts=True).text


def test_pages_hold_what_they_are_for(site: Path) -> None:
    assert TITLE in shown(site / "index.html")  # the home page lists the brief
    overview = shown(site / f"briefs/{SLUG}/index.html")
    assert TITLE in overview and "Eurasia Daily Monitor" in overview
    assert SENTENCE in shown(site / f"briefs/{SLUG}/text/index.html")
    assert "Interfax-AVN. February 3, 2011." in shown(site / "bibliography/index.html")
    assert "Build report" in shown(site / "report/index.html")
    library = bibtexparser.parse_string((site / "references.bib").read_text("utf-8"))
    assert unescape_bibtex(library.entries_dict["edm-8-212-a-new-rapprochement"]["title"]) == TITLE
    names = json.loads((site / "search/names.json").read_text("utf-8"))
    assert {"Salehi", "Bushehr", "Interfax"} <= set(names)
    assert "pagefind_version" in (site / "pagefind/pagefind.js").read_text("utf-8")


def test_annotated_text_has_footnotes_and_anchors(site: Path) -> None:
    html = (
        site / "briefs/a-new-rapprochement-between-moscow-and-tehran/text/index.html"
    ).read_text()
    assert len(re.findall(r'<sup id="fnref:\d+">', html)) == 18
    assert all(f'id="p{n}"' in html for n in range(1, 8))
    assert 'href="../../../bibliography/#irna-2011-09-24"' in html


def test_bibliography_links_back_to_paragraphs(site: Path) -> None:
    html = (site / "bibliography/index.html").read_text()
    assert 'id="interfax-avn-2011-02-03"' in html
    assert "briefs/a-new-rapprochement-between-moscow-and-tehran/text/#p6" in html


def test_no_asset_comes_from_outside(site: Path) -> None:
    offenders = []
    for page in site.rglob("*.html"):
        parser = Assets()
        parser.feed(page.read_text("utf-8"))
        offenders += [f"{page.relative_to(site)}: {u}" for u in parser.loaded if EXTERNAL.match(u)]
    for sheet in site.rglob("*.css"):
        urls = [m["url"] for m in CSS_URL.finditer(sheet.read_text("utf-8"))]
        offenders += [f"{sheet.relative_to(site)}: {u}" for u in urls if EXTERNAL.match(u)]
    assert offenders == []


class Meta(HTMLParser):
    """The name and content of every <meta> tag, and the canonical link."""

    def __init__(self) -> None:
        super().__init__()
        self.meta: list[tuple[str, str]] = []
        self.canonical: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "meta" and values.get("name"):
            self.meta.append((values["name"] or "", values.get("content") or ""))
        if tag == "link" and values.get("rel") == "canonical":
            self.canonical = values.get("href")


def test_brief_head_carries_citation_metadata(site: Path) -> None:
    slug = "a-new-rapprochement-between-moscow-and-tehran"
    parser = Meta()
    parser.feed((site / "briefs" / slug / "index.html").read_text("utf-8"))
    tags = dict(parser.meta)
    # The seed's sidecar gives the original's address: the work cited is there.
    original = "https://jamestown.org/program/a-new-rapprochement-between-moscow-and-tehran/"
    assert tags["citation_title"] == "A New Rapprochement Between Moscow and Tehran"
    assert tags["citation_publication_date"] == "2011"
    assert tags["citation_journal_title"] == "Eurasia Daily Monitor"
    assert (tags["citation_volume"], tags["citation_issue"]) == ("8", "212")
    assert tags["citation_public_url"] == original
    assert "citation_author" not in tags
    references = [c for n, c in parser.meta if n == "citation_reference"]
    assert len(references) == 18 and "IRNA. September 24, 2011." in references
    assert tags["DC.title"] == tags["citation_title"] and tags["DC.identifier"] == original
    assert tags["DC.source"] == "Eurasia Daily Monitor, vol. 8, no. 212"
    # No site address is set, and none is invented: no canonical link.
    assert parser.canonical is None
    # Each download holds the brief, then the 18 references of its head.
    folder = site / "briefs" / slug
    bib = bibtexparser.parse_string((folder / "cite.bib").read_text("utf-8"))
    assert bib.failed_blocks == [] and len(bib.entries) == 1 + len(references)
    assert unescape_bibtex(bib.entries[0]["title"]) == TITLE
    ris = (folder / "cite.ris").read_text("utf-8").splitlines()
    assert ris[:3] == ["TY  - JOUR", "ID  - edm-8-212-a-new-rapprochement", f"TI  - {TITLE}"]
    assert ris.count("ER  - ") == 1 + len(references)
    items = json.loads((folder / "cite.json").read_text("utf-8"))
    assert len(items) == 1 + len(references)
    assert (items[0]["title"], items[0]["URL"]) == (TITLE, original)


def test_served_site_loads_no_whole_site_search_index(site: Path) -> None:
    # Pagefind's chunks replace Material's single index on the served site.
    assert not (site / "search" / "search_index.json").exists()
    assert list((site / "pagefind").glob("index/*.pf_index"))


def test_seed_warnings_are_logged_and_do_not_fail_the_site(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "p")
    write(
        project / "seeds" / "aside.txt", "An Aside\n\nA claim (TASS, May 3) and an (unclosed one.\n"
    )
    done = mkdocs_build(project, tmp_path / "out")
    assert done.returncode == 0, done.stderr
    assert "seeds/aside.txt:3: unbalanced parenthesis" in done.stderr
