"""Shared test set-up: headless Qt and a throw-away data directory, always."""

from __future__ import annotations

import os
import tempfile

# Must happen before any Qt import: the suite never needs a display.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
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
