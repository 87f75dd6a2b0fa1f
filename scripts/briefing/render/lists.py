"""Site-wide lists (timeline, bibliography, report, indexes, profiles) on pages of bounded size.

A list that fits on one page (:data:`~.parts.ROWS_PER_PAGE` rows) is that
page, at its usual address. A longer one is split by year or letter into
parts, each paginated, and its usual address lists the parts.
"""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeVar

import jinja2

from ..analysis.records import Unlinked
from ..keyed import digest, kept
from ..model import Article, ParentheticalKind
from ..references.collect import Reference
from .brief import Brief
from .parts import ROWS_PER_PAGE, Part, grouped, letter, letter_label, paginate, tag_path

if TYPE_CHECKING:
    from ..references.citing import Citing

T = TypeVar("T")

PROFILE_BRIEFS_PER_PAGE = 50
"""Briefs on one page of a person's profile (each with its mentions and quotes)."""

TAG_BRIEFS_PER_PAGE = 100
"""Briefs on one page of a tag."""


@dataclass(frozen=True)
class SplitList:
    """A list's usual page, where its parts go, its title and the line saying what it holds."""

    path: str
    folder: str
    title: str
    intro: str
    template: str


def root_of(path: str) -> str:
    """The relative path from the page at ``path`` up to ``docs/``."""
    return "../" * path.count("/")


def split_list(
    env: jinja2.Environment,
    spec: SplitList,
    rows: Sequence[T],
    group: Callable[[T], str],
    label: Callable[[str], str] = str,
    context: Callable[[str], Mapping[str, Any]] = lambda root: {},
    preamble: str = "",
    keyed: bool = False,
) -> tuple[dict[str, str], list[Part[T]]]:
    """The list's pages and its parts; ``context(root)`` adds what the template needs.

    ``keyed``: each part's page is kept (:func:`~briefing.keyed.kept`) while
    its rows and context are the same. Then the context must be small, as it
    is encoded whole for each part, and its values must say all the template
    reads besides the rows.
    """
    template = env.get_template(spec.template)

    def render(part: Part[T], **values: Any) -> str:
        values.update(context(values["root"]))
        if not keyed:
            return template.render(part=part, **values)
        inputs = (spec.template, digest(part), values)
        return kept("list", inputs, functools.partial(template.render, part=part, **values))

    if len(rows) <= ROWS_PER_PAGE:
        part = Part(spec.path, spec.title, tuple(rows), 1, 1)
        page = render(part, title=spec.title, up=None, root=root_of(spec.path))
        return {spec.path: page}, [part]
    groups = grouped(spec.folder, rows, group)
    pages, parts = {}, []
    for name, pieces in groups.items():
        for part in pieces:
            pages[part.path] = render(
                part,
                title=f"{spec.title}: {label(name)}{_page_of(part)}",
                up=(spec.title, spec.path, label(name)),
                root=root_of(part.path),
            )
            parts.append(part)
    summary = [
        (label(name), pieces[0].path, sum(len(p.rows) for p in pieces), len(pieces))
        for name, pieces in groups.items()
    ]
    pages[spec.path] = env.get_template("parts_index.md.j2").render(
        spec=spec, groups=summary, root=root_of(spec.path), preamble=preamble
    )
    return pages, parts


def entry_pages(
    spec: SplitList, rows: Sequence[T], group: Callable[[T], str], key: Callable[[T], str]
) -> dict[str, str]:
    """Where :func:`split_list` puts each row: ``key(row)`` → the page (under ``docs/``)."""
    if len(rows) <= ROWS_PER_PAGE:
        return {key(row): spec.path for row in rows}
    parts = grouped(spec.folder, rows, group)
    return {
        key(row): part.path for pieces in parts.values() for part in pieces for row in part.rows
    }


def _page_of(part: Part[T]) -> str:
    return f" (page {part.number} of {part.count})" if part.count > 1 else ""


def bibliography_pages(
    env: jinja2.Environment, references: Sequence[Reference], citing: Citing | None = None
) -> tuple[dict[str, str], Callable[[str], str]]:
    """The bibliography, by letter of its keys when long; and where each key's entry is.

    ``citing`` gives each entry in Chicago style; without it, outlet and date."""
    spec = SplitList(
        "bibliography.md",
        "bibliography",
        "Bibliography",
        "Every item the briefs cite, by the first letter of its key.",
        "bibliography.md.j2",
    )
    pages, parts = split_list(
        env,
        spec,
        references,
        lambda r: letter(r.key),
        letter_label,
        lambda root: {"citing": citing},
    )
    where = {r.key: part.path for part in parts for r in part.rows}
    return pages, lambda key: f"{where.get(key, spec.path)}#{key}"


def report_pages(
    env: jinja2.Environment,
    briefs: Sequence[Brief],
    failures: tuple[str, ...],
    unlinked: Mapping[str, tuple[Unlinked, ...]],
) -> dict[str, str]:
    """The build report, by year of the briefs when long; failed seeds head every page.

    Under each brief, the surnames left unlinked (``unlinked``, by slug) and why."""
    spec = SplitList(
        "report.md",
        "report",
        "Build report",
        "How every parenthetical of every brief was read, by year of the brief.",
        "report.md.j2",
    )
    preamble = env.get_template("report_failures.md.j2").render(failures=failures)
    pages, _ = split_list(
        env,
        spec,
        briefs,
        lambda b: str(b.article.year or "undated"),
        context=lambda root: {
            "kinds": ParentheticalKind,
            "failures": failures,
            "reasons": reasons,
            "unlinked": unlinked,
        },
        preamble=preamble,
    )
    return pages


def tag_pages(env: jinja2.Environment, briefs: Sequence[Brief]) -> dict[str, str]:
    """``tags.md`` listing the topics, and one paginated page of briefs per topic.

    Topics spelled alike but for case or punctuation (``Iran``, ``iran``)
    share one page, under the spelling seen first. Each page is kept while
    its briefs are the same.
    """
    topics: dict[str, tuple[str, list[Brief]]] = {}
    for brief in briefs:
        for topic in brief.topics:
            tagged = topics.setdefault(tag_path(topic), (topic, []))[1]
            if not tagged or tagged[-1] is not brief:
                tagged.append(brief)
    template = env.get_template("tag.md.j2")
    pages: dict[str, str] = {}
    index = []
    for path, (topic, tagged) in sorted(topics.items(), key=lambda kv: kv[1][0].casefold()):
        parts = paginate(path.removesuffix(".md"), topic, tagged, TAG_BRIEFS_PER_PAGE)
        index.append((topic, path, len(tagged)))
        for part in parts:
            root = root_of(part.path)
            make = functools.partial(template.render, part=part, root=root)
            pages[part.path] = kept("tag", (digest(part), root), make)
    pages["tags.md"] = env.get_template("tags.md.j2").render(tags=index, root="")
    return pages


REPORT_REASONS = {"citation": "it names a source and a date"}
"""How the build report says a reason that would only repeat its kind ("citation")."""


def reasons(article: Article) -> list[tuple[str, str, int]]:
    """The report's rows: how parentheticals were read, why, and how many were."""
    counts = Counter(
        (p.kind.value, p.reason) for para in article.paragraphs for p in para.parentheticals
    )
    return sorted(
        (kind, REPORT_REASONS.get(reason, reason), n) for (kind, reason), n in counts.items()
    )
