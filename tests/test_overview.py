"""The overview (统计总览) and the audit log viewer (操作日志) as the core computes them."""

from __future__ import annotations

from datetime import date

import openpyxl
import pytest

from core.audit_view import PAGE_SIZE, AuditFilter, iter_lines, people, read_page
from core.exchange.lists import export_audit
from core.overview import default_year, gather_overview, years_with_plans
from core.profile import MonthDay
from core.records import Acceptance, CountySettings, Filing, Problem, Survey, YearTarget
from core.store import Ledger
from tests.conftest import make_alley, make_plan

AS_OF = date(2024, 3, 1)


@pytest.fixture
def county(ledger):
    """Four alleys in two sub-districts with 2023 plans at different stages (and one 2022 plan)."""
    ledger.save_settings(CountySettings(name="示例县", code="450123",
                                        targets=[YearTarget(year=2023, alleys=4, boutique=1)]))
    a1 = make_alley(ledger, "4501230001", subdistrict="城东街道")
    a2 = make_alley(ledger, "4501230002", name="榕树巷", subdistrict="城东街道")
    a3 = make_alley(ledger, "4501230003", name="水井巷", subdistrict="城西街道")
    a4 = make_alley(ledger, "4501230004", name="书院巷", subdistrict="城西街道")
    make_plan(ledger, a1, year=2022, contract_on=date(2022, 6, 1), start_on=date(2022, 6, 5))
    # on time all the way: subsidy 500,000 + bonus 100,000; accepted and filed within 15 days
    p1 = make_plan(ledger, a1, contract_on=date(2023, 6, 15), start_on=date(2023, 6, 20),
                   completion_on=date(2023, 11, 20))
    ledger.add(Acceptance(plan_id=p1.id, accepted_on=date(2023, 11, 25), result="合格"))
    ledger.add(Filing(plan_id=p1.id, filed_on=date(2023, 12, 5)))
    # 精品, contract after 30 June (no bonus), completed late, rated 精品 (award), not filed; surveyed
    # (without a survey a 精品类 plan cannot be judged 精品-eligible, R2)
    county_survey = Survey(alley_id=a2.id, surveyed_on=date(2022, 2, 10))
    ledger.add(county_survey)
    p2 = make_plan(ledger, a2, category="精品类", total_investment_yuan=4_000_000,
                   measures=[{"code": "clean"}, {"code": "safety"}, {"code": "publicity"}],
                   contract_on=date(2023, 7, 2), start_on=date(2023, 7, 10), completion_on=date(2023, 12, 5))
    ledger.add(Acceptance(plan_id=p2.id, accepted_on=date(2023, 12, 10), result="合格",
                          boutique_eval_on=date(2023, 12, 20), boutique_eval_result="精品"))
    # bonus earned, never completed: the bonus (50,000) is clawed back
    make_plan(ledger, a3, total_investment_yuan=1_000_000, contract_on=date(2023, 6, 10),
              start_on=date(2023, 6, 15))
    # nothing signed
    make_plan(ledger, a4, total_investment_yuan=3_000_000)
    return ledger


def test_progress_counts_each_stage_in_total_and_by_subdistrict(county):
    ov = gather_overview(county, 2023, as_of=AS_OF)
    t = ov.total
    assert (t.planned, t.started, t.completed, t.accepted, t.filed) == (4, 3, 2, 2, 1)
    assert (t.boutique, t.boutique_eligible, t.rated_boutique) == (1, 1, 1)
    assert (ov.target, ov.boutique_quota) == (4, 1)
    east, west = ov.by_subdistrict
    assert east.name == "城东街道" and (east.planned, east.started, east.completed, east.accepted, east.filed) == (2, 2, 2, 2, 1)
    assert west.name == "城西街道" and (west.planned, west.started, west.completed, west.accepted, west.filed) == (2, 1, 0, 0, 0)


def test_a_boutique_plan_without_the_conditions_does_not_count_toward_the_quota(county):
    plan = next(p for p in county.plans(year=2023) if p.category == "精品类")
    county.save(plan.model_copy(update={"measures": plan.measures[:2]}))  # one 四补 measure left
    t = gather_overview(county, 2023, as_of=AS_OF).total
    assert (t.boutique, t.boutique_eligible) == (1, 0)


