"""Everything a reader needs to cite a brief, one of its paragraphs, or a source.

:func:`cite_all` formats every brief and every reference of a build in one
batch (see :mod:`briefing.references.citeproc`) and gathers, per brief, the styled
citations, the downloadable files (BibTeX, RIS, CSL-JSON) and the metadata
the page head carries for reference managers.

It takes no cache: a build makes its formatted citations and what the last
call made the ones :func:`cite_all` reuses, for the length of a block
(:func:`reusing`); without, everything is formatted afresh.
"""

from __future__ import annotations

import contextlib
import contextvars
import functools
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from ..keyed import kept as kept_text
from ..keyed import salt
from ..model import Article
from .bibtex import article_text, joined_bibtex, reference_inputs, reference_text
from .citeproc import (
    AGAIN,
    PIN,
    STYLES,
    FormatCache,
    Formatted,
    Runner,
    Text,
    format_items,
    run_pandoc,
)
from .collect import Reference
from .csl import Item, Site, brief_item, csl_json, pinned, reference_item, style_items
from .memo import DEFAULT_FORMATS, memo_name
from .memo import FORMATS as MEMOS
from .ris import ris
from .titles import NO_NOUNS, ProperNouns, segments

DOWNLOADS = {"bib": "cite.bib", "ris": "cite.ris", "json": "cite.json"}
"""Kind → file name of each download, written beside the brief's pages."""


@dataclass(frozen=True)
class BriefCitation:
    """A brief's citations in every style, its downloads and its page metadata."""

    styles: dict[str, Formatted]
    pinpoints: dict[str, Text]
    """Style name → the citation of a paragraph, numbered :data:`PIN`."""
    files: dict[str, str]
    """Download name → text: the article's entry and its sources'."""
    entry: dict[str, str]
    """Download name → text of the article's entry alone, shown on the page."""
    meta: dict[str, Any]
    page_url: str | None = None
    """The brief's address on the site, when the site's address is known."""
    site_name: str = ""
    """The site's name: without ``page_url``, the page adds it to the MLA entry
    as where the work was read, with the address the page is read at."""
    memos: tuple[tuple[str, str], ...] = ()
    """File name and label of each memo document made (.docx; .odt when asked for)."""

    def paragraph(self, number: int, style: str = "chicago") -> Text:
        """The citation of paragraph ``number`` in ``style``."""
        text = self.pinpoints[style]
        return Text(text.plain.replace(PIN, str(number)), text.markdown.replace(PIN, str(number)))


@dataclass(frozen=True)
class Citing:
    """The citations of a whole build: per brief slug, and per reference key."""

    briefs: dict[str, BriefCitation]
    references: dict[str, Formatted]

    @property
    def downloads(self) -> dict[str, str]:
        return DOWNLOADS


def cite_all(
    keyed: Sequence[tuple[Article, str, str | None]],
    references: Sequence[Reference],
    site: Site,
    run: Runner = run_pandoc,
    nouns: ProperNouns = NO_NOUNS,
    memos: tuple[str, ...] = DEFAULT_FORMATS,
) -> Citing:
    """Format every brief (``(article, key, publisher)``) and reference in one batch.

    ``nouns`` are the names titles keep capitalised in APA's sentence case;
    ``memos`` are the formats the briefs offer memo documents in; the downloads'
    texts are kept while their items are (:func:`~briefing.keyed.kept`).
    Inside :func:`reusing`, citations formatted before are taken from its
    cache, and what this call makes is kept for the next call.
    """
    cache, kept = _REUSED.get() or (FormatCache(), None)
    context = (site, nouns, memos, salt())
    last = kept.recalled(context) if kept is not None else CitingKept()
    briefs = [_kept_brief(last, cache, *brief) for brief in keyed]
    refs = [_kept_reference(last, cache, r) for r in references]
    made = _made(briefs, refs, keyed, references, site, nouns, run, cache)
    styled = _with_short_notes(made)
    by_brief: dict[str, list[Reference]] = {}
    for reference in references:
        for slug in dict.fromkeys(p.slug for p in reference.cited_by):
            by_brief.setdefault(slug, []).append(reference)
    cited = {r.key: made[_REFERENCE, r.key].item for r in references}
    citations = {}
    for article, key, publisher in keyed:
        own = by_brief.get(article.slug, [])
        unit = made[_BRIEF, key]
        sources = tuple(reference_inputs(r) for r in own)
        citation = unit.citation if unit.own == sources else None
        if citation is None:
            citation = _brief_citation(
                article, key, publisher, unit, own, cited, styled, site, nouns, memos
            )
            made[_BRIEF, key] = replace(unit, own=sources, citation=citation)
        citations[article.slug] = citation
    if kept is not None:
        kept.keep(context, made)
    return Citing(citations, {key: styled["chicago"][key] for key in cited})


