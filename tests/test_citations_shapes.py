"""A table of parenthetical shapes of the genre: what is a citation and what is not.

Dates are (year, month, day); the article was published on November 16,
2011, so a yearless date after November 16 belongs to 2010.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pytest

from briefing.citations import extract
from briefing.citations.classify import _owner
from briefing.citations.dates import shared_dates
from briefing.citations.outlets import SourcePart
from briefing.citations.registry import load_registry
from briefing.model import ParentheticalKind
from tests.citation_helpers import CONTEXT, small_registry

REGISTRY = small_registry()
FULL = load_registry()
"""The project's registry, for names the small one lacks (``Channel 5 (Ukraine)``)."""

Date = tuple[int | None, int | None, int | None]

CITATIONS: list[tuple[str, list[tuple[str, list[Date]]]]] = [
    # One outlet, one date.
    ("(Vedomosti, March 3)", [("Vedomosti", [(2011, 3, 3)])]),
    ("(TASS, March 15, 2019)", [("TASS", [(2019, 3, 15)])]),
    ("(Interfax, Sept. 3)", [("Interfax", [(2011, 9, 3)])]),
    ("(Interfax, Oct 3)", [("Interfax", [(2011, 10, 3)])]),
    ("(Kommersant, Dec. 20)", [("Kommersant", [(2010, 12, 20)])]),
    ("(Kommersant, November 16)", [("Kommersant", [(2011, 11, 16)])]),
    ("(Kommersant, November 17)", [("Kommersant", [(2010, 11, 17)])]),
    ("(Kommersant, 3 March 2012)", [("Kommersant", [(2012, 3, 3)])]),
    ("(Kommersant, March 2012)", [("Kommersant", [(2012, 3, None)])]),
    ("(Kommersant, 2009)", [("Kommersant", [(2009, None, None)])]),
    # Several outlets.
    (
        "(Interfax, April 2; The Diplomat, April 9)",
        [("Interfax", [(2011, 4, 2)]), ("The Diplomat", [(2011, 4, 9)])],
    ),
    (
        "(Interfax, Vedomosti, May 12)",
        [("Interfax", [(2011, 5, 12)]), ("Vedomosti", [(2011, 5, 12)])],
    ),
    (
        "(Agency A, Agency B, Agency C, June 1)",
        [("Agency A", [(2011, 6, 1)]), ("Agency B", [(2011, 6, 1)]), ("Agency C", [(2011, 6, 1)])],
    ),
    (
        "(Kommersant, March 3, Vedomosti, March 4)",
        [("Kommersant", [(2011, 3, 3)]), ("Vedomosti", [(2011, 3, 4)])],
    ),
    ("(Interfax and TASS, May 3)", [("Interfax", [(2011, 5, 3)]), ("TASS", [(2011, 5, 3)])]),
    (
        "(Kommersant, March 3; Vedomosti, March 4, 5; TASS, March 6, 2010)",
        [
            ("Kommersant", [(2011, 3, 3)]),
            ("Vedomosti", [(2011, 3, 4), (2011, 3, 5)]),
            ("TASS", [(2010, 3, 6)]),
        ],
    ),
    # One outlet, several dates.
    ("(EDM, May 2, 4)", [("EDM", [(2011, 5, 2), (2011, 5, 4)])]),
    ("(EDM, May 2 and 4)", [("EDM", [(2011, 5, 2), (2011, 5, 4)])]),
    ("(see EDM, March 22, April 13)", [("EDM", [(2011, 3, 22), (2011, 4, 13)])]),
    (
        "(see EDM, November 5, 6, 2015; January 12, 2016)",
        [("EDM", [(2015, 11, 5), (2015, 11, 6), (2016, 1, 12)])],
    ),
    (
        "(EDM, May 2, 2014, June 3, 5, 2015, July 1)",
        [("EDM", [(2014, 5, 2), (2015, 6, 3), (2015, 6, 5), (2011, 7, 1)])],
    ),
    ("(Kommersant, March 30–31)", [("Kommersant", [(2011, 3, 30), (2011, 3, 31)])]),
    # Cross-references and prefixes.
    ("(see EDM, March 5)", [("EDM", [(2011, 3, 5)])]),
    ("(See EDM, March 5)", [("EDM", [(2011, 3, 5)])]),
    ("(see also EDM, March 5)", [("EDM", [(2011, 3, 5)])]),
    ("(see, e.g., EDM, March 5)", [("EDM", [(2011, 3, 5)])]),
    ("(e.g., Interfax, May 3)", [("Interfax", [(2011, 5, 3)])]),
    ("(cf. TASS, May 3)", [("TASS", [(2011, 5, 3)])]),
    ("(for details see EDM, May 3)", [("EDM", [(2011, 5, 3)])]),
    ("(for details, see EDM, May 3)", [("EDM", [(2011, 5, 3)])]),
    ("(for more see EDM, May 3)", [("EDM", [(2011, 5, 3)])]),
    ("(For more on this, see EDM, March 3)", [("EDM", [(2011, 3, 3)])]),
    ("(as reported by TASS, May 3)", [("TASS", [(2011, 5, 3)])]),
    ("(according to Interfax, May 3)", [("Interfax", [(2011, 5, 3)])]),
    ("(interview with Ekho Moskvy, May 3)", [("Ekho Moskvy", [(2011, 5, 3)])]),
    ("(see Part One, EDM, March 1)", [("EDM", [(2011, 3, 1)])]),
    ("(EDM, Part Two, March 1)", [("EDM", [(2011, 3, 1)])]),
    # Glosses, titles, places and notes.
    ("(cutting gas to Kyiv—see EDM, February 3)", [("EDM", [(2011, 2, 3)])]),
    ("(cutting gas to Kyiv – see EDM, February 3)", [("EDM", [(2011, 2, 3)])]),
    ("(on the new doctrine, see EDM, February 3)", [("EDM", [(2011, 2, 3)])]),
    ("(“Title, With a Comma,” EDM, July 9)", [("EDM", [(2011, 7, 9)])]),
    ('("Title, With a Comma," EDM, July 9)', [("EDM", [(2011, 7, 9)])]),
    ("(Vladimir Socor, “Minsk Deal,” EDM, July 9)", [("EDM", [(2011, 7, 9)])]),
    ("(Interfax [Kyiv], March 2)", [("Interfax", [(2011, 3, 2)])]),
    ("(Interfax, Kyiv, March 2)", [("Interfax", [(2011, 3, 2)])]),
    ("(see Roger McDermott, EDM, March 3)", [("EDM", [(2011, 3, 3)])]),
    ("(Vedomosti, May 3; Kommersant)", [("Vedomosti", [(2011, 5, 3)]), ("Kommersant", [])]),
    ("(Vladimir Socor, EDM, June 2, 2015)", [("EDM", [(2015, 6, 2)])]),
    ("(Kyiv Post, EDM, May 3)", [("Kyiv Post", [(2011, 5, 3)]), ("EDM", [(2011, 5, 3)])]),
    ("(Kommersant-Vlast, No. 12, March 28)", [("Kommersant-Vlast", [(2011, 3, 28)])]),
    ("(Kommersant, in Russian, May 3)", [("Kommersant", [(2011, 5, 3)])]),
    ("(Putin’s speech, Kremlin.ru, May 3)", [("Kremlin.ru", [(2011, 5, 3)])]),
    # Web sites.
    ("(lenta.ru, August 8)", [("lenta.ru", [(2011, 8, 8)])]),
    ("(Kremlin.ru, June 3)", [("Kremlin.ru", [(2011, 6, 3)])]),
    ("(www.24.kg, May 19)", [("www.24.kg", [(2011, 5, 19)])]),
    ("(www.forum.msk.ru, November 9, 2009)", [("www.forum.msk.ru", [(2009, 11, 9)])]),
    ("(https://example.gov/press/123.html)", [("https://example.gov/press/123.html", [])]),
    ("(www.mid.ru)", [("www.mid.ru", [])]),
    ("(see www.mid.ru)", [("www.mid.ru", [])]),
    ("(site.ru/news/2012/11/22/777-slug.html)", [("site.ru/news/2012/11/22/777-slug.html", [])]),
    ("see the statement at site.ru/page.html.", [("site.ru/page.html", [])]),
    ("(the text is at www.mid.ru/doc/1.html)", [("www.mid.ru/doc/1.html", [])]),
    # Access dates.
    ("(Minfin.ru, accessed July 14)", [("Minfin.ru", [(2011, 7, 14)])]),
    ("(Minfin.ru, last accessed on July 14, 2020)", [("Minfin.ru", [(2020, 7, 14)])]),
    # Transliterated and unusual names.
    ("(Rossiyskaya Gazeta, May 1)", [("Rossiyskaya Gazeta", [(2011, 5, 1)])]),
    ("(Rossiiskaya Gazeta, May 1)", [("Rossiiskaya Gazeta", [(2011, 5, 1)])]),
    ("(Ukrainska Pravda, May 1)", [("Ukrainska Pravda", [(2011, 5, 1)])]),
    ("(Ukrayinska Pravda, May 1)", [("Ukrayinska Pravda", [(2011, 5, 1)])]),
    ("(Kavkazsky Uzel, May 1)", [("Kavkazsky Uzel", [(2011, 5, 1)])]),
    ("(Ekho Moskvy, May 1)", [("Ekho Moskvy", [(2011, 5, 1)])]),
    ("(Nezavisimaya Gazeta, May 1)", [("Nezavisimaya Gazeta", [(2011, 5, 1)])]),
    ("(Nezavisimaya gazeta, May 1)", [("Nezavisimaya gazeta", [(2011, 5, 1)])]),
    ("(Rustavi 2, June 28)", [("Rustavi 2", [(2011, 6, 28)])]),
    ("(Rossiya 24, June 28)", [("Rossiya 24", [(2011, 6, 28)])]),
    ("(Channel One, June 28)", [("Channel One", [(2011, 6, 28)])]),
    ("(Interfax-Ukraine, June 28)", [("Interfax-Ukraine", [(2011, 6, 28)])]),
    (
        "(Radio Free Europe/Radio Liberty, June 28)",
        [("Radio Free Europe/Radio Liberty", [(2011, 6, 28)])],
    ),
    ("(RFE/RL, June 28)", [("RFE/RL", [(2011, 6, 28)])]),
    ("(Moskovsky Komsomolets, June 28)", [("Moskovsky Komsomolets", [(2011, 6, 28)])]),
    ("(The Wall Street Journal, June 28)", [("The Wall Street Journal", [(2011, 6, 28)])]),
    ("(Gazeta.ru, June 28)", [("Gazeta.ru", [(2011, 6, 28)])]),
    ("(Eurasianet.org, June 28)", [("Eurasianet.org", [(2011, 6, 28)])]),
    ("(Deutsche Welle, June 28)", [("Deutsche Welle", [(2011, 6, 28)])]),
    ("(BBC Russian Service, June 28)", [("BBC Russian Service", [(2011, 6, 28)])]),
    ("(Trend.az, June 28)", [("Trend.az", [(2011, 6, 28)])]),
    ("(APA, June 28)", [("APA", [(2011, 6, 28)])]),
    ("(1news.az, June 28)", [("1news.az", [(2011, 6, 28)])]),
    ("(Voice of America, June 28)", [("Voice of America", [(2011, 6, 28)])]),
    ("(Jane’s Defence Weekly, June 28)", [("Jane’s Defence Weekly", [(2011, 6, 28)])]),
    ("(al-Jazeera, June 28)", [("al-Jazeera", [(2011, 6, 28)])]),
    (
        "(Institute for War and Peace Reporting, June 28)",
        [("Institute for War and Peace Reporting", [(2011, 6, 28)])],
    ),
    # Positions.
    ("Armenia. (Rustavi 2, June 28).", [("Rustavi 2", [(2011, 6, 28)])]),
    ("Why? (TASS, June 28)", [("TASS", [(2011, 6, 28)])]),
    ("the OSCE (OSCE) (Belta.by, October 2)", [("Belta.by", [(2011, 10, 2)])]),
    ("said(TASS, March 3)", [("TASS", [(2011, 3, 3)])]),
    ("(Interfax,\n  May 3)", [("Interfax", [(2011, 5, 3)])]),
    # A text part beside a citation does not hide it.
    (
        "(Kommersant, March 3; author’s interviews, Baku, May 2012)",
        [("Kommersant", [(2011, 3, 3)])],
    ),
    ("(the deal was signed in 2010; Kommersant, March 3)", [("Kommersant", [(2011, 3, 3)])]),
    # Slips of typography.
    ("(Interfax, March 3 [in Russian])", [("Interfax", [(2011, 3, 3)])]),
    ("(Kommersant, March 3.)", [("Kommersant", [(2011, 3, 3)])]),
    ("(Kommersant, March 03)", [("Kommersant", [(2011, 3, 3)])]),
    ("(Kommersant March 3)", [("Kommersant", [(2011, 3, 3)])]),
    ("(Interfax, March 31–April 1)", [("Interfax", [(2011, 3, 31), (2011, 4, 1)])]),
    (
        "(Kommersant, March 3, 2014, and April 2, 2014)",
        [("Kommersant", [(2014, 3, 3), (2014, 4, 2)])],
    ),
    (
        "(Kommersant, March 3, 2014, cited in EDM, March 5, 2014)",
        [("Kommersant", [(2014, 3, 3)]), ("EDM", [(2014, 3, 5)])],
    ),
    ("(Twitter, @mfa_russia, March 3)", [("Twitter", [(2011, 3, 3)])]),
    (
        "(Institute for the Study of War, March 3)",
        [("Institute for the Study of War", [(2011, 3, 3)])],
    ),
    ("(Council on Foreign Relations, March 3)", [("Council on Foreign Relations", [(2011, 3, 3)])]),
    ("(Levada Center, March 2015)", [("Levada Center", [(2015, 3, None)])]),
    # An impossible date is kept, and reported (see test_impossible_date_is_a_problem).
    ("(TASS, February 30)", [("TASS", [(2011, 2, 30)])]),
    # "and" inside a name or between names: the registry decides, then grammar.
    (
        "(Radio Free Europe and Radio Liberty, May 3)",
        [("Radio Free Europe and Radio Liberty", [(2011, 5, 3)])],
    ),
    (
        "(Radio Liberty and Radio Free Europe, May 3)",
        [("Radio Liberty and Radio Free Europe", [(2011, 5, 3)])],
    ),
    ("(Arguments and Facts, May 3)", [("Arguments and Facts", [(2011, 5, 3)])]),
    ("(Arguments & Facts, May 3)", [("Arguments & Facts", [(2011, 5, 3)])]),
    (
        "(Kommersant and Vedomosti, May 3)",
        [("Kommersant", [(2011, 5, 3)]), ("Vedomosti", [(2011, 5, 3)])],
    ),
    (
        "(Kommersant & Vedomosti, May 3)",
        [("Kommersant", [(2011, 5, 3)]), ("Vedomosti", [(2011, 5, 3)])],
    ),
    (
        "(Kommersant, Vedomosti, and TASS, May 3)",
        [("Kommersant", [(2011, 5, 3)]), ("Vedomosti", [(2011, 5, 3)]), ("TASS", [(2011, 5, 3)])],
    ),
    (
        "(Kyiv Post and Ukrainska Pravda, May 3)",
        [("Kyiv Post", [(2011, 5, 3)]), ("Ukrainska Pravda", [(2011, 5, 3)])],
    ),
    (
        "(Kyiv Post and Arguments and Facts, May 3)",
        [("Kyiv Post", [(2011, 5, 3)]), ("Arguments and Facts", [(2011, 5, 3)])],
    ),
    (
        "(Arguments and Facts and Radio Liberty, May 3)",
        [("Arguments and Facts", [(2011, 5, 3)]), ("Radio Liberty", [(2011, 5, 3)])],
    ),
    (
        "(Kommersant, Radio Free Europe and Radio Liberty, May 3; TASS, May 4)",
        [
            ("Kommersant", [(2011, 5, 3)]),
            ("Radio Free Europe and Radio Liberty", [(2011, 5, 3)]),
            ("TASS", [(2011, 5, 4)]),
        ],
    ),
    (
        "(Ministry of Foreign Affairs and European Integration, May 3)",
        [("Ministry of Foreign Affairs and European Integration", [(2011, 5, 3)])],
    ),
    (
        "(Ministry of Industry and Trade, May 3)",
        [("Ministry of Industry and Trade", [(2011, 5, 3)])],
    ),
    (
        "(Ministry of Foreign Affairs and Interfax, May 3)",
        [("Ministry of Foreign Affairs", [(2011, 5, 3)]), ("Interfax", [(2011, 5, 3)])],
    ),
    (
        "(Institute for War and Peace Reporting and Kommersant, May 3)",
        [("Institute for War and Peace Reporting", [(2011, 5, 3)]), ("Kommersant", [(2011, 5, 3)])],
    ),
    (
        "(Human Rights Watch and Amnesty International, May 3)",
        [("Human Rights Watch", [(2011, 5, 3)]), ("Amnesty International", [(2011, 5, 3)])],
    ),
    ("(Reuters and BBC, May 3)", [("Reuters", [(2011, 5, 3)]), ("BBC", [(2011, 5, 3)])]),
    # Cross-references written as prose: a dated pointer to a registered outlet.
    ("(see Part One in EDM, October 3, 2011)", [("EDM", [(2011, 10, 3)])]),
    ("(see EDM Part One, October 3)", [("EDM", [(2011, 10, 3)])]),
    ("(see Part One: EDM, October 3)", [("EDM", [(2011, 10, 3)])]),
    ("(see Part II in EDM, October 3)", [("EDM", [(2011, 10, 3)])]),
    ("(see EDM’s earlier coverage of the talks, October 3, 2010)", [("EDM", [(2010, 10, 3)])]),
    (
        "(see Eurasia Daily Monitor’s coverage, October 3)",
        [("Eurasia Daily Monitor", [(2011, 10, 3)])],
    ),
    ("(see the author’s article in EDM, October 3)", [("EDM", [(2011, 10, 3)])]),
    ("(see the author's earlier article in EDM, October 3)", [("EDM", [(2011, 10, 3)])]),
    ("(see the first installment of this series in EDM, October 3)", [("EDM", [(2011, 10, 3)])]),
    ("(as reported in EDM on October 3)", [("EDM", [(2011, 10, 3)])]),
    ("(as EDM reported on October 3, 2010)", [("EDM", [(2010, 10, 3)])]),
    ("(discussed in EDM, October 3)", [("EDM", [(2011, 10, 3)])]),
    ("(see EDM articles from October 3 and 5)", [("EDM", [(2011, 10, 3), (2011, 10, 5)])]),
    ("(see EDM, October 3 and Part Two of this article)", [("EDM", [(2011, 10, 3)])]),
    ("(see EDM, October 3, 2010 and Part Two of this series)", [("EDM", [(2010, 10, 3)])]),
    ("(see Jamestown Foundation’s EDM, October 3)", [("EDM", [(2011, 10, 3)])]),
    ("(see Kommersant’s report, October 3)", [("Kommersant", [(2011, 10, 3)])]),
    ("(in an interview with Kommersant, May 3)", [("Kommersant", [(2011, 5, 3)])]),
    ("(for background, see EDM, October 3)", [("EDM", [(2011, 10, 3)])]),
    ("(see EDM, October 3, 2010; Part One of this series)", [("EDM", [(2010, 10, 3)])]),
    ("(see EDM, October 3; see also Part One of this series)", [("EDM", [(2011, 10, 3)])]),
    ("(See EDM, October 3 for the first part of this series)", [("EDM", [(2011, 10, 3)])]),
    ("(See Part One: “Title,” EDM, October 3)", [("EDM", [(2011, 10, 3)])]),
    ("(see EDM Volume 8, Issue 180, October 3, 2011)", [("EDM", [(2011, 10, 3)])]),
    (
        "(see EDM, Parts One and Two, October 3 and 10)",
        [("EDM", [(2011, 10, 3), (2011, 10, 10)])],
    ),
    (
        "(see Part One in EDM, October 3, and Part Two, October 10)",
        [("EDM", [(2011, 10, 3)]), ("EDM", [(2011, 10, 10)])],
    ),
    (
        "(Kommersant, May 3 and Vedomosti, May 4)",
        [("Kommersant", [(2011, 5, 3)]), ("Vedomosti", [(2011, 5, 4)])],
    ),
    # Made here: a serial "and" before the next source hid its name (Vedomosti
    # was dropped, or became the note "and Vedomosti" of Interfax).
    (
        "(Kommersant, May 3, and Vedomosti, May 4)",
        [("Kommersant", [(2011, 5, 3)]), ("Vedomosti", [(2011, 5, 4)])],
    ),
    (
        "(Kommersant, May 3; and Vedomosti, May 4)",
        [("Kommersant", [(2011, 5, 3)]), ("Vedomosti", [(2011, 5, 4)])],
    ),
    (
        "(Kommersant, May 3, & Vedomosti, May 4)",
        [("Kommersant", [(2011, 5, 3)]), ("Vedomosti", [(2011, 5, 4)])],
    ),
    (
        "(Kommersant, May 3, and Vedomosti and Interfax, May 4)",
        [
            ("Kommersant", [(2011, 5, 3)]),
            ("Vedomosti", [(2011, 5, 4)]),
            ("Interfax", [(2011, 5, 4)]),
        ],
    ),
    (
        "(Kommersant, May 3, and Vedomosti)",
        [("Kommersant", [(2011, 5, 3)]), ("Vedomosti", [])],
    ),
    # Made here: a registered outlet in an undated segment before the dated
    # one was dropped; after it, it was already cited without a date.
    (
        "(Kommersant; Vedomosti, May 3)",
        [("Kommersant", []), ("Vedomosti", [(2011, 5, 3)])],
    ),
    (
        "(TASS; Interfax, Kommersant; Vedomosti, May 3)",
        [("TASS", []), ("Interfax", []), ("Kommersant", []), ("Vedomosti", [(2011, 5, 3)])],
    ),
    ("(Background; Vedomosti, May 3)", [("Vedomosti", [(2011, 5, 3)])]),
    (
        "(Arguments and Facts; Vedomosti, May 3)",
        [("Arguments and Facts", []), ("Vedomosti", [(2011, 5, 3)])],
    ),
    # Made here: another registered outlet's address was given to the source
    # before it as its page, and not cited.
    ("(Kommersant, May 3, and Lenta.ru)", [("Kommersant", [(2011, 5, 3)]), ("Lenta.ru", [])]),
    # Made here: an undated registered outlet with words beside it was dropped.
    (
        "(Kommersant, May 3; Vedomosti, same day)",
        [("Kommersant", [(2011, 5, 3)]), ("Vedomosti", [])],
    ),
    (
        "(Kommersant, May 3, lenta.ru/news/1)",
        [("Kommersant", [(2011, 5, 3)]), ("lenta.ru/news/1", [])],
    ),
    # Made here: day-first lists were TEXT "list", or gave an outlet "3".
    ("(Kommersant, 3-4 May)", [("Kommersant", [(2011, 5, 3), (2011, 5, 4)])]),
    ("(Kommersant, 3 and 4 May 2010)", [("Kommersant", [(2010, 5, 3), (2010, 5, 4)])]),
    (
        "(Kommersant, 3, 4, 5 May)",
        [("Kommersant", [(2011, 5, 3), (2011, 5, 4), (2011, 5, 5)])],
    ),
    (
        "(Kommersant and Vedomosti, May 3 and 4)",
        [("Kommersant", [(2011, 5, 3), (2011, 5, 4)]), ("Vedomosti", [(2011, 5, 3), (2011, 5, 4)])],
    ),
    ("(see the previous EDM article, October 3)", [("EDM", [(2011, 10, 3)])]),
    (
        "(see Part One in Arguments and Facts, October 3)",
        [("Arguments and Facts", [(2011, 10, 3)])],
    ),
    (
        "(as discussed in previous issues of EDM, October 3 and 5)",
        [("EDM", [(2011, 10, 3), (2011, 10, 5)])],
    ),
    (
        "(see Eurasia Daily Monitor, a Jamestown publication, October 3)",
        [("Eurasia Daily Monitor", [(2011, 10, 3)])],
    ),
    # Made here: one date list given once after a dash and "all" for the
    # sources before it. "TASS—all" was cited as an outlet of its own; with a
    # spaced dash the whole parenthetical was AMBIGUOUS "unclear source".
    *(
        (
            f"(RIA Novosti, Interfax, TASS{dash}all May 3)",
            [
                ("RIA Novosti", [(2011, 5, 3)]),
                ("Interfax", [(2011, 5, 3)]),
                ("TASS", [(2011, 5, 3)]),
            ],
        )
        for dash in ("—", " – ", "--", " — ", ", ")
    ),
    (
        "(Interfax and TASS—all May 3 and 4, 2010)",
        [("Interfax", [(2010, 5, 3), (2010, 5, 4)]), ("TASS", [(2010, 5, 3), (2010, 5, 4)])],
    ),
    # Unregistered here: RFE/RL, with the service as the note.
    (
        "(RFE/RL’s Russian Service and Kommersant, May 3)",
        [("RFE/RL", [(2011, 5, 3)]), ("Kommersant", [(2011, 5, 3)])],
    ),
]

