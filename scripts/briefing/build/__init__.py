"""Stage 6, build: seeds → articles → pages and BibTeX → files.

``seeds`` reads the seeds folder through ``cache`` (parsed seeds and their
analyses, keyed by content); ``record`` remembers what the last build wrote;
``search`` indexes the built site. This package is the only one that writes
files. Everything is computed in memory first; only then are changed files
replaced, each atomically (a temporary file renamed over the old one). A
build that fails leaves every previous output as it was.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import signal
import tempfile
import threading
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path

from ..analysis.brief import analyse
from ..analysis.gazetteer import Gazetteer, load_gazetteer
from ..analysis.glossary import ABBREVIATIONS, abbreviations, load_glossary
from ..analysis.othernames import name_words, names_of
from ..analysis.sentences import bottom_line
from ..analysis.topics import Lexicon, find_topics, load_lexicon
from ..citations.registry import Registry, load_registry
from ..cite.bibtex import site_bibtex
from ..cite.citeproc import FormatCache
from ..cite.citing import DOWNLOADS, Citing, cite_all
from ..cite.memo import FORMATS as MEMO_FORMATS
from ..cite.memo import MemoCache
from ..cite.references import Reference, article_key, collect_references
from ..cite.siteinfo import memo_reference, memos_wanted, site_of
from ..cite.titles import proper_nouns
from ..config import BuildConfig
from ..errors import BuildFailed
from ..input.publications import find_publication, load_publications
from ..input.sidecar import sidecar_path
from ..keyed import TextCache
from ..model import Article, Diagnostic
from ..progress import Progress
from ..render import GENERATED, Brief, render_pages
from ..render.analysis import analysis_pages
from ..render.memo import Memos, memo_documents
from .cache import Derived, SeedCache, inputs_digest, load_seed_cache
from .memory import Memory, collection_paused, memory_for
from .record import build_key, forget_outputs, record_outputs, unchanged_outputs
from .seeds import SeedFailure, display_name, load_articles, read_article, read_seeds

__all__ = [
    "BuildResult",
    "SeedFailure",
    "build",
    "hand_written",
    "load_articles",
    "plan",
    "read_article",
    "read_seeds",
    "stale",
]

GENERATED_SUFFIXES = (".md", ".html")
"""Kinds of generated page the build removes when their brief is gone."""

DOWNLOADED_BIB = "references.bib"
"""The copy of the bibliography under docs/, so the site can offer it."""

NAME_WORDS = "search/names.json"
"""Words of the names the briefs mention, under docs/: the search's suggestions."""


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
    seed_cache: SeedCache | None = field(default=None, compare=False, repr=False)
    parsed: tuple[str, ...] = ()
    """The seeds this build parsed; the others came from the seed cache unchanged."""
    unchanged: bool = False
    """Nothing changed since the last build: its files were read back, not computed."""
    citing: Citing | None = field(default=None, compare=False, repr=False)
    documents: dict[Path, bytes] = field(default_factory=dict, compare=False, repr=False)
    """Binary outputs: each brief's memo documents (.docx, .odt)."""
    memo_cache: MemoCache | None = field(default=None, compare=False, repr=False)
    texts: TextCache | None = field(default=None, compare=False, repr=False)
    """The texts this build rendered, by their inputs: the next build's to reuse."""

    @property
    def warnings(self) -> tuple[Diagnostic, ...]:
        return tuple(w for b in self.briefs for w in b.article.warnings)


@dataclass(frozen=True)
class _Read:
    """The briefs of a build, before anything is rendered."""

    seeds: SeedCache
    articles: tuple[Article, ...]
    failures: tuple[SeedFailure, ...]
    keyed: list[tuple[Article, str, str | None]]
    derived: list[Derived]
    briefs: tuple[Brief, ...]
    gazetteer: Gazetteer


def _read(
    config: BuildConfig, registry: Registry, progress: Progress | None, memory: Memory | None
) -> _Read:
    publications = load_publications()
    inputs = inputs_digest(repr(registry.outlets))
    kept = memory.seed_cache(config.seed_cache, inputs) if memory is not None else None
    seeds = kept or load_seed_cache(config.seed_cache, inputs)
    articles, failures = read_seeds(config, registry, publications, progress, seeds)
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
    lexicon, gazetteer = load_lexicon(), load_gazetteer()
    derived = [_derived(article, lexicon, gazetteer, seeds) for article, _, _ in keyed]
    briefs = tuple(
        Brief(article, key, d.bottom_line, d.bottom_line_automatic, d.topics, d.names.other)
        for (article, key, _), d in zip(keyed, derived, strict=True)
    )
    return _Read(seeds, articles, failures, keyed, derived, briefs, gazetteer)


