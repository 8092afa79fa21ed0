"""The candidate's window never shows interviewer material unless it was handed over:
every widget, text, tooltip, title, list item, text edit, action and the board of the
candidate's window is read while the interviewer's window is open."""

from __future__ import annotations

import json
import re

from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QMainWindow,
    QPlainTextEdit,
    QTableWidget,
    QTabWidget,
    QTextEdit,
    QTreeWidget,
    QWidget,
)

from sdi_desktop.domain.mock import material
from sdi_desktop.domain.reference.markdown import reference_markdown_lines


def _texts_of(widget: QWidget) -> list[str]:
    texts = [widget.windowTitle(), widget.toolTip(), widget.accessibleName()]
    texts += [widget.accessibleDescription(), widget.statusTip(), widget.whatsThis()]
    if isinstance(widget, QLabel | QAbstractButton | QLineEdit):
        texts.append(widget.text())
    if isinstance(widget, QLineEdit):
        texts.append(widget.placeholderText())
    if isinstance(widget, QTextEdit):
        texts += [widget.toPlainText(), widget.toHtml()]
    if isinstance(widget, QPlainTextEdit):
        texts.append(widget.toPlainText())
    if isinstance(widget, QListWidget):
        for i in range(widget.count()):
            texts += [widget.item(i).text(), widget.item(i).toolTip()]
    if isinstance(widget, QTableWidget):
        for r in range(widget.rowCount()):
            for c in range(widget.columnCount()):
                item = widget.item(r, c)
                if item is not None:
                    texts += [item.text(), item.toolTip()]
    if isinstance(widget, QTreeWidget):
        for i in range(widget.topLevelItemCount()):
            texts.append(widget.topLevelItem(i).text(0))
    if isinstance(widget, QComboBox):
        texts += [widget.itemText(i) for i in range(widget.count())]
    if isinstance(widget, QTabWidget):
        for i in range(widget.count()):
            texts += [widget.tabText(i), widget.tabToolTip(i)]
    for action in widget.actions():
        texts += [action.text(), action.toolTip(), action.statusTip()]
    return [t for t in texts if t]


def candidate_texts(window: QMainWindow) -> str:
    widgets = [window, *window.findChildren(QWidget)]
    texts = [t for w in widgets for t in _texts_of(w)]
    texts.append(window.statusBar().currentMessage())
    texts.append(json.dumps([e.to_dict() for e in window.board.editor.document]))
    texts += [item.toolTip() for item in window.board.editor.scene.items()]
    return "\n".join(texts)


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().lower()


def _reference_lines(problem) -> list[str]:
    lines = [re.sub(r"[*`#|>_-]+", " ", line) for line in reference_markdown_lines(problem)]
    return [_norm(line) for line in lines if len(_norm(line)) > 40]


def test_no_unrevealed_interviewer_material_in_the_candidate_window(open_app, qtbot):
    window = open_app()
    problem = window.problem("url-shortener")
    window.start_session("Mock", window.session.format, problem)
    window.session.clock.start()
    window.mock.open_view()
    qtbot.waitExposed(window.mock.view)
    answers = [a for _q, a in material.answers(problem)]
    hints = material.hint_ladder(problem)
    figures = material.scale_figures(problem)
    reference = _reference_lines(problem)
    assert answers and hints and figures and reference

    def leaked() -> list[str]:
        seen = _norm(candidate_texts(window))
        secrets = answers + hints + figures
        found = [s for s in secrets if _norm(s) in seen and not window.mock.log.revealed_text(s)]
        return found + [line for line in reference if line in seen]

    assert leaked() == []
    # the candidate's own hint buttons are the interviewer's to give in a mock
    assert not window.hint_panel.reveal("suggested_scale")
    assert leaked() == []
    # handing one figure and one hint over shows those, and nothing else
    window.mock.reveal("scale", 0)
    window.mock.reveal("answer", 2)
    window.mock.give_hint()
    seen = _norm(candidate_texts(window))
    assert _norm(figures[0]) in seen and _norm(answers[2]) in seen and _norm(hints[0]) in seen
    assert leaked() == []
    # the interviewer's reference, opened in their window, stays there
    window.mock.view.tabs.setCurrentIndex(4)
    window.mock.view.findChild(QAbstractButton, "interviewerShowReference").click()
    assert window.mock.view.reference_panel is not None
    assert leaked() == []
    # remarks stay with the interviewer until review
    window.mock.add_remark("Forgot the expiry of links entirely")
    assert "forgot the expiry" not in _norm(candidate_texts(window))
    assert window.timeline.marker_points() == []
