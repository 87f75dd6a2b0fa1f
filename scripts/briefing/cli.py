"""The ``briefing`` command: argument parsing, messages and exit codes.

Library code raises BriefingError; only this module turns errors into
messages on stderr and non-zero exit codes (1: input problems or stale
output; 2: wrong usage).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from .bench.command import add_parser as add_bench_parser
from .build import BuildResult, build, check, forget_caches, read_article
from .build.lock import Holder, hold
from .build.memory import Memory
from .citations.registry import load_registry
from .config import BuildConfig
from .errors import BriefingError, BuildFailed, MemoError
from .input.publications import load_publications
from .model import Citation, CitedDate, ParentheticalKind
from .progress import ConsoleProgress, LineProgress
from .references.siteinfo import unset_address_note
from .render import Brief
from .website.preview import preview_server
from .website.publish import build_site, write_zip
from .website.search import index_site


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    try:
        code: int = args.run(args)
    except BrokenPipeError:
        # The reader went away (`briefing citations … | head`): stop quietly.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    except BuildFailed as exc:
        for error in exc.errors:
            print(f"error: {error}", file=sys.stderr)
        print(f"build failed: {len(exc.errors)} error(s); nothing was written", file=sys.stderr)
        return 1
    except BriefingError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("interrupted; generated files were left as they were", file=sys.stderr)
        return 130
    return code


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="briefing", description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(required=True, metavar="COMMAND")

    build_cmd = commands.add_parser(
        "build", help="convert seeds/ into docs/ pages and references.bib"
    )
    build_cmd.add_argument(
        "--root", type=Path, default=Path.cwd(), help="project folder (default: .)"
    )
    build_cmd.add_argument(
        "--check", action="store_true", help="write nothing; exit 1 if outputs are stale"
    )
    build_cmd.add_argument("--strict", action="store_true", help="treat warnings as errors")
    build_cmd.add_argument(
        "--fresh",
        action="store_true",
        help="forget every cache (.cache/briefing/) and convert everything anew",
    )
    build_cmd.add_argument(
        "--wait",
        action="store_true",
        help="if another build of the project is running, wait for it instead of stopping",
    )
    build_cmd.add_argument(
        "--progress",
        action="store_true",
        help="progress on one rewritten line of stderr, as on a terminal (elsewhere, long "
        "conversions say how far they are on a line now and then)",
    )
    build_cmd.set_defaults(run=_build)

    cite = commands.add_parser("citations", help="print the citations found in one article")
    cite.add_argument("file", type=Path, help="an article in the seed format")
    cite.add_argument("--json", action="store_true", help="print a JSON array (the default)")
    cite.add_argument("--published", type=_iso_date, help="publication date, for inferring years")
    cite.add_argument("--strict", action="store_true", help="treat warnings as errors")
    cite.set_defaults(run=_citations)
    imports = commands.add_parser(
        "import", help="saved article pages and RSS/Atom feeds → seeds and sidecars"
    )
    imports.add_argument(
        "paths", nargs="+", metavar="PATH", help="HTML pages, feeds, folders of them, or - (stdin)"
    )
    imports.add_argument(
        "--root", type=Path, default=Path.cwd(), help="project folder (default: .)"
    )
    imports.set_defaults(run=_import)
    serve = commands.add_parser(
        "serve", help="the live site: an edit rebuilds only the pages it changes"
    )
    serve.add_argument(
        "--dev-addr", default=SERVE_ADDRESS, metavar="IP:PORT", help=f"default: {SERVE_ADDRESS}"
    )
    serve.add_argument("--root", type=Path, default=Path.cwd(), help="project folder (default: .)")
    serve.set_defaults(run=_serve)
    site = commands.add_parser(
        "site",
        help="build the site into site/ (--offline: the file:// bundle and its zip), "
        "switched in whole: a failed build leaves the previous site as it was",
    )
    site.add_argument("--root", type=Path, default=Path.cwd(), help="project folder (default: .)")
    site.add_argument(
        "--offline",
        action="store_true",
        help=f"the file:// bundle into {OFFLINE_SITE}/ and {OFFLINE_ZIP}",
    )
    site.set_defaults(run=_site)
    preview = commands.add_parser(
        "preview", help="serve a built site from this machine (many readers at once)"
    )
    preview.add_argument("site", type=Path, metavar="SITE_DIR", help="the built site, e.g. site/")
    preview.add_argument(
        "--bind", default="127.0.0.1", metavar="ADDRESS", help="default: 127.0.0.1 (this machine)"
    )
    preview.add_argument("--port", type=int, default=8000, help="default: 8000")
    preview.set_defaults(run=_preview)
    search = commands.add_parser(
        "search", help="index a built site for search (what `mkdocs build` runs after a build)"
    )
    search.add_argument("site", type=Path, metavar="SITE_DIR", help="the built site, e.g. site/")
    search.set_defaults(run=_search)
    add_bench_parser(commands)
    return parser


SERVE_ADDRESS = "127.0.0.1:8000"
"""Where ``briefing serve`` listens: this machine only."""


def _serve(args: argparse.Namespace) -> int:
    """``mkdocs serve --dirty``: after the first build, only pages whose Markdown changed.

    The plugin (website/plugin.py) rebuilds every page when a change reaches them
    all, and removes the pages of deleted seeds. This process becomes
    MkDocs, so Ctrl-C stops it as it would stop ``mkdocs serve``.
    """
    os.chdir(args.root)
    command = [sys.executable, "-m", "mkdocs", "serve", "--dirty", "--dev-addr", args.dev_addr]
    os.execv(sys.executable, command)


def _iso_date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected YYYY-MM-DD, got {text!r}") from None


def _build(args: argparse.Namespace) -> int:
    root = args.root.resolve()
    config = BuildConfig(root=root, strict=args.strict)
    if args.check:
        checked = check(config)
        outdated = sorted((*checked.changed, *checked.removed))
        for note in checked.notes:
            print(f"note: {note}", file=sys.stderr)
        _report_failures(checked)
        for path in outdated:
            print(f"stale: {path.relative_to(config.root)}", file=sys.stderr)
        if outdated:
            print("generated files are out of date: run 'briefing build'", file=sys.stderr)
            return 1
        if checked.failed:
            return 1
        print("generated files are up to date")
        return 0
    with hold(config.lock, args.wait, _waiting) as lock:
        if lock.stale is not None:
            print(
                f"note: an earlier build ({lock.stale}) ended without releasing "
                "the project's lock; this build takes it over",
                file=sys.stderr,
            )
        if args.fresh:
            forget_caches(config)
        return _convert(config, args)


def _waiting(holder: Holder | None) -> None:
    who = f" ({holder})" if holder is not None else ""
    print(f"waiting for another build{who} of this project to finish...", file=sys.stderr)


def _convert(config: BuildConfig, args: argparse.Namespace) -> int:
    # On a terminal one rewritten line; in a log or a pipe a line now and then.
    progress: ConsoleProgress | LineProgress = ConsoleProgress(sys.stderr)
    if not (args.progress or sys.stderr.isatty()):
        progress = LineProgress(lambda line: print(line, file=sys.stderr, flush=True))
    try:
        result = build(config, progress=progress, memory=Memory.none())  # no build follows
    finally:
        progress.close()
    for note in result.notes:
        print(f"note: {note}", file=sys.stderr)
    if address := unset_address_note(result.site, len(result.briefs)):
        print(f"note: {address}", file=sys.stderr)
    for warning in result.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    _report_failures(result)
    citations = sum(len(b.article.citations) for b in result.briefs)
    print(
        f"{len(result.briefs)} brief(s) ({len(result.parsed)} read, the others unchanged), "
        f"{citations} citation(s), "
        f"{len(result.references)} cited item(s), {len(result.warnings)} warning(s); "
        f"{len(result.changed)} file(s) written, {len(result.removed)} removed"
    )
    print(_parenthetical_summary(result.briefs))
    return 1 if result.failed else 0


OFFLINE_SITE = "site-offline"
OFFLINE_ZIP = "dist/briefing-offline.zip"


def _site(args: argparse.Namespace) -> int:
    """``mkdocs build --strict`` beside the site, then switched in (website/publish.py)."""
    root: Path = args.root.resolve()
    env = dict(os.environ)
    if args.offline:
        env.update(BRIEFING_OFFLINE="true", BRIEFING_SITE_DIR=OFFLINE_SITE)
    site = root / env.get("BRIEFING_SITE_DIR", "site")
    build_site(root, site, env)
    if args.offline:
        write_zip(site, root / OFFLINE_ZIP)
        print(f"{site.name}/ and {OFFLINE_ZIP} written")
    else:
        print(f"{site.name}/ written")
    return 0


def _preview(args: argparse.Namespace) -> int:
    """Serve SITE_DIR until Ctrl-C (website/preview.py)."""
    server = preview_server(args.site, args.bind, args.port)
    port = server.server_address[1]
    print(f"serving {args.site} at http://{args.bind}:{port}/ (Ctrl-C stops)", flush=True)
    with server:
        try:
            server.serve_forever()
        except KeyboardInterrupt:
            return 0
    return 0


def _search(args: argparse.Namespace) -> int:
    """Index the site at SITE_DIR into SITE_DIR/pagefind/, as the MkDocs side does."""
    site: Path = args.site
    if not (site / "index.html").is_file():
        raise BriefingError(str(site), "no built site here (no index.html): run 'mkdocs build'")
    index = index_site(site)
    print(f"{site}: search index written in {index.seconds:.1f} s ({index.parts} part(s))")
    return 0


IMPORT_RESULTS = ("imported", "updated", "unchanged", "skipped")
"""The rows of ``briefing import``'s closing table, in order."""


