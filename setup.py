"""Which packages the wheel holds (the rest of the metadata is in pyproject.toml).

data/ and resources/ stay at the top of the source tree but ship inside the wheel as
core/_bundled/data and core/_bundled/resources, where core.paths.resource() finds them (it finds
them at the top of the source tree and inside the frozen build alike). Each of their folders has
to be named as a package for setuptools to copy its files, so they are listed by walking them.
"""

from pathlib import Path

from setuptools import find_namespace_packages, setup

ROOT = Path(__file__).resolve().parent
BUNDLED = {"data": "core._bundled.data", "resources": "core._bundled.resources"}
# Sources for the translators and build leftovers: the program loads .qm files only, but the .ts
# is the translators' starting point and small, so it ships; caches never do.
SKIP_DIRS = {"__pycache__"}


def bundled() -> tuple[list[str], dict[str, str], dict[str, list[str]]]:
    """Packages, their folders and their files for data/ and resources/."""
    packages, package_dir, package_data = [], {}, {}
    for folder, name in BUNDLED.items():
        package_dir[name] = folder
        for sub in [ROOT / folder, *sorted(p for p in (ROOT / folder).rglob("*") if p.is_dir())]:
            relative = sub.relative_to(ROOT / folder)
            if SKIP_DIRS & set(relative.parts):
                continue
            package = ".".join([name, *relative.parts])
            packages.append(package)
            package_data[package] = ["*"]
    return packages, package_dir, package_data


code = find_namespace_packages(include=["core", "core.*", "gui", "gui.*"], exclude=["*.__pycache__"])
data_packages, data_dirs, data_files = bundled()
setup(packages=code + data_packages, package_dir=data_dirs, package_data=data_files)
