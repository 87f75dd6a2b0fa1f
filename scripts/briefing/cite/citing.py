"""Everything a reader needs to cite a brief, one of its paragraphs, or a source.

:func:`cite_all` formats every brief and every reference of a build in one
batch (see :mod:`briefing.cite.citeproc`) and gathers, per brief, the styled
citations, the downloadable files (BibTeX, RIS, CSL-JSON) and the metadata
the page head carries for reference managers.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from ..model import Article
from .bibtex import article_entry, reference_entry, write_bibtex
from .citeproc import PIN, FormatCache, Formatted, Runner, Text, format_items, run_pandoc
from .csl import Item, Site, brief_item, csl_json, pinned, reference_item
from .references import Reference
from .ris import ris

DOWNLOADS = {"bib": "cite.bib", "ris": "cite.ris", "json": "cite.json"}
"""Kind → file name of each download, written beside the brief's pages."""


@dataclass(frozen=True)
class BriefCitation:
    """A brief's citations in every style, its downloads and its page metadata."""

    styles: dict[str, Formatted]
    pinpoint: Text
    files: dict[str, str]
    """Download name → text: the article's entry and its sources'."""
    entry: dict[str, str]
    """Download name → text of the article's entry alone, shown on the page."""
    meta: dict[str, Any]

    def paragraph(self, number: int) -> str:
        """The Chicago note citing paragraph ``number``, as plain text."""
        return self.pinpoint.plain.replace(PIN, str(number))


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
    cache: FormatCache | None = None,
) -> Citing:
    """Format every brief (``(article, key, publisher)``) and reference in one batch."""
    items = {key: brief_item(a, key, publisher, site) for a, key, publisher in keyed}
    pins = {
        key: pinned(item, site.page(f"briefs/{a.slug}/text/#p{PIN}"))
        for (a, key, _), item in zip(keyed, items.values(), strict=True)
    }
    cited = {r.key: reference_item(r) for r in references}
    styled = format_items(
        list(items.values()), list(pins.values()), run, list(cited.values()), cache
    )
    by_brief: dict[str, list[Reference]] = {}
    for reference in references:
        for slug in dict.fromkeys(p.slug for p in reference.cited_by):
            by_brief.setdefault(slug, []).append(reference)
    briefs = {}
    for article, key, publisher in keyed:
        own = by_brief.get(article.slug, [])
        briefs[article.slug] = BriefCitation(
            styles={name: styled[name][key] for name in styled},
            pinpoint=styled["chicago"][pins[key]["id"]].citation,
            files=_files(article, key, publisher, items[key], own, cited),
            entry=_files(article, key, publisher, items[key], [], cited),
            meta=_meta(items[key], [styled["chicago"][r.key].bibliography.plain for r in own]),
        )
    return Citing(briefs, {key: styled["chicago"][key] for key in cited})


def _files(
    article: Article,
    key: str,
    publisher: str | None,
    item: Item,
    own: list[Reference],
    cited: dict[str, Item],
) -> dict[str, str]:
    entries = [article_entry(article, key, publisher), *(reference_entry(r) for r in own)]
    items = [item, *(cited[r.key] for r in own)]
    return {
        DOWNLOADS["bib"]: write_bibtex(entries),
        DOWNLOADS["ris"]: ris(items),
        DOWNLOADS["json"]: csl_json(items),
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
            "site": item.get("archive"),
            "references": references,
        }.items()
        if value
    }
