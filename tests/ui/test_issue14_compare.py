"""Issue 14, item 3: the Compare window fits small screens and tells attempts apart."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect

from sdi_desktop.ui.review.compare_dialog import CompareDialog


@pytest.fixture
def store(tmp_path):
    from sdi_desktop.demo.sessions import seed_demo
    from sdi_desktop.storage.store import Store

    with Store.open(tmp_path / "data") as opened:
        seed_demo(opened, 12)
        yield opened


def _same_problem_pair(store):
    sessions = sorted(store.sessions.list(), key=lambda s: s.started_at)
    by_title: dict[str, list] = {}
    for summary in sessions:
        by_title.setdefault(summary.title, []).append(summary)
    pair = next(group for group in by_title.values() if len(group) >= 2)
    return pair[0], pair[1]


def _inside(dialog, widget) -> bool:
    top_left = widget.mapTo(dialog, QPoint(0, 0))
    return dialog.rect().contains(QRect(top_left, widget.size()))


@pytest.mark.parametrize("size", [(1280, 760), (1024, 660)])
def test_item3_compare_fits_the_screen_and_attempts_are_told_apart(store, qtbot, size):
    first, second = _same_problem_pair(store)
    dialog = CompareDialog(store, first.id, second.id)
    qtbot.addWidget(dialog)
    hint = dialog.minimumSizeHint()
    assert hint.width() <= 1000 and hint.height() <= 640, hint
    dialog.resize(*size)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.width() <= size[0] and dialog.height() <= size[1]
    for widget in (*dialog.boards, *dialog.notes, dialog.table, *dialog.choices):
        assert widget.isVisible() and _inside(dialog, widget), widget.objectName()
        assert widget.width() >= 150
    for side in (0, 1):
        picture = dialog.boards[side].pixmap()
        assert not picture.isNull()
        assert picture.width() <= dialog.boards[side].width() + 1
    # The table never scrolls sideways: a long cell wraps within its column, whole.
    table = dialog.table
    assert table.horizontalScrollBar().maximum() == 0
    assert table.horizontalHeader().length() <= table.viewport().width()
    rows = range(table.rowCount())
    qtbot.waitUntil(lambda: all(table.rowHeight(r) >= table.sizeHintForRow(r) for r in rows))
    one_line = table.sizeHintForRow(1)  # "Started": a date and time, short on any screen
    assert table.sizeHintForRow(0) > one_line  # the problem's long title takes two lines
    texts = [dialog.choices[0].itemText(i) for i in range(dialog.choices[0].count())]
    assert len(set(texts)) == len(texts)  # every attempt has its own line
    left, right = dialog.choices[0].currentText(), dialog.choices[1].currentText()
    assert left != right and first.title in left and first.title in right
    hhmm = first.started_at.astimezone().strftime("%H:%M")
    assert hhmm in left
    assert "score" in left or "not assessed" in left
