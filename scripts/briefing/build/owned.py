"""Which files under docs/ are the build's: generated ones, orphans, hand-written ones.

A generated page says so (``generated_by`` in its front matter, or a
comment in a redirect page); downloads and memo documents are known by
their names beside a brief's pages. The build removes a generated file
only when it no longer writes it (an orphan), and never touches the rest.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from ..config import BuildConfig
from ..references.citing import DOWNLOADS
from ..references.memo import FORMATS as MEMO_FORMATS
from ..render import GENERATED
from ..render.feeds import FEED_SUFFIXES, FEEDS
from .outputs import DOWNLOADED_BIB

GENERATED_SUFFIXES = (".md", ".html")
"""Kinds of generated page the build removes when their brief is gone."""

OWNED_FOLDERS = ("briefs", "downloads", "feeds", "search")
"""Folders of docs/ that hold only what the build writes."""


def in_owned_folder(src_uri: str) -> bool:
    """Whether a file of docs/ (its path there, with /) is one only the build writes."""
    return src_uri.split("/", 1)[0] in OWNED_FOLDERS or src_uri == DOWNLOADED_BIB


def hand_written(config: BuildConfig) -> list[Path]:
    """The top-level entries of docs/ holding anything the build does not write.

    Under ``mkdocs serve`` these are watched instead of docs/ as a whole:
    the build's own writes must not set off a second site build.
    """
    if not config.docs.is_dir():
        return []
    entries = []
    for entry in sorted(config.docs.iterdir()):
        if entry.name in OWNED_FOLDERS or entry == config.docs / DOWNLOADED_BIB:
            continue
        files = [entry] if entry.is_file() else [p for p in entry.rglob("*") if p.is_file()]
        if not files or not all(is_generated(f) for f in files):
            entries.append(entry)
    return entries


def orphans(config: BuildConfig, produced: set[Path], candidates: Iterable[Path]) -> list[Path]:
    """The generated files among ``candidates`` that the build no longer writes."""
    return sorted(
        path
        for path in set(candidates) - produced
        if path.is_relative_to(config.docs) and _owned(config.docs, path)
    )


def generated_files(config: BuildConfig) -> set[Path]:
    """Every file under docs/ that a build wrote: read from disk, page heads included."""
    if not config.docs.exists():
        return set()
    docs = config.docs
    pages = {p for suffix in GENERATED_SUFFIXES for p in docs.rglob(f"*{suffix}")}
    downloads = {p for name in DOWNLOADS.values() for p in docs.glob(f"briefs/*/{name}")}
    memos = {p for ext in MEMO_FORMATS for p in docs.glob(f"briefs/*/*.{ext}")}
    feeds = {p for suffix in FEED_SUFFIXES for p in docs.glob(f"{FEEDS}/**/*{suffix}")}
    return {p for p in pages if is_generated(p)} | downloads | memos | feeds


def _owned(docs: Path, path: Path) -> bool:
    if not path.is_file():
        return False
    if path.suffix in GENERATED_SUFFIXES:
        return is_generated(path)
    parts = path.relative_to(docs).parts
    if parts[0] == FEEDS:
        return path.suffix in FEED_SUFFIXES
    if len(parts) != 3 or parts[0] != "briefs":
        return False
    return path.name in DOWNLOADS.values() or path.suffix.lstrip(".") in MEMO_FORMATS


def is_generated(path: Path) -> bool:
    """Whether ``path`` is a page the build wrote (it says so in its first lines)."""
    try:
        with path.open(encoding="utf-8") as handle:
            head = handle.read(2000)
    except (OSError, UnicodeDecodeError):
        return False
    if path.suffix == ".html":  # the redirect pages from a brief's former addresses
        return f"\n<!-- generated_by: {GENERATED} -->\n" in head
    return head.startswith("---\n") and f"\ngenerated_by: {GENERATED}\n" in head
