"""The alley-ledger command: the JSON contract scripts rely on, exit codes and Chinese messages."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from core.cli.main import main
from tests.rules.helpers import holiday_year_2030

MONEY = ("total_investment_yuan", "subsidy_yuan", "bonus_yuan", "clawback_yuan", "boutique_award_yuan", "total_yuan")


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def run_json(capsys, *argv):
    code, out, err = run(capsys, *argv, "--json")
    assert code == 0, err
    return json.loads(out)


@pytest.fixture
def db(tmp_path, demo_db):
    path = tmp_path / "x.db"
    shutil.copy(demo_db, path)
    return path


def test_init_then_demo_then_lists_carry_the_contract_keys(tmp_path, capsys):
    path = tmp_path / "s.db"
    assert run(capsys, "--db", path, "init", "--county", "示例县", "--code", "450123")[0] == 0
    result = run_json(capsys, "--db", path, "demo", "--alleys", "30", "--seed", "1")
    assert result["counts"]["alleys"] == 30
    alleys = run_json(capsys, "--db", path, "list", "alleys")["alleys"]
    assert all({"code", "name", "subdistrict", "community"} <= set(a) for a in alleys)
    assert all(a["code"].startswith("450123") for a in alleys)
    for kind in ("plans", "acceptances", "filings", "progress"):
        rows = run_json(capsys, "--db", path, "list", kind)[kind]
        assert rows and all({"alley_code", "year"} <= set(r) for r in rows)
    problems = run_json(capsys, "--db", path, "list", "problems")["problems"]
    assert problems and all({"alley_code", "deadline", "status", "overdue"} <= set(p) for p in problems)


def test_db_is_accepted_after_the_subcommand(db, capsys):
    before = run_json(capsys, "--db", db, "list", "alleys")
    after = run_json(capsys, "list", "alleys", "--db", db)
    assert before == after and len(after["alleys"]) == 300


def test_list_by_year_keeps_only_that_year(db, capsys):
    plans = run_json(capsys, "--db", db, "list", "plans", "--year", "2023")["plans"]
    assert plans and {p["year"] for p in plans} == {2023}
    filings = run_json(capsys, "--db", db, "list", "filings", "--year", "2023")["filings"]
    assert {f["year"] for f in filings} == {2023}
    alleys = run_json(capsys, "--db", db, "list", "alleys", "--year", "2023")["alleys"]
    assert {a["code"] for a in alleys} == {p["alley_code"] for p in plans}


def test_funding_json_is_money_in_whole_yuan_and_totals_add_up(db, capsys):
    doc = run_json(capsys, "--db", db, "funding", "--as-of", "2026-11-23")
    assert doc["plans"]
    for plan in doc["plans"]:
        assert {"alley_code", "year", "category", *MONEY} <= set(plan)
        assert all(isinstance(plan[k], int) for k in MONEY)
        assert plan["total_yuan"] == (plan["subsidy_yuan"] + plan["bonus_yuan"] - plan["clawback_yuan"]
                                      + plan["boutique_award_yuan"])
    for key in MONEY:
        assert doc["totals"][key] == sum(p[key] for p in doc["plans"])
    assert sum(t["total_yuan"] for t in doc["by_year"].values()) == doc["totals"]["total_yuan"]
    year = run_json(capsys, "--db", db, "funding", "--year", "2023", "--as-of", "2026-11-23")
    assert year["totals"]["total_yuan"] == doc["by_year"]["2023"]["total_yuan"]


def test_check_json_is_consistent_with_funding_and_lists(db, capsys):
    doc = run_json(capsys, "--db", db, "check", "--as-of", "2026-11-23")
    findings = doc["findings"]
    assert findings and all({"rule", "severity", "alley_code", "year", "message"} <= set(f) for f in findings)
    codes = {a["code"] for a in run_json(capsys, "--db", db, "list", "alleys")["alleys"]}
    assert {f["alley_code"] for f in findings if f["alley_code"]} <= codes
    clawbacks = {(f["alley_code"], f["year"]) for f in findings if f["rule"] == "R7" and f["severity"] == "warning"}
    funding = run_json(capsys, "--db", db, "funding", "--as-of", "2026-11-23")["plans"]
    assert clawbacks == {(p["alley_code"], p["year"]) for p in funding if p["clawback_yuan"]}
    assert doc["summary"]["error"] == sum(1 for f in findings if f["severity"] == "error")
    only = run_json(capsys, "--db", db, "check", "--year", "2023", "--rule", "R7", "--as-of", "2026-11-23")
    assert only["findings"] and {(f["rule"], f["year"]) for f in only["findings"]} == {("R7", 2023)}


def test_check_text_output_is_a_chinese_table(db, capsys):
    code, out, _ = run(capsys, "--db", db, "check", "--as-of", "2026-11-23")
    assert code == 0
    assert out.splitlines()[0].split()[:3] == ["规则", "级别", "街巷编码"]
    assert "按 2026-11-23 判断期限" in out


def test_workdays_add_needs_no_database(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("ALLEY_LEDGER_DB", str(tmp_path / "none.db"))
    assert run_json(capsys, "workdays", "add", "2025-09-26", "7")["date"] == "2025-10-13"
    doc = run_json(capsys, "workdays", "add", "2030-09-27", "7")
    assert doc == {"date": "2030-10-08", "provisional": True, "start": "2030-09-27", "days": 7,
                   "unit": "working", "missing_years": [2030]}
    assert not (tmp_path / "none.db").exists()


def test_workdays_load_makes_the_year_final(tmp_path, capsys):
    path = tmp_path / "h.db"
    csv = tmp_path / "2030.csv"
    days, names = holiday_year_2030()
    csv.write_text("日期,类型,名称\n" + "".join(f"{d},{'班' if w else '休'},{names[d]}\n" for d, w in days.items()),
                   encoding="gbk")
    doc = run_json(capsys, "--db", path, "workdays", "load", csv)
    assert doc == {"year": 2030, "days_off": 26, "make_up_workdays": 3}
    assert run_json(capsys, "--db", path, "workdays", "add", "2030-09-27", "3") == {
        "date": "2030-10-08", "provisional": False, "start": "2030-09-27", "days": 3, "unit": "working",
        "missing_years": []}


def test_backup_writes_a_copy_that_opens(db, tmp_path, capsys):
    doc = run_json(capsys, "--db", db, "backup", tmp_path / "b.db")
    assert doc["counts"]["alleys"] == 300 and len(doc["sha256"]) == 64
    assert run_json(capsys, "--db", tmp_path / "b.db", "list", "alleys")["alleys"]
    code, _, err = run(capsys, "--db", db, "backup", tmp_path / "b.db")
    assert code == 1 and "已存在" in err


def test_a_second_demo_is_refused_with_exit_1(db, capsys):
    code, _, err = run(capsys, "--db", db, "demo", "--alleys", "10")
    assert code == 1 and "演示数据只能装入空数据库" in err
    assert run(capsys, "--db", db, "demo", "--if-empty")[0] == 0
    assert len(run_json(capsys, "--db", db, "list", "alleys")["alleys"]) == 300


def test_refused_input_exits_1_with_a_chinese_message(tmp_path, capsys):
    code, out, err = run(capsys, "--db", tmp_path / "missing.db", "list", "alleys")
    assert code == 1 and "不存在" in err and "Traceback" not in err
    code, out, err = run(capsys, "--db", tmp_path / "missing.db", "check", "--json")
    assert code == 1 and "error" in json.loads(out)
    code, _, err = run(capsys, "--db", tmp_path / "i.db", "init", "--county", "示例县", "--code", "12")
    assert code == 1 and "行政区划代码" in err
    run(capsys, "--db", tmp_path / "j.db", "init", "--county", "甲县")
    code, _, err = run(capsys, "--db", tmp_path / "j.db", "init", "--county", "乙县")
    assert code == 1 and "已属于「甲县」" in err


def test_usage_errors_exit_2_in_chinese(capsys):
    with pytest.raises(SystemExit) as caught:
        main(["list", "streets"])
    assert caught.value.code == 2
    assert "无效的选择" in capsys.readouterr().err
    with pytest.raises(SystemExit) as caught:
        main(["workdays", "add", "2025-02-30", "7"])
    assert caught.value.code == 2
    assert "不是日期" in capsys.readouterr().err


def test_the_console_script_runs_as_a_process(db):
    exe = Path(sys.executable).with_name("alley-ledger")
    assert exe.exists(), "install the project (scripts/test does) so the console script exists"
    result = subprocess.run([str(exe), "list", "alleys", "--db", str(db), "--json"], capture_output=True, text=True,
                            encoding="utf-8", timeout=120)
    assert result.returncode == 0, result.stderr
    assert len(json.loads(result.stdout)["alleys"]) == 300
    bad = subprocess.run([str(exe), "--db", str(db), "frobnicate"], capture_output=True, text=True, encoding="utf-8")
    assert bad.returncode == 2


def test_print_commands_write_pdfs_and_report_pages(db, tmp_path, capsys):
    doc = run_json(capsys, "--db", db, "print", "annual-list", "--year", "2023", tmp_path / "a.pdf")
    assert doc["pages"] >= 1 and doc["rows"] > 0 and (tmp_path / "a.pdf").read_bytes().startswith(b"%PDF")
    code = run_json(capsys, "--db", db, "list", "filings")["filings"][0]["alley_code"]
    doc = run_json(capsys, "--db", db, "print", "filing-packet", code, tmp_path / "p.pdf")
    assert doc["alley_code"] == code and doc["pages"] >= 5 and "complete" in doc
    doc = run_json(capsys, "print", "survey-form", tmp_path / "s.pdf", code, "--db", db)
    assert doc["pages"] >= 1
    assert doc["missing_characters"] == []
    code_, _, err = run(capsys, "--db", db, "print", "filing-packet", "NO-SUCH", tmp_path / "x.pdf")
    assert code_ == 1 and "没有街巷编码为「NO-SUCH」" in err and not (tmp_path / "x.pdf").exists()


def test_characters_the_font_cannot_print_are_named(db, tmp_path, capsys):
    """㟖 (CJK Extension A, in some Guangxi place names) is not in the bundled font: the PDF would
    show a blank there, so the command says which characters to write in by hand."""
    from core.records import Alley
    from core.store import Ledger

    with Ledger.open(db) as ledger:
        plan = next(p for p in ledger.plans(year=2023) if p.approved_on)
        alley = ledger.get(Alley, plan.alley_id)
        ledger.save(alley.model_copy(update={"name": "那㟖巷", "community": "䶮村"}), reason="更正地名")
    doc = run_json(capsys, "--db", db, "print", "annual-list", "--year", "2023", tmp_path / "a.pdf")
    assert sorted(doc["missing_characters"]) == ["㟖", "䶮"]
    code, out, _ = run(capsys, "--db", db, "print", "survey-form", tmp_path / "s.pdf", alley.code)
    assert code == 0 and "打印出来是空白" in out and "手写" in out
    assert "「㟖」（U+37D6，见“那㟖巷”）" in out and "「䶮」（U+4DAE，见“䶮村”）" in out


def test_funding_of_a_year_without_plans_and_other_odd_input_give_no_traceback(db, tmp_path, capsys):
    doc = run_json(capsys, "--db", db, "funding", "--year", "2030")
    assert doc["plans"] == [] and doc["totals"]["total_yuan"] == 0
    for argv in (["workdays", "add", "9999-12-30", "5"], ["workdays", "add", "2025-09-26", "99999999"],
                 ["--db", str(db), "print", "annual-list", "--year", "2023", str(tmp_path)]):
        code, _, err = run(capsys, *argv)
        assert code == 1 and err.startswith("错误：") and "Traceback" not in err, argv


def test_export_and_import_through_the_command_line(db, tmp_path, capsys):
    ledger = run_json(capsys, "--db", db, "export", "ledger", tmp_path / "台账.xlsx")
    assert set(ledger) >= {"path", "rows", "extra_columns"} and ledger["rows"] > 300
    as_csv = run_json(capsys, "--db", db, "export", "ledger", tmp_path / "台账.csv")
    assert as_csv["rows"] == ledger["rows"]
    listed = run_json(capsys, "--db", db, "export", "annual-list", "--year", "2023", tmp_path / "清单.csv")
    assert listed["year"] == 2023 and listed["rows"] > 0
    run(capsys, "--db", tmp_path / "new.db", "init", "--county", "示例县", "--code", "450123")
    dry = run_json(capsys, "--db", tmp_path / "new.db", "import", tmp_path / "台账.csv", "--dry-run")
    assert (dry["new"], dry["rejected"], dry["committed"]) == (ledger["rows"], 0, False)
    done = run_json(capsys, "--db", tmp_path / "new.db", "import", tmp_path / "台账.csv")
    assert done["committed"] and Path(done["backup"]).exists()
    again = run_json(capsys, "--db", tmp_path / "new.db", "import", tmp_path / "台账.xlsx")
    assert (again["new"], again["updated"], again["unchanged"]) == (0, 0, ledger["rows"])
    code, _, err = run(capsys, "--db", db, "export", "ledger", tmp_path / "台账.xls")
    assert code == 1 and "应以 .xlsx" in err and not (tmp_path / "台账.xls").exists()


def test_an_import_with_rejected_rows_exits_1_and_saves_them(db, tmp_path, capsys):
    from openpyxl import Workbook, load_workbook

    book = Workbook()
    book.active.append(["街巷名称", "所在街道", "年度", "类别", "竣工日期"])
    book.active.append(["槐树巷", "城东街道", 2023, "达标", "2023年6月1日"])
    book.active.append(["井头街", "城东街道", 2023, "达标", "2023年13月5日"])
    book.save(tmp_path / "台账.xlsx")
    code, out, _ = run(capsys, "--db", db, "import", tmp_path / "台账.xlsx", "--rejects", tmp_path / "拒收.xlsx", "--json")
    result = json.loads(out)
    # cells, not rows: the unreadable date is left out, the row imports, and the exit status says so
    assert code == 1 and (result["new"], result["rejected"]) == (2, 0) and result["rejections"] == []
    assert result["warnings"] == [{"sheet": "Sheet", "row": 3, "column": "竣工日期", "value": "2023年13月5日",
                                   "reason": "无法识别为日期：2023年13月5日；该项留空，其余内容照常导入",
                                   "kind": "left_out"}]
    saved = list(load_workbook(tmp_path / "拒收.xlsx").active.iter_rows(values_only=True))
    assert saved[0] == ("街巷名称", "所在街道", "年度", "类别", "竣工日期", "导入问题")
    assert len(saved) == 2 and saved[1][:5] == ("井头街", "城东街道", 2023, "达标", "2023年13月5日")
    assert "第3行「竣工日期」" in saved[1][5]


def test_an_import_with_only_approximate_cells_exits_0(db, tmp_path, capsys):
    from openpyxl import Workbook

    book = Workbook()
    book.active.append(["街巷名称", "所在街道", "年度", "类别", "长度", "竣工日期", "改造内容"])
    book.active.append(["槐树巷", "城东街道", 2023, "达标", "约150米", "2023年10月", "一清二拆三改、按图施工"])
    book.save(tmp_path / "台账.xlsx")
    code, out, _ = run(capsys, "--db", db, "import", tmp_path / "台账.xlsx", "--json")
    result = json.loads(out)
    assert code == 0 and result["new"] == 1
    assert sorted((w["column"], w["kind"]) for w in result["warnings"]) == [
        ("改造内容", "approximate"), ("改造内容", "unrecognised"), ("竣工日期", "approximate"), ("长度(米)", "approximate")]


def test_a_plan_withdrawn_from_the_command_line_leaves_the_annual_list_and_can_come_back(db, tmp_path, capsys):
    """domain.md §2: a withdrawn plan keeps its record, with the date and reason, and is left off the
    list, which says how many were withdrawn."""
    code, out, _ = run(capsys, "--db", db, "list", "plans", "--year", "2023", "--json")
    first = json.loads(out)["plans"][0]["alley_code"]
    code, out, _ = run(capsys, "--db", db, "print", "annual-list", "--year", "2023", tmp_path / "before.pdf", "--json")
    before = json.loads(out)
    code, out, err = run(capsys, "--db", db, "withdraw", first, "--year", "2023", "--json")
    assert code == 1 and "撤销原因" in err, "a withdrawal needs its reason"
    code, out, _ = run(capsys, "--db", db, "withdraw", first, "--year", "2023", "--reason", "群众意见不统一",
                       "--on", "2023-05-10", "--amendment", "县里调整", "--json")
    assert code == 0 and json.loads(out) == {"alley_code": first, "year": 2023, "withdrawn": True,
                                             "withdrawn_on": "2023-05-10", "withdrawn_reason": "群众意见不统一"}
    code, out, _ = run(capsys, "--db", db, "print", "annual-list", "--year", "2023", tmp_path / "after.pdf", "--json")
    after = json.loads(out)
    assert (after["rows"], after["withdrawn"]) == (before["rows"] - 1, before["withdrawn"] + 1)
    code, out, _ = run(capsys, "--db", db, "funding", "--year", "2023", "--json")
    assert first not in {p["alley_code"] for p in json.loads(out)["plans"]}, "no money for a withdrawn plan"
    code, out, _ = run(capsys, "--db", db, "withdraw", first, "--year", "2023", "--undo", "--amendment", "恢复", "--json")
    assert code == 0 and json.loads(out)["withdrawn"] is False
