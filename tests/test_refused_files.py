"""Hostile input files are refused fast: before reading, in under a second, with a clear message.

Every file here is made here by the test; none comes from a real article.
"""

from __future__ import annotations

import os
import signal
import socket
import stat
import time
import tracemalloc
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from briefing.citations.registry import load_registry
from briefing.cli import main
from briefing.errors import SeedError, SidecarError
from briefing.input.guard import SEED_LIMIT, seed_bytes, sidecar_bytes
from briefing.input.parse import parse_article
from briefing.input.publications import load_publications
from briefing.input.reading import decode_seed
from briefing.input.sidecar import load_sidecar, read_sidecar
from briefing.input.slug import slugify, windows_reserved
from briefing.yamlfile import load_yaml

SEED_TEXT = (
    "A Title Made Here\n\nPublication: Eurasia Daily Monitor Volume: 8 Issue: 212\n\nText.\n"
)


@contextmanager
def within(seconds: float) -> Iterator[None]:
    """Fail (not hang) when the block takes longer than ``seconds``: a FIFO opened blocks."""

    def expire(signum: int, frame: object) -> None:
        raise TimeoutError(f"took more than {seconds} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    start = time.monotonic()
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
    assert time.monotonic() - start < seconds


@pytest.fixture
def seeds(tmp_path: Path) -> Path:
    folder = tmp_path / "seeds"
    folder.mkdir()
    return folder


def test_fifo_seed_and_sidecar_are_refused_unopened(tmp_path: Path, seeds: Path) -> None:
    os.mkfifo(seeds / "pipe.txt")
    os.mkfifo(seeds / "pipe.yml")
    with within(1), pytest.raises(SeedError, match=r"seeds/pipe.txt: is a named pipe \(FIFO\)"):
        seed_bytes(seeds / "pipe.txt", tmp_path)
    with within(1), pytest.raises(SidecarError, match=r"seeds/pipe.yml: is a named pipe"):
        sidecar_bytes(seeds / "pipe.yml", tmp_path)


def test_socket_seed_is_refused(tmp_path: Path, seeds: Path) -> None:
    with socket.socket(socket.AF_UNIX) as listener:
        listener.bind(str(seeds / "s.txt"))
        with within(1), pytest.raises(SeedError, match=r"seeds/s.txt: is a socket"):
            seed_bytes(seeds / "s.txt", tmp_path)


def test_device_seed_is_refused(tmp_path: Path, seeds: Path) -> None:
    try:
        os.mknod(seeds / "null.txt", stat.S_IFCHR | 0o600, os.makedev(1, 3))
    except OSError:
        pytest.skip("this system does not let the test make a device node")
    with within(1), pytest.raises(SeedError, match=r"seeds/null.txt: is a device"):
        seed_bytes(seeds / "null.txt", tmp_path)


@pytest.mark.parametrize("target", ["/dev/zero", "/dev/urandom", "/etc/passwd"])
def test_links_out_of_the_project_are_refused(tmp_path: Path, seeds: Path, target: str) -> None:
    (seeds / "link.txt").symlink_to(target)
    (seeds / "link.yml").symlink_to(target)
    with within(1), pytest.raises(SeedError, match="link to a file outside the project"):
        seed_bytes(seeds / "link.txt", tmp_path)
    with within(1), pytest.raises(SidecarError, match="link to a file outside the project"):
        sidecar_bytes(seeds / "link.yml", tmp_path)


def test_a_link_inside_the_project_is_read(tmp_path: Path, seeds: Path) -> None:
    (tmp_path / "shared.txt").write_text(SEED_TEXT)
    (seeds / "link.txt").symlink_to(tmp_path / "shared.txt")
    assert seed_bytes(seeds / "link.txt", tmp_path) == SEED_TEXT.encode()


def test_a_build_with_a_fifo_and_a_link_to_dev_zero_ends_with_their_errors(
    tmp_path: Path, seeds: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (seeds / "good.txt").write_text(SEED_TEXT)
    os.mkfifo(seeds / "pipe.txt")
    (seeds / "zero.txt").symlink_to("/dev/zero")
    with within(60):  # a whole build; a hang or a read of /dev/zero would never end
        assert main(["build", "--root", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert "error: seeds/pipe.txt: is a named pipe (FIFO), not a text file" in err
    assert "error: seeds/zero.txt: is a link to a file outside the project" in err
    assert (tmp_path / "docs" / "briefs" / "a-title-made-here").is_dir()


def test_sizes_are_checked_before_reading(tmp_path: Path, seeds: Path) -> None:
    big = seeds / "big.txt"
    with big.open("wb") as handle:
        handle.truncate(SEED_LIMIT * 5 // 2)  # sparse: nothing is written, nothing need be read
    message = r"seeds/big.txt: is 20 MB; a seed may be at most 8 MB \(is this the right file\?"
    with within(1), pytest.raises(SeedError, match=message):
        seed_bytes(big, tmp_path)
    (seeds / "big.yml").write_text("summary: " + "x" * 100 * 1024)
    with within(1), pytest.raises(SidecarError, match=r"is 100 KB; a sidecar may be at most 64 KB"):
        sidecar_bytes(seeds / "big.yml", tmp_path)


BILLION_LAUGHS = """\
a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]
b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]
c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]
d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]
e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]
f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]
g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f]
h: &h [*g, *g, *g, *g, *g, *g, *g, *g, *g]
author: [*h, *h, *h, *h, *h, *h, *h, *h, *h]
"""


def test_yaml_aliases_are_refused_before_expansion() -> None:
    tracemalloc.start()
    try:
        with within(1), pytest.raises(SidecarError) as raised:
            read_sidecar(BILLION_LAUGHS.encode(), "seeds/x.yml")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert str(raised.value) == (
        "seeds/x.yml:2: not valid YAML: aliases (*name) are not allowed; write the value out"
    )
    assert peak < 20_000_000


def test_deep_nesting_is_an_error_with_the_file() -> None:
    with pytest.raises(SidecarError, match=r"seeds/x\.yml: not valid YAML: nested too deeply"):
        load_yaml("author: " + "[" * 3_000 + "]" * 3_000, "seeds/x.yml", SidecarError)


def test_a_duplicate_key_names_both_lines() -> None:
    text = b"author: First Name\ndate: 2011-11-16\nauthor: Second Name\n"
    with pytest.raises(SidecarError) as raised:
        read_sidecar(text, "seeds/x.yml")
    assert str(raised.value) == (
        "seeds/x.yml:3: not valid YAML: key 'author' is given twice, on lines 1 and 3"
    )


@pytest.mark.parametrize(
    "name", ["con", "CON", "Prn", "aux", "nul", "NUL.md", "com1", "COM9.txt", "lpt1", "lpt9.tar.gz"]
)
def test_windows_device_names_are_reserved(name: str) -> None:
    assert windows_reserved(name)


@pytest.mark.parametrize("name", ["console", "com10", "com0", "nullify", "auxiliary", "lpt"])
def test_other_names_are_not_reserved(name: str) -> None:
    assert not windows_reserved(name)


@pytest.mark.parametrize("title", ["CON", "nul", "Aux", "COM1", "lpt9"])
def test_titles_never_give_a_windows_device_slug(title: str) -> None:
    assert slugify(title) == f"{title.lower()}-brief"


@pytest.mark.parametrize("slug", ["con", "nul", "aux", "com3", "lpt1"])
def test_a_sidecar_slug_naming_a_windows_device_is_refused(slug: str) -> None:
    with pytest.raises(SidecarError, match=rf"seeds/x.yml:2: 'slug': '{slug}' names a device"):
        read_sidecar(f"date: 2011-11-16\nslug: {slug}\n".encode(), "seeds/x.yml")


def test_bidirectional_controls_are_removed_from_titles_and_names_with_a_warning() -> None:
    sidecar = read_sidecar("author: Ann\u202eeB\u202c Made-Here\n".encode(), "seeds/x.yml")
    assert sidecar.author == "AnneB Made-Here"
    text = "A \u2066Spoofed\u2069 Title\u200f\n\nPublication: Eurasia Daily Monitor\n\nText.\n"
    article = parse_article(text, "seeds/x.txt", sidecar, load_registry(), load_publications())
    assert article.title == "A Spoofed Title"
    warnings = [str(w) for w in article.warnings]
    assert (
        "seeds/x.txt:1: bidirectional control character U+2066 removed: "
        "it can make a name or title display as something it is not"
    ) in warnings
    assert any(
        w.startswith("seeds/x.yml:1: bidirectional control character U+202E") for w in warnings
    )


@pytest.mark.parametrize(
    ("encoding", "named"),
    [
        ("utf-16", "UTF-16"),  # with its byte-order mark
        ("utf-16-le", "UTF-16"),
        ("utf-16-be", "UTF-16"),
        ("utf-32", "UTF-32"),
        ("utf-32-le", "UTF-32"),
        ("utf-32-be", "UTF-32"),
    ],
)
def test_utf16_and_utf32_are_named(encoding: str, named: str) -> None:
    data = SEED_TEXT.encode(encoding)
    with pytest.raises(SeedError) as raised:
        decode_seed(data, "seeds/x.txt")
    assert str(raised.value) == f"seeds/x.txt:1: is {named}, not UTF-8; save it as UTF-8"
    with pytest.raises(SidecarError, match=f"seeds/x.yml:1: is {named}, not UTF-8"):
        read_sidecar("author: Made Here\n".encode(encoding), "seeds/x.yml")


def test_utf16_without_a_mark_in_another_script_is_named() -> None:
    data = "Заголовок для проверки\n\nТекст, сделанный здесь.\n".encode("utf-16-le")
    with pytest.raises(SeedError, match="is UTF-16"):
        decode_seed(data, "seeds/x.txt")


def test_a_stray_nul_in_utf8_is_not_taken_for_utf16() -> None:
    with pytest.raises(SeedError, match="contains a NUL byte"):
        decode_seed(b"Title\nbad\x00 but otherwise plain text\n", "x.txt")


def test_load_sidecar_checks_the_file_too(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "x.yml")
    with within(1), pytest.raises(SidecarError, match=r"x\.yml: is a named pipe"):
        load_sidecar(tmp_path / "x.yml", "x.yml")
