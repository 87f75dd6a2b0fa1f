"""Tests that kill mutants `make mutate` found alive (docs-dev/MUTATION.md): citations.

Every parenthetical, title, address and name here is made here; the outlet
names are those of the small test registry (``tests/citation_helpers.py``)
and the addresses are on reserved example domains.
"""

from __future__ import annotations

import datetime as dt

import pytest

from briefing.citations.classify import MAX_CITATION_CHARS, Found, Verdict, classify
from briefing.citations.dates import (
    DateContext,
    DateToken,
    ResolvedDates,
    date_tokens,
    resolve,
)
from briefing.citations.extract import extract
from briefing.citations.outlets import (
    CachedResolver,
    NotASource,
    SourcePart,
    _quotes_closed,
    is_place,
    looks_like_outlet,
    read_source,
)
from briefing.citations.reasons import Reason
from briefing.citations.registry import (
    Registry,
    load_registry,
    lookup_key,
    normalise,
    transliteration_key,
)
from briefing.citations.registry_schema import Problem, RegistryError, parse_registry
from briefing.citations.scan import Scan, Span, Unclosed, scan, split_outside
from briefing.citations.web import find_addresses, is_unmistakable, is_web_address
from briefing.errors import DataFileError
from briefing.model import Affiliation, CitedDate, Outlet, ParentheticalKind
from tests.citation_helpers import CONTEXT, small_registry

CITATION = ParentheticalKind.CITATION
TEXT = ParentheticalKind.TEXT
AMBIGUOUS = ParentheticalKind.AMBIGUOUS

HOME = "Home Publication Made Here"
"""The article's own publication in these tests (made here)."""


def verdict(inner: str, home: str | None = None, before: str = " ", after: str = " ") -> Verdict:
    return classify(inner, before, after, CONTEXT, CachedResolver(small_registry(), home))


def may(day: int) -> CitedDate:
    """A day of May with the year inferred from the article (2011)."""
    return CitedDate(f"May {day}", 2011, 5, day, year_inferred=True)


def outlets(found: Verdict) -> list[tuple[tuple[str, ...], list[str]]]:
    return [(f.part.outlets, [d.text for d in f.dates]) for f in found.found]


# --- scan: parentheticals ---------------------------------------------------------


def test_a_run_of_unclosed_parentheses_is_counted() -> None:
    assert scan("a ((b (c) d (e") == Scan(
        balanced=(Span(6, 9),), unclosed=(Unclosed(2, 6, 2), Unclosed(12, 14, 1))
    )
    assert scan("((x") == Scan((), (Unclosed(0, 3, 2),))


# --- scan: splitting outside quotes and brackets -------------------------------------


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        # Only "(" and "[" open a bracket, only ")" and "]" close one.
        pytest.param('X, "a"', ["X", ' "a"'], id="a-letter-opens-nothing"),
        pytest.param("(X, b", ["(X, b"], id="a-letter-closes-nothing"),
        # Nested brackets: the comma inside the outer pair stays.
        pytest.param("((a), b), c", ["((a), b)", " c"], id="nested-brackets"),
        pytest.param("[[a], b], c", ["[[a], b]", " c"], id="nested-square-brackets"),
        # Nested quotes: the comma inside the outer pair stays.
        pytest.param("“a “b” c, d”, e", ["“a “b” c, d”", " e"], id="nested-quotes"),
        pytest.param("«a «b» c, d», e", ["«a «b» c, d»", " e"], id="nested-guillemets"),
        # The text right after a separator is kept whole.
        pytest.param('a,"b"', ["a", '"b"'], id="no-space-after-the-separator"),
        pytest.param('"a",b', ['"a"', "b"], id="no-space-after-a-quote"),
        # Quotes that do not pair up are ignored; brackets still count.
        pytest.param("“a, b", ["“a", " b"], id="an-unclosed-curly-quote"),
        pytest.param('"a, b', ['"a', " b"], id="an-unclosed-straight-quote"),
        pytest.param("“a, (b, c)", ["“a", " (b, c)"], id="an-unclosed-quote-then-brackets"),
        pytest.param("“a” b, “c", ["“a” b", " “c"], id="a-pair-then-an-unclosed-quote"),
    ],
)
def test_split_outside(text: str, parts: list[str]) -> None:
    assert split_outside(text, ",") == parts


