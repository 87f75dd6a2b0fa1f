"""The benchmark measures each build's own memory, not the benchmark's."""

import os
import sys
from pathlib import Path

import pytest

from briefing.bench.measure import BenchError, timed


def test_peak_memory_is_the_child_alone(tmp_path: Path) -> None:
    ballast = bytearray(400 * 1024 * 1024)  # the parent is large; the child is not
    run = timed([sys.executable, "-c", "pass"], tmp_path, dict(os.environ), tmp_path / "a.log")
    assert run.peak_rss_mb < 200
    grown = [sys.executable, "-c", "x = bytearray(300 * 1024 * 1024)"]
    assert timed(grown, tmp_path, dict(os.environ), tmp_path / "b.log").peak_rss_mb > 250
    del ballast


def test_the_build_process_is_told_apart_from_what_it_starts(tmp_path: Path) -> None:
    helper = "x = bytearray(300 * 1024 * 1024)"  # a large indexer started by a small build
    starts = [
        sys.executable,
        "-c",
        f"import subprocess, sys; subprocess.run([sys.executable, '-c', {helper!r}])",
    ]
    run = timed(starts, tmp_path, dict(os.environ), tmp_path / "c.log")
    assert run.peak_rss_mb > 250
    assert run.process_peak_rss_mb is not None and run.process_peak_rss_mb < 100
    own = [sys.executable, "-c", "import time; x = bytearray(300 * 1024 * 1024); time.sleep(1)"]
    grown = timed(own, tmp_path, dict(os.environ), tmp_path / "d.log").process_peak_rss_mb
    assert grown is not None and grown > 250


def test_a_failing_command_names_its_log(tmp_path: Path) -> None:
    with pytest.raises(BenchError, match=r"c\.log"):
        timed(
            [sys.executable, "-c", "raise SystemExit(3)"],
            tmp_path,
            dict(os.environ),
            tmp_path / "c.log",
        )


def test_a_rebuild_is_the_conversion_and_the_build_with_caches(tmp_path: Path) -> None:
    from briefing.bench.run import _rebuild_figures

    figures = {"hook_s": 1.0, "rebuild_build_s": 11.0, "plain_footnotes_build_s": 6.0}
    assert _rebuild_figures(figures) == {"rebuild_s": 12.0, "rebuild_over_plain": 2.0}


def test_a_cold_build_starts_with_no_kept_pages_or_index(tmp_path: Path) -> None:
    from briefing.bench.run import Build, _config

    kept = _config(tmp_path)
    for folder in (kept.rendered_pages, kept.search_indexes):
        (folder / "entry").mkdir(parents=True)
    warm = Build(tmp_path, "missing.yml", sys.executable, "site")
    with pytest.raises(BenchError):  # no mkdocs.yml: the build fails, after the clearing
        warm.run()
    assert kept.rendered_pages.exists() and kept.search_indexes.exists()
    with pytest.raises(BenchError):
        Build(tmp_path, "missing.yml", sys.executable, "site", cold=True).run()
    assert not kept.rendered_pages.exists() and not kept.search_indexes.exists()


def test_a_first_conversion_starts_with_no_caches(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from briefing.bench import run

    config = run._config(tmp_path)
    (tmp_path / "docs" / "briefs").mkdir(parents=True)
    for kept in (config.cache, config.seed_cache, config.memo_cache / "a.docx"):
        kept.parent.mkdir(parents=True, exist_ok=True)
        kept.write_bytes(b"kept")
    found: list[list[bool]] = []
    caches = (config.cache, config.seed_cache, config.memo_cache)
    monkeypatch.setattr(run, "build", lambda _: found.append([c.exists() for c in caches]))
    run._convert(tmp_path, cached=True)
    run._convert(tmp_path, cached=False)
    assert found == [[True, True, True], [False, False, False]]
