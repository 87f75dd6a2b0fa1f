"""Imported articles → seeds and sidecars in the seeds folder, each written once.

Importing is idempotent: a seed whose text and stated values are already as
the page gives them is left alone (file, time stamp and hand-written
comments), a changed one is rewritten and the keys that changed are named.
Pages of one article (one canonical address) make one seed, found by the
address in the seeds' sidecars whatever their file name. Sidecar keys the
page does not state (a summary, sections written by hand) are kept.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from ..input.importer import Imported, Seen, Skipped, seed_name, seed_text, sidecar_values
from .staging import atomic_file

SIDECAR_NOTE = "# What the article's page states, as imported.\n"
"""The first line of a sidecar the import writes."""


@dataclass(frozen=True)
class Outcome:
    """What became of one page or feed entry."""

    origin: str
    result: str
    """``imported``, ``updated``, ``unchanged`` or ``skipped``."""
    seed: str | None = None
    detail: str = ""


def import_articles(
    items: Iterable[Imported | Skipped | Seen], seeds: Path, record: ImportRecord | None = None
) -> Iterator[Outcome]:
    """Write the seed and sidecar of every article in ``items`` into ``seeds``.

    ``record`` learns which seed each saved page made (see :class:`ImportRecord`)."""
    known = _seeds_by_address(seeds)
    for item in items:
        if isinstance(item, Skipped):
            yield Outcome(item.origin, "skipped", None, item.reason)
            continue
        if isinstance(item, Seen):
            yield Outcome(item.origin, "unchanged", f"{seeds.name}/{item.seed}.txt")
            continue
        outcome = _write(item, seeds, known)
        if item.url and outcome.seed and outcome.result != "skipped":
            known[_address_key(item.url)] = Path(outcome.seed).stem
        if record is not None and item.page_digest and outcome.seed:
            record.note(item.page_digest, seeds / Path(outcome.seed).name)
        yield outcome


class ImportRecord:
    """Which seed each saved page made, by the SHA-256 of the page's bytes, with the
    digests of the seed and sidecar as the import left them.

    A repeat import of a folder then reads again only the pages that changed,
    or whose seed or sidecar changed since (by hand, or by another page of the
    same article), or all of them when the importer itself changed
    (``version``). Kept in one JSON file; a damaged one counts as empty."""

    def __init__(self, path: Path, version: str) -> None:
        self.path, self.version = path, version
        self.pages: dict[str, list[str | None]] = {}
        try:
            data = json.loads(path.read_text("utf-8"))
        except (OSError, ValueError):
            return
        if isinstance(data, dict) and data.get("version") == version:
            pages = data.get("pages")
            if isinstance(pages, dict):
                self.pages = {
                    k: v
                    for k, v in pages.items()
                    if isinstance(v, list) and len(v) == 3 and isinstance(v[0], str)
                }

    def seen(self, page: str, seeds: Path) -> str | None:
        """The seed the page with digest ``page`` made, if it is still as the import left it."""
        entry = self.pages.get(page)
        if entry is None or "/" in str(entry[0]) or str(entry[0]).startswith("."):
            return None
        name = str(entry[0])
        seed = seeds / f"{name}.txt"
        if [name, _digest(seed), _digest(seed.with_suffix(".yml"))] != entry:
            return None
        return name

    def note(self, page: str, seed: Path) -> None:
        """The page with digest ``page`` made (or matched) ``seed``, as it is now."""
        self.pages[page] = [seed.stem, _digest(seed), _digest(seed.with_suffix(".yml"))]

    def save(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        data = {"version": self.version, "pages": dict(sorted(self.pages.items()))}
        _save(self.path, json.dumps(data, indent=0, sort_keys=False) + "\n")


def _digest(path: Path) -> str | None:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


def importer_version() -> str:
    """A digest of the code that turns pages into seeds: a new importer reads every page again."""
    package = Path(__file__).resolve().parents[1]
    digest = hashlib.sha256()
    for path in sorted([*(package / "input" / "importer").glob("*.py"), Path(__file__)]):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def _write(article: Imported, seeds: Path, known: dict[str, str]) -> Outcome:
    name = (known.get(_address_key(article.url)) if article.url else None) or seed_name(article)
    seed, sidecar = seeds / f"{name}.txt", seeds / f"{name}.yml"
    shown = f"{seeds.name}/{seed.name}"
    stated, existed = _load(sidecar), seed.exists()
    if existed and _address_key(stated.get("url")) != _address_key(article.url):
        where = stated.get("url") or "no address"
        return Outcome(article.origin, "skipped", None, f"{shown} holds another article ({where})")
    text = seed_text(article)
    page = sidecar_values(article)
    if existed:
        page.pop("slug", None)  # a brief's URL name never changes once published
    values = {**stated, **page}
    if "url" in stated:
        values["url"] = stated["url"]  # the same address, perhaps without its final "/"
    changed = [key for key in values if stated.get(key) != values[key]]
    if existed and not _same_text(seed.read_text("utf-8-sig"), text):
        changed.insert(0, "text")
    if existed and not changed:
        return Outcome(article.origin, "unchanged", shown)
    seeds.mkdir(parents=True, exist_ok=True)
    if values and (not sidecar.exists() or any(c != "text" for c in changed)):
        _save(sidecar, SIDECAR_NOTE + _yaml(values))
    if not existed or "text" in changed:
        _save(seed, text)
    if not existed:
        return Outcome(article.origin, "imported", shown)
    return Outcome(article.origin, "updated", shown, ", ".join(changed))


def _same_text(old: str, new: str) -> bool:
    """Whether two seed texts are the same but for line ends and a final newline."""
    return old.replace("\r\n", "\n").rstrip("\n") == new.rstrip("\n")


def _seeds_by_address(seeds: Path) -> dict[str, str]:
    """The seeds whose sidecar states an address: address → seed name."""
    found: dict[str, str] = {}
    for sidecar in sorted(seeds.glob("*.yml")):
        url = _load(sidecar).get("url")
        if isinstance(url, str) and sidecar.with_suffix(".txt").exists():
            found.setdefault(_address_key(url), sidecar.stem)
    return found


def _address_key(url: object) -> str:
    """``https://x.org/a/`` and ``https://x.org/a`` are one article."""
    return url.strip().rstrip("/") if isinstance(url, str) else ""


_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
"""libyaml's safe loader where PyYAML has it: the same values, read faster."""


def _load(sidecar: Path) -> dict[str, Any]:
    """A sidecar's values; an unreadable one counts as empty (the build reports it)."""
    try:
        data = yaml.load(sidecar.read_text("utf-8-sig"), Loader=_Loader)
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return {}
    return data if isinstance(data, dict) else {}


def _yaml(values: dict[str, Any]) -> str:
    return yaml.safe_dump(values, sort_keys=False, allow_unicode=True, width=100)


def _save(path: Path, text: str) -> None:
    with atomic_file(path) as handle:
        handle.write(text.encode("utf-8"))
