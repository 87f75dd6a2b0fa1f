"""Site structure at scale: lists split into bounded pages, the archive, each brief's trail."""

from __future__ import annotations

import re
from pathlib import Path

import jinja2
import pytest

from briefing.bench.corpus import write_corpus
from briefing.build import plan
from briefing.citations.registry import load_registry
from briefing.config import BuildConfig
from briefing.keyed import TextCache
from briefing.render import archive, lists, parts
from briefing.render.parts import grouped, href, letter, paginate

LINK = re.compile(r"\]\((?P<target>[^)\s]+)\)")
"""A Markdown link's target: ``[text](target)``."""


def test_pages_hold_at_most_their_size_and_the_first_keeps_the_address() -> None:
    pages = paginate("timeline/2011", "2011", list(range(5)), 2)
    assert [p.path for p in pages] == [
        "timeline/2011.md",
        "timeline/2011/2.md",
        "timeline/2011/3.md",
    ]
    assert [p.rows for p in pages] == [(0, 1), (2, 3), (4,)]
    assert (pages[0].previous, pages[0].next) == (None, "timeline/2011/2.md")
    assert (pages[2].previous, pages[2].next) == ("timeline/2011/2.md", None)
    assert all(p.count == 3 for p in pages)
    assert [p.path for p in paginate("tags/iran", "Iran", [])] == ["tags/iran.md"]


def test_groups_keep_the_order_rows_come_in() -> None:
    groups = grouped("people/a-z", ["Putin", "Lavrov", "Peskov"], letter)
    assert list(groups) == ["p", "l"]
    assert [p.rows for p in groups["p"]] == [("Putin", "Peskov")]


@pytest.mark.parametrize(
    ("name", "expected"),
    [("Lavrov", "l"), ("Коммерсант", "k"), ("ʻAli", "a"), ("24.kg", "other"), ("", "other")],
)
def test_names_file_under_their_first_latin_letter(name: str, expected: str) -> None:
    assert letter(name) == expected


def test_links_between_pages_are_relative() -> None:
    assert href("timeline/2011/2.md", "timeline/2011.md") == "../2011.md"
    assert (
        href("briefs/x/text.md", "bibliography/i.md#irna-2011")
        == "../../bibliography/i.md#irna-2011"
    )
    assert href("index.md", "archive/index.md") == "archive/index.md"


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """A 60-brief site with small page sizes, so that every list is split."""
    root = tmp_path_factory.mktemp("structure")
    write_corpus(60, root / "seeds", 7, load_registry())
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(archive, "BRIEFS_PER_PAGE", 4)
        patch.setattr(lists, "ROWS_PER_PAGE", 10)
        patch.setattr(parts, "ROWS_PER_PAGE", 10)
        result = plan(BuildConfig(root=root))
    docs = root / "docs"
    return {
        p.relative_to(docs).as_posix(): t
        for p, t in result.outputs.items()
        if p.is_relative_to(docs)
    }


def _resolves(pages: dict[str, str], source: str, target: str) -> bool:
    path = target.partition("#")[0]
    if not path.endswith(".md"):
        return True  # downloads, outside addresses
    joined = Path(source).parent.joinpath(path).as_posix()
    parts_ = []
    for piece in joined.split("/"):
        if piece == "..":
            parts_.pop()
        elif piece not in {"", "."}:
            parts_.append(piece)
    return "/".join(parts_) in pages


def test_every_markdown_link_of_a_split_site_lands_on_a_page(pages: dict[str, str]) -> None:
    broken = [
        f"{path}: {m['target']}"
        for path, text in pages.items()
        if path.endswith(".md")
        for m in LINK.finditer(text)
        if not _resolves(pages, path, m["target"])
    ]
    assert broken == []


def test_long_lists_are_split_and_each_part_is_bounded(pages: dict[str, str]) -> None:
    for index, folder in [
        ("timeline.md", "timeline/"),
        ("bibliography.md", "bibliography/"),
        ("report.md", "report/"),
        ("outlets/index.md", "outlets/a-z/"),
    ]:
        assert "| Part | Entries | Pages |" in pages[index], index
        assert any(p.startswith(folder) for p in pages), folder
    for path, text in pages.items():
        if path.startswith(("timeline/", "bibliography/")):
            rows = [line for line in text.splitlines() if line.startswith("| ") or "{ #" in line]
            assert len(rows) <= 10 + 2, path  # rows, plus a table's header


