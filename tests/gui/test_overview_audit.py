"""统计总览 and 操作日志 driven offscreen on the 300-alley demo county."""

from __future__ import annotations

from datetime import date, timedelta

import openpyxl
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage

from core.changes import Changes
from core.records import Acceptance
from gui.pages.overview import STAGE_COLOURS
from tests.gui.conftest import type_text


def _overview(window, qtbot):
    window.go_to("overview")
    page = window.pages["overview"]
    qtbot.waitUntil(page.is_ready, timeout=10000)
    return page


def _card(page, key: str) -> str:
    return page.cards[key].text()


def test_overview_shows_the_demo_countys_year(window, qtbot):
    page = _overview(window, qtbot)
    year = page.year.currentData()
    assert year == 2024  # the latest year with plans
    ledger = window.session.ledger
    plans = ledger.plans(year=year)
    target = ledger.settings().target_for(year)
    data = page.data
    assert data.total.planned == len(plans) and f">{len(plans)}<" in _card(page, "planned")
    assert data.total.completed == sum(1 for p in plans if p.completion_on) and f">{data.total.completed}<" in _card(page, "completed")
    assert f">{target.alleys}<" in _card(page, "target")
    assert f"{data.total.boutique_eligible} / {target.boutique}" in _card(page, "boutique")
    short = data.total.boutique - data.total.boutique_eligible
    assert short > 0 and f"{short} 条不具备条件<br>评为精品 {data.total.rated_boutique} 条" in _card(page, "boutique")
    assert sum(r.planned for r in data.by_subdistrict) == len(plans)
    assert "示例县" in page.heading.text() and f"{year} 年" in page.heading.text()
    titles = [page.deadlines.item(r, 0).text() for r in range(page.deadlines.rowCount())]
    assert titles[:4] == ["完成招标并签订施工合同", "开工建设", "完成建设内容（竣工）", "竣工验收备案"]
    assert page.deadlines.item(0, 1).text().startswith(f"{year}-06-30")
    assert "未办结问题" in page.problem_summary.text()
    assert all(chart.data is data for chart in page.charts.values())


def test_overview_follows_the_year_picked(window, qtbot):
    page = _overview(window, qtbot)
    page.year.setCurrentIndex(page.year.findData(2023))
    qtbot.waitUntil(lambda: page.is_ready() and page.data.year == 2023, timeout=10000)
    assert page.data.total.planned == len(window.session.ledger.plans(year=2023))
    assert "2023 年" in page.heading.text()


def _accept_one(ledger, year: int) -> None:
    """Complete and accept (合格) one of the year's unfinished plans, as the acceptance page would."""
    plan = next(p for p in ledger.plans(year=year) if p.completion_on is None and ledger.acceptance_for(p.id) is None)
    done = date(year, 11, 25)
    ledger.save(plan.model_copy(update={"completion_on": done}))
    ledger.add(Acceptance(plan_id=plan.id, accepted_on=done + timedelta(days=3), result="合格"))


def test_overview_counts_a_new_acceptance(window, qtbot):
    page = _overview(window, qtbot)
    before = page.data.total
    ledger = window.session.ledger
    _accept_one(ledger, 2024)
    window.refresh()  # F5
    qtbot.waitUntil(lambda: page.is_ready() and page.data.total.accepted != before.accepted, timeout=10000)
    after = page.data.total
    assert (after.accepted, after.completed) == (before.accepted + 1, before.completed + 1)
    assert f">{before.accepted + 1}<" in _card(page, "accepted")
    # a change saved while another page shows is there when the clerk comes back
    window.go_to("plans")
    _accept_one(ledger, 2024)
    window.session.notify(Changes.of("acceptances"))
    window.go_to("overview")
    qtbot.waitUntil(page.is_ready, timeout=10000)
    assert page.data.total.accepted == before.accepted + 2


def test_each_chart_exports_as_a_png_of_its_size(window, qtbot, answers, tmp_path):
    page = _overview(window, qtbot)
    chart = page.charts["subdistricts"]
    answers.files.append(tmp_path / "各街道进度")  # no extension typed: .png is added
    path = page.export_chart("subdistricts")
    assert path == str(tmp_path / "各街道进度.png")
    image = QImage(path)
    assert not image.isNull() and image.size() == chart.size()
    filed = STAGE_COLOURS["已备案"].rgb()
    assert any(image.pixel(x, y) == filed for x in range(0, image.width(), 3) for y in range(0, image.height(), 3))
    answers.files.append(tmp_path / "资金.png")
    qtbot.mouseClick(page.export_buttons["funding"], Qt.MouseButton.LeftButton)
    assert QImage(str(tmp_path / "资金.png")).size() == page.charts["funding"].size()
    # the clerk cancels the file dialog: nothing is written
    assert page.export_chart("county") is None
    assert sorted(p.name for p in tmp_path.glob("*.png")) == ["各街道进度.png", "资金.png"]
    assert QColor(image.pixel(1, 1)) == QColor("white")


