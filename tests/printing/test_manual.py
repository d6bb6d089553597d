"""The user manual (使用说明): printed by the program's own printing code, read back as a reader would."""

from __future__ import annotations

from core import __version__
from core.printing.manual import manual_blocks, render_manual
from tests.printing.conftest import Pdf

SECTIONS = ("安装", "第一次打开", "导入县里的工作台账", "备份", "导入下一年的节假日表", "换新电脑")


def test_manual_covers_the_six_things_a_clerk_needs(tmp_path):
    out = tmp_path / "使用说明.pdf"
    pages = render_manual(out)
    pdf = Pdf(out)
    assert pages == len(pdf.pages) >= 2
    assert "巷账使用说明" in pdf.flat[0] and f"巷账{__version__}" in pdf.flat[0]
    for n, section in enumerate(SECTIONS):
        assert f"{'一二三四五六'[n]}、{section}" in pdf.text
    assert "%LOCALAPPDATA%\\Programs\\AlleyLedger" in pdf.text  # where the installer puts it
    assert "2027-02-07,班,春节调休" in pdf.text  # the holiday-table example survives as written
    assert f"第1页共{pages}页" in pdf.flat[0]


def test_manual_embeds_its_font_and_no_other(tmp_path):
    out = tmp_path / "m.pdf"
    render_manual(out)
    fonts = Pdf(out).fonts()
    assert fonts and all(embedded and "WenQuanYi" in name for name, embedded in fonts)


def test_manual_text_is_data_with_sections_items_and_examples():
    blocks = manual_blocks("# 标题\n导语\n\n## 一、甲\n- 条目\n```\n日期,类型\n2027-01-01,休\n```\n")
    assert [(b.kind, b.text) for b in blocks] == [
        ("title", "标题"), ("text", "导语"), ("section", "一、甲"), ("item", "条目"),
        ("example", "日期,类型\n2027-01-01,休")]
