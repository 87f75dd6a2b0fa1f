"""Rendered pages held compressed between MkDocs' two passes (build/shelf.py, the hook)."""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from mkdocs.commands import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig

from briefing.website.shelf import NotShelved, Shelf
from tests.conftest import copy_project

SHELVING = ("page_markdown", "page_content", "page_context", "post_page")
"""The hook's events that shelve a page's HTML, take it back and drop it (and that
reuse a kept rendering, which is put in place where the page is shelved)."""


@given(st.dictionaries(st.text(min_size=1), st.text()))
def test_what_is_put_is_taken_back_once(pages: dict[str, str]) -> None:
    shelf = Shelf()
    for name, html in pages.items():
        shelf.put(name, html)
    assert len(shelf) == len(pages)
    for name, html in pages.items():
        assert shelf.take(name) == html
        assert name not in shelf
    assert len(shelf) == 0


def test_a_page_never_put_is_an_error_naming_it() -> None:
    shelf = Shelf()
    shelf.put("briefs/a/index.md", "<p>a</p>")
    shelf.take("briefs/a/index.md")
    with pytest.raises(NotShelved, match=r"briefs/a/index\.md"):
        shelf.take("briefs/a/index.md")


def test_pages_are_held_smaller_than_they_are() -> None:
    shelf = Shelf()
    html = "<p id='p1'>Moscow and Tehran signed an agreement (IRNA, September 24).</p>\n" * 200
    shelf.put("text.md", html)
    assert shelf.stored_bytes() * 4 < len(html)


@pytest.fixture
def project(tmp_path: Path) -> Iterator[Path]:
    yield copy_project(tmp_path / "project")
    gc.unfreeze()


def build(project: Path, site: Path, shelving: bool = True) -> MkDocsConfig:
    """Build the project's site, with the hook's shelving or without it."""
    config = load_config(str(project / "mkdocs.yml"), site_dir=str(site))
    if not shelving:
        hook = config.plugins["briefing"]
        for event in SHELVING:
            config.plugins.events[event].remove(getattr(hook, f"on_{event}"))
    mkdocs_build.build(config)
    return config


def spy_on_layout(monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    """What all pages hold when MkDocs lays out the first; each page once written."""
    seen: dict[str, Any] = {"written": []}
    real: Callable[..., None] = mkdocs_build._build_page

    def spy(page: Any, config: Any, doc_files: Any, *args: Any, **kwargs: Any) -> None:
        if "markdown" not in seen:
            pages = [f.page for f in doc_files]
            seen["pages"] = len(pages)
            seen["markdown"] = sum(len(p.markdown or "") for p in pages)
            seen["html"] = sum(len(p.content or "") for p in pages)
            seen["titles"] = [p.title for p in pages]
        real(page, config, doc_files, *args, **kwargs)
        seen["written"].append(page.content)

    monkeypatch.setattr(mkdocs_build, "_build_page", spy)
    return seen


def test_rendered_pages_hold_no_text_until_laid_out(
    project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen = spy_on_layout(monkeypatch)
    build(project, tmp_path / "site")
    assert seen["pages"] > 10
    assert seen["markdown"] == 0
    assert seen["html"] == 0
    assert None not in seen["titles"]
    assert seen["written"] == [None] * seen["pages"]


def built_files(site: Path) -> dict[Path, bytes]:
    """Every file of a built site but Pagefind's index."""
    return {
        p.relative_to(site): p.read_bytes()
        for p in site.rglob("*")
        if p.is_file() and p.relative_to(site).parts[0] != "pagefind"
    }


@pytest.mark.parametrize("bundle", [False, True], ids=["served", "file-bundle"])
def test_the_site_is_the_same_with_pages_shelved_or_not(
    project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, bundle: bool
) -> None:
    # The file:// bundle has Material's search, which reads each page's content
    # as the theme lays it out: the hook must have put it back by then.
    monkeypatch.setenv("BRIEFING_OFFLINE", "true" if bundle else "false")
    build(project, tmp_path / "shelved")
    build(project, tmp_path / "held", shelving=False)
    shelved, held = built_files(tmp_path / "shelved"), built_files(tmp_path / "held")
    assert len(shelved) > 10
    assert (Path("search", "search_index.json") in shelved) is bundle
    assert shelved.keys() == held.keys()
    assert [page for page in shelved if shelved[page] != held[page]] == []
