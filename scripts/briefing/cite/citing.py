"""Everything a reader needs to cite a brief, one of its paragraphs, or a source.

:func:`cite_all` formats every brief and every reference of a build in one
batch (see :mod:`briefing.cite.citeproc`) and gathers, per brief, the styled
citations, the downloadable files (BibTeX, RIS, CSL-JSON) and the metadata
the page head carries for reference managers.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from ..keyed import TextCache
from ..model import Article
from .bibtex import article_text, joined_bibtex, reference_text
from .citeproc import PIN, FormatCache, Formatted, Runner, Text, format_items, run_pandoc
from .csl import Item, Site, brief_item, csl_json, pinned, reference_item, style_items
from .memo import FORMATS as MEMOS
from .memo import memo_name
from .references import Reference
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
    memos: tuple[tuple[str, str], ...] = ()
    """File name and label of each memo document (.docx, .odt), when made."""

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
    cache: FormatCache | None = None,
    nouns: ProperNouns = NO_NOUNS,
    memos: bool = True,
    texts: TextCache | None = None,
) -> Citing:
    """Format every brief (``(article, key, publisher)``) and reference in one batch.

    ``nouns`` are the names titles keep capitalised in APA's sentence case;
    ``memos`` says whether the briefs offer memo documents; ``texts`` keeps
    the downloads' texts from the last build, reused while their items are.
    """
    texts = texts or TextCache()
    items, pins, variants = {}, {}, {}
    for article, key, publisher in keyed:
        here = site.page(f"briefs/{article.slug}/")
        pin_here = site.page(f"briefs/{article.slug}/text/#p{PIN}")
        title = segments(article.title, nouns)
        items[key] = brief_item(article, key, publisher, here)
        pins[key] = pinned(article, key, publisher, pin_here)
        variants[key] = style_items(items[key], title, site.name, here)
        variants[pins[key]["id"]] = style_items(pins[key], title, site.name, pin_here)
    cited = {r.key: reference_item(r) for r in references}
    styled = format_items(
        list(items.values()),
        list(pins.values()),
        run,
        list(cited.values()),
        cache,
        lambda style, item: variants.get(str(item["id"]), {}).get(style, item),
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
            pinpoints={name: styled[name][pins[key]["id"]].citation for name in styled},
            files=_files(article, key, publisher, items[key], own, cited, nouns, texts),
            entry=_files(article, key, publisher, items[key], [], cited, nouns, texts, False),
            meta=_meta(items[key], [styled["chicago"][r.key].bibliography.plain for r in own]),
            page_url=site.page(f"briefs/{article.slug}/"),
            memos=tuple(
                (memo_name(article.slug, ext), label) for ext, label in MEMOS.items() if memos
            ),
        )
    return Citing(briefs, {key: styled["chicago"][key] for key in cited})


def _files(
    article: Article,
    key: str,
    publisher: str | None,
    item: Item,
    own: list[Reference],
    cited: dict[str, Item],
    nouns: ProperNouns,
    texts: TextCache,
    header: bool = True,
) -> dict[str, str]:
    """The downloads: each entry's BibTeX text and the RIS and CSL-JSON of the
    items, kept in ``texts`` by what they are written from."""
    blocks = [
        article_text(article, key, publisher, item.get("URL"), nouns, texts),
        *(reference_text(r, texts) for r in own),
    ]
    items = [item, *(cited[r.key] for r in own)]
    return {
        DOWNLOADS["bib"]: joined_bibtex([key, *(r.key for r in own)], blocks, header),
        DOWNLOADS["ris"]: texts.text("ris", items, functools.partial(ris, items)),
        DOWNLOADS["json"]: texts.text("csl-json", items, functools.partial(csl_json, items)),
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
