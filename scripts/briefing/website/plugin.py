"""The MkDocs plugin: run the conversion before each build, index the site after it.

``mkdocs build`` and ``mkdocs serve`` call :meth:`BriefingPlugin.on_config`;
it runs the same ``build()`` as ``briefing build`` and, unless mkdocs.yml has
a ``nav``, sets the navigation to the site's sections (briefs are reached
from the home page and the archive, so the navigation does not grow with
them). Only changed files are written, so the pages it writes trigger at
most one more rebuild under ``serve``. Seed warnings are logged; seed errors
fail the build.

None of this is needed for a complete site: ``briefing build`` then a plain
``mkdocs build`` without this plugin, then ``briefing search site/``, make
the same pages (README, "Platform"). The plugin adds speed and keeps
``briefing serve`` right:

- a page whose Markdown and links are as in an earlier build is not
  rendered again: :meth:`on_page_markdown` finds its kept rendering
  (:mod:`.rendered`) and :meth:`on_page_content` puts it in place;
- :meth:`on_post_build` indexes the written site with Pagefind, or copies in
  the last index of the same site folder if no page changed. The ``file://``
  bundle is indexed too: opened from disk it searches with Material's own
  index, served over http it switches to Pagefind (overrides/main.html);
- :meth:`on_post_build` writes ``sitemap.xml.gz`` again without the build's
  time in its header (:mod:`.sitemap`): same seeds, same bytes, any day;
- under ``briefing serve`` (``mkdocs serve --dirty``) an edit rebuilds only
  the pages whose Markdown the conversion rewrote. When anything but seeds
  changed (mkdocs.yml, the theme overrides, the glossary include, the data
  files) the site folder is emptied so that every page is built again; the
  built files of pages that are gone are removed; and the site is indexed in
  the background, so the page reloads without waiting for search.

One build at a time per project: the conversion takes the project's lock
(build/lock.py) and the build keeps it to its end. ``mkdocs build`` stops
when another build holds it; ``mkdocs serve`` waits for that build.

MkDocs keeps one instance of the plugin for the whole of ``mkdocs serve``
(it has :meth:`on_startup`): what one build leaves for the next is on it.
"""

from __future__ import annotations

import gc
import logging
import os
from importlib import resources
from pathlib import Path
from typing import Literal

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

from ..analysis.glossary import ABBREVIATIONS
from ..build import build, forget_caches, hand_written
from ..build.lock import BuildLock, Holder, hold
from ..build.memory import Memory
from ..build.owned import in_owned_folder
from ..compiled_templates import CompiledTemplates, compiled_templates
from ..config import BuildConfig
from ..errors import BriefingError, BuildFailed
from ..progress import LineProgress
from ..references.siteinfo import unset_address_note
from ..render import navigation
from .pages import PageRendering, link_owned_files, render_cache
from .preview import BACKLOG
from .rendered import RenderCache
from .search import (
    BUNDLE,
    DISK_SEARCH_BRIEFS,
    BackgroundIndexer,
    SearchIndex,
    index_site,
    kept_folder,
)
from .served import empty, remove_gone, site_wide_digest
from .shelf import NotShelved, Shelf
from .sitemap import steady_sitemap_gzip

log = logging.getLogger("mkdocs.plugins.briefing")

DIRTY_WARNING = "A 'dirty' build is being performed"
"""MkDocs' warning on every dirty build: stale navigation and links. Not so here:
the navigation holds the sections only, and the plugin rebuilds every page
when a change reaches them all."""

FRESH = "BRIEFING_FRESH"
"""Set to ``true``, the first build of an ``mkdocs`` run forgets every cache
(as ``briefing build --fresh`` does)."""