def _import(args: argparse.Namespace) -> int:
    # Imported here: the page and feed readers (trafilatura, feedparser) take
    # 0.12 s to load, a sixth of a `briefing build` that finds nothing to do.
    from .build.importing import ImportRecord, Outcome, import_articles, importer_version
    from .input.importer import read_sources

    config = BuildConfig(root=args.root.resolve())
    seeds = config.seeds
    record = ImportRecord(config.import_record, importer_version())
    pages = read_sources(args.paths, sys.stdin.buffer, lambda page: record.seen(page, seeds))
    outcomes: list[Outcome] = []
    for outcome in import_articles(pages, seeds, record):
        outcomes.append(outcome)
        if outcome.result == "skipped":
            print(f"skipped: {outcome.origin}: {outcome.detail}", file=sys.stderr)
        else:
            detail = f" ({outcome.detail})" if outcome.detail else ""
            print(f"{outcome.result}: {outcome.seed}{detail} from {outcome.origin}")
    record.save()
    counts = Counter(o.result for o in outcomes)
    width = max(map(len, IMPORT_RESULTS))
    for result in IMPORT_RESULTS:
        print(f"{result:<{width}} {counts[result]:>5}")
    for outcome in outcomes:
        if outcome.result == "skipped":
            print(f"{'':<{width}}       {outcome.origin}: {outcome.detail}")
    return 1 if counts["skipped"] else 0


