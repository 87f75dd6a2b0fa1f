"""The MkDocs edge: run the conversion before each build, index the site after it.

``mkdocs build`` and ``mkdocs serve`` call :func:`on_config`; it runs the
same ``build()`` as ``briefing build`` and, unless mkdocs.yml has a ``nav``,
sets the navigation to the briefs, newest first. Only changed files are
written, so the pages it writes trigger at most one more rebuild under
``serve``. Seed warnings are logged; seed errors fail the build.

:func:`on_post_build` indexes the written site with Pagefind, unless
Material's own search is on (the ``file://`` bundle, where Pagefind's
chunks cannot be fetched).
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from briefing.analysis.glossary import ABBREVIATIONS
from briefing.build import build
from briefing.config import BuildConfig
from briefing.errors import BriefingError, BuildFailed
from briefing.render import navigation
from briefing.sitesearch import index_site

log = logging.getLogger("mkdocs.hooks.briefing")


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    root = Path(config.config_file_path).resolve().parent
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
    # Seed warnings are the editors' business, not a broken site: at INFO, so
    # that `mkdocs build --strict` still builds; `briefing build --strict` fails.
    for warning in result.warnings:
        log.info("briefing: %s", warning)
    log.info("briefing: %d brief(s), %d file(s) written", len(result.briefs), len(result.changed))
    if not config.nav:
        config.nav = navigation(result.briefs)
    return config


def on_post_build(config: MkDocsConfig) -> None:
    material_search = config.plugins.get("material/search")
    if material_search is not None and material_search.config.enabled:
        return
    try:
        index = index_site(Path(config.site_dir))
    except BriefingError as exc:
        raise PluginError(f"briefing: {exc}") from exc
    log.info("briefing: search index written in %.1f s", index.seconds)
