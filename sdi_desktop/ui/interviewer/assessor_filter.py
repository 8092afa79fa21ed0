"""The progress dashboard's "Assessed by" filter: the scores of the candidate's own
rubric (Self), or of one interviewer, over the sessions they assessed."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import QComboBox, QLabel

from sdi_desktop.domain.progress import ProgressEntry


def add_assessor_filter(dashboard, entries: list[ProgressEntry], by_assessor: dict) -> QComboBox:
    """``by_assessor``: assessor -> session id -> scores (``assessors.scores_by_assessor``)."""
    combo = QComboBox()
    combo.setObjectName("dashboardAssessor")
    combo.setToolTip("Whose scores the charts show: your own, or an interviewer's")
    combo.addItem("Self", None)
    for name in sorted(by_assessor):
        combo.addItem(name, name)
    views = {None: entries}
    for name, scores in by_assessor.items():
        views[name] = [replace(e, scores=dict(scores[e.id])) for e in entries if e.id in scores]
    combo.currentIndexChanged.connect(lambda _i: dashboard.set_entries(views[combo.currentData()]))
    bar = dashboard.filter_bar
    stretch = next(i for i in range(bar.count()) if bar.itemAt(i).spacerItem() is not None)
    bar.insertWidget(stretch, combo)
    bar.insertWidget(stretch, QLabel("Assessed by"))
    dashboard.assessor_filter = combo
    return combo
