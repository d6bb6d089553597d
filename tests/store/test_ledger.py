"""The ledger file: records round-trip, every change is audited, writes are all-or-nothing."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import date, datetime

import pytest

from core.errors import LockedRecord, NotFound, StoreError
from core.records import Acceptance, Alley, Filing, Plan, Problem, ProgressEntry, Survey
from core.store import Ledger
from tests.conftest import make_alley, make_plan, make_survey


def test_records_come_back_as_they_were_saved(ledger):
    alley = make_alley(ledger, extra={"片区": "老城"})
    survey = make_survey(ledger, alley, pipes=[{"kind": "排水", "year_laid": 1970, "condition": "破损渗漏",
                                                "rain_sewage_separated": False}], heritage=["古井"])
    plan = make_plan(ledger, alley, measures=[{"code": "pipes", "quantity": "120.5", "unit": "米",
                                               "estimated_investment_yuan": 800000}],
                     contract_on=date(2023, 6, 15))
    assert ledger.alley(alley.code) == alley
    assert ledger.alley(alley.code).extra == {"片区": "老城"}
    assert ledger.surveys(alley.id) == [survey]
    loaded = ledger.plans(year=2023)[0]
    assert loaded == plan
    assert str(loaded.measures[0].quantity) == "120.5"
    assert loaded.contract_on == date(2023, 6, 15)


def test_every_insert_and_update_is_in_the_audit_log_with_who_and_old_and_new(ledger):
    alley = make_alley(ledger)
    changed = ledger.save(alley.model_copy(update={"name": "槐树新巷", "households": 40}))
    entries = ledger.audit(table="alleys", record_id=alley.id)
    assert [e.action for e in entries] == ["update", "insert"]
    update = entries[0]
    assert update.who == "测试员"
    assert update.record_key == alley.code
    assert update.changes == {"households": [None, 40], "name": ["槐树巷", "槐树新巷"]}
    assert datetime.fromisoformat(update.at) <= datetime.now()
    assert changed.changed_by == "测试员"
    # the audit log keeps changes, not copies: an insert names the record, the record is its first version
    assert entries[1].changes == {} and entries[1].record_id == alley.id and entries[1].who == "测试员"


def test_any_past_version_is_rebuilt_from_the_record_and_its_changes(ledger):
    """An insert keeps no copy of the record; each update keeps its changed fields old → new and a
    delete the whole old record: together with the record as it is now they give every version."""
    from core.records import Survey
    from core.store.history import record_as_of

    def stamp(when):
        ledger.db.execute("UPDATE audit_log SET at = ? WHERE id = (SELECT MAX(id) FROM audit_log)", [when])

    alley = make_alley(ledger, households=40, notes="")
    stamp("2024-01-01T09:00:00")
    renamed = ledger.save(alley.model_copy(update={"name": "槐树新巷", "households": 45, "notes": "拓宽"}))
    stamp("2024-03-01T09:00:00")
    ledger.save(renamed.model_copy(update={"households": None, "chief": "黄丽萍"}))
    stamp("2024-06-01T09:00:00")
    survey = ledger.add(Survey(alley_id=alley.id, surveyed_on=date(2024, 2, 10), road_hardened=False, dead_corners=3))
    stamp("2024-02-15T09:00:00")
    ledger.delete(survey)
    stamp("2024-07-01T09:00:00")

    assert record_as_of(ledger, "alleys", alley.id, "2023-12-31T23:59:59") is None, "not yet inserted"
    first = record_as_of(ledger, "alleys", alley.id, "2024-02-01")
    assert (first["name"], first["households"], first["notes"], first["chief"]) == ("槐树巷", 40, "", "")
    second = record_as_of(ledger, "alleys", alley.id, "2024-04-01")
    assert (second["name"], second["households"], second["notes"], second["chief"]) == ("槐树新巷", 45, "拓宽", "")
    now = record_as_of(ledger, "alleys", alley.id, "2099-01-01")
    assert (now["households"], now["chief"]) == (None, "黄丽萍")
    gone = record_as_of(ledger, "surveys", survey.id, "2024-06-15")
    assert gone["road_hardened"] is False and gone["dead_corners"] == 3, "a deleted record, empty fields too"
    assert record_as_of(ledger, "surveys", survey.id, "2024-07-02") is None, "deleted by then"


def test_saving_an_unchanged_record_writes_no_audit_entry(ledger):
    alley = make_alley(ledger)
    before = len(ledger.audit())
    ledger.save(alley)
    assert len(ledger.audit()) == before


def test_changes_to_child_rows_are_audited_as_old_and_new_lists(ledger):
    alley = make_alley(ledger)
    plan = make_plan(ledger, alley)
    ledger.save(plan.model_copy(update={"measures": [*plan.measures, {"code": "road"}]}))
    change = ledger.audit(table="plans", record_id=plan.id)[0].changes["measures"]
    assert [m["code"] for m in change[0]] == ["clean"]
    assert [m["code"] for m in change[1]] == ["clean", "road"]
    assert [m.code for m in ledger.get(Plan, plan.id).measures] == ["clean", "road"]


def test_a_duplicate_alley_code_is_refused_in_chinese(ledger):
    make_alley(ledger, code="4501230001")
    with pytest.raises(StoreError, match="街巷编码「4501230001」已存在"):
        make_alley(ledger, code="4501230001", name="另一条巷")


def test_one_plan_per_alley_and_year(ledger):
    alley = make_alley(ledger)
    make_plan(ledger, alley)
    with pytest.raises(StoreError, match="同一年度只能有一个改造方案"):
        make_plan(ledger, alley)


def test_a_survey_of_a_missing_alley_is_refused(ledger):
    with pytest.raises(StoreError, match="不存在"):
        ledger.add(Survey(alley_id=999, surveyed_on=date(2022, 1, 5)))


def test_a_failure_halfway_through_a_multi_row_write_leaves_nothing(ledger):
    before = ledger.counts()
    audit_before = len(ledger.audit())
    alleys = [Alley(code=f"45012300{i:02d}", name=f"巷{i}", subdistrict="城东街道") for i in range(10)]
    alleys[7] = alleys[2].model_copy()  # same code as row 3
    with pytest.raises(StoreError, match="已存在|不能重复"):
        ledger.add_many(alleys)
    assert ledger.counts() == before
    assert len(ledger.audit()) == audit_before


def test_an_exception_inside_a_transaction_rolls_back_every_write(ledger):
    with pytest.raises(RuntimeError):
        with ledger.transaction():
            alley = make_alley(ledger)
            make_plan(ledger, alley)
            raise RuntimeError("power cut")
    assert ledger.counts()["alleys"] == 0
    assert ledger.counts()["plans"] == 0


def test_invalid_changes_made_with_model_copy_are_still_refused(ledger):
    from core.errors import InvalidRecord

    alley = make_alley(ledger)
    plan = make_plan(ledger, alley)
    with pytest.raises(InvalidRecord, match="竣工日期不能早于开工日期"):
        ledger.save(plan.model_copy(update={"start_on": date(2023, 7, 1), "completion_on": date(2023, 6, 1)}))


def test_deleting_an_alley_that_has_plans_is_refused(ledger):
    alley = make_alley(ledger)
    make_plan(ledger, alley)
    with pytest.raises(StoreError, match="还有关联记录"):
        ledger.delete(alley)
    assert ledger.alley(alley.code)


def test_get_of_a_missing_record_says_so(ledger):
    with pytest.raises(NotFound, match="没有编号为 42 的改造方案"):
        ledger.get(Plan, 42)
    with pytest.raises(NotFound, match="没有街巷编码为「X」的街巷"):
        ledger.alley("X")


def _filed_plan(ledger):
    alley = make_alley(ledger)
    plan = make_plan(ledger, alley, start_on=date(2023, 6, 20), completion_on=date(2023, 10, 1))
    acceptance = ledger.add(Acceptance(plan_id=plan.id, accepted_on=date(2023, 10, 10), result="合格"))
    filing = ledger.add(Filing(plan_id=plan.id, filed_on=date(2023, 10, 20), locked_at=datetime(2023, 10, 20, 17)))
    return plan, acceptance, filing


def test_records_of_a_filed_plan_need_an_amendment_reason(ledger):
    plan, acceptance, filing = _filed_plan(ledger)
    with pytest.raises(LockedRecord, match="归档锁定"):
        ledger.save(plan.model_copy(update={"notes": "改"}))
    with pytest.raises(LockedRecord):
        ledger.save(acceptance.model_copy(update={"defects": "补记"}))
    with pytest.raises(LockedRecord):
        ledger.add(ProgressEntry(plan_id=plan.id, reported_on=date(2023, 11, 25)))
    ledger.save(plan.model_copy(update={"notes": "更正合同编号"}), reason="合同编号录入错误")
    entry = ledger.audit(table="plans", record_id=plan.id)[0]
    assert entry.reason == "合同编号录入错误"
    assert entry.changes == {"notes": ["", "更正合同编号"]}


def test_attachments_travel_with_the_database_file(file_ledger, tmp_path):
    alley = make_alley(file_ledger)
    survey = make_survey(file_ledger, alley)
    photo = bytes(range(256)) * 400
    stored = file_ledger.add_attachment(photo, "巷口.jpg", owner=survey, caption="巷口现状")
    again = file_ledger.add_attachment(photo, "副本.jpg")
    assert again.id == stored.id  # the same bytes are kept once
    file_ledger.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    file_ledger.close()
    copy = tmp_path / "other-pc" / "ledger.db"
    copy.parent.mkdir()
    shutil.copy(tmp_path / "ledger.db", copy)
    with Ledger.open(copy) as other:
        (attachment, caption), = other.attachments_of(other.surveys()[0])
        assert caption == "巷口现状"
        assert attachment.mime == "image/jpeg"
        assert other.attachment_data(attachment.id) == photo


def test_the_file_uses_wal_and_enforces_foreign_keys(file_ledger):
    assert file_ledger.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert file_ledger.db.execute("PRAGMA foreign_keys").fetchone()[0] == 1


def test_backup_is_a_complete_checked_copy(file_ledger, tmp_path):
    alley = make_alley(file_ledger)
    make_plan(file_ledger, alley)
    file_ledger.add_attachment(b"scan", "备案表.pdf")
    result = file_ledger.backup(tmp_path / "backup" / "b.db")
    assert result["counts"]["plans"] == 1
    with Ledger.open(tmp_path / "backup" / "b.db") as copy:
        assert copy.alley(alley.code) == alley
        assert copy.attachment_data(1) == b"scan"
    with pytest.raises(Exception, match="已存在"):
        file_ledger.backup(tmp_path / "backup" / "b.db")
    assert file_ledger.audit(limit=1)[0].action == "backup"


def test_problems_listed_newest_first(ledger):
    alley = make_alley(ledger)
    for day in (1, 3, 2):
        ledger.add(Problem(alley_id=alley.id, description=f"问题{day}", reported_on=date(2025, 9, day)))
    assert [p.description for p in ledger.problems()] == ["问题3", "问题2", "问题1"]


def test_the_problem_table_lists_newest_first_then_by_alley_code_then_as_entered(ledger):
    from core.browse import problem_table

    east, west = make_alley(ledger, "4501230002", name="东巷"), make_alley(ledger, "4501230001", name="西巷")
    for alley, day, text in ((east, 1, "东1"), (west, 3, "西3"), (east, 3, "东3甲"), (west, 1, "西1"),
                             (east, 3, "东3乙"), (west, 2, "西2")):
        ledger.add(Problem(alley_id=alley.id, description=text, reported_on=date(2025, 9, day)))
    table = problem_table(ledger, today=date(2025, 9, 5))
    shown = [row[table.index("description")] for row in table.rows]
    assert shown == ["西3", "东3甲", "东3乙", "西2", "西1", "东1"]


def test_reads_in_a_snapshot_see_one_moment_while_another_program_writes(file_ledger):
    make_alley(file_ledger)
    other = Ledger.open(file_ledger.path, user="另一位")
    try:
        with file_ledger.snapshot():
            assert len(file_ledger.alleys()) == 1
            make_alley(other, "4501230002")
            assert len(file_ledger.alleys()) == 1  # still the moment of the first read
            with pytest.raises(RuntimeError):
                make_alley(file_ledger, "4501230003")  # a write would be undone with the snapshot
        assert len(file_ledger.alleys()) == 2
    finally:
        other.close()


def test_a_file_that_is_not_a_database_is_refused(tmp_path):
    path = tmp_path / "ledger.xlsx"
    path.write_bytes(b"PK\x03\x04 not sqlite at all" * 100)
    with pytest.raises(StoreError, match="不是巷账数据库文件"):
        Ledger.open(path)


def test_another_programs_sqlite_file_is_refused(tmp_path):
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE customers (id INTEGER)")
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match="不是本程序建立的"):
        Ledger.open(path)


def test_opening_a_missing_file_without_create_says_where(tmp_path):
    with pytest.raises(StoreError, match="找不到数据库文件"):
        Ledger.open(tmp_path / "nope.db", create=False)


def test_backup_reports_progress_and_a_cancelled_backup_leaves_no_file(file_ledger, tmp_path):
    from core.errors import Cancelled

    make_alley(file_ledger)
    steps = []
    file_ledger.backup(tmp_path / "ok.db", progress=lambda pct, text: steps.append(pct))
    assert steps[-1] == 100 and steps == sorted(steps)
    with pytest.raises(Cancelled):
        file_ledger.backup(tmp_path / "no.db", cancel=lambda: True)
    assert not (tmp_path / "no.db").exists() and not (tmp_path / "no.db.part").exists()


def test_a_deleted_records_id_is_never_given_again_and_its_photos_go_with_it(ledger):
    alley = make_alley(ledger)
    old = make_survey(ledger, alley)
    ledger.add_attachment(b"old photo", "old.jpg", owner=old, caption="旧照片")
    ledger.delete(old, reason="录错了街巷")
    new = make_survey(ledger, alley)
    assert new.id != old.id
    assert ledger.attachments_of(new) == []
    deleted = ledger.audit(table="surveys", record_id=old.id)[0]
    assert deleted.action == "delete"
    [link] = deleted.changes["attachments"][0]  # the link itself, so that the photo can be put back
    assert (link["file_name"], link["caption"], link["position"]) == ("old.jpg", "旧照片", 0)


def test_moving_a_record_into_a_filed_plan_needs_a_reason(ledger):
    plan, _, _ = _filed_plan(ledger)
    other = make_plan(ledger, ledger.alley("4501230001"), year=2024)
    entry = ledger.add(ProgressEntry(plan_id=other.id, reported_on=date(2024, 7, 25)))
    with pytest.raises(LockedRecord):
        ledger.save(entry.model_copy(update={"plan_id": plan.id}))


def test_attaching_a_file_to_a_filed_record_needs_a_reason_and_is_audited(ledger):
    _, _, filing = _filed_plan(ledger)
    with pytest.raises(LockedRecord):
        ledger.add_attachment(b"scan", "补充.pdf", owner=filing)
    ledger.add_attachment(b"scan", "补充.pdf", owner=filing, reason="补交质量保修书扫描件")
    entry = ledger.audit(table="filings", record_id=filing.id)[0]
    assert entry.reason == "补交质量保修书扫描件" and entry.changes["attachments"][1]["file_name"] == "补充.pdf"


def test_a_plan_with_progress_reports_cannot_be_deleted_silently(ledger):
    alley = make_alley(ledger)
    plan = make_plan(ledger, alley)
    ledger.add(ProgressEntry(plan_id=plan.id, reported_on=date(2023, 7, 25)))
    with pytest.raises(StoreError, match="还有关联记录"):
        ledger.delete(plan)
    assert ledger.counts()["progress_reports"] == 1


def test_a_past_version_is_found_by_the_time_the_audit_log_shows(ledger):
    """The 操作日志 shows 2026-12-01 08:54:20; the same text finds the version of that moment."""
    from core.store.history import record_as_of

    alley = make_alley(ledger)
    ledger.db.execute("UPDATE audit_log SET at = '2024-01-01T09:00:00' WHERE record_id = ?", [alley.id])
    ledger.save(alley.model_copy(update={"name": "槐树新巷"}))
    ledger.db.execute("UPDATE audit_log SET at = '2024-03-01T09:00:00' WHERE id = (SELECT MAX(id) FROM audit_log)")
    assert record_as_of(ledger, "alleys", alley.id, "2024-02-01 08:54:20")["name"] == "槐树巷"
    assert record_as_of(ledger, "alleys", alley.id, "2024-03-01 09:00:01")["name"] == "槐树新巷"
