import os
import shutil
import sys
from pathlib import Path

import pytest

from briefing.build import build, hand_written, plan, stale
from briefing.cli import main
from briefing.config import BuildConfig
from briefing.errors import BuildFailed
from tests.conftest import ROOT, write

SLUG = "a-new-rapprochement-between-moscow-and-tehran"


def snapshot(root: Path) -> dict[str, bytes]:
    files = [*(root / "docs").rglob("*"), root / "references.bib"]
    return {str(p.relative_to(root)): p.read_bytes() for p in files if p.is_file()}


def test_build_writes_pages_then_nothing(project: Path) -> None:
    config = BuildConfig(root=project)
    first = build(config)
    assert {p.relative_to(project).as_posix() for p in first.changed} >= {
        f"docs/briefs/{SLUG}/index.md",
        f"docs/briefs/{SLUG}/text.md",
        "docs/index.md",
        "docs/bibliography.md",
        "docs/report.md",
        "docs/references.bib",
        "references.bib",
    }
    assert build(config).changed == ()
    assert stale(config) == []


def test_check_reports_stale_files(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["build", "--root", str(project), "--check"]) == 1
    assert "stale: docs/index.md" in capsys.readouterr().err
    assert main(["build", "--root", str(project)]) == 0
    assert main(["build", "--root", str(project), "--check"]) == 0


def test_committed_outputs_are_up_to_date(tmp_path: Path) -> None:
    # Caches of its own, empty: the checkout's .cache/ must not decide the outcome.
    config = BuildConfig(
        root=ROOT,
        cache_file=str(tmp_path / "citations.jsonl"),
        seed_cache_file=str(tmp_path / "seeds.json"),
        output_record_file=str(tmp_path / "outputs.json"),
    )
    assert stale(config) == [], "run 'briefing build' and commit the result"


def test_broken_seed_keeps_its_pages_while_others_update(converted: Path) -> None:
    second = write(converted / "seeds" / "second.txt", "Second Brief\n\nText (TASS, May 2).\n")
    build(BuildConfig(root=converted))
    before = snapshot(converted)
    write(second, "")
    seed = next(p for p in (converted / "seeds").glob("edm-*.txt"))
    seed.write_text(seed.read_text("utf-8").replace("Issue: 212", "Issue: 213"), "utf-8")
    result = build(BuildConfig(root=converted))
    after = snapshot(converted)
    assert [str(f.error) for f in result.failed] == ["seeds/second.txt:1: the file is empty"]
    for page in ("docs/briefs/second-brief/index.md", "docs/briefs/second-brief/text.md"):
        assert after[page] == before[page]
    assert after[f"docs/briefs/{SLUG}/index.md"] != before[f"docs/briefs/{SLUG}/index.md"]
    assert b"seeds/second.txt:1: the file is empty" in after["docs/report.md"]
    assert b"tass" not in after["references.bib"].lower()


