"""Tests that kill mutants `make mutate` found alive (docs-dev/MUTATION.md): build."""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import errno
import hashlib
import importlib.resources
import io
import json
import os
import re
import shutil
import signal
import stat
import sys
import threading
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

import briefing.build.cache as cache_module
import briefing.build.staging as staging
from briefing.analysis.gazetteer import Gazetteer
from briefing.analysis.topics import Lexicon
from briefing.build.cache import Asked, Asking, Entry, SeedCache, load_seed_cache
from briefing.build.citecache import line_check, load_cache, save_cache, stamp
from briefing.build.codec import Codec, DecodeError
from briefing.build.staging import (
    Staging,
    atomic_file,
    interrupts_held,
    link_or_copy,
    new_file_mode,
    replace_files,
    same_bytes,
)
from briefing.citations.registry import Registry
from briefing.errors import BriefingError
from briefing.model import (
    Article,
    Citation,
    Outlet,
    Paragraph,
    Parenthetical,
    ParentheticalKind,
    Publication,
)
from briefing.references.citeproc import FormatCache

# File names and contents here are made here.


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_staging_writes_only_what_differs_and_swaps_it_in(tmp_path: Path) -> None:
    same, other, new = tmp_path / "same.md", tmp_path / "other.md", tmp_path / "sub" / "new.md"
    same.write_text("kept", "utf-8")
    other.write_text("old", "utf-8")
    with Staging() as staging:
        staging.offer(same, "kept")
        staging.offer(other, "néw")
        staging.offer(new, b"bytes")
        assert staging.changed == [other, new]
        assert staging.produced == {same, other, new}
        assert other.read_text("utf-8") == "old" and not new.exists()
        staging.swap()
    assert other.read_text("utf-8") == "néw" and new.read_bytes() == b"bytes"
    assert leftovers(tmp_path) == [] and leftovers(new.parent) == []
    assert stat.S_IMODE(new.stat().st_mode) == new_file_mode()


def test_an_output_offered_twice_is_refused(tmp_path: Path) -> None:
    with Staging() as staging:
        staging.offer(tmp_path / "a", "x")
        with pytest.raises(ValueError, match="is an output twice"):
            staging.offer(tmp_path / "a", "y")


def test_leaving_by_an_error_removes_what_was_staged(tmp_path: Path) -> None:
    target = tmp_path / "a.md"
    target.write_text("old", "utf-8")
    with pytest.raises(KeyError), Staging() as staging:
        staging.offer(target, "new")
        assert len(leftovers(tmp_path)) == 1
        raise KeyError
    assert leftovers(tmp_path) == [] and target.read_text("utf-8") == "old"


def test_a_staging_that_does_not_write_records_and_cannot_swap(tmp_path: Path) -> None:
    with Staging(write=False) as staging:
        staging.offer(tmp_path / "a", "x")
        assert staging.changed == [tmp_path / "a"]
        assert list(tmp_path.iterdir()) == []
        with pytest.raises(RuntimeError, match=r"^a staging that does not write cannot swap$"):
            staging.swap()


