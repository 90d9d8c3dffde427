"""Every PDF draws every script with HarfBuzz's glyphs, read back from the content streams.

The drawn glyphs are recovered from each page's text operators (font, codes), the embedded
font subset's cmap (code → subset glyph) and the glyph's outline and advance, which identify
it in the bundled font whatever number the subset gave it. Each word of each reference line
must appear as HarfBuzz shapes it in the face it is drawn in: the same glyphs, in the same
order, at HarfBuzz's positions (so Thai and Khmer marks sit where the font puts them).
"""

from __future__ import annotations

import re
import struct
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pytest
import uharfbuzz as hb
from pypdf import PdfReader
from pypdf.generic import ContentStream, FloatObject, NumberObject

from facilitator.reports import fonts
from facilitator.resources import resource
from tests.reports.conftest import ORGANISATION, PDF_KINDS, REFERENCE

Signature = tuple[int, tuple]


class _Pen:
    def __init__(self) -> None:
        self.ops: list[tuple] = []

    def moveTo(self, p: tuple) -> None:  # noqa: N802 - uharfbuzz pen protocol
        self.ops.append(("M", p))

    def lineTo(self, p: tuple) -> None:  # noqa: N802
        self.ops.append(("L", p))

    def curveTo(self, *p: tuple) -> None:  # noqa: N802
        self.ops.append(("C", p))

    def qCurveTo(self, *p: tuple) -> None:  # noqa: N802
        self.ops.append(("Q", p))

    def closePath(self) -> None:  # noqa: N802
        self.ops.append(("Z",))


def _signature(font: hb.Font, gid: int) -> Signature:
    pen = _Pen()
    font.draw_glyph_with_pen(gid, pen)
    return font.get_glyph_h_advance(gid), tuple(pen.ops)


@cache
def _bundled(ps_name: str) -> hb.Font:
    return hb.Font(hb.Face(hb.Blob.from_file_path(str(resource("fonts", ps_name + ".ttf")))))


def harfbuzz(ps_name: str, text: str) -> list[Signature]:
    """HarfBuzz's glyphs for text in a bundled face, with its default features."""
    font = _bundled(ps_name)
    buf = hb.Buffer()
    buf.add_str(text)
    buf.guess_segment_properties()
    hb.shape(font, buf, {})
    return [_signature(font, info.codepoint) for info in buf.glyph_infos]


def nominal(ps_name: str, text: str) -> list[Signature]:
    """The glyphs of text without shaping (each character's cmap glyph)."""
    font = _bundled(ps_name)
    return [_signature(font, font.get_nominal_glyph(ord(ch)) or 0) for ch in text]


def _code_to_glyph(face: hb.Face) -> list[int]:
    """A reportlab subset's cmap: one (1, 0) format-6 table, code i → glyph (read raw:
    HarfBuzz would translate codes ≥ 128 through Mac Roman)."""
    data = face.reference_table("cmap").data
    count = struct.unpack(">H", data[2:4])[0]
    for k in range(count):
        platform, encoding, offset = struct.unpack(">HHL", data[4 + 8 * k : 12 + 8 * k])
        fmt = struct.unpack(">H", data[offset : offset + 2])[0]
        if (platform, encoding, fmt) == (1, 0, 6):
            first, entries = struct.unpack(">HH", data[offset + 6 : offset + 10])
            glyphs = struct.unpack(f">{entries}H", data[offset + 10 : offset + 10 + 2 * entries])
            return [0] * first + list(glyphs)
    raise AssertionError("the subset has no (1, 0) format 6 cmap")


@dataclass(frozen=True)
class Drawn:
    """One glyph as a PDF draws it: which glyph, where (text space, points), how big."""

    glyph: Signature
    x: float
    rise: float
    size: float


def drawn_glyphs(pdf: Path) -> dict[str, list[Drawn]]:
    """Per bundled face (PostScript name): the glyphs every page draws, in drawing order,
    with their pen position along the line and their rise."""
    reader = PdfReader(pdf)
    out: dict[str, list[Drawn]] = {}
    subsets: dict[int, tuple[str, hb.Font, list[int]]] = {}
    for page in reader.pages:
        resources = page["/Resources"]["/Font"]
        current: tuple[str, hb.Font, list[int]] | None = None
        size = x = rise = char_space = word_space = 0.0
        for operands, op in ContentStream(page.get_contents(), reader).operations:
            if op == b"Tf":
                ref = resources.raw_get(operands[0])
                key = ref.idnum
                if key not in subsets:
                    font = ref.get_object()
                    data = font["/FontDescriptor"]["/FontFile2"].get_data()
                    ps_name = str(font["/BaseFont"]).split("+", 1)[1]
                    face = hb.Face(data)
                    subsets[key] = (ps_name, hb.Font(face), _code_to_glyph(face))
                current = subsets[key]
                size = float(operands[1])
            elif op in (b"BT", b"Td", b"TD", b"Tm", b"T*", b"Tj" if False else b"\0"):
                x = 0.0  # a new line: positions are compared within one line only
            elif op == b"Ts":
                rise = float(operands[0])
            elif op == b"Tc":
                char_space = float(operands[0])
            elif op == b"Tw":
                word_space = float(operands[0])
            elif op in (b"Tj", b"TJ"):
                assert current is not None
                ps_name, subset, cmap = current
                upem = subset.face.upem
                glyphs = out.setdefault(ps_name, [])
                for item in operands[0] if op == b"TJ" else [operands[0]]:
                    if isinstance(item, (int, float, FloatObject, NumberObject)):
                        x -= float(item) / 1000 * size
                        continue
                    raw = getattr(item, "original_bytes", None) or bytes(item)
                    for b in raw:
                        gid = cmap[b] if b < len(cmap) else 0
                        glyphs.append(Drawn(_signature(subset, gid), x, rise, size))
                        x += subset.get_glyph_h_advance(gid) / upem * size + char_space
                        if b == 32:
                            x += word_space
    return out