NOT_CITATIONS: list[tuple[str, ParentheticalKind, str]] = [
    ("(OSCE)", ParentheticalKind.TEXT, "abbreviation"),
    ("(CSTO, SCO)", ParentheticalKind.TEXT, "abbreviation"),
    ("(GUAM)", ParentheticalKind.TEXT, "abbreviation"),
    ("(EaP)", ParentheticalKind.TEXT, "abbreviation"),
    ("(S-400)", ParentheticalKind.TEXT, "abbreviation"),
    ("(Armenia, Azerbaijan and Georgia)", ParentheticalKind.TEXT, "list"),
    ("(oil, gas and coal)", ParentheticalKind.TEXT, "list"),
    ("($2.3 billion)", ParentheticalKind.TEXT, "money"),
    ("(€500 million)", ParentheticalKind.TEXT, "money"),
    ("(about 40 billion rubles)", ParentheticalKind.TEXT, "money"),
    ("(1994–1996)", ParentheticalKind.TEXT, "range"),
    ("(1994-96)", ParentheticalKind.TEXT, "range"),
    ("(March 10–14)", ParentheticalKind.TEXT, "range"),
    ("(October 3–December 1, 2018)", ParentheticalKind.TEXT, "range"),
    ("yesterday (May 9)", ParentheticalKind.TEXT, "bare date"),
    ("(April 2014)", ParentheticalKind.TEXT, "bare date"),
    ("(as of June 1, 2016)", ParentheticalKind.TEXT, "bare date"),
    ("(2008)", ParentheticalKind.TEXT, "bare date"),
    ("(in 2008)", ParentheticalKind.TEXT, "bare date"),
    ("(since May 2014)", ParentheticalKind.TEXT, "bare date"),
    ("(1990s)", ParentheticalKind.TEXT, "bare date"),
    ("(in Minsk, March 3)", ParentheticalKind.TEXT, "bare date"),
    (
        "(the agreement was signed in Minsk on February 12, 2015, after long talks)",
        ParentheticalKind.TEXT,
        "clause",
    ),
    (
        "(which, according to officials, will be completed by May 2015)",
        ParentheticalKind.TEXT,
        "clause",
    ),
    ("(see above)", ParentheticalKind.TEXT, "pointer"),
    ("(see related article)", ParentheticalKind.TEXT, "pointer"),
    ("(see below)", ParentheticalKind.TEXT, "pointer"),
    ("(see Table 1)", ParentheticalKind.TEXT, "pointer"),
    ("(see map)", ParentheticalKind.TEXT, "pointer"),
    ("(siloviki)", ParentheticalKind.TEXT, "gloss"),
    ("(electronic warfare—EW)", ParentheticalKind.TEXT, "gloss"),
    ('(literally "little green men")', ParentheticalKind.TEXT, "gloss"),
    ("(literally “little green men”)", ParentheticalKind.TEXT, "gloss"),
    ("(Russian: siloviki)", ParentheticalKind.TEXT, "gloss"),
    ("(i.e., the security services)", ParentheticalKind.TEXT, "gloss"),
    ("(“Zapad”)", ParentheticalKind.TEXT, "gloss"),
    ("(aged 54)", ParentheticalKind.TEXT, "number"),
    ("(out of 120)", ParentheticalKind.TEXT, "number"),
    ("(12 percent)", ParentheticalKind.TEXT, "number"),
    ("(12%)", ParentheticalKind.TEXT, "number"),
    ("(pre)conditions", ParentheticalKind.TEXT, "in-word"),
    ("region(s)", ParentheticalKind.TEXT, "in-word"),
    ("(Part Two)", ParentheticalKind.TEXT, "part reference"),
    ("(see Part One of this article)", ParentheticalKind.TEXT, "part reference"),
    ("(Source: novinite.com)", ParentheticalKind.TEXT, "image credit"),
    ("(Photo: AFP)", ParentheticalKind.TEXT, "image credit"),
    ("(Rosatom)", ParentheticalKind.TEXT, "name"),
    ("(Victory Day, May 9)", ParentheticalKind.TEXT, "event"),
    ("(UN Security Council Resolution 2231, July 20, 2015)", ParentheticalKind.TEXT, "event"),
    ("(the Minsk Agreement of February 12, 2015)", ParentheticalKind.TEXT, "clause"),
    ("(Munich Security Conference, February 10)", ParentheticalKind.TEXT, "event"),
    ("(Resolution 2231, July 20, 2015)", ParentheticalKind.TEXT, "event"),
    ("(Minsk Protocol, September 5, 2014)", ParentheticalKind.TEXT, "event"),
    ("(in 2014–2015)", ParentheticalKind.TEXT, "range"),
    ("(signed on March 3)", ParentheticalKind.TEXT, "bare date"),
    ("(Putin on March 3)", ParentheticalKind.AMBIGUOUS, "unclear source"),
    ("(Azerbaijan, March 3)", ParentheticalKind.AMBIGUOUS, "place"),
    ("()", ParentheticalKind.TEXT, "empty"),
    ("the text (never closed", ParentheticalKind.TEXT, "unclosed"),
    ("(Moscow, May 9)", ParentheticalKind.AMBIGUOUS, "place"),
    ("(Armenia, Azerbaijan and Georgia, May 12)", ParentheticalKind.AMBIGUOUS, "place"),
    ("(Kommersant)", ParentheticalKind.AMBIGUOUS, "undated outlet"),
    ("(see EDM)", ParentheticalKind.AMBIGUOUS, "undated outlet"),
    ("(Author’s interview, May 2012)", ParentheticalKind.AMBIGUOUS, "interview"),
    ("(“Title of an Article,” May 3)", ParentheticalKind.AMBIGUOUS, "title only"),
    (
        "(Russian Foreign Ministry statement, May 3)",
        ParentheticalKind.AMBIGUOUS,
        "unclear source",
    ),
    # "and" between places is a list of places, not an outlet named "X and Y".
    ("(Azerbaijan and Georgia, May 12)", ParentheticalKind.AMBIGUOUS, "place"),
    # Undated cross-references in prose are pointers, never citations.
    ("(see Part One in EDM)", ParentheticalKind.TEXT, "part reference"),
    ("(discussed in Part One)", ParentheticalKind.TEXT, "part reference"),
    ("(see the first part of this series)", ParentheticalKind.TEXT, "part reference"),
    ("(as discussed in Part Two of this article)", ParentheticalKind.TEXT, "part reference"),
    (
        "(as discussed in an earlier article of this series)",
        ParentheticalKind.TEXT,
        "part reference",
    ),
    (
        "(for background, see Eurasia Daily Monitor’s earlier coverage)",
        ParentheticalKind.TEXT,
        "pointer",
    ),
    (
        "(for background, see Eurasia Daily Monitor's earlier coverage of the talks)",
        ParentheticalKind.TEXT,
        "pointer",
    ),
    ("(see EDM’s earlier coverage)", ParentheticalKind.TEXT, "pointer"),
    ("(see earlier articles in this series)", ParentheticalKind.TEXT, "pointer"),
    ("(see previous issues of EDM)", ParentheticalKind.TEXT, "pointer"),
    ("(as noted in this series)", ParentheticalKind.TEXT, "pointer"),
    ("(as noted earlier in this publication)", ParentheticalKind.TEXT, "pointer"),
    ("(for details on the deal, see the related article)", ParentheticalKind.TEXT, "pointer"),
    ("(in Part One)", ParentheticalKind.TEXT, "part reference"),
    ("(to be discussed in Part Two)", ParentheticalKind.TEXT, "part reference"),
    ("(see EDM Part Two, forthcoming)", ParentheticalKind.TEXT, "part reference"),
    ("(see the accompanying article in this issue)", ParentheticalKind.TEXT, "pointer"),
    ("(Kommersant and Vedomosti)", ParentheticalKind.AMBIGUOUS, "undated outlet"),
    ("(Radio Free Europe and Radio Liberty)", ParentheticalKind.AMBIGUOUS, "undated outlet"),
    # A dated self-reference needs the article's publication (test_self_references).
    ("(see Part One, October 3)", ParentheticalKind.TEXT, "part reference"),
    # A clause that names an outlet is no cross-reference.
    (
        "(Gazprom told TASS it would cut supplies by May 3)",
        ParentheticalKind.AMBIGUOUS,
        "unclear source",
    ),
    ("(Kommersant’s editor was fired on May 3)", ParentheticalKind.AMBIGUOUS, "unclear source"),
    (
        "(the decision was announced at the Kremlin.ru on May 3 after talks)",
        ParentheticalKind.TEXT,
        "clause",
    ),
]


