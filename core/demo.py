"""Demo data (演示数据): a realistic county for trying the program, tests and benchmarks.

Deterministic for a seed: the same seed gives the same alleys, plans and dates on every machine.
Nothing depends on today's date.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from core.errors import Cancelled, LedgerError
from core.profile import Profile
from core.records import (
    Acceptance,
    Alley,
    CountySettings,
    Filing,
    FilingDocument,
    PipeRow,
    Plan,
    PlanMeasure,
    Problem,
    ProgressEntry,
    Survey,
    YearTarget,
)
from core.records.acceptance import BoutiqueEvalResult
from core.records.alley import AreaType
from core.records.common import trusted_text
from core.records.filing import FilingUnit
from core.records.plan import Category
from core.records.problem import Satisfaction, Source, Urgency
from core.records.survey import PIPE_KINDS, PipeCondition
from core.store.ledger import gc_paused

if TYPE_CHECKING:
    from core.store import Ledger

# The choices the demo draws from, typed as the records' own fields are.
AREA_TYPES: list[AreaType] = ["社区", "开放性小区", "城中村", "其他"]
PIPE_CONDITIONS: list[PipeCondition] = ["良好", "积泥淤堵", "破损渗漏", "损坏严重", "管径偏小"]
SOURCES: list[Source] = ["网格巡查", "群众随手拍", "督查", "12345"]
URGENCIES: list[Urgency] = ["紧急", "一般", "复杂"]
SATISFACTIONS: list[Satisfaction] = ["满意", "基本满意", "不满意"]

SUBDISTRICTS = ["城东街道", "城西街道", "城南街道", "城北街道", "河滨街道", "新城街道",
                "凤山街道", "桂园街道", "龙潭街道", "金湖街道", "东门街道", "西岭街道"]
COMMUNITY_WORDS = ["和平", "建设", "解放", "人民", "新华", "东门", "西门", "南门", "北门", "民主", "团结",
                   "胜利", "朝阳", "光明", "文化", "桂花", "榕树", "江滨", "育才", "兴隆", "长青", "红星",
                   "振兴", "中山", "太平", "仁和", "青云", "凤凰", "丽江", "金桥"]
ALLEY_WORDS = ["槐树", "井头", "书院", "铁匠", "米行", "盐仓", "染坊", "马蹄", "青石", "桂花", "榕树", "竹园",
               "打铜", "鱼市", "豆腐", "灯笼", "官塘", "石板", "水巷", "古井", "状元", "文昌", "关帝", "城隍",
               "学宫", "会馆", "骑楼", "茶亭", "粮站", "糖厂", "织布", "木器", "绣坊", "花园", "柳树", "枫林",
               "杏花", "梨园", "荷塘", "莲塘", "石狮", "牌坊", "钟楼", "鼓楼", "仓前", "仓后", "河沿", "渡口",
               "码头", "新街", "老街", "横街", "直街", "上坡", "下坡", "塘边", "岭脚", "园林", "瓦窑", "砖厂"]
SUFFIXES = ["巷", "街", "里", "弄", "坊", "巷", "巷"]
NUMERALS = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十"]
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韦覃蓝莫黎蒙"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国志红玲海燕文斌"
COMPANIES = {
    "designer": ["广西城乡规划设计院", "华蓝设计（集团）有限公司", "广西建筑科学研究设计院", "本市市政工程设计院"],
    "contractor": ["广西建工集团第一建筑工程有限责任公司", "本市市政建设有限公司", "广西路桥工程集团有限公司",
                   "本县城建工程有限公司", "广西华业建筑工程有限公司"],
    "supervisor": ["广西恒业建设项目管理有限公司", "本市建设监理有限公司", "广西华信工程咨询有限公司"],
}
PROBLEM_KINDS = [
    ("环境卫生", "巷内垃圾未及时清运，有异味"),
    ("环境卫生", "墙角堆放建筑垃圾"),
    ("市政设施", "井盖松动，行人踩踏有响声"),
    ("市政设施", "路面出现坑洼，雨后积水"),
    ("照明", "巷口路灯不亮"),
    ("乱搭乱建", "住户在巷内私搭雨棚"),
    ("乱停乱放", "电动车堆放占用消防通道"),
    ("架空线缆", "通信线缆脱落垂挂"),
    ("绿化", "新植绿化带苗木枯死"),
    ("广告招牌", "商户私设落地广告牌"),
]
DEPARTMENTS = ["城管执法局", "市政管理所", "环卫站", "供电公司", "住建局", "街道办事处"]
LAST_DAY = date(2026, 11, 20)


@dataclass(frozen=True)
class DemoResult:
    """What :func:`make_demo` put into the ledger."""

    counts: dict[str, int]
    seed: int


def _person(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2))))


def _phone(rng: random.Random) -> str:
    return f"1{rng.choice('3589')}{rng.randrange(10**9):09d}"


def _between(rng: random.Random, start: date, end: date) -> date:
    return start + timedelta(days=rng.randrange(max((end - start).days, 0) + 1))


def _round100(value: float) -> int:
    return int(round(value / 100.0)) * 100


def make_demo(
    ledger: Ledger,
    alleys: int = 300,
    seed: int = 1,
    progress: Callable[[int, str], None] | None = None,
    cancel: Callable[[], bool] | None = None,
) -> DemoResult:
    """Fill an empty ledger (a :class:`core.store.Ledger`) with a realistic county of ``alleys`` alleys.

    Refuses a ledger that already holds alleys, so demo data never mixes with real records and
    codes are never duplicated. Everything is written in one transaction: ``progress(percent, text)``
    is told each stage, and when ``cancel()`` turns true the job stops with :class:`Cancelled` and
    nothing is written.
    """
    lg = ledger
    if alleys < 1 or alleys > 100_000:
        raise LedgerError(f"演示街巷数应在 1 到 100000 之间，实际为 {alleys}")
    existing = lg.counts()["alleys"]
    if existing:
        raise LedgerError(f"数据库中已有 {existing} 条街巷，演示数据只能装入空数据库；请另建一个数据库文件")
    rng = random.Random(seed)
    def report(percent: int, text: str) -> None:
        if cancel is not None and cancel():
            raise Cancelled()
        if progress is not None:
            progress(percent, text)

    profile = lg.profile()
    years = list(profile.profile.programme_years)
    settings = lg.settings()
    # The demo's texts are the program's own: nothing invisible to look for in 200,000 records.
    with lg.transaction(), gc_paused(), trusted_text():
        if settings is None:
            settings = CountySettings(name="示例县", code="450123", lead_department="示例县住房和城乡建设局")
        if not settings.code:
            settings = settings.model_copy(update={"code": "450123"})
        if not settings.targets:
            per_year = max(1, round(alleys * 0.9 / len(years)))
            settings = settings.model_copy(update={
                "lead_department": settings.lead_department or f"{settings.name}住房和城乡建设局",
                "targets": [YearTarget(year=y, alleys=per_year, boutique=max(1, round(per_year * 0.08)))
                            for y in years],
            })
        lg.save_settings(CountySettings.model_validate(settings.model_dump()))
        county = settings.name
        report(5, "生成街巷")
        # The parts added later (grid workers, evaluations, the problem ledger's later steps) draw on
        # a generator of their own: the counties earlier versions made stay the same alley for alley.
        later = random.Random(f"{seed}-later")
        alley_records = [_with_grid_worker(later, a) for a in _alleys(rng, settings.code, alleys)]
        stored_alleys = lg.add_many(alley_records, source=f"demo seed={seed}")
        report(25, "生成调查摸底")
        surveys = [_survey(rng, a, years[0]) for a in stored_alleys]
        stored_surveys = lg.add_many(surveys, source=f"demo seed={seed}")
        report(45, "生成改造方案")
        plans = _plans(rng, stored_alleys, stored_surveys, years, county, profile)
        stored_plans = lg.add_many(plans, source=f"demo seed={seed}")
        lg.add_many([r for p in stored_plans for r in _progress(rng, p)], source=f"demo seed={seed}")
        report(65, "生成验收和备案")
        acceptances = [_evaluated(later, a, p, profile) for p in stored_plans
                       if (a := _acceptance(rng, p)) is not None]
        stored_acc = lg.add_many(acceptances, source=f"demo seed={seed}")
        plan_by_id = {p.id: p for p in stored_plans}
        filings = [f for a in stored_acc
                   if (f := _filing(rng, a, plan_by_id[a.plan_id], county, profile)) is not None]
        report(75, "生成现场照片")
        # The photos before the filings: once filed and locked, the packet's photos need a reason.
        _photos(lg, rng, stored_surveys[:min(6, len(stored_surveys))], {a.id: a for a in stored_alleys})
        lg.add_many(filings, source=f"demo seed={seed}")
        report(85, "生成问题台账")
        problems = [_later_steps(later, p) for p in _problems(rng, stored_alleys, stored_plans)]
        lg.add_many(problems, source=f"demo seed={seed}")
        lg.note("demo", f"装入演示数据：{alleys} 条街巷，随机种子 {seed}")
    if progress is not None:
        progress(100, "完成")
    return DemoResult(counts=lg.counts(), seed=seed)


def _alleys(rng: random.Random, county_code: str, count: int) -> list[Alley]:
    n_sub = max(3, min(len(SUBDISTRICTS), count // 60 + 3))
    subdistricts = SUBDISTRICTS[:n_sub]
    communities = {
        s: [w + "社区" for w in rng.sample(COMMUNITY_WORDS, rng.randint(3, 6))] for s in subdistricts
    }
    used: set[tuple[str, str]] = set()
    out = []
    for i in range(1, count + 1):
        sub = rng.choice(subdistricts)
        base = rng.choice(ALLEY_WORDS) + rng.choice(SUFFIXES)
        name, n = base, 0
        while (sub, name) in used:
            n += 1
            name = (base[:-1] + NUMERALS[n] + base[-1]) if n < len(NUMERALS) else f"{base}{n}号"
        used.add((sub, name))
        length = round(rng.uniform(60, 900), 1)
        wide = rng.random() < 0.02
        width = round(rng.uniform(14.5, 18) if wide else rng.uniform(2.5, 12), 1)
        households = int(length * rng.uniform(0.2, 1.1))
        lng, lat = 108.3 + rng.uniform(-0.05, 0.05), 22.8 + rng.uniform(-0.05, 0.05)
        out.append(Alley(
            code=f"{county_code}{i:05d}",
            name=name,
            subdistrict=sub,
            community=rng.choice(communities[sub]),
            area_type=rng.choices(AREA_TYPES, [70, 12, 15, 3])[0],
            start_point=rng.choice(ALLEY_WORDS) + "路口",
            end_point=rng.choice(ALLEY_WORDS) + rng.choice(["街口", "巷尾", "路口", "河边"]),
            direction=rng.choice(["东西走向", "南北走向", "东北—西南走向", "西北—东南走向"]),
            length_m=length,
            red_line_width_m=width,
            road_class="支路" if rng.random() < 0.01 else "支路以下",
            households=households,
            population=int(households * rng.uniform(2.3, 3.3)),
            shops=int(length * rng.uniform(0, 0.12)),
            chief=_person(rng),
            chief_phone=_phone(rng),
            start_lng=round(lng, 6), start_lat=round(lat, 6),
            end_lng=round(lng + rng.uniform(-0.004, 0.004), 6), end_lat=round(lat + rng.uniform(-0.004, 0.004), 6),
        ))
    return out


def _with_grid_worker(rng: random.Random, alley: Alley) -> Alley:
    """Most alleys have a grid worker (网格员) named for them (002: 将每条背街小巷明确到具体网格员)."""
    if rng.random() < 0.15:
        return alley
    return alley.model_copy(update={"grid_worker": _person(rng), "grid_worker_phone": _phone(rng)})


def _survey(rng: random.Random, alley: Alley, first_year: int) -> Survey:
    def some(p: float, hi: int) -> int:
        return rng.randint(1, hi) if rng.random() < p else 0

    surveyed = _between(rng, date(first_year, 1, 4), date(first_year, 2, 26))
    if rng.random() < 0.03:
        surveyed = _between(rng, date(first_year, 3, 1), date(first_year, 3, 31))
    pipes = []
    for kind in PIPE_KINDS:
        if kind not in ("供水", "排水") and rng.random() < 0.4:
            continue
        laid = rng.randint(1962, 2016)
        condition = rng.choices(PIPE_CONDITIONS, [55, 15, 15, 7, 8])[0]
        pipes.append(PipeRow(
            kind=kind, year_laid=laid, condition=condition,
            rain_sewage_separated=(rng.random() < 0.45) if kind == "排水" else None,
        ))
    positions = max(2, int((alley.length_m or 100) / 30))
    installed = positions - (rng.randint(0, positions // 2) if rng.random() < 0.6 else 0)
    return Survey(
        alley_id=alley.id,
        surveyed_on=surveyed,
        surveyor=_person(rng),
        length_m=alley.length_m,
        avg_width_m=round((alley.red_line_width_m or 6) * rng.uniform(0.6, 0.95), 1),
        area_m2=round((alley.length_m or 0) * (alley.red_line_width_m or 6) * 0.8, 1),
        population=alley.population, households=alley.households, shops=alley.shops,
        illegal_buildings=some(0.35, 6), illegal_building_m2=round(rng.uniform(5, 120), 1) if rng.random() < 0.3 else 0,
        overdue_temp_structures=some(0.15, 3), illegal_billboards=some(0.3, 8), ground_locks=some(0.25, 12),
        dead_corners=some(0.6, 8), exposed_garbage_points=some(0.4, 5),
        public_toilets=(toilets := rng.randint(0, 2)), toilets_with_odour=rng.randint(0, toilets),
        sorting_bins=rng.randint(0, 3),
        road_hardened=rng.random() > 0.1, road_damaged_m2=round(rng.uniform(0, 300), 1) if rng.random() < 0.6 else 0,
        potholes=some(0.5, 15), ponding_points=some(0.3, 4), sidewalk_defects=some(0.3, 10),
        missing_covers=some(0.2, 4), signage_ok=rng.random() > 0.4, accessible=rng.random() > 0.5,
        dead_end=rng.random() < 0.05,
        tangled_cable_spans=some(0.55, 20), cables_can_go_underground=rng.random() < 0.4,
        lamp_positions=positions, lamps_installed=installed, lamps_working=installed - rng.randint(0, installed // 3),
        cameras=rng.randint(0, 4), fire_lane_marked=rng.random() > 0.5, hydrants=rng.randint(0, 3),
        extinguishers=rng.randint(0, 6), green_m2=round(rng.uniform(0, 200), 1), green_gaps=some(0.4, 5),
        heritage=sorted(rng.sample(["古建筑", "古树", "古井", "古桥"], some(0.15, 2))),
        parking_spaces=rng.randint(0, 30),
        problems_found=rng.choice(["路面破损，雨天积水", "线缆乱拉乱挂", "垃圾乱堆", "违章搭建较多", "路灯不足", ""]),
        residents_requests=rng.choice(["希望增加路灯", "希望规范停车", "希望增设垃圾分类点", "希望修缮古井", ""]),
        pipes=pipes,
    )


def _plans(rng: random.Random, alleys: list[Alley], surveys: list[Survey], years: list[int], county: str,
           profile: object) -> list[Plan]:
    survey_by_alley = {s.alley_id: s for s in surveys}
    measures = profile.measures  # type: ignore[attr-defined]
    supplements = [m for m in measures if m.group == "四补"]
    order = list(alleys)
    rng.shuffle(order)
    planned = order[: int(len(order) * 0.9)]
    out = []
    for index, alley in enumerate(planned):
        year = years[index % len(years)]
        survey = survey_by_alley[alley.id]
        boutique = rng.random() < 0.085
        chosen = []
        for m in measures:
            if m.group == "四补":
                continue
            needed = any(getattr(survey, n) for n in m.needs)
            if (needed and rng.random() < 0.97) or (not needed and rng.random() < 0.1):
                chosen.append(m)
        if boutique:
            k = 1 if rng.random() < 0.05 else rng.randint(2, len(supplements))
            chosen += rng.sample(supplements, k)
        elif rng.random() < 0.3:
            chosen.append(rng.choice(supplements))
        if not chosen:
            chosen = [measures[0]]
        out.append(_plan(rng, alley, year, "精品类" if boutique else "达标类", chosen, county))
        # A few alleys get a second round later: road works after earlier pipe works (R4's case).
        if year < years[-1] and any(m.pipe_work for m in chosen) and rng.random() < 0.03:
            road = [m for m in measures if m.digs and not m.pipe_work] or chosen
            out.append(_plan(rng, alley, years[-1], "达标类", road[:1], county))
    return out


def _plan(rng: random.Random, alley: Alley, year: int, category: Category, chosen: list, county: str) -> Plan:
    length = alley.length_m or 100
    items, total = [], 0
    for m in chosen:
        quantity = {"米": length, "平方米": length * (alley.red_line_width_m or 6) * 0.7}.get(m.unit, rng.randint(1, 12))
        cost = _round100(rng.uniform(40_000, 900_000) * (1.6 if category == "精品类" else 1))
        total += cost
        items.append(PlanMeasure(code=m.code, quantity=Decimal(str(round(float(quantity), 1))), unit=m.unit,
                                 estimated_investment_yuan=cost))
    approved = _between(rng, date(year, 3, 1), date(year, 4, 28))
    if rng.random() < 0.05:
        approved = _between(rng, date(year, 5, 1), date(year, 5, 20))
    tender = _between(rng, max(approved + timedelta(days=10), date(year, 5, 5)), date(year, 6, 24))
    if rng.random() < 0.15:
        tender = _between(rng, date(year, 6, 25), date(year, 7, 20))
    contract = tender + timedelta(days=rng.randint(2, 9))
    start = contract + timedelta(days=rng.randint(2, 12))
    if start > date(year, 6, 30) and contract <= date(year, 6, 27) and rng.random() < 0.9:
        start = _between(rng, contract + timedelta(days=1), date(year, 6, 30))
    completion: date | None = start + timedelta(days=rng.randint(60, 140))
    if completion is not None and completion > date(year, 11, 30) and rng.random() < 0.6:
        completion = _between(rng, start + timedelta(days=40), date(year, 11, 28))
    if rng.random() < 0.06:
        completion = _between(rng, date(year, 12, 1), date(year, 12, 28))
    if year == 2024 and rng.random() < 0.02:
        completion = None
    region = _round100(total * 0.25)
    county_part = _round100(total * rng.uniform(0.3, 0.5))
    builder = f"{county}{alley.subdistrict}办事处" if rng.random() < 0.5 else f"{county}住房和城乡建设局"
    contractor = rng.choice(COMPANIES["contractor"])
    return Plan(
        alley_id=alley.id, year=year, category=category, measures=items, total_investment_yuan=total,
        funding_region_yuan=region, funding_county_yuan=county_part, funding_city_yuan=total - region - county_part,
        builder=builder, designer=rng.choice(COMPANIES["designer"]), contractor=contractor,
        supervisor=rng.choice(COMPANIES["supervisor"]), tender_method=rng.choice(["公开招标", "竞争性磋商", "询价"]),
        winning_bidder=contractor, contract_no=f"HT-{year}-{alley.code[-5:]}", contract_amount_yuan=_round100(total * 0.96),
        planned_approved_on=date(year, 4, 30), approved_on=approved,
        planned_tender_on=date(year, 6, 15), tender_on=tender,
        planned_contract_on=date(year, 6, 25), contract_on=contract,
        planned_start_on=date(year, 6, 30), start_on=start,
        planned_completion_on=date(year, 11, 30), completion_on=completion,
    )


def _progress(rng: random.Random, plan: Plan) -> list[ProgressEntry]:
    """Monthly reports (月调度) on the 25th from the start of construction until completion."""
    out: list[ProgressEntry] = []
    if plan.start_on is None:
        return out
    end = plan.completion_on or date(plan.year + 1, 3, 31)
    month = plan.start_on.replace(day=25)
    if month < plan.start_on:
        month = (month + timedelta(days=31)).replace(day=25)
    span = max((end - plan.start_on).days, 1)
    while month < end and len(out) < 8:
        done = min(0.98, (month - plan.start_on).days / span)
        out.append(ProgressEntry(
            plan_id=plan.id, reported_on=month, progress_text=f"完成工程量约{int(done * 100)}%",
            cumulative_investment_yuan=_round100(plan.total_investment_yuan * done),
            problems="" if rng.random() < 0.9 else "雨季影响施工进度",
        ))
        month = (month + timedelta(days=31)).replace(day=25)
    return out


def _acceptance(rng: random.Random, plan: Plan) -> Acceptance | None:
    if plan.completion_on is None or rng.random() < 0.04:
        return None
    accepted = plan.completion_on + timedelta(days=rng.randint(5, 30))
    passed = rng.random() < 0.97
    positions = rng.randint(8, 40)
    installed = positions if rng.random() < 0.9 else positions - rng.randint(1, 3)
    working = installed - (0 if rng.random() < 0.85 else rng.randint(1, max(1, installed // 8)))
    standard_on = None
    if passed and accepted < date(plan.year, 10, 25):
        standard_on = _between(rng, max(accepted, date(plan.year, 10, 1)), date(plan.year, 10, 31))
    boutique_on: date | None = None
    boutique_result: BoutiqueEvalResult | None = None
    if plan.category == "精品类" and passed and accepted <= date(plan.year, 12, 10):
        boutique_on = _between(rng, max(accepted, date(plan.year, 12, 1)), date(plan.year, 12, 28))
        boutique_result = "精品" if rng.random() < 0.85 else "未评为精品"
    return Acceptance(
        plan_id=plan.id, accepted_on=accepted,
        builder_unit=plan.builder, builder_rep=_person(rng), designer_unit=plan.designer, designer_rep=_person(rng),
        contractor_unit=plan.contractor, contractor_rep=_person(rng), supervisor_unit=plan.supervisor,
        supervisor_rep=_person(rng), result="合格" if passed else "不合格",
        defects="" if passed else "部分路段面层平整度不达标", rectification="" if passed else "返工处理中",
        settlement_yuan=_round100(plan.total_investment_yuan * rng.uniform(0.9, 1.02)),
        lamp_positions=positions, lamps_installed=installed, lamps_working=working,
        standard_eval_by="市住房和城乡建设局" if standard_on else "", standard_eval_on=standard_on,
        standard_eval_result="达标" if standard_on else None,
        boutique_eval_by="自治区住房和城乡建设厅" if boutique_on else "", boutique_eval_on=boutique_on,
        boutique_eval_result=boutique_result,
    )


def _evaluated(rng: random.Random, acceptance: Acceptance, plan: Plan, profile: object) -> Acceptance:
    """The city's 达标 evaluation of an accepted 达标类 plan the first pass left unevaluated (accepted
    late in the year): mostly within its deadline, a few late or still awaited, one in a hundred 不达标;
    and the region's 精品 evaluation of a 精品类 plan accepted in the second half of December."""
    from core.rules.schedule import boutique_evaluation_due, standard_evaluation_due

    if not acceptance.passed:
        return acceptance
    deadlines = profile.deadlines  # type: ignore[attr-defined]
    update: dict = {}
    if plan.category == "达标类" and acceptance.standard_eval_on is None and rng.random() < 0.97:
        due, _ = standard_evaluation_due(acceptance.accepted_on, plan.year, deadlines)
        on = _between(rng, acceptance.accepted_on, due)
        if rng.random() < 0.03:
            on = due + timedelta(days=rng.randint(1, 20))
        update = {"standard_eval_by": "市住房和城乡建设局", "standard_eval_on": min(on, LAST_DAY),
                  "standard_eval_result": "不达标" if rng.random() < 0.01 else "达标"}
    elif plan.category == "精品类" and acceptance.boutique_eval_on is None and rng.random() < 0.95:
        due, _ = boutique_evaluation_due(acceptance.accepted_on, plan.year, deadlines)
        update = {"boutique_eval_by": "自治区住房和城乡建设厅",
                  "boutique_eval_on": min(_between(rng, max(acceptance.accepted_on, due.replace(day=1)), due), LAST_DAY),
                  "boutique_eval_result": "精品" if rng.random() < 0.85 else "未评为精品"}
    return acceptance.model_copy(update=update) if update else acceptance


