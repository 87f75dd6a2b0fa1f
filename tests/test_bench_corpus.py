"""The synthetic corpus: deterministic, and every citation it writes is found."""

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from briefing.bench.corpus import generate, seed_text, write_corpus
from briefing.build import plan, read_article
from briefing.citations.registry import load_registry
from briefing.cli import main
from briefing.config import BuildConfig
from briefing.input.publications import load_publications
from briefing.model import Article


def test_same_seed_same_corpus(tmp_path: Path) -> None:
    registry = load_registry()
    first = write_corpus(12, tmp_path / "a", 7, registry)
    second = write_corpus(12, tmp_path / "b", 7, registry)
    assert [p.read_bytes() for p in first] == [p.read_bytes() for p in second]
    other = [seed_text(a) for a in generate(12, 8, registry)]
    assert [p.read_text("utf-8") for p in first] != other


def written_and_read(folder: Path, count: int, seed: int) -> Iterator[tuple[Any, Article]]:
    """Each generated article, and what reading its written seed gives back."""
    registry, publications = load_registry(), load_publications()
    write_corpus(count, folder, seed, registry)
    for article in generate(count, seed, registry):
        yield article, read_article(folder / f"{article.name}.txt", folder, registry, publications)


def test_every_generated_citation_is_found(tmp_path: Path) -> None:
    for article, parsed in written_and_read(tmp_path, 40, 11):
        expected = [c.raw for c in article.citations]
        assert [c.raw for c in parsed.citations] == expected, article.name
        assert all(c.outlet is not None for c in parsed.citations), article.name
        assert parsed.warnings == (), article.name
        assert parsed.volume == article.volume and parsed.issue == article.issue


def test_corpus_has_genre_shapes(tmp_path: Path) -> None:
    articles = list(generate(60, 3, load_registry()))
    raws = [c.raw for a in articles for c in a.citations]
    assert any(raw.startswith("(www.") for raw in raws)
    assert any(c.with_year for a in articles for c in a.citations)
    assert any(not c.with_year for a in articles for c in a.citations)
    for article in articles:
        assert 5 <= len(article.paragraphs) <= 12
        assert 5 <= len(article.citations) <= 30
        for paragraph in article.paragraphs:
            assert 60 <= sum(len(s.text.split()) for s in paragraph) <= 200
    assert 0 < sum(a.has_sidecar for a in articles) < len(articles)


def test_cli_writes_a_corpus_that_builds(tmp_path: Path) -> None:
    assert main(["bench", "corpus", "5", str(tmp_path / "seeds"), "--seed", "2"]) == 0
    assert len(list((tmp_path / "seeds").glob("*.txt"))) == 5
    result = plan(BuildConfig(root=tmp_path, strict=True))
    assert len(result.briefs) == 5


def test_generated_years_are_inferred_right(tmp_path: Path) -> None:
    for article, parsed in written_and_read(tmp_path, 30, 5):
        written = [c.date.isoformat() for c in article.citations]
        assert [c.dates[0].iso for c in parsed.citations] == written, article.name
