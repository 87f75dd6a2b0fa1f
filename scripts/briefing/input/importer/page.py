"""A saved article page → :class:`Imported`, with trafilatura.

trafilatura finds the main text and what the page states about it (title,
author, date, canonical address, tags). Dates come from the page's markup
and address only: its extensive search, which guesses from any date in the
text, is off. The image credit of a ``<figure>`` caption, which trafilatura
drops with the figure, is taken from the caption itself; a link without
text is given its address as text, so that the source's address survives.
"""

from __future__ import annotations

import datetime as dt

from lxml import html
from trafilatura import bare_extraction, load_html
from trafilatura.settings import Document

from ..parse import IMAGE_CREDIT
from .article import Imported, Skipped
from .body import ADDRESS, SPACE, Body, read_body

MIN_ARTICLE_WORDS = 60
"""An article's body has at least this many words besides its header lines."""

DATES = {"extensive_search": False, "original_date": True, "max_date": "2199-12-31"}
"""Publication dates as the page's markup states them; none guessed from its text.
A fixed latest date (not today, the default) gives the same import any day."""

NOT_AN_ARTICLE = "no article text (an index page, a login wall or an empty page)"


def read_page(text: str, origin: str) -> Imported | Skipped:
    """The article of the page ``text`` (decoded), or why there is none."""
    tree = load_html(text)
    if tree is None:
        return Skipped(origin, "not an HTML page")
    captions = _caption_credits(tree)
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
    return from_document(document, origin, captions)


def from_document(
    document: Document, origin: str, captions: tuple[str, ...] = ()
) -> Imported | Skipped:
    """An extracted document → Imported, or why it is not an article."""
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
        publication_line=body.publication_line,
        image_credit=body.image_credit or next(iter(captions), None),
        sections=body.sections,
        url=_one_line(document.url) or None,
        authors=_authors(document.author),
        date=_date(document.date),
        tags=tuple(dict.fromkeys(t for t in map(_one_line, document.tags or ()) if t)),
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


def _caption_credits(tree: html.HtmlElement) -> tuple[str, ...]:
    texts = (_one_line(c.text_content()) for c in tree.iter("figcaption"))
    return tuple(t for t in texts if IMAGE_CREDIT.match(t))


def _one_line(text: str | None) -> str:
    return SPACE.sub(" ", text or "").strip()


def _authors(text: str | None) -> tuple[str, ...]:
    return tuple(n for n in map(_one_line, (text or "").split(";")) if n)


def _date(text: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text) if text else None
    except ValueError:
        return None
