"""Draw the program's icon (resources/icons/alley-ledger.png and .ico) from the bundled font.

Run once after changing the design: `.venv/bin/python scripts/make-icon.py`. The icon is ours: a
green-grey tile (the colour of an old alley's stone paving) with 巷 in white and a red seal-like
corner mark, drawn at every Windows icon size so small sizes are not blurred by scaling.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from core.paths import resource  # noqa: E402

SIZES = (16, 24, 32, 48, 64, 128, 256)
TILE = (38, 92, 84)
SEAL = (196, 43, 28)


def draw(size: int) -> Image.Image:
    """The icon at ``size`` pixels, drawn at 4× and scaled down for smooth edges."""
    big = size * 4
    image = Image.new("RGBA", (big, big), (0, 0, 0, 0))
    pen = ImageDraw.Draw(image)
    margin = big // 32
    pen.rounded_rectangle((margin, margin, big - margin, big - margin), radius=big // 6, fill=TILE)
    # Paving lines: an alley seen from above, under the character.
    for i in range(1, 4):
        y = margin + (big - 2 * margin) * i // 4
        pen.line((margin * 3, y, big - margin * 3, y), fill=(58, 116, 106), width=max(1, big // 64))
    font = ImageFont.truetype(str(resource("resources", "fonts", "wqy-microhei.ttc")), size=int(big * 0.66), index=0)
    box = pen.textbbox((0, 0), "巷", font=font)
    x = (big - (box[2] - box[0])) // 2 - box[0]
    y = (big - (box[3] - box[1])) // 2 - box[1] - big // 40
    pen.text((x, y), "巷", font=font, fill=(255, 255, 255))
    seal = big // 5
    pen.rounded_rectangle((big - margin - seal - big // 14, big - margin - seal - big // 14,
                           big - margin - big // 14, big - margin - big // 14), radius=seal // 5, fill=SEAL)
    return image.resize((size, size), Image.Resampling.LANCZOS)


def main() -> None:
    out = resource("resources", "icons")
    out.mkdir(parents=True, exist_ok=True)
    images = [draw(s) for s in SIZES]
    images[-1].save(out / "alley-ledger.png")
    images[-1].save(out / "alley-ledger.ico", sizes=[(s, s) for s in SIZES], append_images=images[:-1])
    print(f"icon written to {out}")


if __name__ == "__main__":
    main()
