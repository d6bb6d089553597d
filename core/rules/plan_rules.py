"""Rules on alleys and plans: R1 back-alley test, R2 measures, R3 old pipes, R4 no-dig, R5 lighting."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any

from core.profile import Measure
from core.records import Survey
from core.records.facts import AlleyFacts, PlanFacts
from core.rules.dataset import Dataset, PlanMeasures
from core.rules.findings import Finding, percent_text, rate_text


def _plans(ds: Dataset, year: int | None) -> list[PlanFacts]:
    return [p for p in ds.plans if year is None or p.year == year]


def _alleys(ds: Dataset, year: int | None) -> list[AlleyFacts]:
    if year is None:
        return ds.alleys
    ids = {p.alley_id for p in ds.plans if p.year == year}
    return [a for a in ds.alleys if a.id in ids]


def r1_back_alley(ds: Dataset, year: int | None = None) -> Iterator[Finding]:
    """R1 (000 §一): a back alley has red-line width ≤ ``max_red_line_m`` and a road class below 支路."""
    rules = ds.profile.alley
    for alley in _alleys(ds, year):
        width = alley.red_line_width_m
        if width is not None and width > float(rules.max_red_line_m):
            yield Finding(
                "R1", "warning",
                f"街巷「{alley.name}」红线宽度 {width:g} 米，超过背街小巷上限 {rules.max_red_line_m} 米，可能不属于背街小巷",
                "请核实红线宽度；确属城市道路的，不应列入背街小巷整治项目库。",
                alley.code, year, f"alleys/{alley.id}",
                {"red_line_width_m": width, "max_red_line_m": rules.max_red_line_m},
            )
        if alley.road_class not in rules.back_alley_road_classes:
            yield Finding(
                "R1", "warning",
                f"街巷「{alley.name}」道路等级为“{alley.road_class}”，背街小巷应为支路以下",
                "请核实道路等级；支路及以上道路不属于背街小巷整治范围。",
                alley.code, year, f"alleys/{alley.id}",
                {"road_class": alley.road_class, "allowed": rules.back_alley_road_classes},
            )


def r2_measures(ds: Dataset, year: int | None = None) -> Iterator[Finding]:
    """R2 (000 §二): 达标类 addresses 一清、二拆、三改 wherever the survey shows a need;
    精品类 is 达标 plus at least ``boutique_min_supplements`` of the 四补.
    """
    profile = ds.profile
    for plan in _plans(ds, year):
        code = ds.code_of(plan.alley_id)
        record = f"plans/{plan.id}"
        chosen = ds.measures_of(plan)
        unknown = list(chosen.unknown)
        if unknown:
            yield Finding(
                "R2", "error",
                f"{plan.year}年方案中的改造措施「{'、'.join(unknown)}」不在政策配置的措施目录中",
                "请从“一清二拆三改四补”措施目录中重新选择。",
                code, plan.year, record, {"unknown_measures": unknown},
            )
        if plan.category is None:
            yield Finding(
                "R2", "error",
                f"{plan.year}年方案没有类别（导入的台账未填写或无法识别）",
                "请在“改造方案”中选择达标类或精品类：类别决定改造内容要求和精品任务的统计。",
                code, plan.year, record, {"category": None},
            )
        if chosen.declared_groups:
            groups = "、".join(f"“{g}”" for g in chosen.declared_groups)
            yield Finding(
                "R2", "warning",
                f"{plan.year}年方案的改造内容只写了{groups}，没有写明具体措施",
                "请在“改造方案”中勾选具体措施（"
                + "；".join(f"{g}：{'、'.join(m.name for m in profile.measures_in(g))}" for g in chosen.declared_groups)
                + "），以便核对是否覆盖调查发现的问题。",
                code, plan.year, record, {"declared_groups": list(chosen.declared_groups)},
            )
        survey = ds.survey_for(plan)
        if survey is None and plan.category == "精品类":
            # Without a survey nobody can tell whether the 达标 needs are met: not 精品-eligible (R8).
            yield Finding(
                "R2", "warning",
                f"{plan.year}年精品类方案没有对应的调查摸底记录，无法判断是否达到达标类要求，"
                "暂不具备精品类条件，不计入精品任务",
                "请先录入该街巷的调查摸底情况，再核对改造内容；核对无误后即计入精品任务。",
                code, plan.year, record, {"boutique_eligible": False},
            )
        elif survey is None:
            yield Finding(
                "R2", "warning",
                f"{plan.year}年方案没有对应的调查摸底记录，无法判断改造内容是否覆盖问题",
                "请先录入该街巷的调查摸底情况，再核对改造内容。",
                code, plan.year, record, {},
            )
        unmet: list[str] = []
        for measure, shown in _unmet_needs(ds, chosen, survey):
            unmet.append(f"{measure.group}·{measure.name}")
            labels = "、".join(_indicator_label(name, value) for name, value in shown.items())
            yield Finding(
                "R2", "warning",
                f"{plan.year}年方案未包含“{measure.group}·{measure.name}”，但调查摸底发现：{labels}",
                f"{plan.category}须对调查发现的问题落实“{measure.group}”措施，请补充改造内容或说明原因。",
                code, plan.year, record,
                {"measure": measure.code, "survey_id": survey.id, "indicators": shown},  # type: ignore[union-attr]
            )
        if plan.category == "精品类" and unmet:
            yield Finding(
                "R2", "error",
                f"精品类方案须先达到达标类要求，但未落实：{'、'.join(unmet)}，不具备精品类条件",
                "请补齐达标类改造内容，或将类别改为达标类。",
                code, plan.year, record, {"unmet": unmet, "boutique_eligible": False},
            )
        if plan.category == "精品类":
            supplements = list(chosen.supplements)
            need = profile.categories.boutique_min_supplements
            if len(supplements) < need:
                names = "、".join(profile.measure(c).name for c in supplements) or "无"  # type: ignore[union-attr]
                bare = "；改造内容只写了“四补”，未写明是哪几项，无法计数" if "四补" in chosen.declared_groups else ""
                yield Finding(
                    "R2", "error",
                    f"精品类方案只有 {len(supplements)} 项“四补”措施（{names}），至少需要 {need} 项，不具备精品类条件{bare}",
                    f"请增加“四补”措施至 {need} 项以上，或将类别改为达标类。",
                    code, plan.year, record,
                    {"supplements": supplements, "required": need, "boutique_eligible": False},
                )


def _unmet_needs(ds: Dataset, chosen: PlanMeasures, survey: Survey | None) -> list[tuple[Measure, dict[str, Any]]]:
    """The measures the survey shows a need for (with the indicators that show it) that the plan
    leaves out; none without a survey."""
    if survey is None:
        return []
    unmet = []
    for measure in ds.profile.measures:
        # A group the plan names without specifics stands for the group as declared: R2 asks for
        # the specifics (above), it does not count the need as left out.
        if not measure.needs or measure.code in chosen.codes or measure.group in chosen.declared_groups:
            continue
        shown = {name: getattr(survey, name) for name in measure.needs if getattr(survey, name)}
        if shown:
            unmet.append((measure, shown))
    return unmet


def boutique_eligible(ds: Dataset, plan: PlanFacts) -> bool:
    """Whether a 精品类 plan meets R2's conditions for 精品: a survey to judge it by, the 达标 needs that
    survey shows all addressed, and at least ``boutique_min_supplements`` of the 四补 (R8 counts only
    these)."""
    if plan.category != "精品类":
        return False
    survey = ds.survey_for(plan)
    if survey is None:
        return False
    chosen = ds.measures_of(plan)
    return (not _unmet_needs(ds, chosen, survey)
            and len(chosen.supplements) >= ds.profile.categories.boutique_min_supplements)


def _indicator_label(name: str, value: object) -> str:
    from core.records import Survey

    info = Survey.model_fields.get(name)
    if info is not None:
        return f"{info.title} {value:g}" if isinstance(value, (int, float)) else f"{info.title}"
    labels = {
        "pipe_defects": "管线存在病害 {v} 类",
        "drainage_not_separated": "排水未雨污分流",
        "road_not_hardened": "路面未硬化",
        "signage_missing": "标识标线缺失",
        "not_accessible": "无障碍设施不完善",
        "is_dead_end": "断头路",
        "lamp_gap": "路灯缺口 {v} 盏",
        "fire_lane_unmarked": "消防通道未标线",
        "heritage_count": "历史文化元素 {v} 处",
    }
    return labels.get(name, name).format(v=value)


def _does_pipe_work(ds: Dataset, plan: PlanFacts) -> bool:
    return ds.measures_of(plan).pipe_work


def _digs(ds: Dataset, plan: PlanFacts) -> bool:
    return bool(ds.measures_of(plan).digs)


def r3_old_pipes(ds: Dataset, year: int | None = None) -> Iterator[Finding]:
    """R3 (000 §二(三)): water-supply or drainage pipes older than ``pipe_priority_age_years`` get
    priority; a plan that leaves them out (and no earlier plan renewed them) is flagged. The age is
    counted in the plan's year, when the alley is renovated, not in the survey's.
    """
    rules = ds.profile.pipes
    for plan in _plans(ds, year):
        survey = ds.survey_for(plan)
        if survey is None or _does_pipe_work(ds, plan):
            continue
        earlier = [p for p in ds.plans_by_alley.get(plan.alley_id, []) if p.year < plan.year]
        if any(_does_pipe_work(ds, p) for p in earlier):
            continue
        old = [
            (pipe.kind, pipe.year_laid, age)
            for pipe in survey.pipes
            if pipe.kind in rules.priority_kinds
            and (age := pipe.age_in(plan.year)) is not None
            and age > rules.pipe_priority_age_years
        ]
        if old:
            text = "、".join(f"{kind}管（{laid}年敷设，到{plan.year}年已 {age} 年）" for kind, laid, age in old)
            yield Finding(
                "R3", "warning",
                f"{plan.year}年方案未安排地下管网改造，但{text}超过 {rules.pipe_priority_age_years} 年",
                "使用超过规定年限的供水、排水管网应优先纳入改造，请补充管网改造内容。",
                ds.code_of(plan.alley_id), plan.year, f"plans/{plan.id}",
                {"pipes": [{"kind": k, "year_laid": y, "age": a} for k, y, a in old],
                 "survey_id": survey.id, "max_age": rules.pipe_priority_age_years},
            )


def _add_years(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def r4_no_dig(ds: Dataset, year: int | None = None) -> Iterator[Finding]:
    """R4 (000 §二(三)): no large-scale excavation within ``no_dig_years`` of the last pipe work."""
    rules = ds.profile.pipes
    for plan in _plans(ds, year):
        if not _digs(ds, plan):
            continue
        starts = plan.start_on or plan.planned_start_on or date(plan.year, 1, 1)
        for other in ds.plans_by_alley.get(plan.alley_id, []):
            if other.id == plan.id or not _does_pipe_work(ds, other) or other.completion_on is None:
                continue
            if other.completion_on >= starts:
                continue
            until = _add_years(other.completion_on, rules.no_dig_years)
            if starts < until:
                dig = "、".join(ds.profile.measure(c).name for c in ds.measures_of(plan).digs)  # type: ignore[union-attr]
                yield Finding(
                    "R4", "warning",
                    f"{plan.year}年方案含开挖内容（{dig}），距该街巷 {other.year} 年管网改造竣工（{other.completion_on}）不满 {rules.no_dig_years} 年",
                    f"管网改造后 {rules.no_dig_years} 年内原则上不得再大规模开挖，{until} 前请调整方案或说明必要性。",
                    ds.code_of(plan.alley_id), plan.year, f"plans/{plan.id}",
                    {"pipe_work_plan": other.id, "pipe_work_completed": other.completion_on,
                     "planned_start": starts, "no_dig_until": until},
                )


def r5_lighting(ds: Dataset, year: int | None = None) -> Iterator[Finding]:
    """R5 (000 §二(四)): 精品 safety facilities — lamps installed at every position, ≥ 95 % working."""
    rules = ds.profile.lighting
    for plan in _plans(ds, year):
        if plan.category != "精品类":
            continue
        if not ds.measures_of(plan).lighting:
            continue
        acceptance = ds.acceptance_by_plan.get(plan.id)
        if acceptance is None:
            continue
        code, record = ds.code_of(plan.alley_id), f"acceptances/{acceptance.id}"
        positions, installed, working = (
            acceptance.lamp_positions, acceptance.lamps_installed, acceptance.lamps_working
        )
        if positions is None or installed is None or working is None:
            yield Finding(
                "R5", "warning", f"{plan.year}年精品类方案的竣工验收没有记录路灯数量",
                "请在竣工验收中填写应设路灯、已装路灯和亮灯数量，以核对装灯率和亮灯率。",
                code, plan.year, record, {},
            )
            continue
        if positions and installed < positions * rules.lamp_install_rate:
            yield Finding(
                "R5", "warning",
                f"装灯率 {installed}/{positions} = {rate_text(installed, positions)}，"
                f"精品类要求 {percent_text(rules.lamp_install_rate)}",
                f"还需安装 {positions - installed} 盏路灯。",
                code, plan.year, record,
                {"lamp_positions": positions, "lamps_installed": installed, "required_rate": rules.lamp_install_rate},
            )
        if installed and working < installed * rules.lamp_working_rate:
            yield Finding(
                "R5", "warning",
                f"亮灯率 {working}/{installed} = {rate_text(working, installed)}，"
                f"精品类要求不低于 {percent_text(rules.lamp_working_rate)}",
                "请维修不亮的路灯后复核。",
                code, plan.year, record,
                {"lamps_installed": installed, "lamps_working": working, "required_rate": rules.lamp_working_rate},
            )
