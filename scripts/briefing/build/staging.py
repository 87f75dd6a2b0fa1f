"""Outputs written as they are made, yet switched in all at once.

A build hands each output to :class:`Staging` the moment it is rendered.
Staging compares it with the file on disk; if they differ, it writes the
new bytes to a new file straight away and keeps only the two paths.
Nothing replaces a target until every output has been offered: then
:meth:`Staging.swap` renames the staged files over their targets, and
removes orphans, with interrupts held back until it is over. A build that
fails or is interrupted before the swap removes what it staged, so every
previous output stays as it was.

A build's staging has a folder of its own (``.staging/`` at the project
root): the new files wait there, and before the first rename the swap
writes there its journal, every rename and removal it is about to make.
A kill halfway through the renames (which no signal handler can hold
back) leaves the journal; the next build first finishes that switch from
it (:func:`finish_switch`), then sweeps the folder, so no staged file is
ever left among the outputs and no output stays half old, half new.

So a build holds one output at a time, never the whole site; what it
keeps per output is its path.
"""

from __future__ import annotations

import contextlib
import errno
import functools
import json
import os
import shutil
import signal
import tempfile
import threading
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from types import TracebackType
from typing import BinaryIO

from ..errors import BriefingError

JOURNAL = "journal.json"
"""In a staging folder: the switch begun, every rename and removal it makes."""


def _reached(point: str) -> None:
    """Called at each point of a journaled switch: "journal written", "moved N"
    (N from 1) and "removed". Does nothing; tests that kill a build at a
    chosen point replace it."""


reached: Callable[[str], None] = _reached


class Staging:
    """Outputs offered one by one: compared with disk and, if ``write``, staged.

    Use it as a context manager: leaving the block by an exception removes
    every staged file. With ``write`` false nothing is ever written; the
    staging only records which outputs differ from their files. With a
    ``folder`` (which must hold no unfinished switch: see
    :func:`finish_switch`), new files are staged there and the swap keeps a
    journal; without one, beside their targets.
    """

    def __init__(self, write: bool = True, folder: Path | None = None) -> None:
        self.write = write
        self.folder = folder if write else None
        self._device = 0
        self._same_disk: dict[Path, bool] = {}
        if self.folder is not None:
            if (self.folder / JOURNAL).exists():
                raise RuntimeError(f"{self.folder} holds a switch not yet finished")
            self.folder.mkdir(parents=True, exist_ok=True)
            self._device = os.stat(self.folder).st_dev
        self.produced: set[Path] = set()
        """Every output offered, changed or not."""
        self.changed: list[Path] = []
        """Outputs whose file is missing or differs, in the order offered."""
        self._staged: list[tuple[Path, Path]] = []
        self._bytes = 0
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
            try:
                self._staged.append((_stage(path, data, self._place(path)), path))
            except OSError as exc:
                raise _not_written(path, exc, self._bytes) from exc
            self._bytes += len(data)

    def _place(self, path: Path) -> Path:
        """The folder to stage ``path`` in: the staging folder where it is on the
        target's disk (a rename cannot cross disks), else beside the target."""
        parent = path.parent
        if self.folder is None:
            return parent
        same = self._same_disk.get(parent)
        if same is None:
            parent.mkdir(parents=True, exist_ok=True)
            same = self._same_disk[parent] = os.stat(parent).st_dev == self._device
        return self.folder if same else parent

    def discard(self) -> None:
        """Remove every staged file; no target has changed.

        Once the journal is written, the switch is finished by the next
        build instead: the staged files are kept for it."""
        if self.folder is not None and (self.folder / JOURNAL).exists():
            return
        for temporary, _ in self._staged:
            temporary.unlink(missing_ok=True)
        self._staged.clear()
        if self.folder is not None:
            shutil.rmtree(self.folder, ignore_errors=True)

    def swap(self, orphans: Iterable[Path] = (), within: Path | None = None) -> None:
        """Rename every staged file over its target and remove ``orphans``, uninterrupted.

        With ``within``, the folders below it that removing orphans leaves
        empty are removed too."""
        if not self.write:
            raise RuntimeError("a staging that does not write cannot swap")
        orphans = list(orphans)
        with interrupts_held():
            if self.folder is not None:
                _write_journal(self.folder, self._staged, orphans, within)
                reached("journal written")
            _switch(self._staged, orphans, within, reached if self.folder else None)
            self._staged.clear()
            self._swapped = True
            if self.folder is not None:
                shutil.rmtree(self.folder)  # with the journal: the switch is over


