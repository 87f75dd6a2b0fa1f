"""One seed of many thousand citations: ``briefing build``'s time and peak memory.

A seed of tens of thousands of parentheticals must convert in time and
memory linear in its size (the target: 1 GB at 100,000). Each size is
built once, from empty caches, by ``briefing build`` in a process of its
own, so its peak memory is that build's (pandoc's processes included).
"""

from __future__ import annotations

import os
import shutil
import sys
import time
from pathlib import Path
from typing import Any

from ..citations.registry import load_registry
from ..harness.project import copy_project
from .corpus import big_article, seed_text
from .measure import timed

DEFAULT_CITATIONS = "100000"
"""Sizes measured unless ``BENCH_BIG_SEED`` names others (``0``: none)."""


def big_seed_sizes() -> list[int]:
    """The citation counts of ``BENCH_BIG_SEED`` (comma-separated)."""
    text = os.environ.get("BENCH_BIG_SEED", DEFAULT_CITATIONS)
    return [n for n in (int(part) for part in text.split(",") if part.strip()) if n > 0]


def measure_big_seed(
    citations: int, source: Path, work: Path, seed: int, env: dict[str, str]
) -> dict[str, Any]:
    """Wall time and peak memory of a first ``briefing build`` of one seed citing ``citations``."""
    shutil.rmtree(work, ignore_errors=True)
    project = copy_project(source, work, seeds=())
    article = big_article(citations, seed, load_registry())
    (project / "seeds" / f"{article.name}.txt").write_text(seed_text(article), encoding="utf-8")
    command = [sys.executable, "-m", "briefing.cli", "build", "--root", str(project), "--fresh"]
    run = timed(command, project, env, work / "build.log")
    return {
        "citations": citations,
        "seed_bytes": (project / "seeds" / f"{article.name}.txt").stat().st_size,
        "build_s": round(run.seconds, 1),
        "peak_rss_mb": round(run.peak_rss_mb, 1),
        "build_process_peak_rss_mb": (
            round(run.process_peak_rss_mb, 1) if run.process_peak_rss_mb is not None else None
        ),
        "measured": time.strftime("%Y-%m-%d", time.gmtime()),
    }


def big_seed_table(figures: dict[str, dict[str, Any]]) -> str:
    """The big seed's figures as a Markdown table, one row per size."""
    rows = ["| citations | seed MB | build s | peak RSS MB | build process MB |", "|---:" * 5 + "|"]
    for row in figures.values():
        rows.append(
            f"| {row['citations']} | {row['seed_bytes'] / 2**20:.1f} | {row['build_s']} "
            f"| {row['peak_rss_mb']} | {row['build_process_peak_rss_mb']} |"
        )
    return "\n".join(rows)
