"""``sdi-desktop screenshots DIR``: render the main views of a demo session to PNG.

The demo lives in a throw-away settings folder, so the user's own data and
window layout are never touched.
"""

from __future__ import annotations

import tempfile
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QApplication, QWidget

from sdi_desktop.demo.board import url_shortener_board
from sdi_desktop.demo.notes import DEMO_NOTES
from sdi_desktop.domain.formats import standard
from sdi_desktop.ui.main_window import MainWindow
from sdi_desktop.ui.problems.new_session_dialog import NewSessionDialog
from sdi_desktop.ui.problems.picker import load_app_library
from sdi_desktop.ui.settings.app_settings import AppSettings
from sdi_desktop.ui.settings.dialog import SettingsDialog
from sdi_desktop.ui.theme import ThemeManager

SIZES = (QSize(1280, 800), QSize(1920, 1080))
DEMO_PROBLEM = "url-shortener"


class DemoTime:
    """A hand-wound clock so the demo shows the same times on every run."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def build_demo_window(data_dir: Path, theme: str = "light") -> tuple[MainWindow, DemoTime]:
    app = QApplication.instance()
    settings = AppSettings(data_dir)
    settings.sound_cue = False
    themes = ThemeManager(app)
    themes.apply(theme)
    demo_time = DemoTime()
    window = MainWindow(settings, themes, data_dir, now=demo_time)
    problem = load_app_library(data_dir).get(DEMO_PROBLEM)
    window.start_session(problem.title, standard(), problem)
    clock = window.session.clock
    clock.start()
    demo_time.now += 2 * 60
    window.session.open_hint("suggested_scale")
    demo_time.now += 3 * 60 + 41  # scope ran 41 s over
    window.refresh()
    for item in (0, 1, 2, 3):
        window.session.checklist.set_checked("scope", item, True)
    clock.next_phase()
    demo_time.now += 12 * 60 + 18
    for item in (0, 1):
        window.session.checklist.set_checked("high_level", item, True)
    window.phase_panel.show_phase(clock.current, window.session.checklist, clock.budget())
    window.notes.load_markdown_dict(DEMO_NOTES)
    window.notes.setCurrentIndex(0)
    window.board.editor.load(url_shortener_board())
    window.refresh()
    window.timeline.stop_flash()
    window.statusBar().clearMessage()
    return window, demo_time


def _grab(widget: QWidget, path: Path) -> Path:
    QApplication.processEvents()  # the notes toolbar is built after the first paint
    QApplication.processEvents()  # and its widgets show on the pass after that
    widget.grab().save(str(path))
    return path


def _panels_hidden(window: MainWindow, path: Path) -> Path:
    """The guidance panel and the palette collapsed: the board's room (issue 14)."""
    window.resize(1280, 800)
    window.panels.guidance.setChecked(False)
    window.panels.palette.setChecked(False)
    QApplication.processEvents()
    window.board.view.zoom_to_fit()
    grabbed = _grab(window, path)
    window.panels.guidance.setChecked(True)
    window.panels.palette.setChecked(True)
    QApplication.processEvents()
    return grabbed


def _notes_panes(window: MainWindow, path: Path) -> Path:
    """Two filled panes side by side: requirements, and the data model."""
    from PySide6.QtGui import QPainter, QPixmap

    notes = window.notes
    window.resize(1920, 760)
    window.splitter.setSizes([290, 960, 670])
    grabs = []
    for key in ("requirements", "data_model"):
        notes.setCurrentWidget(notes.containers[key])
        notes.containers[key].ensure_chrome()
        QApplication.processEvents()
        grabs.append(notes.grab())
    gap = 12
    sheet = QPixmap(sum(g.width() for g in grabs) + gap, max(g.height() for g in grabs))
    sheet.fill(window.palette().window().color())
    painter = QPainter(sheet)
    painter.drawPixmap(0, 0, grabs[0])
    painter.drawPixmap(grabs[0].width() + gap, 0, grabs[1])
    painter.end()
    sheet.save(str(path))
    notes.setCurrentIndex(0)
    return path


