"""Issue 15 item 3: closing while saves are failing asks, and can save the session to a
JSON file elsewhere (one that ``sessions import`` reads back) before quitting."""

from __future__ import annotations

import json
import sqlite3

import pytest
from PySide6.QtCore import QPointF

from sdi_desktop.storage.exchange import session_from_json
from sdi_desktop.ui.session import close_guard


@pytest.fixture
def failing_window(open_app, qtbot, monkeypatch):
    def full_disk(*_args):
        raise sqlite3.OperationalError("database or disk is full")

    window = open_app()
    sessions = window.persistence.store.sessions
    monkeypatch.setattr(sessions, "create", full_disk)
    monkeypatch.setattr(sessions, "save", full_disk)
    window.board.editor.add_component("cache", QPointF(0, 0), "Redis")
    window.notes.panes["api"].setPlainText("GET /urls")
    qtbot.waitUntil(lambda: window.persistence.autosaver.failing, timeout=3000)
    return window


@pytest.fixture
def answers(monkeypatch):
    """The user's answers to the question, in order; records what was asked."""
    given: list[str] = []
    asked: list[str] = []

    def ask(window, reason):
        asked.append(reason)
        return given.pop(0) if given else close_guard.DISCARD  # the test's end closes

    monkeypatch.setattr(close_guard, "ask", ask)
    return given, asked


def test_cancel_keeps_the_window_and_the_work(failing_window, answers):
    given, asked = answers
    given.append(close_guard.CANCEL)
    assert not failing_window.close()
    assert failing_window.isVisible()
    assert asked and "disk is full" in asked[0]
    assert len(failing_window.board.editor.document) == 1


def test_save_a_copy_writes_an_importable_session(failing_window, answers, tmp_path, monkeypatch):
    given, _asked = answers
    given.append(close_guard.SAVE_COPY)
    copy = tmp_path / "elsewhere" / "copy.json"
    copy.parent.mkdir()
    monkeypatch.setattr(close_guard, "choose_path", lambda window, name: str(copy))
    assert failing_window.close()
    record = session_from_json(copy.read_text(encoding="utf-8"))
    assert [e["label"] for e in record.board if e["type"] == "component"] == ["Redis"]
    assert record.notes["api"].strip() == "GET /urls"
    assert json.loads(copy.read_text())["title"] == failing_window.session.title


def test_a_copy_that_cannot_be_written_asks_again(failing_window, answers, tmp_path, monkeypatch):
    given, asked = answers
    given += [close_guard.SAVE_COPY, close_guard.CANCEL]
    blocked = tmp_path / "no-such-folder" / "copy.json"
    monkeypatch.setattr(close_guard, "choose_path", lambda window, name: str(blocked))
    assert not failing_window.close()
    assert len(asked) == 2 and str(blocked) in asked[1]


def test_closing_a_saved_session_asks_nothing(open_app, answers):
    window = open_app()
    window.board.editor.add_component("cache", QPointF(0, 0), "Redis")
    assert window.close()
    assert answers[1] == []