def test_broken_seed_exits_1_naming_it(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(project / "seeds" / "a.txt", "")
    write(project / "seeds" / "b.txt", "Title\n\nText.\n")
    write(project / "seeds" / "b.yml", "date: someday\n")
    assert main(["build", "--root", str(project)]) == 1
    err = capsys.readouterr().err
    assert "seeds/a.txt:1: the file is empty" in err
    assert "seeds/b.yml:1: 'date'" in err
    assert "2 seed(s) failed: seeds/a.txt, seeds/b.txt; their previous pages are kept" in err
    text = (project / "docs" / "briefs" / SLUG / "text.md").read_text("utf-8")
    assert 'source: "seeds/edm-2011-8-212-moscow-tehran-rapprochement.txt"' in text  # the good seed
    assert main(["build", "--root", str(project), "--check"]) == 1


def test_strict_build_writes_nothing(converted: Path, capsys: pytest.CaptureFixture[str]) -> None:
    build(BuildConfig(root=converted))
    before = snapshot(converted)
    write(converted / "seeds" / "zz-broken.txt", "")
    seed = next(p for p in (converted / "seeds").glob("edm-*.txt"))
    seed.write_text(seed.read_text("utf-8").replace("Issue: 212", "Issue: 213"), "utf-8")
    with pytest.raises(BuildFailed, match=r"seeds/zz-broken.txt:1: the file is empty"):
        build(BuildConfig(root=converted, strict=True))
    assert main(["build", "--root", str(converted), "--strict"]) == 1
    assert "nothing was written" in capsys.readouterr().err
    assert snapshot(converted) == before


def test_strict_turns_warnings_into_errors(converted: Path) -> None:
    write(converted / "seeds" / "u.txt", "Title\n\nAn (unclosed aside.\n")
    build(BuildConfig(root=converted))
    with pytest.raises(BuildFailed, match=r"seeds/u.txt:3: unbalanced"):
        build(BuildConfig(root=converted, strict=True))


def test_removed_seed_removes_its_pages(converted: Path) -> None:
    extra = write(converted / "seeds" / "second.txt", "Second Brief\n\nText (TASS, May 2).\n")
    build(BuildConfig(root=converted))
    text = (converted / "docs/briefs/second-brief/text.md").read_text("utf-8")
    assert 'source: "seeds/second.txt"' in text and "[^1]: [TASS, May 2]" in text
    extra.unlink()
    result = build(BuildConfig(root=converted))
    assert not (converted / "docs/briefs/second-brief").joinpath("text.md").exists()
    brief_pages = {"index.md", "text.md", "analysis.md", "cite.bib", "cite.ris", "cite.json"}
    brief_pages |= {"second-brief.docx"}
    brief_pages |= {f"{old}/index.html" for old in ("people", "timeline", "claims")}
    assert {p.relative_to(converted / "docs").as_posix() for p in result.removed} == {
        *(f"briefs/second-brief/{name}" for name in brief_pages),
        "outlets/tass.md",
        "archive/undated.md",
    }


def test_hand_written_pages_are_never_removed(project: Path) -> None:
    page = write(project / "docs" / "about.md", "# About\n")
    build(BuildConfig(root=project))
    assert page.read_text("utf-8") == "# About\n"  # neither removed nor rewritten


def test_duplicate_titles_get_distinct_stable_slugs(converted: Path) -> None:
    text = (ROOT / "seeds").glob("*.txt").__next__().read_text("utf-8")
    write(converted / "seeds" / "zz-copy.txt", text.replace("Issue: 212", "Issue: 213"))
    result = build(BuildConfig(root=converted))
    assert sorted(b.article.slug for b in result.briefs) == [SLUG, f"{SLUG}-8-213"]


def test_interrupted_write_leaves_no_partial_files(
    converted: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    build(BuildConfig(root=converted))
    before = snapshot(converted)
    shutil.copy(
        converted / "seeds" / next(iter(os.listdir(converted / "seeds"))),
        converted / "seeds" / "x.txt",
    )
    calls = 0
    real = Path.write_text

    def failing_fdopen(*args: object, **kwargs: object) -> object:
        nonlocal calls
        calls += 1
        if calls == 3:
            raise KeyboardInterrupt
        return original(*args, **kwargs)

    import briefing.build.staging as module

    original = module.os.fdopen
    monkeypatch.setattr(module.os, "fdopen", failing_fdopen)
    with pytest.raises(KeyboardInterrupt):
        build(BuildConfig(root=converted))
    assert snapshot(converted) == before
    assert not [p for p in converted.rglob("*.tmp")]
    del real


def test_an_article_key_does_not_depend_on_other_seeds(converted: Path) -> None:
    alone = {b.article.slug: b.key for b in plan(BuildConfig(root=converted)).briefs}
    write(
        converted / "seeds" / "000-first.txt",
        "Georgia Looks West\n\nPublication: Eurasia Daily Monitor Volume: 8 Issue: 212\n\n"
        "Text (Interfax, October 28).\n",
    )
    together = {b.article.slug: b.key for b in plan(BuildConfig(root=converted)).briefs}
    assert together[SLUG] == alone[SLUG] == "edm-8-212-a-new-rapprochement"
    assert together["georgia-looks-west"] == "edm-8-212-georgia-looks-west"


def test_a_sidecar_slug_already_taken_is_an_error(converted: Path) -> None:
    write(converted / "seeds" / "zz.txt", "Another Brief\n\nText (TASS, May 2).\n")
    write(converted / "seeds" / "zz.yml", f"slug: {SLUG}\n")
    result = build(BuildConfig(root=converted))
    assert [str(f.error) for f in result.failed] == [
        f"seeds/zz.yml: 'slug': '{SLUG}' is already another brief's"
    ]
    assert [b.article.slug for b in result.briefs] == [SLUG]


def test_a_failed_seed_keeps_every_page_its_stale_pages_link_to(converted: Path) -> None:
    seed = write(converted / "seeds" / "only.txt", "Only Brief\n\nText (Kabar, May 2).\n")
    build(BuildConfig(root=converted))
    outlet = converted / "docs" / "outlets" / "kabar.md"
    text = converted / "docs/briefs/only-brief/text.md"
    assert "[¶ 1](../briefs/only-brief/text.md#p1)" in outlet.read_text("utf-8")  # its citation
    before = {path: path.read_bytes() for path in (outlet, text)}
    seed.write_bytes(b"")
    result = build(BuildConfig(root=converted))
    assert [f.seed for f in result.failed] == ["seeds/only.txt"]
    assert {path: path.read_bytes() for path in (outlet, text)} == before  # kept as they were
    assert result.removed == ()


def test_hand_written_parts_of_docs_are_told_from_generated_ones(converted: Path) -> None:
    config = BuildConfig(root=converted)
    build(config)
    write(converted / "docs" / "about.md", "# About\n")
    names = {p.name for p in hand_written(config)}
    assert names == {"assets", "about.md"}


def test_a_fresh_build_forgets_every_cache_and_writes_the_same_bytes(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["build", "--root", str(project)]) == 0
    config = BuildConfig(root=project)
    reused = snapshot(project)
    kept = [path for path in config.caches if path.exists()]
    assert config.cache in kept and config.seed_cache in kept
    marker = config.cache.parent / "memos" / "left-by-an-earlier-build"
    write(marker, "stale")
    capsys.readouterr()
    assert main(["build", "--root", str(project), "--fresh"]) == 0
    assert "1 read" in capsys.readouterr().out  # the seed was parsed again, not taken from a cache
    assert not marker.exists()
    assert snapshot(project) == reused
    assert [path for path in config.caches if path.exists()] == kept  # and kept anew


OPENED: list[str] | None = None
"""Files opened while a test listens (an audit hook cannot be removed once added)."""


def _listen(event: str, args: tuple[object, ...]) -> None:
    if OPENED is not None and event == "open" and isinstance(args[0], (str, Path)):
        OPENED.append(str(args[0]))


def test_a_build_reads_each_seed_twice_at_most_and_the_settings_once(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Once for the build's key, once to parse it (and mkdocs.yml once) in a build
    from nothing; an unchanged build reads each seed once, for its key."""
    global OPENED
    sys.addaudithook(_listen)
    seed = next((project / "seeds").glob("*.txt"))
    for reads in (2, 1):
        OPENED = []
        try:
            assert main(["build", "--root", str(project)]) == 0
            opened = OPENED
        finally:
            OPENED = None
        assert opened.count(str(seed)) == reads, opened
        assert opened.count(str(project / "mkdocs.yml")) == 1
    capsys.readouterr()
