"""A memo document as pandoc wrote it → the document a reader is sent.

Two things pandoc's output lacks or gets wrong are fixed on its bytes:

- **Page numbers.** A ``.docx`` gets a footer holding a centred ``PAGE``
  field (``word/footer1.xml``, its relationship, its content type and a
  ``footerReference`` in the body's section properties). Pandoc takes
  headers and footers from a reference document (``--reference-doc``); the
  default one has none, and a house style given in mkdocs.yml that has a
  footer of its own keeps it: no footer is added to a document that has one.
  The footer is made here from the XML below rather than from a committed
  reference ``.docx``, so no binary file has to be kept in step with pandoc.
- **No false dates.** Pandoc writes a creation and modification time into
  the document's properties (``docProps/core.xml`` of a ``.docx``,
  ``meta.xml`` of an ``.odt``) and into every zip entry, from
  ``SOURCE_DATE_EPOCH``: a date nobody created the document on. The
  properties are left out, and every entry gets the zip format's earliest
  time (1980-01-01), so the same memo still gives the same bytes.

Entries keep their order, names and compression (an ``.odt``'s ``mimetype``
stays first and stored), and are compressed at zlib's default level.
"""

from __future__ import annotations

import io
import zipfile

from lxml import etree

__all__ = ["FINISH", "finished"]

FINISH = "memo-finish 1"
"""Names what this module does to a document: part of each memo's cache key."""

ZIP_TIME = (1980, 1, 1, 0, 0, 0)
"""The earliest time a zip entry can carry: no claim about when it was made."""

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
_TYPES = "http://schemas.openxmlformats.org/package/2006/content-types"
_DCTERMS = "http://purl.org/dc/terms/"
_DC = "http://purl.org/dc/elements/1.1/"
_ODF_META = "urn:oasis:names:tc:opendocument:xmlns:meta:1.0"

FOOTER_PART = "word/footer1.xml"
FOOTER_ID = "rIdPageNumber"
"""The footer's relationship id (pandoc numbers its own ``rId1``, ``rId2``…)."""

FOOTER_XML = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    f'<w:ftr xmlns:w="{_W}"><w:p><w:pPr><w:jc w:val="center"/></w:pPr>'
    '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
    '<w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>'
    '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
    "<w:r><w:t>1</w:t></w:r>"
    '<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p></w:ftr>'
).encode()
"""A footer of one centred paragraph: the page number, as Word's ``PAGE`` field."""

_FOOTER_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"
_FOOTER_RELATION = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer"

Parts = dict[str, bytes]


def finished(extension: str, data: bytes) -> bytes:
    """The document ``data`` of type ``extension`` with page numbers and no dates."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        entries = archive.infolist()
        parts = {entry.filename: archive.read(entry) for entry in entries}
    compression = {entry.filename: entry.compress_type for entry in entries}
    if extension == "docx":
        parts = _with_page_numbers(parts)
        parts["docProps/core.xml"] = _without(
            parts["docProps/core.xml"], f"{{{_DCTERMS}}}created", f"{{{_DCTERMS}}}modified"
        )
    elif extension == "odt":
        parts["meta.xml"] = _without(
            parts["meta.xml"], f"{{{_ODF_META}}}creation-date", f"{{{_DC}}}date"
        )
    return _archive(parts, compression)


def _with_page_numbers(parts: Parts) -> Parts:
    """``parts`` of a .docx with the page-number footer, unless it has a footer."""
    document = etree.fromstring(parts["word/document.xml"])
    if FOOTER_PART in parts or document.find(f".//{{{_W}}}footerReference") is not None:
        return parts
    body = document.find(f"{{{_W}}}body")
    assert body is not None, "pandoc writes a body"
    section = body.find(f"{{{_W}}}sectPr")
    if section is None:
        section = etree.SubElement(body, f"{{{_W}}}sectPr")
    reference = etree.Element(f"{{{_W}}}footerReference")
    reference.set(f"{{{_W}}}type", "default")
    reference.set(f"{{{_R}}}id", FOOTER_ID)
    section.insert(0, reference)  # the schema puts header and footer references first
    return {
        **parts,
        "word/document.xml": _xml(document),
        "word/_rels/document.xml.rels": _appended(
            parts["word/_rels/document.xml.rels"],
            f"{{{_RELS}}}Relationship",
            {"Type": _FOOTER_RELATION, "Id": FOOTER_ID, "Target": "footer1.xml"},
        ),
        "[Content_Types].xml": _appended(
            parts["[Content_Types].xml"],
            f"{{{_TYPES}}}Override",
            {"PartName": "/" + FOOTER_PART, "ContentType": _FOOTER_TYPE},
        ),
        FOOTER_PART: FOOTER_XML,
    }


def _appended(xml: bytes, tag: str, attributes: dict[str, str]) -> bytes:
    root = etree.fromstring(xml)
    etree.SubElement(root, tag, attributes)
    return _xml(root)


def _without(xml: bytes, *tags: str) -> bytes:
    root = etree.fromstring(xml)
    for element in [e for tag in tags for e in root.iter(tag)]:
        parent = element.getparent()
        if parent is not None:
            parent.remove(element)
    return _xml(root)


def _xml(root: etree._Element) -> bytes:
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True))


def _archive(parts: Parts, compression: dict[str, int]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, data in parts.items():
            entry = zipfile.ZipInfo(name, date_time=ZIP_TIME)
            entry.compress_type = compression.get(name, zipfile.ZIP_DEFLATED)
            entry.create_system = 0  # the same bytes whatever system builds
            archive.writestr(entry, data)
    return out.getvalue()