# ---------------------------------------------------------------- 操作日志
def _audit(window, qtbot):
    window.go_to("audit")
    page = window.pages["audit"]
    qtbot.waitUntil(page.is_ready, timeout=5000)
    return page


def _rows(page) -> list[tuple[str, ...]]:
    model = page.model
    return [tuple(model.index(r, c).data() for c in range(model.columnCount())) for r in range(model.rowCount())]


def test_audit_log_reads_a_page_at_a_time(window, qtbot):
    page = _audit(window, qtbot)
    total = len(window.session.ledger.audit())
    assert page.model.total == total and f"共 {total} 条" in page.count_label.text()
    assert page.model.rowCount() == 200 and page.model.canFetchMore(page.model.index(-1, -1))
    page.table.scrollToBottom()
    qtbot.waitUntil(lambda: page.model.rowCount() > 200, timeout=3000)
    assert _rows(page)[0][2] == "装入演示数据"  # newest first


def test_audit_filter_by_record_and_date_then_export(window, qtbot, answers, tmp_path):
    ledger = window.session.ledger
    alley = ledger.alley("45012300001")
    ledger.save(alley.model_copy(update={"chief": "李四"}))
    # the demo's entries as if made in an earlier year, the clerk's change today
    ledger.db.execute("UPDATE audit_log SET at = '2024-05-01T09:30:00' WHERE who != '测试员'")
    ledger.db.conn.commit()
    page = _audit(window, qtbot)

    type_text(qtbot, page.record, "45012300001")
    qtbot.keyClick(page.record, Qt.Key.Key_Return)
    rows = _rows(page)
    assert rows and {r[4].split("/")[0] for r in rows} == {"45012300001"}
    assert rows[0][1:4] == ("测试员", "修改", "街巷") and "街巷长：" in rows[0][5] and "→ 李四" in rows[0][5]
    assert "街巷长：" in page.details.toPlainText()  # the newest entry is selected and shown whole
    kinds = {r[3] for r in rows}
    assert {"街巷", "调查摸底", "改造方案"} <= kinds

    page.set_dates(date.today(), date.today())
    assert [r[2] for r in _rows(page)] == ["修改"] and "共 1 条" in page.count_label.text()
    page.set_dates(date(2024, 5, 1), date(2024, 5, 31))
    old = _rows(page)
    assert len(old) == len(rows) - 1 and all(r[0] == "2024-05-01 09:30:00" for r in old)
    page.set_dates(date(2020, 1, 1), date(2020, 12, 31))
    assert page.model.rowCount() == 0 and "共 0 条" in page.count_label.text()
    assert not page.export_button.isEnabled()

    page.set_dates(date(2024, 1, 1), None)
    out = tmp_path / "操作日志.xlsx"
    answers.files.append(out)
    job = page.export_excel()
    qtbot.waitUntil(lambda: job.done, timeout=10000)
    assert job.ok, job.result
    ws = openpyxl.load_workbook(out).active
    assert "操作日志" in ws["A1"].value and "记录：45012300001" in ws["B1"].value
    assert ws.freeze_panes == "A3"
    exported = list(ws.iter_rows(min_row=3, values_only=True))
    assert len(exported) == len(rows)
    assert [r[1] for r in exported] == [r[0] for r in rows]
    assert exported[0][2:6] == ("测试员", "修改", "街巷", "45012300001") and "→ 李四" in exported[0][6]

    page.clear_filter()
    assert page.record.text() == "" and page.model.total == len(ledger.audit())


def test_audit_filter_by_kind_and_person(window, qtbot):
    ledger = window.session.ledger
    ledger.save(ledger.alley("45012300002").model_copy(update={"notes": "巷口改道"}))
    page = _audit(window, qtbot)
    page.kind.setCurrentIndex(page.kind.findText("改造方案"))
    assert {r[3] for r in _rows(page)} == {"改造方案"}
    assert page.model.total == len(ledger.audit(table="plans"))
    page.kind.setCurrentIndex(0)
    page.refresh()  # picks up the people who appear in the log
    page.who.setCurrentIndex(page.who.findData("测试员"))
    assert [(r[1], r[2], r[4]) for r in _rows(page)] == [("测试员", "修改", "45012300002")]


def test_the_deadlines_table_keeps_every_column_in_view_on_a_narrow_screen(qtbot, window):
    """At 1024 px the 近期期限 box is half the screen: its columns wrap their text instead of running
    off to the right (状态 and 情况 were cut there)."""
    window.resize(1024, 698)
    window.go_to("overview")
    page = window.current_page()
    qtbot.waitUntil(page.is_ready, timeout=30_000)
    table = page.deadlines
    header = table.horizontalHeader()
    assert table.rowCount() > 0
    assert header.sectionPosition(3) + header.sectionSize(3) <= table.viewport().width() + 1
