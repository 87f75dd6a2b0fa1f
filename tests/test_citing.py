"""Citing briefs: styles from the official CSL files, downloads that parse back, batching."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Sequence
from pathlib import Path

import bibtexparser
import pytest

from briefing.build import BuildResult, plan
from briefing.config import BuildConfig
from briefing.model import Article
from briefing.references.citeproc import STYLES, format_items, run_pandoc
from briefing.references.citing import cite_all, reusing
from briefing.references.csl import Site, brief_item
from tests.conftest import copy_project, edm_article

GOLDEN = Path(__file__).parent / "golden" / "citations"
RIS_LINE = re.compile(r"^[A-Z][A-Z0-9]  - ")
"""A RIS line: a two-character tag, two spaces, a hyphen and a space."""

SITE = Site("Briefing", "https://briefing.example.org/")
HERE = "https://briefing.example.org/briefs/x/"


def article(slug: str, author: str | None, date: dt.date | None, title: str) -> Article:
    return edm_article(slug, title, author, date)


@pytest.fixture(scope="module")
def seed_citations(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    # A copy with no caches: the checkout's .cache/ must not decide what is tested.
    root = copy_project(tmp_path_factory.mktemp("citing") / "project")
    return seed_downloads(plan(BuildConfig(root=root)), root)


def test_seed_downloads_match_golden(seed_citations: dict[str, str], update_golden: bool) -> None:
    if update_golden:
        GOLDEN.mkdir(parents=True, exist_ok=True)
        for name, text in seed_citations.items():
            (GOLDEN / name).write_text(text, "utf-8")
    assert sorted(seed_citations) == ["cite.bib", "cite.json", "cite.ris"]
    for name, text in seed_citations.items():
        assert text == (GOLDEN / name).read_text("utf-8"), name


def seed_styles(result: BuildResult) -> dict[str, str]:
    """Golden file name → the seed brief's citation in one style, as the file holds it."""
    assert result.citing is not None
    cite = next(iter(result.citing.briefs.values()))
    styled = {
        "chicago-note.txt": cite.styles["chicago"].citation.plain,
        "chicago-bibliography.txt": cite.styles["chicago"].bibliography.plain,
        "apa.txt": cite.styles["apa"].bibliography.plain,
        "mla.txt": cite.styles["mla"].bibliography.plain,
        "chicago-paragraph-3.txt": cite.paragraph(3, "chicago").plain,
        "apa-paragraph-3.txt": cite.paragraph(3, "apa").plain,
        "mla-paragraph-3.txt": cite.paragraph(3, "mla").plain,
    }
    return {name: text + "\n" for name, text in styled.items()}


def seed_downloads(result: BuildResult, root: Path) -> dict[str, str]:
    """The seed brief's download files (cite.bib, cite.json, cite.ris) by name."""
    docs = root / "docs" / "briefs" / result.briefs[0].article.slug
    return {p.name: t for p, t in result.outputs.items() if p.parent == docs and "cite" in p.name}


def test_seed_styles_match_golden(update_golden: bool, project: Path) -> None:
    styled = seed_styles(plan(BuildConfig(root=project)))
    if update_golden:
        for name, text in styled.items():
            (GOLDEN / name).write_text(text, "utf-8")
    for name, text in styled.items():
        assert text == (GOLDEN / name).read_text("utf-8"), name


def test_the_page_shows_each_style_formatted(project: Path) -> None:
    result = plan(BuildConfig(root=project))
    page = next(
        t for p, t in result.outputs.items() if p.name == "index.md" and "briefs" in p.parts
    )
    shown = re.findall(r"^ *(.*)\n *\{ \.brief-cite data-cite-label=\"([^\"]+)", page, re.M)
    labels = [label for _, label in shown]
    assert labels == [
        "Chicago note",
        "Chicago short note",
        "Chicago bibliography entry",
        "APA reference",
        "MLA works-cited entry",
    ]
    full = [text for text, label in shown if label != "Chicago short note"]
    assert all("*Eurasia Daily Monitor*" in text for text in full)
    assert "% Generated" not in page


