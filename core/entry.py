"""What a clerk types into a form's number fields, read as the import reads a ledger's cells.

Forms take money in 万元, as every ledger and report shows it, and accept what clerks write in a
ledger: "180万", "1,800,000元", "260米", "1.2公里", full-width digits, thousands separators. The
parser and the unit tables are the import's (:func:`core.exchange.values.parse_decimal`,
``data/exchange/headers.toml``), so a value means the same typed into the program or read from a
spreadsheet. Every function returns None for a blank and raises ValueError with a Chinese message.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from core.exchange.values import parse_decimal

WAN = Decimal(10000)
"""Money typed without a unit is in 万元."""


def _read(text: str, kind: str, default_scale: Decimal = Decimal(1)) -> Decimal | None:
    """``text`` in the base unit of ``kind`` (the units of headers.toml ``[units]``). The unit tables
    are read only for a number written with a unit: showing a form needs none of them."""
    parsed = parse_decimal(text)
    if parsed is None:
        return None
    number, unit = parsed
    if not unit:
        return number * default_scale
    from core.exchange.headers import header_table

    table = header_table()
    units = {"money": table.money_units, "length": table.length_units, "area": table.area_units,
             "count": table.count_units}[kind]
    parse_decimal(text, units)  # the import's message for a unit it does not know
    return number * units[unit.lower()]


def yuan_from_text(text: str) -> int | None:
    """Money typed in a form, in whole 元: 万元 unless a unit says otherwise ("180" and "180万" are
    1,800,000 元, so is "1,800,000元")."""
    amount = _read(text, "money", WAN)
    if amount is None:
        return None
    if amount < 0:
        raise ValueError(f"金额「{text.strip()}」不能为负数")
    if amount != amount.to_integral_value():
        raise ValueError(f"「{text.strip()}」折合 {amount.normalize():f} 元，不是整数元（以万元填写时最多四位小数）")
    return int(amount)


def total_yuan_from_texts(texts: Iterable[str]) -> int | None:
    """Amounts typed in a form's rows (万元 unless a unit says otherwise) added up in whole 元, a
    blank counting 0; None when one of them cannot be read."""
    total = 0
    for text in texts:
        try:
            total += yuan_from_text(text) or 0
        except ValueError:
            return None
    return total


def metres_from_text(text: str) -> float | None:
    """A length in metres: "260", "260米", "1.2公里" (1200), "85m"."""
    value = _read(text, "length")
    return None if value is None else float(value)


def area_from_text(text: str) -> float | None:
    """An area in square metres: "350", "350平方米", "350平米"."""
    value = _read(text, "area")
    return None if value is None else float(value)


def count_from_text(text: str) -> int | None:
    """A whole number, with or without a measure word: "12", "12处", "1,200户"."""
    value = _read(text, "count")
    if value is None:
        return None
    if value != value.to_integral_value():
        raise ValueError(f"「{text.strip()}」应为整数")
    return int(value)


def number_from_text(text: str) -> Decimal | None:
    """A plain number (coordinates): separators and full-width digits allowed, no unit."""
    parsed = parse_decimal(text, {})
    return None if parsed is None else parsed[0]


def quantity_from_text(text: str, unit: str) -> Decimal | None:
    """A measure's quantity in its catalogue ``unit``: a bare number, or one written with that unit or,
    for lengths and areas, with another of their units ("1.2公里" of a measure counted in 米 is 1200)."""
    parsed = parse_decimal(text)
    if parsed is None or not parsed[1]:
        return None if parsed is None else parsed[0]
    from core.exchange.headers import header_table

    table = header_table()
    units = {unit.lower(): Decimal(1)} if unit else {}
    if unit.lower() in table.length_units:
        units = {**table.length_units, **units}
    elif unit.lower() in table.area_units:
        units = {**table.area_units, **units}
    number, written = parse_decimal(text, units) or parsed  # the text is not blank: it parsed above
    return number * units[written.lower()]
