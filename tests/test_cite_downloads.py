"""The downloads every reference manager reads: BibTeX (classic and biblatex), RIS, CSL-JSON."""

from __future__ import annotations

import json
from pathlib import Path

import bibtexparser
import jsonschema
import pytest

from briefing.build import BuildResult, plan
from briefing.config import BuildConfig
from briefing.references.bibtex import HEADER
from tests.conftest import copy_project

SCHEMA = Path(__file__).parent / "schemas" / "csl-data.json"
"""The official CSL-JSON schema (see tests/schemas/README.md)."""


@pytest.fixture(scope="module")
def result(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    # A copy with no caches: the checkout's .cache/ must not decide what is tested.
    return plan(BuildConfig(root=copy_project(tmp_path_factory.mktemp("downloads") / "project")))


def download(result: BuildResult, name: str) -> str:
    return next(t for p, t in result.outputs.items() if p.name == name and "briefs" in p.parts)


def test_csl_json_validates_against_the_official_schema(result: BuildResult) -> None:
    schema = json.loads(SCHEMA.read_text("utf-8"))
    items = json.loads(download(result, "cite.json"))
    jsonschema.validate(items, schema)
    assert len(items) == 19  # the article and its 18 cited items


def test_csl_json_schema_catches_a_bad_item() -> None:
    schema = json.loads(SCHEMA.read_text("utf-8"))
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate([{"id": "x", "type": "not-a-type"}], schema)


def test_bibtex_parses_back_without_failed_blocks(result: BuildResult) -> None:
    bibliography = next(t for p, t in result.outputs.items() if p.name == "references.bib")
    for text in (download(result, "cite.bib"), bibliography):
        library = bibtexparser.parse_string(text)
        assert library.failed_blocks == []
        assert library.entries


def test_the_article_reads_in_classic_bibtex_and_biblatex(result: BuildResult) -> None:
    entry = bibtexparser.parse_string(download(result, "cite.bib")).entries[0]
    fields = entry.fields_dict
    assert fields["journal"].value == fields["journaltitle"].value == "Eurasia Daily Monitor"
    assert fields["year"].value == fields["date"].value == "2011"
    assert "month" not in fields  # the seed gives the year alone
    url = "https://jamestown.org/program/a-new-rapprochement-between-moscow-and-tehran/"
    assert fields["url"].value == url
    assert fields["title"].value == "A New Rapprochement Between {Moscow} and {Tehran}"


def test_dated_sources_carry_year_and_month_macros(result: BuildResult) -> None:
    text = download(result, "cite.bib")
    library = bibtexparser.parse_string(text)
    irna = next(e for e in library.entries if e.key == "irna-2011-09-24")
    assert irna.fields_dict["year"].value == "2011"
    assert irna.fields_dict["journal"].value == irna.fields_dict["journaltitle"].value
    assert "\tmonth = sep,\n" in text  # a macro, unbraced: every style prints it its own way


def test_the_copyable_bibtex_has_no_generator_comment(result: BuildResult) -> None:
    assert download(result, "cite.bib").startswith(HEADER)
    page = next(
        t for p, t in result.outputs.items() if p.name == "index.md" and "briefs" in p.parts
    )
    assert HEADER.strip() not in page


def test_every_ris_record_with_a_title_carries_it(result: BuildResult) -> None:
    items = {i["id"]: i for i in json.loads(download(result, "cite.json"))}
    for record in download(result, "cite.ris").strip("\n").split("\n\n"):
        tags = dict(line.split("  - ", 1) for line in record.splitlines() if line != "ER  - ")
        title = items[tags["ID"]].get("title")
        assert tags.get("TI") == title, record
