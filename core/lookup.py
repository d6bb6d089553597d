"""Finding one record by what a clerk knows of it: the alley's code, the plan's year, the survey's
date, a problem's number (编号) — for the command line, which names records that way."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING

from core.errors import LedgerError, NotFound
from core.records import Alley, Problem, Record

if TYPE_CHECKING:
    from core.store import Ledger

RECORD_KINDS = ("alley", "survey", "plan", "progress", "acceptance", "filing", "problem")
"""The kinds of record a command names (as :meth:`core.store.Ledger.record_identity` calls them)."""


def find_record(ledger: Ledger, kind: str, *, alley_code: str | None = None, year: int | None = None,
                on: date | None = None, record_id: int | None = None) -> Record:
    """The one record of ``kind`` that the keys name: an alley by its code; a survey by its alley
    and date; a plan, its acceptance or filing by alley and year; a progress report by plan and
    date; a problem by its number. Where an alley has several surveys (or a plan several reports)
    and ``on`` does not tell them apart, ``record_id`` does; otherwise :class:`LedgerError` lists them."""
    if kind not in RECORD_KINDS:
        raise LedgerError(f"没有“{kind}”这类记录（可选：{'、'.join(RECORD_KINDS)}）")
    if kind == "problem":
        if record_id is None:
            raise LedgerError("请给出问题的编号（alley-ledger list problems 的“编号”一列）")
        try:
            return ledger.get(Problem, record_id)
        except NotFound:
            deleted = ledger.deletion(Problem, record_id)
            if not deleted:
                raise
            raise NotFound(f"没有编号为 {record_id} 的问题：它{deleted}") from None
    if not alley_code:
        raise LedgerError("请给出街巷编码")
    alley = ledger.alley(alley_code)
    if kind == "alley":
        return alley
    if kind == "survey":
        surveys = [s for s in ledger.surveys(alley.id) if on is None or s.surveyed_on == on]
        return _one(surveys, _alley(alley) + (f"{on} " if on is not None else ""), "调查摸底", "份", record_id,
                    [(s.id, str(s.surveyed_on)) for s in surveys], dated=on is not None)
    if year is None:
        raise LedgerError("请给出方案年度（--year）")
    plan = next((p for p in ledger.plans(alley_id=alley.id) if p.year == year), None)
    if plan is None:
        raise LedgerError(f"{_alley(alley)}没有 {year} 年的改造方案")
    if kind == "plan":
        return plan
    if kind == "acceptance":
        acceptance = ledger.acceptance_for(plan.id)
        if acceptance is None:
            raise LedgerError(f"{_alley(alley)}{year} 年方案没有竣工验收记录")
        return acceptance
    if kind == "filing":
        filing = ledger.filing_for(plan.id)
        if filing is None:
            raise LedgerError(f"{_alley(alley)}{year} 年方案没有备案归档记录")
        return filing
    reports = [r for r in ledger.progress(plan_id=plan.id) if on is None or r.reported_on == on]
    return _one(reports, f"{_alley(alley)}{year} 年方案" + (f" {on} " if on is not None else ""), "月调度进度", "条",
                record_id, [(r.id, str(r.reported_on)) for r in reports], dated=on is not None)


def _one(found: Sequence[Record], where: str, label: str, unit: str, record_id: int | None,
         listed: list[tuple[int | None, str]], *, dated: bool) -> Record:
    """The one record ``found``; else a refusal that lists them, advising what tells them apart
    (``dated``: the date was given already, so only the number can)."""
    if record_id is not None:
        found = [r for r in found if r.id == record_id]
        if not found:
            raise LedgerError(f"{where}没有编号为 {record_id} 的{label}")
    if not found:
        raise LedgerError(f"{where}没有{label}")
    if len(found) > 1:
        shown = "、".join(f"{day}（编号 {rid}）" for rid, day in listed)
        advice = "--id 编号" if dated else "--on 日期 或 --id 编号"
        raise LedgerError(f"{where}有 {len(found)} {unit}{label}：{shown}；请用 {advice} 指明是哪一{unit}")
    return found[0]


def _alley(alley: Alley) -> str:
    return f"街巷「{alley.name}」（{alley.code}）"


__all__ = ["RECORD_KINDS", "find_record"]
