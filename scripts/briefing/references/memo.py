"""A brief's memo document: its Markdown → ``.docx`` (and ``.odt`` if asked), by pandoc.

The Markdown (title, the citation of the original, numbered paragraphs,
each inline source a footnote, the sources) is rendered by
:mod:`briefing.render.memo`; here pandoc converts it, a batch of documents
per process (:mod:`briefing.references.memobatch`). Conversion is slow next to
everything else a build does, so a document is keyed by what it depends on
(:func:`memo_key`) and the build keeps converted documents between runs.

Pandoc writes creation and modification times into both formats and into
their zip entries; ``SOURCE_DATE_EPOCH`` fixes them (to the article's
publication date, or the first day of its year), so the same brief gives
the same bytes on every build, and :mod:`briefing.references.memofinish` then
leaves them out (no document claims to have been made on that date) and
gives the ``.docx`` its page numbers.
"""

from __future__ import annotations

import contextlib
import contextvars
import datetime as dt
import hashlib
import io
import zipfile
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import DataFileError
from ..model import Article
from .citeproc import pandoc_version
from .memobatch import READER, Conversion, Failed, Outcome, convert_batch, script_digest
from .memofinish import FINISH, finished

__all__ = [
    "DEFAULT_FORMATS",
    "FORMATS",
    "READER",
    "Failed",
    "MemoCache",
    "convert",
    "finished_batch",
    "make_memos",
    "memo_epoch",
    "memo_key",
    "memo_name",
]

FORMATS: dict[str, str] = {"docx": "Word (.docx)", "odt": "OpenDocument (.odt)"}
"""Extension of each memo document a build can make → the label of its download link."""

DEFAULT_FORMATS = ("docx",)
"""The formats made unless mkdocs.yml asks for others: every office suite in use
reads ``.docx``, and each further format costs a conversion per brief."""

Converter = Callable[[Sequence[Conversion]], list[Outcome]]
"""Documents to make → each one's bytes or why it failed, in order."""


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
    parts = (pandoc_version(), script_digest(), FINISH, READER, extension, str(epoch), markdown)
    for part in parts:
        digest.update(part.encode("utf-8") + b"\0")
    digest.update(reference or b"")
    return digest.hexdigest()


def convert(markdown: str, extension: str, epoch: int, reference: Path | None) -> bytes:
    """``markdown`` as a document of type ``extension``, made by pandoc."""
    (made,) = finished_batch([Conversion(markdown, extension, epoch, reference)], workers=1)
    if isinstance(made, Failed):
        raise DataFileError("pandoc", f"memo conversion failed: {made.message}")
    return made


def finished_batch(conversions: Sequence[Conversion], workers: int | None = None) -> list[Outcome]:
    """Each conversion's document as pandoc makes it (:func:`convert_batch`), then
    finished: page numbers, no dates (:func:`~briefing.references.memofinish.finished`)."""
    made = convert_batch(conversions, workers)
    return [
        outcome if isinstance(outcome, Failed) else finished(conversion.extension, outcome)
        for conversion, outcome in zip(conversions, made, strict=True)
    ]


DIGEST = ".sha256"
"""Beside each kept document ``<key>.<ext>``: ``<key>.<ext>.sha256``, the
SHA-256 of its bytes as saved."""


@dataclass
class MemoCache:
    """Converted documents kept between builds, one file per key in ``folder``.

    Read here; the build writes the documents converted this time
    (:meth:`files`) and removes those no build used (:meth:`unused`). Only a
    whole zip archive (both formats are) is kept, with the digest of its
    bytes beside it; a kept document is used only when its bytes still have
    that digest (it is then the whole archive that was kept), and any other
    is converted again, counted in :attr:`damaged`, and replaced.
    """

    folder: Path
    new: dict[str, bytes] = field(default_factory=dict)
    used: set[str] = field(default_factory=set)
    damaged: list[str] = field(default_factory=list)
    """Kept documents found unsound in this build, each converted again."""

    def get(self, name: str) -> bytes | None:
        self.used.add(name)
        try:
            data = (self.folder / name).read_bytes()
        except OSError:
            return None
        try:
            saved = (self.folder / (name + DIGEST)).read_text("ascii").strip()
        except (OSError, UnicodeDecodeError):
            saved = None
        if saved != hashlib.sha256(data).hexdigest():
            self.damaged.append(name)
            return None
        return data

    def put(self, name: str, data: bytes) -> None:
        """Keep ``data`` for the next build, if it is a whole archive (checked once, here)."""
        self.used.add(name)
        if _whole_archive(data):
            self.new[name] = data

    def files(self) -> Iterator[tuple[Path, bytes]]:
        """The documents converted since the last call, each with its digest beside it."""
        new, self.new = self.new, {}
        for name, data in new.items():
            yield self.folder / name, data
            yield self.folder / (name + DIGEST), hashlib.sha256(data).hexdigest().encode() + b"\n"

    def unused(self) -> list[Path]:
        if not self.folder.is_dir():
            return []
        return sorted(
            p for p in self.folder.iterdir() if p.name.removesuffix(DIGEST) not in self.used
        )

    @property
    def note(self) -> str | None:
        if not self.damaged:
            return None
        count = len(self.damaged)
        return f"{count} damaged memo document(s) in {self.folder} ignored and converted again"


def _whole_archive(data: bytes) -> bool:
    """Whether ``data`` is a zip archive whose every member reads back with its checksum."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return bool(archive.namelist()) and archive.testzip() is None
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError):
        return False


Job = tuple[str, str, int]
"""One document to make: its Markdown, its extension and its timestamp."""


_CONVERTED: contextvars.ContextVar[MemoCache | None] = contextvars.ContextVar(
    "briefing_memos", default=None
)
"""The documents converted by earlier builds that :func:`make_memos` reuses, if any."""


@contextlib.contextmanager
def reusing_memos(cache: MemoCache) -> Iterator[MemoCache]:
    """Inside the block, :func:`make_memos` takes documents from ``cache`` and puts
    the ones it converts there; outside, every document is converted."""
    token = _CONVERTED.set(cache)
    try:
        yield cache
    finally:
        _CONVERTED.reset(token)


def make_memos(
    jobs: Sequence[Job],
    reference: Callable[[str], Path | None],
    converter: Converter = finished_batch,
) -> list[Outcome]:
    """Each job's document: from the active cache (:func:`reusing_memos`), else
    converted (all in one batch).

    ``reference`` gives the reference document for an extension, if any. A
    document that cannot be made is a :class:`Failed` in its place, and is
    not cached.
    """
    cache = _CONVERTED.get()
    references = {ext: reference(ext) for ext in {ext for _, ext, _ in jobs}}
    styles = {ext: path.read_bytes() if path else None for ext, path in references.items()}
    names = [f"{memo_key(md, ext, epoch, styles[ext])}.{ext}" for md, ext, epoch in jobs]
    cached = {name: cache.get(name) for name in names} if cache is not None else {}
    outcomes: dict[str, Outcome] = {n: data for n, data in cached.items() if data is not None}
    missing = {name: job for name, job in zip(names, jobs, strict=True) if name not in outcomes}
    conversions = [
        Conversion(md, ext, epoch, references[ext]) for md, ext, epoch in missing.values()
    ]
    for name, outcome in zip(missing, converter(conversions), strict=True):
        if cache is not None and not isinstance(outcome, Failed):
            cache.put(name, outcome)
        outcomes[name] = outcome
    return [outcomes[name] for name in names]
