"""Reading the values clerks type: dates in every common form, full-width digits, units."""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime, timedelta
from decimal import Decimal, InvalidOperation

_EXCEL_EPOCH = date(1899, 12, 30)
FORMULA_START = ("=", "+", "-", "@")
"""Text beginning with one of these would be taken as a formula by a spreadsheet program."""
_GUARDED = (*FORMULA_START, "'")


def guarded(text: str) -> str:
    """``text`` as a CSV cell: after an apostrophe (the usual guard) when it begins with one of
    :data:`FORMULA_START`, so that Excel does not evaluate it, or with an apostrophe itself, so
    that :func:`unguarded` gives back exactly what was written.

    Invisible characters (NUL, other control characters, zero-width spaces, byte-order marks)
    are left out first: a NUL makes the file unreadable to other programs, and one in front of
    ``=`` would hide the formula from the guard while Excel still evaluates it."""
    if _INVISIBLE.search(text):
        text = _INVISIBLE.sub("", text)
    return "'" + text if text.startswith(_GUARDED) else text


def apostrophe_kept(text: str) -> str:
    """``text`` as a workbook cell: a workbook never evaluates text, so only text that already
    begins with a guard-like apostrophe (``'-``) gets one more, which :func:`unguarded` takes off."""
    return "'" + text if _has_guard(text) else text


def unguarded(text: str) -> str:
    """A cell's text without the guard :func:`guarded` adds. Taken off in every format: a CSV
    opened in Excel or LibreOffice and saved as a workbook keeps the apostrophe as text."""
    return text[1:] if _has_guard(text) else text


def _has_guard(text: str) -> bool:
    return text[:1] == "'" and text[1:2] in _GUARDED


_DATE_PATTERNS = (
    # 2023-06-15, 2023/6/15, 2023.6.15, 2023年6月15日, and the time Excel adds as text (2023/6/15 0:00:00)
    re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:\s*0{1,2}:00(?::00)?)?$"),
    re.compile(r"^(\d{4})(\d{2})(\d{2})$"),
)


_WHITESPACE = re.compile(r"\s+")
_LINE_BREAKS = re.compile(r"[\r\n]+")
_SPACES = re.compile(r"[ \t\u3000]+")
_UNTIDY = re.compile("[\r\n\t\u3000\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b\ufeff]|  ")
_INVISIBLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b\ufeff]")
"""Characters a cell may carry that nobody typed on purpose (core.records.common strips them too)."""


def normalize_text(value: str) -> str:
    """Full-width characters to half-width (（）１２３，), line breaks and stray spaces removed at the ends."""
    text = unicodedata.normalize("NFKC", _INVISIBLE.sub("", value))
    return _WHITESPACE.sub(" ", text).strip()


def is_tidy(value: str) -> bool:
    """Nothing in ``value`` for :func:`clean_text` to tidy (most cells)."""
    return value == value.strip() and _UNTIDY.search(value) is None


def clean_text(value: str) -> str:
    """A text cell as the clerk meant it: line breaks and stray spaces removed at the ends and
    collapsed inside; full-width characters kept (they are part of names such as “（集团）”)."""
    if is_tidy(value):
        return value  # most cells: nothing to tidy, and no new string made
    text = _LINE_BREAKS.sub("", _INVISIBLE.sub("", value))
    return _SPACES.sub(" ", text).strip()


def clean_lines(value: str) -> str:
    """A note as the clerk wrote it: its line breaks kept (as \\n), blank ends removed."""
    return _INVISIBLE.sub("", value).replace("\r\n", "\n").replace("\r", "\n").strip()


def parse_date(value: object) -> date | None:
    """A date from a date, an Excel serial number, or text such as 2023年6月15日 / 2023.6.15 / 20230615.

    Returns None for blank input; raises ValueError (Chinese message) when the text is not a date.
    """
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if 20000 <= value <= 80000:  # Excel serials for 1954–2119
            return _EXCEL_EPOCH + timedelta(days=int(value))
        if 19000101 <= value <= 21001231:
            value = str(int(value))
        else:
            raise ValueError(f"无法识别为日期：{value}")
    text = normalize_text(str(value)).replace(" ", "").rstrip(".。")
    if not text:
        return None
    for pattern in _DATE_PATTERNS:
        match = pattern.match(text)
        if match:
            year, month, day = (int(g) for g in match.groups())
            try:
                return date(year, month, day)
            except ValueError:
                break
    raise ValueError(f"无法识别为日期：{value}")


# A date given only to the month ("2023年10月", "2023.10", "202310", "2023年10月底", "2023年10月中旬").
_MONTH_ONLY = re.compile(r"^(\d{4})(?:\s*[-/.年]\s*(\d{1,2})|(\d{2}))\s*月?\s*(份|底|末|初|上旬|中旬|下旬)?$")
_PART_OF_MONTH = {"初": 10, "上旬": 10, "中旬": 20}


