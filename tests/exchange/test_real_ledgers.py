"""Ledgers the way counties really send them (domain.md §5, issue #11): free-text 改造内容, month-only
dates, 约 on numbers, a 序号 column and signature lines, WPS layouts, several sheets, 公示 lists sent
back, upstream columns, and a rejects file fixed and imported again. Each is built here cell by
cell as a clerk fills it, never from our own export.
"""

from __future__ import annotations

import csv
import json
from datetime import date, datetime

import pytest
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment

from core.annual import annual_list_data
from core.exchange.export import export_ledger
from core.exchange.importer import commit_import, preview_import, revise_import, write_rejects
from core.records import Acceptance, CountySettings
from core.rules import Dataset, check
from core.store import Ledger


@pytest.fixture
def county(tmp_path):
    with Ledger.open(tmp_path / "county.db", user="导入测试") as lg:
        lg.save_settings(CountySettings(name="示例县", code="450123", clerk="黄丽萍"))
        yield lg


def _warnings(preview, row=None, kind=None):
    return [(w.column, w.kind, w.value) for r in preview.rows for w in r.warnings
            if (row is None or r.row == row) and (kind is None or w.kind == kind)]


def _plans(ledger):
    names = {a.id: a.name for a in ledger.alleys()}
    return {names[p.alley_id]: p for p in ledger.plans()}


def county_work_ledger(path):
    """A county's 工作台账: title, unit line, 序号, free text in 改造内容 for every group, a month-only
    completion, 约150米, no 方案批复 column, and the signature and note lines under the table."""
    wb = Workbook()
    ws = wb.active
    ws.title = "工作台账"
    ws.append(["示例县2023年城市背街小巷整治改造提升工作台账"])
    ws.append(["填报单位：示例县住房和城乡建设局", None, None, None, None, None, None, "单位：万元"])
    ws.append(["序号", "街巷名称", "所在街道", "所在社区", "长度（米）", "改造年度", "类别", "改造内容", "总投资（万元）",
               "开工日期", "竣工日期", "备注"])
    ws.append([1, "槐树巷", "城东街道", "和平社区", "约150米", 2023, "达标类",
               "一清：清理卫生死角；二拆：拆除违建3处；三改：雨污分流、白改黑、线缆入地", 180, "2023.6.20", "2023年10月", None])
    ws.append([2, "井头街", "城东街道", "建设社区", "200", 2023, "精品类",
               "一清：清理卫生死角；二拆：拆除违建3处；三改：雨污分流、白改黑、线缆入地；四补：照明、绿化、文化墙",
               "260万元", "2023年6月", "2023年11月20日", "群众满意度高"])
    ws.append([3, "书院里", "城西街道", "人民社区", "120米左右", 2023, "达标", "白改黑、三线下地、补植绿化、按图施工",
               "85", datetime(2023, 7, 1), "2023.10", None])
    ws.append([4, "米行巷", "城西街道", "人民社区", "100余米", 2023, "精品", "古井修缮、口袋公园、彩绘、路灯", 150, None, None,
               None])
    ws.append([None, "合计", None, None, None, None, None, None, "=SUM(I4:I7)"])
    ws.append([])
    ws.append(["填报人：黄丽萍", None, None, "审核人：李建国", None, None, "填报日期：2023年12月5日"])
    ws.append(["注：金额单位为万元；改造内容按“一清二拆三改四补”填写。"])
    ws.append(["说明：本表由各街道汇总。"])
    for n in (5, 6, 7):
        ws.cell(n, 8).alignment = Alignment(wrap_text=True)
    wb.save(path)


