"""Benchmark printing, each as a whole `alley-ledger print` process.

    .venv/bin/python bench/bench_print.py [--rows 4000] [--photos 20]

Targets from the printing issue: the annual list of 4,000 rows in under 6 s and 400 MB; a filing
packet with 20 photos in under 3 s. Writes bench/out/print.json and prints a Markdown table.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.bench_core import repeated, save_results, timed  # noqa: E402
from core.demo import demo_photo  # noqa: E402
from core.store import Ledger  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=4000, help="approved plans in the printed year")
    parser.add_argument("--photos", type=int, default=20)
    parser.add_argument("--runs", type=int, default=3)
    options = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="alley-print-bench-"))
    db = folder / "bench.db"
    # The demo plans 90 % of alleys evenly over three years and approves about 95 % of them.
    alleys = int(options.rows / 0.9 / 0.95 * 3) + 30
    timed(["--db", str(db), "demo", "--alleys", str(alleys), "--seed", "2"])
    with Ledger.open(db) as ledger:
        year_rows = sum(1 for p in ledger.plans(year=2023) if p.approved_on)
        survey = ledger.surveys()[0]
        code = ledger.alley_codes_by_id()[survey.alley_id]
        rng = random.Random(1)
        for n in range(options.photos):
            ledger.add_attachment(demo_photo(rng, f"照片 {n + 1}", size=(2000, 1500)), f"p{n}.jpg", owner=survey,
                                  caption=f"现场照片 {n + 1}")
    results = []
    for name, args, target in (
        (f"print annual-list ({year_rows} rows)", ["print", "annual-list", "--year", "2023", str(folder / "a.pdf")], 6.0),
        (f"print filing-packet ({options.photos} photos of 2000×1500)",
         ["print", "filing-packet", code, str(folder / "p.pdf")], 3.0),
        ("print survey-form", ["print", "survey-form", str(folder / "s.pdf")], None),
    ):
        runs, peak = repeated(["--db", str(db), *args], options.runs)
        results.append({"job": name, "runs": runs, "rss_mb": peak, "target_s": target})
    print("| job | min s | peak MB | target |")
    print("|---|---:|---:|---|")
    for r in results:
        verdict = "" if r["target_s"] is None else f"< {r['target_s']:g} s " + ("met" if min(r["runs"]) < r["target_s"] else "NOT met")
        print(f"| {r['job']} | {min(r['runs']):.2f} | {r['rss_mb']:.0f} | {verdict} |")
    save_results("print", results)


if __name__ == "__main__":
    main()
