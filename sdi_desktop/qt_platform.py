"""Explains, in plain words, why Qt could not open a window on Linux.

Qt's own message for a missing xcb dependency ("Could not load the Qt platform
plugin "xcb" ... no Qt platform plugin could be initialized") does not say
which system package to install. We check the libraries the xcb plugin needs
before Qt tries, and name the Debian/Ubuntu package for each missing one.
"""

from __future__ import annotations

import ctypes
import os
import sys
from collections.abc import Callable, Mapping

# soname -> Debian/Ubuntu package that provides it
XCB_LIBRARIES: dict[str, str] = {
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb.so.1": "libxcb1",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libEGL.so.1": "libegl1",
    "libfontconfig.so.1": "libfontconfig1",
}


def _can_load(soname: str) -> bool:
    try:
        ctypes.CDLL(soname)
    except OSError:
        return False
    return True


def missing_xcb_libraries(can_load: Callable[[str], bool] = _can_load) -> list[tuple[str, str]]:
    """(soname, package) for each library of the xcb plugin that cannot be loaded."""
    return [(so, pkg) for so, pkg in XCB_LIBRARIES.items() if not can_load(so)]


def uses_xcb(env: Mapping[str, str]) -> bool:
    platform = env.get("QT_QPA_PLATFORM", "")
    if platform:
        return platform.split(":")[0] == "xcb"
    # Without an explicit choice Qt 6 prefers Wayland in a Wayland session.
    return not (env.get("WAYLAND_DISPLAY") and env.get("XDG_SESSION_TYPE") == "wayland")


def diagnose(
    env: Mapping[str, str] | None = None,
    platform: str | None = None,
    can_load: Callable[[str], bool] = _can_load,
) -> str | None:
    """A message explaining why no window can open, or None if nothing is wrong."""
    env = os.environ if env is None else env
    platform = sys.platform if platform is None else platform
    if not platform.startswith("linux") or not uses_xcb(env):
        return None
    missing = missing_xcb_libraries(can_load)
    if missing:
        names = ", ".join(so for so, _ in missing)
        packages = " ".join(pkg for _, pkg in missing)
        return (
            f"SDI Desktop cannot open a window: Qt's X11 (xcb) platform plugin needs "
            f"system libraries that are missing: {names}.\n"
            f"On Debian or Ubuntu install them with:\n    sudo apt-get install {packages}\n"
            f"(other distributions name these packages alike, e.g. xcb-util-cursor)."
        )
    if not env.get("DISPLAY") and not env.get("WAYLAND_DISPLAY"):
        return (
            "SDI Desktop cannot open a window: no display was found (DISPLAY is not set).\n"
            "Run it from a desktop session, or headless with QT_QPA_PLATFORM=offscreen."
        )
    return None
