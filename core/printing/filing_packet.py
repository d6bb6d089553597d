"""Filing packet (备案归档案卷) of one alley's plan: cover, catalogue, acceptance record with the four
units' signature blocks, survey summary, photo pages and the back note (备考表), after GB/T 50328-2014."""

from __future__ import annotations

import io
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    Image,
    KeepTogether,
    PageBreak,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from core.attachments import printable, safe_name
from core.errors import LedgerError, NotFound
from core.money import wan
from core.printing.base import FONT, NumberedCanvas, checker, para, plain, style, write_atomically
from core.records import Acceptance, Alley, CountySettings, Filing, Plan, Survey

if TYPE_CHECKING:
    from core.store import Ledger

WIDTH = 180 * mm  # A4 portrait between 15 mm margins


@dataclass
class Photo:
    """A picture for the photo pages: its bytes and caption."""

    data: bytes
    caption: str
    file_name: str
    path: Path | None = None
    """Where the bytes sit on disk while a PDF is being written."""


@dataclass
class FilingPacket:
    """Everything the packet prints, gathered from the ledger."""

    settings: CountySettings
    alley: Alley
    plan: Plan
    acceptance: Acceptance | None
    filing: Filing | None
    survey: Survey | None
    photos: list[Photo]
    missing: list[str]
    """Titles of required documents (and records) not there yet: printed as 资料不全 on the cover."""
    measure_names: list[str]
    printed_on: date = field(default_factory=date.today)
    scans: dict[int, Photo] = field(default_factory=dict)
    """Documents of the 卷内目录 filed as a picture (a 竣工验收备案表 scanned to JPG), by their 序号:
    printed in the packet as those documents, one page each, not among the photos."""

    @property
    def project_name(self) -> str:
        return f"{self.alley.name}背街小巷整治改造提升工程"

    @property
    def title(self) -> str:
        """案卷题名: the builder and the project name."""
        return f"{self.plan.builder or self.settings.name}{self.project_name}"


def filing_packet_data(ledger: Ledger, alley_code: str, *, year: int | None = None,
                       today: date | None = None) -> FilingPacket:
    """Gather the packet of ``alley_code``: its plan of ``year`` (default: the latest plan)."""
    settings = ledger.settings()
    if settings is None:
        raise LedgerError("还没有填写县（区）信息：请在程序的“设置”中填写（命令行：alley-ledger init）")
    alley = ledger.alley(alley_code)
    plans = ledger.plans(alley_id=alley.id)
    if year is not None:
        plans = [p for p in plans if p.year == year]
    if not plans:
        raise NotFound(f"街巷「{alley.name}」（{alley_code}）没有{f'{year}年的' if year else ''}改造方案")
    plan = plans[-1]
    acceptance = ledger.acceptance_for(plan.id)
    filing = ledger.filing_for(plan.id)
    surveys = [s for s in ledger.surveys(alley.id) if s.surveyed_on.year <= plan.year] or ledger.surveys(alley.id)
    survey = surveys[-1] if surveys else None
    photos: list[Photo] = []
    scans: dict[int, Photo] = {}
    # a picture listed in the catalogue as one of the profile's documents is that document, not a photo
    documents = {d.attachment_id: d for d in (filing.documents if filing else []) if d.kind and d.attachment_id}
    owners: list[Any] = [s for s in surveys] + ([filing] if filing else [])
    for owner in owners:
        for attachment, caption in ledger.attachments_of(owner):
            if attachment.mime.startswith("image/"):
                document = documents.get(attachment.id) if owner is filing else None
                picture = Photo(ledger.attachment_data(attachment.id),
                                document.title if document else caption or attachment.file_name, attachment.file_name)
                if document is not None:
                    scans[document.seq] = picture
                else:
                    photos.append(picture)
    photos, missing = _printable(photos)
    for seq, picture in list(scans.items()):  # a scan filed as a picture: printed the same way
        ready, why = _printable([picture])
        if ready:
            scans[seq] = ready[0]
        else:
            del scans[seq]
            missing += why
    profile = ledger.profile()
    if acceptance is None:
        missing.append("竣工验收记录")
    elif not acceptance.passed:
        missing.append("竣工验收合格结论")
    present = filing.kinds_present() if filing else set()
    missing += [d.title for d in profile.required_documents() if d.key not in present]
    names = [(m.name if (m := profile.measure(item.code)) else item.code) for item in plan.measures]
    return FilingPacket(settings, alley, plan, acceptance, filing, survey, photos, missing, names,
                        today or date.today(), scans)


