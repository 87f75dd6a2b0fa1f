"""The built site: every internal link and anchor resolves, and hostile seeds stay inert."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from tests.conftest import ROOT, copy_project, mkdocs_build
from tests.html_safety import PageReader, read_page

HOSTILE = ROOT / "tests" / "hostile"
BROKEN = {
    "windows-1252.txt",
    "nul.txt",
    "empty.txt",
    "unsafe-url.txt",
    "unsafe-url.yml",
    "slug-collision.txt",
    "slug-collision.yml",
}
"""Hostile seeds that fail on purpose; the site is built without them."""


def _mkdocs_build(root: Path) -> Path:
    out = root.parent / f"{root.name}-site"
    done = mkdocs_build(root, out)
    assert done.returncode == 0, done.stderr
    return out


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory, seed_site: Path) -> dict[str, Path]:
    base = tmp_path_factory.mktemp("links")
    hostile = [
        p
        for p in HOSTILE.iterdir()
        if p.suffix in {".txt", ".yml"} and p.name not in BROKEN | {"manifest.yml"}
    ]
    return {
        "seeds": seed_site,
        "hostile": _mkdocs_build(copy_project(base / "hostile", hostile)),
    }


def _pages(site: Path) -> dict[Path, PageReader]:
    return {page: read_page(page.read_text("utf-8"), True) for page in site.rglob("*.html")}


def _target(site: Path, page: Path, href: str) -> tuple[Path, str] | None:
    """The file and fragment an internal link leads to; None for outside links."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or href.startswith("//"):
        return None
    path = unquote(parts.path)
    base = site if path.startswith("/") else page.parent
    target = (base / path.lstrip("/")).resolve() if path else page
    if target.is_dir():
        target = target / "index.html"
    return target, unquote(parts.fragment)


def broken_links(site: Path) -> list[str]:
    """Internal links of a built site whose file or anchor does not exist."""
    pages = _pages(site)
    broken = []
    for page, reader in pages.items():
        for href in reader.links:
            found = _target(site, page, href)
            if found is None:
                continue
            target, fragment = found
            if not target.is_file():
                broken.append(f"{page.relative_to(site)}: {href} (no file)")
            elif fragment and target in pages and fragment not in pages[target].ids:
                broken.append(f"{page.relative_to(site)}: {href} (no anchor)")
    return broken


@pytest.mark.parametrize("name", ["seeds", "hostile"])
def test_every_internal_link_and_anchor_resolves(sites: dict[str, Path], name: str) -> None:
    assert broken_links(sites[name]) == []


@pytest.mark.parametrize("old", ["people", "timeline", "claims"])
def test_a_briefs_former_pages_redirect_to_its_analysis(sites: dict[str, Path], old: str) -> None:
    site = sites["seeds"]
    for brief in (site / "briefs").iterdir():
        page = (brief / old / "index.html").read_text("utf-8")
        reader = read_page(page, True)
        section = {"people": "people-and-quotes"}.get(old, old)
        assert f'content="0; url=../analysis/#{section}"' in page
        assert f'<link rel="canonical" href="../analysis/#{section}">' in page
        assert reader.links == [f"../analysis/#{section}"]  # a visible link; resolved above
        assert (
            section in read_page((brief / "analysis" / "index.html").read_text("utf-8"), True).ids
        )


def test_hostile_site_runs_nothing_from_seeds(sites: dict[str, Path]) -> None:
    site = sites["hostile"]
    unsafe = [f"{p.relative_to(site)}: {u}" for p, r in _pages(site).items() for u in r.unsafe]
    assert unsafe == []
    # What search shows of these pages is checked in tests/browser/test_search.py.
    passwd = Path("/etc/passwd").read_text("utf-8").splitlines()[0]
    for path in site.rglob("*"):
        if path.is_file() and path.suffix in {".html", ".json", ".bib", ".md"}:
            assert passwd not in path.read_text("utf-8"), path


def test_hostile_titles_read_as_typed(sites: dict[str, Path]) -> None:
    site = sites["hostile"]
    page = next((site / "briefs").glob("raw-script*/index.html"))
    reader = read_page(page.read_text("utf-8"), True)
    assert "Raw <script>alert('title')</script> Title" in reader.text


def test_mkdocs_fails_on_a_broken_seed_after_writing_the_others(tmp_path: Path) -> None:
    root = copy_project(
        tmp_path / "broken", [*sorted((ROOT / "seeds").iterdir()), HOSTILE / "nul.txt"]
    )
    done = mkdocs_build(root, tmp_path / "out")
    assert done.returncode != 0
    assert "seeds/nul.txt:5: contains a NUL byte" in done.stderr
    assert "Traceback" not in done.stderr
    assert (root / "docs" / "briefs").is_dir() and (root / "references.bib").is_file()
