"""Stage 2, citations: a paragraph's parentheticals → citations, classified.

Called by :mod:`briefing.input` for every paragraph; resolves outlets
through the registry (:mod:`.registry`, ``data/outlets.yml``).

The public entry point is :func:`extract`. Each parenthetical of a paragraph
is accounted for: it becomes one or more citations, or is kept as text with
a reason, or is reported as ambiguous (see :class:`Reason` for the
vocabulary). The work is split by stage:

``scan``      balanced top-level parentheticals and unclosed "(", with offsets
``grammar``   the named patterns and word lists of the citation grammar
``dates``     date lists and year inference (:class:`DateContext`)
``web``       web addresses, inside parentheses and in running text
``outlets``   the source part before a date list: prefixes, glosses, titles
``joined``    names joined by "and": one outlet or several
``prose``     cross-references written as prose (``see Part One in EDM``)
``reasons``   the reason vocabulary and the classifier of non-citations
``classify``  one parenthetical → citation / text / ambiguous
``extract``   a paragraph → :class:`Extraction`
``registry``  the outlet registry: an outlet as written → a registered Outlet
``registry_schema``  the registry's declared schema and its validation

Decisions on doubtful shapes (each pinned by ``tests/test_citations_shapes.py``):

- A citation needs an outlet-like name followed by a date list, or a web
  address. ``(see Part One of this article)`` and ``(Part Two)`` name no
  outlet and no date: TEXT, "part reference" (kept, never dropped).
  ``(see Part One, EDM, March 1)`` is a citation of EDM with note "Part One".
- ``(Moscow, May 9)``, a well-known place and a date: AMBIGUOUS, "place".
  ``(in Minsk, March 3)``, a preposition first: TEXT, "bare date".
- A known outlet without a date, ``(Kommersant)`` or ``(see EDM)``: AMBIGUOUS,
  "undated outlet"; an acronym alone, ``(OSCE)``, stays an abbreviation.
- ``(Author’s interview, May 2012)``: AMBIGUOUS, "interview";
  ``(“Title,” May 3)`` with no outlet: AMBIGUOUS, "title only".
- A date range without an outlet is TEXT, "range"; inside a citation
  (``Kommersant, March 30–31``) both ends are kept as dates.
- A trailing year applies back to the yearless dates of its own date list
  only; a date list after ";" continues the outlet before it.
- Day-first lists take their month from the date that closes them:
  ``(Kommersant, 3, 4 May)``, ``3 and 4 May``, ``3–4 May 2010``. Changed:
  they were TEXT "list", or ``3`` was read as an outlet.
- An impossible date (February 30) keeps its citation and is a Problem.
- Unclosed "(" in a row form one TEXT "unclosed" span, up to the next
  balanced parenthetical, and one Problem; later parentheticals are found.
- In running text only an unmistakable address (scheme, ``www.`` or a path)
  is a citation; "Gazeta.ru reported" is not.
- A name containing "and" (or "&") is read by the registry first: the
  reading whose registered pieces (and known places) cover the most words
  wins, so ``Arguments and Facts`` is one outlet and ``Kommersant and
  Vedomosti`` two; pieces that all name one outlet are that outlet
  (``Radio Free Europe and Radio Liberty``). For names the registry does not
  know, an "and" inside an of/for-phrase joins one name (``Ministry of
  Foreign Affairs and European Integration``) and any other "and" two
  (``Human Rights Watch and Amnesty International``); then fewer, longer
  names win. Changed: ``Institute for War and Peace Reporting and
  Kommersant`` was one unregistered outlet, now two.
- A dated source part written as prose that names one registered outlet is
  a citation of it, the phrase its note: ``(see Part One in EDM, October
  3)``, ``(see EDM’s earlier coverage, October 3)``, ``(as reported in EDM
  on October 3)``. Changed: ``(see the author’s article in EDM, October 3)``
  was AMBIGUOUS "interview" and ``(as reported in EDM on October 3)``
  AMBIGUOUS "unclear source"; both now cite EDM.
- A dated pointer at the article's own publication that does not name it,
  ``(see Part One, October 3)``, ``(see the previous article in this series,
  October 3)``, cites that publication when the article's publication is
  known (``extract(..., home=...)``); otherwise it stays TEXT "part
  reference" or "pointer". Changed: it was always TEXT.
- Undated, all these are TEXT: "part reference" when they mention a part of
  the series (``as discussed in an earlier article of this series``),
  otherwise "pointer" (``for background, see Eurasia Daily Monitor’s earlier
  coverage``, formerly "clause"). An undated part next to a dated reference
  is its note, never a citation of its own: ``(see EDM, October 3; Part One
  of this series)``, ``(see EDM, October 3 for the first part of this
  series)``; a dated one continues the outlet before it: ``(see Part One in
  EDM, October 3, and Part Two, October 10)`` is two citations of EDM.
- A date run straight into "and" and a source, ``(Kommersant, May 3 and
  Vedomosti, May 4)``, is read as if the comma were there, and so is a
  serial "and" after a date list, ``(Kommersant, May 3, and Vedomosti, May
  4)`` (Vedomosti was dropped); ``published October 3`` is a date like
  ``October 3``.
- An apposition after a registered outlet describes it: ``(see Eurasia
  Daily Monitor, a Jamestown publication, October 3)`` cites EDM, with the
  apposition as its note (formerly AMBIGUOUS "unclear source").
- A date whose outlet is missing, ``(, May 4)`` (what a plain-text copy
  leaves of ``(<a href="…">Azadliq.org</a>, May 4)``), is TEXT "lost
  source" and a Problem, never a citation; beside named sources
  (``(Kommersant, May 3; , May 4)``) it is left out and reported, not given
  to the outlet before it. Changed: it was TEXT "name", unreported.
- Words after a dated source in its segment that name no registered outlet
  describe it and are its note: ``(Kommersant, May 3, citing Interfax)``;
  after a source part that is not read, they are reported with it.
  Changed: they were dropped without a word.
- A registered outlet in an undated segment is cited without a date before
  the dated sources as after them: ``(Kommersant; Vedomosti, May 3)`` cites
  both (Kommersant was dropped); an unregistered word there stays unread.
- A dated source part that is not read as an outlet beside sources that
  are, ``(Kommersant, May 3; author’s interview, May 5)``, is left out and
  reported ("unread source"), like a lost source. Changed: it was dropped
  without a word.
- An address after a source's dates is that source's page:
  ``(Azadliq.org, April 6, https://www.azadliq.org/a/1.html)`` cites
  Azadliq.org with that url, which BibTeX and CSL keep even for an outlet
  that is not a web site. An address of another registered outlet is that outlet,
  cited without a date: ``(Kommersant, May 3, and 1news.az)``. Changed: it
  was given to Kommersant as its page. After a source part naming several
  outlets, ``(Interfax and TASS, May 3, www.example-agency.org/news/1)``, an
  address that is not another registered outlet is the note of each, as
  words that cannot be given to one outlet are; it is no one's url, since
  the text does not say whose page it is. Changed: it was dropped without a
  word. An address on the registered site of exactly one of them is that
  outlet's page: ``(Lenta.ru and TASS, May 3, lenta.ru/news/1)`` cites
  Lenta.ru with that url and TASS without one. Changed: it was the note of
  both.
- A list of registered outlets without a date, ``(Kommersant and
  Vedomosti)``, is AMBIGUOUS "undated outlet", like ``(Kommersant)``
  (formerly TEXT "list").
- A date list given once after a dash (or comma) and "all" dates each
  source before it, as after a comma: ``(RIA Novosti, Interfax, TASS—all
  May 3)`` (also `` – all``, ``--all``, ``, all``) cites all three on May 3,
  with no note. Changed: "TASS—all" was cited as an outlet of its own, and
  with a spaced dash the parenthetical was AMBIGUOUS "unclear source".
- A bracketed note belongs to the outlet it follows only: ``(Channel 5
  (Ukraine) and Kommersant, May 3)`` and ``(Interfax [Kyiv], Kommersant, May
  3)`` give Kommersant no note; other notes of the source part stay shared
  (``see Part One``). One outlet keeps its notes in the order written.
  Changed: the bracket was the note of every outlet of the source part.
  An outlet named twice is two outlets, each with the note it is written
  with: ``(Interfax (Kyiv), Interfax (Moscow), May 3)`` cites Interfax
  twice, once with "Kyiv" and once with "Moscow". Changed: both had "Kyiv;
  Moscow".
"""

from .dates import DateContext
from .extract import Extraction, Problem, extract
from .reasons import Reason

__all__ = ["DateContext", "Extraction", "Problem", "Reason", "extract"]
