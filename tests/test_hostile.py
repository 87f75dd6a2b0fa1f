"""Hostile and broken seeds (tests/hostile/manifest.yml): text stays text, errors are clear."""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Any

import markdown
import pytest
import yaml
from bibtexparser import parse_string

from briefing.cli import main
from briefing.references.bibtex import unescape_bibtex
from tests.conftest import SEED
from tests.html_safety import markdown_settings, read_page

HOSTILE = Path(__file__).parent / "hostile"
CASES: list[dict[str, Any]] = yaml.safe_load((HOSTILE / "manifest.yml").read_text("utf-8"))["cases"]
PUBLICATION = "Publication: Eurasia Daily Monitor Volume: 8 Issue: 212"


def _case_id(case: dict[str, Any]) -> str:
    return str(case.get("seed") or case.get("make") or case["generate"]["title"])


EXTENSIONS, EXTENSION_CONFIGS = markdown_settings()


def rendered(page: Path) -> str:
    """A generated page as MkDocs would render its body (front matter removed)."""
    text = page.read_text("utf-8").partition("\n---\n")[2]
    return markdown.markdown(text, extensions=EXTENSIONS, extension_configs=EXTENSION_CONFIGS)


def _make(case: dict[str, Any], seeds: Path) -> None:
    if "seed" in case:
        for name in [case["seed"], *case.get("with", [])]:
            shutil.copy(HOSTILE / name, seeds / name)
            sidecar = (HOSTILE / name).with_suffix(".yml")
            if sidecar.exists():
                shutil.copy(sidecar, seeds / sidecar.name)
    elif "generate" in case:
        spec = case["generate"]
        if spec.get("one_paragraph"):
            body = spec["unit"] * spec["count"] + "(IRNA, September 24)."
        else:
            body = "\n\n".join([spec["unit"]] * spec["count"])
        (seeds / "generated.txt").write_text(f"{spec['title']}\n\n{PUBLICATION}\n\n{body}\n")
    elif case["make"] == "symlink-outside":
        (seeds / "link.txt").symlink_to("/etc/passwd")
    elif case["make"] == "directory":
        (seeds / "folder.txt").mkdir()
    elif case["make"] == "sidecar-directory":
        (seeds / "plain.txt").write_text(f"Plain\n\n{PUBLICATION}\n\nText.\n")
        (seeds / "plain.yml").mkdir()


@pytest.fixture(scope="module")
def warm(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder holding the seed, as ``a.txt``, and the caches of its conversion,
    and nothing else: each case adds its hostile seed to a copy, whose build
    converts that seed alone and writes every output afresh."""
    root = tmp_path_factory.mktemp("warm")
    (root / "seeds").mkdir()
    shutil.copy(SEED, root / "seeds" / "a.txt")
    assert main(["build", "--root", str(root)]) == 0
    for made in ("docs", "includes"):
        shutil.rmtree(root / made)
    (root / "references.bib").unlink()
    (root / ".cache" / "briefing" / "outputs.json").unlink()
    return root


@pytest.mark.parametrize("case", CASES, ids=_case_id)
def test_hostile_seed(
    case: dict[str, Any], warm: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    shutil.copytree(warm, tmp_path, symlinks=True, dirs_exist_ok=True)
    seeds = tmp_path / "seeds"
    _make(case, seeds)
    code = main(["build", "--root", str(tmp_path)])
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert code == (0 if case["builds"] else 1), err
    if "error" in case:
        assert case["error"] in err
    docs = tmp_path / "docs"
    assert (docs / "briefs" / "a-new-rapprochement-between-moscow-and-tehran" / "text.md").exists()
    assert all(p.resolve().is_relative_to(docs) for p in docs.rglob("*"))
    if "slugs" in case:
        made = {p.name for p in (docs / "briefs").iterdir()}
        assert set(case["slugs"]) <= made
    markdown_pages = sorted(docs.rglob("*.md")) if case.get("render", True) else []
    pages = [read_page(rendered(p)) for p in markdown_pages]
    assert [u for page in pages for u in page.unsafe] == []
    everything = "\n".join(page.text for page in pages)
    for text in case.get("shows", []):
        assert text in everything
    assert "root:x:0" not in everything
    _check_bibliography(tmp_path / "references.bib", case.get("bib", []))


def _check_bibliography(path: Path, expected: list[str]) -> None:
    library = parse_string(path.read_text("utf-8"))
    assert library.failed_blocks == []
    values = {unescape_bibtex(str(f.value)) for e in library.entries for f in e.fields}
    for value in expected:
        assert value in values


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their permissions")
def test_unreadable_seed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    seed = tmp_path / "seeds" / "locked.txt"
    seed.parent.mkdir()
    seed.write_text("Title\n\nText.\n")
    seed.chmod(0)
    assert main(["build", "--root", str(tmp_path)]) == 1
    assert "seeds/locked.txt: cannot be read: Permission denied" in capsys.readouterr().err