class BriefingPlugin(BasePlugin):  # type: ignore[type-arg,no-untyped-call]
    """The site's conversion, page reuse and search index, around MkDocs' build."""

    def __init__(self) -> None:
        self.command = "build"
        self.dirty = False
        self.fresh = os.environ.get(FRESH, "").lower() in {"1", "true", "yes"}
        self.site_wide: str | None = None
        """Digest of what every page depends on, as of the last build."""
        self.built: set[str] = set()
        """The site files the current build's sources stand for."""
        self.indexer: BackgroundIndexer | None = None
        self.shelf = Shelf()
        """The current build's rendered pages, between rendering and layout."""
        self.rendered: RenderCache | None = None
        """Pages rendered by earlier builds (:mod:`.rendered`); None: render every page."""
        self.rendering: PageRendering | None = None
        """The page being rendered: what it is to be stored or replaced with."""
        self.pages: set[str] = set()
        """Source paths of the pages the current build rendered or reused."""
        self.lock: BuildLock | None = None
        """The project's build lock, held from the conversion to the end of the build."""
        self.templates: CompiledTemplates | None = None
        """Where the theme's compiled templates are kept; None: compiled in memory."""
        self.address_noted = False
        """Whether this process said that the site's address is not set (once is enough)."""

    def release(self) -> None:
        if self.lock is not None:
            self.lock.release()
            self.lock = None

    @property
    def incremental(self) -> bool:
        return self.command == "serve" and self.dirty

    def on_startup(self, *, command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
        self.command, self.dirty = command, dirty
        if command == "serve":
            self.indexer = BackgroundIndexer(_indexed)
        if self.incremental:
            logging.getLogger("mkdocs.commands.build").addFilter(
                lambda record: not record.getMessage().startswith(DIRTY_WARNING)
            )

    def on_build_error(self, *, error: Exception) -> None:
        self.release()
        gc.unfreeze()
        self.shelf.clear()
        if self.rendering is not None:
            self.rendering.abandon()
            self.rendering = None

    def on_shutdown(self) -> None:
        self.release()
        if self.indexer is not None:
            self.indexer.close()

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self.shelf.clear()
        self.pages.clear()
        root = _root(config)
        if "pymdownx.snippets" in config.mdx_configs:  # read the glossary wherever mkdocs runs
            snippets = config.mdx_configs["pymdownx.snippets"]
            snippets["base_path"] = [str(root / ABBREVIATIONS.parent)]
        settings = BuildConfig(root=root, docs_dir=config.docs_dir, site_name=config.site_name)
        self._hold_lock(settings)
        fresh, self.fresh = self.fresh, False  # the first build only: a server's next reuse
        if fresh:
            log.info("briefing: %s: every cache forgotten", FRESH)
            forget_caches(settings)
        self.templates = self.templates or compiled_templates()
        try:
            # Only a server builds again in this process: a one-off build keeps nothing.
            result = build(
                settings,
                progress=LineProgress(lambda line: log.info("briefing: %s", line)),
                memory=None if self.command == "serve" else Memory.none(),
            )
        except (BriefingError, BuildFailed) as exc:
            raise PluginError(f"briefing: {exc}") from exc
        if result.failed:
            errors = "\n".join(str(f.error) for f in result.failed)
            raise PluginError(f"briefing: the other seeds' pages were written, but:\n{errors}")
        for note in result.notes:
            log.info("briefing: %s", note)
        address = unset_address_note(result.site, len(result.briefs))
        if address and not self.address_noted:
            # INFO, not a warning: `mkdocs build --strict` builds a site without an address.
            log.info("briefing: %s", address)
            self.address_noted = True
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
        self.rendered = render_cache(config, root, (self.on_page_content, self.on_page_markdown))
        if self.incremental:
            self._rebuild_all_when_needed(config, root)
        limit = config.extra.get("disk_search_briefs", DISK_SEARCH_BRIEFS)
        if _material_search(config) and len(result.briefs) > limit:
            # The file:// bundle tells its readers how to search a large archive fast.
            config.extra["briefing_slow_disk_search"] = len(result.briefs)
        if self.command == "serve":
            # The last build's texts and seeds stay on the heap for the next one; while
            # MkDocs renders, collections would walk them all (a second at 1,000 briefs).
            gc.freeze()
        return config

    def _hold_lock(self, project: BuildConfig) -> None:
        """One build at a time per project: a server waits for the other build, a build stops."""
        self.release()
        try:
            self.lock = hold(
                project.lock, wait=self.command == "serve", waiting=_waiting, advice=None
            )
        except BriefingError as exc:
            raise PluginError(f"briefing: {exc}") from exc
        if self.lock.stale is not None:
            log.info(
                "briefing: an earlier build (%s) ended without its lock released", self.lock.stale
            )

    def _rebuild_all_when_needed(self, config: MkDocsConfig, root: Path) -> None:
        """Empty the site folder when a change reaches every page, not only a seed's."""
        sources = [Path(config.config_file_path), root / ABBREVIATIONS.parent]
        if config.theme.custom_dir:
            sources.append(Path(config.theme.custom_dir))
        sources.append(Path(str(resources.files("briefing.data"))))
        digest = site_wide_digest(sources)
        if self.site_wide is not None and digest != self.site_wide:
            log.info("briefing: a change that reaches every page: building them all")
            if self.indexer is not None:
                self.indexer.wait()
            empty(Path(config.site_dir))
        self.site_wide = digest

    def on_env(self, env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
        """Lay pages out with the theme's templates as compiled by an earlier build."""
        env.bytecode_cache = self.templates
        return env

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        link_owned_files(files, config.docs_dir, in_owned_folder)
        if self.incremental:
            self.built = {os.path.normpath(f.abs_dest_path) for f in files}
        return files

    @event_priority(-100)  # after every plugin that changes the Markdown: the key is what renders
    def on_page_markdown(
        self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        """Reuse the page's earlier rendering if nothing it depends on changed.

        Reused, the page is not rendered and :meth:`on_page_content` puts the
        kept rendering in its place; otherwise the rendering is watched
        (links looked up, records logged) and kept."""
        if self.rendered is None:
            return markdown
        rendering = PageRendering.start(self.rendered, page, markdown, files)
        self.rendering = rendering
        return markdown if rendering.reused is None else ""

    @event_priority(-100)  # after any plugin that reads the rendered page
    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        """Put a reused rendering in place; shelve the HTML compressed until its layout.

        MkDocs renders every page before it lays out any and would hold all
        their Markdown and HTML meanwhile (:mod:`.shelf`). The title MkDocs
        took from the rendered page stays; an empty Markdown keeps it so."""
        self.pages.add(page.file.src_uri)
        rendering, self.rendering = self.rendering, None
        if rendering is not None:
            self.shelf.put_packed(page.file.src_uri, rendering.finish(html, page, files))
        else:
            self.shelf.put(page.file.src_uri, html)
        page.markdown = ""
        return ""

    @event_priority(100)  # before any plugin (Material's search) reads the content
    def on_page_context(
        self, context: TemplateContext, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext:
        try:
            page.content = self.shelf.take(page.file.src_uri)
        except NotShelved as exc:
            message = f"briefing: {exc.args[0]} was laid out before it was rendered"
            raise PluginError(message) from exc
        return context

    @event_priority(-100)  # after any plugin that reads the written page's content
    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        page.content = None  # written: its HTML is no longer needed
        return output

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        try:
            self._post_build(config)
        finally:
            self.release()

    def _post_build(self, config: MkDocsConfig) -> None:
        gc.unfreeze()
        if (rendered := self.rendered) is not None:
            if not self.dirty:  # every page was rendered or reused: the rest are gone
                rendered.prune(self.pages)
            if rendered.note:
                log.info("briefing: %s", rendered.note)
            reused = rendered.used
            log.info("briefing: %d page(s) rendered, %d reused", len(self.pages) - reused, reused)
        site = Path(config.site_dir)
        steady_sitemap_gzip(site)
        if self.incremental and (gone := remove_gone(site, self.built)):
            log.info("briefing: %d built file(s) of removed pages deleted", gone)
        if self.indexer is not None and (site / BUNDLE).is_dir():
            # Served, after the first build: the reload need not wait for search.
            self.indexer.request(site)
            return
        # A server builds into a new temporary folder each time: nothing to keep for it.
        kept = None
        if self.command == "build":
            kept = kept_folder(BuildConfig(root=_root(config)).search_indexes, site)
        try:
            index = index_site(site, kept)
        except BriefingError as exc:
            raise PluginError(f"briefing: {exc}") from exc
        _report(index)

    def on_serve(
        self, server: LiveReloadServer, *, config: MkDocsConfig, builder: object
    ) -> LiveReloadServer:
        """Watch what the conversion reads, not the pages it writes.

        Each build converts the seeds and writes the pages that changed into
        docs/; watched as a whole, docs/ would then set off a second build.
        The seeds (mkdocs.yml's ``watch``), the data files and the
        hand-written parts of docs/ (assets, pages of one's own) are what a
        change comes from."""
        # Many readers at once: MkDocs listens with a queue of 5 waiting connections,
        # beyond which connections are dropped and retried a second or more later.
        server.request_queue_size = BACKLOG  # read when MkDocs starts listening, after this
        server.unwatch(config.docs_dir)
        for entry in hand_written(BuildConfig(root=_root(config), docs_dir=config.docs_dir)):
            server.watch(str(entry))
        server.watch(str(resources.files("briefing.data")))
        return server


def _root(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path).resolve().parent


def _material_search(config: MkDocsConfig) -> bool:
    """Whether Material's own search is on: the file:// bundle (`make offline`)."""
    plugin = config.plugins.get("material/search")
    return plugin is not None and bool(plugin.config.enabled)


def _report(index: SearchIndex) -> None:
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


def _waiting(holder: Holder | None) -> None:
    who = f" ({holder})" if holder is not None else ""
    log.info("briefing: waiting for another build%s of this project to finish", who)


def _indexed(outcome: SearchIndex | BriefingError) -> None:
    if isinstance(outcome, BriefingError):
        log.error("briefing: %s", outcome)
    else:
        log.info("briefing: search index updated in %.1f s", outcome.seconds)
