"""Citation extraction: a paragraph's parentheticals, classified.

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
"""

from .dates import DateContext
from .extract import Extraction, Problem, extract
from .reasons import Reason

__all__ = ["DateContext", "Extraction", "Problem", "Reason", "extract"]
