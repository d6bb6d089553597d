"""The county's rule findings (检查结果) for one year, as the 检查结果 page, its Excel export and its
printed list show them: every finding of R1–R11 with the alley's name and place, what to do, and
where in the program the record it is about can be opened.

The rules run here exactly as ``alley-ledger check`` runs them (:func:`core.rules.check`); this
module only adds the alley names and the way to each record. Nothing here imports Qt.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from core.errors import checker
from core.rules import Dataset, Finding, check
from core.rules.findings import SEVERITY_LABEL
from core.store import queries

if TYPE_CHECKING:
    from core.store import Ledger

COUNTY_WIDE = "全县"
"""What the alley columns show for a county-level finding (R8's targets)."""

PAGE_OF_TABLE: dict[str, str] = {
    "alleys": "alleys", "plans": "plans", "acceptances": "acceptances", "filings": "filings",
    "problems": "problems", "county": "settings",
}
"""The program's page (``--page`` name) that shows each kind of record a finding is about."""

EXPORT_HEADERS = ("序号", "规则", "级别", "街巷编码", "街巷名称", "所在街道", "所在社区", "年度", "问题", "建议")
EXPORT_WIDTHS = (6, 6, 6, 14, 12, 10, 10, 6, 60, 50)


@dataclass(frozen=True)
class FindingRow:
    """One finding with the alley it concerns and the page row to open for it."""

    number: int
    """Its place in the list (1, 2, …): the row id of the page's table."""
    finding: Finding
    alley_name: str
    subdistrict: str
    community: str
    page: str
    """The page that shows the record (alleys, plans, acceptances, filings, problems, settings)."""
    row_id: int | None
    """The row to select on that page (pages of acceptances and filings are keyed by the plan)."""

    @property
    def rule(self) -> str:
        return self.finding.rule

    @property
    def severity(self) -> str:
        """错误 / 警告 / 提示."""
        return self.finding.severity_label

    @property
    def alley_code(self) -> str:
        return self.finding.alley_code or ""

    def cells(self) -> list[Any]:
        """The row as the export and the printed list show it (see :data:`EXPORT_HEADERS`)."""
        f = self.finding
        return [self.number, f.rule, f.severity_label, f.alley_code or COUNTY_WIDE, self.alley_name,
                self.subdistrict, self.community, f.year, f.message, f.advice]


@dataclass
class FindingsList:
    """Every finding of the county for a year (or a part of them, as filtered)."""

    county: str
    year: int | None
    as_of: date
    rows: list[FindingRow]
    filter_text: str = ""
    """The filter that chose ``rows`` in words (empty: all of them)."""
    printed_on: date = field(default_factory=date.today)

    @property
    def title(self) -> str:
        year = f"{self.year}年" if self.year is not None else ""
        return f"{self.county}{year}背街小巷整治改造规则检查结果"

    def counts(self) -> dict[str, int]:
        """Findings by severity: error, warning, info."""
        found: Counter[str] = Counter(r.finding.severity for r in self.rows)
        return {key: found[key] for key in SEVERITY_LABEL}

    def summary(self) -> str:
        """E.g. 共 120 条：错误 3，警告 100，提示 17（按 2026-12-01 判断期限）."""
        c = self.counts()
        return (f"共 {len(self.rows)} 条：错误 {c['error']}，警告 {c['warning']}，提示 {c['info']}"
                f"（按 {self.as_of} 判断期限）")

    def chosen(self, rows: Sequence[FindingRow], filter_text: str) -> FindingsList:
        """The same list narrowed to ``rows`` (what the page shows after filtering)."""
        return FindingsList(self.county, self.year, self.as_of, list(rows), filter_text, self.printed_on)


def gather_findings(ledger: Ledger, year: int | None, *, as_of: date | None = None,
                    progress: Callable[[int, str], None] | None = None,
                    cancel: Callable[[], bool] | None = None) -> FindingsList:
    """Run R1–R11 over the county for ``year`` (every year when None) as of ``as_of`` (today) and
    return the findings in the order ``check`` gives them, each with its alley and page row.

    A 10,000-alley county takes about a second: run it on a worker.
    """
    with ledger.snapshot():  # the records the rules read, as of one moment
        return _gather_findings(ledger, year, as_of=as_of, progress=progress, cancel=cancel)


def _gather_findings(ledger: Ledger, year: int | None, *, as_of: date | None = None,
                     progress: Callable[[int, str], None] | None = None,
                     cancel: Callable[[], bool] | None = None) -> FindingsList:
    step = checker(progress, cancel, "检查已取消")
    step(5, "读取记录")
    ds = Dataset.from_ledger(ledger, as_of=as_of)
    step(20, "按规则检查")
    findings = check(ds, year=year)
    step(85, "整理检查结果")
    alleys = queries.alley_places(ledger)
    plan_of = queries.plans_of_records(ledger)
    rows = []
    for number, finding in enumerate(findings, 1):
        name, sub, com = alleys.get(finding.alley_code or "", ("", "", ""))
        page, row_id = locate(finding.record, plan_of, finding.rule)
        rows.append(FindingRow(number, finding, name if finding.alley_code else COUNTY_WIDE, sub, com, page, row_id))
    settings = ds.settings
    step.report(100, "完成")
    return FindingsList(settings.name if settings else "", year, ds.as_of, rows)


def locate(record: str, plan_of: dict[tuple[str, int], int], rule: str = "") -> tuple[str, int | None]:
    """The page and row that show ``record`` (``plans/12``): acceptances and filings are shown in
    rows of their plan; R11 (filing and archive) is put right on 备案归档 even before a filing exists;
    a county-level finding opens 设置 (the targets)."""
    table, _, text = record.partition("/")
    page = "filings" if rule == "R11" else PAGE_OF_TABLE.get(table, "")
    if not text.isdigit():
        return page, None
    record_id = int(text)
    if table in ("acceptances", "filings"):
        return page, plan_of.get((table, record_id))
    return page, record_id


__all__ = ["COUNTY_WIDE", "EXPORT_HEADERS", "FindingRow", "FindingsList", "PAGE_OF_TABLE", "gather_findings", "locate"]
