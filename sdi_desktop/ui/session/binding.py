"""Between the live window and the stored session: capture a record, restore one,
and report every change so autosave can follow.

The session's id and mode belong to the session controller; the binding asks it.

Capturing runs on the UI thread for every save, so it copies plain data only
and re-serialises a notes pane only when that pane changed.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from sdi_desktop.domain.clock import ClockState, SessionClock
from sdi_desktop.domain.record import SessionRecord, Snapshot
from sdi_desktop.domain.session import Checklist

if TYPE_CHECKING:
    from sdi_desktop.ui.main_window import MainWindow
    from sdi_desktop.ui.session.controller import SessionController


class SessionBinding(QObject):
    changed = Signal()

    def __init__(self, window: MainWindow, controller: SessionController) -> None:
        super().__init__(controller)
        self.window = window
        self._controller = controller
        self.started_at = datetime.now(UTC)
        self.ended_at: datetime | None = None
        self.tags: list[str] = []
        self._markdown: dict[str, str] = {}
        self._stale_panes: set[str] = set()
        for key, pane in window.notes.panes.items():
            pane.document().contentsChanged.connect(lambda k=key: self._pane_changed(k))
        window.board.editor.changed.connect(self.changed)
        self._watch_session()
        window.sessionChanged.connect(self._watch_session)

    def forget(self) -> None:
        """The next session is a new one: it gets its own row on its first save."""
        self.started_at = datetime.now(UTC)
        self.ended_at = None
        self.tags = []
        self._markdown = {}
        self._stale_panes = set(self.window.notes.panes)

    @property
    def record_id(self) -> int | None:
        """The open session's id: the controller's (kept for older callers)."""
        return self._controller.session_id

    # -- change tracking ---------------------------------------------------------------------
    def _pane_changed(self, key: str) -> None:
        self._stale_panes.add(key)
        self.changed.emit()

    def _watch_session(self) -> None:
        session = self.window.session
        session.clock.changed.connect(self.changed.emit)
        session.checklist.changed.connect(lambda *_: self.changed.emit())
        hints = getattr(session, "hints_changed", None)
        if hints is not None:
            hints.connect(lambda *_: self.changed.emit())

    def notes_markdown(self) -> dict[str, str]:
        panes = self.window.notes.panes
        for key in list(self._stale_panes) or []:
            self._markdown[key] = panes[key].to_markdown()
        for key in panes:
            if key not in self._markdown:
                self._markdown[key] = panes[key].to_markdown()
        self._stale_panes.clear()
        return dict(self._markdown)

    # -- capture and restore -------------------------------------------------------------------
    def capture(self) -> SessionRecord:
        session = self.window.session
        clock = session.clock
        problem = getattr(session, "problem", None)
        finished = clock.state is ClockState.FINISHED
        if finished and self.ended_at is None:
            self.ended_at = datetime.now(UTC)
        return SessionRecord(
            id=self.record_id,
            title=session.title,
            problem_id=problem.id if problem is not None else None,
            problem_title=problem.title if problem is not None else "",
            prompt=getattr(session, "prompt", ""),
            format=clock.format,
            clock=clock.to_dict(),
            checklist=session.checklist.to_dict(),
            hints_opened=[h.to_dict() for h in getattr(session, "hints_opened", [])],
            notes=self.notes_markdown(),
            board=self.window.board.editor.document.to_data(),
            tags=list(self.tags),
            status="finished" if finished else "active",
            started_at=self.started_at,
            ended_at=self.ended_at,
            updated_at=datetime.now(UTC),
            extras=self._controller.parts.capture(),
        )

    def snapshot(self, phase_index: int) -> Snapshot:
        return Snapshot(
            phase_index=phase_index,
            taken_at=datetime.now(UTC),
            board=self.window.board.editor.document.to_data(),
            notes=self.notes_markdown(),
            extras=self._controller.parts.capture(snapshot_only=True),
        )

    def restore(self, record: SessionRecord, problem=None) -> None:
        """Put a stored session into the window (the clock comes back paused)."""
        from sdi_desktop.domain.hints import HintRecord
        from sdi_desktop.domain.session import InterviewSession

        window = self.window
        now = window.time_source
        session = InterviewSession(record.title, record.format, now, problem, record.prompt)
        if record.clock:
            session.clock = SessionClock.from_dict(record.clock, now)
        session.checklist = Checklist.from_dict(record.checklist)
        session.hints_opened = [HintRecord.from_dict(h) for h in record.hints_opened]
        self.started_at = record.started_at
        self.ended_at = record.ended_at
        self.tags = list(record.tags)
        window.replace_session(session)
        self.show(record.board, record.notes)

    def show(self, board: list[dict], notes: dict[str, str]) -> None:
        """Put a stored board and notes on screen as they were stored (not an edit)."""
        from sdi_desktop.domain.board.file_format import from_plain

        self.window.board.editor.load(from_plain(board))
        self.window.board.view.fit_when_shown()  # a reopened board shows all of itself
        self.window.notes.load_markdown_dict(notes)
        self._markdown = dict(notes)
        self._stale_panes.clear()