def _filing(rng: random.Random, acceptance: Acceptance, plan: Plan, county: str, profile: Profile) -> Filing | None:
    if not acceptance.passed or rng.random() < 0.08:
        return None
    filed = acceptance.accepted_on + timedelta(days=rng.randint(2, 13 if rng.random() < 0.9 else 30))
    docs: list[FilingDocument] = []
    required = profile.documents
    skip = rng.choice([d.key for d in required if d.required]) if rng.random() < 0.06 else None
    for d in required:
        if d.key == skip or (not d.required and rng.random() < 0.7):
            continue
        docs.append(FilingDocument(
            seq=len(docs) + 1, kind=d.key, doc_no=f"{plan.year}-{acceptance.plan_id:05d}-{len(docs) + 1:02d}",
            issuer=plan.contractor if d.key in ("test_reports", "warranty") else plan.builder,
            title=d.title, doc_date=acceptance.accepted_on, pages=rng.randint(1, 30),
        ))
    archived = max(filed + timedelta(days=5),
                   acceptance.accepted_on + timedelta(days=rng.randint(20, 80 if rng.random() < 0.9 else 120)))
    locked = rng.random() < 0.8 and skip is None
    return Filing(
        plan_id=acceptance.plan_id, filing_no=f"备{plan.year}-{acceptance.plan_id:05d}", filed_on=filed,
        receiving_department=f"{county}住房和城乡建设局", builder_contact=acceptance.builder_rep,
        builder_phone=_phone(rng), project_location=county,
        contract_price_yuan=plan.contract_amount_yuan, construction_permit_no=f"4501{plan.year}{acceptance.plan_id:06d}",
        quality_supervisor=f"{county}建设工程质量安全监督站",
        units=[
            FilingUnit(role="设计单位", name=plan.designer, qualification="甲级", project_lead=acceptance.designer_rep),
            FilingUnit(role="施工单位", name=plan.contractor, qualification="市政公用工程施工总承包二级",
                       project_lead=acceptance.contractor_rep),
            FilingUnit(role="监理单位", name=plan.supervisor, qualification="甲级", project_lead=acceptance.supervisor_rep),
        ],
        archive_no=f"CJ-{plan.year}-{acceptance.plan_id:05d}", compiled_by=plan.builder,
        box_no=f"{plan.year}-{(acceptance.plan_id or 0) // 20 + 1:03d}", volume_no="1", retention="永久", security="内部",
        location="城建档案馆", archived_on=archived, compiler=_person(rng), compiled_on=filed,
        checker=_person(rng), checked_on=filed + timedelta(days=1),
        documents=docs,
        locked_at=datetime.combine(filed, datetime.min.time()).replace(hour=17) if locked else None,
    )


