"""Stage 5, render: articles, analyses and citations → Markdown pages, through Jinja templates.

:func:`render_pages` yields every generated page as text with its path
under ``docs/``, one at a time, so that the build can write each before the
next is made; writing them is the build's job.

The package's face: what the build and the website use. ``brief`` holds the
brief as pages see it and their order, ``environment`` the one Jinja
environment, ``pages`` every page in turn (``brief_pages`` a brief's own,
``archive``, ``lists`` and ``analysis`` the site-wide ones), ``sections``
the navigation.
"""

from __future__ import annotations

from .brief import Brief, newest_first
from .brief_pages import REDIRECTS
from .environment import GENERATED
from .pages import render_pages
from .sections import SECTIONS, navigation

__all__ = [
    "GENERATED",
    "REDIRECTS",
    "SECTIONS",
    "Brief",
    "navigation",
    "newest_first",
    "render_pages",
]
