"""The application icon: an SVG source and the PNG, ICO and ICNS files drawn from it."""

from __future__ import annotations

import importlib.util
import random
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from sdi_desktop import paths
from sdi_desktop.app import APP_ICON_SIZES, launch
from tests.image_compare import differences

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


def _images(path: Path) -> dict[str, QImage]:
    """A drawn file as its images: a PNG is one, an ICO or ICNS its parsed entries."""
    data = path.read_bytes()
    if path.suffix == ".png":
        return {path.name: _png(data)}
    if path.suffix == ".ico":
        entries = make_icons.read_ico(data)
        return {f"{path.name}[{size}]": _png(png) for size, png in sorted(entries.items())}
    entries = make_icons.read_icns(data)
    return {f"{path.name}[{kind.decode()}]": _png(png) for kind, png in sorted(entries.items())}


def _mismatches(fresh_dir: Path) -> list[str]:
    """The images drawn into ``fresh_dir`` that are not the committed ones, within tolerance."""
    bad = []
    for fresh in sorted(fresh_dir.iterdir()):
        drawn, committed = _images(fresh), _images(ICONS / fresh.name)
        if sorted(drawn) != sorted(committed):
            bad.append(f"{fresh.name}: entries {sorted(drawn)} != {sorted(committed)}")
            continue
        for name, image in drawn.items():
            diff = differences(image, committed[name])
            if not diff.within():
                bad.append(f"{name}: {diff}")
    return bad


def test_the_committed_files_are_drawn_from_the_svg(qapp, tmp_path):
    """Edit the SVG, then run packaging/make_icons.py: this fails until you do.

    The comparison allows what another processor's renderer changes (1 or 2 in a
    channel on a few pixels); a changed drawing fails (the tests below show both).
    """
    written = make_icons.make_icons(ICONS / "sdi-desktop.svg", tmp_path)
    assert len(written) == len(make_icons.SIZES) + 2
    assert _mismatches(tmp_path) == []


def _perturbed(image: QImage, count: int, seed: int) -> QImage:
    """``image`` with 1 added to one channel of ``count`` pixels, as another SIMD path might."""
    out = image.convertToFormat(QImage.Format.Format_ARGB32)
    rng = random.Random(seed)
    w, h = out.width(), out.height()
    for index in rng.sample(range(w * h), count):  # each pixel once
        x, y = index % w, index // w
        c = out.pixelColor(x, y)
        channel = rng.choice(("red", "green", "blue"))
        value = getattr(c, channel)()
        setattr_name = "set" + channel.capitalize()
        getattr(c, setattr_name)(value - 1 if value == 255 else value + 1)
        out.setPixelColor(x, y, c)
    return out


def test_another_renderers_off_by_one_pixels_still_match(qapp, tmp_path):
    for size in (128, 256, 512):
        committed = _png((ICONS / f"sdi-desktop-{size}.png").read_bytes())
        count = 300 if size == 512 else size  # a few hundred, under 1 % of the pixels
        shifted = _perturbed(committed, count, seed=size)
        diff = differences(shifted, committed)
        assert diff.max_delta == 1 and diff.share > 0, diff
        assert diff.within(), (size, diff)
    # ...and the containers too: an ICO written from perturbed PNGs still compares equal.
    pngs = {}
    for size in make_icons.ICO_SIZES:
        image = _perturbed(_png((ICONS / f"sdi-desktop-{size}.png").read_bytes()), 3, seed=size)
        path = tmp_path / f"p{size}.png"
        assert image.save(str(path), "PNG")
        pngs[size] = path.read_bytes()
    out = tmp_path / "out"
    out.mkdir()
    (out / "sdi-desktop.ico").write_bytes(make_icons.ico_bytes(pngs))
    assert (out / "sdi-desktop.ico").read_bytes() != (ICONS / "sdi-desktop.ico").read_bytes()
    assert _mismatches(out) == []


@pytest.mark.parametrize(
    "old, new",
    [
        # the queue moved 6 units down
        ('<rect x="112" y="130" width="50"', '<rect x="112" y="136" width="50"'),
        # the client recoloured
        ('fill="#4f9dde"', 'fill="#de4f9d"'),
    ],
    ids=["shape-moved", "shape-recoloured"],
)
def test_a_changed_drawing_fails_the_comparison(qapp, tmp_path, old, new):
    source = (ICONS / "sdi-desktop.svg").read_text(encoding="utf-8")
    assert old in source
    svg = tmp_path / "changed.svg"
    svg.write_text(source.replace(old, new, 1), encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    make_icons.make_icons(svg, out)
    bad = _mismatches(out)
    # every large PNG and both containers notice the change
    for name in ("sdi-desktop-128.png", "sdi-desktop-256.png", "sdi-desktop-512.png"):
        assert any(line.startswith(name) for line in bad), (name, bad)
    assert any(line.startswith("sdi-desktop.ico[") for line in bad), bad
    assert any(line.startswith("sdi-desktop.icns[") for line in bad), bad


def test_the_app_windows_carry_the_icon(qapp, tmp_path):
    window = launch(["--data-dir", str(tmp_path / "data")])
    try:
        icon = qapp.windowIcon()
        assert not icon.isNull()
        assert {s.width() for s in icon.availableSizes()} == set(APP_ICON_SIZES)
        assert not window.windowIcon().pixmap(32, 32).isNull()
    finally:
        window.close()
