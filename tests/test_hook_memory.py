"""What the MkDocs hook keeps between builds: texts for a server, nothing for a one-off build."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from pathlib import Path

import pytest
from mkdocs.config import load_config

from briefing import mkdocs_hook
from briefing.build.memory import memory_for
from briefing.config import BuildConfig
from tests.conftest import copy_project


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.setattr(mkdocs_hook, "_SERVING", mkdocs_hook._Serving())
    yield copy_project(tmp_path / "project")
    mkdocs_hook.on_shutdown()
    gc.unfreeze()  # a server's build leaves the heap frozen until MkDocs has rendered


def kept_texts(project: Path) -> int:
    return len(memory_for(BuildConfig(root=project)).texts.current)


def test_mkdocs_build_keeps_no_texts(project: Path) -> None:
    mkdocs_hook.on_startup(command="build", dirty=False)
    mkdocs_hook.on_config(load_config(str(project / "mkdocs.yml")))
    assert (project / "docs" / "index.md").is_file()  # it did build
    assert kept_texts(project) == 0


def test_a_server_keeps_the_texts_for_its_next_build(project: Path) -> None:
    mkdocs_hook.on_startup(command="serve", dirty=True)
    mkdocs_hook.on_config(load_config(str(project / "mkdocs.yml")))
    assert kept_texts(project) > 0
