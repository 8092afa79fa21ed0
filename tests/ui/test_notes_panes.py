"""The notes area around the editors: find, word count, templates, following the phase."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QToolButton

from sdi_desktop.ui.notes.templates import DEEP_DIVE_BLOCK
from tests.ui.notes_structure import structure
from tests.ui.test_notes_typing import CTRL, SHIFT, focus


def test_ctrl_f_finds_next_and_previous_and_esc_closes(window, qtbot):
    edit = focus(window, qtbot, "deep_dive")
    qtbot.keyClicks(edit, "cache here, cache there, no more")
    qtbot.keyClick(edit, Qt.Key.Key_F, CTRL)
    bar = window.notes.containers["deep_dive"].find_bar
    assert bar.isVisible() and bar.field.hasFocus()
    qtbot.keyClicks(bar.field, "cache")
    assert edit.textCursor().selectionStart() == 0  # wrapped round to the first match
    qtbot.keyClick(bar.field, Qt.Key.Key_Return)
    assert edit.textCursor().selectionStart() == 12
    qtbot.keyClick(bar.field, Qt.Key.Key_Return, SHIFT)
    assert edit.textCursor().selectionStart() == 0
    qtbot.keyClicks(bar.field, "zzz")
    assert bar.status.text() == "No match"
    qtbot.keyClick(bar.field, Qt.Key.Key_Escape)
    assert not bar.isVisible()
    assert edit.hasFocus()


def test_the_word_count_follows_typing(window, qtbot):
    edit = focus(window, qtbot, "wrap_up")
    label = window.notes.containers["wrap_up"].word_label
    qtbot.keyClicks(edit, "## Three words here")
    qtbot.waitUntil(lambda: label.text() == "3 words")
    qtbot.keyClicks(edit, " and one")
    qtbot.waitUntil(lambda: label.text() == "5 words")


def test_a_template_is_offered_on_an_empty_pane_only(window, qtbot):
    pane = window.notes.containers["api"]
    focus(window, qtbot, "api")
    button = pane.template_button
    assert button.isVisible()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    shape = structure(pane.edit.document())
    assert shape[0] == ("h2", [("Endpoints", False, False, False, False, False, "")])
    assert shape[1][0] == "table" and shape[1][2] == 4
    assert not button.isVisible()
    pane.edit.undo()  # one step takes it all back
    assert pane.edit.document().isEmpty()
    assert button.isVisible()


def test_the_deep_dive_pane_appends_another_trade_off_block(window, qtbot):
    pane = window.notes.containers["deep_dive"]
    edit = focus(window, qtbot, "deep_dive")
    assert not pane.add_block_button.isVisible()
    qtbot.mouseClick(pane.template_button, Qt.MouseButton.LeftButton)
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    qtbot.keyClicks(edit, "Hot keys overload one cache node")
    assert pane.add_block_button.isVisible()
    qtbot.mouseClick(pane.add_block_button, Qt.MouseButton.LeftButton)
    headings = [s[1][0][0] for s in structure(edit.document()) if s[0] in ("h2", "h3")]
    assert headings == ["Problem", "Option A", "Option B", "Trade-offs", "Decision"] * 2
    assert edit.to_markdown().startswith("## Problem\n\nHot keys overload one cache node\n")
    assert edit.to_markdown().endswith(DEEP_DIVE_BLOCK)


def test_the_current_phase_pane_comes_forward_unless_turned_off(window, qtbot):
    notes = window.notes
    window.next_phase()
    assert notes.current_pane().objectName() == "notesApi"
    notes.setCurrentIndex(0)  # the user may look elsewhere at any time
    assert notes.current_pane().objectName() == "notesRequirements"
    focus(window, qtbot, "requirements")
    follow = [
        button
        for button in notes.containers["requirements"].findChildren(QToolButton)
        if button.defaultAction() is notes.follow_action
    ]
    assert notes.follow_action.isChecked()
    notes.follow_action.trigger()
    assert not notes.follows_phase
    window.next_phase()
    assert notes.current_pane().objectName() == "notesRequirements"
    notes.follow_action.trigger()
    window.next_phase()
    assert notes.current_pane().objectName() == "notesWrapUp"
    assert len(follow) == 1 and follow[0].isChecked()


def test_turning_follow_off_is_remembered(make_window, tmp_path):
    first = make_window(tmp_path)
    first.notes.follow_action.trigger()
    first.close()
    again = make_window(tmp_path)
    assert not again.notes.follows_phase
    again.next_phase()
    assert again.notes.current_pane().objectName() == "notesRequirements"


def test_import_markdown_file_from_the_menu(window, qtbot, tmp_path, monkeypatch):
    path = tmp_path / "requirements.md"
    path.write_text("## Functional\n\n- [x] shorten\n- [ ] redirect\n", encoding="utf-8")
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(path), ""))
    )
    edit = focus(window, qtbot, "requirements")
    window.notes.containers["requirements"].actions_by_name["import_md"].trigger()
    assert edit.to_markdown() == path.read_text(encoding="utf-8")


def test_toolbars_are_built_after_the_first_paint_and_on_first_show(window, qtbot):
    first = window.notes.containers["requirements"]
    qtbot.waitUntil(lambda: first.toolbar is not None and first.toolbar.isVisible())
    later = window.notes.containers["wrap_up"]
    assert later.toolbar is None  # nothing built for panes not yet shown
    window.notes.setCurrentWidget(later)
    assert later.toolbar is not None and later.toolbar.isVisible()


def test_an_empty_pane_shows_its_whole_hint_wrapped_until_text_is_typed(qtbot):
    """Qt draws a QTextEdit placeholder on one line, cut off; the panes' hints wrap."""
    from sdi_desktop.ui.notes_area import NotesArea

    area = NotesArea()
    qtbot.addWidget(area)
    area.show()
    qtbot.waitExposed(area)
    edit = area.currentWidget().edit
    assert edit.placeholderText().startswith("Functional requirements")
    metrics = edit.fontMetrics()
    spacing = metrics.lineSpacing()
    # Whatever the machine's font, make the viewport narrow enough for three lines or more.
    longest = max(metrics.horizontalAdvance(line) for line in edit.placeholderText().split("\n"))
    area.resize(area.width() - edit.viewport().width() + longest // 3, 400)
    qtbot.waitUntil(lambda: edit.viewport().width() <= longest // 3 + 1)

    def inked_height() -> int:
        """Pixels from the first to the last row of the viewport that hold any drawing."""
        image = edit.viewport().grab().toImage()
        background = image.pixel(image.width() - 3, image.height() - 3)
        rows = [
            y
            for y in range(min(image.height(), 8 * spacing))
            if any(image.pixel(x, y) != background for x in range(2, image.width() - 3))
        ]
        return rows[-1] - rows[0] + 1 if rows else 0

    assert inked_height() > 2 * spacing  # the hint wraps onto three lines or more
    qtbot.keyClicks(edit, "Functional")
    assert 0 < inked_height() <= spacing  # the hint is gone: only the typed word remains
