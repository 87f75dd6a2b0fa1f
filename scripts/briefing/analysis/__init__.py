"""Stage 3, analysis: an Article → what an analyst reads out of it.

People, organisations and places (with the gazetteer), quotes, claims,
the timeline, topics, the glossary and the bottom line, as frozen records
(:mod:`.records`); :mod:`.brief` gathers them per brief and site-wide for
:mod:`briefing.render`.
"""
