"""Large archives: rebuilds touch only what changed; progress; navigation of constant size."""

import io
from html.parser import HTMLParser
from pathlib import Path

import pytest

from briefing.bench.corpus import write_corpus
from briefing.build import build, read_seeds
from briefing.citations.registry import load_registry
from briefing.cli import main
from briefing.config import BuildConfig
from briefing.progress import DELAY, MOST_BETWEEN, ConsoleProgress, LineProgress
from tests.conftest import ARCHIVE_BRIEFS, write
from tests.test_links import broken_links


def corpus(root: Path, count: int) -> list[Path]:
    return write_corpus(count, root / "seeds", 5, load_registry())


def test_editing_one_seed_rewrites_only_its_pages_and_site_wide_ones(tmp_path: Path) -> None:
    written = corpus(tmp_path, 6)
    config = BuildConfig(root=tmp_path)
    first = build(config)
    edited = written[2]
    text = edited.read_text("utf-8")
    edited.write_text(text.replace(" the ", " a ", 1), encoding="utf-8")
    slug = next(b.article.slug for b in first.briefs if b.article.source.endswith(edited.name))
    changed = {
        p.relative_to(tmp_path / "docs").as_posix()
        for p in build(config).changed
        if p.is_relative_to(tmp_path / "docs")
    }
    assert f"briefs/{slug}/text.md" in changed
    # Other briefs' pages stay as they were; site-wide pages (outside briefs/)
    # may change, since they quote the edited text.
    other_briefs = {
        p for p in changed if p.startswith("briefs/") and not p.startswith(f"briefs/{slug}/")
    }
    assert other_briefs == set()
    assert build(config).changed == ()


def test_progress_appears_only_after_a_second() -> None:
    now = [0.0]
    stream = io.StringIO()
    progress = ConsoleProgress(stream, clock=lambda: now[0])
    progress(10, 100)
    assert stream.getvalue() == ""
    now[0] = DELAY + 0.5
    progress(60, 100)
    progress.close()
    assert stream.getvalue() == "\rseeds read: 60/100\n"


def test_without_a_terminal_progress_comes_as_whole_lines_now_and_then() -> None:
    now, lines = [0.0], []
    progress = LineProgress(lines.append, clock=lambda: now[0])
    for done in range(0, 41):
        progress(done, 40)  # the first second: nothing
    assert lines == []
    now[0] = DELAY + 0.5
    for done in range(0, 101):
        progress(done, 100)
    assert lines == [f"seeds read: {n}/100" for n in range(0, 101, 10)]  # a tenth at a time
    lines.clear()
    many = LineProgress(lines.append, clock=lambda: now[0])
    now[0] += DELAY + 0.5
    for done in range(0, 10_001):
        many(done, 10_000)
    assert len(lines) == 10_000 // MOST_BETWEEN + 1 and lines[-1] == "seeds read: 10000/10000"


def test_a_build_in_a_pipe_says_how_far_it_is(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus(tmp_path, 3)
    monkeypatch.setattr("briefing.progress.DELAY", -1.0)  # as if reading took a while
    assert main(["build", "--root", str(tmp_path)]) == 0  # stderr is no terminal here
    err = capsys.readouterr().err
    assert "seeds read: 3/3\n" in err and "\r" not in err


def test_check_never_shows_progress(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    corpus(tmp_path, 3)
    assert main(["build", "--root", str(tmp_path), "--progress"]) == 0
    assert main(["build", "--root", str(tmp_path), "--check"]) == 0
    captured = capsys.readouterr()
    assert "seeds read" not in captured.out + captured.err


def test_seeds_are_read_in_order_with_progress_and_errors(tmp_path: Path) -> None:
    for n in range(4):
        write(tmp_path / "seeds" / f"{n}.txt", f"Title {n}\n\nText (TASS, May {n + 1}).\n")
    write(tmp_path / "seeds" / "2.txt", "")
    reported: list[tuple[int, int]] = []
    articles, failures = read_seeds(
        BuildConfig(root=tmp_path),
        load_registry(),
        progress=lambda done, total: reported.append((done, total)),
    )
    assert [a.title for a in articles] == ["Title 0", "Title 1", "Title 3"]
    assert [str(f.error) for f in failures] == ["seeds/2.txt:1: the file is empty"]
    assert reported == [(0, 4), (1, 4), (2, 4), (3, 4), (4, 4)]


class _PrimaryNav(HTMLParser):
    """The HTML of Material's primary (sidebar) navigation, tags and text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.depth = 0
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        classes = (dict(attrs).get("class") or "").split()
        if self.depth == 0 and tag == "nav" and "md-nav--primary" in classes:
            self.depth = 1
        elif self.depth and tag == "nav":
            self.depth += 1
        if self.depth:
            self.parts.append(self.get_starttag_text() or "")

    def handle_endtag(self, tag: str) -> None:
        if self.depth:
            self.parts.append(f"</{tag}>")
            self.depth -= tag == "nav"

    def handle_data(self, data: str) -> None:
        if self.depth:
            self.parts.append(data)


def primary_nav(page: Path) -> str:
    parser = _PrimaryNav()
    parser.feed(page.read_text("utf-8"))
    return "".join(parser.parts)


def test_a_brief_pages_navigation_is_the_same_size_in_an_archive_as_alone(
    seed_site: Path, archive_site: Path
) -> None:
    slug = next((seed_site / "briefs").iterdir()).name
    assert len(list((archive_site / "briefs").iterdir())) == ARCHIVE_BRIEFS + 1
    for page in ("", "text/", "analysis/"):
        navs = [
            primary_nav(site / "briefs" / slug / page / "index.html")
            for site in (seed_site, archive_site)
        ]
        assert "md-nav--primary" in navs[0] and "Archive" in navs[0]
        assert len(navs[0]) == len(navs[1]), page
        assert slug not in navs[0]  # briefs are not listed in the navigation
    # Past 200 rows the site-wide lists are split into parts; every link still lands.
    large = archive_site
    assert (large / "timeline" / "index.html").is_file() and (large / "bibliography").is_dir()
    assert len(list((large / "timeline").iterdir())) > 2
    assert len(list((large / "archive").iterdir())) > 2  # over 100 briefs: split by year
    assert broken_links(large) == []
    # A profile's first page is found by the served site's search; the pages
    # after it list briefs that search finds by their own texts.
    continued = [*large.glob("people/*/2/index.html"), *large.glob("outlets/*/2/index.html")]
    assert continued  # one person at least has more than a page of briefs
    for second in continued:
        first = second.parent.parent / "index.html"
        assert "data-pagefind-body" in first.read_text("utf-8"), first
        assert "data-pagefind-body" not in second.read_text("utf-8"), second


def test_the_navigation_holds_the_site_sections_only() -> None:
    from briefing.render import SECTIONS, navigation

    assert navigation() == [{title: path} for title, path in SECTIONS]
    assert not any(path.startswith("briefs/") for _, path in SECTIONS)