class _Mark(Flowable):
    """Records the page a section starts on (for the catalogue's 页次)."""

    def __init__(self, key: str, pages: dict[str, int]):
        super().__init__()
        self.key, self.pages = key, pages
        self.width = self.height = 0

    def draw(self) -> None:
        self.pages[self.key] = self.canv.getPageNumber()


def render_filing_packet(data: FilingPacket, out: Path, *, progress: Callable[[int, str], None] | None = None,
                         cancel: Callable[[], bool] | None = None) -> int:
    """Lay the packet out on portrait A4 and write it to ``out``; returns the number of pages.

    Built twice: the first pass finds the page each section starts on, the second prints those
    numbers in the catalogue.
    """
    step = checker(progress, cancel)
    step(0, "排版案卷")
    pages: dict[str, int] = {}
    _build(data, io.BytesIO(), pages, sizing=True)
    step(45, "计算页码")
    first_pass = dict(pages)
    result = [0]

    def build(path: Path) -> None:
        result[0] = _build(data, str(path), pages, first_pass)

    step(50, "写入 PDF")
    with tempfile.TemporaryDirectory(prefix="alley-photos-") as folder:
        # reportlab embeds a JPEG given by file name as it is; given bytes, it decodes the whole
        # picture to fingerprint it (20 photos of 2000×1500: 510 MB and 2.3 s, against 80 MB and 1.1 s by file name).
        for n, photo in enumerate([*data.photos, *data.scans.values()]):
            photo.path = Path(folder) / f"{n}{Path(photo.file_name).suffix.lower() or '.jpg'}"
            photo.path.write_bytes(photo.data)
        write_atomically(out, build)
    step.report(100, "完成")
    return result[0]


def render_acceptance_record(data: FilingPacket, out: Path, *, progress: Callable[[int, str], None] | None = None,
                             cancel: Callable[[], bool] | None = None) -> int:
    """The completion acceptance record (竣工验收记录) alone, as the packet prints it, for signing
    on the day of the acceptance; returns the number of pages."""
    step = checker(progress, cancel)
    step(0, "排版验收记录")
    result = [0]

    def build(path: Path) -> None:
        doc = SimpleDocTemplate(
            str(path), pagesize=A4, leftMargin=15 * mm, rightMargin=15 * mm, topMargin=15 * mm,
            bottomMargin=16 * mm, title=f"{data.title} 竣工验收记录",
            author=data.settings.lead_department or data.settings.name, subject="竣工验收记录",
            creator="巷账 Alley Ledger", initialFontName=FONT,
        )
        doc.build(_acceptance(data), canvasmaker=NumberedCanvas)
        result[0] = doc.page

    write_atomically(out, build)
    step.report(100, "完成")
    return result[0]


def _build(data: FilingPacket, target: Any, pages: dict[str, int], known: dict[str, int] | None = None,
           *, sizing: bool = False) -> int:
    """Build the packet into ``target``; with ``sizing`` photos are blank boxes of their printed size
    (the pass that only finds page numbers need not decode and embed every picture)."""
    doc = SimpleDocTemplate(
        target, pagesize=A4, leftMargin=15 * mm, rightMargin=15 * mm, topMargin=15 * mm, bottomMargin=16 * mm,
        title=f"{data.title} 案卷", author=data.settings.lead_department or data.settings.name,
        subject="竣工验收备案归档案卷", creator="巷账 Alley Ledger", initialFontName=FONT,
    )
    known = known or {}
    story: list[Any] = []
    story += _cover(data)
    story += [PageBreak(), *_catalogue(data, known)]
    story += [PageBreak(), _Mark("acceptance", pages), *_acceptance(data)]
    story += [PageBreak(), _Mark("survey", pages), *_survey(data)]
    for seq, scan in data.scans.items():
        story += [PageBreak(), _Mark(f"document{seq}", pages), *_scan(scan, sizing)]
    if data.photos:
        story += [PageBreak(), _Mark("photos", pages), *_photos(data, sizing)]
    story += [PageBreak(), _Mark("back_note", pages), *_back_note(data, known)]
    doc.build(story, canvasmaker=NumberedCanvas)
    pages["total"] = doc.page
    return doc.page


