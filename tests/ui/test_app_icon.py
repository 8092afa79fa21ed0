"""The application icon: an SVG source and the PNG, ICO and ICNS files drawn from it."""

from __future__ import annotations

import importlib.util
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from sdi_desktop import paths
from sdi_desktop.app import APP_ICON_SIZES, launch

ROOT = Path(__file__).resolve().parents[2]
ICONS = paths.resource("icons", "app")
SVG_NS = "{http://www.w3.org/2000/svg}"


def _make_icons():
    # packaging/ is not a package (and `packaging` is a PyPI name): load the script by path.
    path = ROOT / "packaging" / "make_icons.py"
    spec = importlib.util.spec_from_file_location("make_icons", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


make_icons = _make_icons()


def _png(data: bytes) -> QImage:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    image = QImage.fromData(data, "PNG")
    assert not image.isNull()
    return image


def test_the_svg_source_is_svg_tiny_without_text():
    root = ET.parse(ICONS / "sdi-desktop.svg").getroot()
    assert root.tag == f"{SVG_NS}svg"
    assert (root.get("version"), root.get("baseProfile")) == ("1.2", "tiny")
    assert not list(root.iter(f"{SVG_NS}text"))
    assert not list(root.iter(f"{SVG_NS}image"))


@pytest.mark.parametrize("size", make_icons.SIZES)
def test_each_png_has_its_size_and_a_transparent_corner(size):
    image = _png((ICONS / f"sdi-desktop-{size}.png").read_bytes())
    assert (image.width(), image.height()) == (size, size)
    assert image.pixelColor(0, 0).alpha() == 0  # the tile has rounded corners
    assert image.pixelColor(size // 2, size // 2).alpha() == 255


def test_the_window_icon_sizes_are_all_drawn():
    assert set(APP_ICON_SIZES) <= set(make_icons.SIZES)


def test_the_ico_holds_a_png_per_windows_size():
    images = make_icons.read_ico((ICONS / "sdi-desktop.ico").read_bytes())
    assert sorted(images) == sorted(make_icons.ICO_SIZES)
    for size, data in images.items():
        assert _png(data).width() == size


def test_the_icns_holds_every_macos_element_at_its_size():
    data = (ICONS / "sdi-desktop.icns").read_bytes()
    elements = make_icons.read_icns(data)
    assert set(elements) == {kind for kind, _size in make_icons.ICNS_TYPES}
    for kind, size in make_icons.ICNS_TYPES:
        image = _png(elements[kind])
        assert (image.width(), image.height()) == (size, size), kind


def test_the_containers_reject_other_files():
    with pytest.raises(ValueError):
        make_icons.read_icns(b"icns\x00\x00\x00\x09x")
    with pytest.raises(ValueError):
        make_icons.read_ico(b"\x00\x00\x02\x00\x00\x00")
    ico = (ICONS / "sdi-desktop.ico").read_bytes()
    with pytest.raises(ValueError):
        make_icons.read_ico(ico[:-10])
    icns = (ICONS / "sdi-desktop.icns").read_bytes()
    with pytest.raises(ValueError):
        make_icons.read_icns(icns[:-10])


def test_the_committed_files_are_drawn_from_the_svg(qapp, tmp_path):
    """Edit the SVG, then run packaging/make_icons.py: this fails until you do."""
    written = make_icons.make_icons(ICONS / "sdi-desktop.svg", tmp_path)
    assert len(written) == len(make_icons.SIZES) + 2
    for fresh in written:
        committed = ICONS / fresh.name
        if fresh.suffix == ".png":
            assert _png(fresh.read_bytes()) == _png(committed.read_bytes()), fresh.name
        else:
            assert fresh.read_bytes() == committed.read_bytes(), fresh.name


def test_the_app_windows_carry_the_icon(qapp, tmp_path):
    window = launch(["--data-dir", str(tmp_path / "data")])
    try:
        icon = qapp.windowIcon()
        assert not icon.isNull()
        assert {s.width() for s in icon.availableSizes()} == set(APP_ICON_SIZES)
        assert not window.windowIcon().pixmap(32, 32).isNull()
    finally:
        window.close()