def test_a_county_work_ledger_imports_every_row_with_the_clerks_own_words(county, tmp_path):
    """Free text is read, never a reason to drop a row; the words stay as written."""
    county_work_ledger(tmp_path / "台账.xlsx")
    preview = preview_import(county, tmp_path / "台账.xlsx")
    assert [(r.row, r.status, r.name) for r in preview.rows] == [
        (4, "new", "槐树巷"), (5, "new", "井头街"), (6, "new", "书院里"), (7, "new", "米行巷")]
    assert preview.skipped_rows == 5, "totals, blank, 填报人/审核人, 注：, 说明： lines are not records"
    assert preview.unknown_columns == [], "序号 is recognised, not kept as a column"
    # approximate cells are read and listed, and so are the words nothing was recognised in
    assert _warnings(preview, 4, "approximate") == [("长度(米)", "approximate", "约150米"),
                                                    ("竣工日期", "approximate", "2023年10月")]
    assert _warnings(preview, 6, "unrecognised") == [("改造内容", "unrecognised", "按图施工")]
    assert ("开工日期", "approximate", "2023年6月") in _warnings(preview, 5)
    assert not preview.needs_attention, "approximate and unrecognised alone need nothing done"
    commit_import(county, preview)

    plans = _plans(county)
    codes = {name: [m.code for m in plan.measures] for name, plan in plans.items()}
    assert codes == {
        "槐树巷": ["clean", "demolish", "pipes", "road", "cables"],
        "井头街": ["clean", "demolish", "pipes", "road", "cables", "safety", "publicity", "green"],
        "书院里": ["road", "cables", "green"],
        "米行巷": ["safety", "publicity", "green", "culture"],
    }
    assert plans["书院里"].content_text == "白改黑、三线下地、补植绿化、按图施工"
    assert plans["槐树巷"].completion_on == date(2023, 10, 31), "a month stands for its last day (the safe side)"
    assert plans["书院里"].completion_on == date(2023, 10, 31)
    assert plans["井头街"].start_on == date(2023, 6, 30) and plans["井头街"].total_investment_yuan == 2_600_000
    assert {a.name: a.length_m for a in county.alleys()}["槐树巷"] == 150.0
    assert {a.name for a in county.alleys()} == {"槐树巷", "井头街", "书院里", "米行巷"}, "no footer became an alley"

    # The annual list lists the year's plans, approval date known or not, in the clerk's words.
    listed = annual_list_data(county, 2023)
    assert [r.name for r in listed.rows] == ["槐树巷", "井头街", "书院里", "米行巷"] and listed.withdrawn == 0
    assert listed.rows[2].content == "白改黑、三线下地、补植绿化、按图施工"
    # ...and the export writes the words back exactly as they came.
    export_ledger(county, tmp_path / "back.xlsx")
    back = list(load_workbook(tmp_path / "back.xlsx").active.iter_rows(min_row=3, values_only=True))
    assert {row[1]: row[15] for row in back}["井头街"] == (
        "一清：清理卫生死角；二拆：拆除违建3处；三改：雨污分流、白改黑、线缆入地；四补：照明、绿化、文化墙")


def test_bare_group_words_stand_for_the_group_and_r2_asks_for_the_specifics(county, tmp_path):
    """A bare 一清 is its one measure; a bare 三改 or 四补 is the group as declared, and R2 asks which."""
    wb = Workbook()
    wb.active.append(["街巷名称", "所在街道", "年度", "类别", "改造内容"])
    wb.active.append(["槐树巷", "城东街道", 2023, "达标类", "一清二拆三改"])
    wb.active.append(["井头街", "城东街道", 2023, "精品类", "一清二拆三改四补"])
    wb.save(tmp_path / "groups.xlsx")
    preview = preview_import(county, tmp_path / "groups.xlsx")
    said = [(w.row, w.reason) for w in preview.warnings]
    assert [row for row, _ in said] == [2, 3, 3]
    assert "“三改”只写了类别，没有写明是哪几项（地下管网改造、路面及附属设施改造、架空线缆整治）" in said[0][1]
    assert "“四补”只写了类别" in said[2][1]
    commit_import(county, preview)
    plans = _plans(county)
    assert [m.code for m in plans["槐树巷"].measures] == ["clean", "demolish"]
    assert plans["槐树巷"].declared_groups == ["三改"] and plans["槐树巷"].content_text == "一清二拆三改"
    findings = [f for f in check(Dataset.from_ledger(county), year=2023, rules=["R2"])]
    asks = [f for f in findings if f.facts.get("declared_groups")]
    assert {f.alley_code for f in asks} == {a.code for a in county.alleys()}
    assert "只写了“三改”" in next(f.message for f in asks if f.facts["declared_groups"] == ["三改"])
    boutique = next(f for f in findings if f.facts.get("required") and "四补" in f.message)
    assert "未写明是哪几项，无法计数" in boutique.message


