"""What the last build wrote, so that a build in which nothing changed can stop early.

After a build with no failed seed, the record holds the build's key (a
digest of every seed and sidecar, the package and data files, the
registry and the site's name and address) and the size and modification
time of every file it wrote. A later build with the same key whose files
all still have those sizes and times has nothing to write: it reads the
files back as its outputs instead of computing them. Any difference (a
seed edited, a page deleted or touched by hand, a record that cannot be
read) means the full build runs.
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


def record_outputs(record: Path, key: str, outputs: Iterable[Path]) -> None:
    """Save ``key`` and the stamps of ``outputs`` (which exist) at ``record``."""
    files = {str(path): _stamp(path) for path in sorted(outputs)}
    record.parent.mkdir(parents=True, exist_ok=True)
    temporary = record.with_name(f".{record.name}.tmp")
    temporary.write_text(json.dumps({"key": key, "files": files}), "utf-8")
    os.replace(temporary, record)


def unchanged_outputs(record: Path, key: str) -> list[Path] | None:
    """The files the last build wrote, if its key was ``key`` and none has changed since."""
    try:
        saved = json.loads(record.read_text("utf-8"))
        if saved["key"] != key:
            return None
        files = {Path(name): stamp for name, stamp in saved["files"].items()}
        if all(_stamp(path) == stamp for path, stamp in files.items()):
            return sorted(files)
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        pass
    return None


def forget_outputs(record: Path) -> None:
    """Remove the record: the next build runs in full."""
    record.unlink(missing_ok=True)
