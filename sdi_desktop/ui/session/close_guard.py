"""Closing with unsaved work: the window asks first.

When the session's work is only in memory (saves are failing, or the store never
opened), closing asks: save a copy to a file elsewhere (the JSON export, which
``sessions import`` reads back), close anyway, or cancel. ``ask`` and ``choose_path``
are the two dialogs; tests replace them.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSaveFile
from PySide6.QtWidgets import QFileDialog, QMessageBox

if TYPE_CHECKING:
    from sdi_desktop.ui.session.controller import SessionController

SAVE_COPY, DISCARD, CANCEL = "save-copy", "discard", "cancel"


def may_close(controller: SessionController) -> bool:
    """True when the window may close: everything is saved, or the user chose."""
    reason = controller.unsaved_reason()
    while reason is not None:
        choice = ask(controller.window, reason)
        if choice == DISCARD:
            return True
        if choice != SAVE_COPY:
            return False
        path = choose_path(controller.window, _suggested_name(controller))
        if path is None:
            continue  # back to the question
        error = write_copy(controller.binding.capture(), Path(path))
        if error is None:
            return True
        reason = f"The copy could not be written to {path}: {error}"
    return True


def ask(window, reason: str) -> str:
    box = QMessageBox(QMessageBox.Icon.Warning, "Your work is not saved", "", parent=window)
    box.setObjectName("unsavedWorkQuestion")
    box.setText("This session's work is only in memory and would be lost if you close now.")
    box.setInformativeText(
        f"{reason}\n\nSave a copy to a file elsewhere (a session file that "
        "'sdi-desktop sessions import' reads back) before closing?"
    )
    save = box.addButton("Save a Copy…", QMessageBox.ButtonRole.AcceptRole)
    discard = box.addButton("Close Without Saving", QMessageBox.ButtonRole.DestructiveRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(save)
    box.exec()
    clicked = box.clickedButton()
    return SAVE_COPY if clicked is save else DISCARD if clicked is discard else CANCEL


def choose_path(window, suggested: str) -> str | None:
    path, _ = QFileDialog.getSaveFileName(
        window, "Save a copy of the session", str(Path.home() / suggested), "Session (*.json)"
    )
    if not path:
        return None
    return path if path.lower().endswith(".json") else path + ".json"


def write_copy(record, path: Path) -> str | None:
    """Write the session as its JSON export; None, or why it failed (nothing half-written)."""
    from sdi_desktop.storage.exchange import session_to_json

    out = QSaveFile(str(path))
    if not out.open(QSaveFile.OpenModeFlag.WriteOnly):
        return out.errorString()
    out.write(session_to_json(record).encode("utf-8"))
    if not out.commit():
        return out.errorString()
    return None


def _suggested_name(controller: SessionController) -> str:
    title = controller.window.session.title or "session"
    safe = "".join(c if c.isalnum() or c in "-_ " else "-" for c in title).strip() or "session"
    return f"{safe}.json"
