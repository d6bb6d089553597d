"""Findings: what a rule says about a record."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import ROUND_DOWN, Decimal
from typing import Any, Literal

Severity = Literal["error", "warning", "info"]
SEVERITY_LABEL: dict[str, str] = {"error": "错误", "warning": "警告", "info": "提示"}
SEVERITY_ORDER: dict[str, int] = {"error": 0, "warning": 1, "info": 2}


@dataclass(frozen=True)
class Finding:
    """One rule result: which rule, which record, the facts used, what is wrong and what to do."""

    rule: str
    severity: Severity
    message: str
    advice: str
    alley_code: str | None = None
    year: int | None = None
    record: str = ""
    """``table/id`` of the record the finding is about, e.g. ``plans/12``; empty for county-level."""
    facts: dict[str, Any] = field(default_factory=dict)

    @property
    def severity_label(self) -> str:
        """错误 / 警告 / 提示."""
        return SEVERITY_LABEL[self.severity]

    def to_json(self) -> dict[str, Any]:
        """The finding as the ``check --json`` contract spells it (plus advice, record and facts)."""
        return {
            "rule": self.rule,
            "severity": self.severity,
            "alley_code": self.alley_code,
            "year": self.year,
            "message": self.message,
            "advice": self.advice,
            "record": self.record,
            "facts": {k: _plain(v) for k, v in self.facts.items()},
        }


def _plain(value: Any) -> Any:
    if value is None or isinstance(value, (bool, int, float, str)):  # most facts: first
        return value
    if isinstance(value, (list, tuple, set)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    return str(value)


def sort_key(finding: Finding) -> tuple:
    """Order findings by year, alley, severity and rule number, county-level first."""
    rule_no = int(finding.rule[1:]) if finding.rule[1:].isdigit() else 99
    return (finding.year or 0, finding.alley_code or "", SEVERITY_ORDER[finding.severity], rule_no)


def rate_text(part: int, whole: int) -> str:
    """``part / whole`` as a percentage the way a rule judges it (see :func:`percent_text`): 249 of
    250 lamps is 99.6%, never 100%."""
    if not whole:
        return "—"
    return percent_text(Decimal(part) / Decimal(whole))


def percent_text(fraction: Decimal) -> str:
    """A rate as a percentage: whole numbers as they are (95%), others to one decimal rounded down
    (0.9995: 99.9%), so a rate short of a requirement never prints as meeting it."""
    exact = fraction * 100
    if exact == exact.to_integral_value():
        return f"{int(exact)}%"
    return f"{exact.quantize(Decimal('0.1'), rounding=ROUND_DOWN)}%"