# ---------------------------------------------------------------------------------- pieces
def _grid(rows: list[list[Any]], widths: list[float], *, size: float = 10, label_cols: tuple[int, ...] = (),
          heights: list[float] | None = None) -> Table:
    st = style(size, leading=size * 1.4)
    cells = [[para(plain(c), st) if isinstance(c, str) else c for c in row] for row in rows]
    table = Table(cells, colWidths=widths, rowHeights=heights)
    commands: list[Any] = [
        ("FONT", (0, 0), (-1, -1), FONT, size),
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 3), ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
    for col in label_cols:
        commands.append(("BACKGROUND", (col, 0), (col, -1), colors.HexColor("#F0F0F0")))
    table.setStyle(TableStyle(commands))
    return table


def _heading(text: str) -> list[Any]:
    return [para(plain(text), style(18, align="center", leading=26, space_after=8))]


def _d(value: date | None) -> str:
    return "" if value is None else f"{value.year}年{value.month}月{value.day}日"


def _cover(data: FilingPacket) -> list[Any]:
    filing = data.filing
    dates = [d.doc_date for d in (filing.documents if filing else []) if d.doc_date]
    dates += [x for x in (data.plan.start_on, data.plan.completion_on,
                          data.acceptance.accepted_on if data.acceptance else None) if x]
    span = f"{_d(min(dates))} 至 {_d(max(dates))}" if dates else ""
    rows = [
        ["档　　号", filing.archive_no if filing else ""],
        ["案卷题名", data.title],
        ["编制单位", (filing.compiled_by if filing and filing.compiled_by else data.plan.builder)],
        ["起止日期", span],
        ["密　　级", filing.security if filing else ""],
        ["保管期限", filing.retention if filing else ""],
        ["卷　　次", f"共 1 卷　第 {filing.volume_no or 1} 卷" if filing else ""],
    ]
    story: list[Any] = [Spacer(1, 20 * mm), *_heading("城 建 档 案"),
                        para(plain(data.settings.name), style(12, align="center", leading=18)), Spacer(1, 18 * mm),
                        _grid(rows, [35 * mm, 145 * mm], size=12, label_cols=(0,), heights=[14 * mm] * len(rows))]
    if data.missing:
        items = "".join(f"{n}. {plain(title)}<br/>" for n, title in enumerate(data.missing, start=1))
        box = Table([[para("<font size=14>资料不全</font><br/>尚缺：<br/>" + items, style(11, leading=17))]],
                    colWidths=[WIDTH])
        box.setStyle(TableStyle([("BOX", (0, 0), (-1, -1), 1.5, colors.HexColor("#C00000")),
                                 ("FONT", (0, 0), (-1, -1), FONT, 11),
                                 ("TEXTCOLOR", (0, 0), (-1, -1), colors.HexColor("#C00000")),
                                 ("LEFTPADDING", (0, 0), (-1, -1), 8), ("TOPPADDING", (0, 0), (-1, -1), 6)]))
        story += [Spacer(1, 10 * mm), box]
    return story


