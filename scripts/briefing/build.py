"""The build: seeds → articles → pages and BibTeX → files.

This is the only module that writes files. Everything is computed in
memory first; only then are changed files replaced, each atomically (a
temporary file renamed over the old one). A build that fails leaves every
previous output as it was.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import signal
import tempfile
import threading
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path

from .analysis.gazetteer import load_gazetteer
from .analysis.glossary import ABBREVIATIONS, abbreviations, load_glossary
from .analysis.sentences import bottom_line
from .analysis.topics import find_topics, load_lexicon
from .citations.registry import Registry, load_registry
from .cite.bibtex import entries_for, write_bibtex
from .cite.citeproc import FormatCache
from .cite.citing import DOWNLOADS, Citing, cite_all
from .cite.memo import FORMATS as MEMO_FORMATS
from .cite.memo import MemoCache, make_memos, memo_epoch, memo_name
from .cite.references import Reference, article_key, collect_references
from .cite.siteinfo import memo_reference, memos_wanted, site_of
from .cite.titles import proper_nouns
from .config import BuildConfig
from .errors import BriefingError, BuildFailed, SeedError, SidecarError
from .input.guard import refuse_outside
from .input.parse import parse_article
from .input.publications import find_publication, load_publications
from .input.reading import decode_seed
from .input.sidecar import load_sidecar, sidecar_path
from .input.slug import slugify
from .model import Article, Diagnostic, Publication
from .progress import Progress
from .render import GENERATED, Brief, render_pages
from .render.analysis import analysis_pages
from .render.memo import memo_markdown

DOWNLOADED_BIB = "references.bib"
"""The copy of the bibliography under docs/, so the site can offer it."""


@dataclass(frozen=True)
class SeedFailure:
    """A seed that could not be converted: its path (as shown) and the error."""

    seed: str
    error: BriefingError


@dataclass(frozen=True)
class BuildResult:
    """What a build produced and what it changed on disk.

    ``failed`` lists the seeds that could not be converted; their previous
    pages are kept as they were (stale) and their citations are missing
    from the bibliography until they are fixed.
    """

    briefs: tuple[Brief, ...]
    references: tuple[Reference, ...]
    outputs: dict[Path, str]
    changed: tuple[Path, ...]
    removed: tuple[Path, ...]
    failed: tuple[SeedFailure, ...] = ()
    cache: FormatCache = field(default_factory=FormatCache, compare=False, repr=False)
    citing: Citing | None = field(default=None, compare=False, repr=False)
    documents: dict[Path, bytes] = field(default_factory=dict, compare=False, repr=False)
    """Binary outputs: each brief's memo documents (.docx, .odt)."""
    memo_cache: MemoCache | None = field(default=None, compare=False, repr=False)

    @property
    def warnings(self) -> tuple[Diagnostic, ...]:
        return tuple(w for b in self.briefs for w in b.article.warnings)


def read_article(
    seed: Path,
    root: Path,
    registry: Registry,
    publications: tuple[Publication, ...],
    published: dt.date | None = None,
) -> Article:
    """One seed and its sidecar, parsed; errors name the seed relative to ``root``.

    ``published`` stands for the publication date (the sidecar's, if any).
    """
    display = _display(seed, root)
    refuse_outside(seed, root, display)
    try:
        data = seed.read_bytes()
    except OSError as exc:
        raise SeedError(display, f"cannot be read: {exc.strerror}") from None
    text = decode_seed(data, display)
    sidecar_display = _display(sidecar_path(seed), root)
    refuse_outside(sidecar_path(seed), root, sidecar_display)
    sidecar = load_sidecar(sidecar_path(seed), sidecar_display)
    if published is not None:
        sidecar = replace(sidecar, date=published)
    return parse_article(text, display, sidecar, registry, publications)


def load_articles(
    config: BuildConfig,
    registry: Registry,
    publications: tuple[Publication, ...] | None = None,
    progress: Progress | None = None,
) -> tuple[Article, ...]:
    """Every seed's article, in seed-name order; all errors raised together."""
    articles, failures = read_seeds(config, registry, publications, progress)
    if failures:
        raise BuildFailed([f.error for f in failures])
    return articles


def read_seeds(
    config: BuildConfig,
    registry: Registry,
    publications: tuple[Publication, ...] | None = None,
    progress: Progress | None = None,
) -> tuple[tuple[Article, ...], tuple[SeedFailure, ...]]:
    """The articles of the seeds that could be read, and the seeds that could not.

    In strict mode, warnings count as failures of their seed. ``progress``
    is told (seeds read, seeds in all) after each seed.

    Reading in worker processes was measured and dropped: on two cores the
    parsed articles cost as much to send back as the second core saves
    (README, Performance).
    """
    publications = publications if publications is not None else load_publications()
    seeds = sorted(config.seeds.glob("*.txt"))
    articles, failures = [], []
    for done, seed in enumerate(seeds, start=1):
        if progress is not None:
            progress(done - 1, len(seeds))
        display = _display(seed, config.root)
        try:
            article = read_article(seed, config.root, registry, publications)
        except BriefingError as exc:
            failures.append(SeedFailure(display, exc))
            continue
        except Exception as exc:  # a bug must not take the other seeds down with it
            failures.append(SeedFailure(display, _internal_error(display, exc)))
            continue
        if config.strict and article.warnings:
            failures.extend(SeedFailure(display, _strict_error(w)) for w in article.warnings)
            continue
        articles.append(article)
    if progress is not None:
        progress(len(seeds), len(seeds))
    unique, taken = _unique_slugs(articles)
    return unique, (*failures, *taken)


