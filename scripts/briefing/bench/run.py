"""``make bench``: build synthetic sites of several sizes and compare.

For each corpus size N this measures our conversion, our full ``mkdocs
build`` (hook included), the floor (the same Markdown, no hook), and
mkdocs-bibtex against hand-written footnotes in a separate virtualenv.
Times are medians of ``BENCH_RUNS`` runs; the table goes to stdout and the
figures to ``bench/results.json``. Then one seed of ``BENCH_BIG_SEED``
citations (default 100,000) is built once (:mod:`.bigseed`), and people,
roles and outlets are measured on labelled real text (:mod:`.people_eval`).
"""

from __future__ import annotations

import json
import os
import platform
import shutil
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..build import build
from ..citations.registry import load_registry
from ..config import BuildConfig
from ..harness.project import copy_project
from ..render import navigation
from .bigseed import big_seed_sizes, big_seed_table, measure_big_seed
from .corpus import generate, write_corpus
from .imports import import_pages, import_table, measure_import
from .measure import Run, median_run, timed, tree_bytes
from .people_eval import held_out, load_items, measure, report
from .reload import one_edit_reload
from .search import index_bytes
from .variants import floor_config, write_bibtex_site, write_footnote_site

ROOT = Path(__file__).resolve().parents[3]
BENCH = ROOT / "bench"
BIBTEX_PYTHON = BENCH / "venv-bibtex" / "bin" / "python"
CORPUS_SEED = 1
DEFAULT_SIZES = "1,100,1000"
LARGE = 1000
"""Corpus size from which fewer runs are made (see _runs_for)."""
SITE_URL = "https://briefing.example.org/"
"""The site address the benchmarked sites are built for (citations use it)."""
FORMAT = 2
"""What the keys of results.json mean; raised when one changes meaning (2: search
bytes are the search's own files, the build process's peak memory apart)."""
SEARCH_QUERY = "pipeline"
"""A word every generated corpus uses, typed into the search box."""


def main(sizes: str | None, runs: int | None) -> int:
    counts = _sizes(sizes)
    repeat = runs or int(os.environ.get("BENCH_RUNS", "3"))
    results: dict[str, Any] = {
        "format": FORMAT,
        "machine": _machine(),
        "runs": repeat,
        "sizes": _earlier("sizes"),
    }
    results["big_seed"] = _earlier("big_seed")
    results["import"] = _earlier("import")
    for count in counts:
        times = _runs_for(count, repeat)
        print(f"N={count}: measuring ({times} run(s) each)...", file=sys.stderr, flush=True)
        figures = {**measure_size(count, times), "runs": times, "measured": _today()}
        results["sizes"][str(count)] = figures
        results["sizes"] = dict(sorted(results["sizes"].items(), key=lambda item: int(item[0])))
        _write(results)
    for citations in big_seed_sizes():
        print(f"one seed of {citations} citations: measuring...", file=sys.stderr, flush=True)
        work = BENCH / "work" / f"big-{citations}"
        figures = measure_big_seed(citations, ROOT, work, CORPUS_SEED, _environment())
        results["big_seed"][str(citations)] = figures
        results["big_seed"] = dict(sorted(results["big_seed"].items(), key=lambda i: int(i[0])))
        _write(results)
    if pages := import_pages():
        print(f"import of {pages} saved pages: measuring...", file=sys.stderr, flush=True)
        work = BENCH / "work" / "import"
        results["import"] = measure_import(pages, ROOT, work, CORPUS_SEED, _environment())
        _write(results)
    items = load_items()
    score, unseen = measure(items), measure(held_out(items))
    results["people"] = {**score.figures(), "held_out": unseen.figures(), "measured": _today()}
    _write(results)
    print(table(results["sizes"]))
    print("\n" + report(score) + "\n" + report(unseen, "Of which held out"))
    if results["big_seed"]:
        print("\n" + big_seed_table(results["big_seed"]))
    if results.get("import"):
        print("\n" + import_table(results["import"]))
    return 0


