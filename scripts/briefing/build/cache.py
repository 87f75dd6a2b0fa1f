"""Parsed seeds and their analyses, kept between builds and keyed by content.

A seed is read and analysed again only when its key changes. The key is a
digest of the seed's bytes, its sidecar's bytes, its name, and the
*inputs*: the Python version and every file of this package that reading
and analysing a seed can depend on (:func:`seed_inputs_digest`): the code
of every stage up to the analyses. The templates, citation styles, the
glossary and the code that makes pages and citations shape the pages only:
editing them re-renders pages but reads no seed again. The topic lexicon
and the gazetteer are recorded in each entry instead (:class:`Derived`):
editing the lexicon finds every brief's topics again, editing the
gazetteer its names and analyses, and neither reads or parses a seed.

The outlet registry and the publications are recorded in each entry too,
as the questions reading the seed asked of them and the answers it got
(:class:`Asked`): which outlet each name it tried means, if any, and which
publication its ``Publication:`` line names. Reading uses them through
those questions only (the outlets through
:class:`~briefing.citations.registry.OutletLookup`, the publications
through the one lookup), so a seed whose every question has the same
answer with the edited files reads the same: it is not read again. Adding
an outlet whose name one brief cites, or changing a field of an outlet it
cites, reads that brief again and no other.

The cache is one file of JSON lines (:mod:`.codec`): data that cannot run
code, so that a project folder copied from someone else cannot carry code
into a build. A damaged, truncated or foreign file (another format,
another version, a digest that does not match its content, a value of
another shape than the model's) is ignored with a one-line note and
rebuilt; it can never stand in for a seed whose key it does not hold.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any, BinaryIO

from ..analysis.brief import BriefAnalysis
from ..analysis.gazetteer import Gazetteer
from ..analysis.othernames import Names
from ..analysis.topics import Lexicon
from ..citations.registry import Registry
from ..input.publications import find_publication
from ..model import Article, Citation, Outlet, Publication
from .citecache import Stamp, stamp
from .codec import Codec, DecodeError
from .staging import atomic_file

MAGIC = b"briefing seed cache 5\n"
"""First line of the file: what it is and the format of what follows (the
number: 5 is JSON lines, 4 and before were a format that could run code)."""


@dataclass(frozen=True)
class Derived:
    """What the build reads out of an article, for the slug it ended up with."""

    slug: str
    bottom_line: str
    bottom_line_automatic: bool
    topics: tuple[str, ...]
    names: Names
    analysis: BriefAnalysis
    lexicon: str
    """Digest of the topic lexicon the topics were found with."""
    gazetteer: str
    """Digest of the gazetteer the names and the analysis were made with."""


@dataclass(frozen=True)
class Asked:
    """What reading a seed asked of the outlet registry and the publications, and was told."""

    outlets: tuple[tuple[str, Outlet | None], ...]
    """Each name looked up in the registry, and the outlet it meant (None: none)."""
    publications: tuple[tuple[str, Publication], ...]
    """The name on the seed's ``Publication:`` line, and the publication it meant."""
    made_with: str
    """:func:`answers_digest` of the registry and publications that answered."""

    def still_answered(self, registry: Registry, publications: tuple[Publication, ...]) -> bool:
        """Whether ``registry`` and ``publications`` give every answer this reading got."""
        return all(registry.resolve(name) == outlet for name, outlet in self.outlets) and all(
            find_publication(name, publications) == known for name, known in self.publications
        )


@dataclass
class Asking:
    """The registry and publications for one seed's reading, recording its questions."""

    registry: Registry
    known: tuple[Publication, ...]
    outlets: dict[str, Outlet | None] = field(default_factory=dict)
    publications: dict[str, Publication] = field(default_factory=dict)

    def resolve(self, written: str) -> Outlet | None:
        if written not in self.outlets:
            self.outlets[written] = self.registry.resolve(written)
        return self.outlets[written]

    def publication(self, name: str) -> Publication:
        if name not in self.publications:
            self.publications[name] = find_publication(name, self.known)
        return self.publications[name]

    def asked(self, made_with: str) -> Asked:
        return Asked(
            tuple(sorted(self.outlets.items(), key=lambda item: item[0])),
            tuple(sorted(self.publications.items(), key=lambda item: item[0])),
            made_with,
        )


def answers_digest(registry: Registry, publications: tuple[Publication, ...]) -> str:
    """The registry's outlets and the publications, as one digest."""
    return hashlib.sha256(repr((registry.outlets, publications)).encode()).hexdigest()


@dataclass(frozen=True)
class Entry:
    """One seed's article as read, what it asked, and what was derived from it last time."""

    article: Article
    asked: Asked
    derived: Derived | None = None


PAGES_ONLY = (
    "render/",
    "references/",
    "bench/",
    "harness/",
    "cli.py",
    "website/",
    "data/csl/",
    "data/glossary.yml",
)
"""Parts of the package (paths from its folder) that reading and analysing a
seed never uses: the stages above the analyses (the import contracts keep
them above), the edges, and the data files only those read.
``tests/test_seed_cache.py`` checks that reading seeds loads no data file
listed here."""

