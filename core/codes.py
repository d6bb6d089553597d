"""Alley codes (街巷编码): the county's administrative code followed by a sequence number, the way the
import numbers the new alleys of a ledger that has no codes and the program proposes one for a new alley."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from core.store import queries

if TYPE_CHECKING:
    from core.store import Ledger

SEQUENCE_DIGITS = 5
"""450123 + 00001: room for 99,999 alleys in a county."""
NO_COUNTY_CODE = "000000"
"""The prefix while the county's administrative code is not filled in yet."""


def code_prefix(settings: Any) -> str:
    """The county's administrative code (设置), or :data:`NO_COUNTY_CODE`."""
    return settings.code if settings is not None and settings.code else NO_COUNTY_CODE


def next_sequence(codes: Iterable[str], prefix: str) -> int:
    """The number after the highest ``prefix`` + digits among ``codes`` (1 when there is none)."""
    return 1 + max((int(c[len(prefix):]) for c in codes if c.startswith(prefix) and c[len(prefix):].isdigit()),
                   default=0)


def alley_code(prefix: str, sequence: int) -> str:
    """``prefix`` and ``sequence`` as a code: 450123, 301 → 45012300301."""
    return f"{prefix}{sequence:0{SEQUENCE_DIGITS}d}"


def propose_alley_code(ledger: Ledger) -> str:
    """The code a new alley gets unless the clerk types another: the county code and the next number."""
    prefix = code_prefix(ledger.settings())
    return alley_code(prefix, queries.highest_code_number(ledger, prefix) + 1)
