"""The outlet registry: validation of the data file and resolution of names."""

from __future__ import annotations

import functools
import textwrap
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from briefing.citations.registry import (
    Registry,
    load_registry,
    lookup_key,
    normalise,
    transliteration_key,
    web_host,
)
from briefing.citations.registry_schema import COUNTRIES, LANGUAGES, RegistryError
from briefing.errors import DataFileError
from briefing.model import Affiliation, Outlet, OutletType

VALID = """\
- id: tass
  name: TASS
  type: news agency
  country: RU
  language: ru
  affiliation: [{label: state-owned, source: "https://en.wikipedia.org/wiki/TASS"}]
  url: https://tass.ru
  aliases: [ITAR-TASS]
"""


@functools.cache
def packaged() -> Registry:
    return load_registry()


@pytest.fixture
def registry() -> Registry:
    return packaged()


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "outlets.yml"
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def problems_of(tmp_path: Path, text: str) -> list[str]:
    with pytest.raises(RegistryError) as caught:
        load_registry(write(tmp_path, text))
    return [str(problem) for problem in caught.value.problems]


# --- validation -------------------------------------------------------------


def test_a_valid_file_loads(tmp_path: Path) -> None:
    registry = load_registry(write(tmp_path, VALID))
    assert registry.outlets == (
        Outlet(
            id="tass",
            name="TASS",
            type=OutletType.NEWS_AGENCY,
            country="RU",
            language="ru",
            affiliations=(Affiliation("state-owned", "https://en.wikipedia.org/wiki/TASS"),),
            url="https://tass.ru",
            aliases=("ITAR-TASS",),
        ),
    )


def test_optional_fields_may_be_left_out(tmp_path: Path) -> None:
    registry = load_registry(write(tmp_path, "- {id: x, name: X, type: web site}\n"))
    assert registry.outlets == (Outlet("x", "X", OutletType.WEB_SITE),)


@pytest.mark.parametrize(
    ("change", "field", "expected"),
    [
        ("id: Not A Slug", "id", "is not a slug"),
        ("id: double--hyphen", "id", "is not a slug"),
        ("name: 42", "name", "expected a string"),
        ("name: '...'", "name", "has no letters or digits"),
        ("type: blog", "type", "'blog' is not one of: news agency, newspaper"),
        ("country: ru", "country", "'ru' is not an ISO 3166-1 alpha-2 code"),
        ("country: RUS", "country", "'RUS' is not an ISO 3166-1 alpha-2 code"),
        ("country: UK", "country", "the United Kingdom is GB"),
        ("country: INT", "country", "use null for international bodies"),
        ("country: NO", "country", "quote the code"),
        ("language: RU", "language", "'RU' is not a lower-case ISO 639-1 code"),
        ("language: xx", "language", "'xx' is not a lower-case ISO 639-1 code"),
        ("affiliation: state-owned", "affiliation", "expected a list of {label, source"),
        ("affiliation: [{label: state-owned}]", "affiliation", "item 1: no source"),
        (
            "affiliation: [{label: independent, source: 'https://example.com/'}]",
            "affiliation",
            "label 'independent' is not one of: state-owned, state-funded, state body, private",
        ),
        (
            "affiliation: [{label: private, source: 'a book'}]",
            "affiliation",
            "source 'a book' is not an http(s) address",
        ),
        (
            "affiliation: [{label: private, source: 'https://e.com/', from: 2014, until: 2001}]",
            "affiliation",
            "from 2014 is after until 2001",
        ),
        (
            "affiliation: [{label: private, source: 'https://e.com/', from: '2014'}]",
            "affiliation",
            "from and until are years",
        ),
        (
            "affiliation: [{label: private, source: 'https://e.com/', year: 2014}]",
            "affiliation",
            "unknown key 'year'",
        ),
        ("url: ftp://tass.ru", "url", "is not an http(s) address"),
        ("url: tass.ru", "url", "is not an http(s) address"),
        ("url: https://tass.ru/a b", "url", "contains white space"),
        ("aliases: ITAR-TASS", "aliases", "expected a list of non-empty strings"),
        ("aliases: [ITAR-TASS, '']", "aliases", "expected a list of non-empty strings"),
        ("aliases: [ITAR-TASS, 7]", "aliases", "expected a list of non-empty strings"),
        ("aliases: [ITAR-TASS, itar tass]", "aliases", "'itar tass' repeats 'ITAR-TASS'"),
        ("aliases: [The TASS]", "aliases", "'The TASS' repeats 'TASS'"),
        ("aliases: ['--']", "aliases", "has no letters or digits"),
    ],
)
def test_each_field_is_checked(tmp_path: Path, change: str, field: str, expected: str) -> None:
    [problem] = problems_of(tmp_path, with_field(change))
    assert problem.startswith(f"{tmp_path / 'outlets.yml'}:1: outlet ")
    assert f"field '{field}': " in problem
    assert expected in problem


