"""A built site served from this machine: ``briefing preview SITE_DIR``.

Python's ``http.server`` listens with a queue of 5 waiting connections: with
more readers at once, the others' connections are dropped and retried a
second or more later (50 clients at once: a 99th percentile of 1.9-4.4 s on
the seed's site). This server is the same, with a queue of :data:`BACKLOG`,
one thread per connection, and this machine's address only by default.
"""

from __future__ import annotations

import functools
import http.server
from pathlib import Path

from ..errors import BriefingError

BACKLOG = 1024
"""Connections the kernel queues for the server (capped by net.core.somaxconn)."""


class _Handler(http.server.SimpleHTTPRequestHandler):
    """Files of the site; a line on stderr for each request that fails only (a line
    for each would cost more than the request at many readers a second)."""

    extensions_map = {  # noqa: RUF012 - the base class's own mapping, extended
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".js": "text/javascript",
        ".mjs": "text/javascript",
        ".wasm": "application/wasm",
        ".json": "application/json",
        ".xml": "application/xml",
    }

    def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
        if isinstance(code, int) and code >= 400:
            super().log_request(code, size)


class PreviewServer(http.server.ThreadingHTTPServer):
    """``ThreadingHTTPServer`` with a long queue of waiting connections."""

    request_queue_size = BACKLOG
    daemon_threads = True


def preview_server(site: Path, host: str = "127.0.0.1", port: int = 8000) -> PreviewServer:
    """A server of ``site`` on ``host:port`` (port 0: any free one), not yet serving."""
    if not (site / "index.html").is_file():
        raise BriefingError(str(site), "no built site here (no index.html): run 'make site'")
    handler = functools.partial(_Handler, directory=str(site))
    try:
        return PreviewServer((host, port), handler)
    except OSError as exc:
        raise BriefingError(f"{host}:{port}", f"cannot listen: {exc.strerror}") from exc
