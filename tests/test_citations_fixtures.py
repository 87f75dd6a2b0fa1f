"""Recall and precision of citation extraction on hand-annotated passages.

Each ``tests/fixtures/citations/<name>.txt`` holds paragraphs separated by
blank lines; ``<name>.json`` gives the article's date (``published`` or
``year``) and the expected citations: paragraph, outlet as written, and ISO
dates, and optionally the article's own ``publication`` (what "see Part
One, March 2" cites). A unit of measure is one (passage, paragraph, outlet,
date); an undated citation (a bare web address) counts once with no date.
Each passage is written for these tests in the style of the genre.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from pathlib import Path

from briefing.citations import DateContext, extract
from tests.citation_helpers import small_registry

FIXTURES = Path(__file__).parent / "fixtures" / "citations"
REGISTRY = small_registry()

Unit = tuple[str, int, str, str | None]


def _context(meta: dict[str, object]) -> DateContext:
    published = meta.get("published")
    year = meta.get("year")
    return DateContext(
        published=dt.date.fromisoformat(published) if isinstance(published, str) else None,
        year=year if isinstance(year, int) else None,
    )


def _units(name: str, paragraph: int, outlet: str, dates: list[str | None]) -> list[Unit]:
    return [(name, paragraph, outlet, date) for date in dates or [None]]


def _found(name: str, text: str, context: DateContext, home: str | None) -> Counter[Unit]:
    units: Counter[Unit] = Counter()
    paragraphs = [p for p in text.split("\n\n") if p.strip()]
    for number, paragraph in enumerate(paragraphs, start=1):
        for citation in (
            c
            for p in extract(paragraph, number, context, REGISTRY, home=home).parentheticals
            for c in p.citations
        ):
            dates = [d.iso for d in citation.dates]
            units.update(_units(name, number, citation.outlet_text, dates))
    return units


def _expected(name: str, meta: dict[str, object]) -> Counter[Unit]:
    units: Counter[Unit] = Counter()
    citations = meta["citations"]
    assert isinstance(citations, list)
    for entry in citations:
        units.update(_units(name, entry["paragraph"], entry["outlet"], entry["dates"]))
    return units


def measure() -> tuple[float, float, Counter[Unit], Counter[Unit]]:
    """Recall and precision over all fixtures, with the missed and spurious units."""
    found: Counter[Unit] = Counter()
    expected: Counter[Unit] = Counter()
    for path in sorted(FIXTURES.glob("*.txt")):
        meta = json.loads(path.with_suffix(".json").read_text("utf-8"))
        home = meta.get("publication")
        home = home if isinstance(home, str) else None
        found += _found(path.stem, path.read_text("utf-8"), _context(meta), home)
        expected += _expected(path.stem, meta)
    hits = sum((found & expected).values())
    recall = hits / sum(expected.values())
    precision = hits / sum(found.values()) if found else 1.0
    return recall, precision, expected - found, found - expected


def test_fixture_recall_and_precision() -> None:
    recall, precision, missed, spurious = measure()
    print(f"\ncitation fixtures: recall {recall:.1%}, precision {precision:.1%}")
    assert sorted(missed) == [], "missed"
    assert sorted(spurious) == [], "spurious"
    assert (recall, precision) == (1.0, 1.0)
