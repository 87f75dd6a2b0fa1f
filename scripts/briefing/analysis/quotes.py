"""Direct quotations, their speakers and the citations sourcing them.

Words in quotation marks are a quote when the sentence introduces them
with a verb of saying before them (:data:`SPEECH_CUE`) and they are more
than one word; otherwise they are a term the author sets apart
(``Moscow’s new “step-by-step” proposal``). The speaker is the last person
the sentence names before the quote; a sentence saying only "he" or "she"
refers to the last person named before it. A surname nobody is sure of
(an unlinked mention) is nobody's: its quote is not attributed. The source is the first
citation after the quote in its paragraph.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..model import Article, Citation, Paragraph
from .entities import Named
from .records import EntityKind, Mention, Quote, Term
from .sentences import sentence_spans

QUOTED = re.compile(r"“(?P<curly>[^“”]+)”|\"(?P<straight>[^\"]+)\"")
"""Text in curly or straight double quotation marks."""

SPEECH_CUE = re.compile(
    r"\b(?:said|says|say|stated|states|state|observed|insisted|added|declared|called|calls|"
    r"told|noted|warned|argued|claimed|announced|asserted|remarked|stressed|explained|"
    r"wrote|replied|described|commented|emphasized|emphasised|according to)\b"
)
"""A verb of saying that introduces what follows as somebody's words."""

PRONOUN = re.compile(r"\b(?:he|she|He|She)\b")
"""A personal pronoun standing for the last person named."""


def find_quotes(article: Article, named: Named) -> tuple[tuple[Quote, ...], tuple[Term, ...]]:
    """Every spoken quote of the brief, and every term set in quotation marks."""
    people = {e.id for e in named.of_kind(EntityKind.PERSON)}
    # A surname left unlinked still stands between a quote and the person named before it.
    unlinked = [Mention(u.brief, u.paragraph, u.start, u.end, "", u.text) for u in named.unlinked]
    before = sorted([*(m for m in named.mentions if m.entity in people), *unlinked])
    quotes: list[Quote] = []
    terms: list[Term] = []
    for paragraph in article.paragraphs:
        for start, end, words in _quoted(paragraph):
            sentence = _sentence_at(paragraph.text, start)
            prefix = paragraph.text[sentence[0] : start]
            if not SPEECH_CUE.search(prefix) or not any(ch.isspace() for ch in words.strip()):
                terms.append(Term(article.slug, paragraph.number, words))
                continue
            speaker = _speaker(before, paragraph.number, sentence[0], start, prefix)
            quotes.append(
                Quote(
                    article.slug,
                    paragraph.number,
                    start,
                    end,
                    words,
                    speaker,
                    paragraph.text[sentence[0] : sentence[1]],
                    _source(paragraph, end),
                )
            )
    return tuple(quotes), tuple(terms)


def _quoted(paragraph: Paragraph) -> Iterator[tuple[int, int, str]]:
    for match in QUOTED.finditer(paragraph.text):
        if not any(p.start <= match.start() < p.end for p in paragraph.parentheticals):
            yield match.start(), match.end(), match["curly"] or match["straight"]


def _sentence_at(text: str, offset: int) -> tuple[int, int]:
    return next(((s, e) for s, e in sentence_spans(text) if s <= offset < e), (0, len(text)))


def _speaker(
    mentions: list[Mention], paragraph: int, sentence: int, quote: int, prefix: str
) -> str | None:
    earlier = [m for m in mentions if (m.paragraph, m.start) < (paragraph, quote)]
    inside = [m for m in earlier if m.paragraph == paragraph and m.start >= sentence]
    if inside:
        return inside[-1].entity or None
    if earlier and PRONOUN.search(prefix):
        return earlier[-1].entity or None
    return None


def _source(paragraph: Paragraph, after: int) -> Citation | None:
    return next(
        (p.citations[0] for p in paragraph.parentheticals if p.citations and p.start >= after),
        None,
    )