def _earlier(part: str) -> dict[str, Any]:
    """The sizes (or big seeds, or the import) measured before on this machine: a run
    of others keeps them.

    Only figures of the same format (the same meaning of every key) and
    with their date are kept."""
    try:
        earlier = json.loads((BENCH / "results.json").read_text("utf-8"))
    except (OSError, ValueError):
        return {}
    if earlier.get("format") != FORMAT or earlier.get("machine", {}).get("cpus") != os.cpu_count():
        return {}
    sizes = earlier.get(part, {})
    if "measured" in sizes:  # one measurement (the import), not one per size
        return dict(sizes)
    return {
        size: figures
        for size, figures in sizes.items()
        if isinstance(figures, dict) and "measured" in figures
    }


def _today() -> str:
    return time.strftime("%Y-%m-%d", time.gmtime())


def _runs_for(count: int, repeat: int) -> int:
    """Large sites take minutes per build: BENCH_RUNS_LARGE (default 1) runs from N=1000."""
    if count < LARGE:
        return repeat
    return min(repeat, int(os.environ.get("BENCH_RUNS_LARGE", "1")))


def _sizes(sizes: str | None) -> list[int]:
    text = sizes or os.environ.get("BENCH_SIZES") or DEFAULT_SIZES
    counts = [int(n) for n in text.split(",") if n.strip()]
    if not sizes and not os.environ.get("BENCH_SIZES") and os.environ.get("BENCH_LARGE") == "1":
        counts.append(10000)
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
    convert = [_convert(project, cached=False) for _ in range(repeat)]
    convert_cached = [_convert(project, cached=True) for _ in range(repeat)]
    build(_config(project))
    hook = [_up_to_date(project) for _ in range(repeat)]
    floor_yml = floor_config((project / "mkdocs.yml").read_text("utf-8"), navigation())
    (project / "mkdocs-floor.yml").write_text(floor_yml, encoding="utf-8")
    articles = list(generate(count, CORPUS_SEED, load_registry()))
    write_bibtex_site(articles, work / "bibtex")
    write_footnote_site(articles, work / "footnotes")
    ours = Build(project, "mkdocs.yml", sys.executable, "site", cold=True)
    again = Build(project, "mkdocs.yml", sys.executable, "site")
    floor = Build(project, "mkdocs-floor.yml", sys.executable, "site-floor")
    bibtex = Build(work / "bibtex", "mkdocs.yml", str(BIBTEX_PYTHON), "site")
    plain = Build(work / "footnotes", "mkdocs.yml", str(BIBTEX_PYTHON), "site")
    runs = _interleaved([ours, again, floor, bibtex, plain], repeat)
    figures = _figures(count, convert, runs, project / "site")
    figures["convert_cached_ms_per_article"] = _per_article(convert_cached, count)
    figures.update(_hook_figures(statistics.median(hook), figures))
    figures.update(_rebuild_figures(figures))
    figures.update(_search(project / "site"))
    figures.update(_disk_search(project))
    figures.update(one_edit_reload(project, _environment()))  # last: it edits a seed
    return figures


@dataclass(frozen=True)
class Build:
    """One ``mkdocs build`` to time: folder, configuration, interpreter, output."""

    root: Path
    config: str
    python: str
    site: str
    cold: bool = False
    """Remove the pages and search index kept by earlier builds first."""

    def run(self, **env: str) -> Run:
        if not Path(self.python).exists():
            raise SystemExit(f"{self.python} is missing: run 'make bench', which creates it")
        if self.cold:
            kept = _config(self.root)
            shutil.rmtree(kept.rendered_pages, ignore_errors=True)
            shutil.rmtree(kept.search_indexes, ignore_errors=True)
        command = [self.python, "-m", "mkdocs", "build", "-q", "-f", self.config, "-d", self.site]
        environment = {**_environment(), **env}
        return timed(command, self.root, environment, self.root / f"{self.site}.log")


def _interleaved(builds: list[Build], repeat: int) -> list[Run]:
    """Median runs of each build, taking turns so that load on the machine hits all alike."""
    runs: list[list[Run]] = [[] for _ in builds]
    for _ in range(repeat):
        for done, one in zip(runs, builds, strict=True):
            done.append(one.run())
    return [median_run(done) for done in runs]


