"""Properties: any text put into a page or a reference comes back as it went in.

A text is escaped by the project's one escaping module (briefing.escape) or its
BibTeX writer, placed where the templates place it (a table cell, a heading
and the page title, an attribute, a code block, a BibTeX field), rendered as
the site renders it (Python-Markdown with mkdocs.yml's extensions; bibtexparser)
and read back (html.parser; bibtexparser): what comes back is the text, white
space runs made one space where the escaping says so. The texts are any a seed
can hold: whatever characters, after the input stage's own clean-up.
"""

from __future__ import annotations

import datetime as dt
import re
from html.parser import HTMLParser
from urllib.parse import unquote

import bibtexparser
import markdown
import pytest
import yaml
from bibtexparser import model
from hypothesis import assume, given
from hypothesis import strategies as st

from briefing.citations import extract
from briefing.citations.dates import DateContext
from briefing.escape import attr, fenced, front_matter, md, md_within
from briefing.input.reading import decode_seed, strip_bidi
from briefing.references.bibtex import (
    bibtex_title,
    bibtex_url,
    bibtex_value,
    unescape_bibtex,
    write_bibtex,
)
from briefing.references.titles import NO_NOUNS, segments
from tests.citation_helpers import small_registry
from tests.html_safety import markdown_settings

LEFT_OUT = {"pymdownx.snippets"}
"""Appends the glossary the build writes (includes/): no part of what a text becomes."""


EXTENSIONS, EXTENSION_CONFIGS = markdown_settings(frozenset(LEFT_OUT))


def rendered(text: str) -> str:
    return markdown.markdown(text, extensions=EXTENSIONS, extension_configs=EXTENSION_CONFIGS)


def seed_text(text: str) -> str:
    """``text`` as the input stage hands it on: decoded, cleaned, bidi controls removed."""
    decoded = decode_seed(b"x" + text.encode("utf-8"), "made-here.txt")[1:]
    return strip_bidi(decoded, "made-here.txt")[0]


MARKUP = "`*_{}[]<>#|~^&\\!-+=:/.()\"'%$ \n\t0aZ\u00e9\u00a0\u2028\U0001f1f7"
"""Characters that mean something to Markdown, HTML, YAML or LaTeX, and a few that
do not: drawn from often, runs of them (a fence of backticks) turn up."""

PIECES = [*MARKUP, "```", "````", "~~~", "_a_", "*a*", "**", "[a](b)", "{: #a }", "&amp;"]
PIECES += ["&#35;", "<b>", "<!--", "---", "- ", "1. ", "# ", "> ", "=== ", "!!! ", "[^1]"]
PIECES += ["--8<-- ", "\n\n", "    ", "|---|", "\\\\"]
"""Pieces of Markdown, HTML and extension syntax, put together in any order."""

TEXT = st.one_of(
    st.text(st.characters(exclude_categories=("Cs",), exclude_characters="\x00")),
    st.text(st.sampled_from(MARKUP)),
    st.lists(st.sampled_from(PIECES)).map("".join),
).map(seed_text)
"""Any text a seed can hold (made here: no character is excluded but NUL, which
the input stage refuses, and lone surrogates, which UTF-8 cannot encode)."""


def one_line(text: str) -> str:
    """What escaping to one line promises: white space runs made one space, none at the ends."""
    return " ".join(text.split())


class Reader(HTMLParser):
    """The text of each element, by tag, and the attributes of every element.

    Text inside a heading's permalink (toc's ``¶``) belongs to no element.
    """

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.texts: dict[str, list[str]] = {}
        self.attributes: list[dict[str, str | None]] = []
        self._open: list[str] = []
        self._permalink = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.attributes.append(dict(attrs))
        self._permalink = tag == "a" and dict(attrs).get("class") == "headerlink"
        self._open.append(tag)
        self.texts.setdefault(tag, []).append("")

    def handle_endtag(self, tag: str) -> None:
        self._permalink = False
        if tag in self._open:
            del self._open[len(self._open) - 1 - self._open[::-1].index(tag) :]

    def handle_data(self, data: str) -> None:
        if self._permalink:
            return
        for tag in set(self._open):
            self.texts[tag][-1] += data


def read(page: str) -> Reader:
    reader = Reader()
    reader.feed(page)
    reader.close()
    return reader


@given(TEXT)
def test_a_paragraph_shows_its_text(text: str) -> None:
    assume(text.strip())
    page = read(rendered(f"{md(text)}\n"))
    assert set(page.texts) == {"p"}  # no list, heading, quote or block of any kind
    assert [p.strip() for p in page.texts["p"]] == [one_line(text)]


@given(TEXT, TEXT)
def test_text_continuing_a_line_shows_as_written(first: str, text: str) -> None:
    """What a citation's words after a title or a name are escaped as (``, 2011)``)."""
    before, after = first.strip(), text.strip()
    assume(before)
    page = read(rendered(f"{md(before)}, {md_within(after)}\n"))
    assert set(page.texts) == {"p"}
    assert [p.strip() for p in page.texts["p"]] == [one_line(f"{before}, {after}")]


@given(TEXT)
def test_a_table_cell_shows_its_text(text: str) -> None:
    table = f"| Kind | Text |\n|---|---|\n| made here | {md(text)} |\n"
    cells = read(rendered(table)).texts.get("td", [])
    assert [cell.strip() for cell in cells] == ["made here", one_line(text)]


@given(TEXT)
def test_a_title_shows_as_written_in_the_heading_and_the_page_title(text: str) -> None:
    assume(text.strip())
    page = read(rendered(f"# {md(text)}\n\nBody.\n"))
    assert [h.strip() for h in page.texts["h1"]] == [one_line(text)]
    # MkDocs' theme puts the front matter's title into <title> as it is.
    title = yaml.safe_load(f"title: {front_matter(text)}\n")["title"]
    assert read(f"<title>{title}</title>").texts["title"] == [one_line(text)]


