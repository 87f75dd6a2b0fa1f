"""The MkDocs edge: run the conversion before each build.

``mkdocs build`` and ``mkdocs serve`` call :func:`on_config`; it runs the
same ``build()`` as ``briefing build`` and, unless mkdocs.yml has a ``nav``,
sets the navigation to the briefs, newest first. Only changed files are written, so
the pages it writes trigger at most one more rebuild under ``serve``.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from briefing.build import build
from briefing.config import BuildConfig
from briefing.errors import BriefingError, BuildFailed
from briefing.render import navigation
from briefing.siteconfig import site_url


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    config_file = Path(config.config_file_path).resolve()
    try:
        # From the file, not config.site_url: `mkdocs serve` points that at itself.
        url = site_url(config_file)
        result = build(BuildConfig(root=config_file.parent, docs_dir=config.docs_dir, site_url=url))
    except (BriefingError, BuildFailed) as exc:
        raise PluginError(f"briefing: {exc}") from exc
    if not config.nav:
        config.nav = navigation(result.briefs)
    return config
