"""What ships beside the code: the licence, the third-party notices (made from installed metadata,
so they must name what is installed now), the changelog, and dependencies that are exactly what
the code imports."""

from __future__ import annotations

import ast
import importlib.util
import re
import sys
from importlib import metadata
from pathlib import Path

from core import __version__

ROOT = Path(__file__).resolve().parents[2]


def _canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _notices_script():
    spec = importlib.util.spec_from_file_location("third_party_notices", ROOT / "scripts" / "third-party-notices.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_notices_name_every_shipped_package_at_its_installed_version():
    notices = (ROOT / "THIRD-PARTY-NOTICES.txt").read_text(encoding="utf-8")
    shipped = _notices_script().runtime_closure()
    assert len(shipped) > 10
    missing = [f"{d.metadata['Name']} {d.version}" for d in shipped
               if f"\n{d.metadata['Name']} {d.version}:" not in notices]
    assert not missing, f"run scripts/third-party-notices.py: {missing}"
    for must in ("LGPL-3.0", "GNU LESSER GENERAL PUBLIC LICENSE", "WenQuanYi Micro Hei", "Apache License",
                 "PYTHON SOFTWARE FOUNDATION LICENSE"):
        assert must in notices


def test_declared_dependencies_are_exactly_what_the_code_imports():
    imported: set[str] = set()
    for path in [*ROOT.glob("core/**/*.py"), *ROOT.glob("gui/**/*.py")]:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                imported.update(alias.name.split(".")[0] for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                imported.add(node.module.split(".")[0])
    third_party = imported - set(sys.stdlib_module_names) - {"core", "gui", "__future__"}
    providers = metadata.packages_distributions()
    used = {_canonical(providers[name][0]) for name in third_party}
    declared = {_canonical(re.split(r"[ <>=!~\[;]", r, maxsplit=1)[0])
                for r in metadata.requires("alley-ledger") if "extra ==" not in r}
    assert used - declared == set(), "imported but not declared in pyproject.toml"
    # rl_accel counts: reportlab loads it with exec(), and the self-check imports it by name.
    assert declared - used == set(), "declared in pyproject.toml but imported nowhere"


def test_licence_and_changelog_ship_with_the_current_version():
    assert (ROOT / "LICENSE").read_text(encoding="utf-8").startswith("MIT License")
    assert f"## {__version__}" in (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    assert metadata.version("alley-ledger") == __version__  # pyproject takes it from core/__init__.py
