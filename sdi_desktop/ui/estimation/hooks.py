"""Wiring of the estimation panel and the numbers card into the main window.

Cheap to import (Qt classes already loaded, nothing of the calculator): the panel, the
card and ``domain.estimation`` are imported the first time one of them opens.
``install(window)`` gives ``window.estimation``, an ``EstimationHooks`` with:

- ``actionEstimation`` (Ctrl+Shift+B) and ``actionNumbersCard`` (Ctrl+Shift+L), in the
  Session menu; buttons for both in the scope phase's guidance, and a "Calculator…"
  button under the Estimates pane;
- ``state_dict()`` / ``restore(data)`` / ``changed``: the stored form, for the session's
  ``extras["estimation"]`` (``None`` when the panel was never used in this session);
  another session on screen (``sessionChanged``) starts from a fresh state;
- ``set_read_only(flag)`` for review mode.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QToolButton, QVBoxLayout, QWidget

ESTIMATION_KEYS = "Ctrl+Shift+B"  # B for back of the envelope
NUMBERS_KEYS = "Ctrl+Shift+L"  # L for latency

if TYPE_CHECKING:
    from PySide6.QtGui import QAction, QActionEvent


class EstimationHooks(QObject):
    changed = Signal()  # the panel's state changed: autosave may store state_dict()

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self.panel = None
        self.card = None
        self._pending: dict[str, Any] | None = None
        self.read_only = False
        self.action_estimation = window.new_action(
            "actionEstimation", "&Estimation Calculator…", [ESTIMATION_KEYS], self.open_panel
        )
        self.action_numbers = window.new_action(
            "actionNumbersCard", "N&umbers Card…", [NUMBERS_KEYS], self.open_card
        )

    # -- opening ----------------------------------------------------------------------
    def ensure_panel(self):
        if self.panel is None:
            from sdi_desktop.ui.estimation.panel import EstimationPanel

            self.panel = EstimationPanel(self.window, self._problem, self._insert)
            if self._pending is not None:
                self.panel.restore(self._pending)
                self._pending = None
            self.panel.set_read_only(self.read_only)
            self.panel.changed.connect(self.changed)
        return self.panel

    def open_panel(self) -> None:
        panel = self.ensure_panel()
        if not panel.isVisible():
            self._place(panel)
        panel.show()
        panel.raise_()
        panel.activateWindow()
        if panel.focusWidget() is None or not panel.focusWidget().isVisible():
            panel.first_field().setFocus()

    def open_card(self) -> None:
        if self.card is None:
            from sdi_desktop.ui.estimation.numbers_card import NumbersCard

            self.card = NumbersCard(self.window)
        self.card.show()
        self.card.raise_()
        self.card.activateWindow()

    def _place(self, panel) -> None:
        """Beside the notes, not over them: the Estimates pane stays in view."""
        frame = self.window.frameGeometry()
        notes = self.window.notes
        room = frame.width() - 40
        if notes is not None and notes.isVisible():
            room = notes.mapToGlobal(notes.rect().topLeft()).x() - frame.left() - 16
        if room >= 760:
            panel.resize(min(panel.width(), room), panel.height())
            panel.move(frame.left() + 8, frame.top() + 80)
        else:
            width = min(panel.width(), frame.width())
            panel.move(frame.right() - width - 20, frame.top() + 80)

    def _problem(self):
        return getattr(self.window.session, "problem", None)

    def _insert(self, markdown: str) -> None:
        notes = self.window.notes
        if notes is None:
            return
        edit = notes.panes["estimates"]
        notes.setCurrentWidget(notes.containers["estimates"])
        cursor = edit.textCursor()
        cursor.movePosition(cursor.MoveOperation.End)
        edit.setTextCursor(cursor)
        if edit.toPlainText().strip():
            cursor.insertBlock()
        edit.insert_markdown(markdown)

    # -- the stored form ---------------------------------------------------------------
    def state_dict(self) -> dict[str, Any] | None:
        if self.panel is not None:
            return self.panel.state_dict()
        return self._pending

    def restore(self, data: dict[str, Any] | None) -> None:
        """The state of the session being opened (``None`` for a new session)."""
        if self.panel is None:
            self._pending = data
        else:
            self.panel.restore(data)

    def set_read_only(self, read_only: bool) -> None:
        """Review mode: the figures show, nothing can be edited (now and when opened)."""
        self.read_only = read_only
        if self.panel is not None:
            self.panel.set_read_only(read_only)


class _ActionButton(QToolButton):
    """A tool button for an action, in words of its own. A plain QToolButton takes its
    action's text and tooltip again at each change of the action (enabled, shortcut)."""

    def __init__(self, action: QAction, text: str, parent: QWidget, tip: str = "") -> None:
        super().__init__(parent)
        self._text, self._tip = text, tip
        self.setDefaultAction(action)
        self.setAutoRaise(True)
        self._own_words()

    def actionEvent(self, event: QActionEvent) -> None:
        super().actionEvent(event)
        if event.type() == QEvent.Type.ActionChanged:
            self._own_words()

    def _own_words(self) -> None:
        self.setText(self._text)
        if self._tip:
            self.setToolTip(self._tip)


def install(window) -> EstimationHooks:
    """Add the actions, the menu entries and the buttons; returns ``window.estimation``."""
    hooks = EstimationHooks(window)
    window.estimation = hooks
    menu = window._session_menu
    menu.addSeparator()
    menu.addAction(hooks.action_estimation)
    menu.addAction(hooks.action_numbers)
    # The scope phase's guidance: both tools, shown only in that phase.
    box = QWidget()
    box.setObjectName("scopeEstimationTools")
    column = QVBoxLayout(box)
    column.setContentsMargins(0, 0, 0, 0)
    column.setSpacing(0)
    # Short texts: a tool button does not wrap, and a wider one would make the column
    # scroll sideways at its minimum width (240 px).
    keys = QKeySequence(NUMBERS_KEYS).toString(QKeySequence.SequenceFormat.NativeText)
    numbers_tip = f"Latency, powers of two, time, one machine's capacity ({keys})"
    for action, text, tip in (
        (hooks.action_estimation, "Estimation calculator…", ""),
        (hooks.action_numbers, "Numbers card…", numbers_tip),
    ):
        column.addWidget(_ActionButton(action, text, box, tip), 0, Qt.AlignmentFlag.AlignLeft)
    layout = window.phase_panel._layout
    layout.insertWidget(layout.count() - 1, box)

    def follow_phase(*_args) -> None:
        box.setVisible(window.session.clock.current == 0)

    window.phaseChanged.connect(follow_phase)
    window.sessionChanged.connect(follow_phase)
    follow_phase()
    # Another session on screen: a fresh panel. Restoring a saved session's state comes
    # after this (the binding restores once the window has the session).
    window.sessionChanged.connect(lambda: hooks.restore(None))

    def under_estimates_pane() -> None:
        container = window.notes.containers["estimates"]
        button = _ActionButton(hooks.action_estimation, "Calculator…", container)
        button.setObjectName("notesEstimationButton")
        outer = container.layout()
        rows = [outer.itemAt(i).layout() for i in range(outer.count())]
        footer = next((r for r in reversed(rows) if isinstance(r, QHBoxLayout)), None)
        if footer is not None:
            footer.insertWidget(1, button)  # after the template button
        else:
            outer.addWidget(button)

    if window.notes is not None:
        under_estimates_pane()
    else:
        window.workspaceReady.connect(under_estimates_pane)
    return hooks
