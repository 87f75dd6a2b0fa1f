"""Shared fixtures: a throw-away copy of the project, and the golden switch."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from collections.abc import Iterable
from pathlib import Path

import pytest

from briefing.harness.project import copy_project as project_copy
from briefing.model import Article, Paragraph

ROOT = Path(__file__).resolve().parent.parent
SEED = next((ROOT / "seeds").glob("*.txt"))


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        help="rewrite the golden files under tests/golden/ from the current output",
    )


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of the project's inputs (mkdocs.yml, docs assets, seeds) to build in."""
    return copy_project(tmp_path / "project")


@pytest.fixture(scope="session")
def served(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seed's site as ``make site`` builds it, in a copy of the project."""
    project = copy_project(tmp_path_factory.mktemp("served") / "project")
    done = mkdocs_build(project, project / "site")
    assert done.returncode == 0, done.stderr
    return project / "site"


@pytest.fixture(scope="session")
def offline(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seed's ``file://`` bundle, as ``make offline`` builds it, in a copy of the project."""
    project = copy_project(tmp_path_factory.mktemp("offline") / "project")
    done = mkdocs_build(project, project / "site", BRIEFING_OFFLINE="true")
    assert done.returncode == 0, done.stderr
    return project / "site"


def copy_project(root: Path, seeds: Iterable[Path] | None = None) -> Path:
    """Copy the project's inputs into ``root`` (created) and return it.

    ``seeds`` replaces the project's own seeds when given.
    """
    return project_copy(ROOT, root, seeds)


def mkdocs_build(project: Path, out: Path, **env: str) -> subprocess.CompletedProcess[str]:
    """``mkdocs build --strict`` of ``project`` into ``out``, as a user runs it."""
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(out)],
        capture_output=True,
        text=True,
        cwd=project,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(ROOT / "scripts"), **env},
        timeout=600,
    )


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def edm_article(
    slug: str,
    title: str,
    author: str | None = None,
    date: dt.date | None = None,
    url: str | None = None,
    paragraphs: int = 1,
) -> Article:
    """An article of EDM vol. 8 no. 212 (2011) as citation tests need it: no text to speak of."""
    return Article(
        slug=slug,
        source=f"seeds/{slug}.txt",
        title=title,
        paragraphs=tuple(Paragraph(n, "Text.", n * 5) for n in range(1, paragraphs + 1)),
        publication="Eurasia Daily Monitor",
        volume=8,
        issue=212,
        date=date,
        date_bounds=(dt.date(2011, 1, 1), dt.date(2011, 12, 31)),
        author=author,
        url=url,
    )
