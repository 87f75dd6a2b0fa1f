"""Words, people and titles for synthetic articles in the genre.

The text is nonsense assembled from the genre's vocabulary; it has the
length, word variety and names of real articles, which is what building
and searching a site cost depends on. It never contains a parenthesis, so
every parenthetical of a generated article is a citation.
"""

from __future__ import annotations

import random

CREDIT = "example.org"

FIRST_NAMES = (
    "Sergei", "Vladimir", "Dmitry", "Ali", "Mahmoud", "Hassan", "Ilham", "Nursultan",
    "Viktor", "Yulia", "Mikheil", "Serzh", "Alexander", "Maria", "Igor", "Anatoly",
    "Tigran", "Zurab", "Kassym-Jomart", "Shavkat", "Emomali", "Recep", "Ahmet", "Olga",
)  # fmt: skip
LAST_NAMES = (
    "Lavrov", "Medvedev", "Salehi", "Rouhani", "Aliyev", "Nazarbayev", "Yanukovych",
    "Tymoshenko", "Saakashvili", "Sargsyan", "Lukashevich", "Serdyukov", "Zakharova",
    "Rogozin", "Pashinyan", "Zhvania", "Tokayev", "Mirziyoyev", "Rahmon", "Davutoglu",
    "Shoigu", "Patrushev", "Kozak", "Naryshkin", "Ivanov", "Gerasimov",
)  # fmt: skip
ROLES = (
    "the foreign minister", "the defense minister", "a presidential spokesman",
    "the deputy prime minister", "the head of the security council", "a senior diplomat",
    "the speaker of parliament", "an opposition leader", "the energy minister",
)  # fmt: skip
PLACES = (
    "Moscow", "Tehran", "Baku", "Tbilisi", "Yerevan", "Astana", "Kyiv", "Minsk", "Ankara",
    "Tashkent", "Dushanbe", "Bishkek", "Ashgabat", "Beijing", "Washington", "Brussels",
    "the South Caucasus", "Central Asia", "the Black Sea", "the Caspian", "Crimea",
)  # fmt: skip
SUBJECTS = (
    "the Kremlin", "the government", "the ministry", "the regime", "the opposition",
    "the army", "the navy", "the security services", "the administration", "the alliance",
    "the parliament", "the state company", "the central bank", "the leadership",
)  # fmt: skip
VERBS = (
    "announced", "rejected", "signaled", "accelerated", "postponed", "negotiated",
    "expanded", "criticized", "welcomed", "concealed", "financed", "reorganized",
    "threatened", "endorsed", "questioned", "resumed", "suspended", "demanded",
)  # fmt: skip
OBJECTS = (
    "new sanctions", "the pipeline project", "a military exercise", "arms deliveries",
    "the nuclear program", "a customs union", "gas prices", "the border agreement",
    "the reset policy", "air-defense systems", "grain exports", "a loan package",
    "the peace talks", "naval deployments", "energy transit", "election monitoring",
    "the free-trade zone", "cyber operations", "a visa regime", "railway investments",
)  # fmt: skip
CLAUSES = (
    "despite growing pressure from the West", "while officials denied any link",
    "according to several regional experts", "as bilateral relations deteriorated",
    "even though the economy remains fragile", "amid protests in the capital",
    "after months of quiet diplomacy", "in a clear break with earlier statements",
    "which analysts regard as a turning point", "although details remain unclear",
)  # fmt: skip
FILLER = (
    "moreover", "indeed", "nevertheless", "meanwhile", "consequently", "in practice",
    "for now", "at the same time", "by contrast", "in turn",
)  # fmt: skip
TITLE_SHAPES = (
    "{place} and {place2} Discuss {object}",
    "{person} Warns Over {object}",
    "The Kremlin's New Approach to {place}",
    "{place} Reconsiders {object}",
    "Why {place} Is Betting on {object}",
    "A New Rapprochement Between {place} and {place2}",
)  # fmt: skip


def people(rng: random.Random, count: int) -> tuple[str, ...]:
    """``count`` distinct full names, shared by the articles of one corpus."""
    names: list[str] = []
    while len(names) < count:
        name = f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
        if name not in names:
            names.append(name)
    return tuple(names)


def title(rng: random.Random, persons: tuple[str, ...]) -> str:
    place, place2 = rng.sample(PLACES, 2)
    text = rng.choice(TITLE_SHAPES).format(
        place=place, place2=place2, person=rng.choice(persons), object=rng.choice(OBJECTS)
    )
    return " ".join(word[:1].upper() + word[1:] for word in text.split())


def sentence(rng: random.Random, persons: tuple[str, ...], words: int) -> str:
    """A sentence of about ``words`` words, ending with a full stop."""
    if rng.random() < 0.4:
        opening = f"{rng.choice(persons)}, {rng.choice(ROLES)}, said that {rng.choice(SUBJECTS)}"
    else:
        filler, subject = rng.choice(FILLER).capitalize(), rng.choice(SUBJECTS)
        opening = f"{filler}, {subject} in {rng.choice(PLACES)}"
    parts = [opening, rng.choice(VERBS), rng.choice(OBJECTS)]
    while len(" ".join(parts).split()) < words:
        parts.append(rng.choice(CLAUSES) if rng.random() < 0.5 else _and_also(rng))
    text = " ".join(parts)
    return text[:1].upper() + text[1:] + "."


def clause(rng: random.Random, persons: tuple[str, ...]) -> str:
    """A short sentence: someone did something, with a full stop."""
    who = rng.choice(persons) if rng.random() < 0.4 else rng.choice(SUBJECTS)
    who = who[:1].upper() + who[1:]
    return f"{who} {rng.choice(VERBS)} {rng.choice(OBJECTS)}."


def _and_also(rng: random.Random) -> str:
    return f"and {rng.choice(VERBS)} {rng.choice(OBJECTS)} in {rng.choice(PLACES)}"
