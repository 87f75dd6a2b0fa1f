"""The site's name and address, as mkdocs.yml declares them.

Citations name the site and link its pages, so ``briefing build`` and the
MkDocs hook must agree on both: each reads them from mkdocs.yml itself,
through MkDocs' own YAML loader (so ``!ENV`` defaults apply). The hook does
not take ``config.site_url``: ``mkdocs serve`` replaces it with its own
local address, and pages built from that would differ from committed ones.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from mkdocs.exceptions import ConfigurationError
from mkdocs.utils.yaml import yaml_load

from ..config import BuildConfig
from ..errors import SiteConfigError
from .csl import Site
from .memo import DEFAULT_FORMATS, FORMATS

MKDOCS_FILE = "mkdocs.yml"
"""The MkDocs configuration, at the project root."""

DEFAULT_NAME = "Briefing"
"""The site name when mkdocs.yml gives none."""


@dataclass(frozen=True)
class Settings:
    """What mkdocs.yml tells a build, read once (:func:`read_settings`) and handed to
    every stage that needs it: the site citations refer to, and the memo documents'
    formats (none: memo documents are off) and house style."""

    site: Site
    memos: tuple[str, ...]
    memo_reference: Path | None
    """The ``--reference-doc`` for memo documents; None also when memos are off."""


def read_settings(config: BuildConfig) -> Settings:
    """The build's settings from one reading of mkdocs.yml (and ``config``'s overrides)."""
    config_file = config.root / MKDOCS_FILE
    values = _settings(config_file)
    memos = _memo_formats(config_file, values or {})
    return Settings(
        _site(config, config_file, values),
        memos,
        _memo_reference(config, config_file, values or {}) if memos else None,
    )


def site_of(config: BuildConfig) -> Site:
    """The site citations refer to: from ``config`` if set, else from mkdocs.yml."""
    return _site(config, config.root / MKDOCS_FILE, None, read=True)


def _site(
    config: BuildConfig,
    config_file: Path,
    values: dict[str, object] | None,
    read: bool = False,
) -> Site:
    if config.site_url is not None:
        return Site(config.site_name or DEFAULT_NAME, _with_slash(config.site_url))
    site = _site_in(config_file, _settings(config_file) if read else values)
    return Site(config.site_name or site.name, site.url)


ADDRESS_SETTING = "site_url"
"""The mkdocs.yml setting that holds the site's address."""


def unset_address_note(site: Site, briefs: int) -> str | None:
    """One line saying ``site``'s address is not set and how to set it, when
    ``briefs`` pages would carry this site's own links; else None."""
    if not briefs or site.url is not None:
        return None
    return (
        "the site's address is not set: links to its pages are made where they are read, "
        "and memo documents and downloads cite the original; set it as "
        f"{ADDRESS_SETTING} in {MKDOCS_FILE} (as shipped, {ADDRESS_SETTING} is read from "
        "BRIEFING_SITE_URL: export BRIEFING_SITE_URL=https://…/)"
    )


def _settings(config_file: Path) -> dict[str, object] | None:
    """The settings of ``config_file``, None when there is no such file."""
    try:
        with config_file.open("rb") as handle:
            values = yaml_load(handle)
    except FileNotFoundError:
        return None
    except (OSError, ConfigurationError) as exc:
        raise SiteConfigError(str(config_file), f"cannot be read: {exc}") from None
    if not isinstance(values, dict):
        raise SiteConfigError(str(config_file), "expected a mapping of settings", 1)
    return values


REFERENCE_DOC_KEY = ("extra", "briefing", "reference_doc")
"""Where mkdocs.yml names the memo documents' reference document (house styles)."""


MEMOS_KEY = ("extra", "briefing", "memos")
"""Where mkdocs.yml may switch memo documents off (``memos: false``); on by default."""


def _extra(settings: dict[str, object], keys: tuple[str, ...]) -> object:
    values: object = settings
    for key in keys:
        values = values.get(key) if isinstance(values, dict) else None
    return values


def memos_wanted(config: BuildConfig) -> bool:
    """Whether the build makes memo documents (pandoc runs for every new or changed brief)."""
    config_file = config.root / MKDOCS_FILE
    return _memos_wanted(config_file, _settings(config_file) or {})


def _memos_wanted(config_file: Path, settings: dict[str, object]) -> bool:
    wanted = _extra(settings, MEMOS_KEY)
    if wanted is None:
        return True
    if not isinstance(wanted, bool):
        key = "'" + ".".join(MEMOS_KEY) + "'"
        raise SiteConfigError(str(config_file), f"{key} must be true or false, not {wanted!r}")
    return wanted


MEMO_FORMATS_KEY = ("extra", "briefing", "memo_formats")
"""Where mkdocs.yml lists the memo documents' formats (``[docx, odt]``); ``[docx]`` by default."""


def memo_formats(config: BuildConfig) -> tuple[str, ...]:
    """The formats memo documents are made and offered in; none when memos are off.

    ``memo_formats: [docx, odt]`` under ``extra: briefing:`` in mkdocs.yml adds
    the OpenDocument copy; by default only ``.docx`` is made
    (:data:`~briefing.references.memo.DEFAULT_FORMATS`).
    """
    config_file = config.root / MKDOCS_FILE
    return _memo_formats(config_file, _settings(config_file) or {})


def _memo_formats(config_file: Path, settings: dict[str, object]) -> tuple[str, ...]:
    if not _memos_wanted(config_file, settings):
        return ()
    listed = _extra(settings, MEMO_FORMATS_KEY)
    if listed is None:
        return DEFAULT_FORMATS
    known = ", ".join(FORMATS)
    if not isinstance(listed, list) or any(f not in FORMATS for f in listed):
        key = "'" + ".".join(MEMO_FORMATS_KEY) + "'"
        raise SiteConfigError(
            str(config_file), f"{key} must be a list of formats ({known}), not {listed!r}"
        )
    return tuple(f for f in FORMATS if f in listed)


def memo_reference(config: BuildConfig) -> Path | None:
    """The ``--reference-doc`` pandoc gives memo documents their styles from, if any.

    Set as ``extra: briefing: reference_doc: styles/memo.docx`` in mkdocs.yml,
    relative to the project; an ``.odt`` beside it (same name) styles the
    OpenDocument copy. A path that names no file is an error.
    """
    config_file = config.root / MKDOCS_FILE
    return _memo_reference(config, config_file, _settings(config_file) or {})


def _memo_reference(
    config: BuildConfig, config_file: Path, settings: dict[str, object]
) -> Path | None:
    values = _extra(settings, REFERENCE_DOC_KEY)
    if values is None:
        return None
    where = "'" + ".".join(REFERENCE_DOC_KEY) + "'"
    if not isinstance(values, str):
        raise SiteConfigError(str(config_file), f"{where} must be a path, not {values!r}")
    path = config.root / values
    if not path.is_file():
        raise SiteConfigError(str(config_file), f"{where}: no such file: {values}")
    return path


def read_site(config_file: Path) -> Site:
    """``site_name`` and ``site_url`` of ``config_file``; defaults when it is absent."""
    return _site_in(config_file, _settings(config_file))


def _site_in(config_file: Path, values: dict[str, object] | None) -> Site:
    if values is None:
        return Site(DEFAULT_NAME, None)
    url, name = values.get("site_url"), values.get("site_name")
    if url is not None and not isinstance(url, str):
        raise SiteConfigError(str(config_file), f"site_url must be text, not {url!r}")
    return Site(str(name or DEFAULT_NAME), _with_slash(url) if url else None)


def _with_slash(url: str) -> str:
    return url if url.endswith("/") else url + "/"
