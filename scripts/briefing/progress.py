"""A progress line on the console for conversions that take a while."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TextIO

Progress = Callable[[int, int], None]
"""Told (seeds read so far, seeds in all) as reading goes on."""

DELAY = 1.0
"""Seconds a conversion runs before its progress is shown at all."""


class ConsoleProgress:
    """Reports ``seeds read: done/total`` on one rewritten line of ``stream``.

    Nothing is shown for the first :data:`DELAY` seconds, so quick builds
    print exactly what they printed before.
    """

    def __init__(self, stream: TextIO, clock: Callable[[], float] = time.perf_counter) -> None:
        self.stream = stream
        self.clock = clock
        self.started = self.clock()
        self.shown = False

    def __call__(self, done: int, total: int) -> None:
        if self.clock() - self.started < DELAY:
            return
        self.stream.write(f"\rseeds read: {done}/{total}")
        self.stream.flush()
        self.shown = True

    def close(self) -> None:
        """End the progress line, if one was shown."""
        if self.shown:
            self.stream.write("\n")
            self.stream.flush()


LINES = 10
"""About how many lines :class:`LineProgress` writes for a whole conversion."""
MOST_BETWEEN = 500
"""Seeds between two lines of :class:`LineProgress` at most, however many in all."""


class LineProgress:
    """Reports ``seeds read: done/total`` as whole lines, for a log or a pipe.

    Without a terminal a rewritten line would be one line in the log at the
    end; here a line is written every so many seeds (a tenth of them, at most
    :data:`MOST_BETWEEN`) and at the last, from :data:`DELAY` seconds on."""

    def __init__(
        self, write: Callable[[str], None], clock: Callable[[], float] = time.perf_counter
    ) -> None:
        self.write = write
        self.clock = clock
        self.started = self.clock()
        self.next = 0

    def __call__(self, done: int, total: int) -> None:
        if done < self.next and done != total:
            return
        if self.clock() - self.started < DELAY:
            return
        step = max(1, min(MOST_BETWEEN, -(-total // LINES)))
        self.next = (done // step + 1) * step
        self.write(f"seeds read: {done}/{total}")

    def close(self) -> None:
        """Nothing to end: every line is whole."""
