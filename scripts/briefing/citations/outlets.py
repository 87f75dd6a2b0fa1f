"""The source part of a citation: what comes before its date list.

``see Part One, EDM`` → outlet ``EDM``, note ``Part One``;
``cutting gas to Kyiv—see EDM`` → outlet ``EDM``, note the gloss;
``“Title, With a Comma,” EDM`` → outlet ``EDM``, the title;
``Interfax [Kyiv]`` → outlet ``Interfax``, note ``Kyiv``;
``Interfax, Vedomosti`` → two outlets sharing the dates that follow.

Outlet names are kept as written (whitespace collapsed); resolving them is
the registry's job. A name counts as an outlet when the registry knows it,
when it is a web address, or when it looks like a name: a few capitalised
words, digits or acronyms joined by the usual lower-case connectors. Known
places and event names do not count.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Protocol

from ..model import Outlet, ParentheticalKind
from .grammar import (
    AND_KEPT,
    APPOSITION,
    BRACKETED,
    CONNECTORS,
    DOCUMENT_WORDS,
    EVENT_WORDS,
    GLOSS_DASH,
    INTERVIEW,
    LEAD_WORDS,
    LEADING_AND,
    LOWER_NAME_WORDS,
    MAX_OUTLET_WORDS,
    MONTHS,
    NAME_WORD,
    NOTE_ITEM,
    OUTLET_NAME_WORDS,
    PART_LEAD,
    PERSON_NAME,
    PLACES,
    POSSESSIVE,
    PREFIX,
    SELF_REFERENCE,
    TITLE,
)
from .joined import split_joined
from .prose import read_cross_reference
from .reasons import Reason
from .registry import OutletLookup
from .scan import split_outside
from .web import is_web_address


class Resolver(Protocol):
    """What extraction needs of the outlet registry, and the name of the
    article's own publication (``home``) that "see Part One" points at."""

    home: str | None

    def resolve(self, written: str) -> Outlet | None: ...


@dataclass
class CachedResolver:
    """A registry's answers remembered for one extraction: the same names are
    looked up many times while reading a parenthetical."""

    registry: OutletLookup
    home: str | None = None
    _known: dict[str, Outlet | None] = field(default_factory=dict)

    def resolve(self, written: str) -> Outlet | None:
        if written not in self._known:
            self._known[written] = self.registry.resolve(written)
        return self._known[written]


@dataclass(frozen=True)
class SourcePart:
    """The outlets of a source part, with its title and note if any, and the
    notes of one outlet only among several (``own_notes``: the outlet's place
    in ``outlets``, note)."""

    outlets: tuple[str, ...]
    title: str | None = None
    note: str | None = None
    own_notes: tuple[tuple[int, str], ...] = ()

    def note_of(self, index: int) -> str | None:
        """The note of the outlet at ``index``: the shared note, then its own."""
        own = (note for place, note in self.own_notes if place == index)
        return "; ".join(n for n in (self.note, *own) if n) or None

    def annotated(self, note: str, page: str | None, owned: bool) -> tuple[SourcePart, str | None]:
        """This part with ``note`` added to its note, and the url it keeps.

        ``page``, an address written after the dates, is the url of one
        outlet; of several, unless it is on the site of one of them
        (``owned``), it cannot be any one's, so it joins their note."""
        if page is not None and len(self.outlets) > 1 and not owned:
            note, page = "; ".join(n for n in (note, page) if n), None
        merged = "; ".join(n for n in (self.note, note) if n) or None
        return replace(self, note=merged), page


@dataclass(frozen=True)
class NotASource:
    """A source part that names no outlet, and why."""

    kind: ParentheticalKind
    reason: Reason


def strip_prefixes(text: str) -> str:
    """``text`` without leading "see", "e.g.", "according to" and the like."""
    while match := PREFIX.match(text):
        text = text[match.end() :]
    return text.strip()


def is_place(name: str) -> bool:
    """Whether ``name`` is one of the well-known places of the genre."""
    return name.casefold().strip(" .") in PLACES


def looks_like_outlet(name: str, registry: Resolver) -> bool:
    """Whether ``name`` may be an outlet: known, a web address, or name-shaped."""
    if not name:
        return False
    if registry.resolve(name) is not None or is_web_address(name):
        return True
    words = name.split()
    if len(words) > MAX_OUTLET_WORDS or is_place(name) or _is_event(words):
        return False
    if name.casefold().rstrip(".") in MONTHS or not NAME_WORD.match(words[0]):
        return False
    if len(words) > 1 and words[-1].casefold() in CONNECTORS:
        return False  # "Putin on": a name does not end in a connector
    return all(
        NAME_WORD.match(word) or word.casefold() in CONNECTORS | LOWER_NAME_WORDS
        for word in words[1:]
    )


