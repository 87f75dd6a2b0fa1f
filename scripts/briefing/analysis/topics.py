"""Topics of a brief, from a configurable lexicon (``data/topics.yml``).

A topic applies when its cue words occur at least ``threshold`` times in
the brief's text, citations excluded. Topics become Material tags in the
overview's front matter; a sidecar's ``tags`` add to them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ..errors import DataFileError
from ..model import Article
from ..yamlfile import LineDict, load_yaml, read_data_file
from .claims import plain_text

DEFAULT_LEXICON = "topics.yml"

DEFAULT_THRESHOLD = 2
"""Cue occurrences a brief needs for a topic when the file does not say."""


@dataclass(frozen=True)
class Lexicon:
    """Each topic with the compiled pattern of its cues, and the threshold."""

    topics: tuple[tuple[str, re.Pattern[str]], ...]
    threshold: int = DEFAULT_THRESHOLD


def cue_pattern(cues: list[str]) -> re.Pattern[str]:
    """Whole-word, case-insensitive alternation; a trailing ``*`` allows any ending."""
    parts = [
        re.escape(cue[:-1]) + r"[\w-]*" if cue.endswith("*") else re.escape(cue) for cue in cues
    ]
    return re.compile(r"(?<![\w-])(?:" + "|".join(parts) + r")(?![\w-])", re.IGNORECASE)


def load_lexicon(path: Path | None = None) -> Lexicon:
    """Load and validate the topic lexicon (the packaged one when ``path`` is None)."""
    name, text = read_data_file(DEFAULT_LEXICON, path)
    data = load_yaml(text, name, DataFileError)
    if not isinstance(data, LineDict) or not isinstance(data.get("topics"), LineDict):
        raise DataFileError(name, "expected a mapping with 'topics' (topic: list of cues)")
    for key in sorted(set(data) - {"topics", "threshold"}):
        raise DataFileError(name, f"unknown key '{key}'", data.line_of(key))
    threshold = data.get("threshold", DEFAULT_THRESHOLD)
    if not isinstance(threshold, int) or isinstance(threshold, bool) or threshold < 1:
        raise DataFileError(
            name, "'threshold' must be a positive whole number", data.line_of("threshold")
        )
    topics = data["topics"]
    for topic, cues in topics.items():
        if (
            not isinstance(cues, list)
            or not cues
            or not all(isinstance(c, str) and c.strip("*") for c in cues)
        ):
            raise DataFileError(
                name, f"topic '{topic}': expected a list of cue words", topics.line_of(topic)
            )
    return Lexicon(tuple((t, cue_pattern(c)) for t, c in topics.items()), threshold)


def find_topics(article: Article, lexicon: Lexicon) -> tuple[str, ...]:
    """The lexicon's topics the brief is about, then the sidecar's tags, each once."""
    text = "\n".join(plain_text(p, 0, len(p.text)) for p in article.paragraphs)
    found = [t for t, cue in lexicon.topics if len(cue.findall(text)) >= lexicon.threshold]
    return tuple(dict.fromkeys([*found, *article.tags]))
