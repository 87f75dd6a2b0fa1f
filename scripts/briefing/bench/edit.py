"""One seed edited, converted again in the same process: what ``mkdocs serve``'s hook pays.

``python -m briefing.bench.edit PROJECT [--edits N]`` builds ``PROJECT``
once (its caches may already be in place), then N times appends a sentence
to one seed (a different one each time) and builds again in the same
Python process, as the hook does on each rebuild, printing the seconds
of each build (``--profile 60``: the last one's profile, the 60 costliest
calls by cumulative time). The edited seeds are restored at the end.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import time
from pathlib import Path

from ..build import build
from ..citations.registry import load_registry
from ..config import BuildConfig

SENTENCE = "\n\nA sentence added to measure one edit (Interfax, March 3).\n"
"""Appended to an edited seed: a new paragraph with one citation."""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m briefing.bench.edit")
    parser.add_argument("project", type=Path)
    parser.add_argument("--edits", type=int, default=3)
    parser.add_argument(
        "--profile", type=int, metavar="N", help="profile the last edit's build; print N lines"
    )
    args = parser.parse_args(argv)
    config = BuildConfig(root=args.project.resolve())
    registry = load_registry()
    started = time.perf_counter()
    build(config, registry)
    print(f"first build in this process: {time.perf_counter() - started:.2f} s", flush=True)
    seeds = sorted(config.seeds.glob("*.txt"))
    originals: dict[Path, bytes] = {}
    try:
        for number in range(args.edits):
            seed = seeds[(number * 7919) % len(seeds)]
            originals.setdefault(seed, seed.read_bytes())
            seed.write_bytes(seed.read_bytes() + SENTENCE.encode())
            started, cpu = time.perf_counter(), time.process_time()
            profiler = cProfile.Profile() if args.profile and number == args.edits - 1 else None
            if profiler is not None:
                profiler.enable()
            result = build(config, registry)
            seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
            if profiler is not None:
                profiler.disable()
                pstats.Stats(profiler).sort_stats("cumulative").print_stats(args.profile)
            print(
                f"edit {number + 1} ({seed.name}): {seconds:.2f} s ({cpu:.2f} s CPU), "
                f"{len(result.parsed)} read, {len(result.changed)} written",
                flush=True,
            )
    finally:
        for seed, data in originals.items():
            seed.write_bytes(data)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
