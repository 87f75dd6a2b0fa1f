"""``make bench``: build synthetic sites of several sizes and compare.

For each corpus size N this measures our conversion, our full ``mkdocs
build`` (hook included), the floor (the same Markdown, no hook), and
mkdocs-bibtex against hand-written footnotes in a separate virtualenv.
Times are medians of ``BENCH_RUNS`` runs; the table goes to stdout and the
figures to ``bench/results.json``.
"""

from __future__ import annotations

import json
import os
import platform
import shutil
import statistics
import sys
import time
from pathlib import Path
from typing import Any

from ..build import build
from ..config import BuildConfig
from ..render import navigation
from ..sources import load_registry
from .corpus import generate, write_corpus
from .measure import Run, median_run, timed, tree_bytes
from .variants import floor_config, write_bibtex_site, write_footnote_site

ROOT = Path(__file__).resolve().parents[3]
BENCH = ROOT / "bench"
BIBTEX_PYTHON = BENCH / "venv-bibtex" / "bin" / "python"
CORPUS_SEED = 1
DEFAULT_SIZES = "1,100,1000"


def main(sizes: str | None, runs: int | None) -> int:
    counts = _sizes(sizes)
    repeat = runs or int(os.environ.get("BENCH_RUNS", "3"))
    results: dict[str, Any] = {"machine": _machine(), "runs": repeat, "sizes": {}}
    for count in counts:
        print(f"N={count}: measuring ({repeat} run(s) each)...", file=sys.stderr, flush=True)
        results["sizes"][str(count)] = measure_size(count, repeat)
        _write(results)
    print(table(results["sizes"]))
    return 0


def _sizes(sizes: str | None) -> list[int]:
    text = sizes or os.environ.get("BENCH_SIZES") or DEFAULT_SIZES
    counts = [int(n) for n in text.split(",") if n.strip()]
    if not sizes and not os.environ.get("BENCH_SIZES") and os.environ.get("BENCH_LARGE") == "1":
        counts.append(5000)
    return counts


def _machine() -> dict[str, Any]:
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return {
        "cpus": os.cpu_count(),
        "memory_gb": round(memory, 1),
        "python": platform.python_version(),
        "platform": platform.platform(),
    }


def measure_size(count: int, repeat: int) -> dict[str, Any]:
    work = BENCH / "work" / str(count)
    shutil.rmtree(work, ignore_errors=True)
    project = _project(work / "project", count)
    convert = [_convert(project, workers=0) for _ in range(repeat)]
    serial = [_convert(project, workers=1) for _ in range(repeat)]
    ours = _builds(project, ["mkdocs.yml"], repeat, sys.executable, "site")
    result = build(BuildConfig(root=project))
    floor_yml = floor_config((project / "mkdocs.yml").read_text("utf-8"), navigation(result.briefs))
    (project / "mkdocs-floor.yml").write_text(floor_yml, encoding="utf-8")
    floor = _builds(project, ["mkdocs-floor.yml"], repeat, sys.executable, "site-floor")
    articles = list(generate(count, CORPUS_SEED, load_registry()))
    write_bibtex_site(articles, work / "bibtex")
    write_footnote_site(articles, work / "footnotes")
    bibtex = _builds(work / "bibtex", ["mkdocs.yml"], repeat, str(BIBTEX_PYTHON), "site")
    plain = _builds(work / "footnotes", ["mkdocs.yml"], repeat, str(BIBTEX_PYTHON), "site")
    site = project / "site"
    figures = _figures(count, convert, ours, floor, bibtex, plain, site)
    figures["convert_serial_ms_per_article"] = _per_article(serial, count)
    return figures


def _project(root: Path, count: int) -> Path:
    """A copy of the project's configuration and assets, with a generated corpus."""
    (root / "scripts" / "briefing").mkdir(parents=True)
    shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copy(ROOT / "scripts" / "briefing" / "mkdocs_hook.py", root / "scripts" / "briefing")
    shutil.copytree(ROOT / "docs" / "assets", root / "docs" / "assets")
    write_corpus(count, root / "seeds", CORPUS_SEED, load_registry())
    return root


