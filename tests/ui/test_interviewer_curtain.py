"""One screen: the interviewer's material in a dock behind an opaque curtain. While the
curtain is closed neither a screenshot nor any widget text of the candidate's window
shows it; a click or a key press does not open it, holding the button for a second does;
closing it hides it again."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QColor, QImage

from sdi_desktop.domain.mock import material
from sdi_desktop.ui.interviewer.curtain import CURTAIN_COLOR, HOLD_SECONDS
from tests.ui.test_interviewer_leak import _norm, candidate_texts


class FakeClock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def _pixels(image: QImage) -> np.ndarray:
    image = image.convertToFormat(QImage.Format.Format_RGB32)
    bits = np.frombuffer(image.constBits(), np.uint8, image.sizeInBytes())
    rows = bits.reshape(image.height(), image.bytesPerLine())
    return rows[:, : image.width() * 4].reshape(image.height(), image.width(), 4)[..., :3].copy()


def _grab(window, qtbot):
    qtbot.wait(0)  # lets queued paints and deletions run; no wall-clock wait
    return _pixels(window.grab().toImage()).astype(int)


def _curtain_share(pixels: np.ndarray) -> float:
    color = QColor(CURTAIN_COLOR)
    target = np.array([color.blue(), color.green(), color.red()])  # RGB32 is BGRA in memory
    return float((np.abs(pixels - target).max(axis=2) <= 6).mean())


def _curtained_mock(open_app, qtbot):
    window = open_app()
    window.resize(1280, 800)
    problem = window.problem("url-shortener")
    window.start_session("Mock", window.session.format, problem)
    window.show()
    qtbot.waitExposed(window)
    action = window.findChild(QAction, "actionInterviewerCurtain")
    assert action is not None and action.shortcut().toString() == "Ctrl+Alt+U"
    action.trigger()
    dock = window.mock.curtain
    assert dock is not None and dock.objectName() == "interviewerCurtainDock"
    dock.clock = FakeClock()
    qtbot.waitUntil(dock.isVisible)
    secrets = [a for _q, a in material.answers(problem)]
    secrets += material.hint_ladder(problem) + material.scale_figures(problem)
    secrets.append(material.opening(problem))
    return window, dock, secrets


def _leaked(window, secrets) -> list[str]:
    seen = _norm(candidate_texts(window))
    return [s for s in secrets if _norm(s) in seen and not window.mock.log.revealed_text(s)]


def _dock_region(window, dock, pixels):
    top_left = dock.mapTo(window, dock.rect().topLeft())
    x, y = top_left.x(), top_left.y()
    return pixels[y + 30 : y + dock.height() - 10, x + 10 : x + dock.width() - 10]


def test_closed_curtain_shows_nothing_in_texts_or_screenshots(open_app, qtbot):
    window, dock, secrets = _curtained_mock(open_app, qtbot)
    assert not dock.is_open() and dock.view() is None and window.mock.view is None
    assert _leaked(window, secrets) == []
    pixels = _grab(window, qtbot)
    # the dock is the curtain's opaque colour nearly everywhere (its text and button aside)
    assert _curtain_share(_dock_region(window, dock, pixels)) > 0.6
    # and the candidate's self-serve hints are locked: a mock is on
    assert not window.hint_panel.reveal("suggested_scale")


def test_a_click_or_a_key_does_not_open_it_holding_does(open_app, qtbot):
    window, dock, secrets = _curtained_mock(open_app, qtbot)
    button = dock.curtain.button
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.keyClick(button, Qt.Key.Key_Space)
    qtbot.keyClick(dock, Qt.Key.Key_Return)
    dock.hold_tick()
    assert not dock.is_open() and _leaked(window, secrets) == []
    # held, but let go too soon
    qtbot.mousePress(button, Qt.MouseButton.LeftButton)
    dock.clock.now += HOLD_SECONDS / 2
    dock.hold_tick()
    assert 40 <= dock.curtain.progress.value() <= 60
    qtbot.mouseRelease(button, Qt.MouseButton.LeftButton)
    dock.clock.now += HOLD_SECONDS
    dock.hold_tick()
    assert not dock.is_open() and _leaked(window, secrets) == []
    # held for the whole second: it opens (the timer notices, no sleeping)
    qtbot.mousePress(button, Qt.MouseButton.LeftButton)
    dock.clock.now += HOLD_SECONDS + 0.01
    qtbot.waitUntil(dock.is_open)
    qtbot.mouseRelease(button, Qt.MouseButton.LeftButton)
    view = dock.view()
    assert view is not None and not view.isWindow() and view is window.mock.view
    opening = _norm(material.opening(window.mock.problem()))
    assert opening in _norm(candidate_texts(window))
    # the material works as in the interviewer's own window: a reveal hands a figure over
    view.reveal_buttons[("scale", 0)].click()
    assert window.mock.log.revealed("scale", 0)


def test_closing_hides_it_again(open_app, qtbot):
    window, dock, secrets = _curtained_mock(open_app, qtbot)
    closed = _grab(window, qtbot)
    dock.clock.now += 0
    qtbot.keyPress(dock.curtain.button, Qt.Key.Key_Space)  # Space held down works too
    dock.clock.now += HOLD_SECONDS
    qtbot.waitUntil(dock.is_open)
    qtbot.keyRelease(dock.curtain.button, Qt.Key.Key_Space)
    opened = _grab(window, qtbot)
    region_closed = _dock_region(window, dock, closed)
    region_open = _dock_region(window, dock, opened)
    assert _curtain_share(region_open) < 0.2  # the material is on screen now
    assert np.abs(region_open - region_closed).mean() > 10
    # Esc closes it: the texts and the screenshot are clean again
    qtbot.keyClick(dock.view().tabs, Qt.Key.Key_Escape)
    assert not dock.is_open() and dock.view() is None and window.mock.view is None
    assert _leaked(window, secrets) == []
    again = _grab(window, qtbot)
    assert np.abs(_dock_region(window, dock, again) - region_closed).mean() < 2
    assert _curtain_share(_dock_region(window, dock, again)) > 0.6
    # the close button does the same after another deliberate opening
    qtbot.mousePress(dock.curtain.button, Qt.MouseButton.LeftButton)
    dock.clock.now += HOLD_SECONDS
    qtbot.waitUntil(dock.is_open)
    qtbot.mouseRelease(dock.curtain.button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dock.close_button, Qt.MouseButton.LeftButton)
    assert not dock.is_open() and _leaked(window, secrets) == []
    # the interviewer's own window takes over from the curtain, never both at once
    qtbot.mousePress(dock.curtain.button, Qt.MouseButton.LeftButton)
    dock.clock.now += HOLD_SECONDS
    qtbot.waitUntil(dock.is_open)
    qtbot.mouseRelease(dock.curtain.button, Qt.MouseButton.LeftButton)
    window.mock.open_view()
    assert not dock.is_open() and window.mock.view.isWindow()
    window.mock.close_view()
