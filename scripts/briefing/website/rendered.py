"""Pages MkDocs rendered in an earlier build, kept so that an unchanged page is not rendered again.

Turning Markdown into HTML is most of ``mkdocs build``: 47 of its 57 seconds
at 1,000 briefs, where laying the pages out in the theme takes 10. A page's
HTML depends on its Markdown, where it sits in the site, the Markdown
extensions and their settings and versions, the files they read (the
glossary include) and which files its links resolve to. The hook keys each
page by all but the last (:meth:`RenderCache.key`) and records which paths
its links looked up and what they found (:class:`LinkLookups`); an entry is
used only when the key matches and every one of those paths resolves as it
did. So a new brief re-renders its own pages and the lists that link to it,
not the pages of the thousand briefs before it.

An entry holds what MkDocs reads from a rendered page: the HTML, its title,
table of contents, anchors and links to anchors, and the log records the
rendering emitted, which a later build emits again, so a warning that fails
``mkdocs build --strict`` keeps failing it.

The HTML is kept packed as the hook's shelf holds it (build/shelf.py), after
the rest: a reused page's HTML goes to the shelf as read, neither unpacked
nor packed again, and a digest of it, checked on reading, stands for its
soundness.

One file per page, named by a digest of the page's source path, in a folder
for the settings: a page's newer entry replaces its older one, and a full
build removes the entries of pages that are gone and of all but the last
other settings (:meth:`RenderCache.prune`): the ``file://`` bundle renders
with other settings than the site, and each keeps its own. A file that is damaged,
truncated or of another format is ignored, counted, and replaced: it can
never stand in for a page.
"""

from __future__ import annotations

import hashlib
import json
import logging
import threading
import zlib
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any

from ..build.staging import atomic_file
from .kept_index import remove_older
from .served import site_wide_digest
from .shelf import PACKING, unpack

MAGIC = b"briefing rendered page 3\n"
"""First line of each entry: what it is and the layout of what follows: the
length of the packed description in decimal and its digest on a line, the
description (JSON, packed), then the packed HTML (whose digest the
description holds)."""

LEVEL = 1
"""zlib's fastest level, for the description."""

SETTINGS_KEPT = 2
"""Sets of entries kept, each for other settings: the site's and the ``file://`` bundle's."""

Target = tuple[str, str] | None
"""What a link's path resolved to: the file's URL and inclusion, or nothing."""

LogRecord = tuple[str, int, str]
"""A log record a rendering emitted: logger name, level, message."""


class Unstable(ValueError):
    """A setting whose text differs from one run to the next (an object's address)."""


@dataclass(frozen=True)
class Rendered:
    """What MkDocs keeps of a page it rendered, and what that depended on."""

    packed: bytes
    """The HTML, packed as the shelf holds it (:func:`~briefing.website.shelf.pack`)."""
    title: str | None
    toc: list[dict[str, Any]]
    """The table of contents as Python-Markdown's ``toc_tokens``."""
    anchors: list[str]
    links: dict[str, dict[str, str]] | None
    """Links to anchors of other pages: target's source path → anchor → link as written."""
    lookups: dict[str, Target] = field(default_factory=dict)
    log: list[LogRecord] = field(default_factory=list)

    @property
    def html(self) -> str:
        return unpack(self.packed)


@dataclass
class LinkLookups:
    """Wraps a path → file lookup, recording what each path resolved to."""

    lookup: Callable[[str], Any]
    seen: dict[str, Target] = field(default_factory=dict)

    def __call__(self, path: str) -> Any:
        found = self.lookup(path)
        self.seen[path] = target(found)
        return found


def target(file: Any) -> Target:
    """A file as a link sees it: its URL and whether it is in the site."""
    return None if file is None else (str(file.url), str(file.inclusion.name))


def settings_digest(settings: object, folders: Iterable[Path], versions: dict[str, str]) -> str:
    """A digest of what every page's rendering depends on, besides the page.

    ``settings``: the extensions and their configuration, anything JSON can
    write, functions by name; :class:`Unstable` if something can only be
    written with its address. ``folders``: files extensions read (includes).
    ``versions``: the packages that render."""
    digest = hashlib.sha256(MAGIC)
    digest.update(json.dumps(settings, sort_keys=True, default=_stable).encode())
    digest.update(json.dumps(versions, sort_keys=True).encode())
    digest.update(site_wide_digest(folders).encode())
    return digest.hexdigest()


def _stable(value: object) -> str:
    if callable(value):
        return f"{getattr(value, '__module__', '')}.{getattr(value, '__qualname__', '')}"
    text = repr(value)
    if " at 0x" in text:
        raise Unstable(text)
    return text


