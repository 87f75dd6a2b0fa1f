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
