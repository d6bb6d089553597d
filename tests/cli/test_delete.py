"""``alley-ledger delete``: the same core action as the window's 删除, named the way the other
commands name records, confirmed by --yes (or at the terminal), refused with the reason and
nothing deleted."""

from __future__ import annotations

import io
import json
import shutil
import subprocess
import sys

import pytest

from core.cli.main import main
from core.records import Alley, Survey
from core.store import Ledger
from tests.cli.test_cli import run
from tests.safety import ROOT


@pytest.fixture
def db(tmp_path, demo_db):
    path = tmp_path / "x.db"
    shutil.copy(demo_db, path)
    return path


def _twice_typed(db) -> str:
    """茶亭巷 typed again under another code (the clerk's duplicate); returns that code."""
    with Ledger.open(db, user="张三") as ledger:
        first = ledger.alley("45012300001")
        ledger.add(Alley(code="45012300301", **first.model_dump(exclude={"id", "changed_at", "changed_by", "code"})))
    return "45012300301"


def _counts(db) -> dict[str, int]:
    with Ledger.open(db) as ledger:
        return ledger.counts()


class Terminal(io.StringIO):
    """A clerk's console: stdin is a terminal, and this is what the clerk types."""

    def isatty(self) -> bool:
        return True


def test_a_twice_typed_alley_is_deleted_with_yes_and_the_json_says_what_went(db, capsys):
    code = _twice_typed(db)
    before = _counts(db)
    status, out, err = run(capsys, "--db", db, "delete", "alley", code, "--yes", "--reason", "录重了", "--json")
    assert status == 0, err
    document = json.loads(out)
    assert document["deleted"] == {"kind": "alley", "id": document["deleted"]["id"], "alley_code": code,
                                   "alley_name": "茶亭巷"}
    assert document["title"] == f"街巷「茶亭巷」（{code}）" and document["reason"] == "录重了"
    assert document["unlocked_plan"] is False
    with Ledger.open(db) as ledger:
        entry = ledger.audit(limit=1)[0]
        assert (entry.id, entry.action, entry.record_key, entry.reason) == (document["audit_id"], "delete", code, "录重了")
    assert _counts(db)["alleys"] == before["alleys"] - 1
    _, out, _ = run(capsys, "--db", db, "list", "alleys", "--json")
    assert code not in {a["code"] for a in json.loads(out)["alleys"]}


def test_an_alley_with_a_plan_is_refused_in_chinese_and_nothing_is_deleted(db, capsys):
    before = _counts(db)
    status, out, err = run(capsys, "--db", db, "delete", "alley", "45012300001", "--yes")
    assert status == 1 and out == ""
    assert err.startswith("错误：不能删除街巷「茶亭巷」（45012300001）：它还有关联记录——改造方案 1 个（2022年）")
    assert "Traceback" not in err
    status, out, _ = run(capsys, "--db", db, "delete", "alleys", "45012300001", "--yes", "--json")
    assert status == 1 and "改造方案 1 个" in json.loads(out)["error"]
    assert _counts(db) == before


def test_without_yes_outside_a_terminal_it_is_a_usage_error_before_anything_is_opened(db, capsys, tmp_path):
    code = _twice_typed(db)
    with pytest.raises(SystemExit) as stopped:
        main(["--db", str(db), "delete", "alley", code])
    assert stopped.value.code == 2
    assert "删除前须确认：不在终端中运行（脚本、管道）时请加 --yes" in capsys.readouterr().err
    assert _counts(db)["alleys"] == 301
    with pytest.raises(SystemExit):
        main(["--db", str(tmp_path / "none.db"), "delete", "alley", code])
    assert not (tmp_path / "none.db").exists()


def test_at_the_terminal_the_clerk_is_asked_and_no_keeps_the_record(db, capsys, monkeypatch):
    code = _twice_typed(db)
    monkeypatch.setattr(sys, "stdin", Terminal("\n"))  # Enter: the default is no
    status, _, err = run(capsys, "--db", db, "delete", "alley", code)
    assert status == 1
    assert f"删除街巷「茶亭巷」（{code}）？删除后可在操作日志中查到原记录。[y/N]" in err and "没有删除任何记录" in err
    assert _counts(db)["alleys"] == 301
    monkeypatch.setattr(sys, "stdin", Terminal("y\n"))
    status, out, err = run(capsys, "--db", db, "delete", "alley", code)
    assert status == 0, err
    assert out.startswith(f"已删除街巷「茶亭巷」（{code}）；原记录保存在操作日志第 ")
    assert _counts(db)["alleys"] == 300


