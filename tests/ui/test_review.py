"""Self-assessment and replay through the real window (real clicks and keys)."""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt
from PySide6.QtWidgets import QDialogButtonBox, QWidget

from sdi_desktop.domain.clock import format_duration
from sdi_desktop.domain.formats import standard
from sdi_desktop.domain.rubric import Assessment
from tests.ui.test_persistence import saved


def click(qtbot, widget):
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def finished_session(window, qtbot):
    """A session with a board that grows over two phases, finished."""
    window.board.editor.add_component("service", QPointF(0, 0))
    window.session.clock.start()
    window.next_phase()
    window.board.editor.add_component("cache", QPointF(300, 0))
    window.board.editor.add_component("database", QPointF(600, 0))
    window.finish_session()
    qtbot.waitUntil(lambda: window.persistence.reviews.rubric is not None)
    return window.persistence.reviews.rubric


def test_finish_fill_the_rubric_with_clicks_and_find_it_again(open_app, qtbot):
    window = open_app()
    dialog = finished_session(window, qtbot)
    session_id = window.persistence.session_id
    assert saved(window).status == "finished"
    assert dialog.isVisible()
    assert "Board: 3 components, 0 connections" in dialog.facts_label.text()
    click(qtbot, dialog.score_button("scoping", 3))
    click(qtbot, dialog.score_button("deep_dive", 1))
    click(qtbot, dialog.score_button("deep_dive", 2))  # changed my mind
    click(qtbot, dialog.score_button("communication", 4))
    dialog.note.setFocus()
    qtbot.keyClicks(dialog.note, "Skipped the estimates")
    click(qtbot, dialog.buttons.button(QDialogButtonBox.StandardButton.Save))
    assert not dialog.isVisible()
    stored = Assessment.from_dict(window.persistence.store.sessions.get_assessment(session_id))
    assert stored.scores == {"scoping": 3, "deep_dive": 2, "communication": 4}
    assert stored.note == "Skipped the estimates"

    window.start_session("Another one", standard())
    assert window.persistence.open_session(session_id)
    review = window.persistence.review
    click(qtbot, review.assess_button)
    again = window.persistence.reviews.rubric
    assert again is not dialog and again.isVisible()
    assert again.score_button("scoping", 3).isChecked()
    assert again.score_button("deep_dive", 2).isChecked()
    assert not any(again.score_button("time", level).isChecked() for level in (1, 2, 3, 4))
    assert again.note.toPlainText() == "Skipped the estimates"
    click(qtbot, again.score_button("time", 1))
    click(qtbot, again.buttons.button(QDialogButtonBox.StandardButton.Save))
    stored = window.persistence.store.sessions.get_assessment(session_id)
    assert stored["scores"]["time"] == 1 and stored["scores"]["scoping"] == 3


def test_cancel_keeps_nothing(open_app, qtbot):
    window = open_app()
    dialog = finished_session(window, qtbot)
    click(qtbot, dialog.score_button("wrap_up", 4))
    click(qtbot, dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel))
    session_id = window.persistence.session_id
    assert window.persistence.store.sessions.get_assessment(session_id) is None


def test_replay_slider_and_keys_step_through_the_phases(open_app, qtbot):
    window = open_app()
    window.notes.panes["requirements"].setFocus()
    qtbot.keyClicks(window.notes.panes["requirements"], "early idea")
    dialog = finished_session(window, qtbot)
    click(qtbot, dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel))
    session_id = window.persistence.session_id
    window.start_session("Another one", standard())
    window.persistence.open_session(session_id)
    review = window.persistence.review
    slider = review.slider
    # snapshots at the end of scope and of high-level design, then the finished board
    assert [s.phase_index for s in review.snapshots] == [0, 1]
    assert slider.maximum() == 2 and slider.value() == 2
    assert len(window.board.editor.document) == 3
    slider.setValue(0)
    assert len(window.board.editor.document) == 1
    assert review.board_choice.currentText() == "End of Scope"
    assert "early idea" in window.notes.panes["requirements"].toPlainText()
    slider.setFocus()
    qtbot.keyClick(slider, Qt.Key.Key_Right)
    assert slider.value() == 1 and len(window.board.editor.document) == 3
    qtbot.keyClick(slider, Qt.Key.Key_Left)
    assert slider.value() == 0
    slider.setValue(2)
    assert review.board_choice.currentIndex() == 0
    # looking at history changed nothing that is stored, even when something else
    # (a ticked checklist item) saves while an older snapshot is on screen
    slider.setValue(0)
    window.phase_panel.boxes[0].click()
    window.persistence.autosaver.flush()
    record = window.persistence.store.sessions.get(session_id)
    assert len(record.board) == 3
    assert record.notes["requirements"].strip() == "early idea"
    slider.setValue(2)
    record = window.persistence.store.sessions.get(session_id)
    assert len(record.board) == 3
    assert record.notes["requirements"].strip() == "early idea"


