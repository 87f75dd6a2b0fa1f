"""The seed cache: unchanged seeds are not read again, and the cache never decides the output."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

import briefing.build as build_stage
from briefing import yamlfile
from briefing.analysis.gazetteer import load_gazetteer
from briefing.analysis.topics import load_lexicon
from briefing.build import BuildResult, build, plan
from briefing.build.cache import (
    MAGIC,
    PAGES_ONLY,
    SeedCache,
    answers_digest,
    inputs_digest,
    load_seed_cache,
    seed_inputs_digest,
)
from briefing.build.memory import Memory
from briefing.build.reuse import Reuse
from briefing.citations.registry import Registry, load_registry
from briefing.config import BuildConfig
from briefing.input.publications import load_publications
from tests.conftest import SEED, built_once, write

SECOND = "Second Brief\n\nA claim about Tehran (TASS, May 2). Lavrov spoke (IRNA, May 3).\n"
THIRD = "Third Brief\n\nAnother claim (Interfax, June 2).\n"


def _three(root: Path) -> None:
    write(root / "seeds" / "second.txt", SECOND)
    write(root / "seeds" / "third.txt", THIRD)
    assert len(build(BuildConfig(root=root)).parsed) == 3


@pytest.fixture(scope="module")
def built_three(tmp_path_factory: pytest.TempPathFactory) -> Callable[[Path], Path]:
    return built_once(tmp_path_factory, "three", _three)


@pytest.fixture
def three(built_three: Callable[[Path], Path], tmp_path: Path) -> BuildConfig:
    """A project of three seeds, built, so that its seed cache is filled: a copy
    of one built for the module, built again where it now is (its record of
    outputs names its folder), which reads no seed."""
    config = BuildConfig(root=built_three(tmp_path / "project"))
    assert build(config).parsed == ()
    return config


def on_disk(result: BuildResult) -> dict[Path, bytes]:
    """The files of a build's outputs as they are now on disk."""
    return {path: path.read_bytes() for path in result.files}


def cold(config: BuildConfig, registry: Registry | None = None) -> dict[Path, bytes]:
    """What a build with no caches at all would write."""
    empty = BuildConfig(
        root=config.root,
        cache_file=str(config.root / "cold" / "citations.jsonl"),
        seed_cache_file=str(config.root / "cold" / "seeds.json"),
        output_record_file=str(config.root / "cold" / "outputs.json"),
    )
    result = plan(empty, registry=registry)
    assert len(result.parsed) == len(result.briefs)
    return {**{p: t.encode() for p, t in result.outputs.items()}, **result.documents}


def texts(paths: tuple[Path, ...]) -> list[str]:
    return [p.read_text("utf-8") for p in paths if p.suffix in {".md", ".bib", ".json"}]


def test_unchanged_seeds_are_not_read_again(three: BuildConfig) -> None:
    result = build(three)
    assert result.parsed == ()
    assert result.changed == ()
    assert on_disk(result) == cold(three)


def test_an_edited_seed_is_the_only_one_read(three: BuildConfig) -> None:
    write(three.seeds / "second.txt", SECOND.replace("May 2", "May 4"))
    result = build(three)
    assert result.parsed == ("seeds/second.txt",)
    assert on_disk(result) == cold(three)
    assert any("2011-05-04" in text or "May 4" in text for text in texts(result.changed))


def test_an_edited_sidecar_rebuilds_its_seed_only(three: BuildConfig) -> None:
    write(three.seeds / "third.yml", "tags: [Sanctions]\n")
    result = build(three)
    assert result.parsed == ("seeds/third.txt",)
    assert on_disk(result) == cold(three)


def edited_registry(tmp_path: Path, old: str, new: str) -> Registry:
    packaged = packaged_text("outlets.yml")
    assert old in packaged
    return load_registry(write(tmp_path / "outlets.yml", packaged.replace(old, new, 1)))


def reads_again_only(config: BuildConfig, registry: Registry, seed: str) -> None:
    """A build with ``registry`` reads ``seed`` again, no other, and writes a cold build's files."""
    result = build(config, registry=registry)
    assert result.parsed == (seed,)
    assert on_disk(result) == cold(config, registry)


def test_an_outlet_edited_reads_again_only_the_seeds_that_cite_it(
    three: BuildConfig, tmp_path: Path
) -> None:
    # Only the third seed cites Interfax; the outlet's page and the brief change.
    registry = edited_registry(
        tmp_path,
        "  name: Interfax\n  type: news agency\n  country: RU\n",
        "  name: Interfax\n  type: news agency\n  country: KZ\n",
    )
    reads_again_only(three, registry, "seeds/third.txt")


