"""Memo documents: the brief as .docx (and .odt when asked), its sources as real footnotes."""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Sequence
from pathlib import Path
from xml.etree import ElementTree as ET

import docx
import pytest

from briefing.build import BuildResult, build, plan
from briefing.config import BuildConfig
from briefing.errors import SiteConfigError
from briefing.references.memo import MemoCache, convert, make_memos, reusing_memos
from briefing.references.memobatch import Conversion, Outcome
from briefing.references.memofinish import finished
from briefing.references.siteinfo import memo_formats, memo_reference, memos_wanted
from tests.conftest import copy_project, write

SLUG = "a-new-rapprochement-between-moscow-and-tehran"
TITLE = "A New Rapprochement Between Moscow and Tehran"
FOOTNOTE = re.compile(r'<w:footnote\b(?![^>]*w:type=)[^>]*w:id="(\d+)"')
"""A footnote of the text (Word's separator notes carry a ``w:type``)."""
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
BOTH_FORMATS = "extra:\n  briefing:\n    memo_formats: [docx, odt]\n"


def asking_for_odt(project: Path) -> Path:
    config = project / "mkdocs.yml"
    text = config.read_text("utf-8")
    config.write_text(text.replace("extra:\n", BOTH_FORMATS, 1), "utf-8")
    return project


