"""The person editor and the walk-in dialog (both laid out in Designer forms)."""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QWidget

from facilitator.domain import people as dom
from facilitator.ui.forms.ui_people_person import Ui_PersonDialog
from facilitator.ui.forms.ui_people_walkin import Ui_WalkInDialog


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


def _countries(combo: QComboBox, extra: list[str]) -> None:
    combo.addItem("")
    names = sorted(set(dom.country_names()) | {c for c in extra if c})
    combo.addItems(names)


def _country_value(combo: QComboBox) -> str:
    return dom.normalise_country(combo.currentText())[0]


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
        _countries(self.ui.country_combo, countries)
        _fill(self.ui.sector_combo, dom.SECTORS)
        _fill(self.ui.gender_combo, dom.GENDERS)
        _fill(self.ui.role_combo, dom.ROLES, blank=None)
        p = self.person
        for key in ("name", "honorific", "job_title", "organisation", "email", "phone"):
            getattr(self.ui, f"{key}_edit").setText(p.get(key, ""))
        self.ui.country_combo.setCurrentText(p.get("country", ""))
        _select(self.ui.sector_combo, p.get("sector", ""))
        _select(self.ui.gender_combo, p.get("gender", ""))
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
        langs = [s.strip() for s in self.ui.languages_edit.text().split(",") if s.strip()]
        return {
            "name": dom.clean_name(self.ui.name_edit.text()),
            "honorific": self.ui.honorific_edit.text().strip(),
            "job_title": self.ui.job_title_edit.text().strip(),
            "organisation": self.ui.organisation_edit.text().strip(),
            "country": _country_value(self.ui.country_combo),
            "sector": self.ui.sector_combo.currentData() or "",
            "gender": self.ui.gender_combo.currentData() or "",
            "role": self.ui.role_combo.currentData() or "participant",
            "email": self.ui.email_edit.text().strip(),
            "phone": self.ui.phone_edit.text().strip(),
            "languages": json.dumps(langs, ensure_ascii=False),
            "notes": self.ui.notes_edit.toPlainText(),
        }

    def changes(self) -> dict[str, Any]:
        return {k: v for k, v in self.values().items() if self.person.get(k, None) != v}

    def problem(self) -> str:
        v = self.values()
        if not v["name"]:
            return "Please enter a name."
        if v["email"] and not dom.valid_email(v["email"]):
            return f"“{v['email']}” is not an e-mail address."
        return ""

    def _accept(self) -> None:
        problem = self.problem()
        if problem:
            self.ui.problem_label.setText(problem)
            return
        self.accept()


class WalkInDialog(QDialog):
    """The few fields the registration desk needs for someone who was not registered."""

    def __init__(self, countries: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_WalkInDialog()
        self.ui.setupUi(self)
        _countries(self.ui.country_combo, countries)
        _fill(self.ui.sector_combo, dom.SECTORS)
        _fill(self.ui.gender_combo, dom.GENDERS)
        ok = self.ui.button_box.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText("Add and check in")
        ok.setEnabled(False)
        self.ui.name_edit.textChanged.connect(lambda t: ok.setEnabled(bool(t.strip())))
        self.ui.button_box.accepted.connect(self.accept)
        self.ui.button_box.rejected.connect(self.reject)

    def values(self) -> dict[str, Any]:
        return {
            "name": dom.clean_name(self.ui.name_edit.text()),
            "organisation": self.ui.organisation_edit.text().strip(),
            "country": _country_value(self.ui.country_combo),
            "sector": self.ui.sector_combo.currentData() or "",
            "gender": self.ui.gender_combo.currentData() or "",
            "role": "participant",
        }
