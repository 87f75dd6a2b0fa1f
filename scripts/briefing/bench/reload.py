"""One seed edited under ``briefing serve``: seconds until the served page shows it.

``briefing serve`` (``mkdocs serve --dirty``, as ``make serve``) is started
on the benchmark's project and left to finish its first build; then one
seed gets a sentence, and the served text page
of that brief is fetched until the sentence appears. The count of builds
the server finished after the edit is reported too (one is right).
"""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

FINISHED = ("Serving on", "Reloading browsers")
"""What ``mkdocs serve`` logs once its first build is done, and after each
rebuild that succeeded. Not "Documentation built in N seconds": MkDocs drops
any message it has logged before, so two builds that took as long would
count once."""
MARKER = "A sentence added while the site was being served."


def one_edit_reload(project: Path, env: dict[str, str], timeout_s: float = 3600) -> dict[str, Any]:
    """Seconds from editing one seed to its served page showing the edit, and builds made."""
    port = _free_port()
    log = project / "serve-reload.log"
    with log.open("wb") as output:
        server = subprocess.Popen(
            [sys.executable, "-m", "briefing.cli", "serve", "--dev-addr", f"127.0.0.1:{port}"],
            cwd=project,
            env=env,
            stdout=output,
            stderr=subprocess.STDOUT,
        )
    try:
        _wait(lambda: _builds(log) >= 1, timeout_s, "the first build")
        seed = sorted((project / "seeds").glob("*.txt"))[0]
        slug = _slug_of(project, seed)
        url = f"http://127.0.0.1:{port}/briefs/{slug}/text/"
        before = _builds(log)
        text = seed.read_text("utf-8").rstrip("\n")
        start = time.perf_counter()
        seed.write_text(f"{text} {MARKER}\n", encoding="utf-8")
        _wait(lambda: MARKER in _get(url), timeout_s, "the edit to show")
        seconds = time.perf_counter() - start
        time.sleep(5)  # a second build would start within the poller's interval
        return {"reload_s": round(seconds, 2), "reload_builds": _builds(log) - before}
    finally:
        server.terminate()
        server.wait(timeout=30)


def _slug_of(project: Path, seed: Path) -> str:
    """The brief's slug, from the source line of its generated text page."""
    source = f'source: "{seed.relative_to(project).as_posix()}"'
    for page in (project / "docs" / "briefs").glob("*/text.md"):
        if source in page.read_text("utf-8")[:2000]:
            return page.parent.name
    raise SystemExit(f"no generated page for {seed}")


def _builds(log: Path) -> int:
    return finished_builds(log.read_text("utf-8", errors="replace"))


def finished_builds(log: str) -> int:
    """How many builds a ``mkdocs serve`` log shows finished."""
    return sum(log.count(line) for line in FINISHED)


def _get(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return str(response.read().decode("utf-8", errors="replace"))
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return ""


def _wait(condition: Any, timeout_s: float, what: str) -> None:
    deadline = time.monotonic() + timeout_s
    while not condition():
        if time.monotonic() > deadline:
            raise SystemExit(f"timed out waiting for {what}")
        time.sleep(0.2)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])
