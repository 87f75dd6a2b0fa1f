"""``briefing import``; linked sources keep their address; a lost outlet is reported.

The sentences are the seed's own (seeds/edm-2011-8-212-…); the addresses
``https://www.irna.ir/made-here/1`` and the like are made here for the tests.
"""

from __future__ import annotations

import datetime as dt
import html
import io
from pathlib import Path

import pytest
import yaml

from briefing.build.importing import Outcome, import_articles
from briefing.citations import DateContext, extract
from briefing.citations.reasons import Reason
from briefing.citations.registry import load_registry
from briefing.cli import main
from briefing.input.importer import read_sources
from briefing.input.parse import parse_article
from briefing.input.publications import load_publications
from briefing.input.sidecar import Sidecar, load_sidecar
from briefing.model import ParentheticalKind
from briefing.references.bibtex import reference_entry
from briefing.references.collect import collect_references
from briefing.references.csl import reference_item
from briefing.render.annotate import footnote_text
from tests.conftest import ROOT

REGISTRY = load_registry()
CONTEXT = DateContext(year=2011)
SENTENCE = "the relations are those of friends based on neighborhood"
IRNA_PAGE = "https://www.irna.ir/made-here/1"  # made here


def test_a_linked_outlet_keeps_its_name_and_address() -> None:
    found = extract(f"{SENTENCE} (IRNA, September 24, {IRNA_PAGE}).", 1, CONTEXT, REGISTRY)
    (citation,) = found.parentheticals[0].citations
    assert (citation.outlet_text, citation.url) == ("IRNA", IRNA_PAGE)
    assert citation.outlet is not None and citation.outlet.id == "irna"
    assert [d.iso for d in citation.dates] == ["2011-09-24"]


def test_a_lost_outlet_is_reported_and_never_cited() -> None:
    found = extract(f"{SENTENCE} (, September 24).", 1, CONTEXT, REGISTRY)
    (parenthetical,) = found.parentheticals
    assert parenthetical.kind is ParentheticalKind.TEXT
    assert parenthetical.reason == Reason.LOST_SOURCE
    assert parenthetical.citations == ()
    (problem,) = found.problems
    assert problem.message.startswith("lost source: ', September 24'")


def test_a_lost_outlet_beside_a_named_one_is_not_given_its_date() -> None:
    text = f"{SENTENCE} (FARS News, October 16; , October 9)."
    found = extract(text, 1, CONTEXT, REGISTRY)
    (citation,) = found.parentheticals[0].citations
    assert citation.outlet_text == "FARS News"
    assert [d.iso for d in citation.dates] == ["2011-10-16"]
    assert [p.message.split(" in ")[0] for p in found.problems] == ["lost source: ', October 9'"]


def test_the_build_warns_of_a_lost_source() -> None:
    text = f"A New Rapprochement Between Moscow and Tehran\n\n{SENTENCE} (, September 24).\n"
    article = parse_article(text, "x.txt", Sidecar(), REGISTRY, load_publications())
    assert article.citations == ()
    assert any("lost source" in w.message for w in article.warnings)


def test_the_cited_page_address_reaches_bibtex_and_csl() -> None:
    text = (
        "A New Rapprochement Between Moscow and Tehran\n\n"
        "Publication: Eurasia Daily Monitor Volume: 8 Issue: 212\n\n"
        f"{SENTENCE} (IRNA, September 24, {IRNA_PAGE}). Also (FARS News, October 16).\n"
    )
    article = parse_article(text, "x.txt", Sidecar(), REGISTRY, load_publications())
    linked, plain = sorted(collect_references((article,)), key=lambda r: r.outlet_name != "IRNA")
    assert reference_entry(linked).fields_dict["url"].value == IRNA_PAGE
    assert reference_item(linked)["URL"] == IRNA_PAGE
    # An outlet cited without an address gets no url from its home page.
    assert "url" not in reference_entry(plain).fields_dict
    assert "URL" not in reference_item(plain)


# --- briefing import -------------------------------------------------------
#
# Every page and feed below is made here, in the shape of the publisher's
# WordPress article template and its RSS feed, from the seed's own title and
# paragraphs. Addresses under /made-here/ and the author and dates marked
# "fictional" are made here for the tests; the seed's page states neither.

