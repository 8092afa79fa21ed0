"""A mock with a peer: the interviewer's window, what the candidate sees, remarks on the
review's timeline, the interviewer's rubric beside the self-assessment, and a restart."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialogButtonBox, QWidget

from sdi_desktop.domain.edit_gate import SessionMode
from sdi_desktop.domain.mock import material


def _mock(open_app, qtbot, data_dir, problem_id="url-shortener"):
    window = open_app(data_dir)
    problem = window.problem(problem_id)
    window.start_session("Mock: Ada", window.session.format, problem)
    view = window.findChild(QAction, "actionInterviewerView")
    assert view is not None and view.shortcut().toString() == "Ctrl+Alt+I"
    view.trigger()
    interviewer = window.mock.view
    assert interviewer is not None and interviewer.objectName() == "interviewerWindow"
    assert interviewer.isWindow() and interviewer.parent() is None  # its own screen
    qtbot.waitExposed(interviewer)
    return window, interviewer, problem


def test_a_whole_mock_is_kept_and_reviewed(open_app, qtbot, tmp_path):
    data = tmp_path / "data"
    window, interviewer, problem = _mock(open_app, qtbot, data)
    mock = window.mock
    mock.log.candidate, mock.log.interviewer = "Ada", "Grace"
    clock = window.session.clock
    clock.start()
    window.notes.panes["api"].setPlainText("POST /urls")

    # a scale figure, revealed: it appears for the candidate
    figure = material.scale_figures(problem)[1]
    candidate = window.mock.candidate_panel
    assert not any(figure in t for t in candidate.texts())
    qtbot.mouseClick(interviewer.reveal_buttons[("scale", 1)], Qt.MouseButton.LeftButton)
    assert any(figure in t for t in candidate.texts())
    assert not interviewer.reveal_buttons[("scale", 1)].isEnabled()

    # a hint, logged with its time and phase, shown in the candidate's hints
    qtbot.mouseClick(interviewer.hint_button, Qt.MouseButton.LeftButton)
    first_hint = material.hint_ladder(problem)[0]
    assert [e.text for e in mock.log.hints] == [first_hint]
    assert mock.log.hints[0].phase == 0
    assert any(first_hint in t for t in candidate.texts())
    assert interviewer.hint_log.count() == 1

    # two remarks, in two phases
    interviewer.remark_edit.setText("Asked for the read/write ratio early")
    qtbot.keyClick(interviewer.remark_edit, Qt.Key.Key_Return)
    window.next_phase()
    interviewer.remark_edit.setText("Drew the cache before the database")
    qtbot.keyClick(interviewer.remark_edit, Qt.Key.Key_Return)
    remarks = mock.log.remarks
    assert [r.phase for r in remarks] == [0, 1] and interviewer.remark_edit.text() == ""
    assert remarks[1].at >= remarks[0].at

    # finish: the candidate's own rubric, then the interviewer's
    window.findChild(QAction, "actionFinishSession").trigger()
    controller = window.session_controller
    qtbot.waitUntil(lambda: controller.reviews.rubric is not None)
    rubric = controller.reviews.rubric
    _self_score(rubric, "scoping", 4)
    _self_score(rubric, "deep_dive", 2)
    rubric.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    form = interviewer.feedback
    assert not form.boxes[0].isEnabled()  # facts first
    form.facts.setPlainText("03:10 asked the ratio; no cache until asked.")
    assert form.boxes[0].isEnabled()
    form.set_score("scoping", 3)
    form.set_score("deep_dive", 2)
    form.notes["scoping"].setText("Scale figures asked for, not estimated")
    qtbot.mouseClick(interviewer.save_feedback, Qt.MouseButton.LeftButton)
    sid = controller.session_id
    stored = controller.store.sessions.assessments_by_others(sid)
    assert stored["Grace"]["scores"] == {"scoping": 3, "deep_dive": 2}

    # review: both assessments side by side, the difference marked; remarks on the timeline
    assert controller.mode is SessionMode.REVIEW
    panel = mock.review_panel
    assert panel is not None and panel.isVisible()
    assert panel.differing == ["scoping"]
    assert panel.table.item(0, 1).text() == "4" and panel.table.item(0, 2).text() == "3"
    assert panel.table.horizontalHeaderItem(2).text() == "Grace"
    assert panel.remarks.count() == 2
    points = window.timeline.marker_points()
    rects = window.timeline.segment_rects()
    assert [t for _p, t in points] == [r.text for r in remarks]
    assert rects[0].left() <= points[0][0].x() <= rects[0].right()
    assert rects[1].left() <= points[1][0].x() <= rects[1].right()
    # read-only in review
    assert not mock.add_remark("after the end") and len(mock.log.remarks) == 2
    assert not mock.give_hint() and not mock.reveal("answer", 0)
    assert not interviewer.reveal_buttons[("answer", 0)].isEnabled()
    assert not interviewer.remark_edit.isEnabled() and interviewer.swap_button.isEnabled()

    # a restart keeps everything
    window.close()
    again = open_app(data)
    again.session_controller.open_session(sid)
    mock2 = again.mock
    assert [r.text for r in mock2.log.remarks] == [r.text for r in remarks]
    assert mock2.log.revealed("scale", 1) and len(mock2.log.hints) == 1
    assert mock2.log.candidate == "Ada"
    assert mock2.review_panel is not None and mock2.review_panel.differing == ["scoping"]
    assert len(again.timeline.marker_points()) == 2
    assert again.session_controller.store.sessions.get_assessment(sid)["scores"]["scoping"] == 4

    # the dashboard filters by who assessed
    dashboard = again.session_controller.reviews.open_dashboard()
    combo = dashboard.assessor_filter
    assert [combo.itemText(i) for i in range(combo.count())] == ["Self", "Grace"]
    assert [e.scores.get("scoping") for e in dashboard.report.entries] == [4]
    combo.setCurrentIndex(1)
    assert [e.scores for e in dashboard.report.entries] == [{"scoping": 3, "deep_dive": 2}]
    dashboard.close()


def _self_score(rubric, key, level):
    rubric.findChild(QWidget, f"score_{key}_{level}").click()


def test_swap_roles_links_the_two_sessions(open_app, qtbot, tmp_path):
    window, interviewer, _problem = _mock(open_app, qtbot, tmp_path / "data")
    mock = window.mock
    mock.log.candidate, mock.log.interviewer = "Ada", "Grace"
    window.session.clock.start()
    mock.add_remark("fine")
    assert not mock.can_swap()  # not before the mock is over
    window.findChild(QAction, "actionFinishSession").trigger()
    controller = window.session_controller
    qtbot.waitUntil(lambda: controller.reviews.rubric is not None)
    controller.reviews.rubric.buttons.button(QDialogButtonBox.StandardButton.Cancel).click()
    first = controller.session_id
    other = window.problem("pastebin")
    assert mock.swap_roles(other, "Grace")
    assert window.session.problem.id == "pastebin"
    assert mock.log.candidate == "Grace" and mock.log.interviewer == "Ada"
    qtbot.waitUntil(lambda: controller.session_id not in (None, first), timeout=5000)
    second = controller.session_id
    sessions = controller.store.sessions
    qtbot.waitUntil(lambda: sessions.get(first).extras["mock"].get("partner_session") == second)
    assert sessions.get(first).extras["mock"]["candidate"] == "Ada"
    assert sessions.get(second).extras["mock"]["partner_session"] == first
    assert sessions.get(second).extras["mock"]["candidate"] == "Grace"
    assert interviewer.windowTitle().endswith(other.title)  # the view follows


def test_the_swap_dialog_offers_every_other_problem(open_app, qtbot, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QDialog

    from sdi_desktop.domain.mock.log import MockLog
    from sdi_desktop.ui.interviewer import swap_dialog

    window, interviewer, problem = _mock(open_app, qtbot, tmp_path / "data")
    seen = {}

    def accept(dialog):
        ids = [dialog.problems.itemData(i) for i in range(dialog.problems.count())]
        seen["ids"] = ids
        dialog.problems.setCurrentIndex(ids.index("pastebin"))
        dialog.partner.setText("Grace")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(swap_dialog.SwapDialog, "exec", accept)
    library = window.problem_library()
    chosen, partner = swap_dialog.ask_swap(
        interviewer, library, MockLog(candidate="Ada"), problem.id
    )
    assert problem.id not in seen["ids"] and len(seen["ids"]) == len(library) - 1
    assert chosen.id == "pastebin" and partner == "Grace"
