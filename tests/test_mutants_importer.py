"""Tests that kill mutants `make mutate` found alive (docs-dev/MUTATION.md): the importer.

Every page, feed, body, name, date and address here is made here (under
example.org or marked so), except the real pages of tests/fixtures/pages/
(their README says where they come from).
"""

from __future__ import annotations

import codecs
import datetime as dt
import hashlib
import html as html_lib
import io
from pathlib import Path
from typing import Any

import feedparser
import pytest
from lxml import etree, html
from trafilatura.settings import Document

from briefing.input.importer import read_sources, seed_name, sidecar_values
from briefing.input.importer import sources as sources_module
from briefing.input.importer.article import Imported, Seen, Skipped
from briefing.input.importer.body import Body, read_body
from briefing.input.importer.feed import read_feed
from briefing.input.importer.page import (
    NOT_AN_ARTICLE,
    _header_lines,
    from_document,
    name_empty_links,
    not_an_article,
    read_page,
)
from briefing.input.importer.sources import NEITHER, _declared, decode, read_data
from briefing.model import Section
from tests.conftest import ROOT

U = "https://example.org/made-here/1"
V = "https://example.org/made-here/2"
W = "https://example.org/made-here/3"
TITLE = "Made-here title"
WORDS = " ".join(f"word{i}" for i in range(70))  # made here: enough words for an article


# --- body: trafilatura's element tree → paragraphs ---------------------------


def body_of(xml: str) -> etree._Element:
    """A body in trafilatura's shape (made here)."""
    return etree.fromstring(f"<body>{xml}</body>")


def paragraphs(xml: str) -> tuple[str, ...]:
    return read_body(body_of(xml), TITLE).paragraphs


def test_a_quote_of_two_paragraphs_and_a_list_give_a_paragraph_each() -> None:
    xml = "<quote><p>one a</p><p>two b</p></quote><list><item>three</item><item>four</item></list>"
    assert paragraphs(xml) == ("one a", "two b", "three", "four")


def test_a_table_is_left_out_of_the_paragraphs() -> None:
    xml = "<p>before</p><table><row><cell><p>cell</p></cell></row></table><p>after</p>"
    assert paragraphs(xml) == ("before", "after")


def test_spaces_between_inline_pieces_are_written_once_and_trimmed() -> None:
    assert paragraphs("<p>word <hi> bold</hi> </p><p>one<lb/>two</p>") == (
        "word bold",
        "one two",
    )


@pytest.mark.parametrize(
    ("xml", "text"),
    [
        pytest.param(
            f'<p>Said so (<ref target="{U}">Outlet</ref>, May 4).</p>',
            f"Said so (Outlet, May 4, {U}).",
            id="after-text",
        ),
        pytest.param(f'<p>(<ref target="{U}">Outlet</ref>)</p>', f"(Outlet, {U})", id="alone"),
        pytest.param(
            f'<p>(FARS, May 3; <ref target="{U}">IRNA</ref>, May 4)</p>',
            f"(FARS, May 3; IRNA, May 4, {U})",
            id="second-segment",
        ),
        pytest.param(
            f'<p>(FARS, May 3;<ref target="{U}">IRNA</ref>, May 4)</p>',
            f"(FARS, May 3;IRNA, May 4, {U})",
            id="right-after-the-semicolon",
        ),
        pytest.param(
            f'<p>(<ref target="{U}">IRNA</ref>, May 4; <ref target="{V}">FARS</ref>, May 5)</p>',
            f"(IRNA, May 4, {U}; FARS, May 5, {V})",
            id="two-segments",
        ),
        pytest.param(
            f'<p>(<ref target="{U}"/>, May 4) and (see <ref target="{V}"/>, May 5)'
            f' and (text<ref target="{W}"/>, May 6)</p>',
            f"({U}, May 4) and (see {V}, May 5) and (text {W}, May 6)",
            id="links-without-text",
        ),
        pytest.param(
            f'<p>(FARS, May 3; <ref target="{U}"/>, May 4)</p>',
            f"(FARS, May 3; {U}, May 4)",
            id="link-without-text-in-second-segment",
        ),
    ],
)
def test_a_linked_source_gets_its_address_in_its_own_segment(xml: str, text: str) -> None:
    assert paragraphs(xml) == (text,)


