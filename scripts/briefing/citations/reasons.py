"""Why a parenthetical is what it is: the fixed reason vocabulary, and the
classifier for parentheticals that are not citations.

Every :class:`~briefing.model.Parenthetical` carries one :class:`Reason`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from enum import StrEnum

from .grammar import (
    BARE_DATE,
    DATE_OR_YEAR_RANGE,
    LANGUAGES,
    LEAD_WORDS,
    MAX_POINTER_WORDS,
    PART_MENTION,
    PART_REFERENCE,
    PROSE_POINTER,
    WRITING_WORDS,
)


class Reason(StrEnum):
    """The fixed vocabulary of ``Parenthetical.reason``, with examples."""

    # Citations.
    CITATION = "citation"  # (Vedomosti, March 3)
    WEB_ADDRESS = "web address"  # (www.mid.ru), or site.ru/page.html in running text
    # Text: not a citation.
    ABBREVIATION = "abbreviation"  # (OSCE), (CSTO, SCO)
    LIST = "list"  # (Armenia, Azerbaijan and Georgia)
    MONEY = "money"  # ($2.3 billion), (€500 million)
    RANGE = "range"  # (1994–1996), (March 10–14)
    BARE_DATE = "bare date"  # yesterday (May 9), (as of June 1, 2016), (in Minsk, March 3)
    NUMBER = "number"  # (aged 54), (out of 120), (12 percent)
    GLOSS = "gloss"  # (siloviki), (literally "little green men"), (electronic warfare—EW)
    POINTER = "pointer"  # (see above), (see related article)
    IN_WORD = "in-word"  # (pre)conditions, region(s)
    PART_REFERENCE = "part reference"  # (Part Two), (see Part One of this article)
    CLAUSE = "clause"  # (the agreement was signed in Minsk on February 12, 2015, ...)
    IMAGE_CREDIT = "image credit"  # (Source: novinite.com)
    NAME = "name"  # (Rosatom), (the Kremlin): a short name without a date
    EVENT = "event"  # (Victory Day, May 9)
    EMPTY = "empty"  # ()
    UNCLOSED = "unclosed"  # a "(" never closed
    LOST_SOURCE = "lost source"  # (, May 4): a date whose outlet was lost in copying
    # Ambiguous: looks like a source but cannot be trusted as one.
    PLACE = "place"  # (Moscow, May 9): a well-known place and a date
    UNDATED_OUTLET = "undated outlet"  # (see EDM), (Kommersant): a known outlet, no date
    INTERVIEW = "interview"  # (Author’s interview, May 2012)
    TITLE_ONLY = "title only"  # (“Some Title,” May 3): a title but no outlet
    UNCLEAR_SOURCE = "unclear source"  # (Russian Foreign Ministry statement, May 3)


IMAGE_CREDIT = re.compile(r"^(?:source|photo|image|picture|credit|photo\s+credit)\s*:", re.I)
"""The image-credit line: ``(Source: novinite.com)``, ``(Photo: AFP)``."""

POINTER = re.compile(
    r"^(?:(?:see|cf\.?|compare)(?:\s+also)?\s+)?(?:above|below|earlier|later|"
    r"(?:the\s+)?(?:related|previous|following|accompanying|next)\b.{0,60}|"
    r"(?:the\s+)?(?:map|table|figure|fig\.|chart|graph|box|footnote|note|endnote|appendix|"
    r"sidebar|inset)\b.{0,40}|(?:the\s+)?(?:article|articles|section|introduction)\b.{0,60})$",
    re.IGNORECASE,
)
"""A pointer inside the publication without a source: ``see above``,
``see related article``, ``Table 1``, ``see map``."""

SEE_ONLY = re.compile(r"^(?:see|cf\.?|compare)(?:\s+also)?\b", re.IGNORECASE)
"""A "see" that introduces a pointer when no source follows it."""

MONEY = re.compile(
    r"^(?:(?:about|around|approximately|some|nearly|almost|over|more\s+than|less\s+than|"
    r"up\s+to|roughly|at\s+least)\s+)?(?:(?:US|U\.S\.|C|A)?[$€£₽¥₴₸]\s?[0-9]|"
    r"[0-9][0-9.,]{0,20}\s*(?:thousand|million|billion|trillion|mln|bln|bn|m)?\s*"
    r"(?:rubles?|roubles?|dollars?|euros?|hryvnias?|hryvnia|manats?|lari|tenge|drams?|"
    r"yuan|soms?|somoni|lei|USD|EUR|RUB|UAH|GEL|AZN|KZT|AMD)\b)",
    re.IGNORECASE,
)
"""A sum of money: ``$2.3 billion``, ``€500 million``, ``about 40 billion rubles``."""

NUMBER = re.compile(r"^(?:[a-z][a-z.-]{0,15}\s+){0,3}[+-]?[0-9][0-9.,:/%]{0,20}(?:\s+\S+){0,3}$")
"""A number, maybe with a few words: ``aged 54``, ``out of 120``, ``12 percent``."""

ACRONYM = re.compile(r"^(?=(?:[^A-Z]*[A-Z]){2}|[A-Z]-?[0-9])[A-Z][A-Za-z0-9&./-]{1,14}(?:[’']s)?$")
"""An acronym: ``OSCE``, ``EaP``, ``RFE/RL``, ``S-400``, ``GUAM``."""

LIST_SEPARATOR = re.compile(r"\s*(?:,|;|\bor\b|\band\b|/)\s*")
"""What separates the members of a list: commas, ``and``, ``or``, slashes."""

GLOSS = re.compile(
    r"^(?i:literally|lit\.|i\.\s?e\.|that\s+is|or|aka|a\.k\.a\.|also\s+known\s+as|formerly|"
    r"known\s+as|meaning|abbreviated)(?=[\s,:]|$)|"
    rf"^(?:in\s+|(?=[A-Z][a-z]+:)){LANGUAGES}(?=[\s,:]|$)|"
    r"^[“\"«‘].{0,200}[”\"»’]$|\S\s*(?:—|--|\s[–-]\s)\s*[A-Z][A-Za-z]{1,7}$"
)
"""A translation, gloss or expansion: ``literally "little green men"``,
``Russian: siloviki``, ``electronic warfare—EW``, a quoted phrase."""

MAX_GLOSS_WORDS = 5
"""A lower-case parenthetical this short is a gloss; a longer one a clause."""

MAX_NAME_WORDS = 5
"""A capitalised parenthetical this short without a date is a name."""


def text_reason(inner: str) -> Reason:
    """Why ``inner`` (a parenthetical without its parentheses) is not a citation."""
    words = inner.split()
    if not words:
        return Reason.EMPTY
    # Checks run in order and stop at the first match: cheap and specific first.
    checks: tuple[tuple[Callable[[str], object], Reason], ...] = (
        (IMAGE_CREDIT.match, Reason.IMAGE_CREDIT),
        (PART_REFERENCE.match, Reason.PART_REFERENCE),
        (POINTER.match, Reason.POINTER),
        (MONEY.match, Reason.MONEY),
        (lambda text: DATE_OR_YEAR_RANGE.match(LEAD_WORDS.sub("", text)), Reason.RANGE),
        (lambda text: BARE_DATE.match(LEAD_WORDS.sub("", text)), Reason.BARE_DATE),
        (NUMBER.match, Reason.NUMBER),
        (_is_acronym_list, Reason.ABBREVIATION),
        (GLOSS.search, Reason.GLOSS),
        (SEE_ONLY.match, Reason.POINTER),
        (_is_list, Reason.LIST),
    )
    reason = next((reason for check, reason in checks if check(inner)), None)
    if reason in (None, Reason.GLOSS, Reason.LIST, Reason.POINTER) and _is_prose_pointer(inner):
        return Reason.PART_REFERENCE if PART_MENTION.search(inner) else Reason.POINTER
    if reason is not None:
        return reason
    if len(words) <= MAX_GLOSS_WORDS and inner[:1].islower():
        return Reason.GLOSS
    return Reason.NAME if len(words) <= MAX_NAME_WORDS else Reason.CLAUSE


def _is_prose_pointer(inner: str) -> bool:
    """``as discussed in an earlier article of this series``, ``for background,
    see Eurasia Daily Monitor’s earlier coverage``: a pointer to other writing
    in prose. (With a date and a registered outlet it is a citation instead:
    :mod:`.prose`.)"""
    words = inner.split()
    if len(words) > MAX_POINTER_WORDS or not PROSE_POINTER.match(inner):
        return False
    folded = {word.strip(",;:.’'s").casefold() for word in words} | {
        word.strip(",;:.").casefold() for word in words
    }
    return bool(PART_MENTION.search(inner) or folded & WRITING_WORDS)


def _is_acronym_list(inner: str) -> bool:
    members = [m for m in LIST_SEPARATOR.split(inner) if m]
    return bool(members) and all(ACRONYM.match(m) for m in members)


def _is_list(inner: str) -> bool:
    members = [m for m in LIST_SEPARATOR.split(inner) if m]
    return len(members) >= 2 and all(len(m.split()) <= 4 for m in members)
