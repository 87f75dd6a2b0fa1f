"""A newcomer's first `make test`: what Debian must provide is installed, or
named in one line before any test runs."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT, write

SCRIPT = ROOT / "scripts" / "system-packages.sh"


def run(tmp_path: Path, *packages: str) -> subprocess.CompletedProcess[str]:
    """The script as an ordinary user on a machine whose PATH lacks pdftotext."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    write(bin_dir / "id", "#!/bin/sh\necho 1000\n").chmod(0o755)
    bash = shutil.which("bash")
    assert bash is not None
    return subprocess.run(
        [bash, str(SCRIPT), *packages],
        capture_output=True,
        text=True,
        env={**os.environ, "PATH": str(bin_dir), "PYTHON": sys.executable},
        timeout=60,
    )


def test_a_missing_tool_stops_with_one_line_naming_the_package(tmp_path: Path) -> None:
    done = run(tmp_path, "poppler-utils")
    assert done.returncode == 1
    assert done.stdout == ""
    assert done.stderr.splitlines() == [
        "error: missing poppler-utils; install with: sudo apt-get install poppler-utils"
    ]


def test_nothing_is_said_when_everything_is_there(tmp_path: Path) -> None:
    done = run(tmp_path, "python3-venv")
    assert (done.returncode, done.stdout, done.stderr) == (0, "", "")


def test_make_test_checks_before_running_pytest() -> None:
    recipe = (ROOT / "Makefile").read_text("utf-8").split("\ntest:", 1)[1].split("\n\n", 1)[0]
    lines = [line.strip() for line in recipe.splitlines()[1:]]
    assert lines[0] == "@$(SYSTEM) chromium poppler-utils"
    assert "-m pytest" in lines[1]
