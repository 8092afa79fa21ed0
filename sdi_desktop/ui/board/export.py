"""Export the board (or the selection) as PNG, SVG or PDF, or copy it as an image.

A dark board is exported with light colours unless ``keep_theme`` is asked for,
so that exports print and paste well. Selection outlines and the resize grip
never appear in an export.
"""

from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, QSize, QSizeF, Qt
from PySide6.QtGui import QColor, QImage, QPageLayout, QPageSize, QPainter, QPdfWriter

from sdi_desktop.ui.board.items import FULL, OVERLAY_KEY
from sdi_desktop.ui.board.scene import BoardScene
from sdi_desktop.ui.board.style import LIGHT_BOARD

MARGIN = 24.0


class ExportError(RuntimeError):
    pass


@contextmanager
def _clean_scene(scene: BoardScene, keep_theme: bool):
    """Light colours (unless kept), no selection, no grip, for the duration of an export."""
    selected = scene.selected_ids()
    colors = scene.colors
    detail = scene.detail
    scene.set_detail(FULL)  # exports always carry labels, icons and arrowheads
    scene.clearSelection()
    handle_visible = scene.handle.isVisible()
    scene.handle.hide()
    scene.end_handles.follow(None, colors)
    overlays = [i for i in scene.items() if i.data(OVERLAY_KEY) and i.isVisible()]
    for item in overlays:
        item.hide()
    if not keep_theme and colors.dark:
        scene.set_colors(LIGHT_BOARD)
    try:
        yield
    finally:
        if scene.colors != colors:
            scene.set_colors(colors)
        scene.set_detail(detail)
        scene.select_ids(selected)
        if handle_visible:
            scene._update_handle()
        for item in overlays:
            item.show()


def source_rect(scene: BoardScene, ids: list[str] | None = None) -> QRectF:
    rect = scene.content_rect(ids)
    if rect.isNull() or rect.isEmpty():
        rect = QRectF(0, 0, 320, 200)
    return rect.adjusted(-MARGIN, -MARGIN, MARGIN, MARGIN)


# A PNG larger than this is scaled down to fit: a 20,000-item board at full size is a
# gigabyte-sized image that takes many seconds to compress and few viewers open.
MAX_SIDE = 16_384
MAX_PIXELS = 100_000_000
STRIP = 1024  # rows rendered at a time, so that a long render can report progress
PNG_QUALITY = 50  # zlib's faster levels: a little larger file, written several times faster


def fitted_scale(rect: QRectF, scale: float = 1.0) -> float:
    """``scale``, or less if the image at ``scale`` would pass MAX_SIDE or MAX_PIXELS."""
    width, height = rect.width() * scale, rect.height() * scale
    shrink = min(1.0, MAX_SIDE / max(width, height, 1.0))
    shrink = min(shrink, (MAX_PIXELS / max(width * height, 1.0)) ** 0.5)
    return scale * shrink


def size_note(scene: BoardScene, ids: list[str] | None = None, scale: float = 1.0) -> str:
    """One line saying the PNG was scaled down to fit the limits, or "" if it was not."""
    rect = source_rect(scene, ids)
    fitted = fitted_scale(rect, scale)
    if fitted >= scale:
        return ""
    full = f"{round(rect.width() * scale)} x {round(rect.height() * scale)}"
    size = f"{round(rect.width() * fitted)} x {round(rect.height() * fitted)}"
    return (
        f"The board is {full} px at the chosen scale; the PNG was scaled down to {size} px "
        f"to stay within {MAX_SIDE} px a side and {MAX_PIXELS // 1_000_000} megapixels."
    )


