"""统计总览: one programme year at a glance — progress against the county's target, funding and the
deadlines coming up, with charts drawn by plain QPainter (QtCharts is not in PySide6-Essentials).

Every number comes from :func:`core.overview.gather_overview`, run on a worker; the page only lays
out and draws. Each chart can be saved as a PNG image of the size it has on screen.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QImage, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from core.errors import LedgerError
from core.money import wan
from core.outputs import check_output
from core.overview import Overview, gather_overview
from gui import dialogs
from gui.pages.year_page import YearPage
from gui.session import Session

STAGE_COLOURS = {  # lighter to darker as a plan gets further
    "列入计划": QColor("#d9dee5"),
    "已开工": QColor("#9ec5e8"),
    "已竣工": QColor("#4f8fcf"),
    "已验收": QColor("#5fae6e"),
    "已备案": QColor("#2e7040"),
}
TARGET_COLOUR = QColor("#c0392b")
TEXT_COLOUR = QColor("#222222")
MUTED_COLOUR = QColor("#666666")
URGENT_COLOUR = QColor("#b00020")


def _percent(part: int, whole: int | None) -> str:
    return f"{part * 100 // whole}%" if whole else ""


class Chart(QWidget):
    """A chart drawn with QPainter from an :class:`Overview`; ``image()`` gives it as a picture."""

    title = ""
    """The chart's name (its group box title and the suggested file name)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.data: Overview | None = None
        self._background = QColor("white")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(360, 170)

    def set_data(self, data: Overview | None) -> None:
        self.data = data
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(560, 280)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        self._background = self.palette().window().color()
        self._paint(painter)
        painter.end()

    def image(self) -> QImage:
        """The chart as it shows, on white, at the widget's size."""
        image = QImage(self.size(), QImage.Format.Format_ARGB32)
        image.fill(QColor("white"))
        painter = QPainter(image)
        self._background = QColor("white")
        self._paint(painter, titled=True)
        painter.end()
        return image

    def _paint(self, painter: QPainter, *, titled: bool = False) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setFont(self.font())
        rect = QRectF(self.rect()).adjusted(8, 6, -8, -6)
        if titled and self.data is not None:
            # a picture pasted into a report carries its own title (on screen the group box has it)
            bold = QFont(self.font())
            bold.setBold(True)
            painter.setFont(bold)
            height = QFontMetrics(bold).height() + 4
            painter.setPen(TEXT_COLOUR)
            painter.drawText(QRectF(rect.left(), rect.top(), rect.width(), height), Qt.AlignmentFlag.AlignLeft,
                             self.tr("{0} {1} 年 {2}").format(self.data.county, self.data.year, self.tr(self.title)))
            painter.setFont(self.font())
            rect.setTop(rect.top() + height)
        if self.data is None:
            painter.setPen(MUTED_COLOUR)
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, self.tr("正在统计……"))
            return
        self.draw(painter, rect, self.data)

    def draw(self, painter: QPainter, rect: QRectF, data: Overview) -> None:
        raise NotImplementedError

    # shared drawing
    def _bar_rows(self, painter: QPainter, rect: QRectF, rows: list[tuple[str, int, QColor, str]],
                  scale: int, marker: tuple[int, str] | None) -> None:
        """Horizontal bars: (label, value, colour, text after the bar), and a dashed marker line."""
        metrics = QFontMetrics(painter.font())
        label_w = max(metrics.horizontalAdvance(r[0]) for r in rows) + 10
        text_w = max(metrics.horizontalAdvance(r[3]) for r in rows) + 10
        left, right = rect.left() + label_w, rect.right() - text_w
        width = max(right - left, 10)
        top = rect.top() + (metrics.height() + 4 if marker else 0)
        step = (rect.bottom() - top) / max(len(rows), 1)
        bar_h = min(step * 0.66, 26)
        scale = max(scale, 1)
        texts = []
        for n, (label, value, colour, text) in enumerate(rows):
            y = top + n * step + (step - bar_h) / 2
            painter.setPen(TEXT_COLOUR)
            painter.drawText(QRectF(rect.left(), y, label_w - 8, bar_h),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, label)
            length = width * min(value, scale) / scale
            painter.fillRect(QRectF(left, y, length, bar_h), colour)
            texts.append((QRectF(left + length + 4, y, metrics.horizontalAdvance(text) + 4, bar_h), text))
        if marker is not None:
            value, text = marker
            x = left + width * min(value, scale) / scale
            pen = QPen(TARGET_COLOUR, 1.5, Qt.PenStyle.DashLine)
            painter.setPen(pen)
            painter.drawLine(int(x), int(top), int(x), int(rect.bottom()))
            painter.setPen(TARGET_COLOUR)
            text_w = metrics.horizontalAdvance(text)
            painter.drawText(QRectF(min(x - text_w / 2, rect.right() - text_w), rect.top(), text_w + 2,
                                    metrics.height()), Qt.AlignmentFlag.AlignLeft, text)
        patch = QColor(self._background)
        patch.setAlpha(210)
        for box, text in texts:  # over the marker line, on a patch of background so the line does not cross them
            painter.fillRect(box, patch)
            painter.setPen(TEXT_COLOUR)
            painter.drawText(box, Qt.AlignmentFlag.AlignCenter, text)


