"""Comparing rendered images with a tolerance that another processor's renderer passes.

Qt's raster engine takes other SIMD paths on other processors, so the same SVG can
differ by 1 in a channel on a few pixels. A real change of the drawing (a shape
moved or recoloured) changes many pixels by much more. ``differences`` says how two
images differ; ``assert_close`` allows at most ``MAX_DELTA`` per channel on fewer
than ``MAX_SHARE`` of the pixels.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np
from PySide6.QtGui import QImage

MAX_DELTA = 2  # per channel, 0-255
MAX_SHARE = 0.01  # of all pixels may differ at all


class Difference(NamedTuple):
    size_matches: bool
    max_delta: int  # the largest difference in any channel of any pixel
    share: float  # of the pixels that differ at all

    def within(self, max_delta: int = MAX_DELTA, max_share: float = MAX_SHARE) -> bool:
        return self.size_matches and self.max_delta <= max_delta and self.share < max_share


def pixels(image: QImage) -> np.ndarray:
    """The image as an (h, w, 4) array of premultiplied ARGB bytes."""
    image = image.convertToFormat(QImage.Format.Format_ARGB32_Premultiplied)
    w, h = image.width(), image.height()
    row = image.bytesPerLine()
    data = np.frombuffer(image.constBits(), dtype=np.uint8, count=row * h)
    return data.reshape(h, row)[:, : w * 4].reshape(h, w, 4).copy()


def differences(a: QImage, b: QImage) -> Difference:
    if a.size() != b.size():
        return Difference(False, 255, 1.0)
    pa, pb = pixels(a).astype(np.int16), pixels(b).astype(np.int16)
    delta = np.abs(pa - pb)
    per_pixel = delta.max(axis=2)
    return Difference(True, int(delta.max()), float(np.count_nonzero(per_pixel)) / per_pixel.size)


def assert_close(a: QImage, b: QImage, what: str) -> None:
    diff = differences(a, b)
    assert diff.within(), (
        f"{what}: differs beyond the tolerance (size matches: {diff.size_matches}, "
        f"largest channel difference {diff.max_delta} > {MAX_DELTA} or "
        f"{diff.share:.2%} of pixels differ, limit {MAX_SHARE:.0%})"
    )
