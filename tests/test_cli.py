import json
import subprocess
import sys
from pathlib import Path

import pytest

from briefing.cli import main
from tests.conftest import ROOT, SEED, write


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_citations_json_contract(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "citations", str(SEED), "--json")
    assert code == 0
    citations = json.loads(out)
    assert len(citations) == 18
    first = citations[0]
    assert first == {
        "outlet": "IRNA",
        "source": "irna",
        "dates": [
            {"text": "September 24", "year": 2011, "month": 9, "day": 24, "iso": "2011-09-24"}
        ],
        "raw": "(IRNA, September 24)",
        "paragraph": 1,
        "start": first["start"],
        "end": first["end"],
    }
    text = SEED.read_text("utf-8").split("\n\n")[3]
    assert text[first["start"] : first["end"]] == "(IRNA, September 24)"
    assert [c["paragraph"] for c in citations] == sorted(c["paragraph"] for c in citations)


def test_citations_without_publication_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = write(tmp_path / "a.txt", "Title\n\nA claim (Kommersant, October 20).\n")
    code, out, err = run(capsys, "citations", str(path), "--json")
    assert code == 0 and "no 'Publication:' line" in err
    assert json.loads(out)[0]["dates"][0]["year"] is None
    code, out, _ = run(capsys, "citations", str(path), "--json", "--published", "2011-10-01")
    assert json.loads(out)[0]["dates"][0]["iso"] == "2010-10-20"


def test_citations_strict_fails_on_warnings(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = write(tmp_path / "a.txt", "Title\n\nA claim (unclosed.\n")
    code, _, err = run(capsys, "citations", str(path), "--strict")
    assert code == 1 and "a.txt:3: unbalanced parenthesis" in err


def test_errors_name_the_file_and_exit_1(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = write(tmp_path / "a.txt", "")
    code, _, err = run(capsys, "citations", str(path))
    assert code == 1 and "a.txt:1: the file is empty" in err


def test_bad_usage_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["citations", "x.txt", "--published", "yesterday"])
    assert info.value.code == 2


def test_a_closed_pipe_ends_quietly() -> None:
    import subprocess
    import sys

    done = subprocess.run(
        f"{sys.executable} -m briefing.cli citations {SEED} | head -c 10",
        shell=True,
        capture_output=True,
        text=True,
    )
    assert "Traceback" not in done.stderr


def test_the_command_loads_the_page_and_feed_readers_only_to_import() -> None:
    # They take a sixth of a build that finds nothing to do; `briefing import` loads them.
    code = (
        "import sys, briefing.cli; print(sorted({'trafilatura', 'feedparser'} & set(sys.modules)))"
    )
    run = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(ROOT / "scripts")},
        check=True,
    )
    assert run.stdout.strip() == "[]"
