"""Stage 6, build: seeds → articles → pages and BibTeX → files.

:func:`build` reads as its steps: finish a switch an interrupted build
began (``staging``); load what earlier builds made (``reuse``: parsed
seeds, formatted citations, memo documents, the process's memory); stop
early when nothing changed (``record``); read the seeds (``seeds``) and
analyse them; cite; make every output one at a time (``outputs``) and
stage each changed one as it comes, then switch them all in at once
(``staging``); save what this build made for the next (``reuse``) and
record its outputs. ``owned`` tells generated files from hand-written
ones; ``lock`` keeps one build at a time. This package is the only one
that writes files. A build that fails leaves every previous output as it
was.
"""

from __future__ import annotations

import functools
import hashlib
import shutil
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path

from ..analysis.brief import analyse
from ..analysis.gazetteer import Gazetteer, load_gazetteer
from ..analysis.glossary import load_glossary
from ..analysis.othernames import names_of
from ..analysis.sentences import bottom_line
from ..analysis.topics import Lexicon, find_topics, load_lexicon
from ..citations.registry import Registry, load_registry
from ..compiled_templates import forget_compiled
from ..config import BuildConfig
from ..errors import BriefingError, BuildFailed, MemoError
from ..input.guard import display_name, seed_bytes, sidecar_bytes
from ..input.publications import find_publication, load_publications
from ..input.sidecar import sidecar_path
from ..model import Article, Diagnostic
from ..progress import Progress
from ..references.citing import Citing, cite_all
from ..references.collect import Reference, article_key, collect_references
from ..references.csl import Site
from ..references.siteinfo import Settings, read_settings
from ..references.titles import proper_nouns
from ..render import Brief
from .cache import (
    Derived,
    SeedCache,
    gazetteer_digest,
    inputs_digest,
    lexicon_digest,
)
from .citecache import load_cache
from .memory import Memory, collection_paused, memory_for
from .outputs import Sources, make_outputs
from .owned import generated_files, hand_written, orphans
from .record import build_key, forget_outputs, record_outputs, recorded_files, unchanged_outputs
from .reuse import Reuse, drop_new_memos, keep_new_memos
from .seeds import SeedFailure, load_articles, read_article, read_seeds
from .staging import Staging, finish_switch

__all__ = [
    "BuildResult",
    "SeedFailure",
    "build",
    "check",
    "hand_written",
    "load_articles",
    "load_cache",
    "plan",
    "read_article",
    "read_seeds",
    "stale",
]


@dataclass(frozen=True)
class BuildResult:
    """What a build produced and what it changed on disk.

    ``failed`` lists the seeds that could not be converted; their previous
    pages are kept as they were (stale) and their citations are missing
    from the bibliography until they are fixed.
    """

    site: Site
    """The site its pages and citations refer to, as the build read it from mkdocs.yml."""
    briefs: tuple[Brief, ...]
    references: tuple[Reference, ...]
    files: tuple[Path, ...]
    """Every output of the build, written or already up to date, sorted."""
    changed: tuple[Path, ...]
    removed: tuple[Path, ...]
    failed: tuple[SeedFailure, ...] = ()
    seed_cache: SeedCache | None = field(default=None, compare=False, repr=False)
    parsed: tuple[str, ...] = ()
    """The seeds this build parsed; the others came from the seed cache unchanged."""
    unchanged: bool = False
    """Nothing changed since the last build: nothing was computed or written."""
    outputs: dict[Path, str] = field(default_factory=dict, compare=False, repr=False)
    """Text outputs by path: filled by :func:`plan` only; a build keeps none."""
    documents: dict[Path, bytes] = field(default_factory=dict, compare=False, repr=False)
    """Binary outputs (memo documents, .docx and any other format asked for): :func:`plan` only."""
    citing: Citing | None = field(default=None, compare=False, repr=False)
    """The formatted citations: kept by :func:`plan` only."""
    notes: tuple[str, ...] = ()
    """Kept work found unsound and made again, one line each (a damaged cache)."""

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
    config: BuildConfig,
    registry: Registry,
    progress: Progress | None,
    seeds: SeedCache,
    known: Mapping[str, str] | None = None,
) -> _Read:
    publications = load_publications()
    articles, failures = read_seeds(config, registry, publications, progress, seeds, known)
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
    made_with = _MadeWith(lexicon, gazetteer, lexicon_digest(lexicon), gazetteer_digest(gazetteer))
    derived = [_derived(article, made_with, seeds) for article, _, _ in keyed]
    briefs = tuple(
        Brief(article, key, d.bottom_line, d.bottom_line_automatic, d.topics, d.names.other)
        for (article, key, _), d in zip(keyed, derived, strict=True)
    )
    return _Read(seeds, articles, failures, keyed, derived, briefs, gazetteer)


