"""Benchmark the Excel exchange on the 10,000-alley demo, each job a whole process, side by side
with a bare python-calamine read of the same file.

    .venv/bin/python bench/bench_exchange.py [--runs 3]

Targets: import (preview + commit) within 1.5× the peer of issue #11 — pandas.read_excel(engine=
"calamine") + DataFrame.to_sql of the same file, a script with no checks at all — measured in the
same run; export of 10,000 rows under 3 s; peak memory under 400 MB for both.

It also measures what any import of the file must spend before a single cell is parsed: the bare
read, the program's start (its modules loaded, nothing done) and SQLite alone writing the rows the
real import wrote (copied out of the imported database, then inserted into an empty one in one
transaction, with the same indexes, audit rows and pragmas). Their sum against the bare read is the
floor of that ratio.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.bench_core import calibration, repeated, save_results, timed  # noqa: E402

PYTHON_START = "pass"
PROGRAM_START = "import core.cli.main, core.exchange.importer, core.store.ledger"
# Parents before children, so foreign keys hold as they do in the import.
TABLES = ("alleys", "plans", "plan_measures", "acceptances", "filings", "audit_log")


def whole_process(code: str) -> float:
    """Wall seconds of ``python -c code`` as a whole process."""
    import subprocess
    import time

    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], check=True, cwd=Path(__file__).resolve().parent.parent)
    return time.perf_counter() - start


def sqlite_alone(imported: Path, empty: Path, tables: tuple[str, ...] = TABLES) -> tuple[float, int]:
    """(seconds, rows): SQLite writing the rows an import wrote into ``imported`` again, into a copy
    of ``empty`` (the database as it was before that import), in one transaction."""
    import shutil
    import sqlite3
    import time

    replay = empty.with_name(empty.stem + "-replay.db")
    shutil.copy(empty, replay)
    target = sqlite3.connect(replay, isolation_level=None)
    target.execute("PRAGMA journal_mode = WAL")
    target.execute("PRAGMA foreign_keys = ON")
    source = sqlite3.connect(imported)
    batches = []
    for table in tables:
        columns = [row[1] for row in source.execute(f"PRAGMA table_info({table})")]
        key = "id" if "id" in columns else "plan_id"
        already = target.execute(f"SELECT COALESCE(MAX({key}), 0) FROM {table}").fetchone()[0]
        rows = source.execute(f"SELECT {', '.join(columns)} FROM {table} WHERE {key} > ?", [already]).fetchall()
        batches.append((f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})", rows))
    source.close()
    start = time.perf_counter()
    target.execute("BEGIN IMMEDIATE")
    for sql, rows in batches:
        target.executemany(sql, rows)
    target.execute("COMMIT")
    elapsed = time.perf_counter() - start
    target.close()
    for path in replay.parent.glob(replay.name + "*"):
        path.unlink()
    return elapsed, sum(len(rows) for _, rows in batches)


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




PEER_PACKAGES = ("pandas==3.1.1", "numpy==2.4.6")
"""The peer's own packages, in a virtual environment of its own under bench/out: installed in the
program's environment, pandas would be imported by sqlite-utils at every start (0.2 s more)."""


def peer_python() -> Path:
    """The interpreter of the peer's environment (made on first use: pandas, numpy and the same
    python-calamine as the program)."""
    import subprocess

    folder = Path(__file__).resolve().parent / "out" / "pandas-peer"
    python = folder / "bin" / "python"
    if not python.exists():
        from importlib.metadata import version

        subprocess.run([sys.executable, "-m", "venv", str(folder)], check=True)
        subprocess.run([str(python), "-m", "pip", "install", "--quiet", *PEER_PACKAGES,
                        f"python-calamine=={version('python-calamine')}"], check=True)
    return python


