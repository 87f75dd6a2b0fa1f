"""The citation cache's file: formatted citations by content, kept from build to build.

One JSON array per line, ``[key, four formatted strings]`` (see
:class:`~briefing.cite.citeproc.FormatCache`), sorted by key. It is read
and written line by line: the file of a large archive (90 MB at 10,000
briefs) is never held whole. A save copies the lines of entries the file
already holds rather than encoding them again, when the file is still the
one the build loaded: after a one-seed edit, nearly every line.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from ..cite.citeproc import FormatCache
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


def load_cache(path: Path) -> FormatCache:
    """The citation cache saved by the last build; an unreadable or foreign one is ignored."""
    entries: dict[str, list[str]] = {}
    try:
        with path.open(encoding="utf-8") as lines:
            for line in lines:
                entry = json.loads(line)
                if not (
                    isinstance(entry, list)
                    and len(entry) == 5
                    and all(isinstance(x, str) for x in entry)
                ):
                    return FormatCache()
                entries[entry[0]] = entry[1:]
    except (OSError, ValueError):
        return FormatCache()
    return FormatCache(entries)


def save_cache(cache: FormatCache, path: Path, loaded: Stamp | None = None) -> Stamp | None:
    """Save the entries this build used, one per line; return the saved file's stamp.

    ``loaded`` is the stamp of the file as it was when ``cache`` was loaded
    from it: while the file is unchanged, its lines are copied for the
    entries it holds. Its entries were checked when loaded, and an entry's
    key stands for its content, so a copied line is the line that encoding
    would write."""
    old = _Lines(path) if loaded is not None and stamp(path) == loaded else None
    try:
        with atomic_file(path) as handle:
            for key, value in cache.kept().items():
                line = old.take(key) if old is not None else None
                if line is None:
                    text = json.dumps([key, *value], ensure_ascii=False, separators=(",", ":"))
                    line = text.encode("utf-8") + b"\n"
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