def test_split_outside_with_an_unclosed_quote_and_a_straight_quote() -> None:
    # Both an unclosed curly quote and a straight quote: quoting is ignored.
    assert split_outside('“a, "b", c', ",") == ["“a", ' "b"', " c"]
    assert split_outside("“a; b", ";") == ["“a", " b"]


# --- web --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "unmistakable"),
    [
        pytest.param("https://example.com", True, id="scheme"),
        pytest.param("http://example.org", True, id="http-scheme"),
        pytest.param("www.example.com", True, id="www"),
        pytest.param("example.com/a", True, id="a-one-letter-path"),
        pytest.param("example.com/", False, id="a-bare-slash"),
        pytest.param("example.com", False, id="a-bare-host"),
        pytest.param("www.example.invalid", False, id="www-and-a-domain-not-accepted"),
        pytest.param("https://example.invalid/a", False, id="scheme-and-a-domain-not-accepted"),
    ],
)
def test_is_unmistakable(text: str, unmistakable: bool) -> None:
    assert is_unmistakable(text) is unmistakable


def test_is_web_address() -> None:
    assert is_web_address("example.com")
    assert is_web_address(" example.kg ")
    assert not is_web_address("example.invalid")


def test_find_addresses_steps_over_words_that_are_not_addresses() -> None:
    text = "e.g. No.5 then www.example.com and x.y"
    assert [text[s:e] for s, e in find_addresses(text)] == ["www.example.com"]


def test_find_addresses_leaves_out_the_punctuation_around_an_address() -> None:
    text = "at «www.example.com/a», then (“https://example.org”)."
    found = list(find_addresses(text))
    assert [text[s:e] for s, e in found] == ["www.example.com/a", "https://example.org"]
    assert found[0] == (4, 21)


def test_find_addresses_leaves_out_an_address_with_an_at_sign() -> None:
    assert list(find_addresses("mail to example.com/user@host or")) == []
    assert list(find_addresses("see www.example.com/@handle")) == []


# --- classify ---------------------------------------------------------------------


def test_a_dated_citation_has_the_reason_citation_and_an_undated_address_web_address() -> None:
    assert verdict("Kommersant, May 3") == Verdict(
        CITATION, Reason.CITATION, (found_of(("Kommersant",), [may(3)]),)
    )
    assert verdict("example.com") == Verdict(
        CITATION, Reason.WEB_ADDRESS, (found_of(("example.com",), [], url="example.com"),)
    )


def found_of(
    names: tuple[str, ...],
    dates: list[CitedDate],
    url: str | None = None,
    title: str | None = None,
    note: str | None = None,
) -> Found:
    return Found(SourcePart(names, title, note), dates, url)


def test_an_address_in_a_dated_citation_is_its_url() -> None:
    assert verdict("lenta.ru, May 3").found == (found_of(("lenta.ru",), [may(3)], url="lenta.ru"),)
    assert verdict("Kommersant, May 3; lenta.ru, in Russian").found == (
        found_of(("Kommersant",), [may(3)]),
        found_of(("lenta.ru",), [], url="lenta.ru", note="in Russian"),
    )


def test_an_address_found_in_running_text_of_a_parenthetical() -> None:
    assert verdict("more at www.example.com/page") == Verdict(
        CITATION,
        Reason.WEB_ADDRESS,
        (found_of(("www.example.com/page",), [], url="www.example.com/page"),),
    )


def test_an_address_after_a_prefix_alone_is_a_source() -> None:
    assert verdict("see, example.com") == Verdict(
        CITATION, Reason.WEB_ADDRESS, (found_of(("example.com",), [], url="example.com"),)
    )


def test_an_image_credit_is_text_even_with_an_address() -> None:
    assert verdict("Source: www.example.com") == Verdict(TEXT, Reason.IMAGE_CREDIT)
    assert verdict("") == Verdict(TEXT, Reason.EMPTY)