class CountyChart(Chart):
    """The county's plans at each stage against the year's target, and 精品 against the quota."""

    title = "全县进度"

    def draw(self, painter: QPainter, rect: QRectF, data: Overview) -> None:
        total, target = data.total, data.target
        stages = [(name, value, STAGE_COLOURS[name],
                   f"{value} 条" + (f"（{_percent(value, target)}）" if target else ""))
                  for name, value in total.stages()]
        quota = data.boutique_quota
        eligible = total.boutique_eligible
        boutique = [
            ("精品类方案", total.boutique, QColor("#e8c766"), f"{total.boutique} 条"),
            ("符合精品条件", eligible, QColor("#d4a017"),
             f"{eligible} 条" + (f"（{_percent(eligible, quota)}）" if quota else "")),
            ("评为精品", total.rated_boutique, QColor("#a67c00"), f"{total.rated_boutique} 条"),
        ]
        metrics = QFontMetrics(painter.font())
        split = rect.top() + (rect.height() - metrics.height()) * 0.66
        scale = max([target or 0, *(v for _, v, _, _ in stages)])
        marker = (target, self.tr("年度任务 {0} 条").format(target)) if target else None
        self._bar_rows(painter, QRectF(rect.left(), rect.top(), rect.width(), split - rect.top()),
                       stages, scale, marker)
        b_scale = max([quota or 0, *(v for _, v, _, _ in boutique)])
        b_marker = (quota, self.tr("精品任务 {0} 条").format(quota)) if quota else None
        self._bar_rows(painter, QRectF(rect.left(), split + 4, rect.width(), rect.bottom() - split - 4),
                       boutique, b_scale, b_marker)
        if target is None:
            painter.setPen(MUTED_COLOUR)
            painter.drawText(rect, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop,
                             self.tr("未填写年度任务（设置 → 年度任务）"))


class SubdistrictChart(Chart):
    """Each sub-district's plans as nested bars: listed, started, completed, accepted, filed."""

    title = "各街道进度"

    def draw(self, painter: QPainter, rect: QRectF, data: Overview) -> None:
        rows = data.by_subdistrict
        metrics = QFontMetrics(painter.font())
        # legend
        x = rect.left()
        for name, colour in STAGE_COLOURS.items():
            painter.fillRect(QRectF(x, rect.top() + 3, 12, 12), colour)
            painter.setPen(TEXT_COLOUR)
            painter.drawText(QRectF(x + 16, rect.top(), 80, metrics.height() + 2),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, name)
            x += 22 + metrics.horizontalAdvance(name)
        top = rect.top() + metrics.height() + 8
        if not rows:
            painter.setPen(MUTED_COLOUR)
            painter.drawText(QRectF(rect.left(), top, rect.width(), rect.bottom() - top),
                             Qt.AlignmentFlag.AlignCenter, self.tr("本年度没有改造方案"))
            return
        texts = [self.tr("开工 {0} · 竣工 {1} · 验收 {2} · 备案 {3} / 计划 {4}").format(
            r.started, r.completed, r.accepted, r.filed, r.planned) for r in rows]
        label_w = max(metrics.horizontalAdvance(r.name) for r in rows) + 10
        text_w = max(metrics.horizontalAdvance(t) for t in texts) + 10
        left, width = rect.left() + label_w, max(rect.width() - label_w - text_w, 10)
        scale = max(max(r.planned for r in rows), 1)
        step = (rect.bottom() - top) / len(rows)
        bar_h = min(step * 0.7, 22)
        for n, (row, text) in enumerate(zip(rows, texts, strict=True)):
            y = top + n * step + (step - bar_h) / 2
            painter.setPen(TEXT_COLOUR)
            painter.drawText(QRectF(rect.left(), y, label_w - 8, bar_h),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, row.name)
            for name, value in row.stages():  # each stage drawn over the one before it
                painter.fillRect(QRectF(left, y, width * value / scale, bar_h), STAGE_COLOURS[name])
            painter.setPen(TEXT_COLOUR)
            painter.drawText(QRectF(left + width + 6, y, text_w, bar_h),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, text)


