"""Anonymous outputs read back as a user would: nothing the roster names gets through.

Every free text of the report (and the team lists) passes the privacy guard; the command
line refuses an anonymous export with undecided hits unless told to withhold them.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import docx
import pytest

from facilitator.cli import main as cli_main
from facilitator.domain.privacy import Choice, Decision, PrivacyPolicy
from facilitator.exports import ExportOptions, UnresolvedHits, run_export
from facilitator.store.database import Workshop
from facilitator.store.privacy import PrivacyStore
from facilitator.store.tables import Table

# The demo's free texts name people in these forms (see interchange/demo.py).
DEMO_VARIANTS = [
    "Sarah Whitfield",
    "Kenji Watanabe",
    "ปริญญา ศรีสุข",
    "Ms. Lestari",
    "D. Lestari",
    "dewi.lestari@example.org",
    "Nguyen Thi Thu Ha",
    "Жумабаева Айгуль",
    "Жумабаевой",
    "สมชาย",
    "Mr. Trần",
    "Ms Omarova",
    "Amélie Durand",
    "Nur Aisyah binti Rahman",
]


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def pdf_text(pdf: Path) -> str:
    out = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    return _squash(out.stdout)


def docx_text(path: Path) -> str:
    d = docx.Document(path)
    parts = [p.text for p in d.paragraphs]
    parts += [c.text for t in d.tables for r in t.rows for c in r.cells]
    for section in d.sections:
        parts += [p.text for p in section.header.paragraphs]
    props = d.core_properties
    parts += [props.title or "", props.subject or "", props.author or ""]
    return _squash("\n".join(parts))


def _not_chatham(path: Path) -> None:
    with Workshop(path) as ws:
        ws.rows.update(Table.WORKSHOP, ws.info.details()["id"], {"chatham_house": 0})


def test_anonymous_export_refuses_and_lists_the_undecided_hits(
    demo_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
):
    for kind, name in (("report", "r.pdf"), ("report-docx", "r.docx")):
        out = tmp_path / name
        assert cli_main(["export", str(demo_path), kind, "-o", str(out), "--anonymous"]) == 2
        assert not out.exists()
        err = capsys.readouterr().err.splitlines()
        assert "not written" in err[0] and "--redact" in err[0]
        lines = err[1:]
        for variant in DEMO_VARIANTS:
            assert any(variant in line for line in lines), variant
        # one hit per line: the file, the section, the row and the hit in its context
        line = next(x for x in lines if "Sarah Whitfield" in x)
        assert line.startswith(f"{demo_path}: Sessions (Opening remarks) [ses_demo000/summary]:")
        assert "“The workshop was opened by Sarah Whitfield, who recalled" in line
        line = next(x for x in lines if "Kenji Watanabe" in x)
        assert "Acknowledgements [report/acknowledgements]" in line
        assert len(lines) == len(set(lines))


def test_redact_withholds_every_hit_in_pdf_and_docx(demo_path: Path, tmp_path: Path):
    pdf, word = tmp_path / "r.pdf", tmp_path / "r.docx"
    assert cli_main(["export", str(demo_path), "report", "-o", str(pdf), "--redact"]) == 0
    assert cli_main(["export", str(demo_path), "report-docx", "-o", str(word), "--redact"]) == 0
    for text in (pdf_text(pdf), docx_text(word)):
        for variant in DEMO_VARIANTS:
            assert variant not in text, variant
        assert "The workshop was opened by [name withheld], who recalled" in text
        assert "По словам [name withheld], программы профилактики" in text
        assert "([e-mail withheld])" in text
        # ordinary words around them are untouched
        assert "Test messages with the target audience before launch" in text


def test_the_check_can_fail_names_print_when_not_anonymous(demo_path: Path, tmp_path: Path):
    _not_chatham(demo_path)
    pdf = tmp_path / "r.pdf"
    assert cli_main(["export", str(demo_path), "report", "-o", str(pdf)]) == 0
    text = pdf_text(pdf)
    for variant in ("Sarah Whitfield", "Ms. Lestari", "Жумабаевой", "Kenji Watanabe"):
        assert variant in text


def test_decisions_in_the_workshop_are_applied_silently(
    demo_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
):
    with Workshop(demo_path) as ws:
        store = PrivacyStore(ws)
        findings = ws.report.load_report().privacy
        people = {pid for f in findings for pid in f.hit.people}
        policy = store.policy().deciding(people={pid: Decision(Choice.WITHHOLD) for pid in people})
        # Sarah Whitfield, the organiser, agreed to be named; the e-mail is not a person's
        sarah = next(f for f in findings if f.hit.text == "Sarah Whitfield")
        mail = next(f for f in findings if "@" in f.hit.text)
        policy = policy.deciding(
            people={sarah.hit.people[0]: Decision(Choice.KEEP)},
            hits={mail.key: Decision(Choice.WITHHOLD, "[address on request]")},
        )
        store.save_policy(policy)
    out = tmp_path / "r.pdf"
    assert cli_main(["export", str(demo_path), "report", "-o", str(out), "--anonymous"]) == 0
    assert capsys.readouterr().err == ""
    text = pdf_text(out)
    assert "opened by Sarah Whitfield, who recalled" in text
    assert "([address on request])" in text
    assert "Ms. Lestari" not in text and "[name withheld] described" in text


def test_role_descriptions_as_the_default_replacement(demo_path: Path, tmp_path: Path):
    with Workshop(demo_path) as ws:
        PrivacyStore(ws).save_policy(PrivacyPolicy(replacement="country"))
    out = tmp_path / "r.docx"
    run_export("report-docx", demo_path, out, ExportOptions())
    text = docx_text(out)
    assert "We thank a facilitator, who facilitated the group work" in text
    assert "A participant from Indonesia described the school-based programme" in text
    assert "[e-mail withheld]" in text and "[name withheld]" not in text


def test_existing_options_still_work_with_redact(demo_path: Path, tmp_path: Path):
    out = tmp_path / "r.pdf"
    args = ["export", str(demo_path), "report", "-o", str(out), "--redact", "--paper", "letter"]
    assert cli_main(args + ["--draft"]) == 0
    size = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True).stdout
    assert "612 x 792" in size


FIELDS = [
    # (table, row id, column, a text naming someone, the source row and field it reports)
    (Table.WORKSHOP, None, "subtitle", "Hosted by Dr Okafor", None, "subtitle"),
    (Table.WORKSHOP, None, "description", "Chaired by Elin Lindqvist.", None, "description"),
    (Table.DAYS, "day_demo0", "title", "Day of Mr Yusupov", "day_demo0", "title"),
    (Table.SESSIONS, "ses_demo001", "title", "Keynote by Rizky Pratama", "ses_demo001", "title"),
    (Table.SESSIONS, "ses_demo001", "room", "Room of Ms Tursunova", "ses_demo001", "room"),
    (
        Table.SESSIONS,
        "ses_demo001",
        "description",
        "Introduced by Chea Sophal.",
        "ses_demo001",
        "description",
    ),
    (
        Table.NOTES,
        "not_ses_demo001_0",
        "text",
        "Azamat Isakov made the point.",
        "not_ses_demo001_0",
        "text",
    ),
    (
        Table.NOTES,
        "not_ses_demo001_4",
        "action_owner",
        "Yohanes Sitompul",
        "not_ses_demo001_4",
        "action_owner",
    ),
    (
        Table.NOTES,
        "not_ws000",
        "text",
        "Secondary-school students, said Puteri Nabila Hassan",
        "not_ws000",
        "text",
    ),
    (
        Table.EXERCISES,
        "exe_demo0",
        "instructions",
        "Ask Siti Mariam Abdullah for markers.",
        "exe_demo0",
        "instructions",
    ),
    (
        Table.EXERCISE_PROMPTS,
        "prm_demo00",
        "text",
        "Target audience (Mr. Ismail's idea)",
        "prm_demo00",
        "text",
    ),
    (Table.TEAMS, "tea_demo00", "name", "Team Hafiz Ismail", "tea_demo00", "name"),
    (
        Table.SUMMARIES,
        "sum_ses_demo001",
        "text",
        "Фарангис Рахимова подвела итоги.",
        "ses_demo001",
        "summary",
    ),
]


def test_every_free_text_goes_through_the_guard(demo_path: Path, tmp_path: Path):
    with Workshop(demo_path) as ws:
        wid = ws.info.details()["id"]
        for table, row, column, text, _, _ in FIELDS:
            ws.rows.update(table, row or wid, {column: text})
        team_summary = {
            "id": "sum_team",
            "session_id": "ses_demo104",
            "team_id": "tea_demo01",
            "text": "Team summary by Muhammad Hafiz Ismail.",
        }
        ws.rows.insert(Table.SUMMARIES, team_summary)
        ws.info.set_setting("report", {"executive_summary": "Ms Yusupov summed up."})
        findings = ws.report.load_report().privacy
    sources = {(f.source.row, f.source.field) for f in findings}
    expected = {(row or wid, field) for *_, row, field in FIELDS}
    expected |= {("tea_demo01", "summary"), ("report", "executive_summary")}
    assert expected <= sources, expected - sources
    pdf, word = tmp_path / "r.pdf", tmp_path / "r.docx"
    run_export("report", demo_path, pdf, ExportOptions())
    run_export("report-docx", demo_path, word, ExportOptions())
    names = ["Okafor", "Lindqvist", "Yusupov", "Pratama", "Tursunova", "Sophal", "Isakov"]
    names += ["Sitompul", "Nabila", "Abdullah", "Ismail", "Рахимова"]
    for text in (pdf_text(pdf), docx_text(word)):
        for name in names:
            assert name not in text, name
        assert "Keynote by [name withheld]" in text
        assert "Team [name withheld]" in text


def test_team_lists_free_texts_pass_the_guard_when_privacy_is_on(
    demo_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
):
    with Workshop(demo_path) as ws:
        ws.rows.update(Table.TEAMS, "tea_demo00", {"name": "Team Lestari", "room": "Room of Kenji"})
        member = ws.teams.members(["tea_demo00"])[0]["name"]
    out = tmp_path / "t.pdf"
    assert cli_main(["export", str(demo_path), "team-lists", "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert "Team lists" in err and "Team Lestari" in err and "Room of Kenji" in err
    assert cli_main(["export", str(demo_path), "team-lists", "-o", str(out), "--redact"]) == 0
    text = pdf_text(out)
    assert "Team Lestari" not in text and "Kenji" not in text
    assert "Team [name withheld]" in text
    assert member in text  # the members are the list itself
    # privacy off (full details, not Chatham House): printed as typed
    _not_chatham(demo_path)
    assert cli_main(["export", str(demo_path), "team-lists", "-o", str(out)]) == 0
    assert "Team Lestari" in pdf_text(out)


def test_unresolved_hits_exception_lists_one_line_each(demo_path: Path, tmp_path: Path):
    with pytest.raises(UnresolvedHits) as caught:
        run_export("report", demo_path, tmp_path / "r.pdf", ExportOptions(redact=False))
    lines = caught.value.lines()
    assert len(lines) == len(caught.value.findings) >= len(DEMO_VARIANTS)
    assert all("\n" not in line for line in lines)
    assert not (tmp_path / "r.pdf").exists()
