"""The site switched in whole (website/publish.py): a failed or interrupted
build leaves the previous site as it was, and the next build recovers."""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

from briefing.errors import BriefingError
from briefing.website import publish
from briefing.website.publish import build_site, sweep, switch, write_zip
from tests.conftest import ROOT, copy_project, write


def tree(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()
    }


def site_of(folder: Path, page: str) -> Path:
    write(folder / "index.html", page)
    write(folder / "briefs" / "a" / "index.html", page + " (a brief)")
    return folder


class Killed(Exception):
    """The build killed at a point of the switch."""


def kill_at(point: str) -> object:
    def stopped(reached: str) -> None:
        if reached == point:
            raise Killed(point)

    return stopped


def run_site(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(ROOT / "scripts")}
    return subprocess.run(
        [sys.executable, "-m", "briefing.cli", "site", *args],
        capture_output=True,
        text=True,
        cwd=project,
        env=env,
        timeout=600,
    )


def test_a_failed_build_leaves_the_previous_site_as_it_was(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    done = run_site(project)
    assert done.returncode == 0, done.stderr
    before = tree(project / "site")
    assert "index.html" in before and any(name.endswith(".docx") for name in before)
    write(project / "seeds" / "broken.txt", "Broken\n\nA NUL \0 here (TASS, May 3).\n")
    done = run_site(project)
    assert done.returncode == 1
    assert "site: the site was not built (mkdocs exited 1); left as it was" in done.stderr
    assert "seeds/broken.txt" in done.stderr  # what MkDocs said is shown too
    assert tree(project / "site") == before
    (project / "seeds" / "broken.txt").unlink()
    done = run_site(project)  # the next build recovers
    assert done.returncode == 0, done.stderr
    assert tree(project / "site") == before


def test_the_offline_bundle_and_its_zip_are_written_whole(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    done = run_site(project, "--offline")
    assert done.returncode == 0, done.stderr
    bundle = project / "site-offline"
    with zipfile.ZipFile(project / "dist" / "briefing-offline.zip") as archive:
        names = set(archive.namelist())
    assert names == {f"site-offline/{name}" for name in tree(bundle)}
    assert "site-offline/index.html" in names
    assert not (project / "site-offline.next").exists()


@pytest.mark.parametrize("exchange", [True, False], ids=["exchanged", "two renames"])
def test_the_new_site_takes_the_place_of_the_old(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, exchange: bool
) -> None:
    if not exchange:
        monkeypatch.setattr(publish, "_exchange", lambda one, other: False)
    site = site_of(tmp_path / "site", "old")
    built = site_of(tmp_path / "site.next", "new")
    switch(built, site)
    assert tree(site)["index.html"] == b"new"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


@pytest.mark.parametrize(("point", "served"), [("moved aside", "old"), ("moved in", "new")])
def test_a_switch_killed_halfway_is_finished_or_undone_by_the_next_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, point: str, served: str
) -> None:
    monkeypatch.setattr(publish, "_exchange", lambda one, other: False)
    site = site_of(tmp_path / "site", "old")
    built = site_of(tmp_path / "site.next", "new")
    with pytest.raises(Killed):
        switch(built, site, kill_at(point))  # type: ignore[arg-type]
    sweep(site)
    assert tree(site)["index.html"] == served.encode()  # a whole site, never none
    assert not (tmp_path / "site.old").exists()


def test_a_site_built_for_the_first_time_is_moved_in(tmp_path: Path) -> None:
    built = site_of(tmp_path / "site.next", "new")
    switch(built, tmp_path / "site")
    assert tree(tmp_path / "site")["index.html"] == b"new" and not built.exists()


def test_a_zip_that_fails_leaves_the_previous_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = site_of(tmp_path / "bundle", "page")
    archive = write(tmp_path / "dist" / "bundle.zip", "the previous zip")

    def disk_full(*args: object, **kwargs: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(zipfile.ZipFile, "write", disk_full)
    with pytest.raises(BriefingError, match=r"could not be written: .*No space left .*; free "):
        write_zip(folder, archive)
    assert archive.read_text("utf-8") == "the previous zip"
    assert sorted(p.name for p in archive.parent.iterdir()) == ["bundle.zip"]


def test_build_site_names_the_site_when_mkdocs_fails(tmp_path: Path) -> None:
    (tmp_path / "mkdocs.yml").write_text("site_name: [unclosed\n", encoding="utf-8")
    site = site_of(tmp_path / "site", "old")
    with pytest.raises(BriefingError, match="the site was not built"):
        build_site(tmp_path, site, dict(os.environ))
    assert tree(site)["index.html"] == b"old"


# A hook of MkDocs' own, added to a copy of the project: it kills the build
# where the test says, `briefing site` (its parent) first, with SIGKILL,
# which nothing can catch or hold back. Pagefind's process is written down
# before the kill, so the test can see that it ends too.
KILLER_HOOK = """
import os, signal, sys
from pathlib import Path

import briefing.website.search as search

WHERE = os.environ["KILL_AT"]
pages = 0


def _kill():
    os.kill(os.getppid(), signal.SIGKILL)
    os.kill(os.getpid(), signal.SIGKILL)


def on_post_page(output, page, config):
    global pages
    pages += 1
    if WHERE == "pages" and pages == 3:
        _kill()
    return output


real_run = search._run


def _run(command, running=None):
    if WHERE != "pagefind":
        return real_run(command, running)

    def started(process):
        Path(os.environ["PAGEFIND_PID"]).write_text(str(process.pid))
        _kill()

    # Started as Pagefind is, a stand-in for one indexing a large site, silent
    # for a minute (a fast one would end by itself, or on a broken pipe).
    return real_run([sys.executable, "-c", "import time; time.sleep(60)"], started)


search._run = _run
"""


def _ended(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().split(") ")[-1][0]
    except (FileNotFoundError, ProcessLookupError):
        return True
    return state in "ZX"  # a zombie has ended; only its parent's reaping is left


@pytest.mark.site
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="/proc and PR_SET_PDEATHSIG")
@pytest.mark.parametrize("where", ["pages", "pagefind"])
def test_a_site_build_killed_midway_leaves_the_previous_site_and_no_process(
    tmp_path: Path, where: str
) -> None:
    project = copy_project(tmp_path / "project")
    done = run_site(project)
    assert done.returncode == 0, done.stderr
    before = tree(project / "site")
    config = (project / "mkdocs.yml").read_text("utf-8")
    write(project / "killer.py", KILLER_HOOK)
    (project / "mkdocs.yml").write_text(config + "\nhooks:\n  - killer.py\n", "utf-8")
    shutil.rmtree(project / ".cache" / "briefing" / "search")  # so Pagefind runs again
    pid_file = tmp_path / "pagefind.pid"
    env = {**os.environ, "KILL_AT": where, "PAGEFIND_PID": str(pid_file)}
    env.update(NO_MKDOCS_2_WARNING="1", PYTHONPATH=str(ROOT / "scripts"))
    killed = subprocess.run(
        [sys.executable, "-m", "briefing.cli", "site"], cwd=project, env=env, timeout=600
    )
    assert killed.returncode == -9
    assert tree(project / "site") == before  # served untouched all along
    if where == "pagefind":
        pagefind = int(pid_file.read_text())
        for _ in range(100):  # its parent is gone: the kernel ends it too
            if _ended(pagefind):
                break
            time.sleep(0.1)
        assert _ended(pagefind), "Pagefind runs on after the build was killed"
    (project / "mkdocs.yml").write_text(config, "utf-8")
    done = run_site(project)  # the next build recovers
    assert done.returncode == 0, done.stderr
    assert tree(project / "site").keys() == before.keys()
    assert sorted(p.name for p in project.iterdir() if p.name.startswith("site")) == ["site"]