def plan(
    config: BuildConfig,
    registry: Registry | None = None,
    progress: Progress | None = None,
    memory: Memory | None = None,
) -> BuildResult:
    """Everything a build would write, computed in memory; nothing is written.

    ``memory`` holds what an earlier build in this process read and
    rendered; what is unchanged is reused instead of made again."""
    read = _read(config, registry or load_registry(), progress, memory)
    texts = (memory.texts if memory else TextCache(keep=False)).next(read.seeds.inputs)
    briefs, derived, keyed, failures = read.briefs, read.derived, read.keyed, read.failures
    references = collect_references(read.articles)
    cache = load_cache(config.cache)
    glossary = load_glossary()
    nouns, site = proper_nouns(read.gazetteer, glossary), site_of(config)
    bibtex = site_bibtex(keyed, references, site, nouns, texts)
    memos = memos_wanted(config)
    citing = cite_all(keyed, references, site, cache=cache, nouns=nouns, memos=memos, texts=texts)
    memo_cache = MemoCache(config.memo_cache)
    made = (
        memo_documents(briefs, citing, config.docs, memo_reference(config), memo_cache, texts)
        if memos
        else Memos({})
    )
    failures = (*failures, *(SeedFailure(e.file, e) for e in made.failures))
    failed = tuple(str(f.error) for f in failures)
    pages = render_pages(briefs, references, citing, failed, texts)
    analyses = tuple(d.analysis for d in derived)
    pages.update(analysis_pages(briefs, read.gazetteer, glossary, analyses, texts))
    outputs = {config.docs / path: text for path, text in pages.items()}
    for slug, cited in citing.briefs.items():
        outputs.update({config.docs / "briefs" / slug / name: t for name, t in cited.files.items()})
    outputs[config.docs / NAME_WORDS] = name_words(n for d in derived for n in d.names.mentioned)
    outputs[config.root / ABBREVIATIONS] = abbreviations(glossary)
    outputs[config.docs / DOWNLOADED_BIB] = bibtex
    outputs[config.bib] = bibtex
    parsed = tuple(read.seeds.parsed)
    return BuildResult(
        briefs,
        references,
        outputs,
        (),
        (),
        failures,
        cache,
        read.seeds,
        parsed,
        citing=citing,
        documents=made.documents,
        memo_cache=memo_cache,
        texts=texts,
    )


def _build_key(config: BuildConfig, registry: Registry) -> str:
    """What decides a build's outputs: seeds, sidecars, package, registry, site, options."""
    # Resolved, so that `briefing build` and the MkDocs hook (which names docs/
    # by its absolute path) agree, and `make site` converts once, not twice.
    where = (config.seeds.resolve(), config.docs.resolve(), config.bib.resolve(), config.strict)
    memos = (memos_wanted(config), _digest_of(memo_reference(config)))
    inputs = inputs_digest(repr(registry.outlets), repr(site_of(config)), repr(where), repr(memos))
    seeds = []
    for seed in sorted(config.seeds.glob("*.txt")):
        sidecar = sidecar_path(seed)
        try:
            data = seed.read_bytes()
            side = sidecar.read_bytes() if sidecar.is_file() else None
        except OSError:
            data, side = b"\0unreadable", None
        seeds.append((display_name(seed, config.root), data, side))
    return build_key(inputs, seeds)


def _digest_of(path: Path | None) -> str | None:
    return hashlib.sha256(path.read_bytes()).hexdigest() if path is not None else None


def _unchanged_build(
    config: BuildConfig,
    registry: Registry,
    files: list[Path],
    progress: Progress | None,
    memory: Memory,
) -> BuildResult | None:
    """The last build's result, read back, when no input or output changed since.

    None when a seed had to be parsed after all (the seed cache was lost).
    """
    read = _read(config, registry, progress, memory)
    if read.failures or read.seeds.parsed or read.seeds.note:
        return None
    binary = {path for path in files if path.suffix.lstrip(".") in MEMO_FORMATS}
    outputs = {path: path.read_text("utf-8") for path in files if path not in binary}
    documents = {path: path.read_bytes() for path in binary}
    references = collect_references(read.articles)
    return BuildResult(
        read.briefs,
        references,
        outputs,
        (),
        (),
        (),
        seed_cache=read.seeds,
        unchanged=True,
        documents=documents,
    )


