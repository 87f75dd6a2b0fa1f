"""The one place where text becomes Markdown or HTML attribute values.

Seed text is data: every character the author typed must appear as typed,
never as markup. Python-Markdown's ``pymdownx.escapeall`` extension lets a
backslash escape any character, so escaping is uniform.
"""

from __future__ import annotations

import functools
import html
import json
import re
from urllib.parse import quote

MARKDOWN_SPECIAL = re.compile(r"[\\`*_{}\[\]<>#|~^&]")
"""Characters that start inline Markdown, HTML, entity or extension syntax anywhere."""

BLOCK_START = re.compile(r"^(\s*)([-+=!:/]|\d+(?=[.)]))")
"""What would open a list, rule or heading if a text were to start a line."""

WHITESPACE = re.compile(r"\s+")
"""Runs of white space, line ends included: Markdown text stays on one line."""

BACKTICK_RUN = re.compile(r"`+")
"""Runs of backticks: a code fence must be longer than any run in its content."""

_NOT_ASCII = re.compile(r"[^\x00-\x7e]")
"""A character beyond printable ASCII, which a front-matter value writes as an escape."""

_SAFE_URL = re.compile(r"^(?:https?://|mailto:)", re.IGNORECASE)
"""Schemes a link to the outside may use; anything else is not linked."""


_ATTR_REFERENCES = {
    **{c: html.escape(c, quote=True) for c in "&<>\"'"},
    **{c: f"&#{ord(c)};" for c in "{}\\`*_[]|"},
}
"""What each character that could end a value or start markup is written as."""

_ATTR_SPECIAL = re.compile("[" + re.escape("".join(_ATTR_REFERENCES)) + "]")


MD_CACHED_LENGTH = 160
"""Texts up to this length (names, dates, titles) are escaped once and remembered."""


def md(text: str) -> str:
    """Plain text as Markdown that renders to exactly that text, on one line.

    Runs of white space become one space; leading and trailing spaces stay.
    """
    text = str(text)  # templates pass numbers too
    return _md_short(text) if len(text) <= MD_CACHED_LENGTH else _md(text)


# Pure, and called on the same outlet names and dates again and again across
# a large archive's pages: a bounded cache makes rendering several times faster.
# Only short texts: the pieces of paragraphs are seldom repeated, and 65,536 of
# them held a hundred megabytes or more at 10,000 briefs.
@functools.lru_cache(maxsize=1 << 16)
def _md_short(text: str) -> str:
    return _md(text)


def _md(text: str) -> str:
    escaped = md_within(text)
    return BLOCK_START.sub(lambda m: m.group(1) + "".join("\\" + c for c in m.group(2)), escaped)


def md_within(text: str) -> str:
    """Plain text as Markdown that continues a line after other text: as :func:`md`,
    without the escapes that only the start of a line needs (``2011)`` is no list there).
    """
    return MARKDOWN_SPECIAL.sub(lambda m: "\\" + m.group(), WHITESPACE.sub(" ", str(text)))


def attr(text: str) -> str:
    """Plain text as a double-quoted HTML or attr_list attribute value.

    Also for page titles, descriptions and navigation titles: MkDocs' theme
    inserts those into the HTML (``<title>``, ``<meta content="…">``, the
    navigation) without escaping them. Besides HTML's own, the characters of
    Markdown's inline syntax (backslash, backtick, emphasis, brackets, a
    table's bar) are written as references: an attribute list, or a tag in a
    table row, is read as Markdown before it is read as HTML.
    """
    return _ATTR_SPECIAL.sub(lambda m: _ATTR_REFERENCES[m.group()], " ".join(str(text).split()))


def safe_url(url: str) -> str | None:
    """An outside address fit for a link target, or None if its scheme is not safe."""
    url = url.strip()
    if not _SAFE_URL.match(url):
        return None
    return quote(url, safe="/:?#[]@!$&'*+,;=%~-._")


def url_link(url: str, shown: str | None = None) -> str:
    """A Markdown link to an outside address showing ``shown`` (by default the address
    itself); plain text if unsafe."""
    target = safe_url(url)
    text = url if shown is None else shown
    return f"[{md(text)}](<{target}>)" if target else md(text)


def fenced(text: str, indent: str = "", language: str = "text") -> str:
    """``text`` as a fenced code block shown verbatim, each line prefixed by ``indent``."""
    longest = max((len(m.group()) for m in BACKTICK_RUN.finditer(text)), default=0)
    fence = "`" * max(3, longest + 1)
    lines = [f"{fence}{language}", *text.rstrip("\n").split("\n"), fence]
    return "\n".join(indent + line if line else line for line in lines)


def front_matter(text: str) -> str:
    """Text as a front-matter value (title, description, tag).

    MkDocs and the theme put these into HTML without escaping them (the
    ``<title>``, navigation, meta tags), so the value is HTML-escaped, then
    written as a double-quoted YAML string on one line, each character beyond
    ASCII as an escape. One beyond U+FFFF (an emoji, a flag) is written whole
    (``\U0001f1f7``): YAML does not join the surrogate pairs JSON would write,
    and MkDocs drops front matter it cannot read.
    """
    return _NOT_ASCII.sub(_yaml_escape, json.dumps(attr(text), ensure_ascii=False))


def _yaml_escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"


_SCRIPT_UNSAFE = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"}
"""Characters that could end or comment a ``<script>`` element (``</script>``,
``<!--``), written as JSON escapes: the same value to a JSON parser."""


def script_json(value: object) -> str:
    """``value`` as JSON safe inside an HTML ``<script>`` element (JSON-LD), on one line.

    ``<``, ``>`` and ``&`` become ``\\u003c``, ``\\u003e`` and ``\\u0026``: no
    ``</script>`` or ``<!--`` can appear, and the JSON parses to the same value.
    """
    text = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return re.sub(r"[<>&]", lambda m: _SCRIPT_UNSAFE[m.group()], text)


XML_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
"""Characters XML 1.0 cannot carry at all, not even as references."""


def xml_chars(text: str) -> str:
    """``text`` without the characters XML 1.0 forbids; the writer escapes the rest."""
    return XML_FORBIDDEN.sub("", text)
