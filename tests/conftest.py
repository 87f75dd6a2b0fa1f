"""Shared fixtures: a throw-away copy of the project, the golden switch, and the
sites that many tests read, built once per test run."""

from __future__ import annotations

import datetime as dt
import fcntl
import os
import random
import shutil
import stat
import subprocess
import sys
from collections.abc import Callable, Iterable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from briefing.bench import vocabulary
from briefing.bench.corpus import write_corpus
from briefing.build import build
from briefing.citations.registry import load_registry
from briefing.config import BuildConfig
from briefing.harness.project import copy_project as project_copy
from briefing.model import Article, Paragraph

ROOT = Path(__file__).resolve().parent.parent
SEED = next((ROOT / "seeds").glob("*.txt"))
SECOND = ROOT / "tests" / "fixtures" / "second-article.txt"
"""A second article, for the pages that join briefs (people, outlets)."""


settings.register_profile("briefing", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile(
    "mutate", parent=settings.get_profile("briefing"), max_examples=10, derandomize=True
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "briefing"))
"""No property here is about time: a machine busy with other work must not fail
one (Hypothesis' default is 200 ms per example). ``HYPOTHESIS_PROFILE=default``
restores its limits. ``make mutate`` runs each mutant's tests under ``mutate``:
ten fixed examples a property, so that a mutant's verdict does not depend on
the run and thousands of runs fit in the budget."""


OWN_SITES = frozenset(
    {
        "test_bench_corpus",
        "test_glossary",
        "test_hostile",
        "test_index_parts",
        "test_links",
        "test_publish",
        "test_reader_pages",
        "test_render_cache",
        "test_rendered_pages",
        "test_robust_build",
        "test_scale",
        "test_search_index",
        "test_seed_cache",
        "test_shelf",
        "test_site_without_plugin",
        "test_sitemap",
        "test_streaming",
        "test_structure",
    }
)
"""Test modules that build sites or corpora of their own, or many builds: marked
``site``, which `make test-fast` leaves out (`make test` runs everything)."""


LONGEST_FIRST = (
    "test_reader",
    "test_search",
    "test_scale",
    "test_robust_build",
    "test_seed_cache",
    "test_live_reload",
    "test_render_cache",
    "test_hostile",
    "test_publish",
    "test_rendered_pages",
    "test_build",
    "test_streaming",
    "test_served",
)
"""The test modules that take longest (``pytest --durations=0``, summed by module),
longest first. With ``-n`` and ``--dist loadfile`` each module runs whole on one
worker, in the order collected (``--no-loadscope-reorder`` in `make test`): these
start first, and the many short modules fill the end, so that no worker runs a
long module alone while the others have finished. The order changes only when
tests run, never what they check."""


def _module(item: pytest.Item) -> str:
    return item.nodeid.split("::", 1)[0].rsplit("/", 1)[-1].removesuffix(".py")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if _module(item) in OWN_SITES:
            item.add_marker(pytest.mark.site)
    rank = {name: n for n, name in enumerate(LONGEST_FIRST)}
    items.sort(key=lambda item: rank.get(_module(item), len(rank)))  # stable: same order within


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


def built_once(
    factory: pytest.TempPathFactory, name: str, make: Callable[[Path], object]
) -> Callable[[Path], Path]:
    """A project made by ``make`` (given a fresh copy of the project, it adds
    seeds and builds) once per worker, and a function copying it, caches and
    all, to where a test wants its own: a copy costs a few milliseconds, a
    first build of even three seeds a few seconds. Only what lives in the
    project's folder is copied; each copy starts with no in-process state."""
    template = copy_project(factory.mktemp(name) / "project")
    make(template)

    def copy(to: Path) -> Path:
        return Path(shutil.copytree(template, to, symlinks=True))

    return copy


@pytest.fixture(scope="session")
def _converted_seed(tmp_path_factory: pytest.TempPathFactory) -> Callable[[Path], Path]:
    return built_once(tmp_path_factory, "converted", lambda root: build(BuildConfig(root=root)))