def _citations(text: str) -> list[tuple[str, list[Date]]]:
    extraction = extract(text, 1, CONTEXT, REGISTRY)
    return [
        (c.outlet_text, [(d.year, d.month, d.day) for d in c.dates])
        for p in extraction.parentheticals
        for c in p.citations
    ]


def _named(cases: Sequence[tuple[Any, ...]]) -> list[Any]:
    """Each case named by its text. Not ``ids=[...]``: pytest escapes that list in
    place, so a second run in the same process (as mutmut makes) names the cases
    differently and cannot find them."""
    return [pytest.param(*case, id=case[0]) for case in cases]


@pytest.mark.parametrize(("text", "expected"), _named(CITATIONS))
def test_citation_shapes(text: str, expected: list[tuple[str, list[Date]]]) -> None:
    assert _citations(text) == expected


@pytest.mark.parametrize(("text", "kind", "reason"), _named(NOT_CITATIONS))
def test_not_citation_shapes(text: str, kind: ParentheticalKind, reason: str) -> None:
    extraction = extract(text, 1, CONTEXT, REGISTRY)
    first = extraction.parentheticals[0]
    assert (first.kind, first.reason) == (kind, reason)
    assert _citations(text) == []


def test_the_table_is_large() -> None:
    assert len(CITATIONS) + len(NOT_CITATIONS) >= 100


