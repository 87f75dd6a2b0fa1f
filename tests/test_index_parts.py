"""The search index in parts: which pages go where, and the index the parts make."""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

import pytest

from briefing.errors import BriefingError
from briefing.website import search
from briefing.website.index_parts import plan
from briefing.website.search import BUNDLE, MERGED, PARTS, index_site
from tests.conftest import write
from tests.test_rendered_pages import same_tree
from tests.test_search_index import pages_indexed

LEAVE_OUT = {BUNDLE}


def page(site: Path, path: str, words: str, marked: bool = True) -> None:
    body = "<main data-pagefind-body>" if marked else "<main>"
    write(site / path, f"<html><body>{body}<h1>{path}</h1><p>{words}</p></main></body></html>")


def archive(site: Path, briefs: int) -> Path:
    """A home page, a tags page, and ``briefs`` briefs of two pages each, with an
    unindexed redirect page among them and a 404 page."""
    page(site, "index.html", "home")
    page(site, "tags/index.html", "tags")
    page(site, "404.html", "not found", marked=False)
    for number in range(briefs):
        page(site, f"briefs/b{number}/index.html", f"overview {number} Tehran")
        page(site, f"briefs/b{number}/text/index.html", f"text {number} Moscow")
    page(site, "briefs/b0/people/index.html", "moved", marked=False)
    return site


def parts_of(site: Path, part_pages: int = 1000) -> dict[str, tuple[str, ...]]:
    return {part.name: part.pages for part in plan(site, LEAVE_OUT, ["x"], part_pages)}


def test_briefs_and_other_pages_are_apart_and_unmarked_pages_out(tmp_path: Path) -> None:
    site = archive(tmp_path, 2)
    assert parts_of(site) == {
        "pages-0": ("index.html", "tags/index.html"),
        "briefs-0": (
            "briefs/b0/index.html",
            "briefs/b0/text/index.html",
            "briefs/b1/index.html",
            "briefs/b1/text/index.html",
        ),
    }


def test_parts_hold_at_most_about_their_size_and_a_brief_stays_whole(tmp_path: Path) -> None:
    site = archive(tmp_path, 40)
    parts = parts_of(site, part_pages=20)
    briefs = [pages for name, pages in parts.items() if name.startswith("briefs-")]
    assert 2 <= len(briefs) <= 4  # 80 pages, 20 a part: the hash spreads them
    every = [p for pages in briefs for p in pages]
    assert len(every) == len(set(every)) == 80
    for pages in briefs:
        folders = {p.split("/")[1] for p in pages}
        for folder in folders:
            assert (
                f"briefs/{folder}/index.html" in pages
                and f"briefs/{folder}/text/index.html" in pages
            )


def test_adding_a_brief_changes_one_part(tmp_path: Path) -> None:
    site = archive(tmp_path, 40)
    before = {p.name: p.digest for p in plan(site, LEAVE_OUT, ["x"], 30)}
    page(site, "briefs/new/index.html", "a new brief")
    after = {p.name: p.digest for p in plan(site, LEAVE_OUT, ["x"], 30)}
    assert after.keys() == before.keys() and len(after) == 4  # 3 parts of briefs, 1 of pages
    assert sum(after[name] != before[name] for name in after) == 1


def test_a_site_with_no_marked_page_is_indexed_whole(tmp_path: Path) -> None:
    page(tmp_path, "index.html", "home", marked=False)
    page(tmp_path, "briefs/a/index.html", "a", marked=False)
    assert parts_of(tmp_path) == {"pages-0": ("index.html",), "briefs-0": ("briefs/a/index.html",)}


def test_a_site_with_no_page_has_one_empty_part(tmp_path: Path) -> None:
    assert parts_of(tmp_path) == {"pages-0": ()}


def test_the_digest_covers_marked_pages_paths_and_how_not_the_rest(tmp_path: Path) -> None:
    site = archive(tmp_path, 1)

    def digests(how: str = "x") -> dict[str, str]:
        return {part.name: part.digest for part in plan(site, LEAVE_OUT, [how])}

    base = digests()
    assert digests("y").keys() == base.keys() and not set(digests("y").values()) & set(
        base.values()
    )
    write(site / BUNDLE / "pagefind.js", "// another engine")
    page(site, "briefs/b0/people/index.html", "moved elsewhere", marked=False)
    assert digests() == base
    page(site, "tags/index.html", "tags, more")
    assert digests() == {**base, "pages-0": digests()["pages-0"]} != base
    base = digests()
    (site / "briefs" / "b0" / "text").rename(site / "briefs" / "b0" / "full-text")
    assert digests()["briefs-0"] != base["briefs-0"] and digests()["pages-0"] == base["pages-0"]


def test_a_marker_in_the_text_does_not_mark_a_page(tmp_path: Path) -> None:
    write(tmp_path / "index.html", "<html><body><main data-pagefind-body>home</main></body></html>")
    write(tmp_path / "about/index.html", "<p>Pagefind reads data-pagefind-body attributes</p>")
    assert parts_of(tmp_path) == {"pages-0": ("index.html",)}


