"""The claims ledger: every sentence carrying a citation, and what it names.

A claim is the sentence as the author wrote it, without its citations,
with the outlets and dates that source it and the people, organisations
and places it names.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..input.slug import slugify
from ..model import Article, Citation, Paragraph
from .entities import Named
from .records import Claim, EntityKind
from .sentences import WHITESPACE_RUN, sentence_spans


def find_claims(article: Article, named: Named) -> tuple[Claim, ...]:
    """The brief's claims in text order."""
    return tuple(c for p in article.paragraphs for c in _claims(article.slug, p, named))


def _claims(slug: str, paragraph: Paragraph, named: Named) -> Iterator[Claim]:
    for start, end in sentence_spans(paragraph.text):
        cited = citations_in(paragraph, start, end)
        if not cited:
            continue
        names = {kind: _names(named, kind, paragraph.number, start, end) for kind in EntityKind}
        yield Claim(
            slug,
            paragraph.number,
            plain_text(paragraph, start, end),
            tuple(dict.fromkeys(outlet_name(c) for c in cited)),
            tuple(dict.fromkeys(d.iso or d.text for c in cited for d in c.dates)),
            names[EntityKind.PERSON],
            names[EntityKind.ORGANISATION],
            names[EntityKind.PLACE],
            cited,
        )


def citations_in(paragraph: Paragraph, start: int, end: int) -> tuple[Citation, ...]:
    """The citations whose parenthetical opens between ``start`` and ``end``."""
    return tuple(c for p in paragraph.parentheticals if start <= p.start < end for c in p.citations)


def plain_text(paragraph: Paragraph, start: int, end: int) -> str:
    """The paragraph's text from ``start`` to ``end`` without its citations."""
    pieces, at = [], start
    for p in paragraph.parentheticals:
        if p.citations and start <= p.start < end:
            pieces.append(paragraph.text[at : p.start].rstrip())
            at = p.end
    pieces.append(paragraph.text[at:end])
    return WHITESPACE_RUN.sub(" ", "".join(pieces)).strip()


def outlet_name(citation: Citation) -> str:
    """The registered outlet's name, else the outlet as written."""
    if citation.outlet is not None:
        return citation.outlet.name
    return citation.outlet_text or citation.url or ""


def outlet_id(citation: Citation) -> str:
    """The registry id, else a slug of the outlet as written."""
    return citation.outlet.id if citation.outlet else slugify(outlet_name(citation), "outlet")


def _names(named: Named, kind: EntityKind, paragraph: int, start: int, end: int) -> tuple[str, ...]:
    ids = [m.entity for m in named.mentions if m.paragraph == paragraph and start <= m.start < end]
    entities = (named.get(i) for i in dict.fromkeys(ids))
    return tuple(e.name for e in entities if e is not None and e.kind is kind)