@pytest.fixture
def converted(_converted_seed: Callable[[Path], Path], tmp_path: Path) -> Path:
    """The project as :func:`project` gives it, its seed already converted by
    ``briefing build`` (docs/, references.bib and the caches): a copy of one
    converted once per worker. For tests of what happens after a first build,
    not of the first build itself: the next build formats no citation that
    build formatted and renders no page it rendered (its record of outputs
    names the folder it was built in, so that build writes the record again)."""
    return _converted_seed(tmp_path / "project")


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


def shared_site(
    factory: pytest.TempPathFactory,
    name: str,
    seeds: Iterable[Path] | None = None,
    prepare: Callable[[Path], object] | None = None,
    **env: str,
) -> Path:
    """A site built once per test run, whatever the number of workers, and read-only.

    Built by ``mkdocs build`` in a copy of the project, as :func:`mkdocs_build`
    does. With several workers (``pytest -n``) the first to need it builds it
    under a lock in the run's shared temporary folder; the others wait and
    read it. Its files are made read-only: a test that changes a site must
    build its own."""
    base = factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        base = base.parent  # the run's folder, above each worker's own
    root = base / f"shared-{name}"
    with (base / f"shared-{name}.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        done = root / "built"
        if not done.exists():
            project = copy_project(root / "project", seeds)
            if prepare is not None:
                prepare(project)
            result = mkdocs_build(project, root / "site", **env)
            assert result.returncode == 0, result.stderr
            _read_only(root / "site")
            done.write_text(result.stderr, "utf-8")
    return root / "site"


def _read_only(site: Path) -> None:
    for folder, _, names in os.walk(site):
        for name in names:
            path = os.path.join(folder, name)
            os.chmod(path, stat.S_IMODE(os.stat(path).st_mode) & ~0o222)


@pytest.fixture(scope="session")
def seed_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seed's site as `make site` builds it (read-only, shared by the whole run)."""
    return shared_site(tmp_path_factory, "seed")


@pytest.fixture(scope="session")
def offline_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seed's site as `make offline` builds it (read-only, shared by the whole run)."""
    return shared_site(tmp_path_factory, "offline", BRIEFING_OFFLINE="true")


ARCHIVE_BRIEFS = 100
"""Generated briefs beside the seed in :func:`archive_site`: enough for every kind of
split list (over 100 briefs in the archive, which is then split by year; over 200
timeline rows and bibliography entries; over 50 briefs in a profile) and a search
over many briefs, at a fraction of a real archive's time."""


def _archive(project: Path) -> None:
    # Its tests are of lists, links and search: no memo documents (a fifth of its build).
    settings = project / "mkdocs.yml"
    text = settings.read_text("utf-8")
    assert "\nextra:\n" in text
    settings.write_text(text.replace("\nextra:\n", "\nextra:\n  briefing:\n    memos: false\n"))
    seeds = write_corpus(ARCHIVE_BRIEFS, project / "seeds", 5, load_registry())
    # As a monitor's archive names its main figures in brief after brief, one
    # person (made here) is named in every generated brief: a profile runs to
    # several pages.
    person = vocabulary.people(random.Random(0), 1)[0]
    for seed in seeds:
        text = seed.read_text("utf-8").rstrip("\n")
        seed.write_text(f"{text}\n\n{person}, {vocabulary.ROLES[0]}, said that talks go on.\n")


@pytest.fixture(scope="session")
def archive_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seed among :data:`ARCHIVE_BRIEFS` generated briefs (made here: generated
    text), built once per run and shared read-only."""
    return shared_site(tmp_path_factory, "archive", [SEED], prepare=_archive)


@pytest.fixture(scope="session")
def two_brief_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seed and a second article, whose pages join them (read-only, shared)."""
    return shared_site(tmp_path_factory, "two-briefs", [SEED, SECOND])
