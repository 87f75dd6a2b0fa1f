import markdown
import pytest

from briefing.escape import attr, md, safe_url

EXTENSIONS = [
    "pymdownx.escapeall",
    "attr_list",
    "footnotes",
    "md_in_html",
    "tables",
    "abbr",
    "admonition",
]
CONFIG = {"pymdownx.escapeall": {"hardbreak": False, "nbsp": False}}


def html_of(text: str) -> str:
    return markdown.markdown("x " + md(text), extensions=EXTENSIONS, extension_configs=CONFIG)


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"),
        ("*b* _i_ `c`", "*b* _i_ `c`"),
        ("[x](javascript:alert(1))", "[x](javascript:alert(1))"),
        ("a [^1] b", "a [^1] b"),
        ("{: #id onclick=x }", "{: #id onclick=x }"),
        ("&amp; &#65;", "&amp;amp; &amp;#65;"),
        ('--8<-- "/etc/passwd"', '--8&lt;-- "/etc/passwd"'),
    ],
)
def test_markdown_escaping_shows_text_as_typed(text: str, shown: str) -> None:
    assert html_of(text) == f"<p>x {shown}</p>"


@pytest.mark.parametrize("start", ["- a", "+ a", "1. a", "# a", "> a", "!!! note", "=== a"])
def test_escaped_text_never_opens_a_block(start: str) -> None:
    out = markdown.markdown(md(start), extensions=EXTENSIONS, extension_configs=CONFIG)
    assert out.startswith("<p>") and out.endswith("</p>")


def test_attribute_escaping() -> None:
    assert attr('a "b" <c> {d}') == "a &quot;b&quot; &lt;c&gt; &#123;d&#125;"


def test_only_web_urls_are_linked() -> None:
    assert safe_url("javascript:alert(1)") is None
    assert safe_url("https://x.org/a b") == "https://x.org/a%20b"
