"""Seed text → Article.

A seed is a title line, optional header lines (the ``Publication:`` line and
an image-credit line), then paragraphs separated by blank lines. Citations
inside the paragraphs are found by :mod:`briefing.citations`.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace

from ..citations import DateContext, extract
from ..citations.registry import OutletLookup
from ..errors import SeedError, SidecarError
from ..model import Article, Diagnostic, Paragraph, ParentheticalKind, Publication
from .publications import find_publication
from .reading import strip_bidi
from .sidecar import Sidecar
from .slug import slugify

PUBLICATION_LINE = re.compile(
    r"^Publication:\s*(?P<name>.+?)[,;]?"
    r"(?:\s+(?:Volume|Vol\.?):?\s*(?P<volume>\d{1,4})[,;]?)?"
    r"(?:\s+(?:Issue|No\.?):?\s*(?P<issue>\d{1,5}))?\s*$",
    re.IGNORECASE,
)
"""``Publication: Eurasia Daily Monitor Volume: 8 Issue: 212`` (commas allowed)."""

IMAGE_CREDIT = re.compile(r"^\(\s*(?:image\s+|photo\s+)?source:\s*(?P<credit>[^()]*?)\s*\)$", re.I)
"""``(Source: novinite.com)``: the credit of the article's image, not a citation."""


@dataclass(frozen=True)
class Block:
    """Consecutive non-blank lines: their text joined by spaces, and where they stand."""

    text: str
    line: int
    line_starts: tuple[int, ...]

    def line_of(self, offset: int) -> int:
        return self.line + sum(1 for start in self.line_starts[1:] if start <= offset)


@dataclass(frozen=True)
class Header:
    publication: Publication | None = None
    volume: int | None = None
    issue: int | None = None
    image_credit: str | None = None


def blocks(lines: list[str], first_line: int = 1) -> Iterator[Block]:
    """The blocks of non-blank ``lines`` (numbered from ``first_line``), in order."""
    run: list[tuple[int, str]] = []
    for number, line in enumerate([*lines, ""], start=first_line):
        if line.strip():
            run.append((number, line.strip()))
            continue
        if run:
            starts, offset = [], 0
            for _, content in run:
                starts.append(offset)
                offset += len(content) + 1
            yield Block(" ".join(c for _, c in run), run[0][0], tuple(starts))
            run = []


def parse_article(
    text: str,
    file: str,
    sidecar: Sidecar,
    registry: OutletLookup,
    publications: tuple[Publication, ...] | Callable[[str], Publication],
) -> Article:
    """The article in ``text`` (already decoded), with its warnings.

    ``publications`` are the known ones, or what finds the one a name means."""
    text, spoofing = strip_bidi(text, file)
    lines = text.split("\n")
    title_index = next((i for i, line in enumerate(lines) if line.strip()), None)
    if title_index is None:
        raise SeedError(file, "the file is empty", 1)
    title = " ".join(lines[title_index].split())
    if PUBLICATION_LINE.match(title) or IMAGE_CREDIT.match(title):
        raise SeedError(
            file, "the first line must be the title, not a header line", title_index + 1
        )
    header, body_index = _header(lines, title_index + 1, publications)
    body = list(blocks(lines[body_index:], body_index + 1))
    warnings: list[Diagnostic] = [*spoofing, *sidecar.warnings]
    if header.publication is None and sidecar.date is None:
        warnings.append(
            Diagnostic(file, title_index + 2, "no 'Publication:' line; cited years stay unknown")
        )
    elif sidecar.date is None and (header.publication is None or not header.publication.first_year):
        warnings.append(
            Diagnostic(
                file,
                title_index + 2,
                "publication not in data/publications.yml and no sidecar date; "
                "cited years stay unknown",
            )
        )
    context = _date_context(header, sidecar)
    home = header.publication.name if header.publication else None
    paragraphs = []
    for number, block in enumerate(body, start=1):
        extraction = extract(block.text, number, context, registry, home=home)
        paragraphs.append(Paragraph(number, block.text, block.line, extraction.parentheticals))
        warnings.extend(
            Diagnostic(file, block.line_of(p.offset), p.message) for p in extraction.problems
        )
        warnings.extend(
            Diagnostic(
                file,
                block.line_of(p.start),
                f"ambiguous parenthetical {p.raw!r} ({p.reason}) kept as text",
            )
            for p in extraction.parentheticals
            if p.kind is ParentheticalKind.AMBIGUOUS
        )
    _check_sections(sidecar, len(paragraphs), file)
    article = Article(
        slug=sidecar.slug or slugify(title),
        source=file,
        title=title,
        paragraphs=tuple(paragraphs),
        publication=header.publication.name if header.publication else None,
        volume=header.volume,
        issue=header.issue,
        date=sidecar.date,
        issue_span=context.span,
        author=sidecar.author,
        image_credit=header.image_credit,
        url=sidecar.url,
        summary=sidecar.summary,
        sections=sidecar.sections,
        tags=sidecar.tags,
    )
    bounds = _date_bounds(article, context)
    warnings.extend(_late_citations(article, file))
    return _with(article, bounds, _estimate(header, bounds), tuple(warnings))


