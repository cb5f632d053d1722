"""At an 18-point font and at 200 % scaling the whole window still fits a 1920 × 1080 screen.

Each case runs tests/ui/shell/widest.py in a process of its own (a scale
factor holds for a whole process): it opens the demo as the griffie, visits
every tab of a section and every tool, then writes an amendment as a party.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
SCREEN, SCREEN_HEIGHT = 1920, 1080  # device pixels


def _widest(tmp_path, *, font: float = 0.0, scale: int = 1) -> dict:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", QT_SCALE_FACTOR=str(scale),
               RAADSAKKOORD_DATA_DIR=str(tmp_path), PYTHONPATH=str(ROOT))
    command = [sys.executable, "-m", "tests.ui.shell.widest"] + (["--font", str(font)] if font else [])
    done = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize(("font", "scale"), [(18.0, 1), (0.0, 2)], ids=["18pt", "200%"])
def test_every_view_fits_a_1920_by_1080_screen(tmp_path, font, scale):
    result = _widest(tmp_path, font=font, scale=scale)
    views = result["views"]
    assert {"hoofdlijn: Consolidatie", "steunmatrix", "uitwerkingsagenda", "ontvangen pakketten", "logboek",
            "amendement schrijven"} <= set(views)
    too_wide = {name: widths for name, widths in views.items()
                if max(widths["window"], widths["central"]) * scale > SCREEN}
    assert not too_wide, f"breder dan {SCREEN} px bij schaal {scale}: {too_wide}"
    too_tall = {name: widths["height"] for name, widths in views.items() if widths["height"] * scale > SCREEN_HEIGHT}
    assert not too_tall, f"hoger dan {SCREEN_HEIGHT} px bij schaal {scale}: {too_tall}"
    # Squeezed to that width, a section's title and the consolidation preview keep readable room.
    assert result["narrowest"]["title_characters"] >= 18
    assert result["narrowest"]["preview_characters"] >= 30
