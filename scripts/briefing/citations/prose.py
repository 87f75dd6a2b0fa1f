"""Cross-references written as prose: a phrase that names one registered outlet.

Writing of this genre points to earlier pieces of its own series, or to
another outlet's reporting, in a phrase rather than a bare name:
``(see Part One in EDM, October 3)``, ``(see EDM’s earlier coverage,
October 3)``, ``(as reported in EDM on October 3)``, ``(see the author’s
article in EDM, October 3)``, ``(EDM Part One, October 3)``.

When the grammar of outlet names cannot read a source part, it is read as
such a phrase if it names exactly one registered outlet (by name, alias or
web address, possessive allowed) and the rest of it is a cross-reference:
short, in lower case apart from its first word and a part number, and
holding a reference word (``see``, ``reported``, ``coverage``, ``article``,
``Part``…). The outlet is cited; the phrase without the outlet is the
citation's note. A clause that merely names an outlet is no cross-reference:
``signed at the Kremlin`` has no reference word, and a possessive alone is
not one (``Vedomosti’s owner was replaced``).

A phrase that points at the article's own publication without naming it
(``Part One``, ``the previous article in this series``, ``these pages``:
``SELF_REFERENCE``) cites that publication when the article's publication
is known. Without a date such phrases are pointers or part references,
never citations (:mod:`.reasons`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from .grammar import (
    LINK_WORDS,
    MAX_OUTLET_WORDS,
    MAX_REFERENCE_WORDS,
    NAME_WORD,
    NOTE_ITEM,
    PART_MENTION,
    PART_WORD,
    POSSESSIVE,
    REFERENCE_WORDS,
    WRITING_WORDS,
)
from .web import is_web_address

_PUNCTUATION = ',;:.“”"«»()[]'

Resolve = Callable[[str], object | None]
"""The registry's lookup: an outlet as written → the outlet, or None."""


@dataclass(frozen=True)
class CrossReference:
    """The outlet a prose cross-reference names, as written, and the rest of it."""

    outlet: str
    note: str | None


def read_cross_reference(
    phrase: str, resolve: Resolve, *, introduced: bool = False
) -> CrossReference | None:
    """The registered outlet that ``phrase`` refers to, if it is a cross-reference.

    ``introduced``: a prefix such as "as reported in" was already taken off,
    so ``EDM on`` needs no reference word of its own.
    """
    words = phrase.split()
    if not words or len(words) > MAX_REFERENCE_WORDS + MAX_OUTLET_WORDS:
        return None
    spans = _outlet_spans(words, resolve)
    publisher: list[str] = []
    if len(spans) == 2 and spans[0][1] == spans[1][0] and _possessive(words, spans[0][1]):
        publisher = [spans[0][2]]  # "Jamestown Foundation’s EDM": the publisher, then its series
        spans = [(spans[0][0], spans[1][1], spans[1][2])]
    if len(spans) != 1:
        return None
    start, end, outlet = spans[0]
    if len(words) - (end - start) > MAX_REFERENCE_WORDS:
        return None
    if not _refers(words, start, end, introduced=introduced or bool(publisher)):
        return None
    note = [*publisher, *_trimmed(words[:start]), *_trimmed(words[end:], leading=True)]
    return CrossReference(outlet, " ".join(_trimmed(note)) or None)


def _refers(words: list[str], start: int, end: int, *, introduced: bool) -> bool:
    """Whether the words around the outlet ``words[start:end]`` make a
    cross-reference of it."""
    before, after = words[:start], words[end:]
    rest = [*before, *after]
    if not rest:
        return introduced
    if NOTE_ITEM.match(" ".join(rest)):
        return True  # "EDM Part One", "EDM Volume 8"
    if introduced and all(_bare(word) in LINK_WORDS for word in rest):
        return True  # "as reported in" was taken off "EDM on"
    return _is_reference(rest, bool(before)) and _after_outlet(after, _possessive(words, end))


def _after_outlet(after: list[str], possessive: bool) -> bool:
    """What may follow the outlet: link and reference words (``EDM articles
    from``, ``as EDM reported on``) or, after a possessive, a piece of writing
    (``EDM’s earlier coverage of the talks``); never a clause of its own
    (``told TASS it would cut supplies by May 3``)."""
    folded = [_bare(word) for word in after]
    writing = REFERENCE_WORDS | WRITING_WORDS
    if all(word in LINK_WORDS or word in writing for word in folded):
        return True
    return possessive and any(word in writing for word in folded[:3])


def _bare(word: str) -> str:
    return word.strip(_PUNCTUATION).casefold()


def _possessive(words: list[str], end: int) -> bool:
    return POSSESSIVE.search(words[end - 1].strip(_PUNCTUATION)) is not None


def _outlet_spans(words: list[str], resolve: Resolve) -> list[tuple[int, int, str]]:
    """Non-overlapping runs of words naming a registered outlet, longest first."""
    found: list[tuple[int, int, str]] = []
    index = 0
    while index < len(words):
        for end in range(min(len(words), index + MAX_OUTLET_WORDS), index, -1):
            name = next((n for n in _as_names(words[index:end]) if _registered(n, resolve)), "")
            if name:
                found.append((index, end, name))
                index = end
                break
        else:
            index += 1
    return found


def _as_names(words: list[str]) -> list[str]:
    """The outlet names ``words`` may be: without a possessive ending
    (``EDM’s``, ``Time’s``), then as written (``Jane's``)."""
    name = " ".join(words).strip(_PUNCTUATION)
    if not name or not NAME_WORD.match(name):
        return []
    return [POSSESSIVE.sub("", name), name] if POSSESSIVE.search(name) else [name]


def _registered(name: str, resolve: Resolve) -> bool:
    if is_web_address(name):
        return True
    return resolve(name) is not None and name.casefold() not in LINK_WORDS


def _is_reference(rest: list[str], opens: bool) -> bool:
    # ``opens``: the phrase starts before the outlet, so its first word may
    # be capitalised as the start of a sentence ("As reported in EDM").
    text = " ".join(rest)
    folded = [w.strip(_PUNCTUATION).casefold() for w in rest]
    if not (PART_MENTION.search(text) or REFERENCE_WORDS.intersection(folded)):
        return False
    return all(_lower_or_part(word) for word in (rest[1:] if opens else rest))


def _lower_or_part(word: str) -> bool:
    bare = word.strip(_PUNCTUATION)
    return not bare[:1].isupper() or PART_WORD.fullmatch(bare) is not None


def _trimmed(words: list[str], leading: bool = False) -> list[str]:
    """``words`` without link words at the end facing the outlet (or the start)."""
    kept = [w.strip(",;:") for w in words]
    while kept and kept[0 if leading else -1].casefold() in LINK_WORDS:
        kept.pop(0 if leading else -1)
    return kept
