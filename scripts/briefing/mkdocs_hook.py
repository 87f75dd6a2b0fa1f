"""The MkDocs edge: run the conversion before each build, index the site after it.

``mkdocs build`` and ``mkdocs serve`` call :func:`on_config`; it runs the
same ``build()`` as ``briefing build`` and, unless mkdocs.yml has a ``nav``,
sets the navigation to the site's sections (briefs are reached from the
home page and the archive, so the navigation does not grow with them). Only changed files are
written, so the pages it writes trigger at most one more rebuild under
``serve``. Seed warnings are logged; seed errors fail the build.

A page whose Markdown and links are as in an earlier build is not rendered
again: :func:`on_page_markdown` finds its kept rendering (build/rendered.py)
and :func:`on_page_content` puts it in place.

:func:`on_post_build` indexes the written site with Pagefind, or copies in
the last index of the same site folder if no page changed. The
``file://`` bundle is indexed too: opened from disk it searches with
Material's own index (Pagefind cannot fetch its chunks there), served over
http it switches to Pagefind (overrides/main.html).

Under ``briefing serve`` (``mkdocs serve --dirty``) an edit rebuilds only the
pages whose Markdown the conversion rewrote. The hook keeps that right:
when anything but seeds changed (mkdocs.yml, the theme overrides, the
glossary include, the data files) it empties the site folder so that every
page is built again; it removes the built files of pages that are gone; and
it indexes the site in the background, so the page reloads without waiting
for search.
"""

from __future__ import annotations

import gc
import logging
import os
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Literal

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

from briefing.analysis.glossary import ABBREVIATIONS
from briefing.build import build, hand_written
from briefing.build.memory import Memory
from briefing.build.owned import in_owned_folder
from briefing.build.rendered import RenderCache
from briefing.build.search import (
    BUNDLE,
    DISK_SEARCH_BRIEFS,
    BackgroundIndexer,
    SearchIndex,
    index_site,
    kept_folder,
)
from briefing.build.served import empty, remove_gone, site_wide_digest
from briefing.build.shelf import NotShelved, Shelf
from briefing.cite.siteinfo import unset_address_note
from briefing.config import BuildConfig
from briefing.errors import BriefingError, BuildFailed
from briefing.mkdocs_pages import PageRendering, link_owned_files, render_cache
from briefing.render import navigation

log = logging.getLogger("mkdocs.hooks.briefing")


@dataclass
class _Serving:
    """What the hook remembers between the builds of one ``mkdocs serve``."""

    command: str = "build"
    dirty: bool = False
    site_wide: str | None = None
    """Digest of what every page depends on, as of the last build."""
    built: set[str] = field(default_factory=set)
    """The site files the current build's sources stand for."""
    indexer: BackgroundIndexer | None = None
    shelf: Shelf = field(default_factory=Shelf)
    """The current build's rendered pages, between rendering and layout."""
    rendered: RenderCache | None = None
    """Pages rendered by earlier builds (build/rendered.py); None: render every page."""
    rendering: PageRendering | None = None
    """The page being rendered: what it is to be stored or replaced with."""
    pages: set[str] = field(default_factory=set)
    """Source paths of the pages the current build rendered or reused."""
    address_noted: bool = False
    """Whether this process said that the site's address is not set (once is enough)."""

    @property
    def incremental(self) -> bool:
        return self.command == "serve" and self.dirty


_SERVING = _Serving()


DIRTY_WARNING = "A 'dirty' build is being performed"
"""MkDocs' warning on every dirty build: stale navigation and links. Not so here:
the navigation holds the sections only, and the hook rebuilds every page
when a change reaches them all."""


