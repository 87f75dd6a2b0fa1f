"""The roles a brief gives people, read before and after their names.

The shapes, each a pattern below: a title before the name ("Iranian
President Mahmoud Ahmadinejad", "Iran’s President Mahmoud Ahmadinejad",
"Russian Defense Minister, Anatoliy Serdyukov,"), a title in lower case
before it ("former president Mikheil Saakashvili", "Chechen leader Ramzan
Kadyrov"), an aide after their principal ("Lavrov’s spokesman, Alexander
Lukashevich"), a role in apposition after the name ("Sergei Lavrov,
Russia’s foreign minister,", "Igor Sechin, head of Rosneft,") or in
parentheses ("Igor Dodon (Moldova’s president in 2016–2020)"), and a role
set off before it ("the head of Rosneft, Igor Sechin,", "the Russian
ambassador in Washington, Sergei Kislyak,"). Each found name is an
:class:`Introduced`; :mod:`.people` decides who it is.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from ..model import Paragraph

_UPPER = "A-ZÀ-ÖØ-ÞА-ЯЁ"
_LOWER = "a-zß-öø-ÿа-яё"
WORD = rf"(?:[ae]l-)?[{_UPPER}][{_LOWER}]+(?:-[{_UPPER}]?[{_LOWER}]+)*"
"""A capitalised word of a name: ``Sergei``, ``Ahmadinejad``, ``Al-Assad``, and with the
Arabic article in lower case, ``al-Assad``."""

NAME = rf"{WORD}(?:\s+{WORD}){{0,3}}"
"""Up to four capitalised words: ``Ali Akbar Salehi``."""

RANK_WORDS = (
    "Deputy", "Vice", "First", "Prime", "Foreign", "Defence", "Defense", "Interior", "Finance",
    "Economy", "Energy", "Security", "Chief", "Acting", "Former", "Supreme", "Executive",
    "General", "Atomic", "Nuclear",
)  # fmt: skip
"""Words that qualify an office in a title: ``Deputy Foreign`` Minister."""

MILITARY_RANKS = (
    "Army-General", "Colonel-General", "Lieutenant-General", "Major-General", "Colonel",
    "Lieutenant", "Major", "Captain", "Admiral", "Vice-Admiral", "Rear-Admiral", "Marshal",
)  # fmt: skip
"""Military ranks, which stand between a title and a name and are never a given name:
``Defense Minister Army-General Sergei Shoigu``."""

OFFICE_WORDS = (
    "Secretary of State", "President", "Minister", "Premier", "Spokesman", "Spokeswoman",
    "Ambassador", "Chancellor", "Secretary", "Chairman", "Director", "Envoy", "Leader",
    "Commander", "King", "Emir", "Ayatollah", "Speaker", "Head", "Governor", "Mayor",
)  # fmt: skip
"""The office ending a title: ``President``, ``Minister``, ``Ambassador``."""

MODIFIERS = (
    "former", "then", "acting", "late", "longtime", "new", "previous", "current", "incumbent",
    "outgoing", "retired", "exiled", "jailed", "famous", "prominent", "senior", "veteran",
    "leading", "authoritarian", "rebel", "opposition", "separatist", "independent",
    "political", "parliamentary", "presidential", "deputy", "first", "chief",
)  # fmt: skip
"""Lower-case words that qualify a role before its noun: ``former`` president."""

_MODIFIER = "|".join(MODIFIERS)

TITLED_PERSON = re.compile(
    # Tried at the start of a word only: at every other place it fails, slowly.
    rf"(?<!\w)(?P<role>(?:(?:{_MODIFIER})\s+)?"
    rf"(?:(?P<adjective>(?P<owner>{WORD})[’']s|{WORD}|United States|US)\s+)?"
    rf"(?:(?:{'|'.join(RANK_WORDS)})\s+)*(?:{'|'.join(OFFICE_WORDS)})"
    rf"(?:\s+of\s+(?P<of_country>{WORD}))?)"
    rf"(?P<comma>,)?\s+(?P<name>{NAME})(?(comma)(?=\s*[,;.)]))"
)
"""A person after their title: ``Russian Deputy Foreign Minister Sergei Ryabkov``,
``Iran’s President Mahmoud Ahmadinejad``, ``former Prime Minister Yulia Tymoshenko``,
``President of Azerbaijan Ilham Aliyev`` (only a country after "of": in
"Minister of Foreign Affairs Sergei Lavrov" the name's start is unsure) and,
set off by commas, ``Russian Defense Minister, Anatoliy Serdyukov,``.

``role`` is the title as written; ``adjective`` the nationality or the
possessive country, if any (``owner`` is the country of a possessive)."""

TITLE_NOUN = (
    r"(?:[a-z]+-)?(?:president|premier|minister|leader|dictator|commentator|journalist|author|"
    r"historian|analyst|expert|reporter|writer|correspondent|candidate|singer|politician|"
    r"activist|blogger|scholar|lawyer|businessman|oligarch|mayor|governor|ambassador|envoy|"
    r"spokes(?:man|woman|person)|adviser|advisor|chairman|chairwoman|director|commander|"
    r"prosecutor|official|diplomat)"
)
"""A role's noun in lower case, of an office or a calling: ``president``, ``then-president``,
``journalist``."""

LOWER_TITLE = re.compile(
    rf"(?<![\w’'-])(?P<role>(?:(?:{_MODIFIER}|{WORD})\s+){{0,3}}{TITLE_NOUN})\s+(?P<name>{NAME})"
)
"""A person after a title in lower case: ``former Kazakhstani president Nursultan
Nazarbayev``, ``Chechen rebel leader Doku Umarov``, ``Russian commentator Semyon Novoprudky``.

Only qualifying words (:data:`MODIFIERS`) and capitalised ones may stand
before the noun, so that no verb or preposition of the sentence is taken in."""

AIDE = re.compile(
    rf"(?P<owner>(?:{WORD}\s+){{0,3}}{WORD})(?P<apostrophe>[’'])s\s+"
    r"(?P<office>spokes(?:man|woman|person)|press secretary|deputy|adviser|advisor|aide|envoy)"
    rf",\s+(?P<name>{NAME})"
)
"""An aide named after their principal: ``Lavrov’s spokesman, Alexander Lukashevich``."""

OFFICE_NOUN = (
    r"(?:minister|president|premier|spokes(?:man|woman|person)|ambassador|chancellor|"
    r"secretary|chairman|chairwoman|chair|director|envoy|leader|commander|governor|speaker|"
    r"head|chief|deputy|adviser|advisor|aide|diplomat|official|mayor|prosecutor|"
    r"representative|negotiator|commentator|journalist|reporter|correspondent|historian|"
    r"analyst|expert|candidate|CEO)"
)
"""The noun that makes a phrase a role: ``foreign minister``, ``head of Rosneft``."""

CAPITAL_OFFICE = "|".join(w for w in OFFICE_WORDS if " " not in w)
"""The same nouns capitalised, as a role after a name may write them: ``the Chairman of``."""

ROLE_TAIL = r"(?:\s+(?:of|to|for|at|in|on|from)\s+(?:the\s+)?(?:[\w’'–-]+)(?:\s+[\w’'–-]+){0,7}?)"
"""What follows a role's noun: `` of the Russian presidential administration``,
`` in 2016–2020``."""

QUALIFIER = (
    r"(?:(?!(?:of|to|for|at|in|on|from|with|by|and|or|as|than)\s)[a-z][\w-]*"
    rf"|[{_UPPER}][{_LOWER}]+-[\w-]+|{WORD}(?=\s+[a-z]))"
)
"""A word qualifying a role's noun: any but a preposition or a conjunction, so that in
"the son of the aged President" the role's noun is "son", which is no office. A
capitalised word is one only when hyphenated ("Russian-speaking") or before a word
in lower case ("Minsk historian"): two capitalised words in a row are a name, and
in "Krasnaya Zvezda, Major-General Aleksandr Zhuravlev the Commander of …" the
newspaper is given no role."""

ROLE_CORE = (
    rf"(?:(?:[Tt]he|an?)\s+)?(?:{NAME}[’']s\s+)?(?:{QUALIFIER}\s+){{0,4}}?"
    rf"(?:{OFFICE_NOUN}|{CAPITAL_OFFICE})\b{ROLE_TAIL}?"
)
"""One role as a phrase: ``the deputy prime minister``, ``Russia’s foreign minister``,
``head of the security council``, ``a Russian-speaking London-based reporter for Bloomberg``."""

ROLE_PHRASE = rf"{ROLE_CORE}(?:\s+and\s+{ROLE_CORE})?"
"""A role, or two joined by "and": ``Russia’s premier political commentator and the chair
of the Council for Foreign and Defense Policy``."""

APPOSITION = re.compile(
    rf"(?P<name>{NAME})(?:\s+\([^()]*\))?,\s+(?P<role>{ROLE_PHRASE})(?=\s*(?:[,;.()]|$))",
    re.MULTILINE,
)
"""A role after the name, set off by commas: ``Yulia Lavrov, the foreign minister,``,
``Valery Gerasimov (born in 1955), chief of the Russian General Staff,``."""

PARENTHESISED_ROLE = re.compile(rf"(?P<name>{NAME})\s+\((?P<role>{ROLE_CORE})\)")
"""A role in parentheses after the name: ``Pavlo Lazarenko (prime minister in 1996–1997)``."""

ROLE_BEFORE = re.compile(
    rf"\b[Tt]he\s+(?P<role>(?:{QUALIFIER}\s+){{0,3}}?(?:{OFFICE_NOUN}|{CAPITAL_OFFICE})\b"
    rf"{ROLE_TAIL}?),"
    rf"\s+(?P<name>{NAME})(?=\s*[,;.)])"
)
"""A role set off before the name: ``the Russian ambassador in Washington, Sergei Kislyak,``,
``the head of the Russian presidential administration, Sergei Ivanov,``."""

HEAD_OF = re.compile(
    rf"\b(?:the\s+)?(?P<role>(?:head|chairman|chairwoman|director|chief)\s+of\s+(?:the\s+)?"
    rf"{NAME}),\s+(?P<name>{NAME})(?=\s*[,;.)])"
)
"""A "head of" before the name: ``the head of Rosneft, Igor Sechin,``."""

LEADING_FILLER = re.compile(
    r"^(?:(?:The|Thus|Indeed|And|But|So|Then|Even|Also|In|Moreover|Since|As|When|While|After|"
    r"Before|Following|According|During|Under|On|At|For|By|With|From|If|Although)\s+)+"
)
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
        of_country = _country_named(match["of_country"], countries)
        if match["of_country"] and of_country is None:
            continue
        adjective = match["adjective"] or ""
        country = (
            countries.get(adjective) or _country_named(match["owner"], countries) or of_country
        )
        role = LEADING_FILLER.sub("", match["role"])
        yield Introduced(
            number, match.start("name"), match.end("name"), match["name"], role, country, True
        )
    for match in LOWER_TITLE.finditer(text):
        role = LEADING_FILLER.sub("", match["role"])
        country = next((countries[w] for w in role.split() if w in countries), None)
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
    for match in PARENTHESISED_ROLE.finditer(text):
        role = ARTICLE.sub("", match["role"])
        yield Introduced(number, match.start("name"), match.end("name"), match["name"], role, None)
    for pattern in (ROLE_BEFORE, HEAD_OF):
        for match in pattern.finditer(text):
            role = match["role"]
            yield Introduced(
                number, match.start("name"), match.end("name"), match["name"], role, None
            )


def _country_named(owner: str | None, countries: dict[str, str]) -> str | None:
    return owner if owner is not None and owner in countries.values() else None
