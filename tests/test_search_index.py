"""What search indexes: Pagefind on the served site, Material's index in the file:// bundle."""

import json
import os
import sys
import threading
import time
from html.parser import HTMLParser
from pathlib import Path

import pytest

from briefing.build import search
from briefing.build.search import BUNDLE, MERGED, NEXT, BackgroundIndexer, SearchIndex
from briefing.build.served import remove_gone, site_wide_digest
from briefing.errors import BriefingError
from briefing.render import Brief, render_pages
from tests.conftest import edm_article

SLUG = "a-new-rapprochement-between-moscow-and-tehran"


class Indexed(HTMLParser):
    """Whether a page has Pagefind's body, and the title it gives Pagefind."""

    def __init__(self) -> None:
        super().__init__()
        self.body = False
        self.title: str | None = None
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        names = dict(attrs)
        self.body = self.body or "data-pagefind-body" in names
        self._in_title = names.get("data-pagefind-meta") == "title"

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title = (self.title or "") + data

    def handle_endtag(self, tag: str) -> None:
        self._in_title = False


def indexed(site: Path) -> dict[str, Indexed]:
    pages = {}
    for page in site.rglob("index.html"):
        reader = Indexed()
        reader.feed(page.read_text("utf-8"))
        pages[page.parent.relative_to(site).as_posix() + "/"] = reader
    return pages


def test_pagefind_indexes_the_content_pages_only(served: Path) -> None:
    pages = indexed(served)
    bodies = {path for path, page in pages.items() if page.body}
    assert {f"briefs/{SLUG}/text/", "outlets/kommersant/", "people/"} <= bodies
    left_out = {"./", "bibliography/", "report/", "timeline/", f"briefs/{SLUG}/timeline/"}
    # A brief is one result, its text: the overview and analysis repeat its words.
    left_out |= {f"briefs/{SLUG}/", f"briefs/{SLUG}/analysis/"}
    assert not bodies & left_out
    assert pages_indexed(served) == len(bodies)


def test_every_indexed_page_has_its_own_title(served: Path) -> None:
    titles = [page.title for page in indexed(served).values() if page.body]
    assert None not in titles
    assert len(set(titles)) == len(titles), sorted(t or "" for t in titles)
    text = indexed(served)[f"briefs/{SLUG}/text/"].title
    assert text == "A New Rapprochement Between Moscow and Tehran — Annotated text"


def bundle_texts(offline: Path) -> dict[str, str]:
    """Material's index of the file:// bundle: page (``…/text.html``) → its text."""
    index = json.loads((offline / "search" / "search_index.json").read_text("utf-8"))
    texts: dict[str, str] = {}
    for doc in index["docs"]:
        page = doc["location"].partition("#")[0]
        texts[page] = texts.get(page, "") + " " + doc["title"] + " " + doc["text"]
    return texts


def test_bundle_index_leaves_out_repeating_pages(offline: Path) -> None:
    texts = bundle_texts(offline)
    pages = set(texts)
    assert not pages & {"index.html", "bibliography.html", "report.html", "timeline.html"}
    assert f"briefs/{SLUG}/text.html" in pages and f"briefs/{SLUG}/index.html" in pages
    # Pages and blocks that repeat the text stay out; the text and its notes stay in.
    assert not {p for p in pages if p.endswith(("/claims.html", "/timeline.html"))}
    leaked = [page for page, text in texts.items() if "para. " in text or "@article" in text]
    assert not pages & {"archive/index.html", "archive/2011.html"}
    index = json.loads((offline / "search" / "search_index.json").read_text("utf-8"))
    locations = [doc["location"] for doc in index["docs"]]
    analysis = {loc.partition("#")[2] for loc in locations if "/analysis.html" in loc}
    assert "people-and-quotes" in analysis and not analysis & {"timeline", "claims"}
    assert leaked == []
    text_page = texts[f"briefs/{SLUG}/text.html"]
    assert "Bushehr" in text_page and "Interfax-AVN" in text_page


