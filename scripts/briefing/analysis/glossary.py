"""The glossary: abbreviations and terms, defined once in ``data/glossary.yml``.

The definitions reach every page as hover tooltips: the build writes them
as Markdown abbreviations (``*[IAEA]: International…``) to
:data:`ABBREVIATIONS`, which ``pymdownx.snippets`` appends to each page.
Since that file is itself read for snippets, no definition may contain
what would start one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ..errors import DataFileError
from ..yamlfile import LineDict, load_yaml, read_data_file

DEFAULT_GLOSSARY = "glossary.yml"

ABBREVIATIONS = Path("includes") / "abbreviations.md"
"""Where the build writes the abbreviations, relative to the project root."""

TERM = re.compile(r"^[\w][\w.+/&-]*(?: [\w.+/&-]+)*$")
"""A term as the abbr extension can match it: words, digits, ``.+/&-``, single spaces."""

UNSAFE_DEFINITION = re.compile(r"[\n\r<>\[\]]|--8")
"""What a definition may not hold: line ends, brackets, or a snippet marker."""


@dataclass(frozen=True, order=True)
class GlossaryEntry:
    """A term and its one-line definition."""

    term: str
    definition: str


def load_glossary(path: Path | None = None) -> tuple[GlossaryEntry, ...]:
    """Load and validate the glossary (the packaged one when ``path`` is None), sorted."""
    name, text = read_data_file(DEFAULT_GLOSSARY, path)
    data = load_yaml(text, name, DataFileError)
    if data is None:
        return ()
    if not isinstance(data, LineDict):
        raise DataFileError(name, "expected a mapping of terms to definitions")
    for term, definition in data.items():
        if not TERM.match(term):
            raise DataFileError(
                name, f"'{term}': not a term the glossary can mark", data.line_of(term)
            )
        if not isinstance(definition, str) or not definition.strip():
            raise DataFileError(name, f"'{term}': expected a definition", data.line_of(term))
        if UNSAFE_DEFINITION.search(definition):
            raise DataFileError(
                name,
                f"'{term}': the definition may not hold line ends, <, >, [, ] or --8",
                data.line_of(term),
            )
    return tuple(sorted(GlossaryEntry(t, " ".join(d.split())) for t, d in data.items()))


def abbreviations(entries: tuple[GlossaryEntry, ...]) -> str:
    """The Markdown abbreviation definitions appended to every page."""
    return "".join(f"*[{e.term}]: {e.definition}\n" for e in entries)
