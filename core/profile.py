"""Policy profiles (政策配置): every parameter of the rules, read from ``data/profiles/*.toml``.

A profile is data. Adding a province or a new programme is a new TOML file in that folder; the
rules read their numbers from the :class:`Profile` and never carry literals of their own.
"""

from __future__ import annotations

import calendar
import tomllib
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    PlainValidator,
    ValidationError,
    field_validator,
    model_validator,
)

from core.errors import Place, ProfileError
from core.paths import package_data_dir
from core.records.common import chinese_messages, repeated
from core.records.survey import Survey


class _Section(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class MonthDay(str):
    """A yearly deadline written ``MM-DD`` or ``MM-end`` (last day of the month)."""

    def on(self, year: int) -> date:
        """The deadline's date in ``year``."""
        return _month_day_on(str(self), year)


@lru_cache(maxsize=1024)
def _month_day_on(text: str, year: int) -> date:
    month_text, day_text = text.split("-")
    month = int(month_text)
    day = calendar.monthrange(year, month)[1] if day_text == "end" else int(day_text)
    return date(year, month, day)


def _month_day(value: object) -> MonthDay:
    if isinstance(value, MonthDay):
        return value
    try:
        if not isinstance(value, str):
            raise TypeError
        month_text, day_text = value.split("-")
        month = int(month_text)
        if not 1 <= month <= 12:
            raise ValueError
        if day_text != "end":
            date(2024, month, int(day_text))  # a leap year accepts every real month-day
    except (ValueError, AttributeError, TypeError):
        raise ValueError(f"「{value}」不是“月-日”格式（如 06-30 或 02-end）") from None
    return MonthDay(value)


MonthDayField = Annotated[MonthDay, PlainValidator(_month_day)]


class Meta(_Section):
    id: str = Field(min_length=1)
    title: str = Field(min_length=1)
    region_name: str = "自治区"
    programme_years: list[int] = Field(min_length=1)
    """The years whose plans the programme funds (R7); plans of other years get nothing from it."""
    sources: list[str] = Field(default_factory=list)

    @field_validator("programme_years")
    @classmethod
    def _distinct_years(cls, value: list[int]) -> list[int]:
        twice = repeated(value)
        if twice:
            raise ValueError(f"年度 {'、'.join(map(str, twice))} 重复")
        return sorted(value)

    def programme_span(self) -> str:
        """The programme's years as the seed writes them: 2022—2024年, or 2022、2024年 with gaps."""
        years = self.programme_years
        if len(years) > 1 and years == list(range(years[0], years[-1] + 1)):
            return f"{years[0]}—{years[-1]}年"
        return "、".join(map(str, years)) + "年"


class AlleyRules(_Section):
    max_red_line_m: Decimal = Field(gt=0)
    back_alley_road_classes: list[str] = Field(min_length=1)


class CategoryRules(_Section):
    boutique_min_supplements: int = Field(ge=0)


class PipeRules(_Section):
    priority_kinds: list[str] = Field(min_length=1)
    pipe_priority_age_years: int = Field(ge=1)
    no_dig_years: int = Field(ge=0)


class LightingRules(_Section):
    lamp_install_rate: Decimal = Field(ge=0, le=1)
    lamp_working_rate: Decimal = Field(ge=0, le=1)


class Deadlines(_Section):
    survey: MonthDayField
    plan: MonthDayField
    contract: MonthDayField
    start: MonthDayField
    completion: MonthDayField
    standard_evaluation_before: MonthDayField
    standard_evaluation_days: int = Field(ge=0, le=366)
    """A plan accepted later than this many days before ``standard_evaluation_before`` is evaluated
    within this many days of its acceptance."""
    boutique_evaluation_month: int = Field(ge=1, le=12)


class EvaluationRules(_Section):
    """Who evaluates the renovated alleys (000 §二(四)): named when a result is overdue."""

    standard_by: str = Field(min_length=1)
    boutique_by: str = Field(min_length=1)


class FundingRules(_Section):
    subsidy_rate: Decimal = Field(ge=0, le=1)
    bonus_rate: Decimal = Field(ge=0, le=1)
    bonus_deadline: MonthDayField
    completion_deadline: MonthDayField
    clawback: list[Literal["subsidy", "bonus", "award"]]
    """The funds taken back in full when construction misses the completion deadline."""
    boutique_award_yuan: int = Field(ge=0)
    rounding: Literal["ROUND_HALF_UP", "ROUND_HALF_EVEN", "ROUND_DOWN"] = "ROUND_HALF_UP"

    @field_validator("clawback")
    @classmethod
    def _each_fund_once(cls, value: list[str]) -> list[str]:
        twice = repeated(value)
        if twice:  # named twice, a fund would be taken back twice
            raise ValueError(f"「{'、'.join(twice)}」重复")
        return value

    def to_yuan(self, amount: Decimal) -> int:
        """Round a computed amount to whole yuan the way the profile says."""
        return int(amount.quantize(Decimal(1), rounding=self.rounding))


class TargetRules(_Section):
    boutique_min_per_year: int = Field(ge=0)
    balance_tolerance: Decimal = Field(ge=0, le=1)
    province: dict[int, int] = Field(default_factory=dict)


class FilingRules(_Section):
    filing_days: int = Field(ge=0)
    archive_months: int = Field(ge=0)


class ProblemDeadline(_Section):
    days: int = Field(ge=0)
    unit: Literal["working", "calendar"]


class ProblemRules(_Section):
    feedback_working_days: int = Field(ge=0)
    due_soon_days: int = Field(ge=0)
    escalation: ProblemDeadline
    """How soon a problem the street cannot handle goes to the county (002: 1日内)."""
    roll_calendar_deadlines: bool
    """Whether a calendar-day deadline falling on a day off moves to the next working day."""
    deadlines: dict[str, ProblemDeadline]

    @model_validator(mode="after")
    def _every_urgency(self) -> ProblemRules:
        missing = {"紧急", "一般", "复杂"} - set(self.deadlines)
        if missing:
            raise ValueError(f"problems.deadlines 缺少「{'、'.join(sorted(missing))}」")
        return self


class HolidayRules(_Section):
    statutory: dict[str, list[str]] = Field(min_length=1)
    """Each statutory holiday a loaded year's table must hold, with the words that name it."""

    @field_validator("statutory")
    @classmethod
    def _words_for_each(cls, value: dict[str, list[str]]) -> dict[str, list[str]]:
        empty = [name for name, words in value.items() if not any(w.strip() for w in words)]
        if empty:
            raise ValueError(f"「{'、'.join(empty)}」没有写出用来识别它的词")
        return value


class Measure(_Section):
    code: str = Field(min_length=1)
    group: Literal["一清", "二拆", "三改", "四补"]
    name: str = Field(min_length=1)
    short: str = ""
    """Short name for narrow columns (the annual list); the full name when empty."""
    wording: str = ""
    unit: str = ""
    digs: bool = False
    pipe_work: bool = False
    lighting: bool = False
    needs: list[str] = Field(default_factory=list)
    phrases: list[str] = Field(default_factory=list)
    """Everyday words for the measure in a ledger's 改造内容 (白改黑 for the road), read on import."""

    @field_validator("needs")
    @classmethod
    def _known_indicators(cls, value: list[str]) -> list[str]:
        unknown = [name for name in value if not _is_survey_indicator(name)]
        if unknown:
            raise ValueError(f"调查指标「{'、'.join(unknown)}」不存在")
        return value


class RequiredDocument(_Section):
    key: str = Field(min_length=1)
    title: str = Field(min_length=1)
    required: bool = True


def _is_survey_indicator(name: str) -> bool:
    return name in Survey.model_fields or isinstance(getattr(Survey, name, None), property)


class Profile(_Section):
    """Every policy parameter of one programme (one TOML file)."""

    profile: Meta
    alley: AlleyRules
    categories: CategoryRules
    pipes: PipeRules
    lighting: LightingRules
    deadlines: Deadlines
    evaluation: EvaluationRules
    funding: FundingRules
    targets: TargetRules
    filing: FilingRules
    problems: ProblemRules
    holidays: HolidayRules
    measures: list[Measure] = Field(min_length=1)
    documents: list[RequiredDocument] = Field(min_length=1)

    @model_validator(mode="after")
    def _unique_codes(self) -> Profile:
        for what, keys in (
            ("改造措施编码", [m.code for m in self.measures]),
            ("备案文件编码", [d.key for d in self.documents]),
        ):
            twice = repeated(keys)
            if twice:
                raise ValueError(f"{what}「{'、'.join(twice)}」重复")
        if not any(m.group == "四补" for m in self.measures):
            raise ValueError("改造措施中没有“四补”类，无法判断精品类")
        owner: dict[str, str] = {}
        for m in self.measures:
            for phrase in {m.name, m.short, *m.phrases} - {""}:
                if phrase in ("一清", "二拆", "三改", "四补"):
                    raise ValueError(f"改造措施「{m.code}」的说法「{phrase}」是措施组的名称，不能只属于一项措施")
                if owner.setdefault(phrase, m.code) != m.code:
                    raise ValueError(f"说法「{phrase}」同时属于改造措施「{owner[phrase]}」和「{m.code}」，导入时无法区分")
        return self

    @property
    def id(self) -> str:
        return self.profile.id

    def funds_year(self, year: int) -> bool:
        """Whether plans of ``year`` belong to the programme and are funded by it (R7)."""
        return year in self.profile.programme_years

    def measure(self, code: str) -> Measure | None:
        """The catalogue entry for ``code``, or None if the catalogue has no such measure."""
        return self._measures_by_code().get(code)

    def _measures_by_code(self) -> dict[str, Measure]:
        cached = self.__dict__.get("_by_code")
        if cached is None:
            cached = {m.code: m for m in self.measures}
            object.__setattr__(self, "_by_code", cached)
        return cached

    def measures_in(self, group: str) -> list[Measure]:
        """Catalogue entries of one group (一清 / 二拆 / 三改 / 四补)."""
        return [m for m in self.measures if m.group == group]

    def required_documents(self) -> list[RequiredDocument]:
        """Documents a filing must hold to be complete (R9)."""
        return [d for d in self.documents if d.required]


def profiles_dir() -> Path:
    """The folder holding the shipped profiles."""
    return package_data_dir() / "profiles"


def available_profiles() -> list[str]:
    """Names of the profiles in :func:`profiles_dir`, sorted."""
    return sorted(p.stem for p in profiles_dir().glob("*.toml"))


def load_profile_file(path: Path) -> Profile:
    """Read and validate one profile file; a broken file raises :class:`ProfileError` in Chinese."""
    place = Place(file=str(path))
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ProfileError("找不到政策配置文件", place) from None
    except UnicodeDecodeError:
        raise ProfileError("政策配置文件不是 UTF-8 编码", place) from None
    except tomllib.TOMLDecodeError as error:
        raise ProfileError(f"政策配置文件格式错误（{error}）", place) from None
    try:
        return Profile.model_validate(raw)
    except ValidationError as error:
        raise ProfileError(
            "政策配置文件内容有误", place, details=chinese_messages(Profile, error)
        ) from None


@lru_cache(maxsize=8)
def load_profile(name: str = "guangxi-2022") -> Profile:
    """The shipped profile called ``name`` (file ``data/profiles/NAME.toml``)."""
    path = profiles_dir() / f"{name}.toml"
    if not path.exists():
        choices = "、".join(available_profiles()) or "无"
        raise ProfileError(f"没有名为「{name}」的政策配置（可选：{choices}）")
    return load_profile_file(path)


__all__ = ["Profile", "MonthDay", "load_profile", "load_profile_file", "available_profiles", "ROUND_HALF_UP"]
