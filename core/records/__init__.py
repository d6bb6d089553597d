"""Record models (pydantic v2) for everything the ledger keeps (domain.md §2)."""

from core.records.acceptance import Acceptance
from core.records.alley import Alley
from core.records.common import Record, Yuan, build, chinese_messages
from core.records.county import CountySettings, YearTarget
from core.records.filing import Filing, FilingDocument, FilingUnit
from core.records.plan import BOUTIQUE, MILESTONES, STANDARD, Plan, PlanMeasure, ProgressEntry
from core.records.problem import Problem
from core.records.survey import PIPE_KINDS, PipeRow, Survey

__all__ = [
    "Acceptance",
    "Alley",
    "BOUTIQUE",
    "CountySettings",
    "Filing",
    "FilingDocument",
    "FilingUnit",
    "MILESTONES",
    "PIPE_KINDS",
    "PipeRow",
    "Plan",
    "PlanMeasure",
    "Problem",
    "ProgressEntry",
    "Record",
    "STANDARD",
    "Survey",
    "YearTarget",
    "Yuan",
    "build",
    "chinese_messages",
]
