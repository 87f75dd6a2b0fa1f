"""Other names of what a brief mentions: the search keywords of its pages."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest

from briefing.analysis.gazetteer import load_gazetteer
from briefing.analysis.othernames import name_words, names_of, other_names, outlet_names
from briefing.build import read_article
from briefing.citations.registry import load_registry
from briefing.citations.registry_schema import RegistryError
from briefing.input.publications import load_publications
from briefing.model import Article
from tests.conftest import ROOT, SEED, write


def article_of(tmp_path: Path, text: str) -> Article:
    seed = write(tmp_path / "seeds" / "a.txt", textwrap.dedent(text))
    return read_article(seed, tmp_path, load_registry(), load_publications())


def test_the_seed_carries_the_spellings_it_does_not_use() -> None:
    article = read_article(SEED, ROOT, load_registry(), load_publications())
    names = other_names(article, load_gazetteer())
    assert "Rosoboronexport" in names  # the text writes Rosoboroneksport
    assert "Коммерсантъ" in names  # it cites Kommersant
    assert "Rosoboroneksport" not in names and "Kommersant" not in names
    assert "Putin" not in names  # used, inside "Vladimir Putin"


def test_nothing_unmentioned_is_added(tmp_path: Path) -> None:
    article = article_of(
        tmp_path,
        """\
        A Title

        Lavrov spoke in Geneva (Kommersant, May 3).
        """,
    )
    names = other_names(article, load_gazetteer())
    assert "Sergei Lavrov" in names and "Коммерсантъ" in names
    assert not {"Rosoboronexport", "Ahmadinejad", "ایرنا"} & set(names)


def test_name_words_are_the_words_of_every_name(tmp_path: Path) -> None:
    article = read_article(SEED, ROOT, load_registry(), load_publications())
    words = json.loads(name_words(names_of(article, load_gazetteer()).mentioned))
    assert {"Ahmadinejad", "Rosoboronexport", "Коммерсантъ"} <= set(words)
    assert all(len(w) >= 4 for w in words) and words == sorted(set(words), key=words.index)


def test_outlet_names_leave_out_addresses() -> None:
    tass = next(o for o in load_registry().outlets if o.id == "tass")
    assert outlet_names(tass)[:2] == ("TASS", "ТАСС")
    assert not any("." in name for name in outlet_names(tass))


@pytest.mark.parametrize("value", ["''", "[Коммерсантъ]", "3"])
def test_a_native_name_must_be_a_name(tmp_path: Path, value: str) -> None:
    text = f"- id: k\n  name: Kommersant\n  type: newspaper\n  native_name: {value}\n"
    with pytest.raises(RegistryError) as caught:
        load_registry(write(tmp_path / "outlets.yml", text))
    assert "field 'native_name': expected a name" in str(caught.value)
