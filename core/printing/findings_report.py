"""The county's rule findings (检查结果) as a printed list, A4 landscape: what each rule found about
which alley and what to do, with the counts and the day the deadlines were judged on.

The data is a :class:`core.findings_view.FindingsList` (gathered by
:func:`core.findings_view.gather_findings`, perhaps narrowed by the page's filters).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Spacer, Table, TableStyle

from core.findings_view import COUNTY_WIDE, FindingsList
from core.printing.base import FONT, checker, landscape_list, para, plain, style, wrap_text

BODY = 7.5
"""Body text size in points."""
ROWS_PER_TABLE = 400
"""Rows per reportlab Table (long tables lay out far slower in one piece, see the annual list)."""
COLUMNS: tuple[tuple[str, float, str], ...] = (
    ("序号", 10, "center"), ("规则", 10, "center"), ("级别", 10, "center"), ("街巷编码", 24, "left"),
    ("街巷名称", 20, "left"), ("所在街道", 18, "left"), ("年度", 10, "center"), ("问题", 98, "left"),
    ("建议", 77, "left"),
)
"""(heading, width in mm, alignment): 277 mm, the width of landscape A4 inside 10 mm margins."""
SEVERITY_SHADE = {"error": colors.HexColor("#FBE3E3"), "warning": colors.HexColor("#FFF4D6")}
MAX_LINES = 30
"""Lines a cell may take: a row must fit on a page."""


def render_findings(data: FindingsList, out: Path, *, progress: Callable[[int, str], None] | None = None,
                    cancel: Callable[[], bool] | None = None) -> int:
    """Lay the findings out on landscape A4 and write them to ``out``; returns the number of pages."""
    step = checker(progress, cancel)
    step(0, "排版检查结果")
    widths = [w * mm for _, w, _ in COLUMNS]
    head = style(8, align="center", leading=10)
    header = [para(h, head) for h, _, _ in COLUMNS]
    lines = [data.summary()]
    if data.filter_text:
        lines.append(f"筛选：{data.filter_text}")
    story: list[Any] = [
        para(plain(data.title), style(16, align="center", leading=22, space_after=4)),
        para(plain("；".join(lines)), style(9, leading=12)),
        Spacer(1, 2 * mm),
    ]
    rows = []
    for row in data.rows:
        f = row.finding
        values = [str(row.number), f.rule, f.severity_label, f.alley_code or COUNTY_WIDE,
                  row.alley_name if f.alley_code else "", row.subdistrict, str(f.year or ""), f.message, f.advice]
        rows.append([_cell(value, width) for value, width in zip(values, widths, strict=True)])
    if not rows:
        rows.append(["", "", "", "", "", "", "", "没有发现问题", ""])
    chunks = [rows[i:i + ROWS_PER_TABLE] for i in range(0, len(rows), ROWS_PER_TABLE)]
    severities = [r.finding.severity for r in data.rows]
    for n, chunk in enumerate(chunks):
        step(5 + int(80 * n / len(chunks)), "排版检查结果")
        table = Table([header, *chunk], colWidths=widths, repeatRows=1)
        commands: list[Any] = [
            ("FONT", (0, 0), (-1, -1), FONT, BODY, BODY * 1.25),
            ("GRID", (0, 0), (-1, -1), 0.4, colors.black),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#E8E8E8")),
            ("TOPPADDING", (0, 0), (-1, -1), 1.5), ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
            ("LEFTPADDING", (0, 0), (-1, -1), 2), ("RIGHTPADDING", (0, 0), (-1, -1), 2),
        ]
        for col, (_, _, align) in enumerate(COLUMNS):
            commands.append(("ALIGN", (col, 1), (col, -1), align.upper()))
        for r, severity in enumerate(severities[n * ROWS_PER_TABLE:(n + 1) * ROWS_PER_TABLE], start=1):
            shade = SEVERITY_SHADE.get(severity)
            if shade is not None:  # the severity cell stands out, so errors are found on paper
                commands.append(("BACKGROUND", (2, r), (2, r), shade))
        table.setStyle(TableStyle(commands))
        story.append(table)
    return landscape_list(out, story, step, title=data.title, author=data.county, subject="规则检查结果")


def _cell(value: str, width: float) -> str:
    """A cell's text wrapped to its column (4 pt of padding), at most :data:`MAX_LINES` lines."""
    if not value:
        return ""
    lines = wrap_text(value, width - 4.5, BODY).split("\n")
    if len(lines) > MAX_LINES:
        lines = lines[: MAX_LINES - 1] + ["……"]
    return "\n".join(lines)


__all__ = ["render_findings"]