def _derived(article: Article, lexicon: Lexicon, gazetteer: Gazetteer, cache: SeedCache) -> Derived:
    """What the build reads out of ``article``: from the cache when its seed and slug match."""
    key = cache.keys.get(article.source)
    entry = cache.get(key) if key is not None else None
    if entry is not None and entry.derived is not None and entry.derived.slug == article.slug:
        return entry.derived
    derived = Derived(
        article.slug,
        *bottom_line(article),
        find_topics(article, lexicon),
        names_of(article, gazetteer),
        analyse(article, gazetteer),
    )
    if key is not None and entry is not None:
        cache.put(key, replace(entry, derived=derived))
    return derived


def stale(result: BuildResult, config: BuildConfig) -> list[Path]:
    """Outputs whose file differs from what the build would write, and orphans."""
    return sorted(_changed(result) + _orphans(result, config))


def _changed(result: BuildResult) -> list[Path]:
    changed = [path for path, text in result.outputs.items() if _current(path) != text]
    return changed + [p for p, data in result.documents.items() if _current_bytes(p) != data]


@collection_paused()
def build(
    config: BuildConfig,
    registry: Registry | None = None,
    progress: Progress | None = None,
    memory: Memory | None = None,
) -> BuildResult:
    """Convert every seed and write the pages and bibliography that changed.

    ``memory`` keeps what this build rendered for the next one; by default,
    the memory this process keeps for the project (see :mod:`.memory`)."""
    registry = registry or load_registry()
    memory = memory or memory_for(config)
    key = _build_key(config, registry)
    files = None if memory.cold else unchanged_outputs(config.output_record, key)
    early = (
        _unchanged_build(config, registry, files, progress, memory) if files is not None else None
    )
    if early is not None:
        return early
    forget_outputs(config.output_record)
    result = plan(config, registry, progress, memory)
    changed = _changed(result)
    orphans = _orphans(result, config)
    everything: dict[Path, str | bytes] = {**result.outputs, **result.documents}
    _replace_all({path: everything[path] for path in changed}, orphans)
    _save_cache(result.cache, config.cache)
    if result.memo_cache is not None:
        _save_memo_cache(result.memo_cache)
    if result.seed_cache is not None:
        _save_bytes(config.seed_cache, result.seed_cache.payload())
    memory.keep(result.texts, result.seed_cache, config.seed_cache)
    if not result.failed:
        record_outputs(config.output_record, key, everything)
    return replace(result, changed=tuple(sorted(changed)), removed=tuple(orphans))


OWNED_FOLDERS = ("briefs", "downloads", "search")
"""Folders of docs/ that hold only what the build writes."""


def hand_written(config: BuildConfig) -> list[Path]:
    """The top-level entries of docs/ holding anything the build does not write.

    Under ``mkdocs serve`` these are watched instead of docs/ as a whole:
    the build's own writes must not set off a second site build.
    """
    if not config.docs.is_dir():
        return []
    entries = []
    for entry in sorted(config.docs.iterdir()):
        if entry.name in OWNED_FOLDERS or entry == config.docs / DOWNLOADED_BIB:
            continue
        files = [entry] if entry.is_file() else [p for p in entry.rglob("*") if p.is_file()]
        if not files or not all(_is_generated(f) for f in files):
            entries.append(entry)
    return entries


def _orphans(result: BuildResult, config: BuildConfig) -> list[Path]:
    """Generated pages of briefs that no longer exist.

    While a seed has failed nothing is removed: its stale pages link to
    site-wide pages (an outlet only it cites, say) that must stay until the
    seed is fixed and the build sees it again.
    """
    if not config.docs.exists() or result.failed:
        return []
    pages = {p for suffix in GENERATED_SUFFIXES for p in config.docs.rglob(f"*{suffix}")}
    pages = {p for p in pages if _is_generated(p)}
    downloads = {p for name in DOWNLOADS.values() for p in config.docs.glob(f"briefs/*/{name}")}
    memos = {p for ext in MEMO_FORMATS for p in config.docs.glob(f"briefs/*/*.{ext}")}
    return sorted((pages | downloads | memos) - set(result.outputs) - set(result.documents))


def _is_generated(path: Path) -> bool:
    try:
        head = path.read_text("utf-8")[:2000]
    except (OSError, UnicodeDecodeError):
        return False
    if path.suffix == ".html":  # the redirect pages from a brief's former addresses
        return f"\n<!-- generated_by: {GENERATED} -->\n" in head
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


def _save_bytes(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` atomically, if it differs."""
    try:
        if path.read_bytes() == data:
            return
    except OSError:
        pass
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(name, path)
    except BaseException:
        Path(name).unlink(missing_ok=True)
        raise


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