def _convert(project: Path, workers: int) -> float:
    """Seconds to convert every seed into a docs/ folder holding no generated page."""
    for generated in ("briefs", "index.md", "bibliography.md", "report.md", "references.bib"):
        target = project / "docs" / generated
        if target.is_dir():
            shutil.rmtree(target)
        target.unlink(missing_ok=True)
    start = time.perf_counter()
    build(BuildConfig(root=project, workers=workers))
    return time.perf_counter() - start


def _builds(root: Path, config: list[str], repeat: int, python: str, site: str) -> Run:
    if not Path(python).exists():
        raise SystemExit(f"{python} is missing: run 'make bench', which creates it")
    env = {**os.environ, "PYTHONPATH": str(ROOT / "scripts"), "NO_MKDOCS_2_WARNING": "1"}
    command = [python, "-m", "mkdocs", "build", "-q", "-f", config[0], "-d", site]
    log = root / f"{site}.log"
    return median_run([timed(command, root, env, log) for _ in range(repeat)])


def _figures(
    count: int, convert: list[float], ours: Run, floor: Run, bibtex: Run, plain: Run, site: Path
) -> dict[str, Any]:
    theirs = bibtex.seconds - plain.seconds
    index = site / "search" / "search_index.json"
    return {
        "articles": count,
        "convert_ms_per_article": _per_article(convert, count),
        "build_s": round(ours.seconds, 3),
        "floor_build_s": round(floor.seconds, 3),
        "mkdocs_bibtex_build_s": round(bibtex.seconds, 3),
        "plain_footnotes_build_s": round(plain.seconds, 3),
        "peak_rss_mb": round(ours.peak_rss_mb, 1),
        "floor_peak_rss_mb": round(floor.peak_rss_mb, 1),
        "mkdocs_bibtex_peak_rss_mb": round(bibtex.peak_rss_mb, 1),
        "site_bytes": tree_bytes(site),
        "search_index_bytes": index.stat().st_size,
        "build_over_floor": round(ours.seconds / floor.seconds, 3),
        "overhead_vs_mkdocs_bibtex": (
            round((ours.seconds - floor.seconds) / theirs, 3) if theirs > 0 else None
        ),
    }


def _per_article(seconds: list[float], count: int) -> float:
    return round(statistics.median(seconds) * 1000 / count, 3)


def _write(results: dict[str, Any]) -> None:
    BENCH.mkdir(exist_ok=True)
    text = json.dumps(results, indent=2) + "\n"
    (BENCH / "results.json").write_text(text, encoding="utf-8")


COLUMNS = (
    ("N", "articles"),
    ("convert ms/art", "convert_ms_per_article"),
    ("serial ms/art", "convert_serial_ms_per_article"),
    ("build s", "build_s"),
    ("floor s", "floor_build_s"),
    ("bibtex s", "mkdocs_bibtex_build_s"),
    ("footnotes s", "plain_footnotes_build_s"),
    ("build/floor", "build_over_floor"),
    ("overhead/bibtex's", "overhead_vs_mkdocs_bibtex"),
    ("peak RSS MB", "peak_rss_mb"),
    ("site MB", "site_bytes"),
    ("index MB", "search_index_bytes"),
)


def table(sizes: dict[str, dict[str, Any]]) -> str:
    """The figures as a Markdown table, one row per size."""
    rows = [[head for head, _ in COLUMNS], ["---:"] * len(COLUMNS)]
    for figures in sizes.values():
        rows.append([_cell(key, figures[key]) for _, key in COLUMNS])
    return "\n".join("| " + " | ".join(row) + " |" for row in rows)


def _cell(key: str, value: Any) -> str:
    if value is None:
        return "n/a"
    if key.endswith("_bytes"):
        return f"{value / 2**20:.1f}"
    return str(value)
