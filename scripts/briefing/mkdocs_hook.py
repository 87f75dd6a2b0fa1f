"""The MkDocs edge: run the conversion before each build, index the site after it.

``mkdocs build`` and ``mkdocs serve`` call :func:`on_config`; it runs the
same ``build()`` as ``briefing build`` and, unless mkdocs.yml has a ``nav``,
sets the navigation to the site's sections (briefs are reached from the
home page and the archive, so the navigation does not grow with them). Only changed files are
written, so the pages it writes trigger at most one more rebuild under
``serve``. Seed warnings are logged; seed errors fail the build.

:func:`on_post_build` indexes the written site with Pagefind. The
``file://`` bundle is indexed too: opened from disk it searches with
Material's own index (Pagefind cannot fetch its chunks there), served over
http it switches to Pagefind (overrides/main.html).
"""

from __future__ import annotations

import logging
from importlib import resources
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer

from briefing.analysis.glossary import ABBREVIATIONS
from briefing.build import build, hand_written
from briefing.build.search import DISK_SEARCH_BRIEFS, index_site
from briefing.config import BuildConfig
from briefing.errors import BriefingError, BuildFailed
from briefing.render import navigation

log = logging.getLogger("mkdocs.hooks.briefing")


def _root(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path).resolve().parent


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    root = _root(config)
    if "pymdownx.snippets" in config.mdx_configs:  # read the glossary wherever mkdocs runs
        config.mdx_configs["pymdownx.snippets"]["base_path"] = [str(root / ABBREVIATIONS.parent)]
    try:
        result = build(
            BuildConfig(
                root=root,
                docs_dir=config.docs_dir,
                site_name=config.site_name,
            )
        )
    except (BriefingError, BuildFailed) as exc:
        raise PluginError(f"briefing: {exc}") from exc
    if result.failed:
        errors = "\n".join(str(f.error) for f in result.failed)
        raise PluginError(f"briefing: the other seeds' pages were written, but:\n{errors}")
    if result.seed_cache is not None and result.seed_cache.note:
        log.info("briefing: %s", result.seed_cache.note)
    # Seed warnings are the editors' business, not a broken site: at INFO, so
    # that `mkdocs build --strict` still builds; `briefing build --strict` fails.
    for warning in result.warnings:
        log.info("briefing: %s", warning)
    log.info(
        "briefing: %d brief(s), %d read, %d file(s) written",
        len(result.briefs),
        len(result.parsed),
        len(result.changed),
    )
    if not config.nav:
        config.nav = navigation()
    limit = config.extra.get("disk_search_briefs", DISK_SEARCH_BRIEFS)
    if _material_search(config) and len(result.briefs) > limit:
        # The file:// bundle tells its readers how to search a large archive fast.
        config.extra["briefing_slow_disk_search"] = len(result.briefs)
    return config


def _material_search(config: MkDocsConfig) -> bool:
    """Whether Material's own search is on: the file:// bundle (`make offline`)."""
    plugin = config.plugins.get("material/search")
    return plugin is not None and bool(plugin.config.enabled)


def on_post_build(config: MkDocsConfig) -> None:
    try:
        index = index_site(Path(config.site_dir))
    except BriefingError as exc:
        raise PluginError(f"briefing: {exc}") from exc
    log.info("briefing: search index written in %.1f s", index.seconds)


def on_serve(server: LiveReloadServer, config: MkDocsConfig, builder: object) -> LiveReloadServer:
    """Watch what the conversion reads, not the pages it writes.

    Each build converts the seeds and writes the pages that changed into
    docs/; watched as a whole, docs/ would then set off a second build. The
    seeds (mkdocs.yml's ``watch``), the data files and the hand-written parts
    of docs/ (assets, pages of one's own) are what a change comes from.
    """
    server.unwatch(config.docs_dir)
    for entry in hand_written(BuildConfig(root=_root(config), docs_dir=config.docs_dir)):
        server.watch(str(entry))
    server.watch(str(resources.files("briefing.data")))
    return server
