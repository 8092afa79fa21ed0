"""The session controller and the window's narrow interface."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog

from sdi_desktop.domain.edit_gate import SessionMode
from sdi_desktop.ui.problems import picker
from sdi_desktop.ui.problems.new_session_dialog import NewSessionDialog


def test_new_session_reads_the_problem_library_once(open_app, monkeypatch):
    window = open_app()
    calls = []
    real = picker.load_app_library
    monkeypatch.setattr(picker, "load_app_library", lambda d: calls.append(d) or real(d))
    monkeypatch.setattr(NewSessionDialog, "exec", lambda self: QDialog.DialogCode.Rejected)
    assert not window.new_session()
    assert not window.new_session()
    window.session_controller.reviews.open_dashboard().close()  # the same copy again
    assert len(calls) == 1


def test_the_controller_owns_the_id_and_the_mode(open_app, qtbot):
    window = open_app()
    controller = window.session_controller
    assert window.persistence is controller  # the earlier name still answers
    assert controller.session_id is None and controller.mode is SessionMode.EDITING
    window.notes.panes["api"].setPlainText("GET /a")
    qtbot.waitUntil(lambda: controller.session_id is not None, timeout=3000)
    assert controller.binding.record_id == controller.session_id  # the binding asks it
    first = controller.session_id
    window.start_session("Second", window.session.format)
    assert controller.session_id is None  # a new session has no row until it saves
    window.notes.panes["api"].setPlainText("GET /b")
    qtbot.waitUntil(lambda: controller.session_id not in (None, first), timeout=3000)
    assert controller.store.sessions.get(first).notes["api"].strip() == "GET /a"
