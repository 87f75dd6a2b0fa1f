"""``briefing bench``: generate a synthetic corpus, or run the benchmark."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from ..citations.registry import load_registry
from .corpus import write_corpus


def add_parser(commands: Any) -> None:
    """Register ``bench corpus``, ``run``, ``search``, ``plot``, ``people`` under ``briefing``."""
    bench = commands.add_parser("bench", help="measure the build at scale")
    actions = bench.add_subparsers(required=True, metavar="ACTION")
    corpus = actions.add_parser("corpus", help="write N synthetic articles into DIR")
    corpus.add_argument("count", type=int, metavar="N", help="how many articles")
    corpus.add_argument("directory", type=Path, metavar="DIR", help="where to write them")
    corpus.add_argument("--seed", type=int, default=1, help="random seed (default: 1)")
    corpus.set_defaults(run=_corpus)
    run = actions.add_parser("run", help="run the benchmark (see 'make bench')")
    run.add_argument("--sizes", help="comma-separated corpus sizes (default: BENCH_SIZES)")
    run.add_argument("--runs", type=int, help="runs per measurement (default: BENCH_RUNS or 3)")
    run.set_defaults(run=_run)
    search = actions.add_parser("search", help="time a first search on a built site")
    search.add_argument("site", type=Path, metavar="SITE", help="a built site folder")
    search.add_argument("--query", default="pipeline", help="what to type (default: pipeline)")
    search.set_defaults(run=_search)
    plot = actions.add_parser("plot", help="draw bench/results.json as an SVG")
    plot.add_argument("results", type=Path, nargs="?", default=Path("bench/results.json"))
    plot.add_argument("--output", type=Path, default=Path("screenshots/scaling.svg"))
    plot.set_defaults(run=_plot)
    people = actions.add_parser(
        "people", help="precision and recall of people, roles and outlets on labelled real text"
    )
    people.add_argument("--errors", action="store_true", help="also list each miss and mistake")
    people.set_defaults(run=_people)


def _corpus(args: argparse.Namespace) -> int:
    written = write_corpus(args.count, args.directory, args.seed, load_registry())
    print(f"{len(written)} article(s) written to {args.directory}")
    return 0


def _search(args: argparse.Namespace) -> int:
    from .search import first_search, index_breakdown

    figures = {**first_search(args.site, args.query), "index": index_breakdown(args.site)}
    print(json.dumps(figures, indent=2))
    return 0


def _run(args: argparse.Namespace) -> int:
    from .run import main

    return main(args.sizes, args.runs)


def _plot(args: argparse.Namespace) -> int:
    from .plot import plot

    args.output.write_text(plot(json.loads(args.results.read_text("utf-8"))), "utf-8")
    print(f"written: {args.output}")
    return 0


def _people(args: argparse.Namespace) -> int:
    from .people_eval import held_out, load_items, measure, report

    items = load_items()
    score = measure(items)
    print(report(score))
    print(report(measure(held_out(items)), "Of which held out"))
    if args.errors:
        print("\n".join(score.errors))
    return 0