def _catalogue(data: FilingPacket, pages: dict[str, int]) -> list[Any]:
    """卷内目录: the printed sections with the pages they are on, then the filed documents that are
    inserted after them, numbered on from there."""
    head = ["序号", "文件编号", "责任者", "文件题名", "日期", "页次", "备注"]
    builder = data.plan.builder or data.settings.name
    acc = data.acceptance
    documents = {d.seq: d for d in (data.filing.documents if data.filing else [])}
    printed = "本案卷打印"
    # the printed sections in the order they are printed: a scanned document as itself
    sections = [
        ("", builder, "竣工验收记录", acc.accepted_on if acc else None, "acceptance", printed),
        ("", data.survey.surveyor if data.survey else "", "调查摸底情况摘要",
         data.survey.surveyed_on if data.survey else None, "survey", printed),
    ]
    for seq in data.scans:
        doc = documents[seq]
        sections.append((doc.doc_no, doc.issuer, doc.title, doc.doc_date, f"document{seq}", doc.note or printed))
    if data.photos:
        sections.append(("", builder, f"现场照片（{len(data.photos)} 张）", None, "photos", printed))
    keys = [section[4] for section in sections] + ["back_note"]
    rows, number = [head], 0
    for n, (doc_no, issuer, title, when, key, note) in enumerate(sections):
        number += 1
        start, end = pages.get(key, 0), pages.get(keys[n + 1], 0) - 1
        rows.append([str(number), doc_no, issuer, title, _short(when), _range(start, end), note])
    # Filed documents not printed here (paper, PDF scans) follow the packet, 备考表 included, in the volume.
    next_page = pages.get("total", 0) + 1 if pages.get("total") else 0
    for doc in documents.values():
        if doc.seq in data.scans:
            continue
        number += 1
        end = next_page + doc.pages - 1
        rows.append([str(number), doc.doc_no, doc.issuer, doc.title, _short(doc.doc_date), _range(next_page, end),
                     doc.note or f"{doc.medium}，另附"])
        next_page = end + 1
    widths = [11 * mm, 27 * mm, 32 * mm, 52 * mm, 18 * mm, 19 * mm, 21 * mm]
    st = style(8.5, leading=11)
    table = Table([[para(plain(c), st) for c in row] for row in rows], colWidths=widths, repeatRows=1)
    table.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), FONT, 8.5), ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                               ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                               ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#E8E8E8"))]))
    return [*_heading("卷 内 目 录"), table]


def _short(value: date | None) -> str:
    return "" if value is None else value.strftime("%Y%m%d")


def _range(start: int, end: int) -> str:
    if start <= 0:
        return ""
    return str(start) if end <= start else f"{start}–{end}"


def _acceptance(data: FilingPacket) -> list[Any]:
    plan, acc = data.plan, data.acceptance
    rows = [
        ["工程名称", data.project_name, "工程地点", f"{data.alley.subdistrict}{data.alley.community}"],
        ["建设单位", plan.builder, "类别", plan.category or "（未填写）"],
        ["设计单位", plan.designer, "施工单位", plan.contractor],
        ["监理单位", plan.supervisor, "合同金额(万元)", wan(plan.contract_amount_yuan)],
        ["开工日期", _d(plan.start_on), "竣工日期", _d(plan.completion_on)],
        ["验收日期", _d(acc.accepted_on) if acc else "", "竣工结算(万元)", wan(acc.settlement_yuan) if acc else ""],
        ["改造内容", "、".join(data.measure_names), "", ""],
        ["验收结论", (acc.result if acc else "尚未验收"), "", ""],
        ["存在问题", (acc.defects if acc else "") or "无", "", ""],
        ["整改情况", (acc.rectification if acc else "") or "—", "", ""],
    ]
    if plan.category == "精品类" and acc is not None and acc.lamp_positions:
        installed, working = acc.lamps_installed or 0, acc.lamps_working or 0
        rows.append(["路灯核查", f"应设 {acc.lamp_positions} 盏，已装 {installed} 盏（装灯率 "
                     f"{installed / acc.lamp_positions:.0%}），亮灯 {working} 盏（亮灯率 "
                     f"{(working / installed if installed else 0):.0%}）", "", ""])
    table = _grid(rows, [25 * mm, 65 * mm, 28 * mm, 62 * mm], size=9.5, label_cols=(0, 2))
    spans = [("SPAN", (1, r), (3, r)) for r in range(6, len(rows))]
    table.setStyle(TableStyle(spans + [("BACKGROUND", (2, r), (3, r), colors.white) for r in range(6, len(rows))]))
    units = [
        ("建设单位", acc.builder_unit if acc else plan.builder, acc.builder_rep if acc else ""),
        ("设计单位", acc.designer_unit if acc else plan.designer, acc.designer_rep if acc else ""),
        ("施工单位", acc.contractor_unit if acc else plan.contractor, acc.contractor_rep if acc else ""),
        ("监理单位", acc.supervisor_unit if acc else plan.supervisor, acc.supervisor_rep if acc else ""),
    ]
    st = style(9.5, leading=15)
    blocks = [para(f"{role}（盖章）<br/>{plain(name)}<br/><br/>项目负责人（签字）：{plain(rep)}<br/><br/>"
                   f"{'&nbsp;' * 16}年{'&nbsp;' * 4}月{'&nbsp;' * 4}日", st) for role, name, rep in units]
    signatures = Table([blocks[:2], blocks[2:]], colWidths=[WIDTH / 2] * 2, rowHeights=[42 * mm] * 2)
    signatures.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), FONT, 9.5), ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                                    ("VALIGN", (0, 0), (-1, -1), "TOP"), ("TOPPADDING", (0, 0), (-1, -1), 6)]))
    return [*_heading("竣工验收记录"), table, Spacer(1, 6 * mm), KeepTogether([signatures])]


