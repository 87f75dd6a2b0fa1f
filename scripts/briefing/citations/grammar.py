"""The named patterns and word lists of the citation grammar.

A citation in this genre is a parenthetical such as ``(Vedomosti, March 3)``:
a *source part* (an outlet, optionally with a prefix like "see", a gloss, a
quoted title or a note) followed by a *date list*. Every pattern used to
recognise those pieces lives here as a named, documented constant; the
modules that use them (``dates``, ``sources``, ``reasons``) hold no regexes
of their own.

All quantifiers are bounded or anchored so that no pattern backtracks
catastrophically on long input.
"""

from __future__ import annotations

import re


def _words(text: str) -> frozenset[str]:
    """The case-folded words of ``text``: word lists stay readable in the source."""
    return frozenset(text.casefold().split())


# --- Dates -----------------------------------------------------------------

MONTHS: dict[str, int] = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
"""Month names and their abbreviations (lower case) to month numbers."""

_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?(?![A-Za-z])"
)
_DAY = r"(?:0?[1-9]|[12][0-9]|3[01])(?:st|nd|rd|th)?"
_YEAR = r"(?:1[89][0-9]{2}|20[0-9]{2})"

ACCESSED = re.compile(r"^(?:last\s+)?(?:accessed|retrieved|viewed)(?:\s+on)?\s+", re.IGNORECASE)
"""The access marker before a date: ``accessed July 14``, ``last accessed on``."""

PUBLISHED = re.compile(r"^(?:published|posted|dated)(?:\s+on)?\s+", re.IGNORECASE)
"""The publication marker before a date in a citation: the ``published`` of
``(see Part One of this series, published October 3)``."""

MONTH_DAY = re.compile(
    rf"(?P<month>{_MONTH})\s*(?P<day>{_DAY})(?:\s*[–—-]\s*(?P<day_end>{_DAY}))?"
    rf"(?:,?\s+(?P<year>{_YEAR}))?"
)
"""A month and day, maybe a day range and a year: ``Sept. 3``, ``May 2–4``,
``November 9, 2009``. Used with ``fullmatch`` on one item of a date list."""

DAY_MONTH = re.compile(
    rf"(?P<day>{_DAY})(?:\s*[–—-]\s*(?P<day_end>{_DAY}))?\s+(?P<month>{_MONTH})"
    rf"(?:,?\s+(?P<year>{_YEAR}))?"
)
"""A day before the month, maybe a day range: ``3 March``, ``3–4 March 2012``."""

MONTH_YEAR = re.compile(rf"(?P<month>{_MONTH}),?\s+(?P<year>{_YEAR})")
"""A month without a day: ``March 2012`` or ``Oct. 2015``."""

MONTH_RANGE = re.compile(
    rf"(?P<month>{_MONTH})\s*(?P<day>{_DAY})\s*[–—-]\s*(?P<month_end>{_MONTH})\s*"
    rf"(?P<day_end>{_DAY})(?:,?\s+(?P<year>{_YEAR}))?"
)
"""Days across two months in a citation: ``March 31–April 1``; both ends are kept."""

TRAILING_DATE = re.compile(
    rf"(?P<head>.{{1,200}}?)\s+(?P<date>{_MONTH}\s+{_DAY}(?:\s+(?:and|&)\s+{_DAY}){{0,5}})"
)
"""An item whose date lost its comma, ``Kommersant March 3``, or follows a
phrase, ``as EDM reported on October 3``, ``EDM articles from May 2 and 4``."""

DATE_THEN = re.compile(
    r"^(?P<date>[^,;]{1,40}?)\s+(?P<joiner>and|&|for)\s+(?P<rest>[^,;]{1,200})$", re.IGNORECASE
)
"""A date and what follows it in one item, the comma before "and" missing:
``May 3 and Vedomosti`` of ``(Kommersant, May 3 and Vedomosti, May 4)``,
``October 3 and Part Two of this article``, ``October 3 for the first part
of this series``."""

DATE_CLUTTER = re.compile(r"\s*[\[(][^\[\]()]{0,80}[\])]|[\s.,;:]+$")
"""What may trail a date without being part of it: a bracketed remark such as
``[in Russian]`` and punctuation (``March 3.``)."""

BARE_DAY = re.compile(rf"(?P<day>{_DAY})")
"""A day alone, taking the month of the date before it: the ``4`` of ``May 2, 4``."""

LOST_OUTLET = re.compile(r"^\s*,\s*(?P<dates>\S.*)$")
"""A source part whose outlet is missing, ``, May 4``: what is left of
``(<a href="…">Azadliq.org</a>, May 4)`` when a copy keeps only plain text."""