def wps_ledger(path):
    """As WPS saves a hand-made sheet: header cells with line breaks and full-width brackets merged
    over two rows, numbers typed as text with separators and full-width digits, dates as text, a
    hidden column, a totals row holding formulas, a notes sheet."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Sheet1"
    ws.merge_cells("A1:I1")
    ws["A1"] = "示例县2024年背街小巷改造项目进度台账"
    ws.append([])
    ws.append(["序号", "街巷\n名称", "所属\n街道", "改造\n年度", "项目\n类别", "总投资\n（万元）", "竣工\n时间", "验收\n结论",
               "联系人"])
    ws.append([None] * 9)
    for col in range(1, 10):
        ws.merge_cells(start_row=3, start_column=col, end_row=4, end_column=col)
    ws.append(["１", " 槐树巷 ", "城东街道 ", "２０２４", "达标", "1,234.50", "2024/11/20", "合格", "张三"])
    ws.append(["２", "井头街", "城东街道", "2024", "精品", "９８", "20241125", "通过", "李四"])
    ws.append(["合计", None, None, None, None, "=F5+F6", None, None, None])
    ws.column_dimensions["I"].hidden = True
    wb.create_sheet("填表说明").append(["请按实际填写"])
    wb.save(path)


def test_a_wps_style_ledger_reads_whole(county, tmp_path):
    wps_ledger(tmp_path / "wps.xlsx")
    preview = preview_import(county, tmp_path / "wps.xlsx")
    assert [(r.status, r.name) for r in preview.rows] == [("new", "槐树巷"), ("new", "井头街")]
    assert preview.unknown_columns == ["联系人"], "a hidden column is still the ledger's data"
    commit_import(county, preview)
    plans = _plans(county)
    assert plans["槐树巷"].total_investment_yuan == 12_345_000 and plans["井头街"].total_investment_yuan == 980_000
    assert plans["槐树巷"].completion_on == date(2024, 11, 20) and plans["槐树巷"].year == 2024
    assert plans["井头街"].category == "精品类" and plans["槐树巷"].extra == {"联系人": "张三"}
    assert [a.result for a in county.acceptances()] == []
    assert _warnings(preview, kind="left_out") == [("验收结果", "left_out", "合格"), ("验收结果", "left_out", "通过")]


def test_one_sheet_per_sub_district_without_a_street_column(county, tmp_path):
    """Each 街道 sends its own sheet; the sheet's name says which one, the title says the year."""
    wb = Workbook()
    for name, rows in (("城东街道", [("槐树巷", "达标"), ("井头街", "精品")]), ("城西街道", [("书院里", "达标")])):
        ws = wb.create_sheet(name)
        ws.append([f"{name}2023年背街小巷改造台账"])
        ws.append(["序号", "街巷名称", "社区", "类别", "总投资（万元）"])
        for n, (alley, category) in enumerate(rows, 1):
            ws.append([n, alley, "和平社区", category, 50])
    wb.remove(wb["Sheet"])
    hidden = wb.create_sheet("2022年（旧）")
    hidden.append(["街巷名称", "所在街道", "年度", "类别"])
    hidden.append(["槐树巷", "城东街道", 2022, "达标"])
    hidden.sheet_state = "hidden"
    wb.save(tmp_path / "streets.xlsx")
    preview = preview_import(county, tmp_path / "streets.xlsx")
    reasons = {s.name: (s.used, s.reason) for s in preview.sheets}
    assert "所在街道按工作表名称计为「城东街道」" in reasons["城东街道"][1]
    assert "年度按标题中的 2023 年计" in reasons["城西街道"][1]
    assert reasons["2022年（旧）"][0] is False and "隐藏" in reasons["2022年（旧）"][1]
    commit_import(county, preview)
    places = {a.name: a.subdistrict for a in county.alleys()}
    assert places == {"槐树巷": "城东街道", "井头街": "城东街道", "书院里": "城西街道"}
    assert {p.year for p in county.plans()} == {2023}


def _accepted(county, names, year=2023):
    """Plans of ``names`` accepted (合格) so that evaluations have a record to go onto."""
    plans = _plans(county)
    for name in names:
        plan = plans[name]
        county.save(plan.model_copy(update={"start_on": date(year, 6, 1), "completion_on": date(year, 10, 31)}))
        county.add(Acceptance(plan_id=plan.id, accepted_on=date(year, 11, 15), result="合格"))


def test_a_publicity_list_sent_back_updates_only_the_plans_it_names(county, tmp_path):
    """A 公示 list of evaluated alleys (name + street, year from the title, result) creates nothing."""
    county_work_ledger(tmp_path / "台账.xlsx")
    commit_import(county, preview_import(county, tmp_path / "台账.xlsx"))
    _accepted(county, ["槐树巷", "井头街"])
    counts = county.counts()
    wb = Workbook()
    ws = wb.active
    ws.append(["示例县2023年度背街小巷精品示范街巷评定结果公示名单"])
    ws.append(["序号", "街巷名称", "所在街道", "评定结果"])
    ws.append([1, "井头街", "城东街道", "精品"])
    ws.append([2, "槐树巷", "城东街道", "未评为精品"])
    ws.append([3, "书院里", "城西街道", "精品"])  # not yet accepted
    ws.append([4, "状元坊", "城西街道", "精品"])  # not in the county's ledger
    ws.append(["公示期：2023年12月20日至12月26日"])
    wb.save(tmp_path / "公示.xlsx")
    preview = preview_import(county, tmp_path / "公示.xlsx")
    assert preview.sheets[0].kind == "publicity"
    fates = {r.name: (r.status, [j.reason for j in r.rejections]) for r in preview.rows}
    assert fates["井头街"] == ("updated", []) and fates["槐树巷"] == ("updated", [])
    assert "还没有竣工验收记录" in fates["书院里"][1][0]
    assert "找不到街巷「状元坊」（城西街道）" in fates["状元坊"][1][0]
    commit_import(county, preview)
    assert county.counts()["alleys"] == counts["alleys"] and county.counts()["plans"] == counts["plans"]
    results = {a.plan_id: a.boutique_eval_result for a in county.acceptances()}
    plans = _plans(county)
    assert results[plans["井头街"].id] == "精品" and results[plans["槐树巷"].id] == "未评为精品"