class RenderCache:
    """Rendered pages in ``folder``, for builds whose settings digest to ``settings``."""

    def __init__(self, root: Path, settings: str) -> None:
        self.root = root
        self.settings = settings
        self.folder = root / settings[:16]
        """This build's entries: one folder per settings, so that the ``file://``
        bundle's build (other settings) and the site's do not replace each other's."""
        self.damaged = 0
        """Entries found unreadable in this build, each rendered again."""
        self.used = 0
        """Pages this build took from the cache."""

    def key(self, page: str, location: str, markdown: str) -> str:
        """The key of a page: its source path, where it is built, its Markdown."""
        digest = hashlib.sha256(self.settings.encode())
        for part in (page, location, markdown):
            digest.update(b"\0" + part.encode("utf-8", "surrogatepass"))
        return digest.hexdigest()

    def get(self, page: str, key: str, resolve: Callable[[str], Target]) -> Rendered | None:
        """The page's entry if its key is ``key`` and each of its links resolves as it did."""
        try:
            packed = self._path(page).read_bytes()
        except OSError:
            return None
        read = self._unpack(packed)
        if read is None or read[0].get("key") != key:
            return None
        entry, html = read
        try:
            rendered = _rendered(entry, html)
        except (KeyError, TypeError, ValueError):
            self.damaged += 1
            return None
        if any(resolve(path) != found for path, found in rendered.lookups.items()):
            return None
        self.used += 1
        return rendered

    def put(self, page: str, key: str, rendered: Rendered) -> None:
        html = rendered.packed
        entry = {
            "key": key,
            **asdict(replace(rendered, packed=b"")),
            "packed": _digest(html),
            "packing": PACKING,
        }
        text = json.dumps(entry, ensure_ascii=False, separators=(",", ":"))
        described = zlib.compress(text.encode("utf-8", "surrogatepass"), LEVEL)
        path = self._path(page)
        path.parent.mkdir(parents=True, exist_ok=True)
        with atomic_file(path) as handle:
            header = b"%d %s\n" % (len(described), _digest(described).encode())
            handle.write(MAGIC + header + described + html)

    def prune(self, pages: Iterable[str]) -> int:
        """Remove the entries of every page but ``pages``; how many were removed.

        Of other settings' entries, the most recently used set stays; older ones go."""
        kept = {self._path(page).name for page in pages}
        removed = 0
        for path in self.folder.glob("*/*") if self.folder.is_dir() else ():
            if path.name not in kept:
                path.unlink(missing_ok=True)
                removed += 1
        if self.folder.is_dir():
            remove_older(self.folder, SETTINGS_KEPT)
        return removed

    @property
    def note(self) -> str | None:
        if not self.damaged:
            return None
        where = self.folder
        return f"{self.damaged} unreadable rendered page(s) in {where} ignored and rendered again"

    def _path(self, page: str) -> Path:
        name = hashlib.sha256(page.encode("utf-8", "surrogatepass")).hexdigest()[:32]
        return self.folder / name[:2] / name

    def _unpack(self, packed: bytes) -> tuple[dict[str, Any], bytes] | None:
        """An entry's description and packed HTML, if it is whole."""
        try:
            if not packed.startswith(MAGIC):
                raise ValueError("not an entry of this format")
            line = packed.index(b"\n", len(MAGIC))
            length, digest = packed[len(MAGIC) : line].split(b" ")
            start = line + 1
            end = start + int(length)
            if not len(MAGIC) < line < end <= len(packed):
                raise ValueError("truncated")
            if _digest(packed[start:end]).encode() != digest:
                raise ValueError("the description is not the one written")
            text = zlib.decompress(packed[start:end]).decode("utf-8", "surrogatepass")
            entry = json.loads(text)
            if not isinstance(entry, dict):
                raise ValueError("not an entry")
            html = packed[end:]
            if entry.get("packed") != _digest(html) or entry.get("packing") != PACKING:
                raise ValueError("the HTML is not the one described")
        except (ValueError, zlib.error, RecursionError):
            self.damaged += 1
            return None
        return entry, html


def _digest(packed: bytes) -> str:
    return hashlib.sha256(packed).hexdigest()


def _rendered(entry: dict[str, Any], html: bytes) -> Rendered:
    lookups = {str(path): _target(found) for path, found in entry["lookups"].items()}
    links = entry["links"]
    if links is not None and not isinstance(links, dict):
        raise TypeError("links")
    title = entry["title"]
    if title is not None and not isinstance(title, str):
        raise TypeError("title")
    _check_toc(entry["toc"])
    return Rendered(
        packed=html,
        title=title,
        toc=entry["toc"],
        anchors=[str(anchor) for anchor in entry["anchors"]],
        links=links,
        lookups=lookups,
        log=[(str(name), int(level), str(message)) for name, level, message in entry["log"]],
    )


def _check_toc(tokens: object) -> None:
    """TypeError unless ``tokens`` are table-of-contents entries, as MkDocs reads them."""
    if not isinstance(tokens, list):
        raise TypeError("toc")
    for token in tokens:
        if not (
            isinstance(token, dict)
            and isinstance(token.get("level"), int)
            and isinstance(token.get("id"), str)
            and isinstance(token.get("name"), str)
        ):
            raise TypeError("toc entry")
        _check_toc(token.get("children"))


def _target(found: object) -> Target:
    if found is None:
        return None
    if isinstance(found, list) and len(found) == 2:
        return (str(found[0]), str(found[1]))
    raise TypeError("lookup")


class LogCapture(logging.Handler):
    """The log records emitted while a page renders, to emit them again when it is reused.

    Attached to the root logger and to each of ``loggers`` that does not pass
    its records on (MkDocs' own), so that each record is caught once. Only
    the rendering thread's records: a server's background indexer logs too."""

    def __init__(self, loggers: Iterable[logging.Logger] = ()) -> None:
        super().__init__(logging.NOTSET)
        self.records: list[LogRecord] = []
        self._thread = threading.get_ident()
        self._loggers = [logging.getLogger()] + [log for log in loggers if not log.propagate]
        for log in self._loggers:
            log.addHandler(self)

    def emit(self, record: logging.LogRecord) -> None:
        if record.thread == self._thread:
            self.records.append((record.name, record.levelno, record.getMessage()))

    def stop(self) -> list[LogRecord]:
        for log in self._loggers:
            log.removeHandler(self)
        return self.records


def replay(records: Iterable[LogRecord]) -> None:
    """Emit again the records a reused page's rendering emitted."""
    for name, level, message in records:
        logging.getLogger(name).log(level, message)
