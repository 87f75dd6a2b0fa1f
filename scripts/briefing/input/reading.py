"""Bytes of a seed file → clean text, with every problem located.

Seeds are pasted from web pages, word processors and e-mails. This module
decides what text they hold: UTF-8 (with or without a byte-order mark),
any line ending, invisible characters removed and unusual spaces made plain.
UTF-16 and UTF-32 files are named as such; bidirectional controls, which
could make a name display as another, are removed with a warning.
"""

from __future__ import annotations

import re

from ..errors import BriefingError, SeedError
from ..model import Diagnostic

INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad\x01-\x08\x0e-\x1f\x7f]")
"""Zero-width spaces and joiners, word joiners, stray BOMs, soft hyphens, and the
control characters that are no line end or tab: no text shows them, and
Python-Markdown drops two of them (STX, ETX) from any page."""

ODD_SPACE = re.compile("[\t\u00a0\u2000-\u200a\u202f\u205f\u3000]")
"""Tabs, non-breaking and typographic spaces, read as a plain space."""

LINE_END = re.compile(r"\r\n?|[\u2028\u2029\x0b\x0c\x85]")
"""Windows (CRLF), old Mac (CR) and Unicode line and paragraph separators."""

BIDI_CONTROL = re.compile("[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]")
"""Embeddings, overrides, isolates and direction marks: they can make text display
as something else (``\u202egpj.exe`` shows as ``exe.jpg``)."""

BYTE_ORDER_MARKS = (
    (b"\xff\xfe\x00\x00", "UTF-32"),
    (b"\x00\x00\xfe\xff", "UTF-32"),
    (b"\xff\xfe", "UTF-16"),
    (b"\xfe\xff", "UTF-16"),
)
"""UTF-32's marks first: the little-endian one begins with UTF-16's."""

WIDE_SAMPLE = 400
"""Bytes looked at for the NUL pattern of UTF-16 or UTF-32 text without a mark."""


def decode_seed(data: bytes, file: str) -> str:
    """The text of a seed file, or a SeedError naming the offending line."""
    if not data.strip():
        raise SeedError(file, "the file is empty", 1)
    refuse_wide(data, file, SeedError)
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


def refuse_wide(data: bytes, file: str, error: type[BriefingError]) -> None:
    """Raise ``error`` if ``data`` is UTF-16 or UTF-32 text, naming the encoding."""
    encoding = wide_encoding(data)
    if encoding is not None:
        raise error(file, f"is {encoding}, not UTF-8; save it as UTF-8", 1)


def wide_encoding(data: bytes) -> str | None:
    """``"UTF-16"`` or ``"UTF-32"`` when ``data`` starts with their mark or NUL pattern."""
    for mark, encoding in BYTE_ORDER_MARKS:
        if data.startswith(mark):
            return encoding
    sample = data[:WIDE_SAMPLE]
    sample = sample[: len(sample) - len(sample) % 4]
    if len(sample) < 4 or b"\0" not in sample:
        return None
    # Zeros at each position of four: ASCII in UTF-32 is 1 byte and 3 NULs,
    # in UTF-16 1 byte and 1 NUL; any script keeps UTF-32's high bytes NUL.
    zeros = [sample[i::4].count(0) / (len(sample) // 4) for i in range(4)]
    if min(zeros[2], zeros[3]) > 0.9 > zeros[0] or min(zeros[0], zeros[1]) > 0.9 > zeros[3]:
        return "UTF-32"
    even, odd = (zeros[0] + zeros[2]) / 2, (zeros[1] + zeros[3]) / 2
    if max(even, odd) > 0.1 and min(even, odd) < 0.01:
        return "UTF-16"
    return None


def strip_bidi(text: str, file: str) -> tuple[str, tuple[Diagnostic, ...]]:
    """``text`` without bidirectional controls, and a warning where there were any."""
    found = BIDI_CONTROL.search(text)
    if found is None:
        return text, ()
    lines = {text.count("\n", 0, m.start()) + 1 for m in BIDI_CONTROL.finditer(text)}
    first = min(lines)
    more = f" (and on {len(lines) - 1} more line(s))" if len(lines) > 1 else ""
    warning = Diagnostic(
        file,
        first,
        f"bidirectional control character U+{ord(found[0]):04X} removed{more}: "
        "it can make a name or title display as something it is not",
    )
    return BIDI_CONTROL.sub("", text), (warning,)