def test_a_filed_plans_filing_needs_reason_then_its_acceptance_then_the_plan_goes(db, capsys):
    argv = ("--db", db, "delete")
    status, _, err = run(capsys, *argv, "plan", "45012300001", "--year", "2022", "--yes")
    assert status == 1 and "备案归档 1 份（已归档锁定）、竣工验收 1 份" in err
    status, _, err = run(capsys, *argv, "filing", "45012300001", "--year", "2022", "--yes")
    assert status == 1 and "归档锁定" in err and "请加 --reason 写明更正原因" in err
    status, out, err = run(capsys, *argv, "filing", "45012300001", "--year", "2022", "--yes",
                           "--reason", "备案录在了别的方案上", "--json")
    assert status == 0, err
    document = json.loads(out)
    assert {k: document["deleted"][k] for k in ("kind", "alley_code", "year")} == {
        "kind": "filing", "alley_code": "45012300001", "year": 2022}
    assert document["reason"] == "备案录在了别的方案上" and isinstance(document["audit_id"], int)
    assert document["unlocked_plan"] is True, "a locked filing's delete takes its plan out of the archive"
    assert run(capsys, *argv, "acceptance", "45012300001", "--year", "2022", "--yes")[0] == 0
    status, _, err = run(capsys, *argv, "plan", "45012300001", "--year", "2022", "--yes")
    assert status == 1 and "月调度进度 2 条（2022-07-25、2022-08-25）" in err and "alley-ledger delete progress" in err
    status, _, err = run(capsys, *argv, "progress", "45012300001", "--year", "2022", "--yes")
    assert status == 1 and "有 2 条月调度进度" in err, "which one?"
    for day in ("2022-07-25", "2022-08-25"):
        assert run(capsys, *argv, "progress", "45012300001", "--year", "2022", "--on", day, "--yes")[0] == 0
    status, _, err = run(capsys, *argv, "plan", "45012300001", "--year", "2022", "--yes")
    assert status == 0, err
    status, _, err = run(capsys, "--db", db, "doctor")
    assert status == 0, err


def test_two_surveys_of_one_day_are_told_apart_by_their_number(db, capsys):
    with Ledger.open(db) as ledger:
        alley = ledger.alley("45012300002")
        # its 2022 plan is filed: the second survey is an amendment, and so is its delete
        twice = ledger.add(Survey(alley_id=alley.id, surveyed_on=ledger.surveys(alley.id)[0].surveyed_on),
                           reason="补录调查")
        day = twice.surveyed_on
    status, _, err = run(capsys, "--db", db, "delete", "survey", "45012300002", "--on", day, "--yes")
    assert status == 1 and f"{day} 有 2 份调查摸底" in err and f"{day}（编号 {twice.id}）" in err
    status, out, _ = run(capsys, "--db", db, "list", "surveys")
    assert out.splitlines()[0].split()[:3] == ["编号", "街巷编码", "调查日期"]
    status, out, err = run(capsys, "--db", db, "delete", "survey", "45012300002", "--on", day, "--id", twice.id,
                           "--yes", "--reason", "同一天录了两次", "--json")
    assert status == 0, err
    assert json.loads(out)["deleted"] == {"kind": "survey", "id": twice.id, "alley_code": "45012300002",
                                          "alley_name": alley.name, "surveyed_on": day.isoformat()}
    with Ledger.open(db) as ledger:
        assert len(ledger.surveys(alley.id)) == 1


def test_a_problem_entered_twice_is_deleted_by_its_number(db, capsys):
    _, out, _ = run(capsys, "--db", db, "list", "problems", "--json")
    problem = json.loads(out)["problems"][0]
    status, out, err = run(capsys, "--db", db, "delete", "problem", problem["id"], "--yes", "--json")
    assert status == 0, err
    deleted = json.loads(out)["deleted"]
    assert (deleted["kind"], deleted["id"], deleted["reported_on"]) == ("problem", problem["id"], problem["reported_on"])
    with Ledger.open(db) as ledger:
        entry = ledger.audit(limit=1)[0]
        assert (entry.action, entry.source) == ("delete", "命令行"), "where the delete came from, as saves say"
    status, _, err = run(capsys, "--db", db, "delete", "problem", problem["id"], "--yes")
    assert status == 1
    assert f"没有编号为 {problem['id']} 的问题：它已被 " in err, "deleted already: by whom and when"
    assert f"删除（来自“命令行”；操作日志第 {entry.id} 条）" in err


def test_a_locked_plans_record_without_reason_is_refused_before_the_question(db, capsys, monkeypatch):
    monkeypatch.setattr(sys, "stdin", Terminal("y\n"))
    status, _, err = run(capsys, "--db", db, "delete", "filing", "45012300001", "--year", "2022")
    assert status == 1 and "[y/N]" not in err, "not asked first and refused after the clerk said yes"
    assert "备案归档「茶亭巷 2022年」（45012300001）属于 2022-" in err and "请加 --reason 写明更正原因" in err
    status, _, err = run(capsys, "--db", db, "delete", "filing", "45012300001", "--year", "2022", "--reason", "  ")
    assert status == 1 and "[y/N]" not in err and "请加 --reason" in err, "a reason of spaces is none"
    with Ledger.open(db) as ledger:
        assert ledger.filing_for(ledger.plans(alley_id=ledger.alley("45012300001").id)[0].id) is not None