def _environment() -> dict[str, str]:
    return {
        **os.environ,
        "PYTHONPATH": str(ROOT / "scripts"),
        "NO_MKDOCS_2_WARNING": "1",
        "BRIEFING_SITE_URL": SITE_URL,
    }


def _config(project: Path) -> BuildConfig:
    return BuildConfig(root=project, site_url=SITE_URL)


def _search(site: Path) -> dict[str, Any]:
    """The served site's first search: Pagefind's chunks over http."""
    try:
        from .search import first_search
    except ImportError:
        return {"search": "playwright is not installed"}
    return _answered(lambda: first_search(site, SEARCH_QUERY), "search")


def _disk_search(project: Path) -> dict[str, Any]:
    """The file:// bundle's first search: Material's whole index, from disk."""
    try:
        from .search import first_search
    except ImportError:
        return {}
    Build(project, "mkdocs.yml", sys.executable, "site-offline").run(BRIEFING_OFFLINE="true")
    measured = _answered(
        lambda: first_search(project / "site-offline", SEARCH_QUERY, from_disk=True), "search"
    )
    return {f"disk_{key}": value for key, value in measured.items()}


def _answered(search: Callable[[], dict[str, Any]], name: str) -> dict[str, Any]:
    """A search's figures, or that it gave none in time: a large archive's must not end the run."""
    from playwright.sync_api import TimeoutError as NoResult

    try:
        return search()
    except NoResult as exc:
        return {name: f"no result: {str(exc).splitlines()[0]}"}


def _project(root: Path, count: int) -> Path:
    """A copy of the project's configuration and assets, with a generated corpus."""
    copy_project(ROOT, root, seeds=())
    write_corpus(count, root / "seeds", CORPUS_SEED, load_registry())
    return root


def _convert(project: Path, cached: bool) -> float:
    """Seconds to convert every seed into a docs/ folder holding no generated page.

    Without ``cached`` the citation, seed and memo caches are removed first, so
    every seed is read and pandoc formats every citation and makes every memo
    document, as on a first build.
    """
    for generated in (project / "docs").iterdir():
        if generated.name != "assets":
            shutil.rmtree(generated) if generated.is_dir() else generated.unlink()
    config = _config(project)
    config.output_record.unlink(missing_ok=True)
    if not cached:
        config.cache.unlink(missing_ok=True)
        config.seed_cache.unlink(missing_ok=True)
        shutil.rmtree(config.memo_cache, ignore_errors=True)
    start = time.perf_counter()
    build(_config(project))
    return time.perf_counter() - start


def _figures(count: int, convert: list[float], runs: list[Run], site: Path) -> dict[str, Any]:
    ours, again, floor, bibtex, plain = runs
    theirs = bibtex.seconds - plain.seconds
    pages = [p.stat().st_size for p in site.rglob("*.html")]
    return {
        "articles": count,
        "convert_ms_per_article": _per_article(convert, count),
        "build_s": round(ours.seconds, 3),
        "rebuild_build_s": round(again.seconds, 3),
        "floor_build_s": round(floor.seconds, 3),
        "mkdocs_bibtex_build_s": round(bibtex.seconds, 3),
        "plain_footnotes_build_s": round(plain.seconds, 3),
        "peak_rss_mb": round(ours.peak_rss_mb, 1),
        "build_process_peak_rss_mb": (
            round(ours.process_peak_rss_mb, 1) if ours.process_peak_rss_mb is not None else None
        ),
        "floor_peak_rss_mb": round(floor.peak_rss_mb, 1),
        "mkdocs_bibtex_peak_rss_mb": round(bibtex.peak_rss_mb, 1),
        "site_bytes": tree_bytes(site),
        "search_index_bytes": index_bytes(site),
        "pages_per_brief": round(len(pages) / count, 2),
        "kb_per_brief": round(tree_bytes(site) / count / 1024, 1),
        "largest_page_bytes": max(pages),
        "build_over_floor": round(ours.seconds / floor.seconds, 3),
        "overhead_vs_mkdocs_bibtex": (
            round((ours.seconds - floor.seconds) / theirs, 3) if theirs > 0 else None
        ),
    }


