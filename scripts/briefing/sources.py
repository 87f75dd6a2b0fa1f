"""The outlet registry: resolves an outlet as written to a registered Outlet.

The registry is a YAML data file (``data/outlets.yml``), validated on load;
every problem names the file and the entry's key.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

import yaml

from .errors import DataFileError
from .model import Outlet, OutletType

DEFAULT_REGISTRY = "outlets.yml"

_WEB_ADDRESS = re.compile(
    r"^(?:https?://)?(?:www\.)?(?P<host>[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,})(?:[/:?#].*)?$",
    re.IGNORECASE,
)
"""A web address such as ``www.rt.com``, ``Kremlin.ru`` or ``https://x.gov/p/1``."""

_FIELDS = {"id", "name", "type", "country", "language", "state_affiliated", "url", "aliases"}


def normalise(name: str) -> str:
    """The lookup key of an outlet name: case-, accent- and punctuation-free."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    text = re.sub(r"[’'`´]", "", text)
    text = re.sub(r"[^0-9a-z\u0400-\u04ff\u0600-\u06ff]+", " ", text).strip()
    return re.sub(r"^the ", "", text)


def web_host(text: str) -> str | None:
    """The host of a web address without ``www.``, or None if not an address."""
    match = _WEB_ADDRESS.match(text.strip())
    return match.group("host").casefold() if match else None


@dataclass(frozen=True)
class Registry:
    """Outlets indexed by normalised name, alias and web host."""

    outlets: tuple[Outlet, ...]
    _by_key: dict[str, Outlet] = field(default_factory=dict, repr=False, compare=False)
    _by_host: dict[str, Outlet] = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def from_outlets(cls, outlets: Iterable[Outlet]) -> Registry:
        registry = cls(tuple(sorted(outlets, key=lambda o: o.id)))
        for outlet in registry.outlets:
            for name in (outlet.name, outlet.id, *outlet.aliases):
                registry._by_key.setdefault(normalise(name), outlet)
                host = web_host(name)
                if host:
                    registry._by_host.setdefault(host, outlet)
            if outlet.url and (host := web_host(outlet.url)):
                registry._by_host.setdefault(host, outlet)
        return registry

    def resolve(self, written: str) -> Outlet | None:
        """The outlet meant by ``written`` ("RIA Novosti", "www.rt.com"), if known."""
        host = web_host(written)
        if host:
            while host:
                if host in self._by_host:
                    return self._by_host[host]
                host = host.partition(".")[2] if host.count(".") > 1 else ""
            return None
        return self._by_key.get(normalise(written))

    def get(self, outlet_id: str) -> Outlet | None:
        return next((o for o in self.outlets if o.id == outlet_id), None)


def load_registry(path: Path | None = None) -> Registry:
    """Load and validate the registry (the packaged one when ``path`` is None)."""
    if path is None:
        source = resources.files("briefing.data").joinpath(DEFAULT_REGISTRY)
        name, text = f"briefing/data/{DEFAULT_REGISTRY}", source.read_text("utf-8")
    else:
        name, text = str(path), path.read_text("utf-8")
    try:
        entries = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        raise DataFileError(name, f"not valid YAML: {exc}", line) from exc
    if not isinstance(entries, list):
        raise DataFileError(name, "expected a list of outlets")
    return Registry.from_outlets(_outlet(name, i, entry) for i, entry in enumerate(entries))


def _outlet(file: str, index: int, entry: object) -> Outlet:
    if not isinstance(entry, dict) or not isinstance(entry.get("id"), str):
        raise DataFileError(file, f"entry {index + 1}: expected a mapping with an 'id'")
    key = entry["id"]
    unknown = set(entry) - _FIELDS
    if unknown:
        raise DataFileError(file, f"outlet '{key}': unknown field(s) {sorted(unknown)}")
    if not isinstance(entry.get("name"), str):
        raise DataFileError(file, f"outlet '{key}': 'name' must be a string")
    try:
        kind = OutletType(entry.get("type", "web site"))
    except ValueError:
        raise DataFileError(file, f"outlet '{key}': unknown type {entry.get('type')!r}") from None
    aliases = entry.get("aliases", [])
    if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
        raise DataFileError(file, f"outlet '{key}': 'aliases' must be a list of strings")
    return Outlet(
        id=key,
        name=entry["name"],
        type=kind,
        country=entry.get("country"),
        language=entry.get("language"),
        state_affiliated=entry.get("state_affiliated"),
        url=entry.get("url"),
        aliases=tuple(aliases),
    )
