"""Deleting a record typed twice or on the wrong alley: refused, saying what depends on it and
where to delete that first; a filed plan's records only as an amendment; the audit log keeps the
whole record, so it can be rebuilt."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from core import actions
from core.audit_view import AuditFilter, read_page
from core.errors import Conflict, LedgerError, LockedRecord, NotFound, StoreError
from core.lookup import find_record
from core.records import Acceptance, Filing, Problem, ProgressEntry, Survey
from core.store import Ledger, history
from core.store.doctor import examine
from tests.conftest import make_alley, make_plan, make_survey


def _problem(ledger, alley, text="井盖缺失，夜间行人易绊倒", on=date(2025, 9, 26)) -> Problem:
    return ledger.add(Problem(alley_id=alley.id, description=text, reported_on=on, category="市政设施"))


def _filed(ledger, alley):
    plan = make_plan(ledger, alley, start_on=date(2023, 6, 20), completion_on=date(2023, 10, 1))
    acceptance = ledger.add(Acceptance(plan_id=plan.id, accepted_on=date(2023, 10, 10), result="合格"))
    filing = ledger.add(Filing(plan_id=plan.id, filing_no="BA-2023-017", filed_on=date(2023, 10, 20),
                               locked_at=datetime(2023, 10, 20, 17)))
    return plan, acceptance, filing


def test_an_alley_with_records_is_refused_naming_each_kind_how_many_and_where_to_delete_them(ledger):
    alley = make_alley(ledger)
    make_plan(ledger, alley, year=2023)
    make_plan(ledger, alley, year=2024)
    make_survey(ledger, alley, surveyed_on=date(2022, 2, 10))
    _problem(ledger, alley)
    with pytest.raises(StoreError) as refused:
        actions.delete_record(ledger, alley)
    assert str(refused.value) == (
        "不能删除街巷「槐树巷」（4501230001）：它还有关联记录——改造方案 2 个（2023年、2024年）、"
        "调查摸底 1 份（2022-02-10）、问题 1 条（2025-09-26）。请先在「改造方案」「调查摸底」「问题台账」页删除它们；"
        "若它们其实属于另一条街巷（街巷录重了），在各自页面改选正确的街巷后保存即可。然后再删除这条街巷。")
    assert ledger.delete_refusal(alley) == str(refused.value), "the window asks the same question first"
    assert ledger.counts()["alleys"] == 1


def test_a_plan_is_refused_while_its_filing_acceptance_or_progress_stand_and_withdrawal_is_offered(ledger):
    plan, _, _ = _filed(ledger, make_alley(ledger))
    for month in range(5, 12):
        ledger.add(ProgressEntry(plan_id=plan.id, reported_on=date(2023, month, 25)), reason="补录月调度")
    refusal = ledger.delete_refusal(plan)
    assert refusal.startswith("不能删除改造方案「槐树巷 2023年」（4501230001）：它还有关联记录——备案归档 1 份（已归档锁定）、"
                              "竣工验收 1 份（2023-10-10）、月调度进度 7 条（2023-05-25、2023-06-25、2023-07-25、"
                              "2023-08-25、2023-09-25等）。")
    assert "请先在「备案归档」「竣工验收」页删除它们（月调度进度在「改造方案」页的“月调度进度”框中删除，或用命令 alley-ledger delete progress）" in refusal
    assert "请用“撤销”（记录保留）" in refusal


def test_an_acceptance_waits_for_its_filing_to_go_first(ledger):
    alley = make_alley(ledger)
    plan = make_plan(ledger, alley, start_on=date(2023, 6, 20), completion_on=date(2023, 10, 1))
    acceptance = ledger.add(Acceptance(plan_id=plan.id, accepted_on=date(2023, 10, 10), result="合格"))
    filing = ledger.add(Filing(plan_id=plan.id, filing_no="BA-2023-017"))
    with pytest.raises(StoreError, match=r"备案归档 1 份（BA-2023-017）。请先在「备案归档」页删除它，再删除这份竣工验收"):
        ledger.delete(acceptance)
    actions.delete_record(ledger, filing)
    actions.delete_record(ledger, acceptance)
    assert ledger.acceptance_for(plan.id) is None


def test_a_filed_plans_filing_goes_only_as_an_amendment_and_the_seals_still_hold(file_ledger):
    plan, acceptance, filing = _filed(file_ledger, make_alley(file_ledger))
    with pytest.raises(LockedRecord, match="归档锁定，删除须作为“更正”并填写原因"):
        actions.delete_record(file_ledger, filing)
    with pytest.raises(LockedRecord):
        actions.delete_record(file_ledger, filing, reason="   ")
    assert file_ledger.delete_question(filing) == (
        "删除备案归档「槐树巷 2023年」（4501230001）？改造方案「槐树巷 2023年」将随之解除归档锁定（封存取消，案卷可以再修改），"
        "不再算作已备案归档；改正后须重新备案并归档锁定。删除后可在操作日志中查到原记录。")
    done = actions.delete_record(file_ledger, filing, reason="备案录在了别的方案上")
    assert file_ledger.filing_for(plan.id) is None
    assert done.result.unlocked_plan and "改造方案「槐树巷 2023年」已解除归档锁定" in done.result.unlocked_text()
    assert done.changes.plans == {plan.id}, "the plan's pages re-read: it is no longer locked"
    entry = file_ledger.audit(table="filings", record_id=filing.id)[0]
    assert (entry.id, entry.action, entry.reason) == (
        done.result.audit_id, "delete", "备案录在了别的方案上（删除备案，方案解除归档锁定）")
    assert file_ledger.locked_by(acceptance) is None
    # no longer locked: its acceptance goes without a reason, and nothing is left that doctor minds
    actions.delete_record(file_ledger, acceptance)
    report = examine(file_ledger.path)
    assert report.ok and report.checked["seals"] == 0, report.findings


def test_a_survey_in_a_filed_packet_needs_a_reason_to_be_deleted(ledger):
    alley = make_alley(ledger)
    survey = make_survey(ledger, alley, surveyed_on=date(2023, 2, 10))
    _filed(ledger, alley)
    with pytest.raises(LockedRecord, match="调查摸底属于已归档方案的案卷），删除须作为“更正”"):
        actions.delete_record(ledger, survey)
    actions.delete_record(ledger, survey, reason="调查日期录错，已另录一份")
    assert ledger.surveys(alley.id) == []


def test_the_deleted_record_is_named_and_rebuilt_from_the_audit_log(ledger):
    alley = make_alley(ledger)
    survey = make_survey(ledger, alley, surveyed_on=date(2022, 2, 10), surveyor="韦小宝", problems_found="垃圾乱堆")
    ledger.db.execute("UPDATE audit_log SET at = '2024-01-01T09:00:00'")
    done = actions.delete_record(ledger, survey, reason="录在了别的街巷下")
    deleted = done.result
    assert deleted.title == "调查摸底「槐树巷 2022-02-10」（4501230001）"
    assert deleted.identity == {"kind": "survey", "id": survey.id, "alley_code": "4501230001",
                                "alley_name": "槐树巷", "surveyed_on": date(2022, 2, 10)}
    assert done.changes.kinds == {"surveys"} and done.changes.surveys == {survey.id}
    assert deleted.audit_id == ledger.audit_head()
    was = history.record_as_of(ledger, "surveys", survey.id, "2024-06-01")
    assert (was["surveyor"], was["problems_found"], was["surveyed_on"]) == ("韦小宝", "垃圾乱堆", "2022-02-10")
    assert history.record_as_of(ledger, "surveys", survey.id, "2099-01-01") is None


def test_a_problem_is_named_by_its_number_and_first_words(ledger):
    alley = make_alley(ledger)
    problem = _problem(ledger, alley, text="巷口路灯不亮已有一周，居民夜间出行不便")
    assert ledger.record_title(problem) == f"问题「槐树巷 2025-09-26 巷口路灯不亮已有一周…」（编号 {problem.id}）"
    other = _problem(ledger, alley, text="占道经营")
    assert ledger.record_title(other) == f"问题「槐树巷 2025-09-26 占道经营」（编号 {other.id}）"
    assert ledger.delete_refusal(problem) is None
    assert actions.delete_record(ledger, problem).result.identity["kind"] == "problem"
    assert ledger.problems() == [ledger.get(Problem, other.id)]


def test_find_record_names_what_a_clerk_knows_and_asks_when_two_surveys_share_a_day(ledger):
    alley = make_alley(ledger)
    first = make_survey(ledger, alley, surveyed_on=date(2022, 2, 10))
    assert find_record(ledger, "survey", alley_code="4501230001") == first, "one survey: no date needed"
    twice = make_survey(ledger, alley, surveyed_on=date(2022, 2, 10))
    with pytest.raises(LedgerError) as asked:
        find_record(ledger, "survey", alley_code="4501230001", on=date(2022, 2, 10))
    # the date was given and does not tell them apart: only the number can
    assert str(asked.value) == (f"街巷「槐树巷」（4501230001）2022-02-10 有 2 份调查摸底：2022-02-10（编号 {first.id}）、"
                                f"2022-02-10（编号 {twice.id}）；请用 --id 编号 指明是哪一份")
    with pytest.raises(LedgerError) as asked:
        find_record(ledger, "survey", alley_code="4501230001")
    assert str(asked.value).endswith("；请用 --on 日期 或 --id 编号 指明是哪一份")
    with pytest.raises(LedgerError) as asked:
        find_record(ledger, "survey", alley_code="4501230001", on=date(2021, 1, 1))
    assert str(asked.value) == "街巷「槐树巷」（4501230001）2021-01-01 没有调查摸底"
    assert find_record(ledger, "survey", alley_code="4501230001", record_id=twice.id) == twice
    plan = make_plan(ledger, alley, year=2023)
    assert find_record(ledger, "plan", alley_code="4501230001", year=2023) == plan
    with pytest.raises(LedgerError, match="没有 2024 年的改造方案"):
        find_record(ledger, "plan", alley_code="4501230001", year=2024)
    with pytest.raises(LedgerError, match="（4501230001）2023 年方案没有竣工验收记录"):
        find_record(ledger, "acceptance", alley_code="4501230001", year=2023)
    with pytest.raises(LedgerError, match="没有街巷编码为「4501239999」的街巷"):
        find_record(ledger, "alley", alley_code="4501239999")
    assert isinstance(find_record(ledger, "survey", alley_code="4501230001", on=date(2022, 2, 10),
                                  record_id=first.id), Survey)


def test_a_record_changed_since_it_was_read_is_not_deleted_and_the_refusal_speaks_of_deleting(file_ledger):
    alley = make_alley(file_ledger)
    read = _problem(file_ledger, alley)  # what the clerk has on screen
    with Ledger.open(file_ledger.path, user="乙") as other:
        other.save(other.get(Problem, read.id).model_copy(update={"description": "井盖缺失，已临时围挡"}),
                   source="界面")
    with pytest.raises(Conflict) as refused:
        actions.delete_record(file_ledger, read)
    text = str(refused.value)
    assert text.startswith(f"问题「槐树巷 2025-09-26 井盖缺失…」（编号 {read.id}）在您读取之后已被 乙 于 "), text
    assert "修改，来自“界面”，这次没有删除；请看过修改后再决定是否删除" in text
    assert "「问题描述」：您读取时为「井盖缺失，夜间行人易绊倒」，数据库中现在是「井盖缺失，已临时围挡」" in text
    assert "您的修改" not in text and "没有保存" not in text, "the clerk changed nothing: no save wording"
    assert file_ledger.get(Problem, read.id).description == "井盖缺失，已临时围挡"


def test_a_record_deleted_elsewhere_already_is_told_by_whom_when_and_from_where(file_ledger):
    alley = make_alley(file_ledger)
    read = _problem(file_ledger, alley)
    with Ledger.open(file_ledger.path, user="乙") as other:
        first = actions.delete_record(other, other.get(Problem, read.id)).result  # from 乙's window
        at = other.audit(limit=1)[0].at.replace("T", " ")
    with pytest.raises(NotFound) as told:
        actions.delete_record(file_ledger, read)
    assert str(told.value) == (f"问题「槐树巷 2025-09-26 井盖缺失…」（编号 {read.id}）已被 乙 于 {at} 删除"
                               f"（来自“界面”；操作日志第 {first.audit_id} 条），不必再删除")
    with pytest.raises(NotFound, match="不必再删除"):
        file_ledger.delete(read)  # the store says the same, for a delete that raced the question
    with pytest.raises(NotFound, match=f"^没有编号为 {read.id} 的问题：它已被 乙 于 "):
        find_record(file_ledger, "problem", record_id=read.id)
    never = Problem(id=999, alley_id=alley.id, description="x", reported_on=date(2025, 9, 26), category="市政设施")
    with pytest.raises(NotFound, match="^没有编号为 999 的问题$"):
        actions.delete_record(file_ledger, never)


def test_a_deleted_survey_keeps_its_photo_links_in_the_log_and_rebuilds_as_a_survey(ledger):
    alley = make_alley(ledger)
    survey = make_survey(ledger, alley, surveyed_on=date(2022, 2, 10), surveyor="韦小宝")
    photos = [ledger.add_attachment(data, name, owner=survey, caption=caption) for data, name, caption in (
        (b"\xff\xd8\xff\xe0 photo one", "巷口.jpg", "巷口积水"), (b"\xff\xd8\xff\xe0 photo two", "巷尾.jpg", ""))]
    ledger.db.execute("UPDATE audit_log SET at = '2024-01-01T09:00:00'")
    done = actions.delete_record(ledger, survey, reason="录在了别的街巷下")
    entry = ledger.audit(limit=1)[0]
    assert entry.id == done.result.audit_id
    assert entry.changes["attachments"] == [[
        {"file_name": "巷口.jpg", "sha256": photos[0].sha256, "size": photos[0].size, "caption": "巷口积水", "position": 0},
        {"file_name": "巷尾.jpg", "sha256": photos[1].sha256, "size": photos[1].size, "caption": "", "position": 1}],
        None]
    was = history.record_as_of(ledger, "surveys", survey.id, "2024-06-01")
    rebuilt = Survey.model_validate({**was, "id": survey.id})
    assert (rebuilt.surveyor, rebuilt.surveyed_on) == ("韦小宝", date(2022, 2, 10))
    # the files themselves stay in the database: each link can be put back from the log
    assert ledger.attachment_data(photos[0].id) == b"\xff\xd8\xff\xe0 photo one"
    line = read_page(ledger, AuditFilter(table="surveys")).lines[0]
    assert "附件：巷口.jpg（巷口积水）、巷尾.jpg" in line.summary(None)


def test_deleting_an_open_filing_leaves_nothing_unlocked_and_the_source_is_kept(ledger):
    alley = make_alley(ledger)
    plan = make_plan(ledger, alley, start_on=date(2023, 6, 20), completion_on=date(2023, 10, 1))
    ledger.add(Acceptance(plan_id=plan.id, accepted_on=date(2023, 10, 10), result="合格"))
    filing = ledger.add(Filing(plan_id=plan.id, filing_no="BA-2023-017"))
    assert ledger.delete_question(filing) == "删除备案归档「槐树巷 2023年」（4501230001）？删除后可在操作日志中查到原记录。"
    done = actions.delete_record(ledger, filing, reason="录重了")
    assert not done.result.unlocked_plan and done.result.unlocked_text() == ""
    entry = ledger.audit(limit=1)[0]
    assert (entry.reason, entry.source) == ("录重了", "界面"), "the window's deletes say where they came from"
