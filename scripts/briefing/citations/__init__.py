"""Citation extraction: a paragraph's parentheticals, classified.

The public entry point is :func:`extract`. Each parenthetical of a paragraph
is accounted for: it becomes one or more citations, or is kept as text with
a reason, or is reported as ambiguous.
"""

from .extract import DateContext, Extraction, Problem, extract

__all__ = ["DateContext", "Extraction", "Problem", "extract"]
