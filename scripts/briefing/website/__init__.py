"""The website side: what MkDocs needs beyond the Markdown that ``build/`` writes.

plugin.py    the MkDocs plugin (``plugins: [briefing]`` in mkdocs.yml): runs the
             conversion before each build and indexes the site after it
pages.py     what MkDocs keeps of a page, for reuse; generated files linked, not copied
rendered.py  each page's rendering kept for the next build
shelf.py     rendered pages held compressed while MkDocs renders the rest
served.py    what ``briefing serve``'s partial rebuilds must redo or remove
search.py    the Pagefind index of a built site (``briefing search SITE_DIR``)
index_parts.py, kept_index.py
             which pages go into which part of the index; the last index of
             each site folder, each part reused while its pages do not change

None of it is needed for a complete site: ``briefing build``, a plain
``mkdocs build`` and ``briefing search`` make one (README, "Platform").
"""
