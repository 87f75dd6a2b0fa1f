"""Templates compiled once, not by every process that renders with them.

Jinja compiles each template the first time a process renders with it: our
own 28 page templates cost about 0.25 s of CPU in every ``briefing build``
that converts a seed, and the theme's 36 about 0.3 s in every ``mkdocs
build`` and again in every rebuild under ``briefing serve`` (MkDocs makes a
new theme each time). :func:`compiled_templates` keeps the compiled code
with Jinja's own file cache, in the folder Jinja makes for the user running
the build (under the system's temporary folder, readable by that user alone,
checked by Jinja before use): compiled code is code, and nothing in the
project folder may run, so a copied project brings none.

A kept template is used only for the same template file, text (Jinja's
checksum), Jinja and Python, and environment settings (:func:`_settings`:
the delimiters, whitespace rules and extensions that shape the code); any
other is compiled again. A file that is damaged, truncated or not a kept
template is read as missing and written again; a file or folder that cannot
be written only costs the compiling. ``briefing build --fresh`` removes them
with the other stores of earlier builds' work (:func:`forget_compiled`).
"""

from __future__ import annotations

import hashlib
import logging
import os
import tempfile
from pathlib import Path
from typing import Any

from jinja2 import Environment
from jinja2.bccache import Bucket, FileSystemBytecodeCache

log = logging.getLogger(__name__)

MAGIC = b"briefing compiled template 1\n"
"""What a file is; then the SHA-256 of the rest, then Jinja's bytes for the template."""

PREFIX = "briefing-"
"""How our files in Jinja's folder begin (other programs of the user keep theirs there)."""


class CompiledTemplates(FileSystemBytecodeCache):
    """Compiled templates, one file each in Jinja's folder (or ``directory``),
    each headed by a digest of its contents: a damaged file is a missing one."""

    def get_bucket(
        self, environment: Environment, name: str, filename: str | None, source: str
    ) -> Bucket:
        """Jinja's bucket, under a key that also holds the environment's settings."""
        key = f"{self.get_cache_key(name, filename)}\n{_settings(environment)}"
        digest = hashlib.sha256(key.encode("utf-8")).hexdigest()
        bucket = Bucket(environment, digest, self.get_source_checksum(source))
        self.load_bytecode(bucket)
        return bucket

    def _path(self, bucket: Bucket) -> Path:
        return Path(self.directory) / f"{PREFIX}{bucket.key}.bin"

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
        path = self._path(bucket)
        try:
            fd, name = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
        except OSError:
            return  # a cache only: the template stays compiled for this process
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(MAGIC + hashlib.sha256(payload).digest() + payload)
            os.replace(name, path)
        except OSError:
            Path(name).unlink(missing_ok=True)


def _settings(env: Environment) -> str:
    """What besides a template's text shapes the code Jinja compiles from it."""
    return repr(
        (
            env.block_start_string,
            env.block_end_string,
            env.variable_start_string,
            env.variable_end_string,
            env.comment_start_string,
            env.comment_end_string,
            env.line_statement_prefix,
            env.line_comment_prefix,
            env.trim_blocks,
            env.lstrip_blocks,
            env.newline_sequence,
            env.keep_trailing_newline,
            sorted(env.extensions),
            env.optimized,
            env.is_async,
            _named(env.autoescape),
            _named(env.finalize),
        )
    )


def _named(value: Any) -> str:
    """A setting as the same text in every process (a function by its name)."""
    if callable(value):
        return f"{getattr(value, '__module__', '')}.{getattr(value, '__qualname__', '')}"
    return repr(value)


def compiled_templates(directory: str | None = None) -> CompiledTemplates | None:
    """The cache of compiled templates (Jinja's folder for this user unless
    ``directory``); None where Jinja finds no folder safe to use."""
    try:
        return CompiledTemplates(directory)
    except (OSError, RuntimeError) as exc:
        log.info("briefing: templates are compiled anew: %s", exc)
        return None


def forget_compiled(directory: str | None = None) -> int:
    """Remove every template kept compiled for this user by any build of ours; how many
    there were (the next process that renders compiles and keeps them again)."""
    kept = compiled_templates(directory)
    if kept is None:
        return 0
    removed = 0
    for path in Path(kept.directory).glob(f"{PREFIX}*.bin"):
        try:
            path.unlink()
        except OSError:
            continue
        removed += 1
    return removed
