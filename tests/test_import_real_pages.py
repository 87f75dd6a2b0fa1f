"""`briefing import` on real saved news pages (tests/fixtures/pages/README.md): what
the seeds and sidecars hold is checked against what each page's markup states."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
import yaml
from lxml import html

from briefing.build import build
from briefing.build.importing import import_articles
from briefing.config import BuildConfig
from briefing.harness.project import copy_project
from briefing.input.importer import read_sources
from tests.conftest import ROOT

PAGES = ROOT / "tests" / "fixtures" / "pages"
FILES = sorted(p.name for p in PAGES.glob("*.html"))


def stated(page: Path) -> dict[str, str]:
    """What the page's markup states, read apart from the importer."""
    tree = html.fromstring(page.read_bytes())
    titles = [tree.findtext(".//title", "")]
    titles += [m.get("content", "") for m in tree.iter("meta") if m.get("property") == "og:title"]
    found = {"title": "\n".join(" ".join(t.split()) for t in titles)}
    for link in tree.iter("link"):
        if "canonical" in (link.get("rel") or "").split():
            found.setdefault("url", link.get("href", "").strip())
    for meta in tree.iter("meta"):
        if meta.get("property") == "article:published_time":
            found.setdefault("date", (meta.get("content") or "")[:10])
    return found


@pytest.fixture(scope="module")
def imported(tmp_path_factory: pytest.TempPathFactory) -> Path:
    seeds = tmp_path_factory.mktemp("real-pages") / "seeds"
    files = [str(PAGES / name) for name in FILES]
    outcomes = list(import_articles(read_sources(files, io.BytesIO()), seeds))
    assert [o.result for o in outcomes] == ["imported"] * len(FILES)
    return seeds


@pytest.mark.parametrize("name", FILES)
def test_a_real_page_gives_its_text_and_what_it_states(imported: Path, name: str) -> None:
    page = stated(PAGES / name)
    sidecars = {p: yaml.safe_load(p.read_text("utf-8")) for p in imported.glob("*.yml")}
    sidecar, values = next((p, v) for p, v in sidecars.items() if v["url"] == page["url"])
    text = sidecar.with_suffix(".txt").read_text("utf-8")
    title, *paragraphs = text.strip().split("\n\n")
    assert title and title in page["title"]  # as the page's <title> or og:title gives it
    assert len(paragraphs) >= 5 and all(len(p.split()) >= 3 for p in paragraphs[:3])
    if "date" in page:
        assert str(values["date"]) == page["date"]
    for tag in values.get("tags", []):
        assert "," not in tag and not re.search(r"&\w+;", tag), tag


def test_real_pages_build_as_briefs(imported: Path, tmp_path: Path) -> None:
    project = copy_project(ROOT, tmp_path / "project", seeds=sorted(imported.iterdir()))
    result = build(BuildConfig(root=project))
    assert not result.failed and len(result.briefs) == len(FILES)