@pytest.fixture(scope="module")
def result(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    # A copy with no caches: the checkout's .cache/ must not decide what is tested.
    return plan(BuildConfig(root=copy_project(tmp_path_factory.mktemp("memo") / "project")))


def document(result: BuildResult, extension: str) -> bytes:
    return next(d for p, d in result.documents.items() if p.name == f"{SLUG}.{extension}")


def test_the_docx_has_title_numbered_paragraphs_and_a_footnote_per_source(
    result: BuildResult,
) -> None:
    data = document(result, "docx")
    word = docx.Document(io.BytesIO(data))
    texts = [p.text for p in word.paragraphs]
    assert texts[0] == TITLE
    assert word.core_properties.title == TITLE
    assert any(t.startswith("Cite as: “A New Rapprochement") for t in texts)
    numbered = [t for t in texts if t.startswith("¶ ")]
    assert [t.split(" ", 2)[1] for t in numbered] == [str(n) for n in range(1, 8)]
    assert "Sources" in texts
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        notes = archive.read("word/footnotes.xml").decode("utf-8")
        body = archive.read("word/document.xml").decode("utf-8")
    assert len(FOOTNOTE.findall(notes)) == 18
    assert body.count("<w:footnoteReference") == 18
    assert "IRNA" in notes and "(IRNA" not in body


def footnote_texts(data: bytes) -> list[str]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        root = ET.fromstring(archive.read("word/footnotes.xml"))
    return [
        "".join(t.text or "" for t in note.iter(f"{W}t")).strip()
        for note in root.iter(f"{W}footnote")
        if note.get(f"{W}type") is None
    ]


def test_the_footnotes_are_chicago_notes_not_bibliography_entries(result: BuildResult) -> None:
    notes = footnote_texts(document(result, "docx"))
    assert notes[0] == "IRNA, September 24, 2011."
    assert notes[1] == "Fars News Agency, October 16, 2011."
    # Bibliography form puts a period after the outlet ("IRNA. September 24, 2011.").
    assert not [n for n in notes if re.match(r"[^,]+\. [A-Z][a-z]+ \d{1,2}, \d{4}", n)]


def test_the_docx_numbers_its_pages(result: BuildResult) -> None:
    word = docx.Document(io.BytesIO(document(result, "docx")))
    footer = word.sections[0].footer
    assert not footer.is_linked_to_previous
    fields = [t.text for t in footer._element.iter(f"{W}instrText")]
    assert [f.strip() for f in fields] == ["PAGE"]


def test_the_docx_states_no_creation_or_modification_date(result: BuildResult) -> None:
    data = document(result, "docx")
    core = docx.Document(io.BytesIO(data)).core_properties
    assert core.created is None and core.modified is None and core.title == TITLE
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        properties = archive.read("docProps/core.xml").decode("utf-8")
        stamps = {entry.date_time for entry in archive.infolist()}
    assert "dcterms:created" not in properties and "dcterms:modified" not in properties
    assert "2011" not in properties and stamps == {(1980, 1, 1, 0, 0, 0)}


def test_by_default_only_the_docx_is_made_and_offered(result: BuildResult) -> None:
    assert {p.suffix for p in result.documents} == {".docx"}
    overview = next(t for p, t in result.outputs.items() if p.name == "index.md" and SLUG in str(p))
    assert f"({SLUG}.docx)" in overview and ".odt" not in overview


def test_the_odt_is_made_and_offered_when_mkdocs_yml_asks(project: Path) -> None:
    asking_for_odt(project)
    assert memo_formats(BuildConfig(root=project)) == ("docx", "odt")
    result = build(BuildConfig(root=project))
    odt = project / "docs" / "briefs" / SLUG / f"{SLUG}.odt"
    with zipfile.ZipFile(odt) as archive:
        assert archive.read("mimetype") == b"application/vnd.oasis.opendocument.text"
        assert archive.infolist()[0].compress_type == zipfile.ZIP_STORED
        content = archive.read("content.xml").decode("utf-8")
        meta = archive.read("meta.xml").decode("utf-8")
    assert TITLE in content and content.count("<text:note ") == 18
    assert "creation-date" not in meta and "<dc:date>" not in meta
    overview = (project / "docs" / "briefs" / SLUG / "index.md").read_text("utf-8")
    assert f"({SLUG}.odt)" in overview and not result.failed
    # Asked for no more, the .odt goes with the next build.
    (project / "mkdocs.yml").write_text(
        (project / "mkdocs.yml").read_text("utf-8").replace(BOTH_FORMATS, "extra:\n", 1), "utf-8"
    )
    again = build(BuildConfig(root=project))
    assert odt in again.removed and not odt.exists()
    assert (project / "docs" / "briefs" / SLUG / f"{SLUG}.docx").is_file()


def test_a_house_footer_is_kept() -> None:
    with_footer = finished("docx", convert("Text.\n", "docx", 0, None))
    with zipfile.ZipFile(io.BytesIO(with_footer)) as archive:
        body = archive.read("word/document.xml").decode("utf-8")
    assert with_footer == finished("docx", with_footer)  # one footer, whoever finishes twice
    assert body.count("<w:footerReference") == 1


def test_documents_are_byte_identical_run_to_run() -> None:
    markdown = "---\ntitle: T\n---\n\nText[^1].\n\n[^1]: A note.\n"
    for extension in ("docx", "odt"):
        assert convert(markdown, extension, 1_320_000_000, None) == convert(
            markdown, extension, 1_320_000_000, None
        )


def test_the_same_brief_gives_the_same_document_in_two_builds(
    result: BuildResult, tmp_path: Path
) -> None:
    # Another copy with no caches: pandoc converts again, the bytes do not change.
    again = plan(BuildConfig(root=copy_project(tmp_path / "project")))
    assert document(again, "docx") == document(result, "docx")


def archive(text: str) -> bytes:
    """A zip archive holding ``text``: what the cache takes for a document (made here)."""
    data = io.BytesIO()
    with zipfile.ZipFile(data, "w") as made:
        made.writestr(zipfile.ZipInfo("content", (2011, 1, 1, 0, 0, 0)), text)  # fixed time
    return data.getvalue()


def test_pandoc_runs_only_for_documents_the_cache_lacks(tmp_path: Path) -> None:
    calls: list[str] = []

    def counting(conversions: Sequence[Conversion]) -> list[Outcome]:
        calls.extend(c.extension for c in conversions)
        return [archive(f"{c.extension}:{c.markdown}") for c in conversions]

    jobs: Sequence[tuple[str, str, int]] = [("a", "docx", 0), ("a", "odt", 0)]
    with reusing_memos(MemoCache(tmp_path)) as first:
        made = make_memos(jobs, lambda _: None, counting)
    for path, data in first.files():
        path.write_bytes(data)
    with reusing_memos(MemoCache(tmp_path)):
        again = make_memos(jobs, lambda _: None, counting)
    assert made == again == [archive("docx:a"), archive("odt:a")] and calls == ["docx", "odt"]
    with reusing_memos(MemoCache(tmp_path)):
        make_memos([("b", "docx", 0)], lambda _: None, counting)
    assert calls == ["docx", "odt", "docx"]
    # With no cache active, every document is converted (and none kept).
    assert make_memos(jobs, lambda _: None, counting) == made
    assert calls == ["docx", "odt", "docx", "docx", "odt"]


def test_a_converted_document_that_is_no_whole_archive_is_not_kept(tmp_path: Path) -> None:
    """Checked once, when kept: a later build trusts a kept document by its digest alone."""
    calls: list[str] = []

    def cut_short(conversions: Sequence[Conversion]) -> list[Outcome]:
        calls.extend(c.extension for c in conversions)
        return [archive(c.markdown)[:-10] for c in conversions]

    with reusing_memos(MemoCache(tmp_path)) as first:
        made = make_memos([("a", "docx", 0)], lambda _: None, cut_short)
    assert made == [archive("a")[:-10]] and not list(first.files())
    with reusing_memos(MemoCache(tmp_path)):
        make_memos([("a", "docx", 0)], lambda _: None, cut_short)
    assert calls == ["docx", "docx"]


def test_a_reference_document_is_read_from_mkdocs_yml(tmp_path: Path) -> None:
    write(
        tmp_path / "mkdocs.yml", "site_name: S\nextra:\n  briefing:\n    reference_doc: memo.docx\n"
    )
    with pytest.raises(SiteConfigError, match="reference_doc': no such file"):
        memo_reference(BuildConfig(root=tmp_path))
    (tmp_path / "memo.docx").write_bytes(b"")
    assert memo_reference(BuildConfig(root=tmp_path)) == tmp_path / "memo.docx"


def test_a_reference_document_styles_the_docx(tmp_path: Path) -> None:
    import subprocess

    from briefing.references.citeproc import pandoc_path

    reference = tmp_path / "house.docx"
    default = subprocess.run(
        [pandoc_path(), "--print-default-data-file", "reference.docx"],
        capture_output=True,
        check=True,
    ).stdout
    # A house style: the default reference document with its body font renamed.
    with zipfile.ZipFile(io.BytesIO(default)) as source, zipfile.ZipFile(reference, "w") as out:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "word/styles.xml":
                data = re.sub(rb'w:ascii="[^"]*"', b'w:ascii="Briefing Serif"', data)
            out.writestr(item, data)
    made = convert("Text.\n", "docx", 0, reference)
    with zipfile.ZipFile(io.BytesIO(made)) as archive:
        assert b"Briefing Serif" in archive.read("word/styles.xml")


def test_memos_can_be_switched_off(project: Path) -> None:
    config = project / "mkdocs.yml"
    text = config.read_text("utf-8")
    config.write_text(text.replace("extra:\n", "extra:\n  briefing:\n    memos: false\n", 1))
    result = plan(BuildConfig(root=project))
    assert result.documents == {}
    overview = next(t for p, t in result.outputs.items() if p.name == "index.md" and SLUG in str(p))
    assert ".docx" not in overview and ".odt" not in overview


def test_a_wrong_memo_formats_setting_names_its_key(tmp_path: Path) -> None:
    write(tmp_path / "mkdocs.yml", "extra:\n  briefing:\n    memo_formats: [pdf]\n")
    with pytest.raises(SiteConfigError, match=r"'extra\.briefing\.memo_formats' must be a list"):
        memo_formats(BuildConfig(root=tmp_path))


def test_a_wrong_memos_setting_names_its_key(tmp_path: Path) -> None:
    write(tmp_path / "mkdocs.yml", "extra:\n  briefing:\n    memos: sometimes\n")
    with pytest.raises(SiteConfigError, match=r"'extra\.briefing\.memos' must be true or false"):
        memos_wanted(BuildConfig(root=tmp_path))
