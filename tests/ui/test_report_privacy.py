"""The Privacy check in the Report area, driven with the keyboard and the mouse.

The demo workshop is under the Chatham House Rule and its texts name 15 people in 13 places
(the way forward, the acknowledgements, session summaries and notes), none decided.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from facilitator.domain.report import ReportSettings
from facilitator.edits.base import SetFields
from facilitator.store.tables import Table
from facilitator.ui.report.area import ReportArea
from facilitator.ui.report.privacy_model import (
    DECISION,
    FOUND,
    PRINTED,
    SNIPPET_ROLE,
    WHERE,
    FindingsTable,
    HitsFilter,
    HitsModel,
    scan_workshop,
)

LESTARI = "per_demo025"  # Dewi Lestari: "Ms. Lestari", "D. Lestari" and her e-mail in one note
NOTE = "not_ses_demo102_2"


class _Progress:
    cancelled = False

    def __call__(self, fraction: float) -> None:
        pass


def _area(qtbot, ctx) -> ReportArea:  # noqa: ANN001
    area = ReportArea(ctx)
    qtbot.addWidget(area)
    area.resize(1280, 720)
    area.show()
    area.tabs.setCurrentWidget(area.privacy)
    _settled(qtbot, area)
    return area


def _settled(qtbot, area: ReportArea) -> None:  # noqa: ANN001
    qtbot.waitUntil(lambda: area.privacy.scan is not None and area.privacy.idle(), timeout=30_000)


def _index(area: ReportArea, key: str, column: int = FOUND):  # noqa: ANN202
    panel = area.privacy
    return panel.proxy.mapFromSource(panel.model.index_of(key, column))


def _key_of(area: ReportArea, text: str) -> str:
    """The key of the hit whose words are ``text``."""
    return next(r.finding.key for r in area.privacy.model.hit_rows() if r.finding.hit.text == text)


def _cell(area: ReportArea, text: str, column: int) -> str:
    return _index(area, _key_of(area, text), column).data()


def _current(area: ReportArea) -> str | None:
    panel = area.privacy
    return panel._key(panel.ui.hits_view.currentIndex())


def _stored(ctx) -> dict:  # noqa: ANN001
    return ctx.workshop.privacy.policy().to_value()


def test_the_models_pass_the_model_tester(ctx, qtmodeltester) -> None:  # noqa: ANN001
    scan = scan_workshop(ctx.workshop.path, _Progress())
    model = HitsModel()
    model.load(scan, ctx.workshop.privacy.policy())
    qtmodeltester.check(model)
    proxy = HitsFilter()
    proxy.setSourceModel(model)
    proxy.set_filter(undecided_only=True, text="lestari")
    qtmodeltester.check(proxy)
    assert proxy.rowCount() == 1 and proxy.rowCount(proxy.index(0, 0)) == 3
    qtmodeltester.check(FindingsTable(scan.findings))


def test_every_hit_is_listed_by_person_with_its_context_and_place(qtbot, ctx) -> None:  # noqa: ANN001
    area = _area(qtbot, ctx)
    panel = area.privacy
    assert panel.model.counts() == (15, 15)
    assert "15 possible names" in panel.ui.summary_label.text()
    assert "15 undecided" in area.tabs.tabText(area.tabs.indexOf(panel))
    group = _index(area, f"person:{LESTARI}")
    assert group.data() == "Dewi Lestari"
    assert group.siblingAtColumn(WHERE).data() == "3 mentions: Sessions"
    hits = [panel.proxy.index(r, FOUND, group) for r in range(panel.proxy.rowCount(group))]
    marked = [h.data(SNIPPET_ROLE) for h in hits]
    assert [text[a:b] for text, a, b in marked] == [
        "Ms. Lestari",
        "D. Lestari",
        "dewi.lestari@example.org",
    ]
    first = hits[0]
    assert first.siblingAtColumn(WHERE).data() == "Sessions · Country experiences: South-East Asia"
    assert first.siblingAtColumn(DECISION).data() == "Undecided"
    assert first.siblingAtColumn(PRINTED).data() == "[name withheld]"
    assert hits[2].siblingAtColumn(PRINTED).data() == "[e-mail withheld]"
    # Where the acknowledgements name people, the place is the report's own text.
    assert _cell(area, "Kenji Watanabe", WHERE) == "Acknowledgements"


def test_the_keyboard_decides_a_hit_and_moves_to_the_next(qtbot, ctx) -> None:  # noqa: ANN001
    area = _area(qtbot, ctx)
    view = area.privacy.ui.hits_view
    view.setFocus()
    ms = _key_of(area, "Ms. Lestari")
    view.setCurrentIndex(_index(area, ms))
    qtbot.keyClick(view, Qt.Key.Key_K)
    assert _stored(ctx)["hits"] == {ms: {"choice": "keep"}}
    assert ctx.undo_stack.undoText() == "Keep “Ms. Lestari”"
    assert _cell(area, "Ms. Lestari", DECISION) == "Keep"
    assert _cell(area, "Ms. Lestari", PRINTED) == "Ms. Lestari"  # printed as written
    assert _current(area) == _key_of(area, "D. Lestari")  # on to the next hit
    qtbot.keyClick(view, Qt.Key.Key_N)
    assert _cell(area, "D. Lestari", DECISION) == "Not a name"
    qtbot.keyClick(view, Qt.Key.Key_W)  # the e-mail address
    assert _cell(area, "dewi.lestari@example.org", DECISION) == "Withhold"
    assert area.privacy.model.counts() == (15, 12)
    assert "12 undecided" in area.tabs.tabText(area.tabs.indexOf(area.privacy))
    assert _current(area) == _key_of(area, "Kenji Watanabe")  # the next person's first hit
    for _ in range(3):  # past Kenji Watanabe's row and the e-mail
        qtbot.keyClick(view, Qt.Key.Key_Up)
    assert _current(area) == _key_of(area, "D. Lestari")
    qtbot.keyClick(view, Qt.Key.Key_Delete)  # undecide it again
    assert _cell(area, "D. Lestari", DECISION) == "Undecided"
    assert area.privacy.model.counts() == (15, 13)
    # What the report prints follows: the kept one stays, the undecided one is withheld.
    printed = {f.hit.text: f.printed for f in ctx.workshop.report.load_report().privacy}
    assert printed["Ms. Lestari"] == "Ms. Lestari" and printed["D. Lestari"] == "[name withheld]"


def test_every_mention_of_a_person_with_the_mouse_and_with_shift(qtbot, ctx) -> None:  # noqa: ANN001
    area = _area(qtbot, ctx)
    panel = area.privacy
    view = panel.ui.hits_view
    view.setFocus()
    view.setCurrentIndex(_index(area, _key_of(area, "D. Lestari")))
    qtbot.keyClick(view, Qt.Key.Key_K)  # one of hers decided on its own first
    assert _stored(ctx)["hits"]
    group = _index(area, f"person:{LESTARI}")
    qtbot.mouseClick(
        view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(group).center()
    )
    qtbot.mouseClick(panel.ui.withhold_button, Qt.MouseButton.LeftButton)
    assert _stored(ctx)["people"] == {LESTARI: {"choice": "withhold"}}
    assert _stored(ctx)["hits"] == {}  # deciding every mention overrides the one before
    assert ctx.undo_stack.undoText() == "Withhold every mention of Dewi Lestari"
    for text in ("Ms. Lestari", "D. Lestari", "dewi.lestari@example.org"):
        assert _cell(area, text, DECISION) == "Withhold (every mention)"
    assert group.siblingAtColumn(DECISION).data() == "Withhold every mention"
    # Shift with a key on a hit decides every mention of its person.
    view.setCurrentIndex(_index(area, _key_of(area, "Жумабаевой")))
    qtbot.keyClick(view, Qt.Key.Key_K, Qt.KeyboardModifier.ShiftModifier)
    assert _stored(ctx)["people"]["per_demo000"] == {"choice": "keep"}
    # on to the next person's first hit, past the other mentions just decided with it
    assert _current(area) == _key_of(area, "ปริญญา ศรีสุข")
    assert _cell(area, "Жумабаевой", PRINTED) == "Жумабаевой"
    # Keeping a person's name never publishes their e-mail: agreeing to be named is not
    # agreeing to be mailed (the engine's rule, visible here).
    view.setCurrentIndex(_index(area, f"person:{LESTARI}"))
    qtbot.keyClick(view, Qt.Key.Key_K)
    assert _cell(area, "Ms. Lestari", DECISION) == "Keep (every mention)"
    assert _cell(area, "dewi.lestari@example.org", DECISION) == "Undecided"


def test_undo_and_redo_bring_the_panel_along(qtbot, ctx) -> None:  # noqa: ANN001
    area = _area(qtbot, ctx)
    view = area.privacy.ui.hits_view
    view.setFocus()
    view.setCurrentIndex(_index(area, _key_of(area, "Sarah Whitfield")))
    qtbot.keyClick(view, Qt.Key.Key_K)
    view.setCurrentIndex(_index(area, f"person:{LESTARI}"))
    qtbot.keyClick(view, Qt.Key.Key_N)
    assert area.privacy.model.counts() == (15, 12)  # her e-mail is not covered by "not a name"
    ctx.undo_stack.undo()  # Edit ▸ Undo
    assert _cell(area, "Ms. Lestari", DECISION) == "Undecided"
    assert _cell(area, "Sarah Whitfield", DECISION) == "Keep"
    ctx.undo_stack.undo()
    assert _cell(area, "Sarah Whitfield", DECISION) == "Undecided"
    assert area.privacy.model.counts() == (15, 15)
    assert _stored(ctx)["hits"] == {} and _stored(ctx)["people"] == {}
    ctx.undo_stack.redo()
    ctx.undo_stack.redo()
    assert _cell(area, "Ms. Lestari", DECISION) == "Not a name (every mention)"
    assert area.privacy.idle()  # a decision never needs a new scan


def test_f2_types_what_a_withheld_hit_prints(qtbot, ctx) -> None:  # noqa: ANN001
    area = _area(qtbot, ctx)
    view = area.privacy.ui.hits_view
    view.setFocus()
    key = _key_of(area, "Ms. Lestari")
    view.setCurrentIndex(_index(area, key))
    qtbot.keyClick(view, Qt.Key.Key_F2)
    editor = view.focusWidget()
    assert editor is not view and editor.text() == "[name withheld]"
    editor.selectAll()
    qtbot.keyClicks(editor, "the delegate of Indonesia")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: _cell(area, "Ms. Lestari", DECISION) == "Withhold")
    assert _stored(ctx)["hits"][key] == {
        "choice": "withhold",
        "replacement": "the delegate of Indonesia",
    }
    # The note starts with the name, so the report capitalises the replacement.
    assert _cell(area, "Ms. Lestari", PRINTED) == "The delegate of Indonesia"
    # A person's row: what withholding every mention prints.
    view.setCurrentIndex(_index(area, "person:per_demo000"))
    qtbot.keyClick(view, Qt.Key.Key_F2)
    editor = view.focusWidget()
    editor.selectAll()
    qtbot.keyClicks(editor, "a participant from Kazakhstan")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: _cell(area, "Жумабаевой", PRINTED) == "a participant from Kazakhstan")
    assert _stored(ctx)["people"]["per_demo000"]["replacement"] == "a participant from Kazakhstan"


def test_the_undecided_filter_and_the_text_filter(qtbot, ctx) -> None:  # noqa: ANN001
    area = _area(qtbot, ctx)
    panel = area.privacy
    view = panel.ui.hits_view
    qtbot.mouseClick(panel.ui.undecided_check, Qt.MouseButton.LeftButton)
    shown = [i for i in panel._visible_rows() if i.parent().isValid()]
    assert len(shown) == 15
    view.setCurrentIndex(_index(area, _key_of(area, "Ms. Lestari")))
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_W)
    # The decided hit leaves the list; the next undecided one is current.
    assert not _index(area, _key_of(area, "Ms. Lestari")).isValid()
    assert _current(area) == _key_of(area, "D. Lestari")
    qtbot.keyClick(view, Qt.Key.Key_K, Qt.KeyboardModifier.ShiftModifier)  # every mention
    assert not _index(area, _key_of(area, "D. Lestari")).isValid()
    # the e-mail stays undecided (keeping a name does not keep the address), so she stays
    assert _index(area, f"person:{LESTARI}").isValid()
    panel.ui.filter_edit.setText("way forward")
    groups = [panel.proxy.index(r, 0).data() for r in range(panel.proxy.rowCount())]
    assert groups == ["Dana Omarova", "Trần Văn Đức", "Айгуль Жумабаева"]
    panel.ui.filter_edit.clear()
    qtbot.mouseClick(panel.ui.undecided_check, Qt.MouseButton.LeftButton)
    assert len([i for i in panel._visible_rows() if i.parent().isValid()]) == 15


def test_the_list_follows_an_edited_note_and_waits_while_hidden(qtbot, ctx) -> None:  # noqa: ANN001
    area = _area(qtbot, ctx)
    ws = ctx.workshop
    note = ws.rows.get(Table.NOTES, NOTE)
    text = note["text"] + " Ms Omarova agreed to help."
    ctx.push(SetFields(ws, Table.NOTES, NOTE, {"text": text}))  # as the Capture area does
    qtbot.waitUntil(lambda: area.privacy.model.counts() == (16, 16), timeout=30_000)
    assert _cell(area, "Ms Omarova", WHERE) == "The way forward"  # the first of its two
    omarova = _index(area, "person:per_demo002")
    assert omarova.siblingAtColumn(WHERE).data() == "2 mentions: The way forward, Sessions"
    # While the Report area is not on screen, nothing is scanned; coming back scans.
    area.hide()
    ctx.undo_stack.undo()
    qtbot.wait(600)
    assert not area.privacy.busy() and area.privacy.model.counts() == (16, 16)
    area.show()
    qtbot.waitUntil(lambda: area.privacy.model.counts() == (15, 15), timeout=30_000)


def test_a_new_person_in_the_roster_is_found_in_the_texts(qtbot, ctx) -> None:  # noqa: ANN001
    from facilitator.edits.base import InsertRow

    area = _area(qtbot, ctx)
    ws = ctx.workshop
    with ws.operation():
        ws.report.save_settings(ReportSettings(executive_summary="Opened by Zanele Mokoena."))
    qtbot.waitUntil(area.privacy.idle, timeout=30_000)
    before = area.privacy.model.counts()[0]
    row = {"id": "per_new", "name": "Zanele Mokoena", "country": "South Africa"}
    ctx.push(InsertRow(ws, Table.PEOPLE, row, "Add person"))
    qtbot.waitUntil(lambda: area.privacy.model.counts()[0] == before + 1, timeout=30_000)
    assert _cell(area, "Zanele Mokoena", WHERE) == "Executive summary"


def test_enter_shows_where_a_hit_is(qtbot, ctx, navigations) -> None:  # noqa: ANN001
    area = _area(qtbot, ctx)
    view = area.privacy.ui.hits_view
    view.setFocus()
    view.setCurrentIndex(_index(area, _key_of(area, "Ms. Lestari")))
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert navigations == [("capture", {"note_id": NOTE})]
    view.setCurrentIndex(_index(area, _key_of(area, "Kenji Watanabe")))
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert area.options.ui.acknowledgements_edit.hasFocus()


def test_a_read_only_workshop_shows_the_hits_but_decides_nothing(qtbot, demo_path) -> None:  # noqa: ANN001
    from PySide6.QtGui import QUndoStack

    from facilitator.store.database import Workshop
    from facilitator.ui.areas import AreaContext

    with Workshop(demo_path, read_only=True) as ws:
        errors: list = []
        ctx = AreaContext(ws, QUndoStack(), lambda *_: None, lambda _m: None, errors.append)
        area = _area(qtbot, ctx)
        view = area.privacy.ui.hits_view
        view.setCurrentIndex(_index(area, _key_of(area, "Ms. Lestari")))
        qtbot.keyClick(view, Qt.Key.Key_K)
        assert area.privacy.model.counts() == (15, 15) and not errors
        assert not area.privacy.ui.keep_button.isEnabled()
        area.close()


def test_every_replacement_style_can_be_chosen_and_is_undoable(qtbot, ctx) -> None:  # noqa: ANN001
    from facilitator.domain.privacy import REPLACEMENT_STYLES

    area = _area(qtbot, ctx)
    combo = area.privacy.ui.replacement_combo
    assert [combo.itemData(i) for i in range(combo.count())] == list(REPLACEMENT_STYLES)
    combo.setCurrentIndex(combo.findData("country"))
    assert ctx.workshop.privacy.policy().replacement == "country"
    assert _cell(area, "Ms. Lestari", PRINTED) == "A participant from Indonesia"
    ctx.undo_stack.undo()
    assert combo.currentData() == "withheld"
    assert _cell(area, "Ms. Lestari", PRINTED) == "[name withheld]"


def test_the_panel_renders_at_laptop_size(qtbot, ctx, tmp_path: Path) -> None:  # noqa: ANN001
    area = _area(qtbot, ctx)
    view = area.privacy.ui.hits_view
    view.setFocus()
    view.setCurrentIndex(_index(area, _key_of(area, "D. Lestari")))
    qtbot.keyClick(view, Qt.Key.Key_K)
    assert _cell(area, "D. Lestari", DECISION) == "Keep"
    qtbot.wait(50)
    image = area.grab().toImage()
    image.save(str(tmp_path / "privacy-check.png"))
    assert (image.width(), image.height()) == (1280, 720)
    # Every column can be read: none is squeezed below a few characters.
    header = view.header()
    assert all(header.sectionSize(c) >= 100 for c in range(header.count()))
    assert view.visualRect(_index(area, f"person:{LESTARI}")).bottom() < view.height()
