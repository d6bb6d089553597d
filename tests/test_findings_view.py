"""The county's findings as the 检查结果 page, its export and the printed list gather them, and the
CLI commands that make the same files (issue 14 item 10)."""

from __future__ import annotations

import json
import subprocess
from datetime import date

import openpyxl

from core.cli.main import main
from core.findings_view import gather_findings, locate
from core.records import Acceptance, Filing
from core.rules import Dataset, check
from tests.conftest import make_alley, make_plan

AS_OF = date(2024, 3, 1)


def test_every_finding_of_the_year_with_its_alley_and_the_row_to_open(ledger):
    """000 §四(三): "定期督促检查工作推进情况" — the whole county's findings, each with where to act."""
    alley = make_alley(ledger, name="槐树巷", subdistrict="城东街道", community="和平社区")
    plan = make_plan(ledger, alley, start_on=date(2023, 7, 3), completion_on=date(2023, 10, 1))
    acceptance = ledger.add(Acceptance(plan_id=plan.id, accepted_on=date(2023, 10, 10), result="合格"))
    data = gather_findings(ledger, 2023, as_of=AS_OF)
    assert [r.finding for r in data.rows] == check(Dataset.from_ledger(ledger, as_of=AS_OF), year=2023)
    start = next(r for r in data.rows if "开工于" in r.finding.message)
    assert (start.alley_name, start.subdistrict, start.page, start.row_id) == ("槐树巷", "城东街道", "plans", plan.id)
    evaluation = next(r for r in data.rows if "达标评定" in r.finding.message)
    assert (evaluation.page, evaluation.row_id) == ("acceptances", plan.id)  # acceptances are shown by plan
    filing = next(r for r in data.rows if r.rule == "R11")
    assert (filing.page, filing.row_id) == ("filings", plan.id)  # filed on 备案归档, by its plan
    assert data.title == "示例县2023年背街小巷整治改造规则检查结果"
    assert data.summary().startswith(f"共 {len(data.rows)} 条：错误") and "按 2024-03-01 判断期限" in data.summary()
    assert locate(f"acceptances/{acceptance.id}", {("acceptances", acceptance.id): plan.id}) == ("acceptances", plan.id)
    assert locate("county/1", {}) == ("settings", 1)
    assert locate("problems/7", {}) == ("problems", 7)


def test_cli_exports_and_prints_the_findings(demo_ledger, tmp_path, capsys):
    """000 §四(三): "半年通报" — the findings as a spreadsheet and as a printed list, headless."""
    db = str(demo_ledger.path)
    expected = check(Dataset.from_ledger(demo_ledger, as_of=date(2024, 12, 31)), year=2024)
    assert main(["--db", db, "export", "findings", "--year", "2024", "--as-of", "2024-12-31",
                 str(tmp_path / "f.xlsx"), "--json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["rows"] == len(expected) and doc["year"] == 2024
    sheet = openpyxl.load_workbook(tmp_path / "f.xlsx").active
    rows = list(sheet.iter_rows(min_row=3, values_only=True))
    assert [r[8] for r in rows] == [f.message for f in expected]
    assert main(["--db", db, "print", "findings", "--year", "2024", "--as-of", "2024-12-31",
                 str(tmp_path / "f.pdf"), "--json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["findings"] == len(expected) and doc["pages"] >= 1 and doc["missing_characters"] == []
    assert doc["error"] == sum(1 for f in expected if f.severity == "error")
    text = subprocess.run(["pdftotext", str(tmp_path / "f.pdf"), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert "规则检查结果" in text and expected[0].message[:12] in text.replace("\n", "")
    assert f"第{doc['pages']}页共{doc['pages']}页" in text.replace(" ", "")


def test_a_filed_plan_late_by_r11_points_at_its_filing(ledger):
    """R11 (national practice): "竣工验收备案 within 15 days" — the late filing opens on 备案归档."""
    alley = make_alley(ledger)
    plan = make_plan(ledger, alley, start_on=date(2023, 6, 1), completion_on=date(2023, 10, 1))
    ledger.add(Acceptance(plan_id=plan.id, accepted_on=date(2023, 10, 10), result="合格"))
    ledger.add(Filing(plan_id=plan.id, filed_on=date(2023, 11, 1)))
    (late,) = [r for r in gather_findings(ledger, 2023, as_of=AS_OF).rows if r.rule == "R11" and "备案于" in
               r.finding.message]
    assert (late.page, late.row_id) == ("filings", plan.id)
