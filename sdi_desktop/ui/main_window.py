"""The main window: timeline and timer on top, guidance, whiteboard and notes below.

Started by launch(), it paints its first frame with the menus, the toolbar and the top
bar (title, timeline, timer) only; ``build_workspace()`` then builds the three columns
below (guidance, whiteboard, notes) and the status bar before the user can act.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMenu,
    QSplitter,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from sdi_desktop import APP_NAME, __version__
from sdi_desktop.domain.clock import ClockState, OvertimeMonitor, TimeSource, format_duration
from sdi_desktop.domain.edit_gate import EditGate
from sdi_desktop.domain.formats import InterviewFormat
from sdi_desktop.domain.phases import PHASES
from sdi_desktop.domain.session import InterviewSession
from sdi_desktop.ui.interview.timeline import PhaseTimeline
from sdi_desktop.ui.interview.timer_display import TimerDisplay
from sdi_desktop.ui.settings.app_settings import AppSettings
from sdi_desktop.ui.theme import Colors, ThemeManager

if TYPE_CHECKING:  # annotations only: the first paint need not wait on them
    from PySide6.QtGui import QCloseEvent, QKeyEvent

    from sdi_desktop.ui.interview.phase_panel import PhaseChecklistPanel

TICK_MS = 200


class MainWindow(QMainWindow):
    overtimeCue = Signal(int)  # emitted once per phase when it first runs over budget
    workspaceReady = Signal()  # the whiteboard and notes exist
    phaseChanged = Signal(int, int)  # (phase left, phase entered) within one session
    aboutToReplaceSession = Signal()  # before New Session or opening another one
    closing = Signal()  # the window is closing: save what is unsaved
    sessionChanged = Signal()
    sessionFinished = Signal()  # Finish Session: the clock has just stopped for good
    aboutToPickProblem = Signal()  # New Session is about to show the problem picker

    def __init__(
        self,
        settings: AppSettings,
        themes: ThemeManager,
        data_dir: Path,
        now: TimeSource = time.monotonic,
        defer_workspace: bool = False,
    ) -> None:
        """``defer_workspace``: leave the guidance, the whiteboard and the notes for
        ``build_workspace()``, so that launch() can paint the window first."""
        super().__init__()
        self.setObjectName("mainWindow")
        self.settings = settings
        self.themes = themes
        self.data_dir = Path(data_dir)
        self._now = now
        self.session = InterviewSession(now=now)
        self._monitor = OvertimeMonitor()
        self._shown_phase = -1
        # May the open session change now? The session controller alone sets its mode
        # (review: read-only); the board, the notes and the panels ask it before any edit.
        self._gate = EditGate()
        self._gate.refused.connect(lambda text: self.statusBar().showMessage(text, 6000))
        self._controller = None  # the SessionController, once attach_sessions() ran
        self._library = None  # the problem library, loaded when first needed

        self._build_widgets()
        self._build_actions()
        self._tick = QTimer(self)
        self._tick.setInterval(TICK_MS)
        self._tick.timeout.connect(self.refresh)
        themes.on_change(self._apply_colors)
        self._apply_colors(themes.colors)
        self._restore_window_state()
        self._attach_session(self.session)
        if not defer_workspace:
            self.build_workspace()

    # -- construction ----------------------------------------------------------------
    def _build_widgets(self) -> None:
        self.timeline = PhaseTimeline()
        self.timeline.phaseClicked.connect(self.jump_to_phase)
        self.timer_display = TimerDisplay()
        self.title_label = QLabel()
        self.title_label.setObjectName("sessionTitleLabel")
        font = self.title_label.font()
        font.setBold(True)
        self.title_label.setFont(font)

        top = QWidget()
        top.setObjectName("topBar")
        top_layout = QHBoxLayout(top)
        top_layout.setContentsMargins(10, 8, 10, 6)
        left = QVBoxLayout()
        left.setSpacing(4)
        left.addWidget(self.title_label)
        left.addWidget(self.timeline)
        self._title_column = left
        # Built by _show_problem when a session first has a problem or a prompt.
        self.prompt_label = None
        self.hint_panel = None
        top_layout.addLayout(left, 1)
        top_layout.addWidget(self.timer_display, 0)

        # The guidance column arrives with build_workspace(): building and laying out its
        # wrapped labels and check boxes cost the first paint 6-8 ms (of some 100).
        self.phase_panel: PhaseChecklistPanel | None = None
        side = QSplitter(Qt.Orientation.Vertical)
        side.setObjectName("sideSplitter")
        side.addWidget(QWidget())  # its slot
        side.setChildrenCollapsible(False)
        if not self.settings.guidance_visible:
            side.hide()  # hidden by the user: not even in the first frame
        self.side_splitter = side
        self.board = None  # the whiteboard and notes arrive with build_workspace()
        self.notes = None
        self.whiteboard = None
        self.first_paint_at: float | None = None  # time.time() of the first frame
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(side)
        self.splitter.addWidget(QWidget())  # slots, filled by build_workspace()
        self.splitter.addWidget(QWidget())
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setStretchFactor(2, 1)
        self.splitter.setSizes([270, 640, 370])
        self.splitter.setChildrenCollapsible(False)

        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(top)
        layout.addWidget(self.splitter, 1)
        self.setCentralWidget(central)
        # The status bar (empty at the start) comes with the workspace too: with its size
        # grip it cost the first paint 2-3 ms.

    def new_action(
        self, name: str, text: str, shortcuts: list[str] | QKeySequence.StandardKey | None, slot
    ) -> QAction:
        """A window-wide action: its shortcuts shown in its tooltip, ``slot`` on trigger."""
        # Not QAction(text, self): PySide would make QIcon's type for that overload, 1 ms
        # of the first paint.
        action = QAction(self)
        action.setText(text)
        action.setObjectName(name)
        if isinstance(shortcuts, QKeySequence.StandardKey):
            action.setShortcuts(shortcuts)
        elif shortcuts:
            action.setShortcuts([QKeySequence(s) for s in shortcuts])
        keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        if keys:
            action.setToolTip(f"{text.replace('&', '').rstrip('…')} ({keys})")
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        a = self.new_action
        self.action_new = a("actionNewSession", "&New Session…", ["Ctrl+N"], self.new_session)
        # Space must not be a window-wide shortcut: that would fire before the focused
        # widget sees the key, stealing it from check boxes, lists and the canvas.
        # keyPressEvent below gets Space only when the focused widget did not use it;
        # the widget-scoped shortcut here just makes menus show "Space".
        self.action_start_pause = a("actionStartPause", "&Start", ["Space"], self.toggle_clock)
        self.action_start_pause.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.action_previous = a(
            "actionPreviousPhase", "&Previous Phase", ["Ctrl+Left"], self.previous_phase
        )
        self.action_next = a("actionNextPhase", "&Next Phase", ["Ctrl+Right"], self.next_phase)
        self.action_finish = a(
            "actionFinishSession", "&Finish Session", ["Ctrl+Shift+Return"], self.finish_session
        )
        self.action_settings = a("actionSettings", "Se&ttings…", ["Ctrl+,"], self.open_settings)
        self.action_quit = a("actionQuit", "&Quit", QKeySequence.StandardKey.Quit, self.close)
        self.action_about = a("actionAbout", f"&About {APP_NAME}", None, self.show_about)

        menu = self.menuBar()
        file_menu = menu.addMenu("&File")
        file_menu.addAction(self.action_new)
        file_menu.addSeparator()
        file_menu.addAction(self.action_settings)
        file_menu.addSeparator()
        file_menu.addAction(self.action_quit)
        self._file_menu = file_menu
        session_menu = menu.addMenu("&Session")
        self._session_menu = session_menu
        for action in (self.action_start_pause, self.action_previous, self.action_next):
            session_menu.addAction(action)
        session_menu.addSeparator()
        session_menu.addAction(self.action_finish)
        help_menu = menu.addMenu("&Help")
        help_menu.addAction(self.action_about)

        toolbar = QToolBar("Session")
        toolbar.setObjectName("sessionToolbar")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for action in (
            self.action_new,
            None,
            self.action_start_pause,
            self.action_previous,
            self.action_next,
            self.action_finish,
        ):
            if action is None:
                toolbar.addSeparator()
            else:
                toolbar.addAction(action)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, toolbar)
        self.toolbar = toolbar

    def add_session_actions(self, actions: list) -> None:
        """Put actions into the Session menu, after Finish Session."""
        for action in actions:
            self._session_menu.addAction(action)

    def add_file_actions(self, actions: list) -> None:
        """Put actions into the File menu, after New Session."""
        anchor = self._file_menu.actions()[1] if len(self._file_menu.actions()) > 1 else None
        for action in actions:
            self._file_menu.insertAction(anchor, action)

    def build_workspace(self) -> None:
        """Create the guidance column, the whiteboard and the notes panes, with their menus.

        Kept apart so that launch() can paint the window before importing and
        building them (about half of start-up)."""
        if self.board is not None:
            return
        self._build_guidance()
        status = self.statusBar()
        status.setObjectName("statusBar")
        status.show()  # now, not at the next turn of the event loop
        from sdi_desktop.ui.board.board_widget import BoardWidget
        from sdi_desktop.ui.notes.notes_area import NotesArea

        self.board = BoardWidget()
        self.board.message.connect(lambda text: self.statusBar().showMessage(text, 6000))
        self.whiteboard = self.board.view
        self.board.set_gate(self._gate)
        self.notes = NotesArea()
        self.notes.follow_gate(self._gate)
        self.notes.follow_action.setChecked(self.settings.notes_follow_phase)
        self.notes.follow_action.toggled.connect(self._remember_notes_follow)
        for index, widget in ((1, self.board), (2, self.notes)):
            self.splitter.replaceWidget(index, widget).deleteLater()
        self._build_board_menus()
        from sdi_desktop.ui.workspace.panels import PanelToggles

        self.panels = PanelToggles(self)  # the side panels collapse (View menu, toolbar)
        self.board.set_dark(self.themes.colors.dark, icons=self.isVisible())
        self.notes.show_phase(PHASES[self.session.clock.current].key)
        from sdi_desktop.ui.reference.controller import ReferenceController

        self.reference = ReferenceController(self)  # actionRevealReference, follow-ups
        from sdi_desktop.ui.design_review.review import install

        self.design_review = install(self)
        from sdi_desktop.ui.presentation.mode import PresentationMode

        self.presentation = PresentationMode(self)  # actionPresentationMode, laser, spotlight
        self.workspaceReady.emit()

    def _build_guidance(self) -> None:
        """The phase's purpose, checklist and tips, with the estimation tools."""
        from sdi_desktop.ui.estimation.hooks import install as install_estimation
        from sdi_desktop.ui.interview.phase_panel import PhaseChecklistPanel

        self.phase_panel = PhaseChecklistPanel()
        self.phase_panel.gate = self._gate
        clock = self.session.clock
        self.phase_panel.show_phase(clock.current, self.session.checklist, clock.budget())
        install_estimation(self)  # window.estimation: calculator and numbers card
        # Filled before it goes on screen, so that it shows whole, at once.
        self.side_splitter.replaceWidget(0, self.phase_panel).deleteLater()

    def _build_board_menus(self) -> None:
        b = self.board.action
        self._file_menu.insertAction(self._file_menu.actions()[1], b("actionExport"))
        self._file_menu.insertAction(b("actionExport"), b("actionImportBoard"))
        menu = self.menuBar()
        before = self._session_menu.menuAction()
        edit_menu = QMenu("&Edit", self)
        for name in (
            "actionUndo",
            "actionRedo",
            None,
            "actionCut",
            "actionCopy",
            "actionPaste",
            "actionDuplicate",
            "actionDelete",
            None,
            "actionSelectAll",
            "actionCopyImage",
        ):
            edit_menu.addSeparator() if name is None else edit_menu.addAction(b(name))
        board_menu = QMenu("&Board", self)
        board_menu.addAction(b("actionQuickAdd"))
        tools_menu = board_menu.addMenu("&Tools")
        for name in ("select", "connect", "pen", "eraser", "text", "zone"):
            tools_menu.addAction(b(f"tool_{name}"))
        board_menu.addMenu(self.board.arrange_menu(board_menu))
        board_menu.addAction(b("actionSnapToGrid"))
        board_menu.addSeparator()
        for name in ("actionZoomIn", "actionZoomOut", "actionZoomFit"):
            board_menu.addAction(b(name))
        menu.insertMenu(before, edit_menu)
        menu.insertMenu(before, board_menu)

    # -- the session's owner and what it asks of the window ---------------------------------
    def attach_sessions(self, open_id: int | None = None):
        """Saved sessions for this window (once): the controller takes the data directory's
        lock, opens the store off the UI thread and resumes the latest active session
        (or ``open_id``)."""
        from sdi_desktop.ui.session.controller import SessionController

        if self._controller is None:
            self.build_workspace()
            self._controller = SessionController(self, self.data_dir, open_id)
            from sdi_desktop.ui.interviewer.mock import MockController

            self.mock = MockController(self, self._controller)  # actionInterviewerView
            from sdi_desktop.ui.session.feature_parts import register_feature_parts

            register_feature_parts(self, self._controller)  # estimation, review, follow-ups
            self._controller.start()
        return self._controller

    @property
    def session_controller(self):
        """The ``SessionController`` (None before ``attach_sessions``)."""
        return self._controller

    persistence = session_controller  # its earlier name, kept for scripts and tests

    @property
    def practice_history(self) -> dict:
        """Problem id -> PracticeRecord, read from the saved sessions now ({} without them)."""
        return self._controller.practice_history() if self._controller is not None else {}

    @property
    def edit_gate(self) -> EditGate:
        """Ask ``allows_edit()`` before changing the session; only the controller sets it."""
        return self._gate

    @property
    def time_source(self) -> TimeSource:
        return self._now

    def problem_library(self, reload: bool = False):
        """The problem library, loaded once (reading 31 files and validating them costs
        ~20 ms, plus pydantic's import the first time); ``reload`` reads the files again."""
        if reload or self._library is None:
            from sdi_desktop.ui.problems.picker import load_app_library

            self._library = load_app_library(self.data_dir)
        return self._library

    def problem(self, problem_id: str | None):
        """A library problem by id (a file written since start-up is read then), or None."""
        if not problem_id:
            return None
        problem = self.problem_library().get(problem_id)
        if problem is None:
            problem = self.problem_library(reload=True).get(problem_id)
        return problem

    # -- session ---------------------------------------------------------------------
    def rename_session(self, title: str) -> None:
        self.session.title = title
        self.title_label.setText(title)
        self.setWindowTitle(f"{title} — {APP_NAME}")

    def replace_session(self, session: InterviewSession) -> None:
        """Show another session (a new one, or one opened from the library)."""
        self._tick.stop()
        self._attach_session(session)

    def _attach_session(self, session: InterviewSession) -> None:
        self.session = session
        self._monitor = OvertimeMonitor()
        self._shown_phase = -1
        session.clock.changed.connect(self._on_clock_changed)
        self.title_label.setText(session.title)
        self._show_problem(session)
        self.setWindowTitle(f"{session.title} — {APP_NAME}")
        self._on_clock_changed()
        self.sessionChanged.emit()

    def _show_problem(self, session: InterviewSession) -> None:
        """The prompt under the title and the hints panel, built when first needed."""
        if self.hint_panel is None:
            if not (session.prompt or session.problem):
                return
            from sdi_desktop.ui.interview.problem_panel import HintPanel, PromptLabel

            self.prompt_label = PromptLabel()
            self._title_column.insertWidget(1, self.prompt_label)
            self.hint_panel = HintPanel()
            self.hint_panel.gate = self._gate
            self.side_splitter.addWidget(self.hint_panel)
            self.side_splitter.setStretchFactor(0, 3)
            self.side_splitter.setStretchFactor(1, 1)
            self.side_splitter.setSizes([520, 180])
        self.prompt_label.set_session(session)
        self.hint_panel.set_session(session)

    def start_session(
        self, title: str, fmt: InterviewFormat, problem=None, prompt: str = ""
    ) -> None:
        """Replace the current session with a fresh one (not started yet): empty
        whiteboard and notes."""
        self.aboutToReplaceSession.emit()
        if self.board is not None:
            self.board.editor.load([])
            self.notes.load_markdown_dict({})
        self.replace_session(InterviewSession(title, fmt, self._now, problem, prompt))
        self.statusBar().showMessage(
            f"New session: {fmt.total_minutes} minutes "
            f"({' / '.join(str(m) for m in fmt.minutes)}). Press Space to start.",
            8000,
        )

    def new_session(self) -> bool:
        """Ask for a title and format; returns True if a new session was started."""
        from PySide6.QtWidgets import QMessageBox

        from sdi_desktop.ui.problems.new_session_dialog import NewSessionDialog

        clock = self.session.clock
        if clock.total_elapsed() > 0 and clock.state is not ClockState.FINISHED:
            answer = QMessageBox.question(
                self,
                "Start a new session?",
                "The current session has not been finished. Start a new one anyway?",
            )
            if answer != QMessageBox.StandardButton.Yes:
                return False
        # Loaded the first time, not at start-up: pydantic and the files stay off the first
        # paint. The practice counts are read now, so a session just finished counts.
        self.aboutToPickProblem.emit()
        dialog = NewSessionDialog(
            self,
            library=self.problem_library(),
            history=self.practice_history,
            data_dir=self.data_dir,
        )
        accepted = dialog.exec() == NewSessionDialog.DialogCode.Accepted
        if dialog.picker is not None:  # the user may have written or edited a problem
            self._library = dialog.picker.library
        self.take_focus_back()
        if not accepted:
            return False
        self.start_session(
            dialog.session_title(),
            dialog.interview_format(),
            dialog.selected_problem(),
            dialog.custom_prompt(),
        )
        # "Press Space to start" must hold: the board keeps Space for panning, the
        # timeline passes it to the window, which starts the clock.
        self.timeline.setFocus(Qt.FocusReason.OtherFocusReason)
        return True

    def take_focus_back(self) -> None:
        """After a dialog: without a window manager (a bare X server) nobody gives the
        window the keyboard back, so it asks for it."""
        self.activateWindow()
        self.raise_()

    # -- clock control ---------------------------------------------------------------
    def toggle_clock(self) -> None:
        if self.session.clock.state is ClockState.FINISHED:
            self.statusBar().showMessage("This session is finished. Start a new one with Ctrl+N.")
            return
        self.session.clock.toggle()

    def next_phase(self) -> None:
        if not self.session.clock.next_phase():
            self.statusBar().showMessage("This is the last phase. Finish the session when done.")

    def previous_phase(self) -> None:
        self.session.clock.previous_phase()

    def jump_to_phase(self, index: int) -> None:
        self.session.clock.jump_to(index)

    def finish_session(self) -> None:
        clock = self.session.clock
        if clock.state is ClockState.FINISHED:
            return
        clock.finish()
        self.statusBar().showMessage(
            f"Session finished in {format_duration(clock.total_elapsed())}.", 10000
        )
        self.sessionFinished.emit()

    def _on_clock_changed(self) -> None:
        clock = self.session.clock
        running = clock.is_running
        self.action_start_pause.setText(
            "&Pause" if running else ("&Resume" if clock.state is ClockState.PAUSED else "&Start")
        )
        finished = clock.state is ClockState.FINISHED
        self.action_start_pause.setEnabled(not finished)
        self.action_next.setEnabled(not finished and clock.current < clock.phase_count - 1)
        self.action_previous.setEnabled(not finished and clock.current > 0)
        self.action_finish.setEnabled(not finished and clock.state is not ClockState.READY)
        if running and not self._tick.isActive():
            self._tick.start()
        elif not running:
            self._tick.stop()
        if clock.current != self._shown_phase:
            previous, self._shown_phase = self._shown_phase, clock.current
            if previous >= 0:
                self.phaseChanged.emit(previous, clock.current)
            if self.phase_panel is not None:
                self.phase_panel.show_phase(clock.current, self.session.checklist, clock.budget())
            if self.notes is not None:
                self.notes.show_phase(PHASES[clock.current].key)
        self.refresh()

    def refresh(self) -> None:
        """Re-read the clock into the timeline and timer; raise the overtime cue once."""
        clock = self.session.clock
        self.timeline.set_readings(clock.readings(), clock.current)
        self.timer_display.show_clock(clock)
        index = self._monitor.poll(clock)
        if index is not None:
            self._raise_overtime_cue(index)

    def _raise_overtime_cue(self, index: int) -> None:
        self.timeline.flash()
        if self.settings.sound_cue:
            QApplication.beep()
        self.statusBar().showMessage(
            f"Time is up for “{PHASES[index].short_title}”. Wrap it up and move on (Ctrl+Right).",
            15000,
        )
        self.overtimeCue.emit(index)

    # -- settings and about --------------------------------------------------------------
    def open_settings(self) -> None:
        from sdi_desktop.ui.settings.dialog import SettingsDialog

        SettingsDialog(self.settings, self.themes, self).exec()
        self.take_focus_back()

    def show_about(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.about(
            self,
            f"About {APP_NAME}",
            f"<b>{APP_NAME}</b> {__version__}<br>Practise system design interviews offline."
            f"<br><br>Data directory:<br><code>{self.data_dir}</code>",
        )

    def _remember_notes_follow(self, on: bool) -> None:
        self.settings.notes_follow_phase = on

    def _apply_colors(self, colors: Colors) -> None:
        self.timeline.set_colors(colors)
        self.timer_display.set_colors(colors)
        if self.board is not None:
            self.board.set_dark(colors.dark, icons=self.isVisible())

    # -- window state --------------------------------------------------------------------
    def _restore_window_state(self) -> None:
        geometry = self.settings.bytes_value("window/geometry")
        if geometry is None or not self.restoreGeometry(geometry):
            # 1280 x 800, or the screen's free area when it is smaller (1024 x 700 say)
            room = self.screen().availableGeometry() if self.screen() else None
            width, height = 1280, 800
            if room is not None and room.width() > 0 and room.height() > 0:
                width, height = min(width, room.width()), min(height, room.height())
            self.resize(width, height)
        splitter = self.settings.bytes_value("window/splitter")
        if splitter is not None:
            self.splitter.restoreState(splitter)

    def save_window_state(self) -> None:
        self.settings.set_bytes_value("window/geometry", self.saveGeometry())
        self.settings.set_bytes_value("window/splitter", self.splitter.saveState())
        self.settings.sync()

    def paintEvent(self, event) -> None:
        if self.first_paint_at is None:
            self.first_paint_at = time.time()  # read by benchmarks/startup.py
        super().paintEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Space and not event.modifiers():
            self.toggle_clock()
            event.accept()
            return
        super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._controller is not None and not self._controller.may_close():
            event.ignore()  # the user chose to keep the window (unsaved work)
            return
        self.save_window_state()
        self._tick.stop()
        self.closing.emit()
        super().closeEvent(event)
