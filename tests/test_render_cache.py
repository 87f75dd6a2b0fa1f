"""Texts reused from the last build in the same process are the texts a cold build writes.

One project is built again and again in this process, keeping what it
rendered (as ``mkdocs serve``'s hook does); after each edit its outputs are
compared byte for byte with a cold build of a fresh copy (no cache on disk,
nothing in memory). The edits are those whose effect crosses briefs: a
seed's text, a date that reorders neighbours, a person who gains a profile,
a list that gains parts, the registry and the glossary.
"""

from __future__ import annotations

import dataclasses
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jinja2
import pytest

import briefing.build as building
from briefing.analysis.gazetteer import load_gazetteer
from briefing.analysis.glossary import GlossaryEntry, load_glossary
from briefing.analysis.records import EntityKind
from briefing.bench.corpus import FIRST_YEAR, write_corpus
from briefing.build import BuildResult, build, load_cache
from briefing.build.memory import Memory
from briefing.citations.registry import Registry, load_registry
from briefing.config import BuildConfig
from briefing.harness.project import copy_project
from briefing.keyed import TextCache, digest, kept, salt
from briefing.references.citeproc import STYLES, FormatCache
from briefing.references.csl import Item
from briefing.references.titles import proper_nouns
from briefing.render import lists, newest_first, parts
from briefing.render.parts import tag_path

ROOT = Path(__file__).resolve().parents[1]

BRIEFS = 8
"""Few enough that the bibliography is one page until the long seed below comes."""


def _project(root: Path) -> Path:
    project = copy_project(ROOT, root, seeds=[])
    config = project / "mkdocs.yml"
    text = config.read_text("utf-8")
    config.write_text(text.replace("extra:\n", "extra:\n  briefing:\n    memos: false\n", 1))
    return project


def _outputs(project: Path) -> dict[str, bytes]:
    """Every file a build wrote, by its path in the project."""
    files = [*(project / "docs").rglob("*"), project / "references.bib"]
    files += (project / "includes").rglob("*")
    return {
        str(p.relative_to(project)): p.read_bytes()
        for p in files
        if p.is_file() and "assets" not in p.relative_to(project).parts
    }


class Builds:
    """A project built warm (one memory, its caches kept) and compared with cold builds."""

    def __init__(self, tmp: Path) -> None:
        self.tmp = tmp
        self.warm = _project(tmp / "warm")
        self.memory = Memory()
        self.registry = load_registry()
        self.cold_builds = 0

    @property
    def seeds(self) -> Path:
        return self.warm / "seeds"

    def check(self) -> BuildResult:
        """Build warm, build a cold copy, and compare every output byte for byte."""
        result = build(BuildConfig(root=self.warm), self.registry, memory=self.memory)
        assert not result.failed
        self.cold_builds += 1
        cold = _project(self.tmp / f"cold-{self.cold_builds}")
        shutil.rmtree(cold / "seeds")
        shutil.copytree(self.seeds, cold / "seeds")
        build(BuildConfig(root=cold), self.registry, memory=Memory())
        warm, fresh = _outputs(self.warm), _outputs(cold)
        assert sorted(warm) == sorted(fresh)
        differing = [name for name in fresh if warm[name] != fresh[name]]
        assert differing == []
        return result


@pytest.fixture(scope="module")
def builds(tmp_path_factory: pytest.TempPathFactory) -> Builds:
    made = Builds(tmp_path_factory.mktemp("render-cache"))
    write_corpus(BRIEFS, made.seeds, 3, made.registry)
    made.check()
    assert made.memory.texts.made > 0
    return made


def _seeds(builds: Builds) -> list[Path]:
    return sorted(builds.seeds.glob("*.txt"))


def _append(seed: Path, text: str) -> None:
    seed.write_text(seed.read_text("utf-8").rstrip("\n") + "\n\n" + text + "\n", "utf-8")


def test_an_edit_renders_only_what_it_touches(builds: Builds) -> None:
    kept = len(builds.memory.texts.current)
    _append(_seeds(builds)[0], "Nothing else changes here (Interfax, March 3).")
    builds.check()
    texts = builds.memory.texts
    assert 0 < texts.made < texts.reused  # the edited brief and what it touches, not the rest
    assert len(texts.current) <= kept + 2  # the new source's entry and citation file; no growth


