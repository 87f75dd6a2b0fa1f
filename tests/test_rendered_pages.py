"""Rendered pages and the search index, kept between builds (build/rendered.py, kept_index.py)."""

from __future__ import annotations

import filecmp
import importlib.metadata
import logging
import re
import shutil
import threading
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from briefing import compiled_templates
from briefing.config import BuildConfig
from briefing.website.kept_index import CONTENT, FILES, keep, remove_older, restore
from briefing.website.pages import _installed
from briefing.website.rendered import (
    MAGIC,
    LinkLookups,
    LogCapture,
    RenderCache,
    Rendered,
    Unstable,
    settings_digest,
)
from briefing.website.shelf import pack, unpack
from tests.conftest import copy_project, mkdocs_build, write

PAGE = "briefs/a/text.md"


def rendered(html: str = "<p>a</p>", **fields: object) -> Rendered:
    values: dict[str, object] = {
        "html": html,
        "title": "A",
        "toc": [{"level": 1, "id": "a", "name": "A", "children": []}],
        "anchors": ["a", "p1"],
        "links": {"briefs/b/index.md": {"p2": "../b/index.md#p2"}},
        "lookups": {"briefs/b/index.md": ("briefs/b/", "INCLUDED"), "gone.md": None},
        "log": [("mkdocs.structure.pages", 30, "Doc file 'x' contains a link 'gone.md'")],
    }
    values.update(fields)
    values["packed"] = pack(str(values.pop("html")))
    return Rendered(**values)  # type: ignore[arg-type]


def resolves_as_before(path: str) -> tuple[str, str] | None:
    return rendered().lookups[path]


def test_an_entry_comes_back_whole(tmp_path: Path) -> None:
    cache = RenderCache(tmp_path, "settings")
    key = cache.key(PAGE, "briefs/a/text/index.html", "# A\n")
    cache.put(PAGE, key, rendered())
    assert cache.get(PAGE, key, resolves_as_before) == rendered()
    assert cache.used == 1


@given(html=st.text(), title=st.none() | st.text())
def test_any_text_comes_back_as_it_was(
    tmp_path_factory: pytest.TempPathFactory, html: str, title: str | None
) -> None:
    cache = RenderCache(tmp_path_factory.mktemp("pages"), "settings")
    cache.put(PAGE, "k", rendered(html, title=title))
    assert cache.get(PAGE, "k", resolves_as_before) == rendered(html, title=title)


def test_the_key_names_the_packages_that_provide_the_markdown_modules() -> None:
    owners = importlib.metadata.packages_distributions()
    every = {
        (name, importlib.metadata.version(name)) for names in owners.values() for name in names
    }
    assert set(_installed(frozenset(owners))) == every
    found = _installed(frozenset({"markdown", "pymdownx", "toc", "no_such_module"}))
    assert [name for name, _ in found] == ["Markdown", "pymdown-extensions"]
    assert dict(found)["Markdown"] == importlib.metadata.version("Markdown")


def test_the_key_covers_page_place_markdown_and_settings(tmp_path: Path) -> None:
    cache = RenderCache(tmp_path, "settings")
    base = cache.key(PAGE, "here", "# A\n")
    assert (
        len(
            {
                base,
                cache.key("briefs/b/text.md", "here", "# A\n"),
                cache.key(PAGE, "there", "# A\n"),
                cache.key(PAGE, "here", "# A!\n"),
                RenderCache(tmp_path, "other settings").key(PAGE, "here", "# A\n"),
            }
        )
        == 5
    )
    assert cache.key(PAGE, "here", "# A\n") == base


def test_another_key_is_a_miss(tmp_path: Path) -> None:
    cache = RenderCache(tmp_path, "settings")
    cache.put(PAGE, "old", rendered())
    assert cache.get(PAGE, "new", resolves_as_before) is None
    assert cache.get("briefs/b/text.md", "old", resolves_as_before) is None
    assert cache.damaged == 0


