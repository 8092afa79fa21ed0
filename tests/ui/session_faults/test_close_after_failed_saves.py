"""Issue 15 item 10: closing after failed saves ends cleanly: a retry due after the
window closed writes nothing and raises nothing ("cannot schedule new futures after
shutdown" was printed as a traceback)."""

from __future__ import annotations

import sqlite3
from types import SimpleNamespace

from PySide6.QtCore import QPointF

from sdi_desktop.ui.session.autosave import Autosaver


def _failing_saves(window, monkeypatch):
    def read_only(*_args):
        raise sqlite3.OperationalError("attempt to write a readonly database")

    sessions = window.persistence.store.sessions
    monkeypatch.setattr(sessions, "create", read_only)
    monkeypatch.setattr(sessions, "save", read_only)


def test_a_retry_due_after_close_is_quiet(open_app, qtbot, monkeypatch):
    monkeypatch.setattr("sdi_desktop.ui.session.autosave.RETRY_MS", 50)
    window = open_app()
    _failing_saves(window, monkeypatch)
    autosaver = window.persistence.autosaver
    window.board.editor.add_component("cache", QPointF(0, 0), "Redis")
    qtbot.waitUntil(lambda: autosaver.failing, timeout=3000)
    retries = []
    real_save_now = Autosaver.save_now

    def counted(self):
        retries.append(self)
        return real_save_now(self)

    monkeypatch.setattr(Autosaver, "save_now", counted)
    window.persistence.close()  # what closing the window does (flush, then shut down)
    retries.clear()
    qtbot.waitUntil(lambda: len(retries) >= 1, timeout=3000)  # the retry comes due
    assert autosaver.failing and autosaver.dirty  # the work is still only in memory


def test_saving_after_shutdown_submits_nothing(qapp):
    calls = []

    class Store:
        class sessions:  # stands in for the repository
            @staticmethod
            def create(record):
                calls.append(record)
                raise sqlite3.OperationalError("database or disk is full")

    autosaver = Autosaver(Store, capture=lambda: SimpleNamespace(id=None))
    autosaver.mark_dirty()
    assert not autosaver.flush(timeout=5)
    autosaver.shutdown()
    autosaver.mark_dirty()
    assert autosaver.save_now() is None
    assert autosaver.flush(timeout=5) is False
    assert len(calls) == 1
