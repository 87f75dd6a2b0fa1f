"""People and roles measured on published text (tests/fixtures/realtext/).

The sentences are short quotations of published articles, each labelled
with the people it names, the roles it gives them and the outlets it cites
(see the folder's README). No two different people may ever be merged, no
person found may be one the sentence does not name, and at least nine in
ten labelled roles must be found for the right person.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

import pytest

from briefing.bench.people_eval import LABELLED, Score, held_out, load_items, measure, report
from briefing.cli import main
from briefing.errors import DataFileError
from tests.conftest import write


@functools.cache
def score() -> Score:
    return measure(load_items())


def test_no_two_people_are_merged_and_no_one_is_made_up() -> None:
    found = score()
    assert found.merges == 0, report(found)
    assert found.identity_precision == 1.0, "\n".join(found.errors)


def test_nine_in_ten_labelled_roles_are_found_for_the_right_person() -> None:
    found = score()
    assert found.role_recall >= 0.9, "\n".join(found.errors)
    assert found.role_precision >= 0.95, "\n".join(found.errors)


def test_every_outlet_cited_in_parentheses_is_found() -> None:
    found = score()
    assert (found.outlet_recall, found.outlet_precision) == (1.0, 1.0), report(found)


def test_the_set_is_large_enough_and_says_where_each_sentence_comes_from() -> None:
    items = load_items()
    assert 80 <= len(items) <= 150
    assert all(i.source.startswith("https://") for i in items)
    assert sum(len(i.people) for i in items) >= 80
    assert len(held_out(items)) >= 15
    assert LABELLED.with_name("README.md").is_file()


def test_a_label_the_sentence_does_not_give_is_refused(tmp_path: Path) -> None:
    # Made here: a role that is not in the sentence is an error naming file and line.
    bad = write(
        tmp_path / "set.yml",
        "items:\n  - source: https://example.org/\n    text: Ivan Petrov spoke.\n"
        "    people:\n      - {name: Ivan Petrov, role: foreign minister}\n",
    )
    with pytest.raises(DataFileError, match=r"set\.yml:3: items\[1\]: 'foreign minister'"):
        load_items(bad)


def test_the_command_prints_the_figures_and_lists_the_misses(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["bench", "people", "--errors"]) == 0
    printed = capsys.readouterr().out
    assert re.search(rf"roles: recall +{score().role_recall:.3f} ", printed)
    assert score().errors
    assert all(error in printed for error in score().errors)