def test_other_years_are_not_counted(county):
    ov = gather_overview(county, 2022, as_of=AS_OF)
    assert (ov.total.planned, ov.total.started, ov.total.completed) == (1, 1, 0)
    assert years_with_plans(county) == [2022, 2023]
    assert default_year([2022, 2023], date(2026, 1, 1)) == 2023
    assert default_year([2022, 2023, 2027], date(2023, 5, 1)) == 2023


def test_failed_acceptance_is_not_accepted(county):
    alley = make_alley(county, "4501230005", subdistrict="城西街道")
    plan = make_plan(county, alley, completion_on=date(2023, 11, 1))
    county.add(Acceptance(plan_id=plan.id, accepted_on=date(2023, 11, 10), result="不合格"))
    t = gather_overview(county, 2023, as_of=AS_OF).total
    assert (t.completed, t.accepted, t.failed) == (3, 2, 1)


def test_funding_totals_in_whole_yuan(county):
    ov = gather_overview(county, 2023, as_of=AS_OF)
    money = ov.funding
    assert money["subsidy_yuan"] == 500_000 + 1_000_000 + 250_000 + 750_000
    assert money["bonus_yuan"] == 100_000 + 50_000
    assert money["clawback_yuan"] == 50_000
    assert money["boutique_award_yuan"] == 1_500_000
    assert money["total_yuan"] == 2_500_000 + 150_000 - 50_000 + 1_500_000
    assert all(isinstance(v, int) for v in money.values())
    assert ov.funding_by_subdistrict["城东街道"]["total_yuan"] == 600_000 + 1_000_000 + 1_500_000
    assert ov.funding_by_subdistrict["城西街道"]["total_yuan"] == 250_000 + 750_000
    assert [name for name, _ in ov.funding_lines()] == ["自治区补助", "奖励资金", "扣回资金", "精品奖补", "合计"]


def test_deadlines_after_the_year(county):
    contract, start, completion, filing, _, _ = gather_overview(county, 2023, as_of=AS_OF).deadlines
    assert contract.due == date(2023, 6, 30)
    assert (contract.on_time, contract.late, contract.pending, contract.overdue) == (2, 1, 1, 1)
    assert contract.status == "已过 245 天" and contract.urgent
    assert (start.on_time, start.late, start.pending) == (2, 1, 1)
    assert completion.due == date(2023, 11, 30)
    assert (completion.on_time, completion.late, completion.pending, completion.overdue) == (1, 1, 2, 2)
    assert completion.money_yuan == 50_000 and "已扣回 5.00 万元" in completion.note
    assert filing.due is None and filing.rule == "验收合格后 15 日内"
    assert (filing.on_time, filing.late, filing.pending, filing.overdue) == (1, 0, 1, 1)


def test_deadlines_before_30_june_show_the_bonus_still_to_earn(ledger):
    alley = make_alley(ledger)
    make_plan(ledger, alley)  # 2,000,000 元, no contract yet
    contract, _, completion, *_ = gather_overview(ledger, 2023, as_of=date(2023, 6, 1)).deadlines
    assert contract.status == "还有 29 天" and not contract.urgent
    assert contract.money_yuan == 100_000
    assert "6月30日前签订可获奖励资金 10.00 万元" in contract.note
    assert completion.status == "还有 182 天"


def test_deadlines_come_from_the_profile(county, monkeypatch):
    profile = county.profile()
    later = profile.model_copy(update={"deadlines": profile.deadlines.model_copy(update={"contract": MonthDay("07-31")})})
    monkeypatch.setattr(county, "profile", lambda: later)
    contract = gather_overview(county, 2023, as_of=AS_OF).deadlines[0]
    assert contract.due == date(2023, 7, 31) and contract.rule == "7月31日前"
    assert (contract.on_time, contract.late) == (3, 0)


