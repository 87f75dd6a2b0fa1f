"""An MkDocs hook for the served test project: every file change the watcher sees, logged.

MkDocs' live-reload server logs each change it picks up at debug level, which
`briefing serve` (``mkdocs serve`` without ``-v``) leaves out. The live-reload
tests name this hook in their copy's mkdocs.yml to read which files set off
a build, and when a change has been picked up, from the server's own log.
"""

import logging

logging.getLogger("mkdocs.livereload").setLevel(logging.DEBUG)