def test_bundle_index_holds_other_names(offline: Path) -> None:
    texts = bundle_texts(offline)
    text_page = texts[f"briefs/{SLUG}/text.html"]
    assert "Rosoboroneksport" in text_page and "Rosoboronexport" in text_page
    assert "Коммерсантъ" in texts["outlets/kommersant.html"]


def test_pagefind_skips_the_trail_of_the_text(served: Path) -> None:
    html = (served / "briefs" / SLUG / "text" / "index.html").read_text("utf-8")
    assert (
        '<nav aria-label="Where this brief sits" class="brief-trail" data-pagefind-ignore' in html
    )
    assert '<span class="brief-screen-only" data-pagefind-ignore>· <a href="../">Overview' in html
    overview = (served / "briefs" / SLUG / "index.html").read_text("utf-8")
    assert "Not stated" in overview and "Not stated" not in html  # the seed names no author


def page(site: Path, name: str, words: str) -> None:
    folder = site / name
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "index.html").write_text(
        f"<html><body><main data-pagefind-body><h1>{name}</h1><p>{words}</p></main></body></html>",
        encoding="utf-8",
    )


def pages_indexed(site: Path) -> int:
    """Pages in the site's index, over all its parts."""
    bundle = site / BUNDLE
    folders = [bundle, *(bundle / part for part in json.loads((bundle / MERGED).read_text()))]
    total = 0
    for folder in folders:
        entry = json.loads((folder / "pagefind-entry.json").read_text("utf-8"))
        total += sum(language["page_count"] for language in entry["languages"].values())
    return total


def test_the_background_indexer_swaps_in_whole_indexes_of_the_latest_site(tmp_path: Path) -> None:
    outcomes: list[SearchIndex | BriefingError] = []
    indexer = BackgroundIndexer(outcomes.append)
    page(tmp_path, "one", "pipeline")
    indexer.request(tmp_path)
    page(tmp_path, "two", "pipeline again")  # while the first run may still be going
    indexer.request(tmp_path)
    indexer.wait()
    assert outcomes and all(isinstance(o, SearchIndex) for o in outcomes), outcomes
    assert pages_indexed(tmp_path) == 2  # the latest site, whichever run saw it first
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([BUNDLE, "one", "two"])


def test_a_failing_background_index_is_reported_and_keeps_the_previous_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    outcomes: list[SearchIndex | BriefingError] = []
    indexer = BackgroundIndexer(outcomes.append)
    page(tmp_path, "one", "pipeline")
    indexer.request(tmp_path)
    indexer.wait()
    page(tmp_path, "two", "pipeline again")
    failing = [sys.executable, "-c", "import sys; print('disk full'); sys.exit(3)"]
    monkeypatch.setattr(search, "_command", lambda site, output: failing)
    indexer.request(tmp_path)
    indexer.wait()
    assert isinstance(outcomes[-1], BriefingError) and "disk full" in str(outcomes[-1])
    assert pages_indexed(tmp_path) == 1
    assert not (tmp_path / NEXT).exists()


def test_freed_memory_goes_back_before_each_pagefind_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    events: list[str] = []
    monkeypatch.setattr(search, "return_freed_memory", lambda: events.append("returned") or True)
    page(tmp_path, "one", "pipeline")
    page(tmp_path / "briefs" / "a", "text", "pipeline")
    index = search.index_site(tmp_path, running=lambda process: events.append("pagefind"))
    assert index.parts == 2
    assert events == ["returned", "pagefind"] * 2


def test_a_served_site_loses_the_files_no_source_stands_for_and_keeps_its_index(
    tmp_path: Path,
) -> None:
    page(tmp_path, "kept", "pipeline")
    page(tmp_path, "gone", "pipeline")
    (tmp_path / BUNDLE).mkdir()
    (tmp_path / BUNDLE / "pagefind.js").write_text("// index", encoding="utf-8")
    (tmp_path / "404.html").write_text("not found", encoding="utf-8")
    built = {os.path.normpath(tmp_path / "kept" / "index.html")}
    assert remove_gone(tmp_path, built) == 1
    assert not (tmp_path / "gone" / "index.html").exists()
    assert (tmp_path / "kept" / "index.html").exists()
    assert (tmp_path / BUNDLE / "pagefind.js").exists() and (tmp_path / "404.html").exists()


