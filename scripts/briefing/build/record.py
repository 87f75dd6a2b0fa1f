"""What the last build wrote, so that a build in which nothing changed can stop early.

After a build with no failed seed, the record holds the build's key (a
digest of every seed and sidecar, the package and data files, the
registry and the site's name and address) and the size and modification
time of every file it wrote. A later build with the same key whose files
all still have those sizes and times has nothing to write and computes
nothing. Any difference (a seed edited, a page deleted or touched by hand,
a record that cannot be read) means the full build runs.

The full build also reads the record, whatever its key, for the list of
files the last build wrote: those it does not write again are its orphans
(:func:`recorded_files`). Paths are kept relative to the project's root.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable
from pathlib import Path


def build_key(inputs: str, seeds: Iterable[tuple[str, bytes, bytes | None]]) -> str:
    """A digest of the inputs and every seed's name, bytes and sidecar bytes."""
    digest = hashlib.sha256(inputs.encode())
    for name, seed, sidecar in seeds:
        for part in (name.encode(), seed, b"\0no sidecar" if sidecar is None else sidecar):
            digest.update(len(part).to_bytes(8, "big") + part)
    return digest.hexdigest()


def _stamp(path: Path) -> list[int]:
    status = path.stat()
    return [status.st_size, status.st_mtime_ns]


def record_outputs(record: Path, root: Path, key: str, outputs: Iterable[Path]) -> None:
    """Save ``key`` and the stamps of ``outputs`` (which exist, under ``root``) at ``record``."""
    files = {path.relative_to(root).as_posix(): _stamp(path) for path in sorted(outputs)}
    record.parent.mkdir(parents=True, exist_ok=True)
    temporary = record.with_name(f".{record.name}.tmp")
    temporary.write_text(json.dumps({"key": key, "files": files}), "utf-8")
    os.replace(temporary, record)


def _saved(record: Path, root: Path) -> tuple[object, dict[Path, object]] | None:
    try:
        saved = json.loads(record.read_text("utf-8"))
        return saved["key"], {root / name: stamp for name, stamp in saved["files"].items()}
    except (OSError, ValueError, KeyError, TypeError, AttributeError, RecursionError):
        return None


def unchanged_outputs(record: Path, root: Path, key: str) -> list[Path] | None:
    """The files the last build wrote, if its key was ``key`` and none has changed since."""
    saved = _saved(record, root)
    if saved is None or saved[0] != key:
        return None
    try:
        if all(_stamp(path) == stamp for path, stamp in saved[1].items()):
            return sorted(saved[1])
    except OSError:
        pass
    return None


def recorded_files(record: Path, root: Path) -> list[Path] | None:
    """Every file the last recorded build wrote, whatever its key; None without a record."""
    saved = _saved(record, root)
    return None if saved is None else sorted(saved[1])


def forget_outputs(record: Path) -> None:
    """Remove the record: the next build runs in full."""
    record.unlink(missing_ok=True)