def test_notes_titles_and_urls() -> None:
    def only(text: str) -> tuple[str | None, str | None, str | None]:
        (citation,) = extract(text, 1, CONTEXT, REGISTRY).parentheticals[0].citations
        return citation.note, citation.title, citation.url

    assert only("(see Part One, EDM, March 1)") == ("Part One", None, None)
    assert only("(cutting gas to Kyiv—see EDM, February 3)") == ("cutting gas to Kyiv", None, None)
    assert only("(“Title, With a Comma,” EDM, July 9)") == (None, "Title, With a Comma", None)
    assert only("(Interfax [Kyiv], March 2)") == ("Kyiv", None, None)
    assert only("(see Roger McDermott, EDM, March 3)") == ("Roger McDermott", None, None)
    assert only("(www.mid.ru)") == (None, None, "www.mid.ru")
    # Made here (example-agency.org is registered nowhere): after one source's
    # dates an address is its page; a note before it stays the note.
    page = "www.example-agency.org/news/1"
    assert only(f"(Kommersant, May 3, {page})") == (None, None, page)
    assert only(f"(Kommersant, May 3, in Russian, {page})") == ("in Russian", None, page)
    assert only("(Interfax [Kyiv], March 2, citing TASS)") == ("Kyiv; citing TASS", None, None)


