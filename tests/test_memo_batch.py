"""Memo documents made in batches: few pandoc processes, the same bytes as one at a time."""

from __future__ import annotations

import datetime as dt
import io
import os
import re
import subprocess
import sys
import textwrap
import zipfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import docx
import pytest

from briefing.build import build
from briefing.cli import main
from briefing.config import BuildConfig
from briefing.errors import DataFileError, MemoError
from briefing.references import memo, memobatch
from briefing.references.citeproc import pandoc_path
from briefing.references.memobatch import READER, Conversion, Failed, convert_batch
from tests.conftest import SEED, copy_project, write

EPOCHS = (1_320_000_000, 1_000_000_000, 1_600_000_000)
MARKDOWN = textwrap.dedent(
    """\
    ---
    title: "Memo {n}"
    ---

    **¶ 1** Text of memo {n}[^1], $5 and $6 stay text, @name too; Ümit 🛰 Қазақ.

    [^1]: *Source {n}*. September 24, 2011.
    """
)
BAD_YAML = '---\ntitle: "unterminated\nx: [\n---\n\nText.\n'
"""A memo pandoc refuses: its metadata block is not YAML."""


@pytest.fixture
def pandoc_runs(monkeypatch: pytest.MonkeyPatch) -> list[Sequence[str]]:
    """The pandoc processes the test starts in Lua mode, by their arguments."""
    runs: list[Sequence[str]] = []
    real = subprocess.run

    def counting(args: Sequence[str], **kwargs: Any) -> Any:
        if "lua" in args:
            runs.append(args)
        return real(args, **kwargs)

    monkeypatch.setattr(subprocess, "run", counting)
    return runs


def conversions() -> list[Conversion]:
    return [
        Conversion(MARKDOWN.format(n=n), extension, epoch)
        for n, epoch in enumerate(EPOCHS)
        for extension in ("docx", "odt")
    ]


def one_by_one(conversion: Conversion, folder: Path) -> bytes:
    """The document as ``pandoc -f READER -t FORMAT -o FILE`` makes it, one process each."""
    target = folder / f"memo.{conversion.extension}"
    args = [pandoc_path(), "-f", READER, "-t", conversion.extension, "-o", str(target)]
    env = {**os.environ, "SOURCE_DATE_EPOCH": str(conversion.epoch)}
    subprocess.run(args, input=conversion.markdown.encode("utf-8"), check=True, env=env)
    return target.read_bytes()


def test_a_batch_is_one_pandoc_process_per_worker(pandoc_runs: list[Sequence[str]]) -> None:
    made = convert_batch(conversions(), workers=1)
    assert len(pandoc_runs) == 1 and len(made) == 6
    convert_batch(conversions(), workers=2)
    assert len(pandoc_runs) == 3


def test_batched_documents_are_the_bytes_pandoc_makes_one_at_a_time(tmp_path: Path) -> None:
    wanted = conversions()
    made = convert_batch(wanted, workers=2)
    assert made == [one_by_one(c, tmp_path) for c in wanted]
    assert convert_batch(wanted, workers=1) == made


def test_each_document_carries_its_own_timestamp() -> None:
    made = convert_batch(conversions(), workers=1)
    for n, epoch in enumerate(EPOCHS):
        when = dt.datetime.fromtimestamp(epoch, dt.UTC)
        word, odt = made[2 * n], made[2 * n + 1]
        assert isinstance(word, bytes) and isinstance(odt, bytes)
        core = docx.Document(io.BytesIO(word)).core_properties
        assert core.created == when and core.title == f"Memo {n}"
        with zipfile.ZipFile(io.BytesIO(odt)) as archive:
            meta = archive.read("meta.xml").decode("utf-8")
            stamps = {item.date_time[:5] for item in archive.infolist()}
        assert f"<meta:creation-date>{when:%Y-%m-%dT%H:%M:%S}Z" in meta
        assert stamps == {(when.year, when.month, when.day, when.hour, when.minute)}


def test_a_document_pandoc_refuses_fails_alone() -> None:
    wanted = conversions()
    wanted[2:2] = [Conversion(BAD_YAML, "docx", 0), Conversion(BAD_YAML, "odt", 0)]
    made = convert_batch(wanted, workers=1)
    failed = [m for m in made if isinstance(m, Failed)]
    assert len(failed) == 2 and all("YAML parse exception" in f.message for f in failed)
    good = [m for m in made if not isinstance(m, Failed)]
    assert good == convert_batch(conversions(), workers=1)


