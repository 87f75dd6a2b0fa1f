"""A site that does not depend on our MkDocs plugin: ``briefing build``, a plain
``mkdocs build`` without the plugin, then ``briefing search``, make every page,
link, redirect and download of the site the plugin builds (README, "Platform")."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from briefing.bench.variants import without_plugin
from briefing.website.search import BUNDLE
from tests.conftest import ROOT, copy_project
from tests.test_links import broken_links


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(ROOT / "scripts")}
    return subprocess.run(
        [sys.executable, "-m", *args], capture_output=True, text=True, cwd=cwd, env=env, timeout=600
    )


def files(site: Path) -> set[str]:
    """Every file of a built site but its search index."""
    return {
        p.relative_to(site).as_posix()
        for p in site.rglob("*")
        if p.is_file() and p.relative_to(site).parts[0] != BUNDLE
    }


def test_the_markdown_tree_makes_the_whole_site_without_our_plugin(
    tmp_path: Path, seed_site: Path
) -> None:
    project = copy_project(tmp_path / "project")
    done = run("briefing.cli", "build", cwd=project)
    assert done.returncode == 0, done.stderr
    plain = project / "mkdocs-plain.yml"
    plain.write_text(without_plugin((project / "mkdocs.yml").read_text("utf-8")), "utf-8")
    out = tmp_path / "site"
    done = run("mkdocs", "build", "--strict", "-f", str(plain), "-d", str(out), cwd=project)
    assert done.returncode == 0, done.stderr
    assert "briefing:" not in done.stderr  # our plugin did not run
    assert not (out / BUNDLE).exists()
    assert files(out) == files(seed_site)
    assert any(name.endswith(".docx") for name in files(out))  # downloads are there
    assert broken_links(out) == []
    done = run("briefing.cli", "search", str(out), cwd=project)
    assert done.returncode == 0, done.stderr
    assert (out / BUNDLE / "pagefind.js").is_file()
    assert "search index written" in done.stdout


def test_search_of_a_folder_that_is_no_site_says_so(tmp_path: Path) -> None:
    done = run("briefing.cli", "search", str(tmp_path), cwd=tmp_path)
    assert done.returncode == 1
    assert f"{tmp_path}: no built site here" in done.stderr
