"""'Intended' survives a restart: stored with the session in ``SessionRecord.extras``
(the part ``design_review``, ``ui/session/feature_parts.py``)."""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QAction

from sdi_desktop.ui.design_review.panel import DesignReviewPanel


def _open_review(qtbot, window) -> DesignReviewPanel:
    window.findChild(QAction, "actionDesignReview").trigger()
    panel = window.findChild(DesignReviewPanel, "designReviewPanel")
    qtbot.waitUntil(lambda: panel.isVisible() and bool(panel.rows()))
    return panel


def test_intended_survives_a_restart(open_app, qtbot, tmp_path):
    window = open_app()
    editor = window.board.editor
    client = editor.add_component("client", QPointF(0, 0), "Browser")
    db = editor.add_component("sql_db", QPointF(400, 0), "Orders DB")
    editor.connect(client, db)
    panel = _open_review(qtbot, window)
    finding = next(f for _g, f in panel.rows() if f.rule == "client-to-database")
    panel.select(finding)
    qtbot.mouseClick(panel.intended_button, Qt.MouseButton.LeftButton)
    assert ("Marked intended", finding) in panel.rows()
    window.findChild(QAction, "actionSave").trigger()
    window.close()

    again = open_app(tmp_path / "data")  # resumes the session
    panel = _open_review(qtbot, again)
    rows = panel.rows()
    assert any(g == "Marked intended" and f.rule == "client-to-database" for g, f in rows)
    assert not any(g == "Problems" for g, _f in rows)
