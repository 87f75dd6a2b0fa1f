"""Tests that kill mutants `make mutate` found alive (docs-dev/MUTATION.md): build."""

from __future__ import annotations

import hashlib
import json
import os
import signal
import stat
import threading
from pathlib import Path

import pytest

from briefing.build.citecache import line_check, load_cache, save_cache, stamp
from briefing.build.staging import (
    Staging,
    atomic_file,
    interrupts_held,
    link_or_copy,
    new_file_mode,
    replace_files,
    same_bytes,
)
from briefing.cite.citeproc import FormatCache

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
        with pytest.raises(RuntimeError, match="cannot swap"):
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