def test_a_parenthetical_up_to_the_length_limit_is_read() -> None:
    segments = ["Kommersant, May 3"] * 12 + ["Vedomosti, May 4"] * 43
    inner = "; ".join(segments)
    assert len(inner) == MAX_CITATION_CHARS
    assert verdict(inner).kind is CITATION
    longer = inner.replace("May 4", "May 14", 1)
    assert verdict(longer) == Verdict(TEXT, Reason.CLAUSE)


def test_known_outlets_listed_without_a_date_are_ambiguous() -> None:
    assert verdict("Kommersant, Vedomosti, and Interfax") == Verdict(
        AMBIGUOUS, Reason.UNDATED_OUTLET
    )
    assert verdict("Kommersant, Vedomosti and TASS") == Verdict(AMBIGUOUS, Reason.UNDATED_OUTLET)


def test_notes_after_the_date_join_the_notes_before_it_and_keep_the_title() -> None:
    assert verdict("Kommersant, in Russian, May 3, Part Two").found == (
        found_of(("Kommersant",), [may(3)], note="in Russian; Part Two"),
    )
    assert verdict("“A Title Made Here,” Kommersant, May 3, Part Two").found == (
        found_of(("Kommersant",), [may(3)], title="A Title Made Here", note="Part Two"),
    )
    assert verdict("Kommersant, May 3, Part Two, in Russian").found == (
        found_of(("Kommersant",), [may(3)], note="Part Two; in Russian"),
    )


def test_a_mention_of_another_part_after_the_date_is_a_note() -> None:
    assert verdict("Kommersant, May 3, see the previous article").found == (
        found_of(("Kommersant",), [may(3)], note="the previous article"),
    )


def test_notes_and_an_address_after_the_date() -> None:
    found = verdict("Kommersant, May 3, in Russian, No. 12, www.kommersant.ru").found
    assert found == (
        found_of(("Kommersant",), [may(3)], url="www.kommersant.ru", note="in Russian; No. 12"),
    )
    # A note that names a kind of edition after a prefix word, and no address.
    assert verdict("Kommersant, May 3, Compare version").found == (
        found_of(("Kommersant",), [may(3)], note="Compare version"),
    )


def test_a_known_outlet_after_a_dated_one_in_the_same_segment_is_cited_without_a_date() -> None:
    # It was dropped, with nothing said: a citation lost.
    assert verdict("Kommersant, May 3, Vedomosti").found == (
        found_of(("Kommersant",), [may(3)]),
        found_of(("Vedomosti",), []),
    )
    assert outlets(verdict("Kommersant, May 3, Vedomosti, Interfax")) == [
        (("Kommersant",), ["May 3"]),
        (("Vedomosti", "Interfax"), []),
    ]


def test_an_undated_outlet_in_its_own_segment_is_cited_without_a_date() -> None:
    assert verdict("Kommersant, May 3; Vedomosti").found == (
        found_of(("Kommersant",), [may(3)]),
        found_of(("Vedomosti",), []),
    )


def test_an_undated_self_reference_is_not_a_citation_of_the_home_publication() -> None:
    assert verdict("Kommersant, May 3; see this publication", home=HOME).found == (
        found_of(("Kommersant",), [may(3)]),
    )


def test_a_place_before_a_later_outlet_is_skipped_and_a_tail_after_it_ignored() -> None:
    assert outlets(verdict("Moscow, May 9, Kommersant, May 3")) == [(("Kommersant",), ["May 3"])]
    assert verdict("Moscow, May 9, Kommersant") == Verdict(AMBIGUOUS, Reason.PLACE)


def test_dates_before_any_outlet_are_skipped() -> None:
    assert outlets(verdict("May 3, Kommersant, May 4")) == [(("Kommersant",), ["May 4"])]


def test_a_date_only_segment_continues_the_outlet_and_later_groups_are_read() -> None:
    assert outlets(verdict("EDM, November 5; January 12, Kommersant, May 3")) == [
        (("EDM",), ["November 5", "January 12"]),
        (("Kommersant",), ["May 3"]),
    ]


