"""The one-folder build (scripts/build): built, self-checked and its window photographed.

Slow (about a minute) and only where PyInstaller is installed: ./scripts/build sets up
.build-venv with it; the normal suite does not need it.
"""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

ROOT = Path(__file__).resolve().parents[2]
HAS_PYINSTALLER = (ROOT / ".build-venv" / "bin" / "pyinstaller").exists() or importlib.util.find_spec("PyInstaller")

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not HAS_PYINSTALLER, reason="PyInstaller is not installed: ./scripts/build installs it into .build-venv"),
]


def test_scripts_build_makes_a_folder_that_passes_its_self_check_and_shows_its_window(tmp_path):
    shot = tmp_path / "frozen.png"
    options = [] if shutil.which("makensis") else ["--no-installer"]
    result = subprocess.run([str(ROOT / "scripts" / "build"), "--screenshot", str(shot), *options], cwd=ROOT,
                            capture_output=True, text=True, timeout=900)
    assert result.returncode == 0, result.stderr[-3000:]
    assert [line for line in result.stdout.splitlines() if line.startswith("自检通过")]
    folder = ROOT / "dist" / "alley-ledger"
    for program in ("alley-ledger", "AlleyLedger"):
        assert (folder / program).exists() or (folder / f"{program}.exe").exists()
    assert (folder / "使用说明.pdf").read_bytes().startswith(b"%PDF")
    image = QImage(str(shot))
    assert (image.width(), image.height()) == (1366, 768)
    # Not a blank window: the table and its Chinese text put many colours on the picture.
    colours = {image.pixel(x, y) for x in range(0, 1366, 7) for y in range(0, 768, 7)}
    assert len(colours) > 50
    installed = list((folder / "_internal").rglob("*"))
    assert not [p for p in installed if p.name.startswith(("pytest", "hypothesis", "_pytest"))]
    assert any(p.name.startswith("_rl_accel") for p in installed)