@dataclass(frozen=True)
class _Prepared:
    """What a build holds while it makes its outputs."""

    read: _Read
    sources: Sources
    reuse: Reuse


def _prepare(
    config: BuildConfig,
    settings: Settings,
    registry: Registry,
    progress: Progress | None,
    reuse: Reuse,
    known: Mapping[str, str] | None = None,
) -> _Prepared:
    read = _read(config, registry, progress, reuse.seeds, known)
    references = reuse.references(collect_references(read.articles))
    glossary = load_glossary()
    nouns, site, memos = proper_nouns(read.gazetteer, glossary), settings.site, settings.memos
    keyed = tuple(read.keyed)
    sources = Sources(
        briefs=read.briefs,
        keyed=keyed,
        analyses=tuple(d.analysis for d in read.derived),
        mentioned=tuple(n for d in read.derived for n in d.names.mentioned),
        references=references,
        citing=cite_all(keyed, references, site, nouns=nouns, memos=memos),
        failures=tuple(str(f.error) for f in read.failures),
        gazetteer=read.gazetteer,
        glossary=glossary,
        nouns=nouns,
        site=site,
        memos=memos,
        memo_reference=settings.memo_reference,
    )
    return _Prepared(read, sources, reuse)


def _result(
    prepared: _Prepared,
    files: set[Path],
    memo_failures: list[MemoError],
    changed: list[Path] | tuple[Path, ...] = (),
    removed: list[Path] | tuple[Path, ...] = (),
) -> BuildResult:
    read = prepared.read
    return BuildResult(
        prepared.sources.site,
        read.briefs,
        prepared.sources.references,
        tuple(sorted(files)),
        tuple(sorted(changed)),
        tuple(removed),
        (*read.failures, *(SeedFailure(e.file, e) for e in memo_failures)),
        seed_cache=read.seeds,
        parsed=tuple(read.seeds.parsed),
        notes=prepared.reuse.notes,
    )


def plan(
    config: BuildConfig,
    registry: Registry | None = None,
    progress: Progress | None = None,
    memory: Memory | None = None,
) -> BuildResult:
    """Everything a build would write, held in memory (``outputs``, ``documents``).

    Nothing is written, caches included. Meant for tests and small sites: a
    large archive's outputs do not fit in memory at once, which is why
    :func:`build` and :func:`check` never hold them.
    """
    registry = registry or load_registry()
    reuse = Reuse.load(config, repr(registry.outlets), memory or Memory.none())
    texts: dict[Path, str] = {}
    documents: dict[Path, bytes] = {}
    memo_failures: list[MemoError] = []
    with reuse.active():
        prepared = _prepare(config, read_settings(config), registry, progress, reuse)
        made = functools.partial(drop_new_memos, reuse.memos)
        for path, content in make_outputs(config, prepared.sources, made, memo_failures):
            if isinstance(content, bytes):
                documents[path] = content
            else:
                texts[path] = content
    result = _result(prepared, {*texts, *documents}, memo_failures)
    return replace(result, outputs=texts, documents=documents, citing=prepared.sources.citing)