def test_removing_gone_files_while_the_indexer_runs_leaves_its_work_alone(
    tmp_path: Path,
) -> None:
    # `make serve`: an edit's rebuild removes the files of gone pages while the
    # previous build's index is being written from links in the site folder.
    page(tmp_path, "kept", "pipeline")
    page(tmp_path / "briefs" / "a", "text", "pipeline")
    release, removed = threading.Event(), []

    def while_pagefind_runs(process: object) -> None:
        if not removed:  # the first part's pages are linked into the staging folder now
            built = {os.path.normpath(tmp_path / "kept" / "index.html")}
            removed.append(remove_gone(tmp_path, built))
        release.wait(timeout=60)

    indexing = threading.Thread(
        target=search.index_site, args=(tmp_path,), kwargs={"running": while_pagefind_runs}
    )
    indexing.start()
    release.set()
    indexing.join(timeout=120)
    assert removed == [1]  # only the brief's page, which no source stands for now
    assert pages_indexed(tmp_path) == 1  # the removed page left out, the rest indexed
    assert not (tmp_path / search.STAGED).exists() and not (tmp_path / NEXT).exists()


def test_what_every_page_depends_on_changes_its_digest(tmp_path: Path) -> None:
    config, theme = tmp_path / "mkdocs.yml", tmp_path / "overrides"
    config.write_text("site_name: A\n", encoding="utf-8")
    theme.mkdir()
    (theme / "main.html").write_text("{% extends 'base.html' %}", encoding="utf-8")
    before = site_wide_digest([config, theme])
    assert site_wide_digest([config, theme]) == before
    (theme / "main.html").write_text("{% extends 'base.html' %}\n", encoding="utf-8")
    assert site_wide_digest([config, theme]) != before


def test_closing_ends_a_running_indexer_and_drops_its_half_index(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    outcomes: list[SearchIndex | BriefingError] = []
    indexer = BackgroundIndexer(outcomes.append)
    page(tmp_path, "one", "pipeline")
    started = tmp_path / "started"
    # An indexer that writes part of its index, then would run for a minute.
    slow = [
        sys.executable,
        "-c",
        "import pathlib, sys, time; "
        "pathlib.Path(sys.argv[1]).mkdir(parents=True); "
        "pathlib.Path(sys.argv[2]).touch(); time.sleep(60)",
    ]
    monkeypatch.setattr(
        search, "_command", lambda pages, output: [*slow, str(output), str(started)]
    )
    indexer.request(tmp_path)
    for _ in range(600):  # until the indexer runs, at most a minute
        if started.exists():
            break
        time.sleep(0.1)
    assert started.exists()
    closing = time.monotonic()
    indexer.close()
    assert time.monotonic() - closing < 30  # ended, not waited for
    assert outcomes == []  # a stopped server reports nothing more
    assert not (tmp_path / NEXT).exists() and not (tmp_path / BUNDLE).exists()
    indexer.request(tmp_path)  # closed: a late build asks for nothing
    indexer.wait()
    assert outcomes == []


def test_the_text_names_the_author_where_the_seed_gives_one() -> None:
    """The text is a brief's one search result: a search for its author finds it."""
    for author in ("Author Name", None):
        article = edm_article("a-brief", "A Brief", author=author)
        pages = dict(render_pages((Brief(article, "a-brief", "Bottom line.", False),), (), None))
        line = next(
            line for line in pages["briefs/a-brief/text.md"].splitlines() if "vol. 8" in line
        )
        assert line.startswith("Author Name · Eurasia Daily Monitor") == (author is not None)