def test_swap_removes_orphans_and_the_folders_they_leave_empty(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    lone = docs / "a" / "b" / "lone.md"
    kept = docs / "c" / "kept.md"
    beside = docs / "c" / "gone.md"
    for path in (lone, kept, beside):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("x", "utf-8")
    with Staging() as staging:
        staging.swap([lone, beside, docs / "missing.md"], within=docs)
    assert not (docs / "a").exists() and docs.is_dir()
    assert kept.exists() and not beside.exists()
    with Staging() as staging:
        staging.swap([kept])
    assert (docs / "c").is_dir()  # without ``within`` no folder is removed


def test_same_bytes(tmp_path: Path) -> None:
    path = tmp_path / "a"
    path.write_bytes(b"abc")
    assert same_bytes(path, b"abc")
    assert not same_bytes(path, b"abd")
    assert not same_bytes(path, b"ab")
    assert not same_bytes(tmp_path / "missing", b"")


def test_replace_files_replaces_changed_files_and_removes_orphans(tmp_path: Path) -> None:
    orphan = tmp_path / "orphan"
    orphan.write_text("x", "utf-8")
    replace_files([(tmp_path / "a", "A")], [orphan])
    assert (tmp_path / "a").read_text("utf-8") == "A" and not orphan.exists()


def test_atomic_file_replaces_only_when_the_block_succeeds(tmp_path: Path) -> None:
    path = tmp_path / "deep" / "cache"
    with atomic_file(path) as handle:
        handle.write(b"one")
    assert path.read_bytes() == b"one"
    assert stat.S_IMODE(path.stat().st_mode) == new_file_mode()
    with pytest.raises(KeyError), atomic_file(path) as handle:
        handle.write(b"two")
        raise KeyError
    assert path.read_bytes() == b"one" and leftovers(path.parent) == []


def test_link_or_copy_replaces_the_target_without_writing_into_it(tmp_path: Path) -> None:
    source, shared, target = tmp_path / "s", tmp_path / "shared", tmp_path / "new" / "t"
    source.write_text("source", "utf-8")
    shared.write_text("shared", "utf-8")
    link_or_copy(source, target)
    assert target.read_text("utf-8") == "source" and target.stat().st_ino == source.stat().st_ino
    os.link(shared, tmp_path / "t2")
    link_or_copy(source, tmp_path / "t2")
    assert shared.read_text("utf-8") == "shared"
    assert (tmp_path / "t2").read_text("utf-8") == "source"


def test_new_file_mode_is_the_umask_s() -> None:
    umask = os.umask(0o022)
    os.umask(umask)
    assert new_file_mode() == 0o666 & ~umask


def test_interrupts_held_delivers_a_signal_after_the_block() -> None:
    received: list[str] = []
    previous = signal.signal(signal.SIGTERM, lambda *_: received.append("handled"))
    try:
        with interrupts_held():
            signal.raise_signal(signal.SIGTERM)
            received.append("block done")
        assert received == ["block done", "handled"]
        assert signal.getsignal(signal.SIGTERM) is not None
    finally:
        signal.signal(signal.SIGTERM, previous)


def test_interrupts_held_outside_the_main_thread_holds_nothing() -> None:
    seen: list[bool] = []

    def run() -> None:
        with interrupts_held():
            seen.append(True)

    thread = threading.Thread(target=run)
    thread.start()
    thread.join()
    assert seen == [True]


# The citation cache's file (entries made here: four strings a key).

ENTRY = ["c plain", "c *md*", "b plain", "b *md*"]


def cache_of(*keys: str) -> FormatCache:
    cache = FormatCache({key: [f"{key} {text}" for text in ENTRY] for key in keys})
    cache.used.update(keys)
    return cache


def test_line_check_is_a_digest_of_key_and_strings() -> None:
    text = json.dumps(["k", *ENTRY], ensure_ascii=True, separators=(",", ":"))
    assert line_check("k", ENTRY) == hashlib.sha256(text.encode("ascii")).hexdigest()[:32]
    assert line_check("k", ENTRY) != line_check("j", ENTRY)


def test_a_saved_cache_is_one_sorted_line_an_entry_and_loads_back(tmp_path: Path) -> None:
    path = tmp_path / "citations.jsonl"
    cache = cache_of("b", "a", "é")
    cache.entries["unused"] = ENTRY
    saved = save_cache(cache, path)
    assert saved == stamp(path) == (path.stat().st_size, path.stat().st_mtime_ns)
    lines = path.read_bytes().split(b"\n")
    assert lines[-1] == b"" and len(lines) == 4
    first = json.loads(lines[0])
    assert first == ["a", *(f"a {t}" for t in ENTRY), line_check("a", first[1:5])]
    assert "é".encode() in lines[2]  # written as UTF-8, not as an escape
    loaded = load_cache(path)
    assert loaded.entries == {k: cache.entries[k] for k in ("a", "b", "é")}
    assert loaded.note is None


def test_damaged_lines_are_left_out_and_counted(tmp_path: Path) -> None:
    path = tmp_path / "citations.jsonl"
    save_cache(cache_of("a", "b"), path)
    good = path.read_bytes()
    wrong_check = json.dumps(["c", *ENTRY, "0" * 32]).encode() + b"\n"
    short = json.dumps(["d", *ENTRY[:3], line_check("d", ENTRY[:3])]).encode() + b"\n"
    not_text = json.dumps(["e", 1, 2, 3, 4, "x"]).encode() + b"\n"
    nested = b"[" * 100_000 + b"\n"
    cut = json.dumps(["f", *ENTRY, line_check("f", ENTRY)]).encode()
    path.write_bytes(good + wrong_check + short + not_text + b"{}\n" + nested + b"x\n" + cut)
    loaded = load_cache(path)
    assert sorted(loaded.entries) == ["a", "b"]
    assert loaded.note == (
        f"{path}: 7 damaged line(s) ignored; their citations are formatted again"
    )


def test_a_missing_or_unreadable_file_is_an_empty_cache(tmp_path: Path) -> None:
    assert load_cache(tmp_path / "missing").entries == {}
    assert load_cache(tmp_path).entries == {}  # a folder
    assert stamp(tmp_path / "missing") is None


def test_a_save_copies_the_lines_of_an_unchanged_file(tmp_path: Path) -> None:
    path = tmp_path / "citations.jsonl"
    loaded_stamp = save_cache(cache_of("a", "c", "e"), path)
    # A line kept by hand with a different spelling of the same entry shows it was copied.
    lines = path.read_bytes().split(b"\n")
    respaced = json.dumps(json.loads(lines[1])).encode()  # "c" with spaces after commas
    path.write_bytes(lines[0] + b"\n" + respaced + b"\n" + lines[2] + b"\n")
    os.utime(path, ns=(loaded_stamp[1], loaded_stamp[1]))
    size = path.stat().st_size
    new = cache_of("b", "c", "d", "e")
    saved = save_cache(new, path, loaded=(size, loaded_stamp[1]))
    assert respaced + b"\n" in path.read_bytes()  # copied, not encoded again
    assert sorted(load_cache(path).entries) == ["b", "c", "d", "e"]
    assert saved == stamp(path)
    # A file changed since it was loaded is not copied from.
    path.write_bytes(lines[0] + b"\n" + respaced + b"\n" + lines[2] + b"\n")
    save_cache(new, path, loaded=(1, 1))
    assert respaced not in path.read_bytes()
    assert sorted(load_cache(path).entries) == ["b", "c", "d", "e"]


# The seed cache's codec, on dataclasses made here.


class Colour(enum.StrEnum):
    RED = "red"
    BLUE = "blue"


@dataclasses.dataclass(frozen=True)
class Tag:
    name: str
    colour: Colour


@dataclasses.dataclass(frozen=True)
class Noted:
    text: str
    note: str = dataclasses.field(default="", compare=False)


@dataclasses.dataclass(frozen=True)
class Point:
    x: int
    label: str | None


@dataclasses.dataclass(frozen=True)
class Record:
    title: str
    count: int
    flag: bool
    when: dt.date | None
    words: tuple[str, ...]
    tags: tuple[Tag, ...]
    pair: tuple[int, str]
    points: tuple[Point, ...]
    noted: tuple[Noted, ...]
    best: Tag | None


RED = Tag("r", Colour.RED)


def record(**fields: object) -> Record:
    base: dict[str, object] = {
        "title": "t",
        "count": 3,
        "flag": True,
        "when": dt.date(2011, 11, 21),
        "words": ("a", "b"),
        "tags": (RED, Tag("r", Colour.RED), Tag("b", Colour.BLUE)),
        "pair": (1, "one"),
        "points": (Point(1, None), Point(2, "two")),
        "noted": (Noted("n", "first"), Noted("n", "second")),
        "best": RED,
    }
    return Record(**{**base, **fields})  # type: ignore[arg-type]


def make_codec() -> Codec[Record]:
    # Made in each test, not once at import: a codec builds its encoders and
    # decoders when it is made, and `make mutate` switches a mutant on only
    # while the test runs.
    return Codec(Record, interned=(Tag, Noted))


def test_the_codec_writes_interned_objects_once_and_reads_them_back_shared() -> None:
    value = record()
    document = make_codec().encode(value)
    assert json.loads(json.dumps(document)) == document
    rows, encoded = document
    assert rows == [
        ["Tag", ["r", "red"]],
        ["Tag", ["b", "blue"]],
        ["Noted", ["n", "first"]],
        ["Noted", ["n", "second"]],  # equal to the first, but its note differs
    ]
    assert encoded == [
        "t", 3, True, "2011-11-21", ["a", "b"], [0, 0, 1], [1, "one"],
        [[1, None], [2, "two"]], [2, 3], 0,
    ]  # fmt: skip
    decoded = make_codec().decode(document)
    assert decoded == value and decoded.noted[1].note == "second"
    assert decoded.tags[0] is decoded.tags[1] is decoded.best
    assert make_codec().decode(
        make_codec().encode(record(when=None, best=None, words=()))
    ) == record(when=None, best=None, words=())


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: [{}, d[1]], "^no table$"),
        (lambda d: [d[0], d[1][:3]], "expected the 10 fields of a Record"),
        (lambda d: [d[0], "x"], "expected the 10 fields of a Record"),
        (lambda d: [d[0], ["t", "3", *d[1][2:]]], "a field of a Record is not of its type"),
        (lambda d: [d[0], ["t", True, *d[1][2:]]], "a field of a Record is not of its type"),
        (lambda d: [d[0], [*d[1][:3], 2011, *d[1][4:]]], "expected str, got int"),
        (lambda d: [d[0], [*d[1][:3], "2011-13-01", *d[1][4:]]], "month must be in 1..12"),
        (lambda d: [d[0], [*d[1][:4], ["a", 1], *d[1][5:]]], "expected an array of str"),
        (lambda d: [d[0], [*d[1][:4], "ab", *d[1][5:]]], "expected an array of str"),
        (lambda d: [d[0], [*d[1][:5], 0, *d[1][6:]]], "expected an array$"),
        (lambda d: [d[0], [*d[1][:5], [9], *d[1][6:]]], "list index out of range"),
        (lambda d: [d[0], [*d[1][:5], [2], *d[1][6:]]], "not a Tag of the table"),
        (lambda d: [d[0], [*d[1][:5], ["0"], *d[1][6:]]], "not a Tag of the table"),
        (lambda d: [d[0], [*d[1][:6], [1], *d[1][7:]]], "expected an array of 2"),
        (lambda d: [d[0], [*d[1][:6], {"a": 1}, *d[1][7:]]], "expected an array of 2"),
        (lambda d: [d[0], [*d[1][:6], [1, 2], *d[1][7:]]], "expected str, got int"),
        (lambda d: [d[0], [*d[1][:7], [[1]], *d[1][8:]]], "expected the 2 fields of a Point"),
        (lambda d: [d[0], [*d[1][:7], [[1, 2]], *d[1][8:]]], "a field of a Point is not of"),
        (lambda d: [[["Tag", ["r", "green"]]], d[1]], "'green' is not a valid Colour"),
        (lambda d: [[["Tag", ["r", 5]]], d[1]], "expected str, got int"),
        (lambda d: [[["Other", ["r"]]], d[1]], "Other"),
        (lambda d: [[["Tag"]], d[1]], "not enough values to unpack"),
        (lambda d: [d[0]], "not enough values to unpack"),
    ],
)
def test_a_document_of_another_shape_is_a_decode_error(
    change: Callable[[list[Any]], Any], message: str
) -> None:
    with pytest.raises(DecodeError, match=message):
        make_codec().decode(change(make_codec().encode(record())))


