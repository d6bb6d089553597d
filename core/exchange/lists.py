"""The program's own lists as spreadsheets — the rule findings (检查结果) and the audit log (操作日志) —
with the ledger's sheet writer: title row with the filter in words, frozen header, widths that fit
Chinese, .xlsx or .csv by the file's suffix."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from core.audit_view import EXPORT_HEADERS as AUDIT_HEADERS
from core.audit_view import EXPORT_WIDTHS as AUDIT_WIDTHS
from core.audit_view import AuditFilter, iter_lines, read_page
from core.errors import checker
from core.exchange.export import ExportResult, write_sheet
from core.findings_view import EXPORT_HEADERS as FINDING_HEADERS
from core.findings_view import EXPORT_WIDTHS as FINDING_WIDTHS
from core.findings_view import FindingsList

if TYPE_CHECKING:
    from core.store import Ledger


def export_findings(data: FindingsList, out: Path, *, progress: Callable[[int, str], None] | None = None,
                    cancel: Callable[[], bool] | None = None) -> ExportResult:
    """Write the findings to ``out``, with the filter and the counts in words above the header."""
    note = "；".join(part for part in (f"筛选：{data.filter_text}" if data.filter_text else "", data.summary()) if part)
    write_sheet(out, "检查结果", data.title, FINDING_HEADERS, ["int", "text", "text", "text", "text", "text", "text",
                                                                   "int", "text", "text"],
                FINDING_WIDTHS, [row.cells() for row in data.rows], note=note, progress=progress, cancel=cancel)
    return ExportResult(str(out), len(data.rows), [])


def export_audit(ledger: Ledger, flt: AuditFilter, out: Path, *, progress: Callable[[int, str], None] | None = None,
                 cancel: Callable[[], bool] | None = None) -> ExportResult:
    """Write the audit entries matching ``flt`` to ``out``, newest first, every changed field on its
    own line of the cell."""
    total = read_page(ledger, flt, limit=0, count=True).total or 0
    rows: list[list[Any]] = []
    step = checker(progress, cancel, "导出已取消，没有生成文件")
    for n, line in enumerate(iter_lines(ledger, flt), 1):
        if n % 2000 == 0:
            step(int(50 * n / max(total, 1)), "读取操作日志")
        rows.append([n, line.at, line.who, line.action, line.kind, line.record,
                     line.summary(limit=None, sep="\n"), line.reason, line.source])
    settings = ledger.settings()
    county = settings.name if settings else ""
    write_sheet(out, "操作日志", f"{county}巷账操作日志", AUDIT_HEADERS, ["int"] + ["text"] * 8, AUDIT_WIDTHS,
                rows, note=f"筛选：{flt.describe()}；共 {len(rows)} 条",
                progress=(lambda p, text: progress(50 + p // 2, text)) if progress else None, cancel=cancel)
    return ExportResult(str(out), len(rows), [])


__all__ = ["export_audit", "export_findings"]