def test_open_problems_overdue_and_due_soon_with_provisional_deadlines(ledger):
    alley = make_alley(ledger)
    # worked example: assigned Friday 2025-09-26, general → due Monday 2025-10-13
    ledger.add(Problem(alley_id=alley.id, description="井盖松动", reported_on=date(2025, 9, 26),
                       assigned_on=date(2025, 9, 26), urgency="一般", assigned_department="市政管理所"))
    ledger.add(Problem(alley_id=alley.id, description="已办结未反馈", reported_on=date(2025, 9, 26),
                       handled_on=date(2025, 9, 29)))
    ledger.add(Problem(alley_id=alley.id, description="已反馈", reported_on=date(2025, 9, 26),
                       handled_on=date(2025, 9, 29), feedback_on=date(2025, 9, 30)))
    # 2031 has no official holiday table: Monday–Friday, provisional
    ledger.add(Problem(alley_id=alley.id, description="路灯不亮", reported_on=date(2031, 3, 3)))
    ledger.add(Problem(alley_id=alley.id, description="远未到期", reported_on=date(2031, 3, 9), urgency="复杂"))
    ov = gather_overview(ledger, 2031, as_of=date(2031, 3, 10))
    assert ov.open_problems == 4  # the one fed back is done; the one handled but not fed back is not
    late_reply, overdue, soon = ov.problems
    assert late_reply.description == "已办结未反馈" and late_reply.due == date(2025, 10, 9)  # 2 working days
    assert late_reply.status.startswith("反馈超期")
    assert overdue.description == "井盖松动" and overdue.due == date(2025, 10, 13) and not overdue.provisional
    assert overdue.overdue and overdue.status.startswith("超期")
    assert soon.description == "路灯不亮" and soon.due == date(2031, 3, 12) and soon.provisional
    assert soon.status == "还有 2 天（期限暂定）"
    assert ov.provisional and (ov.overdue_problems, ov.due_soon_problems) == (2, 1)


def test_year_without_plans(ledger):
    ov = gather_overview(ledger, 2030, as_of=date(2030, 1, 1))
    assert ov.total.planned == 0 and ov.by_subdistrict == [] and ov.target is None
    assert ov.funding["total_yuan"] == 0
    assert [d.status for d in ov.deadlines[:3]] == ["已全部完成"] * 3


# ---------------------------------------------------------------- audit log viewer
def test_an_alleys_entries_in_chinese_newest_first(ledger):
    alley = make_alley(ledger)
    make_alley(ledger, "4501230002", name="别的巷")
    plan = make_plan(ledger, alley, contract_amount_yuan=1_850_000)
    ledger.save(alley.model_copy(update={"name": "槐花巷", "length_m": 120.0}))
    ledger.save(plan.model_copy(update={"total_investment_yuan": 2_100_000}), reason="概算调整")
    page = read_page(ledger, AuditFilter(record="4501230001"), count=True)
    assert page.total == 4 and page.after is None
    latest, renamed, planned, added = page.lines
    assert (latest.action, latest.kind, latest.record, latest.who) == ("修改", "改造方案", "4501230001/2023", "测试员")
    assert latest.summary() == "总投资：200.00 万元 → 210.00 万元" and latest.reason == "概算调整"
    assert (renamed.action, renamed.kind) == ("修改", "街巷")
    assert "街巷名称：槐树巷 → 槐花巷" in renamed.summary() and "长度(米)：（空） → 120.0" in renamed.summary()
    assert planned.action == "新增"
    # a new record lists what was entered, in the form's order, without its own alley again
    assert planned.summary(limit=None).startswith("年度：2023；类别：达标类；改造内容：清理整治；总投资：200.00 万元")
    assert "合同金额：185.00 万元" in planned.summary(limit=None) and "街巷：" not in planned.summary(limit=None)
    assert added.kind == "街巷" and "街巷编码：4501230001" in added.summary(limit=None)


def test_deleted_records_and_children_found_by_alley_name(ledger):
    alley = make_alley(ledger, name="解放路")
    problem = ledger.add(Problem(alley_id=alley.id, description="垃圾未清运", reported_on=date(2025, 3, 3)))
    ledger.delete(problem, reason="重复登记")
    lines = read_page(ledger, AuditFilter(record="解放")).lines
    assert [(x.action, x.kind) for x in lines] == [("删除", "问题"), ("新增", "问题"), ("新增", "街巷")]
    assert lines[0].reason == "重复登记" and "问题描述：垃圾未清运" in lines[0].summary()
    assert read_page(ledger, AuditFilter(record="不存在的巷")).lines == []