IN_EACH_ENTRY = (
    "data/topics.yml",
    "data/gazetteer.yml",
    "data/outlets.yml",
    "data/publications.yml",
)
"""Data files recorded in each entry rather than in every seed's key: those the
analyses use by digest (:class:`Derived`), those reading uses by the answers
it got (:class:`Asked`)."""


def lexicon_digest(lexicon: Lexicon) -> str:
    """The topic lexicon, as its topics' patterns (a pattern's repr is cut short)."""
    topics = [(name, cue.pattern, cue.flags) for name, cue in lexicon.topics]
    return hashlib.sha256(repr((lexicon.threshold, topics)).encode()).hexdigest()


def gazetteer_digest(gazetteer: Gazetteer) -> str:
    return hashlib.sha256(repr(gazetteer).encode()).hexdigest()


def inputs_digest(*extra: str, root: Path | None = None) -> str:
    """A digest of everything besides the seeds that the site depends on.

    ``extra`` adds what the package's files do not say: a registry loaded
    from elsewhere, for instance. ``root`` is the package's folder.
    """
    return _digest(_package_files(root or _package_root()), extra, root or _package_root())


def seed_inputs_digest(*extra: str, root: Path | None = None) -> str:
    """A digest of everything besides a seed that its cache entry is made from."""
    package = root or _package_root()
    files = [p for p in _package_files(package) if not _left_out(p, package)]
    return _digest(files, extra, package)


