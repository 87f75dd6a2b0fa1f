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
    cache_file: str = ".cache/briefing/citations.jsonl"
    """Formatted citations kept between builds, so pandoc runs only for new items."""
    seed_cache_file: str = ".cache/briefing/seeds.json"
    """Parsed seeds and their analyses kept between builds, so unchanged seeds are not re-read."""
    output_record_file: str = ".cache/briefing/outputs.json"
    """The last build's key and its files' stamps: a build with nothing new stops early."""
    rendered_pages_dir: str = ".cache/briefing/pages"
    """Pages MkDocs rendered, kept so that an unchanged page is not rendered again."""
    search_index_dir: str = ".cache/briefing/search"
    """Each site folder's last search index, reused while its pages stay the same."""
    import_record_file: str = ".cache/briefing/imports.json"
    """Which seed each imported page made: a repeat import reads only changed pages."""
    staging_dir: str = ".staging"
    """Where a build writes its changed outputs before switching them in, with the
    switch's journal: at the project root, on the disk of docs/ and references.bib."""
    lock_file: str = ".briefing.lock"
    """Held by the build running in the project, so that a second one waits or stops."""
    site_url: str | None = None
    """The published site's base URL, for citations; from mkdocs.yml."""
    site_name: str | None = None
    """The site's name, as citations give it; from mkdocs.yml."""

    @property
    def seeds(self) -> Path:
        return self.root / self.seeds_dir

    @property
    def docs(self) -> Path:
        return self.root / self.docs_dir

    @property
    def cache(self) -> Path:
        return self.root / self.cache_file

    @property
    def memo_cache(self) -> Path:
        """Memo documents converted by earlier builds, beside the citation cache."""
        return self.cache.parent / "memos"

    @property
    def seed_cache(self) -> Path:
        return self.root / self.seed_cache_file

    @property
    def rendered_pages(self) -> Path:
        return self.root / self.rendered_pages_dir

    @property
    def search_indexes(self) -> Path:
        return self.root / self.search_index_dir

    @property
    def output_record(self) -> Path:
        return self.root / self.output_record_file

    @property
    def caches(self) -> tuple[Path, ...]:
        """Every store of earlier builds' work: what ``briefing build --fresh`` forgets."""
        return (
            self.cache,
            self.memo_cache,
            self.seed_cache,
            self.output_record,
            self.rendered_pages,
            self.search_indexes,
            self.import_record,
        )

    @property
    def import_record(self) -> Path:
        return self.root / self.import_record_file

    @property
    def staging(self) -> Path:
        return self.root / self.staging_dir

    @property
    def lock(self) -> Path:
        return self.root / self.lock_file

    @property
    def bib(self) -> Path:
        return self.root / self.bib_file