def with_field(change: str) -> str:
    """VALID with one line replaced: ``with_field("country: UK")``."""
    key = change.partition(":")[0]
    lines = []
    for line in VALID.splitlines():
        field = line.lstrip("- ")
        lines.append(line[: len(line) - len(field)] + change if field.startswith(key) else line)
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("field", ["id", "name", "type"])
def test_required_fields(tmp_path: Path, field: str) -> None:
    entry = "- " + "\n  ".join(
        line.strip("- ") for line in VALID.splitlines() if not line.strip("- ").startswith(field)
    )
    [problem] = problems_of(tmp_path, entry + "\n")
    assert problem.endswith(f"field '{field}': required")
    assert ":1: " in problem


def test_unknown_and_repeated_fields(tmp_path: Path) -> None:
    problems = problems_of(tmp_path, VALID + "  publisher: Rossiya Segodnya\n  name: TASS\n")
    assert problems == [
        f"{tmp_path / 'outlets.yml'}:1: outlet 'tass', field 'name': given twice",
        f"{tmp_path / 'outlets.yml'}:1: outlet 'tass', field 'publisher': unknown field "
        "(known: id, name, type, country, language, affiliation, url, aliases, native_name)",
    ]


def test_an_entry_must_be_a_mapping(tmp_path: Path) -> None:
    problems = problems_of(tmp_path, VALID + "- just a name\n")
    assert problems == [f"{tmp_path / 'outlets.yml'}:9: entry: expected a mapping, not a str"]


def test_ids_are_unique(tmp_path: Path) -> None:
    problems = problems_of(tmp_path, VALID + "- {id: tass, name: Other, type: web site}\n")
    assert problems == [
        f"{tmp_path / 'outlets.yml'}:9: outlet 'tass', field 'id': already used at line 1"
    ]


@pytest.mark.parametrize(
    ("fields", "field", "claimed"),
    [
        ("name: ITAR TASS", "name", "'ITAR TASS'"),
        ("name: T2, aliases: [The Tass]", "aliases", "'The Tass'"),
        ("name: T2, url: 'http://www.tass.ru/'", "url", "'http://www.tass.ru/'"),
        ("name: T2, aliases: [TASS.ru]", "aliases", "'TASS.ru'"),
    ],
)
def test_a_name_alias_or_address_belongs_to_one_outlet(
    tmp_path: Path, fields: str, field: str, claimed: str
) -> None:
    [problem] = problems_of(tmp_path, VALID + f"- {{id: t2, type: web site, {fields}}}\n")
    assert problem == (
        f"{tmp_path / 'outlets.yml'}:9: outlet 't2', field '{field}': "
        f"{claimed} is also claimed by 'tass' (line 1)"
    )


def test_every_problem_is_reported_at_once(tmp_path: Path) -> None:
    text = """\
    - id: one
      name: One
      type: blog
    - id: two
      name: Two
      type: web site
      country: UK
      language: english
    - 3
    """
    with pytest.raises(DataFileError) as caught:
        load_registry(write(tmp_path, text))
    error_text = str(caught.value)
    assert isinstance(caught.value, RegistryError)
    assert error_text.splitlines() == [
        f"{tmp_path / 'outlets.yml'}: 4 problem(s):",
        f"  {tmp_path / 'outlets.yml'}:1: outlet 'one', field 'type': 'blog' is not one of: "
        "news agency, newspaper, magazine, broadcaster, official, think tank, web site, "
        "social media",
        f"  {tmp_path / 'outlets.yml'}:4: outlet 'two', field 'country': 'UK' is not an "
        "ISO 3166-1 alpha-2 code; the United Kingdom is GB",
        f"  {tmp_path / 'outlets.yml'}:4: outlet 'two', field 'language': 'english' is not "
        "a lower-case ISO 639-1 code",
        f"  {tmp_path / 'outlets.yml'}:9: entry: expected a mapping, not an int",
    ]
    assert caught.value.line == 1


