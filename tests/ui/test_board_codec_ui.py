"""A corrupt or newer stored board in the window, the comparison and the clipboard: one
clear message, the app keeps running, nothing is overwritten."""

from __future__ import annotations

from PySide6.QtCore import QMimeData
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMessageBox

from sdi_desktop.domain.record import SessionRecord
from sdi_desktop.ui.board.board_widget import BOARD_MIME
from tests.storage.test_board_codec import NEWER, spoil


def finished_pair(window):
    store = window.session_controller.store
    good = store.sessions.create(SessionRecord(title="Good", status="finished"))
    bad = store.sessions.create(SessionRecord(title="Spoilt", status="finished"))
    spoil(window.data_dir, bad, NEWER)
    return good, bad


def warnings(window) -> list[str]:
    return [b.text() for b in window.findChildren(QMessageBox, "storageWarning")]


def test_opening_a_session_with_a_newer_board_says_so_and_keeps_the_window(open_app):
    window = open_app()
    controller = window.session_controller
    good, bad = finished_pair(window)
    assert controller.open_session(good)  # in review
    assert not controller.open_session(bad)
    assert controller.session_id == good and controller.review is not None  # still there
    (text,) = [w for w in warnings(window) if "Spoilt" in w]
    assert "board format version 99 is not supported" in text


def test_the_comparison_shows_the_message_in_place_of_the_board(open_app, qtbot):
    window = open_app()
    good, bad = finished_pair(window)
    dialog = window.session_controller.reviews.open_compare(good, bad)
    assert dialog is not None and dialog.isVisible()
    assert "board format version 99 is not supported" in dialog.boards[1].text()
    dialog.close()


def test_pasting_a_board_from_a_newer_app_says_so(open_app):
    window = open_app()
    messages = []
    window.board.message.connect(messages.append)
    mime = QMimeData()
    mime.setData(BOARD_MIME, NEWER.encode())
    QGuiApplication.clipboard().setMimeData(mime)
    assert window.board.paste() == []
    assert messages and "board format version 99 is not supported" in messages[-1]
    assert len(window.board.editor.document) == 0
