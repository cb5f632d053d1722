"""Generate the application's and the file types' icons from their SVGs in resources/icons/.

    python scripts/make_icons.py

Writes, for each SVG, PNGs of every size the desktops ask for
(``png/NAME-SIZE.png``), a Windows ``NAME.ico`` and a macOS ``NAME.icns``.
Qt renders the SVG; the ICO and ICNS containers hold PNGs and are written
here directly, so no image library is needed. The generated files are
committed: building the bundle or installing the desktop entry needs neither
this script nor its tools. Run it again after changing an SVG.
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"
NAMES = ("raadsakkoord", "raadsakkoord-workspace", "raadsakkoord-package")
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
# The ICNS element types that hold PNG data, and the size of each.
ICNS_TYPES = ((b"icp4", 16), (b"icp5", 32), (b"icp6", 64), (b"ic07", 128), (b"ic08", 256), (b"ic09", 512),
              (b"ic10", 1024), (b"ic11", 32), (b"ic12", 64), (b"ic13", 256), (b"ic14", 512))


def render(svg: Path, size: int) -> bytes:
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"{svg}: geen geldige SVG")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data)


def ico(pngs: dict[int, bytes]) -> bytes:
    """An ICO file of PNG images (Windows Vista and later read those at every size)."""
    sizes = sorted(pngs)
    header = struct.pack("<HHH", 0, 1, len(sizes))
    offset = len(header) + 16 * len(sizes)
    entries, images = b"", b""
    for size in sizes:
        data = pngs[size]
        side = 0 if size >= 256 else size  # 0 means 256 in an ICO directory
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(data), offset + len(images))
        images += data
    return header + entries + images


def icns(pngs: dict[int, bytes]) -> bytes:
    body = b"".join(kind + struct.pack(">I", 8 + len(pngs[size])) + pngs[size] for kind, size in ICNS_TYPES)
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def main() -> int:
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841 - QPainter needs it
    (ICONS / "png").mkdir(exist_ok=True)
    for name in NAMES:
        svg = ICONS / f"{name}.svg"
        sizes = {size: render(svg, size) for size in {*PNG_SIZES, *ICO_SIZES, *(s for _, s in ICNS_TYPES)}}
        for size in PNG_SIZES:
            (ICONS / "png" / f"{name}-{size}.png").write_bytes(sizes[size])
        (ICONS / f"{name}.ico").write_bytes(ico({size: sizes[size] for size in ICO_SIZES}))
        (ICONS / f"{name}.icns").write_bytes(icns(sizes))
        print(f"{name}: {len(PNG_SIZES)} PNG's, {name}.ico, {name}.icns")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
