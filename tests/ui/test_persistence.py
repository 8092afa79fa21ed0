"""Saved sessions through the real window: autosave, reopen, library, review mode,
and the failure cases (corrupt database, unwritable data, a second instance)."""

from __future__ import annotations

import time

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtWidgets import QApplication

from sdi_desktop.domain.clock import ClockState


def saved(window):
    store, binding = window.persistence.store, window.persistence.binding
    return None if binding.record_id is None else store.sessions.get(binding.record_id)


def test_edits_are_saved_within_two_seconds_and_reopen_whole(open_app, qtbot, tmp_path):
    window = open_app()
    pane = window.notes.panes["api"]
    pane.setFocus()
    started = time.monotonic()
    qtbot.keyClicks(pane, "GET /urls")
    window.board.editor.add_component("cache", QPointF(0, 0), "Redis")
    window.phase_panel.boxes[0].click()
    qtbot.waitUntil(
        lambda: saved(window) is not None and "GET /urls" in saved(window).notes["api"],
        timeout=2000,
    )
    assert time.monotonic() - started < 2.0
    record = saved(window)
    assert [e["label"] for e in record.board if e["type"] == "component"] == ["Redis"]
    assert record.checklist["scope"] == [0]
    session_id = record.id
    window.close()
    again = open_app(tmp_path / "data")  # resumes the active session
    assert again.persistence.binding.record_id == session_id
    assert "GET /urls" in again.notes.panes["api"].toPlainText()
    assert [c.label for c in again.board.editor.document.components()] == ["Redis"]
    assert again.session.checklist.is_checked("scope", 0)


def test_ctrl_s_saves_at_once_and_phase_changes_take_snapshots(open_app, qtbot):
    window = open_app()
    window.board.editor.add_component("service", QPointF(0, 0))
    window.session.clock.start()
    window.next_phase()  # end of scope: a snapshot of the board
    window.board.editor.add_component("cache", QPointF(300, 0))
    window.findChild(type(window.action_new), "actionSave").trigger()
    qtbot.waitUntil(lambda: saved(window) is not None and len(saved(window).board) == 2)
    record = saved(window)
    assert [s.phase_index for s in record.snapshots] == [0]
    assert len(record.snapshots[0].board) == 1


def test_new_session_starts_empty_and_keeps_the_old_one(open_app, qtbot):
    window = open_app()
    window.board.editor.add_component("service", QPointF(0, 0))
    qtbot.waitUntil(lambda: saved(window) is not None)
    first = window.persistence.binding.record_id
    from sdi_desktop.domain.formats import standard

    window.start_session("Second", standard())
    assert len(window.board.editor.document) == 0
    window.board.editor.add_component("queue", QPointF(0, 0))
    qtbot.waitUntil(lambda: window.persistence.binding.record_id not in (None, first))
    store = window.persistence.store
    assert {s.title for s in store.sessions.list()} == {"Practice session", "Second"}
    assert len(store.sessions.get(first).board) == 1


def test_library_finds_opens_renames_duplicates_and_undoes_a_delete(open_app, qtbot):
    window = open_app()
    window.notes.panes["deep_dive"].setPlainText("consistent hashing for the cache tier")
    qtbot.waitUntil(lambda: saved(window) is not None)
    first = window.persistence.binding.record_id
    from sdi_desktop.domain.formats import standard

    window.start_session("Chat system", standard())
    window.notes.panes["requirements"].setPlainText("group messages")
    qtbot.waitUntil(lambda: window.persistence.binding.record_id not in (None, first))
    window.persistence.open_library()
    library = window.persistence.library
    assert library.objectName() == "sessionLibrary"
    assert library.model.rowCount() == 2
    qtbot.keyClicks(library.search, "hashing")
    qtbot.waitUntil(lambda: library.model.rowCount() == 1, timeout=2000)
    assert library.model.rows[0].id == first
    library.rename_selected("URL shortener, take 1")
    assert window.persistence.store.sessions.get(first).title == "URL shortener, take 1"
    qtbot.mouseClick(library.delete_button, Qt.MouseButton.LeftButton)
    assert library.model.rowCount() == 0
    qtbot.mouseClick(library.undo_button, Qt.MouseButton.LeftButton)
    assert library.model.rowCount() == 1
    qtbot.mouseClick(library.open_button, Qt.MouseButton.LeftButton)
    assert window.persistence.binding.record_id == first
    assert "consistent hashing" in window.notes.panes["deep_dive"].toPlainText()
    window.persistence.open_library()
    library = window.persistence.library
    library.select_id(first)
    qtbot.mouseClick(library.again_button, Qt.MouseButton.LeftButton)
    again = window.persistence.binding.record_id
    assert again not in (None, first)
    assert window.notes.panes["deep_dive"].toPlainText() == ""


def test_a_finished_session_opens_read_only_with_phase_boards(open_app, qtbot):
    window = open_app()
    window.board.editor.add_component("service", QPointF(0, 0))
    window.session.clock.start()
    window.next_phase()
    window.board.editor.add_component("cache", QPointF(300, 0))
    window.finish_session()
    qtbot.waitUntil(lambda: saved(window) is not None and saved(window).status == "finished")
    session_id = window.persistence.binding.record_id
    from sdi_desktop.domain.formats import standard

    window.start_session("Other", standard())
    assert window.persistence.open_session(session_id)
    review = window.persistence.review
    assert review is not None and review.read_only
    assert window.notes.panes["api"].isReadOnly()
    review.show_phase_board(0)
    assert len(window.board.editor.document) == 1  # the board at the end of scope
    review.show_phase_board(None)
    assert len(window.board.editor.document) == 2
    qtbot.mouseClick(review.continue_button, Qt.MouseButton.LeftButton)
    assert window.persistence.review is None
    assert not window.notes.panes["api"].isReadOnly()
    assert window.session.clock.state is ClockState.PAUSED
    qtbot.waitUntil(lambda: saved(window).status == "active")


