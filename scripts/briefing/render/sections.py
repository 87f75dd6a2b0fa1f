"""The site's sections: what its navigation lists."""

from __future__ import annotations

SECTIONS = (
    ("Home", "index.md"),
    ("Archive", "archive/index.md"),
    ("People", "people/index.md"),
    ("Outlets", "outlets/index.md"),
    ("Timeline", "timeline.md"),
    ("Tags", "tags.md"),
    ("Glossary", "glossary.md"),
    ("Bibliography", "bibliography.md"),
    ("Build report", "report.md"),
)
"""The site's sections, as its navigation lists them.

Briefs are not in the navigation: every page would carry the list, which
grows with the archive. The archive, tags, people and outlets lead to them."""


def navigation() -> list[dict[str, object]]:
    """The site's navigation in mkdocs.yml form: its sections, the same size at any archive size."""
    return [{title: path} for title, path in SECTIONS]
