"""Many memo documents converted by a few pandoc processes, in pandoc's Lua mode.

Starting pandoc costs more than converting one memo, so documents go to
``pandoc lua memo.lua`` (the script beside this module) in batches: each
process reads a batch's Markdown once per brief and writes every format
asked of it, with the output options ``pandoc -f READER -t FORMAT`` uses
(the same bytes). One process runs per core at a time; a batch holds at
most :data:`BATCH` documents. ``pandoc server``, the other way to keep one
pandoc running, is not available: the pinned binary's runtime is not
threaded, and the server stops on its first request.

A document pandoc cannot make fails alone: the script reports it and goes
on, and should pandoc itself stop on a document (some of its errors end
the process rather than the Lua call), the batch resumes after it in a new
process. A pandoc that cannot run the script at all, or a reference
document that is no zip archive (pandoc would stop on every document it
styles), is one :class:`~briefing.errors.DataFileError` for the whole build.
"""

from __future__ import annotations

import functools
import hashlib
import json
import math
import os
import subprocess
import tempfile
import zipfile
from collections.abc import Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from ..children import ending_with_this_process
from ..errors import DataFileError
from .citeproc import pandoc_path

READER = "markdown-tex_math_dollars-raw_tex-raw_html-raw_attribute-citations-smart"
"""Pandoc's Markdown without what seed text could trigger by accident ($…$ as
math, raw HTML or TeX, @names as citations); the text is escaped Markdown."""

PROTOCOL = "briefing-memos 1"
"""The first line ``memo.lua`` prints: pandoc ran the script and can convert."""

_SCRIPT = resources.files("briefing.references").joinpath("memo.lua")

BATCH = 100
"""Most documents one pandoc process converts. Start-up (about 0.1 s) is then
under 2 % of a batch's time; a process's memory (about 230 MB) was measured
the same for 50 and 200 documents, so the bound is on the manifest held in
memory and on the work redone when a process must be resumed."""


@dataclass(frozen=True)
class Conversion:
    """One document to make: Markdown, format, timestamp and house style."""

    markdown: str
    extension: str
    epoch: int
    reference: Path | None = None


@dataclass(frozen=True)
class Failed:
    """A document pandoc could not make, with pandoc's message."""

    message: str


Outcome = bytes | Failed
"""A converted document's bytes, or why there are none."""


def convert_batch(conversions: Sequence[Conversion], workers: int | None = None) -> list[Outcome]:
    """Each conversion's document, in order, made by as few pandoc processes as fit.

    ``workers`` processes run at once (default: one per core).
    """
    workers = workers or os.cpu_count() or 2
    _check_references({c.reference for c in conversions if c.reference is not None})
    documents = _documents(conversions)
    # Batches of equal size, as many as a whole number of rounds of the workers.
    rounds = max(1, math.ceil(len(documents) / (workers * BATCH)))
    size = max(1, math.ceil(len(documents) / (workers * rounds)))
    batches = [documents[start : start + size] for start in range(0, len(documents), size)]
    outcomes: dict[int, Outcome] = {}
    with _script() as script, ThreadPoolExecutor(max_workers=workers) as pool:
        for made in pool.map(lambda batch: _convert(batch, conversions, script), batches):
            outcomes.update(made)
    return [outcomes[index] for index in range(len(conversions))]


def _check_references(references: set[Path]) -> None:
    for reference in sorted(references):
        if not zipfile.is_zipfile(reference):
            raise DataFileError(
                str(reference), "not a reference document for memos (.docx or .odt): no zip archive"
            )


Document = tuple[str, tuple[int, ...]]
"""A Markdown text and the indexes of the conversions made from it."""


def _documents(conversions: Sequence[Conversion]) -> list[Document]:
    """Conversions grouped by their Markdown, in order of first appearance."""
    groups: dict[str, list[int]] = {}
    for index, conversion in enumerate(conversions):
        groups.setdefault(conversion.markdown, []).append(index)
    return [(markdown, tuple(indexes)) for markdown, indexes in groups.items()]