def on_startup(command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
    _SERVING.command, _SERVING.dirty = command, dirty
    if command == "serve":
        _SERVING.indexer = BackgroundIndexer(_indexed)
    if _SERVING.incremental:
        logging.getLogger("mkdocs.commands.build").addFilter(
            lambda record: not record.getMessage().startswith(DIRTY_WARNING)
        )


def on_build_error(error: Exception) -> None:
    gc.unfreeze()
    _SERVING.shelf.clear()
    if _SERVING.rendering is not None:
        _SERVING.rendering.abandon()
        _SERVING.rendering = None


def on_shutdown() -> None:
    if _SERVING.indexer is not None:
        _SERVING.indexer.close()


def _root(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path).resolve().parent


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    _SERVING.shelf.clear()
    _SERVING.pages.clear()
    root = _root(config)
    if "pymdownx.snippets" in config.mdx_configs:  # read the glossary wherever mkdocs runs
        config.mdx_configs["pymdownx.snippets"]["base_path"] = [str(root / ABBREVIATIONS.parent)]
    try:
        build_config = BuildConfig(root=root, docs_dir=config.docs_dir, site_name=config.site_name)
        result = build(
            build_config,
            # Only a server builds again in this process: a one-off build keeps nothing.
            memory=None if _SERVING.command == "serve" else Memory.none(),
        )
    except (BriefingError, BuildFailed) as exc:
        raise PluginError(f"briefing: {exc}") from exc
    if result.failed:
        errors = "\n".join(str(f.error) for f in result.failed)
        raise PluginError(f"briefing: the other seeds' pages were written, but:\n{errors}")
    if result.seed_cache is not None and result.seed_cache.note:
        log.info("briefing: %s", result.seed_cache.note)
    address = unset_address_note(build_config, len(result.briefs))
    if address and not _SERVING.address_noted:
        # INFO, not a warning: `mkdocs build --strict` builds a site without an address.
        log.info("briefing: %s", address)
        _SERVING.address_noted = True
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
    _SERVING.rendered = render_cache(config, root, (on_page_content, on_page_markdown))
    if _SERVING.incremental:
        _rebuild_all_when_needed(config, root)
    limit = config.extra.get("disk_search_briefs", DISK_SEARCH_BRIEFS)
    if _material_search(config) and len(result.briefs) > limit:
        # The file:// bundle tells its readers how to search a large archive fast.
        config.extra["briefing_slow_disk_search"] = len(result.briefs)
    if _SERVING.command == "serve":
        # The last build's texts and seeds stay on the heap for the next one; while
        # MkDocs renders, collections would walk them all (a second at 1,000 briefs).
        gc.freeze()
    return config


def _material_search(config: MkDocsConfig) -> bool:
    """Whether Material's own search is on: the file:// bundle (`make offline`)."""
    plugin = config.plugins.get("material/search")
    return plugin is not None and bool(plugin.config.enabled)


def _rebuild_all_when_needed(config: MkDocsConfig, root: Path) -> None:
    """Empty the site folder when a change reaches every page, not only a seed's."""
    sources = [Path(config.config_file_path), root / ABBREVIATIONS.parent]
    if config.theme.custom_dir:
        sources.append(Path(config.theme.custom_dir))
    sources.append(Path(str(resources.files("briefing.data"))))
    digest = site_wide_digest(sources)
    if _SERVING.site_wide is not None and digest != _SERVING.site_wide:
        log.info("briefing: a change that reaches every page: building them all")
        if _SERVING.indexer is not None:
            _SERVING.indexer.wait()
        empty(Path(config.site_dir))
    _SERVING.site_wide = digest


def on_files(files: Files, config: MkDocsConfig) -> Files:
    link_owned_files(files, config.docs_dir, in_owned_folder)
    if _SERVING.incremental:
        _SERVING.built = {os.path.normpath(f.abs_dest_path) for f in files}
    return files


@event_priority(-100)  # after every plugin that changes the Markdown: the key is what renders
def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Reuse the page's earlier rendering if nothing it depends on changed.

    Reused, the page is not rendered and :func:`on_page_content` puts the
    kept rendering in its place; otherwise
    the rendering is watched (links looked up, records logged) and kept."""
    if _SERVING.rendered is None:
        return markdown
    rendering = PageRendering.start(_SERVING.rendered, page, markdown, files)
    _SERVING.rendering = rendering
    return markdown if rendering.reused is None else ""


@event_priority(-100)  # after any plugin that reads the rendered page
def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Put a reused rendering in place; shelve the HTML compressed until its layout.

    MkDocs renders every page before it lays out any and would hold all
    their Markdown and HTML meanwhile (build/shelf.py). The title MkDocs
    took from the rendered page stays; an empty Markdown keeps it so."""
    _SERVING.pages.add(page.file.src_uri)
    rendering, _SERVING.rendering = _SERVING.rendering, None
    if rendering is not None:
        _SERVING.shelf.put_packed(page.file.src_uri, rendering.finish(html, page, files))
    else:
        _SERVING.shelf.put(page.file.src_uri, html)
    page.markdown = ""
    return ""


@event_priority(100)  # before any plugin (Material's search) reads the content
def on_page_context(
    context: TemplateContext, page: Page, config: MkDocsConfig, nav: Navigation
) -> TemplateContext:
    try:
        page.content = _SERVING.shelf.take(page.file.src_uri)
    except NotShelved as exc:
        raise PluginError(f"briefing: {exc.args[0]} was laid out before it was rendered") from exc
    return context


@event_priority(-100)  # after any plugin that reads the written page's content
def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    page.content = None  # written: its HTML is no longer needed
    return output


def on_post_build(config: MkDocsConfig) -> None:
    gc.unfreeze()
    if (rendered := _SERVING.rendered) is not None:
        if not _SERVING.dirty:  # every page was rendered or reused: the rest are gone
            rendered.prune(_SERVING.pages)
        if rendered.note:
            log.info("briefing: %s", rendered.note)
        reused = rendered.used
        log.info("briefing: %d page(s) rendered, %d reused", len(_SERVING.pages) - reused, reused)
    site = Path(config.site_dir)
    if _SERVING.incremental and (gone := remove_gone(site, _SERVING.built)):
        log.info("briefing: %d built file(s) of removed pages deleted", gone)
    if _SERVING.indexer is not None and (site / BUNDLE).is_dir():
        # Served, after the first build: the reload need not wait for search.
        _SERVING.indexer.request(site)
        return
    # A server builds into a new temporary folder each time: nothing to keep for it.
    kept = None
    if _SERVING.command == "build":
        kept = kept_folder(BuildConfig(root=_root(config)).search_indexes, site)
    try:
        index = index_site(site, kept)
    except BriefingError as exc:
        raise PluginError(f"briefing: {exc}") from exc
    if index.note:
        log.info("briefing: %s; indexing the site again", index.note)
    if index.reused == index.parts:
        log.info("briefing: pages unchanged: search index copied in %.1f s", index.seconds)
    else:
        copied = f", {index.reused} copied" if index.reused else ""
        log.info(
            "briefing: search index written in %.1f s (%d part(s) indexed%s)",
            index.seconds,
            index.parts - index.reused,
            copied,
        )


def _indexed(outcome: SearchIndex | BriefingError) -> None:
    if isinstance(outcome, BriefingError):
        log.error("briefing: %s", outcome)
    else:
        log.info("briefing: search index updated in %.1f s", outcome.seconds)


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
