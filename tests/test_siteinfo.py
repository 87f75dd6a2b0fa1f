"""The site's name and address come from mkdocs.yml, as MkDocs reads it."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing.config import BuildConfig
from briefing.errors import SiteConfigError
from briefing.references.siteinfo import read_site, site_of, unset_address_note
from tests.conftest import ROOT, write


def test_site_url_follows_the_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    config = write(
        tmp_path / "mkdocs.yml",
        'site_name: Desk\nsite_url: !ENV [SOME_SITE_URL, "https://a.example/base"]\n',
    )
    monkeypatch.delenv("SOME_SITE_URL", raising=False)
    assert read_site(config).url == "https://a.example/base/"
    monkeypatch.setenv("SOME_SITE_URL", "https://b.example")
    assert read_site(config).url == "https://b.example/"
    assert read_site(config).name == "Desk"


def test_site_absent_or_unreadable(tmp_path: Path) -> None:
    assert read_site(tmp_path / "mkdocs.yml").url is None
    assert read_site(write(tmp_path / "mkdocs.yml", "site_name: x\n")).url is None
    with pytest.raises(SiteConfigError, match=r"mkdocs\.yml: cannot be read"):
        read_site(write(tmp_path / "mkdocs.yml", "site_url: [unclosed\n"))
    with pytest.raises(SiteConfigError, match="site_url must be text"):
        read_site(write(tmp_path / "mkdocs.yml", "site_url: 3\n"))


def test_build_config_wins_over_the_file(monkeypatch: pytest.MonkeyPatch) -> None:
    site = site_of(BuildConfig(root=ROOT, site_url="https://c.example", site_name="C"))
    assert (site.name, site.url) == ("C", "https://c.example/")
    monkeypatch.setenv("BRIEFING_SITE_URL", "https://d.example")
    assert site_of(BuildConfig(root=ROOT)).url == "https://d.example/"


def test_no_address_is_invented(monkeypatch: pytest.MonkeyPatch) -> None:
    # The project's mkdocs.yml reads the address from the environment, with no default.
    monkeypatch.delenv("BRIEFING_SITE_URL", raising=False)
    assert site_of(BuildConfig(root=ROOT)).url is None


def test_an_unset_address_is_noted_once_in_one_line(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("BRIEFING_SITE_URL", raising=False)
    note = unset_address_note(site_of(BuildConfig(root=ROOT)), briefs=1)
    assert note is not None and "\n" not in note
    assert "site_url in mkdocs.yml" in note and "BRIEFING_SITE_URL" in note
    # Nothing to say without pages that link to the site, or with an address.
    assert unset_address_note(site_of(BuildConfig(root=ROOT)), briefs=0) is None
    assert (
        unset_address_note(site_of(BuildConfig(root=ROOT, site_url="https://e.example")), 1) is None
    )


def test_a_build_reads_mkdocs_yml_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from briefing.build import build
    from briefing.harness.project import copy_project
    from briefing.references import siteinfo

    project = copy_project(ROOT, tmp_path / "p")
    reads: list[Path] = []
    settings = siteinfo._settings

    def counted(config_file: Path) -> dict[str, object] | None:
        reads.append(config_file)
        return settings(config_file)

    monkeypatch.setattr(siteinfo, "_settings", counted)
    assert not build(BuildConfig(root=project)).failed
    assert reads == [project / "mkdocs.yml"]  # one Settings for every stage
    reads.clear()
    assert build(BuildConfig(root=project)).unchanged and len(reads) == 1