@contextmanager
def _script() -> Iterator[Path]:
    with resources.as_file(_SCRIPT) as path:
        yield path


@functools.lru_cache(maxsize=1)
def script_digest() -> str:
    """A hash of the Lua script: what it asks of pandoc decides the bytes too."""
    return hashlib.sha256(_SCRIPT.read_bytes()).hexdigest()


def _convert(
    batch: Sequence[Document], conversions: Sequence[Conversion], script: Path
) -> dict[int, Outcome]:
    """One batch's outcomes by conversion index; a process that stops is resumed."""
    outcomes: dict[int, Outcome] = {}
    with tempfile.TemporaryDirectory(prefix="briefing-memos-") as folder:
        remaining = list(batch)
        while remaining:
            order = [index for _, indexes in remaining for index in indexes]
            lines, stopped = _run(remaining, conversions, Path(folder), script)
            for index, line in zip(order, lines, strict=False):
                outcomes[index] = _outcome(line, _output(Path(folder), index, conversions))
            if len(lines) == len(order):
                break
            # Pandoc stopped on the next output: it fails, the others go on.
            outcomes[order[len(lines)]] = Failed(f"pandoc stopped: {stopped}")
            remaining = [
                (markdown, tuple(i for i in indexes if i not in outcomes))
                for markdown, indexes in remaining
                if any(i not in outcomes for i in indexes)
            ]
    return outcomes


def _run(
    batch: Sequence[Document], conversions: Sequence[Conversion], folder: Path, script: Path
) -> tuple[list[str], str]:
    """The script's report lines for ``batch``, and pandoc's message if it stopped early."""
    manifest = folder / "manifest.json"
    text = json.dumps(_manifest(batch, conversions, folder), ensure_ascii=False)
    manifest.write_text(text, "utf-8")
    try:
        done = subprocess.run(
            [pandoc_path(), "lua", str(script), str(manifest)],
            capture_output=True,
            encoding="utf-8",
            errors="replace",
            check=False,
            preexec_fn=ending_with_this_process(),
        )
    except OSError as exc:
        raise DataFileError("pandoc", f"cannot run pandoc ({exc}); reinstall: make site") from None
    lines = done.stdout.splitlines()
    if not lines or lines[0] != PROTOCOL:
        message = (done.stderr or done.stdout).strip() or f"exit status {done.returncode}"
        raise DataFileError(
            "pandoc",
            f"cannot make memo documents with 'pandoc lua': {message}; reinstall: make site",
        )
    # Pandoc's message is its first line; a call stack follows when it stopped.
    stopped = done.stderr.strip().partition("\n")[0] or f"exit status {done.returncode}"
    return lines[1:], stopped


def _manifest(
    batch: Sequence[Document], conversions: Sequence[Conversion], folder: Path
) -> dict[str, object]:
    return {
        "reader": READER,
        "documents": [
            {
                "markdown": markdown,
                "outputs": [_output_entry(folder, index, conversions) for index in indexes],
            }
            for markdown, indexes in batch
        ],
    }


def _output_entry(folder: Path, index: int, conversions: Sequence[Conversion]) -> dict[str, object]:
    conversion = conversions[index]
    entry: dict[str, object] = {
        "format": conversion.extension,
        "epoch": conversion.epoch,
        "path": str(_output(folder, index, conversions)),
    }
    if conversion.reference is not None:
        entry["reference"] = str(conversion.reference)
    return entry


def _output(folder: Path, index: int, conversions: Sequence[Conversion]) -> Path:
    return folder / f"{index}.{conversions[index].extension}"


def _outcome(line: str, path: Path) -> Outcome:
    if line == "ok":
        return path.read_bytes()
    return Failed(line.removeprefix("error ").strip() or "pandoc gave no reason")
