"""竣工验收: the acceptance of each completed plan, refused before its completion (R9), and printed."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from core import browse
from core.browse import Table
from core.records import Acceptance, Alley, Plan
from core.review import review
from core.workflow import acceptance_defaults, acceptance_refusal
from gui import dialogs
from gui.forms import RecordForm
from gui.pages.library import PLACE_FILTERS
from gui.pages.records import RecordPage, findings_html


class PlanKeyedPage(RecordPage):
    """A page of records that belong one-to-one to a plan: one table row per plan (row id = plan id),
    the form showing the plan's record, or a new one for it."""

    can_create = False

    def plan_record(self, plan_id: int) -> BaseModel | None:
        raise NotImplementedError

    def plan_defaults(self, plan: Plan) -> dict[str, Any]:
        return {"plan_id": plan.id}

    def load_record(self, row_id: int) -> tuple[BaseModel | None, dict[str, Any]]:
        plan = self.session.ledger.get(Plan, row_id)
        return self.plan_record(row_id), self.plan_defaults(plan)

    def row_id_of(self, record: BaseModel) -> int | None:
        return record.plan_id

    def empty_row_id(self, row_id: int) -> int | None:
        return row_id

    def save(self) -> bool:
        if self.record_id is None and self.form.is_dirty():
            dialogs.warn(self, self.tr("不能保存"), self.tr("请先在左边的表中选择一个改造方案"))
            return False
        return super().save()

    def plan_of_row(self) -> Plan | None:
        return self.session.ledger.get(Plan, self.record_id) if self.record_id is not None else None

    def describe(self, record: BaseModel | None) -> str:
        plan = self.plan_of_row()
        if plan is None:
            return self.model.label
        alley = self.session.ledger.get(Alley, plan.alley_id)
        state = "" if record is not None else self.tr("（新）")
        year = self.tr("{0}年").format(plan.year)
        return f"{alley.name} {year}{self.model.label}{state}"


class AcceptancesPage(PlanKeyedPage):
    print_label = "打印验收记录…"
    name = "acceptances"
    title = "竣工验收"
    shows = frozenset({"alleys", "plans", "acceptances", "settings"})
    model = Acceptance
    columns = browse.ACCEPTANCE_COLUMNS
    filters = (*PLACE_FILTERS, ("year", "年度"), ("status", "状态"), ("result", "验收结论"))

    def make_form(self) -> RecordForm:
        return RecordForm(Acceptance, [
            (self.tr("验收"), ["accepted_on", "result", "settlement_yuan", "rectified_on"]),
            (self.tr("参建单位和代表"), ["builder_unit", "builder_rep", "designer_unit", "designer_rep",
                                    "contractor_unit", "contractor_rep", "supervisor_unit", "supervisor_rep"]),
            (self.tr("存在问题和整改"), ["defects", "rectification"]),
            (self.tr("精品类安全设施：路灯"), ["lamp_positions", "lamps_installed", "lamps_working"]),
            (self.tr("达标、精品评价"), ["standard_eval_by", "standard_eval_on", "standard_eval_result",
                                    "boutique_eval_by", "boutique_eval_on", "boutique_eval_result"]),
        ], self)

    def load_table(self, ledger: Any) -> Table:
        return browse.acceptance_table(ledger)

    def plan_record(self, plan_id: int) -> BaseModel | None:
        return self.session.ledger.acceptance_for(plan_id)

    def plan_defaults(self, plan: Plan) -> dict[str, Any]:
        return acceptance_defaults(plan)

    def review_html(self, record: BaseModel | None) -> str:
        """The R9 refusal, R5 lamp rates and what R6/R7 say of the evaluations while the clerk types."""
        if record is None:
            return ""
        refused = acceptance_refusal(self.session.ledger, record)
        cannot = self.tr("不能保存：")
        text = f"<p style='color:#b00020'><b>{cannot}</b>{refused}</p>" if refused else ""
        own = f"acceptances/{record.id}"
        findings = [f for f in review(self.session.ledger, acceptance=record, rules=("R5", "R6", "R7"),
                                      money=False).findings if f.rule == "R5" or f.record == own]
        return text + findings_html(findings, tr=self.tr)

    def print_current(self):
        """Ctrl+P: the acceptance record (竣工验收记录) with the four units' signature blocks."""
        from core.printing.filing_packet import filing_packet_data, render_acceptance_record
        from gui.preview import preview_document

        plan = self.plan_of_row()
        if plan is None:
            return None
        code = self.session.ledger.get(Alley, plan.alley_id).code
        return preview_document(self, self.tr("竣工验收记录"),
                                lambda ledger: filing_packet_data(ledger, code, year=plan.year),
                                render_acceptance_record, file_name=f"竣工验收记录{code}-{plan.year}.pdf")
