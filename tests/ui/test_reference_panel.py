"""The reference answer in the window: hidden until Finish, an early reveal asks first and
is recorded like a hint, review shows notes and boards side by side; the interviewer's
follow-up questions come during the deep dive and are shown in review."""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from sdi_desktop.domain.formats import standard
from sdi_desktop.ui.problems.picker import load_app_library
from tests.ui.test_persistence import saved


def click(qtbot, widget):
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def start_url_shortener(window, tmp_path):
    problem = load_app_library(tmp_path).get("url-shortener")
    window.start_session(problem.title, standard(), problem)
    return problem


def reveal_key(qtbot, window):
    window.activateWindow()
    window.timeline.setFocus()
    qtbot.keyClick(
        window.timeline,
        Qt.Key.Key_R,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )


def test_the_reference_is_found_only_after_finish(open_app, qtbot, tmp_path):
    window = open_app()
    start_url_shortener(window, tmp_path)
    window.session.clock.start()
    pane = window.notes.panes["requirements"]
    pane.setFocus()
    qtbot.keyClicks(pane, "Redirect a short link to its long URL, fast and available")
    window.board.editor.add_component("service", QPointF(0, 0))
    window.board.editor.add_component("nosql_db", QPointF(300, 0))

    # Before Finish: asking for it only asks first; keeping it hidden shows nothing.
    reveal_key(qtbot, window)
    box = window.reference.confirm_box
    assert box is not None and box.isVisible()
    click(qtbot, box.button(QMessageBox.StandardButton.No))
    assert window.reference.panel is None
    assert window.session.hints_opened == []

    window.next_phase()
    window.finish_session()
    qtbot.waitUntil(lambda: window.persistence.rubric is not None)
    rubric = window.persistence.rubric
    click(qtbot, rubric.buttons.button(QDialogButtonBox.StandardButton.Cancel))
    assert "The reference answer is ready" in window.statusBar().currentMessage()

    # After Finish, in review: the banner's button shows it at once, with no question.
    button = window.persistence.review.reference_button
    qtbot.waitUntil(button.isVisible)
    click(qtbot, button)
    assert window.reference.confirm_box is None
    panel = window.reference.panel
    assert panel is not None and panel.objectName() == "referencePanel"
    qtbot.waitExposed(panel)
    assert window.session.hints_opened == []  # seen after the attempt: no hint

    # Boards side by side, both drawn: mine with my 2 components, the reference's with 9.
    mine, reference = panel.mine_board, panel.reference_board
    assert mine.isVisible() and reference.isVisible()
    assert (
        mine.mapToGlobal(mine.rect().topLeft()).x()
        < reference.mapToGlobal(reference.rect().topLeft()).x()
    )
    assert len(mine.editor.document.components()) == 2
    assert len(reference.editor.document.components()) == 9
    said = panel.comparison_text.toPlainText()
    assert "In the reference, not on your board: " in said and "cache" in said

    # Each notes pane beside the reference's section.
    panel.show_tab("Requirements")
    assert panel.mine["requirements"].isVisible() and panel.theirs["requirements"].isVisible()
    assert "Redirect a short link" in panel.mine["requirements"].toPlainText()
    theirs = panel.theirs["requirements"].toPlainText()
    assert "Availability" in theirs and "99.99 %" in theirs
    assert "Your requirements pane mentions 1 of 3 core features" in theirs  # said: a guess
    assert "guesses from shared words" in theirs
    assert "You wrote nothing" in panel.mine["api"].toPlainText()
    # the estimates are the calculator's, with the arithmetic; "~" is no strike-through
    estimates = panel.theirs["estimates"].toPlainText()
    assert "writes_per_day" in estimates and "86,400 s" in estimates
    assert panel.tab_titles() == [
        "Comparison", "Requirements", "Estimates", "API", "Data model", "Deep dive",
        "Wrap-up", "Levels",
    ]  # fmt: skip
    qtbot.keyClick(panel, Qt.Key.Key_Escape)
    assert window.reference.panel is None

    # Continue editing after the review: seeing it again is no early reveal.
    click(qtbot, window.persistence.review.continue_button)
    window.reference.action.trigger()
    assert window.reference.confirm_box is None and window.reference.panel is not None
    assert window.session.hints_opened == []


def test_an_early_reveal_asks_first_and_is_recorded_like_a_hint(open_app, qtbot, tmp_path):
    window = open_app()
    start_url_shortener(window, tmp_path)
    window.session.clock.start()
    window.board.editor.add_component("cache", QPointF(0, 0))  # something worth saving
    window.reference.action.trigger()
    box = window.reference.confirm_box
    assert box.windowTitle() == "Reveal the reference answer?"
    assert box.defaultButton() is box.button(QMessageBox.StandardButton.No)
    click(qtbot, box.button(QMessageBox.StandardButton.Yes))
    panel = window.reference.panel
    assert panel is not None and panel.isVisible()
    assert "Revealed before the end" in panel.summary.text()
    # Drawing on after the reveal: the comparison follows the board.
    said = panel.comparison_text.toPlainText
    assert "yours 1 and 0." in said()
    window.board.editor.add_component("load_balancer", QPointF(300, 0))
    qtbot.waitUntil(lambda: "yours 2 and 0." in said())
    [record] = window.session.hints_opened
    assert (record.key, record.phase) == ("reference", "scope")
    qtbot.waitUntil(lambda: saved(window) is not None and bool(saved(window).hints_opened))
    assert saved(window).hints_opened[0]["key"] == "reference"
    # Asked once: a second reveal in the same attempt shows it without asking again.
    panel.close()
    window.reference.action.trigger()
    assert window.reference.confirm_box is None and window.reference.panel is not None
    assert len(window.session.hints_opened) == 1


