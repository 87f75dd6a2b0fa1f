"""Bytes of a seed file → clean text, with every problem located.

Seeds are pasted from web pages, word processors and e-mails. This module
decides what text they hold: UTF-8 (with or without a byte-order mark),
any line ending, invisible characters removed and unusual spaces made plain.
"""

from __future__ import annotations

import re

from ..errors import SeedError

INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
"""Zero-width spaces and joiners, word joiners, stray BOMs and soft hyphens."""

ODD_SPACE = re.compile("[\t\u00a0\u2000-\u200a\u202f\u205f\u3000]")
"""Tabs, non-breaking and typographic spaces, read as a plain space."""

LINE_END = re.compile(r"\r\n?|[\u2028\u2029\x0b\x0c\x85]")
"""Windows (CRLF), old Mac (CR) and Unicode line and paragraph separators."""


def decode_seed(data: bytes, file: str) -> str:
    """The text of a seed file, or a SeedError naming the offending line."""
    if not data.strip():
        raise SeedError(file, "the file is empty", 1)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        column = exc.start - data.rfind(b"\n", 0, exc.start)
        raise SeedError(
            file,
            f"not UTF-8 (byte 0x{data[exc.start]:02x} at column {column}); save the file as UTF-8",
            line,
        ) from None
    if "\x00" in text:
        line = text.count("\n", 0, text.index("\x00")) + 1
        raise SeedError(file, "contains a NUL byte: is this a text file?", line)
    text = LINE_END.sub("\n", text)
    text = INVISIBLE.sub("", text)
    return ODD_SPACE.sub(" ", text)