def test_yaml_errors_carry_the_line(tmp_path: Path) -> None:
    with pytest.raises(DataFileError) as caught:
        load_registry(write(tmp_path, VALID + "- id: one: two\n"))
    assert caught.value.line == 9
    assert caught.value.file == str(tmp_path / "outlets.yml")
    assert "not valid YAML" in str(caught.value)


@pytest.mark.parametrize("text", ["", "outlets: []\n", "just text\n"])
def test_the_file_must_be_a_list(tmp_path: Path, text: str) -> None:
    with pytest.raises(DataFileError, match="expected a list of outlets"):
        load_registry(write(tmp_path, text))


def test_from_outlets_refuses_a_shared_name() -> None:
    one = Outlet("one", "Pravda")
    two = Outlet("two", "Other", aliases=("The Pravda",))
    with pytest.raises(ValueError, match="'pravda' is claimed by both 'one' and 'two'"):
        Registry.from_outlets([one, two])


# --- the packaged registry ---------------------------------------------------


def test_the_packaged_registry_loads(registry: Registry) -> None:
    assert len(registry.outlets) >= 150


def test_ids_are_unique_slugs(registry: Registry) -> None:
    ids = [outlet.id for outlet in registry.outlets]
    assert len(ids) == len(set(ids))


def test_every_alias_is_unique(registry: Registry) -> None:
    owners: dict[str, str] = {}
    for outlet in registry.outlets:
        for written in (outlet.name, *outlet.aliases):
            owner = owners.setdefault(lookup_key(written), outlet.id)
            assert owner == outlet.id, f"{written!r} of {outlet.id} also names {owner}"


def test_every_outlet_is_well_formed(registry: Registry) -> None:
    for outlet in registry.outlets:
        assert isinstance(outlet.type, OutletType)
        assert outlet.country is None or outlet.country in COUNTRIES
        assert outlet.language is None or outlet.language in LANGUAGES
        for held in outlet.affiliations:  # a label only with a reference that states it
            assert held.source.startswith(("https://", "http://")), outlet.id
        assert outlet.url and outlet.url.startswith(("https://", "http://")), outlet.id


def test_every_written_form_resolves_to_its_outlet(registry: Registry) -> None:
    for outlet in registry.outlets:
        for written in (outlet.name, *outlet.aliases, outlet.url or ""):
            assert registry.resolve(written) is outlet, written
            assert registry.resolve(written.upper()) is outlet, written


def test_get_by_id(registry: Registry) -> None:
    edm = registry.get("edm")
    assert edm is not None
    assert (edm.name, edm.type, edm.country, edm.language) == (
        "Eurasia Daily Monitor",
        OutletType.THINK_TANK,
        "US",
        "en",
    )
    assert registry.get("no-such-outlet") is None


# --- resolution --------------------------------------------------------------