def _digest(files: list[Path], extra: tuple[str, ...], package: Path) -> str:
    digest = hashlib.sha256(sys.version.encode())
    for part in extra:
        digest.update(hashlib.sha256(part.encode()).digest())
    for path in sorted(files):
        digest.update(path.relative_to(package).as_posix().encode() + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def _package_root() -> Path:
    return Path(str(resources.files("briefing")))


def _left_out(path: Path, package: Path) -> bool:
    return path.relative_to(package).as_posix().startswith(PAGES_ONLY + IN_EACH_ENTRY)


def _package_files(root: Path) -> list[Path]:
    return [
        p
        for p in root.rglob("*")
        if p.is_file() and "__pycache__" not in p.parts and p.suffix not in {".pyc"}
    ]


class SeedCache:
    """Entries by key, loaded from and saved to one file."""

    def __init__(self, inputs: str, entries: dict[str, Entry] | None = None) -> None:
        self.inputs = inputs
        self.entries = dict(entries or {})
        self.used: set[str] = set()
        self.note: str | None = None
        """Why the saved cache was not used, if it was not."""
        self.keys: dict[str, str] = {}
        """Each seed's key, by the seed's name as shown (``Article.source``)."""
        self.parsed: list[str] = []
        """The seeds this build read and parsed: those whose key was not cached."""
        self.lines: dict[str, tuple[int, int]] = {}
        """Where each entry read from (or saved to) the file stands in it, as written:
        saved again unchanged, its line is copied, not encoded anew."""
        self.origin: tuple[Path, Stamp | None] | None = None
        """That file, and its stamp then (size and modification time)."""

    def fresh(self) -> SeedCache:
        """This cache for another build: the entries this build used, nothing of its state."""
        kept = {k: self.entries[k] for k in self.used if k in self.entries}
        cache = SeedCache(self.inputs, kept)
        cache.lines = {k: self.lines[k] for k in kept if k in self.lines}
        cache.origin = self.origin
        return cache

    def key(self, name: str, seed: bytes, sidecar: bytes | None) -> str:
        digest = hashlib.sha256(self.inputs.encode())
        for part in (name.encode(), seed, b"\0no sidecar" if sidecar is None else sidecar):
            digest.update(len(part).to_bytes(8, "big") + part)
        return digest.hexdigest()

    def get(self, key: str) -> Entry | None:
        entry = self.entries.get(key)
        if entry is not None:
            self.used.add(key)
        return entry

    def put(self, key: str, entry: Entry) -> None:
        self.used.add(key)
        self.entries[key] = entry
        self.lines.pop(key, None)

    def save(self, path: Path) -> None:
        """Write the entries this build used (so old ones do not pile up) to ``path``.

        The file is :data:`MAGIC`, the body's digest on a line, then the
        body: a JSON line with the inputs and the number of entries, then one
        line per entry, ``[key, entry]`` (:data:`ENTRIES`). It is written
        straight into a temporary file, never held whole (hundreds of
        megabytes for a large archive), which then replaces ``path``.
        """
        kept = [k for k in sorted(self.used) if k in self.entries]
        lines: dict[str, tuple[int, int]] = {}
        with self._lines_from(path) as old, atomic_file(path) as handle:
            handle.write(MAGIC + b"0" * DIGEST_LENGTH + b"\n")
            body = _Digesting(handle)
            body.write(_line({"inputs": self.inputs, "entries": len(kept)}))
            for key in kept:
                start, line = handle.tell(), self._copied(old, key)
                encoded = (line,) if line else _entry_line(key, ENTRIES.encode(self.entries[key]))
                for piece in encoded:
                    body.write(piece)
                lines[key] = (start, handle.tell() - start)
            handle.seek(len(MAGIC))
            handle.write(body.digest.hexdigest().encode())
        self.lines, self.origin = lines, (path, stamp(path))

    def _lines_from(self, path: Path) -> contextlib.AbstractContextManager[BinaryIO | None]:
        """The file the entries' lines stand in, if it is still the one they were read from
        or saved to (an edit build saves all but one entry as they were: copied, they
        cost nothing to encode, a second at 1,000 briefs)."""
        if self.origin is None or self.origin[0] != path or stamp(path) != self.origin[1]:
            return contextlib.nullcontext()
        try:
            return path.open("rb")
        except OSError:
            return contextlib.nullcontext()

    def _copied(self, old: BinaryIO | None, key: str) -> bytes | None:
        """The entry's line as it stands in ``old``, if it is there whole."""
        where = self.lines.get(key)
        if old is None or where is None:
            return None
        old.seek(where[0])
        line = old.read(where[1])
        start = _line([key])[:-2] + b","  # the line opens with its own key
        return line if line.startswith(start) and line.endswith(b"\n") else None


DIGEST_LENGTH = 64
"""Hex digits of the body's SHA-256, on the line after :data:`MAGIC`."""


class _Digesting:
    """A file to write to that digests what passes through it."""

    def __init__(self, handle: BinaryIO) -> None:
        self.handle = handle
        self.digest = hashlib.sha256()

    def write(self, data: bytes) -> int:
        self.digest.update(data)
        return self.handle.write(data)


def load_seed_cache(path: Path, inputs: str) -> SeedCache:
    """The cache saved at ``path``; an empty one, with a note, if it cannot be used.

    The file is read twice (digest, then entries), never held whole.
    """
    try:
        with path.open("rb") as handle:
            first = handle.read(len(MAGIC))
            if first != MAGIC:
                older = first.startswith(MAGIC.rpartition(b" ")[0] + b" ")
                why = "was written by another version" if older else "is not a briefing seed cache"
                return _unusable(inputs, path, why)
            digest = handle.readline(DIGEST_LENGTH + 1).rstrip(b"\n")
            start = handle.tell()
            if hashlib.file_digest(handle, "sha256").hexdigest().encode() != digest:
                return _unusable(inputs, path, "is damaged")
            handle.seek(start)
            identity = stamp(path)
            try:
                saved_inputs, entries, lines = _load_body(handle)
            except (ValueError, TypeError, KeyError, DecodeError, RecursionError):
                # a digest that matches a body we cannot read: made by hand, not by a build
                return _unusable(inputs, path, "is not a briefing seed cache")
    except FileNotFoundError:
        return SeedCache(inputs)
    except OSError as exc:
        return _unusable(inputs, path, f"cannot be read ({exc.strerror})")
    if saved_inputs != inputs:
        return SeedCache(inputs)  # the package or a data file changed: every seed again
    cache = SeedCache(inputs, entries)
    cache.lines, cache.origin = lines, (path, identity)
    return cache


ENTRIES = Codec(Entry, interned=(Outlet, Citation, Article))
"""Entries as JSON values: an article's outlets and citations, and the article
its analysis holds, written once each."""


def _line(value: object) -> bytes:
    return _json(value) + b"\n"


def _json(value: object) -> bytes:
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return text.encode("utf-8", "surrogatepass")


def _entry_line(key: str, encoded: list[Any]) -> Iterator[bytes]:
    """The line ``_line([key, encoded])``, in pieces: a row of the table at a time.

    The entry of a seed of 100,000 citations is 60 MB of JSON: held whole,
    as text and then as bytes, it would be the largest thing a build holds."""
    rows, value = encoded
    yield b"[" + _json(key) + b",[["
    for index, row in enumerate(rows):
        yield (b"," if index else b"") + _json(row)
    yield b"]," + _json(value) + b"]]\n"


def _read_line(handle: BinaryIO) -> Any:
    line = handle.readline()
    if not line.endswith(b"\n"):
        raise ValueError("truncated")
    return json.loads(line.decode("utf-8", "surrogatepass"))


def _load_body(
    handle: BinaryIO,
) -> tuple[str, dict[str, Entry], dict[str, tuple[int, int]]]:
    """The inputs, the entries of a body written by :meth:`SeedCache.save`, and where
    each entry's line stands in the file."""
    header = _read_line(handle)
    saved_inputs, count = header["inputs"], header["entries"]
    if type(saved_inputs) is not str or type(count) is not int:
        raise ValueError("not a header")
    entries: dict[str, Entry] = {}
    lines: dict[str, tuple[int, int]] = {}
    for _ in range(count):
        start = handle.tell()
        key, entry = _read_line(handle)
        if type(key) is not str:
            raise ValueError("not a key")
        entries[key] = ENTRIES.decode(entry)
        lines[key] = (start, handle.tell() - start)
    if handle.read(1):
        raise ValueError("more than the header says")
    return saved_inputs, entries, lines


def _unusable(inputs: str, path: Path, why: str) -> SeedCache:
    cache = SeedCache(inputs)
    cache.note = f"{path}: {why}; ignored, every seed is read again"
    return cache
