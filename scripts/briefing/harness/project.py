"""What a briefing project is made of, for copies that build on their own.

The benchmark and the tests build throw-away copies of this project; both
take the list of inputs from here, so a new input (a theme override, an
asset folder) is added once.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterable
from pathlib import Path

INPUTS = ("mkdocs.yml", "docs/assets", "overrides")
"""Files and folders, relative to the project root, that a build reads besides seeds."""


def copy_project(source: Path, root: Path, seeds: Iterable[Path] | None = None) -> Path:
    """Copy the inputs of the project at ``source`` into ``root`` (created); return it.

    ``seeds`` (files) replace the project's own seeds when given.
    """
    root.mkdir(parents=True)
    for name in INPUTS:
        origin, target = source / name, root / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if origin.is_dir():
            shutil.copytree(origin, target)
        elif origin.exists():
            shutil.copy(origin, target)
    (root / "seeds").mkdir()
    for seed in sorted((source / "seeds").iterdir()) if seeds is None else seeds:
        shutil.copy(seed, root / "seeds" / seed.name)
    return root
