"""One running app per data directory.

Two windows writing the same sessions would overwrite each other's edits, so
the second one is told, clearly, and stops. A lock left by a crashed process
is taken over: QLockFile checks whether its owner is still alive, and, where
``/proc`` tells when a process started (Linux), a lock older than the process now
holding its PID is stale too (the PID was reused, by any program, Python or not).
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QLockFile

LOCK_NAME = "sdi-desktop.lock"
CLOCK_SLACK_S = 2.0  # /proc's boot time is in whole seconds


class InstanceLock:
    def __init__(self, data_dir: Path) -> None:
        self.path = Path(data_dir) / LOCK_NAME
        self._lock = QLockFile(str(self.path))
        self._lock.setStaleLockTime(0)  # stale only when the owner process is gone

    def acquire(self) -> bool:
        if self._lock.tryLock(100):
            return True
        if self._owner_pid_was_reused():
            self._lock.removeStaleLockFile()
            return self._lock.tryLock(100)
        return False

    def held_elsewhere(self) -> bool:
        """After a failed ``acquire``: another live app holds the lock (False: the lock
        file could not be written at all, see ``why_unwritable``)."""
        return self._lock.error() == QLockFile.LockError.LockFailedError

    def why_unwritable(self) -> str:
        """One line: why the lock file cannot be written (read-only, full, no access)."""
        import tempfile

        try:
            with tempfile.TemporaryFile(dir=self.path.parent):
                pass
        except OSError as exc:
            return f"cannot write in {self.path.parent}: {exc.strerror or exc}"
        return f"cannot write the lock file {self.path}"

    def _owner_pid_was_reused(self) -> bool:
        info = self._lock.getLockInfo()
        if len(info) < 1 or not info[0] or info[0] == os.getpid():
            return False
        started = process_start_time(int(info[0]))
        try:
            written = self.path.stat().st_mtime
        except OSError:
            return False
        return started is not None and started > written + CLOCK_SLACK_S

    def owner(self) -> str:
        info = self._lock.getLockInfo()  # PySide6 returns (pid, host, app), or () if unknown
        return f"process {info[0]} on {info[1]}" if len(info) >= 2 else "another process"

    def message(self) -> str:
        return (
            f"SDI Desktop is already running with the data directory {self.path.parent} "
            f"({self.owner()}). Switch to that window, or start this one with another "
            "--data-dir, so that the two do not overwrite each other's work."
        )

    def release(self) -> None:
        self._lock.unlock()


def process_start_time(pid: int) -> float | None:
    """When process ``pid`` started (seconds since the epoch), or None where ``/proc``
    cannot say (no such process, another system)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
        boot = next(
            float(line.split()[1])
            for line in Path("/proc/stat").read_text().splitlines()
            if line.startswith("btime ")
        )
        ticks = int(stat.rsplit(")", 1)[1].split()[19])  # field 22: starttime
        return boot + ticks / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError, StopIteration):
        return None
