"""Hand-written reference strings against the output and against the golden files.

The golden files record what the program printed when they were accepted and
``--update-golden`` rewrites them; the entries of ``tests/reference/`` were
written from the style manuals and format specifications, and nothing writes
them. Each entry must hold in the current output and in its golden file, so a
regenerated golden file cannot carry a changed citation unnoticed.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml

from briefing.build import plan
from briefing.config import BuildConfig
from tests.conftest import copy_project
from tests.test_cite_styles import cite_cases, golden_files
from tests.test_citing import seed_downloads, seed_styles
from tests.test_golden import golden_names

HERE = Path(__file__).parent
REFERENCE = HERE / "reference"
FAMILIES = ("seed", "citations", "styles")
"""Each golden folder under tests/golden/, with its reference file of the same name."""

KINDS = ("line", "text", "csl")


@dataclass(frozen=True)
class Entry:
    family: str
    number: int
    fields: dict[str, Any]

    @property
    def file(self) -> str:
        return str(self.fields["file"])

    def __str__(self) -> str:
        return f"{self.family}.yml #{self.number + 1} ({self.file})"


def load(family: str) -> list[Entry]:
    entries = yaml.safe_load((REFERENCE / f"{family}.yml").read_text("utf-8"))
    return [Entry(family, n, fields) for n, fields in enumerate(entries)]


ENTRIES = [entry for family in FAMILIES for entry in load(family)]


def disagreement(entry: Entry, text: str) -> str | None:
    """Why ``text`` (a whole file) does not hold ``entry``, or None if it does."""
    lines = [line.strip() for line in text.splitlines()]
    if "line" in entry.fields:
        expected = entry.fields["line"].strip()
        return None if expected in lines else f"no line reads\n  {expected}"
    if "text" in entry.fields:
        wanted = [line.strip() for line in entry.fields["text"].splitlines()]
        found = any(
            lines[i : i + len(wanted)] == wanted for i in range(len(lines) - len(wanted) + 1)
        )
        return None if found else "these lines do not appear together:\n  " + "\n  ".join(wanted)
    expected = entry.fields["csl"]
    items = {item["id"]: item for item in json.loads(text)}
    got = items.get(expected["id"])
    return None if got == expected else f"item {expected['id']} is\n  {got}\nnot\n  {expected}"


@pytest.fixture(scope="module")
def produced(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, str]]:
    """Family → golden file name → what the program gives for that file now."""
    root = copy_project(tmp_path_factory.mktemp("reference") / "project")
    result = plan(BuildConfig(root=root))
    return {
        "seed": golden_names(result, root),
        "citations": {**seed_downloads(result, root), **seed_styles(result)},
        "styles": golden_files(cite_cases()),
    }


def test_each_entry_says_what_it_follows() -> None:
    for entry in ENTRIES:
        kinds = [kind for kind in KINDS if kind in entry.fields]
        assert len(kinds) == 1, f"{entry}: give one of {KINDS}"
        assert str(entry.fields.get("rule", "")).strip(), f"{entry}: no rule"
        assert str(entry.fields.get("source", "")).strip(), f"{entry}: no source"
        assert (HERE / "golden" / entry.family / entry.file).is_file(), f"{entry}: no such file"


@pytest.mark.parametrize("entry", ENTRIES, ids=str)
def test_the_output_agrees_with_the_reference(
    entry: Entry, produced: dict[str, dict[str, str]]
) -> None:
    problem = disagreement(entry, produced[entry.family][entry.file])
    assert problem is None, f"{entry}: the output disagrees with the reference: {problem}"


@pytest.mark.parametrize("entry", ENTRIES, ids=str)
def test_the_golden_file_agrees_with_the_reference(entry: Entry) -> None:
    golden = (HERE / "golden" / entry.family / entry.file).read_text("utf-8")
    problem = disagreement(entry, golden)
    assert problem is None, f"{entry}: the golden file disagrees with the reference: {problem}"
