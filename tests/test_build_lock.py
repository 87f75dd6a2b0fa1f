"""One build at a time per project: a second build stops naming the first, or waits for it.

The other build is a real process holding the lock; the seed is made here.
"""

from __future__ import annotations

import logging
import os
import shutil
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from mkdocs.config import load_config
from mkdocs.exceptions import PluginError

from briefing import cli
from briefing.build import build
from briefing.build.lock import Holder, hold
from briefing.config import BuildConfig
from briefing.errors import BuildLocked
from briefing.website import plugin as plugin_module
from briefing.website.plugin import BriefingPlugin
from tests.conftest import copy_project

SEED_TEXT = (
    "A Title Made Here\n\nPublication: Eurasia Daily Monitor Volume: 8 Issue: 212\n\nText.\n"
)

HOLDER = """
import sys
from pathlib import Path
from briefing.build.lock import hold
lock = hold(Path(sys.argv[1]))
print("held", flush=True)
sys.stdin.read()
lock.release()
"""
"""Another build: holds the lock until its input closes, then releases it."""


class OtherBuild:
    def __init__(self, lock: Path) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-c", HOLDER, str(lock)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert self.process.stdout is not None
        assert self.process.stdout.readline() == "held\n"

    @property
    def pid(self) -> int:
        return self.process.pid

    def finish(self) -> None:
        assert self.process.stdin is not None
        self.process.stdin.close()
        assert self.process.wait(timeout=30) == 0

    def kill(self) -> None:
        self.process.kill()
        self.process.wait(timeout=30)


def _seeded(root: Path) -> Path:
    (root / "seeds").mkdir()
    (root / "seeds" / "a.txt").write_text(SEED_TEXT)
    return root