def test_a_session_without_a_problem_has_no_reference(window):
    assert not window.reference.action.isEnabled()
    assert window.reference.reveal() is None
    assert window.reference.panel is None


def test_a_follow_up_is_asked_in_the_deep_dive_recorded_and_shown_in_review(
    window, qtbot, fake_time, tmp_path
):
    problem = start_url_shortener(window, tmp_path)
    clock = window.session.clock
    clock.start()
    fake_time.advance(60)
    assert window.reference.poll() is None  # scope: no questions
    clock.jump_to(2)  # the deep dive
    fake_time.advance(2 * 60)
    assert window.reference.poll() is None  # too early in the deep dive
    fake_time.advance(61)
    asked = window.reference.poll()
    assert asked is not None and asked.text == problem.follow_up_questions[0]
    bar = window.reference.bar
    qtbot.waitUntil(bar.isVisible)
    assert bar.question.text() == asked.text
    assert window.reference.log.asked == [asked] and asked.phase == "deep_dive"
    assert asked.elapsed == 60 + 181  # seconds into the session
    fake_time.advance(30)
    assert window.reference.poll() is None  # spaced out
    click(qtbot, bar.dismiss)
    assert not bar.isVisible()

    pane = window.notes.panes["deep_dive"]
    pane.setFocus()
    qtbot.keyClicks(pane, "Click analytics by country and referrer: a stream, off the redirects")
    window.finish_session()
    panel = window.reference.reveal()
    said = panel.comparison_text.toPlainText()
    assert "Follow-up questions" in said
    assert asked.text in said and "asked at 04:01, Deep dive" in said
    assert "your notes seem to address it" in said


def test_follow_ups_switched_off_in_settings_ask_nothing(window, fake_time, tmp_path):
    window.settings.follow_up_questions = False
    start_url_shortener(window, tmp_path)
    window.session.clock.jump_to(2)
    window.session.clock.start()
    fake_time.advance(5 * 60)
    assert window.reference.poll() is None
    window.settings.follow_up_questions = True
    assert window.reference.poll() is not None


def test_the_setting_is_in_the_settings_dialog(window, qtbot):
    from sdi_desktop.ui.settings.dialog import SettingsDialog

    dialog = SettingsDialog(window.settings, window.themes, window)
    qtbot.addWidget(dialog)
    box = dialog.follow_ups_box
    assert box.isChecked() and window.settings.follow_up_questions
    click(qtbot, box)
    assert not window.settings.follow_up_questions


def test_no_more_questions_stops_them_for_this_session(window, qtbot, fake_time, tmp_path):
    start_url_shortener(window, tmp_path)
    window.session.clock.jump_to(2)
    window.session.clock.start()
    fake_time.advance(4 * 60)
    assert window.reference.poll() is not None
    bar = window.reference.bar
    qtbot.waitUntil(bar.isVisible)
    click(qtbot, bar.stop)
    assert not bar.isVisible()
    fake_time.advance(5 * 60)
    assert window.reference.poll() is None
    start_url_shortener(window, tmp_path)  # a new session asks again
    window.session.clock.jump_to(2)
    window.session.clock.start()
    fake_time.advance(4 * 60)
    assert window.reference.poll() is not None


def test_the_boards_follow_a_theme_change_while_open(window, qtbot, tmp_path):
    start_url_shortener(window, tmp_path)
    window.session.clock.start()
    window.finish_session()
    panel = window.reference.reveal()
    light = panel.reference_board.backgroundBrush().color().lightness()
    window.themes.apply("dark")
    qtbot.waitUntil(
        lambda: panel.reference_board.backgroundBrush().color().lightness() < light - 50
    )
    mine = panel.mine_board.backgroundBrush().color().lightness()
    assert abs(mine - panel.reference_board.backgroundBrush().color().lightness()) < 10
    window.themes.apply("light")


def test_the_follow_up_log_goes_into_the_session_extras_and_back(window, fake_time, tmp_path):
    start_url_shortener(window, tmp_path)
    controller = window.reference
    assert controller.extras() == {}
    window.session.clock.jump_to(2)
    window.session.clock.start()
    fake_time.advance(4 * 60)
    asked = controller.poll()
    extras = controller.extras()
    assert extras["follow_ups"]["asked"][0]["text"] == asked.text
    start_url_shortener(window, tmp_path)  # another session, then the first one restored
    assert controller.log.asked == []
    assert controller.restore_extras(extras) is None
    assert controller.log.asked == [asked] and controller.scheduler.next_index() == 1
    bad = {"follow_ups": {"version": 1, "asked": [{"index": "x"}]}}
    assert "cannot be read: asked[0].index" in controller.restore_extras(bad)
    assert controller.log.asked == [asked]
