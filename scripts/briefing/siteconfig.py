"""What the build needs from mkdocs.yml, read the way MkDocs reads it.

``briefing build`` and the MkDocs hook both take the site's address from
the file itself, so they write identical pages: ``mkdocs serve`` replaces
``site_url`` with its own local address before the hook runs, and pages
built from that would differ from the committed ones.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import ConfigurationError
from mkdocs.utils.yaml import yaml_load

from .errors import SiteConfigError

CONFIG_FILE = "mkdocs.yml"
"""The MkDocs configuration, at the project root."""


def site_url(config_file: Path) -> str | None:
    """The ``site_url`` of ``config_file`` (``!ENV`` resolved), ending in ``/``.

    ``None`` when the file has no ``site_url`` or does not exist: pages are
    then built without a canonical address.
    """
    try:
        with config_file.open("rb") as handle:
            values = yaml_load(handle)
    except FileNotFoundError:
        return None
    except (OSError, ConfigurationError) as exc:
        raise SiteConfigError(str(config_file), f"cannot be read: {exc}") from None
    url = values.get("site_url")
    if url is None or url == "":
        return None
    if not isinstance(url, str):
        raise SiteConfigError(str(config_file), f"site_url must be text, not {url!r}")
    return url if url.endswith("/") else url + "/"