def _find(drawn: list[Drawn], ps_name: str, word: str) -> bool:
    """Whether the word's glyphs are drawn in order where HarfBuzz puts them (± 0.05 pt)."""
    font = _bundled(ps_name)
    features = {"kern": False} if ps_name.startswith("NotoSans-") else {}
    buf = hb.Buffer()
    buf.add_str(word)
    buf.guess_segment_properties()
    hb.shape(font, buf, features)
    want = [_signature(font, i.codepoint) for i in buf.glyph_infos]
    upem = font.face.upem
    n = len(want)
    for i in range(len(drawn) - n + 1):
        if [d.glyph for d in drawn[i : i + n]] != want:
            continue
        size, x0, pen, ok = drawn[i].size, drawn[i].x, 0.0, True
        x0 -= buf.glyph_positions[0].x_offset / upem * size
        for d, pos in zip(drawn[i : i + n], buf.glyph_positions, strict=True):
            x = x0 + (pen + pos.x_offset) / upem * size
            ok = ok and abs(d.x - x) < 0.05 and abs(d.rise - pos.y_offset / upem * size) < 0.05
            pen += pos.x_advance
        if ok:
            return True
    return False


def _family(word: str) -> str:
    if re.search(r"[\u0E00-\u0E7F]", word):
        return "NotoSansThai-"
    if re.search(r"[\u1780-\u17FF]", word):
        return "NotoSansKhmer-"
    return "NotoSans-"


@pytest.mark.parametrize("kind", PDF_KINDS)
def test_every_script_is_drawn_with_harfbuzz_glyphs(reference_pdfs: dict, kind: str) -> None:
    drawn = drawn_glyphs(reference_pdfs[kind])
    lines = [*REFERENCE.values(), ORGANISATION]
    for line in lines:
        for word in unicodedata.normalize("NFC", line).split():
            faces = [f for f in drawn if f.startswith(_family(word))]
            assert faces, (kind, word, sorted(drawn))
            found = [f for f in faces if _find(drawn[f], f, word)]
            assert found, f"{kind}: “{word}” is not drawn as HarfBuzz shapes it in {faces}"


def test_the_reference_words_need_shaping() -> None:
    """The comparison above can fail: unshaped, these words draw other glyphs."""
    for word in ("Effie", "Whitfield-Griffin", "Office", "Affairs"):
        assert harfbuzz("NotoSans-Bold", word) != nominal("NotoSans-Bold", word), word
    thai = "NotoSansThai-Regular"
    assert harfbuzz(thai, "วงศ์สวัสดิ์") != nominal(thai, "วงศ์สวัสดิ์")
    assert any(p.x_offset for p in _positions(thai, "ศรีสุข"))  # the marks are moved
    for word in ("ហេង", "វិចិត្រ", "ចាន់ដារា"):
        assert harfbuzz("NotoSansKhmer-Bold", word) != nominal("NotoSansKhmer-Bold", word)


def _body_letters() -> list[str]:
    font = _bundled("NotoSans-Regular")
    letters = []
    for cp in sorted(font.face.unicodes):
        ch = chr(cp)
        if unicodedata.category(ch).startswith("L") and (
            cp < 0x250 or 0x400 <= cp < 0x530 or 0x1E00 <= cp < 0x1F00
        ):
            letters.append(ch)
    return letters


def test_body_words_without_triggers_need_no_harfbuzz() -> None:
    """fonts.py draws a body-face word HarfBuzz would leave alone without asking HarfBuzz;
    check that HarfBuzz (kerning off, as in the body faces) indeed changes no letter pair of
    the faces' Latin, Vietnamese and Cyrillic repertoire that has no trigger."""
    letters = _body_letters()
    assert len(letters) > 500
    trigger = fonts._trigger()
    for ps_name in ("NotoSans-Regular", "NotoSans-Bold", "NotoSans-Italic", "NotoSans-BoldItalic"):
        font = _bundled(ps_name)
        for first in letters:
            text = "".join(first + ch for ch in letters)
            buf = hb.Buffer()
            buf.add_str(text)
            buf.guess_segment_properties()
            hb.shape(font, buf, {"kern": False})
            changed = {
                text[i.cluster : i.cluster + 2]
                for i in buf.glyph_infos
                if i.codepoint != font.get_nominal_glyph(ord(text[i.cluster]))
            }
            if len(buf.glyph_infos) != len(text):
                assert changed, ps_name
            assert all(trigger.search(pair) for pair in changed), (ps_name, changed)


def test_positioned_runs_keep_marks_on_their_bases() -> None:
    """A Thai or Khmer run is drawn with HarfBuzz's offsets, not at default positions."""
    run = fonts.font(fonts.KHMER).shape("វិចិត្រ")
    assert not run.plain and any(g.dx or g.dy for g in run.glyphs)
    assert run.width == pytest.approx(
        sum(p.x_advance for p in _positions("NotoSansKhmer-Regular", "វិចិត្រ"))
    )


def _positions(ps_name: str, text: str) -> list:
    buf = hb.Buffer()
    buf.add_str(text)
    buf.guess_segment_properties()
    hb.shape(_bundled(ps_name), buf, {})
    return buf.glyph_positions