def test_a_second_part_of_the_series_cites_the_same_outlet() -> None:
    found = verdict("EDM, Part One, October 3, and Part Two, October 10").found
    assert [(f.part, [d.text for d in f.dates]) for f in found] == [
        (SourcePart(("EDM",), None, "Part One"), ["October 3"]),
        (SourcePart(("EDM",), None, "Part Two"), ["October 10"]),
    ]


def test_a_date_then_for_is_split_only_before_a_part_of_the_series() -> None:
    assert verdict("EDM, October 3 for background") == Verdict(TEXT, Reason.LIST)
    found = verdict("EDM, October 3 for the first part of this series").found
    assert [(f.part.outlets, [d.text for d in f.dates]) for f in found] == [
        (("EDM",), ["October 3"])
    ]


def test_a_quoted_title_with_a_day_first_date_in_its_item() -> None:
    assert verdict("“A Title Made Here,” 3 May") == Verdict(AMBIGUOUS, Reason.TITLE_ONLY)
    assert verdict("“A Title Made Here” Kommersant, May 3").found == (
        found_of(("Kommersant",), [may(3)], title="A Title Made Here"),
    )


def test_a_date_that_lost_its_comma_is_taken_only_when_dates_alone_follow() -> None:
    assert verdict("Kommersant March 3, Vedomosti") == Verdict(TEXT, Reason.LIST)
    assert outlets(verdict("Kommersant March 3, 4")) == [(("Kommersant",), ["March 3", "4"])]


def test_a_year_alone_dates_a_known_outlet_after_prefixes() -> None:
    found = verdict("see, e.g., Kommersant, 2012").found
    assert found == (found_of(("Kommersant",), [CitedDate("2012", 2012, None, None)]),)


def test_lost_outlets() -> None:
    assert verdict(", see above") == Verdict(TEXT, Reason.NAME)
    assert verdict(", May 4, June 5") == Verdict(
        TEXT, Reason.LOST_SOURCE, lost=(", May 4, June 5",)
    )
    both = verdict("Kommersant, May 3; , May 4; Vedomosti, May 5")
    assert outlets(both) == [(("Kommersant",), ["May 3"]), (("Vedomosti",), ["May 5"])]
    assert both.lost == (", May 4",)


# --- registry -----------------------------------------------------------------------


def made_here_registry() -> Registry:
    return Registry.from_outlets(
        [
            Outlet("one", "Outlet One Made Here", url="https://example.com/section"),
            Outlet("two", "Outlet Two Made Here", aliases=("example.org",)),
        ]
    )


def test_an_address_key_keeps_its_path() -> None:
    assert lookup_key("https://www.Example.com/A/b/c/d?x=1") == "example.com/a/b/c"
    registry = made_here_registry()
    assert registry.resolve("https://example.com/section/page.html") == registry.get("one")
    assert registry.resolve("example.com/other") is None
    assert registry.resolve("news.example.org/page") == registry.get("two")


def test_an_ampersand_is_read_as_and() -> None:
    assert normalise("Made & Here") == "made and here"
    assert normalise("A&B") == "a and b"


def test_an_address_is_not_indexed_by_its_folded_form() -> None:
    registry = made_here_registry()
    # Folded as a name would be, the address gives the key of this text.
    assert transliteration_key("Https Example Com Section") == transliteration_key(
        "https://example.com/section"
    )
    assert registry.resolve("Https Example Com Section") is None


def test_a_possessive_ending_names_its_owner() -> None:
    registry = made_here_registry()
    assert registry.resolve("Outlet One Made Here’s") == registry.get("one")
    assert registry.resolve("Outlet Two Made Here's") == registry.get("two")


# --- registry_schema ----------------------------------------------------------------

ENTRY = "- {id: one, name: Outlet One Made Here, type: web site"
"""The start of a valid entry (made here): ``ENTRY + "}"`` is one."""


def problems(text: str) -> list[str]:
    with pytest.raises(RegistryError) as caught:
        parse_registry("f.yml", text, lookup_key)
    return [str(problem) for problem in caught.value.problems]


def refusal(text: str) -> DataFileError:
    with pytest.raises(DataFileError) as caught:
        parse_registry("f.yml", text, lookup_key)
    assert not isinstance(caught.value, RegistryError)
    return caught.value


