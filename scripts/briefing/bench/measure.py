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
    """The largest of the command and the processes it started (Pagefind, pandoc)."""
    process_peak_rss_mb: float | None = None
    """The command's own process, without the processes it started."""


PEAK_REPORTER = """
import os, re, subprocess, sys, threading
process = subprocess.Popen(sys.argv[2:])
own = [0]
def watch():
    # VmHWM only grows: its last reading before the process ends is its peak.
    while process.returncode is None:
        try:
            with open(f"/proc/{process.pid}/status") as status:
                found = re.search(r"^VmHWM:\\s+(\\d+)", status.read(), re.M)
            if found:
                own[0] = max(own[0], int(found.group(1)))
        except OSError:
            return
        threading.Event().wait(0.2)
watcher = threading.Thread(target=watch, daemon=True)
watcher.start()
_, status, usage = os.wait4(process.pid, 0)
process.returncode = status
watcher.join()  # its last reading stored before it is written
with open(sys.argv[1], "w") as out:
    out.write(f"{usage.ru_maxrss} {own[0]}")
sys.exit(os.waitstatus_to_exitcode(status))
"""
"""Runs a command and writes two peak RSS figures (KiB) to a file: the
largest of the command and its descendants (``wait4``), and the command's
own process (its ``VmHWM``, read while it runs).

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
    tree, own = (int(kib) for kib in peak.read_text("utf-8").split())
    return Run(seconds, tree / 1024, own / 1024 if own else None)


def median_run(runs: list[Run]) -> Run:
    own = [r.process_peak_rss_mb for r in runs if r.process_peak_rss_mb is not None]
    return Run(
        statistics.median(r.seconds for r in runs),
        max(r.peak_rss_mb for r in runs),
        max(own) if own else None,
    )


def tree_bytes(folder: Path) -> int:
    """The total size of the files under ``folder``."""
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())
