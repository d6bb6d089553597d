"""Importing ledgers as clerks really send them (domain.md §5): row-level outcomes, not only counts."""

from __future__ import annotations

import shutil
import zipfile
from datetime import date, datetime

import pytest
from openpyxl import Workbook, load_workbook

from core.demo import make_demo
from core.errors import LedgerError
from core.exchange.export import export_ledger
from core.exchange.importer import commit_import, preview_import, write_rejects
from core.records import CountySettings
from core.store import Ledger


@pytest.fixture
def empty(tmp_path):
    with Ledger.open(tmp_path / "empty.db", user="导入测试") as lg:
        lg.save_settings(CountySettings(name="示例县", code="450123"))
        yield lg


@pytest.fixture
def demo(demo_ledger):
    return demo_ledger


def _cells(path):
    """Every cell value of a workbook's first sheet, row by row."""
    return list(load_workbook(path).active.iter_rows(values_only=True))


def messy_ledger(path):
    """A ledger the way a sub-district sends it: title and unit lines, a two-row merged header,
    columns in its own order and words, a totals row, blank rows, a second sheet of notes."""
    wb = Workbook()
    ws = wb.active
    ws.title = "2023年台账"
    ws.append(["××县2023年城市背街小巷整治改造提升工作台账"])
    ws.append(["单位：万元"])
    ws.append(["序号", "街巷名", "所属街道", "社区", "长度（m）", "基本情况", None, "改造年度", "类别", "投资额(万元)",
               "合同签订时间", "竣工时间", "验收结论", "片区"])
    ws.append([None, None, None, None, None, "户数", "人口", None, None, None, None, None, None, None])
    for col in (1, 2, 3, 4, 5, 8, 9, 10, 11, 12, 13, 14):
        ws.merge_cells(start_row=3, start_column=col, end_row=4, end_column=col)
    ws.merge_cells(start_row=3, start_column=6, end_row=3, end_column=7)
    ws.append([1, " 槐树巷 ", "城东街道", "和平社区", "１２０", 40, 120, 2023, "达标", "35.5",
               datetime(2023, 6, 15), "2023年11月20日", "通过", "老城片区"])
    ws.append([2, "井头街", "城东街道\n", "建设社区", "1.2公里", "1,200", 3000, "2023", "精品类", "1,234.56",
               "2023.6.30", "20231125", "合格", ""])
    ws.append([])
    ws.append([3, "书院里", "城西街道", "人民社区", "85米", None, None, 2023, "达标类", 80,
               "2023/6/1", "2023-10-01", None, None])
    ws.append([4, "铁匠巷", "城西街道", "人民社区", 90, None, None, 2023, "达标", 50,
               "2023-06-01", "2023年13月5日", None, None])
    ws.append([5, "米行巷", "城西街道", "人民社区", 60, None, None, 2023, "优秀", 20, None, None, None, None])
    ws.append([6, None, "城西街道", "人民社区", 40, None, None, 2023, "达标", 10, None, None, None, None])
    ws.append(["合计", None, None, None, None, None, None, None, None, 1400.06])
    notes = wb.create_sheet("填表说明")
    notes.append(["请按实际填写，金额单位为万元。"])
    wb.save(path)