def test_link_words_count_running_links_only_in_every_paragraph() -> None:
    xml = (
        f'<p>Read <ref target="{U}">three made words</ref> here'
        f' (<ref target="{V}">IRNA</ref>, May 4).</p>'
        f'<p>And <ref target="{U}">two more</ref>.</p>'
    )
    assert read_body(body_of(xml), TITLE).link_words == 5


def test_a_link_just_at_a_parenthesis_is_a_running_link() -> None:
    # The link's text starts with "(" (its own parenthetical), the second link
    # starts right after another parenthetical's ")": both run in the text.
    xml = (
        f'<p><ref target="{U}">(made here)</ref> and (May 4)<ref target="{V}">after words</ref></p>'
    )
    assert read_body(body_of(xml), TITLE).link_words == 4


def test_header_lines_headings_and_empty_blocks() -> None:
    xml = (
        f"<p/><head>{TITLE}</head><p>(Source: made-here.example)</p>"
        "<head>Made-here heading</head><p>one</p><p>(Source: second.example)</p>"
    )
    assert read_body(body_of(xml), TITLE) == Body(
        paragraphs=("one", "(Source: second.example)"),
        publication_line=None,
        image_credit="(Source: made-here.example)",
        sections=(Section("Made-here heading", 1),),
        link_words=0,
    )


# --- page ----------------------------------------------------------------------


def test_no_html_at_all_is_not_a_page() -> None:
    assert read_page("", "made-here.html") == Skipped("made-here.html", "not an HTML page")


def test_a_page_with_an_empty_body_is_not_an_article() -> None:
    page = f"<html><head><title>{TITLE}</title></head><body></body></html>"
    assert read_page(page, "o.html") == Skipped("o.html", NOT_AN_ARTICLE)


def test_a_real_page_keeps_the_caption_paragraphs_of_its_images() -> None:
    page = decode((ROOT / "tests" / "fixtures" / "pages" / "dw.com.colonial.html").read_bytes())
    assert page is not None
    article = read_page(page, "dw.html")
    assert isinstance(article, Imported)
    # The caption of the page's first image, as the page writes it.
    assert "Petersallee is to be renamed after the Maji Maji Rebellion against German rule" in (
        article.paragraphs
    )


def test_the_first_publication_line_and_image_credit_of_a_page_are_stated() -> None:
    publication = "Publication: Made-here Monitor Volume: 1 Issue: 2"
    tree = html.document_fromstring(
        "<html><body><section><p>A made-here line</p>"
        f"<p>{publication}</p><p>Publication: Second Made-here Monitor</p>"
        "<p>(Source: first.example)</p><p>(Source: second.example)</p>"
        "<p>A made-here line after</p></section></body></html>"
    )
    assert _header_lines(tree) == (publication, "(Source: first.example)")


def test_a_header_line_of_exactly_the_longest_length_is_kept() -> None:
    line = "Publication: Made-here " + "x" * (200 - len("Publication: Made-here "))
    assert len(line) == 200
    tree = html.document_fromstring(f"<html><body><section><p>{line}</p></section></body></html>")
    assert _header_lines(tree) == (line, None)


def document(title: str | None, xml: str, author: str | None = None) -> Document:
    made = Document()
    made.title = title
    made.body = body_of(xml)
    made.author = author
    return made


def test_a_document_without_a_title_is_skipped() -> None:
    assert from_document(document(None, f"<p>{WORDS}</p>"), "o") == Skipped(
        "o", "the page states no title"
    )


def test_the_title_repeated_as_a_heading_and_authors_split() -> None:
    made = document(TITLE, f"<head>{TITLE}</head><p>{WORDS}</p>", "Made-Here One; Made-Here Two")
    article = from_document(made, "o")
    assert isinstance(article, Imported)
    assert (article.sections, article.authors) == ((), ("Made-Here One", "Made-Here Two"))


def test_only_an_empty_link_is_named_by_its_address() -> None:
    tree = html.document_fromstring(
        f'<html><head><link rel="stylesheet" href="{V}"></head>'
        f'<body><p>(<a href="{U}"></a>, May 4)</p></body></html>'
    )
    name_empty_links(tree)
    assert [(e.tag, e.text) for e in tree.iter("a", "link")] == [("link", None), ("a", U)]


