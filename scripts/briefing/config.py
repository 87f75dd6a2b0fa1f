"""Build configuration: every option in one declared place."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class BuildConfig:
    """Where a build reads and writes, and how strict it is."""

    root: Path
    """The project folder (the one holding mkdocs.yml)."""
    seeds_dir: str = "seeds"
    """Folder of seed articles (``*.txt``) and their sidecars (``*.yml``)."""
    docs_dir: str = "docs"
    """MkDocs' docs folder; generated pages go under it."""
    bib_file: str = "references.bib"
    """The site-wide bibliography, written at the project root."""
    strict: bool = False
    """Treat warnings (unbalanced parentheses, unknown dates...) as errors."""
    site_url: str | None = None
    """The published site's base URL, for citations; from mkdocs.yml."""

    @property
    def seeds(self) -> Path:
        return self.root / self.seeds_dir

    @property
    def docs(self) -> Path:
        return self.root / self.docs_dir

    @property
    def bib(self) -> Path:
        return self.root / self.bib_file
