"""Working days (工作日, R10) on the official PRC holiday calendar, including make-up days (调休).

The calendar comes from the maintained ``chinesecalendar`` package, which covers the years the
State Council has announced. For other years the clerk can load that year's official table into
the database; until then the count falls back to Monday–Friday and is marked provisional.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import chinese_calendar

# The years the package's tables cover: its own is_workday works them out again on every call
# (about 20 µs, twice the whole of a problem's deadline), so the lookup below reads the tables.
PACKAGE_YEARS = range(min(chinese_calendar.holidays).year, max(chinese_calendar.holidays).year + 1)
"""Years the holiday package covers (the official 国务院 schedules published so far)."""


def _package_workday(day: date) -> bool | None:
    """The package's answer for ``day`` (``chinese_calendar.is_workday``: a make-up working day, or a
    weekday that is no holiday), or None when its tables do not cover the year.
    """
    if day.year not in PACKAGE_YEARS:
        return None
    return day in chinese_calendar.workdays or (day.weekday() < 5 and day not in chinese_calendar.holidays)


@dataclass(frozen=True)
class DueDate:
    """A computed deadline; ``provisional`` when a year on the way had no holiday table."""

    date: date
    provisional: bool
    missing_years: tuple[int, ...] = ()


class HolidayCalendar:
    """Which days are working days: a loaded table first, then the package, then Monday–Friday."""

    def __init__(self, table: dict[date, bool] | None = None, table_years: set[int] | None = None):
        self._table = dict(table or {})
        self._table_years = set(table_years or ())
        self._added: dict[tuple[date, int], DueDate] = {}

    @classmethod
    def from_ledger(cls, ledger: object) -> HolidayCalendar:
        """The calendar with the holiday tables loaded into ``ledger`` (a :class:`core.store.Ledger`)."""
        table, years = ledger.holiday_table()  # type: ignore[attr-defined]
        return cls(table, years)

    def covers(self, year: int) -> bool:
        """True when ``year`` has an official table (loaded or in the package)."""
        return year in self._table_years or _package_workday(date(year, 6, 1)) is not None

    def is_workday(self, day: date) -> tuple[bool, bool]:
        """(is it a working day, is that known from an official table)."""
        if day.year in self._table_years:
            return self._table.get(day, day.weekday() < 5), True
        known = _package_workday(day)
        if known is None:
            return day.weekday() < 5, False
        return known, True

    def add_workdays(self, start: date, days: int) -> DueDate:
        """The ``days``-th working day after ``start``, counting from the next day.

        ``days == 0`` means the same day (紧急: 立即办理).
        """
        if days < 0:
            raise ValueError("工作日天数不能为负数")
        found = self._added.get((start, days))
        if found is None:
            found = self._added[(start, days)] = self._count(start, days)
        return found

    def _count(self, start: date, days: int) -> DueDate:
        current, counted, missing = start, 0, set()
        while counted < days:
            current += timedelta(days=1)
            working, known = self.is_workday(current)
            if not known:
                missing.add(current.year)
            if working:
                counted += 1
        return DueDate(current, bool(missing), tuple(sorted(missing)))

    @staticmethod
    def add_calendar_days(start: date, days: int) -> DueDate:
        """``days`` calendar days after ``start`` (never provisional)."""
        return DueDate(start + timedelta(days=days), False)

    def add(self, start: date, days: int, unit: str, *, roll: bool = False) -> DueDate:
        """Add ``days`` working or calendar days (``unit`` is ``working`` or ``calendar``).

        With ``roll``, a calendar-day deadline that falls on a day off moves to the next working day
        (provisional when a year on the way has no official table).
        """
        if unit == "calendar":
            due = self.add_calendar_days(start, days)
            return self.next_workday(due.date) if roll else due
        return self.add_workdays(start, days)

    def next_workday(self, day: date) -> DueDate:
        """``day`` itself when it is a working day, else the first working day after it."""
        current, missing = day, set()
        while True:
            working, known = self.is_workday(current)
            if not known:
                missing.add(current.year)
            if working:
                return DueDate(current, bool(missing), tuple(sorted(missing)))
            current += timedelta(days=1)


def missing_statutory(days: dict[date, bool], names: dict[date, str], statutory: dict[str, list[str]]) -> list[str]:
    """The statutory holidays (``statutory``: holiday → words that name it) that no day off of a
    year's table is named after."""
    off_names = [names.get(day, "") for day, working in days.items() if not working]
    return [holiday for holiday, words in statutory.items()
            if not any(word and word in name for name in off_names for word in words)]


def read_holiday_file(path: Path) -> tuple[int, dict[date, bool], dict[date, str]]:
    """A year's holiday table from a CSV (UTF-8 or GBK) or Excel file whose first row is 日期, 类型[, 名称]."""
    from core.errors import LedgerError, Place
    from core.exchange.reader import read_sheets

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
    from core.errors import LedgerError, Place
    from core.exchange.values import parse_date

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
