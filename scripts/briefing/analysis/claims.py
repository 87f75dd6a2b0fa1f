"""The claims ledger: every sentence carrying a citation, and what it names.

A claim is the sentence as the author wrote it, without its citations,
with the outlets and dates that source it and the people, organisations
and places it names.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator

from ..input.slug import slugify
from ..model import Article, Citation, Paragraph
from .entities import Named
from .records import Claim, Entity, EntityKind, Mention
from .sentences import WHITESPACE_RUN, sentence_spans


def find_claims(article: Article, named: Named) -> tuple[Claim, ...]:
    """The brief's claims in text order."""
    mentions = _Mentions(named)
    return tuple(c for p in article.paragraphs for c in _claims(article.slug, p, mentions))


class _Mentions:
    """A brief's mentions looked up by paragraph and offset.

    A sentence's names are found among its paragraph's mentions alone, by
    bisection: a brief of many thousand cited sentences is read in time
    linear in its size, not once through every mention for each sentence."""

    def __init__(self, named: Named) -> None:
        self._entities: dict[str, Entity] = {}
        for entity in named.entities:
            self._entities.setdefault(entity.id, entity)
        self._mentions: dict[int, list[Mention]] = {}
        for mention in named.mentions:  # in text order: by paragraph, then offset
            self._mentions.setdefault(mention.paragraph, []).append(mention)
        self._starts = {n: [m.start for m in found] for n, found in self._mentions.items()}

    def names(self, paragraph: int, start: int, end: int) -> dict[EntityKind, tuple[str, ...]]:
        """The names of each kind the text between ``start`` and ``end`` mentions, once each."""
        starts = self._starts.get(paragraph, [])
        here = self._mentions.get(paragraph, [])
        first, last = bisect.bisect_left(starts, start), bisect.bisect_left(starts, end)
        ids = dict.fromkeys(m.entity for m in here[first:last])
        entities = [e for e in (self._entities.get(i) for i in ids) if e is not None]
        return {kind: tuple(e.name for e in entities if e.kind is kind) for kind in EntityKind}


def _claims(slug: str, paragraph: Paragraph, mentions: _Mentions) -> Iterator[Claim]:
    for start, end in sentence_spans(paragraph.text):
        cited = citations_in(paragraph, start, end)
        if not cited:
            continue
        names = mentions.names(paragraph.number, start, end)
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