def test_a_messy_ledger_imports_row_by_row(empty, tmp_path):
    messy_ledger(tmp_path / "messy.xlsx")
    preview = preview_import(empty, tmp_path / "messy.xlsx")
    by_row = {r.row: r for r in preview.rows}
    assert {n: r.status for n, r in by_row.items()} == {5: "new", 6: "new", 8: "new", 9: "new", 10: "new",
                                                        11: "rejected"}
    (nameless,) = by_row[11].rejections
    assert nameless.reason == "没有街巷名称，也没有街巷编码，无法确定是哪条街巷"
    assert preview.skipped_rows == 2  # the blank row and the totals row
    assert [(s.name, s.used) for s in preview.sheets] == [("2023年台账", True), ("填表说明", False)]
    assert preview.unknown_columns == ["片区"], "序号 is the sheet's own numbering, not a column to keep"
    # Cells, not rows: an unreadable date or category leaves its one field empty and is listed.
    (bad_date,) = by_row[9].warnings
    assert bad_date.kind == "left_out" and bad_date.message().startswith(
        "工作表「2023年台账」第9行「竣工日期」无法识别为日期：2023年13月5日；该项留空")
    (bad_category,) = by_row[10].warnings
    assert bad_category.column == "类别" and "优秀" in bad_category.reason and bad_category.kind == "left_out"
    (result_alone,) = by_row[5].warnings
    assert result_alone.column == "验收结果" and "没有验收日期" in result_alone.reason
    assert empty.counts()["alleys"] == 0, "a preview writes nothing"

    commit_import(empty, preview)
    huai = empty.alley(empty.alleys()[0].code)
    assert (huai.name, huai.length_m, huai.households, huai.population) == ("槐树巷", 120.0, 40, 120)
    jing = next(a for a in empty.alleys() if a.name == "井头街")
    assert (jing.subdistrict, jing.length_m, jing.households) == ("城东街道", 1200.0, 1200)
    plans = {empty.alley_codes_by_id()[p.alley_id]: p for p in empty.plans(year=2023)}
    plan = plans[huai.code]
    assert (plan.category, plan.total_investment_yuan, plan.contract_on, plan.completion_on) == (
        "达标类", 355_000, date(2023, 6, 15), date(2023, 11, 20))
    assert plan.extra == {"片区": "老城片区"}
    tie = next(p for p in plans.values() if empty.alley_codes_by_id()[p.alley_id] not in (huai.code, jing.code)
               and p.category is None)
    assert tie.total_investment_yuan == 200_000, "米行巷 imported without its unreadable 类别"
    assert plans[jing.code].total_investment_yuan == 12_345_600 and plans[jing.code].category == "精品类"
    assert plans[jing.code].contract_on == date(2023, 6, 30) and plans[jing.code].completion_on == date(2023, 11, 25)
    assert [a.result for a in empty.acceptances()] == []  # no 验收日期: results alone make no acceptance


def test_importing_the_same_file_twice_changes_nothing_the_second_time(empty, tmp_path):
    messy_ledger(tmp_path / "messy.xlsx")
    commit_import(empty, preview_import(empty, tmp_path / "messy.xlsx"))
    audit = len(empty.audit())
    again = preview_import(empty, tmp_path / "messy.xlsx")
    assert {r.status for r in again.rows} == {"unchanged", "rejected"}
    commit_import(empty, again)
    assert [e.action for e in empty.audit()[: len(empty.audit()) - audit]] == ["import"]


def test_export_import_export_gives_the_same_ledger_cell_for_cell(demo, empty, tmp_path):
    export_ledger(demo, tmp_path / "first.xlsx")
    preview = preview_import(empty, tmp_path / "first.xlsx")
    assert preview.count("rejected") == 0
    commit_import(empty, preview)
    export_ledger(empty, tmp_path / "second.xlsx")
    assert _cells(tmp_path / "first.xlsx") == _cells(tmp_path / "second.xlsx")


def _sheet(path, headers, rows):
    wb = Workbook()
    wb.active.append(headers)
    for row in rows:
        wb.active.append(row)
    wb.save(path)
    return path


def test_an_alley_new_in_the_file_on_two_rows_is_stored_once_as_last_given(empty, tmp_path):
    path = _sheet(tmp_path / "two-years.xlsx", ["街巷编码", "街巷名称", "所在街道", "户数", "年度", "类别"], [
        ["X1", "槐树巷", "城东街道", 40, 2023, "达标"],
        ["X1", "槐树巷", "城东街道", 45, 2024, "精品"],
        ["", "书院里", "城西街道", 30, 2023, "达标"],
        ["", "书院里", "城西街道", 31, 2024, "达标"],
    ])
    preview = preview_import(empty, path)
    assert [(r.row, r.status) for r in preview.rows] == [(2, "new"), (3, "new"), (4, "new"), (5, "new")]
    commit_import(empty, preview)
    assert sorted((a.name, a.households) for a in empty.alleys()) == [("书院里", 31), ("槐树巷", 45)]
    assert len(empty.plans()) == 4


def test_a_rejected_first_row_of_a_new_alley_leaves_its_other_years_importable(empty, tmp_path):
    path = _sheet(tmp_path / "first-rejected.xlsx", ["街巷编码", "街巷名称", "所在街道", "年度", "类别"], [
        ["X3", "米行巷", "城西街道", "二〇二三", "达标"],
        ["X3", "米行巷", "城西街道", 2024, "达标"],
    ])
    preview = preview_import(empty, path)
    assert [(r.row, r.status) for r in preview.rows] == [(2, "rejected"), (3, "new")]
    assert "没有年度" in preview.rows[0].rejections[0].reason
    commit_import(empty, preview)
    assert [(empty.alley_codes_by_id()[p.alley_id], p.year) for p in empty.plans()] == [("X3", 2024)]


