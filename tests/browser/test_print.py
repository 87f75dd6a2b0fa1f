"""A brief printed to PDF by Chromium reads as a memo: title block, address, numbered notes."""

from __future__ import annotations

import re
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser

from briefing.references.siteinfo import read_site
from tests.browser.support import SLUG, Server, serve
from tests.conftest import ROOT, copy_project

pytestmark = pytest.mark.browser

PAGE_COUNT = re.compile(r"^Pages:\s+(?P<count>\d+)$", re.MULTILINE)
"""The page count line of `pdfinfo`."""
NOTE = re.compile(r"^\s*(?P<number>\d+)\. \S", re.MULTILINE)
"""A numbered note at the start of a line of `pdftotext -layout` output."""


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    with serve(copy_project(tmp_path_factory.mktemp("print") / "project")) as server:
        yield server


@pytest.fixture(scope="module")
def pdf(served: Server, tmp_path_factory: pytest.TempPathFactory, browser: Browser) -> Path:
    page = browser.new_page()
    try:
        page.goto(served.url + f"briefs/{SLUG}/text/")
        path = tmp_path_factory.mktemp("pdf") / "brief.pdf"
        page.pdf(path=str(path), format="A4")
    finally:
        page.close()
    return path


def run(*command: str) -> str:
    return subprocess.run(command, capture_output=True, text=True, check=True).stdout


def test_brief_prints_on_a_few_pages(pdf: Path) -> None:
    found = PAGE_COUNT.search(run("pdfinfo", str(pdf)))
    assert found is not None
    assert 1 <= int(found["count"]) <= 4


def test_printed_brief_has_title_block_address_and_notes(served: Server, pdf: Path) -> None:
    text = run("pdftotext", "-layout", str(pdf), "-")
    first_page = text.split("\f")[0]
    flat = " ".join(first_page.split())
    assert "A New Rapprochement Between Moscow and Tehran" in flat
    assert "Eurasia Daily Monitor" in flat
    # Without a published address, the page prints the one it was read at.
    url = f"{read_site(ROOT / 'mkdocs.yml').url or served.url}briefs/{SLUG}/"
    assert url in flat
    assert "Cite as:" in flat
    assert [int(n) for n in NOTE.findall(text)] == list(range(1, 19))
    assert "Notes" in text


def test_printed_brief_has_no_site_furniture(pdf: Path) -> None:
    text = run("pdftotext", "-layout", str(pdf), "-")
    for furniture in ("Search", "Skip to content", "Table of contents", "Bibliography", "Overview"):
        assert furniture not in text
    assert "↩" not in text