def test_a_yaml_error_with_its_context_and_line() -> None:
    error = refusal("- {a: 1\n")
    assert (error.file, error.line) == ("f.yml", 2)
    assert error.message == (
        "not valid YAML: while parsing a flow mapping did not find expected ',' or '}'"
    )


def test_a_yaml_error_without_a_line() -> None:
    error = refusal("- a\x07\n")
    assert (error.file, error.line) == ("f.yml", None)
    assert error.message.startswith("not valid YAML: unacceptable character #x0007")


def test_a_file_that_is_not_a_list_names_its_line() -> None:
    error = refusal("# made here\noutlets: []\n")
    assert (error.file, error.line, error.message) == ("f.yml", 2, "expected a list of outlets")
    assert str(error) == "f.yml:2: expected a list of outlets"


def test_a_registry_error_counts_its_problems() -> None:
    with pytest.raises(RegistryError) as caught:
        parse_registry("f.yml", "- null\n- 7\n", lookup_key)
    assert caught.value.message == "2 problem(s)"
    assert caught.value.line == 1
    assert [str(p) for p in caught.value.problems] == [
        "f.yml:1: entry: expected a mapping, not nothing",
        "f.yml:2: entry: expected a mapping, not an int",
    ]


def test_a_problem_without_a_line_names_the_file_alone() -> None:
    assert str(Problem("f.yml", None, None, None, "made here")) == "f.yml: entry: made here"
    assert str(Problem("f.yml", 3, "x", "name", "made here")) == (
        "f.yml:3: outlet 'x', field 'name': made here"
    )


def test_an_id_that_is_not_text_does_not_name_the_entry() -> None:
    assert problems("- {id: 42, name: X, type: web site}\n") == [
        "f.yml:1: entry, field 'id': 42 is not a slug of lower-case letters, digits and hyphens"
    ]


@pytest.mark.parametrize(
    ("entry", "field"),
    [
        pytest.param("- {id: one, name: '', type: web site}", "name", id="empty-name"),
        pytest.param("- {id: '', name: X, type: web site}", "id", id="empty-id"),
        pytest.param("- {id: one, name: X, type: ''}", "type", id="empty-type"),
    ],
)
def test_an_empty_required_field_is_missing_and_nothing_else(entry: str, field: str) -> None:
    [problem] = problems(entry + "\n")
    assert problem.endswith(f"field '{field}': required")


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        pytest.param(
            "affiliation: private",
            "field 'affiliation': expected a list of {label, source, from, until}",
            id="affiliation-not-a-list",
        ),
        pytest.param(
            "affiliation: [private]",
            "field 'affiliation': item 1: expected a mapping, not a str",
            id="affiliation-item-not-a-mapping",
        ),
        pytest.param(
            "affiliation: [{label: private, source: 'https://example.com/', from: '2001'}]",
            "field 'affiliation': item 1: from and until are years",
            id="affiliation-year-as-text",
        ),
        pytest.param(
            "aliases: made here",
            "field 'aliases': expected a list of non-empty strings",
            id="aliases-not-a-list",
        ),
        pytest.param(
            "country: XY",
            "field 'country': 'XY' is not an ISO 3166-1 alpha-2 code",
            id="country-without-a-hint",
        ),
        pytest.param("name: 42", "field 'name': expected a string, not an int", id="name-int"),
        pytest.param(
            "native_name: 42",
            "field 'native_name': expected a name, not an int",
            id="native-name-int",
        ),
        pytest.param("url: 42", "field 'url': 42 is not an http(s) address", id="url-int"),
        pytest.param(
            "url: 'http://[example'",
            "field 'url': 'http://[example' is not an http(s) address",
            id="url-unclosed-bracket",
        ),
    ],
)
def test_each_message_in_full(fields: str, message: str) -> None:
    entry = ENTRY if not fields.startswith("name:") else "- {id: one, type: web site"
    assert problems(f"{entry}, {fields}}}\n") == [f"f.yml:1: outlet 'one', {message}"]


