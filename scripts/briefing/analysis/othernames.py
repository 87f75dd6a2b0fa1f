"""The other names of what a brief mentions, for search to find it by.

A reader searches for "Rosoboronexport" where the text spells it
"Rosoboroneksport", or for "Коммерсант" where the text cites Kommersant.
The gazetteer's aliases and the outlet registry's aliases and native names
know these spellings; :func:`other_names` lists those a brief's text does
not itself use, so that its pages can carry them as search keywords.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator

from ..model import Article, Outlet
from .gazetteer import Gazetteer
from .records import Entity

WORD_EDGE = r"(?<![\w-])({})(?![\w-])"
"""A name as a whole word: ``Lavrov`` in "Lavrov’s", not in "Lavrovsky"."""

NAME_WORD = re.compile(r"\w+")
"""One word of a name: ``Mahmoud``, ``Ahmadinejad``, ``Коммерсантъ``."""

MIN_WORD = 4
"""Shorter words (RT, UN, AFP) are left out of suggestions: too many are one edit apart."""


def outlet_names(outlet: Outlet) -> tuple[str, ...]:
    """Every name of an outlet: canonical, native, then aliases (addresses left out)."""
    names = (outlet.name, *((outlet.native_name,) if outlet.native_name else ()), *outlet.aliases)
    return tuple(_unique(n for n in names if "." not in n and "/" not in n))


def entity_names(entity: Entity) -> tuple[str, ...]:
    """Every name of a gazetteer entry: canonical first, then its aliases."""
    return tuple(_unique((entity.name, *entity.aliases)))


def other_names(article: Article, gazetteer: Gazetteer) -> tuple[str, ...]:
    """Names of the entities and outlets ``article`` mentions that its text does not use.

    An entity counts as mentioned when its name or an alias occurs in the
    text as a whole word; an outlet when a citation resolves to it.
    """
    text = _text(article)
    return tuple(
        _unique(
            n for names in _mentioned(article, gazetteer) for n in names if not _occurs(n, text)
        )
    )


def name_words(articles: Iterable[Article], gazetteer: Gazetteer) -> str:
    """The words of every name of what the articles mention, as a sorted JSON list.

    The served site's search compares a query that found nothing with these
    words, to suggest the name the reader probably meant.
    """
    words = {
        word
        for article in articles
        for names in _mentioned(article, gazetteer)
        for name in names
        for word in NAME_WORD.findall(name)
        if len(word) >= MIN_WORD
    }
    return json.dumps(sorted(words, key=lambda w: (w.casefold(), w)), ensure_ascii=False) + "\n"


def _mentioned(article: Article, gazetteer: Gazetteer) -> Iterator[tuple[str, ...]]:
    text = _text(article)
    for entity in gazetteer.entities:
        names = entity_names(entity)
        if any(_occurs(n, text) for n in names):
            yield names
    for citation in article.citations:
        if citation.outlet is not None:
            yield outlet_names(citation.outlet)


def _text(article: Article) -> str:
    return "\n".join(p.text for p in article.paragraphs)


def _occurs(name: str, text: str) -> bool:
    return re.search(WORD_EDGE.format(re.escape(name)), text) is not None


def _unique(names: Iterable[str]) -> Iterator[str]:
    seen: set[str] = set()
    for name in names:
        if name.casefold() not in seen:
            seen.add(name.casefold())
            yield name
