"""The MkDocs side of kept renderings (build/rendered.py), and of files linked into the site.

What a page's rendering depends on besides its Markdown (the build's
settings, the links it looked up, what it logged), and what MkDocs keeps of
a rendered page (title, table of contents, anchors, links to anchors), so
that a kept rendering put in place of a new one leaves the page as MkDocs
would have left it. The hook calls :meth:`PageRendering.start` when a
page's Markdown is final and :meth:`PageRendering.finish` on its HTML.

:func:`link_owned_files` has MkDocs put the files only the build writes
into the site as hard links rather than copies.
"""

from __future__ import annotations

import csv
import functools
import logging
import os
import stat
from collections.abc import Callable
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink, get_toc

from ..build.staging import link_or_copy, new_file_mode
from ..config import BuildConfig
from .rendered import (
    LinkLookups,
    LogCapture,
    LogRecord,
    RenderCache,
    Rendered,
    Target,
    Unstable,
    replay,
    settings_digest,
    target,
)
from .shelf import pack

log = logging.getLogger("mkdocs.plugins.briefing")


@dataclass
class PageRendering:
    """One page's rendering: reused from the cache, or watched to be kept in it."""

    cache: RenderCache
    key: str
    reused: Rendered | None
    lookups: LinkLookups | None = None
    log: LogCapture | None = None
    page: Page | None = None
    """A reused page, whose Markdown is not rendered at all."""

    @classmethod
    def start(cls, cache: RenderCache, page: Page, markdown: str, files: Files) -> PageRendering:
        file = page.file
        where = f"{file.dest_uri}\0{file.url}\0{file.inclusion.name}"
        key = cache.key(file.src_uri, where, markdown)
        reused = cache.get(file.src_uri, key, lambda path: target(files.get_file_from_path(path)))
        if reused is not None:
            # MkDocs renders the page next: for a reused one, nothing to do
            # (setting up the Markdown extensions cost a second at 1,000 briefs).
            page.render = functools.partial(_reused, page)  # type: ignore[method-assign]
            return cls(cache, key, reused, page=page)
        # MkDocs resolves a page's links through this method of ``files``:
        # shadowed for the page's rendering, it records the paths they looked up.
        lookups = LinkLookups(files.get_file_from_path)
        files.get_file_from_path = lookups  # type: ignore[method-assign]
        return cls(cache, key, None, lookups, LogCapture([logging.getLogger("mkdocs")]))

    def finish(self, html: str | None, page: Page, files: Files) -> bytes:
        """The page's HTML, packed for the shelf: the reused one, with what
        MkDocs keeps of it set on the page, or ``html``, kept."""
        if self.reused is None:
            lookups, records = self.abandon()
            packed = pack(html or "")
            self.cache.put(page.file.src_uri, self.key, _kept(packed, page, lookups, records))
            return packed
        self.abandon()
        reused = self.reused
        page.toc = get_toc(reused.toc)  # type: ignore[arg-type]
        page._title_from_render = reused.title  # what Page.title reads after a render
        page.present_anchor_ids = set(reused.anchors)
        page.links_to_anchors = (
            None
            if reused.links is None
            else {
                found: links
                for path, links in reused.links.items()
                if (found := files.get_file_from_path(path)) is not None
            }
        )
        replay(reused.log)
        return reused.packed

    def abandon(self) -> tuple[dict[str, Target], list[LogRecord]]:
        """Stop watching the rendering; what it looked up and logged."""
        if self.page is not None:
            vars(self.page).pop("render", None)
        if self.lookups is not None:
            files = getattr(self.lookups.lookup, "__self__", None)
            if files is not None and "get_file_from_path" in vars(files):
                del files.get_file_from_path
        records = self.log.stop() if self.log is not None else []
        return (self.lookups.seen if self.lookups is not None else {}), records


def link_owned_files(files: Files, docs: str, owned: Callable[[str], bool]) -> int:
    """Put each file the build owns (``owned`` of its path in ``docs``) in the site as a hard link.

    MkDocs copies every file that is not a page, some 8,000 at 1,000 briefs
    (memo documents, downloads, redirect pages), writing their bytes again
    on every build. The build never writes into a file of docs/, it replaces
    it (build/staging.py), so a link in the site keeps the bytes it was built
    with. Hand-written files, which an editor may change in place, files
    from elsewhere (the theme's) and files a plugin gave content are still
    copied. How many files will be linked."""
    count = 0
    top = os.path.abspath(docs) + os.sep
    for file in files:
        if file.is_documentation_page() or file.generated_by or not file.abs_src_path:
            continue
        if getattr(file, "_content", None) is not None:  # set by a plugin: MkDocs writes it
            continue
        if owned(file.src_uri) and os.path.abspath(file.abs_src_path).startswith(top):
            file.copy_file = functools.partial(_link, file)  # type: ignore[method-assign]
            count += 1
    return count


