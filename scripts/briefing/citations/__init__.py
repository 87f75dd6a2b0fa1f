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
- An impossible date (February 30) keeps its citation and is a Problem.
- Unclosed "(" in a row form one TEXT "unclosed" span, up to the next
  balanced parenthetical, and one Problem; later parentheticals are found.
- In running text only an unmistakable address (scheme, ``www.`` or a path)
  is a citation; "Gazeta.ru reported" is not.
"""

from .dates import DateContext
from .extract import Extraction, Problem, extract
from .reasons import Reason

__all__ = ["DateContext", "Extraction", "Problem", "Reason", "extract"]
