"""Shared test set-up: headless Qt and a throw-away data directory, always."""

from __future__ import annotations

import json
import os
import tempfile

# Must happen before any Qt import: the suite never needs a display. The offscreen
# screen is 800x600 unless configured; a laptop-sized one makes window tests realistic.
if os.environ.get("QT_QPA_PLATFORM", "offscreen") == "offscreen":
    _screen = os.path.join(tempfile.mkdtemp(prefix="sdi-test-screen-"), "offscreen.json")
    with open(_screen, "w") as _file:
        json.dump(
            {
                "screens": [
                    {
                        "name": "test",
                        "x": 0,
                        "y": 0,
                        "width": 1920,
                        "height": 1080,
                        "logicalDpi": 96,
                        "dpr": 1,
                    }
                ]
            },
            _file,
        )
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={_screen}"
# Nothing in the suite may touch the user's real data directory.
os.environ["SDI_DESKTOP_DATA_DIR"] = tempfile.mkdtemp(prefix="sdi-test-data-")

import pytest


class FakeTime:
    """A time source the tests wind by hand (seconds)."""

    def __init__(self, start: float = 1000.0) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture
def fake_time() -> FakeTime:
    return FakeTime()