def test_words_after_a_dated_source_are_its_note() -> None:
    # Made here: "citing Interfax" was dropped without a word.
    (parenthetical,) = extract(
        "(Kommersant, May 3, citing Interfax)", 1, CONTEXT, REGISTRY
    ).parentheticals
    assert [(c.outlet_text, c.note) for c in parenthetical.citations] == [
        ("Kommersant", "citing Interfax")
    ]


def test_words_after_an_unread_source_are_reported_with_it() -> None:
    # Made here: never the note of the source cited before it.
    text = "(Kommersant, May 3; author’s interview, May 4, citing Interfax)"
    extraction = extract(text, 1, CONTEXT, REGISTRY)
    (parenthetical,) = extraction.parentheticals
    assert [(c.outlet_text, c.note) for c in parenthetical.citations] == [("Kommersant", None)]
    (problem,) = extraction.problems
    assert "'author’s interview, May 4, citing Interfax'" in problem.message
    text = "(Kommersant, May 3; author’s interview, May 4, Vedomosti)"
    (parenthetical,) = extract(text, 1, CONTEXT, REGISTRY).parentheticals
    assert [c.outlet_text for c in parenthetical.citations] == ["Kommersant", "Vedomosti"]


@pytest.mark.parametrize(
    ("text", "outlets"),
    [
        ("(Interfax and TASS, May 3, www.example-agency.org/news/1)", ["Interfax", "TASS"]),
        ("(Interfax, TASS, May 3, www.example-agency.org/news/1)", ["Interfax", "TASS"]),
        (
            "(see Interfax and TASS, May 3, https://www.example-agency.org/news/1)",
            ["Interfax", "TASS"],
        ),
        # An unregistered outlet is on no registered site: the address is no one's page.
        (
            "(Example Agency and TASS, May 3, www.example-agency.org/news/1)",
            ["Example Agency", "TASS"],
        ),
    ],
)
def test_an_address_after_several_sources_is_their_note(text: str, outlets: list[str]) -> None:
    # Made here (example-agency.org is registered nowhere): the address was
    # given to the source part as its page, then dropped without a word
    # because the page of several outlets cannot be any one's url.
    address = text.rsplit(", ", 1)[1].rstrip(")")
    extraction = extract(text, 1, CONTEXT, REGISTRY)
    (parenthetical,) = extraction.parentheticals
    assert [(c.outlet_text, c.url, c.note) for c in parenthetical.citations] == [
        (name, None, address) for name in outlets
    ]
    assert all([d.iso for d in c.dates] == ["2011-05-03"] for c in parenthetical.citations)
    assert extraction.problems == ()
    # With a note before it, both are the note of each.
    text = "(Interfax and TASS, May 3, in Russian, www.example-agency.org/news/1)"
    (parenthetical,) = extract(text, 1, CONTEXT, REGISTRY).parentheticals
    assert {c.note for c in parenthetical.citations} == {
        "in Russian; www.example-agency.org/news/1"
    }