def test_upstream_columns_are_read_exported_and_a_withdrawn_plan_leaves_the_list(county, tmp_path):
    """方案批复日期, 达标/精品评定 (with their common words) and 撤销原因 as the city sends them back."""
    county_work_ledger(tmp_path / "台账.xlsx")
    commit_import(county, preview_import(county, tmp_path / "台账.xlsx"))
    _accepted(county, ["槐树巷", "井头街"])
    wb = Workbook()
    ws = wb.active
    ws.append(["街巷名称", "所在街道", "年度", "方案批复日期", "达标评定结果", "达标评定日期", "精品评定结果", "精品评定日期", "撤销原因"])
    ws.append(["槐树巷", "城东街道", 2023, "2023年4月20日", "通过", "2023.10.28", None, None, None])
    ws.append(["井头街", "城东街道", 2023, "2023-04-25", "达标", "2023.10.30", "非精品", "2023年12月", None])
    ws.append(["米行巷", "城西街道", 2023, None, None, None, None, None, "群众意见不统一，调整至2024年实施"])
    wb.save(tmp_path / "回传.xlsx")
    preview = preview_import(county, tmp_path / "回传.xlsx")
    assert [r.status for r in preview.rows] == ["updated", "updated", "updated"]
    assert ("撤销原因", "approximate", "群众意见不统一，调整至2024年实施") in _warnings(preview, 4)
    commit_import(county, preview)
    plans = _plans(county)
    assert plans["槐树巷"].approved_on == date(2023, 4, 20)
    accepted = {a.plan_id: a for a in county.acceptances()}
    assert accepted[plans["槐树巷"].id].standard_eval_result == "达标"
    assert accepted[plans["井头街"].id].boutique_eval_result == "未评为精品"
    assert accepted[plans["井头街"].id].boutique_eval_on == date(2023, 12, 31)
    assert plans["米行巷"].withdrawn and plans["米行巷"].withdrawn_reason == "群众意见不统一，调整至2024年实施"
    listed = annual_list_data(county, 2023)
    assert "米行巷" not in [r.name for r in listed.rows] and listed.withdrawn == 1
    export_ledger(county, tmp_path / "out.xlsx")
    sheet = list(load_workbook(tmp_path / "out.xlsx").active.iter_rows(min_row=2, values_only=True))
    header, rows = list(sheet[0]), {row[1]: row for row in sheet[1:]}
    for column in ("方案批复日期", "达标评定结果", "精品评定结果", "撤销原因"):
        assert column in header
    assert rows["米行巷"][header.index("撤销原因")] == "群众意见不统一，调整至2024年实施"
    assert rows["井头街"][header.index("精品评定结果")] == "未评为精品"


def test_cells_that_cannot_be_read_are_left_out_and_the_rows_still_import(county, tmp_path):
    wb = Workbook()
    wb.active.append(["街巷名称", "所在街道", "年度", "类别", "户数", "总投资（万元）", "开工日期", "竣工日期"])
    wb.active.append(["槐树巷", "城东街道", 2023, "达标", "四十户", "待定", "2023-06-01", "2023-05-01"])
    wb.active.append(["井头街", "城东街道", 2023, "优秀", 30, 60, None, None])
    wb.active.append([None, "城东街道", 2023, "达标", 30, 60, None, None])
    wb.save(tmp_path / "cells.xlsx")
    preview = preview_import(county, tmp_path / "cells.xlsx")
    assert [r.status for r in preview.rows] == ["new", "new", "rejected"]
    left = _warnings(preview, 2, "left_out")
    assert [c for c, _, _ in left] == ["户数", "总投资(万元)", "开工日期", "竣工日期"], "dates out of order: both listed"
    reasons = {w.column: w.reason for w in preview.rows[0].warnings}
    assert "竣工日期不能早于开工日期" in reasons["竣工日期"]
    commit_import(county, preview)
    plans = _plans(county)
    assert plans["槐树巷"].total_investment_yuan == 0 and plans["槐树巷"].start_on is None
    assert plans["井头街"].category is None, "an unreadable 类别 is left empty, R2 asks for it"
    assert any(f.rule == "R2" and "没有类别" in f.message for f in check(Dataset.from_ledger(county), year=2023))


def test_a_rejects_file_fixed_by_the_clerk_imports_again_as_it_is(county, tmp_path):
    """The rows that need the clerk are saved under the sheet's own header with a reason column;
    fixed in Excel, the same file imports, and what was left out arrives."""
    wb = Workbook()
    ws = wb.active
    ws.title = "城东"
    ws.append(["示例县2023年台账"])
    ws.append(["序号", "街巷名称", "所在街道", "年度", "类别", "总投资（万元）", "竣工日期", "片区"])
    ws.append([1, "槐树巷", "城东街道", 2023, "达标", 50, "2023年13月5日", "老城"])
    ws.append([2, None, "城东街道", 2023, "达标", 60, None, "老城"])
    ws.append([3, "井头街", "城东街道", 2023, "达标", 70, "2023-11-01", "新区"])
    wb.save(tmp_path / "first.xlsx")
    preview = preview_import(county, tmp_path / "first.xlsx")
    commit_import(county, preview)
    assert write_rejects(preview, tmp_path / "rejects.xlsx") == 2
    fix = load_workbook(tmp_path / "rejects.xlsx")
    ws = fix["城东"]
    assert ws["A1"].value == "示例县2023年台账", "the title (and the year it gives) comes along"
    header = [c.value for c in ws[2]]
    assert header == ["序号", "街巷名称", "所在街道", "年度", "类别", "总投资(万元)", "竣工日期", "片区", "导入问题"]
    ws.cell(3, header.index("竣工日期") + 1).value = "2023年11月5日"
    ws.cell(4, header.index("街巷名称") + 1).value = "书院里"
    fix.save(tmp_path / "rejects.xlsx")
    again = preview_import(county, tmp_path / "rejects.xlsx")
    assert [(r.name, r.status) for r in again.rows] == [("槐树巷", "updated"), ("书院里", "new")]
    assert not again.needs_attention and again.unknown_columns == ["片区"], "导入问题 is not a column to keep"
    commit_import(county, again)
    plans = _plans(county)
    assert plans["槐树巷"].completion_on == date(2023, 11, 5) and plans["书院里"].extra == {"片区": "老城"}
    assert "导入问题" not in plans["书院里"].extra


