"""Money as clerks read it: whole 元 inside, 万元 with two decimals on paper and in ledgers."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

_CENT_OF_WAN = Decimal("0.01")


def wan(yuan: int | None, *, thousands: bool = False) -> str:
    """``yuan`` as 万元 with two decimals (exact, half-up), e.g. 1234500 → ``123.45``; '' for None."""
    if yuan is None:
        return ""
    value = (Decimal(yuan) / 10000).quantize(_CENT_OF_WAN, rounding=ROUND_HALF_UP)
    return f"{value:,}" if thousands else f"{value}"


def wan_exact(yuan: int | None, *, thousands: bool = True) -> str:
    """``yuan`` as 万元 for a form to show and read back: two decimals, or four when the amount is not
    a whole hundred 元, so nothing is rounded away (1800000 → ``180.00``, 12345678 → ``1,234.5678``)."""
    if yuan is None:
        return ""
    if yuan % 100 == 0:
        return wan(yuan, thousands=thousands)
    value = (Decimal(yuan) / 10000).quantize(Decimal("0.0001"))
    return f"{value:,}" if thousands else f"{value}"
