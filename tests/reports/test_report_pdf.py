"""The outcome report read back as a user would: text, fonts, structure, privacy."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

from facilitator.cli import main as cli_main
from facilitator.domain.report import ReportSettings, to_minutes
from facilitator.exports import ExportOptions, run_export
from facilitator.store.database import Workshop
from facilitator.store.report import SETTING_KEY
from facilitator.store.tables import Table


def _text(pdf: Path) -> str:
    out = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    return out.stdout


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def _not_chatham(path: Path) -> None:
    with Workshop(path) as ws:
        ws.rows.update(Table.WORKSHOP, ws.info.details()["id"], {"chatham_house": 0})


def _names(path: Path) -> list[str]:
    with Workshop(path, read_only=True) as ws:
        return [r["name"] for r in ws.db.query("SELECT name FROM people")]


def test_every_recommendation_and_action_item_is_in_the_pdf(demo_path: Path, tmp_path: Path):
    out = tmp_path / "r.pdf"
    # the demo is under the Chatham House Rule and its texts name people nobody decided about
    assert cli_main(["export", str(demo_path), "report", "-o", str(out), "--redact"]) == 0
    text = _squash(_text(out))
    with Workshop(demo_path, read_only=True) as ws:
        rows = list(
            ws.db.query(
                "SELECT kind, text FROM notes WHERE kind IN ('recommendation', 'action_item')"
            )
        )
    assert len(rows) >= 8
    for row in rows:
        assert _squash(row["text"]) in text, row["text"]
    assert re.search(r"Page 1 of \d+", text) is None  # the cover has no footer
    pages = len(PdfReader(out).pages)
    assert f"Page {pages} of {pages}" in text
    assert "Action plan" in text and "Contents" in text


def test_fonts_are_embedded_and_qpdf_accepts_the_file(demo_path: Path, tmp_path: Path):
    out = tmp_path / "r.pdf"
    run_export("report", demo_path, out, ExportOptions(draft=True))
    fonts = subprocess.run(["pdffonts", str(out)], capture_output=True, text=True).stdout
    rows = fonts.splitlines()[2:]
    assert rows, fonts
    for row in rows:
        assert " yes " in row and "Helvetica" not in row, row
    check = subprocess.run(["qpdf", "--check", str(out)], capture_output=True, text=True)
    assert check.returncode == 0, check.stdout + check.stderr
    # the watermark is diagonal, which pdftotext leaves out
    assert "DRAFT" in PdfReader(out).pages[1].extract_text()


def test_anonymised_report_names_nobody(demo_path: Path, tmp_path: Path):
    _not_chatham(demo_path)
    with Workshop(demo_path) as ws:
        person = next(iter(ws.db.query("SELECT id, name FROM people LIMIT 1")))
        ws.db.execute(
            "UPDATE notes SET attribution_person_id = ?, text = text || ' as ' || ? "
            "WHERE kind = 'key_point'",
            [person["id"], person["name"]],
        )
        ws.db.conn.commit()
    full = tmp_path / "full.pdf"
    anon = tmp_path / "anon.pdf"
    run_export("report", demo_path, full, ExportOptions())
    args = ["export", str(demo_path), "report", "-o", str(anon), "--anonymous", "--redact"]
    assert cli_main(args) == 0
    full_text, anon_text = _squash(_text(full)), _squash(_text(anon))
    names = _names(demo_path)
    assert any(n in full_text for n in names)  # the check below can fail
    for name in names:
        assert name not in anon_text, name
    meta = PdfReader(anon).metadata
    blob = " ".join(str(v) for v in meta.values())
    for name in names:
        assert name not in blob
    assert "[name withheld]" in anon_text
    assert "Chatham House Rule" in anon_text
    # the teams are listed without names, with how many were in each
    sizes = _team_sizes(demo_path)
    for name, size in sizes:
        assert f"{name}: {size} members" in anon_text, name
    assert (
        f"{sizes[0][0]}: " in full_text and f"{sizes[0][0]}: {sizes[0][1]} members" not in full_text
    )


def _team_sizes(path: Path) -> list[tuple[str, int]]:
    """(team name, members) of the first exercise's teams, in order."""
    with Workshop(path, read_only=True) as ws:
        return [
            (r["name"], r["n"])
            for r in ws.db.query(
                "SELECT t.name, COUNT(m.id) AS n FROM teams t"
                " JOIN team_members m ON m.team_id = t.id WHERE t.round_id = 'rnd_demo0'"
                " GROUP BY t.id ORDER BY t.position"
            )
        ]


