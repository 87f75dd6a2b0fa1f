"""One build at a time per project: the lock file ``.briefing.lock``.

Two builds writing the same ``docs/`` at once would interleave, the older
one overwriting the newer one's pages. Whoever builds holds an exclusive
``flock`` on the lock file, which the system releases when the holder's
process ends, however it ends: a lock can never outlive its holder. The
file also names the holder (``PID host``) for the message a second build
shows. A name left in the file by a holder that ended without releasing
(killed) marks a stale lock: it is taken over, and reported.
"""

from __future__ import annotations

import errno
import fcntl
import os
import socket
import stat
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType

from ..errors import BuildLocked


@dataclass(frozen=True)
class Holder:
    """Who holds (or last held) the lock, as its file says."""

    pid: int
    host: str

    def __str__(self) -> str:
        here = self.host == socket.gethostname()
        return f"PID {self.pid}" if here else f"PID {self.pid} on {self.host}"

    def alive(self) -> bool:
        """Whether the holder's process still runs (taken as yes on another host)."""
        if self.host != socket.gethostname():
            return True
        try:
            os.kill(self.pid, 0)
        except ProcessLookupError:
            return False
        except PermissionError:  # another user's process
            return True
        return True


class BuildLock:
    """The project's lock, held from :func:`hold` until :meth:`release` (or exit)."""

    def __init__(self, path: Path, fd: int, stale: Holder | None) -> None:
        self.path = path
        self.stale = stale
        """The holder that ended without releasing the lock, if this build took it over."""
        self._fd: int | None = fd

    def release(self) -> None:
        """Clear the holder's name, then the lock; a second call does nothing."""
        if self._fd is None:
            return
        fd, self._fd = self._fd, None
        try:
            os.ftruncate(fd, 0)  # a name left in the file means its holder was killed
        finally:
            os.close(fd)  # closing releases the flock

    def __enter__(self) -> BuildLock:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.release()


def hold(
    path: Path,
    wait: bool = False,
    waiting: Callable[[Holder | None], None] | None = None,
    advice: str | None = "run again with --wait",
) -> BuildLock:
    """Take the lock at ``path``, or raise BuildLocked naming its holder.

    With ``wait``, wait for the holder to finish instead; ``waiting`` is
    told whom the build waits for, once, before it does. ``advice`` ends
    the message of a build that does not wait.
    """
    fd = _open(path)
    try:
        if not _try_lock(fd):
            holder = _holder(fd)
            if not wait:
                raise BuildLocked(path.name, _message(holder, advice))
            if waiting is not None:
                waiting(holder)
            fcntl.flock(fd, fcntl.LOCK_EX)
        left = _holder(fd)
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()} {socket.gethostname()}\n".encode(), 0)
    except BaseException:
        os.close(fd)
        raise
    ours = left is not None and left.pid == os.getpid() and left.host == socket.gethostname()
    return BuildLock(path, fd, None if ours else left)


def _open(path: Path) -> int:
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | os.O_CLOEXEC, 0o644)
    except OSError as exc:
        raise BuildLocked(path.name, f"the build lock cannot be opened: {exc.strerror}") from None
    if not stat.S_ISREG(os.fstat(fd).st_mode):
        os.close(fd)
        raise BuildLocked(path.name, "the build lock is not a plain file; remove it")
    return fd


def _try_lock(fd: int) -> bool:
    """Whether the lock was free and is now ours."""
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    except OSError as exc:
        if exc.errno not in (errno.ENOLCK, errno.EOPNOTSUPP, errno.EINVAL):
            raise
        # A file system without flock: the holder's name alone decides.
        holder = _holder(fd)
        return holder is None or holder.pid == os.getpid() or not holder.alive()
    return True


def _holder(fd: int) -> Holder | None:
    """The holder named in the lock file, or None when it names none."""
    words = os.pread(fd, 300, 0).decode("utf-8", "replace").split()
    if len(words) != 2 or not words[0].isdigit():
        return None
    return Holder(int(words[0]), words[1])


def _message(holder: Holder | None, advice: str | None) -> str:
    who = f" ({holder})" if holder is not None else ""
    then = f", or {advice}" if advice else ""
    return f"another build{who} is running in this project; wait for it to finish{then}"
