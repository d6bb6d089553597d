"""Benchmark the core jobs on a 10,000-alley demo database, each as a whole `alley-ledger` process.

    .venv/bin/python bench/bench_core.py [--alleys 10000] [--runs 3] [--keep DIR [--reuse]]

Prints a Markdown table (wall time min/median and peak memory of each command) for the README
and writes the same figures to bench/out/core.json. Targets from the foundation issue:
demo --alleys 10000 under 20 s; check and funding under 3 s each. A shared machine's speed drifts,
so the time of a fixed pure-Python loop is printed before and after the jobs: compare figures
only alongside it.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXE = Path(sys.executable).with_name("alley-ledger")
TARGETS = {"demo": 20.0, "check": 3.0, "funding": 3.0}


def timed(args: list[str]) -> tuple[float, float]:
    """Run one command; return (wall seconds, peak RSS in MB) of that process alone."""
    start = time.perf_counter()
    proc = subprocess.Popen([str(EXE), *args], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(args)} failed: {proc.stderr.read().decode()}")
    return wall, usage.ru_maxrss / 1024


def calibration() -> float:
    """Seconds this machine takes for ``sum(range(10**7))`` right now (best of three)."""
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        sum(range(10**7))
        best = min(best, time.perf_counter() - start)
    return best


def repeated(args: list[str], runs: int) -> tuple[list[float], float]:
    """Run one command ``runs`` times: the wall times and the highest peak memory (MB)."""
    walls, peak = [], 0.0
    for _ in range(runs):
        wall, rss = timed(args)
        walls.append(wall)
        peak = max(peak, rss)
    return walls, peak


def save_results(name: str, results: object) -> None:
    """Write the figures to bench/out/NAME.json for later comparison."""
    out = ROOT / "bench" / "out"
    out.mkdir(exist_ok=True)
    (out / f"{name}.json").write_text(json.dumps(results, indent=1, ensure_ascii=False), encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--alleys", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--keep", type=Path, default=None, help="keep the database in this folder")
    parser.add_argument("--reuse", action="store_true",
                        help="with --keep: time the jobs on the database already there instead of building it")
    options = parser.parse_args()

    folder = options.keep or Path(tempfile.mkdtemp(prefix="alley-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    db = folder / "bench.db"
    calibrated = [calibration()]
    results = []
    if not (options.reuse and db.exists()):
        if db.exists():
            db.unlink()
        wall, rss = timed(["--db", str(db), "demo", "--alleys", str(options.alleys), "--seed", "1", "--json"])
        results.append({"job": f"demo --alleys {options.alleys}", "key": "demo", "runs": [wall], "rss_mb": rss})
    jobs = [
        ("check", ["check", "--json", "--as-of", "2026-11-23"]),
        ("funding", ["funding", "--json", "--as-of", "2026-11-23"]),
        ("list alleys", ["list", "alleys", "--json"]),
        ("list plans", ["list", "plans", "--json"]),
        ("list problems", ["list", "problems", "--json"]),
    ]
    for name, args in jobs:
        runs, peak = repeated(["--db", str(db), *args], options.runs)
        results.append({"job": name, "key": name, "runs": runs, "rss_mb": peak})
    backup = folder / "backup.db"
    wall, rss = timed(["--db", str(db), "backup", str(backup), "--overwrite", "--json"])
    results.append({"job": "backup", "key": "backup", "runs": [wall], "rss_mb": rss})
    calibrated.append(calibration())

    size_mb = db.stat().st_size / 1024 / 1024
    print(f"{options.alleys} alleys, database {size_mb:.0f} MB, {platform.python_version()}, "
          f"{os.cpu_count()} cores; each job a whole process, {options.runs} runs; "
          f"calibration loop sum(range(10**7)) {calibrated[0]:.2f} s before, {calibrated[1]:.2f} s after\n")
    print("| job | min s | median s | peak MB | target |")
    print("|---|---:|---:|---:|---|")
    for r in results:
        target = TARGETS.get(r["key"])
        verdict = "" if target is None else (f"< {target:g} s " + ("met" if min(r["runs"]) < target else "NOT met"))
        print(f"| {r['job']} | {min(r['runs']):.2f} | {statistics.median(r['runs']):.2f} | {r['rss_mb']:.0f} | {verdict} |")
    save_results("core", {"alleys": options.alleys, "db_mb": size_mb, "calibration_s": calibrated, "results": results})


if __name__ == "__main__":
    main()
