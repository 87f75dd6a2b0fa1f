"""Large archives: rebuilds touch only what changed; parallel reading; progress."""

import io
import os
import threading
from pathlib import Path

import pytest

from briefing import seeds
from briefing.bench.corpus import write_corpus
from briefing.build import build, plan
from briefing.cli import main
from briefing.config import BuildConfig
from briefing.errors import BuildFailed, SeedError
from briefing.progress import DELAY, ConsoleProgress
from briefing.sources import load_registry

SITE_WIDE = {"index.md", "bibliography.md", "report.md", "references.bib"}


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
    assert changed - SITE_WIDE <= {f"briefs/{slug}/text.md", f"briefs/{slug}/index.md"}
    assert build(config).changed == ()


def test_parallel_reading_gives_the_serial_result(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus(tmp_path, 7)
    serial = plan(BuildConfig(root=tmp_path, workers=1))
    monkeypatch.setattr(seeds, "PARALLEL_THRESHOLD", 2)
    monkeypatch.setattr(seeds, "CHUNK", 3)
    monkeypatch.setattr(threading, "active_count", lambda: 1)
    parallel = plan(BuildConfig(root=tmp_path, workers=2))
    assert parallel.outputs == serial.outputs


def test_workers_report_errors_with_file_and_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus(tmp_path, 4)
    (tmp_path / "seeds" / "zz-empty.txt").write_text("", encoding="utf-8")
    monkeypatch.setattr(seeds, "PARALLEL_THRESHOLD", 2)
    monkeypatch.setattr(seeds, "CHUNK", 2)
    monkeypatch.setattr(threading, "active_count", lambda: 1)
    with pytest.raises(BuildFailed) as info:
        plan(BuildConfig(root=tmp_path, workers=2))
    assert [str(e) for e in info.value.errors] == ["seeds/zz-empty.txt:1: the file is empty"]


def pid_reader(seed: Path, *_: object) -> object:
    """A reader telling which process read the seed; 3.txt fails."""
    if seed.name == "3.txt":
        raise SeedError(seed.name, "unreadable", 2)
    return (seed.name, os.getpid())


def test_reading_uses_worker_processes_above_the_threshold(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    paths = [tmp_path / f"{n}.txt" for n in range(6)]
    monkeypatch.setattr(seeds, "PARALLEL_THRESHOLD", 4)
    monkeypatch.setattr(threading, "active_count", lambda: 1)
    reported: list[tuple[int, int]] = []

    outcomes = seeds.read_seeds(
        paths,
        pid_reader,
        (tmp_path, load_registry(), ()),  # type: ignore[arg-type]
        lambda done, total: reported.append((done, total)),
        2,
    )
    assert [o[0] if isinstance(o, tuple) else str(o) for o in outcomes] == [
        "0.txt",
        "1.txt",
        "2.txt",
        "3.txt:2: unreadable",
        "4.txt",
        "5.txt",
    ]
    assert os.getpid() not in {o[1] for o in outcomes if isinstance(o, tuple)}
    assert reported[-1] == (6, 6)
    few = seeds.read_seeds(paths[:3], pid_reader, (tmp_path, load_registry(), ()), None, 2)  # type: ignore[arg-type]
    assert {o[1] for o in few} == {os.getpid()}  # type: ignore[index]


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