def _with_short_notes(made: dict[tuple[str, str], _Unit]) -> dict[str, dict[str, Formatted]]:
    """Style name → item id → formatted item, Chicago's with its short note beside it."""
    styled: dict[str, dict[str, Formatted]] = {name: {} for name in STYLES}
    for unit in made.values():
        for name, identifier, _, formatted in unit.formatted:
            styled[name][identifier] = formatted
    chicago = styled["chicago"]
    for identifier in [i for i in chicago if i.endswith(AGAIN)]:
        short = chicago.pop(identifier).citation
        first = chicago.get(identifier.removesuffix(AGAIN))
        if first is not None:
            chicago[identifier.removesuffix(AGAIN)] = replace(first, subsequent=short)
    return styled


_BRIEF, _REFERENCE = "brief", "reference"
"""Kinds of what :func:`cite_all` formats: a brief (with its pinpoint item), a cited source."""


@dataclass(frozen=True)
class _Unit:
    """A brief or reference as :func:`cite_all` made it, and what it was made from."""

    source: object
    item: Item
    formatted: tuple[tuple[str, str, str, Formatted], ...] = ()
    """Style name, item id, cache key and the formatted item, for each style given it."""
    pin: Item | None = None
    variants: dict[str, dict[str, Item]] | None = None
    """Item id → style name → the item as that style is given it (see ``style_items``)."""
    own: tuple[object, ...] | None = None
    """What the brief's own sources were made from, when ``citation`` was."""
    citation: BriefCitation | None = None


@dataclass
class CitingKept:
    """What :func:`cite_all` made in the last call, to reuse in the next in the same process.

    A brief whose article, key and publisher are the same keeps its items and
    formatted citations, without their cache keys computed again; one whose
    own sources are also made from the same citations keeps its whole
    :class:`BriefCitation`. A cited source made from the same citation and
    date keeps its item and formatted entry. Everything else is made as
    with nothing kept, and so is everything when the site, the proper nouns,
    the memo documents' formats or the texts' salt changed. It holds one call's worth.
    """

    context: object = None
    units: dict[tuple[str, str], _Unit] = field(default_factory=dict)

    def recalled(self, context: object) -> CitingKept:
        """What the last call made, if it was made in ``context``; else nothing."""
        return self if context == self.context else CitingKept(context)

    def keep(self, context: object, units: dict[tuple[str, str], _Unit]) -> None:
        self.context, self.units = context, units


_REUSED: contextvars.ContextVar[tuple[FormatCache, CitingKept | None] | None] = (
    contextvars.ContextVar("briefing_citing", default=None)
)
"""The formatted citations and the last call's work :func:`cite_all` reuses, if any."""


@contextlib.contextmanager
def reusing(formats: FormatCache, kept: CitingKept | None = None) -> Iterator[None]:
    """Inside the block, :func:`cite_all` takes formatted citations from ``formats``
    and adds the ones it formats; with ``kept``, it reuses what its last call in
    the process made, and keeps what it makes for the next."""
    token = _REUSED.set((formats, kept))
    try:
        yield
    finally:
        _REUSED.reset(token)


def _kept_brief(
    last: CitingKept, cache: FormatCache, article: Article, key: str, publisher: str | None
) -> _Unit | None:
    unit = last.units.get((_BRIEF, key))
    return _reused(unit, cache) if unit and unit.source == (article, key, publisher) else None


def _kept_reference(last: CitingKept, cache: FormatCache, reference: Reference) -> _Unit | None:
    unit = last.units.get((_REFERENCE, reference.key))
    return _reused(unit, cache) if unit and unit.source == reference_inputs(reference) else None


def _reused(unit: _Unit, cache: FormatCache) -> _Unit:
    """``unit``, its cache entries marked used so that the saved cache keeps them."""
    for _, _, key, formatted in unit.formatted:
        cache.reuse(key, formatted)
    return unit


