"""Outputs written as they are made, yet swapped in all at once.

A build hands each output to :class:`Staging` the moment it is rendered.
Staging compares it with the file on disk; if they differ, it writes the
new bytes to a temporary file beside the target straight away and keeps
only the two paths. Nothing replaces a target until every output has been
offered: then :meth:`Staging.swap` renames the staged files over their
targets, and removes orphans, with interrupts held back until it is over.
A build that fails or is interrupted before the swap removes what it
staged, so every previous output stays as it was.

So a build holds one output at a time, never the whole site; what it
keeps per output is its path.
"""

from __future__ import annotations

import contextlib
import functools
import os
import shutil
import signal
import tempfile
import threading
from collections.abc import Iterable, Iterator
from pathlib import Path
from types import TracebackType
from typing import BinaryIO


class Staging:
    """Outputs offered one by one: compared with disk and, if ``write``, staged.

    Use it as a context manager: leaving the block by an exception removes
    every staged file. With ``write`` false nothing is ever written; the
    staging only records which outputs differ from their files.
    """

    def __init__(self, write: bool = True) -> None:
        self.write = write
        self.produced: set[Path] = set()
        """Every output offered, changed or not."""
        self.changed: list[Path] = []
        """Outputs whose file is missing or differs, in the order offered."""
        self._staged: list[tuple[Path, Path]] = []
        self._swapped = False

    def __enter__(self) -> Staging:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        if not self._swapped:
            self.discard()

    def offer(self, path: Path, content: str | bytes) -> None:
        """One output: staged beside ``path`` if it differs from the file there."""
        if path in self.produced:
            raise ValueError(f"{path} is an output twice")
        self.produced.add(path)
        data = content.encode("utf-8") if isinstance(content, str) else content
        if same_bytes(path, data):
            return
        self.changed.append(path)
        if self.write:
            self._staged.append((_stage(path, data), path))

    def discard(self) -> None:
        """Remove every staged file; no target has changed."""
        for temporary, _ in self._staged:
            temporary.unlink(missing_ok=True)
        self._staged.clear()

    def swap(self, orphans: Iterable[Path] = (), within: Path | None = None) -> None:
        """Rename every staged file over its target and remove ``orphans``, uninterrupted.

        With ``within``, the folders below it that removing orphans leaves
        empty are removed too."""
        if not self.write:
            raise RuntimeError("a staging that does not write cannot swap")
        with interrupts_held():
            for temporary, path in self._staged:
                os.replace(temporary, path)
            for path in orphans:
                path.unlink(missing_ok=True)
                if within is not None:
                    _remove_empty_folders(path.parent, within)
            self._staged.clear()
            self._swapped = True


def _remove_empty_folders(folder: Path, within: Path) -> None:
    """Remove ``folder`` and the folders above it while each is left empty, below ``within``.

    A list that shrinks back to one page, or a brief removed, leaves no empty
    folder behind in ``docs/``; the first folder holding anything stops it."""
    while folder != within and folder.is_relative_to(within):
        try:
            folder.rmdir()
        except OSError:
            return
        folder = folder.parent


def same_bytes(path: Path, data: bytes) -> bool:
    """Whether the file at ``path`` holds exactly ``data`` (its size is checked first)."""
    try:
        if path.stat().st_size != len(data):
            return False
        return path.read_bytes() == data
    except OSError:
        return False


def replace_files(files: Iterable[tuple[Path, str | bytes]], orphans: Iterable[Path] = ()) -> None:
    """Replace the files that changed among ``files``, and remove ``orphans``, all at once."""
    with Staging() as staging:
        for path, content in files:
            staging.offer(path, content)
        staging.swap(orphans)


@contextlib.contextmanager
def atomic_file(path: Path) -> Iterator[BinaryIO]:
    """A new file to write in pieces, which replaces ``path`` when the block succeeds.

    For files too large to hold whole (the caches of a large archive). If
    the block fails, the new file is removed and ``path`` is unchanged.
    """
    fd, name = _new_file(path)
    try:
        with os.fdopen(fd, "w+b") as handle:
            yield handle
        os.replace(name, path)
    except BaseException:
        Path(name).unlink(missing_ok=True)
        raise


def _new_file(path: Path) -> tuple[int, str]:
    """A new file beside ``path``, open for writing, with the mode any new file
    gets here (not the owner-only mode of a temporary file): the site links
    the build's files (mkdocs_pages.py) and a web server must read them."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        os.fchmod(fd, new_file_mode())
    except BaseException:
        os.close(fd)
        Path(name).unlink(missing_ok=True)
        raise
    return fd, name


def link_or_copy(source: Path | str, target: Path | str) -> None:
    """Put ``source`` at ``target`` as a hard link, or a copy where the disk allows none.

    Whatever was at ``target`` is removed first, never written into: it may
    itself be a link to a file that must stay as it is."""
    try:
        os.unlink(target)
    except FileNotFoundError:
        os.makedirs(os.path.dirname(target), exist_ok=True)
    try:
        os.link(source, target)
    except OSError:
        shutil.copyfile(source, target)


@functools.cache
def new_file_mode() -> int:
    """The permissions ``open`` gives a new file in this process: 0o666 less the umask."""
    umask = os.umask(0o022)
    os.umask(umask)
    return 0o666 & ~umask


def _stage(path: Path, data: bytes) -> Path:
    fd, name = _new_file(path)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
    except BaseException:
        Path(name).unlink(missing_ok=True)
        raise
    return Path(name)


@contextlib.contextmanager
def interrupts_held() -> Iterator[None]:
    """Delay SIGINT and SIGTERM until the block is done (main thread only)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    received: list[int] = []
    previous = {
        sig: signal.signal(sig, lambda number, _frame: received.append(number))
        for sig in (signal.SIGINT, signal.SIGTERM)
    }
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
        for number in received:
            signal.raise_signal(number)