def _header(
    lines: list[str],
    start: int,
    publications: tuple[Publication, ...] | Callable[[str], Publication],
) -> tuple[Header, int]:
    """The header lines from ``start`` on, and the index of the first body line."""
    find = (
        publications
        if callable(publications)
        else functools.partial(find_publication, known=publications)
    )
    header = Header()
    for index in range(start, len(lines)):
        line = " ".join(lines[index].split())
        publication = PUBLICATION_LINE.match(line)
        credit = IMAGE_CREDIT.match(line)
        if not line:
            continue
        if publication and header.publication is None:
            header = replace(
                header,
                publication=find(publication["name"]),
                volume=int(publication["volume"]) if publication["volume"] else None,
                issue=int(publication["issue"]) if publication["issue"] else None,
            )
        elif credit and header.image_credit is None:
            header = replace(header, image_credit=credit["credit"])
        else:
            return header, index
    return header, len(lines)


def _date_context(header: Header, sidecar: Sidecar) -> DateContext:
    if sidecar.date is not None:
        return DateContext(published=sidecar.date)
    if header.publication is not None and header.volume is not None:
        year = header.publication.year_of_volume(header.volume)
        if year is None:
            return DateContext()
        latest = header.publication.latest_date(year, header.issue)
        span = header.publication.issue_span(year, header.issue)
        return DateContext(year=year, latest=latest, span=span)
    return DateContext()


def _date_bounds(article: Article, context: DateContext) -> tuple[dt.date, dt.date] | None:
    """Earliest and latest publication dates the text allows, when no date is given."""
    if article.date is not None or context.year is None:
        return None
    year = context.year
    cited = [
        d
        for c in article.citations
        for when in c.dates
        if when.year == year and not when.accessed and (d := when.as_date()) is not None
    ]
    return (max(cited, default=dt.date(year, 1, 1)), dt.date(year, 12, 31))


def _estimate(header: Header, bounds: tuple[dt.date, dt.date] | None) -> dt.date | None:
    """Where the issue number places an undated article, kept within what its text allows."""
    if bounds is None or header.publication is None or header.volume is None:
        return None
    year = header.publication.year_of_volume(header.volume)
    estimate = header.publication.estimated_date(year, header.issue) if year else None
    if estimate is None:
        return None
    return min(max(estimate, bounds[0]), bounds[1])


def _late_citations(article: Article, file: str) -> Iterator[Diagnostic]:
    if article.date is None:
        return
    for paragraph in article.paragraphs:
        for citation in paragraph.citations:
            for when in citation.dates:
                cited = when.as_date()
                if cited is not None and cited > article.date and not when.year_inferred:
                    yield Diagnostic(
                        file,
                        paragraph.line,
                        f"cites {when.text} ({cited.isoformat()}), after the article's date "
                        f"{article.date.isoformat()}",
                    )


def _check_sections(sidecar: Sidecar, count: int, file: str) -> None:
    for section in sidecar.sections:
        if section.paragraph > count:
            raise SidecarError(
                file.removesuffix(".txt") + ".yml",
                f"'sections': heading {section.heading!r} is placed before paragraph "
                f"{section.paragraph}, but the text has {count} paragraphs",
            )


def _with(
    article: Article,
    bounds: tuple[dt.date, dt.date] | None,
    estimate: dt.date | None,
    warnings: tuple[Diagnostic, ...],
) -> Article:
    return replace(article, date_bounds=bounds, estimated_date=estimate, warnings=warnings)
