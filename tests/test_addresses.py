"""No address is invented: with no site address configured, the site and its
``file://`` bundle name only addresses the sources give, and leave links to
their own pages to be made where they are read (assets/cite.js)."""

from __future__ import annotations

import gzip
import io
import re
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import write

SLUG = "a-new-rapprochement-between-moscow-and-tehran"
ORIGINAL = "https://jamestown.org/program/a-new-rapprochement-between-moscow-and-tehran/"

PLACEHOLDER = re.compile(
    rb"example\.(?:org|com|net)|localhost|127\.0\.0\.1|0\.0\.0\.0|\.invalid\b|\.test/", re.I
)
"""Addresses that stand for no real place: documentation's examples and this machine's."""

THEIRS = re.compile(r"^assets/javascripts/|^pagefind/[^/]+\.(?:js|css|wasm)$")
"""Code the theme and Pagefind ship as it is, which parses addresses against
``https://example.com`` or documents ``localhost``: no citation of ours is in it."""


def contents(path: Path) -> Iterator[tuple[str, bytes]]:
    """The bytes a reader or a program gets from ``path``: a zip's members (memo
    documents, the bundle), a gzip's content (Pagefind's index), else the file."""
    data = path.read_bytes()
    if zipfile.is_zipfile(io.BytesIO(data)):
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            for name in archive.namelist():
                yield f"{path.name}!{name}", archive.read(name)
    elif data[:2] == b"\x1f\x8b":
        yield path.name, gzip.decompress(data)
    else:
        yield path.name, data


def placeholders(site: Path) -> list[str]:
    """Each file of ``site`` (the theme's and Pagefind's code aside) naming a placeholder."""
    found = []
    for path in sorted(p for p in site.rglob("*") if p.is_file()):
        where = path.relative_to(site).as_posix()
        if THEIRS.match(where):
            continue
        for name, data in contents(path):
            hit = PLACEHOLDER.search(data)
            if hit:
                found.append(f"{where} ({name}): {hit.group().decode()}")
    return found


def test_the_check_finds_a_placeholder_in_a_document(tmp_path: Path) -> None:
    with zipfile.ZipFile(tmp_path / "memo.docx", "w") as archive:
        archive.writestr("word/document.xml", "Read at https://briefing.example.org/briefs/x/")
    write(tmp_path / "pagefind" / "pagefind.js", "new URL(`https://example.com${u}`)")
    (tmp_path / "pagefind" / "index.pf_index").write_bytes(gzip.compress(b"http://localhost/"))
    assert placeholders(tmp_path) == [
        "memo.docx (memo.docx!word/document.xml): example.org",
        "pagefind/index.pf_index (index.pf_index): localhost",
    ]


@pytest.mark.parametrize("kind", ["seed_site", "offline_site"])
def test_no_placeholder_address_in_a_default_build(
    kind: str, request: pytest.FixtureRequest
) -> None:
    site: Path = request.getfixturevalue(kind)
    assert placeholders(site) == []


def test_citations_name_the_original_and_leave_this_sites_address_to_the_page(
    seed_site: Path,
) -> None:
    brief = seed_site / "briefs" / SLUG
    text = (brief / "text" / "index.html").read_text("utf-8")
    # The ¶ menu takes the page's own address; from disk, the original's.
    assert "data-url=" not in text and f'data-original="{ORIGINAL}"' in text
    overview = (brief / "index.html").read_text("utf-8")
    mla = re.search(r'<p class="brief-cite"[^>]*data-read-here="Briefing"[^>]*>(.*?)</p>', overview)
    assert mla is not None and ORIGINAL in mla.group(1)
    memo = zipfile.ZipFile(brief / f"{SLUG}.docx").read("word/document.xml").decode("utf-8")
    assert "Original at" in memo and "Read at" not in memo
    for download in ("cite.bib", "cite.ris", "cite.json"):
        assert ORIGINAL in (brief / download).read_text("utf-8"), download
