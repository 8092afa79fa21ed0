"""Drive the main window with real key presses and clicks (fake clock, offscreen)."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtWidgets import QApplication, QCheckBox, QDialogButtonBox, QTextEdit

from sdi_desktop.domain.clock import ClockState
from sdi_desktop.domain.phases import PHASES

CONTRACT_NAMES = (
    "mainWindow",
    "phaseTimeline",
    "timerDisplay",
    "phaseChecklist",
    "whiteboardView",
    "notesRequirements",
    "notesEstimates",
    "notesApi",
    "notesDataModel",
    "notesDeepDive",
    "notesWrapUp",
)


def test_contract_object_names_exist(window):
    for name in CONTRACT_NAMES:
        found = window if window.objectName() == name else window.findChild(object, name)
        assert found is not None, name
    for action in ("actionNewSession", "actionStartPause", "actionNextPhase"):
        assert window.findChild(object, action) is not None, action


def test_space_starts_and_pauses_the_clock(window, qtbot, fake_time):
    window.timeline.setFocus()
    assert window.timer_display.text() == "05:00"
    qtbot.keyClick(window.timeline, Qt.Key.Key_Space)
    assert window.session.clock.state is ClockState.RUNNING
    assert window.action_start_pause.text() == "&Pause"
    fake_time.advance(10)
    window.refresh()
    assert window.timer_display.text() == "04:50"
    qtbot.keyClick(window.timeline, Qt.Key.Key_Space)
    assert window.session.clock.state is ClockState.PAUSED
    fake_time.advance(100)
    window.refresh()
    assert window.timer_display.text() == "04:50"
    assert "Paused" in window.timer_display.detail_text()


def test_toolbar_button_starts_the_clock(window, qtbot):
    button = window.toolbar.widgetForAction(window.action_start_pause)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert window.session.clock.is_running


def test_next_phase_three_times_then_back(window, qtbot, fake_time):
    window.timeline.setFocus()
    qtbot.keyClick(window.timeline, Qt.Key.Key_Space)
    for expected in (1, 2, 3):
        fake_time.advance(60)
        qtbot.keyClick(window.timeline, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
        assert window.session.clock.current == expected
        assert window.timeline.current == expected
        assert window.phase_panel.phase_index == expected
        assert window.phase_panel._title.text() == PHASES[expected].title
    # the notes pane of the current phase came forward
    assert window.notes.current_pane().objectName() == "notesWrapUp"
    assert not window.action_next.isEnabled()
    qtbot.keyClick(window.timeline, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
    assert window.session.clock.current == 3
    qtbot.keyClick(window.timeline, Qt.Key.Key_Left, Qt.KeyboardModifier.ControlModifier)
    assert window.session.clock.current == 2
    assert window.notes.current_pane().objectName() == "notesDeepDive"
    assert [round(window.session.clock.elapsed(i)) for i in range(4)] == [60, 60, 60, 0]


def test_checklist_items_are_checked_with_clicks_and_kept_per_phase(window, qtbot):
    boxes = window.phase_panel.boxes
    assert len(boxes) == len(PHASES[0].checklist)
    qtbot.mouseClick(boxes[0], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(boxes[2], Qt.MouseButton.LeftButton)
    assert window.session.checklist.checked["scope"] == {0, 2}
    assert window.phase_panel._progress.text() == f"2 of {len(boxes)} done"
    # clicking the item's text toggles it too
    row = boxes[3].parentWidget()
    label_center = row.label.geometry().center()
    qtbot.mouseClick(row, Qt.MouseButton.LeftButton, pos=label_center)
    assert window.session.checklist.is_checked("scope", 3)
    qtbot.mouseClick(boxes[2], Qt.MouseButton.LeftButton)
    assert window.session.checklist.checked["scope"] == {0, 3}
    # another phase has its own list; coming back shows the ticks again
    window.next_phase()
    assert not any(b.isChecked() for b in window.phase_panel.boxes)
    window.previous_phase()
    assert [b.isChecked() for b in window.phase_panel.boxes][:4] == [True, False, False, True]


def test_clicking_a_checklist_item_keeps_space_for_the_clock(window, qtbot):
    qtbot.mouseClick(window.phase_panel.boxes[1], Qt.MouseButton.LeftButton)
    target = QApplication.focusWidget() or window
    qtbot.keyClick(target, Qt.Key.Key_Space)
    assert window.session.clock.is_running
    assert window.session.checklist.is_checked("scope", 1)


def _pixels_near(widget, color, tolerance=40) -> int:
    image = widget.grab().toImage()
    near = 0
    for y in range(0, image.height(), 2):
        for x in range(0, image.width(), 2):
            pixel = image.pixelColor(x, y)
            if all(
                abs(a - b) <= tolerance
                for a, b in zip(pixel.getRgb()[:3], color.getRgb()[:3], strict=True)
            ):
                near += 1
    return near


def test_the_timer_turns_the_warning_colour_in_overtime_and_back(window, fake_time):
    warning = window.themes.colors.warning
    window.session.clock.start()
    window.refresh()
    assert _pixels_near(window.timer_display, warning) == 0
    fake_time.advance(301)
    window.refresh()
    assert _pixels_near(window.timer_display, warning) > 10  # the countdown's digits
    window.next_phase()
    window.refresh()
    assert _pixels_near(window.timer_display, warning) == 0


def test_overtime_cue_is_raised_exactly_once_per_phase(make_window, qtbot, fake_time, monkeypatch):
    beeps = []
    monkeypatch.setattr(QApplication, "beep", staticmethod(lambda: beeps.append(1)))
    window = make_window(sound=True)
    cues = []
    window.overtimeCue.connect(cues.append)
    window.session.clock.start()
    fake_time.advance(299)
    window.refresh()
    assert cues == []
    fake_time.advance(2)
    window.refresh()
    assert cues == [0]
    assert window.timeline.is_flashing
    assert window.timer_display.is_overtime
    assert window.timer_display.text() == "-00:01"
    assert "Time is up" in window.statusBar().currentMessage()
    for _ in range(5):  # the timer keeps ticking; no repeat
        fake_time.advance(30)
        window.refresh()
    assert cues == [0]
    window.next_phase()
    window.previous_phase()
    window.refresh()
    assert cues == [0]
    window.next_phase()
    fake_time.advance(20 * 60 + 1)
    qtbot.waitUntil(lambda: cues == [0, 1], timeout=2000)  # raised by the tick timer itself
    assert beeps == [1, 1]


def test_sound_cue_can_be_switched_off(make_window, fake_time, monkeypatch):
    beeps = []
    monkeypatch.setattr(QApplication, "beep", staticmethod(lambda: beeps.append(1)))
    window = make_window(sound=False)
    cues = []
    window.overtimeCue.connect(cues.append)
    window.session.clock.start()
    fake_time.advance(400)
    window.refresh()
    assert cues == [0] and beeps == []


def test_space_in_a_notes_pane_types_a_space(window, qtbot):
    pane = window.findChild(QTextEdit, "notesRequirements")
    window.notes.setCurrentWidget(pane)
    pane.setFocus()
    qtbot.keyClicks(pane, "two words")
    assert pane.toPlainText() == "two words"
    assert window.session.clock.state is ClockState.READY


def test_clicking_a_timeline_segment_jumps_to_that_phase(window, qtbot):
    rect = window.timeline.segment_rects()[2]
    qtbot.mouseClick(
        window.timeline,
        Qt.MouseButton.LeftButton,
        pos=QPoint(int(rect.center().x()), int(rect.center().y())),
    )
    assert window.session.clock.current == 2
    assert window.phase_panel.phase_index == 2


def test_timeline_segments_are_sized_by_budget(window):
    widths = [r.width() for r in window.timeline.segment_rects()]
    assert widths[1] > widths[2] > widths[0]
    assert abs(widths[1] / widths[0] - 4) < 0.2


def test_finished_session_cannot_be_restarted_with_space(window, qtbot, fake_time):
    window.session.clock.start()
    fake_time.advance(30)
    window.finish_session()
    window.timeline.setFocus()
    qtbot.keyClick(window.timeline, Qt.Key.Key_Space)
    assert window.session.clock.state is ClockState.FINISHED
    assert "Finished" in window.timer_display.detail_text()


def _answer_next_dialog(qtbot, handler):
    def run():
        dialog = QApplication.activeModalWidget()
        assert dialog is not None
        handler(dialog)

    QTimer.singleShot(50, run)


def test_new_session_dialog_picks_a_format_and_title(window, qtbot):
    def fill(dialog):
        qtbot.mouseClick(dialog.preset_buttons[60], Qt.MouseButton.LeftButton)
        dialog.title_edit.setFocus()
        qtbot.keyClicks(dialog.title_edit, "Design a chat system")
        ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)

    _answer_next_dialog(qtbot, fill)
    window.timeline.setFocus()
    qtbot.keyClick(window.timeline, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert window.session.title == "Design a chat system"
    assert window.session.format.total_minutes == 60
    assert "Design a chat system" in window.windowTitle()
    assert window.timer_display.text() == f"{window.session.format.minutes[0]:02d}:00"


def test_new_session_dialog_custom_budgets(window, qtbot):
    def fill(dialog):
        qtbot.mouseClick(dialog.custom_button, Qt.MouseButton.LeftButton)
        for spin, value in zip(dialog.spins, (8, 22, 25, 5), strict=True):
            spin.setValue(value)
        assert dialog.total_label.text() == "Total: 60 minutes"
        dialog.accept()

    _answer_next_dialog(qtbot, fill)
    assert window.new_session()
    assert window.session.format.minutes == (8, 22, 25, 5)
    assert window.session.format.is_custom
    widths = [r.width() for r in window.timeline.segment_rects()]
    assert widths[2] > widths[1]


def test_cancelled_new_session_keeps_the_current_one(window, qtbot, fake_time):
    window.session.clock.start()
    fake_time.advance(10)
    before = window.session

    def answer_yes_then_cancel(box):
        yes = box.button(box.StandardButton.Yes)
        qtbot.mouseClick(yes, Qt.MouseButton.LeftButton)
        _answer_next_dialog(qtbot, lambda dialog: dialog.reject())

    _answer_next_dialog(qtbot, answer_yes_then_cancel)
    assert not window.new_session()
    assert window.session is before


def test_settings_apply_the_theme_live_and_persist(window, qtbot, qapp, tmp_path):
    sound_before = window.settings.sound_cue

    def choose_dark(dialog):
        combo = dialog.theme_combo
        combo.setCurrentIndex(combo.findData("dark"))
        assert qapp.palette().window().color().lightness() < 80
        qtbot.mouseClick(dialog.sound_box, Qt.MouseButton.LeftButton)
        dialog.accept()

    _answer_next_dialog(qtbot, choose_dark)
    window.open_settings()
    assert window.themes.colors.dark
    assert window.settings.theme == "dark"
    from sdi_desktop.ui.settings.app_settings import AppSettings

    reread = AppSettings(tmp_path)
    assert reread.theme == "dark"
    assert reread.sound_cue is (not sound_before)
    window.themes.apply("light")
    assert qapp.palette().window().color().lightness() > 200


def test_window_geometry_and_splitters_are_remembered(make_window, tmp_path):
    first = make_window(tmp_path)
    first.resize(1111, 777)
    size = first.size()
    first.splitter.setSizes([250, 500, 350])
    sizes = first.splitter.sizes()
    first.close()
    second = make_window(tmp_path)
    assert second.size() == size
    assert second.splitter.sizes() == sizes


def test_checklist_widgets_are_check_boxes_with_accessible_names(window):
    for box, text in zip(window.phase_panel.boxes, PHASES[0].checklist, strict=True):
        assert isinstance(box, QCheckBox)
        assert box.accessibleName() == text


def test_space_on_the_focused_whiteboard_does_not_toggle_the_clock(window, qtbot):
    window.whiteboard.setFocus()
    qtbot.keyClick(window.whiteboard, Qt.Key.Key_Space)
    assert window.session.clock.state is ClockState.READY
    window.timeline.setFocus()
    qtbot.keyClick(window.timeline, Qt.Key.Key_Space)
    assert window.session.clock.is_running


def test_space_on_a_tab_focused_check_box_ticks_it(window, qtbot):
    box = window.phase_panel.boxes[0]
    box.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(box, Qt.Key.Key_Space)
    assert box.isChecked()
    assert window.session.clock.state is ClockState.READY


def test_ctrl_z_in_a_notes_pane_undoes_typing_not_the_board(window, qtbot):
    from PySide6.QtCore import QPointF

    window.board.editor.add_component("cache", QPointF(0, 0))
    pane = window.findChild(QTextEdit, "notesApi")
    window.notes.setCurrentWidget(pane)
    pane.setFocus()
    qtbot.keyClicks(pane, "GET /urls")
    qtbot.keyClick(pane, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert pane.toPlainText() == ""
    assert len(window.board.editor.document.components()) == 1
    window.board.view.setFocus()
    qtbot.keyClick(window.board.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.board.editor.document.components() == []
