"""Find the top-level parentheticals of a paragraph, with their offsets.

Parentheses are matched the usual way (each ")" closes the nearest open
"("); a nested pair belongs to the parenthetical around it. A "(" that is
never closed is reported separately and does not swallow the text after it:
balanced parentheticals later in the paragraph are still found. Unclosed
"(" in a row (with no balanced parenthetical between them) are one run. A ")" with
no "(" (an enumeration such as "1) ... 2) ...") is ignored.

The scan is a single pass over the text, linear in its length.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

PARENTHESIS = re.compile(r"[()]")
"""An opening or closing parenthesis."""


@dataclass(frozen=True)
class Span:
    """A stretch of the paragraph: ``text[start:end]``."""

    start: int
    end: int


@dataclass(frozen=True)
class Unclosed(Span):
    """A run of ``count`` unclosed "(", the first at ``start``."""

    count: int = 1


@dataclass(frozen=True)
class Scan:
    """Balanced top-level parentheticals (``(`` to ``)`` inclusive) and the
    spans opened by a ``(`` that is never closed, both in text order."""

    balanced: tuple[Span, ...]
    unclosed: tuple[Unclosed, ...]


def scan(text: str) -> Scan:
    """The parentheticals of ``text``."""
    open_at: list[int] = []
    pairs: list[tuple[int, int]] = []
    for match in PARENTHESIS.finditer(text):
        index = match.start()
        if match.group() == "(":
            open_at.append(index)
        elif open_at:
            pairs.append((open_at.pop(), index + 1))
    balanced = _outermost(pairs)
    return Scan(balanced, _unclosed(text, open_at, balanced))


def _outermost(pairs: list[tuple[int, int]]) -> tuple[Span, ...]:
    # Pairs close in order of their ends; an outer pair closes after the
    # pairs inside it, so walking backwards keeps each outermost pair.
    kept: list[tuple[int, int]] = []
    for start, end in reversed(pairs):
        if not kept or end <= kept[-1][0]:
            kept.append((start, end))
    return tuple(Span(start, end) for start, end in reversed(kept))


def _unclosed(text: str, positions: list[int], balanced: tuple[Span, ...]) -> tuple[Unclosed, ...]:
    # Unclosed "(" with no balanced parenthetical between them form one run,
    # reported once; it ends where the next balanced parenthetical starts.
    starts = [s.start for s in balanced]
    runs: dict[int, list[int]] = {}
    for position in positions:
        runs.setdefault(bisect_right(starts, position), []).append(position)
    return tuple(
        Unclosed(run[0], starts[after] if after < len(starts) else len(text), len(run))
        for after, run in runs.items()
    )


QUOTE_OR_BRACKET = re.compile(r"[\[(“”«»\"]")
"""A character that may protect a separator: a bracket or a double quote."""

OPENING_QUOTES = "“«"
CLOSING_QUOTES = "”»"
STRAIGHT_QUOTE = '"'


def split_outside(text: str, separator: str) -> list[str]:
    """``text`` split at ``separator`` where it is outside quotes and brackets.

    ``“Title, With a Comma,” EDM, July 9`` splits at the last comma only. If
    the quotes do not pair up, quoting is ignored rather than swallowing the
    rest of the text.
    """
    parts = _split(text, separator, quotes=True)
    return parts if parts is not None else _split(text, separator, quotes=False) or [text]


def _split(text: str, separator: str, *, quotes: bool) -> list[str] | None:
    if not QUOTE_OR_BRACKET.search(text):
        return text.split(separator)
    parts: list[str] = []
    depth, quoted, straight, last = 0, 0, False, 0
    for index, char in enumerate(text):
        if char in "[(":
            depth += 1
        elif char in "])":
            depth = max(0, depth - 1)
        elif quotes and char in OPENING_QUOTES:
            quoted += 1
        elif quotes and char in CLOSING_QUOTES:
            quoted = max(0, quoted - 1)
        elif quotes and char == STRAIGHT_QUOTE:
            straight = not straight
        elif char == separator and depth == 0 and quoted == 0 and not straight:
            parts.append(text[last:index])
            last = index + 1
    if quoted or straight:
        return None
    parts.append(text[last:])
    return parts
