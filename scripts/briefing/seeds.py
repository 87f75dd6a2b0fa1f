"""Reading many seeds in order, reporting progress as it goes.

Reading in worker processes was measured and dropped: on two cores the
parsed articles (about 10 kB each when pickled) cost as much to send back
as the second core saves (see README, Performance).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from .errors import BriefingError
from .model import Article, Publication
from .sources import Registry

Progress = Callable[[int, int], None]
"""Told (seeds read so far, seeds in all) as reading goes on."""

Reader = Callable[[Path, Path, Registry, tuple[Publication, ...]], Article]

Outcome = Article | BriefingError


def read_seeds(
    seeds: Sequence[Path],
    reader: Reader,
    args: tuple[Path, Registry, tuple[Publication, ...]],
    progress: Progress | None = None,
) -> list[Outcome]:
    """Each seed's article, or the error that stopped it, in the order of ``seeds``."""
    outcomes: list[Outcome] = []
    for seed in seeds:
        try:
            outcomes.append(reader(seed, *args))
        except BriefingError as exc:
            outcomes.append(exc)
        if progress is not None:
            progress(len(outcomes), len(seeds))
    return outcomes