def test_an_address_on_the_site_of_two_of_the_outlets_is_neither_ones_page() -> None:
    # Made here: two outlets on one registered site cannot be told apart.
    both = SourcePart(("Lenta.ru", "Lenta.ru"))
    assert _owner(both, "lenta.ru/news/1", REGISTRY) is None
    assert _owner(SourcePart(("TASS", "Lenta.ru")), "lenta.ru/news/1", REGISTRY) == 1


def test_a_bracketed_note_stays_with_its_outlet_beside_a_cross_reference() -> None:
    # Made here: the cross-referenced outlet (EDM) is not a name as written.
    (parenthetical,) = extract(
        "(Interfax [Kyiv], Part One in EDM, May 3)", 1, CONTEXT, REGISTRY
    ).parentheticals
    notes = {c.outlet_text: c.note or "" for c in parenthetical.citations}
    assert set(notes) == {"Interfax", "EDM"}
    assert "Kyiv" in notes["Interfax"] and "Kyiv" not in notes["EDM"]


@pytest.mark.parametrize(
    ("text", "pages"),
    [
        ("(Lenta.ru and TASS, May 3, lenta.ru/news/1)", ["lenta.ru/news/1", None]),
        ("(TASS, Lenta.ru, May 3, https://lenta.ru/news/1)", [None, "https://lenta.ru/news/1"]),
        ("(TASS and Lenta.ru, May 3, in Russian, lenta.ru/news/1)", [None, "lenta.ru/news/1"]),
    ],
)
def test_an_address_on_the_site_of_one_of_several_sources_is_its_page(
    text: str, pages: list[str | None]
) -> None:
    # Made here: the address on Lenta.ru's registered site was the note of
    # both outlets; it is Lenta.ru's page, and TASS is cited without one.
    (parenthetical,) = extract(text, 1, CONTEXT, REGISTRY).parentheticals
    assert [c.url for c in parenthetical.citations] == pages
    assert not any(c.note and "lenta.ru/" in c.note for c in parenthetical.citations)
    assert all([d.iso for d in c.dates] == ["2011-05-03"] for c in parenthetical.citations)


