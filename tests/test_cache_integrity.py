"""Caches that can only be right or ignored: a damaged entry of any kind is made again.

Each test takes a copy of one project built once (every cache filled),
damages one cache entry, and builds in full: the outputs must be the bytes
of the first build and the build must say, in one note, what it ignored.
The seeds and damage are made here.
"""

from __future__ import annotations

import ast
import hashlib
import json
import pickle  # only to write the files an older version left: the package never imports it
import shutil
import zlib
from collections.abc import Callable
from pathlib import Path

import pytest

from briefing.build import BuildResult, build, check
from briefing.build.cache import MAGIC
from briefing.config import BuildConfig
from briefing.website.rendered import MAGIC as PAGE_MAGIC
from briefing.website.rendered import RenderCache, Rendered
from briefing.website.shelf import pack
from tests.conftest import copy_project, write

SECOND = "Second Brief\n\nA claim about Tehran (TASS, May 2). Lavrov spoke (IRNA, May 3).\n"
"""A second seed, made here."""

Damage = Callable[[bytes], bytes]

PACKAGE = Path(__file__).resolve().parent.parent / "scripts"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, bytes]]:
    """A project built once, and its outputs' bytes by path from the root."""
    root = copy_project(tmp_path_factory.mktemp("integrity") / "project")
    write(root / "seeds" / "second.txt", SECOND)
    result = build(BuildConfig(root=root))
    assert not result.failed and not result.notes
    return root, outputs(result, root)


def outputs(result: BuildResult, root: Path) -> dict[str, bytes]:
    return {path.relative_to(root).as_posix(): path.read_bytes() for path in result.files}


@pytest.fixture
def project(built: tuple[Path, dict[str, bytes]], tmp_path: Path) -> BuildConfig:
    """A copy of the built project whose next build runs in full (no record of outputs)."""
    root = tmp_path / "project"
    shutil.copytree(built[0], root, symlinks=True)
    config = BuildConfig(root=root)
    config.output_record.unlink()
    return config


def rebuilt(config: BuildConfig, built: tuple[Path, dict[str, bytes]]) -> BuildResult:
    """A full build of ``config``'s project, which must write what the first build wrote."""
    result = build(config)
    assert not result.failed
    assert outputs(result, config.root) == built[1]
    return result


