"""A synthetic corpus of articles in the seed genre, for measuring scale.

:func:`generate` draws articles from a seeded random generator, so a seed
always gives the same corpus. Outlets come from the outlet registry and a
pool of people is shared across articles, as in a real monitor's archive.
Citations use only the shapes the citation extractor reads today:
``(Outlet, Month Day)``, ``(Outlet, Month Day, Year)`` and
``(www.site.ru, Month Day)``.
"""

from __future__ import annotations

import calendar
import datetime as dt
import random
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ..citations.registry import Registry, web_host
from . import vocabulary

PUBLICATION = "Eurasia Daily Monitor"
ISSUES_PER_YEAR = 240
"""Issues a year of the synthetic publication, as for EDM."""

FIRST_YEAR = 2004
"""The year of the publication's volume 1 (as in data/publications.yml)."""

BIG_PARAGRAPH = 8
"""Cited sentences in each paragraph of :func:`big_article`."""


@dataclass(frozen=True)
class CitedSource:
    """One generated citation: the outlet as written and the date."""

    outlet: str
    date: dt.date
    with_year: bool

    @property
    def when(self) -> str:
        text = f"{calendar.month_name[self.date.month]} {self.date.day}"
        return f"{text}, {self.date.year}" if self.with_year else text

    @property
    def raw(self) -> str:
        return f"({self.outlet}, {self.when})"


@dataclass(frozen=True)
class Sentence:
    text: str
    citation: CitedSource | None = None


@dataclass(frozen=True)
class SyntheticArticle:
    """A generated article, before it is written in any format."""

    name: str
    title: str
    volume: int
    issue: int
    published: dt.date
    author: str | None
    has_sidecar: bool
    paragraphs: tuple[tuple[Sentence, ...], ...]

    @property
    def citations(self) -> tuple[CitedSource, ...]:
        return tuple(s.citation for p in self.paragraphs for s in p if s.citation)


def outlet_spellings(registry: Registry) -> tuple[str, ...]:
    """How the registry's outlets may be written: names, aliases and ``www.`` hosts.

    Spellings with a comma or a parenthesis (``X (Twitter)``) are left out:
    inside a citation's parentheses they read as something else.
    """
    names: list[str] = []
    for outlet in registry.outlets:
        names.extend(n for n in (outlet.name, *outlet.aliases) if not any(c in n for c in ",()"))
        host = web_host(outlet.url) if outlet.url else None
        if host:
            names.append(f"www.{host}")
    return tuple(names)


def generate(count: int, seed: int, registry: Registry) -> Iterator[SyntheticArticle]:
    """``count`` articles, the same ones for the same ``seed`` and registry."""
    rng = random.Random(seed)
    outlets = outlet_spellings(registry)
    people = vocabulary.people(rng, 80)
    for index in range(count):
        yield _article(rng, index, outlets, people)


def _article(
    rng: random.Random, index: int, outlets: tuple[str, ...], people: tuple[str, ...]
) -> SyntheticArticle:
    volume = rng.randint(5, 14)
    year = FIRST_YEAR + volume - 1
    published = dt.date(year, 1, 1) + dt.timedelta(days=rng.randint(30, 360))
    # Issues come out at the rate the publications data file gives.
    issue = max(1, published.timetuple().tm_yday * ISSUES_PER_YEAR // 365)
    cited = [_citation(rng, outlets, published) for _ in range(rng.randint(5, 30))]
    paragraphs = [_paragraph(rng, people) for _ in range(rng.randint(5, 12))]
    # Each citation gets a sentence of its own, so none overwrites another.
    slots = [(p, s) for p, sentences in enumerate(paragraphs) for s in range(len(sentences))]
    for citation, (p, s) in zip(
        cited, rng.sample(slots, min(len(cited), len(slots))), strict=False
    ):
        paragraphs[p][s] = Sentence(paragraphs[p][s].text, citation)
    return SyntheticArticle(
        name=f"edm-{year}-{volume}-{issue}-{index:05d}",
        title=vocabulary.title(rng, people),
        volume=volume,
        issue=issue,
        published=published,
        author=rng.choice(people),
        has_sidecar=rng.random() < 0.3,
        paragraphs=tuple(tuple(p) for p in paragraphs),
    )


def big_article(citations: int, seed: int, registry: Registry) -> SyntheticArticle:
    """One article of ``citations`` short sentences, each citing a source.

    A seed of tens of thousands of parentheticals (a long digest of the
    press, say) must convert in time and memory linear in its size; this is
    the article the benchmark measures that with. Its sentences are short
    so that 100,000 citations fit under the seed size limit."""
    rng = random.Random(seed)
    outlets, people = outlet_spellings(registry), vocabulary.people(rng, 80)
    published = dt.date(FIRST_YEAR + 9, 12, 20)
    paragraphs: list[tuple[Sentence, ...]] = []
    while len(paragraphs) * BIG_PARAGRAPH < citations:
        size = min(BIG_PARAGRAPH, citations - len(paragraphs) * BIG_PARAGRAPH)
        paragraphs.append(
            tuple(
                Sentence(vocabulary.clause(rng, people), _citation(rng, outlets, published))
                for _ in range(size)
            )
        )
    return SyntheticArticle(
        name=f"digest-{citations}",
        title=vocabulary.title(rng, people),
        volume=10,
        issue=ISSUES_PER_YEAR,
        published=published,
        author=None,
        has_sidecar=False,
        paragraphs=tuple(paragraphs),
    )


def _citation(rng: random.Random, outlets: tuple[str, ...], published: dt.date) -> CitedSource:
    """A source cited before ``published``; one in five gives the (earlier) year."""
    with_year = rng.random() < 0.2
    days = rng.randint(370, 700) if with_year else rng.randint(0, 300)
    return CitedSource(rng.choice(outlets), published - dt.timedelta(days=days), with_year)


def _paragraph(rng: random.Random, people: tuple[str, ...]) -> list[Sentence]:
    """Sentences of 60 to 200 words in all."""
    target, words, sentences = rng.randint(60, 185), 0, []
    while words < target:
        text = vocabulary.sentence(rng, people, min(25, max(6, target - words)))
        sentences.append(Sentence(text))
        words += len(text.split())
    return sentences


def seed_text(article: SyntheticArticle) -> str:
    """The article in the seed format, citations inline before each sentence's full stop."""
    header = (
        f"{article.title}\n\n"
        f"Publication: {PUBLICATION} Volume: {article.volume} Issue: {article.issue}\n\n"
        f"(Source: {vocabulary.CREDIT})\n"
    )
    body = "\n\n".join(
        " ".join(_cited(s.text, s.citation.raw if s.citation else "") for s in paragraph)
        for paragraph in article.paragraphs
    )
    return f"{header}\n{body}\n"


def _cited(sentence: str, note: str) -> str:
    return f"{sentence[:-1]} {note}." if note else sentence


def sidecar_text(article: SyntheticArticle) -> str:
    return f"author: {article.author}\ndate: {article.published.isoformat()}\n"


def write_corpus(count: int, directory: Path, seed: int, registry: Registry) -> list[Path]:
    """Write ``count`` seeds (and some sidecars) into ``directory``; the seed paths."""
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for article in generate(count, seed, registry):
        path = directory / f"{article.name}.txt"
        path.write_text(seed_text(article), encoding="utf-8")
        if article.has_sidecar:
            path.with_suffix(".yml").write_text(sidecar_text(article), encoding="utf-8")
        written.append(path)
    return written