@pytest.mark.parametrize(
    ("segment", "read"),
    [
        ("TASS—all May 3", "TASS, May 3"),
        ("TASS—all May 3, May 4", "TASS, May 3, May 4"),
        # Made here: not a date list after "all": left as written.
        ("TASS—all the same", "TASS—all the same"),
        ("TASS—all 3", "TASS—all 3"),
        ("TASS—all May 3, Moscow", "TASS—all May 3, Moscow"),
    ],
)
def test_all_before_a_date_list_is_read_as_a_comma(segment: str, read: str) -> None:
    assert shared_dates(segment) == read


def test_dates_shared_by_all_sources_leave_no_note() -> None:
    # Made here: "all" is no part of a source and no note of one.
    for text, count in (("(RIA Novosti, Interfax, TASS—all May 3)", 3), ("(TASS – all May 3)", 1)):
        extraction = extract(text, 1, CONTEXT, REGISTRY)
        (parenthetical,) = extraction.parentheticals
        assert [c.note for c in parenthetical.citations] == [None] * count
        assert all(c.outlet is not None for c in parenthetical.citations)
        assert extraction.problems == ()


@pytest.mark.parametrize(
    ("text", "notes"),
    [
        (
            "(Channel 5 (Ukraine) and Kommersant, May 3)",
            [("Channel 5", "Ukraine"), ("Kommersant", None)],
        ),
        (
            "(Kommersant and Channel 5 (Ukraine), May 3)",
            [("Kommersant", None), ("Channel 5", "Ukraine")],
        ),
        (
            "(Channel 5 (Ukraine), Kommersant, May 3)",
            [("Channel 5", "Ukraine"), ("Kommersant", None)],
        ),
        ("(Interfax [Kyiv] and Kommersant, May 3)", [("Interfax", "Kyiv"), ("Kommersant", None)]),
        (
            "(see Part One, Interfax [Kyiv] and Kommersant, May 3)",
            [("Interfax", "Part One; Kyiv"), ("Kommersant", "Part One")],
        ),
        # One outlet keeps its notes as before, in the order written.
        ("(Interfax [Kyiv], Part Two, May 3)", [("Interfax", "Kyiv; Part Two")]),
        # An outlet named twice: each time its own note (both shared before).
        (
            "(Interfax (Kyiv), Interfax (Moscow), May 3)",
            [("Interfax", "Kyiv"), ("Interfax", "Moscow")],
        ),
        ("(Interfax, Interfax [Moscow], May 3)", [("Interfax", None), ("Interfax", "Moscow")]),
        (
            "(Interfax and TASS, Interfax (Moscow), May 3)",
            [("Interfax", None), ("TASS", None), ("Interfax", "Moscow")],
        ),
        (
            "(Interfax (Moscow), TASS and Interfax, May 3)",
            [("Interfax", "Moscow"), ("TASS", None), ("Interfax", None)],
        ),
        (
            "(TASS and Interfax, Interfax (Moscow), May 3)",
            [("TASS", None), ("Interfax", None), ("Interfax", "Moscow")],
        ),
    ],
)
def test_a_bracketed_note_belongs_to_the_outlet_it_follows(
    text: str, notes: list[tuple[str, str | None]]
) -> None:
    # Made here: the bracket was the note of every outlet of the source part.
    (parenthetical,) = extract(text, 1, CONTEXT, FULL).parentheticals
    assert [(c.outlet_text, c.note) for c in parenthetical.citations] == notes
    assert all(c.outlet is not None for c in parenthetical.citations)
    assert all([d.iso for d in c.dates] == ["2011-05-03"] for c in parenthetical.citations)


