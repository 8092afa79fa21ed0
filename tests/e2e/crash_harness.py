"""Run the app in a child process, SIGKILL it at a random moment, and check what
survived: the database passes ``PRAGMA integrity_check`` and holds every edit made
more than two seconds before the kill. Used by the test suite (a few runs) and by
``benchmarks/crash.py`` (hundreds)."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

CHILD = Path(__file__).with_name("crash_child.py")
ROOT = Path(__file__).resolve().parents[2]
GRACE = 2.0  # seconds: edits older than this at the kill must be saved


@dataclass
class CrashResult:
    integrity: str
    edits_due: int
    lost: list[str] = field(default_factory=list)
    error: str = ""


def run_once(work: Path, seed: int, kill_after: float) -> CrashResult:
    """Start the app, let it be edited for ``kill_after`` seconds after it is ready, kill it."""
    data_dir, log = work / "data", work / "edits.log"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    child = subprocess.Popen(
        [sys.executable, str(CHILD), str(data_dir), str(log), str(seed)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env=env,
        cwd=ROOT,
    )
    try:
        deadline = time.monotonic() + 60
        while not (log.exists() and "ready" in log.read_text()):
            if child.poll() is not None or time.monotonic() > deadline:
                return CrashResult("", 0, error=child.stderr.read().decode()[-800:])
            time.sleep(0.02)
        time.sleep(kill_after)
    finally:
        if child.poll() is None:
            child.send_signal(signal.SIGKILL)
        killed_at = time.time()
        child.wait(10)
        child.stderr.close()
    return check(data_dir, log, killed_at)


def check(data_dir: Path, log: Path, killed_at: float) -> CrashResult:
    database = data_dir / "sdi-desktop.db"
    with sqlite3.connect(database) as conn:
        integrity = conn.execute("PRAGMA integrity_check").fetchone()[0]
    due_notes, due_board = [], 0
    for line in log.read_text().splitlines():
        stamp, kind, value = line.split(" ", 2)
        if float(stamp) > killed_at - GRACE or kind == "ready":
            continue
        if kind == "note":
            due_notes.append(value)
        else:
            due_board = max(due_board, int(value))
    result = CrashResult(integrity, len(due_notes) + due_board)
    from sdi_desktop.storage.store import Store

    with Store.open(data_dir) as store:
        summaries = store.sessions.list()
        if not summaries:
            if due_notes or due_board:
                result.lost.append("no session was saved at all")
            return result
        record = store.sessions.get(summaries[0].id)
    notes = record.notes.get("requirements", "")
    result.lost += [f"note {word}" for word in due_notes if word not in notes]
    components = sum(1 for e in record.board if e.get("type") == "component")
    if components < due_board:
        result.lost.append(f"board: {components} components saved, {due_board} due")
    return result
