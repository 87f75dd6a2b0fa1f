"""Measuring one subprocess: wall time and peak resident memory; sizes on disk."""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from ..errors import BriefingError


class BenchError(BriefingError):
    """A benchmarked command failed."""


@dataclass(frozen=True)
class Run:
    seconds: float
    peak_rss_mb: float


PEAK_REPORTER = """
import os, subprocess, sys
process = subprocess.Popen(sys.argv[2:])
_, status, usage = os.wait4(process.pid, 0)
with open(sys.argv[1], "w") as out:
    out.write(str(usage.ru_maxrss))
sys.exit(os.waitstatus_to_exitcode(status))
"""
"""Runs a command and writes its peak RSS (KiB) to a file.

A child's peak RSS on Linux starts from its parent's at the fork, so a
benchmark that has itself converted a thousand articles would report its
own size for every build; this small process starts the build instead."""


def timed(command: list[str], cwd: Path, env: dict[str, str], log: Path) -> Run:
    """Run ``command``; its wall time and the peak RSS of that process alone."""
    peak = log.with_suffix(".peak")
    wrapped = [sys.executable, "-c", PEAK_REPORTER, str(peak), *command]
    with log.open("w", encoding="utf-8") as out:
        start = time.perf_counter()
        done = subprocess.run(wrapped, cwd=cwd, env=env, stdout=out, stderr=out, check=False)
        seconds = time.perf_counter() - start
    if done.returncode != 0:
        raise BenchError(str(log), f"{' '.join(command)} exited with {done.returncode}")
    return Run(seconds, int(peak.read_text("utf-8")) / 1024)


def median_run(runs: list[Run]) -> Run:
    return Run(statistics.median(r.seconds for r in runs), max(r.peak_rss_mb for r in runs))


def tree_bytes(folder: Path) -> int:
    """The total size of the files under ``folder``."""
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())