def test_a_decoded_root_must_be_of_the_root_class() -> None:
    codec = Codec(Tag, interned=(Tag,))
    assert codec.encode(RED) == [[["Tag", ["r", "red"]]], 0]
    assert codec.decode([[["Tag", ["r", "red"]]], 0]) == RED
    with pytest.raises(DecodeError, match="not a Tag of the table"):
        codec.decode([[["Tag", ["r", "red"]]], True])


@dataclasses.dataclass(frozen=True)
class Listed:
    items: list[str]


@dataclasses.dataclass(frozen=True)
class Either:
    value: int | str


@dataclasses.dataclass(frozen=True)
class Keyword:
    value: int = dataclasses.field(kw_only=True)


@dataclasses.dataclass(frozen=True)
class Checked:
    value: int

    def __post_init__(self) -> None:
        pass


def test_hints_the_codec_cannot_carry_fail_when_it_is_made() -> None:
    with pytest.raises(TypeError, match="cannot encode list"):
        Codec(Listed)
    with pytest.raises(TypeError, match=r"only X \| None is supported, not int \| str"):
        Codec(Either)
    with pytest.raises(TypeError, match="Keyword: every field must be positional, and set as is"):
        Codec(Keyword)
    with pytest.raises(TypeError, match="Checked: every field must be positional"):
        Codec(Checked)


def test_a_save_after_a_damaged_line_writes_the_entry_formatted_again(tmp_path: Path) -> None:
    # The line keeps its key and its end but no longer matches its check: the load
    # leaves it out, the build formats its citation again, and the save must write
    # that, not copy the damaged line back (which would be noted at every build).
    path = tmp_path / "citations.jsonl"
    save_cache(cache_of("k"), path)
    row = json.loads(path.read_bytes())
    row[1] = "damaged"
    path.write_bytes(json.dumps(row, separators=(",", ":")).encode() + b"\n")
    loaded = load_cache(path)
    assert loaded.entries == {} and loaded.note is not None
    loaded.entries["k"] = cache_of("k").entries["k"]
    loaded.used.add("k")
    save_cache(loaded, path, loaded=stamp(path))
    healed = load_cache(path)
    assert healed.note is None and healed.entries == cache_of("k").entries


def test_a_staged_file_is_hidden_beside_its_target(tmp_path: Path) -> None:
    # MkDocs skips files whose names start with a dot: a staged page is never read as one.
    with Staging() as staging:
        staging.offer(tmp_path / "a.md", "new")
        (staged,) = tmp_path.iterdir()
        assert staged.name.startswith(".a.md.") and staged.name.endswith(".tmp")


def test_discarding_a_staged_file_already_gone_is_no_error(tmp_path: Path) -> None:
    with Staging() as staging:
        staging.offer(tmp_path / "a.md", "new")
        for path in tmp_path.iterdir():
            path.unlink()
        staging.discard()
    assert list(tmp_path.iterdir()) == []


def test_removing_the_last_orphan_keeps_the_folder_it_is_within(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "only.md").write_text("x", "utf-8")
    with Staging() as staging:
        staging.swap([docs / "only.md"], within=docs)
    assert docs.is_dir() and list(docs.iterdir()) == []


