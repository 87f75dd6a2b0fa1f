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