@pytest.mark.parametrize(
    "now",
    [
        {"briefs/b/index.md": ("briefs/b/", "INCLUDED"), "gone.md": ("gone/", "INCLUDED")},
        {"briefs/b/index.md": None, "gone.md": None},
        {"briefs/b/index.md": ("briefs/b-2/", "INCLUDED"), "gone.md": None},
        {"briefs/b/index.md": ("briefs/b/", "EXCLUDED"), "gone.md": None},
    ],
    ids=["a missing target appeared", "a target went", "a target moved", "a target excluded"],
)
def test_a_link_that_resolves_otherwise_is_a_miss(
    tmp_path: Path, now: dict[str, tuple[str, str] | None]
) -> None:
    cache = RenderCache(tmp_path, "settings")
    cache.put(PAGE, "k", rendered())
    assert cache.get(PAGE, "k", lambda path: now[path]) is None


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: data[: len(data) // 2],
        lambda data: b"",
        lambda data: b"something else entirely\n" + data,
        lambda data: data[:-8] + bytes(8),
        lambda data: data.replace(b"page 3", b"page 9"),
        lambda data: data[: data.rindex(pack("<p>a</p>"))] + pack("<p>b</p>"),
        lambda data: data.replace(MAGIC, MAGIC + b"9", 1),
        lambda data: re.sub(rb"\n\d+ ", b"\nx ", data, count=1),
    ],
    ids=[
        "truncated",
        "empty",
        "foreign",
        "corrupted",
        "another format",
        "another page's HTML",
        "wrong length",
        "no length",
    ],
)
def test_a_damaged_entry_is_counted_and_never_used(tmp_path: Path, damage: object) -> None:
    cache = RenderCache(tmp_path, "settings")
    cache.put(PAGE, "k", rendered())
    (entry,) = [p for p in tmp_path.rglob("*") if p.is_file()]
    entry.write_bytes(damage(entry.read_bytes()))  # type: ignore[operator]
    assert cache.get(PAGE, "k", resolves_as_before) is None
    assert cache.damaged == 1
    assert cache.note is not None and "1 unreadable rendered page" in cache.note
    cache.put(PAGE, "k", rendered())
    assert cache.get(PAGE, "k", resolves_as_before) == rendered()


def test_an_entry_packed_otherwise_is_not_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = RenderCache(tmp_path, "settings")
    with monkeypatch.context() as patched:
        patched.setattr("briefing.website.rendered.PACKING", "another packing")
        cache.put(PAGE, "k", rendered())
    assert cache.get(PAGE, "k", resolves_as_before) is None
    assert cache.damaged == 1


@pytest.mark.parametrize(
    "fields",
    [
        {"lookups": {"x.md": ("only-a-url",)}},
        {"toc": [{"level": 1, "id": "a", "name": "A"}]},
        {"toc": [{"level": "1", "id": "a", "name": "A", "children": []}]},
        {"toc": "A"},
        {"title": 3},
    ],
    ids=["lookup", "toc without children", "toc level", "toc", "title"],
)
def test_an_entry_of_the_wrong_shape_is_damaged(tmp_path: Path, fields: dict[str, object]) -> None:
    cache = RenderCache(tmp_path, "settings")
    cache.put(PAGE, "k", rendered(**fields))
    assert cache.get(PAGE, "k", lambda path: None) is None
    assert cache.damaged == 1


def test_prune_keeps_only_the_pages_named(tmp_path: Path) -> None:
    cache = RenderCache(tmp_path, "settings")
    for page in ("a.md", "b.md", "c.md"):
        cache.put(page, "k", rendered())
    assert cache.prune(["a.md", "c.md"]) == 1
    assert cache.get("a.md", "k", resolves_as_before) is not None
    assert cache.get("b.md", "k", resolves_as_before) is None


def test_the_last_other_settings_keep_their_entries(tmp_path: Path) -> None:
    """The site and the file:// bundle render with other settings: neither evicts the other."""
    site, bundle, older = (RenderCache(tmp_path, s * 16) for s in "abc")
    for cache in (older, bundle, site):
        cache.put("a.md", "k", rendered())
        cache.prune(["a.md"])
    assert site.get("a.md", "k", resolves_as_before) is not None
    assert bundle.get("a.md", "k", resolves_as_before) is not None
    assert older.get("a.md", "k", resolves_as_before) is None


def test_lookups_are_recorded_as_they_resolve() -> None:
    class File:
        url, inclusion = "b/", type("Inclusion", (), {"name": "INCLUDED"})()

    found = {"b.md": File()}
    lookups = LinkLookups(found.get)
    assert lookups("b.md") is found["b.md"]
    assert lookups("nowhere.md") is None
    assert lookups.seen == {"b.md": ("b/", "INCLUDED"), "nowhere.md": None}