def check(config: BuildConfig, registry: Registry | None = None) -> BuildResult:
    """What a build would change, with nothing written, caches included.

    ``changed`` lists the outputs whose file is missing or differs,
    ``removed`` the generated files the build would remove. Outputs are
    compared one at a time, as a build writes them.
    """
    registry = registry or load_registry()
    reuse = Reuse.load(config, repr(registry.outlets), Memory.none())
    staging, memo_failures = Staging(write=False), list[MemoError]()
    with reuse.active():
        prepared = _prepare(config, read_settings(config), registry, None, reuse)
        made = functools.partial(drop_new_memos, reuse.memos)
        for path, content in make_outputs(config, prepared.sources, made, memo_failures):
            staging.offer(path, content)
    # Both lists: a check must also see files the last recorded build did not write.
    recorded = recorded_files(config.output_record, config.root) or []
    candidates = generated_files(config).union(recorded)
    failed = prepared.read.failures or memo_failures
    removed = [] if failed else orphans(config, staging.produced, candidates)
    return _result(prepared, staging.produced, memo_failures, staging.changed, removed)


def stale(config: BuildConfig, registry: Registry | None = None) -> list[Path]:
    """Outputs whose file differs from what a build would write, and orphans."""
    result = check(config, registry)
    return sorted((*result.changed, *result.removed))


def forget_caches(config: BuildConfig) -> int:
    """Remove every store of earlier builds' work (``--fresh``); how many there were.

    The templates kept compiled (:mod:`briefing.compiled_templates`) are one such
    store. The next build then reads and makes everything anew, and keeps it again;
    its outputs are byte-identical to those of a build that reused it all."""
    forgotten = 0
    for path in config.caches:
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path)
        elif path.exists() or path.is_symlink():
            path.unlink()
        else:
            continue
        forgotten += 1
    return forgotten + (forget_compiled() > 0)


@collection_paused()
def build(
    config: BuildConfig,
    registry: Registry | None = None,
    progress: Progress | None = None,
    memory: Memory | None = None,
) -> BuildResult:
    """Convert every seed and write the pages and bibliography that changed.

    Each output is compared with its file and staged as soon as it is made,
    so the build holds one at a time; the staged files replace their
    targets together at the end. ``memory`` keeps what this build rendered
    for the next one; by default, the memory this process keeps for the
    project (see :mod:`.memory`).
    """
    finished = finish_switch(config.staging)  # a switch an interrupted build began
    registry, settings = registry or load_registry(), read_settings(config)
    memory = memory or memory_for(config)
    reuse = Reuse.load(config, repr(registry.outlets), memory)
    key, known = _build_key(config, settings, registry, reuse.seeds)
    files = None if memory.cold else unchanged_outputs(config.output_record, config.root, key)
    early = (
        _unchanged_build(config, registry, files, progress, reuse, settings.site, known)
        if files is not None
        else None
    )
    if early is not None:
        return early
    previous = recorded_files(config.output_record, config.root)
    forget_outputs(config.output_record)
    memo_failures: list[MemoError] = []
    memo_notes: list[str] = []
    with reuse.active():  # what earlier builds made is reused while its inputs are
        prepared = _prepare(config, settings, registry, progress, reuse, known)
        made = functools.partial(keep_new_memos, reuse.memos)
        outputs = make_outputs(config, prepared.sources, made, memo_failures, memo_notes)
        with Staging(folder=config.staging) as staging:
            for path, content in outputs:
                staging.offer(path, content)
            failed = bool(prepared.read.failures or memo_failures)
            # The record lists what the last build wrote; without one, docs/ is searched.
            candidates = generated_files(config) if previous is None else previous
            removed = [] if failed else orphans(config, staging.produced, candidates)
            staging.swap(removed, within=config.root)
    reuse.save()
    if not failed:
        record_outputs(config.output_record, config.root, key, staging.produced)
    result = _result(prepared, staging.produced, memo_failures, staging.changed, removed)
    return replace(result, notes=(*result.notes, *memo_notes, *([finished] if finished else [])))