def test_a_long_year_is_split_by_month_and_every_brief_is_listed_once(
    pages: dict[str, str],
) -> None:
    listed = [
        m["target"]
        for path, text in pages.items()
        if path.startswith("archive/") and path != "archive/index.md"
        for m in LINK.finditer(text)
        if m["target"].endswith("/index.md") and "/briefs/" in m["target"]
    ]
    briefs = {p.split("/")[1] for p in pages if p.startswith("briefs/")}
    assert sorted(t.split("/")[-2] for t in listed) == sorted(briefs)
    months = [p for p in pages if re.fullmatch(r"archive/\d{4}/(\d\d|undated)(/\d+)?\.md", p)]
    assert months, "no year was split by month"
    for path in months:
        assert pages[path].count("- **[") <= 4, path
    for path, text in pages.items():
        if path.startswith("archive/") and path != "archive/index.md":
            # The trail up is a line of its own, ending with this page's name.
            assert re.search(
                r"\n\[Archive\]\([^)]*\)( › \[[^\]]+\]\([^)]*\))? › [^\n]+\n\n", text
            ), path


def test_each_brief_page_leads_up_newer_and_older(pages: dict[str, str]) -> None:
    overviews = sorted(p for p in pages if re.fullmatch(r"briefs/[^/]+/index\.md", p))
    newer = [p for p in overviews if "← Newer: " in pages[p]]
    older = [p for p in overviews if "Older: " in pages[p]]
    assert len(newer) == len(older) == len(overviews) - 1
    for path in overviews:
        assert "[Archive](../../archive/index.md) › " in pages[path]
        assert (
            "[Annotated text](text.md)" in pages[path] and "[Analysis](analysis.md)" in pages[path]
        )


def test_footnotes_link_to_the_bibliography_part_holding_their_entry(
    pages: dict[str, str],
) -> None:
    text = next(t for p, t in pages.items() if p.endswith("/text.md"))
    targets = [m["target"] for m in LINK.finditer(text) if "bibliography" in m["target"]]
    assert targets and all(t.startswith("../../bibliography/") for t in targets)
    for target in targets:
        page, _, key = target.removeprefix("../../").partition("#")
        assert f'id="{key}"' in pages[page]


def test_topics_spelled_alike_share_one_tag_page(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    for name, tags in (("a", "[Iran]"), ("b", "[iran, Caspian]")):
        (seeds / f"{name}.yml").parent.mkdir(parents=True, exist_ok=True)
        (seeds / f"{name}.txt").write_text(f"Title {name}\n\nText (TASS, May 2).\n", "utf-8")
        (seeds / f"{name}.yml").write_text(f"tags: {tags}\n", "utf-8")
    outputs = {
        p.relative_to(tmp_path / "docs").as_posix(): t
        for p, t in plan(BuildConfig(root=tmp_path)).outputs.items()
        if p.suffix == ".md" and p.is_relative_to(tmp_path / "docs")
    }
    assert outputs["tags/iran.md"].count("- **[") == 2
    assert "| [Caspian](tags/caspian.md) | 1 |" in outputs["tags.md"]
    assert "[iran](../../tags/iran.md)" in outputs["briefs/title-b/index.md"]


def test_a_split_list_renders_again_only_the_parts_whose_rows_changed(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(parts, "ROWS_PER_PAGE", 2)
    monkeypatch.setattr(lists, "ROWS_PER_PAGE", 2)
    rendered: list[str] = []
    templates = {"rows.j2": "{{ seen(part.path) }}{{ part.rows }} {{ n }}", "parts_index.md.j2": ""}
    env = jinja2.Environment(loader=jinja2.DictLoader(templates))
    env.globals["seen"] = lambda path: rendered.append(path) or ""
    spec = lists.SplitList("rows.md", "rows", "Rows", "Every row.", "rows.j2")
    rows = [("a", 1), ("a", 2), ("a", 3), ("b", 4)]
    texts = TextCache()

    def pages(rows: list[tuple[str, int]], n: int = 1) -> dict[str, str]:
        nonlocal texts
        texts, rendered[:] = texts.next(""), []
        context = {"n": n}
        with texts.active():
            return lists.split_list(
                env, spec, rows, lambda r: r[0], context=lambda _: context, keyed=True
            )[0]

    first = pages(rows)
    assert rendered == ["rows/a.md", "rows/a/2.md", "rows/b.md"]
    assert pages(rows) == first and rendered == []
    changed = pages([*rows[:3], ("b", 5)])
    assert rendered == ["rows/b.md"] and changed["rows/b.md"] != first["rows/b.md"]
    pages(rows, n=2)  # the context changed: every part
    assert len(rendered) == 3