def test_compare_two_sessions_side_by_side(open_app, qtbot, tmp_path):
    from sdi_desktop.demo.sessions import seed_demo
    from sdi_desktop.storage.store import Store

    data = tmp_path / "data"
    with Store.open(data) as store:
        ids = seed_demo(store, 3)
        first, second = store.sessions.get(ids[0]), store.sessions.get(ids[1])
        second.notes["wrap_up"] = first.notes["wrap_up"].rstrip() + "\nA line only here\n"
        store.sessions.save(second)
        scores = [store.sessions.get_assessment(i)["scores"] for i in ids[:2]]
    window = open_app(data)
    window.findChild(type(window.action_new), "actionCompare").trigger()
    dialog = window.persistence.reviews.compare
    assert dialog.isVisible()
    dialog.choices[0].setCurrentIndex(dialog.choices[0].findData(ids[0]))
    dialog.choices[1].setCurrentIndex(dialog.choices[1].findData(ids[1]))
    assert dialog.records[0].id == ids[0] and dialog.records[1].id == ids[1]
    assert dialog.table_text("Scoping and requirements") == (
        f"{scores[0]['scoping']} / 4",
        f"{scores[1]['scoping']} / 4",
    )
    left_scope, right_scope = dialog.table_text("Scope")
    assert left_scope.startswith(format_duration(first.phase_seconds[0]))
    assert right_scope.startswith(format_duration(second.phase_seconds[0]))
    for side in (0, 1):
        pixmap = dialog.boards[side].pixmap()
        assert not pixmap.isNull() and pixmap.width() > 100
    dialog.pane_choice.setCurrentIndex(dialog.pane_choice.findData("wrap_up"))
    assert dialog.diff_label.text() == "0 line(s) only on the left, 1 only on the right"
    right_html = dialog.notes[1].toHtml()
    assert "A line only here" in right_html
    assert "A line only here" not in dialog.notes[0].toPlainText()


def test_compare_from_the_library_pairs_a_session_with_its_previous_attempt(
    open_app, qtbot, tmp_path
):
    from sdi_desktop.demo.sessions import seed_demo
    from sdi_desktop.storage.store import Store

    data = tmp_path / "data"
    with Store.open(data) as store:
        seed_demo(store, 20)
        sessions = sorted(store.sessions.list(), key=lambda s: s.started_at)
    latest = sessions[-1]
    earlier = [s for s in sessions[:-1] if s.problem_id == latest.problem_id]
    window = open_app(data)
    window.persistence.library_opener.open()
    library = window.persistence.library_opener.library
    library.select_id(latest.id)
    click(qtbot, library.compare_button)
    dialog = window.persistence.reviews.compare
    assert dialog.records[1].id == latest.id
    expected = earlier[-1].id if earlier else sessions[-2].id
    assert dialog.records[0].id == expected


def test_one_review_banner_at_a_time_and_none_for_a_new_session(open_app, qtbot, tmp_path):
    """Opening finished sessions one after another (from the dashboard, say) showed a
    banner per session, stacked, and a new session kept one."""
    from sdi_desktop.demo.sessions import seed_demo
    from sdi_desktop.storage.store import Store

    data = tmp_path / "demo"
    with Store.open(data) as store:
        seed_demo(store, 3)
        first, second, third = (s.id for s in store.sessions.list())
    window = open_app(data)

    def banners():
        return [w for w in window.findChildren(QWidget, "reviewBanner") if w.isVisibleTo(window)]

    for session_id in (first, second, third):
        assert window.persistence.open_session(session_id)
        qtbot.wait(10)  # the replaced banners' deferred deletes
        assert len(banners()) == 1
    window.start_session("Fresh", standard())
    qtbot.wait(10)
    assert banners() == [] and window.persistence.review is None
