"""Annual project list (年度改造项目清单, domain.md §2 and §6) laid out on landscape A4.

The rows come typed from :mod:`core.annual`; this module formats them for paper.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Spacer, Table, TableStyle

from core.annual import COLUMNS, AnnualList, AnnualRow, ListColumn
from core.money import wan
from core.printing.base import (
    FONT,
    checker,
    landscape_list,
    para,
    plain,
    style,
    text_width,
    wrap_text,
)

BODY = 7.5
"""Body text size in points."""
HEAD = 8
"""Column heading size in points."""
ROWS_PER_TABLE = 400
"""Rows per reportlab Table: one table of 10,000 rows took 10.9 s, 500-row tables 4.7 s."""


def _text(row: AnnualRow, column: ListColumn) -> str:
    """One cell as the paper shows it."""
    value = row.value(column)
    if value is None or value == "":
        return ""
    if column.kind == "wan":
        return wan(value)
    if column.kind == "metres":
        return f"{value:g}"
    if column.kind == "date":
        return _day(value)
    if column.kind == "category":
        return value.removesuffix("类")
    return str(value)


def _number(value: float | None) -> str:
    return "" if value is None else f"{value:g}"


def _day(value: date) -> str:
    return f"{value.year}.{value.month}.{value.day}"


def render_annual_list(data: AnnualList, out: Path, *, progress: Callable[[int, str], None] | None = None,
                       cancel: Callable[[], bool] | None = None) -> int:
    """Lay the list out on landscape A4 and write it to ``out``; returns the number of pages."""
    step = checker(progress, cancel)
    step(0, "排版年度清单")
    head = style(HEAD, align="center", leading=10)
    widths = [c.width_mm * mm for c in COLUMNS]
    header = [para(_heading(h, width), head) for h, width in zip(data.headers(), widths, strict=True)]

    story: list[Any] = [
        para(plain(data.title), style(16, align="center", leading=22, space_after=4)),
        _subheader(data),
        Spacer(1, 2 * mm),
    ]
    rows = [_cells([_text(row, c) for c in COLUMNS], widths) for row in data.rows]
    kinds = f"达标类 {data.standard} 条，精品类 {data.boutique} 条" + (
        f"，未填类别 {data.uncategorised} 条" if data.uncategorised else "")
    totals = ["合计", f"{len(data.rows)} 条", "", "", "", _number(round(data.total_length_m, 1)), "", "",
              kinds, wan(data.total_investment_yuan), wan(data.total_subsidy_yuan), "", "", "", ""]
    rows.append(_cells(totals, widths))
    chunks = [rows[i:i + ROWS_PER_TABLE] for i in range(0, len(rows), ROWS_PER_TABLE)] or [[]]
    for n, chunk in enumerate(chunks):
        step(5 + int(80 * n / len(chunks)), "排版年度清单")
        table = Table([header, *chunk], colWidths=widths, repeatRows=1)
        commands = [
            ("FONT", (0, 0), (-1, -1), FONT, BODY, BODY * 1.25),
            ("GRID", (0, 0), (-1, -1), 0.4, colors.black),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#E8E8E8")),
            ("TOPPADDING", (0, 0), (-1, -1), 1.5), ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
            ("LEFTPADDING", (0, 0), (-1, -1), 2), ("RIGHTPADDING", (0, 0), (-1, -1), 2),
        ]
        for col, column in enumerate(COLUMNS):
            commands.append(("ALIGN", (col, 1), (col, -1), column.align.upper()))
        if n == len(chunks) - 1:
            commands.append(("BACKGROUND", (0, -1), (-1, -1), colors.HexColor("#F4F4F4")))
        table.setStyle(TableStyle(commands))
        story.append(table)
    story.append(Spacer(1, 6 * mm))
    story.append(KeepTogether(_signatures(data)))
    return landscape_list(out, story, step, title=data.title, author=data.lead_department or data.county,
                          subject="年度改造项目清单")


MAX_LINES = 40
"""Lines a list cell may take: a row must fit on a page (reportlab cannot split a 2,000-character
备注 across pages: it looped for minutes), so longer texts end with a note that says so."""


def _cells(row: list[str], widths: list[float]) -> list[str]:
    """Cell texts wrapped to their column widths (4 pt of padding), at most MAX_LINES lines."""
    return [_limited(wrap_text(value, width - 4.5, BODY), value) if value else ""
            for value, width in zip(row, widths, strict=True)]


def _limited(wrapped: str, original: str) -> str:
    lines = wrapped.split("\n")
    if len(lines) <= MAX_LINES:
        return wrapped
    shown = "".join(lines[: MAX_LINES - 2])
    return "\n".join(lines[: MAX_LINES - 2] + [f"……（另有 {len(original) - len(shown)} 字", "见工作台账）"])


def _heading(title: str, width: float) -> str:
    """A column heading as markup: one that needs two lines breaks before its unit, so 自治区补助(万元)
    never reads 自治区补助( / 万元)."""
    if "(" not in title or text_width(title, HEAD) <= width - 4:
        return plain(title)
    name, unit = title.split("(", 1)
    return f"{plain(name)}<br/>({plain(unit)}"


def _subheader(data: AnnualList) -> Table:
    counts = data.counts_text()
    left = style(9, leading=12)
    right = style(9, align="right", leading=12)
    table = Table(
        [[para("填报单位（盖章）：" + plain(data.lead_department or data.county), left), para("金额单位：万元", right)],
         [para(counts, left), ""]],
        colWidths=[200 * mm, 77 * mm],
    )
    table.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), FONT, 9), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                               ("RIGHTPADDING", (0, 0), (-1, -1), 0), ("SPAN", (0, 1), (1, 1))]))
    return table


def _signatures(data: AnnualList) -> list[Any]:
    st = style(10, leading=14)
    table = Table(
        [[para("填报人：" + plain(data.clerk), st), para("审核人：", st), para("填报日期：" + "&nbsp;" * 12 + "年" + "&nbsp;" * 6 + "月" + "&nbsp;" * 6 + "日", st)]],
        colWidths=[80 * mm, 80 * mm, 117 * mm], rowHeights=[12 * mm],
    )
    table.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), FONT, 10), ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                               ("LEFTPADDING", (0, 0), (-1, -1), 0)]))
    return [table]