def test_open_option_opens_that_session(open_app, qtbot, tmp_path):
    window = open_app()
    window.notes.panes["api"].setPlainText("POST /urls")
    qtbot.waitUntil(lambda: saved(window) is not None)
    session_id = window.persistence.binding.record_id
    from sdi_desktop.domain.formats import standard

    window.start_session("Later", standard())
    window.notes.panes["api"].setPlainText("later")
    qtbot.waitUntil(lambda: window.persistence.binding.record_id not in (None, session_id))
    window.close()
    other = open_app(tmp_path / "data", "--open", str(session_id))
    assert other.persistence.binding.record_id == session_id
    assert "POST /urls" in other.notes.panes["api"].toPlainText()


def test_a_corrupt_database_is_moved_aside_and_the_user_told(open_app, tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    (data / "sdi-desktop.db").write_bytes(b"this is not a database" * 100)
    window = open_app(data)
    persistence = window.persistence
    assert persistence.store is not None
    moved = persistence.store.recovered_from
    assert moved is not None and moved.exists()
    assert moved.read_bytes().startswith(b"this is not a database")
    assert str(moved) in persistence.last_warning


def test_unwritable_data_is_reported_and_work_stays_in_memory(open_app, qtbot, tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    (data / "sdi-desktop.db").mkdir()  # the database path is a directory: cannot be opened
    window = open_app(data)
    assert window.persistence.store is None
    assert "cannot be saved" in window.persistence.last_warning
    window.board.editor.add_component("service", QPointF(0, 0))
    assert len(window.board.editor.document) == 1  # the app keeps working


def test_a_second_instance_on_the_same_data_is_told_and_saves_nothing(open_app, tmp_path):
    first = open_app(tmp_path / "data")
    assert first.persistence.store is not None
    second = open_app(tmp_path / "data", wait=False)
    assert second.persistence.store is None
    assert "already running" in second.persistence.last_warning
    QApplication.processEvents()


def test_a_failing_disk_is_reported_once_and_saving_resumes(open_app, qtbot, monkeypatch):
    import sqlite3

    window = open_app()
    persistence = window.persistence
    sessions = persistence.store.sessions
    real_create = sessions.create

    def read_only(record):
        raise sqlite3.OperationalError("attempt to write a readonly database")

    monkeypatch.setattr(sessions, "create", read_only)
    monkeypatch.setattr("sdi_desktop.ui.autosave.RETRY_MS", 200)
    window.notes.panes["api"].setPlainText("kept in memory")
    qtbot.waitUntil(lambda: persistence.autosaver.failing, timeout=3000)
    assert "read-only" in persistence.last_warning
    assert "kept in memory" in window.notes.panes["api"].toPlainText()
    monkeypatch.setattr(sessions, "create", real_create)
    qtbot.waitUntil(lambda: not persistence.autosaver.failing, timeout=5000)
    assert "kept in memory" in saved(window).notes["api"]


def test_tags_and_renames_in_the_library_survive_the_next_autosave(open_app, qtbot):
    window = open_app()
    window.notes.panes["api"].setPlainText("first")
    qtbot.waitUntil(lambda: saved(window) is not None)
    window.persistence.open_library()
    library = window.persistence.library
    library.edit_tags(["mock with Sam", "weak: estimates"])
    library.rename_selected("Shortener with Sam")
    assert window.session.title == "Shortener with Sam"
    window.notes.panes["api"].setPlainText("second")  # the next autosave
    qtbot.waitUntil(lambda: "second" in saved(window).notes["api"])
    record = saved(window)
    assert record.title == "Shortener with Sam"
    assert record.tags == ["mock with Sam", "weak: estimates"]
    library.reload()
    library.tag_filter.setCurrentIndex(library.tag_filter.findData("weak: estimates"))
    assert library.model.rowCount() == 1


def test_closing_saves_the_clock_time_run_since_the_last_edit(open_app, qtbot, tmp_path):
    window = open_app()
    now = [1000.0]
    window.session.clock._now = lambda: now[0]  # an injected clock: no waiting
    window.notes.panes["api"].setPlainText("edit")
    window.session.clock.start()
    qtbot.waitUntil(lambda: saved(window) is not None)
    saved_spent = sum(saved(window).clock["spent"])
    now[0] += 90.0  # the clock runs on a minute and a half, nothing else is edited
    session_id = window.persistence.binding.record_id
    running = window.session.clock.total_elapsed()
    window.close()
    from sdi_desktop.storage.store import Store

    with Store.open(tmp_path / "data") as store:
        spent = sum(store.sessions.get(session_id).clock["spent"])
    assert running == pytest.approx(saved_spent + 90.0, abs=0.5)
    assert spent == pytest.approx(running, abs=0.05)


def test_finishing_saves_and_turns_to_review_mode(open_app, qtbot):
    window = open_app()
    window.notes.panes["api"].setPlainText("done")
    window.session.clock.start()
    window.finish_session()
    review = window.persistence.review
    assert review is not None and review.read_only
    assert window.notes.panes["api"].isReadOnly()
    assert saved(window).status == "finished"
