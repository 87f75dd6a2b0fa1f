"""Reading many seeds: in order, on every core when there are enough of them.

Parsing is pure and per seed, so a large archive is split into chunks read
by worker processes; results come back in seed order, so the output is the
same as a serial read. Below :data:`PARALLEL_THRESHOLD` seeds the cost of
starting workers outweighs the gain and seeds are read in this process.

Workers are forked (cheap: nothing is re-imported), which is only safe from
a single-threaded process; a threaded one (``mkdocs serve``) reads serially.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from functools import partial
from pathlib import Path

from .errors import BriefingError
from .model import Article, Publication
from .sources import Registry

PARALLEL_THRESHOLD = 200
"""Fewest seeds worth reading in worker processes."""

CHUNK = 50
"""Seeds per task sent to a worker: enough to amortise sending the registry."""

Progress = Callable[[int, int], None]
"""Told (seeds read so far, seeds in all) as reading goes on."""

Reader = Callable[[Path, Path, Registry, tuple[Publication, ...]], Article]

Outcome = Article | BriefingError


def read_seeds(
    seeds: Sequence[Path],
    reader: Reader,
    args: tuple[Path, Registry, tuple[Publication, ...]],
    progress: Progress | None = None,
    workers: int | None = None,
) -> list[Outcome]:
    """Each seed's article, or the error that stopped it, in the order of ``seeds``."""
    workers = workers or os.cpu_count() or 1
    if len(seeds) < PARALLEL_THRESHOLD or workers < 2 or threading.active_count() > 1:
        chunks: Iterator[list[Outcome]] = (_read_chunk(reader, args, [s]) for s in seeds)
        return _collect(chunks, len(seeds), progress)
    batches = [list(seeds[i : i + CHUNK]) for i in range(0, len(seeds), CHUNK)]
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(workers, mp_context=context) as pool:
        results = pool.map(partial(_read_chunk, reader, args), batches)
        return _collect(results, len(seeds), progress)


def _collect(
    chunks: Iterator[list[Outcome]], total: int, progress: Progress | None
) -> list[Outcome]:
    outcomes: list[Outcome] = []
    for chunk in chunks:
        outcomes.extend(chunk)
        if progress is not None:
            progress(len(outcomes), total)
    return outcomes


def _read_chunk(
    reader: Reader, args: tuple[Path, Registry, tuple[Publication, ...]], seeds: list[Path]
) -> list[Outcome]:
    outcomes: list[Outcome] = []
    for seed in seeds:
        try:
            outcomes.append(reader(seed, *args))
        except BriefingError as exc:
            outcomes.append(exc)
    return outcomes