def test_the_question_for_a_locked_filing_says_the_plan_leaves_the_archive(db, capsys, monkeypatch):
    monkeypatch.setattr(sys, "stdin", Terminal("y\n"))
    status, out, err = run(capsys, "--db", db, "delete", "filing", "45012300001", "--year", "2022",
                           "--reason", "归档锁定锁错了方案")
    assert status == 0, err
    assert ("删除备案归档「茶亭巷 2022年」（45012300001）？改造方案「茶亭巷 2022年」将随之解除归档锁定（封存取消，案卷可以再修改），"
            "不再算作已备案归档；改正后须重新备案并归档锁定。删除后可在操作日志中查到原记录。[y/N]") in err
    assert "改造方案「茶亭巷 2022年」已解除归档锁定" in out
    with Ledger.open(db) as ledger:
        entry = ledger.audit(limit=1)[0]
        assert entry.reason == "归档锁定锁错了方案（删除备案，方案解除归档锁定）"
        plan = ledger.plans(alley_id=ledger.alley("45012300001").id)[0]
        assert ledger.locked_by(plan) is None


class WritingMeanwhile(Terminal):
    """A clerk who, before answering, lets the desktop program save a change elsewhere."""

    def __init__(self, db, answer: str):
        super().__init__(answer)
        self.db = db
        self.other: subprocess.CompletedProcess | None = None

    def readline(self, *args) -> str:
        code = ("from core.store import Ledger; "
                f"ledger = Ledger.open({str(self.db)!r}, user='李四', mode='write', program='巷账桌面程序'); "
                "alley = ledger.alley('45012300002'); "
                "ledger.save(alley.model_copy(update={'chief_phone': '13800001111'})); ledger.close()")
        self.other = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                                    timeout=60)
        return super().readline(*args)


def test_while_the_clerk_reads_the_question_other_programs_may_write(db, capsys, monkeypatch):
    code = _twice_typed(db)
    terminal = WritingMeanwhile(db, "y\n")
    monkeypatch.setattr(sys, "stdin", terminal)
    status, _, err = run(capsys, "--db", db, "delete", "alley", code)
    assert terminal.other.returncode == 0, terminal.other.stderr
    assert status == 0, err
    with Ledger.open(db) as ledger:
        assert ledger.alley("45012300002").chief_phone == "13800001111"
        assert code not in {a.code for a in ledger.alleys()}


def test_a_record_changed_while_the_question_waited_is_not_deleted(db, capsys, monkeypatch):
    code = _twice_typed(db)

    class ChangedMeanwhile(Terminal):
        def readline(self, *args) -> str:
            with Ledger.open(db, user="李四") as other:
                other.save(other.alley(code).model_copy(update={"chief": "王五"}), source="界面")
            return super().readline(*args)

    monkeypatch.setattr(sys, "stdin", ChangedMeanwhile("y\n"))
    status, _, err = run(capsys, "--db", db, "delete", "alley", code)
    assert status == 1 and "在您读取之后已被 李四 于 " in err and "这次没有删除；请看过修改后再决定是否删除" in err
    with Ledger.open(db) as ledger:
        assert ledger.alley(code).chief == "王五"


def test_problem_number_0_is_looked_up_not_taken_for_none(db, capsys):
    status, _, err = run(capsys, "--db", db, "delete", "problem", "0", "--yes")
    assert status == 1 and "没有编号为 0 的问题" in err and "请给出问题的编号" not in err


def test_list_progress_shows_the_number_that_delete_progress_asks_for(db, capsys):
    status, out, _ = run(capsys, "--db", db, "list", "progress", "--year", "2022")
    header, *rows = out.splitlines()
    assert header.split()[:3] == ["编号", "街巷编码", "年度"]
    _, out, _ = run(capsys, "--db", db, "list", "progress", "--year", "2022", "--json")
    reports = [r for r in json.loads(out)["progress"] if r["alley_code"] == "45012300001"]
    assert len(reports) == 2 and all(isinstance(r["id"], int) for r in reports)
    assert any(line.split()[:2] == [str(reports[0]["id"]), "45012300001"] for line in rows)
    status, _, err = run(capsys, "--db", db, "delete", "progress", "45012300001", "--year", "2022",
                         "--id", reports[0]["id"], "--yes", "--reason", "重复填报")
    assert status == 0, err
