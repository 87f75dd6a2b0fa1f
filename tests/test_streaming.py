"""A build writes outputs as it makes them: same bytes, same atomicity, orphans from its record."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

import briefing.build.outputs as outputs_module
from briefing.bench.corpus import write_corpus
from briefing.build import build, check, plan, stale
from briefing.build.staging import Staging
from briefing.citations.registry import load_registry
from briefing.config import BuildConfig
from briefing.errors import DataFileError
from tests.conftest import SEED, built_once, copy_project, write
from tests.test_build import snapshot


def tree(root: Path) -> dict[str, bytes]:
    """Every output of a project: docs/, the bibliography and the abbreviations."""
    return {**snapshot(root), "includes": (root / "includes" / "abbreviations.md").read_bytes()}


def _five(root: Path) -> None:
    write_corpus(5, root / "seeds", 3, load_registry())
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(outputs_module, "MEMO_BATCH", 2)
        build(BuildConfig(root=root))


@pytest.fixture(scope="module")
def built_five(tmp_path_factory: pytest.TempPathFactory) -> Callable[[Path], Path]:
    return built_once(tmp_path_factory, "five", _five)


@pytest.fixture
def corpus(
    built_five: Callable[[Path], Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> BuildConfig:
    """Five synthetic briefs and the seed, built (a copy of a project built for
    the module, built again where it now is); memo documents made two briefs at
    a time."""
    monkeypatch.setattr(outputs_module, "MEMO_BATCH", 2)
    config = BuildConfig(root=built_five(tmp_path / "project"))
    assert build(config).parsed == ()
    return config


def synthetic(config: BuildConfig) -> list[Path]:
    return sorted(p for p in config.seeds.glob("*.txt") if p.name != SEED.name)


def _edit(config: BuildConfig) -> None:
    """One seed edited, one removed, one added."""
    seeds = synthetic(config)
    text = seeds[0].read_text("utf-8")
    seeds[0].write_text(text.replace(" the ", " a ", 1), "utf-8")
    seeds[1].unlink()
    seeds[1].with_suffix(".yml").unlink(missing_ok=True)
    write(config.seeds / "zz-new.txt", "A New Brief\n\nA claim about Baku (TASS, May 2).\n")


def test_an_incremental_build_writes_the_bytes_of_a_cold_one(
    corpus: BuildConfig, tmp_path: Path
) -> None:
    _edit(corpus)
    result = build(corpus)
    assert result.parsed and len(result.parsed) < len(result.briefs)  # caches were used
    assert result.removed  # the removed seed's pages
    fresh = copy_project(tmp_path / "fresh", seeds=sorted(corpus.seeds.iterdir()))
    cold = build(BuildConfig(root=fresh))
    assert len(cold.parsed) == len(cold.briefs)
    assert tree(fresh) == tree(corpus.root)
    assert [p.relative_to(fresh) for p in cold.files] == [
        p.relative_to(corpus.root) for p in result.files
    ]


def test_a_build_writes_what_plan_holds(corpus: BuildConfig) -> None:
    _edit(corpus)
    planned = plan(corpus)
    result = build(corpus)
    assert set(result.files) == {*planned.outputs, *planned.documents}
    for path, text in planned.outputs.items():
        assert path.read_bytes() == text.encode("utf-8"), path
    for path, data in planned.documents.items():
        assert path.read_bytes() == data, path


def assert_left_as_before(config: BuildConfig, before: dict[str, bytes]) -> None:
    """A failed build changed no output and left no staged file behind."""
    assert tree(config.root) == before
    assert list(config.root.rglob("*.tmp")) == []


def _failing_after(count: int, real: object) -> object:
    def analysis_pages(*args: object) -> Iterator[tuple[str, str]]:
        pages = real(*args)  # type: ignore[operator]
        for _ in range(count):
            yield next(pages)
        raise OSError(28, "No space left on device")

    return analysis_pages


def test_a_failure_after_files_were_staged_leaves_every_previous_file(
    corpus: BuildConfig, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = tree(corpus.root)
    _edit(corpus)
    staged: list[Path] = []
    real_offer = Staging.offer

    def offer(self: Staging, path: Path, content: str | bytes) -> None:
        real_offer(self, path, content)
        staged.extend(p for p in self.changed[len(staged) :])

    monkeypatch.setattr(Staging, "offer", offer)
    monkeypatch.setattr(
        outputs_module, "analysis_pages", _failing_after(3, outputs_module.analysis_pages)
    )
    with pytest.raises(OSError, match="No space left"):
        build(corpus)
    assert len(staged) > 10  # the edited brief's pages and site-wide ones were staged
    assert_left_as_before(corpus, before)
    monkeypatch.undo()
    assert build(corpus).changed  # the next build writes what the failed one could not


def test_a_memo_batch_that_fails_leaves_every_previous_file(
    corpus: BuildConfig, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = tree(corpus.root)
    _edit(corpus)
    batches: list[int] = []
    real = outputs_module.memo_documents

    def memo_documents(*args: Any) -> Any:
        batches.append(len(args[0]))
        if len(batches) == 2:
            raise DataFileError("pandoc", "cannot run pandoc (gone)")
        return real(*args)

    monkeypatch.setattr(outputs_module, "memo_documents", memo_documents)
    with pytest.raises(DataFileError, match="cannot run pandoc"):
        build(corpus)
    assert len(batches) == 2  # no batch is made after the one that failed
    assert_left_as_before(corpus, before)


def test_orphans_come_from_the_record_without_reading_docs(
    corpus: BuildConfig, monkeypatch: pytest.MonkeyPatch
) -> None:
    import briefing.build as build_module

    def searched(config: BuildConfig) -> set[Path]:
        raise AssertionError("docs/ was searched although the record lists the last build")

    monkeypatch.setattr(build_module, "generated_files", searched)
    gone = synthetic(corpus)[1]
    slug = next(b.article.slug for b in plan(corpus).briefs if b.article.source.endswith(gone.name))
    gone.unlink()
    result = build(corpus)
    removed = {p.relative_to(corpus.docs).as_posix() for p in result.removed}
    assert f"briefs/{slug}/text.md" in removed and f"briefs/{slug}/cite.bib" in removed
    assert not (corpus.docs / "briefs" / slug).joinpath("index.md").exists()


def test_without_a_record_orphans_are_found_on_disk(corpus: BuildConfig) -> None:
    gone = synthetic(corpus)[1]
    slug = next(b.article.slug for b in plan(corpus).briefs if b.article.source.endswith(gone.name))
    gone.unlink()
    corpus.output_record.unlink()
    result = build(corpus)
    assert corpus.docs / "briefs" / slug / "text.md" in result.removed


def test_a_recorded_file_that_is_no_longer_generated_is_kept(corpus: BuildConfig) -> None:
    # An editor took a generated page over (removed its marker): never removed.
    gone = synthetic(corpus)[1]
    slug = next(b.article.slug for b in plan(corpus).briefs if b.article.source.endswith(gone.name))
    page = corpus.docs / "briefs" / slug / "text.md"
    page.write_text("# Kept by hand\n", "utf-8")
    gone.unlink()
    result = build(corpus)
    assert page not in result.removed and page.read_text("utf-8") == "# Kept by hand\n"


def test_a_record_of_another_project_removes_nothing_here(
    corpus: BuildConfig, tmp_path: Path
) -> None:
    other = copy_project(tmp_path / "other")
    shutil.copytree(corpus.root / ".cache", other / ".cache")
    result = build(BuildConfig(root=other))
    assert result.removed == ()
    assert all(p.is_relative_to(other) for p in result.files)


def test_check_lists_stale_and_orphaned_files_and_writes_nothing(corpus: BuildConfig) -> None:
    assert stale(corpus) == []
    _edit(corpus)
    before = tree(corpus.root)
    record = corpus.output_record.read_bytes()
    checked = check(corpus)
    assert tree(corpus.root) == before and corpus.output_record.read_bytes() == record
    assert checked.changed and checked.removed
    assert sorted((*checked.changed, *checked.removed)) == stale(corpus)
    result = build(corpus)
    assert result.changed == checked.changed and result.removed == checked.removed
    assert stale(corpus) == []


def test_a_saved_citation_cache_copies_the_lines_it_loaded(tmp_path: Path) -> None:
    """Lines of the file loaded are copied as they are while it is unchanged; new ones encoded."""
    from briefing.build.citecache import line_check, load_cache, save_cache, stamp

    path = tmp_path / "citations.jsonl"
    check_a, check_c = line_check("a", ["é", "2", "3", "4"]), line_check("c", ["5", "6", "7", "8"])
    check_b = line_check("b", ["5", "6", "7", "8"])
    first = f'["a", "\\u00e9", "2", "3", "4", "{check_a}"]'  # as another writer spaced it
    loaded = f'{first}\n["c","5","6","7","8","{check_c}"]\n'
    path.write_text(loaded, "utf-8")
    before = stamp(path)
    cache = load_cache(path)
    found = cache.get("c")
    assert cache.get("a") is not None and found is not None and cache.note is None
    cache.put("b", found)
    save_cache(cache, path, before)
    lines = path.read_text("utf-8").splitlines()
    assert lines == [
        first,
        f'["b","5","6","7","8","{check_b}"]',
        f'["c","5","6","7","8","{check_c}"]',
    ]
    # Not the file loaded (its stamp differs): every line is encoded again.
    cache = load_cache(path)
    cache.get("a")
    save_cache(cache, path, before)
    assert path.read_text("utf-8") == f'["a","é","2","3","4","{check_a}"]\n'
    assert load_cache(path).entries == {"a": ["é", "2", "3", "4"]}


def test_an_output_offered_twice_is_a_bug(tmp_path: Path) -> None:
    with Staging(write=False) as staging:
        staging.offer(tmp_path / "a.md", "one")
        with pytest.raises(ValueError, match="an output twice"):
            staging.offer(tmp_path / "a.md", "two")


def test_the_citation_cache_is_saved_and_read_line_by_line(tmp_path: Path) -> None:
    from briefing.build.citecache import load_cache, save_cache
    from briefing.references.citeproc import FormatCache

    path = tmp_path / "citations.jsonl"
    cache = FormatCache(
        {"b": ["x", 'y"é\n', "z", "w"], "a": ["1", "2", "3", "4"], "old": list("abcd")}
    )
    cache.used = {"a", "b"}
    save_cache(cache, path)
    assert path.read_text("utf-8").count("\n") == 2  # one line per entry used, none for "old"
    assert load_cache(path).entries == {"a": ["1", "2", "3", "4"], "b": ["x", 'y"é\n', "z", "w"]}
    path.write_text('{"a":["1","2","3","4"]}', "utf-8")  # the earlier single-object file
    assert load_cache(path).entries == {}
    path.write_text('["a","1","2","3","4"]\n["b","1"', "utf-8")  # cut short
    assert load_cache(path).entries == {}


def test_orphans_leave_no_empty_folder_below_the_root_and_nothing_above_it(tmp_path: Path) -> None:
    root = tmp_path / "project"
    orphan, kept = root / "docs" / "briefs" / "gone" / "index.md", root / "docs" / "index.md"
    for path in (orphan, kept):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("x", "utf-8")
    lone = tmp_path / "lone" / "deep" / "file.md"
    lone.parent.mkdir(parents=True)
    lone.write_text("x", "utf-8")
    with Staging() as staging:
        staging.swap([orphan], within=root)
    assert not (root / "docs" / "briefs").exists() and kept.is_file()
    with Staging() as staging:
        staging.swap([lone], within=lone.parent)  # the boundary itself stays, emptied or not
    assert lone.parent.is_dir()
