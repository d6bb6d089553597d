"""Peak memory of the import at 50,000 rows, each job a whole `alley-ledger` process.

    .venv/bin/python bench/bench_memory.py [--alleys 50000] [--keep DIR]

Target (issue 16): an import of a 50,000-row ledger — the preview alone (``--dry-run``) and the
preview with its commit — under 500 MB. The demo that makes the ledger and the export are measured
beside it, without a target.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.bench_core import calibration, save_results, timed  # noqa: E402

TARGET_MB = 500


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--alleys", type=int, default=50_000)
    parser.add_argument("--keep", type=Path, default=None, help="keep (and reuse) the demo and its ledger here")
    args = parser.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="alley-bench-memory-"))
    folder.mkdir(parents=True, exist_ok=True)
    demo, ledger, empty = folder / "demo.db", folder / "ledger.xlsx", folder / "empty.db"
    loop = calibration()
    results: dict[str, tuple[float, float]] = {}
    if not demo.exists():
        results["demo"] = timed(["--db", str(demo), "demo", "--alleys", str(args.alleys)])
    if not ledger.exists():
        results["export ledger"] = timed(["--db", str(demo), "export", "ledger", str(ledger)])
    empty.unlink(missing_ok=True)
    timed(["--db", str(empty), "init", "--county", "示例县", "--code", "450123"])
    results["import --dry-run"] = timed(["--db", str(empty), "import", str(ledger), "--dry-run"])
    target = folder / "imported.db"
    shutil.copy(empty, target)
    results["import (preview + commit)"] = timed(["--db", str(target), "import", str(ledger)])
    print(f"{args.alleys} alleys; each job a whole process; calibration loop sum(range(10**7)) {loop:.2f} s\n")
    print("| job | wall s | peak MB | target |\n|---|---:|---:|---|")
    for job, (wall, peak) in results.items():
        goal = f"< {TARGET_MB} MB: {'met' if peak < TARGET_MB else 'NOT met'}" if job.startswith("import") else ""
        print(f"| {job} | {wall:.1f} | {peak:.0f} | {goal} |")
    save_results("memory", {"alleys": args.alleys, "loop": loop,
                            "jobs": {job: {"wall": wall, "peak_mb": peak} for job, (wall, peak) in results.items()}})
    if args.keep is None:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