def _internal_error(display: str, exc: Exception) -> SeedError:
    kind = type(exc).__name__
    message = f"internal error while converting this seed ({kind}: {exc}); please report it"
    return SeedError(display, message)


def _strict_error(warning: Diagnostic) -> SeedError:
    message = f"{warning.message} (a warning; --strict makes it an error)"
    return SeedError(warning.file, message, warning.line)


def _unique_slugs(
    articles: Iterable[Article],
) -> tuple[tuple[Article, ...], tuple[SeedFailure, ...]]:
    """Later articles whose slug is taken get the issue, or a number, appended.

    A slug the sidecar asked for is never changed: if it is taken, that
    seed fails with an error naming the sidecar's key.
    """
    taken: set[str] = set()
    unique, refused = [], []
    for article in articles:
        slug = article.slug
        if slug in taken and slug != slugify(article.title):
            sidecar = article.source.removesuffix(".txt") + ".yml"
            error = SidecarError(sidecar, f"'slug': {slug!r} is already another brief's")
            refused.append(SeedFailure(article.source, error))
            continue
        if slug in taken:
            suffix = f"{article.volume}-{article.issue}" if article.issue is not None else ""
            slug = f"{article.slug}-{suffix}" if suffix else article.slug
            number = 2
            while slug in taken:
                slug, number = f"{article.slug}-{number}", number + 1
        taken.add(slug)
        unique.append(replace(article, slug=slug) if slug != article.slug else article)
    return tuple(unique), tuple(refused)


def plan(
    config: BuildConfig, registry: Registry | None = None, progress: Progress | None = None
) -> BuildResult:
    """Everything a build would write, computed in memory; nothing is written."""
    registry = registry or load_registry()
    publications = load_publications()
    articles, failures = read_seeds(config, registry, publications, progress)
    if failures and config.strict:
        raise BuildFailed([f.error for f in failures])
    keyed, keys = [], set()
    for article in articles:
        publication = (
            find_publication(article.publication, publications) if article.publication else None
        )
        key = article_key(article, publication.abbreviation if publication else None)
        key = article.slug if key in keys else key
        keys.add(key)
        keyed.append((article, key, publication.publisher if publication else None))
    lexicon = load_lexicon()
    briefs = tuple(
        Brief(article, key, *bottom_line(article), find_topics(article, lexicon))
        for article, key, _ in keyed
    )
    references = collect_references(articles)
    cache = load_cache(config.cache)
    gazetteer, glossary = load_gazetteer(), load_glossary()
    nouns, site = proper_nouns(gazetteer, glossary), site_of(config)
    bibtex = write_bibtex(entries_for(keyed, references, site, nouns))
    memos = memos_wanted(config)
    citing = cite_all(keyed, references, site, cache=cache, nouns=nouns, memos=memos)
    pages = render_pages(briefs, references, citing, tuple(str(f.error) for f in failures))
    pages.update(analysis_pages(briefs, gazetteer, glossary))
    outputs = {config.docs / path: text for path, text in pages.items()}
    for slug, cited in citing.briefs.items():
        outputs.update({config.docs / "briefs" / slug / name: t for name, t in cited.files.items()})
    outputs[config.root / ABBREVIATIONS] = abbreviations(glossary)
    outputs[config.docs / DOWNLOADED_BIB] = bibtex
    outputs[config.bib] = bibtex
    memo_cache = MemoCache(config.memo_cache)
    documents = _memo_documents(briefs, citing, config, memo_cache) if memos else {}
    return BuildResult(
        briefs, references, outputs, (), (), failures, cache, citing, documents, memo_cache
    )


def _memo_documents(
    briefs: tuple[Brief, ...], citing: Citing, config: BuildConfig, cache: MemoCache
) -> dict[Path, bytes]:
    """Each brief's memo in every format (pandoc runs only for what the cache lacks)."""
    reference = memo_reference(config)
    paths, jobs = [], []
    for brief in briefs:
        slug = brief.article.slug
        markdown = memo_markdown(brief, citing.briefs[slug], citing.references)
        for extension in MEMO_FORMATS:
            paths.append(config.docs / "briefs" / slug / memo_name(slug, extension))
            jobs.append((markdown, extension, memo_epoch(brief.article)))
    made = make_memos(jobs, cache, lambda ext: _reference_for(reference, ext))
    return dict(zip(paths, made, strict=True))


