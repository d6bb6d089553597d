"""R8 (000 §一): yearly targets, the three-year total and balance between years."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from decimal import Decimal

from core.rules.dataset import Dataset
from core.rules.findings import Finding
from core.rules.plan_rules import boutique_eligible


def r8_targets(ds: Dataset, year: int | None = None) -> Iterator[Finding]:
    """R8: each programme year's plans against the county's target and 精品 quota; the three-year
    total may not fall below the sum of targets; years should stay balanced.
    """
    rules = ds.profile.targets
    years = ds.profile.profile.programme_years
    planned = Counter(p.year for p in ds.plans)
    # Only plans that meet R2's conditions for 精品 count toward the quota.
    boutique = Counter(p.year for p in ds.plans if boutique_eligible(ds, p))
    ineligible = Counter(p.year for p in ds.plans if p.category == "精品类") - boutique
    settings = ds.settings
    targets = {t.year: t for t in settings.targets} if settings else {}
    if not targets:
        if year is None or year in years:
            yield Finding("R8", "info", "尚未填写本县（区）各年度改造任务，无法核对任务完成情况",
                          "请在“设置”中填写各年度改造任务和精品任务。", None, year, "county/1",
                          {"province_targets": rules.province})
        return
    for y in years:
        if year is not None and y != year:
            continue
        target = targets.get(y)
        if target is None:
            yield Finding("R8", "info", f"{y}年没有填写改造任务", "请在“设置”中填写该年度任务。",
                          None, y, "county/1", {})
            continue
        if planned[y] < target.alleys:
            yield Finding("R8", "warning", f"{y}年计划改造 {planned[y]} 条，少于年度任务 {target.alleys} 条",
                          f"还差 {target.alleys - planned[y]} 条，请补充改造方案。", None, y, "county/1",
                          {"planned": planned[y], "target": target.alleys})
        if boutique[y] < target.boutique:
            not_counted = f"（另有 {ineligible[y]} 条精品类方案不具备精品条件，未计入，见 R2）" if ineligible[y] else ""
            yield Finding("R8", "warning",
                          f"{y}年精品类 {boutique[y]} 条，少于精品任务 {target.boutique} 条{not_counted}",
                          f"还差 {target.boutique - boutique[y]} 条精品类方案。", None, y, "county/1",
                          {"boutique": boutique[y], "ineligible": ineligible[y], "quota": target.boutique})
    if year is not None:
        return
    total_target = sum(t.alleys for y, t in targets.items() if y in years)
    total_planned = sum(planned[y] for y in years)
    if total_target and total_planned < total_target:
        yield Finding("R8", "error", f"三年计划改造合计 {total_planned} 条，少于三年任务合计 {total_target} 条",
                      "各年度计划可以调整，但三年总任务不得减少，请补足。", None, None, "county/1",
                      {"planned": total_planned, "target": total_target})
    if total_planned:
        even = Decimal(total_planned) / len(years)
        for y in years:
            deviation = abs(Decimal(planned[y]) - even) / even
            if deviation > rules.balance_tolerance:
                yield Finding("R8", "info",
                              f"{y}年计划改造 {planned[y]} 条，与三年平均 {even:.0f} 条相差 {deviation:.0%}，年度安排不均衡",
                              "请尽量均衡安排各年度改造任务。", None, y, "county/1",
                              {"planned": planned[y], "average": even, "tolerance": rules.balance_tolerance})
