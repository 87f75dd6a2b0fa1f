"""The citation cache's file: formatted citations by content, kept from build to build.

One JSON array per line, ``[key, four formatted strings, check]`` (see
:class:`~briefing.references.citeproc.FormatCache`), sorted by key; the check
is a digest of the rest (:func:`line_check`). A line that does not parse,
is of another shape or does not match its check is left out, the build
says so in one line, and its citation is formatted again. It is read
and written line by line: the file of a large archive (90 MB at 10,000
briefs) is never held whole. A save copies the lines of entries the file
already holds rather than encoding them again, when the file is still the
one the build loaded: after a one-seed edit, nearly every line.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from pathlib import Path

from ..references.citeproc import FormatCache
from .staging import atomic_file

Stamp = tuple[int, int]
"""A file's size and modification time: whether it is still the file it was."""


def stamp(path: Path) -> Stamp | None:
    """``path``'s size and modification time; None when it cannot be read."""
    try:
        status = path.stat()
    except OSError:
        return None
    return (status.st_size, status.st_mtime_ns)


def line_check(key: str, value: list[str]) -> str:
    """The digest that ends an entry's line: of its key and formatted strings."""
    text = json.dumps([key, *value], ensure_ascii=True, separators=(",", ":"))
    return hashlib.sha256(text.encode("ascii")).hexdigest()[:32]


def load_cache(path: Path) -> FormatCache:
    """The citation cache saved by the last build, but for lines that are not sound.

    An unreadable file is no cache; each damaged line (cut short, foreign,
    not matching its check) is left out and counted in the cache's note."""
    entries: dict[str, list[str]] = {}
    damaged = 0
    try:
        with path.open("rb") as lines:
            for line in lines:
                entry = _entry(line)
                if entry is None:
                    damaged += 1
                else:
                    entries[entry[0]] = entry[1:5]
    except OSError:
        return FormatCache()
    cache = FormatCache(entries)
    if damaged:
        cache.note = (
            f"{path}: {damaged} damaged line(s) ignored; their citations are formatted again"
        )
    return cache


def _entry(line: bytes) -> list[str] | None:
    """The entry on ``line`` if it is whole and matches its check."""
    try:
        entry = json.loads(line.decode("utf-8", "surrogatepass"))
    except (ValueError, RecursionError):  # RecursionError: arrays nested beyond reading
        return None
    if not (
        line.endswith(b"\n")
        and isinstance(entry, list)
        and len(entry) == 6
        and all(isinstance(x, str) for x in entry)
    ):
        return None
    return entry if entry[5] == line_check(entry[0], entry[1:5]) else None


def save_cache(cache: FormatCache, path: Path, loaded: Stamp | None = None) -> Stamp | None:
    """Save the entries this build used, one per line; return the saved file's stamp.

    ``loaded`` is the stamp of the file as it was when ``cache`` was loaded
    from it: while the file is unchanged, its lines are copied for the
    entries it holds. Its entries were checked when loaded, and an entry's
    key stands for its content, so a copied line is the line that encoding
    would write. A file that had damaged lines is written whole: a damaged line
    may keep its key, and copying it would keep the damage for every build."""
    unchanged = loaded is not None and cache.note is None and stamp(path) == loaded
    old = _Lines(path) if unchanged else None
    try:
        with atomic_file(path) as handle:
            for key, value in cache.kept().items():
                line = old.take(key) if old is not None else None
                if line is None:
                    row = [key, *value, line_check(key, value)]
                    text = json.dumps(row, ensure_ascii=False, separators=(",", ":"))
                    line = text.encode("utf-8", "surrogatepass") + b"\n"
                handle.write(line)
    finally:
        if old is not None:
            old.close()
    return stamp(path)


class _Lines:
    """The lines of a saved cache file, looked up by key in ascending order."""

    def __init__(self, path: Path) -> None:
        self._file = path.open("rb")
        self._lines = _keyed(self._file)
        self._current = next(self._lines, None)

    def take(self, key: str) -> bytes | None:
        """The line of ``key``, if the file holds it; keys must be asked in ascending order."""
        while self._current is not None and self._current[0] < key:
            self._current = next(self._lines, None)
        if self._current is not None and self._current[0] == key:
            return self._current[1]
        return None

    def close(self) -> None:
        self._file.close()


def _keyed(lines: Iterator[bytes]) -> Iterator[tuple[str, bytes]]:
    """Each whole line with the key it starts with (``["key",``); others are left out."""
    for line in lines:
        end = line.find(b'",', 2)
        if line.startswith(b'["') and end > 2 and line.endswith(b"\n"):
            key = line[2:end]
            if b"\\" not in key:
                yield key.decode("utf-8", "replace"), line
