"""Build rule inputs in code, without a database."""

from __future__ import annotations

from datetime import date

from core.profile import load_profile
from core.records import Acceptance, Alley, CountySettings, Filing, Plan, Problem, Survey
from core.rules import Dataset, HolidayCalendar


def alley(id: int = 1, **fields) -> Alley:
    data = {"id": id, "code": f"45012300{id:03d}", "name": f"巷{id}", "subdistrict": "城东街道",
            "red_line_width_m": 6.0}
    data.update(fields)
    return Alley(**data)


def survey(id: int = 1, alley_id: int = 1, **fields) -> Survey:
    data = {"id": id, "alley_id": alley_id, "surveyed_on": date(2022, 2, 10)}
    data.update(fields)
    return Survey(**data)


def plan(id: int = 1, alley_id: int = 1, **fields) -> Plan:
    data = {"id": id, "alley_id": alley_id, "year": 2023, "category": "达标类",
            "total_investment_yuan": 2_000_000, "measures": [{"code": "clean"}]}
    data.update(fields)
    return Plan(**data)


def dataset(*, alleys=(), surveys=(), plans=(), acceptances=(), filings=(), problems=(),
            settings: CountySettings | None = None, as_of: date = date(2026, 11, 23),
            calendar: HolidayCalendar | None = None, profile=None) -> Dataset:
    return Dataset(
        profile=profile or load_profile("guangxi-2022"),
        settings=settings or CountySettings(name="示例县"),
        alleys=list(alleys) or [alley()],
        surveys=list(surveys),
        plans=list(plans),
        acceptances=list(acceptances),
        filings=list(filings),
        problems=list(problems),
        calendar=calendar or HolidayCalendar(),
        as_of=as_of,
    )


__all__ = ["Acceptance", "Filing", "Problem", "alley", "dataset", "plan", "survey"]


def holiday_year_2030(year: int = 2030) -> tuple[dict[date, bool], dict[date, str]]:
    """A whole year's holiday table as the State Council would publish it for 2030 (days off and
    make-up working days, each named), for loading as a clerk loads an announced year; the same days
    in another ``year`` for tests that need one more year."""
    from datetime import timedelta

    days: dict[date, bool] = {}
    names: dict[date, str] = {}

    def off(start: date, count: int, name: str) -> None:
        for n in range(count):
            day = start.replace(year=year) + timedelta(days=n)
            days[day] = False
            names[day] = name

    def work(day: date, name: str) -> None:
        days[day.replace(year=year)] = True
        names[day.replace(year=year)] = name

    off(date(2030, 1, 1), 1, "元旦")
    off(date(2030, 2, 2), 8, "春节")
    work(date(2030, 1, 26), "春节调休上班")
    off(date(2030, 4, 5), 3, "清明节")
    off(date(2030, 5, 1), 5, "劳动节")
    work(date(2030, 4, 28), "劳动节调休上班")
    off(date(2030, 6, 5), 1, "端午节")
    off(date(2030, 9, 12), 1, "中秋节")
    off(date(2030, 10, 1), 7, "国庆节")
    work(date(2030, 9, 29), "国庆节调休上班")
    return days, names


def holiday_csv(path, year: int = 2030) -> None:
    """Write :func:`holiday_year_2030` for ``year`` as the CSV a clerk loads (日期,类型,名称)."""
    days, names = holiday_year_2030(year)
    path.write_text("日期,类型,名称\n" + "".join(f"{d},{'班' if w else '休'},{names[d]}\n" for d, w in days.items()),
                    encoding="utf-8")
