"""Which pages go into which part of the search index.

Pagefind's indexer holds every page it indexes, words, positions and
fragment, until it writes the index (a brief's text about 0.35 MB; 5.8 GB
for the 31,000 pages of 10,000 briefs when their overviews and analyses
were indexed too), with no option to bound it. So the site is indexed in
parts of at most :data:`PART_PAGES` pages, one Pagefind run each, and the
browser merges the parts (Pagefind's ``mergeIndex``). A merged part shares
the first part's engine and WebAssembly; a query loads each part's
metadata and, per word, one index chunk of each part.

A brief's pages form one group (its folder under ``briefs/``), and so does
each folder of the site's other pages. Briefs and other pages are split
apart, each into as few parts as :data:`PART_PAGES` allows, a group going
to the part its name's hash gives: editing a brief changes one part of
the briefs, adding one changes one part unless the number of parts grows.

Each part's digest covers its pages' paths and bytes and how Pagefind runs:
a part whose digest is that of a kept index is not indexed again.
"""

from __future__ import annotations

import hashlib
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from .kept_index import files

PART_PAGES = 3000
"""Most pages in one part: Pagefind's indexer then stays near 1 GB."""

BRIEFS = "briefs"
"""The site's folder of brief pages, one folder per brief."""

FAMILIES = ("pages", BRIEFS)
"""Kinds of page indexed apart, in order: the first part of the first holds the engine."""

BODY = re.compile(rb"<[a-zA-Z][^>]*\sdata-pagefind-body[\s>=/]")
"""An element that marks what Pagefind indexes. A site where no page has one
is indexed whole, as Pagefind does."""


@dataclass(frozen=True)
class Part:
    """Pages indexed together: their paths in the site (with /), and a digest."""

    name: str
    pages: tuple[str, ...]
    digest: str


def plan(
    site: Path, leave_out: set[str], how: Sequence[str], part_pages: int = PART_PAGES
) -> tuple[Part, ...]:
    """The parts of the index of ``site``, the engine's first; at least one.

    ``leave_out``: top-level folders that are not pages (the index itself);
    ``how``: how Pagefind runs (its options, its version), in each digest.
    Every page is read once."""
    marked: dict[str, bytes] = {}
    unmarked: dict[str, bytes] = {}
    for path in files(site, leave_out, suffix=".html"):
        data = path.read_bytes()
        page = path.relative_to(site).as_posix()
        (marked if BODY.search(data) else unmarked)[page] = hashlib.sha256(data).digest()
    pages = marked or unmarked
    named: list[tuple[str, list[str]]] = []
    for family in FAMILIES:
        members = [page for page in pages if _family(page) == family]
        count = math.ceil(len(members) / part_pages)
        split: list[list[str]] = [[] for _ in range(count)]
        for page in members:
            split[_bucket(_group(page), count)].append(page)
        named += [(f"{family}-{n}", chosen) for n, chosen in enumerate(split) if chosen]
    named = named or [(f"{FAMILIES[0]}-0", [])]
    # The first part carries the engine, the others not: a part kept in one
    # role is not taken for the other.
    return tuple(
        _part(name, chosen, pages, [*how, "merged" if number else "engine"])
        for number, (name, chosen) in enumerate(named)
    )


def _family(page: str) -> str:
    return BRIEFS if page.startswith(BRIEFS + "/") and page.count("/") >= 2 else FAMILIES[0]


def _group(page: str) -> str:
    """The pages indexed together: a brief's folder, or the folder of another page."""
    if _family(page) == BRIEFS:
        return "/".join(page.split("/")[:2])
    return page.rpartition("/")[0]


def _bucket(group: str, count: int) -> int:
    return int.from_bytes(hashlib.sha256(group.encode()).digest()[:8], "big") % count


def _part(name: str, pages: list[str], digests: dict[str, bytes], how: Sequence[str]) -> Part:
    digest = hashlib.sha256("\0".join(how).encode())
    for page in pages:  # in the site's order
        digest.update(b"\0" + page.encode() + b"\0" + digests[page])
    return Part(name, tuple(pages), digest.hexdigest())
