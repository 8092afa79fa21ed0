"""Where things live: the user's data directory and the bundled resources.

No Qt here, so the command line can resolve paths without loading it.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from sdi_desktop import APP_ID

DATA_DIR_ENV = "SDI_DESKTOP_DATA_DIR"


class DataDirError(OSError):
    """The data directory cannot be used; the message says why, in one line."""


def data_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """The data directory: ``--data-dir``, else ``$SDI_DESKTOP_DATA_DIR``, else platformdirs.

    The directory is created if needed. ``DataDirError`` if it cannot be (a file in the
    way, a symbolic link loop, no permission...), with one line saying what is wrong.
    """
    if override:
        path = Path(override)
    elif os.environ.get(DATA_DIR_ENV):
        path = Path(os.environ[DATA_DIR_ENV])
    else:
        import platformdirs

        path = Path(platformdirs.user_data_dir(APP_ID, appauthor=False))
    path = path.expanduser()
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DataDirError(_why_unusable(path, exc)) from None
    return path


def _why_unusable(path: Path, exc: OSError) -> str:
    where = f"cannot use the data directory {path}"
    try:
        path.resolve(strict=False)
    except (OSError, RuntimeError):  # RuntimeError: a loop, before Python 3.13
        return f"{where}: it is a symbolic link loop"
    if path.is_symlink() and not path.exists():
        return f"{where}: it is a symbolic link to nothing ({os.readlink(path)})"
    if path.exists() and not path.is_dir():
        return f"{where}: it is a file, not a folder"
    for parent in path.parents:
        if parent.exists() and not parent.is_dir():
            return f"{where}: {parent} is a file, not a folder"
    return f"{where}: {exc.strerror or exc}"


def user_problems_dir(data: Path) -> Path:
    """Where the user's own problem files live (not created until one is saved)."""
    return Path(data) / "problems"


def _package_dir() -> Path:
    return Path(__file__).resolve().parent


def resource_root(kind: str) -> Path:
    """The folder holding ``resources`` or ``problems``.

    Works alike from a source checkout (the folders sit beside the package), an
    installed wheel (they are copied into the package) and a PyInstaller bundle
    (they are unpacked under ``sys._MEIPASS``).
    """
    candidates = []
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        candidates += [Path(bundle) / "sdi_desktop" / kind, Path(bundle) / kind]
    candidates += [_package_dir() / kind, _package_dir().parent / kind]
    for candidate in candidates:
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"the '{kind}' folder was not found (looked in {candidates})")


def resource(*parts: str) -> Path:
    """Path of a file under ``resources/``."""
    return resource_root("resources").joinpath(*parts)
