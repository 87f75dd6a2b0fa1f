"""An extracted article body → the seed's paragraphs, header lines and headings.

The body is trafilatura's element tree (``p``, ``head``, ``list``/``item``,
``quote``, ``ref`` for links). Paragraphs are written on one line each.
A link inside a parenthetical is a cited source: its text stays the outlet
and its address is appended to its part of the parenthetical, the form the
citation grammar reads as the source's address::

    (<a href="https://www.azadliq.org/a/1.html">Azadliq.org</a>, April 6)
    → (Azadliq.org, April 6, https://www.azadliq.org/a/1.html)

A link with no text keeps its address as the outlet: ``(https://…, April 6)``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from lxml import etree

from ...citations.scan import scan, split_outside
from ...model import Section
from ..parse import IMAGE_CREDIT, PUBLICATION_LINE

SPACE = re.compile(r"\s+")
"""A run of white space, written as one space."""

ADDRESS = re.compile(r"^https?://\S+$", re.IGNORECASE)
"""A link target kept as a cited source's address: absolute http(s) only."""

IN_CITATION = str.maketrans({"(": "%28", ")": "%29", ",": "%2C", ";": "%3B"})
"""Characters of an address that would end its place in a parenthetical, and
their percent-encoded forms (the same address)."""

BLOCKS = frozenset({"p", "head", "item", "quote", "code"})
"""Elements whose text is a paragraph (or, for ``head``, a heading)."""


@dataclass(frozen=True)
class Link:
    """A link's place in a paragraph's text, and its address."""

    start: int
    end: int
    url: str


@dataclass(frozen=True)
class Body:
    """What a seed takes from an article body."""

    paragraphs: tuple[str, ...]
    publication_line: str | None
    image_credit: str | None
    sections: tuple[Section, ...]
    link_words: int
    """Words inside links, outside parentheticals: many mean an index page."""


def read_body(body: etree._Element, title: str) -> Body:
    """The paragraphs of ``body``; the title repeated as a heading is dropped."""
    paragraphs: list[str] = []
    sections: list[Section] = []
    publication: str | None = None
    credit: str | None = None
    heading: str | None = None
    link_words = 0
    for element in _blocks(body):
        text, links = _inline(element)
        if not text:
            continue
        if element.tag == "head":
            heading = None if text == title else text
            continue
        if publication is None and PUBLICATION_LINE.match(text):
            publication = text
            continue
        if credit is None and IMAGE_CREDIT.match(text):
            credit = text
            continue
        link_words += _words_in_running_links(text, links)
        if heading is not None:
            sections.append(Section(heading, len(paragraphs) + 1))
            heading = None
        paragraphs.append(keep_cited_addresses(text, links))
    return Body(tuple(paragraphs), publication, credit, tuple(sections), link_words)


def _blocks(element: etree._Element) -> Iterator[etree._Element]:
    for child in element:
        if child.tag in BLOCKS and not any(c.tag in BLOCKS for c in child):
            yield child
        elif child.tag not in ("graphic", "table"):
            yield from _blocks(child)


def _inline(element: etree._Element) -> tuple[str, list[Link]]:
    """The text of ``element`` with spaces collapsed, and where its links stand."""
    pieces: list[str] = []
    links: list[Link] = []
    length = 0

    def add(text: str | None) -> None:
        nonlocal length
        if not text:
            return
        text = SPACE.sub(" ", text)
        if text.startswith(" ") and (not pieces or pieces[-1].endswith(" ")):
            text = text[1:]
        pieces.append(text)
        length += len(text)

    def walk(node: etree._Element) -> None:
        add(node.text)
        for child in node:
            start = length
            if child.tag == "lb":
                add(" ")
            else:
                walk(child)
            target = child.get("target") if child.tag == "ref" else None
            if target and ADDRESS.match(target.strip()):
                links.append(Link(start, length, target.strip()))
            add(child.tail)

    walk(element)
    text = "".join(pieces)
    stripped = text.rstrip()
    return stripped, [Link(k.start, min(k.end, len(stripped)), k.url) for k in links]


def keep_cited_addresses(text: str, links: list[Link]) -> str:
    """``text`` with each linked source's address written into its parenthetical."""
    if not links:
        return text
    result = text
    for span in reversed(scan(text).balanced):
        inside = [k for k in links if span.start < k.start and k.end < span.end]
        if inside:
            inner = _with_addresses(text[span.start + 1 : span.end - 1], span.start + 1, inside)
            result = result[: span.start + 1] + inner + result[span.end - 1 :]
    return result


def _with_addresses(inner: str, offset: int, links: list[Link]) -> str:
    """Each ";"-segment of a parenthetical, with the address of its first link."""
    segments = split_outside(inner, ";")
    if ";".join(segments) != inner:
        segments = [inner]
    written: list[str] = []
    start = offset
    for segment in segments:
        end = start + len(segment)
        link = next((k for k in links if start <= k.start and k.end <= end), None)
        written.append(_with_address(segment, link, start) if link else segment)
        start = end + 1
    return ";".join(written)


def _with_address(segment: str, link: Link, offset: int) -> str:
    if link.url in segment:
        return segment
    url = link.url.translate(IN_CITATION)
    if link.start == link.end:  # a link without text: its address names the source
        at = link.start - offset
        lead = " " if at and not segment[:at].endswith(" ") else ""
        return f"{segment[:at]}{lead}{url}{segment[at:]}"
    body = segment.rstrip()
    return f"{body}, {url}{segment[len(body) :]}"


def _words_in_running_links(text: str, links: list[Link]) -> int:
    spans = scan(text).balanced
    return sum(
        len(text[k.start : k.end].split())
        for k in links
        if not any(s.start < k.start < s.end for s in spans)
    )
