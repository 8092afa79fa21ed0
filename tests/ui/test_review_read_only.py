"""A finished session is read-only everywhere until "Continue editing" (issue 14, 1-2).

Every editing route a user has is tried on a finished session, and the stored database
is compared byte for byte (a full SQL dump of it) before and after: it must not change.
Then "Continue editing" makes the same kind of edit count again, so the check can fail.
"""

from __future__ import annotations

import sqlite3

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent, QGuiApplication, QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QInputDialog

from sdi_desktop.domain.edit_gate import SessionMode
from sdi_desktop.domain.formats import standard
from sdi_desktop.ui.board.view import COMPONENT_MIME


def dump(window) -> str:
    """Every row of the database, as SQL text (committed writes only: WAL included)."""
    window.persistence.autosaver.flush()
    connection = sqlite3.connect(window.data_dir / "sdi-desktop.db")
    try:
        return "\n".join(connection.iterdump())
    finally:
        connection.close()


def finished(window, qtbot):
    """A session with notes, a board (two components, a connector, a stroke), a ticked
    box and two phase snapshots, finished; the self-assessment dialog is cancelled."""
    editor = window.board.editor
    a = editor.add_component("service", QPointF(0, 0), "API")
    b = editor.add_component("database", QPointF(300, 0), "DB")
    editor.connect(a, b)
    editor.add_stroke([(0, 200), (50, 250), (100, 200)])
    window.notes.panes["requirements"].setPlainText("shorten links")
    window.notes.panes["deep_dive"].setPlainText("hot keys")
    window.notes.panes["wrap_up"].setPlainText("done")
    window.session.clock.start()
    window.phase_panel.boxes[0].click()
    window.next_phase()
    window.finish_session()
    qtbot.waitUntil(lambda: window.persistence.reviews.rubric is not None)
    rubric = window.persistence.reviews.rubric
    rubric.buttons.button(QDialogButtonBox.StandardButton.Cancel).click()
    assert window.persistence.mode is SessionMode.REVIEW
    return a, b


def center(view, element_id) -> QPoint:
    item = view.board_scene.item_for(element_id)
    return view.mapFromScene(item.sceneBoundingRect().center())


def try_every_board_route(window, qtbot, a: str) -> None:
    board, view = window.board, window.board.view
    viewport = view.viewport()
    view.setFocus()
    # drag a component
    start = center(view, a)
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(viewport, start + QPoint(60, 40))
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=start + QPoint(60, 40))
    # double-click a component and type; select one and just type (type-to-label)
    qtbot.mouseDClick(viewport, Qt.MouseButton.LeftButton, pos=center(view, a))
    qtbot.keyClicks(view.focusWidget() or view, "renamed")
    qtbot.keyClick(view.focusWidget() or view, Qt.Key.Key_Return)
    view.setFocus()
    view.board_scene.select_ids([a])
    qtbot.keyClicks(view, "x")
    qtbot.keyClick(view, Qt.Key.Key_Return)
    view.setFocus()
    # double-click the pen stroke; edit text from the API as a context menu would
    stroke = next(e.id for e in board.editor.document if e.TYPE == "stroke")
    view.edit_text(stroke)
    view.start_text_note(QPointF(500, 500))
    # keys: nudge, delete, undo, duplicate, paste
    view.board_scene.select_ids([a])
    for key in (Qt.Key.Key_Right, Qt.Key.Key_Down, Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
        qtbot.keyClick(view, key)
    for keys in ("Ctrl+Z", "Ctrl+Shift+Z", "Ctrl+D", "Ctrl+X", "Ctrl+V", "Ctrl+]"):
        QTest.keySequence(view, QKeySequence(keys))
    # every action of the board (menus, toolbar, shortcuts), selection or not
    board.copy()
    for name, action in board.actions_by_name.items():
        if name in ("actionExport", "actionCopyImage"):
            continue  # they open a dialog or write the clipboard: no edit
        view.board_scene.select_ids([a])
        action.trigger()
    # the right-click menus of a component, a connector and the empty board
    from sdi_desktop.ui.board.context_menu import build_context_menu

    connector = next(e.id for e in board.editor.document if e.TYPE == "connector")
    for element_id in (a, connector, None):
        item = board.scene.item_for(element_id) if element_id else None
        menu = build_context_menu(view, item)
        for action in menu.actions():
            for sub in action.menu().actions() if action.menu() else [action]:
                sub.trigger()
    # a palette drop, a palette click, quick add
    mime = QMimeData()
    mime.setData(COMPONENT_MIME, b"cache")
    drop = QDropEvent(
        QPointF(50, 50),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    view.dropEvent(drop)
    board.place_at_centre("queue")
    board.open_quick_add()
    popup = board.quick_add_popup
    if popup is not None and popup.isVisible():
        qtbot.keyClicks(popup.focusWidget() or popup, "cache")
        qtbot.keyClick(popup.focusWidget() or popup, Qt.Key.Key_Return)
    # the pen, the eraser, the zone and connect tools, by key and by drag
    for key in ("P", "E", "Z", "C", "T"):
        view.board_scene.clearSelection()
        view.setFocus()
        qtbot.keyClicks(view, key.lower())
        qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=QPoint(20, 20))
        qtbot.mouseMove(viewport, QPoint(120, 90))
        qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=QPoint(120, 90))
        qtbot.keyClick(view, Qt.Key.Key_Escape)
    # editor calls as any other caller would make them
    editor = board.editor
    editor.undo()
    editor.move_to({a: (900.0, 900.0)})
    editor.set_text(a, "changed")
    editor.set_connector(connector, style="async")
    assert editor.paste_text(editor.copy_text([a])) == []
    assert editor.add_component("cache", QPointF(0, 0)) is None  # refused: no id handed out
    assert board.quick_add_popup is None or not board.quick_add_popup.isVisible()