def test_chatham_house_workshop_is_always_anonymised(demo_path: Path, tmp_path: Path):
    with Workshop(demo_path) as ws:
        assert ws.info.details()["chatham_house"] == 1
        ws.report.save_settings(ReportSettings(anonymous=False))
        assert ws.report.load_settings().anonymous is True
    out = tmp_path / "r.pdf"
    run_export("report", demo_path, out, ExportOptions())
    text = _squash(_text(out))
    for name in _names(demo_path):
        assert name not in text


def test_hostile_text_renders(demo_path: Path, tmp_path: Path):
    _not_chatham(demo_path)
    long_word = "x" * 5000
    many_lines = "\n".join(f'line {i} <b>&amp; & < > "quoted"' for i in range(3000))
    with Workshop(demo_path) as ws:
        sid = next(iter(ws.db.query("SELECT id FROM sessions LIMIT 1")))["id"]
        for kind, text in [
            ("key_point", long_word),
            ("recommendation", many_lines),
            ("action_item", "<font name='nope'>& broken markup </para>" + long_word),
            ("quote", "\x00\x07 control ]]> characters \ufffe and emoji 🙂"),
            ("key_point", "Thai ภาษาไทย mixed with Khmer ភាសាខ្មែរ and Tiếng Việt, Русский"),
        ]:
            ws.rows.insert(
                Table.NOTES,
                {
                    "session_id": sid,
                    "kind": kind,
                    "text": text,
                    "action_owner": many_lines if kind == "action_item" else "",
                },
                "not",
            )
        ws.rows.update(
            Table.WORKSHOP, ws.info.details()["id"], {"title": "<title> & " + long_word[:300]}
        )
    out = tmp_path / "hostile.pdf"
    run_export("report", demo_path, out, ExportOptions())
    text = _text(out)
    assert "line 2999 <b>&amp; & < >" in text
    assert "ภาษาไทย" in text.replace(" ", "") or "ภาษาไทย" in text
    assert "Русский" in text and "Tiếng Việt" in text
    assert subprocess.run(["qpdf", "--check", str(out)], capture_output=True).returncode == 0
    docx_out = tmp_path / "hostile.docx"
    run_export("report-docx", demo_path, docx_out, ExportOptions())
    import docx

    body = "\n".join(p.text for p in docx.Document(docx_out).paragraphs)
    assert "line 2999" in body


def test_sections_order_and_starred_only(demo_path: Path, tmp_path: Path):
    with Workshop(demo_path) as ws:
        settings = ws.report.load_settings()
        settings.sections = ["action_plan", "summary"]
        settings.executive_summary = "Our own summary, written by the organiser."
        settings.starred_only = True
        ws.report.save_settings(settings)
        assert ws.info.setting(SETTING_KEY)["sections"] == ["action_plan", "summary"]
        data = ws.report.load_report()
        kept = [n for d in data.days for s in d.sessions for k, v in s.notes.items() for n in v]
        assert kept and all(
            n.starred or n.kind in ("recommendation", "decision", "action_item") for n in kept
        )
    out = tmp_path / "r.pdf"
    run_export("report", demo_path, out, ExportOptions(paper="letter"))
    text = _squash(_text(out))
    assert text.index("Action plan") < text.index("Executive summary")
    assert "Our own summary, written by the organiser." in text
    assert "Agenda" not in text
    width, height = PdfReader(out).pages[0].mediabox.upper_right
    assert (round(float(width)), round(float(height))) == (612, 792)


