"""街巷库, 调查摸底 and 改造方案: the pages where a clerk types the records of part 1."""

from __future__ import annotations

import html
from datetime import date
from pathlib import Path
from typing import Any

from pydantic import BaseModel
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from core import browse
from core.browse import Table
from core.codes import propose_alley_code
from core.money import wan
from core.records import MILESTONES, Alley, Plan, Survey
from core.review import investment_gap, lamp_rates, review
from gui import dialogs
from gui.attachments import PhotoBox
from gui.fields import AlleyEditor
from gui.forms import RecordForm
from gui.pages.editors import MeasuresEditor, PipesEditor
from gui.pages.progress import ProgressBox
from gui.pages.records import RecordPage, findings_html
from gui.session import Session
from gui.workers import Job

PLACE_FILTERS = (("subdistrict", "街道"), ("community", "社区"))


class AlleysPage(RecordPage):
    print_label = "打印调查表…"
    name = "alleys"
    title = "街巷库"
    # the status column follows the surveys, plans, acceptances and filings; R1 the profile
    shows = frozenset({"alleys", "surveys", "plans", "acceptances", "filings", "settings"})
    model = Alley
    columns = browse.ALLEY_COLUMNS
    filters = (*PLACE_FILTERS, ("year", "年度"), ("category", "类别"), ("status", "状态"))

    def make_form(self) -> RecordForm:
        return RecordForm(Alley, [
            (self.tr("基本情况"), ["code", "name", "subdistrict", "community", "area_type", "road_class",
                                  "start_point", "end_point", "direction", "length_m", "red_line_width_m"]),
            (self.tr("人口和商户"), ["households", "population", "shops"]),
            (self.tr("街巷长和网格员"), ["chief", "chief_phone", "grid_worker", "grid_worker_phone"]),
            (self.tr("起止点坐标"), ["start_lng", "start_lat", "end_lng", "end_lat"]),
            (self.tr("备注"), ["notes"]),
        ], self)

    def load_table(self, ledger: Any) -> Table:
        return browse.alley_table(ledger)

    def new_defaults(self) -> dict[str, Any]:
        """A new alley is offered the next code of the county, as the import numbers new alleys."""
        return {"code": propose_alley_code(self.session.ledger)}

    def after_load(self, record: BaseModel | None) -> None:
        # An alley's code is its identity in every ledger sent upward: typed once, never changed.
        self.form.set_read_only(["code"], record is not None)

    def describe(self, record: BaseModel | None) -> str:
        return self.tr("新街巷") if record is None else f"{record.name}（{record.code}）"

    def review_html(self, record: BaseModel | None) -> str:
        return findings_html(review(self.session.ledger, alley=record).findings, tr=self.tr)

    def print_current(self):
        """Ctrl+P: the survey form (调查摸底表) pre-filled with this alley's basic data."""
        record = self.form.record
        return print_survey_form(self, record.code if record is not None else None)


def print_survey_form(page: RecordPage, code: str | None):
    from core.printing.survey_form import render_survey_form, survey_form_data
    from gui.preview import preview_document

    return preview_document(page, QCoreApplication.translate("SurveyForm", "调查摸底表"), lambda ledger: survey_form_data(ledger, code),
                            render_survey_form, file_name=f"调查摸底表{code or ''}.pdf")


class AlleyChildPage(RecordPage):
    """A page whose records belong to an alley picked in the form (surveys, plans, problems)."""

    required = ("alley_id",)

    def gather(self, ledger: Any) -> dict[str, Any]:
        # the alleys on offer follow the database: one just added, or another file opened
        return {**super().gather(ledger), "alleys": browse.alley_choices(ledger)}

    def apply(self, data: dict[str, Any]) -> None:
        self.form.editors["alley_id"].set_choices(data["alleys"])
        super().apply(data)


