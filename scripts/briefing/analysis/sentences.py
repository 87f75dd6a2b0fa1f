"""Sentences of a paragraph, and the automatic bottom line.

The automatic bottom line is extractive and documented: the first sentence
of the first paragraph that states a finding (it carries one of
:data:`THESIS_CUES`), else the first paragraph's first sentence, without
an opening connective (:data:`LEADING_CONNECTIVE`). A sidecar ``summary``
always wins.
"""

from __future__ import annotations

import functools
import re

from ..model import Article

SENTENCE_END = re.compile(
    r"(?=[.!?])(?<!\b[A-Z])(?<!\be\.g)(?<!\bi\.e)(?<!\bvs)(?<!\bMr)(?<!\bDr)(?<!\bSt)"
    r"[.!?][”\"’')\]]*\s+(?=[“\"‘'(]?[A-Z0-9])"
)
"""The end of a sentence: ``.``, ``!`` or ``?`` (and closing quotes) before a capital.

Initials (``U.S.``, ``J.``) and common abbreviations do not end a sentence."""

THESIS_CUES = re.compile(
    r"\b(?:indicates?|suggests?|shows?|in fact|clearly|evidently|therefore|thus|"
    r"means that|it is clear|the result is|points to)\b",
    re.IGNORECASE,
)
"""Words by which an analyst's sentence states a finding rather than background."""


LEADING_CONNECTIVE = re.compile(r"^(?:But|And|Yet|So|However|Still|Indeed|Thus|Moreover),?\s+")
"""A word tying a sentence to the one before (``But closer examination…``)."""


def split_sentences(text: str) -> list[str]:
    """The sentences of ``text``, each stripped, none empty."""
    sentences, start = [], 0
    for match in SENTENCE_END.finditer(text):
        end = match.end()
        sentences.append(text[start:end].strip())
        start = end
    sentences.append(text[start:].strip())
    return [s for s in sentences if s]


def bottom_line(article: Article) -> tuple[str, bool]:
    """The bottom line and whether it was chosen automatically."""
    if article.summary:
        return article.summary, False
    if not article.paragraphs:
        return article.title, True
    first = split_sentences(_without_citations(article))
    thesis = next((s for s in first if THESIS_CUES.search(s)), first[0] if first else article.title)
    return _standalone(thesis), True


def _standalone(sentence: str) -> str:
    """The sentence without an opening connective, so it reads on its own."""
    rest = LEADING_CONNECTIVE.sub("", sentence, count=1)
    return rest[:1].upper() + rest[1:] if rest and rest != sentence else sentence


def _without_citations(article: Article) -> str:
    paragraph = article.paragraphs[0]
    text = paragraph.text
    for p in reversed(paragraph.parentheticals):
        if p.citations and p.raw.startswith("("):
            text = text[: p.start].rstrip() + text[p.end :]
    return text


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` offsets of each sentence of ``text``, white space excluded."""
    return list(_sentence_spans(text))


@functools.lru_cache(maxsize=4096)
def _sentence_spans(text: str) -> tuple[tuple[int, int], ...]:
    # Several analyses split the same paragraph; split it once.
    spans, start = [], 0
    for match in SENTENCE_END.finditer(text):
        spans.append((start, match.start() + len(match.group().rstrip())))
        start = match.end()
    spans.append((start, len(text.rstrip())))
    return tuple((s, e) for s, e in spans if e > s)


WHITESPACE_RUN = re.compile(r"\s+")
"""Runs of white space, collapsed to one space in excerpts."""