def test_a_broken_reference_document_is_one_clear_error(tmp_path: Path) -> None:
    broken = write(tmp_path / "house.docx", "not a zip file")
    wanted = [Conversion("Text.\n", "docx", 0, broken), Conversion("Text.\n", "odt", 0)]
    with pytest.raises(DataFileError, match=r"house\.docx: not a reference document .*no zip"):
        convert_batch(wanted, workers=1)


def fake_pandoc(folder: Path, behaviour: str) -> Path:
    """A stand-in for pandoc: ``behaviour`` is the body of its handling of one document.

    It logs each start in ``runs.log``, prints the protocol line, and for
    each document (``markdown``, ``outputs``) runs ``behaviour``.
    """
    script = folder / "pandoc"
    body = textwrap.indent(textwrap.dedent(behaviour), " " * 8)
    script.write_text(
        f"#!{sys.executable}\n"
        "import json, sys\n"
        f"open({str(folder / 'runs.log')!r}, 'a').write('run\\n')\n"
        "manifest = json.load(open(sys.argv[3]))\n"
        f"print({memobatch.PROTOCOL!r}, flush=True)\n"
        "for document in manifest['documents']:\n"
        "    markdown = document['markdown']\n"
        "    for output in document['outputs']:\n"
        f"{body}"
    )
    script.chmod(0o755)
    return script


WRITES_OR_CRASHES = """\
    if markdown == "CRASH":
        sys.exit("fake pandoc: out of memory")
    if "Poisoned" in markdown:
        print("error fake pandoc: cannot write", output["format"], flush=True)
        continue
    open(output["path"], "wb").write(("made:" + markdown).encode())
    print("ok", flush=True)
"""


def use_pandoc(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    monkeypatch.setattr(memobatch, "pandoc_path", lambda: str(path))


def test_when_pandoc_stops_on_a_document_the_rest_are_made_in_a_new_process(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    use_pandoc(monkeypatch, fake_pandoc(tmp_path, WRITES_OR_CRASHES))
    texts = ["one", "two", "CRASH", "three"]
    made = convert_batch([Conversion(t, ext, 0) for t in texts for ext in ("docx", "odt")], 1)
    assert made[:4] == [b"made:one", b"made:one", b"made:two", b"made:two"]
    assert made[4:6] == [Failed("pandoc stopped: fake pandoc: out of memory")] * 2
    assert made[6:] == [b"made:three", b"made:three"]
    assert (tmp_path / "runs.log").read_text("utf-8").count("run") == 3


def test_a_pandoc_that_cannot_run_the_script_is_one_clear_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    broken = write(
        tmp_path / "pandoc", "#!/bin/sh\necho 'pandoc: unknown command lua' >&2\nexit 2\n"
    )
    broken.chmod(0o755)
    use_pandoc(monkeypatch, broken)
    with pytest.raises(DataFileError, match="pandoc: unknown command lua; reinstall: make site"):
        convert_batch([Conversion(t, "docx", 0) for t in ("a", "b", "c")], 2)
    use_pandoc(monkeypatch, tmp_path / "missing")
    with pytest.raises(DataFileError, match=r"cannot run pandoc \(.*No such file"):
        convert_batch([Conversion("a", "docx", 0)], 1)


def poisoned_project(tmp_path: Path) -> Path:
    """The project with a second seed, whose title the fake pandoc refuses."""
    project = copy_project(tmp_path / "project")
    text = SEED.read_text("utf-8").replace("A New Rapprochement", "A Poisoned Rapprochement", 1)
    write(project / "seeds" / "poisoned.txt", text)
    return project


def test_a_memo_that_fails_leaves_the_build_written_and_names_its_seed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    use_pandoc(monkeypatch, fake_pandoc(tmp_path, WRITES_OR_CRASHES))
    # The fake's output is no document: nothing to finish (page numbers, dates).
    monkeypatch.setattr(memo, "finished", lambda _extension, data: data)
    project = poisoned_project(tmp_path)
    code = main(["build", "--root", str(project)])
    err = capsys.readouterr().err
    assert code == 1
    assert re.search(r"error: seeds/poisoned\.txt: memo a-poisoned-\S+\.docx not made: fake", err)
    assert "1 seed(s) lack memo documents: seeds/poisoned.txt" in err
    briefs = project / "docs" / "briefs"
    poisoned = next(briefs.glob("a-poisoned-*"))
    assert 'title: "A Poisoned Rapprochement' in (poisoned / "index.md").read_text("utf-8")
    assert not list(poisoned.glob("*.docx"))
    assert len(list(briefs.glob("a-new-*/*.docx"))) == 1
    memos = build(BuildConfig(root=project))
    assert [type(f.error) for f in memos.failed] == [MemoError]  # the .docx alone, by default
    assert {f.seed for f in memos.failed} == {"seeds/poisoned.txt"}
