"""A brief as one Markdown document for pandoc: the memo a reader downloads.

Title, where it was published, the citation of the original, the numbered
paragraphs (each starting with its ¶ number, as on the site), every inline
source as a footnote in Chicago's note form (the note citeproc formats for
each cited item, beside the bibliography entry the list of sources shows;
the short note where the source was cited in an earlier footnote),
and the list of sources. :func:`memo_documents` has :mod:`briefing.references.memo`
turn it into ``.docx`` (and ``.odt`` when mkdocs.yml asks for it).
"""

from __future__ import annotations

import functools
import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from .. import words
from ..errors import MemoError
from ..escape import md
from ..keyed import digest, kept
from ..model import Citation
from ..references.collect import reference_keys
from ..references.memo import DEFAULT_FORMATS, Failed, make_memos, memo_epoch, memo_name
from .annotate import annotated, footnotes
from .brief import Brief
from .environment import environment

if TYPE_CHECKING:
    from ..references.citeproc import Formatted
    from ..references.citing import BriefCitation, Citing


def memo_markdown(brief: Brief, cite: BriefCitation, sources: Mapping[str, Formatted]) -> str:
    """The memo's Markdown; ``sources`` are the formatted references by key."""
    article = brief.article
    firsts, number = {}, 1
    for paragraph in article.paragraphs:
        firsts[paragraph.number] = number
        number += len(paragraph.citations)
    cited: set[str] = set()
    notes = [(n.number, _note(n.citation, sources, cited)) for n in footnotes(article.paragraphs)]
    keys = dict.fromkeys(k for c in article.citations for k in reference_keys(c))
    return (
        environment()
        .get_template("memo.md.j2")
        .render(
            article=article,
            meta={
                "title": _yaml_text(article.title),
                "subtitle": _yaml_text(
                    f"{words.issue_line(article)} · {words.short_date(article)}"
                ),
                "author": _yaml_text(article.author or ""),
            },
            cite=cite,
            sections={s.paragraph: s.heading for s in article.sections},
            paragraphs=[(p, annotated(p, firsts[p.number])) for p in article.paragraphs],
            notes=notes,
            sources=sorted(
                (sources[k].bibliography for k in keys if k in sources), key=lambda t: t.plain
            ),
        )
    )


def _yaml_text(text: str) -> str:
    """Text as a YAML value pandoc reads as Markdown: escaped, then double-quoted.

    Not ASCII-only: pandoc's YAML reader refuses the surrogate pairs that
    would stand for characters beyond the BMP (an emoji in a title)."""
    return json.dumps(md(text), ensure_ascii=False)


def _note(citation: Citation, sources: Mapping[str, Formatted], cited: set[str]) -> str:
    """A footnote: the Chicago note of each item the citation refers to.

    Several items share one note, separated by semicolons and ended by one
    period, as Chicago has it; the citation's own remark (the parenthetical's
    words beside the source) leads, as on the site's footnotes.

    An item already cited in an earlier note (``cited``, its keys, added to
    here) gets the short form: Chicago 17, 14.29, later citations of a
    source already given in full are shortened (the author's surname and
    the title shortened as in 14.30; without either, what identifies the
    source), and 14.34 prefers the short form to "ibid.". The short note is
    citeproc's (CSL ``position="subsequent"``, see
    :data:`briefing.references.citeproc.AGAIN`). A period goes inside a closing
    quotation mark, a semicolon outside (Chicago 6.9)."""
    notes = []
    for key in reference_keys(citation):
        if key not in sources:
            continue
        formatted = sources[key]
        again = formatted.subsequent if key in cited else None
        notes.append((again or formatted.citation).markdown)
        cited.add(key)
    if not notes:
        return md(citation.raw)
    text = "; ".join(_unended(note) for note in notes)
    text = text[:-1] + ".”" if text.endswith("”") else text + "."
    return f"{md(citation.note)}: {text}" if citation.note else text


def _unended(note: str) -> str:
    """``note`` without its final period, inside a closing quotation mark or not."""
    return note[:-2] + "”" if note.endswith(".”") else note.removesuffix(".")


MEMO_LARGEST = 2_000_000
"""The most characters of Markdown a memo document is made from.

Pandoc holds a whole document while it converts it, in memory growing with
its length: a memo of 1.6 million characters (a brief of 10,000 citations)
took 400 MB, one of 3.2 million 730 MB, and a brief of 100,000 citations
would take gigabytes. A real brief's memo is tens of thousands of
characters; a longer one is left out (:attr:`Memos.left_out`), so that a
build's memory stays bounded whatever one seed holds."""


@dataclass(frozen=True)
class Memos:
    """The memo documents made, by path, and the briefs whose documents failed."""

    documents: dict[Path, bytes]
    failures: tuple[MemoError, ...] = ()
    left_out: tuple[tuple[str, str], ...] = ()
    """Slug and why, for each brief whose memo is too long to make (:data:`MEMO_LARGEST`)."""


def memo_documents(
    briefs: tuple[Brief, ...],
    citing: Citing,
    docs: Path,
    reference: Path | None,
    formats: tuple[str, ...] = DEFAULT_FORMATS,
) -> Memos:
    """Each brief's memo in each of ``formats``, by path under ``docs``.

    A brief whose memo would be longer than :data:`MEMO_LARGEST` gets none.
    Pandoc runs only for what earlier builds did not convert (see
    :func:`~briefing.references.memo.reusing_memos`); each memo's Markdown is
    kept (:func:`~briefing.keyed.kept`) while the brief, its citations and
    its sources are unchanged.
    ``reference`` (a house style) serves the format it is; a sibling of the
    other type with the same name serves that one. A document pandoc cannot
    make is left out, and its failure names the brief's seed.
    """
    paths, jobs, seeds = [], [], []
    left_out = []
    for brief in briefs:
        slug = brief.article.slug
        cite = citing.briefs[slug]
        keys = (k for c in brief.article.citations for k in reference_keys(c))
        sources = {k: citing.references[k] for k in keys if k in citing.references}
        markdown = kept(
            "memo",
            (digest(brief), digest(cite), sources),
            functools.partial(memo_markdown, brief, cite, sources),
        )
        if len(markdown) > MEMO_LARGEST:
            left_out.append((slug, _too_long(brief, len(markdown))))
            continue
        for extension in formats:
            paths.append(docs / "briefs" / slug / memo_name(slug, extension))
            jobs.append((markdown, extension, memo_epoch(brief.article)))
            seeds.append(brief.article.source)
    made = make_memos(jobs, lambda extension: _reference_for(reference, extension))
    documents, failures = {}, []
    for path, seed, outcome in zip(paths, seeds, made, strict=True):
        if isinstance(outcome, Failed):
            failures.append(MemoError(seed, f"memo {path.name} not made: {outcome.message}"))
        else:
            documents[path] = outcome
    return Memos(documents, tuple(failures), tuple(left_out))


def _too_long(brief: Brief, length: int) -> str:
    return (
        f"{brief.article.source}: no memo document: its text with "
        f"{len(brief.article.citations):,} footnotes is {length:,} characters, "
        f"more than the {MEMO_LARGEST:,} a memo is made from"
    )


def _reference_for(reference: Path | None, extension: str) -> Path | None:
    if reference is None:
        return None
    sibling = reference.with_suffix("." + extension)
    return sibling if sibling.is_file() else None
