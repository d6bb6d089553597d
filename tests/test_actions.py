"""What a clerk does, as core actions: the rules they apply for every front end, and what they say
they changed (so a screen re-reads only what concerns it)."""

from __future__ import annotations

from datetime import date

import pytest

from core import actions
from core.changes import NOTHING, Changes
from core.cli.main import main
from core.errors import LedgerError, LockedRecord
from core.records import Acceptance, Alley, CountySettings, Filing, Plan, Problem
from core.store import Ledger
from tests.conftest import make_alley, make_plan


@pytest.fixture
def plan(ledger):
    alley = make_alley(ledger)
    return make_plan(ledger, alley, start_on=date(2023, 6, 1), completion_on=date(2023, 10, 20))


def test_changes_name_the_kinds_and_ids_and_combine():
    saved = Changes.of("plans", [3, None])  # a record not stored has no id to name
    assert saved.plans == frozenset({3}) and saved.kinds == {"plans"}
    both = saved | Changes.of("plans", [4]) | Changes(settings=True)
    assert both.plans == frozenset({3, 4}) and both.kinds == {"plans", "settings"}
    assert (both | Changes.of("plans")).plans is True  # a whole kind swallows its ids
    assert both.touches({"alleys", "settings"}) and not both.touches({"problems", "holidays"})
    assert both.to_json() == {"plans": [3, 4], "settings": True}
    assert not NOTHING and not NOTHING.touches(Changes.everything().kinds)
    assert Changes.everything().touches({"holidays"})
    with pytest.raises(ValueError):
        Changes.of("plan")


def test_saving_a_record_says_which_one_changed_and_a_save_without_change_says_nothing(ledger, plan):
    done = actions.save_record(ledger, plan.model_copy(update={"notes": "补充说明"}))
    assert done.changes == Changes.of("plans", [plan.id]) and done.result.notes == "补充说明"
    again = actions.save_record(ledger, done.result)
    assert again.changes == NOTHING
    new = actions.save_record(ledger, Alley(code="4501230099", name="新巷", subdistrict="城东街道"))
    assert new.changes.alleys == frozenset({new.result.id})


def test_the_rules_of_each_kind_refuse_a_save_whoever_asks(ledger, plan):
    alley = ledger.get(Alley, plan.alley_id)
    with pytest.raises(LedgerError, match="街巷编码.*不能修改"):  # was a read-only field of the desktop form only
        actions.save_record(ledger, alley.model_copy(update={"code": "4501239999"}))
    assert ledger.get(Alley, alley.id).code == alley.code
    ledger.save(Acceptance(plan_id=plan.id, accepted_on=date(2023, 10, 25), result="合格"))
    with pytest.raises(LedgerError, match="竣工日期不能清空"):
        actions.save_record(ledger, Plan.model_validate({**plan.model_dump(), "completion_on": None}))
    early = Acceptance(plan_id=make_plan(ledger, alley, year=2024).id, accepted_on=date(2024, 5, 1), result="合格")
    with pytest.raises(LedgerError, match="还没有竣工日期"):
        actions.save_record(ledger, early)
    problem = ledger.add(Problem(alley_id=alley.id, description="井盖松动", reported_on=date(2025, 9, 26)))
    with pytest.raises(LedgerError, match="不能销号"):
        actions.save_record(ledger, problem.model_copy(update={"closed_on": date(2025, 9, 30)}))


def test_a_county_is_not_renamed_by_the_action_or_the_command_line(tmp_path, capsys):
    db = tmp_path / "county.db"
    assert main(["--db", str(db), "init", "--county", "示例县"]) == 0
    with Ledger.open(db) as ledger:
        with pytest.raises(LedgerError) as refused:
            actions.save_settings(ledger, CountySettings(name="别的县"))
        done = actions.save_settings(ledger, CountySettings(name="示例县", clerk="李四"))
        assert done.changes == Changes(settings=True)
    capsys.readouterr()
    assert main(["--db", str(db), "init", "--county", "别的县"]) == 1
    assert capsys.readouterr().err.strip() == f"错误：{refused.value}"
    assert str(refused.value) == "该数据库已属于「示例县」，不能改为「别的县」；请另建一个数据库文件"
    with Ledger.open(db) as ledger:
        assert (ledger.settings().name, ledger.settings().clerk) == ("示例县", "李四")


