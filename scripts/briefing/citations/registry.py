"""The outlet registry: resolves an outlet as written to a registered Outlet.

The registry is a YAML data file (``data/outlets.yml``), validated on load by
:mod:`briefing.citations.registry_schema`; every problem names the file, the entry's
line and its id.

An outlet is found by, in order:

1. its web address, when the text is one (``www.rt.com``,
   ``https://en.kremlin.ru/events/123``): the longest registered address
   prefix wins, and subdomains fall back to their parent domain;
2. its name or an alias, ignoring case, accents, punctuation and a leading
   "The" (:func:`normalise`);
3. the same, folded over transliteration variants
   (:func:`transliteration_key`), but only when exactly one outlet has that
   folded form;
4. the same without a possessive ending: "RFE/RL’s Russian Service";
5. its "and"-joined pieces, when each of them names the same outlet:
   "Radio Free Europe and Radio Liberty" is RFE/RL by two of its names.

There is deliberately no fuzzy matching: "Interfax" never becomes
"Interfax-AVN" because the two look alike.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Protocol

from unidecode import unidecode

from ..model import Outlet
from ..yamlfile import read_data_file
from .joined import same_outlet
from .registry_schema import parse_registry

DEFAULT_REGISTRY = "outlets.yml"

_WEB_ADDRESS = re.compile(
    r"""^(?:https?://)?(?:www\d?\.)?
    (?P<host>[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,})\.?
    (?::\d+)?
    (?P<path>/[^?#\s]*)?
    (?:[?#]\S*)?$""",
    re.IGNORECASE | re.VERBOSE,
)
"""A web address such as ``www.rt.com``, ``Kremlin.ru`` or ``https://x.gov/p/1?q``."""

_POSSESSIVE = re.compile(r"(?<=\w)[’']s\b")
"""A possessive ending inside a name: the ``’s`` of ``RFE/RL’s Russian Service``."""

_MAX_PATH_SEGMENTS = 3
"""How many leading path segments an address key keeps (``bbc.com/russian``)."""

_TRANSLITERATION_FOLDS: tuple[tuple[str, str], ...] = (
    (" ", ""),  # Novaya Gazeta, NovayaGazeta
    ("kh", "h"),  # Ekho, Eho
    ("gh", "g"),  # Ferghana, Fergana
    ("x", "ks"),  # Expert, Ekspert
    ("j", "i"),  # Rossijskaja, Rossiyskaya
    ("y", "i"),  # Kavkazsky, Kavkazski; Tyzhnya, Tyzhnia; Yug, Iug
)
"""Plain replacements applied in order by :func:`transliteration_key`."""

_REPEATED_LETTER = re.compile(r"([a-z])\1+")
"""A run of one letter: Rossiiskaya, Rossiskaya; Kommersant, Komersant."""

_NO_DECOMPOSITION = str.maketrans({"ı": "i", "ł": "l", "ø": "o", "đ": "d", "æ": "ae", "œ": "oe"})
"""Latin letters that Unicode does not decompose into a base letter and an accent."""


def normalise(name: str) -> str:
    """The lookup key of an outlet name: case-, accent- and punctuation-free.

    A leading "The" is dropped, so "The Moscow Times" and "Moscow Times"
    share a key. Cyrillic and Arabic-script letters are kept.
    """
    text = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    text = text.translate(_NO_DECOMPOSITION)
    text = re.sub(r"[’'`´ʼ]", "", text)
    text = text.replace("&", " and ")  # "Arguments & Facts" is "Arguments and Facts"
    text = re.sub(r"[^0-9a-z\u0400-\u04ff\u0600-\u06ff]+", " ", text).strip()
    return re.sub(r"^the ", "", text)


def transliteration_key(name: str) -> str:
    """A key shared by the usual romanisations of one Russian or Ukrainian name.

    The text is romanised (Cyrillic included), normalised, stripped of
    spaces, and then folded: "kh" becomes "h", "gh" "g", "x" "ks", "j" and
    "y" become "i", runs of one letter collapse, and "ie" becomes "e". So
    "Rossiyskaya", "Rossiiskaya", "Rossijskaja" and "Российская" agree, as do
    "Ukrainska", "Ukrayinska" and "Ukraiynska"; "Kavkazsky" and "Kavkazskiy";
    "Izvestia" and "Izvestiya"; "Voennoe" and "Voyennoye".

    The fold is lossy, so the registry only trusts a folded key that exactly
    one outlet produces.
    """
    key = normalise(unidecode(name))
    for written, folded in _TRANSLITERATION_FOLDS:
        key = key.replace(written, folded)
    # Russian е after a vowel or at a word start: Voyennoye, Voennoe; Yerevan, Erevan.
    return _REPEATED_LETTER.sub(r"\1", key).replace("ie", "e")


def web_host(text: str) -> str | None:
    """The host of a web address without ``www.``, or None if not an address."""
    match = _WEB_ADDRESS.match(text.strip())
    return match.group("host").casefold() if match else None


def _web_address(text: str) -> tuple[str, tuple[str, ...]] | None:
    """The host and leading path segments of a web address, lower-cased."""
    match = _WEB_ADDRESS.match(text.strip())
    if match is None:
        return None
    path = (match.group("path") or "").casefold()
    segments = tuple(s for s in path.split("/") if s)[:_MAX_PATH_SEGMENTS]
    return match.group("host").casefold(), segments


def lookup_key(written: str) -> str:
    """The exact key an outlet name, alias or address is indexed under.

    Web addresses give ``host/segment/...`` (``bbc.com/russian``); anything
    else its :func:`normalise` form. The two never collide: only address
    keys contain a dot.
    """
    address = _web_address(written)
    if address is None:
        return normalise(written)
    host, segments = address
    return "/".join((host, *segments))


def _candidate_keys(host: str, segments: tuple[str, ...]) -> Iterator[str]:
    """Address keys from the most to the least specific."""
    while True:
        for length in range(len(segments), -1, -1):
            yield "/".join((host, *segments[:length]))
        if host.count(".") < 2:
            return
        host = host.partition(".")[2]


class OutletLookup(Protocol):
    """What reading a seed asks of the outlet registry: the outlet a name means."""

    def resolve(self, written: str) -> Outlet | None: ...


class Registry:
    """Outlets indexed by web address, normalised name and transliteration key."""

    __slots__ = ("_by_id", "_by_key", "_by_transliteration", "outlets")

    def __init__(self, outlets: Iterable[Outlet]) -> None:
        self.outlets: tuple[Outlet, ...] = tuple(sorted(outlets, key=lambda o: o.id))
        self._by_id = {outlet.id: outlet for outlet in self.outlets}
        self._by_key: dict[str, Outlet] = {}
        folded: dict[str, set[str]] = {}
        for outlet in self.outlets:
            for written in _written_forms(outlet):
                self._claim(lookup_key(written), outlet)
                key = transliteration_key(written) if _web_address(written) is None else ""
                if key:
                    folded.setdefault(key, set()).add(outlet.id)
        self._by_transliteration = {
            key: self._by_id[ids.pop()] for key, ids in folded.items() if len(ids) == 1
        }

    def _claim(self, key: str, outlet: Outlet) -> None:
        holder = self._by_key.setdefault(key, outlet)
        if holder.id != outlet.id:
            raise ValueError(f"{key!r} is claimed by both {holder.id!r} and {outlet.id!r}")

    @classmethod
    def from_outlets(cls, outlets: Iterable[Outlet]) -> Registry:
        """A registry of ``outlets``; ValueError if two claim one name or address."""
        return cls(outlets)

    def __repr__(self) -> str:
        return f"Registry({len(self.outlets)} outlets)"

    def resolve(self, written: str) -> Outlet | None:
        """The outlet meant by ``written`` ("RIA Novosti", "www.rt.com"), if known."""
        return self._one_name(written) or same_outlet(written, self._one_name)

    def _one_name(self, written: str) -> Outlet | None:
        address = _web_address(written)
        if address is not None:
            keys = _candidate_keys(*address)
            return next((self._by_key[k] for k in keys if k in self._by_key), None)
        key = normalise(written)
        if not key:
            return None
        found = self._by_key.get(key) or self._by_transliteration.get(transliteration_key(written))
        if found is None and (owner := _POSSESSIVE.sub("", written)) != written:
            found = self.resolve(owner)  # "RFE/RL’s Russian Service"
        return found

    def get(self, outlet_id: str) -> Outlet | None:
        """The outlet with id ``outlet_id``, if registered."""
        return self._by_id.get(outlet_id)


def _written_forms(outlet: Outlet) -> Iterator[str]:
    yield outlet.name
    yield from outlet.aliases
    if outlet.url:
        yield outlet.url


def load_registry(path: Path | None = None) -> Registry:
    """Load and validate the registry (the packaged one when ``path`` is None).

    Raises DataFileError listing every problem in the file.
    """
    name, text = read_data_file(DEFAULT_REGISTRY, path)
    return Registry(parse_registry(name, text, lookup_key))
