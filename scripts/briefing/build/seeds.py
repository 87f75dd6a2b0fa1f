"""The seeds folder read into articles: every seed, the failures, unique slugs.

A seed whose key is in the seed cache (:mod:`briefing.build.cache`) is not
parsed again. One broken seed does not stop the others: it is returned as
a :class:`SeedFailure` beside the articles that could be read.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, replace
from pathlib import Path

from ..citations.registry import OutletLookup, Registry
from ..config import BuildConfig
from ..errors import BriefingError, BuildFailed, SeedError, SidecarError
from ..input.guard import display_name, seed_bytes, sidecar_bytes
from ..input.parse import parse_article
from ..input.publications import load_publications
from ..input.reading import decode_seed
from ..input.sidecar import read_sidecar, sidecar_path
from ..input.slug import slugify
from ..model import Article, Diagnostic, Publication
from ..progress import Progress
from .cache import Asking, Entry, SeedCache, answers_digest


@dataclass(frozen=True)
class SeedFailure:
    """A seed that could not be converted: its path (as shown) and the error."""

    seed: str
    error: BriefingError


def read_article(
    seed: Path,
    root: Path,
    registry: OutletLookup,
    publications: tuple[Publication, ...] | Callable[[str], Publication],
    published: dt.date | None = None,
    read: tuple[bytes, bytes | None] | None = None,
) -> Article:
    """One seed and its sidecar, parsed; errors name the seed relative to ``root``.

    ``published`` stands for the publication date (the sidecar's, if any);
    ``read``, the seed's and the sidecar's bytes when they have been read.
    """
    display = display_name(seed, root)
    if read is None:
        read = seed_bytes(seed, root, display), sidecar_bytes(sidecar_path(seed), root)
    text = decode_seed(read[0], display)
    sidecar_display = display_name(sidecar_path(seed), root)
    sidecar = read_sidecar(read[1], sidecar_display)
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
    cache: SeedCache | None = None,
    known: Mapping[str, str] | None = None,
) -> tuple[tuple[Article, ...], tuple[SeedFailure, ...]]:
    """The articles of the seeds that could be read, and the seeds that could not.

    In strict mode, warnings count as failures of their seed. ``progress``
    is told (seeds read, seeds in all) after each seed. With a ``cache``, a
    seed whose key (its bytes, its sidecar's, the package) is cached is not
    parsed again, unless the registry or publications now answer one of the
    questions its reading asked differently. ``known`` holds the cache keys
    of seeds this build has read already (by display name): a seed found in
    the cache under its key is not read again.

    Reading in worker processes was measured and dropped: on two cores the
    parsed articles cost as much to send back as the second core saves
    (README, Performance).
    """
    publications = publications if publications is not None else load_publications()
    made_with = answers_digest(registry, publications)
    seeds = sorted(config.seeds.glob("*.txt"))
    articles, failures = [], []
    for done, seed in enumerate(seeds, start=1):
        if progress is not None:
            progress(done - 1, len(seeds))
        display = display_name(seed, config.root)
        try:
            article = _cached_article(
                seed, config.root, registry, publications, cache, made_with, (known or {})
            )
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


def _cached_article(
    seed: Path,
    root: Path,
    registry: Registry,
    publications: tuple[Publication, ...],
    cache: SeedCache | None,
    made_with: str,
    known: Mapping[str, str],
) -> Article:
    if cache is None:
        return read_article(seed, root, registry, publications)
    display = display_name(seed, root)
    known_key = known.get(display)
    entry = cache.get(known_key) if known_key is not None else None
    read: tuple[bytes, bytes | None] | None = None
    if known_key is not None and entry is not None:
        key = known_key
    else:  # read now: a seed changed since its key was made is keyed anew
        read = seed_bytes(seed, root, display), sidecar_bytes(sidecar_path(seed), root)
        key = cache.key(display, *read)
        entry = cache.get(key)
    cache.keys[display] = key
    if entry is not None and entry.asked.made_with == made_with:
        return entry.article
    if entry is not None and entry.asked.still_answered(registry, publications):
        # Edited data files that change nothing this seed asked: its reading stands.
        cache.put(key, replace(entry, asked=replace(entry.asked, made_with=made_with)))
        return entry.article
    asking = Asking(registry, publications)
    article = read_article(seed, root, asking, asking.publication, read=read)
    cache.parsed.append(display)
    cache.put(key, Entry(article, asking.asked(made_with)))
    return article


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
