"""The roles a brief gives people, read before and after their names.

Four shapes, each a pattern below: a title before the name ("Iranian
President Mahmoud Ahmadinejad", "Iran’s President Mahmoud Ahmadinejad"),
an aide after their principal ("Lavrov’s spokesman, Alexander
Lukashevich"), a role in apposition after the name ("Sergei Lavrov,
Russia’s foreign minister,", "Igor Sechin, head of Rosneft,") and a "head
of" before it ("the head of Rosneft, Igor Sechin,"). Each found name is an
:class:`Introduced`; :mod:`.people` decides who it is.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from ..model import Paragraph

_UPPER = "A-ZÀ-ÖØ-ÞА-ЯЁ"
_LOWER = "a-zß-öø-ÿа-яё"
WORD = rf"[{_UPPER}][{_LOWER}]+(?:-[{_UPPER}]?[{_LOWER}]+)*"
"""A capitalised word of a name: ``Sergei``, ``Ahmadinejad``, ``Al-Assad``."""

NAME = rf"{WORD}(?:\s+{WORD}){{0,3}}"
"""Up to four capitalised words: ``Ali Akbar Salehi``."""

RANK_WORDS = (
    "Deputy", "Vice", "First", "Prime", "Foreign", "Defence", "Defense", "Interior", "Finance",
    "Economy", "Energy", "Security", "Chief", "Acting", "Former", "Supreme", "Executive",
    "General", "Atomic", "Nuclear",
)  # fmt: skip
"""Words that qualify an office in a title: ``Deputy Foreign`` Minister."""

OFFICE_WORDS = (
    "President", "Minister", "Premier", "Spokesman", "Spokeswoman", "Ambassador", "Chancellor",
    "Secretary", "Chairman", "Director", "Envoy", "Leader", "Commander", "King", "Emir",
    "Ayatollah", "Speaker", "Head", "Governor",
)  # fmt: skip
"""The office ending a title: ``President``, ``Minister``, ``Ambassador``."""

TITLED_PERSON = re.compile(
    rf"(?P<role>(?:(?P<adjective>(?P<owner>{WORD})[’']s|{WORD}|US)\s+)?"
    rf"(?:(?:{'|'.join(RANK_WORDS)})\s+)*(?:{'|'.join(OFFICE_WORDS)}))\s+"
    rf"(?P<name>{NAME})"
)
"""A person after their title: ``Russian Deputy Foreign Minister Sergei Ryabkov``,
``Iran’s President Mahmoud Ahmadinejad``.

``role`` is the title as written; ``adjective`` the nationality or the
possessive country, if any (``owner`` is the country of a possessive)."""

AIDE = re.compile(
    rf"(?P<owner>(?:{WORD}\s+)*{WORD})(?P<apostrophe>[’'])s\s+"
    r"(?P<office>spokes(?:man|woman|person)|press secretary|deputy|adviser|advisor|aide|envoy)"
    rf",\s+(?P<name>{NAME})"
)
"""An aide named after their principal: ``Lavrov’s spokesman, Alexander Lukashevich``."""

OFFICE_NOUN = (
    r"(?:minister|president|premier|spokes(?:man|woman|person)|ambassador|chancellor|"
    r"secretary|chairman|chairwoman|director|envoy|leader|commander|governor|speaker|head|"
    r"chief|deputy|adviser|advisor|aide|diplomat|official|mayor|prosecutor|representative|"
    r"negotiator|CEO)"
)
"""The noun that makes a phrase a role: ``foreign minister``, ``head of Rosneft``."""

ROLE_PHRASE = (
    rf"(?:(?:[Tt]he|an?)\s+)?(?:{WORD}[’']s\s+)?(?:[a-z][\w-]*\s+){{0,4}}?{OFFICE_NOUN}\b"
    rf"(?:\s+(?:of|to|for|at|in|on)\s+(?:the\s+)?(?:[\w’'-]+)(?:\s+[\w’'-]+){{0,4}}?)?"
)
"""A role as a phrase: ``the deputy prime minister``, ``Russia’s foreign minister``,
``head of the security council``."""

APPOSITION = re.compile(
    rf"(?P<name>{NAME}),\s+(?P<role>{ROLE_PHRASE})(?=\s*(?:[,;.)]|$))", re.MULTILINE
)
"""A role after the name, set off by commas: ``Yulia Lavrov, the foreign minister,``."""

HEAD_OF = re.compile(
    rf"\b(?:the\s+)?(?P<role>(?:head|chairman|chairwoman|director|chief)\s+of\s+(?:the\s+)?"
    rf"{NAME}),\s+(?P<name>{NAME})(?=\s*[,;.)])"
)
"""A "head of" before the name: ``the head of Rosneft, Igor Sechin,``."""

LEADING_FILLER = re.compile(r"^(?:(?:The|Thus|Indeed|And|But|So|Then|Even|Also|In|Moreover)\s+)+")
"""Sentence openers that run into a title or an owner's name (``Thus Lavrov’s spokesman``)."""

ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)
"""The article a role in apposition starts with, which the role leaves out."""


@dataclass(frozen=True)
class Introduced:
    """A name the text gives a role, as written (``name`` may carry filler words)."""

    paragraph: int
    start: int
    end: int
    name: str
    role: str
    country: str | None
    titled: bool = False
    """Whether the role comes before the name (a title, an aide's principal):
    then even a surname alone is a person's name."""


def introductions(paragraph: Paragraph, countries: dict[str, str]) -> Iterator[Introduced]:
    """Every name of ``paragraph`` the text gives a role, outside citations."""
    number, text = paragraph.number, paragraph.text
    for match in TITLED_PERSON.finditer(text):
        adjective = match["adjective"] or ""
        country = countries.get(adjective) or _country_named(match["owner"], countries)
        role = LEADING_FILLER.sub("", match["role"])
        yield Introduced(
            number, match.start("name"), match.end("name"), match["name"], role, country, True
        )
    for match in AIDE.finditer(text):
        owner = LEADING_FILLER.sub("", match["owner"])
        role = f"{owner}{match['apostrophe']}s {match['office']}"
        yield Introduced(
            number, match.start("name"), match.end("name"), match["name"], role, None, True
        )
    for match in APPOSITION.finditer(text):
        role = ARTICLE.sub("", match["role"])
        yield Introduced(number, match.start("name"), match.end("name"), match["name"], role, None)
    for match in HEAD_OF.finditer(text):
        role = match["role"]
        yield Introduced(number, match.start("name"), match.end("name"), match["name"], role, None)


def _country_named(owner: str | None, countries: dict[str, str]) -> str | None:
    return owner if owner is not None and owner in countries.values() else None