def _made(
    briefs: list[_Unit | None],
    refs: list[_Unit | None],
    keyed: Sequence[tuple[Article, str, str | None]],
    references: Sequence[Reference],
    site: Site,
    nouns: ProperNouns,
    run: Runner,
    cache: FormatCache,
) -> dict[tuple[str, str], _Unit]:
    """Every brief and reference by kind and key: kept, or made and formatted now."""
    made: dict[tuple[str, str], _Unit] = {}
    for (article, key, publisher), unit in zip(keyed, briefs, strict=True):
        made[_BRIEF, key] = unit or _brief_unit(article, key, publisher, site, nouns)
    for reference, unit in zip(references, refs, strict=True):
        made[_REFERENCE, reference.key] = unit or _Unit(
            reference_inputs(reference), reference_item(reference)
        )
    new = {k: u for k, u in made.items() if not u.formatted}
    if not new:
        return made
    variants = {i: v for u in new.values() for i, v in (u.variants or {}).items()}
    keys: dict[tuple[str, str], str] = {}
    styled = format_items(
        [u.item for (kind, _), u in new.items() if kind == _BRIEF],
        [u.pin for u in new.values() if u.pin is not None],
        run,
        [u.item for (kind, _), u in new.items() if kind == _REFERENCE],
        cache,
        lambda style, item: variants.get(str(item["id"]), {}).get(style, item),
        keys,
        [u.item for u in new.values()],
    )
    for index, unit in new.items():
        ids = [str(unit.item["id"]), *([str(unit.pin["id"])] if unit.pin is not None else [])]
        names = STYLES if index[0] == _BRIEF else ["chicago"]
        formatted = tuple((n, i, keys[n, i], styled[n][i]) for n in names for i in ids)
        if (again := ids[0] + AGAIN) in styled["chicago"]:
            formatted += (("chicago", again, keys["chicago", again], styled["chicago"][again]),)
        made[index] = replace(unit, formatted=formatted)
    return made


def _brief_unit(
    article: Article, key: str, publisher: str | None, site: Site, nouns: ProperNouns
) -> _Unit:
    here = site.page(f"briefs/{article.slug}/")
    pin_here = site.page(f"briefs/{article.slug}/text/#p{PIN}")
    title = segments(article.title, nouns)
    item = brief_item(article, key, publisher, here)
    pin = pinned(article, key, publisher, pin_here)
    variants = {
        key: style_items(item, title, site.name, here),
        str(pin["id"]): style_items(pin, title, site.name, pin_here),
    }
    return _Unit((article, key, publisher), item, pin=pin, variants=variants)


def _brief_citation(
    article: Article,
    key: str,
    publisher: str | None,
    unit: _Unit,
    own: list[Reference],
    cited: dict[str, Item],
    styled: dict[str, dict[str, Formatted]],
    site: Site,
    nouns: ProperNouns,
    memos: tuple[str, ...],
) -> BriefCitation:
    item, pin = unit.item, str(unit.pin["id"]) if unit.pin is not None else key
    return BriefCitation(
        styles={name: styled[name][key] for name in styled},
        pinpoints={name: styled[name][pin].citation for name in styled},
        files=_files(article, key, publisher, item, own, cited, nouns),
        entry=_files(article, key, publisher, item, [], cited, nouns, False),
        meta=_meta(item, [styled["chicago"][r.key].bibliography.plain for r in own]),
        page_url=site.page(f"briefs/{article.slug}/"),
        site_name=site.name,
        memos=tuple((memo_name(article.slug, ext), MEMOS[ext]) for ext in memos),
    )


def _files(
    article: Article,
    key: str,
    publisher: str | None,
    item: Item,
    own: list[Reference],
    cited: dict[str, Item],
    nouns: ProperNouns,
    header: bool = True,
) -> dict[str, str]:
    """The downloads: each entry's BibTeX text and the RIS and CSL-JSON of the
    items, kept by what they are written from."""
    blocks = [
        article_text(article, key, publisher, item.get("URL"), nouns),
        *(reference_text(r) for r in own),
    ]
    items = [item, *(cited[r.key] for r in own)]
    return {
        DOWNLOADS["bib"]: joined_bibtex([key, *(r.key for r in own)], blocks, header),
        DOWNLOADS["ris"]: kept_text("ris", items, functools.partial(ris, items)),
        DOWNLOADS["json"]: kept_text("csl-json", items, functools.partial(csl_json, items)),
    }


def _meta(item: Item, references: list[str]) -> dict[str, Any]:
    """Front-matter values the theme override turns into Highwire and Dublin Core tags."""
    parts = item.get("issued", {}).get("date-parts", [[]])[0]
    names = [n.get("literal") or f"{n['family']}, {n['given']}" for n in item.get("author", [])]
    return {
        key: value
        for key, value in {
            "title": item["title"],
            "authors": names,
            "date": "/".join(f"{p:02d}" for p in parts) if parts else None,
            "iso_date": "-".join(f"{p:02d}" for p in parts) if parts else None,
            "journal": item.get("container-title"),
            "volume": item.get("volume"),
            "issue": item.get("issue"),
            "publisher": item.get("publisher"),
            "url": item.get("URL"),
            "references": references,
        }.items()
        if value
    }