def test_link_or_copy_into_an_existing_folder_and_where_no_link_can_be_made(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = tmp_path / "s"
    source.write_text("source", "utf-8")
    link_or_copy(source, tmp_path / "t")
    assert (tmp_path / "t").read_text("utf-8") == "source"

    def no_link(*_: object) -> None:
        raise OSError("no hard links here")

    monkeypatch.setattr(os, "link", no_link)
    link_or_copy(source, tmp_path / "copy")
    copy = tmp_path / "copy"
    assert copy.read_text("utf-8") == "source" and copy.stat().st_ino != source.stat().st_ino


def test_an_entry_with_a_lone_surrogate_is_saved_and_loaded_back(tmp_path: Path) -> None:
    # The file is written and read with surrogatepass: a string holding one comes back whole.
    path = tmp_path / "citations.jsonl"
    cache = FormatCache({"k": ["a\ud800b", *ENTRY[1:]]})
    cache.used.add("k")
    save_cache(cache, path)
    assert load_cache(path).entries == {"k": ["a\ud800b", *ENTRY[1:]]}


def test_a_save_copying_lines_asks_for_keys_beyond_the_last_line(tmp_path: Path) -> None:
    path = tmp_path / "citations.jsonl"
    saved = save_cache(cache_of("a"), path)
    save_cache(cache_of("a", "b", "c"), path, loaded=saved)
    assert sorted(load_cache(path).entries) == ["a", "b", "c"]
    path.write_bytes(b"")
    save_cache(cache_of("a"), path, loaded=stamp(path))
    assert sorted(load_cache(path).entries) == ["a"]


def test_a_new_file_that_cannot_be_set_up_leaves_nothing_behind(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(*_: object) -> None:
        raise PermissionError("made here: the mode cannot be set")

    monkeypatch.setattr(os, "fchmod", refuse)
    with pytest.raises(PermissionError), atomic_file(tmp_path / "cache"):
        pass
    assert list(tmp_path.iterdir()) == []


def test_a_staged_file_that_cannot_be_written_leaves_nothing_behind(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(*_: object, **__: object) -> None:
        raise OSError("made here: the disk is full")

    with Staging() as staging:
        monkeypatch.setattr(os, "fdopen", refuse)
        with pytest.raises(BriefingError, match=r"a.md: could not be written \(made here"):
            staging.offer(tmp_path / "a.md", "new")
    assert list(tmp_path.iterdir()) == []


@dataclasses.dataclass(frozen=True)
class Node:
    name: str
    children: tuple[Node, ...]
    pair: tuple[int, Tag]


@dataclasses.dataclass(frozen=True)
class Holder:
    tags: tuple[Tag, ...]


def test_a_class_that_holds_itself_and_a_pair_holding_a_shared_object() -> None:
    codec = Codec(Node, interned=(Tag,))
    tree = Node("root", (Node("leaf", (), (2, RED)),), (1, RED))
    document = codec.encode(tree)
    assert document == [[["Tag", ["r", "red"]]], ["root", [["leaf", [], [2, 0]]], [1, 0]]]
    decoded = codec.decode(document)
    assert decoded == tree and decoded.pair[1] is decoded.children[0].pair[1]


def test_a_class_without_scalar_fields_reads_back() -> None:
    codec = Codec(Holder, interned=(Tag,))
    assert codec.decode(codec.encode(Holder((RED,)))) == Holder((RED,))


@dataclasses.dataclass(frozen=True)
class Located:
    path: Path


def test_a_plain_class_field_cannot_be_carried() -> None:
    with pytest.raises(TypeError, match=r"cannot encode <class 'pathlib\.Path'>"):
        Codec(Located)


@dataclasses.dataclass(frozen=True)
class Labelled:
    label: str
    tag: Tag


@dataclasses.dataclass(frozen=True)
class Shelf:
    items: tuple[Labelled, ...]


def test_a_shared_object_holding_another_is_written_after_it_and_read_back() -> None:
    # As the model's citations hold their outlets.
    codec = Codec(Shelf, interned=(Labelled, Tag))
    shelf = Shelf((Labelled("x", RED), Labelled("x", RED), Labelled("y", RED)))
    document = codec.encode(shelf)
    assert document == [
        [["Tag", ["r", "red"]], ["Labelled", ["x", 0]], ["Labelled", ["y", 0]]],
        [[1, 1, 2]],
    ]
    decoded = codec.decode(document)
    assert decoded == shelf and decoded.items[0] is decoded.items[1]
    assert decoded.items[0].tag is decoded.items[2].tag


# The switch's journal (build/staging.py): what a killed build leaves, finished.


def _file(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_a_damaged_journal_is_noted_and_swept(tmp_path: Path) -> None:
    folder = tmp_path / ".staging"
    _file(folder / "journal.json", '{"moves": [["a"]]}')  # made here: as no switch writes it
    _file(folder / ".index.md.x.tmp", "staged")
    note = staging.finish_switch(folder)
    assert note is not None and "journal is damaged" in note and "ignored" in note
    assert not folder.exists()
    assert staging.finish_switch(folder) is None  # nothing to finish, nothing said


def test_a_journal_that_is_not_utf_8_is_noted_and_swept(tmp_path: Path) -> None:
    folder = tmp_path / ".staging"
    folder.mkdir()
    (folder / "journal.json").write_bytes(b'{"moves": [], \xff')  # made here
    why = "'utf-8' codec can't decode byte 0xff in position 14: invalid start byte"
    note = f"{folder / 'journal.json'}: an interrupted build's journal is damaged ({why}); ignored"
    assert staging.finish_switch(folder) == note
    assert not folder.exists()


def test_a_staging_folder_with_a_switch_unfinished_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / ".staging"
    _file(folder / "journal.json", '{"moves": [], "orphans": [], "within": null}')
    with pytest.raises(RuntimeError, match="not yet finished"):
        staging.Staging(folder=folder)


def test_outputs_on_another_disk_are_staged_beside_their_target(tmp_path: Path) -> None:
    folder, target = tmp_path / ".staging", tmp_path / "docs" / "page.md"
    _file(target, "old")
    with staging.Staging(folder=folder) as stage:
        stage._device = -1  # as if docs/ were on a disk of its own
        stage.offer(target, "new")
        assert [p.name for p in target.parent.iterdir() if p.name.endswith(".tmp")] != []
        assert list(folder.iterdir()) == []
        stage.swap()
    assert target.read_text("utf-8") == "new"
    assert sorted(p.name for p in target.parent.iterdir()) == ["page.md"]
    assert not folder.exists()


def test_a_journaled_swap_moves_removes_and_leaves_no_folder(tmp_path: Path) -> None:
    folder, docs = tmp_path / ".staging", tmp_path / "docs"
    kept, changed = _file(docs / "kept.md", "same"), _file(docs / "a" / "changed.md", "old")
    orphan = _file(docs / "gone" / "deep" / "orphan.md", "old")
    points: list[str] = []
    with staging.Staging(folder=folder) as stage:
        stage.offer(kept, "same")
        stage.offer(changed, "new")
        stage.offer(docs / "b" / "new.md", "made")
        assert stage.changed == [changed, docs / "b" / "new.md"]
        assert sorted(p.name.split(".")[1] for p in folder.iterdir()) == ["changed", "new"]
        original, staging.reached = staging.reached, points.append
        try:
            stage.swap([orphan], within=tmp_path)
        finally:
            staging.reached = original
    assert points == ["journal written", "moved 1", "moved 2", "removed"]
    assert changed.read_text("utf-8") == "new"
    assert (docs / "b" / "new.md").read_text("utf-8") == "made"
    assert not orphan.exists() and not (docs / "gone").exists()  # emptied folders go too
    assert not folder.exists()


def test_the_journal_names_every_move_and_removal_relative_to_the_project(tmp_path: Path) -> None:
    folder = tmp_path / ".staging"
    folder.mkdir()
    moves = [(folder / ".a.md.x.tmp", tmp_path / "docs" / "a.md")]
    staging._write_journal(folder, moves, [tmp_path / "references.bib"], tmp_path)
    data = json.loads((folder / "journal.json").read_text("utf-8"))
    assert data == {
        "moves": [[".staging/.a.md.x.tmp", "docs/a.md"]],
        "orphans": ["references.bib"],
        "within": ".",
    }
    assert sorted(p.name for p in folder.iterdir()) == ["journal.json"]  # no partial left
    orphans = [tmp_path / "references.bib"]
    assert staging._read_journal(json.dumps(data), tmp_path) == (moves, orphans, tmp_path)
    data["within"] = None
    assert staging._read_journal(json.dumps(data), tmp_path)[2] is None


def test_a_switch_left_halfway_is_finished_from_its_journal(tmp_path: Path) -> None:
    folder, docs = tmp_path / ".staging", tmp_path / "docs"
    done = _file(docs / "done.md", "new")  # renamed before the kill: its staged file is gone
    waiting = _file(docs / "waiting.md", "old")
    staged = _file(folder / ".waiting.md.x.tmp", "new")
    into_gone_folder = _file(folder / ".page.md.y.tmp", "made")  # its folder was removed since
    orphan = _file(docs / "old" / "orphan.md", "old")
    moves = [
        (folder / ".done.md.z.tmp", done),
        (staged, waiting),
        (into_gone_folder, docs / "later" / "deeper" / "page.md"),
    ]
    already_gone = docs / "removed before the kill.md"
    staging._write_journal(folder, moves, [orphan, already_gone], tmp_path)
    _file(folder / ".other.md.w.tmp", "staged by a build killed before its switch")
    note = staging.finish_switch(folder)
    finished = "an interrupted build's switch was finished (3 files written, 2 removed)"
    assert note == f"{folder}: {finished}"
    deeper = docs / "later" / "deeper" / "page.md"
    assert [p.read_text("utf-8") for p in (done, waiting, deeper)] == [
        "new",
        "new",
        "made",
    ]
    assert not orphan.exists() and not (docs / "old").exists()
    assert not folder.exists()


def test_a_failed_switch_keeps_its_journal_for_the_next_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder, target = tmp_path / ".staging", _file(tmp_path / "docs" / "a.md", "old")

    real = os.replace

    def refuse(source: Path, target: Path) -> None:
        if Path(target).name == "a.md":  # the output's rename, not the journal's
            raise PermissionError("made here: the rename is refused")
        real(source, target)

    stage = staging.Staging(folder=folder)
    stage.offer(target, "new")
    monkeypatch.setattr(staging.os, "replace", refuse)
    with pytest.raises(PermissionError), stage:
        stage.swap()
    monkeypatch.undo()
    assert (folder / "journal.json").exists() and len(list(folder.iterdir())) == 2
    staging.finish_switch(folder)
    assert target.read_text("utf-8") == "new" and not folder.exists()


def test_a_staging_that_fails_before_its_switch_removes_its_folder(tmp_path: Path) -> None:
    folder, target = tmp_path / ".staging", _file(tmp_path / "docs" / "a.md", "old")
    with pytest.raises(KeyError), staging.Staging(folder=folder) as stage:
        stage.offer(target, "new")
        raise KeyError("made here")
    assert target.read_text("utf-8") == "old" and not folder.exists()


def test_finishing_a_folder_that_is_a_file_or_a_link_removes_it(tmp_path: Path) -> None:
    folder = _file(tmp_path / ".staging", "not a folder")
    assert staging.finish_switch(folder) is None and not folder.exists()
    folder.symlink_to(tmp_path / "elsewhere")
    assert staging.finish_switch(folder) is None and not folder.is_symlink()


def test_a_staging_folder_is_made_only_by_a_staging_that_writes(tmp_path: Path) -> None:
    folder = tmp_path / "deep" / "er" / ".staging"
    assert staging.Staging(write=False, folder=folder).folder is None and not folder.exists()
    target = tmp_path / "docs" / "a" / "b" / "page.md"
    with staging.Staging(folder=folder) as stage:  # its parents made as needed
        stage.offer(target, "new")  # and the target's
        stage.swap()
    assert target.read_text("utf-8") == "new" and not folder.exists()


def _staging_that_fails_at(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, sizes: list[int], error: OSError
) -> BriefingError:
    """The error of a staging whose output after ``sizes`` (bytes each) cannot be written."""
    stage = staging.Staging()
    for number, size in enumerate(sizes):
        stage.offer(tmp_path / f"{number}.bin", b"x" * size)

    def refuse(path: Path, data: bytes, folder: Path) -> Path:
        raise error

    monkeypatch.setattr(staging, "_stage", refuse)
    with pytest.raises(BriefingError) as caught, stage:
        stage.offer(tmp_path / "last.bin", b"y")
    monkeypatch.undo()
    assert caught.value.__cause__ is error
    return caught.value


def test_an_output_that_cannot_be_written_says_so_and_on_a_full_disk_how_much_to_free(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    last = str(tmp_path / "last.bin")
    full = OSError(errno.ENOSPC, "No space left on device")
    filled = f"the disk holding {tmp_path} filled after this build had staged"
    for sizes, megabytes in (([600_000, 400_000], 2), ([999_998, 1], 1), ([], 1)):
        error = _staging_that_fails_at(tmp_path, monkeypatch, sizes, full)
        assert error.file == last
        assert error.message == (
            f"could not be written (No space left on device); nothing was changed; "
            f"{filled} {megabytes} MB: free more than that and build again"
        )
    refused = OSError(errno.EACCES, "Permission denied")
    error = _staging_that_fails_at(tmp_path, monkeypatch, [10], refused)
    assert error.message == "could not be written (Permission denied); nothing was changed"
    assert leftovers(tmp_path) == []


def test_a_staging_folder_left_empty_is_used(tmp_path: Path) -> None:
    folder = tmp_path / ".staging"
    folder.mkdir()
    with staging.Staging(folder=folder) as stage:
        stage.offer(tmp_path / "a.md", "new")
        stage.swap()
    assert (tmp_path / "a.md").read_text("utf-8") == "new" and not folder.exists()


def test_a_failed_build_s_own_error_stands_when_its_staging_folder_is_gone(
    tmp_path: Path,
) -> None:
    folder = tmp_path / ".staging"
    with pytest.raises(KeyError, match="made here"), staging.Staging(folder=folder) as stage:
        stage.offer(tmp_path / "a.md", "new")
        shutil.rmtree(folder)  # removed by hand meanwhile
        raise KeyError("made here")


def test_the_journal_keeps_where_emptied_folders_are_removed_and_only_it_reports(
    tmp_path: Path,
) -> None:
    folder, docs = tmp_path / ".staging", tmp_path / "docs"
    orphan = _file(docs / "gone" / "orphan.md", "old")
    journals: list[dict[str, Any]] = []

    def read_journal(point: str) -> None:
        if point == "journal written":
            journals.append(json.loads((folder / "journal.json").read_text("utf-8")))

    original, staging.reached = staging.reached, read_journal
    try:
        with staging.Staging(folder=folder) as stage:
            stage.offer(docs / "a.md", "new")
            stage.swap([orphan], within=docs)
        assert [journal["within"] for journal in journals] == ["docs"]
        journals.clear()
        staging.reached = lambda point: journals.append({"point": point})
        with staging.Staging() as stage:  # no folder: no journal, no points
            stage.offer(docs / "b.md", "new")
            stage.swap()
        assert journals == []
    finally:
        staging.reached = original


# The seed cache (build/cache.py), on an article, outlets and publications made here.


def _outlets() -> tuple[Outlet, Outlet]:
    return Outlet("daily", "Example Daily"), Outlet("weekly", "Example Weekly")


def _article(title: str = "Made here: é") -> Article:
    daily = _outlets()[0]
    citation = Citation("Example Daily", daily, (), "(Example Daily)", 1, 5, 20)
    brackets = Parenthetical("(Example Daily)", 5, 20, ParentheticalKind.CITATION, "citation")
    paragraph = Paragraph(
        1, "Text (Example Daily) \ud800.", 3, (replace(brackets, citations=(citation,)),)
    )
    return Article("made-here", "seeds/made-here.txt", title, (paragraph,))


def _entry(title: str = "Made here: é") -> Entry:
    return Entry(_article(title), Asked((("Example Daily", _outlets()[0]),), (), "answers"))


def _cache(*keys: str, inputs: str = "inputs") -> SeedCache:
    cache = SeedCache(inputs, {key: _entry(f"title {key} é") for key in keys})
    cache.used.update(keys)
    return cache


def _line_of(key: str, entry: Entry) -> bytes:
    text = json.dumps(
        [key, cache_module.ENTRIES.encode(entry)], ensure_ascii=False, separators=(",", ":")
    )
    return text.encode("utf-8", "surrogatepass") + b"\n"


def _file_of(body: bytes) -> bytes:
    return cache_module.MAGIC + hashlib.sha256(body).hexdigest().encode() + b"\n" + body


def test_a_reading_is_still_answered_only_when_every_answer_is_the_same() -> None:
    daily, weekly = _outlets()
    known = (Publication("Made Here Review", "MHR"),)
    asked = Asked(
        (("Example Daily", daily), ("Nowhere Herald", None)),
        (("MHR", known[0]), ("Other Paper", Publication("Other Paper", "OP"))),
        "answers",
    )
    assert asked.still_answered(Registry([daily, weekly]), known)
    moved = replace(daily, name="Example Evening", aliases=("Example Daily",))
    assert not asked.still_answered(Registry([moved, weekly]), known)  # the outlet changed
    herald = Outlet("herald", "Nowhere Herald")
    assert not asked.still_answered(Registry([daily, herald]), known)  # a name now known
    renamed = (replace(known[0], abbreviation="MHRV"),)
    assert not asked.still_answered(Registry([daily]), renamed)  # the publication changed
    assert not asked.still_answered(Registry([daily]), (*known, Publication("Other Paper", "OTP")))


def test_asking_records_each_question_once_and_its_answer_sorted() -> None:
    daily, weekly = _outlets()
    known = (Publication("Made Here Review", "MHR"),)
    asking = Asking(Registry([daily, weekly]), known)
    assert asking.resolve("Example Weekly") == weekly
    assert asking.resolve("Example Daily") == daily
    assert asking.resolve("Nowhere Herald") is None
    asking.registry = Registry([])  # answers already given are not asked again
    assert asking.resolve("Example Daily") == daily
    assert asking.resolve("Example Weekly") == weekly
    assert asking.publication("Other Paper") == Publication("Other Paper", "OP")
    assert asking.publication("MHR") is known[0]
    asking.known = ()
    assert asking.publication("MHR") is known[0]
    assert asking.asked("made with") == Asked(
        (("Example Daily", daily), ("Example Weekly", weekly), ("Nowhere Herald", None)),
        (("MHR", known[0]), ("Other Paper", Publication("Other Paper", "OP"))),
        "made with",
    )
    assert Asking(Registry([]), ()).asked("x") == Asked((), (), "x")


def test_the_digests_of_the_answers_the_lexicon_and_the_gazetteer() -> None:
    registry, known = Registry(_outlets()), (Publication("Made Here Review", "MHR"),)
    expected = hashlib.sha256(repr((registry.outlets, known)).encode()).hexdigest()
    assert cache_module.answers_digest(registry, known) == expected
    cue = re.compile("made|here", re.IGNORECASE)
    lexicon = Lexicon((("made", cue),), threshold=3)
    topics = [("made", "made|here", cue.flags)]
    assert (
        cache_module.lexicon_digest(lexicon)
        == hashlib.sha256(repr((3, topics)).encode()).hexdigest()
    )
    gazetteer = Gazetteer((), {"Madeherian": "Madehere"})
    assert (
        cache_module.gazetteer_digest(gazetteer)
        == hashlib.sha256(repr(gazetteer).encode()).hexdigest()
    )


def _package(root: Path) -> Path:
    for name, text in {
        "a.py": "a",
        "input/b.py": "b",
        "render/page.py": "page",
        "data/topics.yml": "topics",
        "data/other.yml": "other",
        "__pycache__/a.cpython.pyc": "compiled",
        "__pycache__/a.cpython.pyc.140": "being compiled",  # the name Python writes it under first
        "c.pyc": "compiled",
        "cli.py": "cli",
        "cli.pyi": "kept",
    }.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, "utf-8")
    (root / "empty").mkdir()
    return root


def _expected_digest(root: Path, names: list[str], *extra: str) -> str:
    digest = hashlib.sha256(sys.version.encode())
    for part in extra:
        digest.update(hashlib.sha256(part.encode()).digest())
    for name in sorted(names):
        digest.update(name.encode() + b"\0")
        digest.update(hashlib.sha256((root / name).read_bytes()).digest())
    return digest.hexdigest()


def test_the_inputs_digest_covers_every_package_file_and_the_seed_digest_only_some(
    tmp_path: Path,
) -> None:
    root = _package(tmp_path / "package")
    every = [
        "a.py",
        "input/b.py",
        "render/page.py",
        "data/topics.yml",
        "data/other.yml",
        "cli.py",
        "cli.pyi",
    ]
    assert cache_module.inputs_digest(root=root) == _expected_digest(root, every)
    assert cache_module.inputs_digest("x", "y", root=root) == _expected_digest(
        root, every, "x", "y"
    )
    read = ["a.py", "input/b.py", "data/other.yml"]
    assert cache_module.seed_inputs_digest("x", root=root) == _expected_digest(root, read, "x")
    package = Path(str(importlib.resources.files("briefing")))
    assert cache_module.inputs_digest("x") == cache_module.inputs_digest("x", root=package)
    assert cache_module.seed_inputs_digest("x") == cache_module.seed_inputs_digest(
        "x", root=package
    )


def test_a_new_seed_cache_is_empty_and_copies_its_entries() -> None:
    given = {"k": _entry()}
    cache = SeedCache("inputs", given)
    given.clear()
    assert cache.inputs == "inputs" and cache.entries == {"k": _entry()}
    assert cache.used == set() and cache.note is None and cache.keys == {}
    assert cache.parsed == [] and cache.lines == {} and cache.origin is None
    assert SeedCache("inputs").entries == {}


def test_a_fresh_cache_keeps_only_the_used_entries_and_their_lines(tmp_path: Path) -> None:
    cache = _cache("a", "b", "c")
    cache.used = {"a", "b", "gone"}
    cache.lines = {"a": (1, 2), "c": (3, 4)}
    cache.origin = (tmp_path, None)
    cache.note, cache.keys, cache.parsed = "note", {"s": "a"}, ["s"]
    fresh = cache.fresh()
    assert fresh.inputs == "inputs" and sorted(fresh.entries) == ["a", "b"]
    assert fresh.lines == {"a": (1, 2)} and fresh.origin == (tmp_path, None)
    assert fresh.used == set() and fresh.note is None and fresh.keys == {} and fresh.parsed == []


def test_a_seed_key_is_a_digest_of_the_inputs_and_each_part_with_its_length() -> None:
    def expected(*parts: bytes) -> str:
        digest = hashlib.sha256(b"inputs")
        for part in parts:
            digest.update(len(part).to_bytes(8, "big") + part)
        return digest.hexdigest()

    cache = SeedCache("inputs")
    assert cache.key("a.txt", b"seed", None) == expected(b"a.txt", b"seed", b"\0no sidecar")
    assert cache.key("a.txt", b"seed", b"side") == expected(b"a.txt", b"seed", b"side")
    assert cache.key("é", b"", b"") == expected("é".encode(), b"", b"")


def test_get_and_put_record_the_entries_used() -> None:
    cache = SeedCache("inputs", {"a": _entry()})
    cache.lines = {"a": (0, 1), "b": (1, 1)}
    assert cache.get("missing") is None and cache.used == set()
    assert cache.get("a") == _entry() and cache.used == {"a"}
    cache.put("c", _entry("c"))  # no line to forget
    cache.put("b", _entry("b"))
    assert cache.entries == {"a": _entry(), "b": _entry("b"), "c": _entry("c")}
    assert cache.used == {"a", "b", "c"} and cache.lines == {"a": (0, 1)}


def test_a_saved_seed_cache_is_its_header_then_a_line_an_entry(tmp_path: Path) -> None:
    path = tmp_path / "seeds.json"
    cache = _cache("b", "a")
    cache.entries["unused"] = _entry("unused")
    cache.used.add("missing")
    cache.save(path)
    header = b'{"inputs":"inputs","entries":2}\n'
    lines = [_line_of(key, cache.entries[key]) for key in ("a", "b")]
    assert path.read_bytes() == _file_of(header + b"".join(lines))
    start = len(cache_module.MAGIC) + 65 + len(header)
    a, b = len(lines[0]), len(lines[1])
    assert cache.lines == {"a": (start, a), "b": (start + a, b)}
    assert cache.origin == (path, stamp(path))
    loaded = load_seed_cache(path, "inputs")
    assert loaded.note is None and loaded.entries == {k: cache.entries[k] for k in ("a", "b")}
    assert loaded.lines == cache.lines and loaded.origin == (path, stamp(path))
    assert loaded.used == set()
    assert "\ud800" in loaded.entries["a"].article.paragraphs[0].text


def test_an_entry_line_is_written_a_row_at_a_time_as_one_line() -> None:
    for rows in ([], [["Outlet", ["a"]]], [["Outlet", ["é"]], ["Outlet", ["b"]]]):
        encoded = [rows, [0, "\ud800"]]
        pieces = list(cache_module._entry_line("k", encoded))
        assert b"".join(pieces) == cache_module._line(["k", encoded])
        assert len(pieces) == len(rows) + 2
    assert cache_module._line({"a": ["é", 1]}) == '{"a":["é",1]}\n'.encode()


def test_a_save_copies_the_lines_it_read_and_encodes_the_rest(tmp_path: Path) -> None:
    path = tmp_path / "seeds.json"
    _cache("a", "b", "c").save(path)
    loaded = load_seed_cache(path, "inputs")
    loaded.used = {"a", "b"}
    # Each entry changed in memory only: a copied line still holds the saved one.
    loaded.entries = {k: _entry(f"changed {k}") for k in loaded.entries}
    loaded.put("b", _entry("put b"))
    loaded.save(path)
    body = b'{"inputs":"inputs","entries":2}\n'
    body += _line_of("a", _entry("title a é")) + _line_of("b", _entry("put b"))
    assert path.read_bytes() == _file_of(body)
    assert sorted(loaded.lines) == ["a", "b"]
    again = load_seed_cache(path, "inputs")
    again.used = {"a", "b"}
    again.entries = {k: _entry("changed") for k in again.entries}
    os.utime(path, ns=(1, 1))  # changed since it was read: nothing copied
    again.save(path)
    body = b'{"inputs":"inputs","entries":2}\n'
    body += _line_of("a", _entry("changed")) + _line_of("b", _entry("changed"))
    assert path.read_bytes() == _file_of(body)


def test_lines_are_copied_only_from_the_file_they_were_read_from(tmp_path: Path) -> None:
    path, other = tmp_path / "seeds.json", tmp_path / "other.json"
    cache = _cache("a")
    cache.save(path)
    saved = cache.origin
    assert saved is not None
    for origin in (None, (other, saved[1]), (path, (1, 1))):
        cache.origin = origin
        with cache._lines_from(path) as old:
            assert old is None
    cache.origin = saved
    with cache._lines_from(path) as old:
        assert old is not None and old.read() == path.read_bytes()
    cache.origin = (tmp_path, stamp(tmp_path))  # a folder: it cannot be opened
    with cache._lines_from(tmp_path) as old:
        assert old is None


def test_a_line_is_copied_only_when_it_is_the_entry_s_whole_line() -> None:
    cache = SeedCache("inputs")
    old = io.BytesIO(b'xx["k",[1]]\n["kk",[2]]\n["k",[3]]')
    cache.lines = {"k": (2, 10)}
    assert cache._copied(old, "k") == b'["k",[1]]\n'
    assert cache._copied(None, "k") is None
    assert cache._copied(old, "missing") is None
    cache.lines = {"k": (12, 11)}  # another key's line
    assert cache._copied(old, "k") is None
    cache.lines = {"k": (23, 9)}  # no line end
    assert cache._copied(old, "k") is None
    cache.lines = {"k": (2, 9)}
    assert cache._copied(old, "k") is None


def test_the_digesting_file_digests_and_writes_what_passes() -> None:
    handle = io.BytesIO()
    body = cache_module._Digesting(handle)
    assert body.write(b"abc") == 3 and body.write(b"de") == 2
    assert handle.getvalue() == b"abcde"
    assert body.digest.hexdigest() == hashlib.sha256(b"abcde").hexdigest()


def _note(path: Path, why: str) -> str:
    return f"{path}: {why}; ignored, every seed is read again"


@pytest.mark.parametrize(
    ("data", "why"),
    [
        pytest.param(b"briefing seed cache 4\nold", "was written by another version", id="older"),
        pytest.param(b"briefing seed cache 55\nx", "was written by another version", id="newer"),
        pytest.param(b"briefing seed cachet 5\n", "is not a briefing seed cache", id="near"),
        pytest.param(b"briefing other format\n", "is not a briefing seed cache", id="other"),
        pytest.param(b"", "is not a briefing seed cache", id="empty"),
        pytest.param(cache_module.MAGIC + b"0" * 64 + b"\n{}\n", "is damaged", id="digest"),
        pytest.param(cache_module.MAGIC, "is damaged", id="no digest"),
        pytest.param(
            cache_module.MAGIC + hashlib.sha256(b"\n{}\n").hexdigest().encode() + b" \n{}\n",
            "is damaged",
            id="a space after the digest",
        ),
        pytest.param(
            cache_module.MAGIC + hashlib.sha256(b"\n{}\n").hexdigest().encode() + b"X\n{}\n",
            "is damaged",
            id="a letter after the digest",
        ),
        pytest.param(_file_of(b"{}\n"), "is not a briefing seed cache", id="no inputs"),
        pytest.param(_file_of(b"[1]\n"), "is not a briefing seed cache", id="a list"),
        pytest.param(_file_of(b"{\n"), "is not a briefing seed cache", id="not json"),
        pytest.param(_file_of(b"[" * 100_000 + b"\n"), "is not a briefing seed cache", id="deep"),
        pytest.param(
            _file_of(b'{"inputs":"inputs","entries":1}\n["k","not an entry"]\n'),
            "is not a briefing seed cache",
            id="not an entry",
        ),
    ],
)
def test_a_seed_cache_that_cannot_be_used_is_noted_and_empty(
    tmp_path: Path, data: bytes, why: str
) -> None:
    path = tmp_path / "seeds.json"
    path.write_bytes(data)
    cache = load_seed_cache(path, "inputs")
    assert cache.note == _note(path, why)
    assert cache.entries == {} and cache.inputs == "inputs" and cache.origin is None


def test_a_missing_seed_cache_is_empty_without_a_note_and_a_folder_is_noted(tmp_path: Path) -> None:
    missing = load_seed_cache(tmp_path / "missing", "inputs")
    assert missing.note is None and missing.entries == {} and missing.inputs == "inputs"
    folder = load_seed_cache(tmp_path, "inputs")
    assert folder.note == _note(tmp_path, "cannot be read (Is a directory)")
    assert folder.entries == {} and folder.inputs == "inputs"


def test_a_seed_cache_of_other_inputs_is_empty_without_a_note(tmp_path: Path) -> None:
    path = tmp_path / "seeds.json"
    _cache("a").save(path)
    other = load_seed_cache(path, "other inputs")
    assert other.note is None and other.entries == {} and other.inputs == "other inputs"
    assert other.lines == {} and other.origin is None


def test_a_body_is_read_line_by_line_as_its_header_says() -> None:
    def body(*lines: bytes) -> io.BytesIO:
        return io.BytesIO(b"".join(lines))

    entry = _line_of("k", _entry())
    head = b'{"inputs":"inputs","entries":1}\n'
    inputs, entries, lines = cache_module._load_body(body(head, entry))
    assert inputs == "inputs" and entries == {"k": _entry()}
    assert lines == {"k": (len(head), len(entry))}
    for lines_given, message in [
        ((b'{"inputs":1,"entries":1}\n', entry), "not a header"),
        ((b'{"inputs":"i","entries":"1"}\n', entry), "not a header"),
        ((b'{"inputs":"i","entries":true}\n', entry), "not a header"),
        ((head, entry.replace(b'["k"', b"[1", 1)), "not a key"),
        ((head, entry, b"x"), "more than the header says"),
        ((head, entry[:-1]), "truncated"),
        ((head[:-1],), "truncated"),
    ]:
        with pytest.raises(ValueError, match=f"^{message}$"):
            cache_module._load_body(body(*lines_given))
    assert cache_module._load_body(body(b'{"inputs":"","entries":0}\n')) == ("", {}, {})
