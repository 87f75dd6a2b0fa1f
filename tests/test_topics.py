"""Topics from the lexicon become the overview's tags: front matter, and links to the tag pages."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from briefing.analysis.topics import find_topics, load_lexicon
from briefing.build import plan, read_article
from briefing.citations.registry import load_registry
from briefing.config import BuildConfig
from briefing.errors import DataFileError
from briefing.input.publications import load_publications
from tests.conftest import write

ARTICLE = textwrap.dedent("""\
    Oil and Arms

    Publication: Eurasia Daily Monitor Volume: 8 Issue: 1

    Moscow sells arms and weapons to Tehran (Sanctions Weekly, May 2). Oil is mentioned once.
    """)


def lexicon(tmp_path: Path, text: str) -> Path:
    return write(tmp_path / "topics.yml", textwrap.dedent(text))


def test_a_topic_needs_threshold_cues_outside_citations(tmp_path: Path) -> None:
    seed = write(tmp_path / "a.txt", ARTICLE)
    article = read_article(seed, tmp_path, load_registry(), load_publications())
    path = lexicon(
        tmp_path,
        """\
        threshold: 2
        topics:
          Arms trade: [arms, weapon*]
          Energy: [oil]
          Sanctions: [sanction*]
        """,
    )
    assert find_topics(article, load_lexicon(path)) == ("Arms trade",)


def test_sidecar_tags_add_to_topics(project: Path) -> None:
    seed = next((project / "seeds").glob("*.txt"))
    write(seed.with_suffix(".yml"), "tags: [Caspian, Nuclear]\n")
    (brief,) = plan(BuildConfig(root=project)).briefs
    assert brief.topics[-1] == "Caspian" and brief.topics.count("Nuclear") == 1
    overview = next(
        t
        for p, t in plan(BuildConfig(root=project)).outputs.items()
        if p.name == "index.md" and p.parent.parent.name == "briefs"
    )
    assert "\ntags:\n" in overview and '  - "Caspian"\n' in overview


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("topics:\n  Energy: oil\n", r"topics.yml:2: topic 'Energy': expected a list"),
        ("threshold: 0\ntopics: {}\n", r"topics.yml:1: 'threshold' must be a positive"),
        ("topics: {}\nlimit: 3\n", r"topics.yml:2: unknown key 'limit'"),
    ],
)
def test_lexicon_errors_name_file_key_and_line(tmp_path: Path, text: str, message: str) -> None:
    with pytest.raises(DataFileError, match=message):
        load_lexicon(lexicon(tmp_path, text))