def read_source(
    items: Sequence[str], registry: Resolver, *, dated: bool = True
) -> SourcePart | NotASource:
    """The outlets named by the comma-separated ``items`` before a date list
    (``dated``) or standing without one."""
    notes: list[str] = []
    owned: list[tuple[str, tuple[str, ...]]] = []  # each name written, its bracketed notes
    written = ", ".join(items)
    introduced = strip_prefixes(written) != written.strip()
    text = _split_gloss(strip_prefixes(written), notes)
    if lead := PART_LEAD.match(text):  # "Part One: “Title,” EDM"
        notes.append(lead["note"])
        text = text[lead.end() :]
    parts = [p.strip() for p in split_outside(text, ",") if p.strip()]
    parts = _after_last_prefix(parts, notes)
    title, parts = _take_title(parts, notes)
    names: list[str] = []
    for index, part in enumerate(parts):
        name = _unbracketed(LEADING_AND.sub("", part) if index else part, notes, owned, registry)
        if NOTE_ITEM.match(name):
            notes.append(name)
        elif name:
            names.extend(_outlet_names(name, notes, registry, introduced))
    names = _authors_to_notes(names, notes, registry)
    outlets = [n for n in names if looks_like_outlet(n, registry)]
    if not outlets and dated and registry.home and SELF_REFERENCE.match(text):
        return SourcePart((registry.home,), title, text)  # "see Part One, October 3"
    if not outlets:
        return _rejection(names, title)
    others = [n for n in names if n not in outlets and not is_place(n)]
    if others and not _is_leading_gloss(names, others, outlets, registry):
        return NotASource(ParentheticalKind.AMBIGUOUS, Reason.UNCLEAR_SOURCE)
    notes.extend(n for n in names if n not in outlets)
    own = _own_notes(outlets, notes, owned)
    return SourcePart(tuple(outlets), title, "; ".join(notes) or None, own)


def _own_notes(
    outlets: list[str], notes: list[str], owned: list[tuple[str, tuple[str, ...]]]
) -> tuple[tuple[int, str], ...]:
    """The bracketed notes of one outlet among several, by its place, taken out
    of the shared ``notes``: ``Channel 5 (Ukraine) and Kommersant`` notes
    Channel 5 only, and ``Interfax (Kyiv), Interfax (Moscow)`` each Interfax
    its own city (the second time a name is written is its second outlet). A
    single outlet keeps them among its notes, in the order written."""
    if len(outlets) < 2:
        return ()
    written: dict[str, list[tuple[str, ...]]] = {}
    for name, taken in owned:
        written.setdefault(name, []).append(taken)
    own: list[tuple[int, str]] = []
    for index, outlet in enumerate(outlets):
        for note in written[outlet].pop(0) if written.get(outlet) else ():
            own.append((index, note))
            notes.remove(note)
    return tuple(own)


def _outlet_names(name: str, notes: list[str], registry: Resolver, introduced: bool) -> list[str]:
    pieces = _split_and(name, registry)
    if len(pieces) > 1 and all(registry.resolve(p) is not None for p in pieces):
        # Each a known outlet: "BBC and BBC Persian Service" is not "BBC and
        # BBC" (one outlet by two names) with a note "Persian Service".
        return pieces
    # A cross-reference is read whole first: the "and" of "see Part One in
    # Arguments and Facts" belongs to the outlet's name.
    whole = _cross_reference(name, notes, registry, introduced)
    if whole != name:
        return [whole]
    return [_cross_reference(n, notes, registry, introduced) for n in pieces]


def _cross_reference(name: str, notes: list[str], registry: Resolver, introduced: bool) -> str:
    """``Part One in EDM`` → ``EDM``, its phrase a note (see :mod:`.prose`).

    An outlet-shaped name (``EDM Part One``) is read so only when what is
    left is a note such as a part number: ``RIA Novosti Ukraine`` stays whole.
    """
    if registry.resolve(name) is not None or is_web_address(name):
        return name
    reference = read_cross_reference(name, registry.resolve, introduced=introduced)
    if reference is None:
        return name
    shaped = looks_like_outlet(name, registry)
    publisher = any(POSSESSIVE.search(w) for w in name.split()[:-1])  # Jamestown’s EDM
    if shaped and not (publisher or (reference.note and NOTE_ITEM.match(reference.note))):
        return name
    if reference.note:
        notes.append(reference.note)
    return reference.outlet


def _authors_to_notes(names: list[str], notes: list[str], registry: Resolver) -> list[str]:
    """``see Roger McDermott, EDM``: a person's name just before a known outlet
    is the author of the cited piece, not a second outlet."""
    kept: list[str] = []
    for index, name in enumerate(names):
        following = names[index + 1] if index + 1 < len(names) else None
        if following is not None and _is_author(name, following, registry):
            notes.append(name)
        else:
            kept.append(name)
    return kept


def _is_author(name: str, following: str, registry: Resolver) -> bool:
    if not PERSON_NAME.match(name) or registry.resolve(name) is not None:
        return False
    if any(word.casefold().strip(".,") in OUTLET_NAME_WORDS for word in name.split()):
        return False
    return registry.resolve(following) is not None and not is_place(name)


