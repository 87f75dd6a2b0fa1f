"""The theme's templates compiled once, not by every ``mkdocs`` process.

Jinja compiles each template the first time a build lays out a page with
it: the theme's 36 templates cost about 0.3 s of CPU per build, a quarter of
a small site's ``mkdocs build`` and paid again by every rebuild under
``briefing serve`` (MkDocs makes a new theme each time). :class:`CompiledTemplates`
keeps the compiled code in the project's cache (``BuildConfig.templates``),
one file per template, each headed by a digest of its contents.

Jinja itself checks a kept template against its source (a checksum of the
template's text) and compiles it again when the text changed; a file that
is damaged, truncated or not a kept template is read as missing and written
again. A file that cannot be written is skipped: the build still lays out
its pages, with the templates compiled in memory.
"""

from __future__ import annotations

import hashlib
import pickle
from pathlib import Path

from jinja2.bccache import Bucket, BytecodeCache

from ..build.staging import atomic_file
from ..errors import BriefingError

MAGIC = b"briefing compiled template 1\n"
"""What a file is; then the SHA-256 of the rest, then Jinja's bytes for the template."""


class CompiledTemplates(BytecodeCache):
    """Compiled templates kept in ``folder``, one file per template."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def _path(self, bucket: Bucket) -> Path:
        return self.folder / f"{bucket.key}.bin"

    def load_bytecode(self, bucket: Bucket) -> None:
        try:
            data = self._path(bucket).read_bytes()
        except OSError:
            return
        head = len(MAGIC)
        digest, payload = data[head : head + 32], data[head + 32 :]
        if data[:head] != MAGIC or hashlib.sha256(payload).digest() != digest:
            return  # compiled again, and written again
        try:
            bucket.bytecode_from_string(payload)
        except (EOFError, ValueError, TypeError, pickle.UnpicklingError):
            bucket.reset()

    def dump_bytecode(self, bucket: Bucket) -> None:
        payload = bucket.bytecode_to_string()
        try:
            with atomic_file(self._path(bucket)) as handle:
                handle.write(MAGIC + hashlib.sha256(payload).digest() + payload)
        except (OSError, BriefingError):
            pass  # a cache only: the template stays compiled for this build
