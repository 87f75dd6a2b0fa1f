"""The overview's bottom line: the sidecar's summary, else an extractive rule."""

from __future__ import annotations

from pathlib import Path

from briefing.build import plan
from briefing.config import BuildConfig
from tests.conftest import write


def test_automatic_bottom_line_is_the_opening_thesis_standing_alone(project: Path) -> None:
    (brief,) = plan(BuildConfig(root=project)).briefs
    assert brief.bottom_line_automatic
    assert brief.bottom_line.startswith("Closer examination of recent Russo-Iranian relations")
    assert "(" not in brief.bottom_line


def test_sidecar_summary_wins(project: Path) -> None:
    seed = next((project / "seeds").glob("*.txt"))
    write(seed.with_suffix(".yml"), "summary: Moscow and Tehran draw closer.\n")
    (brief,) = plan(BuildConfig(root=project)).briefs
    assert (brief.bottom_line, brief.bottom_line_automatic) == (
        "Moscow and Tehran draw closer.",
        False,
    )
