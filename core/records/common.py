"""Shared pieces of the record models: the base class, exact money and Chinese validation messages."""

from __future__ import annotations

import contextlib
import functools
import re
from collections.abc import Iterator
from contextvars import ContextVar
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Annotated, Any, ClassVar, TypeVar

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationError,
    ValidationInfo,
    model_validator,
)

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
"""Below a trillion 元: no alley's money comes near (more is a typing or unit mistake), and SQLite's
integers (below 9.2e18) always hold it."""
MAX_COUNT = 10**9
"""Counts (户数, 人口, 处, 盏…) no alley comes near; a bigger number is a typing slip, not data."""
EARLIEST = date(1900, 1, 1)
LATEST = date(2100, 12, 31)
"""Dates a record may carry: a date outside is a typing mistake (9999-12-30), and date arithmetic
near year 9999 overflows."""


def _below_limit(value: int | None) -> int | None:
    if value is not None and value > MAX_YUAN:
        raise ValueError(f"金额 {value:,} 元太大（应小于 1 万亿元）；请检查单位（元、万元）是否填错")
    return value


def _plausible_date(value: date | None) -> date | None:
    if value is not None and not (EARLIEST <= value <= LATEST):
        raise ValueError(f"日期 {value.isoformat()} 不在 1900 年至 2100 年之间，请检查是否填错")
    return value


Yuan = Annotated[int, BeforeValidator(_exact_yuan), Field(ge=0), AfterValidator(_below_limit)]
"""Money in whole 元 (ledgers show 万元 with two decimals, i.e. multiples of 100 元), below :data:`MAX_YUAN`."""

Count = Annotated[int, Field(ge=0, le=MAX_COUNT)]
Metres = Annotated[float, Field(ge=0, lt=10**7)]
Day = Annotated[date, AfterValidator(_plausible_date)]
"""A calendar date between 1900 and 2100."""

_INVISIBLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b\ufeff]")
"""NUL and other control characters (line breaks and tabs stay), zero-width spaces and stray
byte-order marks: invisible, yet they break CSV files and searches and hide formula guards."""


def scrub(value: Any) -> Any:
    """``value`` with :data:`_INVISIBLE` characters removed from every text in it (dicts and lists too)."""
    if value.__class__ is str:
        return _INVISIBLE.sub("", value) if _INVISIBLE.search(value) else value
    if isinstance(value, dict):
        return {scrub(k): scrub(v) for k, v in value.items()}
    if isinstance(value, list):
        return [scrub(v) for v in value]
    return value


def scrubbed(data: Any, model: type | None = None) -> Any:
    """A model's input with invisible characters taken out of its texts (the fields of one
    record: nested models scrub their own). Most input has none: one search over all its texts,
    gathered in C from the ``model``'s text fields when it is given (a Python loop over every
    field of 200,000 demo records took 0.4 s)."""
    if not isinstance(data, dict):
        return data
    texts: list[str] = []
    names, mappings = _text_fields(model) if model is not None else ((), ())
    try:
        joined = "".join(filter(None, map(data.get, names))) if model is not None else None
    except TypeError:  # a text field given something else: the model will say so
        joined = None
    if joined is None:
        texts = [v for v in data.values() if v.__class__ is str]
        names, mappings = (), tuple(k for k, v in data.items() if v.__class__ is dict)
    else:
        texts = [joined]
    for name in mappings:  # columns kept from an import ({header: text})
        value = data.get(name)
        if value.__class__ is dict and value:
            texts += [str(x) for pair in value.items() for x in pair]
    if texts and _INVISIBLE.search("".join(texts)):
        return {k: scrub(v) if v.__class__ in (str, dict) else v for k, v in data.items()}
    return data


@functools.cache
def _text_fields(model: type) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The fields of ``model`` that hold text, and those that hold {text: text}."""
    texts, mappings = [], []
    for name, info in model.model_fields.items():  # type: ignore[attr-defined]
        annotation = info.annotation
        if annotation is str:
            texts.append(name)
        elif getattr(annotation, "__origin__", None) is dict:
            mappings.append(name)
    return tuple(texts), tuple(mappings)


def _blank_to_none(value: Any) -> Any:
    if isinstance(value, str) and value.strip() == "":
        return None
    return value


OptDate = Annotated[date | None, BeforeValidator(_blank_to_none), AfterValidator(_plausible_date)]


CLEAN_TEXT = {"clean_text": True}
"""Validation context of input whose texts were cleaned already (the import's cells): the model
skips looking for invisible characters again (2–5 % of an import's preview)."""


_TRUSTED: ContextVar[bool] = ContextVar("trusted_text", default=False)


@contextlib.contextmanager
def trusted_text() -> Iterator[None]:
    """Within the block, records built from the program's own texts (the demo county) skip the
    look for invisible characters (0.23 s of the 10,000-alley demo)."""
    token = _TRUSTED.set(True)
    try:
        yield
    finally:
        _TRUSTED.reset(token)


def _scrub_input(cls: type, data: Any, info: ValidationInfo) -> Any:
    if (info.context is not None and info.context.get("clean_text")) or _TRUSTED.get():
        return data
    return scrubbed(data, cls)


no_invisible_characters = model_validator(mode="before")(classmethod(_scrub_input))  # type: ignore[arg-type]
"""Every record model's check that takes invisible characters out of its texts on the way in."""


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

    _no_invisible_characters = no_invisible_characters

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