def test_an_edit_renders_again_only_the_lists_parts_holding_its_brief(builds: Builds) -> None:
    """Tag pages and timeline parts that do not list the edited brief are kept, not rendered."""
    seed = _seeds(builds)[4]
    with pytest.MonkeyPatch.context() as patch:
        for module in (lists, parts):
            patch.setattr(module, "ROWS_PER_PAGE", 4)  # the timeline in parts by year
        _append(seed, "The talks resumed.")  # so that the split is built
        builds.check()
        _append(seed, "The talks resumed again.")
        rendered, result = _lists_rendered(builds)
        timeline = list((builds.warm / "docs" / "timeline").rglob("*.md"))
    (brief,) = [b for b in result.briefs if Path(b.article.source).name == seed.name]
    tags = sorted(p for p in rendered if p.startswith("tags/"))
    assert tags == sorted({tag_path(topic) for topic in brief.topics})
    # Every part listing the brief, and the parts its new event shifted, and no others.
    years = {p for p in rendered if p.startswith("timeline/")}
    holding = {p for p in timeline if f"briefs/{brief.article.slug}/" in p.read_text("utf-8")}
    listing = {str(p.relative_to(builds.warm / "docs")) for p in holding}
    assert listing <= years and len(years) < len(timeline)
    assert {p.split("/")[1].removesuffix(".md") for p in years - listing} <= {
        p.split("/")[1].removesuffix(".md") for p in listing
    }
    _append(seed, "The talks ended.")  # built again without the split
    builds.check()


def _lists_rendered(builds: Builds) -> tuple[list[str], BuildResult]:
    """The tag pages and timeline parts rendered by a warm build, checked against a cold one."""
    rendered: list[str] = []
    render = jinja2.Template.render

    def counting(self: jinja2.Template, *args: Any, **values: Any) -> str:
        if self.name in {"tag.md.j2", "timeline.md.j2"}:
            rendered.append(values["part"].path)
        return render(self, *args, **values)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(jinja2.Template, "render", counting)
        result = build(BuildConfig(root=builds.warm), builds.registry, memory=builds.memory)
    builds.check()
    return rendered, result


def test_an_edit_formats_only_its_own_citations(builds: Builds) -> None:
    """The other briefs and sources keep their formatted citations: not even keyed again."""
    keyed: list[str] = []
    key = FormatCache.key

    def counting(signature: str, item: Item, locator: str) -> str:
        keyed.append(str(item["id"]))
        return key(signature, item, locator)

    seed = _seeds(builds)[2]
    _append(seed, "The ministry spoke again (Interfax, March 4).")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(FormatCache, "key", staticmethod(counting))
        build(BuildConfig(root=builds.warm), builds.registry, memory=builds.memory)
    builds.check()
    units = builds.memory.citing.units.items()
    brief = next(u for (kind, _), u in units if kind == "brief" and _seed_of(u) == seed.name)
    assert brief.pin is not None
    own = {str(brief.item["id"]), str(brief.pin["id"])}
    # The brief and its pinpoint in each style, and the one new source in Chicago's;
    # the brief and the source each cited again too, for Chicago's short note.
    assert len(keyed) == 2 * len(STYLES) + 1 + 2
    (new,) = set(keyed) - own
    assert new.startswith("interfax-") and new.endswith("-03-04")


def _seed_of(unit: Any) -> str:
    """The file name of the seed a brief's unit was made from."""
    return Path(unit.source[0].source).name


def test_a_lost_citation_cache_is_saved_whole_again(builds: Builds) -> None:
    """Entries reused from memory are written again: as many as a cold build saves."""
    cache = BuildConfig(root=builds.warm).cache
    cache.unlink()
    _append(_seeds(builds)[3], "The ministry spoke once more (TASS, May 6).")
    builds.check()
    cold = BuildConfig(root=builds.tmp / f"cold-{builds.cold_builds}").cache
    assert load_cache(cache).entries == load_cache(cold).entries


def test_a_sidecar_date_that_reorders_neighbours(builds: Builds) -> None:
    before = _order(builds.check())
    seed = _seeds(builds)[-1]  # the newest: named by year, it becomes the oldest
    sidecar = seed.with_suffix(".yml")
    lines = sidecar.read_text("utf-8").splitlines() if sidecar.exists() else []
    lines = [line for line in lines if not line.startswith("date:")]
    date = f"date: {FIRST_YEAR}-01-02"
    sidecar.write_text("\n".join([*lines, date]) + "\n", "utf-8")
    assert _order(builds.check()) != before


def _order(result: BuildResult) -> list[str]:
    return [b.article.slug for b in sorted(result.briefs, key=newest_first)]


def test_a_person_named_in_a_second_brief_gains_a_profile(builds: Builds) -> None:
    text = " ".join(seed.read_text("utf-8") for seed in _seeds(builds))
    people = load_gazetteer().of_kind(EntityKind.PERSON)
    person = next(p for p in people if p.name not in text and p.name.split()[-1] not in text)
    first, second = _seeds(builds)[1:3]
    said = f"{person.name} said that the talks had failed (TASS, May 5)."
    _append(first, said)
    builds.check()
    profile = builds.warm / "docs" / "people" / f"{person.id}.md"
    assert not profile.exists()
    _append(second, said)
    builds.check()
    assert profile.exists()
    # A role given in one of the briefs later: the profile kept from the last build is not reused.
    role = "head of the delegation"
    _append(first, f"{person.name}, the {role}, left early (TASS, May 6).")
    builds.check()
    assert role in profile.read_text("utf-8")