BARE_YEAR = re.compile(rf"(?P<year>{_YEAR})")
"""A year alone, applying back to the yearless dates before it: ``2015``."""

DATE_JOINER = re.compile(r"\s+(?:and|&)\s+|^(?:and|&)\s+")
"""The word joining two dates inside one item: the ``and`` of ``May 2 and 4``."""

# --- Things that are dates but not citations -----------------------------------

DATE_OR_YEAR_RANGE = re.compile(
    rf"^(?:from\s+|between\s+)?(?:{_MONTH}\s+)?(?:{_DAY}|{_YEAR})(?:,?\s+{_YEAR})?"
    rf"\s*(?:[–—-]|to|until|and|through)\s*(?:{_MONTH}\s+)?(?:{_DAY}|{_YEAR}|[0-9]{{2}})"
    rf"(?:,?\s+{_YEAR})?s?$",
    re.IGNORECASE,
)
"""A range of years or dates: ``1994–1996``, ``March 10–14``,
``October 3–December 1, 2018``, ``2014-15``."""

LEAD_WORDS = re.compile(
    r"^(?:(?:as\s+of|since|until|till|from|on|in|by|before|after|around|circa|c\.|"
    r"dated|published|signed|early|mid|late|mid-|end\s+of|beginning\s+of|spring|summer|"
    r"autumn|fall|winter)\s+)+",
    re.IGNORECASE,
)
"""Lower-case words that may open a bare date: ``as of``, ``since``, ``in``."""

BARE_DATE = re.compile(
    rf"^(?:{_MONTH}\s+{_DAY}(?:\s*,\s*{_DAY})*(?:,?\s+{_YEAR})?|{_DAY}\s+{_MONTH}(?:,?\s+{_YEAR})?"
    rf"|{_MONTH},?\s+{_YEAR}|{_YEAR}s?|{_MONTH})$"
)
"""A date with no source: ``May 9``, ``April 2014``, ``June 1, 2016``, ``2008``,
``1990s``."""

LANGUAGES = (
    r"(?:Russian|Ukrainian|Georgian|Armenian|Azerbaijani|Kazakh|Uzbek|Kyrgyz|Tajik|Turkmen|"
    r"Belarusian|Romanian|Moldovan|Persian|Farsi|Turkish|Chinese|Arabic|English|German|French|"
    r"Polish|Lithuanian|Latvian|Estonian)"
)
"""The languages a source is said to be in: ``(Kommersant, in Russian, May 3)``."""

# --- Source part -----------------------------------------------------------------

PREFIX = re.compile(
    r"^(?:see\s+also|see,?\s+for\s+(?:example|instance)|see|also\s+see|e\.\s?g\.|cf\.?|"
    r"compare|for\s+(?:details|more|more\s+details|further\s+details|background)(?:\s+on\s+this)?"
    r",?\s+see(?:\s+also)?|as\s+reported\s+(?:by|in)|reported\s+(?:by|in)|according\s+to|"
    r"quoted\s+(?:by|in)|cited\s+(?:by|in)|as\s+quoted\s+(?:by|in)|as\s+cited\s+(?:by|in)|"
    r"interview\s+(?:with|to|in)|via|also|as\s+in)(?:[,:]\s*|\s+)",
    re.IGNORECASE,
)
"""A word or phrase before the outlet that is not part of its name, with the
punctuation after it. The documented list: ``see``, ``see also``, ``also see``,
``see, for example``, ``e.g.``, ``cf.``, ``compare``, ``for details see``,
``for more see``, ``for more on this see``, ``for background see``,
``as reported by``/``in``, ``according to``, ``quoted in``/``by``,
``cited in``/``by``, ``interview with``/``to``/``in``, ``via``, ``also``."""

GLOSS_DASH = re.compile(r"\s*(?:—|--|\s[–-]\s|–(?=\s*see\b))\s*")
"""The dash ending a gloss before the reference: the ``—`` of
``cutting gas to Kyiv—see EDM``. A hyphen inside a name (``Interfax-Ukraine``)
is not one."""

SHARED_DATES = re.compile(r"(?<=\S)\s*(?:—|–|--|\s-\s|,)\s*all\s+(?=\S)", re.IGNORECASE)
"""The dash (or comma) and "all" before a date list that dates each source
before it: the ``—all`` of ``RIA Novosti, Interfax, TASS—all May 3``."""

