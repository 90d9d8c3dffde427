"""The person editor and the walk-in dialog (both laid out in Designer forms).

Both hold every field the roster holds, under the same widget names, so one set of helpers
fills and reads them; the walk-in dialog orders them for the registration desk.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from typing import Any

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QWidget

from facilitator.domain import people as dom
from facilitator.ui.forms.ui_people_person import Ui_PersonDialog
from facilitator.ui.forms.ui_people_walkin import Ui_WalkInDialog

TEXT_FIELDS = ("name", "honorific", "job_title", "organisation", "email", "phone")


def _fill(combo: QComboBox, items: dict[str, str], blank: str | None = "") -> None:
    if blank is not None:
        combo.addItem(blank, "")
    for key, label in items.items():
        combo.addItem(label, key)


def _select(combo: QComboBox, key: str) -> None:
    i = combo.findData(key)
    if i < 0 and key:
        combo.addItem(key, key)  # a value outside the list, kept as it is
        i = combo.count() - 1
    combo.setCurrentIndex(max(i, 0))


def country_choices(extra: Iterable[str], order: Callable[[str], Any] | None = None) -> list[str]:
    """Every ISO country and those already in the roster, in human order."""
    names = set(dom.country_names()) | {c for c in extra if c}
    return sorted(names, key=order or str.casefold)


def _countries(combo: QComboBox, names: list[str]) -> None:
    combo.addItem("")
    combo.addItems(names)


def _country_value(combo: QComboBox) -> str:
    return dom.normalise_country(combo.currentText())[0]


def _setup_choices(ui: Any, countries: list[str]) -> None:
    _countries(ui.country_combo, countries)
    _fill(ui.sector_combo, dom.SECTORS, blank=dom.NOT_GIVEN)
    _fill(ui.gender_combo, dom.GENDERS, blank=dom.NOT_GIVEN)
    _fill(ui.role_combo, dom.ROLES, blank=None)


def _read(ui: Any) -> dict[str, Any]:
    """What the form says, as the roster stores it."""
    langs = [s.strip() for s in ui.languages_edit.text().split(",") if s.strip()]
    return {
        "name": dom.clean_name(ui.name_edit.text()),
        "honorific": ui.honorific_edit.text().strip(),
        "job_title": ui.job_title_edit.text().strip(),
        "organisation": ui.organisation_edit.text().strip(),
        "country": _country_value(ui.country_combo),
        "sector": ui.sector_combo.currentData() or "",
        "gender": ui.gender_combo.currentData() or "",
        "role": ui.role_combo.currentData() or "participant",
        "email": ui.email_edit.text().strip(),
        "phone": ui.phone_edit.text().strip(),
        "languages": json.dumps(langs, ensure_ascii=False),
        "notes": ui.notes_edit.toPlainText().strip(),
    }


def _problem(values: dict[str, Any]) -> str:
    if not values["name"]:
        return "Please enter a name."
    if values["email"] and not dom.valid_email(values["email"]):
        return f"“{values['email']}” is not an e-mail address."
    return ""


class PersonDialog(QDialog):
    """Add or edit one person; returns the changed values only."""

    def __init__(
        self, person: dict[str, Any] | None, countries: list[str], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_PersonDialog()
        self.ui.setupUi(self)
        self.person = person or {}
        self.setWindowTitle("Edit participant" if person else "Add participant")
        _setup_choices(self.ui, countries)
        p = self.person
        for key in TEXT_FIELDS:
            getattr(self.ui, f"{key}_edit").setText(p.get(key, ""))
        self.ui.country_combo.setCurrentText(p.get("country", ""))
        _select(self.ui.sector_combo, p.get("sector", ""))
        _select(self.ui.gender_combo, dom.gender_key(p.get("gender", "")))
        _select(self.ui.role_combo, p.get("role", "participant"))
        try:
            langs = json.loads(p.get("languages") or "[]")
        except ValueError:
            langs = []
        self.ui.languages_edit.setText(", ".join(langs))
        self.ui.notes_edit.setPlainText(p.get("notes") or "")
        source = {}
        try:
            source = json.loads(p.get("source") or "{}")
        except ValueError:
            pass
        written = {k: v for k, v in source.items() if k in ("country", "gender", "sector", "role")}
        if source.get("file"):
            text = f"Imported from {source['file']}, row {source.get('row', '?')}"
            if written:
                text += "; written there as " + ", ".join(f"{k} “{v}”" for k, v in written.items())
            self.ui.source_label.setText(text + ".")
        self.ui.button_box.accepted.connect(self._accept)
        self.ui.button_box.rejected.connect(self.reject)
        self.ui.name_edit.textChanged.connect(lambda _t: self.ui.problem_label.clear())

    def values(self) -> dict[str, Any]:
        return _read(self.ui)

    def changes(self) -> dict[str, Any]:
        values = self.values()
        if dom.gender_key(self.person.get("gender")) == values["gender"]:
            values.pop("gender")  # "unspecified" of older files is the blank it shows
        return {k: v for k, v in values.items() if self.person.get(k, None) != v}

    def problem(self) -> str:
        return _problem(self.values())

    def _accept(self) -> None:
        problem = self.problem()
        if problem:
            self.ui.problem_label.setText(problem)
            return
        self.accept()


class WalkInDialog(QDialog):
    """Someone who was not registered: everything the roster holds, only the name required.

    ``existing`` (the roster) lets the dialog say when the person is registered after all
    (the same e-mail), so the desk checks them in instead of adding them twice.
    """

    def __init__(
        self,
        countries: list[str],
        parent: QWidget | None = None,
        existing: Iterable[dict[str, Any]] = (),
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_WalkInDialog()
        self.ui.setupUi(self)
        _setup_choices(self.ui, countries)
        self.by_email = {dom.email_key(p["email"]): p for p in existing if p.get("email")}
        self.ok = self.ui.button_box.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText("Add and check in")
        self.ok.setEnabled(False)
        self.ui.name_edit.textChanged.connect(lambda _t: self._check())
        self.ui.email_edit.textChanged.connect(lambda _t: self._check())
        self.ui.button_box.accepted.connect(self._accept)
        self.ui.button_box.rejected.connect(self.reject)

    def values(self) -> dict[str, Any]:
        return _read(self.ui)

    def problem(self) -> str:
        values = self.values()
        problem = _problem(values)
        if problem:
            return problem
        registered = self.by_email.get(dom.email_key(values["email"])) if values["email"] else None
        if registered is not None:
            return (
                f"{registered['name']} is registered with this e-mail: press Cancel and check "
                "them in from the list."
            )
        return ""

    def _check(self) -> None:
        values = self.values()
        self.ok.setEnabled(bool(values["name"]))
        problem = self.problem() if values["name"] or values["email"] else ""
        self.ui.problem_label.setText("" if problem == "Please enter a name." else problem)

    def _accept(self) -> None:
        problem = self.problem()
        if problem:
            self.ui.problem_label.setText(problem)
            return
        self.accept()
