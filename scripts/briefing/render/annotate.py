"""A paragraph's text → Markdown with each inline citation as a footnote.

The footnote marker stands where the parenthetical stood; the parenthetical
and the space before it are removed. Parentheticals kept as text stay as
written. A citation found in running text (a bare web address) keeps its
text and gains a marker after it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from ..escape import md, url_link
from ..model import Citation, Paragraph, ParentheticalKind
from ..words import cited_date


@dataclass(frozen=True)
class Footnote:
    """A numbered footnote of a brief: the citation and its number."""

    number: int
    citation: Citation


def footnotes(paragraphs: tuple[Paragraph, ...]) -> tuple[Footnote, ...]:
    """Every citation of the paragraphs, numbered from 1 in reading order."""
    citations = (c for p in paragraphs for c in p.citations)
    return tuple(Footnote(n, c) for n, c in enumerate(citations, start=1))


def annotated(paragraph: Paragraph, first_number: int) -> str:
    """The paragraph as Markdown; its footnotes are numbered from ``first_number``."""
    return "".join(_pieces(paragraph, first_number))


def _pieces(paragraph: Paragraph, number: int) -> Iterator[str]:
    text, position = paragraph.text, 0
    for parenthetical in paragraph.parentheticals:
        if parenthetical.kind is not ParentheticalKind.CITATION:
            continue
        in_brackets = parenthetical.raw.startswith("(")
        before = text[position : parenthetical.start]
        yield md(before.rstrip() if in_brackets else before)
        if not in_brackets:
            yield md(parenthetical.raw)
        for _ in parenthetical.citations:
            yield f"[^{number}]"
            number += 1
        position = parenthetical.end
    yield md(text[position:])


def footnote_text(citation: Citation, keys: tuple[str, ...], entry: Callable[[str], str]) -> str:
    """A footnote's Markdown: outlet and full date, linked to the bibliography entries,
    and the cited page's address when the citation gives one.

    ``entry`` gives the link to a reference key's bibliography entry."""
    name = citation.outlet.name if citation.outlet else citation.outlet_text or citation.url or ""
    lead = f"“{citation.title},” {name}" if citation.title else name
    if not citation.dates:
        text = f"[{md(lead)}]({entry(keys[0])}), undated"
    else:
        links = [
            f"[{md(lead + ', ' if i == 0 else '')}{md(cited_date(d))}]({entry(key)})"
            for i, (d, key) in enumerate(zip(citation.dates, keys, strict=False))
        ]
        text = "; ".join(links)
    if citation.url and citation.url != citation.outlet_text.strip():
        text += f", {url_link(citation.url)}"  # the cited page: (Azadliq.org, April 6, https://…)
    if citation.note:
        text = f"{md(citation.note)}: {text}"
    if citation.outlet is None:
        text += " (an outlet this site has no details of)"
    return text + "."
