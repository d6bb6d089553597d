"""Printed documents read back: pages, size, title, every row, page numbers, totals, fonts."""

from __future__ import annotations

import re
from datetime import date

import pytest
from reportlab.lib.pagesizes import A4

from core.annual import annual_list_data
from core.errors import Cancelled
from core.money import wan
from core.printing.annual_list import render_annual_list
from core.printing.filing_packet import filing_packet_data, render_filing_packet
from core.printing.survey_form import render_survey_form, survey_form_data
from core.records import Alley, Plan
from core.workflow import withdraw_plan
from tests.printing.conftest import Pdf


def _only_embedded_cjk_fonts(pdf: Pdf) -> None:
    fonts = pdf.fonts()
    assert fonts, "the PDF uses no font at all?"
    for name, embedded in fonts:
        assert embedded, f"{name} is not embedded"
        assert "WenQuanYiMicroHei" in name, f"unexpected font {name}"


def test_annual_list_prints_every_plan_of_the_year_not_withdrawn_with_totals_on_landscape_a4(ledger, tmp_path):
    """domain.md §2: the list is every plan of the year that has not been withdrawn, whether or not
    its 方案批复 date is known; a withdrawn plan is left off with a count."""
    plans = ledger.plans(year=2023)
    unapproved = next(p for p in plans if p.approved_on is None) if any(p.approved_on is None for p in plans) else None
    if unapproved is None:
        unapproved = ledger.save(plans[0].model_copy(update={"approved_on": None}), reason="测试")
    gone = next(p for p in plans if p.id != unapproved.id)
    withdraw_plan(ledger, gone, on=date(2023, 5, 10), reason="群众意见不统一，调整至下一年度", amendment="县里调整计划")
    ledger.save_settings(ledger.settings().model_copy(update={"clerk": "黄丽萍"}))
    data = annual_list_data(ledger, 2023, today=date(2026, 11, 23))
    pages = render_annual_list(data, tmp_path / "list.pdf")
    pdf = Pdf(tmp_path / "list.pdf")
    assert len(pdf.pages) == pages > 1
    for page in pdf.reader.pages:
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        assert (round(width), round(height)) == (round(A4[1]), round(A4[0]))
    assert "示例县2023年城市背街小巷整治改造提升项目清单" in pdf.flat[0]
    assert "填报单位（盖章）" in pdf.flat[0] and "金额单位：万元" in pdf.flat[0]
    assert f"第1页共{pages}页" in pdf.flat[0] and f"第{pages}页共{pages}页" in pdf.flat[-1]
    listed = [p for p in ledger.plans(year=2023) if p.id != gone.id]
    assert len(data.rows) == len(listed) == len(plans) - 1 and data.withdrawn == 1
    assert unapproved.id in {r.plan_id for r in data.rows}, "a plan not yet approved is on the list"
    for row in data.rows:
        assert row.name in pdf.text
    assert "另有1个方案已撤销，未列入" in pdf.flat[0]
    assert "填报人：黄丽萍" in pdf.flat[-1], "填报人 is the clerk set in 设置"
    # The header row is repeated on every page.
    assert all("主要改造内容" in text for text in pdf.flat)
    total = sum(p.total_investment_yuan for p in listed)
    assert wan(total) in pdf.flat[-1] and "合计" in pdf.flat[-1]
    assert "填报人" in pdf.flat[-1] and "审核人" in pdf.flat[-1] and "填报日期" in pdf.flat[-1]
    target = ledger.settings().target_for(2023)
    assert f"年度任务{target.alleys}条，精品任务{target.boutique}条" in pdf.flat[0]
    _only_embedded_cjk_fonts(pdf)


