"""Atomic and deterministic builds: interrupted builds change nothing, and
the same seeds give the same bytes whatever the environment."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

import briefing.build.staging as staging_module
from briefing.build import build
from briefing.config import BuildConfig
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
    project: Path, monkeypatch: pytest.MonkeyPatch, failing_call: int
) -> None:
    build(BuildConfig(root=project))
    before = snapshot(project)
    _change_every_brief(project)
    real_stage, calls = staging_module._stage, []

    def stage(path: Path, data: bytes) -> Path:
        calls.append(path)
        if len(calls) == failing_call:
            raise (KeyboardInterrupt if failing_call % 2 else OSError(28, "No space left"))
        return real_stage(path, data)

    monkeypatch.setattr(staging_module, "_stage", stage)
    with pytest.raises((KeyboardInterrupt, OSError)):
        build(BuildConfig(root=project))
    assert snapshot(project) == before
    assert list(project.rglob("*.tmp")) == []


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
def test_sigint_during_a_build(project: Path, stage: str, place: int) -> None:
    """A real SIGINT: while staging nothing changes; during the swap it waits for the end."""
    build(BuildConfig(root=project))
    before = snapshot(project)
    _change_every_brief(project)
    env = {**os.environ, "PYTHONPATH": str(SCRIPTS)}
    done = subprocess.run(
        [sys.executable, "-c", DRIVER, str(project), stage, str(place)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert "Traceback" not in done.stderr
    assert list(project.rglob("*.tmp")) == []
    if stage == "stage":
        assert done.returncode == 130, done.stderr
        assert snapshot(project) == before
    else:
        assert done.returncode == 130, done.stderr
        after = snapshot(project)
        assert after != before
        assert build(BuildConfig(root=project)).changed == ()


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