def _build_key(
    config: BuildConfig, settings: Settings, registry: Registry, cache: SeedCache
) -> tuple[str, dict[str, str]]:
    """What decides a build's outputs: seeds, sidecars, package, registry, site, options;
    and each seed's key in the seed ``cache`` (by display name), so that a seed it
    holds is read once per build."""
    # Resolved, so that `briefing build` and the MkDocs hook (which names docs/
    # by its absolute path) agree, and `make site` converts once, not twice.
    where = (config.seeds.resolve(), config.docs.resolve(), config.bib.resolve(), config.strict)
    memos = (settings.memos, _digest_of(settings.memo_reference))
    inputs = inputs_digest(repr(registry.outlets), repr(settings.site), repr(where), repr(memos))
    seeds, known = [], {}
    for seed in sorted(config.seeds.glob("*.txt")):
        display = display_name(seed, config.root)
        try:  # checked before reading: a pipe or a link to /dev/zero is not read
            data = seed_bytes(seed, config.root)
            side = sidecar_bytes(sidecar_path(seed), config.root)
            known[display] = cache.key(display, data, side)
        except BriefingError:
            data, side = b"\0unreadable", None
        seeds.append((display, data, side))
    return build_key(inputs, seeds), known


def _digest_of(path: Path | None) -> str | None:
    return hashlib.sha256(path.read_bytes()).hexdigest() if path is not None else None


def _unchanged_build(
    config: BuildConfig,
    registry: Registry,
    files: list[Path],
    progress: Progress | None,
    reuse: Reuse,
    site: Site,
    known: Mapping[str, str],
) -> BuildResult | None:
    """The last build's briefs, when no input or output changed since; nothing is written.

    None when a seed had to be parsed after all (the seed cache was lost).
    """
    read = _read(config, registry, progress, reuse.seeds, known)
    if read.failures or read.seeds.parsed or read.seeds.note:
        return None
    references = collect_references(read.articles)
    return BuildResult(
        site,
        read.briefs,
        references,
        tuple(files),
        (),
        (),
        (),
        seed_cache=read.seeds,
        unchanged=True,
    )


@dataclass(frozen=True)
class _MadeWith:
    """The data files the analyses use, and their digests."""

    lexicon: Lexicon
    gazetteer: Gazetteer
    lexicon_digest: str
    gazetteer_digest: str


def _derived(article: Article, made_with: _MadeWith, cache: SeedCache) -> Derived:
    """What the build reads out of ``article``: from the cache when its seed and slug match.

    A cached entry made with another lexicon has its topics found again, one
    made with another gazetteer its names and analysis; the rest is kept.
    """
    key = cache.keys.get(article.source)
    entry = cache.get(key) if key is not None else None
    kept = entry.derived if entry is not None else None
    if kept is not None and kept.slug != article.slug:
        kept = None
    same_lexicon = kept is not None and kept.lexicon == made_with.lexicon_digest
    same_gazetteer = kept is not None and kept.gazetteer == made_with.gazetteer_digest
    if kept is not None and same_lexicon and same_gazetteer:
        return kept
    gazetteer = made_with.gazetteer
    derived = Derived(
        article.slug,
        *((kept.bottom_line, kept.bottom_line_automatic) if kept else bottom_line(article)),
        kept.topics if kept and same_lexicon else find_topics(article, made_with.lexicon),
        kept.names if kept and same_gazetteer else names_of(article, gazetteer),
        kept.analysis if kept and same_gazetteer else analyse(article, gazetteer),
        made_with.lexicon_digest,
        made_with.gazetteer_digest,
    )
    if key is not None and entry is not None:
        cache.put(key, replace(entry, derived=derived))
    return derived