def test_an_affiliation_keeps_its_years() -> None:
    text = (
        f"{ENTRY}, affiliation: [{{label: private, source: 'https://example.com/a', "
        "from: 2001, until: 2001}, {label: state-owned, source: 'https://example.com/b', "
        "until: 2014}]}\n"
    )
    [outlet] = parse_registry("f.yml", text, lookup_key)
    assert outlet.affiliations == (
        Affiliation("private", "https://example.com/a", 2001, 2001),
        Affiliation("state-owned", "https://example.com/b", None, 2014),
    )


# --- dates: the year of a date written without one ----------------------------


def test_a_month_without_a_day_is_read_as_its_first_day() -> None:
    context = DateContext(published=dt.date(2011, 6, 1))
    assert context.resolve_year(6, None) == 2011
    assert context.resolve_year(6, 2) == 2010


def test_a_year_is_uncertain_after_the_span_start_and_up_to_its_end() -> None:
    context = DateContext(year=2011, span=(dt.date(2011, 10, 6), dt.date(2011, 12, 1)))
    assert context.year_uncertain(10, 9)
    assert not context.year_uncertain(10, 6)
    assert context.year_uncertain(12, 1)
    assert not context.year_uncertain(12, 2)
    from_first = DateContext(year=2011, span=(dt.date(2011, 10, 1), dt.date(2011, 12, 1)))
    assert not from_first.year_uncertain(10, None)
    assert from_first.year_uncertain(10, 2)


# --- outlets: the source part ------------------------------------------------------
# Names such as "Harbour Herald" or "Anna Example" are made here and name nothing.


def source(*items: str) -> SourcePart | NotASource:
    return read_source(items, CachedResolver(small_registry()))


def test_what_looks_like_an_outlet() -> None:
    registry = CachedResolver(small_registry())
    assert not looks_like_outlet("", registry)
    assert not looks_like_outlet("Victory Day.", registry)
    assert not looks_like_outlet("May.", registry)
    assert looks_like_outlet("Da", registry)  # a connector word, but the whole name
    assert looks_like_outlet("Made Here Outlet Of The Test For Words", registry)  # eight words
    assert not looks_like_outlet("Made Here Outlet Of The Test For More Words", registry)
    assert is_place("Moscow.")


def test_a_name_with_an_outlet_word_before_a_known_outlet_is_not_its_author() -> None:
    assert source("Harbour Herald", "Kommersant") == SourcePart(("Harbour Herald", "Kommersant"))
    both = SourcePart(("Anna Example", "Harbour Herald"))
    assert source("Anna Example", "Harbour Herald") == both
    assert source("Anna Example", "Kommersant", "Harbour Herald") == SourcePart(
        ("Kommersant", "Harbour Herald"), note="Anna Example"
    )


def test_words_around_outlets_that_are_not_a_leading_gloss_are_unclear() -> None:
    unclear = NotASource(AMBIGUOUS, Reason.UNCLEAR_SOURCE)
    assert source("Kommersant", "which was made here") == unclear
    assert source("which was made here", "Harbour Herald") == unclear
    assert source("made here words", "www.example.org") == SourcePart(
        ("www.example.org",), note="made here words"
    )


def test_why_a_source_part_names_no_outlet() -> None:
    assert source("made here", "interview") == NotASource(AMBIGUOUS, Reason.INTERVIEW)
    assert source("xYz was said here") == NotASource(TEXT, Reason.CLAUSE)
    assert source("in the spring here") == NotASource(TEXT, Reason.BARE_DATE)
    assert source("in the spring made here") == NotASource(TEXT, Reason.CLAUSE)
    assert source("Victory Day") == NotASource(TEXT, Reason.EVENT)
    assert source("and Harbour Herald") == NotASource(TEXT, Reason.CLAUSE)


def test_notes_of_a_source_part() -> None:
    assert source("Kommersant [Made Here]", "in Russian") == SourcePart(
        ("Kommersant",), note="Made Here; in Russian"
    )
    assert source("Kommersant (Made Here)") == SourcePart(("Kommersant",), note="Made Here")
    assert source("RIA Novosti Ukraine") == SourcePart(("RIA Novosti Ukraine",))