def _up_to_date(project: Path) -> float:
    """Seconds the MkDocs hook adds to a build: a conversion that finds nothing to write."""
    start = time.perf_counter()
    build(_config(project))
    return time.perf_counter() - start


def _hook_figures(hook_s: float, figures: dict[str, Any]) -> dict[str, Any]:
    """The hook's cost timed in-process: steadier than a difference of two builds."""
    theirs = figures["mkdocs_bibtex_build_s"] - figures["plain_footnotes_build_s"]
    return {
        "hook_s": round(hook_s, 3),
        "hook_over_floor": round(1 + hook_s / figures["floor_build_s"], 3),
        "hook_vs_mkdocs_bibtex": round(hook_s / theirs, 3) if theirs > 0 else None,
    }


def _rebuild_figures(figures: dict[str, Any]) -> dict[str, Any]:
    """``make site`` again with nothing changed, against the plain site's build.

    A rebuild is what ``make site`` runs: ``briefing build`` (the conversion
    finds nothing to write) and ``mkdocs build`` (whose hook converts again)
    with the pages and index kept by the last build. The issue's own figures
    add the two the same way."""
    rebuild = figures["hook_s"] + figures["rebuild_build_s"]
    return {
        "rebuild_s": round(rebuild, 3),
        "rebuild_over_plain": round(rebuild / figures["plain_footnotes_build_s"], 2),
    }


def _per_article(seconds: list[float], count: int) -> float:
    return round(statistics.median(seconds) * 1000 / count, 3)


def _write(results: dict[str, Any]) -> None:
    BENCH.mkdir(exist_ok=True)
    text = json.dumps(results, indent=2) + "\n"
    (BENCH / "results.json").write_text(text, encoding="utf-8")


COLUMNS = (
    ("N", "articles"),
    ("measured", "measured"),
    ("convert ms/art", "convert_ms_per_article"),
    ("cached ms/art", "convert_cached_ms_per_article"),
    ("build s", "build_s"),
    ("rebuild s", "rebuild_s"),
    ("rebuild/plain", "rebuild_over_plain"),
    ("floor s", "floor_build_s"),
    ("bibtex s", "mkdocs_bibtex_build_s"),
    ("footnotes s", "plain_footnotes_build_s"),
    ("build/floor", "build_over_floor"),
    ("hook s", "hook_s"),
    ("hook/bibtex's", "hook_vs_mkdocs_bibtex"),
    ("overhead/bibtex's", "overhead_vs_mkdocs_bibtex"),
    ("peak RSS MB", "peak_rss_mb"),
    ("build process MB", "build_process_peak_rss_mb"),
    ("site MB", "site_bytes"),
    ("pages/brief", "pages_per_brief"),
    ("KB/brief", "kb_per_brief"),
    ("largest page MB", "largest_page_bytes"),
    ("index MB", "search_index_bytes"),
    ("first search ms", "search_first_result_ms"),
    ("search loaded MB", "bytes_loaded"),
    ("reader's search ms", "search_reader_ms"),
    ("reader's search MB", "reader_bytes_loaded"),
    ("page loaded MB", "page_bytes_loaded"),
    ("file:// first search ms", "disk_search_first_result_ms"),
    ("file:// loaded MB", "disk_bytes_loaded"),
    ("one edit under serve s", "reload_s"),
    ("builds per edit", "reload_builds"),
)


def table(sizes: dict[str, dict[str, Any]]) -> str:
    """The figures as a Markdown table, one row per size."""
    rows = [[head for head, _ in COLUMNS], ["---:"] * len(COLUMNS)]
    for figures in sizes.values():
        rows.append([_cell(key, figures.get(key)) for _, key in COLUMNS])
    return "\n".join("| " + " | ".join(row) + " |" for row in rows)


def _cell(key: str, value: Any) -> str:
    if value is None:
        return "n/a"
    if key.endswith(("_bytes", "bytes_loaded")):
        return f"{value / 2**20:.1f}"
    return str(value)