class MonthOnly(date):
    """A date a spreadsheet shows to the month only (its cell formatted yyyy"年"m"月"): the clerk
    typed 2023年11月 and Excel stored 2023-11-01."""


def read_date(value: object) -> tuple[date | None, str]:
    """A cell's date and, when the cell gives it only to the month, how it was read.

    A month-only date stands for the month's last day (上旬/月初 the 10th, 中旬 the 20th), so
    deadline rules judge it on the safe side: ``(date(2023, 10, 31), "只填到月份，按该月最后一天计")``.
    Exact dates come back with an empty note; raises ValueError (Chinese) like :func:`parse_date`.
    """
    if isinstance(value, MonthOnly):
        value = f"{value.year}年{value.month}月"
    try:
        return parse_date(value), ""
    except ValueError:
        if isinstance(value, float) and 1900 < value < 2101:
            # 2023.6 typed into Excel is a number: the month after the point (2023.10 becomes 2023.1).
            text = repr(value)
            if text.endswith(".1"):
                raise ValueError(f"数字 {text} 可能是 {int(value)}年1月，也可能是 {int(value)}年10月"
                                 f"（Excel 把 {int(value)}.10 存成了 {text}）；请写成“{int(value)}年10月”这样的文字") from None
            value = text
        elif isinstance(value, (int, float)) and not isinstance(value, bool) and 190001 <= value <= 210012 \
                and value == int(value):
            value = str(int(value))  # 202310 typed as a number
        if not isinstance(value, str):
            raise
        match = _MONTH_ONLY.match(normalize_text(value).replace(" ", "").rstrip(".。"))
        if match is None:
            raise
    year, month, part = int(match.group(1)), int(match.group(2) or match.group(3)), match.group(4) or ""
    if not 1 <= month <= 12:
        raise ValueError(f"无法识别为日期：{value}")
    last = (date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)).day
    day = _PART_OF_MONTH.get(part, last)
    where = {10: "该月10日", 20: "该月20日"}.get(day, "该月最后一天") if day != last else "该月最后一天"
    return date(year, month, day), f"只填到{'旬' if part in ('上旬', '中旬', '下旬') else '月份'}，按{where}计"


_NUMBER = re.compile(r"^([-+]?\d+(?:\.\d+)?)\s*([^\d\s]*)$")
# Words that make a number approximate: 约150米, 150米左右, 100余米, 近200户, 300多人.
_ABOUT_BEFORE = re.compile(r"^(?:大约|约计|约合|约|近|将近|接近|预计)")
_ABOUT_AFTER = re.compile(r"(?:左右|上下|以上|余|多)$")
_ABOUT_INSIDE = re.compile(r"(?<=\d)(?:余|多)(?=\D)")


def read_number(value: object, units: dict[str, Decimal] | None = None) -> tuple[Decimal, str, bool] | None:
    """Like :func:`parse_decimal`, and also reads approximate numbers ("约150米", "150米左右",
    "100余米"): returns (number, unit, approximate) or None for a blank cell."""
    if isinstance(value, str):
        text = normalize_text(value).replace(" ", "")
        bare = _ABOUT_INSIDE.sub("", _ABOUT_AFTER.sub("", _ABOUT_BEFORE.sub("", text)))
        if bare != text and bare:
            try:
                parsed = parse_decimal(bare, units)
            except ValueError:
                raise ValueError(f"「{value}」不是数字") from None
            return None if parsed is None else (*parsed, True)
    parsed = parse_decimal(value, units)
    return None if parsed is None else (*parsed, False)


def parse_decimal(value: object, units: dict[str, Decimal] | None = None) -> tuple[Decimal, str] | None:
    """A number from a cell: numbers, text with thousands separators or full-width digits, or a
    number followed by a unit ("120米", "1.2公里", "35万元"). Returns (number, unit text) or None
    for a blank cell; raises ValueError (Chinese) when the text is not a number.
    """
    if value is None:
        return None
    if isinstance(value, bool):  # a TRUE/FALSE cell
        raise ValueError(f"「{'TRUE' if value else 'FALSE'}」不是数字")
    if isinstance(value, (int, Decimal)):
        return Decimal(value), ""
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            raise ValueError(f"「{value}」不是数字")
        return Decimal(repr(value)), ""
    text = normalize_text(str(value)).replace(" ", "").lstrip("¥￥")
    if not text:
        return None
    match = _NUMBER.match(text.replace(",", ""))  # a lone "," is not a blank cell
    if match is None:
        raise ValueError(f"「{value}」不是数字")
    try:
        number = Decimal(match.group(1))
    except InvalidOperation:
        raise ValueError(f"「{value}」不是数字") from None
    unit = match.group(2)
    if unit and units is not None and unit.lower() not in units:
        raise ValueError(f"「{value}」的单位「{unit}」无法识别")
    return number, unit