@given(TEXT)
def test_an_attribute_value_comes_back_whole(text: str) -> None:
    # As the templates write them: on raw HTML, in attribute lists, on a tag in a table row.
    raw = read(rendered(f'<span id="x" title="{attr(text)}"></span>\n'))
    assert [a["title"] for a in raw.attributes if "title" in a] == [one_line(text)]
    listed = read(rendered(f'Made here.\n{{: title="{attr(text)}" }}\n'))
    assert [a["title"] for a in listed.attributes if "title" in a] == [one_line(text)]
    linked = read(rendered(f'[Made here](x.md){{ title="{attr(text)}" }}\n'))
    assert [a["title"] for a in linked.attributes if "title" in a] == [one_line(text)]
    row = f'| Name |\n|---|\n| <span title="{attr(text)}"></span>Made here |\n'
    cell = read(rendered(row))
    assert [a["title"] for a in cell.attributes if "title" in a] == [one_line(text)]
    assert [c.strip() for c in cell.texts["td"]] == ["Made here"]


@given(TEXT)
def test_a_code_block_shows_its_text_verbatim(text: str) -> None:
    # Pygments, which colours code blocks, drops blank lines at their start and
    # end, and Python-Markdown empties lines of spaces; the texts copied into code
    # blocks (the downloads' BibTeX, RIS, CSL-JSON) have neither.
    lines = [line if line.strip(" ") else "" for line in text.rstrip("\n").split("\n")]
    assume(lines[0].strip() and lines[-1].strip())
    kept = "\n".join(lines)
    top = read(rendered(f"Before.\n\n{fenced(text)}\n\nAfter.\n"))
    assert top.texts["code"] == [kept + "\n"]
    tabbed = f'=== "Made here"\n\n{fenced(text, "    ")}\n\nAfter.\n'
    assert read(rendered(tabbed)).texts["code"] == [kept + "\n"]


def parsed_field(value: str, name: str = "title") -> str:
    written = write_bibtex([model.Entry("article", "k", [model.Field(name, value)])])
    library = bibtexparser.parse_string(written)
    assert library.failed_blocks == []
    (entry,) = library.entries
    return str(entry[name])


LATEX_ESCAPE = re.compile(r"\\(?:text[a-z]+\{\}|[%&#$_])")
"""How the BibTeX writer escapes a character that means something to LaTeX."""


@given(TEXT)
def test_a_bibtex_value_parses_back(text: str) -> None:
    value = parsed_field(bibtex_value(text))
    assert unescape_bibtex(value) == one_line(text)
    # bibtexparser would read them either way; LaTeX, which typesets the value, would not.
    assert not re.search(r"[\\{}%&#$_~^]", LATEX_ESCAPE.sub("", value))


@given(TEXT)
def test_a_bibtex_title_parses_back_with_its_names_protected(text: str) -> None:
    parts = segments(text, NO_NOUNS)
    assert unescape_bibtex(parsed_field(bibtex_title(parts))) == one_line(text)


ADDRESS = st.builds(
    "{}://{}/{}".format,
    st.sampled_from(["http", "https"]),
    st.from_regex(r"[a-z0-9-]{1,20}(\.[a-z0-9-]{1,10}){1,3}", fullmatch=True),
    st.text(st.characters(exclude_categories=("Cs",), exclude_characters="\x00%"), max_size=40),
)
"""Web addresses (made here) whose path, query and fragment hold any characters
but a percent sign, so that decoding the written address must give it back."""


@given(ADDRESS)
def test_every_address_written_to_bibtex_parses_back_equal(url: str) -> None:
    value = parsed_field(bibtex_url(url), "url")
    assert value == bibtex_url(url)  # biblatex reads a url verbatim: nothing to undo
    assert not re.search(r"[{}\\\s\"<>]", value)
    assert unquote(value, errors="strict") == url


MONTH_NAMES = [dt.date(2000, m, 1).strftime("%B") for m in range(1, 13)]
REGISTRY = small_registry()


def on_the_calendar(year: int, month: int, day: int) -> bool:
    try:
        dt.date(year, month, day)
    except ValueError:
        return False
    return True


@given(st.integers(1, 12), st.integers(1, 31), st.none() | st.integers(1990, 2030))
def test_a_date_the_calendar_lacks_is_never_given_silently(
    month: int, day: int, year: int | None
) -> None:
    written = f"{MONTH_NAMES[month - 1]} {day}" + (f", {year}" if year else "")
    context = DateContext(published=dt.date(2011, 11, 1))
    extraction = extract(f"Made here (TASS, {written}).", 1, context, REGISTRY)
    (citation,) = (c for p in extraction.parentheticals for c in p.citations)
    (date,) = citation.dates
    assert date.year is not None and (date.month, date.day) == (month, day)
    flagged = [p.message for p in extraction.problems if "impossible date" in p.message]
    if on_the_calendar(date.year, month, day):
        assert flagged == [] and date.as_date() == dt.date(date.year, month, day)
    else:
        assert flagged and date.as_date() is None


@pytest.mark.parametrize("year", [2011, 2012])
def test_february_29_with_an_inferred_year_is_flagged_unless_the_year_is_leap(year: int) -> None:
    context = DateContext(published=dt.date(year, 11, 1))
    extraction = extract("Made here (TASS, February 29).", 1, context, REGISTRY)
    flagged = [p for p in extraction.problems if "impossible date" in p.message]
    assert bool(flagged) == (year == 2011)
