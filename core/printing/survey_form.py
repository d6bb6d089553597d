"""Blank survey form (调查摸底表) to carry into the alley and fill in by hand (domain.md §2 Survey)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from core.printing.base import FONT, NumberedCanvas, checker, para, plain, style, write_atomically
from core.records import PIPE_KINDS, Alley

if TYPE_CHECKING:
    from core.store import Ledger

WIDTH = 180 * mm
BOX = "□"


@dataclass
class SurveyForm:
    """What is printed on the form before it goes out: the county and, optionally, one alley."""

    county: str
    alley: Alley | None


def survey_form_data(ledger: Ledger, alley_code: str | None = None) -> SurveyForm:
    """The form's header data; with ``alley_code`` the alley's basic data are filled in."""
    settings = ledger.settings()
    return SurveyForm(settings.name if settings else "", ledger.alley(alley_code) if alley_code else None)


def render_survey_form(data: SurveyForm, out: Path, *, progress: Callable[[int, str], None] | None = None,
                       cancel: Callable[[], bool] | None = None) -> int:
    """Lay out the form on portrait A4 and write it to ``out``; returns the number of pages."""
    step = checker(progress, cancel)
    step(0, "排版调查表")
    a = data.alley
    v = _value
    parts: list[Any] = [
        para(plain(f"{data.county}城市背街小巷调查摸底表"), style(17, align="center", leading=24, space_after=4)),
        para("调查人：" + "&nbsp;" * 24 + "调查日期：" + "&nbsp;" * 10 + "年" + "&nbsp;" * 5 + "月" + "&nbsp;" * 5
             + "日" + "&nbsp;" * 10 + "编号：" + plain(a.code if a else ""), style(10, leading=16, space_after=4)),
        _section("一、基本情况"),
        _form([
            ["街巷名称", a.name if a else "", "所在街道", a.subdistrict if a else ""],
            ["所在社区", a.community if a else "", "区域类型", f"{BOX}社区 {BOX}开放性小区 {BOX}城中村 {BOX}其他"],
            ["起点", a.start_point if a else "", "终点", a.end_point if a else ""],
            ["走向", a.direction if a else "", "道路等级", f"{BOX}支路以下 {BOX}支路 {BOX}次干路及以上"],
            ["长度(米)", v(a.length_m) if a else "", "红线宽度(米)", v(a.red_line_width_m) if a else ""],
            ["平均宽度(米)", "", "面积(平方米)", ""],
            ["户数", v(a.households) if a else "", "人口", v(a.population) if a else ""],
            ["商户数", v(a.shops) if a else "", "街巷长 / 电话", f"{a.chief} {a.chief_phone}" if a else ""],
        ]),
        _section("二、违法建设（二拆）"),
        _form([
            ["违法建筑", "　　　处，　　　　平方米", "逾期临时构筑物", "　　　处"],
            ["违规广告牌", "　　　块", "地锁、地桩、石墩", "　　　个"],
        ]),
        _section("三、环境卫生（一清）"),
        _form([
            ["卫生死角", "　　　处", "垃圾裸露点", "　　　处"],
            ["公共厕所", "　　　座（有异味　　　座）", "分类投放设施", "　　　处"],
        ]),
        _section("四、地下管网（三改）"),
        _pipes(),
        _section("五、道路及架空线缆（三改）"),
        _form([
            ["路面硬化", f"{BOX}已硬化 {BOX}未硬化", "路面破损(平方米)", ""],
            ["坑洼 / 积水点", "　　　处 /　　　处", "人行道破损", "　　　处"],
            ["井盖雨箅缺失", "　　　个", "标识标线", f"{BOX}完好 {BOX}缺失"],
            ["无障碍设施", f"{BOX}完好 {BOX}不完善", "断头路", f"{BOX}是 {BOX}否"],
            ["架空线缆乱拉乱挂", "　　　档", "可入地或桥架收纳", f"{BOX}是 {BOX}否"],
        ]),
        _section("六、安全设施（四补）"),
        _form([
            ["应设路灯", "　　　盏", "已装 / 亮灯", "　　　盏 /　　　盏"],
            ["监控", "　　　个", "消防通道标线", f"{BOX}已标线 {BOX}未标线"],
            ["消防栓", "　　　个", "灭火器", "　　　具"],
        ]),
        _section("七、绿化、文化与停车（四补）"),
        _form([
            ["绿地(平方米)", "", "缺绿点", "　　　处"],
            ["历史文化元素", f"{BOX}古建筑 {BOX}古树 {BOX}古井 {BOX}古桥", "停车位", "　　　个"],
        ]),
        _section("八、发现问题与群众诉求"),
        _form([["发现问题", ""], ["群众诉求", ""], ["现场照片", "共　　张，编号："]],
              widths=[30 * mm, 150 * mm], heights=[28 * mm, 28 * mm, 10 * mm]),
        Spacer(1, 6 * mm),
        para("调查人（签字）：" + "&nbsp;" * 30 + "社区（盖章）：" + "&nbsp;" * 30 + "街道（盖章）：",
             style(10, leading=16)),
    ]
    # Keep each section heading on the page of its table.
    story: list[Any] = []
    i = 0
    while i < len(parts):
        if isinstance(parts[i], Paragraph) and i + 1 < len(parts) and isinstance(parts[i + 1], Table) \
                and parts[i].style.fontSize == 11:
            story += [Spacer(1, 2 * mm), KeepTogether(parts[i:i + 2])]
            i += 2
        else:
            story.append(parts[i])
            i += 1
    pages = [0]

    def build(path: Path) -> None:
        doc = SimpleDocTemplate(str(path), pagesize=A4, leftMargin=15 * mm, rightMargin=15 * mm, topMargin=12 * mm,
                                bottomMargin=15 * mm, title=f"{data.county}城市背街小巷调查摸底表",
                                author=data.county, creator="巷账 Alley Ledger", initialFontName=FONT)
        doc.build(story, canvasmaker=NumberedCanvas)
        pages[0] = doc.page

    write_atomically(out, build)
    step.report(100, "完成")
    return pages[0]


def _value(value: object) -> str:
    """A record value as the form shows it: blank for None, 12.5 not 12.50."""
    if value is None:
        return ""
    return f"{value:g}" if isinstance(value, float) else str(value)


def _section(title: str) -> Any:
    return para(title, style(11, leading=16, space_after=2))


def _blank(text: str) -> str:
    """Cell text with its ideographic spaces kept as writing room (paragraphs collapse spaces)."""
    return plain(text).replace("　", "&nbsp;" * 4)


def _form(rows: list[list[str]], *, widths: list[float] | None = None, heights: list[float] | None = None) -> Table:
    st = style(9, leading=12)
    table = Table([[para(_blank(c), st) for c in row] for row in rows],
                  colWidths=widths or [30 * mm, 60 * mm, 30 * mm, 60 * mm],
                  rowHeights=heights or [8.5 * mm] * len(rows))
    commands: list[Any] = [("FONT", (0, 0), (-1, -1), FONT, 9), ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                           ("VALIGN", (0, 0), (-1, -1), "MIDDLE")]
    for col in range(0, len(rows[0]), 2):
        commands.append(("BACKGROUND", (col, 0), (col, -1), colors.HexColor("#F0F0F0")))
    if heights:
        commands.append(("VALIGN", (0, 0), (-1, -1), "TOP"))
    table.setStyle(TableStyle(commands))
    return table


def _pipes() -> Table:
    conditions = f"{BOX}良好 {BOX}积泥淤堵 {BOX}破损渗漏 {BOX}损坏严重 {BOX}管径偏小"
    rows = [["管线种类", "敷设年份", "管线状况", "雨污分流"]]
    rows += [[kind, "", conditions, f"{BOX}是 {BOX}否" if kind == "排水" else "—"] for kind in PIPE_KINDS]
    st = style(9, leading=12)
    table = Table([[para(plain(c), st) for c in row] for row in rows],
                  colWidths=[22 * mm, 22 * mm, 106 * mm, 30 * mm], rowHeights=[8.5 * mm] * len(rows))
    table.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), FONT, 9), ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                               ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                               ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#F0F0F0"))]))
    return table
