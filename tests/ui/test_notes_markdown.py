"""The notes' stored form is Markdown: the tests that chose it and keep it faithful."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent, QTextDocument
from PySide6.QtWidgets import QApplication

from sdi_desktop.ui.demo_notes import DEMO_NOTES
from sdi_desktop.ui.notes.markdown_reader import load_markdown
from sdi_desktop.ui.notes.markdown_writer import document_to_markdown
from sdi_desktop.ui.notes_area import NotesArea
from tests.ui.notes_structure import structure

DATA = Path(__file__).parent / "data"
SAMPLE = (DATA / "notes_rich_sample.md").read_text(encoding="utf-8")


def _doc(markdown: str) -> QTextDocument:
    document = QTextDocument()
    load_markdown(document, markdown)
    return document


def test_the_sample_holds_every_element(qapp):
    kinds = {shape[0] for shape in structure(_doc(SAMPLE))}
    assert {"h1", "h2", "h3", "p", "item", "code", "table"} <= kinds
    items = [s for s in structure(_doc(SAMPLE)) if s[0] == "item"]
    assert {(depth, kind) for _, depth, kind, _, _ in items} >= {
        (1, "number"), (2, "bullet"), (3, "number"), (4, "bullet"),
        (1, "bullet"), (2, "number"), (3, "bullet"), (3, "number"),
    }  # fmt: skip
    assert {marker for *_, marker, _ in items} == {"NoMarker", "Checked", "Unchecked"}
    assert ("code", "python", "def shorten(url: str) -> str:") in structure(_doc(SAMPLE))


def test_save_reopen_export_and_read_back_keep_the_structure(qtbot, tmp_path):
    area = NotesArea()
    qtbot.addWidget(area)
    first = area.panes["deep_dive"]
    first.set_markdown(SAMPLE)
    shape = structure(first.document())

    saved = area.to_markdown_dict()  # save
    reopened = NotesArea()
    qtbot.addWidget(reopened)
    reopened.load_markdown_dict(saved)  # reopen
    assert structure(reopened.panes["deep_dive"].document()) == shape

    exported = tmp_path / "notes.md"  # export, then import the file into another pane
    exported.write_text(reopened.panes["deep_dive"].to_markdown(), encoding="utf-8")
    target = reopened.panes["api"]
    target.import_markdown_file(exported)
    assert structure(target.document()) == shape
    assert target.to_markdown() == SAMPLE  # the file reads back to the very same text

    # the session's Markdown export: the pane under "## Deep dive", headings two levels down
    for key in ("requirements", "estimates", "api", "data_model", "wrap_up"):
        reopened.panes[key].set_markdown("")
    exported_session = _doc(reopened.export_markdown())
    shifted = [(f"h{int(s[0][1]) + 2}", *s[1:]) if s[0] in ("h1", "h2", "h3") else s for s in shape]
    title = ("h2", [("Deep dive", False, False, False, False, False, "")])
    assert structure(exported_session) == [title, *shifted]


def test_the_writer_is_a_fixed_point_on_its_own_output(qapp):
    assert document_to_markdown(_doc(SAMPLE)) == SAMPLE
    for text in DEMO_NOTES.values():
        assert document_to_markdown(_doc(text)) == text


def test_html_would_lose_a_code_blocks_language(qapp):
    """Why the stored form is not Qt's HTML (measured with PySide6 6.10.3)."""
    document = QTextDocument()
    document.setHtml(_doc(SAMPLE).toHtml())
    assert not any(s[0] == "code" and s[1] == "python" for s in structure(document))
    assert structure(document) != structure(_doc(SAMPLE))


def test_qt_to_markdown_would_un_nest_a_list_under_a_number(qapp):
    """Why the notes have their own writer (measured with PySide6 6.10.3)."""
    nested = "1. first\n   - under the number\n     - deeper\n"
    document = _doc(nested)
    again = _doc(document.toMarkdown())
    assert structure(again) != structure(document)
    assert structure(_doc(document_to_markdown(document))) == structure(document)


def test_underline_survives_next_to_emphasis_and_links(qapp):
    text = "a **<u>b</u>** [c](https://x.test) <u>`d`</u> `<u>e</u>`\n"
    shape = structure(_doc(text))
    runs = shape[0][1]
    assert ("b", True, False, True, False, False, "") in runs
    assert ("c", False, False, False, False, False, "https://x.test") in runs
    assert ("d", False, False, True, False, True, "") in runs
    assert ("<u>e</u>", False, False, False, False, True, "") in runs
    assert document_to_markdown(_doc(text)) == text


def test_text_that_looks_like_markdown_stays_text(qapp):
    document = QTextDocument()
    document.setPlainText("# not a heading\n- not a list\n1. not numbered\n[x] a*b*c `tick`")
    written = document_to_markdown(document)
    back = _doc(written)
    assert back.toPlainText() == document.toPlainText()
    assert all(s[0] == "p" for s in structure(back))


def test_the_export_of_a_filled_session_matches_the_expected_file(qtbot):
    area = NotesArea()
    qtbot.addWidget(area)
    area.load_markdown_dict(DEMO_NOTES)
    assert area.to_markdown_dict() == DEMO_NOTES
    expected = (DATA / "url_shortener_notes.md").read_text(encoding="utf-8")
    assert area.export_markdown() == expected


def test_dropping_a_markdown_file_imports_it(qtbot, tmp_path):
    area = NotesArea()
    qtbot.addWidget(area)
    area.show()
    qtbot.waitExposed(area)
    path = tmp_path / "dropped.md"
    path.write_text(SAMPLE, encoding="utf-8")
    edit = area.panes["requirements"]
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    assert edit.canInsertFromMimeData(mime)
    viewport = edit.viewport()
    point = QPoint(10, 10)
    buttons, keys = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    for event in (
        QDragEnterEvent(point, Qt.DropAction.CopyAction, mime, buttons, keys),
        QDragMoveEvent(point, Qt.DropAction.CopyAction, mime, buttons, keys),
        QDropEvent(QPointF(point), Qt.DropAction.CopyAction, mime, buttons, keys),
    ):
        QApplication.sendEvent(viewport, event)
    assert structure(edit.document()) == structure(_doc(SAMPLE))


def test_loading_a_long_note_tells_the_layout_once_not_per_block(qtbot):
    """Issue 15 item 6: each repaired block was a change of its own, so the shown pane
    laid the note out again per block (1 MB took 91 s). The repairs are one edit now."""
    from PySide6.QtGui import QAction

    from sdi_desktop.ui.notes.pane import NotesPane

    pane = NotesPane("api", QAction())
    qtbot.addWidget(pane)
    pane.show()
    changes = []
    pane.edit.document().contentsChange.connect(lambda *args: changes.append(args))
    section = "## Part\n\n- a point with `code` and a [link](https://example.org)\n- [ ] a task\n\n"
    section += "```sql\nSELECT 1;\n```\n\n| a | b |\n| --- | --- |\n| 1 | 2 |\n\n"
    pane.edit.set_markdown(section * 300)  # some 3,000 blocks to repair
    assert pane.edit.document().blockCount() > 2000
    assert len(changes) <= 5, len(changes)  # clearing, the parse, the repairs as one edit
    assert pane.edit.document().availableUndoSteps() == 0  # loading is not an edit to undo
    # and the repairs were made: inline code shaded, the list styled, the code block shaded
    block = pane.edit.document().findBlock(pane.edit.toPlainText().index("a point"))
    assert block.textList() is not None