def _survey(data: FilingPacket) -> list[Any]:
    s = data.survey
    if s is None:
        return [*_heading("调查摸底情况摘要"), para("该街巷没有调查摸底记录。", style(11))]
    lamp_rate = f"{s.lamps_installed / s.lamp_positions:.0%}" if s.lamp_positions else "—"
    working_rate = f"{s.lamps_working / s.lamps_installed:.0%}" if s.lamps_installed else "—"
    a = data.alley
    rows = [
        ["街巷名称", a.name, "街巷编码", a.code],
        ["调查日期", _d(s.surveyed_on), "调查人", s.surveyor],
        ["长度(米)", _num(s.length_m), "平均宽度(米)", _num(s.avg_width_m)],
        ["面积(平方米)", _num(s.area_m2), "人口 / 户数 / 商户", f"{_num(s.population)} / {_num(s.households)} / {_num(s.shops)}"],
        ["违法建筑", f"{s.illegal_buildings} 处，{s.illegal_building_m2:g} 平方米", "逾期临时构筑物", f"{s.overdue_temp_structures} 处"],
        ["违规广告牌", f"{s.illegal_billboards} 块", "地锁地桩石墩", f"{s.ground_locks} 个"],
        ["卫生死角", f"{s.dead_corners} 处", "垃圾裸露点", f"{s.exposed_garbage_points} 处"],
        ["公共厕所", f"{s.public_toilets} 座（有异味 {s.toilets_with_odour} 座）", "分类投放设施", f"{s.sorting_bins} 处"],
        ["路面", ("已硬化" if s.road_hardened else "未硬化") + f"，破损 {s.road_damaged_m2:g} 平方米，坑洼 {s.potholes} 处",
         "架空线缆", f"乱拉乱挂 {s.tangled_cable_spans} 档"],
        ["路灯", f"应设 {s.lamp_positions} 盏，已装 {s.lamps_installed} 盏，亮灯 {s.lamps_working} 盏",
         "装灯率 / 亮灯率", f"{lamp_rate} / {working_rate}"],
        ["监控 / 消防栓", f"{s.cameras} 个 / {s.hydrants} 个", "停车位", f"{s.parking_spaces} 个"],
        ["历史文化元素", "、".join(s.heritage) or "无", "绿地(平方米)", f"{s.green_m2:g}"],
    ]
    facts = _grid(rows, [28 * mm, 62 * mm, 32 * mm, 58 * mm], size=9, label_cols=(0, 2))
    pipe_rows = [["管线种类", "敷设年份", "状况", "雨污分流"]] + [
        [p.kind, str(p.year_laid or ""), p.condition,
         {True: "已分流", False: "未分流", None: "—"}[p.rain_sewage_separated]] for p in s.pipes
    ]
    pipes = _grid(pipe_rows, [45 * mm] * 4, size=9)
    notes = _grid([["发现问题", s.problems_found or "无"], ["群众诉求", s.residents_requests or "无"]],
                  [28 * mm, 152 * mm], size=9, label_cols=(0,))
    return [*_heading("调查摸底情况摘要"), facts, Spacer(1, 5 * mm),
            para("地下管网", style(11, leading=16, space_after=3)), pipes, Spacer(1, 5 * mm), notes]


