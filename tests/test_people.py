"""People resolved as an analyst would: namesakes apart, surnames alone, roles.

Every sentence below is made here, for these tests: the names "Anna Putin",
"Yulia Lavrov", "Mahmoud Lavrov", "Ivan Petrov", "Anna Petrov", "Olga Petrova",
the bank "Examplebank", the places "Examplestan" and "Examplegrad" and every
other "Example…" name are invented, and no sentence reports anything anyone
said. Where a test follows a shape found in published text (the measured set
of tests/fixtures/realtext/), its comment quotes that shape.
"""

from __future__ import annotations

import textwrap
import time
from pathlib import Path

import pytest

from briefing.analysis.brief import BriefAnalysis, analyse
from briefing.analysis.gazetteer import Gazetteer, load_gazetteer
from briefing.analysis.records import Entity, EntityKind
from briefing.analysis.roles import introductions
from briefing.build import plan
from briefing.citations.registry import load_registry
from briefing.config import BuildConfig
from briefing.errors import DataFileError
from briefing.input.parse import parse_article
from briefing.input.publications import load_publications
from briefing.input.sidecar import Sidecar
from briefing.model import Paragraph
from tests.conftest import write

REGISTRY = load_registry()
PUBLICATIONS = load_publications()


def read(text: str, gazetteer: Gazetteer | None = None, volume: int = 8) -> BriefAnalysis:
    """A brief of EDM ``volume`` (8 is 2011) whose paragraphs are ``text``."""
    head = f"Title\n\nPublication: Eurasia Daily Monitor Volume: {volume} Issue: 1\n\n"
    article = parse_article(
        head + textwrap.dedent(text), "s.txt", Sidecar(), REGISTRY, PUBLICATIONS
    )
    return analyse(article, gazetteer or load_gazetteer())


def people(found: BriefAnalysis) -> dict[str, list[str]]:
    """Each person's id → the words of each mention."""
    return {
        e.id: [m.text for m in found.mentions_of(e.id)]
        for e in found.named.of_kind(EntityKind.PERSON)
    }


def test_a_different_given_name_is_a_different_person() -> None:
    found = read("""\
        Vladimir Putin met Anna Putin in Moscow.

        Yulia Lavrov, the foreign minister, spoke after Mahmoud Lavrov and Sergei Lavrov.
        """)
    assert people(found) == {
        "vladimir-putin": ["Vladimir Putin"],
        "anna-putin": ["Anna Putin"],
        "yulia-lavrov": ["Yulia Lavrov"],
        "mahmoud-lavrov": ["Mahmoud Lavrov"],
        "sergei-lavrov": ["Sergei Lavrov"],
    }


def test_namesakes_of_a_surname_the_gazetteer_does_not_know_stay_apart() -> None:
    found = read("""\
        Ivan Petrov, the head of Examplebank, was in Baku. Anna Petrov was not.
        """)
    assert people(found) == {"ivan-petrov": ["Ivan Petrov"], "anna-petrov": ["Anna Petrov"]}


def test_a_known_spelling_of_the_full_name_is_the_same_person() -> None:
    found = read("Sergey Lavrov spoke. Then Sergei Lavrov spoke again.\n")
    assert people(found) == {"sergei-lavrov": ["Sergey Lavrov", "Sergei Lavrov"]}


def test_a_surname_alone_is_the_person_of_that_surname_named_in_the_brief() -> None:
    found = read("""\
        Yulia Lavrov, the foreign minister, arrived in Tehran.

        Lavrov then left for Baku, and Lavrov’s aide stayed.
        """)
    assert people(found) == {"yulia-lavrov": ["Yulia Lavrov", "Lavrov", "Lavrov"]}
    assert found.named.unlinked == ()


def test_a_surname_alone_is_the_known_person_only_in_the_years_the_gazetteer_says() -> None:
    assert people(read("Lavrov arrived in Tehran.\n")) == {"sergei-lavrov": ["Lavrov"]}
    medvedev = read("Medvedev arrived in Tehran.\n")
    assert people(medvedev) == {}
    assert [u.text for u in medvedev.named.unlinked] == ["Medvedev"]
    assert "does not say that Medvedev alone means Dmitry Medvedev in 2011" in (
        medvedev.named.unlinked[0].reason
    )
    later = Gazetteer((Entity("ivan-petrov", "Ivan Petrov", surname_alone=(2012, 2013)),), {})
    assert people(read("Petrov arrived.\n", later)) == {}
    assert people(read("Petrov arrived.\n", later, volume=9)) == {"ivan-petrov": ["Petrov"]}


