"""Tests that kill mutants `make mutate` found alive (docs-dev/MUTATION.md): references."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json

import pytest

from briefing.keyed import TextCache
from briefing.model import CitedDate, Outlet, OutletType
from briefing.references.bibtex import (
    HEADER,
    article_entry,
    article_text,
    bibtex_title,
    bibtex_url,
    bibtex_value,
    entries_for,
    joined_bibtex,
    reference_entry,
    reference_inputs,
    reference_text,
    site_bibtex,
    unescape_bibtex,
    write_bibtex,
)
from briefing.references.collect import Reference
from briefing.references.csl import (
    Site,
    author_names,
    brief_item,
    csl_json,
    csl_marked,
    csl_text,
    person,
    pinned,
    reference_item,
    style_items,
)
from briefing.references.ris import ris, ris_value
from briefing.references.titles import NO_NOUNS, ProperNouns, Segment
from tests.conftest import edm_article

# Outlets, addresses, titles and dates here are made here, not taken from a source.

AGENCY = Outlet("agency", "Agency Name", OutletType.NEWS_AGENCY, url="https://agency.example/")
SITE = Outlet("site", "Site Name", OutletType.WEB_SITE)


def reference(**fields: object) -> Reference:
    base: dict[str, object] = {
        "key": "agency-2011-05-02",
        "outlet_name": "Agency Name",
        "outlet": AGENCY,
        "date": CitedDate("May 2", 2011, 5, 2),
        "url": None,
        "title": None,
        "cited_as": "Agency, May 2",
        "cited_by": (),
    }
    return Reference(**{**base, **fields})  # type: ignore[arg-type]


# RIS


def test_ris_value_is_one_trimmed_line() -> None:
    assert ris_value(" a\nb\x00c\u2028d\x7f  e ") == "a b c d e"


def test_ris_record_of_a_journal_article_with_every_field() -> None:
    item = {
        "id": "k",
        "type": "article-journal",
        "author": [{"family": "Doe", "given": "Jan"}, {"literal": "Collective"}],
        "title": "A title",
        "container-title": "Journal",
        "volume": "8",
        "issue": "212",
        "issued": {"date-parts": [[2011, 5, 2]]},
        "accessed": {"date-parts": [[2012, 1]]},
        "publisher": "Press",
        "archive": "Archive",
        "URL": "https://a.example/x",
        "archive_location": "https://b.example/y",
        "note": "A note",
    }
    assert ris([item]) == (
        "TY  - JOUR\nID  - k\nAU  - Doe, Jan\nAU  - Collective\nTI  - A title\n"
        "T2  - Journal\nVL  - 8\nIS  - 212\nPY  - 2011\nDA  - 2011/05/02/\n"
        "Y2  - 2012/01//\nPB  - Press\nDB  - Archive\nUR  - https://a.example/x\n"
        "UR  - https://b.example/y\nN1  - A note\nER  - \n"
    )


def test_ris_records_are_separated_by_a_blank_line_and_types_are_mapped() -> None:
    items = [
        {"id": "a", "type": "article-newspaper", "container-title": "Paper"},
        {
            "id": "b",
            "type": "webpage",
            "container-title": "Site",
            "issued": {"date-parts": [[2011]]},
        },
        {"id": "c", "type": "article-magazine"},
    ]
    assert ris(items) == (
        "TY  - NEWS\nID  - a\nT2  - Paper\nER  - \n\n"
        "TY  - ELEC\nID  - b\nPB  - Site\nPY  - 2011\nDA  - 2011///\nER  - \n\n"
        "TY  - GEN\nID  - c\nER  - \n"
    )


def test_ris_writes_a_year_with_four_digits_and_skips_empty_date_parts() -> None:
    item = {"id": "a", "type": "webpage", "issued": {"date-parts": [[]]}}
    assert ris([item]) == "TY  - ELEC\nID  - a\nER  - \n"
    item = {"id": "a", "type": "webpage", "issued": {"date-parts": [[987, 3]]}}
    assert "PY  - 0987\nDA  - 0987/03//\n" in ris([item])


# CSL


def test_csl_text_and_names() -> None:
    assert csl_text(" a\n\tb\x7fc ") == "a b c"
    assert author_names("Ann Bee and Cy Dee; Eve & Fay ") == ["Ann Bee", "Cy Dee", "Eve", "Fay "]
    assert author_names(" ; ") == []
    assert person("Ann  B. Cee") == {"family": "Cee", "given": "Ann B."}
    assert person(" Plato ") == {"literal": "Plato"}


def test_site_page_joins_one_slash() -> None:
    assert Site("S", "https://s.example/").page("briefs/x/") == "https://s.example/briefs/x/"
    assert Site("S", "https://s.example").page("briefs/x/") == "https://s.example/briefs/x/"
    assert Site("S", None).page("briefs/x/") is None


def test_brief_item_of_a_dated_article_is_a_magazine_article() -> None:
    article = edm_article(
        "a",
        "Moscow\nTalks: More",
        "Ann Bee and Cy Dee",
        dt.date(2011, 11, 21),
        "https://o.example/a",
    )
    item = brief_item(article, "key", "The Press", "https://here.example/a/")
    assert item == {
        "id": "key",
        "type": "article-magazine",
        "title": "Moscow Talks: More",
        "title-short": "Moscow Talks",
        "author": [{"family": "Bee", "given": "Ann"}, {"family": "Dee", "given": "Cy"}],
        "container-title": "Eurasia Daily Monitor",
        "volume": "8",
        "issue": "212",
        "issued": {"date-parts": [[2011, 11, 21]]},
        "publisher": "The Press",
        "URL": "https://o.example/a",
    }


def test_brief_item_without_a_date_is_a_journal_article_of_its_year_read_here() -> None:
    article = edm_article("a", "Talks")
    item = brief_item(article, "key", None, "https://here.example/a/")
    assert item["type"] == "article-journal"
    assert "author" not in item and "publisher" not in item and "title-short" not in item
    assert item["URL"] == "https://here.example/a/"
    assert item["issued"] == {"date-parts": [[2011]]}  # the year its bounds give
    assert "URL" not in brief_item(article, "key", None, None)


def test_style_items_give_apa_a_sentence_case_title_and_mla_the_site() -> None:
    item = {"id": "k", "title": "Big Talks", "URL": "https://o.example/"}
    title = (Segment("Big Talks in ", False), Segment("Moscow", True))
    styles = style_items(item, title, "The Site", "https://here.example/")
    assert styles["chicago"] is item
    assert styles["apa"]["title"] == 'Big talks in <span class="nocase">Moscow</span>'
    assert styles["mla"]["source"] == "The Site"
    assert styles["mla"]["URL"] == "https://here.example/"
    assert style_items(item, title, "The Site", None)["mla"] is item


def test_csl_marked_leaves_a_title_with_a_less_than_sign_unmarked() -> None:
    assert csl_marked((Segment("a < b ", False), Segment("NATO", True))) == "a < b NATO"
    assert csl_marked((Segment("x\ny ", False), Segment("NATO", True))) == (
        'x y <span class="nocase">NATO</span>'
    )


def test_reference_item_of_an_agency_and_of_a_web_page() -> None:
    assert reference_item(reference()) == {
        "id": "agency-2011-05-02",
        "type": "article-newspaper",
        "container-title": "Agency Name",
        "issued": {"date-parts": [[2011, 5, 2]]},
    }
    page = reference(
        outlet=SITE,
        outlet_name="Site\nName",
        url="https://site.example/p",
        title="Page Title: Sub",
        date=CitedDate("accessed May 2011", 2011, 5, None, accessed=True),
    )
    assert reference_item(page) == {
        "id": "agency-2011-05-02",
        "type": "webpage",
        "container-title": "Site Name",
        "title": "Page Title: Sub",
        "title-short": "Page Title",
        "accessed": {"date-parts": [[2011, 5]]},
        "URL": "https://site.example/p",
    }


def test_reference_item_links_a_cited_page_but_not_an_outlets_home_page() -> None:
    assert reference_item(reference(url="https://agency.example/"))["type"] == "article-newspaper"
    assert "URL" not in reference_item(reference(url="https://agency.example/"))
    item = reference_item(reference(url="https://agency.example/story"))
    assert item["URL"] == "https://agency.example/story"
    bare = reference_item(reference(outlet=None, url="https://x.example/p", date=None))
    assert bare["type"] == "webpage" and "issued" not in bare
    assert "issued" not in reference_item(reference(date=CitedDate("May 2", None, 5, 2)))


def test_pinned_item_has_its_own_id_and_the_paragraph_address() -> None:
    article = edm_article("a", "Talks")
    item = pinned(article, "key", None, "https://here.example/a/#p3")
    assert item["id"] == "key--pin" and item["URL"] == "https://here.example/a/#p3"


def test_csl_json_is_sorted_indented_and_ends_with_a_newline() -> None:
    text = csl_json([{"b": "é", "a": 1}])
    assert text == '[\n  {\n    "a": 1,\n    "b": "é"\n  }\n]\n'
    assert json.loads(text) == [{"a": 1, "b": "é"}]


# BibTeX


def test_bibtex_value_escapes_every_special_character() -> None:
    assert bibtex_value(" a\\b{c}d%e&f#g$h_i~j^k \n l ") == (
        r"a\textbackslash{}b\textbraceleft{}c\textbraceright{}d\%e\&f\#g\$h\_i"
        r"\textasciitilde{}j\textasciicircum{}k l"
    )


def test_bibtex_title_braces_protected_runs_and_unescape_undoes_it() -> None:
    title = bibtex_title((Segment("Talks  in ", False), Segment("R&D", True), Segment(" x", False)))
    assert title == r"Talks in {R\&D} x"
    assert unescape_bibtex(title) == "Talks in R&D x"
    assert unescape_bibtex(bibtex_value("a\\b{c}~^%")) == "a\\b{c}~^%"


def test_bibtex_url_percent_encodes_what_biblatex_reads_verbatim() -> None:
    assert bibtex_url('https://a.example/{x}\\ y"<é>') == (
        "https://a.example/%7Bx%7D%5C%20y%22%3Cé%3E"
    )


def test_article_entry_writes_classic_and_biblatex_fields() -> None:
    article = edm_article("a", "Talks", "Ann Bee", dt.date(2011, 11, 21), "https://o.example/a_b")
    text = write_bibtex([article_entry(article, "bee2011", "The Press")], header=False)
    assert text == (
        "@article{bee2011,\n\tauthor = {Ann Bee},\n\ttitle = {Talks},\n"
        "\tjournal = {Eurasia Daily Monitor},\n\tjournaltitle = {Eurasia Daily Monitor},\n"
        "\tvolume = {8},\n\tnumber = {212},\n\tyear = {2011},\n\tmonth = nov,\n"
        "\tdate = {2011-11-21},\n\tpublisher = {The Press},\n\turl = {https://o.example/a_b}\n}\n"
    )


def test_article_entry_without_a_date_or_address_uses_the_page_here() -> None:
    article = edm_article("a", "Talks")
    entry = article_entry(article, "k", None, "https://here.example/a/")
    fields = {f.key: f.value for f in entry.fields}
    assert fields == {
        "title": "Talks",
        "journal": "Eurasia Daily Monitor",
        "journaltitle": "Eurasia Daily Monitor",
        "volume": "8",
        "number": "212",
        "year": "2011",
        "date": "2011",
        "url": "https://here.example/a/",
    }


@pytest.mark.parametrize(
    ("date", "dates"),
    [
        (CitedDate("May 2", 2011, 5, 2), {"year": "2011", "month": "may", "date": "2011-05-02"}),
        (CitedDate("2011", 2011, None, None), {"year": "2011", "date": "2011"}),
        (CitedDate("May 2", None, 5, 2), {}),
        (None, {}),
    ],
)
def test_reference_entry_of_a_newspaper(date: CitedDate | None, dates: dict[str, str]) -> None:
    entry = reference_entry(reference(date=date))
    assert entry.entry_type == "article"
    assert {f.key: f.value for f in entry.fields} == {
        "journal": "Agency Name",
        "journaltitle": "Agency Name",
        "entrysubtype": "newspaper",
        **dates,
        "note": "Cited as Agency, May 2",
    }


def test_reference_entry_of_a_web_page_read_on_a_day() -> None:
    page = reference(
        outlet=SITE,
        outlet_name="Site Name",
        url="https://site.example/p",
        title="Title",
        date=CitedDate("accessed May 2, 2011", 2011, 5, 2, accessed=True),
    )
    entry = reference_entry(page)
    assert entry.entry_type == "online"
    assert {f.key: f.value for f in entry.fields} == {
        "title": "Title",
        "organization": "Site Name",
        "url": "https://site.example/p",
        "urldate": "2011-05-02",
        "note": "Cited as Agency, May 2",
    }
    bare = reference_entry(
        reference(outlet=None, outlet_name="x.example", url="https://x.example/p")
    )
    assert bare.entry_type == "online"


def test_joined_bibtex_refuses_duplicate_keys_and_adds_the_header() -> None:
    with pytest.raises(ValueError, match=r"duplicate BibTeX keys: \['a'\]"):
        joined_bibtex(["a", "b", "a"], ["x", "y", "z"])
    assert joined_bibtex(["a", "b"], ["x", "y"], header=False) == "x\n\ny"
    assert joined_bibtex(["a"], ["x"]).startswith("% Generated by briefing")


def test_site_page_keeps_a_base_address_ending_in_a_letter() -> None:
    assert Site("S", "https://s.example/BX/").page("p/") == "https://s.example/BX/p/"


def test_pinned_item_keeps_the_publisher() -> None:
    item = pinned(edm_article("a", "Talks"), "key", "The Press", None)
    assert item["publisher"] == "The Press" and item["id"] == "key--pin"


def test_bibtex_url_encodes_each_byte_of_a_wide_space() -> None:
    assert bibtex_url("https://a.example/a\u00a0b") == "https://a.example/a%C2%A0b"


def test_article_entry_escapes_text_fields_and_leaves_out_what_is_unknown() -> None:
    article = dataclasses.replace(
        edm_article("a", "Talks", "Ann & Bee"), volume=None, issue=None, date_bounds=None
    )
    fields = {f.key: f.value for f in article_entry(article, "k", None).fields}
    assert fields == {
        "author": r"Ann \& Bee",
        "title": "Talks",
        "journal": "Eurasia Daily Monitor",
        "journaltitle": "Eurasia Daily Monitor",
    }


def test_reference_entry_of_a_web_site_links_even_its_home_page() -> None:
    home = Outlet("site", "Site Name", OutletType.WEB_SITE, url="https://site.example/")
    entry = reference_entry(reference(outlet=home, url="https://site.example/"))
    assert {f.key: f.value for f in entry.fields}["url"] == "https://site.example/"


def test_write_bibtex_starts_with_the_header_unless_told_not_to() -> None:
    entry = article_entry(edm_article("a", "Talks"), "k", None)
    assert write_bibtex([entry]).startswith(HEADER + "@article{k,")
    assert write_bibtex([entry], header=False).startswith("@article{k,")


def test_reference_inputs_are_its_fields_or_what_they_were_made_from() -> None:
    plain = reference(title="T")
    assert reference_inputs(plain) == (
        "agency-2011-05-02", "Agency Name", AGENCY, CitedDate("May 2", 2011, 5, 2), None, "T",
        "Agency, May 2",
    )  # fmt: skip
    assert reference_inputs(dataclasses.replace(plain, cited_by=((),))) == reference_inputs(plain)  # type: ignore[arg-type]
    origin = ("k", None, None)
    made = dataclasses.replace(plain, origin=origin)
    assert reference_inputs(made) == ("origin", origin)


def test_site_bibtex_is_what_write_bibtex_writes_and_kept_texts_do_not_leak() -> None:
    site = Site("S", "https://s.example/")
    articles = [
        (edm_article("a", "First Talks", "Ann Bee"), "bee2011", "The Press"),
        (edm_article("b", "Second Talks"), "edm2011", None),
    ]
    references = [
        reference(),
        reference(key="site-nd", outlet=SITE, outlet_name="Site Name", date=None),
    ]
    expected = write_bibtex(entries_for(articles, references, site, NO_NOUNS))
    texts = TextCache("salt")
    with texts.active():
        assert site_bibtex(articles, references, site, NO_NOUNS) == expected
    assert texts.made == 4  # two articles, two references
    again = texts.next("salt")
    with again.active():
        assert site_bibtex(articles, references, site, NO_NOUNS) == expected
    assert again.made == 0
    # With no cache active, every entry is written afresh: the same text.
    assert site_bibtex(articles, references, site, NO_NOUNS) == expected
    assert site_bibtex(articles, references, None, NO_NOUNS) == write_bibtex(
        entries_for(articles, references, None, NO_NOUNS)
    )
    assert "https://s.example/briefs/a/" in expected


def test_article_and_reference_texts_are_written_alone_without_the_header() -> None:
    article = edm_article("a", "Talks")
    texts = TextCache()
    with texts.active():
        text = article_text(article, "k", "The Press", "https://here.example/", NO_NOUNS)
        alone = reference_text(reference())
    assert texts.made == 2
    assert text == write_bibtex(
        [article_entry(article, "k", "The Press", "https://here.example/")], header=False
    )
    assert alone == write_bibtex([reference_entry(reference())], header=False)


def test_entries_for_protects_the_known_names_of_a_title() -> None:
    # Made here: a title naming a known place, in a brief of no real publication.
    article = edm_article("t", "Talks in Tehran")
    nouns = ProperNouns.of(["Tehran"])
    (entry,) = entries_for([(article, "k", None)], [], None, nouns)
    assert entry.fields_dict["title"].value == "Talks in {Tehran}"
    (plain,) = entries_for([(article, "k", None)], [], None, NO_NOUNS)
    assert plain.fields_dict["title"].value == "Talks in Tehran"
