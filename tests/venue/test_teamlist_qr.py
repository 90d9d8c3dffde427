"""The printed team list carries each team's QR code: its worksheet page at the address the
venue server last used, with the join code. Read back from the rendered page, module by
module, against the code of the URL it should hold."""

from __future__ import annotations

import subprocess
from pathlib import Path

import segno
from PIL import Image

from facilitator.exports import ExportOptions, run_export
from facilitator.store.database import Workshop


def first_page(pdf: Path, folder: Path) -> Image.Image:
    folder.mkdir()
    subprocess.run(
        ["pdftoppm", "-r", "150", "-f", "1", "-l", "1", "-png", str(pdf), str(folder / "p")],
        check=True,
    )
    (png,) = sorted(folder.glob("p*.png"))
    return Image.open(png).convert("L")


def code_box(page: Image.Image) -> tuple[int, int, int] | None:
    """(left, top, side) of the QR modules at the top right of the page, if there are any:
    the dark ink there (the band is a team colour, the names are below it)."""
    w, h = page.size
    x0 = w * 2 // 3
    box = page.crop((x0, 0, w, h // 4))
    dark = [
        (x, y) for y in range(box.height) for x in range(box.width) if box.getpixel((x, y)) < 70
    ]
    if len(dark) < 400:
        return None
    left, right = min(x for x, _ in dark), max(x for x, _ in dark)
    top, bottom = min(y for _, y in dark), max(y for _, y in dark)
    if abs((right - left) - (bottom - top)) > 4:
        return None
    return x0 + left, top, (right - left + bottom - top) // 2 + 1


def modules(page: Image.Image, square: tuple[int, int, int], n: int) -> list[list[bool]]:
    left, top, side = square
    cell = side / n
    return [
        [
            page.getpixel((int(left + (k + 0.5) * cell), int(top + (r + 0.5) * cell))) < 128
            for k in range(n)
        ]
        for r in range(n)
    ]


def test_each_team_page_of_the_list_has_the_qr_code_of_its_worksheet(
    demo_path: Path, tmp_path: Path
) -> None:
    plain = run_export("team-lists", demo_path, tmp_path / "plain.pdf")
    assert code_box(first_page(plain, tmp_path / "plain")) is None  # never served: no code
    with Workshop(demo_path) as ws:
        ws.info.set_setting("venue.server", {"host": "192.168.8.20", "port": 8765})
        code = ws.venue.ensure_join_code()
        url = ws.venue.team_url("tea_demo00")
    assert url == f"http://192.168.8.20:8765/j/{code}/t/tea_demo00"
    out = run_export("team-lists", demo_path, tmp_path / "teams.pdf", ExportOptions())
    page = first_page(out, tmp_path / "qr")
    square = code_box(page)
    assert square is not None
    expected = [[bool(b) for b in row] for row in segno.make(url, error="m", micro=False).matrix]
    got = modules(page, square, len(expected))
    wrong = sum(
        a != b for ra, rb in zip(got, expected, strict=True) for a, b in zip(ra, rb, strict=True)
    )
    assert wrong <= len(expected) // 4, f"{wrong} of {len(expected) ** 2} modules differ"