def test_an_ambiguous_surname_is_left_unlinked_and_its_quote_unattributed() -> None:
    found = read("""\
        Ilham Aliyev, the president of Azerbaijan, and Heydar Aliyev were named.

        Aliyev said that “the talks went well” (Trend, May 3).
        """)
    assert set(people(found)) == {"ilham-aliyev", "heydar-aliyev"}
    [unlinked] = found.named.unlinked
    assert (unlinked.text, unlinked.paragraph) == ("Aliyev", 2)
    assert "Ilham Aliyev and Heydar Aliyev" in unlinked.reason
    assert [(q.speaker, q.text) for q in found.quotes] == [(None, "the talks went well")]


def test_roles_read_after_the_name() -> None:
    found = read("""\
        Yulia Lavrov, Russia’s foreign minister, spoke.
        Ivan Petrov, head of Examplebank, listened. Olga Petrova, a senior diplomat, left.
        Anna Putin, the ambassador to Iran, stayed. Many Lavrov watchers, the author thinks, agree.
        """)
    roles = {e.name: found.named.role(e.id) for e in found.named.of_kind(EntityKind.PERSON)}
    assert roles == {
        "Yulia Lavrov": "Russia’s foreign minister",
        "Ivan Petrov": "head of Examplebank",
        "Olga Petrova": "senior diplomat",
        "Anna Putin": "ambassador to Iran",
    }


def test_roles_read_before_the_name() -> None:
    found = read("""\
        Iran’s President Anna Putin spoke. The head of Examplebank, Ivan Petrov, listened.
        Russian Foreign Minister Yulia Lavrov left.
        """)
    people = {
        e.name: (found.named.role(e.id), e.country) for e in found.named.of_kind(EntityKind.PERSON)
    }
    assert people == {
        "Anna Putin": ("Iran’s President", "Iran"),
        "Ivan Petrov": ("head of Examplebank", None),
        "Yulia Lavrov": ("Russian Foreign Minister", "Russia"),
    }


def test_a_role_never_repeats_the_persons_own_name() -> None:
    found = read("Anna Putin’s spokesman, Vladimir Putin, and Ivan Petrov, Petrov’s deputy, met.\n")
    roles = {e.id: found.named.role(e.id) for e in found.named.of_kind(EntityKind.PERSON)}
    assert roles["vladimir-putin"] is None
    assert roles["ivan-petrov"] is None


def test_the_build_report_lists_unlinked_surnames(project: Path) -> None:
    write(
        project / "seeds" / "made-here.txt",
        textwrap.dedent("""\
            Made Here

            Publication: Eurasia Daily Monitor Volume: 8 Issue: 2

            Ilham Aliyev, the president of Azerbaijan, and Heydar Aliyev were named.

            Aliyev arrived in Baku.
            """),
    )
    report = plan(BuildConfig(root=project)).outputs[project / "docs" / "report.md"]
    assert "Unlinked names" in report
    assert "[¶ 2](briefs/made-here/text.md#p2): Aliyev: the brief names several people" in report


def test_every_person_in_the_gazetteer_names_a_source(tmp_path: Path) -> None:
    assert all(p.source for p in load_gazetteer().of_kind(EntityKind.PERSON))
    bad = write(tmp_path / "g.yml", "people:\n  - id: x\n    name: X Y\n")
    with pytest.raises(DataFileError, match=r"g\.yml:2: people\[1\] 'x': 'source' must name"):
        load_gazetteer(bad)
    years = write(
        tmp_path / "y.yml",
        "people:\n  - id: x\n    name: X Y\n    source: made here\n"
        "    surname_alone: [2013, 2012]\n",
    )
    with pytest.raises(DataFileError, match=r"y\.yml:5: .*'surname_alone' must be"):
        load_gazetteer(years)


def test_a_profile_lists_each_role_with_the_briefs_giving_it(project: Path) -> None:
    for volume, name, sentence in (
        (8, "first", "Ivan Petrov, head of Examplebank, spoke."),
        (
            9,
            "second",
            "Ivan Petrov, the energy minister, spoke. Petrov, head of Examplebank, left.",
        ),
    ):
        write(
            project / "seeds" / f"made-here-{name}.txt",
            f"Made Here {name.title()}\n\n"
            f"Publication: Eurasia Daily Monitor Volume: {volume} Issue: 2\n\n{sentence}\n",
        )
    outputs = plan(BuildConfig(root=project)).outputs
    profile = outputs[project / "docs" / "people" / "ivan-petrov.md"]
    roles = profile.split("## Roles\n", 1)[1].split("\n## ", 1)[0]
    assert "- **head of Examplebank**, 2011–2012: [Made Here First]" in roles
    assert "- **energy minister**, 2012: [Made Here Second]" in roles
    assert "Made Here First" not in roles.split("energy minister")[1]
    assert "**energy minister; head of Examplebank**" in profile
    index = outputs[project / "docs" / "people" / "index.md"]
    assert "| head of Examplebank; energy minister |" in index