def test_what_a_rendering_logs_is_caught_once_and_only_its_own() -> None:
    mkdocs = logging.getLogger("mkdocs")
    propagates = mkdocs.propagate
    mkdocs.propagate = False  # as under the mkdocs command
    try:
        capture = LogCapture([mkdocs])
        logging.getLogger("mkdocs.structure.pages").warning("a link to 'later.md'")
        logging.getLogger("pymdownx.snippets").error("no such snippet")
        other = threading.Thread(target=lambda: mkdocs.info("search index updated"))
        other.start()
        other.join()
        records = capture.stop()
        logging.getLogger("mkdocs.structure.pages").warning("after the rendering")
    finally:
        mkdocs.propagate = propagates
    assert records == [
        ("mkdocs.structure.pages", logging.WARNING, "a link to 'later.md'"),
        ("pymdownx.snippets", logging.ERROR, "no such snippet"),
    ]


def test_settings_digest_names_functions_and_refuses_addresses(tmp_path: Path) -> None:
    def slugify(text: str) -> str:
        return text

    one = settings_digest({"toc": {"slugify": slugify}}, [], {"markdown": "3.9"})
    assert one == settings_digest({"toc": {"slugify": slugify}}, [], {"markdown": "3.9"})
    assert one != settings_digest({"toc": {"slugify": slugify}}, [], {"markdown": "3.10"})
    with pytest.raises(Unstable):
        settings_digest({"x": object()}, [], {})


def test_settings_digest_reads_the_included_files(tmp_path: Path) -> None:
    include = write(tmp_path / "includes" / "abbreviations.md", "*[EU]: European Union\n")
    before = settings_digest({}, [tmp_path / "includes"], {})
    include.write_text("*[EU]: European Union\n*[UN]: United Nations\n", "utf-8")
    assert settings_digest({}, [tmp_path / "includes"], {}) != before


# The search index kept for a site folder.


def site_with_index(root: Path) -> Path:
    write(root / "index.html", "<html><body data-pagefind-body>Moscow</body></html>")
    write(root / "briefs" / "a" / "index.html", "<html><body>Tehran</body></html>")
    write(root / "pagefind" / "pagefind.js", "// the engine")
    write(root / "pagefind" / "fragment" / "en_1.pf_fragment", "fragment")
    return root


def test_a_kept_index_is_used_only_for_the_same_pages(tmp_path: Path) -> None:
    site = site_with_index(tmp_path / "site")
    keep(site / "pagefind", "pages-1", tmp_path / "kept")
    shutil.rmtree(site / "pagefind")
    assert restore(tmp_path / "kept", "pages-2", site / "pagefind") == ""
    assert not (site / "pagefind").exists()
    assert restore(tmp_path / "kept", "pages-1", site / "pagefind") is None
    assert (site / "pagefind" / "fragment" / "en_1.pf_fragment").read_text() == "fragment"


def test_the_indexes_of_the_last_two_site_folders_are_kept(tmp_path: Path) -> None:
    for name in ("older", "offline", "site"):
        site = site_with_index(tmp_path / name)
        remove_older(tmp_path / "kept" / name)
        keep(site / "pagefind", "pages", tmp_path / "kept" / name / "pages-0")
    assert sorted(f.name for f in (tmp_path / "kept").iterdir()) == ["offline", "site"]


def test_a_damaged_kept_index_is_not_used(tmp_path: Path) -> None:
    site = site_with_index(tmp_path / "site")
    pages = "pages"
    keep(site / "pagefind", pages, tmp_path / "kept")
    (tmp_path / "kept" / FILES / "fragment" / "en_1.pf_fragment").write_text("half")
    why = restore(tmp_path / "kept", pages, site / "pagefind")
    assert why is not None and "does not match its digest" in why
    assert not (site / "pagefind").exists()
    assert (tmp_path / "kept" / CONTENT).exists()


def test_an_index_changed_through_the_site_is_not_used_again(tmp_path: Path) -> None:
    """The site's index and the kept one may be one file (a hard link): written
    into in the site, the kept index no longer matches its digest."""
    site = site_with_index(tmp_path / "site")
    pages = "pages"
    keep(site / "pagefind", pages, tmp_path / "kept")
    (site / "pagefind" / "fragment" / "en_1.pf_fragment").write_text("changed in place")
    assert restore(tmp_path / "kept", pages, tmp_path / "again" / "pagefind") is not None