def test_bibtex_parses_back(seed_citations: dict[str, str]) -> None:
    library = bibtexparser.parse_string(seed_citations["cite.bib"])
    assert library.failed_blocks == []
    assert library.entries[0].key == "edm-8-212-a-new-rapprochement"
    assert len(library.entries) == seed_citations["cite.ris"].count("TY  - ")


def test_ris_structure(seed_citations: dict[str, str]) -> None:
    for record in seed_citations["cite.ris"].strip("\n").split("\n\n"):
        lines = record.split("\n")
        assert lines[0].startswith("TY  - ") and lines[-1] == "ER  - "
        assert all(RIS_LINE.match(line) for line in lines), record


def test_csl_json_fields(seed_citations: dict[str, str]) -> None:
    items = json.loads(seed_citations["cite.json"])
    first = items[0]
    assert first["id"] == "edm-8-212-a-new-rapprochement" and first["type"] == "article-journal"
    assert first["container-title"] == "Eurasia Daily Monitor"
    assert first["issued"] == {"date-parts": [[2011]]}
    assert first["title"] == "A New Rapprochement Between Moscow and Tehran"
    assert all({"id", "type", "container-title", "issued"} <= set(item) for item in items)


def test_one_pandoc_call_per_style_however_many_briefs() -> None:
    calls: list[Sequence[str]] = []

    def counting(args: Sequence[str], stdin: str) -> str:
        calls.append(args)
        return run_pandoc(args, stdin)

    keyed = [
        (article(f"b{n}", "Stephen Blank", None, f"Title {n}"), f"k{n}", None) for n in range(12)
    ]
    citing = cite_all(keyed, [], SITE, counting)
    assert len(calls) == len(STYLES)
    assert len(citing.briefs) == 12


def test_entries_read_as_if_alone() -> None:
    """Same author, same year: no MLA "———", no APA "2011a", full given names."""
    items = [
        brief_item(
            article(f"s{n}", "Stephen Blank", dt.date(2011, 11, n + 1), t), f"k{n}", None, HERE
        )
        for n, t in enumerate(("Alpha", "Beta"))
    ]
    styled = format_items(items)
    for key in ("k0", "k1"):
        assert styled["mla"][key].bibliography.plain.startswith("Blank, Stephen. ")
        assert "2011a" not in styled["apa"][key].bibliography.plain
        assert "2011b" not in styled["apa"][key].bibliography.plain
        assert styled["chicago"][key].citation.plain.startswith("Stephen Blank, “")


def test_unknown_author_and_date_are_left_to_the_style() -> None:
    undated = article("u", None, None, "Oil & <Gas> *Deals*")
    undated = Article(**{**undated.__dict__, "date_bounds": None})
    styled = format_items([brief_item(undated, "u", None, HERE)])
    chicago = styled["chicago"]["u"]
    assert "None" not in chicago.citation.plain
    assert chicago.citation.plain.startswith("“Oil & <Gas> *Deals*,”")
    assert "n.d." in chicago.bibliography.plain
    assert "(n.d.)" in styled["apa"]["u"].bibliography.plain
    assert "\\&" in chicago.bibliography.markdown and "\\<Gas\\>" in chicago.bibliography.markdown


def test_downloads_of_a_removed_brief_are_removed(project: Path) -> None:
    from briefing.build import build

    build(BuildConfig(root=project))
    folder = next((project / "docs" / "briefs").iterdir())
    ris = (folder / "cite.ris").read_text("utf-8").splitlines()
    assert ris[:2] == ["TY  - JOUR", "ID  - edm-8-212-a-new-rapprochement"]
    for seed in (project / "seeds").glob("*.txt"):
        seed.rename(seed.with_suffix(".old"))
    result = build(BuildConfig(root=project))
    assert folder / "cite.ris" in result.removed
    assert not (folder / "cite.bib").exists()
    assert not folder.exists()  # nor the brief's emptied folder