def test_a_surname_spelling_the_gazetteer_knows_is_the_same_person() -> None:
    # Made here: a gazetteer whose one person has a second spelling of the surname.
    known = Entity(
        "mahmoud-ahmadinejad", "Mahmoud Ahmadinejad", aliases=("Ahmadinezhad",), source="made here"
    )
    found = read("Mahmoud Ahmadinezhad spoke. Ahmadinejad left.\n", Gazetteer((known,), {}))
    assert people(found) == {"mahmoud-ahmadinejad": ["Mahmoud Ahmadinezhad", "Ahmadinejad"]}


def roles_of(found: BriefAnalysis) -> dict[str, str | None]:
    """Each person's name → the first role the brief gives them."""
    return {e.name: found.named.role(e.id) for e in found.named.of_kind(EntityKind.PERSON)}


def test_a_title_set_off_by_commas_is_the_role_only_when_the_name_is_set_off_too() -> None:
    # Made here; the shape of "Russian Defense Minister, Anatoliy Serdyukov, has".
    found = read("""\
        Russian Defense Minister, Ivan Petrov, spoke. Iran’s Vice Prime Minister, Olga Petrova.

        As President, Yulia Lavrov said nothing.
        """)
    assert roles_of(found) == {
        "Ivan Petrov": "Russian Defense Minister",
        "Olga Petrova": "Iran’s Vice Prime Minister",
        "Yulia Lavrov": None,
    }


def test_a_title_in_lower_case_before_the_name() -> None:
    # Made here; the shapes of "former president Mikheil Saakashvili", "Chechen leader
    # Ramzan Kadyrov" and "the arrest of Ukrainian journalist Pavel Sharoyko".
    found = read("""\
        The arrest of Russian journalist Ivan Petrov was reported.
        It angered former Iranian president Olga Petrova and then-president Anna Putin.
        Chechen rebel leader Yulia Lavrov did not comment.
        """)
    people = {
        e.name: (found.named.role(e.id), e.country) for e in found.named.of_kind(EntityKind.PERSON)
    }
    assert people == {
        "Ivan Petrov": ("Russian journalist", "Russia"),
        "Olga Petrova": ("former Iranian president", "Iran"),
        "Anna Putin": ("then-president", None),
        "Yulia Lavrov": ("Chechen rebel leader", None),
    }


def test_a_capitalised_title_keeps_its_qualifier_and_loses_the_sentence_opener() -> None:
    # Made here; the shapes of "accused former Prime Minister Yulia Tymoshenko", "Since
    # President Vladimir Putin ordered", "Dushanbe Mayor Makhmadsaid Ubaidullayev".
    found = read("""\
        They accused former Prime Minister Ivan Petrov. Since President Olga Petrova spoke,
        Examplegrad Mayor Anna Putin has left.
        """)
    assert roles_of(found) == {
        "Ivan Petrov": "former Prime Minister",
        "Olga Petrova": "President",
        "Anna Putin": "Examplegrad Mayor",
    }


def test_a_secretary_of_state_and_given_names_that_stop_at_the_title() -> None:
    # Made here; the shape of "US Secretary of State John Kerry" and "United States
    # Secretary of State Michael Pompeo’s": "State" is the title's, not a given name.
    found = read("""\
        US Secretary of State Ivan Petrov met United States Secretary of State Olga Petrova.
        """)
    assert people(found) == {"ivan-petrov": ["Ivan Petrov"], "olga-petrova": ["Olga Petrova"]}
    assert roles_of(found) == {
        "Ivan Petrov": "US Secretary of State",
        "Olga Petrova": "United States Secretary of State",
    }


def test_roles_in_apposition_of_more_shapes() -> None:
    # Made here; the shapes of "Viktor Ozerov, the Chairman of the Defense Committee of the
    # Russian Federation Council,", "Mikhail Babich, Vladimir Putin’s newly installed
    # ambassador to Minsk (see …)", "Valery Gerasimov (born in 1955), chief of the Russian
    # General Staff," and "Ryan Chilcote, a Russian-speaking London-based reporter for ...".
    found = read("""\
        Ivan Petrov, the Chairman of the Budget Committee of the Examplestan State Council, spoke.
        Olga Petrova, Anna Putin’s new ambassador to Examplestan (see Examplenews, May 2), left.
        Anna Putin (born in 1950), chief of the Examplestan General Staff, stayed.
        Yulia Lavrov, a Russian-speaking Paris-based reporter for Example Television, asked.
        Mahmoud Lavrov, Examplestan’s leading commentator and the chair of the Example Club,
        answered.
        """)
    roles = roles_of(found)
    assert roles == {
        "Ivan Petrov": "Chairman of the Budget Committee of the Examplestan State Council",
        "Olga Petrova": "Anna Putin’s new ambassador to Examplestan",
        "Anna Putin": "chief of the Examplestan General Staff",
        "Yulia Lavrov": "Russian-speaking Paris-based reporter for Example Television",
        "Mahmoud Lavrov": "Examplestan’s leading commentator and the chair of the Example Club",
    }


