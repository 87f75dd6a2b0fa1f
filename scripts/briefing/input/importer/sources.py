"""Files, folders and standard input → pages and feeds → articles.

A folder is read in name order, skipping hidden files and the ``…_files``
folders a browser saves beside a complete web page. A file is an HTML page
or an RSS/Atom feed by what it holds, not by its name. Text is UTF-8 (or
UTF-16 with a byte-order mark), or the charset the file declares.
"""

from __future__ import annotations

import codecs
import hashlib
import io
from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace
from pathlib import Path
from typing import BinaryIO

import feedparser
from lxml import etree, html

from .article import Imported, Seen, Skipped
from .feed import read_feed
from .page import read_page

STDIN = "-"
"""The path that means standard input."""

SNIFF_CHARS = 2048
"""How much of a file's start is looked at to tell a page from a feed."""

NEITHER = "not an HTML page or an RSS/Atom feed"

FEED_STARTS = ("<?xml", "<rss", "<feed", "<rdf:rdf", "<!--")
"""How a feed's text begins (an XHTML page may begin so too)."""


def read_sources(
    paths: Sequence[str],
    stdin: BinaryIO,
    seen: Callable[[str], str | None] | None = None,
) -> Iterator[Imported | Skipped | Seen]:
    """Every article of ``paths``, or why a file or entry gave none, in order.

    ``seen`` names the seed an earlier import made of a page file with these
    bytes (by their SHA-256), if that seed is still as it wrote it: such a
    file is not read again. A page file's article carries its digest."""
    for name in paths:
        if name == STDIN:
            yield from read_data(stdin.read(), "standard input")
            continue
        path = Path(name)
        files = sorted(_folder(path)) if path.is_dir() else [path]
        for file in files:
            try:
                data = file.read_bytes()
            except OSError as exc:
                yield Skipped(str(file), f"cannot be read: {exc.strerror or exc}")
                continue
            digest = hashlib.sha256(data).hexdigest()
            seed = seen(digest) if seen is not None else None
            if seed is not None:
                yield Seen(str(file), seed)
                continue
            for item in read_data(data, str(file)):
                if isinstance(item, Imported) and item.origin == str(file):
                    item = replace(item, page_digest=digest)
                yield item


def _folder(folder: Path) -> Iterator[Path]:
    for path in folder.iterdir():
        if path.name.startswith("."):
            continue
        if path.is_dir():
            if not path.name.endswith("_files"):
                yield from _folder(path)
        else:
            yield path


def read_data(data: bytes, origin: str) -> Iterator[Imported | Skipped]:
    """The articles of one file's bytes."""
    text = decode(data)
    if text is None:
        yield Skipped(origin, "cannot read its encoding: neither UTF-8 nor a charset it declares")
        return
    start = text.lstrip()[:SNIFF_CHARS].casefold()
    if start.startswith(FEED_STARTS):
        # A stream, never the bytes themselves: feedparser would take those
        # for a file name. From the first mark, as for the sniffing: neither
        # feedparser nor libxml2 reads a declaration after white space.
        parsed = feedparser.parse(io.BytesIO(data.lstrip()))
        if parsed.get("version"):
            yield from read_feed(parsed, origin)
            return
    if "<html" in start or "<body" in text.casefold() or start.startswith("<p"):
        yield read_page(text, origin)
    else:
        yield Skipped(origin, NEITHER)


def decode(data: bytes) -> str | None:
    """The text of ``data``, or None if its encoding cannot be read."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _decoded(data, "utf-16")
    if b"\x00" in data[:SNIFF_CHARS]:
        return None  # binary data
    text = _decoded(data, "utf-8-sig")
    if text is not None:
        return text
    declared = _declared(data)
    return _decoded(data, declared) if declared else None


def _decoded(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def _declared(data: bytes) -> str | None:
    """The charset a file declares: its XML declaration, or an HTML ``<meta>``."""
    try:
        if data.lstrip().startswith(b"<?xml"):
            parser = etree.XMLParser(recover=True, resolve_entities=False, no_network=True)
            root = etree.fromstring(data.lstrip(), parser)
            return root.getroottree().docinfo.encoding if root is not None else None
        page = html.document_fromstring(data)
    except (etree.ParserError, ValueError):
        return None
    for meta in page.iter("meta"):
        if meta.get("charset"):
            return str(meta.get("charset")).strip()
        content = str(meta.get("content", "")).casefold()
        if str(meta.get("http-equiv", "")).casefold() == "content-type" and "charset=" in content:
            return content.split("charset=", 1)[1].split(";")[0].strip()
    return None
