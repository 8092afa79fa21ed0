"""The pane's stored form after any edits is what the whole writer makes of the document,
although only the changed blocks are written again (``ui/notes/markdown_cache.py``)."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from sdi_desktop.domain.edit_gate import EditGate, SessionMode
from sdi_desktop.ui.notes import formatting
from sdi_desktop.ui.notes.markdown_writer import document_to_markdown
from sdi_desktop.ui.notes.rich_text_edit import RichTextEdit

NOTES = """# Hot keys

A few links get **most** of the clicks, *so* one node takes the heat.

1. Replicate hot keys
   - copy the top codes
     - refresh each minute
2. Add a local cache
   - [x] bounded LRU
   - [ ] measure the hit rate

| Option | Latency |
| --- | --- |
| replicate | low |
| local LRU | lowest |

```python
def lookup(code):
    return cache.get(code)
```

3. A list that goes on after the code
4. and ends here

## Decision

- bullets again
- and a `code span`
"""


def _select(edit: RichTextEdit, start: int, length: int) -> None:
    last = edit.document().characterCount() - 1
    cursor = edit.textCursor()
    cursor.setPosition(min(start, last))
    cursor.setPosition(min(start + length, last), QTextCursor.MoveMode.KeepAnchor)
    edit.setTextCursor(cursor)


def _type(edit, text):
    edit.textCursor().insertText(text)


def _enter(edit):
    edit.textCursor().insertBlock()


PASTED = "- pasted\n- items\n\n| a | b |\n| --- | --- |\n| 1 | 2 |\n"

EDITS = {
    "type": lambda edit: _type(edit, "x y"),
    "type_star": lambda edit: _type(edit, "*"),
    "enter": _enter,
    "delete": lambda edit: edit.textCursor().removeSelectedText(),
    "bold": formatting.toggle_bold,
    "bullets": lambda edit: formatting.toggle_list(edit, "bullet"),
    "numbers": lambda edit: formatting.toggle_list(edit, "number"),
    "checks": lambda edit: formatting.toggle_list(edit, "check"),
    "indent": lambda edit: formatting.change_list_depth(edit, 1),
    "outdent": lambda edit: formatting.change_list_depth(edit, -1),
    "heading": lambda edit: formatting.set_heading(edit, 2),
    "body": lambda edit: formatting.set_heading(edit, 0),
    "code_block": formatting.toggle_code_block,
    "add_row": formatting.add_row,
    "table": formatting.insert_table,
    "paste": lambda edit: edit.insert_markdown(PASTED),
    "undo": lambda edit: edit.document().undo(),
    "redo": lambda edit: edit.document().redo(),
}
EDIT = st.tuples(st.sampled_from(sorted(EDITS)), st.integers(0, 2800), st.integers(0, 60))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(1, 4), st.lists(EDIT, min_size=1, max_size=12))
def test_the_stored_form_after_any_edits_is_the_whole_writers(qapp, copies, edits):
    """Saved between edits, as autosave does: each time only from the first change on."""
    edit = RichTextEdit()
    edit.set_markdown(NOTES * copies)
    assert edit.to_markdown() == document_to_markdown(edit.document())
    for name, start, length in edits:
        _select(edit, start, length)
        EDITS[name](edit)
        assert edit.to_markdown() == document_to_markdown(edit.document()), name
    edit.deleteLater()


def test_a_keystroke_writes_only_its_own_block_again(qapp):
    edit = RichTextEdit()
    edit.set_markdown(NOTES * 20)
    edit.to_markdown()
    cache = edit._markdown_cache
    assert cache.written > 200  # the first call writes everything

    _select(edit, edit.document().characterCount() // 2, 0)
    _type(edit, "k")
    assert edit.to_markdown() == document_to_markdown(edit.document())
    assert cache.written == 1

    edit.document().undo()
    assert edit.to_markdown() == document_to_markdown(edit.document())
    assert cache.written == 1

    _select(edit, edit.document().characterCount() - 1, 0)  # at the end, where one writes
    _type(edit, "k")
    assert edit.to_markdown() == document_to_markdown(edit.document())
    assert cache.written == 1 and cache.walked <= 2  # what comes before is not even visited
    edit.deleteLater()


def test_a_new_item_in_a_numbered_list_renumbers_the_items_after_it(qapp):
    edit = RichTextEdit()
    edit.set_markdown("1. one\n2. two\n3. three\n\nafter\n")
    edit.to_markdown()
    cursor = edit.textCursor()
    cursor.setPosition(edit.document().findBlockByNumber(0).position() + 3)
    edit.setTextCursor(cursor)
    _enter(edit)
    _type(edit, "one and a half")
    assert edit.to_markdown() == "1. one\n2. one and a half\n3. two\n4. three\n\nafter\n"


def test_loading_other_notes_forgets_what_was_written(qapp):
    edit = RichTextEdit()
    edit.set_markdown(NOTES)
    edit.to_markdown()
    edit.set_markdown("# Other\n\n- notes\n")
    assert edit.to_markdown() == "# Other\n\n- notes\n"
    edit.set_markdown("")
    assert edit.to_markdown() == ""


def test_notes_just_loaded_are_written_while_idle_not_at_the_first_save(qapp, qtbot):
    edit = RichTextEdit()
    edit.set_markdown(NOTES * 20)
    qtbot.waitUntil(lambda: edit._markdown_cache is not None)
    _select(edit, edit.document().characterCount() // 3, 0)
    _type(edit, "k")
    assert edit.to_markdown() == document_to_markdown(edit.document())
    assert edit._markdown_cache.written == 1
    edit.deleteLater()


def test_autosave_stores_every_key_typed_into_long_notes(open_app, qtbot):
    window = open_app()
    store = window.persistence.store

    def stored() -> str | None:
        session_id = window.persistence.session_id
        return None if session_id is None else store.sessions.get(session_id).notes["api"]

    pane = window.notes.panes["api"]
    pane.set_markdown(NOTES * 5)
    qtbot.waitUntil(lambda: stored() == document_to_markdown(pane.document()), timeout=3000)
    pane.setFocus()
    for where in (0.5, 0.2, 0.9):
        cursor = pane.textCursor()
        cursor.setPosition(int(pane.document().characterCount() * where))
        pane.setTextCursor(cursor)
        qtbot.keyClicks(pane, "typed here")
        qtbot.keyClick(pane, Qt.Key.Key_Return)
        qtbot.keyClicks(pane, "and *on*")
        qtbot.waitUntil(lambda: stored() == document_to_markdown(pane.document()), timeout=3000)
    assert stored().count("typed here") == 3


def test_notes_shown_in_review_are_not_written_while_idle(qapp, qtbot):
    """Review saves nothing, and its replay loads the panes at every step."""
    gate = EditGate()
    gate.set_mode(SessionMode.REVIEW)
    review, editing = RichTextEdit(), RichTextEdit()
    review.follow_gate(gate)
    review.set_markdown(NOTES)
    editing.set_markdown(NOTES)
    qtbot.waitUntil(lambda: editing._markdown_cache is not None)
    assert review._markdown_cache is None
    assert review.to_markdown() == document_to_markdown(review.document())


def test_a_very_long_note_is_not_written_again_right_after_its_load(qapp, qtbot, monkeypatch):
    """Its load already froze the window: the first save writes it instead."""
    from sdi_desktop.ui.notes import rich_text_edit

    monkeypatch.setattr(rich_text_edit, "PREWRITE_MAX_CHARACTERS", len(NOTES) * 2)
    short, long = RichTextEdit(), RichTextEdit()
    short.set_markdown(NOTES)
    long.set_markdown(NOTES * 20)
    qtbot.waitUntil(lambda: short._markdown_cache is not None)
    assert long._markdown_cache is None
    assert long.to_markdown() == document_to_markdown(long.document())
