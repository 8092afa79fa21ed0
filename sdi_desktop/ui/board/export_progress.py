"""Export the board from the window with a progress dialog while a big board renders.

The PNG is rendered in strips of rows; between strips the progress dialog moves and the
event loop runs, so the window keeps repainting and Cancel works. A PNG over the size
limits is scaled down to fit, and the caller shows the one-line note that says so.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QProgressDialog, QWidget

from sdi_desktop.ui.board import export
from sdi_desktop.ui.board.scene import BoardScene

# Boards with fewer items than this export at once, without a progress dialog.
BIG_BOARD = 2_000


def export_with_progress(
    parent: QWidget | None,
    path: str | Path,
    scene: BoardScene,
    fmt: str,
    ids: list[str] | None,
    options: dict,
) -> str | None:
    """Export; return the size note ("" if none), or None if the user cancelled."""
    if fmt != "png":
        export.export_file(path, scene, fmt, ids=ids, **options)
        return ""
    note = export.size_note(scene, ids, options.get("scale", 1.0))
    count = len(ids) if ids is not None else len(scene.items_by_id)
    if count < BIG_BOARD:
        export.export_png(path, scene, ids=ids, **options)
        return note
    dialog = QProgressDialog("Rendering the whiteboard…", "Cancel", 0, 100, parent)
    dialog.setWindowTitle("Export whiteboard")
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(0)
    dialog.setValue(0)
    dialog.show()
    QApplication.processEvents()  # the dialog is on screen before the first strip renders

    def progress(done: int, total: int) -> bool:
        # rendering is the first 80 %, compressing and writing the file the rest
        dialog.setValue(round(80 * done / max(total, 1)))
        QApplication.processEvents()
        return not dialog.wasCanceled()

    try:
        image = export.render_image(scene, ids=ids, progress=progress, **options)
        if image is None or dialog.wasCanceled():
            return None
        dialog.setLabelText("Writing the PNG file…")
        dialog.setValue(85)
        QApplication.processEvents()
        if not image.save(str(path), "PNG", export.PNG_QUALITY):
            raise export.ExportError(f"could not write {path}")
    finally:
        dialog.close()
        dialog.deleteLater()
    return note