def test_a_kept_index_is_copied_where_it_cannot_be_linked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def cannot(*_: object) -> None:
        raise OSError("Invalid cross-device link")

    site = site_with_index(tmp_path / "site")
    pages = "pages"
    monkeypatch.setattr("briefing.build.staging.os.link", cannot)
    keep(site / "pagefind", pages, tmp_path / "kept")
    assert restore(tmp_path / "kept", pages, tmp_path / "other" / "pagefind") is None
    assert same_tree(site / "pagefind", tmp_path / "other" / "pagefind")


def test_a_reused_page_is_not_rendered(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from mkdocs.config import load_config
    from mkdocs.structure.files import File, Files
    from mkdocs.structure.pages import Page

    from briefing.website.pages import PageRendering

    write(tmp_path / "mkdocs.yml", "site_name: t\nmarkdown_extensions: [toc]\n")
    write(tmp_path / "docs" / "a.md", "# A\n\n## Part\n\nText.\n")
    config = load_config(str(tmp_path / "mkdocs.yml"))
    cache = RenderCache(tmp_path / "cache", "settings")

    def laid_out() -> tuple[Page, Files, PageRendering]:
        files = Files([File("a.md", config.docs_dir, config.site_dir, True)])
        page = Page(None, files.documentation_pages()[0], config)
        page.read_source(config)
        assert page.markdown is not None
        return page, files, PageRendering.start(cache, page, page.markdown, files)

    page, files, rendering = laid_out()
    assert rendering.reused is None
    page.render(config, files)
    html = unpack(rendering.finish(page.content, page, files))
    assert 'id="part"' in html

    def no_markdown(*_: object, **__: object) -> None:
        raise AssertionError("a reused page's Markdown was rendered")

    monkeypatch.setattr("markdown.Markdown", no_markdown)
    again, files, rendering = laid_out()
    assert rendering.reused is not None
    again.render(config, files)
    assert unpack(rendering.finish(again.content, again, files)) == html
    assert (again.title, again.present_anchor_ids) == (page.title, page.present_anchor_ids)
    assert [link.id for link in again.toc] == [link.id for link in page.toc]
    assert "render" not in vars(again)  # the page renders as usual after this build


def test_link_owned_files_links_the_builds_files_and_copies_the_rest(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from mkdocs.structure.files import File, Files

    from briefing.build.owned import in_owned_folder
    from briefing.website.pages import link_owned_files

    docs, site = tmp_path / "docs", tmp_path / "site"
    write(docs / "briefs" / "a" / "cite.bib", "@misc{a}")
    write(docs / "assets" / "own.css", "p {}")
    files = Files(
        [File(p, str(docs), str(site), True) for p in ("briefs/a/cite.bib", "assets/own.css")]
    )
    assert link_owned_files(files, str(docs), in_owned_folder) == 1
    bib = files.get_file_from_path("briefs/a/cite.bib")
    assert bib is not None
    for file in files:
        file.copy_file()
    assert (site / "briefs" / "a" / "cite.bib").samefile(docs / "briefs" / "a" / "cite.bib")
    assert not (site / "assets" / "own.css").samefile(docs / "assets" / "own.css")
    # The build replaces its files: the site keeps what it was built with until linked again.
    (docs / "briefs" / "a" / "cite.new").write_text("@misc{b}")
    (docs / "briefs" / "a" / "cite.new").replace(docs / "briefs" / "a" / "cite.bib")
    assert (site / "briefs" / "a" / "cite.bib").read_text() == "@misc{a}"
    bib.copy_file()
    assert (site / "briefs" / "a" / "cite.bib").read_text() == "@misc{b}"

    def cannot(*_: object) -> None:
        raise OSError("Invalid cross-device link")

    monkeypatch.setattr("briefing.build.staging.os.link", cannot)
    shutil.rmtree(site)
    bib.copy_file()
    assert (site / "briefs" / "a" / "cite.bib").read_text() == "@misc{b}"
    assert not (site / "briefs" / "a" / "cite.bib").samefile(docs / "briefs" / "a" / "cite.bib")


def test_only_the_builds_own_files_in_docs_are_linked(tmp_path: Path) -> None:
    """A theme's file under a folder of the same name, and a build's file whose
    permissions are not a new file's, are copied as MkDocs copies them."""
    import os
    import stat

    from mkdocs.structure.files import File, Files

    from briefing.build.owned import in_owned_folder
    from briefing.build.staging import new_file_mode, replace_files
    from briefing.website.pages import link_owned_files

    docs, theme, site = tmp_path / "docs", tmp_path / "theme", tmp_path / "site"
    write(theme / "search" / "main.js", "// the theme's")
    replace_files([(docs / "briefs" / "a" / "cite.bib", "@misc{a}")])
    write(docs / "briefs" / "a" / "cite.ris", "TY  - ELEC")
    (docs / "briefs" / "a" / "cite.ris").chmod(0o600)
    bib = File("briefs/a/cite.bib", str(docs), str(site), True)
    ris = File("briefs/a/cite.ris", str(docs), str(site), True)
    script = File("search/main.js", str(theme), str(site), True)
    assert link_owned_files(Files([bib, ris, script]), str(docs), in_owned_folder) == 2
    for file in (bib, ris, script):
        file.copy_file()
    # What the build writes has a new file's permissions, so the link has them too.
    assert stat.S_IMODE((site / "briefs" / "a" / "cite.bib").stat().st_mode) == new_file_mode()
    assert (site / "briefs" / "a" / "cite.bib").samefile(docs / "briefs" / "a" / "cite.bib")
    assert not (site / "briefs" / "a" / "cite.ris").samefile(docs / "briefs" / "a" / "cite.ris")
    assert stat.S_IMODE((site / "briefs" / "a" / "cite.ris").stat().st_mode) == new_file_mode()
    assert not (site / "search" / "main.js").samefile(theme / "search" / "main.js")
    assert os.stat(site / "search" / "main.js").st_nlink == 1


def test_link_or_copy_replaces_what_was_there_without_writing_into_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from briefing.build.staging import link_or_copy

    kept, new = write(tmp_path / "kept", "kept bytes"), write(tmp_path / "new", "new bytes")
    target = tmp_path / "site" / "a" / "file"
    link_or_copy(kept, target)  # the folder is made
    assert target.samefile(kept)
    link_or_copy(new, target)
    assert target.samefile(new) and kept.read_text() == "kept bytes"

    def cannot(*_: object) -> None:
        raise OSError("Invalid cross-device link")

    monkeypatch.setattr("briefing.build.staging.os.link", cannot)
    link_or_copy(kept, target)
    assert target.read_text() == "kept bytes" and new.read_text() == "new bytes"
    assert not target.samefile(kept)


def test_a_missing_source_fails_as_mkdocs_copy_fails(tmp_path: Path) -> None:
    from mkdocs.structure.files import File, Files

    from briefing.build.owned import in_owned_folder
    from briefing.website.pages import link_owned_files

    docs = tmp_path / "docs"
    gone = File("briefs/a/cite.bib", str(docs), str(tmp_path / "site"), True)
    assert link_owned_files(Files([gone]), str(docs), in_owned_folder) == 1
    with pytest.raises(FileNotFoundError):
        gone.copy_file()


# The real builds.


def own_page(project: Path, name: str, text: str) -> None:
    """A hand-written page, kept out of the navigation as the briefs are."""
    write(project / "docs" / name, text)
    config = project / "mkdocs.yml"
    config.write_text(
        config.read_text("utf-8").replace("not_in_nav: |\n", f"not_in_nav: |\n  /{name}\n"),
        "utf-8",
    )


def same_tree(one: Path, two: Path) -> bool:
    compared = filecmp.dircmp(one, two)
    pending = [compared]
    while pending:
        here = pending.pop()
        if here.left_only or here.right_only or here.funny_files:
            return False
        _, mismatch, errors = filecmp.cmpfiles(here.left, here.right, here.common_files, False)
        if mismatch or errors:
            return False
        pending.extend(here.subdirs.values())
    return True


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return copy_project(tmp_path / "project")


def test_a_build_with_kept_pages_and_index_is_the_same_site(project: Path, tmp_path: Path) -> None:
    # The compiled templates' folders, below: the test's own. The cold build compiles
    # ours and the theme's; the warm one, which converts nothing, the theme's alone.
    (tmp_path / "tmp-cold").mkdir()
    (tmp_path / "tmp").mkdir()
    cold = mkdocs_build(project, tmp_path / "cold", TMPDIR=str(tmp_path / "tmp-cold"))
    assert cold.returncode == 0, cold.stderr
    assert "0 reused" in cold.stderr
    warm = mkdocs_build(project, tmp_path / "warm", TMPDIR=str(tmp_path / "tmp"))
    assert warm.returncode == 0, warm.stderr
    assert "0 page(s) rendered" in warm.stderr
    # Another site folder: its own index, the same pages.
    assert "search index written" in warm.stderr
    again = mkdocs_build(project, tmp_path / "warm")
    assert "search index copied" in again.stderr
    shutil.rmtree(BuildConfig(root=project).rendered_pages)
    shutil.rmtree(BuildConfig(root=project).search_indexes)
    # The theme's compiled templates, damaged: compiled and written again.
    templates = sorted((tmp_path / "tmp").glob("_jinja2-cache-*/briefing-*.bin"))
    assert len(templates) > 10
    for kept in templates:
        kept.write_bytes(kept.read_bytes()[:100])
    fresh = mkdocs_build(project, tmp_path / "fresh", TMPDIR=str(tmp_path / "tmp"))
    assert fresh.returncode == 0, fresh.stderr
    assert all(len(kept.read_bytes()) > 100 for kept in templates)
    # BRIEFING_FRESH: every cache forgotten, the compiled templates with them (one
    # that no build reads stays unless forgotten).
    unread = templates[0].with_name("briefing-unread.bin")
    unread.write_bytes(templates[0].read_bytes())
    forgotten = mkdocs_build(
        project, tmp_path / "forgotten", TMPDIR=str(tmp_path / "tmp"), BRIEFING_FRESH="true"
    )
    assert forgotten.returncode == 0, forgotten.stderr
    assert "every cache forgotten" in forgotten.stderr and "0 reused" in forgotten.stderr
    assert not unread.exists()
    assert all(kept.read_bytes().startswith(compiled_templates.MAGIC) for kept in templates)
    assert same_tree(tmp_path / "forgotten", tmp_path / "warm")
    assert same_tree(tmp_path / "cold", tmp_path / "warm")
    assert same_tree(tmp_path / "fresh", tmp_path / "warm")
    (bib,) = (tmp_path / "warm" / "briefs").glob("*/cite.bib")
    assert bib.samefile(project / "docs" / bib.relative_to(tmp_path / "warm"))


def test_a_kept_page_warns_again_and_follows_its_links(project: Path, tmp_path: Path) -> None:
    own_page(project, "notes.md", "# Notes\n\nSee [the later notes](later.md#summary).\n")
    for _ in range(2):  # rendered, then kept: the warning fails --strict both times
        failed = mkdocs_build(project, tmp_path / "site")
        assert failed.returncode != 0
        assert "'later.md#summary'" in failed.stderr
    own_page(project, "later.md", "# Later\n\n## Summary\n\nNothing yet.\n")
    built = mkdocs_build(project, tmp_path / "site")
    assert built.returncode == 0, built.stderr
    notes = (tmp_path / "site" / "notes" / "index.html").read_text("utf-8")
    assert 'href="../later/#summary"' in notes
    # The anchor is checked from the kept page too: gone, it fails the build.
    write(project / "docs" / "later.md", "# Later\n\nNothing yet.\n")
    broken = mkdocs_build(project, tmp_path / "site")
    assert broken.returncode != 0
    assert "does not contain an anchor '#summary'" in broken.stderr


def test_a_damaged_kept_page_is_noted_and_rendered_again(project: Path, tmp_path: Path) -> None:
    assert mkdocs_build(project, tmp_path / "first").returncode == 0
    entries = [p for p in BuildConfig(root=project).rendered_pages.rglob("*") if p.is_file()]
    entries[0].write_bytes(entries[0].read_bytes()[:40])
    second = mkdocs_build(project, tmp_path / "second")
    assert second.returncode == 0, second.stderr
    assert "1 unreadable rendered page(s)" in second.stderr
    assert "1 page(s) rendered" in second.stderr
    assert same_tree(tmp_path / "first", tmp_path / "second")


def test_nothing_is_kept_beside_another_plugin_or_an_unstable_setting(project: Path) -> None:
    from mkdocs.config import load_config

    from briefing.website.pages import render_cache

    def theirs(html: str, **_: object) -> str:
        return html

    config = load_config(str(project / "mkdocs.yml"))
    plugin = config.plugins["briefing"]
    ours = (plugin.on_page_content, plugin.on_page_markdown)
    assert render_cache(config, project, ours) is not None
    config.plugins.events["page_content"].append(theirs)
    assert render_cache(config, project, ours) is None  # another handler of rendered pages
    config.plugins.events["page_content"].remove(theirs)
    config.mdx_configs["toc"]["slugify"] = object()  # written only with its address
    assert render_cache(config, project, ours) is None
