"""Reading a year's official holiday table (节假日安排) from the file a clerk has (CSV or Excel),
for the working-day calendar of R10 (:mod:`core.rules.workdays`; see ``data/holidays/README.md``)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from core.errors import LedgerError, Place
from core.exchange.reader import read_sheets
from core.exchange.values import parse_date
from core.rules.workdays import missing_statutory

if TYPE_CHECKING:
    from core.store import Ledger


def read_holiday_file(path: Path) -> tuple[int, dict[date, bool], dict[date, str]]:
    """A year's holiday table from a CSV (UTF-8 or GBK) or Excel file whose first row is 日期, 类型[, 名称]."""
    sheet = read_sheets(path)[0]
    if not sheet.rows:
        raise LedgerError("文件是空的", Place(file=path.name))
    header = [str(h).strip() for h in sheet.rows[0]]
    if len(header) < 2 or header[0] != "日期" or header[1] != "类型":
        raise LedgerError("第1行应为表头“日期,类型,名称”", Place(file=path.name, sheet=sheet.name, row=1))
    rows = []
    for row in sheet.rows[1:]:
        cells = ["" if v is None else v for v in (list(row) + ["", "", ""])[:3]]
        if any(str(c).strip() for c in cells):
            rows.append((cells[0], str(cells[1]), str(cells[2])))
    return parse_holiday_rows(rows, path.name)


def parse_holiday_rows(rows: list[tuple[object, str, str]], source: str) -> tuple[int, dict[date, bool], dict[date, str]]:
    """Read a holiday table given as (日期, 类型, 名称) rows: 类型 is 休/放假 or 班/上班/调休上班.

    Returns (year, {day: is_workday}, {day: name}). Raises ``core.errors.LedgerError`` naming the row.
    """
    days: dict[date, bool] = {}
    names: dict[date, str] = {}
    for number, (day_text, kind_text, name) in enumerate(rows, start=2):
        place = Place(file=source, row=number)
        try:
            day = parse_date(day_text)
        except ValueError:
            day = None
        if day is None:
            raise LedgerError(f"「{day_text}」无法识别为日期", Place(file=source, row=number, column="日期"))
        if day in days:
            raise LedgerError(f"日期 {day} 重复出现（第一次在前面的行）", place)
        kind = kind_text.strip()
        if kind in ("休", "放假", "假", "休息", "节假日"):
            days[day] = False
        elif kind in ("班", "上班", "调休上班", "补班", "工作日"):
            days[day] = True
        else:
            raise LedgerError(f"类型「{kind_text}」应为“休”或“班”", Place(file=source, row=number, column="类型"))
        names[day] = name.strip()
    if not days:
        raise LedgerError("节假日表是空的", Place(file=source))
    years = {d.year for d in days}
    if len(years) != 1:
        raise LedgerError(f"一个节假日表只能包含一个年份，实际包含 {'、'.join(map(str, sorted(years)))}", Place(file=source))
    return years.pop(), days, names


def store_holiday_year(ledger: Ledger, year: int, days: dict[date, bool], names: dict[date, str], *,
                       source: str = "") -> None:
    """Store a year's holiday table in ``ledger`` (replacing that year's), once it is seen to be the
    year's official schedule: a day off named for each of the profile's statutory holidays (元旦,
    春节 …); a partial table is refused with the holidays it lacks."""
    missing = missing_statutory(days, names, ledger.profile().holidays.statutory)
    if missing:
        raise LedgerError(
            f"{year} 年节假日表缺少法定节假日：{'、'.join(missing)}。一年的节假日表须列出国务院公布的全部放假日期，"
            "并在“名称”列写明节日（如“国庆节”）", Place(file=source) if source else None)
    ledger.load_holiday_year(year, days, names=names, source=source)


def load_holiday_file(ledger: Ledger, path: Path) -> tuple[int, dict[date, bool]]:
    """Read a year's holiday table from ``path`` and store it (:func:`store_holiday_year`); the
    action behind ``alley-ledger workdays load`` and 设置 → 导入节假日表. Returns (year, days)."""
    year, days, names = read_holiday_file(path)
    store_holiday_year(ledger, year, days, names, source=path.name)
    return year, days
