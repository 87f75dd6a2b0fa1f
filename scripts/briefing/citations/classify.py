"""Decide what one parenthetical is: citation, text or ambiguous, and why.

The inside of a parenthetical is cut at semicolons into segments and each
segment at commas into items. Items that are dates form *date runs* (a run
starts with an item naming a month); the items before a run are its source
part. So ``Kommersant, March 3, Vedomosti, March 4`` is two groups and
``Interfax, Vedomosti, May 12`` one group with two outlets. A segment that
is only a date run continues the outlets of the segment before it
(``see EDM, November 5, 6, 2015; January 12, 2016``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..model import CitedDate, ParentheticalKind
from .dates import DateContext, DateToken, date_tokens, day_first, resolve, shared_dates
from .grammar import (
    AND_JOINER,
    BARE_YEAR,
    DATE_THEN,
    LEADING_AND,
    LOST_OUTLET,
    NOTE_ITEM,
    PART_MENTION,
    TITLE,
    TRAILING_DATE,
)
from .outlets import NotASource, Resolver, SourcePart, read_source, strip_prefixes
from .reasons import IMAGE_CREDIT, Reason, text_reason
from .scan import split_outside
from .web import find_addresses, is_web_address

SPACE = re.compile(r"\s+")
"""Any run of white space, collapsed to one space before reading."""

IN_WORD = re.compile(r"[A-Za-z’'-]{1,15}")
"""The inside of an in-word parenthesis: the ``pre`` of ``(pre)conditions``."""

MAX_CITATION_CHARS = 1000
"""A parenthetical longer than this is prose, whatever it contains."""


@dataclass(frozen=True)
class Group:
    """A source part and the date run after it (either may be empty)."""

    source: list[str]
    dates: list[DateToken] = field(default_factory=list)


@dataclass(frozen=True)
class Found:
    """A source read from a parenthetical, before it becomes Citations."""

    part: SourcePart
    dates: list[CitedDate]
    url: str | None = None
    url_of: int | None = None
    """Whose page ``url`` is when the part names several outlets (its place)."""

    def url_for(self, index: int) -> str | None:
        """The page of the outlet at ``index``, if the text gives it."""
        return self.url if len(self.part.outlets) == 1 or index == self.url_of else None


@dataclass(frozen=True)
class Verdict:
    """The classification of one parenthetical."""

    kind: ParentheticalKind
    reason: Reason
    found: tuple[Found, ...] = ()
    impossible: tuple[str, ...] = ()
    lost: tuple[str, ...] = ()
    unread: tuple[str, ...] = ()


@dataclass
class Reading:
    """What the source parts of a parenthetical were read as: the sources
    found, the first part refused and why, the impossible dates, and the
    dated parts refused (``author’s interview, May 5``), which are reported
    when other sources are cited, never dropped silently."""

    found: list[Found] = field(default_factory=list)
    rejection: NotASource | None = None
    impossible: list[str] = field(default_factory=list)
    unread: list[str] = field(default_factory=list)


def classify(
    inner: str, before: str, after: str, context: DateContext, registry: Resolver
) -> Verdict:
    """Classify the inside of a parenthetical; ``before``/``after`` are the
    characters around it (for in-word parentheses such as ``region(s)``)."""
    inner = SPACE.sub(" ", inner).strip()
    if (before.isalpha() or after.isalpha()) and IN_WORD.fullmatch(inner):
        return Verdict(ParentheticalKind.TEXT, Reason.IN_WORD)
    if len(inner) > MAX_CITATION_CHARS:
        return Verdict(ParentheticalKind.TEXT, Reason.CLAUSE)
    if not inner or IMAGE_CREDIT.match(inner):
        return Verdict(ParentheticalKind.TEXT, text_reason(inner))
    inner, lost = _lost_outlets(inner)
    if lost and not inner:
        return Verdict(ParentheticalKind.TEXT, Reason.LOST_SOURCE, lost=lost)
    reading = _read(inner, context, registry)
    found, rejection, impossible = reading.found, reading.rejection, tuple(reading.impossible)
    if found:
        dated = any(f.dates for f in found)
        kind_reason = Reason.CITATION if dated else Reason.WEB_ADDRESS
        return Verdict(
            ParentheticalKind.CITATION,
            kind_reason,
            tuple(found),
            impossible,
            lost,
            tuple(reading.unread),
        )
    if rejection is not None and rejection.kind is ParentheticalKind.AMBIGUOUS:
        return Verdict(rejection.kind, rejection.reason)
    if addresses := [inner[s:e] for s, e in find_addresses(inner)]:
        return Verdict(ParentheticalKind.CITATION, Reason.WEB_ADDRESS, _web(addresses))
    reason = text_reason(inner)
    if reason in (Reason.NAME, Reason.POINTER) and registry.resolve(strip_prefixes(inner)):
        return Verdict(ParentheticalKind.AMBIGUOUS, Reason.UNDATED_OUTLET)
    if reason is Reason.LIST and _all_registered(inner, registry):
        return Verdict(ParentheticalKind.AMBIGUOUS, Reason.UNDATED_OUTLET)  # (TASS and RIA)
    if rejection is not None and reason in (Reason.NAME, Reason.LIST, Reason.CLAUSE):
        reason = rejection.reason
    return Verdict(ParentheticalKind.TEXT, reason)


def _lost_outlets(inner: str) -> tuple[str, tuple[str, ...]]:
    """``inner`` without its segments whose outlet is missing (``, May 4``), and those.

    Such a segment is never read as a date continuing the outlet before it."""
    if "," not in inner:
        return inner, ()
    kept: list[str] = []
    lost: list[str] = []
    for segment in split_outside(inner, ";"):
        match = LOST_OUTLET.match(segment)
        items = _split(match["dates"], ",") if match else []
        if match and all(date_tokens(item) is not None for item in items):
            lost.append(segment.strip())
        else:
            kept.append(segment)
    return (";".join(kept).strip() if lost else inner), tuple(lost)


def _all_registered(inner: str, registry: Resolver) -> bool:
    items = [LEADING_AND.sub("", item) for item in _split(inner, ",")]
    return all(
        registry.resolve(item) is not None or _each_registered(item, registry) for item in items
    )


def _each_registered(item: str, registry: Resolver) -> bool:
    members = [m for m in AND_JOINER.split(item) if m]
    return all(registry.resolve(LEADING_AND.sub("", m)) is not None for m in members)


def _web(addresses: list[str]) -> tuple[Found, ...]:
    return tuple(Found(SourcePart((a,)), [], url=a) for a in addresses)


def _read(inner: str, context: DateContext, registry: Resolver) -> Reading:
    reading = Reading()
    found = reading.found
    dated = False  # whether a date list came before: a later "and" opens a source
    leading: list[list[str]] = []  # undated segments before any source
    for segment in _split(inner, ";"):
        items = _detach_dates(_split(shared_dates(segment), ","))
        groups, tail = _groups(items, registry, after_dates=dated)
        dated = dated or any(group.dates for group in groups)
        refused = [_refused(group, reading, context, registry) for group in groups]
        if tail and refused and refused[-1] and not _all_registered(_address(tail), registry):
            # What follows a refused source describes it, not the one before.
            reading.unread[-1] = f"{reading.unread[-1]}, {', '.join(tail)}"
        elif tail and not groups and not found and not is_web_address(_address(tail)):
            leading.append(tail)
        elif tail:
            _attach_tail(tail, groups, found, registry)
    if any(f.dates for f in found):
        found[:0] = _undated_registered(leading, registry)
    return reading


def _refused(group: Group, reading: Reading, context: DateContext, registry: Resolver) -> bool:
    """Read one group into ``reading``; whether its source part was refused."""
    found = reading.found
    resolved = resolve(group.dates, context)
    reading.impossible.extend(resolved.impossible)
    if not group.source:
        if found:
            found[-1].dates.extend(resolved.dates)  # a date list continuing the outlet
        return False
    part = read_source(group.source, registry)
    if isinstance(part, NotASource) and found and _only_notes(group.source):
        # "(EDM, Part One, October 3, and Part Two, October 10)"
        part = SourcePart(found[-1].part.outlets, None, _notes(group.source))
    if isinstance(part, NotASource):
        reading.rejection = reading.rejection or part
        reading.unread.append(_written(group))
        return True
    found.append(Found(part, list(resolved.dates), _url(part)))
    return False


def _address(items: list[str]) -> str:
    return strip_prefixes(", ".join(items))


def _undated_registered(segments: list[list[str]], registry: Resolver) -> list[Found]:
    """``(Kommersant; Izvestia, May 3)``: registered outlets in undated segments
    before the first source are cited without a date, as they are after it."""
    result: list[Found] = []
    for items in segments:
        if not _all_registered(_address(items), registry):
            continue
        undated = read_source(items, registry, dated=False)
        if isinstance(undated, SourcePart):
            result.append(Found(undated, [], _url(undated)))
    return result


def _written(group: Group) -> str:
    source = ", ".join(group.source)
    dates = ", ".join(dict.fromkeys(token.text for token in group.dates))  # a range: two tokens
    return f"{source} {dates}" if source.endswith((",”", ',"')) else f"{source}, {dates}"


def _split(text: str, separator: str) -> list[str]:
    if separator not in text:
        return [text]
    return [part.strip() for part in split_outside(text, separator) if part.strip()]


def _detach_dates(items: list[str]) -> list[str]:
    # "“Title,” May 3": the comma sits inside the quotes, so the date shares
    # the title's item. "Kommersant March 3": the comma is missing.
    # "as EDM reported on October 3, 2011": only dates follow the item.
    result: list[str] = []
    for index, item in enumerate(items):
        title = TITLE.match(item)
        last = all(date_tokens(later) is not None for later in items[index + 1 :])
        trailing = TRAILING_DATE.fullmatch(item) if last else None
        then = _date_then(item)
        if title and title["rest"] and date_tokens(title["rest"]) is not None:
            result.extend((item[: title.start("rest")].strip(), title["rest"]))
        elif then:
            result.extend(then)
        elif trailing and date_tokens(item) is None and date_tokens(trailing["head"]) is None:
            result.extend((trailing["head"], trailing["date"]))
        else:
            result.append(item)
    return result


def _date_then(item: str) -> tuple[str, str] | None:
    """``May 3 and Vedomosti`` → the date and what follows it, when the item
    is a date, then a source or a part of the series."""
    match = DATE_THEN.match(item)
    if match is None or date_tokens(match["date"]) is None:
        return None
    if date_tokens(match["rest"]) is not None:
        return None  # "May 2 and 4" is one date list
    if match["joiner"].casefold() == "for" and not PART_MENTION.search(match["rest"]):
        return None
    return match["date"], match["rest"]


def _groups(
    items: list[str], registry: Resolver, *, after_dates: bool = False
) -> tuple[list[Group], list[str]]:
    groups: list[Group] = []
    source: list[str] = []
    dates: list[DateToken] = []
    for item in items:
        tokens = date_tokens(item)
        if tokens is not None and not dates and tokens[0].has_month:
            days = _bare_days(source)  # "(Kommersant, 3, 4 May)"
            if days and day_first([*days, *tokens])[0].has_month:
                source, tokens = source[: -len(days)], day_first([*days, *tokens])
        if tokens is not None and (dates or tokens[0].has_month):
            dates.extend(tokens)
            continue
        if dates:
            groups.append(Group(source, dates))
            source, dates = [], []
            after_dates = True
        if after_dates and not source and not _only_notes([item]):
            # "(Kommersant, May 3, and Vedomosti, May 4)": the serial "and"
            # opens the next source; left on, it hid that source's name. On a
            # part ("and Part Two, May 7") it marks the outlet before continued.
            item = LEADING_AND.sub("", item)
        source.append(item)
    if dates:
        groups.append(Group(source, dates))
        source = []
    # "(Kommersant, 2012)": a year alone dates a source the registry knows.
    if (
        not groups
        and len(source) >= 2
        and BARE_YEAR.fullmatch(source[-1])
        and registry.resolve(strip_prefixes(", ".join(source[:-1]))) is not None
    ):
        groups.append(Group(source[:-1], date_tokens(source[-1]) or []))
        source = []
    return groups, source


def _bare_days(source: list[str]) -> list[DateToken]:
    """The bare days that end ``source`` after its first item: days of the
    day-first date that follows (``3`` of ``Kommersant, 3, 4 May``)."""
    days: list[DateToken] = []
    for item in reversed(source[1:]):
        tokens = date_tokens(item)
        if tokens is None or any(t.month is not None or t.day is None for t in tokens):
            break
        days[:0] = tokens
    return days


def _url(part: SourcePart) -> str | None:
    return part.outlets[0] if len(part.outlets) == 1 and is_web_address(part.outlets[0]) else None


def _only_notes(items: list[str]) -> bool:
    """Whether ``items`` only annotate a source: ``and Part Two``, ``see also
    Part One of this series``, ``for Part One``."""
    bare = [LEADING_AND.sub("", strip_prefixes(item)) for item in items]
    return all(NOTE_ITEM.match(item) or PART_MENTION.search(item) for item in bare)


def _notes(items: list[str]) -> str:
    return "; ".join(LEADING_AND.sub("", strip_prefixes(item)) for item in items)


def _annotate_last(
    found: list[Found], note: str, url: str | None = None, registry: Resolver | None = None
) -> None:
    last = found[-1]
    owner = _owner(last.part, url, registry) if url is not None and registry else None
    part, page = last.part.annotated(note, url, owned=owner is not None)
    found[-1] = Found(part, last.dates, page or last.url, owner if page else last.url_of)


def _owner(part: SourcePart, url: str, registry: Resolver) -> int | None:
    """The one outlet of several in ``part`` whose registered site ``url`` is on:
    ``(Lenta.ru and TASS, May 3, lenta.ru/news/1)`` gives Lenta.ru's page."""
    site = registry.resolve(url)
    if site is None or len(part.outlets) < 2:
        return None
    places = [i for i, name in enumerate(part.outlets) if registry.resolve(name) == site]
    return places[0] if len(places) == 1 else None


