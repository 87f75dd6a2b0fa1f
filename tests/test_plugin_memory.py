"""What the MkDocs plugin keeps between builds: texts for a server, nothing for a one-off build."""

from __future__ import annotations

import gc
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from mkdocs.config import load_config

from briefing.build.memory import memory_for, return_freed_memory
from briefing.config import BuildConfig
from briefing.website.plugin import BriefingPlugin
from tests.conftest import copy_project


@pytest.fixture
def plugin() -> Iterator[BriefingPlugin]:
    plugin = BriefingPlugin()
    yield plugin
    plugin.on_shutdown()
    gc.unfreeze()  # a server's build leaves the heap frozen until MkDocs has rendered


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return copy_project(
        tmp_path / "project"
    )  # a server's build leaves the heap frozen until MkDocs has rendered


def kept_texts(project: Path) -> int:
    return len(memory_for(BuildConfig(root=project)).texts.current)


def test_mkdocs_build_keeps_no_texts(project: Path, plugin: BriefingPlugin) -> None:
    plugin.on_startup(command="build", dirty=False)
    plugin.on_config(load_config(str(project / "mkdocs.yml")))
    home = (project / "docs" / "index.md").read_text("utf-8")  # it did build
    assert "A New Rapprochement Between Moscow and Tehran" in home
    assert kept_texts(project) == 0


def test_a_server_keeps_the_texts_for_its_next_build(project: Path, plugin: BriefingPlugin) -> None:
    plugin.on_startup(command="serve", dirty=True)
    plugin.on_config(load_config(str(project / "mkdocs.yml")))
    assert kept_texts(project) > 0


def resident_kb() -> int:
    return int(Path("/proc/self/statm").read_text().split()[1]) * os.sysconf("SC_PAGE_SIZE") // 1024


@pytest.mark.skipif(not Path("/proc/self/statm").exists(), reason="reads /proc")
def test_freed_memory_goes_back_to_the_system() -> None:
    # Texts of a kilobyte or more, as a build's pages are, most of them freed:
    # without a trim, the heap keeps the freed pages resident.
    texts = [str(n) * (1024 // len(str(n)) + 1) for n in range(200_000)]
    kept = texts[99::100]
    del texts
    before = resident_kb()
    if not return_freed_memory():
        pytest.skip("the C library has no malloc_trim")
    assert before - resident_kb() > 100_000  # of about 200 MB freed
    assert len(kept) == 2_000


def test_a_reference_made_again_equal_is_the_last_builds_object() -> None:
    """So that its digests and kept texts are found by identity, not computed again."""
    from briefing.build.memory import Memory
    from briefing.references.collect import CitedBy, Reference

    def made(cited_by: tuple[CitedBy, ...]) -> tuple[Reference, ...]:
        # Made here: two sources cited by one brief.
        return tuple(
            Reference(key, key.upper(), None, None, None, None, f"({key.upper()})", cited_by)
            for key in ("a", "b")
        )

    memory = Memory()
    once = memory.same_references(made((CitedBy("x", "X", 1),)))
    again = memory.same_references(made((CitedBy("x", "X", 1),)))
    assert all(a is b for a, b in zip(once, again, strict=True))
    changed = memory.same_references(made((CitedBy("x", "X", 2),)))
    assert changed == made((CitedBy("x", "X", 2),)) and changed[0] is not once[0]
    assert Memory.none().same_references(once) is once  # a one-off build keeps nothing
