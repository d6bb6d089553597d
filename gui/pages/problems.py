"""问题台账 (R10): register a problem, its deadline in working days, handling, feedback, rating, 销号."""

from __future__ import annotations

import html
from datetime import date
from pathlib import Path
from typing import Any

from pydantic import BaseModel
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QHBoxLayout, QWidget

from core import actions, browse
from core.browse import Table
from core.records import Alley, Problem
from core.records.problem import SECOND_ROUND, has_second_round
from core.rules import HolidayCalendar
from core.workflow import NEXT_STEP, close_refusal, deadline_text
from gui import dialogs
from gui.attachments import PhotoBox
from gui.buttons import Button
from gui.fields import AlleyEditor
from gui.forms import RecordForm
from gui.pages.library import PLACE_FILTERS, AlleyChildPage
from gui.session import Session
from gui.workers import Job

ALERT_COLOURS = {"逾期": QColor("#fde2e2"), "反馈逾期": QColor("#fde2e2"), "上报逾期": QColor("#fde2e2"),
                 "将到期": QColor("#fff3cd")}


class ProblemsPage(AlleyChildPage):
    name = "problems"
    title = "问题台账"
    shows = frozenset({"alleys", "problems", "settings", "holidays"})  # deadlines in working days
    model = Problem
    columns = browse.PROBLEM_COLUMNS
    filters = (*PLACE_FILTERS, ("status", "状态"), ("alert", "提醒"), ("assigned_department", "部门"),
               ("source", "来源"))

    def __init__(self, session: Session, parent: QWidget | None = None):
        self.calendar: HolidayCalendar | None = None
        super().__init__(session, parent)
        alert = 1 + [c.key for c in self.columns].index("alert")
        self.table_model.row_colour = lambda row: ALERT_COLOURS.get(row[alert])
        self.photo_box = PhotoBox(self, self.tr("照片"), self.tr("请先保存问题，再添加照片"))
        self.photos = self.photo_box.list
        self.photos.setMinimumHeight(110)
        row = QHBoxLayout()  # under the form, in view on any screen
        self.close_button = Button(self.tr("销号"), self)
        self.close_button.setObjectName("close_problem")
        self.close_button.clicked.connect(self.close_problem)
        row.addWidget(self.photo_box.add_button)
        row.addStretch(1)
        row.addWidget(self.close_button)
        self.actions.addLayout(row)
        self.below_form.addWidget(self.photo_box)

    def make_form(self) -> RecordForm:
        form = RecordForm(Problem, [
            (self.tr("问题"), ["alley_id", "source", "category", "reported_on", "urgency", "description"]),
            (self.tr("反映人（回复群众用）"), ["complainant", "complainant_phone", "ticket_no"]),
            (self.tr("交办和办理"), ["assigned_department", "assigned_on", "handled_on", "unable", "escalated_on",
                                 "escalated_to", "result"]),
            (self.tr("反馈和评价"), ["feedback_on", "satisfaction"]),
            (self.tr("不满意的再次办理"), list(SECOND_ROUND)),
            (self.tr("销号"), ["closed_on", "closing_note"]),
        ], self, custom={"alley_id": AlleyEditor([])})
        # The second round is there only for a problem rated 不满意 (or one that had it already).
        self.second_round_box = form.editors["second_assigned_on"].widget.parentWidget()
        form.changed.connect(lambda _: self._show_second_round())
        return form

    def _show_second_round(self) -> None:
        editors = self.form.editors
        begun = any(editors[name].raw() not in ("", None) for name in SECOND_ROUND)
        self.second_round_box.setVisible(has_second_round(editors["satisfaction"].raw() or None, begun))

    def load_table(self, ledger: Any) -> Table:
        return browse.problem_table(ledger)

    def apply(self, data: dict[str, Any]) -> None:
        # the holiday calendar for the deadlines shown as the clerk types, read once per refresh
        # (loading a year's holiday table in 设置 refreshes every page)
        self.calendar = HolidayCalendar.from_ledger(self.session.ledger)
        super().apply(data)

    def new_defaults(self) -> dict[str, Any]:
        return {"reported_on": date.today(), "urgency": "一般", "source": "网格巡查"}

    def describe(self, record: BaseModel | None) -> str:
        if record is None:
            return self.tr("登记新问题")
        alley = self.session.ledger.get(Alley, record.alley_id)
        problem = self.tr("问题")
        return f"{alley.name} {record.reported_on} {problem}（{record.status}）"

    def after_load(self, record: BaseModel | None) -> None:
        self.photos.show_files(record)
        self.close_button.setEnabled(record is not None and record.closed_on is None)
        self._show_second_round()

    def review_html(self, record: BaseModel | None) -> str:
        """The deadlines in working days (provisional without a holiday table), what is still due, and
        the alley's grid worker (who patrols it)."""
        if record is None or record.alley_id is None:
            return ""
        parts = [html.escape(deadline_text(self.session.ledger, record, self.calendar))]
        refused = close_refusal(record)
        if refused:
            parts.append(f"<span style='color:#b00020'>{html.escape(refused)}</span>")
        elif record.closed_on is None:
            parts.append(html.escape(self.tr("下一步：{0}").format(NEXT_STEP.get(record.status, ""))))
        alley = self.session.ledger.get(Alley, record.alley_id)
        if alley.grid_worker:
            parts.append(html.escape(self.tr("网格员：{0} {1}").format(alley.grid_worker, alley.grid_worker_phone)))
        return "<br>".join(parts)

    def close_problem(self) -> bool:
        """销号 today: only a handled problem whose result was fed back (R10); saved at once with what
        the form holds (core.actions.close_problem)."""
        if self.form.record is None:
            return False
        self.form.finish_editing()
        current = self.form.current
        if current is None:
            dialogs.warn(self, self.tr("不能销号"), self.form.problem_text())
            return False
        return self.write(current, action=lambda record, reason: actions.close_problem(
            self.session.ledger, record, reason=reason), title="不能销号")

    def add_photos(self, paths: list[Path] | None = None) -> Job | None:
        """Store photos with the problem, on a worker (a phone's photos run to several MB each)."""
        return self.photo_box.add(paths)