SEED = ROOT / "seeds" / "edm-2011-8-212-moscow-tehran-rapprochement.txt"
SEED_LINES = SEED.read_text("utf-8").split("\n\n")
TITLE, PUBLICATION, CREDIT = SEED_LINES[0], SEED_LINES[1], SEED_LINES[2]
PARAGRAPHS = SEED_LINES[3:6]
ADDRESS = "https://jamestown.org/program/a-new-rapprochement-between-moscow-and-tehran/"
NAME = "a-new-rapprochement-between-moscow-and-tehran"


def _body_html() -> str:
    """The seed's first paragraphs as the page writes them: IRNA linked, FARS lost."""
    first, second, third = (html.escape(p, quote=False) for p in PARAGRAPHS)
    first = first.replace("(IRNA,", f'(<a href="{IRNA_PAGE}">IRNA</a>,')
    second = second.replace("(FARS News, October 16)", "(, October 16)")
    return "\n".join(f"<p>{p}</p>" for p in (first, second, third))


def article_page(url: str = ADDRESS, body: str | None = None) -> str:
    """An article page in the WordPress template's shape (made here)."""
    return f"""<!DOCTYPE html>
<html lang="en-US"><head><meta charset="UTF-8">
<title>{TITLE} - Jamestown</title>
<link rel="canonical" href="{url}">
<meta property="og:type" content="article">
<meta property="og:title" content="{TITLE}">
<meta property="og:url" content="{url}">
</head>
<body class="post-template-default single single-post">
<header class="site-header"><nav><ul><li><a href="/">Home</a></li>
<li><a href="/programs/">Programs</a></li></ul></nav></header>
<main id="main" class="site-main"><article class="post type-post status-publish">
<header class="entry-header"><h1 class="entry-title">{TITLE}</h1></header>
<div class="entry-content">
<p><strong>{PUBLICATION}</strong></p>
<figure class="wp-block-image"><img src="/wp-content/uploads/made-here.jpg" alt="">
<figcaption>{CREDIT}</figcaption></figure>
{_body_html() if body is None else body}
</div>
<footer class="entry-footer"><span class="tags-links">
<a href="/tag/made-here-tag/" rel="tag">made-here-tag</a></span></footer>
</article></main>
<footer class="site-footer"><p>Footer</p></footer>
</body></html>
"""


INDEX_PAGE = f"""<!DOCTYPE html>
<html><head><meta charset="UTF-8"><title>Eurasia Daily Monitor - Jamestown</title></head>
<body><main><h1>Eurasia Daily Monitor</h1><ul>
<li><a href="{ADDRESS}">{TITLE}</a></li>
<li><a href="https://jamestown.org/program/made-here-2/">Made-here entry two</a></li>
</ul></main></body></html>
"""  # made here: an index page, not an article


def rss_feed(*, summary_only_second: bool = True) -> str:
    """The publisher's RSS 2.0 feed in WordPress's shape (made here): the first
    entry with its whole text, the second with a summary only."""
    content = _body_html().replace("]]>", "]]]]><![CDATA[>")
    second = (
        "<description>A summary only (made here).</description>"
        if summary_only_second
        else f"<content:encoded><![CDATA[{content}]]></content:encoded>"
    )
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
     xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>Jamestown</title><link>https://jamestown.org</link>
<description>made here</description>
<item>
  <title>{TITLE}</title>
  <link>{ADDRESS}</link>
  <dc:creator><![CDATA[Fictional Author Made Here]]></dc:creator>
  <pubDate>Fri, 01 Jan 2100 12:00:00 +0000</pubDate>
  <category><![CDATA[made-here-tag]]></category>
  <description>{html.escape(PARAGRAPHS[0][:80])}</description>
  <content:encoded><![CDATA[<p>{PUBLICATION}</p>
<p>{CREDIT}</p>
{content}]]></content:encoded>
</item>
<item>
  <title>Made-here entry two</title>
  <link>https://jamestown.org/program/made-here-2/</link>
  {second}