TITLE = re.compile(r"^[“\"«](?P<title>[^“”\"«»]{1,400}?)[,.]?[”\"»](?:\s+(?P<rest>.{1,400}))?$")
"""A quoted article title, maybe followed by the outlet in the same item:
``“Title, With a Comma,” EDM``."""

BRACKETED = re.compile(r"\s*[\[(](?P<inner>[^\[\]()]{0,200})[\])]")
"""A bracketed place or remark inside an outlet: the ``[Kyiv]`` of
``Interfax [Kyiv]``."""

PART_NUMBER = r"(?:[0-9]+|[IVX]+|one|two|three|four|five|six|seven|eight|nine|ten)"
"""The number of a part of a series: ``2``, ``II``, ``Two``."""

NOTE_ITEM = re.compile(
    rf"^(?:parts?\s+{PART_NUMBER}(?:\s*(?:,|and|&)\s*{PART_NUMBER}){{0,5}}"
    r"(?:\s+of\s+(?:this|the|a)\s+(?:(?:two|three|four|multi)-part\s+)?(?:article|series|report))?|"
    rf"(?:volume|vol|issue|number|no|nr|pp|pg|p)\.?\s*[0-9][0-9–-]*|in\s+(?:translation|{LANGUAGES})|"
    r"@[A-Za-z0-9_]{1,40}|[A-Z][a-z]+\s+(?:edition|version|service))$",
    re.IGNORECASE,
)
"""An item of a source part that annotates the outlet rather than naming one:
``Part One``, ``Parts One and Two``, ``Volume 8``, ``No. 12``, ``pp. 3-5``,
``in Russian``, ``@handle``, ``Ukrainian edition``."""

PART_LEAD = re.compile(rf"^(?P<note>parts?\s+{PART_NUMBER})\s*:\s*", re.IGNORECASE)
"""A part number heading a source part: the ``Part One:`` of ``Part One:
“Title,” EDM``."""

PART_REFERENCE = re.compile(
    r"^(?:(?:see|in|cf\.?)\s+(?:also\s+)?)?(?:the\s+)?(?:part|parts)\s+(?:[0-9]+|[IVX]+|one|two|three|four|"
    r"five|six|seven|eight|nine|ten)\b.{0,80}$",
    re.IGNORECASE,
)
"""A pointer to another part of the same article: ``Part Two``,
``see Part One of this article``."""

INTERVIEW = re.compile(
    r"\b(?:author[’']?s?|interviews?|interviewed|conversations?|correspondence)\b",
    re.IGNORECASE,
)
"""An interview or private communication as the source: ``Author’s interview``."""

AND_JOINER = re.compile(r"\s+(?:and|&)\s+")
"""The ``and`` (or ``&``) between two outlets sharing a date, ``Interfax and
TASS``, or inside one outlet's name, ``Arguments and Facts``: which of the
two is decided by :mod:`.joined`."""

AND_KEPT = re.compile(rf"({AND_JOINER.pattern})")
"""An "and" joining two names, kept by ``split``: ``X and Y`` → X, " and ", Y."""

LEADING_AND = re.compile(r"^(?:and|&)\s+")
"""The ``and`` of a serial comma that opens the last item of a list:
``Kommersant, Vedomosti, and RBC``."""

MAX_JOINERS = 4
"""More "and"s than this in one name are not weighed one by one: the name is
read the grammatical way only (each reading doubles the work)."""


PART_WORD = re.compile(rf"(?:Part|{PART_NUMBER})", re.IGNORECASE)
"""A capitalised word that may stand in a cross-reference's phrase: the
``Part`` and ``One`` of ``see Part One in EDM``. Used with ``fullmatch``."""

PART_MENTION = re.compile(
    rf"\b(?:parts?\s+{PART_NUMBER}\b|(?:first|second|third|fourth|previous|earlier|last|"
    r"preceding|final|next|following)\s+(?:part|installment|instalment|article)\b)",
    re.IGNORECASE,
)
"""A mention of another part of the same series anywhere in a phrase:
``Part One in EDM``, ``the first installment of this series``."""

REFERENCE_WORDS = _words(
    """see cf cf. compare reported report reports reporting wrote written noted discussed
    described covered coverage analysed analyzed examined explained argued article articles
    series part parts installment installments instalment piece pieces story stories
    analysis analyses interview interviews published quoted cited according
    told commentary column columns editorial issue issues earlier previous previously
    background details"""
)
"""Words that make a phrase around an outlet a cross-reference to something
it published (``see EDM’s earlier coverage``, ``as reported in EDM``) rather
than a clause that happens to name it (``signed at the Kremlin``)."""