class SurveysPage(AlleyChildPage):
    print_label = "打印调查表…"
    name = "surveys"
    title = "调查摸底"
    shows = frozenset({"alleys", "surveys", "plans", "settings"})  # R2–R3 weigh the plans against the survey
    model = Survey
    columns = browse.SURVEY_COLUMNS
    filters = PLACE_FILTERS

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(session, parent)
        self.job: Job | None = None
        # the survey's photos (domain §2): the state of the alley before the works, printed in the packet
        self.photo_box = PhotoBox(self, self.tr("现场照片"), self.tr("请先保存调查摸底记录，再添加照片"),
                                  hint=self.tr("可以把照片直接拖到上面的框里；双击打开。"), amendment=self._amendment)
        self.photos = self.photo_box.list
        self.below_form.addWidget(self.photo_box)
        row = QHBoxLayout()
        row.addWidget(self.photo_box.add_button)
        row.addStretch(1)
        self.actions.addLayout(row)

    def after_load(self, record: BaseModel | None) -> None:
        self.photos.show_files(record)

    def add_photos(self, paths: list[Path] | None = None) -> Job | None:
        """Store photos with the survey on screen (it must have been saved once)."""
        return self.photo_box.add(paths)

    def _amendment(self, survey: Survey) -> str | None:
        """The survey prints in a filed plan's packet: its photos change only as an amendment, with a reason."""
        locked = self.session.ledger.locked_by(survey)
        if not locked:
            return ""
        return dialogs.amendment_reason(self, self.tr(
            "这份调查摸底印在 {0} 归档锁定的案卷里，添加照片须作为“更正”并填写原因（记入操作日志）：").format(locked[:10]))

    def make_form(self) -> RecordForm:
        self.pipes = PipesEditor()
        form = RecordForm(Survey, [
            (self.tr("调查"), ["alley_id", "surveyed_on", "surveyor"]),
            (self.tr("规模和人口"), ["length_m", "avg_width_m", "area_m2", "population", "households", "shops"]),
            (self.tr("二拆：违法建设"), ["illegal_buildings", "illegal_building_m2", "overdue_temp_structures",
                                      "illegal_billboards", "ground_locks"]),
            (self.tr("一清：环境卫生"), ["dead_corners", "exposed_garbage_points", "public_toilets",
                                      "toilets_with_odour", "sorting_bins"]),
            (self.tr("三改：道路"), ["road_damaged_m2", "potholes", "ponding_points", "sidewalk_defects",
                                  "missing_covers", "road_hardened", "signage_ok", "accessible", "dead_end"]),
            (self.tr("三改：线缆"), ["tangled_cable_spans", "cables_can_go_underground"]),
            (self.tr("地下管网"), ["pipes"]),
            (self.tr("四补：安全设施"), ["lamp_positions", "lamps_installed", "lamps_working", "cameras",
                                      "hydrants", "extinguishers", "fire_lane_marked"]),
            (self.tr("四补：绿化、文化、停车"), ["green_m2", "green_gaps", "parking_spaces", "heritage"]),
            (self.tr("问题和诉求"), ["problems_found", "residents_requests"]),
        ], self, custom={"alley_id": AlleyEditor([]), "pipes": self.pipes})
        self.rates = QLabel(form)
        self.rates.setObjectName("lamp_rates")
        form.layout().insertWidget(form.layout().count() - 1, self.rates)
        form.changed.connect(lambda _: self._show_rates())
        return form

    def _show_rates(self) -> None:
        """装灯率 and 亮灯率 from the lamp counts as typed (R5 asks 100 % and 95 % for 精品类)."""
        def count(name: str) -> int | None:
            editor = self.form.editors[name]
            try:
                return editor.read(editor.raw())  # a count's NumberEditor: core.entry reads the text
            except ValueError:
                return None
        install, shine = lamp_rates(count("lamp_positions"), count("lamps_installed"), count("lamps_working"))
        self.rates.setText(self.tr("装灯率 {0}　亮灯率 {1}").format(install, shine))

    def load_table(self, ledger: Any) -> Table:
        return browse.survey_table(ledger)

    def new_defaults(self) -> dict[str, Any]:
        return {"surveyed_on": date.today()}

    def describe(self, record: BaseModel | None) -> str:
        if record is None:
            return self.tr("新调查摸底")
        alley = self.session.ledger.get(Alley, record.alley_id) if record.alley_id else None
        surveyed = self.tr("调查")
        return f"{alley.name if alley else ''} {record.surveyed_on} {surveyed}"

    def review_html(self, record: BaseModel | None) -> str:
        if record is None or record.alley_id is None:
            return ""
        return findings_html(review(self.session.ledger, survey=record).findings, tr=self.tr)

    def print_current(self):
        """Ctrl+P: the survey form pre-filled with the alley of the survey on screen."""
        record = self.form.record
        alley = self.session.ledger.get(Alley, record.alley_id) if record is not None else None
        return print_survey_form(self, alley.code if alley is not None else None)