def test_cached_items_are_not_formatted_again() -> None:
    from briefing.references.citeproc import FormatCache

    calls: list[Sequence[str]] = []

    def counting(args: Sequence[str], stdin: str) -> str:
        calls.append(args)
        return run_pandoc(args, stdin)

    keyed = [(article(f"c{n}", None, None, f"Cached {n}"), f"c{n}", None) for n in range(3)]
    cache = FormatCache()
    with reusing(cache):
        first = cite_all(keyed, [], SITE, counting)
    made = len(calls)
    with reusing(FormatCache(cache.kept())):
        again = cite_all(keyed, [], SITE, counting)
    assert made == len(STYLES) and len(calls) == made
    assert again == first
    more = [*keyed, (article("c9", None, None, "New one"), "c9", None)]
    with reusing(FormatCache(cache.kept())):
        cite_all(more, [], SITE, counting)
    assert len(calls) == made + len(STYLES)
    cite_all(keyed, [], SITE, counting)  # outside the block: formatted afresh
    assert len(calls) == made + 2 * len(STYLES)


def test_many_items_are_split_across_processes(monkeypatch: pytest.MonkeyPatch) -> None:
    import briefing.references.citeproc

    monkeypatch.setattr(briefing.references.citeproc, "CHUNK", 2)
    calls: list[Sequence[str]] = []

    def counting(args: Sequence[str], stdin: str) -> str:
        calls.append(args)
        return run_pandoc(args, stdin)

    keyed = [(article(f"s{n}", None, None, f"Split {n}"), f"s{n}", None) for n in range(3)]
    citing = cite_all(keyed, [], SITE, counting)
    # Three briefs and their three pinpoint items: six items, in chunks of two;
    # Chicago also has each brief's short note (cited again): nine, five chunks.
    assert len(calls) == 3 * (len(STYLES) - 1) + 5
    assert sorted(citing.briefs) == ["s0", "s1", "s2"]


def test_co_authors_are_each_a_person() -> None:
    item = brief_item(
        article("co", "Stephen Blank and Roger McDermott", None, "Two Hands"), "k", None, HERE
    )
    assert item["author"] == [
        {"family": "Blank", "given": "Stephen"},
        {"family": "McDermott", "given": "Roger"},
    ]


def test_a_web_address_periodical_keeps_its_case() -> None:
    from briefing.references.citeproc import format_items

    item = {
        "id": "w",
        "type": "webpage",
        "container-title": "www.crisisgroup.org",
        "issued": {"date-parts": [[2012, 1, 14]]},
    }
    styled = format_items([], [], chicago_only=[item])
    assert styled["chicago"]["w"].bibliography.plain.startswith("www.crisisgroup.org")


def test_the_original_url_is_cited_and_the_brief_only_where_mla_has_room() -> None:
    from dataclasses import replace

    from briefing.references.ris import ris

    original = "https://jamestown.org/program/a-new-rapprochement/"
    read = replace(article("orig", "Stephen Blank", dt.date(2011, 11, 16), "Tehran"), url=original)
    cite = cite_all([(read, "o", None)], [], SITE).briefs["orig"]
    brief_url = "https://briefing.example.org/briefs/orig/"
    for name in ("chicago", "apa"):
        text = cite.styles[name].bibliography.plain
        assert original in text and brief_url not in text and "Briefing" not in text, name
    mla = cite.styles["mla"].bibliography.plain
    assert mla.endswith(". Briefing, briefing.example.org/briefs/orig/.")
    assert "jamestown.org" not in mla
    assert "Https" not in cite.styles["chicago"].bibliography.plain
    item = brief_item(read, "o", None, brief_url)
    assert f"UR  - {original}" in ris([item]).splitlines()
