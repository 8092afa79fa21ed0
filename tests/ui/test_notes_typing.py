"""Type into the notes panes with real key presses and clicks; check the structure."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QMimeData, QPoint, Qt
from PySide6.QtGui import QAction, QKeySequence, QTextCursor, QTextImageFormat
from PySide6.QtWidgets import QApplication, QInputDialog

from sdi_desktop.ui.notes.blocks import Marker, code_language, is_code_block
from sdi_desktop.ui.notes.notes_area import PANES
from tests.ui.notes_structure import structure

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
KEYS = [spec.key for spec in PANES]


def focus(window, qtbot, key: str):
    """Bring pane ``key`` forward and give its editor the keyboard."""
    container = window.notes.containers[key]
    window.notes.setCurrentWidget(container)
    container.ensure_chrome()
    edit = window.notes.panes[key]
    edit.setFocus()
    qtbot.waitUntil(edit.hasFocus)
    return edit


def enter(qtbot, edit) -> None:
    qtbot.keyClick(edit, Qt.Key.Key_Return)


@pytest.mark.parametrize("key", KEYS)
def test_markdown_typed_in_each_pane_becomes_structure(window, qtbot, key):
    edit = focus(window, qtbot, key)
    qtbot.keyClicks(edit, "# Title")
    enter(qtbot, edit)
    qtbot.keyClicks(edit, "- first")
    enter(qtbot, edit)
    qtbot.keyClicks(edit, "second")
    enter(qtbot, edit)
    enter(qtbot, edit)  # an empty item ends the list
    qtbot.keyClicks(edit, "1. one")
    enter(qtbot, edit)
    qtbot.keyClick(edit, Qt.Key.Key_Tab)
    qtbot.keyClicks(edit, "nested")
    assert structure(edit.document())[:5] == [
        ("h1", [("Title", False, False, False, False, False, "")]),
        ("item", 1, "bullet", "NoMarker", [("first", False, False, False, False, False, "")]),
        ("item", 1, "bullet", "NoMarker", [("second", False, False, False, False, False, "")]),
        ("item", 1, "number", "NoMarker", [("one", False, False, False, False, False, "")]),
        ("item", 2, "number", "NoMarker", [("nested", False, False, False, False, False, "")]),
    ]
    assert edit.to_markdown() == "# Title\n\n- first\n- second\n\n1. one\n   1. nested\n"


@pytest.mark.parametrize("key", KEYS)
def test_ctrl_b_i_u_and_strike_format_what_is_typed_next(window, qtbot, key):
    edit = focus(window, qtbot, key)
    qtbot.keyClicks(edit, "plain ")
    qtbot.keyClick(edit, Qt.Key.Key_B, CTRL)
    qtbot.keyClicks(edit, "bold")
    qtbot.keyClick(edit, Qt.Key.Key_B, CTRL)
    qtbot.keyClicks(edit, " ")
    qtbot.keyClick(edit, Qt.Key.Key_I, CTRL)
    qtbot.keyClicks(edit, "it")
    qtbot.keyClick(edit, Qt.Key.Key_I, CTRL)
    qtbot.keyClicks(edit, " ")
    qtbot.keyClick(edit, Qt.Key.Key_U, CTRL)
    qtbot.keyClicks(edit, "under")
    qtbot.keyClick(edit, Qt.Key.Key_U, CTRL)
    qtbot.keyClicks(edit, " ")
    qtbot.keyClick(edit, Qt.Key.Key_X, CTRL | SHIFT)
    qtbot.keyClicks(edit, "gone")
    runs = structure(edit.document())[0][1]
    assert ("bold", True, False, False, False, False, "") in runs
    assert ("it", False, True, False, False, False, "") in runs
    assert ("under", False, False, True, False, False, "") in runs
    assert ("gone", False, False, False, True, False, "") in runs
    assert edit.to_markdown() == "plain **bold** *it* <u>under</u> ~~gone~~\n"


@pytest.mark.parametrize("key", KEYS)
def test_a_check_list_box_toggles_on_click(window, qtbot, key):
    edit = focus(window, qtbot, key)
    qtbot.keyClicks(edit, "[ ] ship it")
    block = edit.document().begin()
    assert block.textList() is not None
    assert block.blockFormat().marker() == Marker.Unchecked
    start = QTextCursor(block)
    rect = edit.cursorRect(start)
    box = QPoint(rect.left() - 10, rect.center().y())
    qtbot.mouseClick(edit.viewport(), Qt.MouseButton.LeftButton, pos=box)
    assert edit.document().begin().blockFormat().marker() == Marker.Checked
    assert edit.to_markdown() == "- [x] ship it\n"
    qtbot.mouseClick(edit.viewport(), Qt.MouseButton.LeftButton, pos=box)
    assert edit.document().begin().blockFormat().marker() == Marker.Unchecked


@pytest.mark.parametrize("key", KEYS)
def test_a_table_is_inserted_filled_with_tab_and_resized(window, qtbot, key):
    edit = focus(window, qtbot, key)
    qtbot.keyClick(edit, Qt.Key.Key_T, CTRL | SHIFT)
    table = edit.textCursor().currentTable()
    assert table is not None and (table.rows(), table.columns()) == (3, 3)
    for word in ("Method", "Path", "Body", "POST", "/links"):
        qtbot.keyClicks(edit, word)
        qtbot.keyClick(edit, Qt.Key.Key_Tab)
    pane = window.notes.containers[key]
    pane.actions_by_name["add_row"].trigger()
    pane.actions_by_name["add_column"].trigger()
    assert (table.rows(), table.columns()) == (4, 4)
    pane.actions_by_name["remove_column"].trigger()
    pane.actions_by_name["remove_row"].trigger()
    assert (table.rows(), table.columns()) == (3, 3)
    assert edit.to_markdown().splitlines()[:3] == [
        "| Method | Path   | Body |",
        "| ------ | ------ | ---- |",
        "| POST   | /links |      |",
    ]


def test_headings_by_shortcut_and_back_to_body_text(window, qtbot):
    edit = focus(window, qtbot, "wrap_up")
    qtbot.keyClicks(edit, "Summary")
    for level, key in ((2, Qt.Key.Key_2), (1, Qt.Key.Key_1), (3, Qt.Key.Key_3), (0, Qt.Key.Key_0)):
        qtbot.keyClick(edit, key, CTRL)
        assert edit.document().begin().blockFormat().headingLevel() == level
    qtbot.keyClick(edit, Qt.Key.Key_2, CTRL)
    enter(qtbot, edit)
    qtbot.keyClicks(edit, "body")
    assert edit.to_markdown() == "## Summary\n\nbody\n"


def test_list_shortcuts_and_outdent(window, qtbot):
    edit = focus(window, qtbot, "requirements")
    qtbot.keyClicks(edit, "task")
    qtbot.keyClick(edit, Qt.Key.Key_9, CTRL | SHIFT)
    assert edit.document().begin().blockFormat().marker() == Marker.Unchecked
    qtbot.keyClick(edit, Qt.Key.Key_7, CTRL | SHIFT)
    assert edit.to_markdown() == "1. task\n"
    qtbot.keyClick(edit, Qt.Key.Key_8, CTRL | SHIFT)
    enter(qtbot, edit)
    qtbot.keyClick(edit, Qt.Key.Key_Tab)
    qtbot.keyClicks(edit, "sub")
    assert edit.to_markdown() == "- task\n  - sub\n"
    qtbot.keyClick(edit, Qt.Key.Key_Backtab, SHIFT)
    assert edit.to_markdown() == "- task\n- sub\n"


def test_a_fence_with_a_language_starts_a_code_block_and_a_fence_ends_it(window, qtbot):
    edit = focus(window, qtbot, "data_model")
    qtbot.keyClicks(edit, "```sql")
    enter(qtbot, edit)
    qtbot.keyClicks(edit, "SELECT 1;")
    enter(qtbot, edit)
    qtbot.keyClicks(edit, "```")
    enter(qtbot, edit)
    qtbot.keyClicks(edit, "after `code` here")
    first = edit.document().begin()
    assert is_code_block(first) and code_language(first) == "sql"
    assert first.text() == "SELECT 1;"
    assert edit.to_markdown() == "```sql\nSELECT 1;\n```\n\nafter `code` here\n"


def test_a_link_with_ctrl_shift_k(window, qtbot, monkeypatch):
    monkeypatch.setattr(
        QInputDialog, "getText", staticmethod(lambda *a, **k: ("https://example.com", True))
    )
    edit = focus(window, qtbot, "api")
    qtbot.keyClicks(edit, "see ")
    qtbot.keyClick(edit, Qt.Key.Key_K, CTRL | SHIFT)
    qtbot.keyClicks(edit, " now")
    assert edit.to_markdown() == "see [https://example.com](https://example.com) now\n"


def test_undo_stays_in_the_pane_even_with_a_window_wide_ctrl_z(window, qtbot):
    fired = []
    board_undo = QAction("Undo on the board", window)
    board_undo.setShortcut(QKeySequence("Ctrl+Z"))
    board_undo.triggered.connect(lambda: fired.append(1))
    window.addAction(board_undo)
    edit = focus(window, qtbot, "estimates")
    qtbot.keyClicks(edit, "# ")
    assert edit.document().begin().blockFormat().headingLevel() == 1
    qtbot.keyClick(edit, Qt.Key.Key_Z, CTRL)  # undoes the conversion, keeps what was typed
    assert edit.toPlainText() == "# "
    assert edit.document().begin().blockFormat().headingLevel() == 0
    qtbot.keyClick(edit, Qt.Key.Key_Z, CTRL | SHIFT)
    assert edit.document().begin().blockFormat().headingLevel() == 1
    assert fired == []


@pytest.fixture
def clipboard(qapp):
    """Puts HTML and text on the clipboard; empties it afterwards (Qt owns the data)."""

    def put(html: str, text: str) -> None:
        mime = QMimeData()
        mime.setHtml(html)
        mime.setText(text)
        QApplication.clipboard().setMimeData(mime)

    yield put
    QApplication.clipboard().clear()


BROWSER_HTML = (
    "<html><head><style>p{color:red}</style><script>alert('head')</script></head><body>"
    "<h2 style='font-family:Comic Sans MS'>Caching</h2>"
    "<p><span style='font-family: Papyrus; font-size: 30pt'>Use a <b>write-through</b> "
    "cache</span><script>document.cookie='stolen'</script></p>"
    "<img src='https://tracker.example/pixel.png'>"
    "<ul><li>hot keys</li><li><a href='javascript:alert(1)'>bad link</a></li>"
    "<li><a href='https://redis.io'>Redis</a></li></ul></body></html>"
)


def test_rich_paste_keeps_structure_and_drops_scripts_images_and_fonts(window, qtbot, clipboard):
    edit = focus(window, qtbot, "deep_dive")
    clipboard(BROWSER_HTML, "plain version")
    qtbot.keyClick(edit, Qt.Key.Key_V, CTRL)
    text = edit.toPlainText()
    assert "alert" not in text and "cookie" not in text and "p{color" not in text
    assert "\ufffc" not in text  # no image placeholder
    block = edit.document().begin()
    families = set()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fmt = it.fragment().charFormat()
            assert not fmt.isImageFormat() and not QTextImageFormat(fmt).name()
            families.update(fmt.fontFamilies() or [])
            assert fmt.fontPointSize() < 20
            it += 1
        block = block.next()
    assert not families & {"Comic Sans MS", "Papyrus"}
    shape = structure(edit.document())
    assert shape[0][0] == "h2"
    assert ("write-through", True, False, False, False, False, "") in shape[1][1]
    assert [s[0] for s in shape[2:]] == ["item", "item", "item"]
    assert shape[3][4] == [("bad link", False, False, False, False, False, "")]
    assert shape[4][4] == [("Redis", False, False, False, False, False, "https://redis.io")]


def test_ctrl_shift_v_pastes_plain_text(window, qtbot, clipboard):
    edit = focus(window, qtbot, "deep_dive")
    clipboard("<h1>Big</h1><p><b>bold</b></p>", "Big bold")
    qtbot.keyClick(edit, Qt.Key.Key_V, CTRL | SHIFT)
    assert edit.toPlainText() == "Big bold"
    assert structure(edit.document()) == [
        ("p", [("Big bold", False, False, False, False, False, "")])
    ]


@pytest.mark.parametrize(
    ("typed", "markdown"),
    [
        ("## Scale", "## Scale\n"),
        ("### Reads", "### Reads\n"),
        ("* star bullet", "- star bullet\n"),
        ("3. third", "3. third\n"),
        ("[x] done", "- [x] done\n"),
        ("- [ ] open", "- [ ] open\n"),
        ("no # heading", "no # heading\n"),
        ("#hashtag", "#hashtag\n"),
    ],
)
def test_markdown_prefixes_typed_at_the_start_of_a_line(window, qtbot, typed, markdown):
    edit = focus(window, qtbot, "requirements")
    qtbot.keyClicks(edit, typed)
    assert edit.to_markdown() == markdown


def test_pane_shortcuts_act_only_while_the_pane_has_focus(window, qtbot):
    edit = focus(window, qtbot, "requirements")
    qtbot.keyClicks(edit, "text")
    edit.selectAll()
    window.timeline.setFocus()
    qtbot.waitUntil(window.timeline.hasFocus)
    qtbot.keyClick(window.timeline, Qt.Key.Key_B, CTRL)
    qtbot.keyClick(window.timeline, Qt.Key.Key_1, CTRL)
    assert edit.to_markdown() == "text\n"
    for action in window.notes.containers["requirements"].actions_by_name.values():
        assert action.shortcutContext() == Qt.ShortcutContext.WidgetWithChildrenShortcut
        assert action.shortcut() != QKeySequence("Ctrl+K")  # the whiteboard's quick-add


def test_copy_and_paste_between_panes_keeps_a_code_blocks_language(window, qtbot):
    source = focus(window, qtbot, "data_model")
    source.set_markdown("## Store\n\n```sql\nSELECT code FROM links;\n```\n")
    qtbot.keyClick(source, Qt.Key.Key_A, CTRL)
    qtbot.keyClick(source, Qt.Key.Key_C, CTRL)
    target = focus(window, qtbot, "deep_dive")
    qtbot.keyClick(target, Qt.Key.Key_V, CTRL)
    assert target.to_markdown() == source.to_markdown()
    QApplication.clipboard().clear()


def test_backspace_at_the_start_of_a_nested_item_moves_it_out(window, qtbot):
    edit = focus(window, qtbot, "requirements")
    qtbot.keyClicks(edit, "- top")
    enter(qtbot, edit)
    qtbot.keyClick(edit, Qt.Key.Key_Tab)
    qtbot.keyClicks(edit, "inner")
    assert edit.to_markdown() == "- top\n  - inner\n"
    qtbot.keyClick(edit, Qt.Key.Key_Home)
    qtbot.keyClick(edit, Qt.Key.Key_Backspace)
    assert edit.to_markdown() == "- top\n- inner\n"
    qtbot.keyClick(edit, Qt.Key.Key_Backspace)  # Qt's own: out of the list
    assert edit.to_markdown() == "- top\n\ninner\n"


def test_enter_after_a_checked_item_starts_an_open_one(window, qtbot):
    edit = focus(window, qtbot, "requirements")
    qtbot.keyClicks(edit, "[x] agreed")
    enter(qtbot, edit)
    qtbot.keyClicks(edit, "to ask")
    assert edit.to_markdown() == "- [x] agreed\n- [ ] to ask\n"


def test_switching_list_kinds_keeps_the_depth(window, qtbot):
    edit = focus(window, qtbot, "requirements")
    qtbot.keyClicks(edit, "- top")
    enter(qtbot, edit)
    qtbot.keyClick(edit, Qt.Key.Key_Tab)
    qtbot.keyClicks(edit, "inner")
    qtbot.keyClick(edit, Qt.Key.Key_7, CTRL | SHIFT)
    assert edit.to_markdown() == "- top\n  1. inner\n"
    qtbot.keyClick(edit, Qt.Key.Key_9, CTRL | SHIFT)
    assert edit.to_markdown() == "- top\n  - [ ] inner\n"
    qtbot.keyClick(edit, Qt.Key.Key_9, CTRL | SHIFT)  # the same kind again: out of the list
    assert edit.to_markdown() == "- top\n\ninner\n"


def test_the_emphasis_buttons_show_the_format_at_the_cursor(window, qtbot):
    edit = focus(window, qtbot, "api")
    actions = window.notes.containers["api"].actions_by_name
    qtbot.keyClicks(edit, "a ")
    qtbot.keyClick(edit, Qt.Key.Key_B, CTRL)
    qtbot.keyClicks(edit, "bold")
    assert actions["bold"].isChecked() and not actions["italic"].isChecked()
    qtbot.keyClick(edit, Qt.Key.Key_Home)
    assert not actions["bold"].isChecked()


def test_pasting_a_code_block_and_a_task_list_from_a_web_page(window, qtbot, clipboard):
    edit = focus(window, qtbot, "deep_dive")
    clipboard(
        "<p>Try this:</p><div class='highlight highlight-source-python'><pre>"
        "<span style='color:#d73a49'>def</span> f():\n    return 1</pre></div>"
        "<ul class='contains-task-list'><li><input type='checkbox' checked disabled> done</li>"
        "<li><input type='checkbox' disabled> open</li></ul>",
        "Try this",
    )
    qtbot.keyClick(edit, Qt.Key.Key_V, CTRL)
    assert edit.to_markdown() == (
        "Try this:\n\n```python\ndef f():\n    return 1\n```\n\n- [x] done\n- [ ] open\n"
    )