RESOLVED = {
    # names and aliases, ignoring case, accents, punctuation and "The"
    "RIA Novosti": "ria-novosti",
    "ria-novosti": "ria-novosti",
    "ITAR-TASS": "tass",
    "Itar Tass": "tass",
    "Interfax": "interfax",
    "Interfax-AVN": "interfax-avn",
    "Interfax-Ukraine": "interfax-ukraine",
    "Interfax-Kazakhstan": "interfax-kazakhstan",
    "Moscow Times": "moscow-times",
    "the moscow times": "moscow-times",
    "Kommersant-Vlast": "kommersant",
    "Kommersant Vlast": "kommersant",
    "Echo of Moscow": "ekho-moskvy",
    "Echo Moskvy": "ekho-moskvy",
    "NG": "nezavisimaya-gazeta",
    "MK": "moskovsky-komsomolets",
    "RBK": "rbc",
    "Russia Today": "rt",
    "Pervyi Kanal": "channel-one",
    "Caucasian Knot": "kavkaz-uzel",
    "Zerkalo Nedeli": "dzerkalo-tyzhnia",
    "Hürriyet Daily News": "hurriyet-daily-news",
    "Hurriyet": "hurriyet",
    "Anadolu Ajansi": "anadolu",
    "Yeni Safak": "yeni-safak",
    "Süddeutsche Zeitung": "sueddeutsche",
    "Iranian Students News Agency": "isna",
    "People's Daily": "peoples-daily",
    "Peoples Daily": "peoples-daily",
    "RFE/RL": "rferl",
    "Radio Free Europe/Radio Liberty": "rferl",
    "Radio Svoboda": "radio-svoboda",
    "Azatutyun": "azatutyun",
    "IPN": "interpressnews",
    "Eurasia Daily Monitor": "edm",
    "EDM": "edm",
    "Agence France Presse": "afp",
    "Associated Press": "ap",
    "The Associated Press": "ap",
    "U.N.": "un",
    "Jane's Defence Weekly": "janes",
    # transliteration variants not listed as aliases
    "Rossiiskaya Gazeta": "rossiyskaya-gazeta",
    "Rossijskaja Gazeta": "rossiyskaya-gazeta",
    "Ukraiynska Pravda": "ukrainska-pravda",
    "Ukrains'ka Pravda": "ukrainska-pravda",
    "Kavkazskiy Uzel": "kavkaz-uzel",
    "Kavkazskii Uzel": "kavkaz-uzel",
    "Izvestiia": "izvestia",
    "Moskovskii Komsomolets": "moskovsky-komsomolets",
    "Nezavisimoye Voennoye Obozrenie": "nvo",
    "Ekho Moskvy": "ekho-moskvy",
    "Dzerkalo Tizhnya": "dzerkalo-tyzhnia",
    "Komsomolskaia Pravda": "komsomolskaya-pravda",
    "Vzgljad": "vzglyad",
    "Khronika Turkmenistana": "chronicles-of-turkmenistan",
    "Fergana.ru": "fergana",
    "Российская газета": "rossiyskaya-gazeta",
    "Українська правда": "ukrainska-pravda",
    "Коммерсантъ": "kommersant",
    # web addresses, by the longest registered prefix and then the parent domain
    "www.rt.com": "rt",
    "https://kremlin.ru/events/123": "kremlin",
    "Kremlin.ru": "kremlin",
    "en.kremlin.ru": "kremlin",
    "http://en.kremlin.ru/events/president/news/123": "kremlin",
    "www.forum.msk.ru": "forum-msk",
    "www.gsn.nti.org": "gsn-nti",
    "novinite.com": "novinite",
    "https://www.bbc.com/russian/news-123": "bbc-russian",
    "news.bbc.co.uk/2/hi/europe/123.stm": "bbc",
    "https://jamestown.org/programs/edm/": "edm",
    "https://jamestown.org/program/moscow-tehran-rapprochement/": "jamestown",
    "nvo.ng.ru/forces/2011-11-11/1_army.html": "nvo",
    "www.ng.ru/politics/": "nezavisimaya-gazeta",
    "interfax.com.ua/news/general/1.html": "interfax-ukraine",
    "https://www.interfax.ru/russia/1": "interfax",
    "https://t.me/rybar": "telegram",
    "ec.europa.eu/commission/presscorner": "european-commission",
    "europa.eu": "eu",
    "24.kg": "24-kg",
    "WWW.RT.COM/news/": "rt",
    # unknown or too vague: never guessed
    "Interfax-Belarus": None,
    "Pravda": None,
    "Gazeta": None,
    "Interfaks-AVN News": None,
    "example.com": None,
    "rt.co": None,
    "": None,
    "()": None,
    "The": None,
}


@pytest.mark.parametrize(("written", "expected"), RESOLVED.items())
def test_resolve(registry: Registry, written: str, expected: str | None) -> None:
    outlet = registry.resolve(written)
    assert (outlet.id if outlet else None) == expected


def test_enough_written_forms_are_covered() -> None:
    assert sum(1 for expected in RESOLVED.values() if expected) >= 60


def test_a_folded_form_two_outlets_share_is_not_guessed() -> None:
    registry = Registry.from_outlets([Outlet("a", "Rossiya"), Outlet("b", "Rossija Sevodnia")])
    assert registry.resolve("Rossiia") is registry.get("a")
    registry = Registry.from_outlets([Outlet("a", "Rossiya"), Outlet("b", "Rossiia")])
    assert registry.resolve("Rossiya") is registry.get("a")
    assert registry.resolve("Rossija") is None


