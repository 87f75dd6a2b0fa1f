"""A seed of many thousand citations is read in time and memory linear in its size.

Timing belongs to the benchmark (``make bench``, its big seed); these tests
check the structures that keep the work linear: what is looked up per
sentence is found among its paragraph's alone, and covered text is held by
the stretch, not by the character.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from briefing.analysis.claims import find_claims
from briefing.analysis.entities import Named, find_entities
from briefing.analysis.gazetteer import load_gazetteer
from briefing.analysis.spans import Spans
from briefing.bench.bigseed import big_seed_sizes, big_seed_table, measure_big_seed
from briefing.bench.corpus import big_article, seed_text
from briefing.build import build, read_article
from briefing.build.cache import _entry_line, _line
from briefing.citations.registry import load_registry
from briefing.config import BuildConfig
from briefing.input.publications import load_publications
from briefing.model import Article
from briefing.render import memo
from tests.conftest import ROOT, SECOND, SEED, copy_project

RANGES = st.lists(st.tuples(st.integers(0, 3), st.integers(0, 60), st.integers(0, 60)), max_size=12)


@given(RANGES)
def test_spans_cover_exactly_the_characters_of_their_ranges(ranges: list[tuple[int, ...]]) -> None:
    spans = Spans((p, start, end) for p, start, end in ranges)
    covered = {(p, i) for p, start, end in ranges for i in range(start, end)}
    for paragraph in range(5):
        for offset in range(-1, 62):
            assert spans.covers(paragraph, offset) == ((paragraph, offset) in covered)


def big(tmp_path: Path, citations: int) -> Article:
    """A generated article of ``citations`` cited sentences (made here)."""
    registry = load_registry()
    seed = tmp_path / "big.txt"
    seed.write_text(seed_text(big_article(citations, 3, registry)), encoding="utf-8")
    return read_article(seed, tmp_path, registry, load_publications())


class Counted(tuple):  # type: ignore[type-arg]
    """A tuple that counts how often it is gone through."""

    passes = 0

    def __iter__(self) -> Iterator[object]:
        Counted.passes += 1
        return super().__iter__()


def test_claims_go_through_the_mentions_once_not_once_per_sentence(tmp_path: Path) -> None:
    article = big(tmp_path, 200)
    named = find_entities(article, load_gazetteer())
    assert len(named.mentions) > 20
    counted = replace(named, mentions=Counted(named.mentions))
    Counted.passes = 0
    claims = find_claims(article, counted)
    assert len(claims) == 200
    assert Counted.passes == 1
    assert claims == find_claims(article, named)


def test_the_big_seed_is_read_whole(tmp_path: Path) -> None:
    article = big(tmp_path, 300)
    assert len(article.citations) == 300
    assert all(c.outlet is not None for c in article.citations)
    assert article.warnings == ()
    assert isinstance(find_entities(article, load_gazetteer()), Named)


def test_a_memo_too_long_is_left_out_with_a_note_and_no_link(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = copy_project(tmp_path / "project", [SEED, SECOND])
    small = min(len(s.read_text("utf-8")) for s in (SEED, SECOND))
    monkeypatch.setattr(memo, "MEMO_LARGEST", small * 2)  # the longer article's memo is over
    result = build(BuildConfig(root=project))
    made = {p.name for p in (project / "docs" / "briefs").rglob("*.docx")}
    assert len(made) == 1 and len(result.briefs) == 2
    (left,) = [b.article for b in result.briefs if f"{b.article.slug}.docx" not in made]
    overview = (project / "docs" / "briefs" / left.slug / "index.md").read_text("utf-8")
    assert ".docx" not in overview
    (note,) = [n for n in result.notes if "no memo document" in n]
    assert note.startswith(f"{left.source}: ") and "more than the" in note
    assert result.failed == ()


def test_the_bench_builds_one_big_seed_and_records_time_and_memory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("BENCH_BIG_SEED", "100000,0,120")
    assert big_seed_sizes() == [100000, 120]
    env = {**os.environ, "PYTHONPATH": str(ROOT / "scripts")}
    figures = measure_big_seed(120, ROOT, tmp_path / "big", 1, env)
    assert figures["citations"] == 120 and figures["seed_bytes"] > 120 * 40
    assert (
        figures["build_s"] > 0 and figures["peak_rss_mb"] > figures["build_process_peak_rss_mb"] > 0
    )
    docs = tmp_path / "big" / "docs" / "briefs"
    assert len(list(docs.glob("*/index.md"))) == 1
    assert "| 120 |" in big_seed_table({"120": figures})


@given(
    st.text(),
    st.lists(st.lists(st.one_of(st.text(), st.integers(), st.none()), max_size=4), max_size=5),
    st.lists(st.one_of(st.text(), st.integers(), st.booleans()), max_size=4),
)
def test_a_seed_cache_entry_written_in_pieces_is_its_line(
    key: str, rows: list[list[object]], value: list[object]
) -> None:
    pieces = list(_entry_line(key, [rows, value]))
    assert b"".join(pieces) == _line([key, [rows, value]])
    assert len(pieces) == len(rows) + 2  # a row at a time, never the whole text
