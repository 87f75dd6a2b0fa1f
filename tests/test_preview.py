"""Serving to many readers at once: `briefing preview` and `briefing serve`
queue every waiting connection instead of dropping all but five."""

from __future__ import annotations

import socket
import threading
import urllib.request
from pathlib import Path

import pytest
from mkdocs.config import load_config
from mkdocs.livereload import LiveReloadServer

from briefing.cli import main
from briefing.errors import BriefingError
from briefing.website.plugin import BriefingPlugin
from briefing.website.preview import BACKLOG, preview_server
from tests.conftest import copy_project, write

READERS = 50


def queued(port: int, count: int) -> int:
    """How many of ``count`` connections the kernel completes while no one accepts,
    up to the first it drops."""
    sockets, done = [], 0
    try:
        for _ in range(count):
            client = socket.socket()
            client.settimeout(0.5)  # a dropped connection is retried after a second
            sockets.append(client)
            try:
                client.connect(("127.0.0.1", port))
            except OSError:
                break
            done += 1
    finally:
        for client in sockets:
            client.close()
    return done


def test_the_preview_server_queues_every_reader_waiting(tmp_path: Path) -> None:
    site = write(tmp_path / "site" / "index.html", "<p>Home</p>").parent
    server = preview_server(site, port=0)
    try:  # listening, not yet accepting: what the kernel queues is all there is
        assert queued(server.server_address[1], READERS) == READERS
    finally:
        server.server_close()


def test_the_queue_is_what_made_the_difference(tmp_path: Path) -> None:
    # Python's own server, as `python3 -m http.server` runs it, queues five.
    import http.server

    plain = http.server.ThreadingHTTPServer(("127.0.0.1", 0), http.server.BaseHTTPRequestHandler)
    try:
        assert queued(plain.server_address[1], READERS) < READERS
    finally:
        plain.server_close()


def test_the_preview_server_serves_the_site(tmp_path: Path) -> None:
    site = write(tmp_path / "site" / "index.html", "<p>Home</p>").parent
    write(site / "search" / "pagefind.wasm", "\0asm")
    server = preview_server(site, port=0)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        base = f"http://127.0.0.1:{server.server_address[1]}/"
        with urllib.request.urlopen(base) as page:
            assert page.read() == b"<p>Home</p>"
        with urllib.request.urlopen(base + "search/pagefind.wasm") as wasm:
            assert wasm.headers["Content-Type"] == "application/wasm"
    finally:
        server.shutdown()
        server.server_close()


def test_preview_of_a_folder_that_is_no_site_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["preview", str(tmp_path), "--port", "0"]) == 1
    assert f"{tmp_path}: no built site here" in capsys.readouterr().err


def test_briefing_serve_queues_every_reader_waiting(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    config = load_config(str(project / "mkdocs.yml"))
    server = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0, root=str(tmp_path))
    server.watch(config.docs_dir)  # as `mkdocs serve` does before the plugin's turn
    plugin = BriefingPlugin()
    plugin.on_serve(server, config=config, builder=lambda: None)
    assert server.request_queue_size == BACKLOG
    server.server_bind()
    server.server_activate()
    try:
        assert queued(server.server_address[1], READERS) == READERS
    finally:
        server.server_close()


def test_a_port_already_taken_is_named(tmp_path: Path) -> None:
    site = write(tmp_path / "site" / "index.html", "<p>Home</p>").parent
    taken = preview_server(site, port=0)
    try:
        port = taken.server_address[1]
        with pytest.raises(BriefingError, match=rf"127\.0\.0\.1:{port}: cannot listen: "):
            preview_server(site, port=port)
    finally:
        taken.server_close()
