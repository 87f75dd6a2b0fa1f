"""The site's name and address, as mkdocs.yml declares them.

Citations name the site and link its pages, so ``briefing build`` and the
MkDocs hook must agree on both: each reads them from mkdocs.yml itself,
through MkDocs' own YAML loader (so ``!ENV`` defaults apply). The hook does
not take ``config.site_url``: ``mkdocs serve`` replaces it with its own
local address, and pages built from that would differ from committed ones.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import ConfigurationError
from mkdocs.utils.yaml import yaml_load

from ..config import BuildConfig
from ..errors import SiteConfigError
from .csl import Site

MKDOCS_FILE = "mkdocs.yml"
"""The MkDocs configuration, at the project root."""

DEFAULT_NAME = "Briefing"
"""The site name when mkdocs.yml gives none."""


def site_of(config: BuildConfig) -> Site:
    """The site citations refer to: from ``config`` if set, else from mkdocs.yml."""
    if config.site_url is not None:
        return Site(config.site_name or DEFAULT_NAME, _with_slash(config.site_url))
    site = read_site(config.root / MKDOCS_FILE)
    return Site(config.site_name or site.name, site.url)


def read_site(config_file: Path) -> Site:
    """``site_name`` and ``site_url`` of ``config_file``; defaults when it is absent."""
    try:
        with config_file.open("rb") as handle:
            values = yaml_load(handle)
    except FileNotFoundError:
        return Site(DEFAULT_NAME, None)
    except (OSError, ConfigurationError) as exc:
        raise SiteConfigError(str(config_file), f"cannot be read: {exc}") from None
    if not isinstance(values, dict):
        raise SiteConfigError(str(config_file), "expected a mapping of settings", 1)
    url, name = values.get("site_url"), values.get("site_name")
    if url is not None and not isinstance(url, str):
        raise SiteConfigError(str(config_file), f"site_url must be text, not {url!r}")
    return Site(str(name or DEFAULT_NAME), _with_slash(url) if url else None)


def _with_slash(url: str) -> str:
    return url if url.endswith("/") else url + "/"