def test_long_texts_wrap_inside_their_cells_and_stay_whole(ledger, tmp_path):
    alley = ledger.alley(ledger.alleys(year=2023)[0].code)
    plan = next(p for p in ledger.plans(year=2023) if p.alley_id == alley.id)
    long_note = "因群众诉求较多需分段施工并协调周边商户临时停车及夜间施工许可" * 2
    ledger.save(plan.model_copy(update={"notes": long_note, "builder": "示例县某某街道办事处城市管理和综合执法中队"}),
                reason="补录备注")
    data = annual_list_data(ledger, 2023)
    render_annual_list(data, tmp_path / "list.pdf")
    assert long_note in Pdf(tmp_path / "list.pdf").text


def test_markup_characters_in_records_print_as_text(ledger, tmp_path):
    alley = ledger.alleys(year=2023)[0]
    ledger.save(alley.model_copy(update={"name": "A&B<巷>"}), reason="测试")
    render_annual_list(annual_list_data(ledger, 2023), tmp_path / "list.pdf")
    assert "A&B<巷>" in Pdf(tmp_path / "list.pdf").text


def test_filing_packet_catalogue_page_numbers_match_the_packet(ledger, tmp_path):
    code = ledger.alleys()[0].code
    data = filing_packet_data(ledger, code)
    pages = render_filing_packet(data, tmp_path / "packet.pdf")
    pdf = Pdf(tmp_path / "packet.pdf")
    assert len(pdf.pages) == pages
    assert all(round(float(p.mediabox.height)) == round(A4[1]) for p in pdf.reader.pages)
    assert "城建档案" in pdf.flat[0] and data.title in pdf.flat[0]
    catalogue = pdf.flat[pdf.page_of("卷内目录") - 1]
    for heading, title in (("竣工验收记录", "竣工验收记录"), ("调查摸底情况摘要", "调查摸底情况摘要"),
                           ("现场照片", "现场照片")):
        actual = next(n for n, text in enumerate(pdf.flat, start=1) if text.startswith(heading))
        listed = re.search(re.escape(title) + r"(?:（\d+张）)?(?:\d{8})?(\d+)", catalogue)
        assert listed, f"{title} not in the catalogue"
        assert int(listed.group(1)) == actual, f"{title}: catalogue says {listed.group(1)}, it is on page {actual}"
    assert "建设单位（盖章）" in pdf.text and "监理单位（盖章）" in pdf.text and "项目负责人（签字）" in pdf.text
    assert "照片1：" in pdf.text and len(data.photos) == 2
    assert "卷内备考表" in pdf.flat[-1] and "立卷人" in pdf.flat[-1]
    _only_embedded_cjk_fonts(pdf)


def test_a_packet_for_an_alley_not_ready_still_prints_with_what_is_missing(ledger, tmp_path):
    alley = ledger.add(Alley(code="4501239999", name="未完巷", subdistrict="城东街道"))
    ledger.add(Plan(alley_id=alley.id, year=2024, category="达标类", total_investment_yuan=500_000,
                    measures=[{"code": "clean"}], builder="示例县住房和城乡建设局"))
    data = filing_packet_data(ledger, "4501239999")
    render_filing_packet(data, tmp_path / "packet.pdf")
    cover = Pdf(tmp_path / "packet.pdf").flat[0]
    assert "资料不全" in cover
    for title in ("竣工验收记录", "竣工验收备案表", "监理评估报告", "质量保修书"):
        assert title in cover


