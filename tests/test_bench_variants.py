"""The comparison sites of the benchmark, and its table."""

import json
import os
import re
from pathlib import Path

import pytest

from briefing.bench import run
from briefing.bench.corpus import generate
from briefing.bench.reload import finished_builds
from briefing.bench.run import table
from briefing.bench.variants import floor_config, write_bibtex_site, write_footnote_site
from briefing.citations.registry import load_registry
from tests.conftest import ROOT


def test_floor_config_drops_our_plugin_and_sets_the_nav() -> None:
    text = floor_config((ROOT / "mkdocs.yml").read_text("utf-8"), [{"Home": "index.md"}])
    assert "- briefing" in (ROOT / "mkdocs.yml").read_text("utf-8")
    assert "- briefing" not in text and "hooks:" not in text
    assert "- offline:" in text and "- search:" in text  # the theme's own plugins stay
    assert text.endswith("nav:\n- Home: index.md\n")
    assert "navigation.prune" in text


def test_comparison_sites_cite_every_source(tmp_path: Path) -> None:
    articles = list(generate(3, 4, load_registry()))
    write_bibtex_site(articles, tmp_path / "bibtex")
    write_footnote_site(articles, tmp_path / "footnotes")
    cited = sum(len(a.citations) for a in articles)
    pages = sorted((tmp_path / "bibtex" / "docs" / "articles").glob("*.md"))
    keys = [k for p in pages for k in re.findall(r"\[@([^\]]+)\]", p.read_text("utf-8"))]
    assert len(keys) == cited
    bib = (tmp_path / "bibtex" / "references.bib").read_text("utf-8")
    assert set(keys) == set(re.findall(r"@misc\{([^,]+),", bib))
    notes = [
        p.read_text("utf-8") for p in (tmp_path / "footnotes" / "docs" / "articles").glob("*.md")
    ]
    assert sum(len(re.findall(r"^\[\^\d+\]: ", n, re.M)) for n in notes) == cited
    for site in ("bibtex", "footnotes"):  # listed on the home page, not in the navigation
        config = (tmp_path / site / "mkdocs.yml").read_text("utf-8")
        assert config.endswith("nav:\n  - Home: index.md\n")
        home = (tmp_path / site / "docs" / "index.md").read_text("utf-8")
        assert home.count("](articles/") == len(articles)
    assert "bibtex:" in (tmp_path / "bibtex" / "mkdocs.yml").read_text("utf-8")
    assert "bibtex" not in (tmp_path / "footnotes" / "mkdocs.yml").read_text("utf-8")


def test_table_has_a_row_per_size() -> None:
    figures = {"articles": 10, "build_s": 1.5, "site_bytes": 3 * 2**20}
    lines = table({"10": figures}).splitlines()
    assert len(lines) == 3
    assert lines[2].startswith("| 10 | n/a |") and "| 3.0 |" in lines[2]


def test_a_run_of_some_sizes_keeps_the_others_measured_on_this_machine(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(run, "BENCH", tmp_path)

    def earlier_with(**changes: object) -> dict[str, object]:
        sizes = {
            "1000": {"articles": 1000, "build_s": 75.0, "measured": "2026-11-30"},
            "100": {"articles": 100, "build_s": 9.7},  # undated: from before sizes were kept
        }
        results = {"format": run.FORMAT, "machine": {"cpus": os.cpu_count()}, "sizes": sizes}
        results.update(changes)
        (tmp_path / "results.json").write_text(json.dumps(results), encoding="utf-8")
        return run._earlier("sizes")

    assert run._earlier("sizes") == {}  # nothing measured yet
    assert list(earlier_with()) == ["1000"]
    assert earlier_with(machine={"cpus": (os.cpu_count() or 1) + 1}) == {}  # another machine
    assert earlier_with(format=run.FORMAT - 1) == {}  # keys that meant something else
    (tmp_path / "results.json").write_text("{", encoding="utf-8")
    assert run._earlier("sizes") == {}


def test_a_run_without_the_import_keeps_its_last_measurement(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(run, "BENCH", tmp_path)
    measured = {"pages": 1000, "import_s": 4.4, "measured": "2026-12-07"}  # made here
    results = {"format": run.FORMAT, "machine": {"cpus": os.cpu_count()}, "import": measured}
    (tmp_path / "results.json").write_text(json.dumps(results), encoding="utf-8")
    assert run._earlier("import") == measured
    results["import"] = {"pages": 1000, "import_s": 4.4}  # undated: not kept
    (tmp_path / "results.json").write_text(json.dumps(results), encoding="utf-8")
    assert run._earlier("import") == {}


def test_two_served_builds_of_the_same_duration_count_twice() -> None:
    # MkDocs logs "Documentation built in 0.47 seconds" once however often it happens.
    log = """INFO    -  Building documentation...
INFO    -  Documentation built in 0.47 seconds
INFO    -  [13:55:33] Serving on http://127.0.0.1:39723/
INFO    -  [13:55:51] Detected file changes
INFO    -  Building documentation...
INFO    -  Documentation built in 0.40 seconds
INFO    -  [13:55:51] Reloading browsers
INFO    -  [13:56:06] Detected file changes
INFO    -  Building documentation...
INFO    -  [13:56:06] Reloading browsers
"""
    assert finished_builds(log) == 3
    assert finished_builds(log.split("[13:55:51] Detected")[0]) == 1


def test_the_bench_imports_saved_pages_and_again_writes_nothing(tmp_path: Path) -> None:
    from briefing.bench.imports import import_table, measure_import
    from briefing.bench.run import _environment

    figures = measure_import(3, ROOT, tmp_path / "import", 5, _environment())
    assert figures["pages"] == figures["seeds"] == 3
    again = (tmp_path / "import" / "import-again.log").read_text("utf-8")
    assert re.search(r"^unchanged +3$", again, re.M) and re.search(r"^imported +0$", again, re.M)
    assert import_table(figures).count("\n") == 2
