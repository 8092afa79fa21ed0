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


def test_continue_editing_is_an_action_enabled_only_in_review(open_app, qtbot):
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QDialogButtonBox

    window = open_app()
    action = window.findChild(QAction, "actionContinueEditing")
    finish = window.findChild(QAction, "actionFinishSession")
    assert action is not None and not action.isEnabled()
    window.notes.panes["api"].setPlainText("GET /a")
    window.session.clock.start()
    finish.trigger()
    controller = window.session_controller
    qtbot.waitUntil(lambda: controller.reviews.rubric is not None)
    controller.reviews.rubric.buttons.button(QDialogButtonBox.StandardButton.Cancel).click()
    assert controller.mode is SessionMode.REVIEW and action.isEnabled()
    assert action in window.menuBar().actions()[3].menu().actions()  # in the Session menu
    action.trigger()
    assert controller.mode is SessionMode.EDITING and controller.review is None
    assert not action.isEnabled()
    qtbot.waitUntil(
        lambda: controller.store.sessions.get(controller.session_id).status == "active",
        timeout=3000,
    )