def pandas_peer(path: Path, db: Path) -> tuple[float, float]:
    """The peer the import is measured against (issue #11): a whole process that reads the ledger
    with ``pandas.read_excel(engine="calamine")`` and writes it with ``DataFrame.to_sql`` into a new
    SQLite file, with no checks at all."""
    import os
    import subprocess
    import time

    db.unlink(missing_ok=True)
    code = ("import pandas, sqlite3; "
            f"frame = pandas.read_excel({str(path)!r}, engine='calamine', header=1); "
            f"con = sqlite3.connect({str(db)!r}); frame.to_sql('ledger', con, index=False); con.commit(); con.close()")
    start = time.perf_counter()
    proc = subprocess.Popen([str(peer_python()), "-c", code])
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
    peer_python()  # its environment made before anything is timed
    runs, peak = [], 0.0
    for _ in range(options.runs):
        wall, rss = pandas_peer(ledger_file, folder / "pandas.db")
        runs.append(wall)
        peak = max(peak, rss)
    peer = min(runs)
    results.append({"job": "pandas read_excel(calamine) + to_sql (peer)", "runs": runs, "rss_mb": peak})
    empty = folder / "empty.db"
    timed(["--db", str(empty), "init", "--county", "示例县", "--code", "450123"])
    for name, args in (("import --dry-run", ["--dry-run"]), ("import (preview + commit)", [])):
        runs, peak = [], 0.0
        for n in range(options.runs):
            target = folder / f"import-{len(args)}-{n}.db"
            shutil.copy(empty, target)
            wall, rss = timed(["--db", str(target), "import", str(ledger_file), *args])
            runs.append(wall)
            peak = max(peak, rss)
        results.append({"job": name, "runs": runs, "rss_mb": peak})
    floor = {
        "python start": min(whole_process(PYTHON_START) for _ in range(options.runs)),
        "program start": min(whole_process(PROGRAM_START) for _ in range(options.runs)),
    }
    replays = [sqlite_alone(target, empty) for _ in range(options.runs)]
    floor["sqlite alone"], written = min(replays)
    floor["sqlite alone, no audit rows"], records = min(sqlite_alone(target, empty, TABLES[:-1])
                                                         for _ in range(options.runs))
    before_parsing = bare + floor["program start"] - floor["python start"] + floor["sqlite alone"]
    calib = min(calibration() for _ in range(3))
    print(f"{options.alleys} alleys; each job a whole process, best of {options.runs}; "
          f"calibration sum(range(10**7)) = {calib:.3f} s\n")
    print("| job | best s | peak MB | × bare read | × pandas peer |")
    print("|---|---:|---:|---:|---:|")
    for r in results:
        print(f"| {r['job']} | {min(r['runs']):.2f} | {r['rss_mb']:.0f} | {min(r['runs']) / bare:.1f} | "
              f"{min(r['runs']) / peer:.2f} |")
    sizes = {name: (folder / name).stat().st_size for name in ("source.db",)}
    print(f"\nDatabase file of the {options.alleys}-alley demo: {sizes['source.db'] / 1e6:.1f} MB, of which the "
          f"audit log {_audit_bytes(source) / 1e6:.1f} MB")
    print(f"\nSpent before a single cell is parsed (best of {options.runs}):\n")
    print(f"- bare read: {bare:.2f} s (python itself starting: {floor['python start']:.2f} s of it)")
    print(f"- the program's modules loaded: {floor['program start'] - floor['python start']:.2f} s more")
    print(f"- SQLite alone writing the {written} rows the import wrote, one transaction: {floor['sqlite alone']:.2f} s")
    print(f"  (without the {written - records} audit rows: {floor['sqlite alone, no audit rows']:.2f} s)")
    print(f"- read and SQLite alone: {bare + floor['sqlite alone']:.2f} s = "
          f"{(bare + floor['sqlite alone']) / bare:.1f} × the bare read")
    print(f"- with the program's modules: {before_parsing:.2f} s = {before_parsing / bare:.1f} × the bare read")
    save_results("exchange", {"calibration_s": calib, "jobs": results, "floor_s": floor, "rows_written": written,
                              "before_parsing_s": before_parsing, "peer_s": peer, "db_bytes": sizes["source.db"],
                              "audit_bytes": _audit_bytes(source)})


def _audit_bytes(db: Path) -> int:
    """Bytes the audit log takes in the database file (SQLite's dbstat: its table and indexes)."""
    import sqlite3

    con = sqlite3.connect(db)
    try:
        return con.execute("SELECT SUM(pgsize) FROM dbstat WHERE name = 'audit_log' OR name LIKE 'audit_by_%'"
                           ).fetchone()[0] or 0
    finally:
        con.close()


if __name__ == "__main__":
    main()
