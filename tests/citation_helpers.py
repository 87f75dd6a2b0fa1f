"""Shared by the citation tests: a small outlet registry and the seed article's date.

A plain module rather than a conftest, so it cannot collide with fixtures of
other features.
"""

from __future__ import annotations

import datetime as dt

from briefing.citations import DateContext
from briefing.citations.registry import Registry
from briefing.model import Outlet, OutletType

PUBLISHED = dt.date(2011, 11, 16)


def small_registry() -> Registry:
    """A handful of outlets of the genre, enough to exercise resolution."""
    return Registry.from_outlets(
        [
            Outlet("kommersant", "Kommersant", OutletType.NEWSPAPER),
            Outlet("vedomosti", "Vedomosti", OutletType.NEWSPAPER),
            Outlet("tass", "TASS", OutletType.NEWS_AGENCY, aliases=("ITAR-TASS",)),
            Outlet("interfax", "Interfax", OutletType.NEWS_AGENCY),
            Outlet("edm", "Eurasia Daily Monitor", OutletType.MAGAZINE, aliases=("EDM",)),
            Outlet("ria", "RIA Novosti", OutletType.NEWS_AGENCY),
            Outlet(
                "rg",
                "Rossiyskaya Gazeta",
                OutletType.NEWSPAPER,
                aliases=("Rossiiskaya Gazeta",),
            ),
            Outlet("up", "Ukrainska Pravda", OutletType.NEWSPAPER, aliases=("Ukrayinska Pravda",)),
            Outlet("ekho", "Ekho Moskvy", OutletType.BROADCASTER),
            Outlet("kremlin", "Kremlin.ru", OutletType.OFFICIAL, url="http://kremlin.ru"),
            Outlet("lenta", "Lenta.ru", OutletType.WEB_SITE, url="https://lenta.ru"),
            # Names containing "and", and aliases that meet across one.
            Outlet(
                "rferl",
                "Radio Free Europe/Radio Liberty",
                OutletType.BROADCASTER,
                aliases=("RFE/RL", "Radio Free Europe", "Radio Liberty"),
            ),
            Outlet(
                "aif", "Argumenty i Fakty", OutletType.NEWSPAPER, aliases=("Arguments and Facts",)
            ),
            Outlet("kyiv-post", "Kyiv Post", OutletType.NEWSPAPER),
            Outlet("jamestown", "The Jamestown Foundation", OutletType.THINK_TANK),
        ]
    )


CONTEXT = DateContext(published=PUBLISHED)
"""The date context of an article published on November 16, 2011."""