def _photos(ledger: Ledger, rng: random.Random, surveys: list[Survey], alleys: dict) -> None:
    """Two small generated pictures per survey, so filing packets have photo pages."""
    for survey in surveys:
        alley = alleys[survey.alley_id]
        for view in ("改造前现状", "巷口全景"):
            data = demo_photo(rng, f"{alley.name} {view}")
            ledger.add_attachment(data, f"{alley.code}-{view}.jpg", owner=survey, caption=f"{alley.name}{view}")


def demo_photo(rng: random.Random, label: str, size: tuple[int, int] = (800, 600)) -> bytes:
    """A JPEG that stands in for a site photo: sky, walls, a road and the label."""
    import io

    from PIL import Image, ImageDraw, ImageFont

    from core.paths import resources_dir

    width, height = size
    image = Image.new("RGB", size, (170 + rng.randint(0, 40), 200, 230))
    draw = ImageDraw.Draw(image)
    draw.rectangle([0, height * 0.55, width, height], fill=(120, 120, 125))
    for _ in range(6):
        x = rng.randint(0, width - 120)
        top = rng.randint(int(height * 0.15), int(height * 0.4))
        shade = rng.randint(150, 220)
        draw.rectangle([x, top, x + rng.randint(80, 200), height * 0.55], fill=(shade, shade - 20, shade - 40))
    draw.line([0, height * 0.8, width, height * 0.75], fill=(240, 240, 240), width=4)
    font = ImageFont.truetype(str(resources_dir() / "fonts" / "wqy-microhei.ttc"), size=height // 14, index=0)
    draw.rectangle([0, height - height // 8, width, height], fill=(0, 0, 0))
    draw.text((width // 30, height - height // 9), label, font=font, fill=(255, 255, 255))
    out = io.BytesIO()
    image.save(out, format="JPEG", quality=80)
    return out.getvalue()


COUNTY_UNITS = ["县城市管理局", "县住房和城乡建设局", "县自然资源局", "供电公司", "县交通运输局"]
CLOSING_NOTES = [
    "经现场核实，反映人要求拆除的围墙属合法建筑，已向其解释政策依据",
    "涉及私人产权，需业主自行维修，已告知反映人并留存告知记录",
    "该路段已列入明年改造计划，已向反映人解释",
]


def _later_steps(rng: random.Random, problem: Problem) -> Problem:
    """The problem ledger's later steps (002): who complained and the 12345 ticket, a problem the
    street could not handle reported to the county, and after a 不满意 rating a second round or a
    written 情况说明; never a date after the demo's last day."""
    update: dict = {}
    if problem.source in ("群众随手拍", "12345"):
        update.update(complainant=_person(rng), complainant_phone=_phone(rng))
    if problem.source == "12345":
        update["ticket_no"] = f"GX{problem.reported_on:%Y%m%d}{rng.randrange(10**5):05d}"
    if rng.random() < 0.04 and problem.assigned_on is not None:
        escalated = problem.assigned_on + timedelta(days=rng.choice((0, 1, 1, 3)))
        update.update(unable=True, escalated_to=rng.choice(COUNTY_UNITS))
        if escalated <= LAST_DAY and (problem.handled_on is None or escalated <= problem.handled_on):
            update["escalated_on"] = escalated
        elif problem.handled_on is not None:
            update["escalated_on"] = problem.handled_on
        else:
            update["escalated_to"] = ""
    if problem.satisfaction == "不满意" and problem.feedback_on is not None:
        if rng.random() < 0.65:
            update.update(_second_round(rng, problem))
        elif problem.closed_on is not None:
            update["closing_note"] = rng.choice(CLOSING_NOTES)
    return problem.model_copy(update=update) if update else problem


def _second_round(rng: random.Random, problem: Problem) -> dict[str, Any]:
    """再次交办 after a 不满意 rating, each step only once it has happened by the demo's last day."""
    span = {"紧急": 0, "一般": 9, "复杂": 15}[problem.urgency]
    assert problem.feedback_on is not None  # a second round follows a feedback
    assigned = problem.feedback_on + timedelta(days=rng.randint(0, 2))
    handled = assigned + timedelta(days=rng.randint(0, span))
    feedback = handled + timedelta(days=rng.randint(0, 2))
    closed = feedback + timedelta(days=rng.randint(0, 3))
    if assigned > LAST_DAY:
        return {"closed_on": None}
    steps: dict[str, Any] = {"second_assigned_on": assigned, "closed_on": None}
    if handled <= LAST_DAY:
        steps.update(second_handled_on=handled, second_result="已重新处理")
        if feedback <= LAST_DAY:
            steps.update(second_feedback_on=feedback,
                         second_satisfaction=rng.choices(SATISFACTIONS, [60, 35, 5])[0])
            if closed <= LAST_DAY and steps["second_satisfaction"] != "不满意":
                steps["closed_on"] = closed
    return steps


def _problems(rng: random.Random, alleys: list[Alley], plans: list[Plan]) -> list[Problem]:
    renovated = {p.alley_id: p for p in plans if p.completion_on}
    out = []
    for alley in alleys:
        plan = renovated.get(alley.id)
        if plan is None or rng.random() > 0.45:
            continue
        for _ in range(rng.choice((1, 1, 1, 2))):
            category, text = rng.choice(PROBLEM_KINDS)
            assert plan.completion_on is not None  # renovated: completed
            reported = _between(rng, plan.completion_on + timedelta(days=20), LAST_DAY)
            urgency = rng.choices(URGENCIES, [10, 75, 15])[0]
            assigned = reported + timedelta(days=rng.choice((0, 0, 1)))
            span = {"紧急": 0, "一般": 9, "复杂": 15}[urgency]
            handled_at = assigned + timedelta(days=rng.randint(0, span + (5 if rng.random() < 0.1 else 0)))
            feedback_at = handled_at + timedelta(days=rng.randint(0, 2 if rng.random() < 0.9 else 6))
            closed_at = feedback_at + timedelta(days=rng.randint(0, 3))
            handled: date | None = handled_at
            feedback: date | None = feedback_at
            closed: date | None = closed_at
            recent = (LAST_DAY - reported).days < 25
            if recent and rng.random() < 0.7:
                handled = feedback = closed = None
            handled, feedback, closed = (
                d if d is None or d <= LAST_DAY else None for d in (handled, feedback, closed)
            )
            if handled is None:
                feedback = closed = None
            if feedback is None:
                closed = None
            out.append(Problem(
                alley_id=alley.id, source=rng.choices(SOURCES, [45, 25, 10, 20])[0],
                category=category, description=f"{alley.name}{text}", reported_on=reported, urgency=urgency,
                assigned_department=rng.choice(DEPARTMENTS), assigned_on=assigned, handled_on=handled,
                result="已处理完毕" if handled else "", feedback_on=feedback,
                satisfaction=rng.choices(SATISFACTIONS, [70, 25, 5])[0] if feedback else None,
                closed_on=closed,
            ))
    return out
