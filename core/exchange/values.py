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
    that :func:`unguarded` gives back exactly what was written."""
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
    re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$"),
    re.compile(r"^(\d{4})(\d{2})(\d{2})$"),
)


_WHITESPACE = re.compile(r"\s+")
_LINE_BREAKS = re.compile(r"[\r\n]+")
_SPACES = re.compile(r"[ \t\u3000]+")
_UNTIDY = re.compile(r"[\r\n\t\u3000]|  ")


def normalize_text(value: str) -> str:
    """Full-width characters to half-width (（）１２３，), line breaks and stray spaces removed at the ends."""
    text = unicodedata.normalize("NFKC", value)
    return _WHITESPACE.sub(" ", text).strip()


def clean_text(value: str) -> str:
    """A text cell as the clerk meant it: line breaks and stray spaces removed at the ends and
    collapsed inside; full-width characters kept (they are part of names such as “（集团）”)."""
    if value == value.strip() and _UNTIDY.search(value) is None:
        return value  # most cells: nothing to tidy, and no new string made
    text = _LINE_BREAKS.sub("", value)
    return _SPACES.sub(" ", text).strip()


def clean_lines(value: str) -> str:
    """A note as the clerk wrote it: its line breaks kept (as \\n), blank ends removed."""
    return value.replace("\r\n", "\n").replace("\r", "\n").strip()


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
    text = normalize_text(str(value)).replace(" ", "")
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


_NUMBER = re.compile(r"^([-+]?\d+(?:\.\d+)?)\s*([^\d\s]*)$")


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
    text = normalize_text(str(value)).replace(" ", "")
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
