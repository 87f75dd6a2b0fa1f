"""Country and language names for readers, from Babel's locale data (CLDR).

The data files keep ISO codes (``IR``, ``fa``); pages show names (Iran,
Persian). A code CLDR does not know is shown as written, never dropped.
"""

from __future__ import annotations

import functools

import babel

from ..model import Outlet

LOCALE = "en"
"""The language the site is written in, and so the names it gives."""


@functools.cache
def _locale() -> babel.Locale:
    return babel.Locale.parse(LOCALE)


def country_name(code: str | None) -> str:
    """``Iran`` for ``IR``; ``""`` for no code (international bodies)."""
    if not code:
        return ""
    name: str = _locale().territories.get(code.upper(), code)
    return name


def language_name(code: str | None) -> str:
    """``Persian`` for ``fa``; ``""`` for no code."""
    if not code:
        return ""
    name: str = _locale().languages.get(code.lower(), code)
    return name


def outlet_kind(outlet: Outlet) -> str:
    """``news agency, Iran``: the outlet's type and, when it has one, its country."""
    return ", ".join(x for x in (outlet.type.value, country_name(outlet.country)) if x)


def other_names(outlet: Outlet) -> tuple[str, ...]:
    """The names the registry also knows the outlet by, without its own name.

    Web addresses among the aliases are not names, so they are left out."""
    seen = {outlet.name.casefold()}
    names = []
    for alias in outlet.aliases:
        if alias.casefold() not in seen and "." not in alias.split()[-1]:
            seen.add(alias.casefold())
            names.append(alias)
    return tuple(names)


def full_name(outlet: Outlet) -> str | None:
    """The spelled-out name of an outlet known by its initials (IRNA → Islamic
    Republic News Agency): the first alias whose initials are the name."""
    if not outlet.name.isupper():
        return None
    for alias in outlet.aliases:
        words = [w for w in alias.replace("-", " ").split() if w[:1].isupper()]
        if len(words) > 1 and "".join(w[0] for w in words) == outlet.name.replace(" ", ""):
            return alias
    return None
