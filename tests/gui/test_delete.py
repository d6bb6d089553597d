"""删除 on the record pages: a clerk who typed an alley twice, or filed a record on the wrong plan,
deletes it — asked first, refused while other records depend on it, an amendment for a filed plan —
and every page that shows the kind re-reads."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from core import actions
from core.errors import NotFound
from core.records import Alley, Problem
from core.store import Ledger
from gui import dialogs
from gui.main_window import PAGE_NAMES
from gui.pages.records import RecordPage
from tests.safety import other_program


def _page(window, qtbot, name):
    window.go_to(name)
    page = window.current_page()
    qtbot.waitUntil(page.is_ready, timeout=10_000)
    return page


def _twice_typed(window) -> Alley:
    """茶亭巷 typed a second time under the next free code, as the form offers it."""
    ledger = window.session.ledger
    first = ledger.alley("45012300001")
    copy = first.model_dump(exclude={"id", "changed_at", "changed_by", "code"})
    done = actions.save_record(ledger, Alley(code="45012300301", **copy))
    window.session.notify(done.changes)
    return done.result


def test_a_twice_typed_alley_is_deleted_from_the_alley_page_after_asking(qtbot, window, answers):
    duplicate = _twice_typed(window)
    plans = _page(window, qtbot, "plans")  # read before the delete: must follow it
    assert duplicate.id in _alleys_offered(plans)
    page = _page(window, qtbot, "alleys")
    page.show_record(duplicate.id)
    shown = page.table_model.total()
    before = page.table_model.record_id(page.table_model.row_of(duplicate.id) - 1)
    assert page.table_model.row_of(duplicate.id) == page.table_model.matching() - 1, "its code sorts last"
    assert page.delete_button.isEnabled() and page.delete_button.text() == "删除…"

    answers.delete_answers = [False]  # 取消: nothing happens
    page.delete_button.click()
    assert answers.deletions_asked == [("删除记录", "删除街巷「茶亭巷」（45012300301）？删除后可在操作日志中查到原记录。")]
    assert window.session.ledger.alley("45012300301")

    page.delete_button.click()  # 删除
    assert answers.warnings == []
    with pytest.raises(NotFound):
        window.session.ledger.alley("45012300301")
    assert page.table_model.total() == shown - 1 and page.table_model.row_of(duplicate.id) is None
    assert page.count_label.text() == f"{shown - 1} / {shown - 1} 条"
    # the last row went: the one before it is chosen, ready for the next delete
    assert page.record_id == before and page.form.record.id == before and page.table.current_record_id() == before
    assert page.delete_button.isEnabled()
    assert "已删除：街巷「茶亭巷」（45012300301）" in window.statusBar().currentMessage()

    audit = _page(window, qtbot, "audit")
    newest = audit.model.line(0)
    assert (newest.action, newest.kind, newest.record, newest.who) == ("删除", "街巷", "45012300301", "测试员")
    assert "街巷名称：茶亭巷" in newest.summary(None)
    # the plans page re-read the alleys it offers (Changes: alleys): the deleted one is gone
    assert _page(window, qtbot, "plans") is plans and duplicate.id not in _alleys_offered(plans)


def _alleys_offered(page) -> set[int]:
    return {choice[0] for choice in page.form.editors["alley_id"]._choices}


def test_an_alley_with_a_plan_is_refused_with_what_depends_on_it_and_stays(qtbot, window, answers):
    page = _page(window, qtbot, "alleys")
    page.show_record(window.session.ledger.alley("45012300001").id)
    head = window.session.ledger.audit_head()
    page.delete_button.click()
    assert answers.deletions_asked == [], "nothing to ask: it cannot be deleted"
    [(title, text)] = answers.warnings
    assert title == "不能删除"
    assert text.startswith("不能删除街巷「茶亭巷」（45012300001）：它还有关联记录——改造方案 1 个（2022年）、"
                           "调查摸底 1 份（2022-02-21）。请先在「改造方案」「调查摸底」页删除它们")
    assert window.session.ledger.alley("45012300001").name == "茶亭巷"
    assert window.session.ledger.audit_head() == head
    assert page.table_model.row_of(page.record_id) is not None


def test_a_filed_plans_record_asks_for_the_amendment_reason(qtbot, window, answers):
    page = _page(window, qtbot, "filings")
    ledger = window.session.ledger
    plan_id = ledger.plans(alley_id=ledger.alley("45012300001").id)[0].id
    page.show_record(plan_id)
    filing = ledger.filing_for(plan_id)
    assert filing.locked_at is not None, "the demo filed and locked 茶亭巷's 2022 plan"

    answers.texts = [None]  # the clerk cancels the reason: nothing deleted
    page.delete_current()
    assert ledger.filing_for(plan_id) is not None
    answers.texts = ["备案录在了别的方案上"]
    assert page.delete_current()
    assert len(answers.deletions_asked) == 2
    assert answers.deletions_asked[1][1] == (
        "删除备案归档「茶亭巷 2022年」（45012300001）？改造方案「茶亭巷 2022年」将随之解除归档锁定（封存取消，案卷可以再修改），"
        "不再算作已备案归档；改正后须重新备案并归档锁定。删除后可在操作日志中查到原记录。")
    assert ledger.filing_for(plan_id) is None
    entry = ledger.audit(table="filings", record_id=filing.id)[0]
    assert (entry.action, entry.reason, entry.source) == (
        "delete", "备案录在了别的方案上（删除备案，方案解除归档锁定）", "界面")
    assert "改造方案「茶亭巷 2022年」已解除归档锁定" in window.statusBar().currentMessage()
    # the plan's row stays, now with a new filing to fill in; its acceptance may go now
    assert page.record_id == plan_id and page.form.record is None and "（新）" in page.heading.text()
    assert not page.delete_button.isEnabled()
    acceptances = _page(window, qtbot, "acceptances")
    acceptances.show_record(plan_id)
    assert acceptances.delete_current() and ledger.acceptance_for(plan_id) is None
    assert answers.warnings == []


def test_the_acceptance_of_a_filed_plan_is_refused_while_its_filing_stands(qtbot, window, answers):
    page = _page(window, qtbot, "acceptances")
    ledger = window.session.ledger
    page.show_record(ledger.plans(alley_id=ledger.alley("45012300001").id)[0].id)
    page.delete_current()
    [(title, text)] = answers.warnings
    assert "它还有关联记录——备案归档 1 份（已归档锁定）" in text and "请先在「备案归档」页删除它，" in text
    assert window.session.ledger.acceptance_for(page.record_id) is not None


def test_ctrl_del_deletes_the_record_on_screen_but_not_while_typing(qtbot, window, answers):
    duplicate = _twice_typed(window)
    page = _page(window, qtbot, "alleys")
    page.show_record(duplicate.id)
    chief = page.form.editors["chief"].widget
    chief.setFocus()
    chief.setText("张三 李四")
    chief.setCursorPosition(0)
    qtbot.keyClick(chief, Qt.Key.Key_Delete, Qt.KeyboardModifier.ControlModifier)
    assert answers.deletions_asked == [] and chief.text() == "李四", "in a field Ctrl+Del deletes a word"
    page.form.load(page.form.record)  # the edit dropped: nothing to ask about
    page.table.setFocus()
    answers.delete_answers = [False]
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    assert len(answers.deletions_asked) == 1, "Del in the table asks"
    qtbot.keyClick(page.table, Qt.Key.Key_Delete, Qt.KeyboardModifier.ControlModifier)
    assert len(answers.deletions_asked) == 2
    assert page.table_model.row_of(duplicate.id) is None
    assert [a.text() for a in page.table.actions()] == ["复制选中行", "删除…"]
    assert page.table.contextMenuPolicy() == Qt.ContextMenuPolicy.ActionsContextMenu


def test_every_record_page_has_the_delete_button_and_a_new_record_cannot_be_deleted(qtbot, window, answers):
    for name in PAGE_NAMES:
        page = _page(window, qtbot, name)
        if not isinstance(page, RecordPage):
            continue
        assert page.delete_button.isVisible(), name
        if page.can_create:
            page.new_record()
            assert not page.delete_button.isEnabled() and not page.delete_current(), name
    assert answers.deletions_asked == []


def test_the_question_defaults_to_cancel(qtbot):
    seen = {}

    def answer():
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        seen["buttons"] = sorted(b.text() for b in box.buttons())
        seen["default"] = box.defaultButton().text()
        qtbot.keyClick(box, Qt.Key.Key_Return)  # Enter takes the default

    QTimer.singleShot(0, answer)
    assert dialogs.confirm_delete(None, "删除记录", "删除街巷「茶亭巷」（45012300301）？") is False
    assert seen == {"buttons": ["删除", "取消"], "default": "取消"}


def test_a_survey_typed_on_the_wrong_alley_goes_and_the_alley_page_follows(qtbot, window, answers):
    duplicate = _twice_typed(window)
    ledger = window.session.ledger
    done = actions.save_record(ledger, ledger.surveys(ledger.alley("45012300001").id)[0].model_copy(
        update={"id": None, "alley_id": duplicate.id, "changed_at": None}))
    window.session.notify(done.changes)
    alleys = _page(window, qtbot, "alleys")
    alleys.show_record(duplicate.id)
    alleys.delete_current()
    assert "调查摸底 1 份" in answers.warnings[-1][1]
    surveys = _page(window, qtbot, "surveys")
    surveys.show_record(done.result.id)
    assert surveys.delete_current()
    assert answers.deletions_asked[-1][1].startswith("删除调查摸底「茶亭巷 2022-02-21」（45012300301）？")
    alleys = _page(window, qtbot, "alleys")
    alleys.show_record(duplicate.id)
    assert alleys.delete_current(), answers.warnings
    assert alleys.table_model.row_of(duplicate.id) is None


def test_a_record_changed_elsewhere_meanwhile_is_not_deleted_and_the_page_shows_it_as_it_is_now(
        qtbot, window, answers, demo_copy):
    duplicate = _twice_typed(window)
    page = _page(window, qtbot, "alleys")
    page.show_record(duplicate.id)
    with Ledger.open(demo_copy, user="李四") as other:  # an import, another window
        other.save(other.get(Alley, duplicate.id).model_copy(update={"chief": "王五"}), source="导入 台账.xlsx")
    assert not page.delete_current()
    [(title, text)] = answers.warnings
    assert title == "没有删除"
    assert text.startswith("街巷「茶亭巷」（45012300301）在您读取之后已被 李四 于 ")
    assert "来自“导入 台账.xlsx”，这次没有删除；请看过修改后再决定是否删除" in text
    assert f"「街巷长」：您读取时为「{duplicate.chief}」，数据库中现在是「王五」" in text and "您的修改" not in text
    assert window.session.ledger.alley("45012300301").chief == "王五"
    assert page.form.editors["chief"].widget.text() == "王五" and not page.form.is_dirty()
    assert page.delete_current(), "asked again on what is there now, the clerk deletes it"
    assert page.table_model.row_of(duplicate.id) is None


def test_a_record_deleted_elsewhere_already_is_said_so_and_the_page_catches_up(qtbot, window, answers, demo_copy):
    page = _page(window, qtbot, "problems")
    model = page.table_model
    on_screen, after = model.record_id(3), model.record_id(4)
    page.show_record(on_screen)
    shown = model.total()
    with Ledger.open(demo_copy, user="李四") as other:
        gone = actions.delete_record(other, other.get(Problem, on_screen), reason="录重了").result
    assert not page.delete_current()
    [(title, text)] = answers.warnings
    assert title == "没有删除"
    assert text.startswith(gone.title + "已被 李四 于 ")
    assert text.endswith(f"删除（来自“界面”；操作日志第 {gone.audit_id} 条），不必再删除")
    assert model.total() == shown - 1 and model.row_of(on_screen) is None
    assert page.record_id == after and page.form.record.id == after and page.delete_button.isEnabled()


def test_a_window_that_may_only_view_refuses_before_asking(qtbot, answers, demo_copy):
    from gui.main_window import MainWindow

    with other_program(demo_copy, user="李四"):
        window = MainWindow(demo_copy, user="测试员")
        qtbot.addWidget(window)
        window.show()
        assert window.session.read_only
        page = _page(window, qtbot, "problems")
        problem = page.form.record
        assert not page.delete_current()
        assert answers.deletions_asked == [], "nothing to ask: it could not be deleted anyway"
        [(title, text)] = answers.warnings
        assert title == "不能删除" and text == window.session.read_only and "李四" in text
        assert window.session.ledger.get(Problem, problem.id) == problem
    window.close()


def test_a_reason_of_only_spaces_is_asked_again(qtbot, window, answers):
    page = _page(window, qtbot, "filings")
    ledger = window.session.ledger
    plan_id = ledger.plans(alley_id=ledger.alley("45012300001").id)[0].id
    page.show_record(plan_id)
    filing = ledger.filing_for(plan_id)
    answers.texts = ["   ", "锁错了方案 "]
    assert page.delete_current()
    first, second = answers.reasons_asked
    assert second.startswith("更正原因不能为空（也不能只有空格），请填写：\n") and second.endswith(first)
    assert answers.warnings == []
    assert ledger.audit(table="filings", record_id=filing.id)[0].reason.startswith("锁错了方案（删除备案")


def test_after_a_delete_the_next_row_is_chosen_so_duplicates_go_one_after_another(qtbot, window, answers):
    page = _page(window, qtbot, "problems")
    model = page.table_model
    first, second, third = model.record_id(0), model.record_id(1), model.record_id(2)
    page.show_record(first)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    assert page.table.current_record_id() == second and page.form.record.id == second
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)  # the next duplicate: no click in between
    assert page.table.current_record_id() == third and page.form.record.id == third
    assert model.row_of(first) is None and model.row_of(second) is None
    assert len(answers.deletions_asked) == 2 and answers.warnings == []
