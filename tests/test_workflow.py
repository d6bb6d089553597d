"""After construction: acceptance only after completion, filing only when complete, closing problems."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from core.actions import save_record
from core.errors import LedgerError, LockedRecord
from core.records import Acceptance, Filing, Plan, Problem, ProgressEntry
from core.workflow import (
    acceptance_refusal,
    attach_document,
    close_refusal,
    completeness,
    deadline_text,
    file_and_lock,
    filing_refusal,
    progress_refusal,
    progress_warnings,
)
from tests.conftest import make_alley, make_plan


@pytest.fixture
def plan(ledger):
    alley = make_alley(ledger)
    return make_plan(ledger, alley, start_on=date(2023, 6, 1), completion_on=date(2023, 10, 20))


def test_acceptance_only_after_completion(ledger, plan):
    early = Acceptance(plan_id=plan.id, accepted_on=date(2023, 10, 1), result="合格")
    assert "早于竣工日期 2023-10-20" in acceptance_refusal(ledger, early)
    assert acceptance_refusal(ledger, early.model_copy(update={"accepted_on": date(2023, 10, 25)})) is None
    unfinished = ledger.save(Plan.model_validate({**plan.model_dump(), "completion_on": None}))
    assert "还没有竣工日期" in acceptance_refusal(ledger, early.model_copy(update={"plan_id": unfinished.id}))


def test_filing_needs_a_passed_acceptance_and_every_required_document(ledger, plan, profile):
    filing = ledger.save(Filing(plan_id=plan.id))
    reasons = filing_refusal(ledger, filing)
    assert any("还没有竣工验收记录" in r for r in reasons)
    assert any(r.startswith("备案资料不全，缺少：竣工验收备案表") for r in reasons)
    with pytest.raises(LedgerError) as refused:
        file_and_lock(ledger, filing)
    assert "不能归档锁定" in str(refused.value)
    ledger.save(Acceptance(plan_id=plan.id, accepted_on=date(2023, 10, 25), result="合格"))
    required = [d for d in profile.documents if d.required]
    for n, doc in enumerate(required):
        filing = attach_document(ledger, filing, f"scan {n}".encode(), f"{doc.key}.pdf", kind=doc.key)
    assert completeness(ledger, filing).complete
    assert [d.title for d in filing.documents] == [d.title for d in required]
    assert [a.file_name for a, _ in ledger.attachments_of(filing)] == [f"{d.key}.pdf" for d in required]
    locked = file_and_lock(ledger, filing, today=date(2023, 11, 2))
    assert locked.locked_at is not None and locked.filed_on == date(2023, 11, 2)
    # after locking, the plan needs an amendment reason
    with pytest.raises(LockedRecord):
        ledger.save(Plan.model_validate({**ledger.get(Plan, plan.id).model_dump(), "notes": "改"}))
    assert "已于" in filing_refusal(ledger, locked)[-1]


def test_a_problem_is_closed_only_when_handled_and_fed_back():
    base = {"alley_id": 1, "description": "井盖松动", "reported_on": date(2025, 9, 26)}
    assert close_refusal(Problem(**base)) is None  # not being closed: nothing to refuse
    assert "还没有办结" in close_refusal(Problem(**base, closed_on=date(2025, 9, 30)))
    handled = {**base, "handled_on": date(2025, 9, 28)}
    assert "还没有反馈" in close_refusal(Problem(**handled, closed_on=date(2025, 9, 30)))
    assert close_refusal(Problem(**handled, feedback_on=date(2025, 9, 29), closed_on=date(2025, 9, 30))) is None


def test_the_deadline_reads_in_working_days(ledger):
    alley = make_alley(ledger)
    problem = Problem(alley_id=alley.id, description="井盖松动", reported_on=date(2025, 9, 26), urgency="一般")
    # domain.md §4: 7 working days after Friday 26 Sep 2025 skip the National Day holiday → 13 Oct
    assert deadline_text(ledger, problem) == "办结期限 2025-10-13（一般：7 个工作日）"
    urgent = problem.model_copy(update={"urgency": "紧急"})
    assert deadline_text(ledger, urgent) == "办结期限 2025-09-26（紧急：当日办结）"
    far = problem.model_copy(update={"reported_on": date(2031, 3, 3)})
    assert "暂估：2031 年尚无节假日表" in deadline_text(ledger, far)


def test_an_accepted_plan_keeps_its_completion_on_or_before_the_acceptance(ledger, plan):
    from core.workflow import plan_refusal

    ledger.save(Acceptance(plan_id=plan.id, accepted_on=date(2023, 10, 25), result="合格"))
    cleared = Plan.model_validate({**plan.model_dump(), "completion_on": None})
    assert "竣工日期不能清空" in plan_refusal(ledger, cleared)
    later = Plan.model_validate({**plan.model_dump(), "completion_on": date(2023, 10, 30)})
    assert "晚于竣工验收日期 2023-10-25" in plan_refusal(ledger, later)
    assert plan_refusal(ledger, plan) is None


def test_an_acceptance_dated_in_the_future_is_refused(ledger, plan):
    future = Acceptance(plan_id=plan.id, accepted_on=date(2023, 11, 5), result="合格")
    assert "在今天（2023-11-01）之后" in acceptance_refusal(ledger, future, today=date(2023, 11, 1))


def test_locking_checks_the_filing_date_it_will_carry(ledger, plan, profile):
    ledger.save(Acceptance(plan_id=plan.id, accepted_on=date(2023, 10, 25), result="合格"))
    filing = ledger.save(Filing(plan_id=plan.id))
    for n, doc in enumerate(d for d in profile.documents if d.required):
        filing = attach_document(ledger, filing, f"scan {n}".encode(), f"{doc.key}.pdf", kind=doc.key)
    with pytest.raises(LedgerError) as refused:
        file_and_lock(ledger, filing, today=date(2023, 10, 20))  # filed before the acceptance
    assert "备案日期 2023-10-20 早于竣工验收日期 2023-10-25" in str(refused.value)
    assert ledger.filing_for(plan.id).locked_at is None


def test_one_file_cannot_stand_for_two_documents_and_the_catalogue_can_be_corrected(ledger, plan):
    from core.workflow import remove_document, update_document

    filing = ledger.save(Filing(plan_id=plan.id))
    filing = attach_document(ledger, filing, b"the same scan", "备案表.pdf", kind="filing_form")
    with pytest.raises(LedgerError, match="内容相同"):
        attach_document(ledger, filing, b"the same scan", "验收报告.pdf", kind="acceptance_report")
    filing = attach_document(ledger, filing, b"another scan", "报告.pdf", kind="acceptance_report")
    filing = update_document(ledger, filing, 2, {"pages": 12, "doc_date": date(2023, 10, 25)})
    assert (filing.documents[1].pages, filing.documents[1].doc_date) == (12, date(2023, 10, 25))
    with pytest.raises(LedgerError):
        update_document(ledger, filing, 2, {"pages": -1})
    filing = remove_document(ledger, filing, 1)
    assert [d.title for d in filing.documents] == ["竣工验收报告（建设、设计、施工、监理单位签字盖章）"]
    assert [a.file_name for a, _ in ledger.attachments_of(filing)] == ["报告.pdf"]
    removed = ledger.audit(table="filings", record_id=filing.id, limit=1)[0]
    assert removed.changes["attachments"][0]["file_name"] == "备案表.pdf"


# ------------------------------------------------------------------ monthly progress (月调度)
def _report(plan, on, yuan, text="路面硬化完成约六成"):
    return ProgressEntry(plan_id=plan.id, reported_on=on, progress_text=text, cumulative_investment_yuan=yuan)


def test_a_progress_report_is_refused_after_today_and_only_warned_before_its_plans_year(ledger, plan):
    # plan of 2023: a report of December 2022 (its tender, say) is asked about, not refused
    early = _report(plan, date(2022, 12, 25), 0)
    assert progress_refusal(ledger, early) is None
    assert progress_warnings(ledger, early) == [
        "填报日期 2022-12-25 早于2023年方案的年度开始（2023-01-01）：年度开始前的准备工作（设计、招标）可以填报，其他情况请核对日期"]
    late = _report(plan, date(2023, 8, 26), 300_000)
    reason = progress_refusal(ledger, late, today=date(2023, 8, 25))
    assert reason == "填报日期 2023-08-26 在今天（2023-08-25）之后：月调度只记已经完成的进度，请核对日期"
    assert progress_refusal(ledger, late, today=date(2023, 8, 26)) is None
    assert progress_refusal(ledger, _report(plan, date(2023, 1, 1), 0)) is None
    with pytest.raises(LedgerError, match="在今天"):
        save_record(ledger, _report(plan, date.today() + timedelta(days=1), 0))
    assert ledger.progress(plan_id=plan.id) == []  # the refused report was not written


def test_a_progress_report_going_down_or_past_the_total_is_a_warning_not_a_refusal(ledger, plan):
    july = save_record(ledger, _report(plan, date(2023, 7, 25), 800_000)).result
    september = save_record(ledger, _report(plan, date(2023, 9, 25), 1_500_000)).result
    assert progress_warnings(ledger, july) == [] and progress_warnings(ledger, september) == []
    august = _report(plan, date(2023, 8, 25), 600_000)
    assert progress_warnings(ledger, august) == [
        "累计完成投资 60.00 万元少于 2023-07-25 填报的 80.00 万元：累计数一般只增不减，请核对"]
    assert progress_warnings(ledger, august.model_copy(update={"cumulative_investment_yuan": 1_600_000})) == [
        "累计完成投资 160.00 万元多于其后 2023-09-25 填报的 150.00 万元：累计数一般只增不减，请核对"]
    over = _report(plan, date(2023, 10, 25), 2_100_000)  # the plan's total is 200 万元
    assert progress_warnings(ledger, over) == [
        "累计完成投资 210.00 万元超过方案总投资 200.00 万元：请核对（总投资调整了的，请同时修改方案）"]
    # the clerk may keep it: a warning never stops the save
    assert save_record(ledger, august).result.id is not None
    assert [e.cumulative_investment_yuan for e in ledger.progress(plan_id=plan.id)] == [800_000, 600_000, 1_500_000]
    # a report changed in place is not weighed against itself
    assert progress_warnings(ledger, september.model_copy(update={"cumulative_investment_yuan": 1_400_000})) == []