def test_a_correction_in_the_preview_works_the_rows_out_again(county, tmp_path):
    wb = Workbook()
    wb.active.append(["街巷名称", "所在街道", "年度", "类别", "竣工日期"])
    wb.active.append(["槐树巷", "城东街道", 2023, "达标", "2023年13月5日"])
    wb.active.append([None, "城东街道", 2023, "达标", None])
    wb.save(tmp_path / "fix.xlsx")
    preview = preview_import(county, tmp_path / "fix.xlsx")
    assert [r.status for r in preview.rows] == ["new", "rejected"]
    fixed = revise_import(county, preview, {("Sheet", 2, 4): "2023年11月5日", ("Sheet", 3, 0): "槐树巷"})
    assert [r.status for r in fixed.rows] == ["new", "rejected"]
    assert "与第2行是同一条街巷同一年度，重复" in fixed.rows[1].rejections[0].reason, "the fix made it a duplicate"
    fixed = revise_import(county, fixed, {("Sheet", 3, 0): "井头街"})
    assert [r.status for r in fixed.rows] == ["new", "new"] and not fixed.needs_attention
    assert preview.rows[1].status == "rejected", "the earlier preview is left as it was"
    commit_import(county, fixed)
    assert _plans(county)["槐树巷"].completion_on == date(2023, 11, 5)
    note = county.audit(limit=1)[0]
    assert "在预览中更正 2 处" in note.record_key and "第2行第5列改为「2023年11月5日」" in note.record_key


def test_a_gbk_csv_with_free_text_and_month_dates(county, tmp_path):
    path = tmp_path / "台账.csv"
    with path.open("w", encoding="gb18030", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["序号", "街巷名称", "所在街道", "年度", "类别", "改造内容", "竣工日期"])
        writer.writerow(["1", "槐树巷", "城东街道", "2023", "达标", "一清、拆违、管网改造、道路硬化、飞线整治", "2023年9月"])
        writer.writerow(["填报人：黄丽萍", "", "", "", "", "", ""])
    preview = preview_import(county, path)
    assert [(r.name, r.status) for r in preview.rows] == [("槐树巷", "new")] and preview.skipped_rows == 1
    commit_import(county, preview)
    plan = _plans(county)["槐树巷"]
    assert [m.code for m in plan.measures] == ["clean", "demolish", "pipes", "road", "cables"]
    assert plan.completion_on == date(2023, 9, 30)


def test_a_csv_saved_from_excel_says_2023_1_may_be_october_as_the_xlsx_does(county, tmp_path):
    """Excel writes the number 2023.10 (a clerk's 2023年10月) to CSV as "2023.1": the date is not
    guessed as January, the row imports and the cell is listed; 2023.11 and a length of 2023.1 米
    are read as written."""
    path = tmp_path / "台账.csv"
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["街巷名称", "所在街道", "年度", "长度（米）", "开工日期", "竣工日期"])
        writer.writerow(["槐树巷", "城东街道", "2023", "2023.1", "2023.6", "2023.1"])
        writer.writerow(["井头街", "城东街道", "2023", "150", "2023.6", "2023.11"])
    preview = preview_import(county, path)
    assert [r.status for r in preview.rows] == ["new", "new"]
    (left,) = [w for w in preview.rows[0].warnings if w.kind == "left_out"]
    assert left.column == "竣工日期" and "可能是 2023年1月，也可能是 2023年10月" in left.reason
    commit_import(county, preview)
    plans = _plans(county)
    assert plans["槐树巷"].completion_on is None and plans["井头街"].completion_on == date(2023, 11, 30)
    assert {a.name: a.length_m for a in county.alleys()}["槐树巷"] == 2023.1


def test_free_text_survives_export_import_export_cell_for_cell(county, tmp_path):
    """Export → import into an empty database → export: the same sheet, the clerk's words included."""
    county_work_ledger(tmp_path / "台账.xlsx")
    commit_import(county, preview_import(county, tmp_path / "台账.xlsx"))
    _accepted(county, ["槐树巷"])
    plan = _plans(county)["米行巷"]
    county.save(plan.model_copy(update={"withdrawn_on": date(2023, 5, 10), "withdrawn_reason": "调整至下一年度",
                                        "approved_on": date(2023, 4, 1)}))
    export_ledger(county, tmp_path / "first.xlsx")
    with Ledger.open(tmp_path / "empty.db") as empty:
        empty.save_settings(CountySettings(name="示例县", code="450123"))
        preview = preview_import(empty, tmp_path / "first.xlsx")
        assert preview.count("rejected") == 0 and not preview.needs_attention
        commit_import(empty, preview)
        export_ledger(empty, tmp_path / "second.xlsx")
    first = list(load_workbook(tmp_path / "first.xlsx").active.iter_rows(values_only=True))
    second = list(load_workbook(tmp_path / "second.xlsx").active.iter_rows(values_only=True))
    assert first == second
    assert any(row[15] == "白改黑、三线下地、补植绿化、按图施工" for row in second)