class FundingChart(Chart):
    """The year's funds in 万元: subsidy, bonus, boutique awards, clawback and the total."""

    title = "资金情况"

    def draw(self, painter: QPainter, rect: QRectF, data: Overview) -> None:
        metrics = QFontMetrics(painter.font())
        painter.setPen(MUTED_COLOUR)
        heading = self.tr("{0} 个方案，总投资 {1} 万元（金额单位：万元）").format(
            data.funding["plans"], wan(data.funding["total_investment_yuan"], thousands=True))
        if data.funding_note:  # a year outside the programme: nothing below is paid
            painter.setPen(URGENT_COLOUR)
            heading = data.funding_note
        painter.drawText(QRectF(rect.left(), rect.top(), rect.width(), metrics.height() + 2),
                         Qt.AlignmentFlag.AlignLeft, heading)
        colours = [QColor("#4f8fcf"), QColor("#5fae6e"), URGENT_COLOUR, QColor("#d4a017"), QColor("#2c3e50")]
        lines = data.funding_lines()
        rows = [(name, yuan, colour, ("−" if name == "扣回资金" and yuan else "") + wan(yuan, thousands=True))
                for (name, yuan), colour in zip(lines, colours, strict=True)]
        scale = max(yuan for _, yuan, _, _ in rows)
        self._bar_rows(painter, QRectF(rect.left(), rect.top() + metrics.height() + 6, rect.width(),
                                       rect.height() - metrics.height() - 6), rows, scale, None)


