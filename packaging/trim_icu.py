"""A smaller ICU data library for the Linux bundle (issue 20: the bundle under 160 MB).

PySide6's wheel ships ICU's whole data set in ``libicudata.so.73`` (32 MB): collation,
names and formats for every locale of the world, character-set converters, word-break
dictionaries for Chinese, Japanese, Thai, Khmer and Burmese, and transliterators. Qt Core
links ICU for collation (``QCollator``), legacy text codecs and locale-aware case mapping;
it formats numbers and dates from its own CLDR tables, breaks text with its own rules and
reads time zones from the system's zoneinfo. The app is in English, stores UTF-8 only and
uses none of ``QCollator``, codecs or transliteration. So the bundle keeps ICU's core
tables (character properties, normalization, case mapping, the root collation and break
rules, time-zone and locale metadata) and the ``root`` and English locales of each
category, and drops the rest: about 28 MB. ICU falls back to ``root`` for any other
locale, which is also what it does for a locale it has no data for.

ICU's "common data" package is a documented format (a ``CmnD`` header, then a table of
contents sorted by name, then each item aligned to 16 bytes); ``read_package`` and
``write_package`` handle it in a few lines. The trimmed package is linked into a new
``libicudata.so.73`` that exports the same symbol (``icudt73_dat``) with the system's C
compiler; without one the bundle keeps the original library and says so.
"""

from __future__ import annotations

import re
import shutil
import struct
import subprocess
import tempfile
from pathlib import Path

MAGIC = b"\xda\x27"
_LOCALE = re.compile(r"^[a-z]{2,3}(_[A-Za-z0-9]+)*\.res$")
# Item names that every category (top level, coll/, brkitr/, zone/...) needs.
_ALWAYS = {"res_index.res", "pool.res", "root.res", "ucadata.icu"}


def keep(name: str) -> bool:
    """Whether the bundle needs the data item ``name`` (e.g. ``icudt73l/coll/de.res``)."""
    path = name.split("/", 1)[1] if "/" in name else name
    folder, _, item = path.rpartition("/")
    if folder == "translit" or item.endswith((".cnv", ".dict")):
        return False
    if item in _ALWAYS:
        return True
    if _LOCALE.match(item):
        return item == "en.res" or item.startswith("en_")
    return True


def read_package(data: bytes) -> tuple[bytes, list[tuple[str, bytes]]]:
    """The header and the ``(name, bytes)`` items of an ICU common data package."""
    header_size, magic = struct.unpack_from("<H2s", data, 0)
    if magic != MAGIC or data[12:16] != b"CmnD" or data[8] != 0:  # little-endian only
        raise ValueError("not a little-endian ICU common data package")
    (count,) = struct.unpack_from("<I", data, header_size)
    entries = [struct.unpack_from("<II", data, header_size + 4 + 8 * i) for i in range(count)]
    items = []
    for i, (name_at, data_at) in enumerate(entries):
        start = header_size + name_at
        name = data[start : data.index(b"\0", start)].decode("ascii")
        end = header_size + entries[i + 1][1] if i + 1 < count else len(data)
        items.append((name, data[header_size + data_at : end]))
    return data[:header_size], items


def write_package(header: bytes, items: list[tuple[str, bytes]]) -> bytes:
    """A package of ``items`` (sorted by name, as ICU's binary search needs)."""
    items = sorted(items)
    names = b"".join(name.encode("ascii") + b"\0" for name, _ in items)
    toc_size = 4 + 8 * len(items)
    first = _align(toc_size + len(names))
    offsets, blob, name_at = [], bytearray(), toc_size
    for name, body in items:
        offsets.append((name_at, first + len(blob)))
        name_at += len(name) + 1
        blob += body + b"\xaa" * (_align(len(body)) - len(body))
    toc = struct.pack("<I", len(items)) + b"".join(struct.pack("<II", *o) for o in offsets)
    padding = b"\xaa" * (first - toc_size - len(names))  # ICU's own filler
    return header + toc + names + padding + bytes(blob)


def _align(n: int) -> int:
    return (n + 15) & ~15


def data_symbol(library: Path) -> tuple[str, int, int]:
    """The exported data symbol of an ICU data library: its name, file offset and size."""
    out = subprocess.run(
        ["nm", "-D", "-S", "--defined-only", str(library)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    for line in out.splitlines():
        parts = line.split()
        if len(parts) == 4 and re.fullmatch(r"icudt\d+_dat", parts[3]):
            address, size = int(parts[0], 16), int(parts[1], 16)
            return parts[3], _file_offset(library, address), size
    raise ValueError(f"{library} exports no ICU data symbol")


def _file_offset(library: Path, address: int) -> int:
    """The file offset of a virtual address, from the program headers (readelf)."""
    out = subprocess.run(
        ["readelf", "-lW", str(library)], capture_output=True, text=True, check=True
    ).stdout
    for line in out.splitlines():
        parts = line.split()
        if parts and parts[0] == "LOAD":
            offset, vaddr, filesz = int(parts[1], 16), int(parts[2], 16), int(parts[4], 16)
            if vaddr <= address < vaddr + filesz:
                return offset + address - vaddr
    raise ValueError(f"address {address:#x} is in no loaded segment of {library}")


def link_library(package: bytes, symbol: str, soname: str, out: Path) -> None:
    """A shared library exporting ``package`` as ``symbol`` (as ICU's own build does)."""
    with tempfile.TemporaryDirectory() as tmp:
        dat = Path(tmp) / "icu.dat"
        dat.write_bytes(package)
        source = Path(tmp) / "icudata.S"
        source.write_text(
            f".section .rodata\n.globl {symbol}\n.type {symbol}, @object\n.balign 16\n"
            f'{symbol}:\n.incbin "{dat}"\n.size {symbol}, . - {symbol}\n'
            '.section .note.GNU-stack,"",@progbits\n',
            encoding="ascii",
        )
        subprocess.run(
            ["cc", "-shared", "-nostdlib", f"-Wl,-soname,{soname}", "-o", str(out), str(source)],
            check=True,
            capture_output=True,
        )


def trim(library: Path, out: Path) -> tuple[int, int] | None:
    """Write a trimmed copy of ``library`` to ``out``; ``(bytes before, after)``, or None
    (and nothing written) where the tools are missing."""
    if not all(shutil.which(tool) for tool in ("cc", "nm", "readelf")):
        return None
    symbol, offset, size = data_symbol(library)
    data = library.read_bytes()[offset : offset + size]
    header, items = read_package(data)
    package = write_package(header, [(name, body) for name, body in items if keep(name)])
    out.parent.mkdir(parents=True, exist_ok=True)
    link_library(package, symbol, library.name, out)
    return size, len(package)
