"""Reading 改造内容 as clerks write it (domain.md §5): group words, everyday phrases, negations,
numbering and quantities — each case a clerk's own wording."""

from __future__ import annotations

import pytest

from core.exchange.content import ContentReader
from core.profile import load_profile


@pytest.fixture(scope="module")
def read():
    return ContentReader(load_profile("guangxi-2022")).read


@pytest.mark.parametrize("text, codes, declared", [
    ("一清二拆三改", ["clean", "demolish"], ["三改"]),
    ("白改黑、雨污分流、三线下地、补植绿化", ["pipes", "road", "cables", "green"], []),
    ("一清：清理卫生死角；二拆：拆除违建3处；三改：雨污分流、白改黑、线缆入地；四补：照明、绿化、文化墙",
     ["clean", "demolish", "pipes", "road", "cables", "safety", "publicity", "green"], []),
    ("消防管网改造、消防通道标线", ["pipes", "safety"], []),  # the longest phrase wins
    ("无障碍设施、白改黑", ["road"], []),  # 无障碍 is a road measure, not a negation
])
def test_measures_are_read_from_group_words_and_everyday_phrases(read, text, codes, declared):
    reading = read(text)
    assert list(reading.codes) == codes and list(reading.declared_groups) == declared
    assert reading.unrecognised == ()


@pytest.mark.parametrize("text, codes", [
    ("二拆：无", []),
    ("二拆：/", []),
    ("无违建，清理杂物", ["clean"]),
    ("不涉及拆违", []),
    ("三改：无；四补：无", []),
    ("一清：清理卫生死角；二拆：无；三改：雨污分流", ["clean", "pipes"]),
    ("一清：清理卫生死角 二拆：无", ["clean"]),
])
def test_a_group_or_measure_said_not_to_be_done_is_not_a_measure(read, text, codes):
    reading = read(text)
    assert list(reading.codes) == codes and reading.declared_groups == () and reading.unrecognised == ()


@pytest.mark.parametrize("text", ["一、清理卫生死角；二、拆除违建", "拆违（3处）、绿化（50㎡）", "共120平方米", "新增20盏路灯",
                                  "DN300排水管", "1.拆除违章搭建；2.外立面改造"])
def test_numbering_and_quantities_are_not_reported_as_unknown_words(read, text):
    assert read(text).unrecognised == ()


def test_words_nothing_was_found_in_are_listed_as_written(read):
    assert read("1.拆除违章搭建；2.外立面改造；3.按设计施工").unrecognised == ("按设计施工",)
    assert read("一清二拆三改四补（具体见方案）").unrecognised == ("具体见方案",)


def test_only_the_programs_own_wording_stands_for_its_measures(read):
    """An export writes 路面及附属设施改造、地下管网改造; a clerk's 路面改造，管网改造 is kept as written."""
    assert read("路面及附属设施改造、地下管网改造").exact
    clerk = read("路面改造，管网改造")
    assert not clerk.exact and list(clerk.codes) == ["road", "pipes"]
