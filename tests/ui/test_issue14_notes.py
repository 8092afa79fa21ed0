"""Issue 14, items 4, 5, 7 and 8: the notes panes' templates, Tab and code blocks,
typed with real keys and read back from the stored Markdown."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from sdi_desktop.domain.facts import deep_dive_blocks
from sdi_desktop.ui.notes.blocks import is_code_char
from tests.ui.test_notes_typing import focus
from tests.ui.test_persistence import saved


def click(qtbot, widget) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def test_item4_estimates_table_has_cells_and_tab_moves_through_them(open_app, qtbot, tmp_path):
    window = open_app()
    pane = window.notes.containers["estimates"]
    edit = focus(window, qtbot, "estimates")
    click(qtbot, pane.template_button)
    table = None
    cursor = QTextCursor(edit.document())
    while table is None and not cursor.atEnd():
        table = cursor.currentTable()
        cursor.movePosition(QTextCursor.MoveOperation.NextBlock)
    assert table is not None and table.columns() == 3
    for row in range(table.rows()):
        for column in range(3):
            cell = table.cellAt(row, column)
            assert (cell.rowSpan(), cell.columnSpan()) == (1, 1), (row, column)
    # into the "Daily active users" row's Assumption cell, then Tab to Result
    edit.setTextCursor(table.cellAt(1, 1).firstCursorPosition())
    qtbot.keyClicks(edit, "10% of 1 B")
    qtbot.keyClick(edit, Qt.Key.Key_Tab)
    qtbot.keyClicks(edit, "100 M")
    qtbot.keyClick(edit, Qt.Key.Key_Tab)  # the next row's first cell
    assert table.cellAt(edit.textCursor()).row() == 2
    assert table.cellAt(edit.textCursor()).column() == 0
    qtbot.waitUntil(
        lambda: saved(window) is not None and "100 M" in saved(window).notes["estimates"],
        timeout=3000,
    )
    rows = [line for line in saved(window).notes["estimates"].splitlines() if "Daily" in line]
    cells = [c.strip() for c in rows[0].strip("|").split("|")]
    assert cells == ["Daily active users", "10% of 1 B", "100 M"]
    # and read back, the row still has three cells
    edit.set_markdown(saved(window).notes["estimates"])
    assert edit.to_markdown() == saved(window).notes["estimates"]


def test_item5_added_trade_off_block_keeps_its_heading_level_after_reopen(
    open_app, qtbot, tmp_path
):
    data = tmp_path / "data"
    window = open_app(data)
    pane = window.notes.containers["deep_dive"]
    edit = focus(window, qtbot, "deep_dive")
    click(qtbot, pane.template_button)
    edit.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    qtbot.keyClicks(edit, "Use replicas for hot keys")  # a paragraph ends the first block
    click(qtbot, pane.add_block_button)
    levels = []
    block = edit.document().begin()
    while block.isValid():
        if block.text() == "Problem":
            levels.append(block.blockFormat().headingLevel())
        block = block.next()
    assert levels == [2, 2]
    qtbot.waitUntil(
        lambda: (
            saved(window) is not None and saved(window).notes["deep_dive"].count("## Problem") == 2
        ),
        timeout=3000,
    )
    markdown = saved(window).notes["deep_dive"]
    assert "**Problem**" not in markdown and "\n### Problem" not in markdown
    assert len(deep_dive_blocks(markdown)) == 2
    window.close()
    reopened = open_app(data)
    qtbot.waitUntil(lambda: "Use replicas" in reopened.notes.panes["deep_dive"].toPlainText())
    assert reopened.notes.panes["deep_dive"].to_markdown() == markdown


def test_item7_tab_at_a_line_start_inserts_no_tab_and_markdown_still_works(window, qtbot):
    edit = focus(window, qtbot, "requirements")
    qtbot.keyClick(edit, Qt.Key.Key_Tab)
    assert edit.hasFocus()
    qtbot.keyClicks(edit, "## Functional")
    assert "\t" not in edit.toPlainText()
    assert edit.textCursor().block().blockFormat().headingLevel() == 2
    assert edit.to_markdown() == "## Functional\n"


def test_item8_every_line_of_a_typed_code_block_is_monospace(window, qtbot):
    edit = focus(window, qtbot, "api")
    qtbot.keyClicks(edit, "```sql")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    for line in ("SELECT url", "FROM links", "WHERE code = ?"):
        qtbot.keyClicks(edit, line)
        qtbot.keyClick(edit, Qt.Key.Key_Return)
    qtbot.keyClicks(edit, "```")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    lines = {}
    block = edit.document().begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            lines.setdefault(block.text(), []).append(is_code_char(fragment.charFormat()))
            it += 1
        block = block.next()
    for line in ("SELECT url", "FROM links", "WHERE code = ?"):
        assert lines[line] and all(lines[line]), line
    assert edit.to_markdown().startswith("```sql\nSELECT url\nFROM links\nWHERE code = ?\n```")
