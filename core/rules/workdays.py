"""Working days (工作日, R10) on the official PRC holiday calendar, including make-up days (调休).

The calendar comes from the maintained ``chinesecalendar`` package, which covers the years the
State Council has announced. For other years the clerk can load that year's official table into
the database; until then the count falls back to Monday–Friday and is marked provisional.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

import chinese_calendar

if TYPE_CHECKING:
    from core.store import Ledger

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
    def from_ledger(cls, ledger: Ledger) -> HolidayCalendar:
        """The calendar with the holiday tables loaded into ``ledger`` (a :class:`core.store.Ledger`)."""
        table, years = ledger.holiday_table()
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