# The index the parts make, with Pagefind.


def counted_runs(monkeypatch: pytest.MonkeyPatch) -> list[list[str]]:
    runs: list[list[str]] = []
    real = search._run

    def run(command: list[str], running: object = None) -> tuple[int, str]:
        runs.append(command)
        return real(command)

    monkeypatch.setattr(search, "_run", run)
    return runs


def test_parts_are_merged_parts_and_hold_every_marked_page(tmp_path: Path) -> None:
    site = archive(tmp_path / "site", 12)
    index = index_site(site, part_pages=8)
    assert index.parts == len(plan(site, LEAVE_OUT, ["x"], 8)) >= 3 and index.reused == 0
    merged = json.loads((site / BUNDLE / MERGED).read_text("utf-8"))
    assert len(merged) == index.parts - 1 and all(p.startswith(f"{PARTS}/briefs-") for p in merged)
    assert pages_indexed(site) == 2 + 24
    assert (site / BUNDLE / "pagefind.js").is_file() and (
        site / BUNDLE / "wasm.en.pagefind"
    ).is_file()
    for part in merged:
        names = {p.name for p in (site / BUNDLE / part).iterdir()}
        assert "pagefind-entry.json" in names and "fragment" in names and "index" in names
        assert not {n for n in names if n.endswith((".js", ".css")) or n.startswith("wasm.")}
    assert sorted(p.name for p in site.iterdir()) == sorted(
        ["404.html", BUNDLE, "briefs", "index.html", "tags"]
    )


def test_an_edited_brief_indexes_its_part_again_and_no_other(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site, kept = archive(tmp_path / "site", 12), tmp_path / "kept" / "site"
    first = index_site(site, kept, part_pages=8)
    runs = counted_runs(monkeypatch)
    assert index_site(site, kept, part_pages=8).reused == first.parts and runs == []
    page(site, "briefs/b3/text/index.html", "text 3 Moscow, edited: Ankara")
    again = index_site(site, kept, part_pages=8)
    assert (again.parts, again.reused, len(runs)) == (first.parts, first.parts - 1, 1)
    shutil.copytree(site, tmp_path / "fresh", ignore=shutil.ignore_patterns(BUNDLE))
    index_site(tmp_path / "fresh", part_pages=8)
    assert same_tree(site / BUNDLE, tmp_path / "fresh" / BUNDLE)


def test_a_part_no_longer_made_is_no_longer_kept(tmp_path: Path) -> None:
    site, kept = archive(tmp_path / "site", 12), tmp_path / "kept" / "site"
    index_site(site, kept, part_pages=8)
    write(kept / "pages.sha256", "a kept index of an earlier layout")
    index_site(site, kept, part_pages=1000)
    assert sorted(p.name for p in kept.iterdir()) == ["briefs-0", "pages-0"]


def test_a_part_that_fails_leaves_the_last_index_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site = archive(tmp_path / "site", 12)
    index_site(site, part_pages=8)
    before = pages_indexed(site)
    page(site, "briefs/b5/text/index.html", "text 5, edited")
    real = search._command
    failing = [sys.executable, "-c", "import sys; print('disk full'); sys.exit(3)"]

    def second_fails(pages: Path, output: Path) -> list[str]:
        return failing if output.parent.name == PARTS else real(pages, output)

    monkeypatch.setattr(search, "_command", second_fails)
    with pytest.raises(BriefingError, match="disk full"):
        index_site(site, part_pages=8)
    assert pages_indexed(site) == before
    assert sorted(p.name for p in site.iterdir()) == sorted(
        ["404.html", BUNDLE, "briefs", "index.html", "tags"]
    )


def test_a_part_kept_with_the_engine_is_not_taken_for_a_merged_one(tmp_path: Path) -> None:
    page(tmp_path, "briefs/a/text/index.html", "a brief")
    (alone,) = plan(tmp_path, LEAVE_OUT, ["x"])
    page(tmp_path, "people/index.html", "people")
    first, merged = plan(tmp_path, LEAVE_OUT, ["x"])
    assert (alone.name, first.name, merged.name) == ("briefs-0", "pages-0", "briefs-0")
    assert merged.pages == alone.pages and merged.digest != alone.digest


def test_an_index_that_cannot_be_written_names_the_site_and_keeps_the_last(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site = archive(tmp_path / "site", 3)
    index_site(site)
    before = pages_indexed(site)

    def full(source: object, target: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(search, "link_or_copy", full)
    with pytest.raises(BriefingError, match=r"search index could not be written.*No space"):
        index_site(site)
    assert pages_indexed(site) == before
    assert sorted(p.name for p in site.iterdir()) == sorted(
        ["404.html", BUNDLE, "briefs", "index.html", "tags"]
    )
