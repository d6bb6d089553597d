"""Shared pieces of the record models: the base class, exact money and Chinese validation messages."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Annotated, Any, ClassVar, TypeVar

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, ValidationError

from core.errors import InvalidRecord


def _exact_yuan(value: Any) -> Any:
    """Accept whole yuan as int, Decimal or digit text; refuse floats and fractions of a yuan."""
    if value is None or isinstance(value, bool):
        return value
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        raise ValueError("金额不能用浮点数表示，请用整数元或 Decimal")
    if isinstance(value, str):
        text = value.strip().replace(",", "").replace("，", "")
        if text == "":
            return None
        try:
            value = Decimal(text)
        except InvalidOperation:
            raise ValueError(f"金额「{value}」不是数字") from None
    if isinstance(value, Decimal):
        if value != value.to_integral_value():
            raise ValueError(f"金额 {value} 元不是整数元")
        return int(value)
    return value


MAX_YUAN = 10**12 - 1
"""Below a trillion 元: no alley's money comes near, and SQLite's integers (below 9.2e18) always hold it."""
MAX_COUNT = 10**9
"""Counts (户数, 人口, 处, 盏…) no alley comes near; a bigger number is a typing slip, not data."""

Yuan = Annotated[int, BeforeValidator(_exact_yuan), Field(ge=0, le=MAX_YUAN)]
"""Money in whole 元 (ledgers show 万元 with two decimals, i.e. multiples of 100 元)."""

Count = Annotated[int, Field(ge=0, le=MAX_COUNT)]
Metres = Annotated[float, Field(ge=0)]


def _blank_to_none(value: Any) -> Any:
    if isinstance(value, str) and value.strip() == "":
        return None
    return value


OptDate = Annotated[date | None, BeforeValidator(_blank_to_none)]


class Record(BaseModel):
    """Base of every stored record: validated on assignment, strips text, Chinese field titles."""

    # defer_build: the validator is built on first validation, not at import; commands that only
    # read records (check, funding, list) never validate and start faster.
    model_config = ConfigDict(
        str_strip_whitespace=True,
        validate_assignment=True,
        extra="forbid",
        defer_build=True,
    )

    label: ClassVar[str] = "记录"
    """What a clerk calls this kind of record, used in messages (e.g. 街巷)."""

    id: int | None = Field(default=None, title="编号")
    changed_at: datetime | None = Field(default=None, title="修改时间")
    changed_by: str = Field(default="", title="修改人", max_length=50)

    @classmethod
    def field_title(cls, name: str) -> str:
        """The Chinese label of a field (its ``title``), or the name itself if it has none."""
        info = cls.model_fields.get(name)
        return (info.title if info and info.title else name)


_MESSAGES = {
    "missing": "必须填写",
    "string_too_short": "不能为空",
    "string_too_long": "太长（最多 {max_length} 个字）",
    "string_pattern_mismatch": "格式不对",
    "int_parsing": "应为整数，实际为「{input}」",
    "int_type": "应为整数，实际为「{input}」",
    "int_from_float": "应为整数，实际为「{input}」",
    "float_parsing": "应为数字，实际为「{input}」",
    "float_type": "应为数字，实际为「{input}」",
    "decimal_parsing": "应为数字，实际为「{input}」",
    "decimal_type": "应为数字，实际为「{input}」",
    "bool_parsing": "应为“是”或“否”，实际为「{input}」",
    "bool_type": "应为“是”或“否”，实际为「{input}」",
    "date_parsing": "不是有效日期：「{input}」",
    "date_from_datetime_parsing": "不是有效日期：「{input}」",
    "date_from_datetime_inexact": "应为日期，不应带时间：「{input}」",
    "date_type": "不是有效日期：「{input}」",
    "datetime_parsing": "不是有效时间：「{input}」",
    "datetime_from_date_parsing": "不是有效时间：「{input}」",
    "datetime_type": "不是有效时间：「{input}」",
    "greater_than_equal": "不能小于 {ge}，实际为「{input}」",
    "greater_than": "必须大于 {gt}，实际为「{input}」",
    "less_than_equal": "不能大于 {le}，实际为「{input}」",
    "less_than": "必须小于 {lt}，实际为「{input}」",
    "literal_error": "只能是{expected}，实际为「{input}」",
    "extra_forbidden": "不是本记录的字段",
    "list_type": "应为列表",
    "dict_type": "格式不对",
    "model_type": "格式不对",
}


def _label(model: type[BaseModel], loc: tuple) -> str:
    """Turn a pydantic error location into Chinese labels, e.g. ``管线第2行·敷设年份``."""
    labels: list[str] = []
    current: Any = model
    for part in loc:
        if isinstance(part, int):
            if labels:
                labels[-1] = f"{labels[-1]}第{part + 1}行"
            continue
        if isinstance(current, type) and issubclass(current, BaseModel) and part in current.model_fields:
            info = current.model_fields[part]
            labels.append(info.title or str(part))
            current = _inner_model(info.annotation)
        else:
            labels.append(str(part))
            current = None
    return "·".join(labels)


def _inner_model(annotation: Any) -> Any:
    """The record model nested inside ``list[Model]`` or ``Model | None``, if any."""
    for arg in getattr(annotation, "__args__", ()) or ():
        found = _inner_model(arg)
        if found is not None:
            return found
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    return None


def chinese_messages(model: type[BaseModel], error: ValidationError) -> list[str]:
    """Every problem of a validation error as a Chinese sentence naming the field."""
    return [message for _, message in _located_messages(model, error)]


def validate_fields(model: type[M], data: dict[str, Any]) -> tuple[M | None, dict[str, list[str]]]:
    """Validate ``data``; return the record, or None and the Chinese problems by top-level field.

    Problems of the record as a whole (e.g. dates out of order) are listed under the key ``""``.
    Forms use this to show each message beside its field.
    """
    try:
        return model.model_validate(data), {}
    except ValidationError as error:
        problems: dict[str, list[str]] = {}
        for loc, message in _located_messages(model, error):
            problems.setdefault(str(loc[0]) if loc else "", []).append(message)
        return None, problems


def _located_messages(model: type[BaseModel], error: ValidationError) -> list[tuple[tuple, str]]:
    out = []
    for item in error.errors(include_url=False):
        label = _label(model, tuple(item.get("loc", ())))
        kind = item.get("type", "")
        if item.get("input", "") is None and kind not in ("value_error", "assertion_error"):
            kind = "missing"  # a blank the model needs: "必须填写", not "应为整数，实际为「None」"
        ctx = dict(item.get("ctx") or {})
        if kind == "value_error":
            text = str(ctx.get("error", item.get("msg", "")))
        elif kind == "assertion_error":
            text = str(ctx.get("error", item.get("msg", "")))
        else:
            template = _MESSAGES.get(kind)
            if kind == "literal_error" and "expected" in ctx:
                ctx["expected"] = "「" + "」「".join(
                    part.strip(" '\"") for part in str(ctx["expected"]).replace(" or ", ", ").split(",")
                ) + "」"
            raw = item.get("input")
            shown = raw if not isinstance(raw, (dict, list)) else "…"
            if isinstance(shown, str) and len(shown) > 40:
                shown = shown[:40] + "…"
            text = template.format(input=shown, **ctx) if template else item.get("msg", "")
        out.append((tuple(item.get("loc", ())), f"「{label}」{text}" if label else text))
    return out


def repeated(values: list[Any]) -> list[Any]:
    """The values that occur more than once, sorted (for "每种只填一行" style checks)."""
    seen: set[Any] = set()
    twice: set[Any] = set()
    for value in values:
        (twice if value in seen else seen).add(value)
    return sorted(twice)


M = TypeVar("M", bound=BaseModel)


def build(model: type[M], data: dict[str, Any]) -> M:
    """Validate ``data`` into ``model``, raising :class:`InvalidRecord` with Chinese messages."""
    try:
        return model.model_validate(data)
    except ValidationError as error:
        label = getattr(model, "label", model.__name__)
        raise InvalidRecord(f"{label}填写有误", details=chinese_messages(model, error)) from None
