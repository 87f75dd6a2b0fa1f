"""Briefs without a stated date are placed by their volume and issue (the same
estimate the citations use), marked as estimated; every list agrees."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from briefing.build import plan
from briefing.config import BuildConfig
from tests.conftest import write

# Made here: three articles of one volume (2011), two without a stated date.
HEADER = "{title}\n\nPublication: Eurasia Daily Monitor Volume: 8 Issue: {issue}\n\n"
EARLY = HEADER.format(title="Early Issue", issue=20) + "A claim (TASS, January 10).\n"
LATE = HEADER.format(title="Late Issue", issue=212) + "A claim (TASS, May 3).\n"
DATED = HEADER.format(title="Dated In June", issue=120) + "A claim (TASS, June 2).\n"


def project(tmp_path: Path) -> Path:
    write(tmp_path / "seeds" / "early.txt", EARLY)
    write(tmp_path / "seeds" / "late.txt", LATE)
    write(tmp_path / "seeds" / "dated.txt", DATED)
    write(tmp_path / "seeds" / "dated.yml", "date: 2011-06-20\n")
    return tmp_path


def titles_in(text: str) -> list[str]:
    found = re.findall(r"(Early Issue|Late Issue|Dated In June)", text)
    return list(dict.fromkeys(found))


def test_undated_briefs_are_placed_by_their_issue_number(tmp_path: Path) -> None:
    result = plan(BuildConfig(root=project(tmp_path)))
    by_slug = {b.article.slug: b.article for b in result.briefs}
    late, early = by_slug["late-issue"], by_slug["early-issue"]
    assert late.date is None and late.estimated_date is not None
    assert late.estimated_date.month == 11  # issue 212 of about 240 a year
    assert early.estimated_date is not None and early.estimated_date.month == 1
    assert by_slug["dated-in-june"].estimated_date is None  # a stated date needs none
    docs = {
        p.relative_to(tmp_path / "docs").as_posix(): t
        for p, t in result.outputs.items()
        if isinstance(t, str) and p.suffix == ".md" and p.is_relative_to(tmp_path / "docs")
    }
    newest_first = ["Late Issue", "Dated In June", "Early Issue"]
    assert titles_in(docs["index.md"]) == newest_first  # home
    assert titles_in(docs["archive/2011.md"]) == newest_first  # the year's page
    assert "2011 (month and day not stated; about November by its issue number)" in docs["index.md"]
    assert "June 20, 2011" in docs["index.md"]
    # Newer and Older agree with the lists.
    dated = docs["briefs/dated-in-june/index.md"]
    assert re.search(r"Newer: Late Issue", dated) and re.search(r"Older: Early Issue", dated)
    # The merged timeline and profiles take the same order, oldest first.
    assert late.placed_on == late.estimated_date and early.placed_on is not None
    assert early.placed_on < dt.date(2011, 6, 20) < late.placed_on


def test_the_estimate_stays_within_what_the_text_allows(tmp_path: Path) -> None:
    # Made here: issue 20 (January) citing a date in March: placed no earlier than March.
    write(
        tmp_path / "seeds" / "cites-march.txt",
        "Cites March\n\nPublication: Eurasia Daily Monitor Volume: 8 Issue: 20\n\n"
        "A claim (TASS, March 15, 2011).\n",
    )
    (brief,) = plan(BuildConfig(root=tmp_path)).briefs
    assert brief.article.estimated_date == dt.date(2011, 3, 15)
