"""The three pages of one programme year (年度清单, 统计总览, 检查结果) choose and read a year the same way:
the year picked is read for that year, a change the page does not show leaves it as it is, and one it
shows re-reads the same year."""

from __future__ import annotations

import pytest

from core.changes import Changes

YEAR = 2023
"""Not the year the demo county works on (2024), which every page opens on."""


@pytest.mark.parametrize(("name", "unshown", "says"), [
    ("annual", "problems", "列入清单 {0} 条"),
    ("overview", "attachments", "{1} 年背街小巷改造进展"),
    ("findings", "attachments", "{1} 年："),
])
def test_a_year_page_reads_the_year_picked_and_rereads_only_for_what_it_shows(qtbot, window, name, unshown, says):
    window.go_to(name)
    page = window.current_page()
    qtbot.waitUntil(page.is_ready, timeout=30_000)
    assert page.data.year == 2024 and page.year.currentText() == "2024 年"

    page.year.setCurrentIndex(page.year.findData(YEAR))
    assert not page.is_ready(), "the year picked is read again, on a worker"
    qtbot.waitUntil(page.is_ready, timeout=30_000)
    listed = [p for p in window.session.ledger.plans(year=YEAR) if p.withdrawn_on is None]
    assert page.data.year == YEAR
    assert says.format(len(listed), YEAR) in page.status_line.text()

    shown, job = page.data, page.job
    window.session.notify(Changes.of(unshown))
    assert page.loaded and page.is_ready() and page.job is job and page.data is shown

    window.session.notify(Changes.of("plans"))
    assert not page.is_ready()
    qtbot.waitUntil(page.is_ready, timeout=30_000)
    assert page.data is not shown and page.data.year == YEAR and page.year.currentData() == YEAR
