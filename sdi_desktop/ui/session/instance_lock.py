"""One running app per data directory.

Two windows writing the same sessions would overwrite each other's edits, so
the second one is told, clearly, and stops. A lock left by a crashed process
is taken over (QLockFile checks whether its owner is still alive).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLockFile

LOCK_NAME = "sdi-desktop.lock"


class InstanceLock:
    def __init__(self, data_dir: Path) -> None:
        self.path = Path(data_dir) / LOCK_NAME
        self._lock = QLockFile(str(self.path))
        self._lock.setStaleLockTime(0)  # stale only when the owner process is gone

    def acquire(self) -> bool:
        return self._lock.tryLock(100)

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