def test_a_new_outlet_reads_again_only_the_seeds_that_name_it(
    three: BuildConfig, tmp_path: Path
) -> None:
    write(three.seeds / "fourth.txt", "Fourth Brief\n\nA claim (Caspian Courier, June 3).\n")
    assert build(three).parsed == ("seeds/fourth.txt",)
    registry = edited_registry(
        tmp_path,
        "- id: interfax\n",
        "- id: caspian-courier\n  name: Caspian Courier\n  type: newspaper\n  country: AZ\n"
        "  language: en\n- id: interfax\n",
    )
    reads_again_only(three, registry, "seeds/fourth.txt")


def test_an_outlet_edit_no_seed_asked_about_reads_none_and_is_recorded(
    three: BuildConfig, tmp_path: Path
) -> None:
    registry = edited_registry(
        tmp_path,
        "aliases: [IA Regnum, Regnum News Agency]",
        "aliases: [IA Regnum, Regnum News Agency, Regnum Information Agency]",
    )
    result = build(three, registry=registry)
    assert result.parsed == ()
    assert on_disk(result) == cold(three, registry)
    # Recorded as answered by the edited registry: the next build asks nothing again.
    saved = load_seed_cache(three.seed_cache, seed_inputs_digest())
    made_with = answers_digest(registry, load_publications())
    assert {entry.asked.made_with for entry in saved.entries.values()} == {made_with}


