"""A saved article page → :class:`Imported`, with trafilatura.

trafilatura finds the main text and what the page states about it (title,
author, date, canonical address, tags). Dates come from the page's markup
and address only: its extensive search, which guesses from any date in the
text, is off. The image credit of a ``<figure>`` caption, which trafilatura
drops with the figure, is taken from the caption itself; a link without
text is given its address as text, so that the source's address survives. The ``Publication:`` line,
when a template sets it apart from the body, is found the same way.
"""

from __future__ import annotations

import datetime as dt
import html as html_lib
from collections.abc import Iterable

from lxml import html
from trafilatura import bare_extraction, load_html
from trafilatura.settings import Document

from ..parse import IMAGE_CREDIT, PUBLICATION_LINE
from .article import Imported, Skipped
from .body import ADDRESS, SPACE, Body, read_body

MIN_ARTICLE_WORDS = 60
"""An article's body has at least this many words besides its header lines."""

DATES = {"extensive_search": False, "original_date": True, "max_date": "2199-12-31"}
"""Publication dates as the page's markup states them; none guessed from its text.
A fixed latest date (not today, the default) gives the same import any day."""

HEADER_ELEMENTS = ("p", "div", "span", "li", "strong", "b", "em", "figcaption", "h2", "h3", "h4")
"""Elements that may hold the publication line or the image credit alone."""

MAX_HEADER_CHARS = 200
"""A longer text is not a header line."""

NOT_AN_ARTICLE = "no article text (an index page, a login wall or an empty page)"


def read_page(text: str, origin: str) -> Imported | Skipped:
    """The article of the page ``text`` (decoded), or why there is none."""
    tree = load_html(text)
    if tree is None:
        return Skipped(origin, "not an HTML page")
    stated = _header_lines(tree)
    canonical = _canonical(tree)
    name_empty_links(tree)
    document = bare_extraction(
        tree,
        with_metadata=True,
        include_links=True,
        include_images=True,  # keeps a classic WordPress caption's paragraph
        include_comments=False,
        include_tables=False,
        date_extraction_params=DATES,
    )
    if not isinstance(document, Document) or document.body is None:
        return Skipped(origin, NOT_AN_ARTICLE)
    if canonical is not None:
        document.url = canonical  # what the page names its canonical address, before og:url
    return from_document(document, origin, stated)


def _canonical(tree: html.HtmlElement) -> str | None:
    """The page's ``<link rel="canonical">`` address, when it is a whole http(s) address."""
    for link in tree.iter("link"):
        rel = (link.get("rel") or "").lower().split()
        href = _one_line(link.get("href"))
        if "canonical" in rel and href.startswith(("https://", "http://")):
            return href
    return None


def from_document(
    document: Document, origin: str, stated: tuple[str | None, str | None] = (None, None)
) -> Imported | Skipped:
    """An extracted document → Imported, or why it is not an article.

    ``stated`` are the page's publication line and image credit wherever they
    stand, for a body that lacks them."""
    title = _one_line(document.title)
    if not title:
        return Skipped(origin, "the page states no title")
    body = read_body(document.body, title)
    if why := not_an_article(body):
        return Skipped(origin, why)
    return Imported(
        origin=origin,
        title=title,
        paragraphs=body.paragraphs,
        publication_line=body.publication_line or stated[0],
        image_credit=body.image_credit or stated[1],
        sections=body.sections,
        url=_one_line(document.url) or None,
        authors=_authors(document.author),
        date=_date(document.date),
        tags=_tags(document.tags or ()),
    )


def not_an_article(body: Body) -> str | None:
    """Why ``body`` is not an article's, or None if it is one."""
    words = sum(len(p.split()) for p in body.paragraphs)
    if words < MIN_ARTICLE_WORDS:
        return f"{NOT_AN_ARTICLE}: {words} words of text"
    if body.link_words * 2 > words:
        return f"mostly links ({body.link_words} of {words} words): an index page, not an article"
    return None


def name_empty_links(tree: html.HtmlElement) -> None:
    """A link with no text (``(<a href="…"></a>, May 4)``) is named by its address,
    which extraction would otherwise drop with it."""
    for link in tree.iter("a"):
        href = (link.get("href") or "").strip()
        if ADDRESS.match(href) and len(link) == 0 and not (link.text or "").strip():
            link.text = href


def _header_lines(tree: html.HtmlElement) -> tuple[str | None, str | None]:
    """The first publication line and image credit written anywhere in the page:
    a template may set them apart from the article's body, or in a caption."""
    publication = credit = None
    for element in tree.iter(*HEADER_ELEMENTS):
        text = _one_line(element.text_content())
        if len(text) > MAX_HEADER_CHARS:
            continue
        if publication is None and PUBLICATION_LINE.match(text):
            publication = text
        elif credit is None and IMAGE_CREDIT.match(text):
            credit = text
    return publication, credit


def _one_line(text: str | None) -> str:
    return SPACE.sub(" ", text or "").strip()


def _tags(found: Iterable[str]) -> tuple[str, ...]:
    """The page's tags, each once: a keywords list written as one comma-separated
    value (``Berlin,colonialism,Africa``) is split, and entities left in it
    (``Science &amp; Health``) are read."""
    split = (part for tag in found for part in html_lib.unescape(tag).split(","))
    return tuple(dict.fromkeys(t for t in map(_one_line, split) if t))


def _authors(text: str | None) -> tuple[str, ...]:
    return tuple(n for n in map(_one_line, (text or "").split(";")) if n)


def _date(text: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text) if text else None
    except ValueError:
        return None
