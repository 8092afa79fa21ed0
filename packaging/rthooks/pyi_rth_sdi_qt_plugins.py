"""Run-time hook of the Linux bundle, run before main(): Qt loads the bundle's own plugins
first, whatever QT_PLUGIN_PATH the user's environment names (another Qt's platform or
image plugins would fail to load, or crash the app).

It stands in for PyInstaller's PySide6 hook, which did this and loaded QtCore at every
start (even for --version) to register a qt.conf that PySide6 registers itself.
"""

import os
import sys

os.environ["QT_PLUGIN_PATH"] = os.path.join(sys._MEIPASS, "PySide6", "Qt", "plugins")
