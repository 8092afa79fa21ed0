"""Importing diagrams onto the board: File > Import Board…, a file dropped on the board,
one undo step, room found beside what is there, the report with kinds to change, and
the three diagram formats in the Export dialog."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox

from sdi_desktop.domain.board.elements import Component, Connector
from sdi_desktop.domain.interop.importer import import_file

DATA = Path(__file__).resolve().parents[2] / "data" / "interop"


def components(board):
    return [e for e in board.editor.document if isinstance(e, Component)]


def wait_import(qtbot, board):
    qtbot.waitUntil(lambda: board.board_import.report_dialog is not None, timeout=10_000)
    return board.board_import.report_dialog


def test_import_board_adds_the_diagram_as_one_undo_step_beside_the_board(qtbot, board, monkeypatch):
    board.place_at_centre("cache", "Existing")
    existing = components(board)[0]
    path = str(DATA / "excalidraw-2021-free-text.excalidraw")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (path, ""))
    board.action("actionImportBoard").trigger()
    dialog = wait_import(qtbot, board)
    assert dialog.objectName() == "importReportDialog" and dialog.isVisible()
    imported = [c for c in components(board) if c.id != existing.id]
    assert sorted(c.label for c in imported) == ["LB (nginx)", "Postgres", "Users"]
    assert len(board.editor.document.connectors()) == 2
    assert min(c.x for c in imported) >= existing.x + existing.w  # placed where there is room
    assert "3 components, 2 connectors" in dialog.findChild(object, "importSummary").text()
    # one undo step takes the whole diagram away again
    dialog.accept()
    stack = board.editor.undo_stack
    assert stack.undoText() == "Import excalidraw-2021-free-text.excalidraw"
    stack.undo()
    assert [c.id for c in components(board)] == [existing.id]


def test_the_report_shows_each_guess_and_a_changed_kind_is_one_more_undo_step(qtbot, board):
    board.import_diagram(str(DATA / "drawio-plain.drawio"))
    dialog = wait_import(qtbot, board)
    table = dialog.table
    rows = {table.item(r, 0).text(): r for r in range(table.rowCount())}
    assert table.item(rows["Users"], 2).text() == "guessed from the shape umlActor"
    assert table.item(rows["orders"], 2).text() == "guessed from the shape cylinder3"
    assert table.item(rows["Resizer"], 2).text() == "nothing to guess from"
    box = dialog.kind_boxes[rows["Resizer"]]
    box.setCurrentIndex(box.findData("worker"))
    dialog.reject()  # closed with Escape: the change is kept all the same
    resizer = next(c for c in components(board) if c.label == "Resizer")
    assert resizer.kind == "worker"
    assert board.editor.undo_stack.undoText() == "Change kind"
    board.editor.undo_stack.undo()
    assert resizer.kind == "box"


def test_a_broken_file_is_one_message_and_the_board_is_untouched(qtbot, board, monkeypatch):
    board.place_at_centre("cache", "Existing")
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, title, text: shown.append(text))
    board.import_diagram(str(DATA / "bad-not-inflating.drawio"))
    qtbot.waitUntil(lambda: bool(shown), timeout=10_000)
    assert shown == [
        "bad-not-inflating.drawio: page 1 ('Broken'): the compressed page does not inflate "
        "(Error -3 while decompressing data: invalid code lengths set)"
    ]
    assert [c.label for c in components(board)] == ["Existing"]
    assert board.editor.undo_stack.count() == 1  # only the component placed above


def test_a_file_of_several_pages_asks_which_page(qtbot, board, monkeypatch):
    asked = []

    def pick(_parent, _title, text, items, *args):
        asked.append((text, items))
        return items[1], True

    monkeypatch.setattr(QInputDialog, "getItem", pick)
    board.import_diagram(str(DATA / "drawio-pages.drawio"))
    wait_import(qtbot, board)
    assert asked[0][1] == ["1. Architecture", "2. Search", "3. Empty"]
    assert [c.label for c in components(board)] == ["Search"]


def test_dropping_a_diagram_file_on_the_board_imports_it_at_the_drop(qtbot, board):
    view = board.view
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(DATA / "excalidraw-2023-bound-text.excalidraw"))])
    point = QPoint(200, 150)
    drop = QDropEvent(
        QPointF(point), Qt.DropAction.CopyAction, data,
        Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier,
    )  # fmt: skip
    view.dropEvent(drop)
    wait_import(qtbot, board)
    labels = sorted(c.label for c in components(board))
    assert labels == ["Order service", "RabbitMQ"]
    at = view.mapToScene(point)
    left = min(c.x for c in components(board))
    top = min(c.y for c in components(board))
    assert abs(left - at.x()) < 1 and abs(top - at.y()) < 1


@pytest.mark.parametrize(("fmt", "suffix"), [("mermaid", "mmd"), ("excalidraw", "excalidraw"),
                                             ("drawio", "drawio")])  # fmt: skip
def test_the_export_dialog_writes_the_three_diagram_formats(
    qtbot, board, tmp_path, monkeypatch, fmt, suffix
):
    from sdi_desktop.ui.board.export_dialog import ExportDialog

    a = board.place_at_centre("sql_db", "Orders DB")
    b = board.place_at_centre("cache", "Redis")
    board.editor.connect(b, a, style="async")
    target = tmp_path / f"out.{suffix}"

    def run(dialog):
        dialog.format_combo.setCurrentIndex(dialog.format_combo.findData(fmt))
        assert not dialog.scale_combo.isEnabled()
        return ExportDialog.DialogCode.Accepted

    monkeypatch.setattr(ExportDialog, "exec", run)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(tmp_path / "out"), ""))
    board.open_export_dialog()
    assert target.exists()
    if fmt == "mermaid":
        text = target.read_text()
        # "orders" starts with "o": Mermaid would read "-.->orders" as a circle end
        assert 'n_orders_db[("Orders DB")]' in text and "redis -.-> n_orders_db" in text
    else:
        result = import_file(target)
        kinds = sorted(c.kind for c in result.elements if isinstance(c, Component))
        assert kinds == ["cache", "sql_db"] and result.report.guessed == 0
        (connector,) = [e for e in result.elements if isinstance(e, Connector)]
        assert connector.style == "async"


def test_a_read_only_board_refuses_an_import(qtbot, board):
    said = []
    board.message.connect(said.append)
    board.view.setInteractive(False)  # as review mode leaves it
    board.import_diagram(str(DATA / "drawio-plain.drawio"))
    assert components(board) == [] and board._board_import is None
    assert said == ["The board is read-only here; continue editing to import."]


def test_the_file_menu_offers_import_board(window):
    action = window.findChild(type(window.board.action("actionImportBoard")), "actionImportBoard")
    assert action is not None and action.shortcut().toString() == "Ctrl+Shift+I"
    names = [a.objectName() for a in window._file_menu.actions()]
    assert names.index("actionImportBoard") == names.index("actionExport") - 1
