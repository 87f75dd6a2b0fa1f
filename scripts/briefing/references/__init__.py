"""Stage 4, references: Articles and their citations → every form a reader cites them in.

Distinct references (:mod:`.collect`), CSL-JSON items, Chicago/APA/MLA through pandoc's
citeproc (cached), BibTeX and RIS, and memo documents (.docx; .odt if asked) from
a brief's Markdown; :mod:`.citing` gathers them per brief for
:mod:`briefing.render` and the build's downloads.
"""