def render_screenshots(out_dir: str | Path, data_dir: Path | None = None) -> list[Path]:
    """Write the PNGs into ``out_dir`` and return their paths.

    ``data_dir`` is accepted for symmetry with the other subcommands; the demo
    never writes to it.
    """
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    with tempfile.TemporaryDirectory(prefix="sdi-demo-") as tmp:
        for theme in ("light", "dark"):
            window, _ = build_demo_window(Path(tmp), theme)
            sizes = SIZES if theme == "light" else SIZES[:1]
            for size in sizes:
                window.resize(size)
                window.show()
                QApplication.processEvents()
                QApplication.processEvents()
                window.board.view.zoom_to_fit()
                suffix = "" if theme == "light" else "-dark"
                written.append(
                    _grab(window, out / f"main-{size.width()}x{size.height()}{suffix}.png")
                )
            if theme == "light":
                written.append(_panels_hidden(window, out / "main-1280x800-panels-hidden.png"))
                from sdi_desktop.ui.board.export import export_png

                board_png = out / "board-url-shortener.png"
                export_png(board_png, window.board.scene, scale=1.5)
                written.append(board_png)
                dialog = NewSessionDialog(
                    window, library=load_app_library(Path(tmp)), data_dir=Path(tmp)
                )
                dialog.picker.select_problem(DEMO_PROBLEM)
                dialog.show()
                written.append(_grab(dialog, out / "new-session-dialog.png"))
                dialog.close()
                settings_dialog = SettingsDialog(window.settings, window.themes, window)
                settings_dialog.show()
                written.append(_grab(settings_dialog, out / "settings-dialog.png"))
                settings_dialog.close()
                written.append(_notes_panes(window, out / "notes-panes.png"))
                written.append(_session_library(window, Path(tmp) / "library", out))
                written += _review_views(window, Path(tmp) / "progress", out)
                from sdi_desktop.ui.interviewer.screenshots import interviewer_views

                written += interviewer_views(window, Path(tmp) / "mock", out)
                written += _reference_views(window, out, "")
                from sdi_desktop.ui.presentation.screenshots import render_presentation

                written += render_presentation(window, out)
            else:
                written.append(_dashboard(window, Path(tmp) / "progress", out, "-dark"))
                written += _reference_views(window, out, "-dark")
            from sdi_desktop.ui.design_review.screenshot import design_review_shot

            written.append(design_review_shot(window, out / f"design-review{suffix}.png"))
            from sdi_desktop.ui.estimation.screens import render as estimation_views

            written += estimation_views(window, out, "" if theme == "light" else "-dark")
            window.hide()
            window.deleteLater()
        QApplication.processEvents()
    return written


DEMO_SESSIONS = (
    ("Design a URL shortener", "url-shortener", (290, 1310, 840, 310), 3),
    ("Design a rate limiter", "rate-limiter", (340, 1150, 1020, 280), 12),
    ("Design a chat system", "chat-system", (410, 1480, 960, 330), 25),
    ("URL shortener, second try", "url-shortener", (300, 1190, 870, 290), 40),
    ("Design a news feed", "news-feed", (280, 1020, 600, 0), 55),
    ("My own: design a photo backup", None, (330, 900, 480, 200), 71),
)


def _session_library(window: MainWindow, data_dir: Path, out: Path) -> Path:
    """A few finished sessions in a throw-away store, shown in the library."""
    from datetime import UTC, datetime, timedelta

    from sdi_desktop.domain.formats import standard
    from sdi_desktop.domain.record import SessionRecord
    from sdi_desktop.storage.store import Store
    from sdi_desktop.ui.library.session_library import SessionLibrary

    library = load_app_library(data_dir)
    now = datetime(2026, 11, 24, 18, 0, tzinfo=UTC)
    with Store.open(data_dir) as store:
        for title, problem_id, spent, hours_ago in DEMO_SESSIONS:
            problem = library.get(problem_id) if problem_id else None
            started = now - timedelta(hours=hours_ago * 6)
            store.sessions.create(
                SessionRecord(
                    title=title,
                    problem_id=problem_id,
                    problem_title=problem.title if problem else "",
                    format=standard(),
                    clock={
                        "format": standard().to_dict(),
                        "spent": list(spent),
                        "current": 3,
                        "state": "finished",
                    },
                    status="finished" if spent[3] else "active",
                    started_at=started,
                    ended_at=started + timedelta(seconds=sum(spent)),
                )
            )
        dialog = SessionLibrary(store, window)
        dialog.resize(1000, 420)
        dialog.show()
        path = _grab(dialog, out / "session-library.png")
        dialog.close()
    return path


