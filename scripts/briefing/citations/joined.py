"""Names joined by "and": one outlet, or several sharing a date?

``Kommersant and Vedomosti`` are two outlets; ``Arguments and Facts``,
``Radio Free Europe and Radio Liberty`` and ``Ministry of Industry and
Trade`` are one. A *reading* of a name cuts it at some of its "and"s (or
"&"s). The reading taken is decided, in order, by:

1. **Outlet shape.** Every piece must be outlet-shaped or a known place: a
   lower-case fragment or an event is never a piece.
2. **The registry and the gazetteer.** The reading whose pieces that are
   registered outlets (names or aliases, the whole name included), web
   addresses or known places cover the most words wins. So a registered
   name containing "and" is one outlet, and two registered names are two.
3. **Grammar, for names neither knows.** An "and" after a lower-case
   connector in the same piece (``Ministry *of* Foreign Affairs and European
   Integration``, ``Institute *for* War and Peace Reporting``) joins words of
   one organisation's name; any other "and" joins two names
   (``Human Rights Watch and Amnesty International``). The reading closest to
   that one wins.
4. **Fewer, longer names** on a remaining tie.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from itertools import product

from ..model import Outlet
from .grammar import AND_JOINER, CONNECTORS, MAX_JOINERS

Known = Callable[[str], bool]
"""Whether a piece is a registered outlet, a web address or a known place."""

Shaped = Callable[[str], bool]
"""Whether a piece may name an outlet or a place at all."""


def split_joined(name: str, known: Known, shaped: Shaped) -> list[str]:
    """The outlet names in ``name``, cut at the "and"s that join two names."""
    joiners = [(m.start(), m.end()) for m in AND_JOINER.finditer(name)]
    if not joiners or known(name):
        return [name]
    grammar = tuple(not _inside_name(name, joiners, i) for i in range(len(joiners)))
    if len(joiners) > MAX_JOINERS:
        return _pieces(name, joiners, grammar)
    best: tuple[tuple[int, int, int], list[str]] | None = None
    for cuts in product((False, True), repeat=len(joiners)):
        pieces = _pieces(name, joiners, cuts)
        if not all(shaped(piece) for piece in pieces):
            continue
        covered = sum(len(piece.split()) for piece in pieces if known(piece))
        distance = sum(cut != expected for cut, expected in zip(cuts, grammar, strict=True))
        score = (-covered, distance, len(pieces))
        if best is None or score < best[0]:
            best = (score, pieces)
    return best[1] if best else _pieces(name, joiners, grammar)


def same_outlet(written: str, resolve: Callable[[str], Outlet | None]) -> Outlet | None:
    """The one outlet every "and"-joined piece of ``written`` names, if any:
    ``Radio Free Europe and Radio Liberty`` is one outlet by two of its names,
    and so is ``CSIS and Center for Strategic and International Studies``,
    whose second name has an "and" of its own."""
    joiners = [(m.start(), m.end()) for m in AND_JOINER.finditer(written)]
    if not joiners:
        return None
    every = (True,) * len(joiners)
    readings = (
        [every] if len(joiners) > MAX_JOINERS else product((True, False), repeat=len(joiners))
    )
    known: dict[str, Outlet | None] = {}  # a piece recurs across readings
    for cuts in readings:
        if not any(cuts):
            continue
        pieces = _pieces(written, joiners, cuts)
        outlets = [known[p] if p in known else known.setdefault(p, resolve(p)) for p in pieces]
        first = outlets[0]
        if first is not None and all(o is not None and o.id == first.id for o in outlets):
            return first
    return None


def _inside_name(name: str, joiners: list[tuple[int, int]], index: int) -> bool:
    # The words since the previous "and": a connector after the first of them
    # means the "and" continues an of-phrase ("Ministry of Industry and Trade").
    start = joiners[index - 1][1] if index else 0
    words = name[start : joiners[index][0]].split()
    return any(word.casefold() in CONNECTORS for word in words[1:])


def _pieces(name: str, joiners: list[tuple[int, int]], cuts: tuple[bool, ...]) -> list[str]:
    return list(_cut(name, joiners, cuts))


def _cut(name: str, joiners: list[tuple[int, int]], cuts: tuple[bool, ...]) -> Iterator[str]:
    start = 0
    for (joiner_start, joiner_end), cut in zip(joiners, cuts, strict=True):
        if cut:
            yield name[start:joiner_start].strip()
            start = joiner_end
    yield name[start:].strip()