@pytest.mark.slow
def test_the_10000_alley_demo_ledger_survives_export_import_export_cell_for_cell(tmp_path):
    """The full-size round trip (about 15 s); ``-m "not slow"`` leaves it out."""
    from python_calamine import CalamineWorkbook

    with Ledger.open(tmp_path / "demo.db", user="演示") as demo:
        make_demo(demo, alleys=10_000, seed=1)
        export_ledger(demo, tmp_path / "first.xlsx")
    with Ledger.open(tmp_path / "empty.db", user="导入测试") as empty:
        empty.save_settings(CountySettings(name="示例县", code="450123"))
        preview = preview_import(empty, tmp_path / "first.xlsx")
        assert (preview.count("new"), preview.count("rejected")) == (len(preview.rows), 0)
        commit_import(empty, preview)
        assert empty.counts()["alleys"] == 10_000
        export_ledger(empty, tmp_path / "second.xlsx")
    first, second = (CalamineWorkbook.from_path(str(tmp_path / name)).get_sheet_by_index(0).to_python()
                     for name in ("first.xlsx", "second.xlsx"))
    assert len(first) == 2 + len(preview.rows) > 10_000
    assert first == second


def test_the_unit_in_the_header_decides_the_scale(empty, tmp_path):
    wb = Workbook()
    wb.active.append(["街巷名称", "所在街道", "年度", "类别", "总投资(元)", "长度(公里)"])
    wb.active.append(["槐树巷", "城东街道", 2024, "达标", "1,500,000", 0.35])
    wb.save(tmp_path / "yuan.xlsx")
    commit_import(empty, preview_import(empty, tmp_path / "yuan.xlsx"))
    assert empty.plans()[0].total_investment_yuan == 1_500_000
    assert empty.alleys()[0].length_m == 350.0


def test_csv_in_gbk_and_in_utf8_with_bom(empty, tmp_path):
    text = "街巷名称,所在街道,年度,类别,总投资(万元)\n槐树巷,城东街道,2024,达标类,12.5\n"
    (tmp_path / "gbk.csv").write_bytes(text.encode("gbk"))
    (tmp_path / "bom.csv").write_bytes(text.replace("槐树巷", "井头街").encode("utf-8-sig"))
    for name in ("gbk.csv", "bom.csv"):
        preview = preview_import(empty, tmp_path / name)
        assert [r.status for r in preview.rows] == ["new"], name
        commit_import(empty, preview)
    assert sorted(a.name for a in empty.alleys()) == ["井头街", "槐树巷"]
    assert {p.total_investment_yuan for p in empty.plans()} == {125_000}


def test_a_real_import_takes_a_backup_and_records_file_and_hash(empty, tmp_path):
    messy_ledger(tmp_path / "messy.xlsx")
    preview = commit_import(empty, preview_import(empty, tmp_path / "messy.xlsx"))
    assert preview.backup and (tmp_path / "备份").exists()
    entry = empty.audit(limit=1)[0]
    assert entry.action == "import" and entry.source == f"import messy.xlsx sha256={preview.sha256}"
    assert all(e.source == entry.source for e in empty.audit(table="plans"))


def test_all_or_nothing_refuses_when_a_row_is_rejected(empty, tmp_path):
    messy_ledger(tmp_path / "messy.xlsx")
    with pytest.raises(LedgerError, match="全部或全不"):
        commit_import(empty, preview_import(empty, tmp_path / "messy.xlsx"), all_or_nothing=True)
    assert empty.counts()["alleys"] == 0


def test_rows_that_need_the_clerk_are_saved_under_their_own_header_with_the_reasons(empty, tmp_path):
    messy_ledger(tmp_path / "messy.xlsx")
    preview = preview_import(empty, tmp_path / "messy.xlsx")
    assert write_rejects(preview, tmp_path / "rejects.xlsx") == 5
    rows = list(load_workbook(tmp_path / "rejects.xlsx").active.iter_rows(values_only=True))
    assert rows.pop(0)[0] == "××县2023年城市背街小巷整治改造提升工作台账 单位:万元", "the title comes along"
    assert rows[0] == ("序号", "街巷名", "所属街道", "社区", "长度(m)", "户数", "人口", "改造年度", "类别", "投资额(万元)",
                       "合同签订时间", "竣工时间", "验收结论", "片区", "导入问题")
    by_name = {row[1]: row for row in rows[1:]}
    assert "第9行「竣工日期」无法识别为日期：2023年13月5日" in by_name["铁匠巷"][-1]
    assert "「类别」类别「优秀」应为达标类或精品类" in by_name["米行巷"][-1]
    assert "没有街巷名称" in by_name[None][-1] and by_name[None][2] == "城西街道"


