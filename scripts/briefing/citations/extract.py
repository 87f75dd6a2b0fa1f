"""Extract a paragraph's parentheticals and citations: the public entry point.

Every top-level parenthetical of the paragraph is returned exactly once, in
order, classified by :mod:`.classify`. Unmistakable web addresses in the
running text (``see the statement at site.ru/page.html``) are returned too,
as citations with reason "web address". Anything a reader should check (an
unclosed "(", an impossible date) is a :class:`Problem`; extraction never
raises on text.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from ..model import Citation, Parenthetical, ParentheticalKind
from ..sources import Registry
from .classify import Found, Verdict, classify
from .dates import DateContext
from .reasons import Reason
from .scan import Span, scan
from .web import find_addresses


@dataclass(frozen=True)
class Problem:
    """Something a reader of the seed should look at: an offset and a message."""

    offset: int
    message: str


@dataclass(frozen=True)
class Extraction:
    """The parentheticals of a paragraph, in text order, and the problems found."""

    parentheticals: tuple[Parenthetical, ...]
    problems: tuple[Problem, ...]


def extract(text: str, paragraph: int, context: DateContext, registry: Registry) -> Extraction:
    """Every parenthetical of ``text`` (paragraph number ``paragraph``), classified."""
    found = scan(text)
    parentheticals: list[Parenthetical] = []
    problems: list[Problem] = []
    for span in found.balanced:
        before = text[span.start - 1] if span.start else ""
        after = text[span.end] if span.end < len(text) else ""
        inner = text[span.start + 1 : span.end - 1]
        verdict = classify(inner, before, after, context, registry)
        parentheticals.append(_parenthetical(text, span, paragraph, verdict, registry))
        problems.extend(
            Problem(span.start, f"impossible date {date!r} in {text[span.start:span.end]!r}")
            for date in verdict.impossible
        )
    for span in found.unclosed:
        raw = text[span.start : span.end]
        parentheticals.append(
            Parenthetical(raw, span.start, span.end, ParentheticalKind.TEXT, Reason.UNCLOSED)
        )
        message = f"unbalanced parenthesis: '(' is never closed: {raw[:60]!r}"
        problems.append(Problem(span.start, message))
    parentheticals.extend(_running_addresses(text, found.balanced, paragraph, registry))
    parentheticals.sort(key=lambda p: (p.start, p.end))
    return Extraction(tuple(parentheticals), tuple(problems))


def _parenthetical(
    text: str, span: Span, paragraph: int, verdict: Verdict, registry: Registry
) -> Parenthetical:
    raw = text[span.start : span.end]
    citations = tuple(
        citation
        for item in verdict.found
        for citation in _citations(item, raw, span, paragraph, registry)
    )
    return Parenthetical(raw, span.start, span.end, verdict.kind, verdict.reason, citations)


def _citations(
    found: Found, raw: str, span: Span, paragraph: int, registry: Registry
) -> list[Citation]:
    return [
        Citation(
            outlet_text=name,
            outlet=registry.resolve(name),
            dates=tuple(found.dates),
            raw=raw,
            paragraph=paragraph,
            start=span.start,
            end=span.end,
            url=found.url if len(found.part.outlets) == 1 else None,
            title=found.part.title,
            note=found.part.note,
        )
        for name in found.part.outlets
    ]


def _running_addresses(
    text: str, balanced: tuple[Span, ...], paragraph: int, registry: Registry
) -> list[Parenthetical]:
    inside = _Inside(balanced)
    result: list[Parenthetical] = []
    for start, end in find_addresses(text):
        if inside(start):
            continue
        address = text[start:end]
        citation = Citation(
            address, registry.resolve(address), (), address, paragraph, start, end, url=address
        )
        result.append(
            Parenthetical(
                address, start, end, ParentheticalKind.CITATION, Reason.WEB_ADDRESS, (citation,)
            )
        )
    return result


class _Inside:
    """Whether an offset falls inside one of the (sorted, disjoint) spans."""

    def __init__(self, spans: tuple[Span, ...]) -> None:
        self._starts = [s.start for s in spans]
        self._spans = spans

    def __call__(self, offset: int) -> bool:
        index = bisect_right(self._starts, offset) - 1
        return index >= 0 and offset < self._spans[index].end