def _reference_for(reference: Path | None, extension: str) -> Path | None:
    """The reference document for ``extension``: the one named, or its sibling of that type."""
    if reference is None:
        return None
    sibling = reference.with_suffix("." + extension)
    return sibling if sibling.is_file() else None


def stale(result: BuildResult, config: BuildConfig) -> list[Path]:
    """Outputs whose file differs from what the build would write, and orphans."""
    return sorted(_changed(result) + _orphans(result, config))


def _changed(result: BuildResult) -> list[Path]:
    changed = [path for path, text in result.outputs.items() if _current(path) != text]
    return changed + [p for p, data in result.documents.items() if _current_bytes(p) != data]


def build(
    config: BuildConfig, registry: Registry | None = None, progress: Progress | None = None
) -> BuildResult:
    """Convert every seed and write the pages and bibliography that changed."""
    result = plan(config, registry, progress)
    changed = _changed(result)
    orphans = _orphans(result, config)
    everything: dict[Path, str | bytes] = {**result.outputs, **result.documents}
    _replace_all({path: everything[path] for path in changed}, orphans)
    _save_cache(result.cache, config.cache)
    if result.memo_cache is not None:
        _save_memo_cache(result.memo_cache)
    return replace(result, changed=tuple(sorted(changed)), removed=tuple(orphans))


def _orphans(result: BuildResult, config: BuildConfig) -> list[Path]:
    """Generated pages of briefs that no longer exist.

    While a seed has failed nothing is removed: its stale pages link to
    site-wide pages (an outlet only it cites, say) that must stay until the
    seed is fixed and the build sees it again.
    """
    if not config.docs.exists() or result.failed:
        return []
    pages = {p for p in config.docs.rglob("*.md") if _is_generated(p)}
    downloads = {p for name in DOWNLOADS.values() for p in config.docs.glob(f"briefs/*/{name}")}
    memos = {p for ext in MEMO_FORMATS for p in config.docs.glob(f"briefs/*/*.{ext}")}
    return sorted((pages | downloads | memos) - set(result.outputs) - set(result.documents))


def _is_generated(path: Path) -> bool:
    try:
        head = path.read_text("utf-8")[:2000]
    except (OSError, UnicodeDecodeError):
        return False
    return head.startswith("---\n") and f"\ngenerated_by: {GENERATED}\n" in head


def _current(path: Path) -> str | None:
    try:
        return path.read_text("utf-8")
    except (OSError, UnicodeDecodeError):
        return None


def _current_bytes(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except OSError:
        return None


def load_cache(path: Path) -> FormatCache:
    """The citation cache saved by the last build; an unreadable one is ignored."""
    try:
        entries = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError):
        return FormatCache()
    valid = isinstance(entries, dict) and all(
        isinstance(v, list) and len(v) == 4 and all(isinstance(x, str) for x in v)
        for v in entries.values()
    )
    return FormatCache(entries if valid else None)


def _save_cache(cache: FormatCache, path: Path) -> None:
    text = json.dumps(cache.kept(), ensure_ascii=False, separators=(",", ":"))
    if _current(path) != text:
        _replace_all({path: text}, [])


def _save_memo_cache(cache: MemoCache) -> None:
    """Keep the documents this build made; drop those it did not use."""
    _replace_all({cache.folder / name: data for name, data in cache.new.items()}, cache.unused())


def _replace_all(files: Mapping[Path, str | bytes], orphans: list[Path]) -> None:
    """Stage every file beside its target, then swap them all in at once.

    Staging may fail (disk full, permissions) or be interrupted: then the
    staged files are removed and no target has changed. The swap itself is
    a run of renames with interrupts held back until it is over.
    """
    staged: list[tuple[Path, Path]] = []
    try:
        for path, text in files.items():
            staged.append((_stage(path, text), path))
    except BaseException:
        for temporary, _ in staged:
            temporary.unlink(missing_ok=True)
        raise
    with _interrupts_held():
        for temporary, path in staged:
            os.replace(temporary, path)
        for path in orphans:
            path.unlink(missing_ok=True)


def _stage(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        if isinstance(content, bytes):
            with os.fdopen(fd, "wb") as binary:
                binary.write(content)
        else:
            with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
                handle.write(content)
    except BaseException:
        Path(name).unlink(missing_ok=True)
        raise
    return Path(name)


@contextlib.contextmanager
def _interrupts_held() -> Iterator[None]:
    """Delay SIGINT and SIGTERM until the block is done (main thread only)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    received: list[int] = []
    previous = {
        sig: signal.signal(sig, lambda number, _frame: received.append(number))
        for sig in (signal.SIGINT, signal.SIGTERM)
    }
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
        for number in received:
            signal.raise_signal(number)


def _display(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return str(path)