</item>
</channel></rss>
"""


ATOM_FEED = f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
<title>made here</title><id>urn:made-here:feed</id><updated>2100-01-01T00:00:00Z</updated>
<entry>
  <title>{TITLE}</title><id>urn:made-here:1</id>
  <link href="{ADDRESS}"/>
  <updated>2100-01-01T00:00:00Z</updated>
  <content type="html">{html.escape(f"<p>{PUBLICATION}</p>" + _body_html())}</content>
</entry>
</feed>
"""  # made here; the dates are fictional


def run_import(root: Path, *paths: str | Path) -> list[Outcome]:
    return list(import_articles(read_sources([str(p) for p in paths], io.BytesIO()), root))


def seed_of(seeds: Path) -> tuple[str, dict[str, object]]:
    text = (seeds / f"{NAME}.txt").read_text("utf-8")
    sidecar = yaml.safe_load((seeds / f"{NAME}.yml").read_text("utf-8"))
    return text, sidecar


def write(path: Path, text: str | bytes) -> Path:
    path.write_bytes(text.encode("utf-8") if isinstance(text, str) else text)
    return path


def test_a_page_becomes_a_seed_in_the_seed_layout(tmp_path: Path) -> None:
    page = write(tmp_path / "saved.html", article_page())
    seeds = tmp_path / "seeds"
    (outcome,) = run_import(seeds, page)
    assert (outcome.result, outcome.seed) == ("imported", f"seeds/{NAME}.txt")
    text, sidecar = seed_of(seeds)
    blocks = text.rstrip("\n").split("\n\n")
    assert blocks[:3] == [TITLE, PUBLICATION, CREDIT]
    assert blocks[3] == PARAGRAPHS[0].replace(
        "(IRNA, September 24)", f"(IRNA, September 24, {IRNA_PAGE})"
    )
    assert blocks[4] == PARAGRAPHS[1].replace("(FARS News, October 16)", "(, October 16)")
    assert blocks[5] == PARAGRAPHS[2]
    # Only what the page states: no author and no date.
    assert sidecar == {"url": ADDRESS, "tags": ["made-here-tag"]}


def test_the_imported_seed_cites_the_linked_outlet_and_warns_of_the_lost_one(
    tmp_path: Path,
) -> None:
    run_import(tmp_path, write(tmp_path / "saved.html", article_page()))
    seed = tmp_path / f"{NAME}.txt"
    sidecar = load_sidecar(seed.with_suffix(".yml"), "x.yml")
    article = parse_article(
        seed.read_text("utf-8"), seed.name, sidecar, REGISTRY, load_publications()
    )
    assert (article.volume, article.issue, article.image_credit) == (8, 212, "novinite.com")
    irna = next(c for c in article.citations if c.outlet_text == "IRNA")
    assert irna.url == IRNA_PAGE
    assert "FARS News" not in {c.outlet_text for c in article.citations[:3]}
    assert [w.line for w in article.warnings if "lost source" in w.message] == [9]


def test_importing_again_changes_nothing(tmp_path: Path) -> None:
    page = write(tmp_path / "saved.html", article_page())
    seeds = tmp_path / "seeds"
    run_import(seeds, page)
    files = sorted(seeds.iterdir())
    before = [(f.read_bytes(), f.stat().st_mtime_ns) for f in files]
    (outcome,) = run_import(seeds, page)
    assert outcome.result == "unchanged"
    assert sorted(seeds.iterdir()) == files
    assert [(f.read_bytes(), f.stat().st_mtime_ns) for f in files] == before


