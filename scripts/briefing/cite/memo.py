"""A brief's memo document: its Markdown → ``.docx`` and ``.odt``, by pandoc.

The Markdown (title, the citation of the original, numbered paragraphs,
each inline source a footnote, the sources) is rendered by
:mod:`briefing.render.memo`; here pandoc converts it. Conversion is slow
next to everything else a build does, so a document is keyed by what it
depends on (:func:`memo_key`) and the build keeps converted documents
between runs.

Pandoc writes creation and modification times into both formats and into
their zip entries; ``SOURCE_DATE_EPOCH`` fixes them (to the article's
publication date, or the first day of its year), so the same brief gives
the same bytes on every build.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import subprocess
import tempfile
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import DataFileError
from ..model import Article
from .citeproc import pandoc_path, pandoc_version

FORMATS: dict[str, str] = {"docx": "Word (.docx)", "odt": "OpenDocument (.odt)"}
"""Extension of each memo document → the label of its download link."""

READER = "markdown-tex_math_dollars-raw_tex-raw_html-raw_attribute-citations-smart"
"""Pandoc's Markdown without what seed text could trigger by accident ($…$ as
math, raw HTML or TeX, @names as citations); the text is escaped Markdown."""

Converter = Callable[[str, str, int, Path | None], bytes]
"""Markdown, format, timestamp and reference document → the document's bytes."""


def memo_name(slug: str, extension: str) -> str:
    """The download's file name, beside the brief's pages: ``<slug>.docx``."""
    return f"{slug}.{extension}"


def memo_epoch(article: Article) -> int:
    """The timestamp written into the document: the publication date, else its year."""
    day = article.date or (dt.date(article.year, 1, 1) if article.year else None)
    if day is None:
        return 0
    return int(dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC).timestamp())


def memo_key(markdown: str, extension: str, epoch: int, reference: bytes | None) -> str:
    """What a converted document depends on, as a hash: its cache key."""
    digest = hashlib.sha256()
    for part in (pandoc_version(), READER, extension, str(epoch), markdown):
        digest.update(part.encode("utf-8") + b"\0")
    digest.update(reference or b"")
    return digest.hexdigest()


def convert(markdown: str, extension: str, epoch: int, reference: Path | None) -> bytes:
    """``markdown`` as a document of type ``extension``, made by pandoc."""
    with tempfile.TemporaryDirectory(prefix="briefing-memo-") as folder:
        source, target = Path(folder) / "memo.md", Path(folder) / f"memo.{extension}"
        source.write_text(markdown, "utf-8")
        args = [pandoc_path(), "-f", READER, "-t", extension, "-o", str(target), str(source)]
        if reference is not None:
            args.append(f"--reference-doc={reference}")
        env = {**os.environ, "SOURCE_DATE_EPOCH": str(epoch)}
        try:
            done = subprocess.run(args, capture_output=True, text=True, check=False, env=env)
        except OSError as exc:
            raise DataFileError(
                "pandoc", f"cannot run pandoc ({exc}); reinstall: make site"
            ) from None
        if done.returncode != 0:
            raise DataFileError("pandoc", f"memo conversion failed: {done.stderr.strip()}")
        return target.read_bytes()


@dataclass
class MemoCache:
    """Converted documents kept between builds, one file per key in ``folder``.

    Read here; the build writes the documents converted this time
    (:attr:`new`) and removes those no build used (:meth:`unused`).
    """

    folder: Path
    new: dict[str, bytes] = field(default_factory=dict)
    used: set[str] = field(default_factory=set)

    def get(self, name: str) -> bytes | None:
        self.used.add(name)
        try:
            return (self.folder / name).read_bytes()
        except OSError:
            return None

    def put(self, name: str, data: bytes) -> None:
        self.used.add(name)
        self.new[name] = data

    def unused(self) -> list[Path]:
        if not self.folder.is_dir():
            return []
        return sorted(p for p in self.folder.iterdir() if p.name not in self.used)


Job = tuple[str, str, int]
"""One document to make: its Markdown, its extension and its timestamp."""


def make_memos(
    jobs: Sequence[Job],
    cache: MemoCache,
    reference: Callable[[str], Path | None],
    converter: Converter = convert,
) -> list[bytes]:
    """The bytes of each job's document: from ``cache``, else converted (concurrently).

    ``reference`` gives the reference document for an extension, if any.
    """
    references = {ext: reference(ext) for ext in {ext for _, ext, _ in jobs}}
    styles = {ext: path.read_bytes() if path else None for ext, path in references.items()}
    names = [f"{memo_key(md, ext, epoch, styles[ext])}.{ext}" for md, ext, epoch in jobs]
    found = {name: cache.get(name) for name in names}
    missing = {name: job for name, job in zip(names, jobs, strict=True) if found[name] is None}
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        made = pool.map(
            lambda job: converter(job[0], job[1], job[2], references[job[1]]), missing.values()
        )
        for name, data in zip(missing, made, strict=True):
            cache.put(name, data)
            found[name] = data
    return [found[name] or b"" for name in names]