def test_locked_records_are_not_changed_by_an_import(demo, tmp_path):
    export_ledger(demo, tmp_path / "ledger.xlsx")
    wb = load_workbook(tmp_path / "ledger.xlsx")
    ws = wb.active
    filed = {(f["alley_code"], f["year"]) for f in _locked(demo)}
    target = next(r for r in ws.iter_rows(min_row=3) if (r[0].value, r[13].value) in filed)
    target[16].value = 999.99
    wb.save(tmp_path / "ledger.xlsx")
    preview = preview_import(demo, tmp_path / "ledger.xlsx")
    assert preview.count("rejected") == 0 and preview.count("updated") == 0
    (left_out,) = preview.warnings
    assert (left_out.kind, left_out.column, left_out.value) == ("left_out", "总投资(万元)", "999.99")
    assert "归档锁定" in left_out.reason and preview.needs_attention


def _locked(ledger):
    keys = ledger.plan_keys()
    return [{"alley_code": keys[f.plan_id][0], "year": keys[f.plan_id][1]} for f in ledger.filings() if f.locked_at]


@pytest.mark.parametrize("make, message", [
    (lambda p: p.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 100), "不是 Excel"),
    (lambda p: p.write_bytes(b""), "空的"),
    (lambda p: p.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + "EncryptedPackage".encode("utf-16-le") * 10),
     "加密"),
])
def test_files_that_are_not_ledgers_are_refused_in_chinese(empty, tmp_path, make, message):
    path = tmp_path / "bad.xlsx"
    make(path)
    with pytest.raises(LedgerError, match=message) as caught:
        preview_import(empty, path)
    assert "bad.xlsx" in str(caught.value)


