"""Issue 15 item 12: a lock left by a crashed app whose PID now belongs to another
program (here a Python one, the case Qt's own check misses) does not block the app;
a lock held by a live app still does."""

from __future__ import annotations

import os
import subprocess
import sys
import time

import pytest

from sdi_desktop.ui.session.instance_lock import InstanceLock, process_start_time

pytestmark = pytest.mark.skipif(
    process_start_time(os.getpid()) is None, reason="needs /proc to tell a process's start"
)

HOLD = """
import sys, time
from sdi_desktop.ui.session.instance_lock import InstanceLock
lock = InstanceLock(sys.argv[1])
print("held" if lock.acquire() else "refused", flush=True)
time.sleep(60)
"""


@pytest.fixture
def sleeper():
    """Another Python process, doing nothing: the PID a crashed app's lock now names."""
    proc = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    yield proc
    proc.kill()
    proc.wait()


def _crashed_lock(data_dir, pid: int) -> None:
    """What an app that crashed an hour ago leaves behind, with its PID now ``pid``."""
    data_dir.mkdir(exist_ok=True)
    lock = InstanceLock(data_dir)
    assert lock.acquire()
    content = lock.path.read_text().split("\n")
    lock.release()
    content[0] = str(pid)
    lock.path.write_text("\n".join(content))
    an_hour_ago = time.time() - 3600
    os.utime(lock.path, (an_hour_ago, an_hour_ago))


def test_a_stale_lock_whose_pid_was_reused_is_taken_over(tmp_path, sleeper):
    _crashed_lock(tmp_path, sleeper.pid)
    lock = InstanceLock(tmp_path)
    assert lock.acquire(), lock.message()
    assert lock.path.read_text().split("\n")[0] == str(os.getpid())
    lock.release()


def test_a_lock_held_by_a_running_app_still_refuses(tmp_path):
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(tmp_path)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout.readline().strip() == "held"
        lock = InstanceLock(tmp_path)
        assert not lock.acquire()
        assert f"process {holder.pid}" in lock.message()
    finally:
        holder.kill()
        holder.wait()
