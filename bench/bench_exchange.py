"""Benchmark the Excel exchange on the 10,000-alley demo, each job a whole process, side by side
with a bare python-calamine read of the same file.

    .venv/bin/python bench/bench_exchange.py [--runs 3]

Targets from the Excel issue: import (preview + commit) within 3× the bare read; export of 10,000
rows under 3 s; peak memory under 400 MB for both.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.bench_core import calibration, repeated, save_results, timed  # noqa: E402


def bare_read(path: Path) -> tuple[float, float]:
    """A whole process that only reads the file with python-calamine."""
    import os
    import subprocess
    import time

    code = ("from python_calamine import CalamineWorkbook; "
            f"wb = CalamineWorkbook.from_path({str(path)!r}); rows = wb.get_sheet_by_index(0).to_python()")
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-c", code])
    _, _, usage = os.wait4(proc.pid, 0)
    return time.perf_counter() - start, usage.ru_maxrss / 1024




def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--alleys", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    options = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="alley-exchange-bench-"))
    source = folder / "source.db"
    timed(["--db", str(source), "demo", "--alleys", str(options.alleys), "--seed", "1"])
    ledger_file = folder / "ledger.xlsx"
    results = []
    runs, peak = repeated(["--db", str(source), "export", "ledger", str(ledger_file)], options.runs)
    results.append({"job": "export ledger", "runs": runs, "rss_mb": peak})
    runs, peak = [], 0.0
    for _ in range(options.runs):
        wall, rss = bare_read(ledger_file)
        runs.append(wall)
        peak = max(peak, rss)
    bare = min(runs)
    results.append({"job": "bare python-calamine read", "runs": runs, "rss_mb": peak})
    for name, args in (("import --dry-run", ["--dry-run"]), ("import (preview + commit)", [])):
        runs, peak = [], 0.0
        for n in range(options.runs):
            target = folder / f"import-{name[:6]}-{n}.db"
            timed(["--db", str(target), "init", "--county", "示例县", "--code", "450123"])
            wall, rss = timed(["--db", str(target), "import", str(ledger_file), *args])
            runs.append(wall)
            peak = max(peak, rss)
        results.append({"job": name, "runs": runs, "rss_mb": peak})
    calib = min(calibration() for _ in range(3))
    print(f"{options.alleys} alleys; each job a whole process, best of {options.runs}; "
          f"calibration sum(range(10**7)) = {calib:.3f} s\n")
    print("| job | best s | peak MB | × bare read |")
    print("|---|---:|---:|---:|")
    for r in results:
        print(f"| {r['job']} | {min(r['runs']):.2f} | {r['rss_mb']:.0f} | {min(r['runs']) / bare:.1f} |")
    save_results("exchange", {"calibration_s": calib, "jobs": results})


if __name__ == "__main__":
    main()
