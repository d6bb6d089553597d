"""The wheel carries its data: installed into a fresh environment, `init`, `demo` and `print
annual-list` work without the source tree (profiles, fonts and icons come from inside the wheel)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import sysconfig
import venv
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "--disable-pip-version-check",
                    "-w", str(out), str(ROOT)], check=True, capture_output=True, timeout=300)
    return next(out.glob("alley_ledger-*.whl"))


def test_wheel_holds_profiles_tables_fonts_translations_icons_and_the_manual(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    for shipped in ("core/_bundled/data/profiles/guangxi-2022.toml", "core/_bundled/data/exchange/headers.toml",
                    "core/_bundled/resources/fonts/wqy-microhei.ttc", "core/_bundled/resources/fonts/LICENSE-Apache-2.0.txt",
                    "core/_bundled/resources/translations/alley_ledger_en.ts",
                    "core/_bundled/resources/icons/alley-ledger.ico", "core/_bundled/resources/manual/manual.md",
                    "gui/app.py", "core/cli/main.py"):
        assert shipped in names
    assert not any("__pycache__" in n or n.startswith(("tests/", "bench/")) for n in names)
    assert any(n.endswith(".dist-info/licenses/LICENSE") for n in names)


def test_wheel_installed_elsewhere_runs_init_demo_and_print(wheel, tmp_path):
    # A fresh environment holding only the wheel; the dependencies are borrowed from this one by a
    # plain path line (which, unlike a site directory, does not run this environment's editable
    # install hook, so `core` can only come from the wheel).
    target = tmp_path / "venv"
    venv.EnvBuilder(with_pip=False).create(target)
    python = target / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    subprocess.run([sys.executable, "-m", "pip", "--python", str(python), "install", "--no-deps", "--quiet",
                    "--disable-pip-version-check", str(wheel)], check=True, capture_output=True, timeout=300)
    site = subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                          check=True, capture_output=True, text=True).stdout.strip()
    Path(site, "borrowed-dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    work = tmp_path / "elsewhere"
    work.mkdir()
    environment = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "ALLEY_LEDGER_DB")}

    def alley_ledger(*argv: str) -> dict:
        result = subprocess.run([str(python), "-c", "from core.cli.main import run; run()", "--db", "x.db", *argv,
                                 "--json"], cwd=work, capture_output=True, env=environment, timeout=120)
        assert result.returncode == 0, result.stderr.decode()
        return json.loads(result.stdout)

    where = subprocess.run([str(python), "-c", "import core.paths as p; print(p.__file__); print(p.resource('data'))"],
                           cwd=work, capture_output=True, text=True, env=environment, check=True).stdout.split()
    assert where[0].startswith(site) and where[1].startswith(site)
    assert alley_ledger("init", "--county", "示例县")["county"]["profile"] == "guangxi-2022"
    assert alley_ledger("demo", "--alleys", "30")["counts"]["alleys"] == 30
    printed = alley_ledger("print", "annual-list", "--year", "2023", "list.pdf")
    assert printed["pages"] >= 1 and (work / "list.pdf").read_bytes().startswith(b"%PDF")
