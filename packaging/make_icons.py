"""Draw the application icon's PNG, ICO and ICNS files from its SVG source.

Usage: ``QT_QPA_PLATFORM=offscreen python packaging/make_icons.py`` after editing
``resources/icons/app/sdi-desktop.svg``; commit what it writes beside the SVG:

- ``sdi-desktop-<N>.png`` for N in SIZES (the window icon and the Linux icon theme),
- ``sdi-desktop.ico`` (Windows: PNG images of 16 to 256 pixels),
- ``sdi-desktop.icns`` (macOS: PNG images of 16 to 512 pixels, with the @2x variants).

Rendering uses Qt's SVG renderer offscreen; the ICO and ICNS containers are written here
(both simply hold PNG images), so nothing beyond the app's own dependencies is needed.
"""

from __future__ import annotations

import struct
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ICON_DIR = ROOT / "resources" / "icons" / "app"
NAME = "sdi-desktop"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
# ICNS element types holding PNG data, and the pixel size of each.
ICNS_TYPES = (
    (b"icp4", 16),
    (b"icp5", 32),
    (b"icp6", 64),
    (b"ic07", 128),
    (b"ic08", 256),
    (b"ic09", 512),
    (b"ic11", 32),  # 16@2x
    (b"ic12", 64),  # 32@2x
    (b"ic13", 256),  # 128@2x
    (b"ic14", 512),  # 256@2x
)


def render_png(svg: Path, size: int) -> bytes:
    """The SVG drawn on a transparent square of ``size`` pixels, as PNG bytes."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise ValueError(f"{svg} is not a valid SVG")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):
        raise RuntimeError("Qt could not encode a PNG")
    buffer.close()
    return bytes(data.data())


def ico_bytes(pngs: dict[int, bytes]) -> bytes:
    """A Windows .ico holding one PNG image per size (supported since Windows Vista)."""
    sizes = sorted(pngs)
    header = struct.pack("<HHH", 0, 1, len(sizes))  # reserved, type 1 = icon, count
    offset = len(header) + 16 * len(sizes)
    entries, images = b"", b""
    for size in sizes:
        data = pngs[size]
        side = 0 if size >= 256 else size  # 0 means 256
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(data), offset)
        images += data
        offset += len(data)
    return header + entries + images


def icns_bytes(pngs: dict[int, bytes]) -> bytes:
    """A macOS .icns holding PNG images (element types of macOS 10.7 and later)."""
    body = b""
    for kind, size in ICNS_TYPES:
        data = pngs[size]
        body += kind + struct.pack(">I", 8 + len(data)) + data
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def read_ico(data: bytes) -> dict[int, bytes]:
    """The PNG images in an .ico written by ``ico_bytes``, by their declared size."""
    if len(data) < 6:
        raise ValueError("not an icon file")
    reserved, kind, count = struct.unpack_from("<HHH", data, 0)
    if (reserved, kind) != (0, 1) or len(data) < 6 + 16 * count:
        raise ValueError("not an icon file, or a truncated one")
    images = {}
    for index in range(count):
        side, _h, _colors, _r, _planes, _bpp, length, offset = struct.unpack_from(
            "<BBBBHHII", data, 6 + 16 * index
        )
        if offset + length > len(data):
            raise ValueError(f"image {index} runs past the end of the file")
        images[side or 256] = data[offset : offset + length]
    return images


def read_icns(data: bytes) -> dict[bytes, bytes]:
    """The elements of an .icns file, by type."""
    if data[:4] != b"icns" or struct.unpack_from(">I", data, 4)[0] != len(data):
        raise ValueError("not an icns file, or a truncated one")
    elements, offset = {}, 8
    while offset < len(data):
        if offset + 8 > len(data):
            raise ValueError(f"truncated element header at byte {offset}")
        kind = data[offset : offset + 4]
        (length,) = struct.unpack_from(">I", data, offset + 4)
        if length < 8 or offset + length > len(data):
            raise ValueError(f"element {kind!r} at byte {offset} has a bad length {length}")
        elements[kind] = data[offset + 8 : offset + length]
        offset += length
    return elements


def make_icons(svg: Path = ICON_DIR / f"{NAME}.svg", out: Path = ICON_DIR) -> list[Path]:
    """Write every icon file; return their paths."""
    from PySide6.QtGui import QGuiApplication

    _app = QGuiApplication.instance() or QGuiApplication([sys.argv[0]])
    pngs = {size: render_png(svg, size) for size in SIZES}
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for size, data in pngs.items():
        written.append(out / f"{NAME}-{size}.png")
        written[-1].write_bytes(data)
    written.append(out / f"{NAME}.ico")
    written[-1].write_bytes(ico_bytes({s: pngs[s] for s in ICO_SIZES}))
    written.append(out / f"{NAME}.icns")
    written[-1].write_bytes(icns_bytes(pngs))
    return written


def main() -> int:
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    for path in make_icons():
        print(f"{path.relative_to(ROOT)}  {path.stat().st_size} bytes")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
