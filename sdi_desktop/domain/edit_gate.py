"""May the user change the open session now? One answer, asked by every editing path.

The session controller (``ui/session/controller.py``) alone sets the mode: ``EDITING``
while a session is being worked on, ``REVIEW`` while a finished one is looked at (replay
included) until the user chooses "Continue editing". Every route that changes a session
(the board's editor, the notes panes and their toolbars, templates, imports, the checklist,
the hints, the clock's phase buttons, the save itself, and any feature that keeps data in
``SessionRecord.extras``) asks ``allows_edit()`` before it acts; a refusal is announced
once through ``refused`` so the window can say why nothing happened.
"""

from __future__ import annotations

from enum import Enum

from sdi_desktop.domain.events import Event


class SessionMode(Enum):
    EDITING = "editing"
    REVIEW = "review"  # a finished session, read-only until "Continue editing"


READ_ONLY_MESSAGE = (
    "This session is finished and read-only. Choose “Continue editing” to change it."
)


class EditGate:
    """The mode of the open session, and the one check every edit makes."""

    def __init__(self) -> None:
        self._mode = SessionMode.EDITING
        self.changed = Event()  # (editable: bool), after the mode changed
        self.refused = Event()  # (message: str), an edit was refused

    @property
    def mode(self) -> SessionMode:
        return self._mode

    @property
    def editable(self) -> bool:
        return self._mode is SessionMode.EDITING

    def allows_edit(self) -> bool:
        """True if the session may change now; otherwise says why (``refused``)."""
        if self._mode is SessionMode.EDITING:
            return True
        self.refused.emit(READ_ONLY_MESSAGE)
        return False

    def set_mode(self, mode: SessionMode) -> None:
        """For the session controller only: every other caller asks, never sets."""
        if mode is not self._mode:
            self._mode = mode
            self.changed.emit(self.editable)
