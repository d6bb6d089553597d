"""竣工验收, 备案归档, 问题台账: the records of part 2, shown read-only until their forms arrive."""

from __future__ import annotations

from pydantic import BaseModel

from core import browse
from core.browse import Table
from core.records import Acceptance, Alley, Filing, Plan, Problem
from gui.forms import RecordForm
from gui.pages.library import PLACE_FILTERS
from gui.pages.records import RecordPage


class _PlanRecordPage(RecordPage):
    read_only = True

    def describe(self, record: BaseModel | None) -> str:
        if record is None:
            return self.model.label
        plan = self.session.ledger.get(Plan, record.plan_id)
        alley = self.session.ledger.get(Alley, plan.alley_id)
        return f"{alley.name} {plan.year}{self.tr('年')} {self.model.label}"

    def after_load(self, record: BaseModel | None) -> None:
        self.form.set_read_only(self.form.field_names, True)


class AcceptancesPage(_PlanRecordPage):
    name = "acceptances"
    title = "竣工验收"
    model = Acceptance
    columns = browse.ACCEPTANCE_COLUMNS
    filters = (*PLACE_FILTERS, ("year", "年度"), ("result", "验收结论"))

    def make_form(self) -> RecordForm:
        return RecordForm(Acceptance, [
            (self.tr("验收"), ["accepted_on", "result", "settlement_yuan", "rectified_on"]),
            (self.tr("参建单位"), ["builder_unit", "builder_rep", "designer_unit", "designer_rep",
                                "contractor_unit", "contractor_rep", "supervisor_unit", "supervisor_rep"]),
            (self.tr("问题和整改"), ["defects", "rectification"]),
            (self.tr("路灯"), ["lamp_positions", "lamps_installed", "lamps_working"]),
            (self.tr("评价"), ["standard_eval_by", "standard_eval_on", "standard_eval_result",
                             "boutique_eval_by", "boutique_eval_on", "boutique_eval_result"]),
        ], self)

    def load_table(self) -> Table:
        return browse.acceptance_table(self.session.ledger)


class FilingsPage(_PlanRecordPage):
    name = "filings"
    title = "备案归档"
    model = Filing
    columns = browse.FILING_COLUMNS
    filters = (*PLACE_FILTERS, ("year", "年度"), ("status", "状态"))

    def make_form(self) -> RecordForm:
        return RecordForm(Filing, [
            (self.tr("备案"), ["filing_no", "filed_on", "receiving_department", "contract_price_yuan",
                             "construction_permit_no", "planning_permit_no", "quality_supervisor"]),
            (self.tr("归档"), ["archive_no", "box_no", "volume_no", "retention", "security", "location",
                             "archived_on", "compiler", "compiled_on", "checker", "checked_on"]),
        ], self)

    def load_table(self) -> Table:
        return browse.filing_table(self.session.ledger)


class ProblemsPage(RecordPage):
    name = "problems"
    title = "问题台账"
    model = Problem
    columns = browse.PROBLEM_COLUMNS
    filters = (*PLACE_FILTERS, ("source", "来源"), ("assigned_department", "部门"), ("status", "状态"))
    read_only = True

    def make_form(self) -> RecordForm:
        return RecordForm(Problem, [
            (self.tr("问题"), ["source", "category", "reported_on", "urgency", "description"]),
            (self.tr("交办和办理"), ["assigned_department", "assigned_on", "handled_on", "result"]),
            (self.tr("反馈和销号"), ["feedback_on", "satisfaction", "closed_on"]),
        ], self)

    def load_table(self) -> Table:
        return browse.problem_table(self.session.ledger)

    def describe(self, record: BaseModel | None) -> str:
        if record is None:
            return Problem.label
        alley = self.session.ledger.get(Alley, record.alley_id)
        return f"{alley.name} {record.reported_on} {Problem.label}"

    def after_load(self, record: BaseModel | None) -> None:
        self.form.set_read_only(self.form.field_names, True)
