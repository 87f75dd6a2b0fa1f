"""Extract a paragraph's parentheticals and citations: the public entry point.

Every top-level parenthetical of the paragraph is returned exactly once, in
order, classified by :mod:`.classify`. Unmistakable web addresses in the
running text (``see the statement at site.ru/page.html``) are returned too,
as citations with reason "web address". Anything a reader should check (an
unclosed "(", an impossible date, a date whose outlet was lost in copying, a
dated source part not read beside the sources cited) is a :class:`Problem`;
extraction never raises on text.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from ..model import Citation, Parenthetical, ParentheticalKind
from .classify import Found, Verdict, classify
from .dates import DateContext
from .outlets import CachedResolver, Resolver
from .reasons import Reason
from .registry import OutletLookup
from .scan import Span, Unclosed, scan
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


def extract(
    text: str,
    paragraph: int,
    context: DateContext,
    registry: OutletLookup,
    *,
    home: str | None = None,
) -> Extraction:
    """Every parenthetical of ``text`` (paragraph number ``paragraph``), classified.

    ``home`` is the name of the article's own publication: a dated pointer
    to it that does not name it (``see Part One, October 3``) cites it.
    """
    resolver = CachedResolver(registry, home)
    found = scan(text)
    parentheticals: list[Parenthetical] = []
    problems: list[Problem] = []
    verdicts: dict[tuple[str, bool], Verdict] = {}  # the same parenthetical, read once
    for span in found.balanced:
        inner = text[span.start + 1 : span.end - 1]
        before = text[span.start - 1] if span.start else ""
        after = text[span.end] if span.end < len(text) else ""
        key = (inner, before.isalpha() or after.isalpha())
        if key not in verdicts:
            verdicts[key] = classify(inner, before, after, context, resolver)
        verdict = verdicts[key]
        parentheticals.append(_parenthetical(text, span, paragraph, verdict, resolver))
        problems.extend(
            Problem(span.start, f"impossible date {date!r} in {text[span.start : span.end]!r}")
            for date in verdict.impossible
        )
        problems.extend(
            Problem(
                span.start,
                f"lost source: {segment!r} in {text[span.start : span.end]!r} has a date but "
                "no outlet (a copy of the page dropped the outlet's name); not cited",
            )
            for segment in verdict.lost
        )
        problems.extend(
            Problem(
                span.start,
                f"unread source: {segment!r} in {text[span.start : span.end]!r} has a date but "
                "was not read as an outlet, unlike the sources beside it; not cited",
            )
            for segment in verdict.unread
        )
    for run in found.unclosed:
        parentheticals.append(_unclosed(text, run))
        problems.append(Problem(run.start, _unclosed_message(text, run)))
    parentheticals.extend(_running_addresses(text, found.balanced, paragraph, resolver))
    parentheticals.sort(key=lambda p: (p.start, p.end))
    return Extraction(tuple(parentheticals), tuple(problems))


def _unclosed(text: str, run: Unclosed) -> Parenthetical:
    raw = text[run.start : run.end]
    return Parenthetical(raw, run.start, run.end, ParentheticalKind.TEXT, Reason.UNCLOSED)


def _unclosed_message(text: str, run: Unclosed) -> str:
    excerpt = text[run.start : min(run.end, run.start + 60)]
    if run.count == 1:
        return f"unbalanced parenthesis: '(' is never closed: {excerpt!r}"
    return f"unbalanced parentheses: {run.count} '(' are never closed from {excerpt!r}"


def _parenthetical(
    text: str, span: Span, paragraph: int, verdict: Verdict, resolver: Resolver
) -> Parenthetical:
    raw = text[span.start : span.end]
    citations = tuple(
        citation
        for item in verdict.found
        for citation in _citations(item, raw, span, paragraph, resolver)
    )
    return Parenthetical(raw, span.start, span.end, verdict.kind, verdict.reason, citations)


def _citations(
    found: Found, raw: str, span: Span, paragraph: int, resolver: Resolver
) -> list[Citation]:
    return [
        Citation(
            outlet_text=name,
            outlet=resolver.resolve(name),
            dates=tuple(found.dates),
            raw=raw,
            paragraph=paragraph,
            start=span.start,
            end=span.end,
            url=found.url_for(index),
            title=found.part.title,
            note=found.part.note_of(index),
        )
        for index, name in enumerate(found.part.outlets)
    ]


def _running_addresses(
    text: str, balanced: tuple[Span, ...], paragraph: int, resolver: Resolver
) -> list[Parenthetical]:
    starts = [s.start for s in balanced]
    result: list[Parenthetical] = []
    for start, end in find_addresses(text):
        index = bisect_right(starts, start) - 1
        if index >= 0 and start < balanced[index].end:
            continue  # inside a parenthetical, which was read as a whole
        address = text[start:end]
        citation = Citation(
            address, resolver.resolve(address), (), address, paragraph, start, end, url=address
        )
        result.append(
            Parenthetical(
                address, start, end, ParentheticalKind.CITATION, Reason.WEB_ADDRESS, (citation,)
            )
        )
    return result
