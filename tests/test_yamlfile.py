"""Data files parsed by libyaml read exactly as the pure-Python parser reads them."""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Any

import pytest
import yaml

from briefing import yamlfile
from briefing.analysis.glossary import load_glossary
from briefing.errors import SidecarError
from briefing.yamlfile import LineDict, load_yaml
from tests.conftest import write

DATA_FILES = sorted(
    f.name for f in resources.files("briefing.data").iterdir() if f.name.endswith(".yml")
)


def shape(value: Any) -> Any:
    """``value`` with every mapping's lines made part of it, to compare two parses."""
    if isinstance(value, LineDict):
        return (
            "LineDict",
            value.start_line,
            sorted(value.key_lines.items()),
            {k: shape(v) for k, v in value.items()},
        )
    if isinstance(value, list):
        return [shape(v) for v in value]
    return (type(value).__name__, value)


@pytest.mark.parametrize("name", DATA_FILES)
def test_a_packaged_data_file_reads_the_same_through_libyaml(name: str) -> None:
    text = resources.files("briefing.data").joinpath(name).read_text("utf-8")
    fast = yamlfile._fast(text)  # raises if libyaml did not read it cleanly
    pure = yaml.load(text, Loader=yamlfile._LineLoader)
    assert shape(fast) == shape(pure)
    assert isinstance(fast, (LineDict, list)) and len(fast) > 0


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("a: &x made here\nb: *x\n", "x.yml:2: not valid YAML: aliases (*name) are not allowed"),
        ("a: [1, &y 2]\nb:\n  - c: *y\n", "x.yml:3: not valid YAML: aliases (*name) are not"),
        ("a: 1\nb: 2\na: 3\n", "x.yml:3: not valid YAML: key 'a' is given twice, on lines 1 and 3"),
        # libyaml says "did not find expected ',' or ']'": the message is the pure parser's.
        ("a: [1, 2\nb: 3\n", "x.yml:2: not valid YAML: expected ',' or ']', but got ':'"),
    ],
)
def test_what_libyaml_is_not_left_to_decide_reads_as_before(text: str, message: str) -> None:
    with pytest.raises(SidecarError) as raised:
        load_yaml(text, "x.yml", SidecarError)
    assert str(raised.value).startswith(message)


def test_a_clean_file_keeps_its_lines_and_dates_as_text() -> None:
    data = load_yaml(
        "# made here\nauthor: A Name\ndate: 2011-11-16\nlist:\n  - k: v\n", "x", SidecarError
    )
    assert data == {"author": "A Name", "date": "2011-11-16", "list": [{"k": "v"}]}
    assert (data.line_of("author"), data.line_of("date"), data["list"][0].line_of("k")) == (2, 3, 5)


def test_a_tab_after_a_value_is_refused_as_before() -> None:
    # libyaml reads "a: 1<tab>" as {"a": 1}; the pure parser refuses it, and
    # only the packaged files (checked above) are read by libyaml.
    with pytest.raises(SidecarError, match=r"x\.yml:1: not valid YAML: found character '\\t'"):
        load_yaml("a: 1\t\n", "x.yml", SidecarError)


def test_libyaml_reads_the_packaged_files_and_nothing_else(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    read: list[str] = []
    libyaml = yamlfile._fast

    def fast(text: str) -> Any:
        read.append(text)
        return libyaml(text)

    monkeypatch.setattr(yamlfile, "_fast", fast)
    text = resources.files("briefing.data").joinpath("glossary.yml").read_text("utf-8")
    assert load_glossary() == load_glossary(write(tmp_path / "glossary.yml", text + "\n"))
    assert read == [text]


def test_libyaml_leaves_an_alias_to_the_pure_parser() -> None:
    # It composes an alias into the node it names: seen twice, it is refused.
    with pytest.raises(yamlfile._Refused):
        yamlfile._fast("a: &x [made here]\nb: *x\n")
    assert yamlfile._fast("a: [made here]\nb: [made here]\n") == {
        "a": ["made here"],
        "b": ["made here"],
    }
