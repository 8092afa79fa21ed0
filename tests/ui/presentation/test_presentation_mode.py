"""Presentation mode through real key and mouse events: what it hides, how large it
draws, and that Esc puts every panel, the zoom and the focus back."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction, QFont, QFontMetrics
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel, QMenu, QToolBar

from sdi_desktop.demo.board import url_shortener_board
from sdi_desktop.domain.phases import PHASES


def present(window, qtbot) -> None:
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(window.whiteboard, Qt.Key.Key_F11)
    qtbot.waitUntil(lambda: window.isFullScreen())
    QApplication.processEvents()


def test_the_view_menu_holds_the_mode_and_both_pointers(window):
    menu = window.findChild(QMenu, "viewMenu")
    assert menu.menuAction() in window.menuBar().actions()
    names = [a.objectName() for a in menu.actions()]
    mine = ["actionPresentationMode", "actionLaserPointer", "actionSpotlight"]
    assert [n for n in names if n in mine] == mine  # together, in this order
    action = window.findChild(QAction, "actionPresentationMode")
    assert "F11" in action.toolTip()


def test_f11_hides_all_chrome_and_esc_puts_everything_back(window, qtbot):
    window.board.editor.load(url_shortener_board())
    window.splitter.setSizes([200, 700, 380])
    window.whiteboard.set_zoom(0.8)
    window.whiteboard.centerOn(120, 40)
    pane = window.notes.panes["api"]
    window.notes.setCurrentIndex(window.notes.indexOf(pane.parentWidget()))
    pane.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is pane)
    before = {
        "sizes": window.splitter.sizes(),
        "side": window.side_splitter.sizes(),
        "geometry": window.geometry(),
        "zoom": window.whiteboard.zoom,
        "centre": window.whiteboard.view_center(),
        "zoom label": window.board.zoom_label.text(),
    }
    qtbot.keyClick(pane, Qt.Key.Key_F11)
    qtbot.waitUntil(lambda: window.isFullScreen())
    assert window.presentation.is_active
    for hidden in (
        window.menuBar(),
        window.statusBar(),
        window.side_splitter,
        window.notes,
        window.board.palette,
        window.board.toolbar,
        window.title_label,
        *window.findChildren(QToolBar),
    ):
        assert not hidden.isVisible(), hidden.objectName()
    for shown in (window.whiteboard, window.timeline, window.timer_display):
        assert shown.isVisible()
    assert QApplication.focusWidget() is window.whiteboard
    hint = window.findChild(QLabel, "presentationHint")
    assert hint.isVisible() and "Esc" in hint.text()
    assert window.whiteboard.rect().contains(hint.geometry())
    assert window.whiteboard.zoom != pytest.approx(before["zoom"])  # fitted to the screen

    qtbot.keyClick(window.whiteboard, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not window.isFullScreen())
    QApplication.processEvents()
    assert not window.presentation.is_active
    assert not hint.isVisible()
    assert window.menuBar().isVisible() and window.statusBar().isVisible()
    assert window.notes.isVisible() and window.board.toolbar.isVisible()
    assert window.geometry() == before["geometry"]
    assert window.splitter.sizes() == before["sizes"]
    assert window.side_splitter.sizes() == before["side"]
    assert window.whiteboard.zoom == pytest.approx(before["zoom"])
    assert window.board.zoom_label.text() == before["zoom label"]
    centre = window.whiteboard.view_center()
    assert abs(centre.x() - before["centre"].x()) < 2 and abs(centre.y() - before["centre"].y()) < 2
    assert QApplication.focusWidget() is pane
    assert window.timer_display.findChild(QLabel, "timerClock").font().pointSize() == 30


def _within(inner, outer) -> bool:
    return outer.contains(inner)


@pytest.mark.parametrize("size", [(1920, 1080), (1280, 720), (1280, 800)])
def test_nothing_is_cut_off_at_projector_sizes(window, qtbot, size):
    window.board.editor.load(url_shortener_board())
    clock = window.session.clock
    clock.start()
    present(window, qtbot)
    window.resize(*size)
    qtbot.waitUntil(lambda: window.size().width() == size[0])
    QApplication.processEvents()
    frame = window.rect()
    parts = {}
    for name, widget in (
        ("timeline", window.timeline),
        ("timer", window.timer_display),
        ("board", window.whiteboard),
    ):
        rect = widget.rect().translated(widget.mapTo(window, QPoint(0, 0)))
        assert _within(rect, frame), (name, rect, frame)
        parts[name] = rect
    assert not parts["timeline"].intersects(parts["timer"])
    assert not parts["board"].intersects(parts["timer"])
    assert not parts["board"].intersects(parts["timeline"])
    board_share = parts["board"].width() * parts["board"].height() / (size[0] * size[1])
    assert board_share > 0.75
    # Large type: the clock is at least a twentieth of the screen's height.
    clock_label = window.timer_display.findChild(QLabel, "timerClock")
    assert clock_label.fontMetrics().height() >= size[1] / 20
    assert clock_label.sizeHint().width() <= clock_label.width()
    detail = window.timer_display.findChild(QLabel, "timerDetail")
    assert detail.heightForWidth(detail.width()) <= detail.height() + 1
    assert detail.geometry().bottom() <= window.timer_display.height()
    # Every phase's title fits its segment unelided, and two lines fit its height.
    title_font = QFont(window.timeline.font())
    title_font.setBold(True)
    metrics = QFontMetrics(title_font)
    small = QFont(window.timeline.font())
    small.setPointSizeF(window.timeline.font().pointSizeF() * 0.9)
    small_metrics = QFontMetrics(small)
    assert window.timeline.font().pointSizeF() >= 10  # still large type
    for index, rect in enumerate(window.timeline.segment_rects()):
        title = f"{index + 1}  {PHASES[index].short_title}"
        assert metrics.horizontalAdvance(title) <= rect.width() - 16, title
        assert small_metrics.horizontalAdvance("00:00 / 20:00") <= rect.width() - 16, title
        assert 2 * metrics.height() <= rect.height() - 8
    # The whole board is in view.
    content = window.board.scene.content_rect()
    seen = window.whiteboard.mapToScene(window.whiteboard.viewport().rect()).boundingRect()
    assert seen.contains(content)


def test_closing_while_presenting_saves_the_real_layout(make_window, qtbot, tmp_path):
    window = make_window()
    window.splitter.setSizes([210, 690, 380])
    sizes = window.splitter.sizes()
    present(window, qtbot)
    window.close()
    again = make_window(tmp_path)
    assert not again.isFullScreen()
    assert again.splitter.sizes() == sizes


def test_typing_a_label_keeps_the_l_and_s_keys(window, qtbot):
    window.board.editor.load(url_shortener_board())
    present(window, qtbot)
    component = window.board.editor.document.components()[0].id
    window.whiteboard.edit_text(component, initial="")
    editor = QApplication.focusWidget()
    assert editor is not None and editor.metaObject().className() != "BoardView"
    QTest.keyClicks(editor, "ls")
    assert editor.text().endswith("ls")
    assert not window.presentation.overlay.spotlight
    assert not window.presentation.overlay.laser
