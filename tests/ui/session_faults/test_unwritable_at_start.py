"""Issue 15 item 2 (window side): a data directory that cannot be written when the app
starts is no "already running": the window says what is wrong, keeps the work in memory,
retries, and saves it once it can. Injected faults always; a real read-only tmpfs where
the suite may mount one."""

from __future__ import annotations

import errno
import os
import subprocess
import uuid

import pytest
from PySide6.QtCore import QPointF

from sdi_desktop.storage.errors import StorageError
from sdi_desktop.storage.store import Store
from sdi_desktop.ui.session.instance_lock import InstanceLock
from tests.storage.test_faults import tmpfs


@pytest.fixture(autouse=True)
def quick_retry(monkeypatch):
    monkeypatch.setattr("sdi_desktop.ui.session.controller.OPEN_RETRY_MS", 100, raising=False)


def _stored_boards(data_dir) -> list[list[str]]:
    with Store.open(data_dir, read_only=True) as store:
        return [
            [e["label"] for e in store.sessions.get(s.id).board if e["type"] == "component"]
            for s in store.sessions.list()
        ]


def _edit_while_unsaved_and_recover(window, qtbot, data_dir, make_writable) -> None:
    persistence = window.persistence
    warning = persistence.last_warning or ""
    assert "already running" not in warning and "process 0" not in warning
    assert "cannot be saved" in warning and "kept in memory" in warning
    window.board.editor.add_component("cache", QPointF(0, 0), "Redis")
    assert len(window.board.editor.document) == 1
    make_writable()
    qtbot.waitUntil(lambda: persistence.session_id is not None, timeout=10_000)
    assert _stored_boards(data_dir) == [["Redis"]]
    window.board.editor.add_component("service", QPointF(200, 0), "API")
    persistence.flush()
    assert sorted(_stored_boards(data_dir)[0]) == ["API", "Redis"]


def test_an_unwritable_lock_file_is_reported_and_retried(open_app, qtbot, tmp_path, monkeypatch):
    blocked = [True]
    real_acquire = InstanceLock.acquire
    monkeypatch.setattr(InstanceLock, "acquire", lambda self: not blocked[0] and real_acquire(self))
    monkeypatch.setattr(InstanceLock, "held_elsewhere", lambda self: False)
    monkeypatch.setattr(
        InstanceLock,
        "why_unwritable",
        lambda self: f"cannot write in {self.path.parent}: Read-only file system",
    )
    window = open_app(tmp_path / "data")
    assert "Read-only file system" in window.persistence.last_warning
    _edit_while_unsaved_and_recover(
        window, qtbot, tmp_path / "data", lambda: blocked.__setitem__(0, False)
    )


def test_a_store_that_cannot_open_is_retried(open_app, qtbot, tmp_path, monkeypatch):
    blocked = [True]
    real_open = Store.open.__func__

    def open_(cls, data_dir, read_only=False):
        if blocked[0] and not read_only:
            raise StorageError(f"cannot save sessions in {data_dir}: No space left on device")
        return real_open(cls, data_dir, read_only)

    monkeypatch.setattr(Store, "open", classmethod(open_))
    window = open_app(tmp_path / "data")
    assert "No space left on device" in window.persistence.last_warning
    _edit_while_unsaved_and_recover(
        window, qtbot, tmp_path / "data", lambda: blocked.__setitem__(0, False)
    )


def test_a_read_only_mount_at_start_saves_after_remount(open_app, qtbot, tmp_path):
    with tmpfs(tmp_path / f"mnt-{uuid.uuid4().hex[:6]}", "4m") as mount:
        (mount / "data").mkdir()
        done = subprocess.run(["mount", "-o", "remount,ro", str(mount)], capture_output=True)
        if done.returncode != 0:
            pytest.skip("cannot remount the tmpfs read-only here")
        window = open_app(mount / "data")
        # the system's own words, in the user's language (LANG=de_DE...)
        assert os.strerror(errno.EROFS) in window.persistence.last_warning

        def remount_rw():
            subprocess.run(["mount", "-o", "remount,rw", str(mount)], check=True)

        _edit_while_unsaved_and_recover(window, qtbot, mount / "data", remount_rw)
        window.close()