def _report_failures(result: BuildResult) -> None:
    for failure in result.failed:
        print(f"error: {failure.error}", file=sys.stderr)
    memos = sorted({f.seed for f in result.failed if isinstance(f.error, MemoError)})
    if memos:
        print(f"{len(memos)} seed(s) lack memo documents: {', '.join(memos)}", file=sys.stderr)
    seeds = sorted({f.seed for f in result.failed if not isinstance(f.error, MemoError)})
    if seeds:
        print(
            f"{len(seeds)} seed(s) failed: {', '.join(seeds)}; their previous pages are kept "
            "unchanged (stale) and their citations are missing from the bibliography",
            file=sys.stderr,
        )


def _parenthetical_summary(briefs: Sequence[Brief]) -> str:
    """One line accounting for every parenthetical: citations, text (why), ambiguous."""
    kinds: Counter[str] = Counter()
    reasons: Counter[str] = Counter()
    for brief in briefs:
        for paragraph in brief.article.paragraphs:
            for p in paragraph.parentheticals:
                kinds[p.kind.value] += 1
                if p.kind is ParentheticalKind.TEXT:
                    reasons[p.reason] += 1
    why = ", ".join(f"{n} {reason}" for reason, n in sorted(reasons.items()))
    return (
        f"parentheticals: {kinds['citation']} citing, {kinds['text']} kept as text"
        f"{f' ({why})' if why else ''}, {kinds['ambiguous']} ambiguous (see docs/report.md)"
    )


def _citations(args: argparse.Namespace) -> int:
    path: Path = args.file.resolve()
    registry, publications = load_registry(), load_publications()
    article = read_article(path, path.parent, registry, publications, args.published)
    for warning in article.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    if args.strict and article.warnings:
        return 1
    json.dump(
        [_citation_json(c) for c in article.citations], sys.stdout, ensure_ascii=False, indent=2
    )
    print()
    return 0


def _citation_json(citation: Citation) -> dict[str, Any]:
    return {
        "outlet": citation.outlet_text,
        "source": citation.outlet.id if citation.outlet else None,
        "dates": [_date_json(d) for d in citation.dates],
        "raw": citation.raw,
        "paragraph": citation.paragraph,
        "start": citation.start,
        "end": citation.end,
        **({"url": citation.url} if citation.url else {}),
        **({"title": citation.title} if citation.title else {}),
    }


def _date_json(date: CitedDate) -> dict[str, Any]:
    return {
        "text": date.text,
        "year": date.year,
        "month": date.month,
        "day": date.day,
        "iso": date.iso,
        **({"accessed": True} if date.accessed else {}),
        **({"year_uncertain": True} if date.year_uncertain else {}),
    }


if __name__ == "__main__":
    sys.exit(main())
