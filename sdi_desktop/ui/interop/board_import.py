"""File > Import Board… and diagrams dropped on the board.

The file is read on a worker thread (a big drawing takes a moment; the window stays
responsive and the status bar says what is happening), then, back on the GUI thread,
placed where there is room and added through the board editor as one undo step, and
the report dialog opens. A file that cannot be read is one message naming the file
and the problem, and the board is untouched.
"""

from __future__ import annotations

import contextlib
import threading
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox, QWidget

from sdi_desktop.domain.board.elements import Component
from sdi_desktop.domain.interop.importer import FILE_FILTER, SUFFIXES, import_file
from sdi_desktop.domain.interop.placement import placed
from sdi_desktop.domain.interop.report import ImportResult, InteropError
from sdi_desktop.ui.board.editor import BoardEditor


def is_diagram(path: str) -> bool:
    return path.lower().endswith(SUFFIXES)


class BoardImport(QObject):
    message = Signal(str)  # for the status bar
    finished = Signal()  # an import ended (added, refused or cancelled)
    _done = Signal(object, object, object, object)  # path, at, result or error, page

    def __init__(self, editor: BoardEditor, window: QWidget) -> None:
        super().__init__(window)
        self.editor = editor
        self.window = window
        self.busy = False
        self.report_dialog = None
        self._done.connect(self._finish, Qt.ConnectionType.QueuedConnection)

    def choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self.window, "Import board", "", f"{FILE_FILTER};;All files (*)"
        )
        if path:
            self.import_path(path)

    def import_path(
        self, path: str, at: tuple[float, float] | None = None, page: int | None = None
    ) -> None:
        if self.busy:
            self.message.emit("An import is still running.")
            return
        self.busy = True
        QGuiApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)
        self.message.emit(f"Importing {Path(path).name}…")

        def work() -> None:
            try:
                outcome: object = import_file(path, page)
            except InteropError as exc:
                outcome = exc
            except Exception as exc:  # a bug must not take the window down
                outcome = InteropError(f"{Path(path).name}: could not be imported ({exc!r})")
            with contextlib.suppress(RuntimeError):  # the window closed while it was read
                self._done.emit(path, at, outcome, page)

        threading.Thread(target=work, name="board-import", daemon=True).start()

    def _finish(self, path: str, at, outcome, page) -> None:
        QGuiApplication.restoreOverrideCursor()
        self.busy = False
        if isinstance(outcome, InteropError):
            self.message.emit(str(outcome))
            QMessageBox.warning(self.window, "Cannot import the diagram", str(outcome))
            self.finished.emit()
            return
        result: ImportResult = outcome
        pages = result.report.pages
        if page is None and len(pages) > 1:
            choice, ok = QInputDialog.getItem(
                self.window, "Import board", f"{Path(path).name} has {len(pages)} pages. "
                "Import which one?", [f"{i + 1}. {name}" for i, name in enumerate(pages)],
                0, False,
            )  # fmt: skip
            if not ok:
                self.message.emit("Import cancelled.")
                self.finished.emit()
                return
            index = int(choice.split(".", 1)[0]) - 1
            if index != result.report.page:
                self.import_path(path, at, index)
                return
        self.add(result, at)

    def add(self, result: ImportResult, at: tuple[float, float] | None = None) -> None:
        """Place the result on the board (one undo step) and open the report."""
        from sdi_desktop.ui.interop.report_dialog import ImportReportDialog

        elements = placed(result.elements, list(self.editor.document), at)
        report = result.report
        ids = {old.id: new.id for old, new in zip(result.elements, elements, strict=True)}
        report.guesses = {ids.get(k, k): why for k, why in report.guesses.items()}
        self.editor.add_elements(elements, f"Import {report.source}")
        self.message.emit(f"Imported {report.source}: {report.summary()}")
        components = [e for e in elements if isinstance(e, Component)]
        dialog = ImportReportDialog(report, components, self.window)
        dialog.finished.connect(lambda _r: self._close_report(dialog))
        self.report_dialog = dialog
        dialog.open()

    def _close_report(self, dialog) -> None:
        """Kinds changed in the report are kept however it is closed (Done or Escape)."""
        self.editor.set_kinds(dialog.changed_kinds())
        self.finished.emit()
