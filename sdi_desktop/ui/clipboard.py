"""Putting our own formats on the clipboard without crashing at exit.

With PySide6 6.10 a QMimeData made in Python and handed to the clipboard makes
the process crash while Qt shuts down (seen offscreen: SIGSEGV after the last
line of the program). Clearing the clipboard from an ``atexit`` hook, while
Qt is still alive, avoids it; the content would be lost at exit anyway unless
a clipboard manager copied it.
"""

from __future__ import annotations

import atexit

from PySide6.QtCore import QMimeData
from PySide6.QtGui import QGuiApplication

_hooked = False


def _clear_at_exit() -> None:
    if QGuiApplication.instance() is not None:
        QGuiApplication.clipboard().clear()


def set_mime_data(data: QMimeData) -> None:
    global _hooked
    if not _hooked:
        atexit.register(_clear_at_exit)
        _hooked = True
    QGuiApplication.clipboard().setMimeData(data)
