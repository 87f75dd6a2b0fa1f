"""People, quotes, organisations, timeline and claims read out of briefs."""

from __future__ import annotations

import itertools
import json
import shutil
import textwrap
from pathlib import Path

import pytest

from briefing.analysis.brief import BriefAnalysis, Site, analyse
from briefing.analysis.gazetteer import Gazetteer, load_gazetteer
from briefing.analysis.records import EntityKind
from briefing.build import build, plan, read_article
from briefing.citations.registry import load_registry
from briefing.config import BuildConfig
from briefing.errors import DataFileError
from briefing.input.publications import load_publications
from tests.conftest import SEED, mkdocs_build, write

FIXTURE = Path(__file__).parent / "fixtures" / "second-article.txt"


def analysed(seed: Path, gazetteer: Gazetteer | None = None) -> BriefAnalysis:
    article = read_article(seed, seed.parent, load_registry(), load_publications())
    return analyse(article, gazetteer or load_gazetteer())


@pytest.fixture(scope="module")
def seed() -> BriefAnalysis:
    return analysed(SEED)


def test_seed_people_and_their_roles(seed: BriefAnalysis) -> None:
    roles = {e.name: seed.named.role(e.id) for e in seed.named.of_kind(EntityKind.PERSON)}
    assert roles == {
        "Mahmoud Ahmadinejad": "Iranian President",
        "Ali Akbar Salehi": "Iranian Foreign Minister",
        "Sergei Lavrov": "Russian Foreign Minister",
        "Alexander Lukashevich": "Lavrov’s spokesman",
        "Sergei Ryabkov": "Russian Deputy Foreign Minister",
        "Vladimir Putin": "Prime Minister",
        "Dmitry Peskov": "Prime Minister Vladimir Putin’s spokesman",
    }


def test_short_mentions_resolve_to_the_full_person(seed: BriefAnalysis) -> None:
    assert seed.paragraphs_of("sergei-lavrov") == [2, 5, 7]
    assert [m.text for m in seed.mentions_of("sergei-lavrov")] == [
        "Sergei Lavrov",
        "Lavrov",
        "Lavrov",
        "Lavrov",
    ]


def test_titled_people_are_found_without_the_gazetteer(seed: BriefAnalysis) -> None:
    bare = Gazetteer((), {"Iranian": "Iran", "Russian": "Russia"})
    found = analysed(SEED, bare)
    people = {e.name: e.country for e in found.named.of_kind(EntityKind.PERSON)}
    assert people["Mahmoud Ahmadinejad"] == "Iran"
    assert people["Sergei Ryabkov"] == "Russia"
    assert found.paragraphs_of("sergei-lavrov") == [2, 5, 7]
    organisations = [e.name for e in found.named.of_kind(EntityKind.ORGANISATION)]
    assert organisations == ["Rosoboroneksport"]


def test_seed_quotes_and_speakers(seed: BriefAnalysis) -> None:
    quotes = [(q.speaker, q.text.split()[:3], q.paragraph) for q in seed.quotes]
    assert quotes == [
        ("sergei-lavrov", ["have", "great", "prospects"], 2),
        ("alexander-lukashevich", ["our", "long-time,", "good"], 2),
        ("sergei-ryabkov", ["it", "is", "my"], 3),
        ("sergei-lavrov", ["We", "will", "not"], 7),
    ]
    sources = [q.citation.outlet_text if q.citation else None for q in seed.quotes]
    assert sources == ["Rossiya 24", "Rossiya 24", "Rossiyskaya Gazeta", "www.rt.com"]
    assert [t.text for t in seed.terms] == ["step-by-step"]


def test_seed_organisations_and_places(seed: BriefAnalysis) -> None:
    organisations = {e.name for e in seed.named.of_kind(EntityKind.ORGANISATION)}
    places = {e.name for e in seed.named.of_kind(EntityKind.PLACE)}
    assert {"International Atomic Energy Agency", "United Nations", "NATO"} <= organisations
    assert "Rosoboroneksport" in organisations
    assert {"Bushehr", "Caspian Sea", "Syria", "Libya"} <= places
    assert seed.paragraphs_of("bushehr") == [3]


def test_timeline_is_chronological(seed: BriefAnalysis) -> None:
    whens = [e.when for e in seed.events]
    assert whens == sorted(whens)
    assert whens[0] == "2009-11-09"
    assert whens[-1] == "2011-11-01"
    assert len([e for e in seed.events if e.outlet]) == 18


