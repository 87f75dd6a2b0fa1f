"""The theme's templates compiled once, not by every ``mkdocs`` process.

Jinja compiles each template the first time a build lays out a page with
it: the theme's 36 templates cost about 0.3 s of CPU per build, paid by
every ``mkdocs build`` and again by every rebuild under ``briefing serve``
(MkDocs makes a new theme each time). :func:`compiled_templates` keeps the
compiled code with Jinja's own file cache, in the folder Jinja makes for the
user running the build (under the system's temporary folder, readable by
that user alone, checked by Jinja before use): compiled code is code, and
nothing in the project folder may run, so a copied project brings none.

Jinja checks a kept template against its source (a checksum of the
template's text) and compiles it again when the text changed. A file that
is damaged, truncated or not a kept template is read as missing and written
again; a file or folder that cannot be written only costs the compiling.
"""

from __future__ import annotations

import hashlib
import logging
from pathlib import Path

from jinja2.bccache import Bucket, FileSystemBytecodeCache

from ..build.staging import atomic_file
from ..errors import BriefingError

log = logging.getLogger("mkdocs.plugins.briefing")

MAGIC = b"briefing compiled template 1\n"
"""What a file is; then the SHA-256 of the rest, then Jinja's bytes for the template."""


class CompiledTemplates(FileSystemBytecodeCache):
    """Compiled templates, one file each in Jinja's folder (or ``directory``),
    each headed by a digest of its contents: a damaged file is a missing one."""

    def _path(self, bucket: Bucket) -> Path:
        return Path(self.directory) / f"briefing-{bucket.key}.bin"

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
        except Exception:  # Jinja's header read, then no code: compiled again
            bucket.reset()

    def dump_bytecode(self, bucket: Bucket) -> None:
        payload = bucket.bytecode_to_string()
        try:
            with atomic_file(self._path(bucket)) as handle:
                handle.write(MAGIC + hashlib.sha256(payload).digest() + payload)
        except (OSError, BriefingError):
            pass  # a cache only: the template stays compiled for this build


def compiled_templates(directory: str | None = None) -> CompiledTemplates | None:
    """The cache of compiled templates (Jinja's folder for this user unless
    ``directory``); None where Jinja finds no folder safe to use."""
    try:
        return CompiledTemplates(directory)
    except (OSError, RuntimeError) as exc:
        log.info("briefing: the theme's templates are compiled anew: %s", exc)
        return None
