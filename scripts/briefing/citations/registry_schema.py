"""The declared schema of the outlet registry, and its validation.

:func:`parse_registry` reads the YAML text, checks every entry against
:data:`FIELDS` and returns the outlets, or raises one :class:`RegistryError`
listing every problem, each with the file, the entry's line, the outlet id
and the field.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

import yaml

from ..errors import DataFileError
from ..model import AFFILIATION_LABELS, Affiliation, Outlet, OutletType

FIELDS: dict[str, str] = {
    "id": "required; stable key, lower-case letters, digits and hyphens",
    "name": "required; the canonical name",
    "type": "required; one of the OutletType values",
    "country": "ISO 3166-1 alpha-2 code; null for international bodies",
    "language": "ISO 639-1 code of the main language of publication",
    "affiliation": "list of {label, source, from, until}: who owns or funds it, as the"
    " source (an http(s) address) states, in the years given",
    "url": "home page, http(s)",
    "aliases": "list of other spellings, abbreviations and web addresses",
    "native_name": "the name in the outlet's own script (Коммерсант); shown and searched",
}
"""Every field an entry may have, with what it holds."""

_REQUIRED = ("id", "name", "type")

_COUNTRY_CODES = """
    AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO
    BQ BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ
    DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP
    GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG
    KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML
    MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE
    PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL
    SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM
    US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW
"""
COUNTRIES = frozenset(_COUNTRY_CODES.split())
"""The officially assigned ISO 3166-1 alpha-2 codes (not the reserved UK, EU, XK)."""

_LANGUAGE_CODES = """
    aa ab ae af ak am an ar as av ay az ba be bg bi bm bn bo br bs ca ce ch co cr cs cu cv
    cy da de dv dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho
    hr ht hu hy hz ia id ie ig ii ik io is it iu ja jv ka kg ki kj kk kl km kn ko kr ks ku
    kv kw ky la lb lg li ln lo lt lu lv mg mh mi mk ml mn mr ms mt my na nb nd ne ng nl nn
    no nr nv ny oc oj om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl sm
    sn so sq sr ss st su sv sw ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi
    vo wa wo xh yi yo za zh zu
"""
LANGUAGES = frozenset(_LANGUAGE_CODES.split())
"""The ISO 639-1 language codes."""

_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
"""A slug id: ``ria-novosti``, ``24-kg``; no leading, trailing or double hyphens."""

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
"""LibYAML's loader when PyYAML was built with it: several times faster."""