def made_body(words: int, link_words: int = 0) -> Body:
    return Body((" ".join(["w"] * words),), None, None, (), link_words)


@pytest.mark.parametrize(
    ("words", "link_words", "why"),
    [
        pytest.param(60, 0, None, id="sixty-words"),
        pytest.param(59, 0, f"{NOT_AN_ARTICLE}: 59 words of text", id="fifty-nine-words"),
        pytest.param(70, 35, None, id="half-links"),
        pytest.param(
            70,
            36,
            "mostly links (36 of 70 words): an index page, not an article",
            id="more-than-half-links",
        ),
    ],
)
def test_not_an_article_at_its_bounds(words: int, link_words: int, why: str | None) -> None:
    assert not_an_article(made_body(words, link_words)) == why


# --- feed ----------------------------------------------------------------------


def rss(items: str) -> Any:
    return feedparser.parse(
        (
            '<?xml version="1.0"?><rss version="2.0"'
            ' xmlns:content="http://purl.org/rss/1.0/modules/content/">'
            f"<channel><title>Made here</title>{items}</channel></rss>"
        ).encode()
    )


def item(content: str, title: str = f"<title>{TITLE}</title>") -> str:
    return f"<item>{title}<content:encoded><![CDATA[{content}]]></content:encoded></item>"


def test_a_feed_without_entries() -> None:
    assert list(read_feed(rss(""), "feed.xml")) == [Skipped("feed.xml", "the feed has no entries")]


def test_an_entry_without_a_title() -> None:
    assert list(read_feed(rss(item(f"<p>{WORDS}</p>", title="")), "feed.xml")) == [
        Skipped("feed.xml: entry 1", "the page states no title")
    ]


def test_an_entry_with_empty_content_is_not_an_article() -> None:
    assert list(read_feed(rss(item("")), "feed.xml")) == [
        Skipped(f"feed.xml: entry 1 {TITLE!r}", NOT_AN_ARTICLE)
    ]


def test_text_outside_any_element_is_a_paragraph_and_a_caption_the_credit() -> None:
    content = (
        "Bare made-here text before any element."
        f"<p>{WORDS}</p>"
        '<div class="wp-caption"><img src="https://example.org/made-here.jpg">'
        '<p class="wp-caption-text">(Source: made-here.example)</p></div>'
    )
    (article,) = read_feed(rss(item(content)), "feed.xml")
    assert isinstance(article, Imported)
    assert article.paragraphs == ("Bare made-here text before any element.", WORDS)
    assert article.image_credit == "(Source: made-here.example)"


def test_an_atom_entry_with_two_authors_and_its_published_date() -> None:
    content = html_lib.escape(f"<p>{WORDS}</p>")
    parsed = feedparser.parse(
        (
            '<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>t</title>'
            f"<entry><title>{TITLE}</title><link href='{U}'/>"
            "<author><name>Made-Here One</name></author>"
            "<author><name>Made-Here Two</name></author>"
            "<published>2100-01-02T23:30:00-05:00</published>"
            f'<content type="html">{content}</content></entry></feed>'
        ).encode()
    )  # fictional names and date, made here
    (article,) = read_feed(parsed, "atom.xml")
    assert isinstance(article, Imported)
    assert article.origin == f"atom.xml: entry 1 {TITLE!r}"
    assert article.authors == ("Made-Here One", "Made-Here Two")
    assert article.date == dt.date(2100, 1, 2)  # in the writer's time zone
    assert article.url == U


def test_a_list_before_the_text_of_an_entry_is_kept() -> None:
    # The entry's content is set in an <article>, where trafilatura keeps a list.
    content = f"<ul><li>one made-here item</li><li>two made-here item</li></ul><p>{WORDS}</p>"
    (article,) = read_feed(rss(item(content)), "feed.xml")
    assert isinstance(article, Imported)
    assert article.paragraphs == ("one made-here item", "two made-here item", WORDS)


