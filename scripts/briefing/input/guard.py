"""Input files are checked before a byte of them is read.

Seeds and sidecars must be regular files inside the project, of a sane
size. A seed or sidecar may be a symbolic link (to share a file between
projects, say), but one that leads outside the project folder would pull
an arbitrary file (``/etc/passwd``, ``/dev/zero``) into a public site: it
is refused. A named pipe would hang the build at ``open``, a device or a
huge file would exhaust memory: each is refused from its ``stat``, with a
message saying what the file is. Every read of a seed or sidecar goes
through :func:`seed_bytes` or :func:`sidecar_bytes`.
"""

from __future__ import annotations

import functools
import os
import stat
from pathlib import Path

from ..errors import BriefingError, SeedError, SidecarError

SEED_LIMIT = 8 * 1024 * 1024
"""The largest seed read, in bytes. A long analytical article is under 100 KB."""

SIDECAR_LIMIT = 64 * 1024
"""The largest sidecar read, in bytes. A sidecar holds a few short values."""

KINDS = {
    stat.S_IFDIR: "a folder",
    stat.S_IFIFO: "a named pipe (FIFO)",
    stat.S_IFSOCK: "a socket",
    stat.S_IFCHR: "a device",
    stat.S_IFBLK: "a device",
}
"""What a file that is not a regular file is, as a message says it."""


def seed_bytes(seed: Path, root: Path, display: str | None = None) -> bytes:
    """The bytes of ``seed``, or a SeedError saying why the file is not read.

    Errors name the file ``display``, by default its path relative to ``root``.
    """
    return _read(seed, root, display, SEED_LIMIT, SeedError, "seed")


def sidecar_bytes(sidecar: Path, root: Path, display: str | None = None) -> bytes | None:
    """The bytes of ``sidecar``, None if there is none, or a SidecarError."""
    try:
        os.lstat(sidecar)
    except FileNotFoundError:
        return None
    except OSError:
        pass  # _read says what is wrong
    return _read(sidecar, root, display, SIDECAR_LIMIT, SidecarError, "sidecar")


def display_name(path: Path, root: Path) -> str:
    """``path`` as messages name it: relative to the project when inside it."""
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return str(path)


def _read(
    path: Path,
    root: Path,
    display: str | None,
    limit: int,
    error: type[BriefingError],
    what: str,
) -> bytes:
    display = display or display_name(path, root)
    _refuse_outside(path, root, display, error)
    try:
        _refuse_irregular(os.stat(path), display, limit, error, what)
        # Non-blocking: a file swapped for a pipe after the check must not hang the build.
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    except OSError as exc:
        raise error(display, f"cannot be read: {exc.strerror}") from None
    with os.fdopen(fd, "rb") as handle:
        try:
            _refuse_irregular(os.fstat(fd), display, limit, error, what)
            data = handle.read(limit + 1)
        except OSError as exc:
            raise error(display, f"cannot be read: {exc.strerror}") from None
    if len(data) > limit:  # it grew after the check
        raise error(display, _too_large(len(data), limit, what))
    return data


def _refuse_outside(path: Path, root: Path, display: str, error: type[BriefingError]) -> None:
    try:
        target = Path(_real_path(os.fspath(path)))
        inside = target.is_relative_to(_real_path(os.fspath(root)))
    except (OSError, RuntimeError) as exc:  # a symlink loop
        raise error(display, f"cannot be resolved: {exc}") from None
    if not inside:
        raise error(
            display, "is a link to a file outside the project; copy the file into seeds/ instead"
        )


def _real_path(path: str) -> str:
    """``path`` with every link resolved, as ``os.path.realpath`` gives it.

    A file that is no link is its folder's real path and its name; the folder's is
    kept while the folder is the same one (device and inode, which a folder swapped
    for a link or another folder changes): a build reads thousands of seeds from one
    folder, and resolving each path again took a quarter of an unchanged build.
    A path with ``..`` is resolved whole: ``link/..`` is the link's target's parent,
    which ``abspath`` would take for the folder holding the link."""
    try:
        status = os.lstat(path)
    except OSError:
        return os.path.realpath(path)
    if stat.S_ISLNK(status.st_mode) or os.pardir in Path(path).parts:
        return os.path.realpath(path)
    folder, name = os.path.split(os.path.abspath(path))
    try:
        seen = os.lstat(folder)
    except OSError:
        return os.path.realpath(path)
    return os.path.join(_real_folder(folder, seen.st_dev, seen.st_ino), name)


@functools.lru_cache(maxsize=256)
def _real_folder(folder: str, device: int, inode: int) -> str:
    return os.path.realpath(folder)


def _refuse_irregular(
    status: os.stat_result, display: str, limit: int, error: type[BriefingError], what: str
) -> None:
    if not stat.S_ISREG(status.st_mode):
        kind = KINDS.get(stat.S_IFMT(status.st_mode), "a special file")
        raise error(display, f"is {kind}, not a text file; a {what} must be a plain file")
    if status.st_size > limit:
        raise error(display, _too_large(status.st_size, limit, what))


def _too_large(size: int, limit: int, what: str) -> str:
    hint = HINTS.get(what, "")
    return f"is {_megabytes(size)}; a {what} may be at most {_megabytes(limit)}{hint}"


HINTS = {
    "seed": " (is this the right file? a longer article can be split in two)",
    "sidecar": " (it holds a few short values such as 'author:' and 'date:')",
}


def _megabytes(size: int) -> str:
    if size < 1024 * 1024:
        return f"{size / 1024:.0f} KB"
    return f"{size / (1024 * 1024):.1f} MB".replace(".0 MB", " MB")
