"""The compressed sitemap, made again without the build's time in it.

MkDocs writes ``sitemap.xml.gz`` with the build's date and the site folder's
path in its gzip header, so two builds of the same pages differ. The
sitemap's own dates are the briefs' (overrides/sitemap.xml); this makes
its compressed copy from the same bytes with no time stamp (gzip's 0: none
available) and no file name.
"""

from __future__ import annotations

import gzip
import io
from pathlib import Path

SITEMAP = "sitemap.xml"


def steady_sitemap_gzip(site: Path) -> None:
    """Rewrite ``site/sitemap.xml.gz`` from ``site/sitemap.xml``, if both are there."""
    plain, packed = site / SITEMAP, site / f"{SITEMAP}.gz"
    if not plain.is_file() or not packed.is_file():
        return
    buffer = io.BytesIO()
    with gzip.GzipFile(filename="", fileobj=buffer, mode="wb", mtime=0) as stream:
        stream.write(plain.read_bytes())
    packed.write_bytes(buffer.getvalue())
