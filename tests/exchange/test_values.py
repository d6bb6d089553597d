"""Cells as clerks type them: dates to the day or only to the month, numbers with 约 or units."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from core.exchange.values import read_date, read_number


@pytest.mark.parametrize("cell, day, approximate", [
    ("2023年6月15日", date(2023, 6, 15), False), ("2023/10/15 0:00:00", date(2023, 10, 15), False),
    ("2023年10月", date(2023, 10, 31), True), ("2023.10", date(2023, 10, 31), True), ("2023.10.", date(2023, 10, 31), True),
    ("202310", date(2023, 10, 31), True), (202310, date(2023, 10, 31), True), ("2024年2月", date(2024, 2, 29), True),
    ("2023年2月中旬", date(2023, 2, 20), True), ("2023年10月上旬", date(2023, 10, 10), True), (2023.6, date(2023, 6, 30), True),
])
def test_dates_to_the_day_or_to_the_month(cell, day, approximate):
    read, note = read_date(cell)
    assert read == day and bool(note) is approximate


@pytest.mark.parametrize("cell, says", [
    (2023.1, "可能是 2023年1月，也可能是 2023年10月"), (float("inf"), "无法识别为日期"), (float("nan"), "无法识别为日期"),
    ("2023年13月", "无法识别为日期"), (202313, "无法识别为日期"),
])
def test_cells_that_are_no_date_say_why_and_never_crash(cell, says):
    with pytest.raises(ValueError, match=says):
        read_date(cell)


@pytest.mark.parametrize("cell, number, unit, approximate", [
    ("约150米", Decimal(150), "米", True), ("150米左右", Decimal(150), "米", True), ("100余米", Decimal(100), "米", True),
    ("近200", Decimal(200), "", True), ("1,234.5", Decimal("1234.5"), "", False), ("￥35", Decimal(35), "", False),
])
def test_numbers_with_about_words_units_and_separators(cell, number, unit, approximate):
    assert read_number(cell, {"米": Decimal(1)}) == (number, unit, approximate)
