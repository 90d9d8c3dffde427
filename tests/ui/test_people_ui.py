"""The Participants area driven through its widgets: roster, mapping dialog, check-in."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox

from facilitator.store.tables import Table
from facilitator.ui.people import import_dialog
from facilitator.ui.people.area import PeopleArea
from facilitator.ui.people.dialogs import PersonDialog
from facilitator.ui.people.models import PeopleModel


def _area(qtbot, ctx) -> PeopleArea:  # noqa: ANN001
    area = PeopleArea(ctx)
    qtbot.addWidget(area)
    return area


def test_models_pass_modeltester(qtbot, qtmodeltester, ctx) -> None:  # noqa: ANN001
    area = _area(qtbot, ctx)
    qtmodeltester.check(area.roster.model)
    qtmodeltester.check(area.roster.proxy)
    qtmodeltester.check(area.checkin.model)
    qtmodeltester.check(area.attendance.model)


def test_roster_filter_is_accent_insensitive_and_updates_counts(qtbot, ctx) -> None:  # noqa: ANN001
    area = _area(qtbot, ctx)
    roster = area.roster
    assert roster.proxy.rowCount() == 36
    qtbot.keyClicks(roster.filter_edit, "viet nam gov")
    assert {p["name"] for p in roster.proxy.people()} == {
        "Nguyễn Thị Thu Hà",
        "Trần Văn Đức",
    }
    assert "2 people" in roster.counts_label.text()
    roster.filter_edit.setText("tran van duc")
    assert roster.proxy.rowCount() == 1
    roster.filter_edit.clear()
    assert "Female 19" in roster.counts_label.text()


def test_roster_sorts_by_clicking_a_column(qtbot, ctx) -> None:  # noqa: ANN001
    area = _area(qtbot, ctx)
    view = area.roster.view
    view.sortByColumn(2, Qt.SortOrder.AscendingOrder)
    first = view.model().index(0, 2).data()
    last = view.model().index(view.model().rowCount() - 1, 2).data()
    assert (first, last) == ("Cambodia", "Viet Nam")


def test_add_edit_delete_with_undo(qtbot, ctx, monkeypatch) -> None:  # noqa: ANN001
    area = _area(qtbot, ctx)
    roster = area.roster

    def fill(dialog: PersonDialog) -> int:
        if not dialog.person:
            dialog.ui.name_edit.setText("Zarina Ismailova")
            dialog.ui.country_combo.setCurrentText("Таджикистан")
            dialog.ui.role_combo.setCurrentIndex(dialog.ui.role_combo.findData("observer"))
        else:
            dialog.ui.organisation_edit.setText("OSCE")
        dialog._accept()
        return dialog.result()

    monkeypatch.setattr(PersonDialog, "exec", fill)
    pid = roster.add()
    person = ctx.workshop.people.person(pid)
    assert person["country"] == "Tajikistan" and person["role"] == "observer"
    assert roster.model.rowCount() == 37
    roster.select_ids([pid])
    roster.edit_selected()
    assert ctx.workshop.people.person(pid)["organisation"] == "OSCE"
    roster.select_ids([pid, "per_demo000"])
    roster.delete_selected()
    assert roster.model.rowCount() == 35
    ctx.undo_stack.undo()
    assert roster.model.rowCount() == 37
    assert ctx.workshop.people.person("per_demo000") is not None
    ctx.undo_stack.undo()
    assert ctx.workshop.people.person(pid)["organisation"] == ""
    ctx.undo_stack.undo()
    assert roster.model.rowCount() == 36


def test_person_dialog_refuses_bad_email(qtbot) -> None:  # noqa: ANN001
    dialog = PersonDialog(None, [])
    qtbot.addWidget(dialog)
    dialog.ui.name_edit.setText("A B")
    dialog.ui.email_edit.setText("a@b")
    dialog._accept()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert "not an e-mail address" in dialog.ui.problem_label.text()


REG = (
    "Registrations — March workshop;;;\n"
    "Prénom;Nom;Structure;Pays;Remarque\n"
    "Aigerim;Bekova;Youth Centre;Kazakhstan;x\n"
    ";;Org without name;Laos;y\n"
    "Dana;Omarova;Youth Initiatives Centre;Kazakhstan;z\n"
)


def test_mapping_dialog_corrects_mapping_and_holds_back_rejects(
    qtbot,
    qtmodeltester,
    ctx,
    tmp_path: Path,  # noqa: ANN001
) -> None:
    path = tmp_path / "inscriptions.csv"
    path.write_text(REG, encoding="cp1252")
    dialog = import_dialog.open_file(ctx, path)
    qtbot.addWidget(dialog)
    qtmodeltester_models = (dialog.mapping_model, dialog.preview_model, dialog.rejected_model)
    assert all(m.rowCount() for m in qtmodeltester_models)
    for model in qtmodeltester_models:
        qtmodeltester.check(model)
    assert dialog.ui.header_row_spin.value() == 2
    # "Structure" was recognised as the organisation, "Remarque" was not mapped
    assert dialog.mapping.columns[2] == "organisation" and dialog.mapping.columns[4] == ""
    assert dialog.rejected_model.items[0].row == 4
    ok = dialog.ui.button_box.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()  # rejected rows: nothing imports until the user skips them
    assert dialog.ui.skip_invalid_check.isVisibleTo(dialog)
    dialog.set_field(4, "notes")
    assert dialog.mapping.columns[4] == "notes"
    actions = [dialog.preview_model.index(r, 3).data() for r in range(2)]
    assert actions == ["Add", "Update notes"]  # Dana gains notes
    dialog.ui.skip_invalid_check.setChecked(True)
    assert ok.isEnabled()
    assert import_dialog.commit(ctx, dialog)
    names = {p["name"] for p in ctx.workshop.people.people()}
    assert "Aigerim Bekova" in names
    dana = ctx.workshop.people.person("per_demo002")
    assert dana["notes"] == "z"
    ctx.undo_stack.undo()
    assert "Aigerim Bekova" not in {p["name"] for p in ctx.workshop.people.people()}
    assert ctx.workshop.people.person("per_demo002")["notes"] == ""


def test_mapping_dialog_header_row_and_no_name_column(qtbot, ctx, tmp_path: Path) -> None:  # noqa: ANN001
    path = tmp_path / "reg.csv"
    path.write_text(REG, encoding="utf-8")
    dialog = import_dialog.open_file(ctx, path)
    qtbot.addWidget(dialog)
    dialog.set_field(0, "")
    dialog.set_field(1, "")
    assert "No column holds names" in dialog.ui.summary_label.text()
    assert not dialog.ui.button_box.button(QDialogButtonBox.StandardButton.Ok).isEnabled()
    dialog.ui.header_row_spin.setValue(1)  # wrong header row: nothing maps
    assert dialog.plan is None


def test_unreadable_file_is_reported(ctx, tmp_path: Path, errors) -> None:  # noqa: ANN001
    path = tmp_path / "old.xls"
    path.write_bytes(b"\xd0\xcf")
    assert import_dialog.open_file(ctx, path) is None
    assert "old.xls" in str(errors[0]) and ".xlsx" in str(errors[0])


def test_check_in_by_typing_and_enter(qtbot, ctx) -> None:  # noqa: ANN001
    ctx.workshop.db.execute("DELETE FROM attendance")
    ctx.workshop.db.conn.commit()
    area = _area(qtbot, ctx)
    desk = area.checkin
    desk.reload_days()
    assert desk.count_label.text() == "0 of 36 checked in"
    qtbot.keyClicks(desk.search, "omarov")
    qtbot.keyClick(desk.search, Qt.Key.Key_Return)
    assert desk.count_label.text() == "1 of 36 checked in"
    assert "Dana Omarova checked in" in desk.feedback.text()
    assert desk.search.text() == ""
    row = ctx.workshop.people.attendance_row("per_demo002", desk.day_id, "day")
    assert row["present"] == 1 and row["checked_in_at"]
    # arrow keys pick among several matches
    qtbot.keyClicks(desk.search, "ministry of interior")
    qtbot.keyClick(desk.search, Qt.Key.Key_Down)
    chosen = desk._current_person()
    qtbot.keyClick(desk.search, Qt.Key.Key_Return)
    assert ctx.workshop.people.attendance_row(chosen["id"], desk.day_id, "day")["present"]
    assert desk.count_label.text() == "2 of 36 checked in"
    ctx.undo_stack.undo()
    assert desk.count_label.text() == "1 of 36 checked in"
    # the attendance table follows
    att = area.attendance.model
    assert att.rows[-1][2] == [1, 0, 0, 0, 1]  # female, male, other, not given, total


def test_walk_in_added_and_checked_in(qtbot, ctx) -> None:  # noqa: ANN001
    area = _area(qtbot, ctx)
    desk = area.checkin
    before = ctx.workshop.people.present_count(desk.day_id, "day")
    pid = desk.walk_in({"name": "Walk In", "organisation": "Press", "country": "Laos"})
    assert ctx.workshop.people.person(pid)["name"] == "Walk In"
    assert ctx.workshop.people.present_count(desk.day_id, "day") == before + 1
    assert desk.count_label.text() == f"{before + 1} of 37 checked in"
    ctx.undo_stack.undo()
    assert ctx.workshop.people.person(pid) is None
    assert desk.count_label.text() == f"{before} of 36 checked in"


def test_half_days_show_slots(qtbot, ctx) -> None:  # noqa: ANN001
    ctx.workshop.rows.update(Table.WORKSHOP, ctx.workshop.info.details()["id"], {"half_days": 1})
    area = _area(qtbot, ctx)
    desk = area.checkin
    assert desk.slot_combo.isVisibleTo(desk)
    desk.slot_combo.setCurrentIndex(desk.slot_combo.findData("pm"))
    assert desk.count_label.text() == "0 of 36 checked in"
    desk.search.setText("Sarah")
    desk.check_in_current()
    assert ctx.workshop.people.attendance_row("per_demo030", desk.day_id, "pm")["present"] == 1


def test_attendance_table_disaggregates_and_copies(qtbot, ctx) -> None:  # noqa: ANN001
    area = _area(qtbot, ctx)
    model = area.attendance.model
    day = area.attendance.day_combo.currentData()
    present = ctx.workshop.people.present_count(day, "day")
    total = model.rows[-1]
    assert model.headers()[2:] == ["Female", "Male", "Other", "Not given", "Total"]
    assert total[0] == "All countries" and total[2][4] == present
    detail = [r for r in model.rows if not r[3]]
    assert sum(r[2][4] for r in detail) == present
    assert sum(r[2][0] for r in detail) + sum(r[2][1] for r in detail) == present
    assert "Viet Nam\tGovernment" in area.attendance.as_text()


def test_privacy_setting_is_undoable(qtbot, ctx) -> None:  # noqa: ANN001
    area = _area(qtbot, ctx)
    combo = area.print_kit.privacy_combo
    combo.setCurrentIndex(combo.findData("name_org"))
    assert ctx.workshop.info.details()["privacy"] == "name_org"
    ctx.undo_stack.undo()
    assert ctx.workshop.info.details()["privacy"] == "full"
    assert combo.currentData() == "full"


def test_print_kit_options_reach_the_exporter(qtbot, ctx) -> None:  # noqa: ANN001
    area = _area(qtbot, ctx)
    bar = area.print_kit
    bar.paper_combo.setCurrentIndex(1)
    bar.per_sheet_combo.setCurrentIndex(1)
    bar.team_combo.setCurrentIndex(1)
    options = bar.options()
    assert (options.paper, options.extra["per_sheet"]) == ("letter", 10)
    assert options.team_set == "tms_demo0"
    assert len(bar.menu.actions()) == 7


def test_presence_model_reflects_check_ins(qtbot, ctx) -> None:  # noqa: ANN001
    model = PeopleModel(ctx.workshop, presence=True)
    model.set_day("day_demo0", "day")
    row = model.row_of("per_demo030")
    assert model.index(row, model.columnCount() - 1).data().startswith("✓")


def test_an_edited_person_is_updated_in_place(qtbot, qtmodeltester, ctx) -> None:  # noqa: ANN001
    from facilitator.edits.people import edit_person

    area = _area(qtbot, ctx)
    roster = area.roster
    roster.filter_edit.setText("omarova")
    roster.select_ids(["per_demo002"])
    with qtbot.assertNotEmitted(roster.model.modelReset):
        ctx.push(edit_person(ctx.workshop, "per_demo002", {"organisation": "Youth Forum"}))
    assert roster.selected_ids() == ["per_demo002"]  # the selection stays
    qtmodeltester.check(roster.model)
    row = roster.proxy.mapFromSource(roster.model.index(roster.model.row_of("per_demo002"), 1))
    assert row.data() == "Youth Forum"
    roster.filter_edit.setText("youth forum")  # the filter searches the new text
    assert [p["id"] for p in roster.proxy.people()] == ["per_demo002"]
    ctx.undo_stack.undo()
    assert roster.proxy.rowCount() == 0
    desk = area.checkin.model  # the registration desk follows as well
    assert desk.person_at(desk.row_of("per_demo002"))["organisation"] == "Youth Initiatives Centre"


def test_print_kit_follows_new_days(qtbot, ctx) -> None:  # noqa: ANN001
    from facilitator.edits import agenda as cmd

    area = _area(qtbot, ctx)
    bar = area.print_kit
    days = bar.day_combo.count()
    ctx.push(cmd.add_day(ctx.workshop, {"date": "2026-03-13", "title": "Field visit"}))
    assert bar.day_combo.count() == days + 1
    assert bar.day_combo.itemText(days) == "Sign-in: Field visit"
