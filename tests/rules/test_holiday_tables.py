"""Loading a year's official holiday table (for years the package does not know yet)."""

from __future__ import annotations

from datetime import date

import pytest

from core.errors import LedgerError
from core.exchange.holidays import parse_holiday_rows
from core.rules import HolidayCalendar
from tests.rules.helpers import holiday_year_2030


def test_rows_become_days_off_and_make_up_working_days():
    year, days, names = parse_holiday_rows(
        [("2030-10-01", "休", "国庆节"), ("2030年9月29日", "班", "国庆调休"), ("2030.10.2", "放假", "")], "2030.csv")
    assert year == 2030
    assert days == {date(2030, 10, 1): False, date(2030, 9, 29): True, date(2030, 10, 2): False}
    assert names[date(2030, 10, 1)] == "国庆节"


@pytest.mark.parametrize("rows, where, what", [
    ([("2030-13-01", "休", "")], "第2行「日期」", "无法识别为日期"),
    ([("2030-10-01", "休", ""), ("2030-10-02", "加班", "")], "第3行「类型」", "应为“休”或“班”"),
    ([("2030-10-01", "休", ""), ("2031-01-01", "休", "")], "2030.csv", "只能包含一个年份"),
    ([], "2030.csv", "空的"),
])
def test_bad_rows_say_where(rows, where, what):
    with pytest.raises(LedgerError) as caught:
        parse_holiday_rows(rows, "2030.csv")
    assert where in str(caught.value) and what in str(caught.value)


def test_a_loaded_year_is_no_longer_provisional(ledger):
    assert HolidayCalendar.from_ledger(ledger).add_workdays(date(2030, 9, 27), 3).provisional
    days, names = holiday_year_2030()
    ledger.load_holiday_year(2030, days, names=names)
    due = HolidayCalendar.from_ledger(ledger).add_workdays(date(2030, 9, 27), 3)
    assert due.date == date(2030, 10, 8)  # 29 Sep (make-up), 30 Sep, 8 Oct
    assert not due.provisional
    assert ledger.audit(table="holidays")[0].record_key == "2030年节假日"


def test_a_holiday_table_can_come_from_excel(tmp_path):
    from datetime import datetime

    from openpyxl import Workbook

    from core.exchange.holidays import read_holiday_file

    wb = Workbook()
    wb.active.append(["日期", "类型", "名称"])
    wb.active.append([datetime(2030, 10, 1), "休", "国庆节"])
    wb.active.append(["2030-09-29", "班", "国庆调休"])
    wb.save(tmp_path / "2030.xlsx")
    assert read_holiday_file(tmp_path / "2030.xlsx")[:2] == (2030, {date(2030, 10, 1): False, date(2030, 9, 29): True})
    wb.active["A1"] = "日子"
    wb.save(tmp_path / "bad.xlsx")
    with pytest.raises(LedgerError, match="第1行应为表头"):
        read_holiday_file(tmp_path / "bad.xlsx")


def test_the_package_calendar_answers_as_the_package_does_and_nothing_outside_its_years():
    from datetime import timedelta

    import chinese_calendar

    from core.rules.workdays import _package_workday

    first, last = min(chinese_calendar.holidays).year, max(chinese_calendar.holidays).year
    day = date(first, 1, 1)
    while day.year <= last:
        assert _package_workday(day) is chinese_calendar.is_workday(day), day
        day += timedelta(days=1)
    assert _package_workday(date(first - 1, 12, 31)) is None
    assert _package_workday(date(last + 1, 1, 1)) is None


def test_a_day_listed_twice_is_refused_with_its_row():
    from core.errors import LedgerError
    from core.exchange.holidays import parse_holiday_rows

    rows = [("2031-01-01", "休", "元旦"), ("2031-01-01", "班", "元旦")]
    with pytest.raises(LedgerError, match="日期 2031-01-01 重复出现") as refused:
        parse_holiday_rows(rows, "2031.csv")
    assert "第3行" in str(refused.value)