DEMO_END = datetime(2026, 11, 24, 18, 0, tzinfo=UTC)


def _demo_store(data_dir: Path):
    """A throw-away store with 50 generated sessions (made once per run)."""
    from sdi_desktop.demo.sessions import seed_demo
    from sdi_desktop.storage.store import Store

    fresh = not (data_dir / "sdi-desktop.db").exists()
    store = Store.open(data_dir)
    if fresh:
        seed_demo(store, 50, end=DEMO_END)
    return store


def _review_views(window: MainWindow, data_dir: Path, out: Path) -> list[Path]:
    """The self-assessment, a comparison of two attempts, and the dashboard."""
    from sdi_desktop.domain.rubric import Assessment
    from sdi_desktop.ui.review.compare_dialog import CompareDialog
    from sdi_desktop.ui.review.rubric_dialog import RubricDialog

    library = load_app_library(data_dir)
    written = []
    with _demo_store(data_dir) as store:
        sessions = sorted(store.sessions.list(), key=lambda s: s.started_at)
        latest = store.sessions.get(sessions[-1].id)
        problem = library.get(latest.problem_id)
        assessment = Assessment.from_dict(store.sessions.get_assessment(latest.id))
        rubric = RubricDialog(latest, list(problem.reviewer_points), assessment, window)
        rubric.resize(1180, 900)
        rubric.show()
        written.append(_grab(rubric, out / "rubric.png"))
        rubric.close()

        same = [s for s in sessions if s.problem_id == latest.problem_id]
        first = same[0] if len(same) > 1 else sessions[0]
        compare = CompareDialog(store, first.id, latest.id, window)
        compare.pane_choice.setCurrentIndex(compare.pane_choice.findData("deep_dive"))
        compare.resize(1280, 760)  # it fits a laptop screen (issue 14)
        compare.show()
        written.append(_grab(compare, out / "compare.png"))
        compare.close()
    written.append(_dashboard(window, data_dir, out, ""))
    return written


def _dashboard(window: MainWindow, data_dir: Path, out: Path, suffix: str) -> Path:
    from sdi_desktop.cli.stats import problem_catalogue
    from sdi_desktop.ui.review.dashboard import ProgressDashboard

    titles, tags = problem_catalogue(data_dir)
    with _demo_store(data_dir) as store:
        entries = store.sessions.progress_entries(tags)
    known = sorted({t for ts in tags.values() for t in ts})
    dashboard = ProgressDashboard(
        entries, titles, known, DEMO_END.date(), UTC, window.themes.colors.dark, window
    )
    dashboard.setWindowFlag(Qt.WindowType.Window)
    dashboard.resize(1500, 980)
    dashboard.show()
    dashboard.charts["scores"].plot.setFocus()
    path = _grab(dashboard, out / f"dashboard{suffix}.png")
    dashboard.close()
    return path


def _reference_views(window: MainWindow, out: Path, suffix: str) -> list[Path]:
    """The reference answer after Finish: the comparison (and, light, the requirements)."""
    from sdi_desktop.domain.reference.follow_ups import AskedQuestion, FollowUpLog

    problem = window.session.problem
    asked = AskedQuestion(1, problem.follow_up_questions[1], "deep_dive", 28 * 60 + 30)
    window.reference.set_log(FollowUpLog([asked]))
    window.session.clock.finish()
    panel = window.reference.show_panel()
    panel.resize(1500, 940)
    QApplication.processEvents()
    written = [_grab(panel, out / f"reference-comparison{suffix}.png")]
    if not suffix:
        panel.show_tab("Requirements")
        written.append(_grab(panel, out / "reference-requirements.png"))
    panel.close()
    return written
