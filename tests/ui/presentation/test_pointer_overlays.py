"""The laser pointer and the spotlight are pure view overlays: they fade by the injected
clock, and they leave nothing on the board, in undo, in saved sessions or in exports."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QAction, QColor, QMouseEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from sdi_desktop.demo.board import url_shortener_board
from sdi_desktop.ui.board.export import export_svg

PATH = [QPoint(200 + 20 * i, 200 + 8 * i) for i in range(12)]


def present(window, qtbot) -> None:
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(window.whiteboard, Qt.Key.Key_F11)
    qtbot.waitUntil(lambda: window.isFullScreen())
    QApplication.processEvents()


def sweep_with_the_laser_held(window, press: bool = False) -> None:
    """Hold L, move (or drag) the pointer over the board, let go of L."""
    view = window.whiteboard
    viewport = view.viewport()
    QTest.keyPress(view, Qt.Key.Key_L)
    if press:
        QTest.mousePress(viewport, Qt.MouseButton.LeftButton, pos=PATH[0])
    buttons = Qt.MouseButton.LeftButton if press else Qt.MouseButton.NoButton
    for point in PATH:  # real move events, whatever the cursor did in earlier tests
        local = QPointF(point)
        event = QMouseEvent(
            QEvent.Type.MouseMove,
            local,
            QPointF(viewport.mapToGlobal(point)),
            Qt.MouseButton.NoButton,
            buttons,
            Qt.KeyboardModifier.NoModifier,
        )
        QApplication.sendEvent(viewport, event)
    if press:
        QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=PATH[-1])


def red_pixels(window, around: QPoint) -> int:
    viewport = window.whiteboard.viewport()
    image = viewport.grab().toImage()
    count = 0
    for dx in range(-6, 7, 2):
        for dy in range(-6, 7, 2):
            c = QColor(image.pixel(around.x() + dx, around.y() + dy))
            count += c.red() > 200 and c.green() < 120 and c.blue() < 120
    return count


def test_holding_l_draws_a_bright_stroke_that_fades_within_a_second(window, qtbot, fake_time):
    present(window, qtbot)
    overlay = window.presentation.overlay
    overlay.now = fake_time
    middle = PATH[len(PATH) // 2]
    assert red_pixels(window, middle) == 0
    sweep_with_the_laser_held(window)
    assert overlay.laser and len(overlay.trail_points()) == len(PATH)
    assert red_pixels(window, middle) > 10
    QTest.keyRelease(window.whiteboard, Qt.Key.Key_L)
    assert not overlay.laser
    fake_time.advance(0.4)
    overlay.prune()
    assert overlay.trail_points()  # still fading
    fake_time.advance(0.65)  # 1.05 s after the last point: gone
    overlay.prune()
    assert overlay.trail_points() == []
    assert red_pixels(window, middle) == 0
    assert not overlay.isVisible()


def test_the_laser_leaves_nothing_on_the_board_or_in_undo(window, qtbot):
    editor = window.board.editor
    editor.load(url_shortener_board())
    editor.add_component("cache", QPointF(900, 900))  # one real edit, to undo later
    data = editor.document.to_data()
    undo_count, undo_index = editor.undo_stack.count(), editor.undo_stack.index()
    scene_items = len(window.board.scene.items())
    changes = []
    editor.changed.connect(lambda *a: changes.append(a))
    present(window, qtbot)
    window.whiteboard.set_tool("pen")  # a drag here would draw, were the laser not on
    pen_cursor = window.whiteboard.viewport().cursor().shape()
    sweep_with_the_laser_held(window, press=True)
    assert window.whiteboard.viewport().cursor().shape() == Qt.CursorShape.BlankCursor
    QTest.keyRelease(window.whiteboard, Qt.Key.Key_L)
    assert window.whiteboard.viewport().cursor().shape() == pen_cursor  # the tool's again
    window.findChild(QAction, "actionLaserPointer").trigger()  # the picked tool, too
    for point in PATH:
        QTest.mouseMove(window.whiteboard.viewport(), point + QPoint(0, 60))
    assert window.presentation.overlay.trail_points()
    assert editor.document.to_data() == data
    assert (editor.undo_stack.count(), editor.undo_stack.index()) == (undo_count, undo_index)
    assert len(window.board.scene.items()) == scene_items
    assert changes == []
    editor.undo()  # undo takes back the real edit, not a pointer stroke
    assert len(editor.document.to_data()) == len(data) - 1


def test_the_spotlight_dims_all_but_a_circle_round_the_pointer(window, qtbot):
    window.board.editor.load(url_shortener_board())
    present(window, qtbot)
    viewport = window.whiteboard.viewport()
    centre = QPoint(viewport.width() // 2, viewport.height() // 2)
    corner = QPoint(40, viewport.height() - 40)
    before = viewport.grab().toImage()
    QTest.mouseMove(viewport, centre)
    qtbot.keyClick(window.whiteboard, Qt.Key.Key_S)
    assert window.presentation.overlay.spotlight
    after = viewport.grab().toImage()
    lit = QColor(after.pixel(centre)).lightness() - QColor(before.pixel(centre)).lightness()
    dim = QColor(after.pixel(corner)).lightness() - QColor(before.pixel(corner)).lightness()
    assert abs(lit) <= 8  # inside the circle: as it was
    assert dim < -100  # outside: dimmed
    qtbot.keyClick(window.whiteboard, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not window.isFullScreen())
    assert not window.presentation.overlay.spotlight
    assert not window.presentation.overlay.isVisible()


def test_nothing_of_the_pointers_reaches_saved_sessions_or_exports(open_app, qtbot, tmp_path):
    from sdi_desktop.storage.exchange import session_to_json
    from sdi_desktop.ui.board.export import export_png

    window = open_app()
    controller = window.session_controller
    window.board.editor.load(url_shortener_board())
    window.board.editor.add_component("cache", QPointF(900, 900))
    controller.flush()
    qtbot.waitUntil(lambda: controller.session_id is not None)
    record = controller.store.sessions.get(controller.session_id)
    board, exported = record.board, session_to_json(record)
    export_svg(tmp_path / "before.svg", window.board.scene)
    before_png = export_png(tmp_path / "before.png", window.board.scene)

    present(window, qtbot)
    sweep_with_the_laser_held(window, press=True)
    qtbot.keyClick(window.whiteboard, Qt.Key.Key_S)  # the spotlight on, the trail bright
    assert window.presentation.overlay.trail_points() and window.presentation.overlay.spotlight
    export_svg(tmp_path / "during.svg", window.board.scene)
    during_png = export_png(tmp_path / "during.png", window.board.scene)
    controller.flush()
    QTest.keyRelease(window.whiteboard, Qt.Key.Key_L)

    saved = controller.store.sessions.get(controller.session_id)
    assert saved.board == board
    assert (tmp_path / "during.svg").read_bytes() == (tmp_path / "before.svg").read_bytes()
    assert during_png == before_png
    assert "laser" not in session_to_json(saved).lower()
    assert len(session_to_json(saved)) == len(exported)


def test_a_held_key_repeating_keeps_the_laser_on_until_it_is_let_go(window, qtbot):
    """X11 sends a held key as repeated release/press pairs marked auto-repeat."""
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QKeyEvent

    present(window, qtbot)
    view, overlay = window.whiteboard, window.presentation.overlay

    def key(kind, repeat):
        event = QKeyEvent(kind, Qt.Key.Key_L, Qt.KeyboardModifier.NoModifier, "l", repeat)
        QApplication.sendEvent(view, event)

    key(QEvent.Type.KeyPress, False)
    for _ in range(3):
        key(QEvent.Type.KeyRelease, True)
        key(QEvent.Type.KeyPress, True)
        assert overlay.laser
    key(QEvent.Type.KeyRelease, False)
    assert not overlay.laser


def test_the_pointers_work_on_a_finished_read_only_board(window, qtbot):
    window.board.editor.load(url_shortener_board())
    from sdi_desktop.domain.edit_gate import SessionMode

    window.edit_gate.set_mode(SessionMode.REVIEW)  # as the controller does after Finish
    data = window.board.editor.document.to_data()
    present(window, qtbot)
    sweep_with_the_laser_held(window, press=True)
    assert window.presentation.overlay.trail_points()
    QTest.keyRelease(window.whiteboard, Qt.Key.Key_L)
    assert window.board.editor.document.to_data() == data
    qtbot.keyClick(window.whiteboard, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not window.isFullScreen())
    assert not window.board.editor.gate.editable  # still read-only after