def _num(value: float | int | None) -> str:
    return "" if value is None else f"{value:g}"


def _photos(data: FilingPacket, sizing: bool = False) -> list[Any]:
    story: list[Any] = [*_heading("现 场 照 片")]
    for n, photo in enumerate(data.photos, start=1):
        width, height = _fit(photo.data, WIDTH, 105 * mm)
        if sizing or photo.path is None:
            image = Spacer(width, height)
        else:
            image = Image(str(photo.path), width=width, height=height, mask=None, lazy=2)
        caption = para(f"照片 {n}：{plain(photo.caption)}", style(10, align="center", leading=14, space_after=6))
        story += [CondPageBreak(height + 12 * mm), image, caption]
    return story


def _scan(scan: Photo, sizing: bool = False) -> list[Any]:
    """A document filed as a picture, printed as that document: its title, then the picture filling
    the page."""
    width, height = _fit(scan.data, WIDTH, 235 * mm)
    image: Any = Spacer(width, height) if sizing or scan.path is None else Image(
        str(scan.path), width=width, height=height, mask=None, lazy=2)
    return [*_heading(scan.caption), image]


def _fit(data: bytes, max_width: float, max_height: float) -> tuple[float, float]:
    """The printed size of an image scaled to fit inside the box, keeping its proportions."""
    from PIL import Image as PILImage

    with PILImage.open(io.BytesIO(data)) as picture:  # reads the header only
        width, height = picture.size
    scale = min(max_width / width, max_height / height)
    return width * scale, height * scale


def _printable(photos: list[Photo]) -> tuple[list[Photo], list[str]]:
    """The photos as they print — a large one scaled down to what a page shows, a picture bomb or
    a damaged file left out — and a line for the cover naming each one left out."""
    kept, left_out = [], []
    for photo in photos:
        ready = printable(photo.data)
        if isinstance(ready, str):
            left_out.append(f"照片「{photo.file_name}」无法读取（{ready}），未打印")
            continue
        data, suffix = ready
        kept.append(Photo(data, photo.caption, str(Path(safe_name(photo.file_name, "照片")).with_suffix(suffix))))
    return kept, left_out


def _back_note(data: FilingPacket, pages: dict[str, int]) -> list[Any]:
    filing = data.filing
    printed = max(pages.get("back_note", 1) - pages.get("acceptance", 1), 0)
    filed = sum(d.pages for d in filing.documents if d.seq not in data.scans) if filing else 0
    text = f"本案卷共有文件材料 {printed + filed} 页，其中：文字材料 {printed - (_photo_pages(pages)) + filed} 页，" \
           f"图样材料 0 张，照片 {len(data.photos)} 张。"
    missing = ("<br/>资料不全，尚缺：" + "、".join(plain(m) for m in data.missing)) if data.missing else ""
    rows = [
        [para(text + missing, style(11, leading=18))],
        [para("说明：" + ("存放位置：" + plain(filing.location) if filing and filing.location else ""),
              style(11, leading=18))],
        [para(f"立卷人：{plain(filing.compiler if filing else '')}{'&nbsp;' * 10}"
              f"日期：{_d(filing.compiled_on) if filing else ''}", style(11, leading=18))],
        [para(f"检查人：{plain(filing.checker if filing else '')}{'&nbsp;' * 10}"
              f"日期：{_d(filing.checked_on) if filing else ''}", style(11, leading=18))],
    ]
    table = Table(rows, colWidths=[WIDTH], rowHeights=[60 * mm, 60 * mm, 20 * mm, 20 * mm])
    table.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), FONT, 11), ("BOX", (0, 0), (-1, -1), 0.8, colors.black),
                               ("LINEBELOW", (0, 0), (-1, 1), 0.5, colors.black), ("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("TOPPADDING", (0, 0), (-1, -1), 8), ("LEFTPADDING", (0, 0), (-1, -1), 8)]))
    return [*_heading("卷 内 备 考 表"), table]


def _photo_pages(pages: dict[str, int]) -> int:
    if "photos" not in pages:
        return 0
    return max(pages.get("back_note", 0) - pages["photos"], 0)
