"""Not product code. Scale measurements: a synthetic corpus and the benchmark that builds it.

Nothing here runs in a normal build; ``briefing bench`` and ``make bench``
are the entry points.
"""
