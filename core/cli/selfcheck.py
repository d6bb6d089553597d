"""``alley-ledger --self-check``: does this installation do a clerk's whole year?

Runs the real commands one after another in a temporary folder — demo county → rule check → export
→ import of that export into a new database → print of all three documents → backup — checks what
each says it did, and prints one line. Made for the frozen build (``scripts/build`` runs it on the
folder it made) and for a clerk's PC after installing: a module or data file the build left out
fails here, named, instead of in front of a clerk.
"""

from __future__ import annotations

import contextlib
import io
import json
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from core import __version__
from core.errors import LedgerError

DEMO_ALLEYS = 40
DEMO_SEED = 7
PRINT_YEAR = 2023


class SelfCheckFailed(LedgerError):
    """One step of the self-check did not do what it should."""


def _run(step: str, argv: list[str]) -> dict[str, Any]:
    """Run one command in this process and return its JSON document."""
    from core.cli.main import main

    stdout, stderr = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
        status = main([*argv, "--json"])
    text = stdout.getvalue().strip()
    if status != 0:
        reason = stderr.getvalue().strip().splitlines() or [f"退出码 {status}"]
        raise SelfCheckFailed(f"「{step}」没有完成：{reason[-1]}")
    try:
        return json.loads(text.splitlines()[-1])
    except (ValueError, IndexError):
        raise SelfCheckFailed(f"「{step}」的结果无法读取：{text[:200]}") from None


def _expect(step: str, condition: bool, what: str) -> None:
    if not condition:
        raise SelfCheckFailed(f"「{step}」的结果不对：{what}")


def _accelerated() -> None:
    """reportlab's C accelerators: without them printing is 30–60 % slower (a build that left
    them out still prints, so only this check notices)."""
    try:
        import _rl_accel  # noqa: F401
    except ImportError:
        raise SelfCheckFailed("缺少 reportlab 的加速模块 _rl_accel（打印会慢 30–60%），程序打包不完整") from None


def _preview_renders(pdf: Path) -> None:
    """The print preview's renderer (PDFium) draws the first page of a printed document."""
    import pypdfium2

    document = pypdfium2.PdfDocument(str(pdf))
    try:
        bitmap = document[0].render(scale=0.5)
        _expect("预览", bitmap.width > 100 and bitmap.height > 100, "第 1 页没有画出来")
    finally:
        document.close()


def self_check(out: Any) -> int:
    """Run the self-check; ``out`` is the CLI's Output. Returns the exit status (0 passed, 1 not)."""
    started = time.perf_counter()
    try:
        with tempfile.TemporaryDirectory(prefix="alley-ledger-self-check-") as folder:
            summary = _steps(Path(folder))
    except LedgerError as error:
        reason = str(error)
        out.emit({"passed": False, "version": __version__, "error": reason},
                 lambda: f"自检未通过（巷账 {__version__}）：{reason}")
        return 1
    seconds = time.perf_counter() - started
    document = {"passed": True, "version": __version__, "seconds": round(seconds, 2), **summary}
    out.emit(document, lambda: (
        f"自检通过（巷账 {__version__}）：演示 {summary['alleys']} 条街巷 → 检查 {summary['findings']} 条 → "
        f"导出 {summary['exported_rows']} 行 → 导入新库 {summary['imported_rows']} 行 → "
        f"打印 3 份 PDF 共 {summary['pages']} 页 → 备份 {summary['backup_bytes'] / 1024 / 1024:.1f} MB，"
        f"用时 {seconds:.1f} 秒"))
    return 0


def _steps(folder: Path) -> dict[str, Any]:
    db, copy = str(folder / "自检.db"), str(folder / "导入.db")
    _run("建立数据库", ["--db", db, "init", "--county", "自检县", "--code", "450000"])
    demo = _run("演示数据", ["--db", db, "demo", "--alleys", str(DEMO_ALLEYS), "--seed", str(DEMO_SEED)])
    _expect("演示数据", demo["counts"]["alleys"] == DEMO_ALLEYS, f"应有 {DEMO_ALLEYS} 条街巷")
    check = _run("规则检查", ["--db", db, "check", "--as-of", "2024-12-31"])
    _expect("规则检查", bool(check["findings"]), "演示数据应当有检查结果")
    ledger_file = folder / "工作台账.xlsx"
    exported = _run("导出", ["--db", db, "export", "ledger", str(ledger_file)])
    _expect("导出", exported["rows"] > 0 and ledger_file.stat().st_size > 0, "没有导出任何行")
    _run("导入", ["--db", copy, "init", "--county", "自检县", "--code", "450000"])
    imported = _run("导入", ["--db", copy, "import", str(ledger_file)])
    _expect("导入", imported["rejected"] == 0 and imported["new"] == exported["rows"],
            f"导出 {exported['rows']} 行，导入新增 {imported['new']} 行、拒收 {imported['rejected']} 行")
    _accelerated()
    filings = _run("打印", ["--db", db, "list", "filings"])["filings"]
    _expect("打印", bool(filings), "演示数据应当有备案归档")
    pdfs = {
        "年度清单": (folder / "年度清单.pdf", ["print", "annual-list", "--year", str(PRINT_YEAR)]),
        "备案归档案卷": (folder / "案卷.pdf", ["print", "filing-packet", filings[0]["alley_code"]]),
        "调查摸底表": (folder / "调查表.pdf", ["print", "survey-form"]),
    }
    pages = 0
    for name, (pdf, argv) in pdfs.items():
        printed = _run(f"打印{name}", ["--db", db, *argv, str(pdf)])
        _expect(f"打印{name}", printed["pages"] > 0 and pdf.stat().st_size > 0, "PDF 是空的")
        pages += printed["pages"]
    _preview_renders(pdfs["年度清单"][0])
    backup = _run("备份", ["--db", db, "backup", str(folder / "备份.db")])
    _expect("备份", backup["counts"]["alleys"] == DEMO_ALLEYS, "备份里的街巷条数不对")
    return {"alleys": DEMO_ALLEYS, "findings": len(check["findings"]), "exported_rows": exported["rows"],
            "imported_rows": imported["new"], "pages": pages, "backup_bytes": backup["bytes"],
            "accelerated": True, "python": sys.version.split()[0]}