def test_planned_times_follow_durations_fixed_starts_and_parallel_groups(tmp_path: Path):
    from facilitator.store.database import Workshop

    with Workshop(tmp_path / "times.workshop") as ws:
        ws.rows.insert(Table.DAYS, {"id": "d1", "date": "2026-03-10", "day_start": "09:00"})
        plan = [
            (30, None, None),
            (60, None, "a"),
            (90, None, "a"),
            (15, None, None),
            (60, "12:30", None),
        ]
        for k, (minutes, fixed, group) in enumerate(plan):
            ws.rows.insert(
                Table.SESSIONS,
                {
                    "id": f"s{k}",
                    "day_id": "d1",
                    "position": k,
                    "duration_min": minutes,
                    "fixed_start": fixed,
                    "parallel_group": group,
                },
            )
        sessions = ws.report.load_report().days[0].sessions
    times = [(to_minutes(s.planned_start), to_minutes(s.planned_end)) for s in sessions]
    assert times == [(540, 570), (570, 630), (570, 660), (660, 675), (750, 810)]


def test_docx_report_has_content_and_no_names_when_anonymised(demo_path: Path, tmp_path: Path):
    import docx

    out = tmp_path / "r.docx"
    assert cli_main(["export", str(demo_path), "report-docx", "-o", str(out), "--redact"]) == 0
    d = docx.Document(out)
    body = "\n".join(p.text for p in d.paragraphs)
    cells = "\n".join(c.text for t in d.tables for r in t.rows for c in r.cells)
    with Workshop(demo_path, read_only=True) as ws:
        recs = [
            r["text"] for r in ws.db.query("SELECT text FROM notes WHERE kind = 'recommendation'")
        ]
        acts = [r["text"] for r in ws.db.query("SELECT text FROM notes WHERE kind = 'action_item'")]
    for r in recs:
        assert r in body
    for a in acts:
        assert a in cells
    for name in _names(demo_path):  # the demo is under the Chatham House Rule
        assert name not in body and name not in cells
    for name, size in _team_sizes(demo_path):
        assert f"{name}: {size} members" in body
    assert d.core_properties.title.startswith("Regional Workshop")


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="needs poppler")
def test_pages_render(demo_path: Path, tmp_path: Path):
    out = tmp_path / "r.pdf"
    run_export("report", demo_path, out, ExportOptions())
    done = subprocess.run(
        ["pdftoppm", "-r", "30", "-png", "-f", "1", "-l", "3", str(out), str(tmp_path / "pg")],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0 and not done.stderr.strip(), done.stderr
    assert len(list(tmp_path.glob("pg-*.png"))) == 3


def test_the_summary_counts_who_came_not_who_registered(demo_path: Path, tmp_path: Path):
    import docx

    with Workshop(demo_path) as ws:
        late = [{"name": f"Late Registrant {i}", "country": "Mongolia"} for i in range(6)]
        ws.rows.load([(Table.PEOPLE, [{"id": f"per_late{i}", **r} for i, r in enumerate(late)])])
        p = ws.report.load_report().participation
    came = p.attended
    assert came is not None and came < p.total
    expected = f"{came} participants from {p.attended_countries} countries took part over 3 days"
    assert p.attended_countries < p.countries  # nobody came from Mongolia
    pdf, word = tmp_path / "r.pdf", tmp_path / "r.docx"
    for kind, out in (("report", pdf), ("report-docx", word)):
        assert cli_main(["export", str(demo_path), kind, "-o", str(out), "--redact"]) == 0
    summary = f"{expected} ({p.total} registered)."
    assert summary in _squash(_text(pdf))
    assert summary in "\n".join(par.text for par in docx.Document(word).paragraphs)
