"""Exported spreadsheets read back with openpyxl: headers, values, formats, print setup, safety."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from core.annual import annual_list_data
from core.errors import LedgerError
from core.exchange.columns import HEADERS
from core.exchange.export import export_annual_list, export_ledger


@pytest.fixture
def ledger(demo_ledger):
    return demo_ledger


def test_ledger_has_the_canonical_headers_one_row_per_alley_and_year(ledger, tmp_path):
    result = export_ledger(ledger, tmp_path / "ledger.xlsx")
    ws = load_workbook(tmp_path / "ledger.xlsx").active
    assert "工作台账" in ws["A1"].value and "示例县" in ws["A1"].value
    assert tuple(c.value for c in ws[2]) == HEADERS
    rows = list(ws.iter_rows(min_row=3, values_only=True))
    plans = ledger.plans()
    planned = {p.alley_id for p in plans}
    assert len(rows) == result.rows == len(plans) + sum(1 for a in ledger.alleys() if a.id not in planned)
    assert len({(r[0], r[13]) for r in rows}) == len(rows)  # (街巷编码, 年度) is unique
    assert ws.freeze_panes == "A3" and ws.print_title_rows == "$1:$2"
    assert ws.page_setup.orientation == "landscape" and ws.sheet_properties.pageSetUpPr.fitToPage


def test_dates_are_dates_and_money_is_wan_with_two_decimals(ledger, tmp_path):
    export_ledger(ledger, tmp_path / "ledger.xlsx")
    ws = load_workbook(tmp_path / "ledger.xlsx").active
    code_col, year_col, money_col, contract_col = 1, 14, 17, 23
    plan = ledger.plans(year=2023)[0]
    code = ledger.alley_codes_by_id()[plan.alley_id]
    row = next(r for r in ws.iter_rows(min_row=3) if r[code_col - 1].value == code and r[year_col - 1].value == 2023)
    money = row[money_col - 1]
    assert money.number_format == "#,##0.00"
    assert round(money.value * 10000) == plan.total_investment_yuan
    assert isinstance(row[contract_col - 1].value, datetime)
    assert row[contract_col - 1].value.date() == plan.contract_on
    assert row[contract_col - 1].number_format == "yyyy-mm-dd"


def test_text_that_looks_like_a_formula_stays_text(ledger, tmp_path):
    alley = ledger.alleys()[0]
    ledger.save(alley.model_copy(update={"chief": "=HYPERLINK(\"http://x\")", "start_point": "+86路口",
                                         "end_point": "@巷尾", "chief_phone": "-123"}))
    export_ledger(ledger, tmp_path / "ledger.xlsx")
    ws = load_workbook(tmp_path / "ledger.xlsx").active
    row = next(r for r in ws.iter_rows(min_row=3) if r[0].value == alley.code)
    for cell, text in ((row[11], "=HYPERLINK(\"http://x\")"), (row[5], "+86路口"), (row[6], "@巷尾"), (row[12], "-123")):
        assert cell.value == text and cell.data_type == "s"


def test_columns_kept_from_imports_are_exported_again(ledger, tmp_path):
    alley = ledger.alleys()[0]
    ledger.save(alley.model_copy(update={"extra": {"片区": "老城片区"}}))
    result = export_ledger(ledger, tmp_path / "ledger.xlsx")
    ws = load_workbook(tmp_path / "ledger.xlsx").active
    assert result.extra_columns == ["片区"] and ws.cell(row=2, column=len(HEADERS) + 1).value == "片区"
    row = next(r for r in ws.iter_rows(min_row=3, values_only=True) if r[0] == alley.code)
    assert row[len(HEADERS)] == "老城片区"


def test_annual_list_sheet_has_the_rows_and_a_totals_row(ledger, tmp_path):
    data = annual_list_data(ledger, 2023)
    export_annual_list(data, tmp_path / "list.xlsx")
    ws = load_workbook(tmp_path / "list.xlsx").active
    assert ws["A1"].value == data.title
    rows = list(ws.iter_rows(min_row=3, values_only=True))
    assert [r[1] for r in rows[:-1]] == [r.name for r in data.rows]
    assert rows[-1][0] == "合计"
    assert round(rows[-1][9] * 10000) == data.total_investment_yuan
    assert isinstance(rows[0][11], datetime)


def _csv_rows(path):
    import csv

    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.reader(handle))


def test_a_csv_ledger_opens_in_chinese_excel_and_keeps_values_exact(ledger, tmp_path):
    alley = ledger.alleys()[0]
    ledger.save(alley.model_copy(update={"chief": "=HYPERLINK(\"http://x\")", "chief_phone": "-123"}))
    plan = next(p for p in ledger.plans(year=2023) if p.total_investment_yuan)
    ledger.save(plan.model_copy(update={"total_investment_yuan": 1_234_567}), reason="测试")  # 123.4567 万元
    result = export_ledger(ledger, tmp_path / "ledger.csv")
    raw = (tmp_path / "ledger.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # the byte-order mark Chinese Excel needs
    assert b"\r\n" in raw
    rows = _csv_rows(tmp_path / "ledger.csv")
    assert tuple(rows[0]) == HEADERS and len(rows) - 1 == result.rows
    code = ledger.alley_codes_by_id()[plan.alley_id]
    row = next(r for r in rows if r[0] == code and r[13] == "2023")
    assert row[16] == "123.4567"
    assert row[22] == plan.contract_on.isoformat()
    other = next(r for r in rows[1:] if r[16] and r[0] != code)
    assert len(other[16].split(".")[1]) >= 2  # 万元 with two decimals at least
    first = next(r for r in rows if r[0] == alley.code)
    assert first[11] == "'=HYPERLINK(\"http://x\")" and first[12] == "'-123"  # not evaluated by Excel


AWKWARD = {"chief": "'-", "chief_phone": "'+86 138", "start_point": "=1+1", "end_point": "@巷尾",
           "community": "'张三", "red_line_width_m": 12.35, "length_m": 1e-7}


def test_a_csv_export_imports_back_to_the_same_file(ledger, tmp_path):
    from core.exchange.importer import commit_import, preview_import
    from core.records import CountySettings
    from core.store import Ledger

    alley = ledger.alleys()[0]
    awkward = {**AWKWARD, "red_line_width_m": 0.1 + 0.2}  # 17 digits: a CSV keeps them (XlsxWriter 16)
    ledger.save(alley.model_copy(update={**awkward, "extra": {"片区": "@老城", "=1+1": "'x"}}), reason="测试")
    export_ledger(ledger, tmp_path / "first.csv")
    with Ledger.open(tmp_path / "empty.db") as empty:
        empty.save_settings(CountySettings(name="示例县", code="450123"))
        preview = preview_import(empty, tmp_path / "first.csv")
        assert preview.count("rejected") == 0 and sorted(preview.unknown_columns) == ["=1+1", "片区"]
        commit_import(empty, preview)
        back = empty.alley(alley.code)
        assert {k: getattr(back, k) for k in awkward} == awkward
        export_ledger(empty, tmp_path / "second.csv")
    assert (tmp_path / "first.csv").read_bytes() == (tmp_path / "second.csv").read_bytes()


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_an_export_imported_into_its_own_database_changes_nothing(ledger, tmp_path, suffix):
    """Text that looks like a formula or begins with an apostrophe, floats without a short decimal
    form and tiny numbers come back exactly, so every row is unchanged."""
    from core.exchange.importer import preview_import

    alley = ledger.alleys()[0]
    ledger.save(alley.model_copy(update={**AWKWARD, "extra": {"片区": "@老城"}}), reason="测试")
    plan = next(p for p in ledger.plans() if p.alley_id == alley.id)
    ledger.save(plan.model_copy(update={"notes": "''=x\n第二行：已与社区沟通"}), reason="测试")
    export_ledger(ledger, tmp_path / f"ledger{suffix}")
    preview = preview_import(ledger, tmp_path / f"ledger{suffix}")
    assert {r.status for r in preview.rows} == {"unchanged"}


def test_a_csv_opened_and_saved_by_libreoffice_keeps_formula_like_text(ledger, tmp_path):
    """LibreOffice (like Excel) shows the CSV guard apostrophe as text and keeps it when the sheet is
    saved as a workbook: the import takes it off there too."""
    import shutil
    import subprocess

    from core.exchange.importer import preview_import

    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice (libreoffice-calc-nogui) is not installed; scripts/bootstrap.sh installs it")
    alley = ledger.alleys()[0]
    ledger.save(alley.model_copy(update={"chief": "=1+1", "start_point": "-路口", "end_point": "@巷尾"}))
    export_ledger(ledger, tmp_path / "ledger.csv")
    subprocess.run([soffice, "--headless", f"-env:UserInstallation=file://{tmp_path}/lo-profile",
                    "--infilter=CSV:44,34,76,1", "--convert-to", "xlsx", "--outdir", str(tmp_path / "lo"),
                    str(tmp_path / "ledger.csv")], check=True, capture_output=True, timeout=180)
    preview = preview_import(ledger, tmp_path / "lo" / "ledger.xlsx")
    row = next(r for r in preview.rows if r.code == alley.code)
    assert row.status == "unchanged", [j.message() for j in row.rejections]


def test_the_annual_list_as_csv_adds_up_to_its_totals(ledger, tmp_path):
    for plan in ledger.plans(year=2023)[:3]:
        ledger.save(plan.model_copy(update={"total_investment_yuan": 1_234_567}), reason="测试")
    data = annual_list_data(ledger, 2023)
    export_annual_list(data, tmp_path / "list.csv")
    rows = _csv_rows(tmp_path / "list.csv")
    assert [r[1] for r in rows[1:-1]] == [r.name for r in data.rows]
    assert rows[-1][0] == "合计"
    for column, total in ((9, data.total_investment_yuan), (10, data.total_subsidy_yuan)):
        assert Decimal(rows[-1][column]) * 10000 == total
        assert sum(Decimal(r[column]) for r in rows[1:-1]) * 10000 == total  # exact, not rounded per row
    assert "123.4567" in {r[9] for r in rows[1:-1]}


def test_an_export_to_another_kind_of_file_is_refused_and_writes_nothing(ledger, tmp_path):
    with pytest.raises(LedgerError, match=r"ledger\.xls.*\.xlsx.*\.csv"):
        export_ledger(ledger, tmp_path / "out" / "ledger.xls")
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_an_export_that_cannot_be_written_says_why_in_chinese(ledger, tmp_path, suffix):
    folder = tmp_path / f"台账{suffix}"
    folder.mkdir()
    with pytest.raises(LedgerError, match="是一个文件夹"):
        export_ledger(ledger, folder)
    blocker = tmp_path / "文件"
    blocker.write_text("x")
    with pytest.raises(LedgerError) as caught:
        export_ledger(ledger, blocker / f"台账{suffix}")  # a folder that is a file: cannot exist
    assert "同名的文件挡住了" in str(caught.value) and ".part" not in str(caught.value)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["demo-copy.db", "demo-copy.db-shm", "demo-copy.db-wal",
                                                                 folder.name, "文件"])