def test_numbers_too_big_for_any_alley_are_left_out_not_a_failed_import(county, tmp_path):
    """9.22e18 in 户数 (a slip of the keyboard, or a phone number in the wrong column) once passed the
    preview and broke the commit with an overflow; the record models now bound counts and money."""
    wb = Workbook()
    wb.active.append(["街巷名称", "所在街道", "户数", "年度", "类别", "总投资（元）"])
    wb.active.append(["槐树巷", "城东街道", 9.22e18, 2023, "达标", 1e15])
    wb.save(tmp_path / "big.xlsx")
    preview = preview_import(county, tmp_path / "big.xlsx")
    assert [r.status for r in preview.rows] == ["new"]
    assert [c for c, kind, _ in _warnings(preview, kind="left_out")] == ["户数", "总投资(万元)"]
    commit_import(county, preview)
    assert county.alleys()[0].households is None and _plans(county)["槐树巷"].total_investment_yuan == 0


# ------------------------------------------------------------------ found by trying to break it
def _book(path, rows, title=None, sheet="Sheet"):
    wb = Workbook()
    ws = wb.active
    ws.title = sheet
    if title:
        ws.append([title])
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


def test_a_library_of_alleys_with_notes_makes_no_plans_from_its_titles_year(county, tmp_path):
    path = _book(tmp_path / "库.xlsx", [["序号", "街巷名称", "所在街道", "所在社区", "长度（米）", "户数", "备注"],
                                        [1, "槐树巷", "城东街道", "和平社区", 120, 40, "老城区"],
                                        [2, "井头街", "城东街道", "建设社区", 80, 30, None]],
                 title="示例县2023年城市背街小巷项目库（调查摸底）")
    commit_import(county, preview_import(county, path))
    assert county.counts()["plans"] == 0 and {a.name: a.notes for a in county.alleys()} == {"槐树巷": "老城区", "井头街": ""}


def test_a_programme_title_names_no_one_year(county, tmp_path):
    path = _book(tmp_path / "a.xlsx", [["街巷名称", "所在街道", "类别"], ["槐树巷", "城东街道", "达标"]],
                 title="城市背街小巷整治改造提升三年行动（2022—2024年）项目表")
    preview = preview_import(county, path)
    assert "年度按标题" not in preview.sheets[0].reason
    assert "没有填写年度" in preview.rows[0].rejections[0].reason, "not every plan put in 2024"


def test_importing_the_same_ledger_again_keeps_measures_added_in_the_program(county, tmp_path):
    path = _book(tmp_path / "g.xlsx", [["街巷名称", "所在街道", "年度", "类别", "改造内容"],
                                       ["槐树巷", "城东街道", 2023, "达标", "一清二拆三改"]])
    commit_import(county, preview_import(county, path))
    plan = _plans(county)["槐树巷"]
    county.save(plan.model_copy(update={"measures": [*plan.measures, {"code": "pipes", "quantity": 300, "unit": "米",
                                                                      "estimated_investment_yuan": 500_000}]}))
    again = preview_import(county, path)
    assert [r.status for r in again.rows] == ["unchanged"]
    export_ledger(county, tmp_path / "out.xlsx")  # the program's own export imported back: unchanged too
    assert [r.status for r in preview_import(county, tmp_path / "out.xlsx").rows] == ["unchanged"]
    assert [m.code for m in _plans(county)["槐树巷"].measures] == ["clean", "demolish", "pipes"]


@pytest.mark.parametrize("line", [
    ["制表单位：示例县住建局", "制表人：张三"], ["填报单位（盖章）：示例县住建局", "填报人：张三"], ["主管领导：王五", "填表人：赵六"],
    ["联系电话：0771-1234567"], ["附件：照片10张"], ["合计（共1条）"], ["合计：2条"], ["城东街道小计"], ["小计（1条）"],
    ["数据截至2023年12月31日"],
])
def test_signature_subtotal_and_note_lines_in_their_many_forms_are_not_records(county, tmp_path, line):
    path = _book(tmp_path / "f.xlsx", [["街巷名称", "所在街道", "年度", "类别"], ["槐树巷", "城东街道", 2023, "达标"], line])
    preview = preview_import(county, path)
    assert [r.name for r in preview.rows] == ["槐树巷"] and preview.skipped_rows == 1