LINK_WORDS = _words("in of on from by at the a an and to with via")
"""Words linking a cross-reference's phrase to its outlet, trimmed from the
ends of the note: the ``in`` of ``Part One in EDM``."""

MAX_REFERENCE_WORDS = 14
"""A cross-reference phrase longer than this is a sentence, not a pointer."""

SELF_REFERENCE = re.compile(
    r"^(?:(?:as\s+)?(?:noted|discussed|mentioned|described|explained|argued|shown)"
    r"(?:\s+(?:earlier|previously|above))?\s+in\s+)?"
    r"(?:(?:the\s+)?(?:(?:first|second|third|fourth|previous|earlier|last|preceding|"
    r"following|next|final)\s+(?:part|installment|instalment|article|piece)|"
    rf"parts?\s+{PART_NUMBER})(?:\s+(?:of|in)\s+(?:this|the|our)\s+"
    r"(?:(?:two|three|four|multi)-part\s+)?(?:series|article|report|analysis))?"
    r"|(?:[^,;]{1,60}\s)?(?:(?:in|of|on|by)\s+)?(?:(?:this|our)\s+(?:publication|series|column|"
    r"newsletter)|these\s+(?:pages|columns)))$",
    re.IGNORECASE,
)
"""A source part that points at the article's own publication without naming
it: ``Part One``, ``the previous article in this series``, ``this
publication``, ``earlier coverage in these pages``. Dated, it cites that
publication."""

POSSESSIVE = re.compile(r"[’']s?$")
"""The possessive ending of an outlet named in prose: the ``’s`` of ``EDM’s``."""

PROSE_POINTER = re.compile(
    r"^(?:for\s+(?:background|details|context|more|more\s+details|further\s+details|"
    r"further\s+reading)(?:\s+on\s+[^,;]{1,80})?,?\s+)?(?:see|cf\.?|compare)(?:\s+also)?\b|"
    r"^(?:as\s+|to\s+be\s+)?(?:discussed|noted|mentioned|reported|described|explained|argued|analy[sz]ed|"
    r"covered|examined|detailed|outlined|pointed\s+out)(?:\s+(?:earlier|previously|before|"
    r"above|elsewhere))?\s+(?:in|by|on|at)\b",
    re.IGNORECASE,
)
"""The opening of a pointer to other writing: ``see``, ``for background,
see``, ``as discussed in``, ``noted earlier in``, ``to be discussed in``."""

WRITING_WORDS = _words(
    """article articles series part parts installment installments instalment instalments
    coverage analysis analyses report reports piece pieces commentary commentaries column
    columns issue issues edition editions publication pages paper papers story stories
    brief briefs essay essays study studies"""
)
"""Words naming a piece of writing: a pointer (``as discussed in an earlier
article of this series``) points at one of them."""

MAX_POINTER_WORDS = 30
"""A pointer longer than this is a clause."""

APPOSITION = re.compile(r"^(?:a|an)\s+\S.{0,80}$")
"""A phrase describing the outlet next to it: the ``a Jamestown publication``
of ``(see Eurasia Daily Monitor, a Jamestown publication, October 3)``."""

WORD = re.compile(r"[^\s]+")
"""One whitespace-delimited word."""

NAME_WORD = re.compile(
    r"^[“\"«(\[]?(?:[A-Z0-9@&/+]|(?:al|el|ad|as|ash|at|az|an|ar|ibn|bin|d|l)[-’'][A-Z]"
    r"|[a-z]{1,3}[A-Z])"
)
"""A word that may start or be part of a name: ``Rustavi``, ``2``, ``al-Jazeera``,
``iStories``, ``&``."""

CONNECTORS = _words(
    "of the and for on de la le les du des di del der die das von van y e i da do dos al el "
    "na v za po pro s iz dlya - – / &"
)
"""Lower-case words allowed inside an outlet name: ``Voice of America``,
``Institute for the Study of War``, ``Le Monde``."""

LOWER_NAME_WORDS = _words(
    "gazeta gazeti pravda nedeli tyzhnia tyzhden uzel vremya novosti vesti zerkalo mir "
    "komsomolets izvestia izvestiya daily online news times radio television website "
    "newspaper weekly magazine agency channel portal"
)
"""Lower-case words that still belong to an outlet name as some authors write
it (``Nezavisimaya gazeta``, ``Zerkalo nedeli``) or describe it as part of
the name (``Ekho Moskvy radio``)."""

MAX_OUTLET_WORDS = 8
"""More words than this is a sentence, not an outlet name."""