@pytest.mark.parametrize(
    ("detail", "authors"),
    [
        pytest.param({"name": "Made-Here Author"}, ("Made-Here Author",), id="named"),
        pytest.param({"email": "made-here@example.org"}, (), id="email-only"),
    ],
)
def test_an_entry_with_an_author_detail_and_no_author_list(
    detail: dict[str, str], authors: tuple[str, ...]
) -> None:
    # feedparser 6 fills "authors" whenever it fills "author_detail"; this entry,
    # made here in feedparser's shape, has only the latter, as the fallback reads.
    content = feedparser.FeedParserDict(type="text/html", value=f"<p>{WORDS}</p>")
    entry = feedparser.FeedParserDict(
        title=TITLE, content=[content], author_detail=feedparser.FeedParserDict(detail)
    )
    (article,) = read_feed(feedparser.FeedParserDict(entries=[entry]), "feed.xml")
    assert isinstance(article, Imported) and article.authors == authors


# --- sources -------------------------------------------------------------------


def test_text_with_a_utf16_byte_order_mark() -> None:
    assert decode(codecs.BOM_UTF16_LE + "café".encode("utf-16-le")) == "café"


def test_a_nul_byte_means_binary_data() -> None:
    assert decode(b"made here\x00binary") is None


def test_bytes_of_no_encoding_are_skipped_and_say_so() -> None:
    assert list(read_data(b"<p>caf\xe9</p>", "o")) == [
        Skipped("o", "cannot read its encoding: neither UTF-8 nor a charset it declares")
    ]


def test_a_feed_after_blank_lines_is_read_as_a_feed() -> None:
    feed = b"\n\n" + rss_bytes(item(f"<p>{WORDS}</p>"))
    (article,) = read_data(feed, "feed.xml")
    assert isinstance(article, Imported) and article.origin == f"feed.xml: entry 1 {TITLE!r}"


def test_a_feed_in_its_declared_charset_after_a_blank_line() -> None:
    # Made here: Cyrillic words, in a charset that is not UTF-8.
    title = "Заголовок"
    words = " ".join(["слово"] * 70)
    feed = "\n" + rss_bytes(item(f"<p>{words}</p>", f"<title>{title}</title>")).decode()
    feed = feed.replace('version="1.0"?>', 'version="1.0" encoding="iso-8859-5"?>', 1)
    (article,) = read_data(feed.encode("iso-8859-5"), "feed.xml")
    assert isinstance(article, Imported)
    assert (article.title, article.paragraphs) == (title, (words,))


def rss_bytes(items: str) -> bytes:
    return (
        '<?xml version="1.0"?><rss version="2.0"'
        ' xmlns:content="http://purl.org/rss/1.0/modules/content/">'
        f"<channel><title>Made here</title>{items}</channel></rss>"
    ).encode()


@pytest.mark.parametrize(
    "page",
    [
        pytest.param(
            f"<!DOCTYPE html>\n<head><title>{TITLE}</title></head><body><p>{WORDS}</p></body>",
            id="no-html-element",
        ),
        pytest.param(
            f"<html><head><title>{TITLE}</title></head><p>{WORDS}</p></html>",
            id="no-body-element",
        ),
    ],
)
def test_a_page_is_told_by_its_html_or_its_body(page: str) -> None:
    (article,) = read_data(page.encode(), "o.html")
    assert isinstance(article, Imported) and article.title == TITLE


def test_a_fragment_of_paragraphs_is_read_as_a_page() -> None:
    (result,) = read_data(f"<p>{WORDS}</p>".encode(), "o.html")
    assert result == Skipped("o.html", "not an HTML page")  # trafilatura's answer, not NEITHER


@pytest.mark.parametrize(
    ("data", "charset"),
    [
        pytest.param(
            b'<?xml version="1.0" encoding="iso-8859-5"?><rss><item></rss>',
            "iso-8859-5",
            id="xml-not-well-formed",
        ),
        pytest.param(
            b'\n<?xml version="1.0" encoding="iso-8859-5"?><rss/>',
            "iso-8859-5",
            id="xml-after-a-blank-line",
        ),
        pytest.param(b'<?xml version="1.0" encoding="iso-8859-5"?>', None, id="xml-without-root"),
        pytest.param(
            b'<html><head><meta name="description" content="made here: charset=koi8-r">'
            b'<meta http-equiv="Content-Type" content="text/html; charset=windows-1252;x=y">'
            b"</head></html>",
            "windows-1252",
            id="http-equiv",
        ),
        pytest.param(
            b'<html><head><meta http-equiv="Content-Type"'
            b' content="text/html; charset=windows-1252; charset=koi8-r"></head></html>',
            "windows-1252",
            id="http-equiv-first-charset",
        ),
        pytest.param(
            b'<html><head><link rel="stylesheet" charset="koi8-r" href="made-here.css">'
            b'<meta charset="windows-1252"></head></html>',
            "windows-1252",
            id="meta-charset-not-link",
        ),
    ],
)
def test_the_charset_a_file_declares(data: bytes, charset: str | None) -> None:
    assert _declared(data) == charset