class PlansPage(AlleyChildPage):
    print_label = "打印案卷…"
    name = "plans"
    title = "改造方案"
    # the 月调度进度 box under the milestones shows the plan's progress reports
    shows = frozenset({"alleys", "surveys", "plans", "progress", "acceptances", "filings", "settings"})
    model = Plan
    columns = browse.PLAN_COLUMNS
    filters = (*PLACE_FILTERS, ("year", "年度"), ("category", "类别"), ("status", "状态"))

    def make_form(self) -> RecordForm:
        self.measures = MeasuresEditor(self.session.ledger.profile())
        milestones = []
        for planned, actual, _ in MILESTONES:
            milestones += [planned, actual]
        form = RecordForm(Plan, [
            (self.tr("方案"), ["alley_id", "year", "category"]),
            (self.tr("改造内容（一清二拆三改四补）"), ["measures", "content_text"]),
            (self.tr("投资（万元）"), ["total_investment_yuan", "contract_amount_yuan", "funding_central_yuan",
                                  "funding_region_yuan", "funding_city_yuan", "funding_county_yuan",
                                  "funding_social_yuan"]),
            (self.tr("参建单位"), ["builder", "designer", "contractor", "supervisor", "tender_method",
                                "winning_bidder", "contract_no"]),
            (self.tr("进度节点（计划 / 实际）"), milestones),
            (self.tr("备注"), ["notes"]),
            (self.tr("撤销（移出本年度清单，记录保留）"), ["withdrawn_on", "withdrawn_reason"]),
        ], self, custom={"alley_id": AlleyEditor([]), "measures": self.measures})
        # the monthly reports follow the milestones they report on; they are records of their own,
        # saved by their own dialog, not with the plan
        self.progress_box = ProgressBox(self, form)
        milestones_box = form.editors["completion_on"].widget.parentWidget()
        form.layout().insertWidget(form.layout().indexOf(milestones_box) + 1, self.progress_box)
        return form

    def after_load(self, record: BaseModel | None) -> None:
        self.progress_box.show_plan(record)

    def load_table(self, ledger: Any) -> Table:
        return browse.plan_table(ledger)

    def new_defaults(self) -> dict[str, Any]:
        return {"year": date.today().year, "category": "达标类"}

    def describe(self, record: BaseModel | None) -> str:
        if record is None:
            return self.tr("新改造方案")
        alley = self.session.ledger.get(Alley, record.alley_id) if record.alley_id else None
        category = record.category or self.tr("（未填类别）")
        withdrawn = self.tr("（已撤销）") if record.withdrawn_on else ""
        year = self.tr("{0}年").format(record.year)
        return f"{alley.name if alley else ''} {year}{category}{withdrawn}"

    def review_html(self, record: BaseModel | None) -> str:
        if record is None or record.alley_id is None:
            return ""
        result = review(self.session.ledger, plan=record)
        money = ""
        f = result.funding
        if f is not None:
            lines = [self.tr("资金测算（R7）：补助 {0} 万元，奖励 {1} 万元，扣回 {2} 万元，精品奖补 {3} 万元，合计 {4} 万元").format(
                wan(f.subsidy_yuan), wan(f.bonus_yuan), wan(f.clawback_yuan), wan(f.boutique_award_yuan),
                wan(f.total_yuan))]
            lines += [r for r in dict.fromkeys((f.bonus_reason, f.clawback_reason, f.award_reason)) if r]
            money = "<p style='margin:2px 0'>" + "<br>".join(html.escape(x) for x in lines) + "</p>"
        gap = investment_gap(record)
        if gap:
            money += "<p style='margin:2px 0;color:#a65f00'>" + html.escape(gap) + "</p>"
        return findings_html(result.findings, money, tr=self.tr)

    def print_current(self):
        """Ctrl+P: the filing packet (备案归档案卷) of the plan on screen."""
        from core.printing.filing_packet import filing_packet_data, render_filing_packet
        from gui.preview import preview_document

        record = self.form.record
        if record is None:
            return None
        code = self.session.ledger.get(Alley, record.alley_id).code
        return preview_document(self, self.tr("备案归档案卷"),
                                lambda ledger: filing_packet_data(ledger, code, year=record.year),
                                render_filing_packet, file_name=f"备案归档案卷{code}-{record.year}.pdf")
