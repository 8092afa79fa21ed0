"""The bundle's smaller ICU data (packaging/trim_icu.py): the package format round-trips
byte for byte, the right items stay, and Qt works on the trimmed library."""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
spec = importlib.util.spec_from_file_location("trim_icu", ROOT / "packaging" / "trim_icu.py")
trim_icu = importlib.util.module_from_spec(spec)
spec.loader.exec_module(trim_icu)


def _icu_library() -> Path:
    import PySide6

    found = sorted((Path(PySide6.__file__).parent / "Qt" / "lib").glob("libicudata.so.*"))
    if not sys.platform.startswith("linux") or not found:
        pytest.skip("PySide6 ships ICU's data library on Linux only")
    if not all(shutil.which(t) for t in ("cc", "nm", "readelf")):
        pytest.skip("needs cc, nm and readelf (binutils) to rebuild the library")
    return found[0]


@pytest.mark.parametrize(
    "name, kept",
    [
        ("icudt73l/uprops.icu", True),
        ("icudt73l/nfc.nrm", True),
        ("icudt73l/root.res", True),
        ("icudt73l/en_GB.res", True),
        ("icudt73l/de.res", False),
        ("icudt73l/res_index.res", True),
        ("icudt73l/coll/root.res", True),
        ("icudt73l/coll/ucadata.icu", True),
        ("icudt73l/coll/zh.res", False),
        ("icudt73l/brkitr/word.brk", True),
        ("icudt73l/brkitr/cjdict.dict", False),
        ("icudt73l/translit/root.res", False),
        ("icudt73l/gb18030.cnv", False),
        ("icudt73l/zoneinfo64.res", True),
        ("icudt73l/curr/pool.res", True),
        ("icudt73l/supplementalData.res", True),
    ],
)
def test_the_items_kept(name, kept):
    assert trim_icu.keep(name) is kept


def test_the_package_format_round_trips_byte_for_byte():
    library = _icu_library()
    _symbol, offset, size = trim_icu.data_symbol(library)
    data = library.read_bytes()[offset : offset + size]
    header, items = trim_icu.read_package(data)
    assert len(items) > 1000
    assert trim_icu.write_package(header, items) == data
    with pytest.raises(ValueError):
        trim_icu.read_package(b"\x00" * 64)


def test_qt_works_on_the_trimmed_library(tmp_path):
    library = _icu_library()
    out = tmp_path / library.name
    before, after = trim_icu.trim(library, out)
    assert after < before / 4  # 32 MB -> about 5 MB
    _symbol, offset, size = trim_icu.data_symbol(out)
    _header, items = trim_icu.read_package(out.read_bytes()[offset : offset + size])
    assert all(trim_icu.keep(name) for name, _ in items)
    script = (
        "from PySide6.QtCore import QCollator, QLocale\n"
        "c = QCollator(QLocale('de_DE'))\n"
        "print(sorted(['b', 'ä', 'a', 'Z'], key=c.sortKey), QLocale('tr_TR').toUpper('i'),"
        " QLocale('en_US').toUpper('straße'))\n"
        "print([l for l in open('/proc/self/maps') if 'icudata' in l][0].split()[-1])\n"
    )
    env = dict(os.environ, LD_PRELOAD=str(out), QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=60
    )
    assert done.returncode == 0, done.stderr
    sorted_words, loaded = done.stdout.splitlines()
    assert sorted_words == "['a', 'ä', 'b', 'Z'] İ STRASSE"  # root collation, case rules
    assert loaded == str(out)  # the trimmed library, not PySide6's own