def test_survey_form_has_every_survey_field_and_prefills_the_alley(ledger, tmp_path):
    alley = ledger.alleys()[5]
    render_survey_form(survey_form_data(ledger, alley.code), tmp_path / "form.pdf")
    pdf = Pdf(tmp_path / "form.pdf")
    for label in ("街巷名称", "所在街道", "所在社区", "起点", "终点", "走向", "长度(米)", "平均宽度(米)", "面积(平方米)",
                  "户数", "人口", "商户数", "违法建筑", "逾期临时构筑物", "违规广告牌", "地锁、地桩、石墩", "卫生死角",
                  "垃圾裸露点", "公共厕所", "分类投放设施", "供水", "排水", "燃气", "广电", "通信", "消防", "敷设年份",
                  "雨污分流", "积泥淤堵", "管径偏小", "路面硬化", "坑洼", "积水点", "人行道破损", "井盖雨箅缺失", "标识标线",
                  "无障碍设施", "断头路", "架空线缆乱拉乱挂", "可入地或桥架收纳", "应设路灯", "亮灯", "监控",
                  "消防通道标线", "消防栓", "灭火器", "绿地", "缺绿点", "古建筑", "古树", "古井", "古桥", "停车位",
                  "发现问题", "群众诉求", "现场照片"):
        assert label in pdf.text, label
    assert alley.name in pdf.flat[0] and alley.code in pdf.flat[0]
    render_survey_form(survey_form_data(ledger), tmp_path / "blank.pdf")
    assert alley.name not in Pdf(tmp_path / "blank.pdf").text
    _only_embedded_cjk_fonts(pdf)


def test_cancelled_printing_leaves_no_file(ledger, tmp_path):
    with pytest.raises(Cancelled):
        render_annual_list(annual_list_data(ledger, 2023), tmp_path / "list.pdf", cancel=lambda: True)
    assert not list(tmp_path.glob("list.pdf*"))


def test_pdftotext_gives_the_chinese_back_and_pdffonts_shows_only_embedded_fonts(ledger, tmp_path):
    import shutil
    import subprocess

    if not (shutil.which("pdftotext") and shutil.which("pdffonts")):
        pytest.skip("poppler-utils (pdftotext, pdffonts) is not installed; scripts/bootstrap.sh installs it")
    render_annual_list(annual_list_data(ledger, 2023), tmp_path / "list.pdf")
    text = subprocess.run(["pdftotext", "-layout", str(tmp_path / "list.pdf"), "-"], capture_output=True,
                          text=True, check=True).stdout
    assert "示例县2023年城市背街小巷整治改造提升项目清单" in text.replace(" ", "")
    fonts = subprocess.run(["pdffonts", str(tmp_path / "list.pdf")], capture_output=True, text=True,
                           check=True).stdout.splitlines()[2:]
    assert fonts and all(line.split()[-5] == "yes" for line in fonts), fonts  # the "emb" column


def test_a_note_too_long_for_a_page_is_cut_with_a_visible_remark(ledger, tmp_path):
    plan = ledger.plans(year=2023)[0]
    note = "因群众诉求较多需分段施工" * 150  # 1,800 characters in the 14 mm 备注 column
    ledger.save(plan.model_copy(update={"notes": note}), reason="测试")
    render_annual_list(annual_list_data(ledger, 2023), tmp_path / "list.pdf")
    text = Pdf(tmp_path / "list.pdf").text
    assert note[:30] in text and "见工作台账）" in text and re.search(r"另有\d+字", text)


def test_an_unreadable_photo_is_left_out_and_named_on_the_cover(ledger, tmp_path):
    survey = ledger.surveys()[0]
    ledger.add_attachment(b"not really a jpeg", "IMG_0001.jpg", owner=survey, caption="坏照片")
    code = ledger.alley_codes_by_id()[survey.alley_id]
    data = filing_packet_data(ledger, code)
    render_filing_packet(data, tmp_path / "packet.pdf")
    cover = Pdf(tmp_path / "packet.pdf").flat[0]
    assert "IMG_0001.jpg" in cover and "无法读取" in cover


def test_filed_documents_are_numbered_after_the_printed_packet(ledger, tmp_path):
    code = ledger.alleys()[0].code
    data = filing_packet_data(ledger, code)
    pages = render_filing_packet(data, tmp_path / "packet.pdf")
    pdf = Pdf(tmp_path / "packet.pdf")
    catalogue = pdf.flat[pdf.page_of("卷内目录") - 1]
    first_doc = data.filing.documents[0]
    end = pages + first_doc.pages
    assert f"{pages + 1}–{end}" in catalogue or (first_doc.pages == 1 and str(pages + 1) in catalogue)