def test_closing_a_problem_dates_it_and_refuses_one_not_handled(ledger):
    alley = make_alley(ledger)
    problem = ledger.add(Problem(alley_id=alley.id, description="井盖松动", reported_on=date(2025, 9, 26)))
    with pytest.raises(LedgerError, match="还没有办结"):
        actions.close_problem(ledger, problem, today=date(2025, 10, 2))
    assert ledger.get(Problem, problem.id).closed_on is None
    handled = ledger.save(problem.model_copy(update={"assigned_on": date(2025, 9, 26), "handled_on": date(2025, 9, 28),
                                                     "feedback_on": date(2025, 9, 29), "satisfaction": "满意"}))
    done = actions.close_problem(ledger, handled, today=date(2025, 10, 2))
    assert done.result.closed_on == date(2025, 10, 2) and done.changes == Changes.of("problems", [problem.id])
    with pytest.raises(LedgerError, match="已于 2025-10-02 销号"):
        actions.close_problem(ledger, done.result, today=date(2025, 10, 3))


def test_an_amendment_needs_its_reason(ledger, plan, profile):
    ledger.save(Acceptance(plan_id=plan.id, accepted_on=date(2023, 10, 25), result="合格"))
    filing = ledger.save(Filing(plan_id=plan.id))
    for n, doc in enumerate(d for d in profile.documents if d.required):
        filing = actions.attach_documents(ledger, filing, [(f"{doc.key}.pdf", f"scan {n}".encode())], kind=doc.key).result
    locked = actions.file_and_lock(ledger, filing, today=date(2023, 11, 2))
    assert locked.changes == Changes.of("filings", [locked.result.id]) and locked.result.locked_at is not None
    changed = ledger.get(Plan, plan.id).model_copy(update={"notes": "更正"})
    with pytest.raises(LockedRecord):
        actions.save_record(ledger, changed)
    with pytest.raises(LedgerError, match="须填写更正原因"):
        actions.amend_record(ledger, changed, "  ")
    assert actions.amend_record(ledger, changed, "笔误").result.notes == "更正"


def test_documents_are_attached_all_or_none_and_named_with_their_files(ledger, plan):
    ledger.save(Acceptance(plan_id=plan.id, accepted_on=date(2023, 10, 25), result="合格"))
    filing = ledger.save(Filing(plan_id=plan.id))
    with pytest.raises(LedgerError, match="内容相同"):
        actions.attach_documents(ledger, filing, [("备案表.pdf", b"scan"), ("又一份.pdf", b"scan")], kind="filing_form")
    assert ledger.filing_for(plan.id).documents == [] and ledger.attachments_of(filing) == []
    done = actions.attach_documents(ledger, filing, [("备案表.pdf", b"scan"), ("附页.jpg", b"page")],
                                    kind="filing_form")
    assert [d.kind for d in done.result.documents] == ["filing_form", ""]  # the batch's others are its papers
    stored = {a.id for a, _ in ledger.attachments_of(filing)}
    assert done.changes == Changes.of("filings", [filing.id]) | Changes.of("attachments", stored)
    with pytest.raises(LedgerError, match="「2023年13月」无法识别为日期"):
        actions.correct_document(ledger, done.result, 1, "doc_date", "2023年13月")
    corrected = actions.correct_document(ledger, done.result, 1, "doc_date", "2023.10.26")
    assert corrected.result.documents[0].doc_date == date(2023, 10, 26)
    removed = actions.remove_document(ledger, corrected.result, 2)
    assert removed.changes.attachments == frozenset(stored) - {removed.result.documents[0].attachment_id}


def test_an_import_says_which_kinds_it_wrote(demo_ledger, tmp_path):
    from core.exchange.export import export_ledger
    from core.exchange.importer import preview_import
    from tests.safety import edited_ledger

    book = tmp_path / "台账.xlsx"
    export_ledger(demo_ledger, book)
    unchanged = actions.import_ledger(demo_ledger, preview_import(demo_ledger, book), backup_dir=tmp_path / "备份")
    assert unchanged.changes == NOTHING
    code = demo_ledger.alleys()[0].code
    edited_ledger(book, book, {"街巷长": "新街巷长"}, code=code)
    done = actions.import_ledger(demo_ledger, preview_import(demo_ledger, book), backup_dir=tmp_path / "备份")
    assert done.result.count("updated") >= 1
    assert done.changes.alleys is True and not done.changes.touches({"problems", "surveys", "settings"})


def test_deleting_says_what_went_and_refuses_what_others_depend_on(ledger, plan):
    alley = ledger.get(Alley, plan.alley_id)
    with pytest.raises(LedgerError):
        actions.delete_record(ledger, alley)  # its plan depends on it
    problem = ledger.add(Problem(alley_id=alley.id, description="井盖松动", reported_on=date(2025, 9, 26)))
    done = actions.delete_record(ledger, problem)
    assert done.changes == Changes.of("problems", [problem.id]) and ledger.problems() == []
    assert ledger.get(Alley, alley.id) == alley
