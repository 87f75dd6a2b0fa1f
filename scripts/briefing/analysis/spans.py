"""Stretches of a brief's text, looked up by paragraph and offset.

Which characters are already read as something (a place, an organisation,
a citation) is asked once per candidate name. Holding each covered
character would take memory by the character (a brief citing a hundred
thousand sources has millions inside its parentheses); the stretches are
held instead, merged and sorted, and found by bisection.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable


class Spans:
    """Character ranges ``[start, end)`` of numbered paragraphs."""

    def __init__(self, ranges: Iterable[tuple[int, int, int]]) -> None:
        """``ranges``: (paragraph number, start, end) each, in any order, overlapping or not."""
        found: dict[int, list[tuple[int, int]]] = {}
        for paragraph, start, end in ranges:
            if start < end:
                found.setdefault(paragraph, []).append((start, end))
        self._starts: dict[int, list[int]] = {}
        self._ends: dict[int, list[int]] = {}
        for paragraph, stretches in found.items():
            starts: list[int] = []
            ends: list[int] = []
            for start, end in sorted(stretches):
                if ends and start <= ends[-1]:
                    ends[-1] = max(ends[-1], end)
                else:
                    starts.append(start)
                    ends.append(end)
            self._starts[paragraph], self._ends[paragraph] = starts, ends

    def covers(self, paragraph: int, offset: int) -> bool:
        """Whether a range of ``paragraph`` holds the character at ``offset``."""
        starts = self._starts.get(paragraph)
        if not starts:
            return False
        index = bisect.bisect_right(starts, offset) - 1
        return index >= 0 and offset < self._ends[paragraph][index]