def cut(data: bytes) -> bytes:
    return data[: len(data) // 2]


def garbage(data: bytes) -> bytes:
    return bytes(range(256)) * (len(data) // 256 + 1)


def flipped(data: bytes) -> bytes:
    """One byte changed, in the middle: the format holds, the content is wrong."""
    middle = len(data) // 2
    return data[:middle] + bytes([data[middle] ^ 0x01]) + data[middle + 1 :]


def nested(data: bytes) -> bytes:
    """Arrays nested deeper than JSON can be read, on the first line."""
    return b"[" * 100_000 + b"]" * 100_000 + b"\n" + data


KINDS = [cut, garbage, flipped]


# The seed cache.


class Planted:
    """Made here: what a hostile cache file runs when it is unpickled: it creates ``path``."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def __reduce__(self) -> tuple[Callable[..., object], tuple[str, str]]:
        return (open, (str(self.path), "w"))


def test_a_planted_pickle_would_run_its_code(tmp_path: Path) -> None:
    pickle.loads(pickle.dumps(Planted(tmp_path / "ran")))  # what the next test must never do
    assert (tmp_path / "ran").exists()


@pytest.mark.parametrize("damage", KINDS, ids=lambda d: d.__name__)
def test_a_damaged_seed_cache_is_read_again_with_a_note(
    project: BuildConfig, built: tuple[Path, dict[str, bytes]], damage: Damage
) -> None:
    path = project.seed_cache
    path.write_bytes(MAGIC + damage(path.read_bytes()[len(MAGIC) :]))
    result = rebuilt(project, built)
    assert len(result.parsed) == 2
    assert [n for n in result.notes if str(path) in n and "ignored" in n]


def test_a_seed_cache_of_the_right_format_and_digest_but_wrong_shape_is_ignored(
    project: BuildConfig, built: tuple[Path, dict[str, bytes]]
) -> None:
    path = project.seed_cache
    lines = path.read_bytes().split(b"\n")
    key, entry = json.loads(lines[3])
    table, _ = entry  # the interned objects, then the entry
    article = next(row for tag, row in table if tag == "Article")
    article[0] = 12  # the article's slug as a number
    lines[3] = json.dumps([key, entry]).encode()
    body = b"\n".join(lines[2:])
    path.write_bytes(MAGIC + hashlib.sha256(body).hexdigest().encode() + b"\n" + body)
    result = rebuilt(project, built)
    assert len(result.parsed) == 2
    assert any("is not a briefing seed cache" in n for n in result.notes)


def test_a_seed_cache_nested_too_deep_to_read_is_ignored(
    project: BuildConfig, built: tuple[Path, dict[str, bytes]]
) -> None:
    body = nested(b"")
    path = project.seed_cache
    path.write_bytes(MAGIC + hashlib.sha256(body).hexdigest().encode() + b"\n" + body)
    result = rebuilt(project, built)
    assert any("is not a briefing seed cache" in n for n in result.notes)


@pytest.mark.parametrize("magic", [b"briefing seed cache 4\n", MAGIC])
def test_a_pickle_for_a_seed_cache_is_never_loaded(
    project: BuildConfig, built: tuple[Path, dict[str, bytes]], magic: bytes
) -> None:
    planted = project.root / "ran"
    body = pickle.dumps(Planted(planted))
    digest = hashlib.sha256(body).hexdigest().encode()
    project.seed_cache.write_bytes(magic + digest + b"\n" + body)
    old = project.seed_cache.with_name("seeds.pickle")  # the file an older version kept
    old.write_bytes(b"briefing seed cache 4\n" + digest + b"\n" + body)
    result = rebuilt(project, built)
    assert not planted.exists()
    assert len(result.parsed) == 2
    assert any(str(project.seed_cache) in n for n in result.notes)


# The citation cache.


def formatted_forged(data: bytes) -> bytes:
    """A line of the right shape whose formatted citation is not the one its check covers."""
    lines = data.split(b"\n")
    row = json.loads(lines[0])
    row[2] = "Forged, citation."
    lines[0] = json.dumps(row).encode()
    return b"\n".join(lines)


@pytest.mark.parametrize("damage", [*KINDS, formatted_forged, nested], ids=lambda d: d.__name__)
def test_a_damaged_citation_cache_line_is_formatted_again_with_a_note(
    project: BuildConfig, built: tuple[Path, dict[str, bytes]], damage: Damage
) -> None:
    path = project.cache
    path.write_bytes(damage(path.read_bytes()))
    result = rebuilt(project, built)
    assert [n for n in result.notes if str(path) in n and "damaged line" in n]
    assert b"Forged" not in path.read_bytes()
    assert not build(project).notes  # saved whole again


# The memo documents.


def memo_documents(config: BuildConfig) -> list[Path]:
    found = sorted(p for p in config.memo_cache.iterdir() if p.suffix in {".docx", ".odt"})
    assert found
    return found


def another_document(config: BuildConfig) -> Damage:
    """Another brief's document: a whole archive, not the one the digest is of."""
    other = memo_documents(config)[-1]
    return lambda data: other.read_bytes()


@pytest.mark.parametrize(
    "damage", [*KINDS, "another"], ids=["cut", "garbage", "flipped", "another"]
)
def test_a_damaged_memo_document_is_converted_again_with_a_note(
    project: BuildConfig, built: tuple[Path, dict[str, bytes]], damage: Damage | str
) -> None:
    damaging = another_document(project) if damage == "another" else damage
    assert callable(damaging)
    path = memo_documents(project)[0]
    path.write_bytes(damaging(path.read_bytes()))
    result = rebuilt(project, built)
    assert [n for n in result.notes if "1 damaged memo document" in n]
    assert not build(project).notes  # replaced, with its digest


def test_a_memo_document_without_its_digest_is_converted_again(
    project: BuildConfig, built: tuple[Path, dict[str, bytes]]
) -> None:
    path = memo_documents(project)[0]
    path.with_name(path.name + ".sha256").unlink()
    result = rebuilt(project, built)
    assert [n for n in result.notes if "1 damaged memo document" in n]


def test_check_compares_against_a_fresh_conversion_of_a_damaged_memo(
    project: BuildConfig, built: tuple[Path, dict[str, bytes]]
) -> None:
    # As a build before this check published it: the damaged document in docs/ too.
    kept = memo_documents(project)[0]
    published = next(
        project.root / name
        for name, data in built[1].items()
        if data == kept.read_bytes() and name.startswith(project.docs_dir)
    )
    kept.write_bytes(cut(kept.read_bytes()))
    published.write_bytes(kept.read_bytes())
    checked = check(project)
    assert checked.changed == (published,)
    assert [n for n in checked.notes if "1 damaged memo document" in n]
    rebuilt(project, built)
    assert check(project).changed == ()


# Rendered pages: whole builds of them are in test_rendered_pages.py.


def retitled(data: bytes) -> bytes:
    """The entry with its description's title changed, its length right, its digest not."""
    line = data.index(b"\n", len(PAGE_MAGIC))
    length, digest = data[len(PAGE_MAGIC) : line].split(b" ")
    start, end = line + 1, line + 1 + int(length)
    text = zlib.decompress(data[start:end])
    assert b'"title":"Title"' in text
    text = text.replace(b'"title":"Title"', b'"title":"Forged"')
    described = zlib.compress(text)
    return PAGE_MAGIC + b"%d %s\n" % (len(described), digest) + described + data[end:]


def test_a_kept_page_whose_description_was_changed_is_not_used(tmp_path: Path) -> None:
    cache = RenderCache(tmp_path, "settings")
    page = Rendered(pack("<p>a</p>"), "Title", [], [], None)
    cache.put("page.md", "k", page)
    (entry,) = [p for p in tmp_path.rglob("*") if p.is_file()]
    entry.write_bytes(retitled(entry.read_bytes()))
    assert cache.get("page.md", "k", lambda path: None) is None
    assert cache.note is not None and "1 unreadable rendered page" in cache.note


def test_a_kept_page_nested_too_deep_to_read_is_not_used(tmp_path: Path) -> None:
    cache = RenderCache(tmp_path, "settings")
    cache.put("page.md", "k", Rendered(pack("<p>a</p>"), "Title", [], [], None))
    (entry,) = [p for p in tmp_path.rglob("*") if p.is_file()]
    described = zlib.compress(nested(b""))
    header = b"%d %s\n" % (len(described), hashlib.sha256(described).hexdigest().encode())
    entry.write_bytes(PAGE_MAGIC + header + described)
    assert cache.get("page.md", "k", lambda path: None) is None
    assert cache.damaged == 1


def test_a_record_of_outputs_nested_too_deep_to_read_means_a_full_build(
    project: BuildConfig, built: tuple[Path, dict[str, bytes]]
) -> None:
    project.output_record.write_bytes(nested(b""))
    assert not rebuilt(project, built).unchanged


# No pickle in the package.

UNPICKLING = {"pickle", "_pickle", "cPickle", "dill", "shelve", "marshal"}
"""Modules that load data as code."""


def test_the_package_imports_no_pickle() -> None:
    importing = []
    for path in sorted(PACKAGE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text("utf-8"), str(path))):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                names = [node.module or ""]
            if any(
                n.split(".")[0] in {"pickle", "cPickle", "_pickle", "dill", "shelve"} for n in names
            ):
                importing.append(f"{path.relative_to(PACKAGE)}:{node.lineno}")
    assert importing == []