def test_changed_text_updates_its_seed_and_says_so(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    run_import(seeds, write(tmp_path / "a.html", article_page()))
    shorter = _body_html().rsplit("<p>", 1)[0]
    (outcome,) = run_import(seeds, write(tmp_path / "a.html", article_page(body=shorter)))
    assert (outcome.result, outcome.detail) == ("updated", "text")
    assert PARAGRAPHS[2] not in seed_of(seeds)[0]


def test_two_pages_of_one_article_make_one_seed(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    first = write(tmp_path / "a.html", article_page())
    second = write(tmp_path / "b.html", article_page(url=ADDRESS.rstrip("/")))
    outcomes = run_import(seeds, first, second)
    assert [o.result for o in outcomes] == ["imported", "unchanged"]
    assert sorted(p.name for p in seeds.iterdir()) == [f"{NAME}.txt", f"{NAME}.yml"]


def test_a_seed_already_giving_the_address_is_the_one_updated(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    write(seeds / "hand-named.txt", f"{TITLE}\n\n{PARAGRAPHS[0]}\n")
    write(seeds / "hand-named.yml", f"url: {ADDRESS}\nsummary: Kept (made here).\n")
    (outcome,) = run_import(seeds, write(tmp_path / "a.html", article_page()))
    assert (outcome.result, outcome.seed) == ("updated", "seeds/hand-named.txt")
    assert outcome.detail == "text, tags"
    assert sorted(p.name for p in seeds.iterdir()) == ["hand-named.txt", "hand-named.yml"]
    sidecar = yaml.safe_load((seeds / "hand-named.yml").read_text("utf-8"))
    assert sidecar["summary"] == "Kept (made here)."


def test_a_feed_with_whole_articles_and_one_with_summaries(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    feed = write(tmp_path / "feed.xml", rss_feed())
    imported, summary = run_import(seeds, feed)
    assert imported.result == "imported"
    assert summary.result == "skipped"
    assert summary.origin == f"{feed}: entry 2 'Made-here entry two'"
    assert summary.detail.startswith("only a summary")
    text, sidecar = seed_of(seeds)
    assert text.split("\n\n")[:3] == [TITLE, PUBLICATION, CREDIT]
    assert f"(IRNA, September 24, {IRNA_PAGE})" in text
    assert sidecar == {
        "author": "Fictional Author Made Here",
        "date": dt.date(2100, 1, 1),
        "url": ADDRESS,
        "tags": ["made-here-tag"],
    }
    assert sorted(p.name for p in seeds.iterdir()) == [f"{NAME}.txt", f"{NAME}.yml"]


def test_an_atom_feed_with_whole_articles(tmp_path: Path) -> None:
    (outcome,) = run_import(tmp_path, write(tmp_path / "atom.xml", ATOM_FEED))
    assert outcome.result == "imported"
    text, sidecar = seed_of(tmp_path)
    assert f"(IRNA, September 24, {IRNA_PAGE})" in text
    assert sidecar == {"url": ADDRESS}


def test_what_is_not_an_article_is_skipped_and_the_rest_imported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "saved"
    folder.mkdir()
    write(folder / "index.html", INDEX_PAGE)
    write(folder / "notes.txt", "Plain notes, neither a page nor a feed (made here).\n")
    write(folder / "latin.html", "<p>caf\xe9</p>".encode("latin-1"))
    write(folder / "page.html", article_page())
    (folder / "page_files").mkdir()
    write(folder / "page_files" / "frame.html", INDEX_PAGE)  # a saved page's parts: ignored
    code = main(["import", "--root", str(tmp_path), str(folder)])
    out, err = capsys.readouterr()
    assert code == 1
    skipped = [line for line in err.splitlines() if line.startswith("skipped: ")]
    assert [line.split(": ")[1] for line in skipped] == [
        str(folder / "index.html"),
        str(folder / "latin.html"),
        str(folder / "notes.txt"),
    ]
    assert "no article text" in skipped[0] or "index page" in skipped[0]
    assert "encoding" in skipped[1]
    assert "not an HTML page or an RSS/Atom feed" in skipped[2]
    assert sorted(p.name for p in (tmp_path / "seeds").iterdir()) == [
        f"{NAME}.txt",
        f"{NAME}.yml",
    ]
    table = [line.split() for line in out.splitlines() if line[:1].isalpha()][-4:]
    assert table == [["imported", "1"], ["updated", "0"], ["unchanged", "0"], ["skipped", "3"]]


def test_standard_input_is_read(tmp_path: Path) -> None:
    stdin = io.BytesIO(article_page().encode("utf-8"))
    (outcome,) = import_articles(read_sources(["-"], stdin), tmp_path)
    assert (outcome.origin, outcome.result) == ("standard input", "imported")


def test_a_link_without_text_keeps_its_address_as_the_source(tmp_path: Path) -> None:
    body = _body_html().replace(f'<a href="{IRNA_PAGE}">IRNA</a>', f'<a href="{IRNA_PAGE}"></a>')
    run_import(tmp_path, write(tmp_path / "a.html", article_page(body=body)))
    assert f"({IRNA_PAGE}, September 24)" in seed_of(tmp_path)[0]


def test_an_address_with_parentheses_or_commas_stays_in_its_citation(tmp_path: Path) -> None:
    odd = "https://www.irna.ir/made-here/(1),2;3"
    body = _body_html().replace(IRNA_PAGE, odd)
    run_import(tmp_path, write(tmp_path / "a.html", article_page(body=body)))
    encoded = "https://www.irna.ir/made-here/%281%29%2C2%3B3"
    assert f"(IRNA, September 24, {encoded})" in seed_of(tmp_path)[0]
    found = extract(f"{SENTENCE} (IRNA, September 24, {encoded}).", 1, CONTEXT, REGISTRY)
    assert [c.url for c in found.parentheticals[0].citations] == [encoded]


def test_the_footnote_shows_the_cited_page() -> None:
    found = extract(f"{SENTENCE} (IRNA, September 24, {IRNA_PAGE}).", 1, CONTEXT, REGISTRY)
    (citation,) = found.parentheticals[0].citations
    text = footnote_text(citation, ("irna-2011-09-24",), lambda key: f"b.md#{key}")
    assert text == (
        f"[IRNA, September 24, 2011](b.md#irna-2011-09-24), [{IRNA_PAGE}](<{IRNA_PAGE}>)."
    )


def test_author_date_and_headings_the_page_states(tmp_path: Path) -> None:
    stated = (
        '<meta name="author" content="Fictional Author Made Here">\n'
        '<meta property="article:published_time" content="2100-01-01T10:00:00+00:00">\n'
    )  # fictional values, made here
    body = _body_html().replace("<p>", "<h2>Made-here heading</h2>\n<p>", 2)
    body = body.replace("<h2>Made-here heading</h2>\n", "", 1)
    page = article_page(body=body).replace("</head>", stated + "</head>")
    run_import(tmp_path, write(tmp_path / "a.html", page))
    text, sidecar = seed_of(tmp_path)
    assert "Made-here heading" not in text
    assert sidecar == {
        "author": "Fictional Author Made Here",
        "date": dt.date(2100, 1, 1),
        "url": ADDRESS,
        "tags": ["made-here-tag"],
        "sections": [{"heading": "Made-here heading", "paragraph": 2}],
    }
    assert load_sidecar(tmp_path / f"{NAME}.yml", "x.yml").sections[0].paragraph == 2


def test_a_page_in_the_charset_it_declares(tmp_path: Path) -> None:
    page = article_page().replace('<meta charset="UTF-8">', '<meta charset="windows-1252">')
    run_import(tmp_path, write(tmp_path / "a.html", page.encode("cp1252")))
    assert PARAGRAPHS[2] in seed_of(tmp_path)[0]  # its curly quotes read right


def test_a_feed_imported_again_changes_nothing(tmp_path: Path) -> None:
    feed = write(tmp_path / "feed.xml", rss_feed())
    run_import(tmp_path / "seeds", feed)
    assert [o.result for o in run_import(tmp_path / "seeds", feed)] == ["unchanged", "skipped"]


def test_a_publication_line_set_apart_from_the_body(tmp_path: Path) -> None:
    page = article_page().replace(f"<p><strong>{PUBLICATION}</strong></p>", "")
    page = page.replace(
        '<header class="entry-header">',
        f'<div class="program-meta"><span>{PUBLICATION}</span></div>\n'
        '<header class="entry-header">',
    )  # made here: the line in a block of its own, before the title
    run_import(tmp_path, write(tmp_path / "a.html", page))
    assert seed_of(tmp_path)[0].split("\n\n")[:3] == [TITLE, PUBLICATION, CREDIT]


def test_an_existing_brief_keeps_its_url_name(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    other = "https://jamestown.org/program/made-here-other-name/"
    write(seeds / "hand-named.txt", f"{TITLE}\n\n{PARAGRAPHS[0]}\n")
    write(seeds / "hand-named.yml", f"url: {other}\n")
    (outcome,) = run_import(seeds, write(tmp_path / "a.html", article_page(url=other)))
    assert outcome.result == "updated"
    sidecar = yaml.safe_load((seeds / "hand-named.yml").read_text("utf-8"))
    assert "slug" not in sidecar
    # A new seed named after an address unlike its title says so.
    (new,) = run_import(tmp_path / "new", write(tmp_path / "b.html", article_page(url=other)))
    assert new.seed == "new/made-here-other-name.txt"
    named = yaml.safe_load((tmp_path / "new" / "made-here-other-name.yml").read_text("utf-8"))
    assert named["slug"] == "made-here-other-name"


def test_a_repeat_import_reads_only_the_pages_that_changed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from briefing.input.importer import sources

    folder = tmp_path / "saved"
    folder.mkdir()
    write(folder / "one.html", article_page())
    write(folder / "two.html", article_page(IRNA_PAGE + "/two"))  # made here
    assert main(["import", "--root", str(tmp_path), str(folder)]) == 0
    read: list[str] = []
    extract_page = sources.read_page

    def counted(text: str, origin: str) -> object:
        read.append(Path(origin).name)
        return extract_page(text, origin)

    monkeypatch.setattr(sources, "read_page", counted)
    capsys.readouterr()
    assert main(["import", "--root", str(tmp_path), str(folder)]) == 0
    assert read == [] and "unchanged     2" in capsys.readouterr().out  # nothing read again
    # A seed edited by hand since: its page is read again, and the import says what it restores.
    seed = next((tmp_path / "seeds").glob("a-new-*.txt"))
    seed.write_text(seed.read_text("utf-8") + "\nA paragraph added by hand.\n", "utf-8")
    assert main(["import", "--root", str(tmp_path), str(folder)]) == 0
    assert read == ["one.html"] and "updated: seeds/" in capsys.readouterr().out
    # A page saved again with another text: read again, its seed updated.
    changed = _body_html().replace("neighborhood", "vicinity")
    write(folder / "two.html", article_page(IRNA_PAGE + "/two", body=changed))
    assert main(["import", "--root", str(tmp_path), str(folder)]) == 0
    assert read == ["one.html", "two.html"]
    assert "updated: seeds/" in capsys.readouterr().out


def test_the_canonical_link_is_the_address_before_og_url(tmp_path: Path) -> None:
    # Made here: a syndicated copy whose og:url is its own and whose canonical link is not.
    page = article_page().replace(
        f'<meta property="og:url" content="{ADDRESS}">',
        '<meta property="og:url" content="https://copy.example.net/made-here/">',
    )
    assert "copy.example.net" in page
    write(tmp_path / "page.html", page)
    (outcome,) = run_import(tmp_path / "seeds", tmp_path / "page.html")
    assert outcome.result == "imported"
    assert seed_of(tmp_path / "seeds")[1]["url"] == ADDRESS


@pytest.mark.parametrize(
    ("keywords", "tags"),
    [
        ("Berlin,colonialism, German Reich", ["Berlin", "colonialism", "German Reich"]),
        ("Science &amp; Health,Coal,Coal", ["Science & Health", "Coal"]),
    ],
)
def test_a_keywords_list_in_one_value_becomes_tags(
    tmp_path: Path, keywords: str, tags: list[str]
) -> None:
    # Made here: the keywords as some templates write them, one comma-separated value.
    head = f'<meta name="keywords" content="{keywords}">\n</head>'
    write(tmp_path / "page.html", article_page().replace("</head>", head, 1))
    run_import(tmp_path / "seeds", tmp_path / "page.html")
    assert seed_of(tmp_path / "seeds")[1].get("tags") == tags


def test_the_canonical_link_is_found_among_other_links_whatever_its_case(
    tmp_path: Path,
) -> None:
    # Made here: a stylesheet's link first, the canonical one in capitals and over http.
    plain = "http://www.jamestown.org/program/a-new-rapprochement-between-moscow-and-tehran/"
    page = article_page().replace(
        f'<link rel="canonical" href="{ADDRESS}">',
        f'<link rel="stylesheet" href="https://cdn.example.net/made-here.css">\n'
        f'<link rel="Canonical" href="{plain}">',
    )
    write(tmp_path / "page.html", page)
    run_import(tmp_path / "seeds", tmp_path / "page.html")
    assert seed_of(tmp_path / "seeds")[1]["url"] == plain
