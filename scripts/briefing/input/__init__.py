"""Stage 1, input: the bytes of a seed and its sidecar → an :class:`~briefing.model.Article`.

Reading (encodings, line ends), the guard against files outside the project,
the seed's layout, sidecar validation, known publications and slugs. Each
paragraph's parentheticals are read by :mod:`briefing.citations`; the
Article feeds :mod:`briefing.analysis` and :mod:`briefing.references`.
"""