def test_registry_resolution_and_year_inference() -> None:
    (parenthetical,) = extract("(Rossiiskaya Gazeta, May 1)", 1, CONTEXT, REGISTRY).parentheticals
    (citation,) = parenthetical.citations
    assert citation.outlet is not None and citation.outlet.id == "rg"
    assert citation.dates[0].year_inferred
    (written,) = extract("(TASS, May 1, 2009)", 1, CONTEXT, REGISTRY).parentheticals
    assert not written.citations[0].dates[0].year_inferred


def test_access_date_is_marked() -> None:
    (parenthetical,) = extract("(Minfin.ru, accessed July 14)", 1, CONTEXT, REGISTRY).parentheticals
    assert parenthetical.citations[0].dates[0].accessed


def test_impossible_date_is_a_problem() -> None:
    extraction = extract("As TASS said (TASS, February 30).", 1, CONTEXT, REGISTRY)
    assert [p.offset for p in extraction.problems] == [13]
    assert "February 30" in extraction.problems[0].message


@pytest.mark.parametrize(
    ("text", "unread"),
    [
        ("(Kommersant, May 3; author’s interview, May 5)", "author’s interview, May 5"),
        ("(author’s interview, May 2; Kommersant, May 3)", "author’s interview, May 2"),
        ("(Kommersant, May 3; Moscow, May 4-5)", "Moscow, May 4-5"),
        ("(Kommersant, May 3; “A Title,” May 4)", "“A Title,” May 4"),
    ],
)
def test_a_dated_part_not_read_beside_cited_sources_is_a_problem(text: str, unread: str) -> None:
    # Made here: the part was dropped without a word while the sources
    # beside it were cited.
    extraction = extract(f"It was said {text}.", 1, CONTEXT, REGISTRY)
    (parenthetical,) = extraction.parentheticals
    assert [c.outlet_text for c in parenthetical.citations] == ["Kommersant"]
    assert [p.offset for p in extraction.problems] == [12]
    assert f"unread source: {unread!r}" in extraction.problems[0].message


def test_a_part_continuing_the_outlet_before_is_no_problem() -> None:
    text = "(see Part One in EDM, October 3, and Part Two, October 10)"
    assert extract(text, 1, CONTEXT, REGISTRY).problems == ()


def test_unclosed_parenthesis_is_a_problem_and_later_ones_are_found() -> None:
    text = "Start (TASS, May 3 and more (Interfax, May 4) end."
    extraction = extract(text, 1, CONTEXT, REGISTRY)
    assert [p.offset for p in extraction.problems] == [6]
    kinds = [(p.raw, p.kind) for p in extraction.parentheticals]
    assert kinds == [
        ("(TASS, May 3 and more ", ParentheticalKind.TEXT),
        ("(Interfax, May 4)", ParentheticalKind.CITATION),
    ]


SELF_REFERENCES: list[tuple[str, list[Date], str]] = [
    ("(see Part One, October 3)", [(2011, 10, 3)], "Part One"),
    ("(see Part 2, October 3, 2010)", [(2010, 10, 3)], "Part 2"),
    ("(see the previous article in this series, October 3)", [(2011, 10, 3)], ""),
    ("(see the first part of this two-part series, October 3)", [(2011, 10, 3)], ""),
    ("(see this publication, October 3)", [(2011, 10, 3)], ""),
    ("(see earlier coverage in these pages, October 3)", [(2011, 10, 3)], ""),
    ("(see Part One, October 3, and Part Two, October 10)", [(2011, 10, 3)], "Part One"),
    (
        "(as noted in Part One of this series, published October 3)",
        [(2011, 10, 3)],
        "as noted in Part One of this series",
    ),
]


@pytest.mark.parametrize(("text", "dates", "note"), _named(SELF_REFERENCES))
def test_self_references(text: str, dates: list[Date], note: str) -> None:
    """A dated pointer at the article's own publication that does not name it
    cites that publication; the pointer is the note."""
    (parenthetical,) = extract(
        text, 1, CONTEXT, REGISTRY, home="Eurasia Daily Monitor"
    ).parentheticals
    citation = parenthetical.citations[0]
    assert citation.outlet is not None and citation.outlet.id == "edm"
    assert [(d.year, d.month, d.day) for d in citation.dates] == dates
    assert citation.note == (note or text.removeprefix("(see ").split(",")[0])
    undated = text.split(",")[0] + ")"
    (pointer,) = extract(undated, 1, CONTEXT, REGISTRY, home="EDM").parentheticals
    assert (pointer.kind, pointer.citations) == (ParentheticalKind.TEXT, ())


def test_cross_reference_notes() -> None:
    def note(text: str) -> str | None:
        (citation,) = extract(text, 1, CONTEXT, REGISTRY).parentheticals[0].citations
        return citation.note

    assert note("(see Part One in EDM, October 3)") == "Part One"
    assert note("(see EDM Part Two, October 3)") == "Part Two"
    assert note("(see EDM’s earlier coverage of the talks, October 3)") == (
        "earlier coverage of the talks"
    )
    assert note("(see the author’s article in EDM, October 3)") == "the author’s article"
    assert note("(see EDM, October 3 and Part Two of this article)") == "Part Two of this article"
    assert note("(see Jamestown Foundation’s EDM, October 3)") == "Jamestown Foundation"
