"""Titles as styles need them: which words keep their capitals, and sentence case.

APA prints an article's title in sentence case; BibTeX styles may lower-case
a title. Both must keep proper nouns and acronyms as written (Moscow,
Tehran, IAEA). A title is split into :class:`Segment` runs, protected or
not; CSL marks the protected runs with ``<span class="nocase">`` and BibTeX
with braces, each in its own module.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass

from ..analysis.gazetteer import Gazetteer
from ..analysis.glossary import GlossaryEntry

WORD = re.compile(r"[^\W\d_][\w’'-]*")
"""A word of a title: starts with a letter, may hold apostrophes and hyphens."""

SHOUTED = re.compile(r"^(?:[^\W\d_][\w’'-]*[A-Z\d][\w’'-]*|[A-Z])$")
"""A word with a capital after its first letter (IAEA, McDermott, S-300) or a lone
capital: written that way on purpose, kept as it is."""

SENTENCE_START = re.compile(r"[:?!.]\s+$")
"""What ends a sentence or opens a subtitle: the next word is capitalised."""


@dataclass(frozen=True)
class Segment:
    """A run of a title; ``protected`` runs keep their case in every style."""

    text: str
    protected: bool


@dataclass(frozen=True)
class ProperNouns:
    """Names that keep their capitals, longest first (``Sergei Lavrov`` before ``Sergei``)."""

    names: tuple[str, ...]

    @classmethod
    def of(cls, names: Iterable[str]) -> ProperNouns:
        unique = {n.strip() for n in names if n.strip()}
        return cls(tuple(sorted(unique, key=lambda n: (-len(n), n))))

    @functools.cached_property
    def pattern(self) -> re.Pattern[str] | None:
        """One pattern for all the names, compiled once per build."""
        if not self.names:
            return None
        alternatives = "|".join(re.escape(n) for n in self.names)
        return re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])")


NO_NOUNS = ProperNouns(())
"""No names known: only deliberate capitals (IAEA, McDermott) are kept."""


def segments(title: str, nouns: ProperNouns) -> tuple[Segment, ...]:
    """``title`` split into runs: known names and deliberate capitals are protected."""
    found: list[Segment] = []
    pattern = nouns.pattern
    position = 0
    for match in pattern.finditer(title) if pattern else ():
        found.extend(_words(title[position : match.start()]))
        found.append(Segment(match.group(), True))
        position = match.end()
    found.extend(_words(title[position:]))
    return _merged(found)


def _words(text: str) -> list[Segment]:
    out: list[Segment] = []
    position = 0
    for match in WORD.finditer(text):
        if SHOUTED.match(match.group()) and match.group() != "A":
            out.append(Segment(text[position : match.start()], False))
            out.append(Segment(match.group(), True))
            position = match.end()
    out.append(Segment(text[position:], False))
    return out


def _merged(found: list[Segment]) -> tuple[Segment, ...]:
    merged: list[Segment] = []
    for segment in found:
        if not segment.text:
            continue
        if merged and merged[-1].protected == segment.protected and not segment.protected:
            merged[-1] = Segment(merged[-1].text + segment.text, False)
        else:
            merged.append(segment)
    return tuple(merged)


def sentence_case(parts: tuple[Segment, ...]) -> tuple[Segment, ...]:
    """The title in sentence case: first word and each subtitle's first word capitalised,
    every other unprotected word in lower case."""
    out: list[Segment] = []
    start = True
    for segment in parts:
        if segment.protected:
            out.append(segment)
            start = False
            continue
        text = WORD.sub(lambda m: m.group().lower(), segment.text)
        if start or SENTENCE_START.search(_before(out)):
            text = WORD.sub(lambda m: m.group()[:1].upper() + m.group()[1:], text, count=1)
        text = _capitalise_after_breaks(text)
        out.append(Segment(text, False))
        start = False
    return tuple(out)


def _before(out: list[Segment]) -> str:
    return out[-1].text if out else ""


SUBTITLE = re.compile(r"(?P<stop>[:?!.]\s+)(?P<letter>[^\W\d_])")
"""A subtitle's or sentence's first letter, after ``:``, ``?``, ``!`` or ``.``."""


def _capitalise_after_breaks(text: str) -> str:
    return SUBTITLE.sub(lambda m: m.group("stop") + m.group("letter").upper(), text)


def plain(parts: tuple[Segment, ...]) -> str:
    """The text of ``parts``, without markup."""
    return "".join(p.text for p in parts)


def proper_nouns(gazetteer: Gazetteer, glossary: Iterable[GlossaryEntry]) -> ProperNouns:
    """The names a title keeps capitalised: the gazetteer's entries, aliases, countries
    and their adjectives, and the glossary's terms that are written with capitals."""
    names = [n for e in gazetteer.entities for n in (e.name, *e.aliases)]
    names += [*gazetteer.countries, *gazetteer.countries.values()]
    names += [g.term for g in glossary if g.term != g.term.lower()]
    return ProperNouns.of(names)


ARTICLES = frozenset({"a", "an", "the"})
"""Left off the front of a short title (Chicago 14.30, MLA 9 6.20)."""

PHRASE_ENDS = frozenset(
    {
        "about", "above", "across", "after", "against", "along", "amid", "among", "around",
        "as", "at", "before", "behind", "below", "beside", "between", "beyond", "by",
        "despite", "during", "for", "from", "if", "in", "inside", "into", "is", "near", "of",
        "off", "on", "onto", "outside", "over", "past", "since", "than", "through",
        "throughout", "to", "toward", "towards", "under", "until", "upon", "versus", "via",
        "vs", "when", "where", "while", "with", "within", "without",
    }
)  # fmt: skip
"""Words that end a title's first noun phrase: prepositions, subordinating words, a
verb. Not "and" or "or": "Russia and Iran" is one noun phrase."""

SHORT_WORDS = 4
"""At most this many words in a short title (Chicago 14.30)."""


def short_title(title: str) -> str | None:
    """The title's short form for in-text and later citations, or None if it is short.

    As the manuals have it: the first noun phrase (MLA 9, 6.20), without a
    leading article and of at most four words (Chicago 17, 14.30); APA 7
    (8.14) gives the first few words, which is the same here.
    "A New Rapprochement Between Moscow and Tehran" → "New Rapprochement"."""
    main = re.split(r"\s*[:?!.;—–]\s", title.strip(), maxsplit=1)[0]
    words = main.split()
    if words and words[0].casefold() in ARTICLES:
        words = words[1:]
    phrase: list[str] = []
    for word in words:
        if phrase and word.casefold().strip(",") in PHRASE_ENDS:
            break
        phrase.append(word.rstrip(","))
        if word.endswith(",") or len(phrase) == SHORT_WORDS:
            break
    short = " ".join(phrase)
    return short if short and short != title.strip() else None
