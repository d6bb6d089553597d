"""Policy profiles: loaded and checked at start; a broken file says what and where."""

from __future__ import annotations

from decimal import Decimal

import pytest

from core.errors import ProfileError
from core.profile import available_profiles, load_profile, load_profile_file, profiles_dir
from core.records import CountySettings
from core.store import Ledger


@pytest.fixture
def base_text():
    return (profiles_dir() / "guangxi-2022.toml").read_text(encoding="utf-8")


def write(tmp_path, text):
    path = tmp_path / "broken.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_the_shipped_profile_holds_every_parameter_of_the_rules():
    profile = load_profile("guangxi-2022")
    assert profile.alley.max_red_line_m == 14
    assert profile.funding.subsidy_rate == Decimal("0.25")
    assert profile.funding.bonus_rate == Decimal("0.05")
    assert profile.funding.boutique_award_yuan == 1_500_000
    assert profile.funding.clawback == ["bonus"]
    assert profile.pipes.pipe_priority_age_years == 50 and profile.pipes.no_dig_years == 3
    assert profile.lighting.lamp_working_rate == Decimal("0.95")
    assert profile.targets.province == {2022: 4000, 2023: 3000, 2024: 3000}
    assert profile.filing.filing_days == 15 and profile.filing.archive_months == 3
    assert profile.problems.deadlines["一般"].days == 7
    assert [m.group for m in profile.measures].count("四补") == 4
    assert "竣工验收备案表" in [d.title for d in profile.required_documents()]
    assert "guangxi-2022" in available_profiles()


def test_a_toml_syntax_error_names_the_file(tmp_path, base_text):
    path = write(tmp_path, base_text.replace("[funding]", "[funding"))
    with pytest.raises(ProfileError) as caught:
        load_profile_file(path)
    assert "broken.toml" in str(caught.value) and "格式错误" in str(caught.value)


def test_a_wrong_value_names_the_parameter_in_chinese(tmp_path, base_text):
    path = write(tmp_path, base_text.replace('subsidy_rate = "0.25"', 'subsidy_rate = "1.5"')
                 .replace('plan = "04-30"', 'plan = "04-31"'))
    with pytest.raises(ProfileError) as caught:
        load_profile_file(path)
    text = str(caught.value)
    assert "政策配置文件内容有误" in text
    assert "subsidy_rate」不能大于 1" in text
    assert "「04-31」不是“月-日”格式" in text


def test_a_missing_section_and_an_unknown_survey_indicator_are_reported(tmp_path, base_text):
    text = base_text.replace('needs = ["tangled_cable_spans"]', 'needs = ["tangled_cables"]')
    text = text.replace("[lighting]", "[lights]")
    with pytest.raises(ProfileError) as caught:
        load_profile_file(write(tmp_path, text))
    message = str(caught.value)
    assert "「lighting」必须填写" in message
    assert "调查指标「tangled_cables」不存在" in message


def test_an_unknown_profile_name_lists_the_choices():
    with pytest.raises(ProfileError, match="没有名为「nowhere-2030」的政策配置（可选：.*guangxi-2022"):
        load_profile("nowhere-2030")


def test_settings_refuse_a_profile_that_does_not_exist():
    ledger = Ledger.in_memory()
    with pytest.raises(ProfileError):
        ledger.save_settings(CountySettings(name="示例县", profile="nowhere-2030"))
    assert ledger.settings() is None