def test_a_gloss_before_a_dash() -> None:
    gloss = SourcePart(("Kommersant",), note="cutting gas made here")
    assert source("cutting gas made here—see Kommersant") == gloss
    assert source("cutting gas made here—Kommersant") == gloss
    assert source("Made Here—see Kommersant") == SourcePart(("Kommersant",), note="Made Here")
    assert source("xYz made here—Kommersant") == SourcePart(("Kommersant",), note="xYz made here")
    assert source("Made Here—Kommersant") == SourcePart(("Made Here—Kommersant",))
    assert source("—see Kommersant") == NotASource(AMBIGUOUS, Reason.UNCLEAR_SOURCE)


def test_what_precedes_the_last_prefix_is_a_gloss() -> None:
    assert source("made here", "see Kommersant") == SourcePart(("Kommersant",), note="made here")
    assert source("made here", "more made here", "see Kommersant") == SourcePart(
        ("Kommersant",), note="made here, more made here"
    )
    assert source("made here", "see Kommersant", "in Russian") == SourcePart(
        ("Kommersant",), note="made here; in Russian"
    )


@pytest.mark.parametrize(
    ("text", "closed"),
    [
        pytest.param("", True, id="empty"),
        pytest.param("“A” and «B»", True, id="paired"),
        pytest.param("“A", False, id="open-curly"),
        pytest.param("“X", False, id="open-curly-x"),
        pytest.param("Made X", True, id="x"),
        pytest.param('"A" B', True, id="straight-paired"),
        pytest.param('"A', False, id="straight-open"),
        pytest.param("“A” “B", False, id="second-open"),
    ],
)
def test_quotes_closed(text: str, closed: bool) -> None:
    assert _quotes_closed(text) is closed


def test_each_outlet_joined_by_and_after_a_prefix_is_read_as_introduced() -> None:
    assert source("as reported in Kommersant on") == SourcePart(("Kommersant",))
    assert source("as reported in Kommersant and Vedomosti on") == SourcePart(
        ("Kommersant", "Vedomosti")
    )


def test_a_known_place_joined_by_and_is_cut_off_as_a_note() -> None:
    assert source("Institute for Made Here and Moscow") == SourcePart(
        ("Institute for Made Here",), note="Moscow"
    )


def test_a_titled_self_reference_keeps_its_title() -> None:
    home = CachedResolver(small_registry(), HOME)
    written = "“A Title Made Here” in this publication"
    assert read_source([written], home) == SourcePart((HOME,), "A Title Made Here", written)


# --- dates: the tokens of one item, and their years --------------------------------


def token(text: str, month: int | None, day: int | None, year: int | None) -> DateToken:
    return DateToken(text, month, day, year)


@pytest.mark.parametrize(
    ("item", "tokens"),
    [
        pytest.param("May 3rd", [token("May 3rd", 5, 3, None)], id="ordinal"),
        pytest.param(
            "March 31–April 1, 2012",
            [
                token("March 31–April 1, 2012", 3, 31, 2012),
                token("March 31–April 1, 2012", 4, 1, 2012),
            ],
            id="across-months",
        ),
        pytest.param(
            "May 2–4, 2012",
            [token("May 2–4, 2012", 5, 2, 2012), token("May 2–4, 2012", 5, 4, 2012)],
            id="day-range",
        ),
        pytest.param("May 3, 2012", [token("May 3, 2012", 5, 3, 2012)], id="month-day-year"),
        pytest.param("3 May 2012", [token("3 May 2012", 5, 3, 2012)], id="day-month"),
        pytest.param("March 2012", [token("March 2012", 3, None, 2012)], id="month-year"),
    ],
)
def test_the_tokens_of_a_date_item(item: str, tokens: list[DateToken]) -> None:
    assert date_tokens(item) == tokens
    accessed = [DateToken(t.text, t.month, t.day, t.year, accessed=True) for t in tokens]
    assert date_tokens(f"accessed {item}") == accessed


def test_a_bare_day_or_year_accessed() -> None:
    assert date_tokens("accessed 4") == [DateToken("4", None, 4, None, accessed=True)]
    assert date_tokens("accessed 2012") == [DateToken("2012", None, None, 2012, accessed=True)]


