"""Measuring one subprocess: wall time and peak resident memory; sizes on disk."""

from __future__ import annotations

import os
import statistics
import subprocess
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


def timed(command: list[str], cwd: Path, env: dict[str, str], log: Path) -> Run:
    """Run ``command``; its wall time and the peak RSS of that process alone.

    ``os.wait4`` reports the rusage of the one child it reaps, so the peak
    is this build's, not the largest of every child run so far.
    """
    with log.open("w", encoding="utf-8") as out:
        start = time.perf_counter()
        process = subprocess.Popen(command, cwd=cwd, env=env, stdout=out, stderr=out)
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise BenchError(str(log), f"{' '.join(command)} exited with {process.returncode}")
    return Run(seconds, usage.ru_maxrss / 1024)


def median_run(runs: list[Run]) -> Run:
    return Run(statistics.median(r.seconds for r in runs), max(r.peak_rss_mb for r in runs))


def tree_bytes(folder: Path) -> int:
    """The total size of the files under ``folder``."""
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())
