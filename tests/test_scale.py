"""Large archives: rebuilds touch only what changed; progress while reading."""

import io
from pathlib import Path

import pytest

from briefing.bench.corpus import write_corpus
from briefing.build import build, read_seeds
from briefing.citations.registry import load_registry
from briefing.cli import main
from briefing.config import BuildConfig
from briefing.progress import DELAY, ConsoleProgress
from tests.conftest import write


def corpus(root: Path, count: int) -> list[Path]:
    return write_corpus(count, root / "seeds", 5, load_registry())


def test_editing_one_seed_rewrites_only_its_pages_and_site_wide_ones(tmp_path: Path) -> None:
    written = corpus(tmp_path, 6)
    config = BuildConfig(root=tmp_path)
    first = build(config)
    edited = written[2]
    text = edited.read_text("utf-8")
    edited.write_text(text.replace(" the ", " a ", 1), encoding="utf-8")
    slug = next(b.article.slug for b in first.briefs if b.article.source.endswith(edited.name))
    changed = {
        p.relative_to(tmp_path / "docs").as_posix()
        for p in build(config).changed
        if p.is_relative_to(tmp_path / "docs")
    }
    assert f"briefs/{slug}/text.md" in changed
    # Other briefs' pages stay as they were; site-wide pages (outside briefs/)
    # may change, since they quote the edited text.
    other_briefs = {
        p for p in changed if p.startswith("briefs/") and not p.startswith(f"briefs/{slug}/")
    }
    assert other_briefs == set()
    assert build(config).changed == ()


def test_progress_appears_only_after_a_second() -> None:
    now = [0.0]
    stream = io.StringIO()
    progress = ConsoleProgress(stream, clock=lambda: now[0])
    progress(10, 100)
    assert stream.getvalue() == ""
    now[0] = DELAY + 0.5
    progress(60, 100)
    progress.close()
    assert stream.getvalue() == "\rseeds read: 60/100\n"


def test_check_never_shows_progress(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    corpus(tmp_path, 3)
    assert main(["build", "--root", str(tmp_path), "--progress"]) == 0
    assert main(["build", "--root", str(tmp_path), "--check"]) == 0
    captured = capsys.readouterr()
    assert "seeds read" not in captured.out + captured.err


def test_seeds_are_read_in_order_with_progress_and_errors(tmp_path: Path) -> None:
    for n in range(4):
        write(tmp_path / "seeds" / f"{n}.txt", f"Title {n}\n\nText (TASS, May {n + 1}).\n")
    write(tmp_path / "seeds" / "2.txt", "")
    reported: list[tuple[int, int]] = []
    articles, failures = read_seeds(
        BuildConfig(root=tmp_path),
        load_registry(),
        progress=lambda done, total: reported.append((done, total)),
    )
    assert [a.title for a in articles] == ["Title 0", "Title 1", "Title 3"]
    assert [str(f.error) for f in failures] == ["seeds/2.txt:1: the file is empty"]
    assert reported == [(0, 4), (1, 4), (2, 4), (3, 4), (4, 4)]


def test_large_sites_group_the_navigation_by_year(tmp_path: Path) -> None:
    from briefing.render import NAV_BY_YEAR_ABOVE, navigation

    corpus(tmp_path, NAV_BY_YEAR_ABOVE + 5)
    result = build(BuildConfig(root=tmp_path))
    briefs = next(entry["Briefs"] for entry in navigation(result.briefs) if "Briefs" in entry)
    years = [next(iter(group)) for group in briefs]
    assert years == sorted(years, reverse=True) and all(y.isdigit() for y in years)
    inside = [brief for group in briefs for brief in next(iter(group.values()))]
    assert len(inside) == len(result.briefs)


def test_small_sites_list_briefs_flat(project: Path) -> None:
    from briefing.render import navigation

    result = build(BuildConfig(root=project))
    briefs = next(entry["Briefs"] for entry in navigation(result.briefs) if "Briefs" in entry)
    assert [next(iter(b)) for b in briefs] == [b.article.title for b in result.briefs]
