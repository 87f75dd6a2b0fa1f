"""The same corpus as other sites, for comparison with our build.

- the *floor*: our generated Markdown built by plain MkDocs, hook removed;
- *mkdocs-bibtex*: each article one page citing ``[@key]`` against a .bib;
- *plain footnotes*: the same pages with hand-written footnotes, no plugin.

Every configuration uses Material with ``navigation.prune``.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable, Iterable
from pathlib import Path

import yaml

from ..input.slug import slugify
from .corpus import CitedSource, SyntheticArticle

OUR_PLUGIN = re.compile(r"^[ \t]+- briefing[ \t]*\n", re.MULTILINE)
"""Our plugin's item in mkdocs.yml's ``plugins:`` list."""

PLAIN_CONFIG = """\
site_name: Bench
theme:
  name: material
  features: [navigation.prune]
plugins:
{plugins}
markdown_extensions:
  - footnotes
nav:
  - Home: index.md
"""
"""The comparison sites: the theme, search, footnotes; the articles are listed on
the home page and kept out of the navigation, as ours are (in the navigation,
every page would carry a link to every article)."""


def without_plugin(config_text: str) -> str:
    """Our mkdocs.yml without our plugin: plain MkDocs and its theme."""
    without = OUR_PLUGIN.sub("", config_text)
    if without == config_text:
        raise ValueError("mkdocs.yml lists no 'briefing' plugin to remove")
    return without


def floor_config(config_text: str, nav: list[dict[str, object]]) -> str:
    """Our mkdocs.yml without our plugin, with the navigation the plugin would set."""
    nav_text = yaml.safe_dump({"nav": nav}, allow_unicode=True, sort_keys=False)
    return without_plugin(config_text) + "\n" + nav_text


def citation_key(citation: CitedSource) -> str:
    return f"{slugify(citation.outlet)}-{citation.date.isoformat()}"


def write_bibtex_site(articles: Iterable[SyntheticArticle], root: Path) -> None:
    """A site for mkdocs-bibtex: ``[@key]`` citations and references.bib."""
    articles = list(articles)
    _pages(root, articles, lambda c, _n: f" [@{citation_key(c)}]", lambda _a: "")
    entries = {citation_key(c): c for a in articles for c in a.citations}
    (root / "references.bib").write_text(
        "".join(_bib_entry(key, c) for key, c in sorted(entries.items())), encoding="utf-8"
    )
    plugins = "  - search\n  - bibtex:\n      bib_file: references.bib\n"
    (root / "mkdocs.yml").write_text(PLAIN_CONFIG.format(plugins=plugins), encoding="utf-8")


def write_footnote_site(articles: Iterable[SyntheticArticle], root: Path) -> None:
    """The same pages with hand-written footnotes and no citation plugin."""
    _pages(root, list(articles), lambda _c, n: f"[^{n}]", _definitions)
    (root / "mkdocs.yml").write_text(PLAIN_CONFIG.format(plugins="  - search\n"), "utf-8")


def _definitions(article: SyntheticArticle) -> str:
    return "".join(
        f"[^{n}]: {c.outlet}, {_full_date(c)}.\n" for n, c in enumerate(article.citations, 1)
    )


def _full_date(citation: CitedSource) -> str:
    d = citation.date
    return f"{calendar.month_name[d.month]} {d.day}, {d.year}"


def _pages(
    root: Path,
    articles: list[SyntheticArticle],
    mark: Callable[[CitedSource, int], str],
    tail: Callable[[SyntheticArticle], str],
) -> None:
    docs = root / "docs" / "articles"
    docs.mkdir(parents=True, exist_ok=True)
    listing = "".join(f"- [{a.title}](articles/{a.name}.md)\n" for a in articles)
    (root / "docs" / "index.md").write_text(f"# Bench\n\n{listing}", encoding="utf-8")
    for article in articles:
        number, paragraphs = 0, []
        for paragraph in article.paragraphs:
            sentences = []
            for sentence in paragraph:
                if sentence.citation:
                    number += 1
                    note = mark(sentence.citation, number)
                    sentences.append(f"{sentence.text[:-1]}{note}.")
                else:
                    sentences.append(sentence.text)
            paragraphs.append(" ".join(sentences))
        body = "\n\n".join(paragraphs)
        text = f"# {article.title}\n\n{body}\n\n{tail(article)}"
        (docs / f"{article.name}.md").write_text(text, encoding="utf-8")


def _bib_entry(key: str, citation: CitedSource) -> str:
    d = citation.date
    return (
        f"@misc{{{key},\n  author = {{{{{citation.outlet}}}}},\n"
        f"  title = {{{citation.outlet}, {_full_date(citation)}}},\n"
        f"  year = {{{d.year}}},\n  month = {{{calendar.month_abbr[d.month].lower()}}},\n}}\n\n"
    )