def test_filter_by_kind_person_and_dates(file_ledger, tmp_path):
    alley = make_alley(file_ledger)
    with Ledger.open(file_ledger.path, user="王五") as other:
        make_plan(other, alley)
    file_ledger.db.execute("UPDATE audit_log SET at = '2024-05-01T09:30:00' WHERE table_name = 'alleys'")
    file_ledger.db.conn.commit()
    assert people(file_ledger) == sorted(["测试员", "王五"])
    assert [x.kind for x in read_page(file_ledger, AuditFilter(table="plans")).lines] == ["改造方案"]
    assert [x.who for x in read_page(file_ledger, AuditFilter(who="王五")).lines] == ["王五"]
    in_2024 = read_page(file_ledger, AuditFilter(since=date(2024, 5, 1), until=date(2024, 5, 1)), count=True)
    assert in_2024.total == 1 and in_2024.lines[0].at == "2024-05-01 09:30:00" and in_2024.lines[0].kind == "街巷"
    assert read_page(file_ledger, AuditFilter(since=date(2024, 5, 2), until=date(2024, 12, 31)), count=True).total == 0
    assert read_page(file_ledger, AuditFilter(until=date(2024, 4, 30)), count=True).total == 0
    assert read_page(file_ledger, AuditFilter(since=date(2024, 1, 1)), count=True).total == 3  # settings too


def test_pages_follow_on_without_gaps(ledger):
    for n in range(1, 451):
        make_alley(ledger, f"45012{n:05d}")
    first = read_page(ledger, AuditFilter(table="alleys"), count=True)
    assert first.total == 450 and len(first.lines) == PAGE_SIZE
    second = read_page(ledger, AuditFilter(table="alleys"), after=first.after)
    third = read_page(ledger, AuditFilter(table="alleys"), after=second.after)
    assert len(second.lines) == PAGE_SIZE and len(third.lines) == 50 and third.after is None
    ids = [x.id for x in first.lines + second.lines + third.lines]
    assert ids == sorted(ids, reverse=True) and len(set(ids)) == 450
    assert len(list(iter_lines(ledger, AuditFilter(table="alleys"), chunk=100))) == 450


def test_operations_read_as_notes(ledger):
    ledger.note("import", "导入 台账.xlsx：新增 3，更新 0", source="abc123")
    line = read_page(ledger, AuditFilter(table="ledger")).lines[0]
    assert (line.action, line.kind, line.record, line.summary()) == ("导入台账", "数据库", "", "导入 台账.xlsx：新增 3，更新 0")


def test_export_writes_the_filtered_entries(ledger, tmp_path):
    alley = make_alley(ledger)
    make_alley(ledger, "4501230002", name="别的巷")
    ledger.save(alley.model_copy(update={"name": "=槐花巷"}))
    out = tmp_path / "日志.xlsx"
    result = export_audit(ledger, AuditFilter(record="4501230001"), out)
    assert result.rows == 2
    ws = openpyxl.load_workbook(out).active
    assert ws.title == "操作日志" and "示例县巷账操作日志" in ws["A1"].value
    assert "记录：4501230001" in ws["B1"].value
    assert [c.value for c in ws[2]] == ["序号", "时间", "操作人", "操作", "记录类别", "记录", "修改内容", "原因", "来源"]
    assert ws.freeze_panes == "A3"
    rows = list(ws.iter_rows(min_row=3, values_only=True))
    assert [r[3] for r in rows] == ["修改", "新增"] and {r[5] for r in rows} == {"4501230001"}
    assert rows[0][6] == "街巷名称：槐树巷 → =槐花巷"  # text, never a formula
    assert "\n" in rows[1][6]  # every field on its own line
    assert ws.column_dimensions["G"].width > 40


def test_the_source_of_a_change_reads_in_chinese():
    from core.audit_view import source_text

    assert source_text("demo seed=7") == "演示数据（随机种子 7）"
    assert source_text("import 城东台账.xlsx sha256=" + "0123456789ab" * 5 + "cdef") == (
        "导入「城东台账.xlsx」（SHA-256 0123456789ab…）")
    assert source_text("界面") == "界面"
