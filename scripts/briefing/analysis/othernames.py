"""The other names of what a brief mentions, for search to find it by.

A reader searches for "Rosoboronexport" where the text spells it
"Rosoboroneksport", or for "Коммерсант" where the text cites Kommersant.
The gazetteer's aliases and the outlet registry's aliases and native names
know these spellings; :func:`other_names` lists those a brief's text does
not itself use, so that its pages can carry them as search keywords.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

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


@functools.lru_cache(maxsize=8192)
def entity_names(entity: Entity) -> tuple[str, ...]:
    """Every name of a gazetteer entry: canonical first, then its aliases."""
    return tuple(_unique((entity.name, *entity.aliases)))


@dataclass(frozen=True)
class Names:
    """The names of what an article mentions."""

    mentioned: tuple[str, ...]
    """Every name of every entity and outlet it mentions."""
    other: tuple[str, ...]
    """Those its text does not use: the keywords that let search find it by them."""


def names_of(article: Article, gazetteer: Gazetteer) -> Names:
    """The names of the entities and outlets ``article`` mentions, used or not.

    An entity counts as mentioned when its name or an alias occurs in the
    text as a whole word; an outlet when a citation resolves to it.
    """
    outlets = [outlet_names(c.outlet) for c in article.citations if c.outlet is not None]
    entities = [entity_names(e) for e in gazetteer.entities]
    occurring = _occurring([n for group in (*entities, *outlets) for n in group], _text(article))
    groups = [g for g in entities if any(n in occurring for n in g)] + outlets
    mentioned = tuple(_unique(n for group in groups for n in group))
    return Names(mentioned, tuple(n for n in mentioned if n not in occurring))


def other_names(article: Article, gazetteer: Gazetteer) -> tuple[str, ...]:
    """The names of what ``article`` mentions that its text does not use."""
    return names_of(article, gazetteer).other


def name_words(names: Iterable[str]) -> str:
    """The words of the given names, as a sorted JSON list.

    The served site's search compares a word that no result matches with
    these, to suggest the name the reader probably meant.
    """
    words = {w for name in names for w in NAME_WORD.findall(name) if len(w) >= MIN_WORD}
    return json.dumps(sorted(words, key=lambda w: (w.casefold(), w)), ensure_ascii=False) + "\n"


def _text(article: Article) -> str:
    return "\n".join(p.text for p in article.paragraphs)


def _occurring(names: list[str], text: str) -> set[str]:
    """The names that occur in ``text`` as whole words, also inside a longer name."""
    # A name whose words are not all words of the text cannot occur in it as
    # whole words: leaving those out first keeps the alternation short (it is
    # tried at every position), and a set lookup per word is cheaper than a
    # search of the text per name. Each name is looked for once, however many
    # citations give it.
    words = set(NAME_WORD.findall(text))
    unique = sorted(
        {n for n in set(names) if all(w in words for w in _words_of(n))}, key=len, reverse=True
    )
    if not unique:
        return set()
    pattern = re.compile(WORD_EDGE.format("|".join(re.escape(n) for n in unique)))
    found = {m.group(1) for m in pattern.finditer(text)}
    inside = {
        n for n in unique if n not in found and any(_occurs(n, f) for f in found if len(f) > len(n))
    }
    return found | inside


@functools.lru_cache(maxsize=8192)
def _words_of(name: str) -> tuple[str, ...]:
    """The words of a name (``U.N.``: ``U``, ``N``), each of which is a whole word of
    any text the name occurs in as a whole word."""
    return tuple(NAME_WORD.findall(name))


def _occurs(name: str, text: str) -> bool:
    return re.search(WORD_EDGE.format(re.escape(name)), text) is not None


def _unique(names: Iterable[str]) -> Iterator[str]:
    seen: set[str] = set()
    for name in names:
        if name.casefold() not in seen:
            seen.add(name.casefold())
            yield name