_HINTS = {"UK": "the United Kingdom is GB", "INT": "use null for international bodies"}
"""Common wrong country codes and what to write instead."""


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one entry of a registry file."""

    file: str
    line: int | None
    outlet: str | None
    field: str | None
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        who = f"outlet '{self.outlet}'" if self.outlet else "entry"
        what = f", field '{self.field}'" if self.field else ""
        return f"{where}: {who}{what}: {self.message}"


class RegistryError(DataFileError):
    """The registry file has problems; ``problems`` lists every one."""

    def __init__(self, file: str, problems: list[Problem]) -> None:
        self.problems = tuple(problems)
        super().__init__(file, f"{len(problems)} problem(s)", problems[0].line)

    def __str__(self) -> str:
        lines = (f"  {problem}" for problem in self.problems)
        return "\n".join((f"{self.file}: {len(self.problems)} problem(s):", *lines))


def parse_registry(file: str, text: str, key: Callable[[str], str]) -> tuple[Outlet, ...]:
    """The outlets of registry ``text`` (read from ``file``), validated.

    ``key`` maps a name, alias or address to the key the registry indexes it
    under; two outlets claiming one key is an error.
    """
    root, data = _compose(file, text)
    if not isinstance(root, yaml.SequenceNode) or not isinstance(data, list):
        line = root.start_mark.line + 1 if root is not None else None
        raise DataFileError(file, "expected a list of outlets", line)
    problems: list[Problem] = []
    outlets: list[Outlet] = []
    ids: dict[str, int] = {}
    claims: dict[str, tuple[str, int]] = {}
    for node, entry in zip(root.value, data, strict=True):
        line = node.start_mark.line + 1
        checker = _EntryCheck(file, line, node, entry, key)
        found = list(checker.problems())
        outlet_id = checker.outlet_id
        if outlet_id is not None:
            if outlet_id in ids:
                found.append(checker.problem("id", f"already used at line {ids[outlet_id]}"))
            ids.setdefault(outlet_id, line)
            found.extend(checker.conflicts(claims))
        problems.extend(found)
        if not found:
            outlets.append(checker.outlet())
    if problems:
        raise RegistryError(file, problems)
    return tuple(outlets)


def _compose(file: str, text: str) -> tuple[yaml.Node | None, Any]:
    """The node tree (for line numbers) and the data of one YAML document."""
    loader = _Loader(text)
    try:
        root = loader.get_single_node()
        return root, loader.construct_document(root) if root is not None else None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        reason = " ".join(filter(None, (exc.context, exc.problem)))
        line = mark.line + 1 if mark else None
        raise DataFileError(file, f"not valid YAML: {reason}", line) from exc
    except yaml.YAMLError as exc:
        raise DataFileError(file, f"not valid YAML: {exc}") from exc
    finally:
        loader.dispose()


class _EntryCheck:
    """The checks of one entry; ``problems()`` yields what is wrong with it."""

    def __init__(
        self, file: str, line: int, node: yaml.Node, entry: Any, key: Callable[[str], str]
    ) -> None:
        self.file, self.line, self.node, self.entry, self.key = file, line, node, entry, key
        is_mapping = isinstance(entry, dict)
        given = entry.get("id") if is_mapping else None
        self.outlet_id = given if isinstance(given, str) and given else None

    def problem(self, field: str | None, message: str) -> Problem:
        return Problem(self.file, self.line, self.outlet_id, field, message)

    def problems(self) -> Iterator[Problem]:
        if not isinstance(self.entry, dict):
            yield self.problem(None, f"expected a mapping, not {_kind(self.entry)}")
            return
        yield from self._fields()
        checks = (
            ("id", self._id),
            ("name", self._name),
            ("type", self._type),
            ("country", self._country),
            ("language", self._language),
            ("affiliation", self._affiliation),
            ("url", self._url),
            ("aliases", self._aliases),
            ("native_name", self._native_name),
        )
        for field, check in checks:
            missing = field in _REQUIRED and self.entry.get(field) in (None, "")
            if field in self.entry and not missing:
                message = check(self.entry[field])
                if message:
                    yield self.problem(field, message)

    def _fields(self) -> Iterator[Problem]:
        assert isinstance(self.node, yaml.MappingNode)
        seen: set[str] = set()
        for key_node, _ in self.node.value:
            name = str(key_node.value)
            if name in seen:
                yield self.problem(name, "given twice")
            seen.add(name)
        for name in sorted(set(map(str, self.entry)) - set(FIELDS)):
            yield self.problem(name, f"unknown field (known: {', '.join(FIELDS)})")
        for name in _REQUIRED:
            if self.entry.get(name) in (None, ""):
                yield self.problem(name, "required")

    def _id(self, value: Any) -> str | None:
        if not isinstance(value, str) or not _ID.match(value):
            return f"{value!r} is not a slug of lower-case letters, digits and hyphens"
        return None

    def _name(self, value: Any) -> str | None:
        if not isinstance(value, str):
            return f"expected a string, not {_kind(value)}"
        if value and not self.key(value):
            return f"{value!r} has no letters or digits"
        return None

    def _native_name(self, value: Any) -> str | None:
        if not isinstance(value, str) or not value.strip():
            return f"expected a name, not {_kind(value)}"
        return None

    def _type(self, value: Any) -> str | None:
        known = [kind.value for kind in OutletType]
        if value not in known:
            return f"{value!r} is not one of: {', '.join(known)}"
        return None

    def _country(self, value: Any) -> str | None:
        if value is None or value in COUNTRIES:
            return None
        if isinstance(value, bool):
            return f"YAML read {value} here: quote the code (NO is Norway)"
        hint = _HINTS.get(str(value))
        return f"{value!r} is not an ISO 3166-1 alpha-2 code" + (f"; {hint}" if hint else "")

    def _language(self, value: Any) -> str | None:
        if value is None or value in LANGUAGES:
            return None
        if isinstance(value, bool):
            return f"YAML read {value} here: quote the code"
        return f"{value!r} is not a lower-case ISO 639-1 code"

    def _affiliation(self, value: Any) -> str | None:
        if not isinstance(value, list) or not value:
            return "expected a list of {label, source, from, until}"
        labels = ", ".join(AFFILIATION_LABELS)
        for number, item in enumerate(value, 1):
            where = f"item {number}: "
            if not isinstance(item, dict):
                return where + f"expected a mapping, not {_kind(item)}"
            unknown = sorted(set(map(str, item)) - {"label", "source", "from", "until"})
            if unknown:
                return where + f"unknown key {unknown[0]!r} (known: label, source, from, until)"
            if item.get("label") not in AFFILIATION_LABELS:
                return where + f"label {item.get('label')!r} is not one of: {labels}"
            if not item.get("source"):
                return where + "no source: a label needs the address of a reference stating it"
            if (problem := self._url(item["source"])) is not None:
                return where + "source " + problem
            start, end = item.get("from"), item.get("until")
            if not all(y is None or type(y) is int for y in (start, end)):
                return where + "from and until are years"
            if start is not None and end is not None and start > end:
                return where + f"from {start} is after until {end}"
        return None

    def _url(self, value: Any) -> str | None:
        if value is None:
            return None
        try:
            parts = urlsplit(value) if isinstance(value, str) else None
        except ValueError:
            parts = None
        if parts is None or parts.scheme not in ("http", "https") or not parts.hostname:
            return f"{value!r} is not an http(s) address"
        if any(ch.isspace() for ch in value):
            return f"{value!r} contains white space"
        return None

    def _aliases(self, value: Any) -> str | None:
        if value is None:
            return None
        if not isinstance(value, list) or not all(isinstance(a, str) and a for a in value):
            return "expected a list of non-empty strings"
        name = self.entry.get("name")
        seen = {self.key(name): name} if isinstance(name, str) else {}
        for alias in value:
            alias_key = self.key(alias)
            if not alias_key:
                return f"{alias!r} has no letters or digits"
            if alias_key in seen:
                return f"{alias!r} repeats {seen[alias_key]!r}"
            seen[alias_key] = alias
        return None

    def conflicts(self, claims: dict[str, tuple[str, int]]) -> Iterator[Problem]:
        """Names, aliases and addresses another outlet already claimed; records ours."""
        entry = self.entry
        assert self.outlet_id is not None and isinstance(entry, dict)
        aliases = entry.get("aliases")
        written = [entry.get("name"), entry.get("url")]
        written += aliases if isinstance(aliases, list) else []
        for text in written:
            if not isinstance(text, str) or not self.key(text):
                continue
            holder, line = claims.setdefault(self.key(text), (self.outlet_id, self.line))
            if holder != self.outlet_id:
                field = "name" if text == entry.get("name") else "aliases"
                field = "url" if text == entry.get("url") else field
                yield self.problem(field, f"{text!r} is also claimed by '{holder}' (line {line})")

    def outlet(self) -> Outlet:
        entry = self.entry
        return Outlet(
            id=entry["id"],
            name=entry["name"],
            type=OutletType(entry["type"]),
            country=entry.get("country"),
            language=entry.get("language"),
            affiliations=tuple(
                Affiliation(a["label"], a["source"], a.get("from"), a.get("until"))
                for a in entry.get("affiliation") or ()
            ),
            url=entry.get("url"),
            aliases=tuple(entry.get("aliases") or ()),
            native_name=entry.get("native_name"),
        )


def _kind(value: Any) -> str:
    if value is None:
        return "nothing"
    kind = type(value).__name__
    return f"an {kind}" if kind[0] in "aeiou" else f"a {kind}"
