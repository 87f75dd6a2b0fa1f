"""Atomic and deterministic builds: interrupted builds change nothing, and
the same seeds give the same bytes whatever the environment."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

import briefing.build.staging as staging_module
from briefing.build import build
from briefing.build.memory import Memory
from briefing.config import BuildConfig
from briefing.errors import BriefingError
from tests.conftest import ROOT, write
from tests.test_build import snapshot

SCRIPTS = ROOT / "scripts"


def _change_every_brief(project: Path) -> None:
    for number in range(3):
        write(project / "seeds" / f"extra-{number}.txt", f"Extra {number}\n\nText (TASS, May 2).\n")
    seed = next((project / "seeds").glob("edm-*.txt"))
    seed.write_text(seed.read_text("utf-8").replace("Issue: 212", "Issue: 213"), "utf-8")


@pytest.mark.parametrize("failing_call", [1, 2, 5, 9])
def test_failure_while_staging_changes_nothing(
    converted: Path, monkeypatch: pytest.MonkeyPatch, failing_call: int
) -> None:
    build(BuildConfig(root=converted))
    before = snapshot(converted)
    _change_every_brief(converted)
    real_stage, calls = staging_module._stage, []

    def stage(path: Path, data: bytes, folder: Path) -> Path:
        calls.append(path)
        if len(calls) == failing_call:
            raise (KeyboardInterrupt if failing_call % 2 else OSError(28, "No space left"))
        return real_stage(path, data, folder)

    monkeypatch.setattr(staging_module, "_stage", stage)
    with pytest.raises((KeyboardInterrupt, BriefingError)) as raised:
        build(BuildConfig(root=converted))
    if raised.type is BriefingError:  # the disk full: which file, and what to free
        message = str(raised.value)
        assert message.startswith(str(calls[-1]) + ": could not be written (No space left)")
        assert "nothing was changed; the disk holding " in message
        assert " MB: free more than that and build again" in message
    assert snapshot(converted) == before
    assert list(converted.rglob("*.tmp")) == []
    assert not (converted / ".staging").exists()


KILLER = textwrap.dedent(
    """
    import os, signal, sys
    import briefing.build.staging as b
    from briefing.cli import main
    def reached(point):
        if point == sys.argv[2]:
            os.kill(os.getpid(), signal.SIGKILL)  # no handler, no cleanup
    b.reached = reached
    sys.exit(main(["build", "--root", sys.argv[1]]))
    """
)


def _killed_at(project: Path, point: str) -> None:
    env = {**os.environ, "PYTHONPATH": str(SCRIPTS)}
    done = subprocess.run(
        [sys.executable, "-c", KILLER, str(project), point],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert done.returncode == -9, done.stderr


@pytest.mark.parametrize("point", ["journal written", "moved 3", "removed"])
def test_a_build_killed_during_its_switch_is_finished_by_the_next(
    converted: Path, tmp_path: Path, point: str
) -> None:
    """A SIGKILL, which nothing can hold back, halfway through the renames:
    the next build finishes that switch from its journal before anything
    else, sweeps the staging folder, and leaves the outputs of the new
    inputs, every one, as a build of them from nothing would."""
    build(BuildConfig(root=converted))
    before = snapshot(converted)
    _change_every_brief(converted)
    _killed_at(converted, point)
    killed = snapshot(converted)
    journal = converted / ".staging" / "journal.json"
    assert journal.exists()
    if point == "moved 3":  # torn until the next build: some files new, some old
        assert killed != before and any(killed.get(k) == v for k, v in before.items())
    result = build(BuildConfig(root=converted), memory=Memory.none())
    assert any("an interrupted build's switch was finished" in n for n in result.notes)
    assert not (converted / ".staging").exists()
    assert [p for p in converted.rglob("*") if p.name.endswith(".tmp")] == []
    fresh = tmp_path / "fresh"
    shutil.copytree(converted, fresh, ignore=shutil.ignore_patterns(".cache", "docs"))
    shutil.copytree(converted / "docs", fresh / "docs")
    assert build(BuildConfig(root=fresh), memory=Memory.none()).changed == ()
    assert snapshot(fresh) == snapshot(converted)


def test_a_build_killed_before_its_switch_changes_nothing_and_is_swept(converted: Path) -> None:
    build(BuildConfig(root=converted))
    before = snapshot(converted)
    _change_every_brief(converted)
    driver = KILLER.replace("b.reached = reached", "b._stage = lambda *a: reached('staged')")
    env = {**os.environ, "PYTHONPATH": str(SCRIPTS)}
    done = subprocess.run(
        [sys.executable, "-c", driver, str(converted), "staged"], env=env, timeout=120, check=False
    )
    assert done.returncode == -9
    assert snapshot(converted) == before
    build(BuildConfig(root=converted), memory=Memory.none())
    assert not (converted / ".staging").exists()


DRIVER = textwrap.dedent(
    """
    import os, signal, sys
    import briefing.build.staging as b
    from briefing.cli import main
    # A test run started in the background by a shell inherits SIGINT ignored.
    signal.signal(signal.SIGINT, signal.default_int_handler)
    stage, place = sys.argv[2], int(sys.argv[3])
    real = b._stage if stage == "stage" else b.os.replace
    calls = []
    def interrupted(*args):
        if stage == "stage" or "/docs/" in str(args[1]):  # the swap of outputs, not of caches
            calls.append(args)
            if len(calls) == place:
                os.kill(os.getpid(), signal.SIGINT)
        return real(*args)
    if stage == "stage":
        b._stage = interrupted
    else:
        b.os.replace = interrupted
    sys.exit(main(["build", "--root", sys.argv[1]]))
    """
)


@pytest.mark.parametrize(("stage", "place"), [("stage", 1), ("stage", 4), ("swap", 2)])
def test_sigint_during_a_build(converted: Path, stage: str, place: int) -> None:
    """A real SIGINT: while staging nothing changes; during the swap it waits for the end."""
    build(BuildConfig(root=converted))
    before = snapshot(converted)
    _change_every_brief(converted)
    env = {**os.environ, "PYTHONPATH": str(SCRIPTS)}
    done = subprocess.run(
        [sys.executable, "-c", DRIVER, str(converted), stage, str(place)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert "Traceback" not in done.stderr
    assert list(converted.rglob("*.tmp")) == []
    if stage == "stage":
        assert done.returncode == 130, done.stderr
        assert snapshot(converted) == before
    else:
        assert done.returncode == 130, done.stderr
        after = snapshot(converted)
        assert after != before
        assert build(BuildConfig(root=converted)).changed == ()


def _tree(root: Path) -> dict[str, bytes]:
    return snapshot(root)


ENVIRONMENTS = [
    {"LC_ALL": "C", "TZ": "UTC", "PYTHONHASHSEED": "0"},
    {"LC_ALL": "C.UTF-8", "TZ": "Pacific/Kiritimati", "PYTHONHASHSEED": "12345"},
    {"LC_ALL": "tr_TR.UTF-8", "TZ": "America/St_Johns", "PYTHONHASHSEED": "random"},
]


def test_same_bytes_whatever_the_environment(tmp_path: Path) -> None:
    trees = []
    for number, extra in enumerate(ENVIRONMENTS):
        root = tmp_path / f"run{number}"
        (root / "seeds").mkdir(parents=True)
        for seed in [*ROOT.joinpath("seeds").iterdir(), *ROOT.joinpath("tests/hostile").glob("*")]:
            if seed.suffix in {".txt", ".yml"} and seed.name != "manifest.yml":
                (root / "seeds" / seed.name).write_bytes(seed.read_bytes())
        env = {**os.environ, **extra, "PYTHONPATH": str(SCRIPTS)}
        done = subprocess.run(
            [sys.executable, "-m", "briefing.cli", "build", "--root", str(root)],
            capture_output=True,
            text=True,
            env=env,
            timeout=120,
        )
        assert "Traceback" not in done.stderr
        trees.append(_tree(root))
    assert len(trees[0]) > 20
    assert trees[0] == trees[1] == trees[2]


def test_same_bytes_whatever_the_listing_order(
    project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("duplicate-a.txt", "duplicate-b.txt", "duplicate-c.txt", "cyrillic.txt"):
        write(project / "seeds" / name, (ROOT / "tests/hostile" / name).read_text("utf-8"))
    build(BuildConfig(root=project))
    first = snapshot(project)
    real_glob, real_rglob = Path.glob, Path.rglob
    monkeypatch.setattr(Path, "glob", lambda self, p: reversed(list(real_glob(self, p))))
    monkeypatch.setattr(Path, "rglob", lambda self, p: reversed(list(real_rglob(self, p))))
    for page in (project / "docs").rglob("*.md"):
        page.unlink()
    (project / "references.bib").unlink()
    build(BuildConfig(root=project))
    assert snapshot(project) == first


def test_a_cache_that_fills_the_disk_is_named_and_kept(tmp_path: Path) -> None:
    target = write(tmp_path / ".cache" / "seeds.json", "the previous cache")
    with pytest.raises(BriefingError) as raised, staging_module.atomic_file(target) as handle:
        handle.write(b"half")
        raise OSError(28, "No space left on device")
    assert str(raised.value).startswith(f"{target}: could not be written (No space left on device)")
    assert "free space on the disk holding" in str(raised.value)
    assert target.read_text("utf-8") == "the previous cache"
    assert sorted(p.name for p in target.parent.iterdir()) == ["seeds.json"]
