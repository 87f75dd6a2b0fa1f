"""Errors raised by briefing. Each carries the file and line it concerns.

Library code raises these; only the command line and the MkDocs hook turn
them into messages and exit codes.
"""

from __future__ import annotations


class BriefingError(Exception):
    """A problem with the input that stops a build, located in a file."""

    def __init__(self, file: str, message: str, line: int | None = None) -> None:
        self.file = file
        self.line = line
        self.message = message
        super().__init__(str(self))

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.message}"


class SeedError(BriefingError):
    """A seed article cannot be read or parsed."""


class SidecarError(BriefingError):
    """A sidecar metadata file is invalid."""


class MemoError(BriefingError):
    """A brief's memo document could not be made (named by the brief's seed)."""


class DataFileError(BriefingError):
    """A data file shipped with briefing (registry, gazetteer...) is invalid."""


class BuildLocked(BriefingError):
    """Another build of the same project is running (named by the lock file)."""


class BuildFailed(Exception):
    """One or more seeds failed; carries every error found."""

    def __init__(self, errors: list[BriefingError]) -> None:
        self.errors = errors
        super().__init__("\n".join(str(e) for e in errors))


class SiteConfigError(BriefingError):
    """mkdocs.yml cannot be read, or a value briefing needs from it is invalid."""