def test_resolved_years_and_impossible_dates() -> None:
    year_only = DateContext(year=2011)
    (alone,) = resolve(date_tokens("4") or [], year_only).dates
    assert alone == CitedDate("4", None, None, 4, year_inferred=True)
    (month,) = resolve(date_tokens("March 2012") or [], year_only).dates
    assert month == CitedDate("March 2012", 2012, 3, None)
    tokens = [
        *(date_tokens("May 2") or []),
        *(date_tokens("4") or []),
        *(date_tokens("2012") or []),
    ]
    assert resolve(tokens, year_only).dates == (
        CitedDate("May 2", 2012, 5, 2),
        CitedDate("4", 2012, 5, 4),
    )
    both = [*(date_tokens("May 31") or []), *(date_tokens("February 30") or [])]
    assert resolve(both, year_only).impossible == ("February 30",)
    span = DateContext(year=2011, span=(dt.date(2011, 10, 6), dt.date(2011, 12, 1)))
    (uncertain,) = resolve(date_tokens("October 9") or [], span).dates
    assert uncertain == CitedDate("October 9", 2011, 10, 9, year_inferred=True, year_uncertain=True)


def test_the_items_after_a_title_are_read() -> None:
    assert source("“A Title Made Here”", "Kommersant", "in Russian") == SourcePart(
        ("Kommersant",), "A Title Made Here", "in Russian"
    )


def test_a_year_written_later_in_the_list_is_not_inferred() -> None:
    tokens = [*(date_tokens("May 2") or []), *(date_tokens("May 4, 2012") or [])]
    assert resolve(tokens, DateContext(year=2011)) == ResolvedDates(
        (CitedDate("May 2", 2012, 5, 2), CitedDate("May 4, 2012", 2012, 5, 4)), ()
    )
    month_or_day = [*(date_tokens("March 2012") or []), *(date_tokens("4") or [])]
    assert resolve(month_or_day, DateContext()).impossible == ()


def test_more_outlet_names_read_whole() -> None:
    assert source("as reported in Arguments and Facts on") == SourcePart(("Arguments and Facts",))
    assert source("Kommersant Reported") == SourcePart(("Kommersant Reported",))
    assert source("made-here gas – cut—see Kommersant") == SourcePart(
        ("Kommersant",), note="made-here gas – cut"
    )


def test_one_outlet_by_many_names_joined_by_and_is_that_outlet() -> None:
    # Made here, from the packaged registry's own names. Four "and"s: every
    # way of cutting them is tried, and only cutting the outer two reads it.
    registry = load_registry()
    csis = "Center for Strategic and International Studies"
    four = registry.resolve(f"{csis} and CSIS and {csis}")
    assert four is not None and four.id == "csis"
    # Past four, only the reading that cuts at every "and" is tried.
    names = "RFE/RL and Radio Free Europe and Radio Liberty and RFE/RL and Radio Liberty"
    five = registry.resolve(f"{names} and Radio Free Europe")
    assert five is not None and five.id == "rferl"
    assert registry.resolve(f"{csis} and CSIS and {csis} and CSIS") is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "(Kommersant, May 3; Vedomosti, same day, in Russian)",
            [("kommersant", None, ["2011-05-03"]), ("vedomosti", "same day, in Russian", [])],
            id="undated-outlet-with-words",
        ),
        pytest.param(
            "(Kommersant, May 3; Vedomosti)",
            [("kommersant", None, ["2011-05-03"]), ("vedomosti", None, [])],
            id="undated-outlet-alone",
        ),
        pytest.param(
            "(Kommersant, May 3, citing Interfax, in Russian)",
            [("kommersant", "citing Interfax, in Russian", ["2011-05-03"])],
            id="words-after-a-dated-source",
        ),
    ],
)
def test_words_beside_a_source_are_its_note_word_for_word(
    text: str, expected: list[tuple[str, str | None, list[str]]]
) -> None:
    # Made here. The notes are compared whole: two items, joined as written.
    extraction = extract(f"It was said {text}.", 1, CONTEXT, load_registry())
    assert extraction.problems == ()
    assert [
        (c.outlet.id if c.outlet else None, c.note, [d.iso for d in c.dates])
        for p in extraction.parentheticals
        for c in p.citations
    ] == expected