def test_a_note_in_the_numbering_column_is_not_a_record(county, tmp_path):
    path = _book(tmp_path / "n.xlsx", [["序号", "街巷名称", "所在街道", "年度", "类别"], [1, "槐树巷", "城东街道", 2023, "达标"],
                                       ["说明", "1.金额单位为万元"]])
    assert [r.name for r in preview_import(county, path).rows] == ["槐树巷"]


def test_a_publicity_list_with_descriptive_columns_still_creates_nothing(county, tmp_path):
    county_work_ledger(tmp_path / "台账.xlsx")
    commit_import(county, preview_import(county, tmp_path / "台账.xlsx"))
    _accepted(county, ["井头街"])
    before = county.counts()
    path = _book(tmp_path / "p.xlsx", [["序号", "街巷名称", "所在街道", "类别", "长度（米）", "评定结果"],
                                       [1, "井头街", "城东街道", "精品", 999, "精品"], [2, "不存在巷", "城东街道", "精品", 50, "精品"]],
                 title="示例县2023年度精品街巷评定结果公示名单")
    preview = preview_import(county, path)
    assert preview.sheets[0].kind == "publicity"
    commit_import(county, preview)
    assert county.counts()["alleys"] == before["alleys"] and county.counts()["plans"] == before["plans"]
    assert {a.name: a.length_m for a in county.alleys()}["井头街"] == 200.0, "a list sent back changes no alley"


def test_a_region_list_of_names_and_results_alone_is_found(county, tmp_path):
    county_work_ledger(tmp_path / "台账.xlsx")
    commit_import(county, preview_import(county, tmp_path / "台账.xlsx"))
    _accepted(county, ["井头街"])
    path = _book(tmp_path / "r.xlsx", [["县（市、区）", "街巷名称", "评定结果"], ["示例县", "井头街", "不 达 标"]],
                 title="2023年城市背街小巷达标评定结果")
    preview = preview_import(county, path)
    assert [(r.name, r.status) for r in preview.rows] == [("井头街", "updated")]
    commit_import(county, preview)
    assert county.acceptances()[0].standard_eval_result == "不达标"


def test_a_numbering_column_called_bianhao_is_not_alley_codes(county, tmp_path):
    path = _book(tmp_path / "b.xlsx", [["编号", "街巷名称", "所在街道", "年度", "类别"], [1, "槐树巷", "城东街道", 2023, "达标"],
                                       [2, "井头街", "城东街道", 2023, "达标"]])
    preview = preview_import(county, path)
    commit_import(county, preview)
    assert "行号" in preview.sheets[0].reason and sorted(a.code for a in county.alleys()) == ["45012300001", "45012300002"]


def test_a_second_column_for_the_same_field_is_kept_not_dropped(county, tmp_path):
    path = _book(tmp_path / "d.xlsx", [["街巷名称", "所在街道", "年度", "类别", "主要改造内容", "建设内容"],
                                       ["槐树巷", "城东街道", 2023, "达标", "白改黑", "路面500平方米"]])
    preview = preview_import(county, path)
    assert "「建设内容」与「主要改造内容」都是改造内容" in preview.sheets[0].reason
    commit_import(county, preview)
    plan = _plans(county)["槐树巷"]
    assert plan.content_text == "白改黑" and plan.extra == {"建设内容": "路面500平方米"}


def test_year_written_with_its_word_and_a_whole_sheet_as_month_formatted_dates(county, tmp_path):
    wb = Workbook()
    wb.active.append(["街巷名称", "所在街道", "年度", "类别", "竣工日期"])
    wb.active.append(["槐树巷", "城东街道", "2023年度", "达标", datetime(2023, 11, 1)])
    wb.active["E2"].number_format = 'yyyy"年"m"月"'  # Chinese Excel turns a typed 2023年11月 into this
    wb.save(tmp_path / "y.xlsx")
    preview = preview_import(county, tmp_path / "y.xlsx")
    assert [r.status for r in preview.rows] == ["new"]
    assert _warnings(preview, kind="approximate") == [("竣工日期", "approximate", "2023-11-01")]
    commit_import(county, preview)
    assert _plans(county)["槐树巷"].completion_on == date(2023, 11, 30)


def test_the_same_file_twice_with_values_left_out_changes_nothing_the_second_time(county, tmp_path):
    path = _book(tmp_path / "o.xlsx", [["街巷名称", "所在街道", "户数", "年度", "类别", "开工日期", "竣工日期"],
                                       ["槐树巷", "城东街道", -3, 2023, "达标", "2023-06-01", "2023-05-01"]])
    commit_import(county, preview_import(county, path))
    audit = len(county.audit())
    again = preview_import(county, path)
    assert [r.status for r in again.rows] == ["unchanged"] and again.needs_attention
    commit_import(county, again)
    assert [e.action for e in county.audit()[: len(county.audit()) - audit]] == ["import"], "no backup, no change"


def test_a_duplicate_on_another_sheet_says_which_sheet(county, tmp_path):
    wb = Workbook()
    wb.active.title = "汇总"
    for ws in (wb.active, wb.create_sheet("城东街道")):
        ws.append(["街巷名称", "所在街道", "年度", "类别"])
        ws.append(["槐树巷", "城东街道", 2023, "达标"])
    wb.save(tmp_path / "two.xlsx")
    preview = preview_import(county, tmp_path / "two.xlsx")
    assert preview.rows[1].rejections[0].reason == "与工作表「汇总」第2行是同一条街巷同一年度，重复"


