"""The site address from mkdocs.yml, and the print-only citation of a text page."""

import datetime as dt
import textwrap
from pathlib import Path

import pytest

from briefing.errors import SiteConfigError
from briefing.model import Article
from briefing.render.cite import citation_line, print_meta
from briefing.siteconfig import site_url
from tests.conftest import ROOT, write


def article(**fields: object) -> Article:
    values: dict[str, object] = {
        "slug": "moscow-tehran",
        "source": "seeds/x.txt",
        "title": "Moscow and Tehran",
        "paragraphs": (),
        "publication": "Eurasia Daily Monitor",
        "volume": 8,
        "issue": 212,
    }
    return Article(**{**values, **fields})  # type: ignore[arg-type]


def test_site_url_follows_the_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    config = write(
        tmp_path / "mkdocs.yml",
        textwrap.dedent("""\
            site_name: x
            site_url: !ENV [SOME_SITE_URL, "https://a.example/base"]
            plugins:
              - offline:
                  enabled: !ENV [SOME_FLAG, false]
            """),
    )
    assert site_url(config) == "https://a.example/base/"
    monkeypatch.setenv("SOME_SITE_URL", "https://b.example/")
    assert site_url(config) == "https://b.example/"


def test_site_url_absent_or_unreadable(tmp_path: Path) -> None:
    assert site_url(tmp_path / "mkdocs.yml") is None
    assert site_url(write(tmp_path / "mkdocs.yml", "site_name: x\n")) is None
    with pytest.raises(SiteConfigError, match=r"mkdocs\.yml: cannot be read"):
        site_url(write(tmp_path / "mkdocs.yml", "site_url: [unclosed\n"))
    with pytest.raises(SiteConfigError, match="site_url must be text"):
        site_url(write(tmp_path / "mkdocs.yml", "site_url: 3\n"))


def test_project_site_url_is_read() -> None:
    assert (site_url(ROOT / "mkdocs.yml") or "").startswith("http")


def test_citation_line_with_author_and_date() -> None:
    line = citation_line(
        article(author="Stephen Blank", date=dt.date(2011, 11, 16)), "https://x.example/t/"
    )
    assert line == (
        "Stephen Blank, “Moscow and Tehran,” Eurasia Daily Monitor, vol. 8, no. 212 "
        "(November 16, 2011), https://x.example/t/."
    )


def test_citation_line_without_author_gives_the_year() -> None:
    bounds = (dt.date(2011, 11, 1), dt.date(2011, 12, 31))
    line = citation_line(article(date_bounds=bounds), "u")
    assert line == "“Moscow and Tehran,” Eurasia Daily Monitor, vol. 8, no. 212 (2011), u."


def test_print_meta_needs_a_site_url() -> None:
    assert print_meta(article(), None) is None
    meta = print_meta(article(), "https://x.example/site/")
    assert meta is not None
    assert meta.url == "https://x.example/site/briefs/moscow-tehran/text/"
    assert meta.citation.endswith(f", {meta.url}.")
