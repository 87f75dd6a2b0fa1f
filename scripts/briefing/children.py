"""Programs the build starts end when it ends.

``mkdocs build`` under ``briefing site``, Pagefind under MkDocs, pandoc
under a build: killed, a build must not leave one of them running on,
writing into a folder the next build uses (and holding memory and CPU
nobody waits for). On Linux each child asks the kernel, before it runs
the program, for SIGTERM when the thread that started it ends; elsewhere
children are started as before.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import functools
import os
import signal
import sys
from collections.abc import Callable
from typing import Any

PR_SET_PDEATHSIG = 1
"""``prctl`` option: the signal a process gets when its parent ends."""


def ending_with_this_process() -> Callable[[], None] | None:
    """A ``preexec_fn`` that makes the child end with its parent; None where
    the system has no such request."""
    prctl = _prctl()
    if prctl is None:
        return None
    parent = os.getpid()

    def in_the_child() -> None:
        prctl(PR_SET_PDEATHSIG, signal.SIGTERM)
        if os.getppid() != parent:  # the parent ended before the request was made
            os._exit(1)

    return in_the_child


@functools.cache
def _prctl() -> Any:
    if not sys.platform.startswith("linux"):
        return None
    name = ctypes.util.find_library("c")
    if name is None:
        return None
    return getattr(ctypes.CDLL(name, use_errno=True), "prctl", None)