def test_every_cited_sentence_is_one_claim(seed: BriefAnalysis) -> None:
    assert sum(len(c.citations) for c in seed.claims) == len(seed.article.citations)
    first = seed.claims[0]
    assert first.outlets == ("IRNA",) and first.dates == ("2011-09-24",)
    assert first.people == ("Mahmoud Ahmadinejad",)
    assert "(" not in first.sentence


def test_a_pronoun_speaker_is_the_last_person_named(tmp_path: Path) -> None:
    seed = write(
        tmp_path / "s.txt",
        textwrap.dedent("""\
            Title

            Publication: Eurasia Daily Monitor Volume: 8 Issue: 1

            Iranian President Mahmoud Ahmadinejad spoke in Tehran.
            Later he said that “the talks went well” (IRNA, May 3).
            """),
    )
    found = analysed(seed)
    assert [(q.speaker, q.text) for q in found.quotes] == [
        ("mahmoud-ahmadinejad", "the talks went well")
    ]


def test_gazetteer_errors_name_file_key_and_line(tmp_path: Path) -> None:
    bad = write(
        tmp_path / "g.yml",
        "people:\n  - id: x\n    name: X\n    rank: general\n",
    )
    with pytest.raises(DataFileError, match=r"g\.yml:4: people\[1\] 'x': unknown field 'rank'"):
        load_gazetteer(bad)


@pytest.fixture
def two_briefs(project: Path) -> Path:
    shutil.copy(FIXTURE, project / "seeds" / FIXTURE.name)
    return project


def test_site_pages_merge_across_briefs(two_briefs: Path) -> None:
    result = plan(BuildConfig(root=two_briefs))
    docs = two_briefs / "docs"
    lavrov = result.outputs[docs / "people/sergei-lavrov.md"]
    assert lavrov.count("\n## [") == 2
    assert "“a road to civil war”" in lavrov and "“have great prospects”" in lavrov
    assert "../briefs/moscow-weighs-its-options-on-syria/text.md#p1" in lavrov
    assert docs / "people/mahmoud-ahmadinejad.md" not in result.outputs
    index = result.outputs[docs / "people/index.md"]
    assert "Turkish Prime Minister" in index and "(../people/sergei-lavrov.md)" in index
    ria = result.outputs[docs / "outlets/ria-novosti.md"]
    assert ria.count("Moscow Weighs Its Options on Syria") == 2
    assert ria.count("A New Rapprochement Between Moscow and Tehran") == 1
    assert "Interfax-AVN" in result.outputs[docs / "outlets/interfax-avn.md"]


def test_site_timeline_interleaves_briefs(two_briefs: Path) -> None:
    briefs = tuple(
        analyse(b.article, load_gazetteer()) for b in plan(BuildConfig(root=two_briefs)).briefs
    )
    rows = Site(briefs).events()
    whens = [e.when for e, _ in rows]
    assert whens == sorted(whens)
    slugs = [b.slug for _, b in rows]
    switches = sum(a != b for a, b in itertools.pairwise(slugs))
    assert switches > 2


def test_claims_download_as_csv_and_json(two_briefs: Path) -> None:
    build(BuildConfig(root=two_briefs))
    docs = two_briefs / "docs" / "downloads"
    claims = json.loads((docs / "claims.json").read_text("utf-8"))
    lines = (docs / "claims.csv").read_text("utf-8").splitlines()
    assert len(lines) == len(claims) + 1
    assert lines[0].startswith("brief,paragraph,sentence,outlets")
    assert {c["brief"] for c in claims} == {
        "a-new-rapprochement-between-moscow-and-tehran",
        "moscow-weighs-its-options-on-syria",
    }
    assert plan(BuildConfig(root=two_briefs)).outputs == plan(BuildConfig(root=two_briefs)).outputs


def test_two_brief_site_builds_strictly_with_profile_pages(two_briefs: Path) -> None:
    out = two_briefs / "site"
    done = mkdocs_build(two_briefs, out)
    assert done.returncode == 0, done.stderr
    html = (out / "people/sergei-lavrov/index.html").read_text("utf-8")
    assert 'href="../../briefs/moscow-weighs-its-options-on-syria/text/#p1"' in html
    outlet = (out / "outlets/interfax-avn/index.html").read_text("utf-8")
    assert 'href="../../briefs/a-new-rapprochement-between-moscow-and-tehran/text/#p6"' in outlet
