import datetime as dt
from pathlib import Path

import pytest

from briefing.errors import SidecarError
from briefing.input.sidecar import Sidecar, load_sidecar
from briefing.model import Section
from tests.conftest import write


def test_missing_sidecar_is_empty(tmp_path: Path) -> None:
    assert load_sidecar(tmp_path / "none.yml", "none.yml") == Sidecar()


def test_valid_sidecar(tmp_path: Path) -> None:
    path = write(
        tmp_path / "a.yml",
        "author: Stephen Blank\ndate: 2011-11-16\nurl: https://example.org/a\n"
        "summary: Moscow and Tehran draw closer.\n"
        "sections:\n  - {heading: Sanctions, paragraph: 4}\n  - {heading: Opening, paragraph: 1}\n"
        "tags: [Iran, sanctions, Iran]\nslug: moscow-tehran\n",
    )
    sidecar = load_sidecar(path, "a.yml")
    assert sidecar.author == "Stephen Blank"
    assert sidecar.date == dt.date(2011, 11, 16)
    assert sidecar.sections == (Section("Opening", 1), Section("Sanctions", 4))
    assert sidecar.tags == ("Iran", "sanctions")
    assert sidecar.slug == "moscow-tehran"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("author: A\nauthr: B\n", r"a.yml:2: unknown key 'authr'"),
        ("date: 16 November 2011\n", r"a.yml:1: 'date': expected a date"),
        ("date: 2011-02-30\n", r"a.yml:1: 'date': expected a date"),
        ("url: javascript:alert(1)\n", r"a.yml:1: 'url': expected an http\(s\) address"),
        ("author: [1, 2]\n", r"a.yml:1: 'author': expected a name"),
        ("\n\nslug: ../../etc\n", r"a.yml:3: 'slug'"),
        ("sections:\n  - {heading: X}\n", r"a.yml:1: 'sections'"),
        ("tags: iran\n", r"a.yml:1: 'tags'"),
        ("- a\n- b\n", r"a.yml:1: expected a mapping"),
        ("author: 'unclosed\n", r"a.yml:\d+: not valid YAML"),
        ("a: !!python/object/apply:os.system ['true']\n", r"a.yml:\d+: not valid YAML"),
    ],
)
def test_invalid_sidecars_name_file_line_and_key(tmp_path: Path, text: str, expected: str) -> None:
    path = write(tmp_path / "a.yml", text)
    with pytest.raises(SidecarError, match=expected):
        load_sidecar(path, "a.yml")


def test_co_authors_as_a_list(tmp_path: Path) -> None:
    path = write(tmp_path / "a.yml", "author: [Stephen Blank, Roger McDermott]\n")
    assert load_sidecar(path, "a.yml").author == "Stephen Blank and Roger McDermott"
    bad = write(tmp_path / "b.yml", "author: []\n")
    with pytest.raises(SidecarError, match=r"b.yml:1: 'author'"):
        load_sidecar(bad, "b.yml")