PLACES = _words(
    """Moscow Kyiv Kiev Minsk Tbilisi Baku Yerevan Astana Nur-Sultan Almaty Tashkent
    Bishkek Dushanbe Ashgabat Ashkhabad Chisinau Chişinău Vilnius Riga Tallinn Warsaw Berlin
    Paris London Washington Brussels Beijing Tehran Ankara Istanbul Sochi Grozny Donetsk Luhansk
    Lugansk Crimea Sevastopol Simferopol Kharkiv Kharkov Odesa Odessa Lviv Mariupol Dnipro
    Russia Ukraine Belarus Georgia Armenia Azerbaijan Kazakhstan Kyrgyzstan Tajikistan
    Turkmenistan Uzbekistan Moldova Transnistria Abkhazia Karabakh Nagorno-Karabakh Chechnya
    Dagestan Ingushetia Kabardino-Balkaria China Iran Turkey Poland Lithuania Latvia Estonia
    Germany France Europe Asia Syria Afghanistan Pakistan India Japan Mongolia Finland Sweden
    Norway Romania Bulgaria Hungary Serbia Vienna Geneva Munich Davos Helsinki Stockholm Oslo
    Bucharest Sofia Budapest Belgrade Prague Rome Madrid Kaliningrad Vladivostok Novosibirsk
    Yekaterinburg Kazan Ufa Nalchik Makhachkala Vladikavkaz Tskhinvali Sukhumi Stepanakert
    Tiraspol Batumi Gyumri Ganja Aktau Atyrau Samarkand Osh Khujand Termez Kabul Damascus
    Aleppo Baghdad Cairo Tripoli Siberia Caucasus Chukotka Yakutia Tatarstan Bashkortostan
    Murmansk Arkhangelsk Sakhalin Kamchatka Khabarovsk Irkutsk Omsk Tomsk Samara Saratov
    Volgograd Rostov Krasnodar Stavropol Belgorod Kursk Bryansk Pskov Novgorod Smolensk"""
) | frozenset(
    name.casefold()
    for name in (
        "St. Petersburg",
        "Saint Petersburg",
        "South Ossetia",
        "North Ossetia",
        "United States",
        "the United States",
        "Central Asia",
        "North Caucasus",
        "South Caucasus",
        "Black Sea",
        "Caspian Sea",
        "Far East",
        "New York",
        "Rostov-on-Don",
        "Nizhny Novgorod",
        "the Caucasus",
        "the Kremlin",
        "Red Square",
    )
)
"""Well-known places of the genre, compared case-free with a whole source item:
``(Moscow, May 9)`` is a place and a date, not a citation."""

EVENT_WORDS = _words(
    "day eve summit conference meeting parade election elections referendum treaty "
    "agreement accords protocol memorandum declaration decree resolution session law "
    "revolution offensive ceasefire truce visit talks anniversary holiday exercise exercises"
)
"""First or last words of a name that make it an event or a document, not an
outlet: ``(Victory Day, May 9)``, ``(Resolution 2231, July 20, 2015)``. ("War"
is not one: the Institute for the Study of War is an outlet.)"""

PERSON_NAME = re.compile(
    r"^(?:[A-Z][a-z]+(?:[-’'][A-Z]?[a-z]+)?\s+)(?:[A-Z]\.\s+)?"
    r"(?:(?:van|von|de|der|al|bin)\s+)?(?:Mc|Mac|O[’'])?[A-Z][a-z]+(?:[-’'][A-Z]?[a-z]+)?$"
)
"""A personal name of two words, with an optional initial: ``Roger McDermott``,
``Paul A. Goble``, ``Vladimir Socor``."""

OUTLET_NAME_WORDS = _words(
    "news times post agency radio tv television gazeta pravda daily journal herald monitor "
    "service institute center centre press channel echo ekho review week weekly tribune "
    "telegraph observer economist report insider bulletin novosti izvestia izvestiya vedomosti "
    "interfax foundation council ministry office online network zerkalo nedeli vesti mir "
    "kommersant komsomolets uzel vremya express courier kurier voice svoboda liberty europe "
    "asia world global international national free new first public state club forum group"
)
"""Words that mark a name as an outlet's, not a person's: ``Kyiv Post``,
``Golos Ameriki`` is not caught (it is in the registry as Voice of America)."""

DOCUMENT_WORDS = _words(
    "resolution treaty agreement accords protocol memorandum declaration decree summit"
)
"""Words that make a name a document or a meeting wherever they stand:
``(UN Security Council Resolution 2231, July 20, 2015)`` is not an outlet."""