def test_an_edited_publication_reads_again_only_the_seeds_it_publishes(
    three: BuildConfig, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Only the Eurasia Daily Monitor seed has a Publication: line; a volume's year moves.
    publications = tuple(
        replace(p, first_year=(p.first_year or 0) + 1) if p.name == "Eurasia Daily Monitor" else p
        for p in load_publications()
    )
    monkeypatch.setattr(build_stage, "load_publications", lambda: publications)
    result = build(three)
    assert result.parsed == ("seeds/edm-2011-8-212-moscow-tehran-rapprochement.txt",)
    edm = next(b for b in result.briefs if b.article.publication == "Eurasia Daily Monitor")
    assert edm.article.date_bounds is not None and edm.article.date_bounds[0].year == 2012


def fake_package(root: Path) -> Path:
    for name in (
        "model.py",
        "analysis/people.py",
        "render/templates/text.md.j2",
        "references/citeproc.py",
        "cli.py",
        "data/outlets.yml",
        "data/publications.yml",
        "data/glossary.yml",
        "data/csl/apa.csl",
    ):
        write(root / name, f"# {name}\n")
    return root


@pytest.mark.parametrize(
    ("edited", "reads_seeds_again"),
    [
        ("model.py", True),
        ("analysis/people.py", True),
        ("data/outlets.yml", False),
        ("data/publications.yml", False),
        ("render/templates/text.md.j2", False),
        ("references/citeproc.py", False),
        ("cli.py", False),
        ("data/glossary.yml", False),
        ("data/csl/apa.csl", False),
    ],
)
def test_only_what_seeds_are_read_with_is_in_their_key(
    tmp_path: Path, edited: str, reads_seeds_again: bool
) -> None:
    package = fake_package(tmp_path / "briefing")
    seeds, site = seed_inputs_digest(root=package), inputs_digest(root=package)
    write(package / edited, "# edited\n")
    assert (seed_inputs_digest(root=package) != seeds) is reads_seeds_again
    assert inputs_digest(root=package) != site  # every edit reaches the site


def test_reading_seeds_loads_no_data_file_that_shapes_pages_only(
    three: BuildConfig, monkeypatch: pytest.MonkeyPatch
) -> None:
    loaded: list[str] = []
    packaged = yamlfile.resources.files

    class Recording:
        def __init__(self, package: str) -> None:
            self.files = packaged(package)

        def joinpath(self, name: str) -> Traversable:
            loaded.append(f"data/{name}")
            return self.files.joinpath(name)

    registry = load_registry()
    monkeypatch.setattr(yamlfile, "resources", SimpleNamespace(files=Recording))
    three.seed_cache.unlink()
    seeds = Reuse.load(three, repr(registry.outlets), Memory.none()).seeds
    read = build_stage._read(three, registry, None, seeds)
    assert len(read.articles) == 3 and len(read.derived) == 3
    assert {"data/gazetteer.yml", "data/topics.yml"} <= set(loaded)
    assert [name for name in loaded if name.startswith(PAGES_ONLY)] == []


def packaged_text(name: str) -> str:
    return resources.files("briefing.data").joinpath(name).read_text("utf-8")


def edit_data_file(monkeypatch: pytest.MonkeyPatch, loader: str, loaded: object) -> None:
    """As if a packaged data file had been edited: its loader gives ``loaded``, and the
    build's key (a digest of the package's files) changes as it would."""
    monkeypatch.setattr(build_stage, loader, lambda: loaded)
    key = build_stage._build_key

    def changed_key(*args: Any) -> tuple[str, dict[str, str]]:
        made, known = key(*args)
        return made + loader, known

    monkeypatch.setattr(build_stage, "_build_key", changed_key)


def test_an_edited_lexicon_finds_topics_again_without_reading_a_seed(
    three: BuildConfig, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A new topic whose cue two of the seeds name.
    packaged = packaged_text("topics.yml")
    edited = packaged.replace("topics:\n", "topics:\n  Capitals:\n    - Tehran\n", 1)
    edited = edited.replace("threshold: 2", "threshold: 1")
    lexicon = load_lexicon(write(tmp_path / "topics.yml", edited))
    edit_data_file(monkeypatch, "load_lexicon", lexicon)
    result = build(three)
    assert result.parsed == ()
    tagged = [b.article.source for b in result.briefs if "Capitals" in b.topics]
    assert tagged == ["seeds/edm-2011-8-212-moscow-tehran-rapprochement.txt", "seeds/second.txt"]
    assert on_disk(result) == cold(three)


def test_an_edited_gazetteer_finds_names_again_without_reading_a_seed(
    three: BuildConfig, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Another spelling of a name the seeds use: the text page's hidden other names gain it.
    packaged = packaged_text("gazetteer.yml")
    edited = packaged.replace(
        "aliases: [Lavrov, Sergey Lavrov]", "aliases: [Lavrov, Sergey Lavrov, Lavrow]"
    )
    assert edited != packaged
    gazetteer = load_gazetteer(write(tmp_path / "gazetteer.yml", edited))
    edit_data_file(monkeypatch, "load_gazetteer", gazetteer)
    result = build(three)
    assert result.parsed == ()
    assert any("Lavrow" in text for text in texts(result.changed))
    assert on_disk(result) == cold(three)


def test_the_key_covers_the_package_and_its_data_files() -> None:
    assert inputs_digest() == inputs_digest()
    assert inputs_digest("another registry") != inputs_digest()
    cache = SeedCache(inputs_digest())
    assert cache.key("a.txt", b"x", None) != cache.key("a.txt", b"x", b"")
    assert cache.key("a.txt", b"x", None) != cache.key("b.txt", b"x", None)
    assert SeedCache("other").key("a.txt", b"x", None) != cache.key("a.txt", b"x", None)


@pytest.mark.parametrize(
    ("damage", "why"),
    [
        (lambda data: data[: len(data) // 2], "is damaged"),
        (lambda data: data[:-1] + bytes([data[-1] ^ 1]), "is damaged"),
        (lambda data: b"not a cache at all", "is not a briefing seed cache"),
        (lambda data: b"", "is not a briefing seed cache"),
        (lambda data: b"briefing seed cache 3\n" + data[len(MAGIC) :], "another version"),
    ],
)
def test_a_damaged_cache_is_noted_ignored_and_rebuilt(
    three: BuildConfig, damage: object, why: str
) -> None:
    path = three.seed_cache
    path.write_bytes(damage(path.read_bytes()))  # type: ignore[operator]
    result = build(three)
    assert result.seed_cache is not None and result.seed_cache.note is not None
    assert why in result.seed_cache.note and str(path) in result.seed_cache.note
    assert len(result.parsed) == 3
    assert on_disk(result) == cold(three)
    assert load_seed_cache(path, result.seed_cache.inputs).note is None  # rebuilt


def test_a_foreign_cache_with_a_valid_digest_is_ignored(three: BuildConfig) -> None:
    import hashlib

    body = b'{"inputs":"inputs","entries":1}\n["key","not an entry"]\n'
    three.seed_cache.write_bytes(MAGIC + hashlib.sha256(body).hexdigest().encode() + b"\n" + body)
    result = build(three)
    assert result.seed_cache is not None and result.seed_cache.note is not None
    assert len(result.parsed) == 3
    assert on_disk(result) == cold(three)


def test_a_cache_entry_never_serves_another_seed(three: BuildConfig) -> None:
    # Swap two seeds' contents: each must be read as what it now holds.
    second, third = three.seeds / "second.txt", three.seeds / "third.txt"
    text_second, text_third = second.read_text("utf-8"), third.read_text("utf-8")
    write(second, text_third)
    write(third, text_second)
    result = build(three)
    assert sorted(result.parsed) == ["seeds/second.txt", "seeds/third.txt"]
    assert on_disk(result) == cold(three)
    assert SEED.name in {Path(b.article.source).name for b in result.briefs}


def test_a_build_with_nothing_new_computes_nothing(three: BuildConfig) -> None:
    result = build(three)
    assert result.unchanged and result.parsed == ()
    assert on_disk(result) == cold(three)
    assert len(result.briefs) == 3


def test_a_generated_file_changed_by_hand_is_written_again(three: BuildConfig) -> None:
    page = next(p for p in plan(three).outputs if p.name == "text.md")
    expected = page.read_text("utf-8")
    page.write_text(expected + "\nedited by hand\n", "utf-8")
    result = build(three)
    assert not result.unchanged and page in result.changed
    assert page.read_text("utf-8") == expected
    page.unlink()
    assert page in build(three).changed and page.read_text("utf-8") == expected


def test_another_site_address_is_a_change(
    three: BuildConfig, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("BRIEFING_SITE_URL", "https://elsewhere.example/")
    result = build(three)
    assert not result.unchanged and result.changed
    assert any("elsewhere.example" in text for text in texts(result.changed))


def test_the_cli_and_the_mkdocs_hook_share_the_record(three: BuildConfig) -> None:
    # The hook names docs/ by its absolute path and passes the site's name:
    # `make site` (briefing build, then mkdocs build) must not convert twice.
    hook = BuildConfig(root=three.root, docs_dir=str(three.docs.resolve()), site_name="Briefing")
    assert build(hook).unchanged


def test_a_saved_cache_reads_back_as_the_same_entries(three: BuildConfig) -> None:
    write(three.seeds / "third.txt", THIRD.replace("June 2", "June 3"))
    result = build(three)
    assert result.parsed == ("seeds/third.txt",) and result.seed_cache is not None
    loaded = load_seed_cache(three.seed_cache, seed_inputs_digest())
    assert loaded.note is None and len(loaded.entries) == 3
    for key, entry in loaded.entries.items():
        saved = result.seed_cache.entries[key]
        assert entry == saved
        assert entry.article.warnings == saved.article.warnings  # left out of ==
        assert type(entry.article.paragraphs) is tuple
    write(three.seeds / "second.txt", SECOND.replace("May 2", "May 5"))
    result = build(three)
    assert result.parsed == ("seeds/second.txt",)
    assert on_disk(result) == cold(three)


def test_a_saved_cache_copies_the_lines_of_unchanged_entries(
    three: BuildConfig, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An edit build saves every entry but one as it was: copied, not encoded anew,
    and the file is byte for byte what encoding them all would write."""
    from briefing.build import cache as cache_module

    write(three.seeds / "second.txt", SECOND.replace("May 2", "May 4"))
    encoded: list[object] = []
    encode = cache_module.ENTRIES.encode
    monkeypatch.setattr(
        cache_module.ENTRIES, "encode", lambda value: encoded.append(value) or encode(value)
    )
    memory = build_stage.Memory()
    build(three, memory=memory)  # loads the file, saves it
    assert len(encoded) == 1  # the edited seed's entry only
    copied = three.seed_cache.read_bytes()
    loaded = load_seed_cache(three.seed_cache, seed_inputs_digest())
    loaded.used = set(loaded.entries)
    loaded.lines = {}  # nothing to copy from: every entry encoded
    loaded.save(three.root / "encoded.json")
    assert copied == (three.root / "encoded.json").read_bytes()
    # The server's next build saves from the file it wrote itself.
    write(three.seeds / "third.txt", THIRD.replace("June 2", "June 3"))
    encoded.clear()
    assert build(three, memory=memory).parsed == ("seeds/third.txt",)
    assert len(encoded) == 1
    assert on_disk(build(three)) == cold(three)


def test_a_cache_file_changed_under_it_is_encoded_whole(three: BuildConfig) -> None:
    loaded = load_seed_cache(three.seed_cache, seed_inputs_digest())
    loaded.used = set(loaded.entries)
    before = three.seed_cache.read_bytes()
    three.seed_cache.write_bytes(before[:-40] + b"x" * 40)  # another process wrote it
    loaded.save(three.seed_cache)
    assert three.seed_cache.read_bytes() == before  # not the other file's bytes
