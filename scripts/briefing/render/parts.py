"""Long lists split into pages of bounded size, and relative links between pages.

A site-wide list (the timeline, the bibliography, an outlet's citations)
grows with the archive. Below :data:`ROWS_PER_PAGE` rows it stays one page
at its usual address; above, it is split into groups (by year or letter),
each paginated, and its usual address becomes an index linking the parts.
Every page's size is then bounded by the rows it holds, whatever the
archive's size.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from unidecode import unidecode

from ..input.slug import slugify

T = TypeVar("T")

ROWS_PER_PAGE = 200
"""Rows of a list page: about 1–2 KB of HTML each, so a page stays far below 1 MB."""

OTHER = "other"
"""The group (and path part) of names that do not start with a Latin letter."""


@dataclass(frozen=True)
class Part(Generic[T]):
    """One page of a list: its path under ``docs/``, its rows and its neighbours."""

    path: str
    label: str
    rows: tuple[T, ...]
    number: int
    count: int
    previous: str | None = None
    next: str | None = None


def href(source: str, target: str) -> str:
    """The relative link from the page at ``source`` to ``target`` (both under ``docs/``)."""
    path, _, fragment = target.partition("#")
    relative = posixpath.relpath(path, posixpath.dirname(source) or ".")
    return f"{relative}#{fragment}" if fragment else relative


def paginate(base: str, label: str, rows: Sequence[T], size: int | None = None) -> list[Part[T]]:
    """``rows`` as pages of ``size``: ``{base}.md``, then ``{base}/2.md``, ``{base}/3.md``…

    The first page keeps the group's address, so a link to the group
    always lands on its first page. ``size`` defaults to :data:`ROWS_PER_PAGE`.
    """
    size = size or ROWS_PER_PAGE
    chunks = [tuple(rows[i : i + size]) for i in range(0, len(rows), size)] or [()]
    paths = [f"{base}.md"] + [f"{base}/{n}.md" for n in range(2, len(chunks) + 1)]
    return [
        Part(
            path,
            label,
            chunk,
            number,
            len(chunks),
            paths[number - 2] if number > 1 else None,
            paths[number] if number < len(chunks) else None,
        )
        for number, (path, chunk) in enumerate(zip(paths, chunks, strict=True), start=1)
    ]


def grouped(
    folder: str,
    rows: Iterable[T],
    group: Callable[[T], str],
    size: int | None = None,
) -> dict[str, list[Part[T]]]:
    """Rows grouped by ``group`` (in order of first appearance), each group paginated.

    Group ``g`` lives at ``{folder}/{g}.md`` (and ``{folder}/{g}/2.md``…).
    """
    groups: dict[str, list[T]] = {}
    for row in rows:
        groups.setdefault(group(row), []).append(row)
    return {g: paginate(f"{folder}/{g}", g, items, size) for g, items in groups.items()}


def letter(name: str) -> str:
    """The index letter of a name: its first Latin letter (transliterated), or ``other``."""
    first = next((c for c in unidecode(name).lower() if c.isalnum()), "")
    return first if "a" <= first <= "z" else OTHER


def letter_label(group: str) -> str:
    return "Other" if group == OTHER else group.upper()


def locate(parts: dict[str, list[Part[T]]], key: Callable[[T], str]) -> dict[str, str]:
    """Where each row lives: ``key(row)`` → the path of its page."""
    return {key(row): part.path for pages in parts.values() for part in pages for row in part.rows}


def tag_path(topic: str) -> str:
    """The first page of a topic's list of briefs, under ``docs/``."""
    return f"tags/{slugify(topic, 'tag')}.md"
