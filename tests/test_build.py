import os
import shutil
from pathlib import Path

import pytest

from briefing.build import build, plan, stale
from briefing.cli import main
from briefing.config import BuildConfig
from briefing.errors import BuildFailed
from briefing.siteconfig import site_url
from tests.conftest import ROOT, write

SLUG = "a-new-rapprochement-between-moscow-and-tehran"


def snapshot(root: Path) -> dict[str, bytes]:
    files = [*(root / "docs").rglob("*"), root / "references.bib"]
    return {str(p.relative_to(root)): p.read_bytes() for p in files if p.is_file()}


def test_build_writes_pages_then_nothing(project: Path) -> None:
    config = BuildConfig(root=project)
    first = build(config)
    assert {p.relative_to(project).as_posix() for p in first.changed} >= {
        f"docs/briefs/{SLUG}/index.md",
        f"docs/briefs/{SLUG}/text.md",
        "docs/index.md",
        "docs/bibliography.md",
        "docs/report.md",
        "docs/references.bib",
        "references.bib",
    }
    assert build(config).changed == ()
    assert stale(plan(config), config) == []


def test_check_reports_stale_files(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["build", "--root", str(project), "--check"]) == 1
    assert "stale: docs/index.md" in capsys.readouterr().err
    assert main(["build", "--root", str(project)]) == 0
    assert main(["build", "--root", str(project), "--check"]) == 0


def test_committed_outputs_are_up_to_date() -> None:
    config = BuildConfig(root=ROOT, site_url=site_url(ROOT / "mkdocs.yml"))
    assert stale(plan(config), config) == [], "run 'briefing build' and commit the result"


def test_failed_build_leaves_previous_outputs_untouched(project: Path) -> None:
    build(BuildConfig(root=project))
    before = snapshot(project)
    write(project / "seeds" / "zz-broken.txt", "")
    with pytest.raises(BuildFailed) as info:
        build(BuildConfig(root=project))
    assert "seeds/zz-broken.txt:1: the file is empty" in str(info.value)
    assert snapshot(project) == before


def test_all_errors_are_reported_together(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(project / "seeds" / "a.txt", "")
    write(project / "seeds" / "b.txt", "Title\n\nText.\n")
    write(project / "seeds" / "b.yml", "date: someday\n")
    assert main(["build", "--root", str(project)]) == 1
    err = capsys.readouterr().err
    assert "seeds/a.txt:1: the file is empty" in err
    assert "seeds/b.yml:1: 'date'" in err
    assert "nothing was written" in err


def test_strict_turns_warnings_into_errors(project: Path) -> None:
    write(project / "seeds" / "u.txt", "Title\n\nAn (unclosed aside.\n")
    build(BuildConfig(root=project))
    with pytest.raises(BuildFailed, match=r"seeds/u.txt:3: unbalanced"):
        build(BuildConfig(root=project, strict=True))


def test_removed_seed_removes_its_pages(project: Path) -> None:
    extra = write(project / "seeds" / "second.txt", "Second Brief\n\nText (TASS, May 2).\n")
    build(BuildConfig(root=project))
    assert (project / "docs/briefs/second-brief/text.md").exists()
    extra.unlink()
    result = build(BuildConfig(root=project))
    assert not (project / "docs/briefs/second-brief").joinpath("text.md").exists()
    assert {p.name for p in result.removed} == {"index.md", "text.md"}


def test_hand_written_pages_are_never_removed(project: Path) -> None:
    page = write(project / "docs" / "about.md", "# About\n")
    build(BuildConfig(root=project))
    assert page.exists()


def test_duplicate_titles_get_distinct_stable_slugs(project: Path) -> None:
    text = (ROOT / "seeds").glob("*.txt").__next__().read_text("utf-8")
    write(project / "seeds" / "zz-copy.txt", text.replace("Issue: 212", "Issue: 213"))
    result = build(BuildConfig(root=project))
    assert sorted(b.article.slug for b in result.briefs) == [SLUG, f"{SLUG}-8-213"]


def test_interrupted_write_leaves_no_partial_files(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    build(BuildConfig(root=project))
    before = snapshot(project)
    shutil.copy(
        project / "seeds" / next(iter(os.listdir(project / "seeds"))), project / "seeds" / "x.txt"
    )
    calls = 0
    real = Path.write_text

    def failing_fdopen(*args: object, **kwargs: object) -> object:
        nonlocal calls
        calls += 1
        if calls == 3:
            raise KeyboardInterrupt
        return original(*args, **kwargs)

    import briefing.build as module

    original = module.os.fdopen
    monkeypatch.setattr(module.os, "fdopen", failing_fdopen)
    with pytest.raises(KeyboardInterrupt):
        build(BuildConfig(root=project))
    assert snapshot(project) == before
    assert not [p for p in project.rglob("*.tmp")]
    del real