def _switch(
    moves: list[tuple[Path, Path]],
    orphans: list[Path],
    within: Path | None,
    note: Callable[[str], None] | None = None,
) -> None:
    """Rename each staged file over its target, then remove the orphans.

    Run again from a journal, it skips the renames already made (their
    staged file is gone) and the orphans already removed. ``note`` is told
    each point reached."""
    note = note or (lambda _point: None)
    for number, (temporary, path) in enumerate(moves, 1):
        try:
            os.replace(temporary, path)
        except FileNotFoundError:
            if temporary.exists():  # the target's folder went meanwhile
                path.parent.mkdir(parents=True, exist_ok=True)
                os.replace(temporary, path)
            # else moved already, by the switch this one finishes
        note(f"moved {number}")
    for path in orphans:
        path.unlink(missing_ok=True)
        if within is not None:
            _remove_empty_folders(path.parent, within)
    note("removed")


def finish_switch(folder: Path) -> str | None:
    """Finish the switch a killed build began in ``folder``, then sweep the folder.

    A build calls it first, holding the project's lock. Returns a one-line
    note when there was a switch to finish, else None; files staged by a
    build stopped before its switch are removed without one."""
    note = None
    try:
        journal = (folder / JOURNAL).read_bytes()
    except (FileNotFoundError, NotADirectoryError):  # no switch begun, or no folder at all
        journal = None
    if journal is not None:
        try:  # decoded here: a journal that is not UTF-8 is damaged too
            moves, orphans, within = _read_journal(journal.decode("utf-8"), folder.parent)
        except (ValueError, KeyError, TypeError) as exc:
            # Written whole or not at all, so only a hand could damage it. The
            # build that follows compares every output with its file anyway.
            note = f"{folder / JOURNAL}: an interrupted build's journal is damaged ({exc}); ignored"
        else:
            with interrupts_held():
                _switch(moves, orphans, within)
            note = (
                f"{folder}: an interrupted build's switch was finished "
                f"({len(moves)} files written, {len(orphans)} removed)"
            )
    if folder.is_dir() and not folder.is_symlink():
        shutil.rmtree(folder)
    elif folder.exists() or folder.is_symlink():
        folder.unlink()
    return note


def _write_journal(
    folder: Path, moves: list[tuple[Path, Path]], orphans: list[Path], within: Path | None
) -> None:
    """The journal, whole or not at all: written beside its name, then renamed."""
    base = folder.parent

    def relative(path: Path) -> str:
        return os.path.relpath(path, base)

    data = {
        "moves": [[relative(t), relative(p)] for t, p in moves],
        "orphans": [relative(p) for p in orphans],
        "within": relative(within) if within is not None else None,
    }
    partial = folder / (JOURNAL + ".partial")
    partial.write_text(json.dumps(data), encoding="utf-8")
    os.replace(partial, folder / JOURNAL)


def _read_journal(text: str, base: Path) -> tuple[list[tuple[Path, Path]], list[Path], Path | None]:
    data = json.loads(text)
    moves = [(base / t, base / p) for t, p in data["moves"]]
    orphans = [base / p for p in data["orphans"]]
    within = base / data["within"] if data["within"] is not None else None
    return moves, orphans, within


def _not_written(path: Path, exc: OSError, staged: int) -> BriefingError:
    """The error for an output that could not be staged: which, why, what to do."""
    advice = "nothing was changed"
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        advice += (
            f"; the disk holding {path.parent} filled after this build had staged "
            f"{staged // 1_000_000 + 1} MB: free more than that and build again"
        )
    return BriefingError(str(path), f"could not be written ({exc.strerror or exc}); {advice}")


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
    except OSError as exc:
        Path(name).unlink(missing_ok=True)
        if exc.errno not in (errno.ENOSPC, errno.EDQUOT):
            raise
        raise BriefingError(
            str(path),
            f"could not be written ({exc.strerror}); the previous one is kept: "
            f"free space on the disk holding {path.parent} and build again",
        ) from exc
    except BaseException:
        Path(name).unlink(missing_ok=True)
        raise


def _new_file(path: Path, folder: Path | None = None) -> tuple[int, str]:
    """A new file beside ``path`` (or in ``folder``), open for writing, with the
    mode any new file gets here (not the owner-only mode of a temporary file):
    the site links the build's files (website/pages.py) and a web server must
    read them."""
    folder = path.parent if folder is None else folder
    folder.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
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


def _stage(path: Path, data: bytes, folder: Path) -> Path:
    fd, name = _new_file(path, folder)
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