class OverviewPage(YearPage):
    """统计总览 of one programme year."""

    name = "overview"
    title = "统计总览"
    data: Overview | None

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(session, parent)
        bar = self.year_bar
        self.heading = QLabel(self)
        self.heading.setObjectName("heading")
        self.heading.setStyleSheet("font-size: 15px; font-weight: bold;")
        self.status_line = self.heading
        bar.addWidget(self.heading, 1)

        self.cards: dict[str, QLabel] = {}
        cards = QHBoxLayout()
        cards.setSpacing(8)
        for key, caption in (("target", "年度任务"), ("planned", "列入计划"), ("started", "已开工"),
                             ("completed", "已竣工"), ("accepted", "已验收"), ("filed", "已备案"),
                             ("boutique", "符合条件精品类 / 精品任务"), ("funds", "补助奖励合计(万元)")):
            card = QLabel(self)
            card.setObjectName(f"card_{key}")
            card.setFrameShape(QFrame.Shape.StyledPanel)
            card.setAlignment(Qt.AlignmentFlag.AlignCenter)
            card.setMinimumHeight(58)
            card.setTextFormat(Qt.TextFormat.RichText)
            card.setProperty("caption", self.tr(caption))
            card.setWordWrap(True)  # long captions take two lines on a narrow screen instead of being cut
            card.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
            cards.addWidget(card)
            self.cards[key] = card

        self.charts: dict[str, Chart] = {}
        self.export_buttons: dict[str, QPushButton] = {}
        grid = QGridLayout()
        grid.setSpacing(8)
        county_box = self._chart_box("county", CountyChart(self))
        sub_box = self._chart_box("subdistricts", SubdistrictChart(self))
        funding_box = self._chart_box("funding", FundingChart(self))
        deadlines_box = QGroupBox(self.tr("近期期限"), self)
        box_layout = QVBoxLayout(deadlines_box)
        self.problem_summary = QLabel(deadlines_box)
        self.problem_summary.setObjectName("problem_summary")
        box_layout.addWidget(self.problem_summary)
        self.deadlines = QTableWidget(0, 4, deadlines_box)
        self.deadlines.setObjectName("deadlines")
        self.deadlines.setHorizontalHeaderLabels([self.tr("事项"), self.tr("期限"), self.tr("状态"), self.tr("情况")])
        self.deadlines.verticalHeader().hide()
        self.deadlines.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.deadlines.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        # Every column in view, the text wrapped inside it: the box is half a 1024-px screen wide.
        self.deadlines.setWordWrap(True)
        self.deadlines.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        header = self.deadlines.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.deadlines.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        box_layout.addWidget(self.deadlines, 1)
        grid.addWidget(county_box, 0, 0)
        grid.addWidget(sub_box, 0, 1)
        grid.addWidget(funding_box, 1, 0)
        grid.addWidget(deadlines_box, 1, 1)
        grid.addWidget(self._satisfaction_box(), 2, 0, 1, 2)
        grid.setColumnStretch(0, 2)
        grid.setColumnStretch(1, 3)
        grid.setRowStretch(0, 3)
        grid.setRowStretch(1, 3)
        grid.setRowStretch(2, 2)

        inner = QWidget(self)
        inner_layout = QVBoxLayout(inner)
        inner_layout.setContentsMargins(0, 0, 0, 0)
        inner_layout.addLayout(cards)
        inner_layout.addLayout(grid, 1)
        inner.setMinimumSize(820, 720)  # 820: fits a 1024-pixel screen beside the modules list
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(inner)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(bar)
        layout.addWidget(scroll, 1)

    def _satisfaction_box(self) -> QGroupBox:
        """Satisfaction shares (002: 满意 / 基本满意 / 不满意) per department and per month of the year."""
        box = QGroupBox(self.tr("群众满意度（按承办部门、按月，每轮办理评价一次）"), self)
        layout = QHBoxLayout(box)
        self.satisfaction: dict[str, QTableWidget] = {}
        for key, first in (("department", self.tr("承办部门")), ("month", self.tr("月份"))):
            table = QTableWidget(0, 6, box)
            table.setObjectName(f"satisfaction_{key}")
            table.setHorizontalHeaderLabels([first, self.tr("评价"), self.tr("满意"), self.tr("基本满意"),
                                             self.tr("不满意"), self.tr("满意率")])
            table.verticalHeader().hide()
            table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
            table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
            table.setWordWrap(False)
            table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
            table.setToolTip(self.tr("满意率 = （满意 + 基本满意）÷ 评价次数；不满意后再次办理的，再次评价另计一次"))
            layout.addWidget(table, 1)
            self.satisfaction[key] = table
        return box

    def _fill_satisfaction(self, data: Overview) -> None:
        for key, rows in (("department", data.satisfaction_by_department), ("month", data.satisfaction_by_month)):
            table = self.satisfaction[key]
            table.setRowCount(len(rows))
            for r, row in enumerate(rows):
                cells = (row.name, str(row.rated), f"{row.satisfied}（{row.share(row.satisfied)}）",
                         f"{row.basic}（{row.share(row.basic)}）", f"{row.unsatisfied}（{row.share(row.unsatisfied)}）",
                         row.satisfied_share)
                last = r == len(rows) - 1  # the total
                for c, text in enumerate(cells):
                    item = QTableWidgetItem(text)
                    if c:
                        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                    if last or (c == 4 and row.unsatisfied):
                        font = QFont(item.font())
                        font.setBold(True)
                        item.setFont(font)
                    if c == 4 and row.unsatisfied:
                        item.setForeground(URGENT_COLOUR)
                    table.setItem(r, c, item)
            table.resizeColumnsToContents()
            table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
            if not rows:
                table.setRowCount(1)
                table.setItem(0, 0, QTableWidgetItem(self.tr("本年度还没有群众评价")))

    def _chart_box(self, key: str, chart: Chart) -> QGroupBox:
        box = QGroupBox(self.tr(chart.title), self)
        chart.setObjectName(f"chart_{key}")
        layout = QVBoxLayout(box)
        layout.addWidget(chart, 1)
        button = QPushButton(self.tr("导出图片…"), box)
        button.setObjectName(f"export_{key}")
        button.setToolTip(self.tr("把这张图保存为 PNG 图片，可插入报告或通报"))
        button.clicked.connect(lambda: self.export_chart(key))
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(button)
        layout.addLayout(row)
        self.charts[key] = chart
        self.export_buttons[key] = button
        return box

    # ---------------------------------------------------------------- loading
    @staticmethod
    def gather(ledger: Any, year: int, progress: Callable[[int, str], None], cancelled: Callable[[], bool]
               ) -> Overview:
        """The year's figures (a 10,000-alley county takes a few tenths of a second)."""
        return gather_overview(ledger, year, progress=progress, cancel=cancelled)

    def reading(self, year: int) -> str:
        return self.tr("正在统计 {0} 年……").format(year)

    def show_failure(self, message: str) -> None:
        """Told in a dialog, the heading left as it was (the overview reads a county not set up too,
        so what fails here is the disk or a bug)."""
        dialogs.warn(self, self.tr("统计总览"), message)

    def show_year(self, data: Overview) -> None:
        total, target = data.total, data.target
        self.heading.setText(self.tr("{0} {1} 年背街小巷改造进展（统计至 {2}）").format(
            data.county, data.year, data.as_of.isoformat()))

        def card(key: str, value: str, note: str = "") -> None:
            label = self.cards[key]
            small = f"<br><span style='color:#666; font-size:11px'>{note}</span>" if note else ""
            label.setText(f"<span style='color:#555'>{label.property('caption')}</span><br>"
                          f"<span style='font-size:20px; font-weight:bold'>{value}</span>{small}")

        card("target", str(target) if target is not None else self.tr("未填写"),
             self.tr("条") if target is not None else self.tr("设置 → 年度任务"))
        for key in ("planned", "started", "completed", "accepted", "filed"):
            value = getattr(total, key)
            note = self.tr("占任务 {0}").format(_percent(value, target)) if target else ""
            if key == "accepted" and total.failed:  # a line of its own: a narrow card would cut it
                note = (note + "<br>" if note else "") + self.tr("不合格 {0}").format(total.failed)
            card(key, str(value), note)
        quota = data.boutique_quota
        # The quota counts only 精品类 plans that meet the conditions for 精品 (R2, R8).
        short = total.boutique - total.boutique_eligible
        notes = [self.tr("评为精品 {0} 条").format(total.rated_boutique)]
        if short:
            notes.insert(0, self.tr("{0} 条不具备条件").format(short))
        card("boutique", f"{total.boutique_eligible} / {quota if quota is not None else '—'}", "<br>".join(notes))
        card("funds", wan(data.funding["total_yuan"], thousands=True),
             self.tr("扣回 {0}").format(wan(data.funding["clawback_yuan"], thousands=True))
             if data.funding["clawback_yuan"] else "")
        for chart in self.charts.values():
            chart.set_data(data)
        self._fill_deadlines(data)
        self._fill_satisfaction(data)

    def _fill_deadlines(self, data: Overview) -> None:
        rows: list[tuple[str, str, str, str, bool]] = []
        for d in data.deadlines:
            when = f"{d.due.isoformat()}（{d.rule}）" if d.due else d.rule
            rows.append((d.title, when, d.status, d.note, d.urgent))
        unassigned = self.tr("未交办")
        for p in data.problems:
            due = p.due.isoformat() + (self.tr("（暂定）") if p.provisional else "")
            what = self.tr("问题：{0} {1}").format(p.alley_code, p.alley_name)
            note = f"{p.urgency}｜{p.department or unassigned}｜{p.description}"
            rows.append((what, due, p.status, note, p.overdue))
        self.deadlines.setRowCount(len(rows))
        for r, (what, when, status, note, urgent) in enumerate(rows):
            for c, text in enumerate((what, when, status, note)):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                if urgent and c == 2:
                    item.setForeground(URGENT_COLOUR)
                    font = QFont(item.font())
                    font.setBold(True)
                    item.setFont(font)
                self.deadlines.setItem(r, c, item)
        text = self.tr("未办结问题 {0} 条，其中超期 {1} 条，即将到期 {2} 条").format(
            data.open_problems, data.overdue_problems, data.due_soon_problems)
        if data.provisional:
            text += self.tr("；部分期限所在年份尚无节假日安排，按周一至周五暂定，请在“设置”中导入该年节假日表")
        self.problem_summary.setText(text)
        self.problem_summary.setToolTip(text)

    # ---------------------------------------------------------------- export
    def export_chart(self, key: str) -> str | None:
        """Ask where, then save chart ``key`` as a PNG of the size it shows; the path, or None."""
        chart = self.charts[key]
        if self.data is None:
            return None
        suggested = f"{self.data.county}{self.data.year}年{chart.title}.png"
        out = dialogs.save_file(self, self.tr("导出图片"), suggested, self.tr("PNG 图片 (*.png)"), suffix=".png")
        if out is None:
            return None
        try:
            check_output(out)  # never over the database or a file the program holds open
        except LedgerError as error:
            dialogs.warn(self, self.tr("导出图片"), str(error))
            return None
        if not chart.image().save(str(out), "PNG"):
            dialogs.warn(self, self.tr("导出图片"), self.tr("无法写入「{0}」，请换一个位置或文件名").format(out))
            return None
        self.status_message.emit(self.tr("已导出图片到 {0}").format(out))
        return str(out)
