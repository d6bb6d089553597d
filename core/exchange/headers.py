"""Recognising ledger headers: canonical names, their variants (data/exchange/headers.toml) and units."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property, lru_cache

from core.errors import ProfileError
from core.exchange.columns import COLUMNS, EVALUATION_COLUMNS, Column
from core.exchange.values import normalize_text
from core.paths import package_data_dir

_BRACKETS = re.compile(r"[(（\[【](.*?)[)）\]】]")


@dataclass(frozen=True)
class HeaderTable:
    """Synonyms, units and value variants read from ``data/exchange/headers.toml``."""

    by_name: dict[str, Column]
    by_text: dict[str, Column]
    """Variants whose brackets are part of the name, not a unit (类型（达标/精品）), by their whole text."""
    money_units: dict[str, Decimal]
    length_units: dict[str, Decimal]
    categories: dict[str, str]
    results: dict[str, str]
    standard_evals: dict[str, str]
    boutique_evals: dict[str, str]
    totals_words: tuple[str, ...]
    ignored: frozenset[str]
    """Header names (without unit) of columns that hold no record: 序号, a rejects file's reasons."""
    footer_words: tuple[str, ...]
    area_units: dict[str, Decimal] = field(default_factory=dict)
    """Units of an area typed in a form (core/entry.py)."""
    count_units: dict[str, Decimal] = field(default_factory=dict)
    """Measure words after a count typed in a form (core/entry.py)."""

    @cached_property
    def totals_starts(self) -> frozenset[str]:
        """First characters of the totals words (a quick test before the whole one)."""
        return frozenset(w[:1] for w in self.totals_words)

    @cached_property
    def line_starts(self) -> frozenset[str]:
        """First characters of the words that start a unit, signature or note line."""
        return frozenset(w[:1] for w in (*self.footer_words, "单", "金", "填", "制"))


@dataclass(frozen=True)
class HeaderMatch:
    """A sheet header recognised as a ledger column, with the scale its unit implies."""

    column: Column
    scale: Decimal
    """Multiply a number in this column by ``scale`` to get 元 (money) or metres (lengths)."""


def header_key(text: str) -> tuple[str, str]:
    """(name without unit, unit) of a header cell: full-width folded, spaces and breaks removed."""
    flat = normalize_text(str(text)).replace(" ", "")
    units = _BRACKETS.findall(flat)
    base = _BRACKETS.sub("", flat)
    return base, (units[-1] if units else "")


@lru_cache(maxsize=1)
def header_table() -> HeaderTable:
    """The header table shipped in ``data/exchange/headers.toml``."""
    path = package_data_dir() / "exchange" / "headers.toml"
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as error:
        raise ProfileError(f"表头别名文件无法读取：{error}") from None
    by_name: dict[str, Column] = {}
    by_text: dict[str, Column] = {}
    units = {*raw["units"]["money"], *(u.lower() for u in raw["units"]["length"])}
    canonical = {c.header: c for c in (*COLUMNS, *EVALUATION_COLUMNS)}
    for header, variants in raw["synonyms"].items():
        column = canonical.get(header)
        if column is None:
            raise ProfileError(f"表头别名文件中的「{header}」不是标准列名")
        for name in (header, *variants):
            base, unit = header_key(name)
            if unit and unit.lower() not in units:
                # 类型（达标/精品） is 类别 as a whole; its base 类型 alone is 区域类型.
                by_text[normalize_text(name).replace(" ", "")] = column
                continue
            if by_name.get(base, column) is not column:
                raise ProfileError(f"表头别名文件中「{base}」同时是「{by_name[base].header}」和「{header}」的别名")
            by_name[base] = column
    return HeaderTable(
        by_name=by_name,
        by_text=by_text,
        money_units={k: Decimal(v) for k, v in raw["units"]["money"].items()},
        length_units={k.lower(): Decimal(v) for k, v in raw["units"]["length"].items()},
        categories=dict(raw["values"]["category"]),
        results=dict(raw["values"]["result"]),
        standard_evals=dict(raw["values"]["standard_eval"]),
        boutique_evals=dict(raw["values"]["boutique_eval"]),
        totals_words=tuple(raw["values"]["totals_row"]),
        ignored=frozenset(header_key(h)[0] for h in raw["ignored"]["headers"]),
        footer_words=tuple(sorted(raw["ignored"]["footer_words"], key=len, reverse=True)),
        area_units={k.lower(): Decimal(v) for k, v in raw["units"].get("area", {}).items()},
        count_units={k: Decimal(v) for k, v in raw["units"].get("count", {}).items()},
    )


def is_ignored_header(text: object) -> bool:
    """Whether a header cell names a column that holds no record (序号, a rejects file's reasons)."""
    return text is not None and header_key(str(text))[0] in header_table().ignored


def match_header(text: object) -> HeaderMatch | None:
    """The column a header cell names, or None; the unit in brackets sets the scale."""
    if text is None or str(text).strip() == "":
        return None
    table = header_table()
    base, unit = header_key(str(text))
    column = table.by_text.get(normalize_text(str(text)).replace(" ", "")) or table.by_name.get(base)
    if column is None:
        return None
    scale = Decimal(1)
    if column.kind == "wan":
        scale = table.money_units.get(unit, Decimal(10000))  # ledgers are in 万元 unless they say otherwise
    elif column.kind == "metres":
        scale = table.length_units.get(unit.lower(), Decimal(1))
    return HeaderMatch(column, scale)
