"""Templates compiled by one build and read by the next (compiled_templates.py)."""

from __future__ import annotations

import hashlib
import os
import stat
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

import pytest
from jinja2 import DictLoader, Environment

from briefing.compiled_templates import (
    MAGIC,
    CompiledTemplates,
    compiled_templates,
    forget_compiled,
)
from tests.conftest import ROOT, copy_project


def environment(folder: Path, source: str = "Hello {{ name }}!") -> tuple[Environment, list[str]]:
    """An environment whose templates are kept in ``folder``, and the names it compiled."""
    env = Environment(loader=DictLoader({"page.html": source}))
    env.bytecode_cache = CompiledTemplates(str(folder))
    compiled: list[str] = []
    compile_ = env.compile

    def counting(source: str, name: str | None = None, *args: object, **kwargs: object) -> object:
        compiled.append(str(name))
        return compile_(source, name, *args, **kwargs)  # type: ignore[arg-type]

    env.compile = counting  # type: ignore[method-assign]
    return env, compiled


def test_a_template_compiled_once_is_read_by_the_next_build(tmp_path: Path) -> None:
    first, compiled = environment(tmp_path)
    assert first.get_template("page.html").render(name="A") == "Hello A!"
    assert compiled == ["page.html"]
    (kept,) = tmp_path.iterdir()
    assert kept.read_bytes().startswith(MAGIC)
    second, compiled = environment(tmp_path)
    assert second.get_template("page.html").render(name="B") == "Hello B!"
    assert compiled == []


def test_a_changed_template_is_compiled_again(tmp_path: Path) -> None:
    environment(tmp_path)[0].get_template("page.html")
    changed, compiled = environment(tmp_path, "Goodbye {{ name }}.")
    assert changed.get_template("page.html").render(name="A") == "Goodbye A."
    assert compiled == ["page.html"]
    again, compiled = environment(tmp_path, "Goodbye {{ name }}.")
    assert again.get_template("page.html").render(name="A") == "Goodbye A."
    assert compiled == []


def _truncated(data: bytes) -> bytes:
    return data[: len(data) // 2]


def _other_bytes(data: bytes) -> bytes:
    return data[:-1] + bytes([data[-1] ^ 1])


def _not_code(data: bytes) -> bytes:
    payload = data[len(MAGIC) + 32 : len(MAGIC) + 60]  # Jinja's header, then no code
    return MAGIC + hashlib.sha256(payload).digest() + payload


def _other_file(data: bytes) -> bytes:
    return b"not a compiled template\n" + data


@pytest.mark.parametrize("damage", [_truncated, _other_bytes, _not_code, _other_file])
def test_a_damaged_file_is_compiled_and_written_again(
    tmp_path: Path, damage: Callable[[bytes], bytes]
) -> None:
    environment(tmp_path)[0].get_template("page.html")
    (kept,) = tmp_path.iterdir()
    whole = kept.read_bytes()
    kept.write_bytes(damage(whole))
    env, compiled = environment(tmp_path)
    assert env.get_template("page.html").render(name="A") == "Hello A!"
    assert compiled == ["page.html"]
    assert kept.read_bytes() == whole


def test_a_folder_that_cannot_be_written_only_costs_the_compiling(tmp_path: Path) -> None:
    blocked = tmp_path / "templates"
    blocked.write_text("a file where the folder would be")
    env, compiled = environment(blocked)
    assert env.get_template("page.html").render(name="A") == "Hello A!"
    assert compiled == ["page.html"]


def test_the_templates_are_kept_in_a_folder_of_the_users_own(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    kept = compiled_templates()
    assert kept is not None
    folder = Path(kept.directory)
    assert folder.parent == tmp_path
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700 and folder.stat().st_uid == os.getuid()


def test_no_folder_safe_to_use_means_templates_compiled_in_memory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    (tmp_path / f"_jinja2-cache-{os.getuid()}").write_text("a file where the folder would be")
    with caplog.at_level("INFO"):
        assert compiled_templates() is None
    assert "compiled anew" in caplog.text


def test_other_settings_are_kept_apart(tmp_path: Path) -> None:
    # The same file compiled with other whitespace rules is other code.
    source = "{% if name %}\n  Hello {{ name }}!\n{% endif %}\n"
    rendered = {}
    for trim in (False, True, False):
        env = Environment(loader=DictLoader({"page.html": source}), trim_blocks=trim)
        env.bytecode_cache = CompiledTemplates(str(tmp_path))
        rendered[trim] = env.get_template("page.html").render(name="A")
    assert rendered == {False: "\n  Hello A!\n", True: "  Hello A!\n"}
    assert len(list(tmp_path.iterdir())) == 2


def test_forgetting_removes_ours_only(tmp_path: Path) -> None:
    environment(tmp_path)[0].get_template("page.html")
    other = tmp_path / "another-program.cache"
    other.write_text("not ours")
    assert forget_compiled(str(tmp_path)) == 1
    assert list(tmp_path.iterdir()) == [other]
    env, compiled = environment(tmp_path)
    assert env.get_template("page.html").render(name="A") == "Hello A!"
    assert compiled == ["page.html"]


def test_a_build_renders_the_same_pages_from_kept_templates(tmp_path: Path) -> None:
    # Our own page templates, kept by one conversion and read by the next process.
    folder = tmp_path / "tmp"
    folder.mkdir()
    env = {**os.environ, "TMPDIR": str(folder), "PYTHONPATH": str(ROOT / "scripts")}
    outputs = []
    for name in ("first", "second"):
        project = copy_project(tmp_path / name)
        done = subprocess.run(
            [sys.executable, "-m", "briefing.cli", "build"],
            cwd=project,
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
        assert done.returncode == 0, done.stderr
        kept = sorted(folder.glob("_jinja2-cache-*/briefing-*.bin"))
        assert len(kept) >= 10
        outputs.append(
            {p.relative_to(project): p.read_bytes() for p in (project / "docs").rglob("*.md")}
        )
        if name == "first":
            stamps = {p: p.stat().st_mtime_ns for p in kept}
    assert outputs[0] == outputs[1]
    assert {p: p.stat().st_mtime_ns for p in kept} == stamps  # read, not written again