def _page(item: str, source: Found, registry: Resolver) -> bool:
    """Whether ``item`` is an address of ``source``'s page: one of another
    registered outlet is that outlet (``Kommersant, May 3, and 1news.az``)."""
    if not is_web_address(item):
        return False
    owner = registry.resolve(item)
    return owner is None or any(registry.resolve(n) == owner for n in source.part.outlets)


def _attach_tail(
    tail: list[str], groups: list[Group], found: list[Found], registry: Resolver
) -> None:
    address = _address(tail)
    if found and _only_notes(tail):
        _annotate_last(found, _notes(tail))
    elif (
        groups and found and all(NOTE_ITEM.match(t) or _page(t, found[-1], registry) for t in tail)
    ):
        urls = [t for t in tail if is_web_address(t)]
        note = "; ".join(t for t in tail if not is_web_address(t))
        _annotate_last(found, note, urls[0] if urls else None, registry)
    elif not groups and is_web_address(address):
        found.append(Found(SourcePart((address,)), [], url=address))
    elif found and (not groups or _all_registered(address, registry)):
        # "(Izvestia, May 3; Kommersant)": an undated source beside dated ones
        # is still cited, without a date, never dropped; so are known outlets
        # after a dated one in its segment, "(Izvestia, May 3, Kommersant)".
        undated = read_source(tail, registry, dated=False)
        if isinstance(undated, SourcePart):
            found.append(Found(undated, [], _url(undated)))
        elif groups:
            _annotate_last(found, ", ".join(tail))
        elif known := [t for t in tail if registry.resolve(t) is not None]:
            # "(Kommersant, May 3; Vedomosti, same day)": the registered
            # outlet is cited, the words it cannot date are its note.
            words = ", ".join(t for t in tail if t not in known) or None
            found.append(Found(SourcePart(tuple(known), None, words), []))
    elif groups and found:
        # "(Kommersant, May 3, citing Interfax)": words after a dated source
        # in its segment describe it; kept as its note, never dropped.
        _annotate_last(found, ", ".join(tail))
