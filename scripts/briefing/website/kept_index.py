"""The last search index made for a site, kept so that unchanged pages are not indexed again.

Pagefind reads every page it is given, however few changed, and its index
is the same bytes for the same pages (checked: two runs over one site). The
site is indexed in parts (build/index_parts.py); a part whose pages are all
as they were in the last build of the same site folder takes the index that
build made (seconds saved: 6 at 1,000 briefs, minutes at 10,000) instead of
running Pagefind.

Kept per site folder (``site`` and the ``file://`` bundle's do not evict
each other) and part: the digest of what was indexed (the part's pages,
paths and bytes, and how Pagefind was run), the index's files, and a digest
of those files. The files are hard links where the disk
allows (the site's index and the kept one are then the same files), copies
elsewhere. An index whose files do not match their digest (damaged, half
copied, written into through the site) is not used: Pagefind runs again
and the build says so.
"""

from __future__ import annotations

import hashlib
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

from ..build.staging import link_or_copy

DIGEST = "pages.sha256"
"""In a kept index's folder: the digest of the pages it was made from."""

FILES = "index"
"""In a kept index's folder: the index's own files."""

CONTENT = "index.sha256"
"""In a kept index's folder: the digest of the index's files."""

SITES_KEPT = 2
"""Site folders whose last index is kept: the site's and the ``file://`` bundle's;
the index of a folder built longer ago is removed."""


def restore(kept: Path, pages: str, bundle: Path) -> str | None:
    """Copy the kept index into ``bundle`` if it was made from ``pages``.

    None when it was (the index is in place), else why not, for a note
    when the index was there but unusable, or "" when there was none."""
    try:
        if (kept / DIGEST).read_text("ascii") != pages:
            return ""
        expected = (kept / CONTENT).read_text("ascii")
    except OSError:
        return ""
    shutil.rmtree(bundle, ignore_errors=True)
    try:
        copied = _copy(kept / FILES, bundle)
    except OSError as exc:
        shutil.rmtree(bundle, ignore_errors=True)
        return f"the kept search index in {kept} could not be copied ({exc})"
    if copied != expected:
        shutil.rmtree(bundle, ignore_errors=True)
        return f"the kept search index in {kept} does not match its digest"
    return None


def keep(bundle: Path, pages: str, kept: Path) -> None:
    """Keep a copy of the index in ``bundle``, made from ``pages``, in ``kept``."""
    staged = kept.with_name(kept.name + ".new")
    shutil.rmtree(staged, ignore_errors=True)
    (staged / CONTENT).parent.mkdir(parents=True)
    (staged / CONTENT).write_text(_copy(bundle, staged / FILES), "ascii")
    (staged / DIGEST).write_text(pages, "ascii")
    shutil.rmtree(kept, ignore_errors=True)
    staged.rename(kept)


def remove_older(current: Path, count: int = SITES_KEPT) -> None:
    """Of ``current`` and the folders beside it, keep the ``count`` used last; remove the rest.

    ``current`` counts as used now."""
    current.mkdir(parents=True, exist_ok=True)
    os.utime(current)
    others = [f for f in current.parent.iterdir() if f.is_dir() and f != current]
    others.sort(key=lambda folder: folder.stat().st_mtime, reverse=True)
    for folder in others[count - 1 :]:
        shutil.rmtree(folder, ignore_errors=True)


def _copy(source: Path, target: Path) -> str:
    """Put the files under ``source`` in ``target``; the digest of what was put there.

    Hard links where the disk allows, copies elsewhere: neither side is ever
    written into (a site build removes its folder's files, Pagefind writes
    new ones), and a kept index is checked against its digest before use."""
    digest = hashlib.sha256()
    for path in files(source, set()):
        relative = path.relative_to(source)
        data = path.read_bytes()
        digest.update(relative.as_posix().encode() + b"\0" + data + b"\0")
        link_or_copy(path, target / relative)
    return digest.hexdigest()


def files(top: Path, leave_out: set[str], suffix: str = "") -> Iterator[Path]:
    """The files under ``top`` ending in ``suffix``, in a fixed order, but for
    the top-level folders named in ``leave_out``."""
    for folder, subfolders, names in os.walk(top):
        if folder == str(top):
            subfolders[:] = [name for name in subfolders if name not in leave_out]
        subfolders.sort()
        for name in sorted(names):
            if name.endswith(suffix):
                yield Path(folder, name)