# --- the helpers --------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("The Moscow Times", "moscow times"),
        ("Hürriyet", "hurriyet"),
        ("Anadolu Ajansı", "anadolu ajansi"),
        ("RFE/RL", "rfe rl"),
        ("People’s Daily", "peoples daily"),
        ("  Interfax-AVN  ", "interfax avn"),
        ("Theory", "theory"),
    ],
)
def test_normalise(name: str, expected: str) -> None:
    assert normalise(name) == expected


@pytest.mark.parametrize(
    "variants",
    [
        ("Rossiyskaya Gazeta", "Rossiiskaya Gazeta", "Rossiskaya Gazeta", "Rossijskaja gazeta"),
        ("Ukrainska Pravda", "Ukrayinska Pravda", "Ukraiynska Pravda", "Українська правда"),
        ("Kavkazsky Uzel", "Kavkazskiy Uzel", "Kavkazskii Uzel"),
        ("Izvestia", "Izvestiya", "Известия"),
        ("Voennoe", "Voyennoye"),
        ("Ekho", "Eho"),
        ("Ferghana", "Fergana"),
        ("Tyzhnia", "Tyzhnya"),
        ("Vyuga", "Viuga", "Вьюга"),
    ],
)
def test_transliteration_key_folds_variants(variants: tuple[str, ...]) -> None:
    assert len({transliteration_key(variant) for variant in variants}) == 1


def test_transliteration_key_keeps_distinct_names_apart() -> None:
    assert transliteration_key("Interfax") != transliteration_key("Interfax-AVN")
    assert transliteration_key("Khabar") != transliteration_key("Kabar")
    assert transliteration_key("Radio Svoboda") != transliteration_key("Radio Svaboda")


@pytest.mark.parametrize(
    ("text", "host"),
    [
        ("www.rt.com", "rt.com"),
        ("https://kremlin.ru/events/123", "kremlin.ru"),
        ("Kremlin.ru", "kremlin.ru"),
        ("http://en.kremlin.ru:8080/x?y#z", "en.kremlin.ru"),
        ("RIA Novosti", None),
        ("U.S. State Department", None),
        ("Kommersant, May 3", None),
    ],
)
def test_web_host(text: str, host: str | None) -> None:
    assert web_host(text) == host


@given(st.text())
def test_resolve_accepts_any_text(text: str) -> None:
    outlet = packaged().resolve(text)
    assert outlet is None or isinstance(outlet, Outlet)


@given(st.text())
def test_normalise_is_idempotent(text: str) -> None:
    assert normalise(normalise(text)) == normalise(text)


def test_an_outlet_takes_the_label_in_force_in_the_year_cited() -> None:
    # Made here: an outlet whose owner changed, and one no reference classifies.
    changed = Outlet(
        "x",
        "X",
        affiliations=(
            Affiliation("private", "https://example.com/a", None, 2000),
            Affiliation("state-owned", "https://example.com/b", 2001),
        ),
    )
    assert [changed.affiliation(y) for y in (1999, 2000, 2001, 2011)] == [
        "private",
        "private",
        "state-owned",
        "state-owned",
    ]
    assert changed.affiliation(None) == "not classified"  # no year: neither label holds for sure
    assert Outlet("y", "Y").affiliation(2011) == "not classified"  # never "independent"
    assert [a.years for a in changed.affiliations] == ["until 2000", "since 2001"]


def test_a_sourced_label_is_shown_with_what_it_means_and_its_source(tmp_path: Path) -> None:
    from briefing.build import plan
    from briefing.config import BuildConfig
    from briefing.harness.project import copy_project

    root = copy_project(Path(__file__).resolve().parents[1], tmp_path / "p", seeds=[])
    # Made here: one claim from an outlet the registry classifies, one from one it does not.
    (root / "seeds" / "made-here.txt").write_text(
        "A Brief Made Here\n\nA claim (TASS, June 3). Another (Regnum, June 4).\n", "utf-8"
    )
    outputs = plan(BuildConfig(root=root)).outputs
    tass = outputs[root / "docs" / "outlets" / "tass.md"]
    assert "- **Affiliation:** state-owned: A government owns the outlet" in tass
    assert "Source: [https://en.wikipedia.org/wiki/TASS]" in tass
    assert "- **Affiliation:** not classified" in outputs[root / "docs" / "outlets" / "regnum.md"]
    brief = next(t for p, t in outputs.items() if p.name == "index.md" and "made-here" in str(p))
    assert 'role="cell">state-owned</span>' in brief
    assert 'role="cell">not classified</span>' in brief