def test_a_truncated_workbook_is_refused(empty, tmp_path):
    messy_ledger(tmp_path / "messy.xlsx")
    data = (tmp_path / "messy.xlsx").read_bytes()
    (tmp_path / "cut.xlsx").write_bytes(data[: len(data) // 2])
    with pytest.raises(LedgerError, match="损坏|不完整"):
        preview_import(empty, tmp_path / "cut.xlsx")


def test_a_zip_bomb_is_refused_before_it_is_expanded(empty, tmp_path):
    path = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as member:
            block = b"\x00" * (1 << 20)
            for _ in range(600):
                member.write(block)
    assert path.stat().st_size < 5 * 1024 * 1024
    with pytest.raises(LedgerError, match="解压后"):
        preview_import(empty, path)


def test_a_cell_of_a_megabyte_is_refused_with_its_place(empty, tmp_path):
    wb = Workbook()
    wb.active.append(["街巷名称", "所在街道", "年度", "类别"])
    wb.active.append(["槐树巷", "城东街道", 2024, "达标", "x" * (1 << 20)])
    wb.save(tmp_path / "big.xlsx")
    with pytest.raises(LedgerError, match="第2行「E列」.*超过上限"):
        preview_import(empty, tmp_path / "big.xlsx")


def test_a_sheet_formatted_far_down_imports_its_few_rows(empty, tmp_path):
    from openpyxl.styles import Font

    wb = Workbook()
    ws = wb.active
    ws.append(["街巷名称", "所在街道", "年度", "类别"])
    ws.append(["槐树巷", "城东街道", 2024, "达标"])
    ws.cell(row=300_000, column=1).font = Font(bold=True)
    wb.save(tmp_path / "far.xlsx")
    preview = preview_import(empty, tmp_path / "far.xlsx")
    assert [r.status for r in preview.rows] == ["new"]


def test_an_old_xls_ledger_imports(empty):
    from pathlib import Path

    fixture = Path(__file__).resolve().parent.parent / "fixtures" / "old-ledger.xls"
    preview = preview_import(empty, fixture)
    assert [(r.row, r.status) for r in preview.rows] == [(4, "new"), (5, "new")]
    assert preview.skipped_rows == 1  # the totals row
    commit_import(empty, preview)
    plans = {empty.alley_codes_by_id()[p.alley_id]: p for p in empty.plans()}
    alleys = {a.name: a for a in empty.alleys()}
    rong, zhu = plans[alleys["榕树巷"].code], plans[alleys["竹园街"].code]
    assert (rong.total_investment_yuan, rong.start_on, rong.completion_on) == (885_000, date(2022, 6, 20), date(2022, 10, 30))
    assert (zhu.category, zhu.total_investment_yuan, zhu.completion_on) == ("精品类", 2_368_000, date(2022, 11, 25))
    assert alleys["竹园街"].length_m == 350.0 and alleys["榕树巷"].community == "和平社区"


@pytest.mark.parametrize("kind", ["xlsx", "ods"])
def test_a_ledger_saved_again_by_libreoffice_imports_to_the_same_records(demo, empty, tmp_path, kind):
    """Saved by a second real spreadsheet program, as .xlsx or as its own .ods."""
    import subprocess

    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice (libreoffice-calc-nogui) is not installed; scripts/bootstrap.sh installs it")
    export_ledger(demo, tmp_path / "ledger.xlsx")
    subprocess.run([soffice, "--headless", f"-env:UserInstallation=file://{tmp_path}/lo-profile",
                    "--convert-to", kind, "--outdir", str(tmp_path / "lo"), str(tmp_path / "ledger.xlsx")],
                   check=True, capture_output=True, timeout=180)
    preview = preview_import(empty, tmp_path / "lo" / f"ledger.{kind}")
    assert preview.count("rejected") == 0
    commit_import(empty, preview)
    export_ledger(empty, tmp_path / "again.xlsx")
    assert _cells(tmp_path / "ledger.xlsx") == _cells(tmp_path / "again.xlsx")


def test_a_formula_without_a_saved_result_is_rejected_not_taken_as_blank(empty, tmp_path):
    wb = Workbook()
    wb.active.append(["街巷名称", "所在街道", "年度", "类别", "总投资(万元)", "备注"])
    wb.active.append(["槐树巷", "城东街道", 2024, "达标", "=10+5", "=A2"])  # openpyxl saves no results
    wb.active.append(["井头街", "城东街道", 2024, "达标", 12, None])
    wb.save(tmp_path / "formula.xlsx")
    preview = preview_import(empty, tmp_path / "formula.xlsx")
    assert [r.status for r in preview.rows] == ["new", "new"]
    reasons = {j.column: j.reason for j in preview.rows[0].warnings if j.kind == "left_out"}
    assert "没有保存计算结果" in reasons["总投资(万元)"] and "=10+5" in reasons["总投资(万元)"]
    assert "=A2" in reasons["备注"]
    commit_import(empty, preview)
    assert [p.total_investment_yuan for p in empty.plans()] == [0, 120_000], "never taken as blank-and-zero silently"


def test_an_xml_entity_bomb_is_refused_without_expanding(empty, tmp_path):
    import resource
    import time

    wb = Workbook()
    wb.active.append(["街巷名称", "所在街道", "年度", "类别"])
    wb.active.append(["LOL", "城东街道", 2024, "达标"])
    wb.save(tmp_path / "plain.xlsx")
    levels = "".join(f'<!ENTITY l{n} "{f"&l{n - 1};" * 10}">' for n in range(1, 10))
    doctype = f'<?xml version="1.0"?><!DOCTYPE w [<!ENTITY l0 "lol">{levels}]>'.encode()
    with zipfile.ZipFile(tmp_path / "plain.xlsx") as source, \
            zipfile.ZipFile(tmp_path / "bomb.xlsx", "w", zipfile.ZIP_DEFLATED) as bomb:
        for name in source.namelist():
            data = source.read(name)
            if name == "xl/worksheets/sheet1.xml":
                body = data[data.index(b"<worksheet"):].replace(b"<t>LOL</t>", b"<t>&l9;</t>")
                data = doctype + body
            bomb.writestr(name, data)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    start = time.perf_counter()
    with pytest.raises(LedgerError, match="bomb.xlsx"):
        preview_import(empty, tmp_path / "bomb.xlsx")
    assert time.perf_counter() - start < 5
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before < 200 * 1024  # KB: under 200 MB more
    assert empty.counts()["alleys"] == 0


def test_a_changed_acceptance_of_a_filed_plan_is_rejected_in_the_preview(demo, tmp_path):
    export_ledger(demo, tmp_path / "ledger.xlsx")
    wb = load_workbook(tmp_path / "ledger.xlsx")
    filed = {(f["alley_code"], f["year"]) for f in _locked(demo)}
    target = next(r for r in wb.active.iter_rows(min_row=3) if (r[0].value, r[13].value) in filed)
    target[26].value = "不合格"
    wb.save(tmp_path / "ledger.xlsx")
    preview = preview_import(demo, tmp_path / "ledger.xlsx")
    (left_out,) = preview.warnings
    assert left_out.kind == "left_out" and "验收信息不能通过导入修改" in left_out.reason
    assert preview.count("updated") == 0 and preview.count("rejected") == 0


def test_hidden_columns_are_read_and_hidden_sheets_are_reported_not_imported(empty, tmp_path):
    """A hidden column is still part of the ledger; a hidden sheet (often last year's copy) is not
    imported unseen: it would overwrite newer values or make the visible rows duplicates."""
    wb = Workbook()
    old = wb.active
    old.title = "旧版"
    old.append(["街巷名称", "所在街道", "年度", "类别", "总投资(万元)"])
    old.append(["槐树巷", "城东街道", 2024, "达标", 10])
    old.sheet_state = "hidden"
    current = wb.create_sheet("2024年台账")
    current.append(["街巷名称", "所在街道", "所在社区", "年度", "类别", "总投资(万元)"])
    current.append(["槐树巷", "城东街道", "和平社区", 2024, "达标", 35])
    current.column_dimensions["C"].hidden = True
    wb.create_chartsheet("图表")
    wb.save(tmp_path / "hidden.xlsx")
    preview = preview_import(empty, tmp_path / "hidden.xlsx")
    reports = {s.name: (s.used, s.reason) for s in preview.sheets}
    assert reports["旧版"][0] is False and "隐藏" in reports["旧版"][1]
    assert reports["2024年台账"][0] is True
    assert reports["图表"][0] is False and "不是数据表" in reports["图表"][1]
    assert [(r.sheet, r.status) for r in preview.rows] == [("2024年台账", "new")]
    commit_import(empty, preview)
    alley = empty.alleys()[0]
    assert alley.community == "和平社区"  # from the hidden column
    assert empty.plans()[0].total_investment_yuan == 350_000  # the visible sheet's value, not the old 10 万元


def test_a_workbook_with_no_usable_sheet_is_refused_and_writes_nothing(empty, tmp_path):
    wb = Workbook()
    wb.active.append(["街巷名称", "所在街道", "年度", "类别"])
    wb.active.append(["槐树巷", "城东街道", 2024, "达标"])
    wb.active.sheet_state = "veryHidden"
    wb.create_sheet("说明").append(["请按实际填写"])
    wb.save(tmp_path / "nothing.xlsx")
    entries = len(empty.audit())
    with pytest.raises(LedgerError) as caught:
        preview_import(empty, tmp_path / "nothing.xlsx")
    text = str(caught.value)
    assert "nothing.xlsx" in text and "没有可导入的台账" in text
    assert "工作表「Sheet」深度隐藏" in text and "工作表「说明」没有找到台账表头" in text
    assert len(empty.audit()) == entries and empty.alleys() == []


def test_an_export_cancelled_after_its_file_is_in_place_reports_done(demo, tmp_path):
    """Cancel is not progress: once the file is renamed into place the job has done its work, and a
    cancel pressed at that moment must not report 'cancelled' over a file that exists."""
    calls = []

    def cancel():
        return bool(calls) and (tmp_path / "late.xlsx").exists()  # true once the file is there

    export_ledger(demo, tmp_path / "late.xlsx", progress=lambda p, text: calls.append(p), cancel=cancel)
    assert (tmp_path / "late.xlsx").exists() and calls[-1] == 100


def test_the_commit_of_an_import_reports_its_progress(empty, tmp_path):
    messy_ledger(tmp_path / "messy.xlsx")
    seen = []
    commit_import(empty, preview_import(empty, tmp_path / "messy.xlsx"), progress=lambda p, text: seen.append((p, text)))
    assert seen[0] == (5, "备份数据库") and seen[-1] == (100, "完成")
    assert [p for p, _ in seen] == sorted(p for p, _ in seen) and any(t == "写入数据库" for _, t in seen)
