"""Issue 14, items 6, 10 and 14: Space after New Session, the picker's practice counts
and the board's view after a relaunch, through the real window."""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from sdi_desktop.domain.clock import ClockState

CTRL = Qt.KeyboardModifier.ControlModifier


def _in_next_dialog(qtbot, handler):
    def run():
        dialog = QApplication.activeModalWidget()
        assert dialog is not None
        handler(dialog)

    QTimer.singleShot(50, run)


def _choose(qtbot, search: str, seen: dict | None = None):
    def choose(dialog):
        picker = dialog.picker
        picker.search_edit.setFocus()
        qtbot.keyClicks(picker.search_edit, search)
        item = picker.tree.topLevelItem(0)
        if seen is not None:
            seen["practised"], seen["last"] = item.text(3), item.text(4)
        rect = picker.tree.visualItemRect(item)
        qtbot.mouseClick(picker.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)

    return choose


def test_item6_space_starts_the_clock_right_after_new_session(window, qtbot):
    window.whiteboard.setFocus()  # where the focus was when the user pressed Ctrl+N
    qtbot.waitUntil(window.whiteboard.hasFocus)
    _in_next_dialog(qtbot, _choose(qtbot, "shortener"))
    qtbot.keyClick(window.whiteboard, Qt.Key.Key_N, CTRL)
    assert window.session.title == "Design a URL shortener"
    assert "Press Space to start" in window.statusBar().currentMessage()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)  # the dialog has gone
    focused = QApplication.focusWidget()
    assert focused is not None
    qtbot.keyClick(focused, Qt.Key.Key_Space)
    assert window.session.clock.state is ClockState.RUNNING


def test_item10_picker_counts_follow_a_finished_session(open_app, qtbot):
    window = open_app()
    seen: dict = {}
    _in_next_dialog(qtbot, _choose(qtbot, "shortener", seen))
    assert window.new_session()
    assert seen["practised"] == "0" and seen["last"] == "never"
    window.session.clock.start()
    window.finish_session()
    qtbot.waitUntil(lambda: window.persistence.rubric is not None)
    window.persistence.rubric.reject()
    _in_next_dialog(qtbot, _choose(qtbot, "shortener", seen))
    assert window.new_session()
    assert seen["practised"] == "1"
    assert seen["last"] != "never"


def test_item14_a_relaunched_board_shows_all_its_components(open_app, qtbot, tmp_path):
    data = tmp_path / "data"
    window = open_app(data)
    editor = window.board.editor
    for i in range(8):  # a wide board: far more than 100 % shows
        editor.add_component("service", QPointF(i * 400, (i % 3) * 260))
    window.session.clock.start()
    store = window.persistence.store

    def saved_board() -> int:
        sessions = store.sessions.list()
        return len(store.sessions.get(sessions[0].id).board) if sessions else 0

    qtbot.waitUntil(lambda: saved_board() == 8, timeout=4000)
    window.close()
    reopened = open_app(data)
    qtbot.waitUntil(lambda: len(reopened.board.editor.document) == 8, timeout=4000)
    qtbot.waitExposed(reopened)
    view = reopened.board.view
    visible = view.mapToScene(view.viewport().rect()).boundingRect()
    content = reopened.board.scene.content_rect()
    assert visible.contains(content)
