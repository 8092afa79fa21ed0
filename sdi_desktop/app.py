"""Wiring: the QApplication, the data directory and the main window.

Qt is imported inside the functions that need it, so that the command line's
quick paths (``--version``, subcommands) stay quick.

A hidden switch for the start-up benchmarks (``benchmarks/bundle.py``), which must time
the PyInstaller bundle too and so cannot run Python code of their own in it: with the
environment variable ``SDI_DESKTOP_REPORT_FIRST_PAINT=1``, ``main()`` prints
``first-paint <time.time() of the main window's first frame>`` on stdout once the window
has painted, then closes the window the normal way and exits 0.
"""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING

from sdi_desktop import APP_ID, APP_NAME, __version__, paths
from sdi_desktop.cli.arguments import parse_args
from sdi_desktop.collector import collector_paused

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication, QMainWindow

REPORT_FIRST_PAINT_ENV = "SDI_DESKTOP_REPORT_FIRST_PAINT"
APP_ICON_SIZES = (16, 24, 32, 48, 64, 128, 256)


def _application() -> QApplication:
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QApplication

    from sdi_desktop.ui.theme import FUSION_FLAG

    app = QApplication.instance()
    if app is None:
        QGuiApplication.setDesktopFileName(APP_ID)
        # Fusion looks alike everywhere and suits our palettes; choosing it here
        # is cheaper than replacing the default style later.
        app = QApplication([sys.argv[0] if sys.argv else APP_ID, "-style", "fusion"])
        app.setProperty(FUSION_FLAG, True)
        _load_fonts_aside()
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setOrganizationName(APP_ID)
    return app


def _load_fonts_aside() -> None:
    """Let fontconfig read the system's fonts on another core while Python imports and
    builds the window: the first text measured would wait for it (some 5 ms, a twentieth
    of start-up). QFontDatabase is thread-safe, and PySide lets go of the interpreter
    while Qt works."""
    import threading

    from PySide6.QtGui import QFontDatabase

    threading.Thread(target=QFontDatabase.families, name="font-loading", daemon=True).start()


def launch(argv: list[str]) -> QMainWindow:
    """Create the QApplication if needed, build and show the main window, return it.

    Does not enter the event loop (``main()`` does).
    """
    args = parse_args(argv)
    return _build_window(paths.data_dir(args.data_dir), open_id=getattr(args, "open", None))


def _build_window(data_dir, now=None, open_id: int | None = None) -> QMainWindow:
    # The start imports Qt, the database layer and our modules, and builds the window:
    # tens of thousands of objects, next to none of them garbage. With the collector
    # running, its passes over them (45 before the first paint) cost the first paint
    # some 4 ms and the whole start 5.
    with collector_paused():
        return _build_window_now(data_dir, now, open_id)


def _build_window_now(data_dir, now, open_id: int | None) -> QMainWindow:
    import time

    app = _application()
    from sdi_desktop.ui.main_window import MainWindow
    from sdi_desktop.ui.settings.app_settings import AppSettings
    from sdi_desktop.ui.theme import ThemeManager

    settings = AppSettings(data_dir)
    themes = ThemeManager(app)
    themes.apply(settings.theme)
    # Paint the window (menus, toolbar, title, timeline, timer) first, then import and
    # build the guidance, the whiteboard and the notes: the user sees the app sooner, and
    # launch() still returns a complete window.
    window = MainWindow(settings, themes, data_dir, now=now or time.monotonic, defer_workspace=True)
    window.show()
    app.processEvents()
    _set_app_icon(app)  # after the first paint: the window manager needs it, the user not yet
    window.build_workspace()
    window.attach_sessions(open_id)
    return window


def _set_app_icon(app: QApplication) -> None:
    """The window icon of every window: the PNGs drawn from resources/icons/app/sdi-desktop.svg.

    QIcon reads a file only when a size of it is asked for.
    """
    from PySide6.QtCore import QSize
    from PySide6.QtGui import QIcon

    icon = QIcon()
    for size in APP_ICON_SIZES:
        icon.addFile(str(paths.resource("icons", "app", f"{APP_ID}-{size}.png")), QSize(size, size))
    app.setWindowIcon(icon)


def main(argv: list[str] | None = None) -> int:
    """Run the window or a subcommand. An unusable data directory is one line on stderr
    (exit 2); a reader that goes away (``| head``) ends the output quietly."""
    argv = sys.argv[1:] if argv is None else list(argv)
    try:
        return _run(argv)
    except paths.DataDirError as exc:
        print(f"sdi-desktop: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        _quiet_stdout()
        return 0


def _quiet_stdout() -> None:
    """After the reader closed the pipe: point stdout at /dev/null, so that Python's own
    flush at exit does not print a second BrokenPipeError."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):  # stdout has no descriptor (a test's capture)
        pass


def _run(argv: list[str]) -> int:
    args = parse_args(argv)
    if args.command == "problems":
        from sdi_desktop.cli import problems

        if args.problems_command == "check":
            return problems.check_problems(args.path)
        if args.problems_command == "show":
            return problems.show_problem(paths.data_dir(args.data_dir), args.id, args.reference)
        if args.problems_command == "estimate":
            return problems.estimate_problem(paths.data_dir(args.data_dir), args.id, args.json)
        return problems.list_problems(paths.data_dir(args.data_dir), args.json)
    if args.command == "screenshots":
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        from sdi_desktop.cli.screenshots import render_screenshots

        _application()
        written = render_screenshots(args.out_dir, paths.data_dir(args.data_dir))
        for path in written:
            print(path)
        return 0
    if args.command == "sessions":
        from sdi_desktop.cli.sessions import run

        return run(args)
    if args.command == "stats":
        from sdi_desktop.cli import stats

        return stats.run(args)

    from sdi_desktop.qt_platform import diagnose

    problem = diagnose()
    if problem:
        print(problem, file=sys.stderr)
        return 2
    window = launch(argv)
    app = _application()
    _close_on_signals(window)
    painted = True
    if os.environ.get(REPORT_FIRST_PAINT_ENV) == "1":
        painted = _report_first_paint(window, app)
    code = app.exec()
    del window
    return code if painted else 1


def _report_first_paint(window, app: QApplication, timeout: float = 30.0) -> bool:
    """Print when the main window first painted; close it once the event loop runs.

    False, with a message on stderr instead, if it did not paint in time.
    """
    import time

    from PySide6.QtCore import QTimer

    deadline = time.monotonic() + timeout
    while window.first_paint_at is None and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.001)
    painted = window.first_paint_at is not None
    if painted:
        print(f"first-paint {window.first_paint_at!r}", flush=True)
    else:
        print(f"the main window did not paint within {timeout:.0f} s", file=sys.stderr)
    QTimer.singleShot(0, window.close)
    return painted


def _close_on_signals(window) -> None:
    """Ctrl+C in the terminal or SIGTERM closes the window the normal way (state is saved)."""
    import signal

    from PySide6.QtCore import QTimer

    def handler(_signum, _frame) -> None:
        window.close()

    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, handler)
    # Python runs signal handlers only between bytecodes; wake it up regularly.
    timer = QTimer(window)
    timer.setInterval(250)
    timer.timeout.connect(lambda: None)
    timer.start()