@pytest.fixture(scope="module")
def converted_caches(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The caches of a build of the seed, made once for the module."""
    config = BuildConfig(root=_seeded(tmp_path_factory.mktemp("lock")))
    build(config)
    config.output_record.unlink()
    return config.cache.parent


@pytest.fixture
def root(tmp_path: Path, converted_caches: Path) -> Path:
    """A project of one seed, never built here (no docs/, no record of outputs),
    with the caches of a build of it elsewhere: its builds convert nothing."""
    target = BuildConfig(root=tmp_path).cache.parent
    shutil.copytree(converted_caches, target)
    return _seeded(tmp_path)


@pytest.fixture
def other(root: Path) -> Iterator[OtherBuild]:
    build = OtherBuild(BuildConfig(root=root).lock)
    yield build
    if build.process.poll() is None:
        build.kill()


def test_a_second_build_stops_with_one_line_naming_the_first(
    root: Path, other: OtherBuild, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(["build", "--root", str(root)]) == 1
    assert capsys.readouterr().err == (
        f"error: .briefing.lock: another build (PID {other.pid}) is running in this project; "
        "wait for it to finish, or run again with --wait\n"
    )
    assert not (root / "docs").exists()  # nothing was written beside the other build
    other.finish()
    assert cli.main(["build", "--root", str(root)]) == 0
    assert (root / "docs" / "briefs" / "a-title-made-here").is_dir()


def test_with_wait_a_second_build_runs_when_the_first_ends(
    root: Path,
    other: OtherBuild,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    waited_for: list[Holder | None] = []

    def waiting(holder: Holder | None) -> None:
        waited_for.append(holder)
        other.finish()  # the first build ends while the second waits

    monkeypatch.setattr(cli, "_waiting", waiting)
    assert cli.main(["build", "--wait", "--root", str(root)]) == 0
    assert waited_for == [Holder(other.pid, socket.gethostname())]
    assert (root / "docs" / "briefs" / "a-title-made-here").is_dir()
    assert "note: an earlier build" not in capsys.readouterr().err  # the first released its lock


def test_the_waiting_message_names_the_holder(capsys: pytest.CaptureFixture[str]) -> None:
    cli._waiting(Holder(4321, socket.gethostname()))
    assert capsys.readouterr().err == (
        "waiting for another build (PID 4321) of this project to finish...\n"
    )


def test_a_killed_holders_lock_is_taken_over_and_reported(root: Path, other: OtherBuild) -> None:
    other.kill()  # the system releases its flock; its name stays in the file
    lock_file = BuildConfig(root=root).lock
    with hold(lock_file) as lock:
        assert lock.stale == Holder(other.pid, socket.gethostname())
        assert lock_file.read_text() == f"{os.getpid()} {socket.gethostname()}\n"
    assert lock_file.read_text() == ""  # released: no name, so not stale next time
    with hold(lock_file) as lock:
        assert lock.stale is None


def test_a_stale_lock_file_is_noted_by_the_build(
    root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ended = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        check=True,
        capture_output=True,
        text=True,
    )
    dead = int(ended.stdout)
    BuildConfig(root=root).lock.write_text(f"{dead} {socket.gethostname()}\n")
    assert cli.main(["build", "--root", str(root)]) == 0
    assert (
        f"note: an earlier build (PID {dead}) ended without releasing the project's lock; "
        "this build takes it over\n"
    ) in capsys.readouterr().err


def test_a_holder_on_another_host_is_named_with_it() -> None:
    assert str(Holder(12, "elsewhere.example")) == "PID 12 on elsewhere.example"


def test_a_lock_file_that_is_a_link_is_refused(tmp_path: Path) -> None:
    (tmp_path / ".briefing.lock").symlink_to(tmp_path / "target")
    with pytest.raises(BuildLocked, match="the build lock cannot be opened"):
        hold(tmp_path / ".briefing.lock")
    assert not (tmp_path / "target").exists()


@pytest.fixture
def plugin() -> Iterator[BriefingPlugin]:
    plugin = BriefingPlugin()
    yield plugin
    plugin.on_shutdown()


@pytest.fixture
def site(tmp_path: Path) -> Path:
    return copy_project(tmp_path / "project")


def test_mkdocs_build_stops_while_another_build_runs(site: Path, plugin: BriefingPlugin) -> None:
    other = OtherBuild(BuildConfig(root=site).lock)
    try:
        plugin.on_startup(command="build", dirty=False)
        with pytest.raises(PluginError) as raised:
            plugin.on_config(load_config(str(site / "mkdocs.yml")))
        assert str(raised.value) == (
            f"briefing: .briefing.lock: another build (PID {other.pid}) is running in this "
            "project; wait for it to finish"
        )
    finally:
        other.kill()


def test_mkdocs_serve_waits_for_the_other_build_and_holds_the_lock_to_the_end(
    converted: Path,
    plugin: BriefingPlugin,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    other = OtherBuild(BuildConfig(root=converted).lock)
    waited = plugin_module._waiting

    def waiting(holder: Holder | None) -> None:
        waited(holder)
        other.finish()

    monkeypatch.setattr(plugin_module, "_waiting", waiting)
    plugin.on_startup(command="serve", dirty=True)
    with caplog.at_level(logging.INFO, logger="mkdocs.plugins.briefing"):
        plugin.on_config(load_config(str(converted / "mkdocs.yml")))
    assert f"briefing: waiting for another build (PID {other.pid}) of this project to finish" in (
        caplog.messages
    )
    with pytest.raises(BuildLocked):  # held until the build ends
        hold(BuildConfig(root=converted).lock)
    plugin.on_build_error(error=RuntimeError("a page failed"))
    hold(BuildConfig(root=converted).lock).release()


def test_programs_the_build_starts_do_not_keep_the_lock(root: Path) -> None:
    """A tool left running (an orphaned indexer, say) must not block the next build."""
    lock_file = BuildConfig(root=root).lock
    lock = hold(lock_file)
    child = subprocess.Popen(["sleep", "30"], close_fds=False)
    try:
        lock.release()
        hold(lock_file).release()
    finally:
        child.kill()
        child.wait()
