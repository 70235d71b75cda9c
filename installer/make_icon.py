"""Draw the VillageDesk icon: resources/icons/villagedesk.svg, .png (256 px) and .ico.

A red rounded square with a white house and a gold star in its gable. The SVG is the
source; Qt (offscreen) renders the PNG sizes and Pillow packs them into the Windows .ico.

    .venv/bin/python installer/make_icon.py [--out resources/icons]
"""

from __future__ import annotations

import argparse
import io
import math
import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)


def star_points(cx: float, cy: float, outer: float, inner: float) -> str:
    points = []
    for i in range(10):
        radius = outer if i % 2 == 0 else inner
        angle = math.radians(-90 + 36 * i)
        points.append(f"{cx + radius * math.cos(angle):.2f},{cy + radius * math.sin(angle):.2f}")
    return " ".join(points)


def svg() -> str:
    star = star_points(128, 104, 22, 9)
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" width="256" height="256" viewBox="0 0 256 256">
  <title>VillageDesk</title>
  <rect x="8" y="8" width="240" height="240" rx="48" ry="48" fill="#C62828"/>
  <path d="M128 36 L224 118 L204 118 L204 212 L52 212 L52 118 L32 118 Z"
        fill="#FFFFFF" stroke="#FFFFFF" stroke-width="8" stroke-linejoin="round"/>
  <polygon points="{star}" fill="#F9A825"/>
  <rect x="108" y="148" width="40" height="64" rx="4" fill="#C62828"/>
  <rect x="66" y="140" width="28" height="28" rx="3" fill="#C62828"/>
  <rect x="162" y="140" width="28" height="28" rx="3" fill="#C62828"/>
</svg>
"""


def render_png(svg_text: str, size: int) -> bytes:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication([])  # noqa: F841 (keeps Qt alive)
    renderer = QSvgRenderer(QByteArray(svg_text.encode("utf-8")))
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(buffer.data())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "resources" / "icons")
    args = parser.parse_args()
    from PIL import Image

    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)
    text = svg()
    (out / "villagedesk.svg").write_text(text, encoding="utf-8")
    pngs = {size: render_png(text, size) for size in ICO_SIZES}
    (out / "villagedesk.png").write_bytes(pngs[256])
    images = [Image.open(io.BytesIO(pngs[size])).convert("RGBA") for size in ICO_SIZES]
    images[-1].save(out / "villagedesk.ico", format="ICO", sizes=[(s, s) for s in ICO_SIZES],
                    append_images=images[:-1])
    for name in ("villagedesk.svg", "villagedesk.png", "villagedesk.ico"):
        print(out / name, (out / name).stat().st_size, "bytes")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
