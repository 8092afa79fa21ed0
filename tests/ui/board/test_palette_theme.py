"""The component palette follows a theme change made while the app runs.

Run in a fresh process with the app's own start-up style (Fusion): there a style sheet
kept the chosen icon's tile in the light theme's colours after a switch to dark.
"""

from __future__ import annotations

import subprocess
import sys

SCRIPT = """
import os, time
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from PySide6.QtWidgets import QApplication
app = QApplication(["t", "-style", "fusion"])
from sdi_desktop.ui.theme import ThemeManager
from sdi_desktop.ui.board.palette import ComponentPalette
themes = ThemeManager(app)
themes.apply("light")
palette = ComponentPalette()
palette.resize(100, 600)
palette.show()
app.processEvents()
palette.ensure_icons()
palette.setCurrentRow(0)  # its tile shows behind the icon
app.processEvents()

def tile():  # a corner of the chosen icon's tile, clear of the icon
    rect = palette.visualItemRect(palette.item(0))
    image = palette.viewport().grab().toImage()
    return image.pixelColor(rect.left() + 4, rect.bottom() - 4).lightness()

light = tile()
themes.apply("dark")
palette.set_dark(True)
for _ in range(5):
    app.processEvents()
    time.sleep(0.01)
print("TILES", light, tile())
"""


def test_the_chosen_tile_turns_dark_with_the_theme():
    out = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    light, dark = map(int, out.stdout.split("TILES")[1].split())
    assert light > 150
    assert dark < 110
