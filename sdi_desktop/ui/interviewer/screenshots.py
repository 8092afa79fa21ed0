"""Screenshots of a mock with a peer, for ``sdi-desktop screenshots`` (docs/screenshots):
the interviewer's window (prompt and answers, hints, rubric), the candidate's window
with what was handed over, and the review with the remarks and both assessments."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication

from sdi_desktop.domain.mock.log import Feedback


def _grab(widget, path: Path) -> Path:
    QApplication.processEvents()
    QApplication.processEvents()
    widget.grab().save(str(path))
    return path


def interviewer_views(window, data_dir: Path, out: Path) -> list[Path]:
    from sdi_desktop.ui.interviewer.mock import MockController
    from sdi_desktop.ui.interviewer.review_panel import MockReviewPanel
    from sdi_desktop.ui.session.controller import SessionController

    controller = SessionController(window, data_dir)  # never started: nothing is stored
    mock = MockController(window, controller)
    mock.log.candidate, mock.log.interviewer = "Ada", "Grace"
    mock.log.add("answer", 0, mock_answer(window, 0), 0, 70.0, 70.0)
    mock.log.add("scale", 0, mock_figure(window, 0), 0, 150.0, 150.0)
    mock.log.add("scale", 1, mock_figure(window, 1), 0, 165.0, 165.0)
    mock.log.add("remark", -1, "Asked for the read/write ratio before anything else", 0, 95, 95)
    mock.give_hint()
    mock.add_remark("Drew the cache only after the database was in place")
    view = mock.open_view()
    view.load_feedback(
        Feedback(
            "02:30 asked for the ratio; 14:10 put the cache in front of the database.",
            {"scoping": 3, "high_level": 3},
            {"scoping": "Asked for the numbers, did not estimate them"},
        )
    )
    view.resize(900, 780)
    written = [_grab(view, out / "interviewer-view.png")]
    view.tabs.setCurrentIndex(2)
    written.append(_grab(view, out / "interviewer-hints.png"))
    view.tabs.setCurrentIndex(view.tabs.count() - 1)
    written.append(_grab(view, out / "interviewer-rubric.png"))
    mock.close_view()
    window.board.view.zoom_to_fit()
    written.append(_grab(window, out / "main-mock-candidate.png"))
    written += _curtain_views(window, mock, out)
    # review: the remarks on the timeline and the two assessments side by side
    window.timeline.set_markers([(e.phase, e.in_phase, e.text) for e in mock.log.remarks])
    panel = MockReviewPanel()
    window.side_splitter.addWidget(panel)
    own = {"scores": {"scoping": 4, "high_level": 3, "deep_dive": 2, "time": 2}}
    others = {
        "Grace": {
            "scores": {"scoping": 3, "high_level": 3, "deep_dive": 2, "time": 3},
            "facts": view.feedback.feedback().facts,
            "notes": {"scoping": "Asked for the numbers, did not estimate them"},
        }
    }
    panel.show_mock(mock.log, own, others)
    if mock.candidate_panel is not None:
        mock.candidate_panel.hide()
    written.append(_grab(window, out / "main-mock-review.png"))
    window.timeline.set_markers([])
    panel.hide()
    panel.deleteLater()
    return written


def _curtain_views(window, mock, out: Path) -> list[Path]:
    """One screen: the dock behind its curtain, closed and (deliberately) opened."""
    mock.curtain_action.trigger()
    dock = mock.curtain
    written = [_grab(window, out / "interviewer-curtain.png")]
    dock.open_curtain()
    written.append(_grab(window, out / "interviewer-curtain-open.png"))
    dock.close_curtain()
    dock.hide()
    return written


def mock_answer(window, index: int) -> str:
    from sdi_desktop.domain.mock import material

    return material.answers(window.session.problem)[index][1]


def mock_figure(window, index: int) -> str:
    from sdi_desktop.domain.mock import material

    return material.scale_figures(window.session.problem)[index]