def _link(file: File, dirty: bool = False) -> None:
    """``file.copy_file`` by hard link, where the site's file gets what a copy would.

    A copy where no link can be made (another disk), or where the source's
    permissions are not those of a new file (a copy gets those)."""
    source, target = str(file.abs_src_path), file.abs_dest_path
    try:
        found = os.stat(source)
    except OSError:
        found = None
    if found is None or stat.S_IMODE(found.st_mode) != new_file_mode():
        File.copy_file(file, dirty)
        return
    try:
        there = os.stat(target)
    except FileNotFoundError:
        there = None
    if there is not None and (there.st_dev, there.st_ino) == (found.st_dev, found.st_ino):
        return  # linked by an earlier build and unchanged since
    link_or_copy(source, target)


def _reused(page: Page, config: MkDocsConfig, files: Files) -> None:
    """A reused page's render: its HTML and what MkDocs reads of it come from the cache."""
    page.content = ""


def _kept(
    packed: bytes, page: Page, lookups: dict[str, Target], records: list[LogRecord]
) -> Rendered:
    links = page.links_to_anchors
    return Rendered(
        packed=packed,
        title=page._title_from_render,
        toc=[_token(link) for link in page.toc or ()],
        anchors=sorted(page.present_anchor_ids or ()),
        links=None if links is None else {f.src_uri: dict(a) for f, a in links.items()},
        lookups=lookups,
        log=records,
    )


def _token(link: AnchorLink) -> dict[str, object]:
    """A table-of-contents entry as Python-Markdown gave it to MkDocs."""
    children = [_token(child) for child in link.children]
    return {"level": link.level, "id": link.id, "name": link.title, "children": children}


def render_cache(
    config: MkDocsConfig, root: Path, ours: tuple[Callable[..., Any], ...]
) -> RenderCache | None:
    """The kept renderings for this build's settings; None to render every page.

    ``ours``: the hook's handlers of rendered pages; with any other, nothing is kept."""
    others = [
        method
        for event in ("page_content", "page_markdown")
        for method in config.plugins.events[event]
        if method not in ours
    ]
    if others:  # a plugin could read or change a page between rendering and the cache
        log.info("briefing: another plugin handles rendered pages: every page rendered")
        return None
    snippets = config.mdx_configs.get("pymdownx.snippets", {})
    settings = {
        "extensions": config.markdown_extensions,
        "configs": config.mdx_configs,
        "directory_urls": config.use_directory_urls,
        "validation": config.validation.links,
        "anchor_links": logging.getLogger("mkdocs").getEffectiveLevel() > logging.DEBUG,
    }
    try:
        digest = settings_digest(
            settings, [Path(p) for p in snippets.get("base_path", [])], _versions(config)
        )
    except Unstable as exc:
        log.info("briefing: every page rendered: a Markdown setting differs between runs: %s", exc)
        return None
    return RenderCache(BuildConfig(root=root).rendered_pages, digest)


def _versions(config: MkDocsConfig) -> dict[str, str]:
    """Versions of the packages that turn a page's Markdown into HTML."""
    modules = {"markdown", "mkdocs"} | {
        name.split(".")[0] for name in config.markdown_extensions if isinstance(name, str)
    }
    return dict(_installed(frozenset(modules)))


@functools.cache  # what is installed does not change while a server runs
def _installed(modules: frozenset[str]) -> tuple[tuple[str, str], ...]:
    """Each distribution providing one of ``modules``, with its version: as
    ``importlib.metadata.packages_distributions()`` finds them, without making
    an object of every file of every installed package (0.2–0.4 s a build)."""
    names = {
        dist.metadata["Name"] for dist in metadata.distributions() if modules & _top_level(dist)
    }
    return tuple((name, metadata.version(name)) for name in sorted(names))


def _top_level(dist: metadata.Distribution) -> set[str]:
    """The modules ``dist`` puts at the top level: declared, else those of its
    ``.py`` files (the rule of ``packages_distributions``)."""
    declared = dist.read_text("top_level.txt")
    if declared:
        return set(declared.split())
    record = dist.read_text("RECORD")
    if record is None:
        files = dist.files or ()
        return {f.parts[0] if len(f.parts) > 1 else f.stem for f in files if f.suffix == ".py"}
    names = set()
    for row in csv.reader(record.splitlines()):
        if row and row[0].endswith(".py"):
            first, slash, _ = row[0].partition("/")
            names.add(first if slash else first.removesuffix(".py"))
    return names
