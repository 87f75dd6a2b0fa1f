"""The built site, switched in whole: ``briefing site`` (what ``make site`` and
``make offline`` run).

``mkdocs build`` empties its site folder first and writes it page by page: a
build that fails or is killed halfway leaves a torn site. Here MkDocs builds
beside it, into ``SITE.next/``, and the finished folder takes the place of
``SITE/`` in one step (the kernel's exchange of two names, where it has one;
else two renames, whose leftover the next build sweeps). Until then the
previous site is served untouched; a failed build leaves it as it was. The
``file://`` bundle's zip is written beside its place and renamed over it.

Always the same ``SITE.next/``, so that the search index kept for that folder
(website/kept_index.py) is reused from one build to the next.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import errno
import os
import shutil
import subprocess
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path

from ..children import ending_with_this_process
from ..errors import BriefingError

NEXT = ".next"
"""Suffix of the folder the next site is built in, beside the site."""
OLD = ".old"
"""Suffix of the previous site while two renames switch it out."""

RENAME_EXCHANGE = 2
"""``renameat2`` flag: swap two names in one step (Linux 3.15 and later)."""
AT_FDCWD = -100


def build_site(
    root: Path, site: Path, env: dict[str, str], stopped: Callable[[str], None] | None = None
) -> None:
    """``mkdocs build --strict`` of the project at ``root`` into ``site``, switched in whole.

    Raises BriefingError naming the site when MkDocs fails; ``site`` is then
    as it was. ``stopped`` is called at the named points of the switch (for
    the tests that kill a build there)."""
    site = site if site.is_absolute() else root / site
    sweep(site)
    building = site.with_name(site.name + NEXT)
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(building)]
    done = subprocess.run(
        command, cwd=root, env=env, check=False, preexec_fn=ending_with_this_process()
    )
    if done.returncode != 0:
        raise BriefingError(
            str(site), f"the site was not built (mkdocs exited {done.returncode}); left as it was"
        )
    switch(building, site, stopped)


def switch(built: Path, site: Path, stopped: Callable[[str], None] | None = None) -> None:
    """Put the finished folder ``built`` in the place of ``site``; remove the old one."""
    note = stopped or (lambda _point: None)
    if not site.exists():
        os.rename(built, site)
        return
    if _exchange(built, site):
        note("exchanged")
        shutil.rmtree(built)  # now the previous site
        return
    old = site.with_name(site.name + OLD)
    os.rename(site, old)
    note("moved aside")
    os.rename(built, site)
    note("moved in")
    shutil.rmtree(old)


def sweep(site: Path) -> None:
    """Finish or undo what an interrupted switch left: never a site missing."""
    old = site.with_name(site.name + OLD)
    if not old.exists():
        return
    if site.exists():
        shutil.rmtree(old)  # the new site is in place: the old one is not needed
    else:
        os.rename(old, site)  # killed between the two renames: the previous site back


def write_zip(folder: Path, archive: Path) -> None:
    """``archive`` of ``folder`` (its files under the folder's name), replaced whole."""
    archive.parent.mkdir(parents=True, exist_ok=True)
    partial = archive.with_name(archive.name + ".partial")
    try:
        with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED) as bundle:
            for path in sorted(folder.rglob("*")):
                if path.is_file():
                    bundle.write(path, (folder.name / path.relative_to(folder)).as_posix())
        os.replace(partial, archive)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        advice = ""
        if exc.errno == errno.ENOSPC:
            advice = f"; free about {_size(folder) // 1_000_000 + 1} MB on its disk and build again"
        raise BriefingError(str(archive), f"could not be written: {exc}{advice}") from exc


def _size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def _exchange(one: Path, other: Path) -> bool:
    """Swap two names in one step; False where the system cannot."""
    name = ctypes.util.find_library("c")
    if name is None or not sys.platform.startswith("linux"):
        return False
    libc = ctypes.CDLL(name, use_errno=True)
    renameat2 = getattr(libc, "renameat2", None)
    if renameat2 is None:
        return False
    result = renameat2(AT_FDCWD, os.fsencode(one), AT_FDCWD, os.fsencode(other), RENAME_EXCHANGE)
    if result == 0:
        return True
    code = ctypes.get_errno()
    if code in {errno.ENOSYS, errno.EINVAL, errno.ENOTSUP}:
        return False  # an old kernel, or a file system without the exchange
    raise OSError(code, os.strerror(code), str(other))