def render_image(
    scene: BoardScene,
    ids: list[str] | None = None,
    scale: float = 1.0,
    transparent: bool = False,
    keep_theme: bool = False,
    progress=None,
) -> QImage | None:
    """The board (or ``ids``) as an image, scaled down to fit MAX_SIDE and MAX_PIXELS.

    ``progress(done, total)`` is called between strips of rows; if it returns False the
    render stops and None is returned (the user cancelled).
    """
    rect = source_rect(scene, ids)
    scale = fitted_scale(rect, scale)
    size = QSize(max(1, round(rect.width() * scale)), max(1, round(rect.height() * scale)))
    # An opaque image needs no alpha: faster to paint, no conversion on save, smaller PNG.
    fmt = QImage.Format.Format_ARGB32_Premultiplied if transparent else QImage.Format.Format_RGB32
    image = QImage(size, fmt)
    if image.isNull():
        raise ExportError(f"not enough memory for a {size.width()} x {size.height()} image")
    sy = rect.height() / size.height()
    with _clean_scene(scene, keep_theme):
        background = scene.colors.paper
        image.fill(Qt.GlobalColor.transparent if transparent else QColor(background))
        painter = QPainter(image)
        painter.setRenderHints(
            QPainter.RenderHint.Antialiasing | QPainter.RenderHint.SmoothPixmapTransform
        )
        try:
            for top in range(0, size.height(), STRIP):
                if progress is not None and progress(top, size.height()) is False:
                    return None
                rows = min(STRIP, size.height() - top)
                target = QRectF(0, top, size.width(), rows)
                source = QRectF(rect.x(), rect.y() + top * sy, rect.width(), rows * sy)
                painter.setClipRect(target)
                scene.render(painter, target, source, Qt.AspectRatioMode.IgnoreAspectRatio)
        finally:
            painter.end()
    if progress is not None:
        progress(size.height(), size.height())
    return image


def export_png(path: str | Path, scene: BoardScene, **options) -> QImage | None:
    """Write the PNG; None if ``progress`` cancelled it (nothing is written then)."""
    image = render_image(scene, **options)
    if image is None:
        return None
    if not image.save(str(path), "PNG", PNG_QUALITY):
        raise ExportError(f"could not write {path}")
    return image


def export_svg(
    path: str | Path,
    scene: BoardScene,
    ids: list[str] | None = None,
    keep_theme: bool = False,
    title: str = "Whiteboard",
) -> None:
    from PySide6.QtSvg import QSvgGenerator

    rect = source_rect(scene, ids)
    generator = QSvgGenerator()
    generator.setFileName(str(path))
    generator.setSize(QSize(round(rect.width()), round(rect.height())))
    generator.setViewBox(QRectF(0, 0, rect.width(), rect.height()))
    generator.setTitle(title)
    generator.setDescription("Exported from SDI Desktop")
    target = QRectF(0, 0, rect.width(), rect.height())
    _paint(generator, path, scene, rect, keep_theme, lambda _page: target)


def export_pdf(
    path: str | Path,
    scene: BoardScene,
    ids: list[str] | None = None,
    keep_theme: bool = False,
    title: str = "Whiteboard",
) -> None:
    """One A4 page, landscape or portrait to suit the board, the board fitted inside."""
    rect = source_rect(scene, ids)
    writer = QPdfWriter(str(path))
    writer.setTitle(title)
    writer.setCreator("SDI Desktop")
    writer.setResolution(300)
    orientation = (
        QPageLayout.Orientation.Landscape
        if rect.width() >= rect.height()
        else QPageLayout.Orientation.Portrait
    )
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            orientation,
            QMarginsF(10, 10, 10, 10),
            QPageLayout.Unit.Millimeter,
        )
    )

    def fitted(page: QRectF) -> QRectF:
        size = QSizeF(rect.size()).scaled(page.size(), Qt.AspectRatioMode.KeepAspectRatio)
        return QRectF(
            page.x() + (page.width() - size.width()) / 2,
            page.y() + (page.height() - size.height()) / 2,
            size.width(),
            size.height(),
        )

    _paint(writer, path, scene, rect, keep_theme, fitted)


def _paint(device, path, scene: BoardScene, rect: QRectF, keep_theme: bool, place) -> None:
    """Render ``rect`` of the scene, on its paper colour, onto a paint device (SVG
    generator, PDF writer); ``place(page)`` gives the target within the device's viewport."""
    with _clean_scene(scene, keep_theme):
        painter = QPainter()
        if not painter.begin(device):
            raise ExportError(f"could not write {path}")
        target = place(QRectF(painter.viewport()))
        painter.fillRect(target, QColor(scene.colors.paper))
        scene.render(painter, target, rect)
        painter.end()


def export_file(path: str | Path, scene: BoardScene, fmt: str | None = None, **options) -> None:
    fmt = (fmt or Path(path).suffix.lstrip(".")).lower()
    if fmt == "png":
        export_png(path, scene, **options)
    elif fmt in ("svg", "pdf"):
        options.pop("scale", None)
        options.pop("transparent", None)
        (export_svg if fmt == "svg" else export_pdf)(path, scene, **options)
    else:
        raise ExportError(f"unknown export format {fmt!r} (use png, svg or pdf)")