def test_the_declaration_is_read_without_entities_or_network(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    made: list[dict[str, object]] = []
    parser = etree.XMLParser

    def recorded(**options: object) -> etree.XMLParser:
        made.append(options)
        return parser(**options)  # type: ignore[arg-type]

    monkeypatch.setattr(sources_module.etree, "XMLParser", recorded)
    assert _declared(b'<?xml version="1.0" encoding="iso-8859-5"?><rss/>') == "iso-8859-5"
    assert made == [{"recover": True, "resolve_entities": False, "no_network": True}]


NOTES = b"Plain notes, neither a page nor a feed (made here).\n"


def test_a_folder_is_read_whole_in_name_order_without_hidden_files(tmp_path: Path) -> None:
    folder = tmp_path / "saved"
    (folder / "sub").mkdir(parents=True)
    names = [f"n{i:02}.txt" for i in range(20)]
    for name in [*names, ".hidden.txt"]:
        (folder / name).write_bytes(NOTES)
    (folder / "sub" / "inner.txt").write_bytes(NOTES)
    found = list(read_sources([str(folder)], io.BytesIO()))
    expected = sorted([folder / n for n in names] + [folder / "sub" / "inner.txt"])
    assert found == [Skipped(str(p), NEITHER) for p in expected]


def test_a_file_of_a_folder_that_cannot_be_read_is_skipped_and_the_rest_read(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "saved"
    folder.mkdir()
    (folder / "a-broken-link.html").symlink_to(tmp_path / "nowhere.html")
    (folder / "b.txt").write_bytes(NOTES)
    assert list(read_sources([str(folder)], io.BytesIO())) == [
        Skipped(str(folder / "a-broken-link.html"), "cannot be read: No such file or directory"),
        Skipped(str(folder / "b.txt"), NEITHER),
    ]


def test_standard_input_then_a_missing_file_then_a_seen_one(tmp_path: Path) -> None:
    missing = tmp_path / "missing.html"
    seen = tmp_path / "seen.txt"
    seen.write_bytes(NOTES)
    digest = hashlib.sha256(NOTES).hexdigest()
    found = list(
        read_sources(
            ["-", str(missing), str(seen)],
            io.BytesIO(NOTES),
            lambda d: "made-here-seed" if d == digest else None,
        )
    )
    assert found == [
        Skipped("standard input", NEITHER),
        Skipped(str(missing), "cannot be read: No such file or directory"),
        Seen(str(seen), "made-here-seed"),
    ]


# --- seed ----------------------------------------------------------------------


def article(url: str | None = None, authors: tuple[str, ...] = ()) -> Imported:
    return Imported(origin="o", title="Made-Here Title", paragraphs=(), url=url, authors=authors)


@pytest.mark.parametrize(
    ("url", "name"),
    [
        pytest.param(None, "made-here-title", id="no-address"),
        pytest.param("https://example.org", "made-here-title", id="no-path"),
        pytest.param("https://example.org/", "made-here-title", id="root-path"),
        pytest.param("https://example.org/made-here/-/", "made-here-title", id="dash"),
        pytest.param("https://example.org/made-here/article.html", "article", id="extension"),
        pytest.param("https://example.org/made-here/XX/", "xx", id="capital-x"),
        pytest.param("https://example.org/made-here/PHOENIX/", "phoenix", id="ends-in-x"),
    ],
)
def test_the_seed_is_named_by_the_address_else_the_title(url: str | None, name: str) -> None:
    assert seed_name(article(url)) == name


def test_two_authors_are_a_list_and_a_relative_address_is_not_kept() -> None:
    values = sidecar_values(article("/made-here/relative", ("Made-Here One", "Made-Here Two")))
    assert values["author"] == ["Made-Here One", "Made-Here Two"]
    assert "url" not in values
