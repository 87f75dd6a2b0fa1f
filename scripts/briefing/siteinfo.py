"""The site's name and address, as mkdocs.yml declares them.

Citations name the site and link its pages, so ``briefing build`` and
``mkdocs build`` must agree on both: each reads them from mkdocs.yml
(``site_url`` honours its ``!ENV`` default) unless the caller gives them.
"""

from __future__ import annotations

from pathlib import Path

from .config import BuildConfig
from .csl import Site
from .errors import DataFileError

MKDOCS_FILE = "mkdocs.yml"
DEFAULT_NAME = "Briefing"


def site_of(config: BuildConfig) -> Site:
    """The site citations refer to: from ``config`` if set, else from mkdocs.yml."""
    if config.site_url is not None:
        return Site(config.site_name or DEFAULT_NAME, config.site_url)
    path = config.root / MKDOCS_FILE
    if not path.exists():
        return Site(config.site_name or DEFAULT_NAME, None)
    return _from_mkdocs(path, config.site_name)


def _from_mkdocs(path: Path, name: str | None) -> Site:
    from mkdocs.utils.yaml import yaml_load

    try:
        with path.open(encoding="utf-8") as handle:
            data = yaml_load(handle)
    except Exception as exc:  # mkdocs raises plain YAML and config errors
        raise DataFileError(MKDOCS_FILE, f"cannot be read: {exc}") from None
    if not isinstance(data, dict):
        raise DataFileError(MKDOCS_FILE, "expected a mapping of settings", 1)
    url = data.get("site_url")
    return Site(
        name or str(data.get("site_name") or DEFAULT_NAME),
        str(url) if url else None,
    )
