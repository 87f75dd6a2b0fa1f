"""Tests that kill mutants `make mutate` found alive (docs-dev/MUTATION.md): escape."""

from __future__ import annotations

import json

import pytest

from briefing.escape import (
    MD_CACHED_LENGTH,
    _md_short,
    attr,
    fenced,
    front_matter,
    md,
    safe_url,
    script_json,
    url_link,
    xml_chars,
)

# Every text here is made here.


@pytest.fixture(autouse=True)
def fresh_md_cache() -> None:
    # md() remembers short texts process-wide: each test must see the escaping done now.
    _md_short.cache_clear()


@pytest.mark.parametrize("pad", [0, MD_CACHED_LENGTH])
def test_md_escapes_each_special_character_with_one_backslash(pad: int) -> None:
    # Both paths: short texts go through the cache, long ones do not.
    tail = "x" * pad
    assert md("a*b_c`d" + tail) == "a\\*b\\_c\\`d" + tail
    assert md("<i>&amp;</i>" + tail) == "\\<i\\>\\&amp;\\</i\\>" + tail


def test_md_joins_white_space_to_one_space_and_keeps_the_ends() -> None:
    assert md(" a \n\t b ") == " a b "


def test_md_escapes_what_would_open_a_block_only_at_the_start() -> None:
    assert md("- item - dash") == "\\- item - dash"
    assert md("  1. first") == " \\1. first"
    assert md("12) twelve") == "\\1\\2) twelve"
    assert md("2011 was") == "2011 was"


def test_md_accepts_a_number() -> None:
    assert md(7) == "7"  # type: ignore[arg-type]


def test_attr_writes_references_and_one_line() -> None:
    assert attr("a \"b\"\n<c> & 'd'") == "a &quot;b&quot; &lt;c&gt; &amp; &#x27;d&#x27;"
    assert attr("{x}\\`*_[]|") == "&#123;x&#125;&#92;&#96;&#42;&#95;&#91;&#93;&#124;"
    assert attr("  spaced   out  ") == "spaced out"


def test_safe_url_keeps_http_https_and_mailto_and_quotes_the_rest() -> None:
    assert safe_url("  https://example.org/a b?q=1#f  ") == "https://example.org/a%20b?q=1#f"
    assert safe_url("HTTP://EXAMPLE.ORG/") == "HTTP://EXAMPLE.ORG/"
    assert safe_url("mailto:someone@example.org") == "mailto:someone@example.org"
    assert safe_url("https://example.org/~a-b_c.d%20e") == "https://example.org/~a-b_c.d%20e"
    assert safe_url('https://example.org/"<>') == "https://example.org/%22%3C%3E"


@pytest.mark.parametrize("url", ["javascript:alert(1)", "ftp://example.org", "x https://a.org"])
def test_safe_url_refuses_other_schemes(url: str) -> None:
    assert safe_url(url) is None


def test_url_link_links_a_safe_address_and_shows_an_unsafe_one_as_text() -> None:
    assert (
        url_link("https://example.org/a_b")
        == "[https://example.org/a\\_b](<https://example.org/a_b>)"
    )
    assert url_link("javascript:x_y") == "javascript:x\\_y"


def test_fenced_uses_a_fence_longer_than_any_backtick_run() -> None:
    assert fenced("a\nb\n") == "```text\na\nb\n```"
    assert fenced("x ```` y") == "`````text\nx ```` y\n`````"
    assert (
        fenced("a\n\nb", indent="    ", language="yaml") == "    ```yaml\n    a\n\n    b\n    ```"
    )


def test_front_matter_is_one_escaped_quoted_line() -> None:
    assert front_matter('Ré "x" <y>') == '"R\\u00e9 &quot;x&quot; &lt;y&gt;"'
    assert front_matter("flag \U0001f1f7") == '"flag \\U0001f1f7"'
    assert front_matter("tilde ~ and del \x7f") == '"tilde ~ and del \\u007f"'


def test_script_json_cannot_close_the_script_and_parses_back() -> None:
    value = {"b": "</script><!-- & ü", "a": [1, 2]}
    text = script_json(value)
    assert text == '{"a":[1,2],"b":"\\u003c/script\\u003e\\u003c!-- \\u0026 ü"}'
    assert json.loads(text) == value


def test_xml_chars_drops_only_what_xml_forbids() -> None:
    assert (
        xml_chars("a\x00b\x08c\td\ne\rf\x0bg\x1fh\ufffei\uffffj\ud800k") == "ab" + "c\td\ne\rfghijk"
    )


@pytest.mark.parametrize("pad", [0, MD_CACHED_LENGTH])
def test_md_escapes_a_block_start_in_long_and_short_texts(pad: int) -> None:
    tail = " x" * pad
    assert md("- item" + tail) == "\\- item" + tail
    assert md(" 12. item" + tail) == " \\1\\2. item" + tail


def test_fenced_keeps_trailing_spaces_and_letters_of_the_last_line() -> None:
    assert fenced("a  \n") == "```text\na  \n```"
    assert fenced("aX\n") == "```text\naX\n```"


def test_front_matter_escapes_the_last_character_of_each_plane_whole() -> None:
    assert front_matter("\uffff") == '"\\uffff"'
    assert front_matter("\U00010000") == '"\\U00010000"'