def test_a_role_in_parentheses_after_the_name() -> None:
    # Made here; the shape of "Pavlo Lazarenko (prime minister in 1996–1997)".
    found = read("We named Ivan Petrov (Examplestan’s president in 2016–2020) and Olga Petrova.\n")
    assert roles_of(found) == {"Ivan Petrov": "Examplestan’s president in 2016–2020"}


def test_a_role_set_off_before_the_name() -> None:
    # Made here; the shapes of "the Russian ambassador in Washington, Sergei Kislyak,", "the
    # head of the Russian presidential administration, Sergei Ivanov," and "the previous
    # president, Magomedsalam Magomedov,".
    found = read("""\
        They defended the Russian ambassador in Examplestan, Ivan Petrov, who spoke.
        The head of the Examplestan presidential administration, Olga Petrova, agreed.
        Those whom the previous president, Anna Putin, dismissed have returned.
        """)
    roles = roles_of(found)
    assert roles["Ivan Petrov"] == "Russian ambassador in Examplestan"
    assert roles["Olga Petrova"] == "head of the Examplestan presidential administration"
    assert roles["Anna Putin"] == "previous president"


def test_a_long_run_of_capitalised_words_is_read_in_linear_time() -> None:
    # Made here: an aide's principal was read back over any number of capitalised words,
    # so that each word of a long run started a scan to its end (minutes for 20,000).
    run = Paragraph(1, " ".join(["Ivan"] * 20_000) + "’s spokesman, Olga Petrova, spoke.", 1)
    started = time.perf_counter()
    found = list(introductions(run, {}))
    assert time.perf_counter() - started < 5
    principal = "Ivan Ivan Ivan Ivan’s spokesman"
    assert [(i.name, i.role) for i in found] == [("Olga Petrova", principal)]


def test_a_military_rank_is_never_a_given_name() -> None:
    # Made here; the shape of "Defense Minister Army-General Sergei Shoigu".
    found = read("""\
        Defense Minister Army-General Ivan Petrov spoke. Colonel-General Olga Petrova, the
        deputy defense minister, agreed.
        """)
    assert people(found) == {"ivan-petrov": ["Ivan Petrov"], "olga-petrova": ["Olga Petrova"]}
    assert roles_of(found) == {
        "Ivan Petrov": "Defense Minister",
        "Olga Petrova": "deputy defense minister",
    }


def test_a_relation_in_apposition_is_no_role_and_a_capitalised_office_set_off_before_is() -> None:
    # Made here; the shape of "Ilkham Aliyev, the son of the aged President of Azerbaijan,
    # Heidar Aliyev, to the post": the son is not the President, and the father is.
    found = read("""\
        They approved Ivan Petrov, the son of the aged President of Iran, Olga Petrov, at once.
        """)
    assert people(found) == {"ivan-petrov": ["Ivan Petrov"], "olga-petrov": ["Olga Petrov"]}
    assert roles_of(found) == {"Ivan Petrov": None, "Olga Petrov": "aged President of Iran"}


def test_a_title_of_a_country_before_the_name() -> None:
    # Made here; the shape of "President of Azerbaijan Ilham Aliyev". After "Minister of" a
    # word that is no country may be the name's own: that title is not read.
    found = read("""\
        President of Iran Ivan Petrov spoke. Minister of Foreign Affairs Olga Petrova replied.
        """)
    people_found = {
        e.name: (found.named.role(e.id), e.country) for e in found.named.of_kind(EntityKind.PERSON)
    }
    assert people_found == {"Ivan Petrov": ("President of Iran", "Iran")}


def test_a_surname_with_the_arabic_article_in_lower_case() -> None:
    # Made here; the shape of "Syrian President Bashar al-Assad".
    found = read("Syrian President Ivan al-Petrov spoke, and al-Petrov left.\n")
    assert people(found) == {"ivan-al-petrov": ["Ivan al-Petrov", "al-Petrov"]}
    assert roles_of(found) == {"Ivan al-Petrov": "Syrian President"}


def test_two_capitalised_words_before_a_role_are_a_name_not_a_qualifier() -> None:
    # Made here; the shape of "the defense ministry publication Krasnaya Zvezda,
    # Major-General Aleksandr Zhuravlev the Commander of the 2nd Combined Arms Army (…)":
    # the newspaper is no person, and a Minsk historian is still a role.
    found = read("""\
        The daily Example Gazeta, Colonel Ivan Petrov the Commander of the Example Army (CAA),
        wrote. Olga Petrova, an authoritative Minsk historian (no relation), agreed.
        """)
    assert roles_of(found) == {"Olga Petrova": "authoritative Minsk historian"}
