"""Opens the session library (``sessionLibrary``) over the session controller's store."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QKeySequence

if TYPE_CHECKING:
    from sdi_desktop.ui.session.controller import SessionController


class LibraryOpener:
    def __init__(self, controller: SessionController) -> None:
        self.controller = controller
        self.library = None  # the library window, once opened

    def actions(self) -> list[QAction]:
        window = self.controller.window
        action = QAction("&Session Library…", window)
        action.setObjectName("actionOpenLibrary")
        action.setShortcut(QKeySequence(QKeySequence.StandardKey.Open))
        action.triggered.connect(self.open)
        window.addAction(action)
        return [action]

    def open(self) -> None:
        controller = self.controller
        window = controller.window
        if controller.store is None:
            window.statusBar().showMessage("The session library is still opening…", 4000)
            return
        from sdi_desktop.ui.library.session_library import SessionLibrary

        controller.flush()
        library = SessionLibrary(controller.store, window)
        library.openRequested.connect(controller.open_session)
        library.sessionEdited.connect(controller.renamed_in_library)
        library.compareRequested.connect(lambda sid: controller.reviews.open_compare_with(sid))
        library.message.connect(lambda text: window.statusBar().showMessage(text, 6000))
        self.library = library
        library.show()
