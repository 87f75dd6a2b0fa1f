"""Input files must come from inside the project.

A seed or sidecar may be a symbolic link (to share a file between
projects, say), but one that leads outside the project folder would pull
an arbitrary file (``/etc/passwd``) into a public site: it is refused.
"""

from __future__ import annotations

from pathlib import Path

from ..errors import SeedError


def refuse_outside(path: Path, root: Path, display: str) -> None:
    """Raise SeedError if ``path`` resolves to a file outside ``root``."""
    try:
        target = path.resolve(strict=False)
    except (OSError, RuntimeError) as exc:  # a symlink loop
        raise SeedError(display, f"cannot be resolved: {exc}") from None
    if not target.is_relative_to(root.resolve()):
        raise SeedError(
            display, "is a link to a file outside the project; copy the file into seeds/ instead"
        )