def try_every_notes_route(window, qtbot, monkeypatch, tmp_path) -> None:
    markdown_file = tmp_path / "import.md"
    markdown_file.write_text("# Imported\n\n- a point\n", encoding="utf-8")
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(markdown_file), ""))
    )
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: ("python", True)))
    QGuiApplication.clipboard().setText("pasted text")
    for key, container in window.notes.containers.items():
        window.notes.setCurrentWidget(container)
        container.ensure_chrome()
        edit = window.notes.panes[key]
        edit.setFocus()
        cursor = edit.textCursor()
        cursor.select(cursor.SelectionType.Document)
        edit.setTextCursor(cursor)
        qtbot.keyClicks(edit, "typed # ")
        for keys in (Qt.Key.Key_Return, Qt.Key.Key_Tab, Qt.Key.Key_Backspace, Qt.Key.Key_Delete):
            qtbot.keyClick(edit, keys)
        qtbot.keyClick(edit, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
        qtbot.keyClick(edit, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
        for name, action in container.actions_by_name.items():
            if name != "find":
                action.trigger()
        container.insert_template()
        container.template_button.click()
        container.add_deep_dive_block()
        if container.add_block_button is not None:
            container.add_block_button.click()
        edit.import_markdown_file(markdown_file)
        edit.paste_plain_text()
        mime = QMimeData()
        mime.setUrls([QUrl.fromLocalFile(str(markdown_file))])
        mime.setText("dropped")
        edit.insertFromMimeData(mime)
        menu = edit.createStandardContextMenu()
        for action in menu.actions():
            if action.isEnabled():
                action.trigger()


@pytest.mark.parametrize("reopened", [False, True], ids=["just-finished", "reopened"])
def test_a_finished_session_is_read_only_everywhere(
    open_app, qtbot, monkeypatch, tmp_path, reopened
):
    window = open_app()
    a, _b = finished(window, qtbot)
    session_id = window.persistence.session_id
    if reopened:  # opened later from the library: no undo history, a fresh banner
        window.start_session("Another", standard())
        assert window.persistence.open_session(session_id)
    before = dump(window)
    shown_board = window.board.editor.document.to_data()
    shown_notes = window.notes.to_markdown_dict()

    try_every_board_route(window, qtbot, a)
    try_every_notes_route(window, qtbot, monkeypatch, tmp_path)
    for box in window.phase_panel.boxes:  # checklist ticks
        box.click()
    assert "read-only" in window.statusBar().currentMessage()  # says why nothing happened
    # replay, then a template on the replayed notes, then back to "as finished"
    review = window.persistence.review
    review.slider.setValue(0)
    wrap_up = window.notes.containers["wrap_up"]
    wrap_up.insert_template()
    window.notes.containers["deep_dive"].add_deep_dive_block()
    review.slider.setValue(review.slider.maximum())
    window.persistence.save_now()  # Ctrl+S
    window.jump_to_phase(0)
    window.toggle_clock()

    assert window.board.editor.document.to_data() == shown_board
    assert window.notes.to_markdown_dict() == shown_notes
    assert all(not box.isChecked() for box in window.phase_panel.boxes[1:])
    assert dump(window) == before  # byte for byte
    assert window.persistence.mode is SessionMode.REVIEW
    assert window.notes.containers["api"].template_button.isHidden()  # no offer to act

    # "Continue editing": the same routes edit again (so the check above can fail)
    qtbot.mouseClick(review.continue_button, Qt.MouseButton.LeftButton)
    assert window.persistence.mode is SessionMode.EDITING
    assert not window.notes.containers["api"].template_button.isHidden()
    window.board.editor.set_text(a, "changed")
    window.notes.containers["wrap_up"].add_deep_dive_block()
    qtbot.waitUntil(lambda: dump(window) != before, timeout=3000)
    record = window.persistence.store.sessions.get(session_id)
    assert record.status == "active"
    assert "changed" in [e.get("label") for e in record.board]


def test_closing_the_window_in_review_writes_nothing(open_app, qtbot, tmp_path):
    window = open_app()
    finished(window, qtbot)
    before = dump(window)
    window.notes.panes["wrap_up"].setReadOnly(False)  # even a route the gate missed
    window.notes.panes["wrap_up"].setPlainText("sneaked in")
    window.close()
    connection = sqlite3.connect(tmp_path / "data" / "sdi-desktop.db")
    try:
        assert "\n".join(connection.iterdump()) == before
    finally:
        connection.close()