@pytest.mark.parametrize("sheet, street", [("城东街道", "城东街道"), ("大塘镇台账", "大塘镇"), ("各街道汇总", None),
                                           ("城镇老旧小区", None), ("全镇", None)])
def test_only_a_sheet_named_after_one_street_gives_the_street(county, tmp_path, sheet, street):
    path = _book(tmp_path / "s.xlsx", [["街巷名称", "年度", "类别"], ["槐树巷", 2023, "达标"]], sheet=sheet)
    preview = preview_import(county, path)
    if street:
        assert f"所在街道按工作表名称计为「{street}」" in preview.sheets[0].reason
    else:
        assert "所在街道按工作表名称" not in preview.sheets[0].reason and preview.count("rejected") == 1


def test_names_match_whatever_the_width_of_their_brackets(county, tmp_path):
    _book(tmp_path / "a.xlsx", [["街巷名称", "所在街道", "年度", "类别"], ["解放巷（东段）", "城东街道", 2023, "达标"]])
    commit_import(county, preview_import(county, tmp_path / "a.xlsx"))
    _book(tmp_path / "b.xlsx", [["街巷名称", "所在街道", "年度", "类别", "总投资（亿元）"], ["解放巷(东段)", "城东街道", 2023, "达标", 0.02]])
    preview = preview_import(county, tmp_path / "b.xlsx")
    assert [r.status for r in preview.rows] == ["updated"]
    commit_import(county, preview)
    assert county.counts()["alleys"] == 1 and _plans(county)["解放巷（东段）"].total_investment_yuan == 2_000_000


def test_the_header_leixing_is_the_area_type_and_leixing_dabiao_jingpin_the_category(county, tmp_path):
    path = _book(tmp_path / "t.xlsx", [["街巷名称", "所在街道", "类型", "年度", "类型（达标/精品）"],
                                       ["槐树巷", "城东街道", "城中村", 2023, "精品"]])
    commit_import(county, preview_import(county, path))
    assert county.alleys()[0].area_type == "城中村" and _plans(county)["槐树巷"].category == "精品类"


def test_planned_dates_fill_the_annual_lists_columns(county, tmp_path):
    path = _book(tmp_path / "pl.xlsx", [["街巷名称", "所在街道", "年度", "类别", "计划开工时间", "计划完工时间"],
                                        ["槐树巷", "城东街道", 2023, "达标", "2023年6月", "2023.11.30"]])
    commit_import(county, preview_import(county, path))
    row = annual_list_data(county, 2023).rows[0]
    assert (row.planned_start_on, row.planned_completion_on) == (date(2023, 6, 30), date(2023, 11, 30))


def test_an_acceptance_before_its_completion_imports_as_written_and_says_to_check_it(county, tmp_path, capsys):
    """The 竣工验收 form refuses an acceptance dated before the completion (R9); a ledger that says so
    keeps its dates on import, and the row says what to check, in the preview and on the command line."""
    from core.cli.main import main

    wb = Workbook()
    wb.active.append(["街巷名称", "所在街道", "年度", "类别", "竣工日期", "验收日期", "验收结果"])
    wb.active.append(["槐树巷", "城东街道", 2023, "达标", "2023年11月20日", "2023.11.5", "合格"])
    wb.active.append(["井头街", "城东街道", 2023, "达标", None, "2023-12-01", "合格"])
    wb.active.append(["书院里", "城西街道", 2023, "达标", "2023-10-01", "2023-10-20", "合格"])
    wb.save(tmp_path / "验收.xlsx")
    preview = preview_import(county, tmp_path / "验收.xlsx")
    assert [r.status for r in preview.rows] == ["new", "new", "new"]
    assert _warnings(preview, 2, "rule") == [("验收日期", "rule", "2023.11.5")]
    assert "早于竣工日期 2023-11-20" in preview.rows[0].warnings[-1].reason
    assert "没有竣工日期" in preview.rows[1].warnings[-1].reason and preview.rows[1].warnings[-1].kind == "rule"
    assert _warnings(preview, 4, "rule") == []
    county.close()
    assert main(["--db", str(tmp_path / "county.db"), "import", str(tmp_path / "验收.xlsx"), "--json"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert sorted((w["row"], w["kind"]) for w in document["warnings"]) == [(2, "rule"), (3, "rule")]
    with Ledger.open(tmp_path / "county.db") as ledger:
        plans = _plans(ledger)
        accepted = {a.plan_id: a.accepted_on for a in ledger.acceptances()}
        assert accepted[plans["槐树巷"].id] == date(2023, 11, 5), "the ledger's date, kept for the clerk to correct"
        r9 = [f.message for f in check(Dataset.from_ledger(ledger), year=2023) if f.rule == "R9"]
        assert "竣工验收日期 2023-11-05 早于竣工日期 2023-11-20" in r9 and any("尚未录入竣工日期" in m for m in r9)