def test_a_long_seed_splits_the_bibliography(builds: Builds) -> None:
    bibliography = builds.warm / "docs" / "bibliography"
    assert not bibliography.exists()  # one page (a test before split it for a while)
    dates = [f"(Xinhua, {month} {day})" for month in ("May", "June") for day in range(1, 29)]
    dates += [
        f"(Yonhap, {month} {day})" for month in ("May", "June", "July") for day in range(1, 29)
    ]
    text = " ".join(f"Officials spoke again {d}." for d in dates)
    (builds.seeds / "edm-2012-9-10-long.txt").write_text(
        "A Long Record Of Statements\n\n"
        "Publication: Eurasia Daily Monitor Volume: 9 Issue: 10\n\n" + text + "\n",
        "utf-8",
    )
    builds.check()
    assert (bibliography / "x.md").exists()


def test_an_edited_registry_entry(builds: Builds) -> None:
    # Cited here, whatever the tests before this one added.
    _append(_seeds(builds)[1], "Officials spoke (TASS, May 2) and again (Xinhua, May 3).")
    builds.check()
    cited = {o.id for o in builds.registry.outlets if o.name in {"TASS", "Xinhua"}}
    assert cited
    builds.registry = Registry.from_outlets(
        dataclasses.replace(o, country="GB") if o.id in cited else o
        for o in builds.registry.outlets
    )
    assert builds.check().changed


def test_an_edited_glossary(builds: Builds, monkeypatch: pytest.MonkeyPatch) -> None:
    titles = [seed.read_text("utf-8").split("\n")[0] for seed in _seeds(builds)]
    known = set(proper_nouns(load_gazetteer(), load_glossary()).names)
    words = {w for title in titles for w in title.split()[1:] if w.isalpha() and w not in known}
    term = sorted(w for w in words if w[:1].isupper())[0]
    glossary = (*load_glossary(), GlossaryEntry(term, "A word the titles use."))
    monkeypatch.setattr(building, "load_glossary", lambda: glossary)
    # A glossary file edited changes the package's digest, which every cache
    # holds; patched in memory, it must be caught by the texts' own inputs.
    (builds.warm / ".cache" / "briefing" / "outputs.json").unlink()
    assert builds.warm / "references.bib" in builds.check().changed  # the term now in braces


def test_a_cache_serves_only_the_build_after_it() -> None:
    made: list[str] = []

    def make(text: str) -> Callable[[], str]:
        def made_now() -> str:
            made.append(text)
            return text

        return made_now

    first = TextCache("package 1")
    assert first.text("page", ("a",), make("A")) == "A"
    assert first.text("page", ("b",), make("B")) == "B"
    second = first.next("package 1")
    assert second.text("page", ("a",), make("A again")) == "A"
    assert second.text("other", ("a",), make("other")) == "other"
    assert made == ["A", "B", "other"]
    third = second.next("package 1")
    assert third.previous.keys() == second.current.keys()  # "b" was not used: dropped
    assert third.text("page", ("b",), make("B")) == "B" and made[-1] == "B"
    assert TextCache("package 1").next("package 2").previous == {}
    changed = second.next("package 2")
    assert changed.text("page", ("a",), make("A2")) == "A2"


def test_a_cache_that_keeps_nothing_makes_every_text() -> None:
    forgetful = TextCache("package 1", keep=False)
    assert forgetful.text("page", ("a",), lambda: "A") == "A"
    assert forgetful.text("page", ("a",), lambda: "A, made again") == "A, made again"
    assert forgetful.current == {} and forgetful.made == 2
    assert not forgetful.next("package 1").keep


def test_texts_are_kept_in_the_active_cache_only_while_it_is_active() -> None:
    made: list[str] = []

    def make() -> str:
        made.append("A")
        return "A"

    assert kept("page", ("a",), make) == "A" and digest(("a",)) == b"" and salt() == ""
    outer, inner = TextCache("outer"), TextCache("inner")
    with outer.active():
        assert kept("page", ("a",), make) == kept("page", ("a",), make) == "A"
        assert salt() == "outer" and digest(("a",)) != b""
        with inner.active():
            assert kept("page", ("a",), make) == "A" and salt() == "inner"
        assert salt() == "outer"
    assert kept("page", ("a",), make) == "A" and salt() == ""
    # Once in the outer cache, once in the inner, and once with none active.
    assert len(made) == 4 and outer.made == 1 and inner.made == 1


def test_a_servers_first_build_renders_even_when_nothing_changed(tmp_path: Path) -> None:
    """Otherwise its first edit would render every page: the slowest moment of a session."""
    project = _project(tmp_path / "project")
    write_corpus(3, project / "seeds", 3, load_registry())
    build(BuildConfig(root=project), memory=Memory.none())  # `briefing build`, as `make site` runs
    again = build(BuildConfig(root=project), memory=Memory.none())
    assert again.unchanged  # a one-off build reads the files back
    memory = Memory()  # a server's
    first = build(BuildConfig(root=project), memory=memory)
    assert not first.unchanged and memory.texts.current
    second = build(BuildConfig(root=project), memory=memory)
    assert second.unchanged  # nothing changed, and the memory is warm
