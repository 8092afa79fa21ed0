"""Issue 14, friction: the side panels collapse (a key and a button each, remembered),
the whiteboard then gets most of the window, and panel widths hold still."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QToolButton

from tests.ui.test_notes_typing import focus

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def _button(window, action):
    return window.toolbar.widgetForAction(action)


def test_friction_side_panels_collapse_by_key_and_button_and_are_remembered(
    make_window, qtbot, tmp_path
):
    window = make_window()
    window.resize(1280, 800)
    qtbot.waitUntil(lambda: window.width() == 1280)
    assert window.board.width() < 0.6 * 1280  # the board's room with both panels shown
    window.timeline.setFocus()
    qtbot.waitUntil(window.timeline.hasFocus)
    qtbot.keyClick(window.timeline, Qt.Key.Key_G, CTRL_SHIFT)
    assert not window.side_splitter.isVisible()
    button = _button(window, window.panels.palette)
    assert isinstance(button, QToolButton)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert not window.board.palette.isVisible()
    qtbot.waitUntil(lambda: window.board.width() >= 0.6 * 1280)
    assert window.board.view.width() >= 0.55 * 1280
    window.close()
    again = make_window(tmp_path)
    assert not again.side_splitter.isVisible() and not again.board.palette.isVisible()
    again.timeline.setFocus()
    qtbot.waitUntil(again.timeline.hasFocus)
    qtbot.keyClick(again.timeline, Qt.Key.Key_G, CTRL_SHIFT)
    qtbot.keyClick(again.timeline, Qt.Key.Key_A, CTRL_SHIFT)
    assert again.side_splitter.isVisible() and again.board.palette.isVisible()


def test_friction_panel_widths_hold_when_a_pane_fills(window, qtbot):
    window.resize(1024, 700)
    qtbot.waitUntil(lambda: window.width() == 1024)
    for key in ("requirements", "deep_dive", "wrap_up"):
        focus(window, qtbot, key)
        qtbot.wait(1)
        before = window.splitter.sizes()
        container = window.notes.containers[key]
        qtbot.mouseClick(container.template_button, Qt.MouseButton.LeftButton)
        qtbot.keyClicks(container.edit, "x" * 5)
        qtbot.wait(1)
        assert window.splitter.sizes() == before, key


def test_friction_palette_shows_names_under_icons_with_a_toggle(window, qtbot):
    palette = window.board.palette
    assert palette.names_shown
    assert palette.item(0).text() == "Client"
    window.panels.palette_names.trigger()
    assert not palette.names_shown and palette.item(0).text() == ""
    assert not window.settings.bool_value("panels/palette_names", True)


def test_friction_hints_are_readable_and_stay_after_their_phase(window, qtbot, fake_time):
    from sdi_desktop.domain.formats import standard
    from sdi_desktop.ui.problems.picker import load_app_library

    window.resize(1280, 800)
    qtbot.waitUntil(lambda: window.width() == 1280)
    problem = load_app_library(window.data_dir).get("url-shortener")
    window.start_session(problem.title, standard(), problem)
    panel = window.hint_panel
    window.timeline.setFocus()
    qtbot.keyClick(window.timeline, Qt.Key.Key_Space)
    qtbot.mouseClick(panel.buttons["clarifying_questions"], Qt.MouseButton.LeftButton)
    text = panel.texts["clarifying_questions"]
    qtbot.waitUntil(text.isVisible)
    # the whole hint is in view at once: no scrolling inside a small box
    assert text.visibleRegion().boundingRect().height() >= text.height() - 2
    assert panel.viewport().height() >= 0.5 * window.side_splitter.height()
    qtbot.keyClick(window.timeline, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
    assert window.session.clock.current == 1
    assert text.isVisible()
    assert problem.clarifying_questions[0] in text.text()
