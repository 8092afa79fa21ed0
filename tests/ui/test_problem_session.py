"""Start a session from a library problem; reveal hints only in their phase."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from sdi_desktop.domain.formats import standard
from sdi_desktop.domain.hints import HintRecord
from sdi_desktop.ui.problems.picker import load_app_library


def _in_next_dialog(qtbot, handler):
    def run():
        dialog = QApplication.activeModalWidget()
        assert dialog is not None
        handler(dialog)

    QTimer.singleShot(50, run)


def test_start_a_session_from_a_problem(window, qtbot):
    def choose(dialog):
        picker = dialog.picker
        picker.search_edit.setFocus()
        qtbot.keyClicks(picker.search_edit, "shortener")
        assert picker.visible_ids() == ["url-shortener"]
        item = picker.tree.topLevelItem(0)
        rect = picker.tree.visualItemRect(item)
        qtbot.mouseClick(picker.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        assert dialog.title_edit.text() == "Design a URL shortener"
        ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)

    _in_next_dialog(qtbot, choose)
    window.timeline.setFocus()
    qtbot.keyClick(window.timeline, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    session = window.session
    assert session.problem is not None and session.problem.id == "url-shortener"
    assert session.title == "Design a URL shortener"
    assert window.prompt_label.isVisible()
    assert window.prompt_label.text() == session.problem.prompt.strip()
    assert window.hint_panel.isVisible()


def test_custom_prompt_session_shows_the_prompt_and_no_hints(window, qtbot):
    def custom(dialog):
        qtbot.mouseClick(dialog.picker.custom_toggle, Qt.MouseButton.LeftButton)
        qtbot.keyClicks(dialog.picker.custom_edit, "Design a library for a small town")
        dialog.title_edit.setFocus()
        qtbot.keyClicks(dialog.title_edit, "Town library")
        dialog.accept()

    _in_next_dialog(qtbot, custom)
    assert window.new_session()
    assert window.session.problem is None
    assert window.prompt_label.text() == "Design a library for a small town"
    assert not window.hint_panel.isVisible()


def test_hints_open_only_in_their_phase_and_are_recorded(window, qtbot, fake_time):
    problem = load_app_library(window.data_dir).get("rate-limiter")
    window.start_session(problem.title, standard(), problem)
    session = window.session
    panel = window.hint_panel
    questions = panel.buttons["clarifying_questions"]
    topics = panel.buttons["deep_dive_topics"]
    window.timeline.setFocus()
    qtbot.keyClick(window.timeline, Qt.Key.Key_Space)  # start the clock
    fake_time.advance(30)

    # Scope: the deep-dive topics cannot be opened, the questions can.
    assert not topics.isEnabled()
    qtbot.mouseClick(topics, Qt.MouseButton.LeftButton)
    assert session.hints_opened == []
    assert not panel.texts["deep_dive_topics"].isVisible()
    assert questions.isEnabled()
    qtbot.mouseClick(questions, Qt.MouseButton.LeftButton)
    assert session.hints_opened == [HintRecord("clarifying_questions", "scope", 30.0)]
    shown = panel.texts["clarifying_questions"]
    assert shown.isVisible()
    assert problem.clarifying_questions[0] in shown.text()
    assert not questions.isVisible()

    # High-level design: nothing can be opened; the scope hint stays readable (issue 14).
    qtbot.keyClick(window.timeline, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
    assert shown.isVisible()
    scale = panel.buttons["suggested_scale"]
    assert not scale.isEnabled()
    qtbot.mouseClick(scale, Qt.MouseButton.LeftButton)
    assert [r.key for r in session.hints_opened] == ["clarifying_questions"]

    # Deep dive: the topics open now.
    qtbot.keyClick(window.timeline, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
    fake_time.advance(12)
    assert topics.isEnabled()
    qtbot.mouseClick(topics, Qt.MouseButton.LeftButton)
    assert session.hints_opened[-1] == HintRecord("deep_dive_topics", "deep_dive", 42.0)
    assert problem.deep_dives[0].topic in panel.texts["deep_dive_topics"].text()
    assert panel.texts["clarifying_questions"].isVisible()


def test_double_click_on_a_problem_starts_the_session(window, qtbot):
    def double_click(dialog):
        picker = dialog.picker
        picker.difficulty_combo.setCurrentIndex(picker.difficulty_combo.findData("hard"))
        row = picker.visible_ids().index("stock-exchange")
        item = picker.tree.topLevelItem(row)
        picker.tree.scrollToItem(item)
        rect = picker.tree.visualItemRect(item)
        # what a double-click delivers: a click, then the double-click event
        qtbot.mouseClick(picker.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(picker.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        if dialog.isVisible():  # never leave the modal dialog open: the test would hang
            dialog.reject()

    _in_next_dialog(qtbot, double_click)
    assert window.new_session()
    assert window.session.problem.id == "stock-exchange"
    assert window.session.title == "Design a stock exchange"