def _split_gloss(text: str, notes: list[str]) -> str:
    if not any(dash in text for dash in "—–-"):
        return text
    matches = [m for m in GLOSS_DASH.finditer(text) if _quotes_closed(text[: m.start()])]
    if not matches:
        return text
    last = matches[-1]
    before, after = text[: last.start()].strip(), text[last.end() :].strip()
    if before and after and (PREFIX.match(after) or before[:1].islower()):
        notes.append(before)
        return strip_prefixes(after)
    return text


def _quotes_closed(text: str) -> bool:
    opened = sum(text.count(q) for q in "“«") - sum(text.count(q) for q in "”»")
    return opened <= 0 and text.count('"') % 2 == 0


def _after_last_prefix(parts: list[str], notes: list[str]) -> list[str]:
    # "For more on this, see EDM": what precedes the last "see" is a gloss.
    for index in range(len(parts) - 1, 0, -1):
        if PREFIX.match(parts[index]):
            notes.append(", ".join(parts[:index]))
            return [strip_prefixes(parts[index]), *parts[index + 1 :]]
    return parts


def _take_title(parts: list[str], notes: list[str]) -> tuple[str | None, list[str]]:
    for index, part in enumerate(parts):
        if match := TITLE.match(part):
            if index:
                notes.append(", ".join(parts[:index]))  # the author(s)
            rest = [match["rest"].strip()] if match["rest"] else []
            return match["title"].strip(), [*rest, *parts[index + 1 :]]
    return None, parts


def _take_brackets(part: str, notes: list[str]) -> str:
    if "[" not in part and "(" not in part:
        return part
    notes.extend(m["inner"].strip() for m in BRACKETED.finditer(part) if m["inner"].strip())
    return BRACKETED.sub("", part).strip()


def _unbracketed(
    part: str, notes: list[str], owned: list[tuple[str, tuple[str, ...]]], registry: Resolver
) -> str:
    # Each name of "X and Y" on its own: "Kommersant and The Day (Kyiv)".
    pieces = AND_KEPT.split(part)
    if "(" not in part and "[" not in part:
        owned.extend((piece.strip(), ()) for piece in pieces[::2])  # each name written
        return part
    return "".join(
        piece if index % 2 else _unbracketed_name(piece, notes, owned, registry)
        for index, piece in enumerate(pieces)
    )


def _unbracketed_name(
    part: str, notes: list[str], owned: list[tuple[str, tuple[str, ...]]], registry: Resolver
) -> str:
    taken: list[str] = []
    name = _take_brackets(part, taken)
    whole = registry.resolve(part) if name != part else None
    if whole is not None and registry.resolve(name) != whole:
        # "The Day (Kyiv)", "Radio Svoboda (Ukrainian)": the brackets belong
        # to a registered name, which without them is no outlet or another.
        owned.append((part.strip(), ()))
        return part
    notes.extend(taken)
    owned.append((name.strip(), tuple(taken)))
    return name


def _split_and(name: str, registry: Resolver) -> list[str]:
    def known(piece: str) -> bool:
        return registry.resolve(piece) is not None or is_web_address(piece) or is_place(piece)

    def shaped(piece: str) -> bool:
        return is_place(piece) or looks_like_outlet(piece, registry)

    return split_joined(name, known, shaped)


def _is_event(words: list[str]) -> bool:
    folded = [w.casefold().rstrip(".,") for w in words]
    return (
        folded[0] in EVENT_WORDS
        or folded[-1] in EVENT_WORDS
        or any(w in DOCUMENT_WORDS for w in folded)
    )


def _is_leading_gloss(
    names: list[str], others: list[str], outlets: list[str], registry: Resolver
) -> bool:
    # "(Putin’s speech, Kremlin.ru, May 3)": unknown words before a known
    # outlet describe it, and so does an apposition after it ("EDM, a
    # Jamestown publication"); anything else is too uncertain to cite.
    first_outlet = names.index(outlets[0])
    before = names[:first_outlet]
    trusted = all(registry.resolve(o) is not None or is_web_address(o) for o in outlets)
    return trusted and all(o in before or APPOSITION.match(o) for o in others)


def _rejection(names: list[str], title: str | None) -> NotASource:
    text = ", ".join(names)
    words = text.split()
    if title and not names:
        return NotASource(ParentheticalKind.AMBIGUOUS, Reason.TITLE_ONLY)
    if names and all(is_place(n) for n in names):
        return NotASource(ParentheticalKind.AMBIGUOUS, Reason.PLACE)
    if INTERVIEW.search(text):
        return NotASource(ParentheticalKind.AMBIGUOUS, Reason.INTERVIEW)
    if not words or words[0][:1].islower() or len(words) > MAX_OUTLET_WORDS:
        lead = LEAD_WORDS.match(text)
        short_place = lead is not None and len(words) <= 4
        reason = Reason.BARE_DATE if short_place else Reason.CLAUSE
        return NotASource(ParentheticalKind.TEXT, reason)
    if _is_event(words):
        return NotASource(ParentheticalKind.TEXT, Reason.EVENT)
    return NotASource(ParentheticalKind.AMBIGUOUS, Reason.UNCLEAR_SOURCE)
