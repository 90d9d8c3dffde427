"""Bundled fonts, HarfBuzz shaping and an exact text layer for every PDF.

**Faces.** Noto Sans covers Latin, Cyrillic and Vietnamese; Thai and Khmer have their own Noto
faces. :func:`rich` (paragraph markup) and :func:`segments` (canvas lines) split text into
runs by script so each run is drawn in a face that has its letters.

**One shaping path.** Every run is shaped by HarfBuzz (``uharfbuzz``) in its face, through
:meth:`ShapingFont.shape`, whether it ends up in a paragraph, a table cell or a line drawn on
the canvas. A shaped run is drawn in one of two ways:

* *glyph string*: when HarfBuzz only substituted glyphs (ligatures such as fi, ff, ffi) and
  left every glyph at its own advance, the run becomes one character code per glyph and
  reportlab lays it out on its ordinary fast path (this is how Latin, Cyrillic and
  Vietnamese are drawn; :func:`rich` does it per word, only for the few words HarfBuzz
  changes, so plain text costs nothing extra);
* *positioned run*: otherwise (Thai and Khmer marks, reordered vowels, subscript
  consonants, combining marks) a reportlab ``ShapedStr`` carries HarfBuzz's offsets and
  advances. reportlab reaches it through ``shapeFragWord`` in paragraphs, which this module
  points at :func:`_shape_frag_word`; ``_splitFragWord`` (a word too long for its line) is
  pointed at :func:`_split_frag_word`. These two names in ``reportlab.platypus.paragraph``
  are the only patches of reportlab; both hand anything that is not ours back to it.

The body faces are shaped without the ``kern`` feature: kerning every line would send all
text down reportlab's per-glyph path (about six times slower), and reportlab's text was never
kerned. Glyph choice and order are exactly HarfBuzz's.

**Text layer.** A glyph's character code is the character it stands for when that is its
cmap character; any other glyph (a ligature, a Thai mark variant, a Khmer subscript form)
gets a code of its own in Unicode's supplementary private-use planes, whose ToUnicode entry
is the text it stands for (``fi`` → "fi", the Khmer ``្រ`` glyph → U+17D2 U+179A), so even
extractors that ignore marked content never see a private-use character. A cluster whose
glyphs are reordered or positioned (``េ`` drawn before its consonant, marks moved by GPOS) is
wrapped in ``/Span <</ActualText …>> BDC … EMC`` by :class:`ShapingCanvas`, so pdftotext and
screen readers read the cluster as typed. Words are only broken between clusters
(:func:`_split_frag_word`).
"""

from __future__ import annotations

import json
import re
import threading
import unicodedata
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from itertools import groupby
from typing import Any
from xml.sax.saxutils import escape

import uharfbuzz as hb
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import (
    SUBSETN,
    ShapeData,
    ShapedFragWord,
    ShapedStr,
    TTFont,
    makeShapedFragWord,
)
from reportlab.pdfgen.canvas import Canvas
from reportlab.pdfgen.textobject import PDFTextObject

from facilitator.resources import resource

BODY = "NotoSans"
BOLD = "NotoSans-Bold"
ITALIC = "NotoSans-Italic"
BOLD_ITALIC = "NotoSans-BoldItalic"
THAI = "NotoSansThai"
THAI_BOLD = "NotoSansThai-Bold"
KHMER = "NotoSansKhmer"
KHMER_BOLD = "NotoSansKhmer-Bold"
BODY_FACES = (BODY, BOLD, ITALIC, BOLD_ITALIC)

# HarfBuzz features: its defaults, without kerning in the body faces (see the module notes).
_BODY_FEATURES = {"kern": False}
_FACES = {
    BODY: ("NotoSans-Regular.ttf", _BODY_FEATURES),
    BOLD: ("NotoSans-Bold.ttf", _BODY_FEATURES),
    ITALIC: ("NotoSans-Italic.ttf", _BODY_FEATURES),
    BOLD_ITALIC: ("NotoSans-BoldItalic.ttf", _BODY_FEATURES),
    THAI: ("NotoSansThai-Regular.ttf", {}),
    THAI_BOLD: ("NotoSansThai-Bold.ttf", {}),
    KHMER: ("NotoSansKhmer-Regular.ttf", {}),
    KHMER_BOLD: ("NotoSansKhmer-Bold.ttf", {}),
}

# Unicode ranges that the body font lacks, and the face (regular, bold) that covers them.
_SCRIPTS = [
    (re.compile(r"[\u0E00-\u0E7F]+"), THAI, THAI_BOLD),
    (re.compile(r"[\u1780-\u17FF\u19E0-\u19FF]+"), KHMER, KHMER_BOLD),
]
# A run of a script, with spaces and neutral punctuation inside it kept in the run.
_RUN = re.compile(
    r"([\u0E00-\u0E7F][\u0E00-\u0E7F\s.,;:!?()\-]*[\u0E00-\u0E7F]|[\u0E00-\u0E7F]"
    r"|[\u1780-\u17FF\u19E0-\u19FF][\u1780-\u17FF\u19E0-\u19FF\s.,;:!?()\-]*"
    r"[\u1780-\u17FF\u19E0-\u19FF]|[\u1780-\u17FF\u19E0-\u19FF])"
)
_CONTROL = re.compile(r"[\x00-\x08\x0B\x0C\x0E-\x1F\x7F\uFFFE\uFFFF\uD800-\uDFFF]")
_COMPLEX = re.compile(r"[\u0E00-\u0E7F\u1780-\u17FF\u19E0-\u19FF]")

# Where HarfBuzz can change anything in the body faces (with kerning off): the f-ligatures
# (liga) and sequences with combining marks or joiners (ccmp, mark, mkmk). A word without
# these is drawn exactly as HarfBuzz would draw it with no call to HarfBuzz at all;
# tests/reports/test_shaping.py checks that claim over the faces' Latin, Vietnamese and
# Cyrillic letters.
_JOINERS = "\u034f\u200b-\u200f\u2060-\u2064\ufe00-\ufe0f"


@cache
def _trigger() -> re.Pattern[str]:
    marks = "".join(
        re.escape(chr(c))
        for c in range(0x300, 0x10000)
        if unicodedata.category(chr(c)).startswith("M") and not 0xD800 <= c < 0xE000
    )
    return re.compile(f"f[fil]|[{marks}{_JOINERS}]")


@cache
def _trigger_word() -> re.Pattern[str]:
    return re.compile(rf"\S*(?:{_trigger().pattern})\S*")


# -- glyph codes -------------------------------------------------------------------------
# A code stands for "the glyph named N, showing the text T"; it means the same in every face
# that has a glyph N, so a glyph string made in the regular face draws right in bold too.

_PRIVATE = (0xF0000, 0xFFFFD, 0x100000, 0x10FFFD)  # the supplementary private-use planes
_codes: dict[tuple[str, str], int] = {}
_texts: dict[int, str] = {}
_lock = threading.Lock()
_next = [_PRIVATE[0]]


def _allocate(name: str, text: str) -> int:
    key = (name, text)
    code = _codes.get(key)
    if code is not None:
        return code
    with _lock:
        code = _codes.get(key)
        if code is None:
            code = _next[0]
            if code > _PRIVATE[3]:
                raise RuntimeError("too many distinct shaped glyphs for one process")
            _next[0] = _PRIVATE[2] if code == _PRIVATE[1] else code + 1
            _texts[code] = text
            _codes[key] = code
    return code


def text_of(code: int) -> str:
    """The text a character code in one of our PDF fonts stands for (its ToUnicode entry)."""
    return _texts.get(code, chr(code) if code else "\ufffd")


def _is_code(ch: str) -> bool:
    return ord(ch) >= _PRIVATE[0]


def _has_codes(text: str) -> bool:
    return any(ord(ch) >= _PRIVATE[0] for ch in text)


def _name_chars(name: str) -> str:
    """The characters a glyph name spells (``uni17D2179A``, ``uni0E4C.small``, ``u1F600``)."""
    out: list[str] = []
    for part in name.split(".", 1)[0].split("_"):
        hexes = part[3:]
        if part.startswith("uni") and hexes and len(hexes) % 4 == 0:
            try:
                out += [chr(int(hexes[i : i + 4], 16)) for i in range(0, len(hexes), 4)]
            except ValueError:
                pass
        elif part.startswith("u") and 5 <= len(part) <= 7:
            try:
                out.append(chr(int(part[1:], 16)))
            except ValueError:
                pass
        elif len(part) == 1:
            out.append(part)
    return "".join(out)


class _Span:
    """A cluster whose glyphs do not read as its text on their own: its /ActualText."""

    __slots__ = ("text",)

    def __init__(self, text: str) -> None:
        self.text = text


class _GlyphData(ShapeData):
    """reportlab's per-glyph shaping record, with the cluster's span (or None) attached."""

    span: _Span | None = None


@dataclass(frozen=True, slots=True)
class Glyph:
    gid: int
    name: str
    code: str  # the one character that draws this glyph in its font
    text: str  # what the glyph stands for in the text layer
    advance: float  # HarfBuzz's advance, in thousandths of the font size
    dx: float
    dy: float
    width: float  # the glyph's own advance (what the PDF's Widths array says)
    cluster: int  # index in the shaped text of the cluster's first character
    span: _Span | None


@dataclass(frozen=True, slots=True)
class Run:
    """Text shaped in one face: HarfBuzz's glyphs in drawing order."""

    font: str
    text: str
    glyphs: tuple[Glyph, ...]
    codes: str
    width: float  # thousandths of the font size
    plain: bool  # no positioning and no span: ``codes`` can be drawn as an ordinary string

    def drawable(self) -> str:
        """What to hand to reportlab to draw this run."""
        if self.plain:
            return self.codes
        data = []
        spans: dict[int, _Span] = {}  # fresh spans: the same word twice reads twice
        for g in self.glyphs:
            d = _GlyphData(g.cluster, g.advance, 0, g.dx, g.dy, g.width)
            if g.span is not None:
                if id(g.span) not in spans:
                    spans[id(g.span)] = _Span(g.span.text)
                d.span = spans[id(g.span)]
            data.append(d)
        return ShapedStr(self.codes, shapeData=data)


_RUN_CACHE = 20_000  # shaped runs kept per face (words repeat; memory stays small)


class ShapingFont(TTFont):
    """A TrueType face that shapes with HarfBuzz and writes a ToUnicode CMap of texts."""

    def __init__(self, name: str, filename: str, features: dict[str, bool]) -> None:
        super().__init__(name, filename, shapable=True)
        self.features = dict(features)
        self._hb = hb.Font(self.hbFace)
        self._runs: dict[str, Run] = {}
        scale = self.face._pdfScale
        self._widths = [scale(aw) for aw, _lsb in self.face.hmetrics]
        self._names: dict[int, str] = {}

    # glyphs ------------------------------------------------------------------------------
    def glyph_name(self, gid: int) -> str:
        name = self._names.get(gid)
        if name is None:
            name = self._names[gid] = self._hb.glyph_to_string(gid)
        return name

    def glyph_width(self, gid: int) -> float:
        widths = self._widths
        return widths[gid] if gid < len(widths) else widths[-1]

    def code(self, gid: int, text: str) -> str:
        """The character code that draws glyph ``gid`` and reads as ``text``."""
        if len(text) == 1 and self.face.charToGlyph.get(ord(text)) == gid:
            return text
        code = _allocate(self.glyph_name(gid), text)
        self.adopt(code, gid)
        return chr(code)

    def adopt(self, code: int, gid: int) -> None:
        """Make ``code`` draw glyph ``gid`` in this face (and measure as that glyph)."""
        face = self.face
        if face.charToGlyph.get(code) != gid:
            face.charToGlyph[code] = gid
            face.charWidths[code] = self.glyph_width(gid)

    # shaping -----------------------------------------------------------------------------
    def shape(self, text: str) -> Run:
        """HarfBuzz's shaping of ``text`` in this face (cached per text)."""
        run = self._runs.get(text)
        if run is None:
            run = self._shape(text)
            if len(self._runs) >= _RUN_CACHE:
                self._runs.clear()
            self._runs[text] = run
        return run

    def _shape(self, text: str) -> Run:
        buf = hb.Buffer()
        buf.add_str(text)
        buf.guess_segment_properties()
        hb.shape(self._hb, buf, self.features)
        infos, positions = buf.glyph_infos, buf.glyph_positions
        scale = self.face._pdfScale
        clusters = [i.cluster for i in infos]
        starts = sorted(set(clusters))
        glyphs: list[Glyph] = []
        plain = True
        n = len(infos)
        i = 0
        while i < n:
            start = clusters[i]
            j = i + 1
            while j < n and clusters[j] == start:
                j += 1
            k = bisect_right(starts, start)  # the cluster's text runs to the next one's start
            end = starts[k] if k < len(starts) else len(text)
            source = text[start:end]
            gids = [infos[k].codepoint for k in range(i, j)]
            texts, exact = self._assign(source, gids)
            moved = False
            parts = []
            for k, gid, part in zip(range(i, j), gids, texts, strict=True):
                pos = positions[k]
                width = self.glyph_width(gid)
                advance, dx, dy = scale(pos.x_advance), scale(pos.x_offset), scale(pos.y_offset)
                moved = moved or bool(dx or dy) or advance != width
                parts.append((gid, part, advance, dx, dy, width))
            spans: list[_Span | None] = [None] * len(parts)
            # a glyph that reads as nothing must be inside a span: poppler reads it as a space
            if not exact or (moved and len(parts) > 1) or any(not t for t in texts):
                spans = _spans(source, parts)
            plain = plain and spans[0] is None and not moved
            for (gid, part, advance, dx, dy, width), span in zip(parts, spans, strict=True):
                glyphs.append(
                    Glyph(
                        gid,
                        self.glyph_name(gid),
                        self.code(gid, part),
                        part,
                        advance,
                        dx,
                        dy,
                        width,
                        start,
                        span,
                    )
                )
            i = j
        codes = "".join(g.code for g in glyphs)
        width = sum(g.advance for g in glyphs)
        return Run(self.fontName, text, tuple(glyphs), codes, width, plain)

    def _assign(self, source: str, gids: list[int]) -> tuple[list[str], bool]:
        """Share a cluster's text among its glyphs; exact when they read as the text in order.

        Each glyph takes the characters it is the cmap glyph of, or whose name it bears
        (``uni17D2179A`` is ្រ); what no glyph took goes to the first glyph that took nothing.
        A glyph left with nothing reads as nothing (the second half of a split vowel).
        """
        if len(gids) == 1:
            return [source], True
        to_char = self.face.glyphToChar
        natural = [to_char.get(g, ()) for g in gids]
        out: list[str] = []
        for p, chars in enumerate(natural):
            if p >= len(source) or ord(source[p]) not in chars:
                break
            out.append(source[p])
        if len(out) == len(gids) == len(source):
            return out, True
        taken = [False] * len(source)
        claims: list[list[int]] = []
        for gid, chars in zip(gids, natural, strict=True):
            mine: list[int] = []
            wanted = [chr(c) for c in chars] if chars else list(_name_chars(self.glyph_name(gid)))
            for ch in wanted:
                for idx, s in enumerate(source):
                    if not taken[idx] and s == ch:
                        taken[idx] = True
                        mine.append(idx)
                        break
                if chars and mine:
                    break  # a cmap glyph stands for one character
            claims.append(mine)
        rest = [idx for idx, t in enumerate(taken) if not t]
        if rest:
            empty = next((k for k, c in enumerate(claims) if not c), len(claims) - 1)
            claims[empty] = sorted(claims[empty] + rest)
        texts = ["".join(source[idx] for idx in sorted(c)) for c in claims]
        return texts, "".join(texts) == source

    # PDF objects -------------------------------------------------------------------------
    def addObjects(self, doc: Any) -> None:  # noqa: N802 - reportlab API
        """reportlab's font objects, with a ToUnicode CMap that maps each code to its text."""
        try:
            subsets = [list(s) for s in self.state[doc].subsets]
        except KeyError:
            subsets = []
        super().addObjects(doc)
        face = self.face
        for n, subset in enumerate(subsets):
            base = b"".join((SUBSETN(n), b"+", face.name, face.subfontNameX)).decode("pdfdoc")
            stream = doc.idToObject.get("toUnicodeCMap:" + base)
            if stream is not None:
                stream.content = to_unicode_cmap(base, [text_of(c) for c in subset])


def _spans(source: str, parts: list[tuple[int, str, float, float, float, float]]) -> list:
    """The /ActualText spans of a cluster's glyphs.

    poppler places a span's text from the first glyph's origin to the end of its last glyph;
    when the cluster ends in marks drawn back over the base, the text goes on the glyphs up
    to the one that ends the cluster and the marks after it get an empty span of their own,
    so the next letter follows without a gap (which poppler would read as a space).
    """
    pen = 0.0
    ends = []
    for _gid, _text, advance, dx, _dy, width in parts:
        ends.append(pen + dx + width)
        pen += advance
    last = max((k for k, end in enumerate(ends) if abs(end - pen) < 0.5), default=len(parts) - 1)
    main, rest = _Span(source), _Span("")
    return [main if k <= last else rest for k in range(len(parts))]


def _utf16(text: str) -> str:
    return text.encode("utf-16-be").hex().upper()


def to_unicode_cmap(name: str, texts: list[str]) -> str:
    """A ToUnicode CMap: single-byte code ``i`` reads as ``texts[i]`` (any length)."""
    lines = [
        "/CIDInit /ProcSet findresource begin",
        "12 dict begin",
        "begincmap",
        f"/CIDSystemInfo << /Registry ({name}) /Ordering ({name}) /Supplement 0 >> def",
        f"/CMapName /{name} def",
        "/CMapType 2 def",
        "1 begincodespacerange",
        f"<00> <{len(texts) - 1:02X}>",
        "endcodespacerange",
    ]
    entries = list(enumerate(texts))
    for k in range(0, len(entries), 100):  # at most 100 entries a block
        block = entries[k : k + 100]
        lines.append(f"{len(block)} beginbfchar")
        lines += [f"<{i:02X}> <{_utf16(t)}>" for i, t in block]
        lines.append("endbfchar")
    lines += ["endcmap", "CMapName currentdict /CMap defineresource pop", "end", "end"]
    return "\n".join(lines)


# -- reportlab hooks ---------------------------------------------------------------------

_reportlab_shape_frag_word = None


def _shape_frag_word(w: list, features: Any = None, force: bool = False) -> list:
    """Shape one paragraph word (reportlab's ``shapeFragWord``) with :meth:`ShapingFont.shape`.

    Each fragment is shaped in its own face (reportlab shaped a whole word in the face of its
    first fragment). Fragments that are already glyph strings are left as they are.
    """
    if isinstance(w, ShapedFragWord):
        return w
    parts = w[1:]
    if not all(
        hasattr(f, "cbDefn") or isinstance(pdfmetrics.getFont(f.fontName), ShapingFont)
        for f, _s in parts
    ):
        return _reportlab_shape_frag_word(w, features, force)  # type: ignore[misc]
    out: list = []
    width = 0.0
    shaped = False
    for f, s in parts:
        if isinstance(s, ShapedStr):  # shaped before (a piece of a split word)
            out.append((f, s))
            width += sum(d.x_advance for d in s.__shapeData__) * f.fontSize / 1000
            shaped = True
            continue
        if hasattr(f, "cbDefn") or not s or _has_codes(s):
            out.append((f, s))
            if not hasattr(f, "cbDefn"):
                width += pdfmetrics.stringWidth(s, f.fontName, f.fontSize)
            continue
        run = pdfmetrics.getFont(f.fontName).shape(s)
        drawable = run.drawable()
        shaped = shaped or not run.plain
        out.append((f, drawable))
        width += run.width * f.fontSize / 1000
    if not shaped:
        return w.__class__([width, *out])
    return makeShapedFragWord(w)([width, *out])


_reportlab_split_frag_word = None


def _split_frag_word(w: list, max_width: float, max_widths: list, lineno: int) -> list:
    """Split a word too long for its line only between clusters (reportlab splits anywhere,
    and drops the shaping of the pieces)."""
    if not any(isinstance(s, ShapedStr) for _f, s in w[1:]):
        return _reportlab_split_frag_word(w, max_width, max_widths, lineno)  # type: ignore[misc]
    from reportlab.platypus.paragraph import _HSFrag, _SplitFrag, _SplitFragH, _SplitFragHS

    # pieces: (frag, text piece, width) cut at cluster starts
    units: list[tuple[Any, Any, float]] = []
    for f, s in w[1:]:
        if hasattr(f, "cbDefn"):
            units.append((f, s, getattr(f.cbDefn, "width", 0)))
            continue
        if isinstance(s, ShapedStr):
            data = s.__shapeData__
            k = 0
            while k < len(s):
                j = k + 1
                while j < len(s) and data[j].cluster == data[k].cluster:
                    j += 1
                piece = s[k:j]
                units.append((f, piece, sum(d.x_advance for d in data[k:j]) * f.fontSize / 1000))
                k = j
        else:
            for ch in s:
                units.append((f, ch, pdfmetrics.stringWidth(ch, f.fontName, f.fontSize)))
    out: list = []
    maxlineno = len(max_widths) - 1
    next_width = max_widths[min(maxlineno, lineno + 1)]
    line: list[tuple[Any, Any]] = []
    line_width = 0.0
    for f, piece, pw in units:
        if line and line_width + pw > max_width:
            out.append(_SplitFrag([line_width, *_merge(line)]))
            lineno += 1
            max_width = next_width
            next_width = max_widths[min(maxlineno, lineno + 1)]
            line, line_width = [], 0.0
        line.append((f, piece))
        line_width += pw
    last = _SplitFragHS if isinstance(w, _HSFrag) else _SplitFragH
    out.append(last([line_width, *_merge(line)]))
    return out


def _merge(pieces: list[tuple[Any, Any]]) -> list[tuple[Any, Any]]:
    """Consecutive pieces of one fragment joined again (ShapedStr keeps its shaping)."""
    out: list[tuple[Any, Any]] = []
    for f, piece in pieces:
        if out and out[-1][0] is f and not hasattr(f, "cbDefn"):
            out[-1] = (f, out[-1][1] + piece)
        else:
            out.append((f, piece))
    return [
        (f.clone(text=s) if hasattr(f, "clone") and hasattr(f, "text") else f, s) for f, s in out
    ]


def _hook_reportlab() -> None:
    global _reportlab_shape_frag_word, _reportlab_split_frag_word
    from reportlab.platypus import paragraph as rl_paragraph

    if rl_paragraph.shapeFragWord is not _shape_frag_word:
        _reportlab_shape_frag_word = rl_paragraph.shapeFragWord
        rl_paragraph.shapeFragWord = _shape_frag_word
    if rl_paragraph._splitFragWord is not _split_frag_word:
        _reportlab_split_frag_word = rl_paragraph._splitFragWord
        rl_paragraph._splitFragWord = _split_frag_word


class _TextObject(PDFTextObject):
    """A text object that wraps the glyphs of reordered or positioned clusters in /ActualText."""

    def _formatText(self, text: Any) -> str:  # noqa: N802 - reportlab API
        if not isinstance(text, ShapedStr):
            return super()._formatText(text)
        data = text.__shapeData__
        if not any(getattr(d, "span", None) is not None for d in data):
            return super()._formatText(text)
        out: list[str] = []
        i, n = 0, len(text)
        while i < n:
            span = getattr(data[i], "span", None)
            j = i + 1
            while j < n and getattr(data[j], "span", None) is span:
                j += 1
            if data[i].y_offset:
                # reportlab's setRise looks at the operator before it: select the font again
                self._curSubset = -1
            code = super()._formatText(text[i:j])
            if span is not None:
                code = f"/Span <</ActualText <FEFF{_utf16(span.text)}>>> BDC {code} EMC"
            out.append(code)
            i = j
        return " ".join(out)


class ShapingCanvas(Canvas):
    """A canvas that starts in the bundled face and writes /ActualText for shaped clusters.

    reportlab opens every page in Helvetica, which it never embeds, so a PDF made with the
    default canvas lists an unembedded font even when no text uses it.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        register()
        kwargs["initialFontName"] = kwargs.get("initialFontName") or BODY
        kwargs["initialFontSize"] = kwargs.get("initialFontSize") or 10
        super().__init__(*args, **kwargs)

    def beginText(self, x: float = 0, y: float = 0, direction: Any = None) -> PDFTextObject:  # noqa: N802
        return _TextObject(self, x, y, direction=direction)


def embedded_canvas(*args: Any, **kwargs: Any) -> Canvas:
    """The canvas for every PDF: use it as ``Canvas(...)`` or as ``canvasmaker=``."""
    return ShapingCanvas(*args, **kwargs)


@cache
def register() -> None:
    """Register the bundled faces once per process and hook shaping into reportlab."""
    for name, (filename, features) in _FACES.items():
        pdfmetrics.registerFont(ShapingFont(name, str(resource("fonts", filename)), features))
    pdfmetrics.registerFontFamily(
        BODY, normal=BODY, bold=BOLD, italic=ITALIC, boldItalic=BOLD_ITALIC
    )
    pdfmetrics.registerFontFamily(
        THAI, normal=THAI, bold=THAI_BOLD, italic=THAI, boldItalic=THAI_BOLD
    )
    pdfmetrics.registerFontFamily(
        KHMER, normal=KHMER, bold=KHMER_BOLD, italic=KHMER, boldItalic=KHMER_BOLD
    )
    _hook_reportlab()


def font(name: str) -> ShapingFont:
    register()
    found = pdfmetrics.getFont(name)
    assert isinstance(found, ShapingFont), name
    return found


# -- text ---------------------------------------------------------------------------------


def face_for(text: str, bold: bool = False) -> str:
    """The single face to use for a short string in one script."""
    for pattern, regular, heavy in _SCRIPTS:
        if pattern.search(text):
            return heavy if bold else regular
    return BOLD if bold else BODY


def clean(text: str | None) -> str:
    """Drop characters no PDF can hold (controls, lone surrogates); keep newlines and tabs."""
    text = _CONTROL.sub("", text or "").replace("\t", "    ")
    # Precomposed letters: Vietnamese typed with combining marks then uses the font's
    # accented glyphs, and the text layer reads as the NFC text.
    return text if text.isascii() else unicodedata.normalize("NFC", text)


_glyph_words: dict[str, str | None] = {}


def glyph_word(word: str) -> str | None:
    """A body-text word as a glyph string valid in every body face, or None when it needs a
    positioned run (combining marks HarfBuzz moves, or faces that disagree)."""
    if word in _glyph_words:
        return _glyph_words[word]
    register()
    result: str | None = None
    runs = [font(name).shape(word) for name in BODY_FACES]
    first = runs[0]
    if all(r.plain for r in runs) and all(
        [(g.name, g.text) for g in r.glyphs] == [(g.name, g.text) for g in first.glyphs]
        for r in runs[1:]
    ):
        result = first.codes
        # the codes of ligatures mean the same glyph in every body face
        for r in runs[1:]:
            f = font(r.font)
            for g in r.glyphs:
                if _is_code(g.code):
                    f.adopt(ord(g.code), g.gid)
    if len(_glyph_words) >= _RUN_CACHE:
        _glyph_words.clear()
    _glyph_words[word] = result
    return result


def _glyph_text(text: str) -> tuple[str, bool]:
    """Body text with the words HarfBuzz changes as glyph strings, and whether every such
    word could be one (False: a word needs a positioned run)."""
    if not _trigger().search(text):
        return text, True
    ok = True

    def swap(m: re.Match[str]) -> str:
        nonlocal ok
        word = glyph_word(m.group(0))
        if word is None:
            ok = False
            return m.group(0)
        return word

    return _trigger_word().sub(swap, text), ok


def glyphs(text: str) -> str:
    """Body text (no Thai or Khmer) with the words HarfBuzz changes as glyph strings.

    The result draws in any body face on reportlab's ordinary path; a word that needs
    positioning is left as it is (see :func:`needs_shaping`).
    """
    return _glyph_text(text)[0]


def needs_shaping(text: str) -> bool:
    """Whether a paragraph holding text must be laid out with reportlab's shaping: it holds
    Thai or Khmer, or a word whose marks HarfBuzz positions."""
    text = text or ""
    return bool(_COMPLEX.search(text)) or not _glyph_text(text)[1]


@cache
def unshaped(style: ParagraphStyle) -> ParagraphStyle:
    """The same style without reportlab's shaping, for text that holds no Thai or Khmer."""
    return ParagraphStyle(style.name + "-plain", parent=style, shaping=0)


def style_for(text: str | None, style: ParagraphStyle) -> ParagraphStyle:
    return style if needs_shaping(clean(text)) else unshaped(style)


def paragraph(
    text: str | None,
    style: ParagraphStyle,
    bold: bool = False,
    prefix: str = "",
    suffix: str = "",
    bullet: str | None = None,
):  # noqa: ANN201 - reportlab Paragraph, imported lazily
    """A Paragraph for user text, laid out with reportlab's shaping only when it needs it.

    Shaped layout costs about six times the layout time of plain text, so only paragraphs
    holding Thai, Khmer or positioned marks take it; ligatures are glyph strings already
    (:func:`rich`). ``prefix`` and ``suffix`` are trusted markup put around the escaped text
    (a number, an attribution). Give list numbers and bullets as ``bullet``: reportlab lays
    out a paragraph much faster when its text stays one run of one font, and every tag or
    entity starts a new run.

    Plain text (no tag but line breaks) skips reportlab's markup parser: its runs are made
    directly (:func:`plain_frags`), the parser's own result, at a third of its cost.
    """
    markup, shaped = _markup(clean(text), bold)
    if bold:
        markup = f"<b>{markup}</b>"
    shaped = shaped or needs_shaping(suffix)
    if not shaped:
        style = unshaped(style)
    markup = prefix + markup + suffix
    frags = None if shaped else plain_frags(markup, style)
    return paragraph_class()(markup, style, bulletText=bullet, frags=frags)


@cache
def paragraph_class() -> type:
    """reportlab's Paragraph, remembering its lines for the width it was last wrapped to.

    A table wraps each cell's paragraph when it measures its rows, again when it splits at
    a page end and again when it draws; a paragraph that did not fit at the foot of a frame
    is wrapped again at the top of the next. For a paragraph of one run (every plain note
    and cell) the lines depend on the width alone, so the second wrap at the same width
    gives back the first one's result instead of breaking the lines again.
    """
    from reportlab.platypus import Paragraph
    from reportlab.platypus.paragraph import _FUZZ

    class Para(Paragraph):
        _wrapped: tuple[float, dict[str, Any]] | None = None

        def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
            done = self._wrapped
            if done is not None and done[0] == availWidth:
                self.__dict__.update(done[1])
                return self.width, self.height
            size = Paragraph.wrap(self, availWidth, availHeight)
            if availWidth < _FUZZ:
                return size  # too narrow: reportlab breaks no lines, what is set is stale
            blpara = self.__dict__.get("blPara")
            if blpara is not None and blpara.kind == 0 and len(self.frags) == 1:
                self._wrapped = (
                    availWidth,
                    {k: self.__dict__[k] for k in _WRAPPED if k in self.__dict__},
                )
            return size

    return Para


# What Paragraph.wrap sets (with breakLines for a paragraph of one run).
_WRAPPED = (
    "width",
    "_wrapWidths",
    "blPara",
    "height",
    "_width_max",
    "_splitLongWordCount",
    "_hyphenations",
)

# Characters reportlab's cleaner (``cleanBlockQuotedText``) folds into one space between words
# or drops at the ends: every whitespace character it or ``str.split`` knows but the space and
# the no-break space (and spaces next to each other or at either end, see plain_frags).
_FOLDED = re.compile(
    "[\t\n\x0b\x0c\r\x1c-\x1f\x85\u1680\u2000-\u200b\u2028\u2029\u202f\u205f\u3000]"
)
_TOKEN = re.compile(r"&(amp|lt|gt);|<br/>")
_ENTITIES = {"amp": "&", "lt": "<", "gt": ">"}


@cache
def _parser_parts() -> tuple[type, Callable[..., Any], Callable[..., Any]]:
    """What :func:`plain_frags` takes from reportlab, imported once (not at start-up)."""
    from reportlab.lib.fonts import ps2tt, tt2ps
    from reportlab.platypus.paraparser import ParaFrag

    return ParaFrag, ps2tt, tt2ps


def plain_frags(markup: str, style: ParagraphStyle) -> list[Any] | None:
    """The runs reportlab's parser makes of ``markup`` in ``style``, when ``markup`` is plain
    text: escaped (``&amp;`` ``&lt;`` ``&gt;``), line breaks as ``<br/>``, no other tag or
    entity, and nothing the cleaner would change; otherwise None (parse it).

    The parser hands each stretch of text between entities and tags over as its own run,
    each a copy of the paragraph's first run (the style's face, size and colour) sharing
    its link and underline lists; a line break is a run of its own with no text.
    """
    if (
        not markup
        or style.textTransform
        or markup[0] == " "
        or markup[-1] == " "
        or "  " in markup
        or _FOLDED.search(markup)
    ):
        return None
    ParaFrag, ps2tt, tt2ps = _parser_parts()  # noqa: N806 - a class
    family, bold, italic = ps2tt(style.fontName)
    base = {
        "rise": 0,
        "greek": 0,
        "link": [],
        "fontName": tt2ps(family, bold, italic),
        "bold": bold,
        "italic": italic,
        "fontSize": style.fontSize,
        "textColor": style.textColor,
        "us_lines": [],
        "__tag__": "para",
    }
    if "<" not in markup and "&" not in markup:
        frag = ParaFrag()
        frag.__dict__.update(base, text=markup)
        return [frag]
    frags: list[Any] = []

    def run(text: str, **extra: Any) -> None:
        frag = ParaFrag()
        frag.__dict__.update(base, **extra, text=text)
        frags.append(frag)

    pos = 0
    for m in _TOKEN.finditer(markup):
        text = markup[pos : m.start()]
        if "<" in text or "&" in text:
            return None  # another tag or entity: the parser's
        if text:
            run(text)
        if m.group(1):
            run(_ENTITIES[m.group(1)])
        else:
            run("", __tag__="br", lineBreak=True)
        pos = m.end()
    text = markup[pos:]
    if "<" in text or "&" in text:
        return None
    if text:
        run(text)
    return frags


def _pieces(text: str, bold: bool) -> list[tuple[str, str | None]]:
    """(piece, face) runs of one text; face None for body text (Latin, Cyrillic, Vietnamese).

    A Thai or Khmer run keeps the spaces and punctuation between its letters when its face
    has them (Noto Sans Thai has no comma or full stop: those are body text).
    """
    out: list[tuple[str, str | None]] = []
    pos = 0
    for m in _RUN.finditer(text):
        if m.start() > pos:
            out.append((text[pos : m.start()], None))
        face = face_for(m.group(0), bold)
        have = font(face).face.charToGlyph
        for covered, chars in groupby(m.group(0), key=lambda ch: ord(ch) in have):
            out.append(("".join(chars), face if covered else None))
        pos = m.end()
    if pos < len(text):
        out.append((text[pos:], None))
    return out


def rich(text: str | None, bold: bool = False) -> str:
    """Paragraph markup for user text: escaped, newlines kept, Thai/Khmer runs in their faces,
    ligatures as glyph strings (:func:`glyphs`)."""
    return _markup(clean(text), bold)[0]


def _markup(text: str, bold: bool) -> tuple[str, bool]:
    """:func:`rich` of cleaned text, and whether its paragraph needs reportlab's shaping."""
    if not _COMPLEX.search(text):
        body, ok = _glyph_text(text)
        return escape(body).replace("\r\n", "\n").replace("\n", "<br/>"), not ok
    out: list[str] = []
    for piece, face in _pieces(text, bold):
        if face is None:
            out.append(escape(glyphs(piece)))
        else:
            out.append(f'<font name="{face}">{escape(piece)}</font>')
    return "".join(out).replace("\r\n", "\n").replace("\n", "<br/>"), True


def segments(text: str, bold: bool = False) -> list[tuple[str, str]]:
    """Split one line into (piece, face) runs so each script is drawn in a face that has it."""
    body = BOLD if bold else BODY
    return [(piece, face or body) for piece, face in _pieces(text, bold)]


def shaped_line(text: str, bold: bool = False) -> list[tuple[str, str, float]]:
    """One line of user text as (face, what to draw, width in thousandths of the size).

    Body text HarfBuzz would leave alone is drawn as it is, without calling HarfBuzz (page
    footers differ on every page, so caching their shaping would not help)."""
    register()
    text = clean(text).replace("\r\n", " ").replace("\n", " ")
    out: list[tuple[str, str, float]] = []
    for piece, face in segments(text, bold):
        if face in BODY_FACES:
            drawn, ok = _glyph_text(piece)
            if ok:
                out.append((face, drawn, pdfmetrics.stringWidth(drawn, face, 1000)))
                continue
        run = font(face).shape(piece)
        out.append((face, run.drawable(), run.width))
    return out


def text_width(text: str, size: float, bold: bool = False) -> float:
    return sum(width for _face, _drawn, width in shaped_line(text, bold)) * size / 1000


def draw_string(
    canvas, x: float, y: float, text: str, size: float, bold: bool = False, align: str = "left"
) -> None:  # noqa: ANN001 - reportlab canvas
    """Draw one line of user text on a canvas, shaped, each script run in a face that has it."""
    line = shaped_line(text, bold)
    width = sum(w for _face, _drawn, w in line) * size / 1000
    if align == "center":
        x -= width / 2
    elif align == "right":
        x -= width
    for face, drawn, w in line:
        canvas.setFont(face, size)
        canvas.drawString(x, y, drawn)
        x += w * size / 1000


def fit_size(text: str, width: float, size: float, minimum: float = 6, bold: bool = False) -> float:
    """The largest font size ≤ size (in half points) at which text fits in width on one line."""
    natural = text_width(text, 1000, bold) / 1000
    while size > minimum and natural * size > width:
        size -= 0.5
    return size


@cache
def styles() -> dict[str, ParagraphStyle]:
    """The house paragraph styles; all shape complex scripts."""
    register()
    base = ParagraphStyle(
        "body", fontName=BODY, fontSize=10, leading=13.5, shaping=1, splitLongWords=1, spaceAfter=4
    )
    return {
        "body": base,
        "small": ParagraphStyle("small", parent=base, fontSize=8.5, leading=11),
        "cell": ParagraphStyle("cell", parent=base, fontSize=8.5, leading=10.5, spaceAfter=0),
        "cell_bold": ParagraphStyle(
            "cell_bold", parent=base, fontName=BOLD, fontSize=8.5, leading=10.5, spaceAfter=0
        ),
        "title": ParagraphStyle(
            "title", parent=base, fontName=BOLD, fontSize=24, leading=30, spaceAfter=10
        ),
        "subtitle": ParagraphStyle("subtitle", parent=base, fontSize=14, leading=19, spaceAfter=8),
        "h1": ParagraphStyle(
            "h1", parent=base, fontName=BOLD, fontSize=16, leading=21, spaceBefore=10, spaceAfter=6
        ),
        "h2": ParagraphStyle(
            "h2", parent=base, fontName=BOLD, fontSize=12.5, leading=16, spaceBefore=8, spaceAfter=4
        ),
        "h3": ParagraphStyle(
            "h3", parent=base, fontName=BOLD, fontSize=10.5, leading=14, spaceBefore=6, spaceAfter=3
        ),
        "quote": ParagraphStyle("quote", parent=base, fontName=ITALIC, leftIndent=14),
    }


# -- document information ------------------------------------------------------------------

_LANG_TAG = re.compile(r"^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$")
_LANG_NAMES = {
    "english": "en",
    "french": "fr",
    "français": "fr",
    "russian": "ru",
    "русский": "ru",
    "thai": "th",
    "ไทย": "th",
    "khmer": "km",
    "ខ្មែរ": "km",
    "vietnamese": "vi",
    "tiếng việt": "vi",
    "spanish": "es",
    "español": "es",
    "arabic": "ar",
    "chinese": "zh",
    "indonesian": "id",
    "malay": "ms",
    "kazakh": "kk",
    "kyrgyz": "ky",
    "uzbek": "uz",
    "tajik": "tg",
    "portuguese": "pt",
    "german": "de",
}


def _json_list(value: Any) -> list[str]:
    if isinstance(value, list):
        return [str(v) for v in value]
    try:
        items = json.loads(value or "[]")
    except (TypeError, ValueError):
        return []
    return [str(v) for v in items] if isinstance(items, list) else []


def language_tag(languages: Any) -> str:
    """The workshop's first language as a BCP 47 tag for the PDF's /Lang ("en" if unknown)."""
    for lang in _json_list(languages):
        lang = lang.strip()
        if _LANG_TAG.match(lang):
            return lang
        if lang.lower() in _LANG_NAMES:
            return _LANG_NAMES[lang.lower()]
    return "en"


def organisers(details: dict[str, Any]) -> str:
    """The workshop's organisers, for a document's author."""
    return clean("; ".join(o for o in _json_list(details.get("organisers")) if o.strip()))


def describe(canvas: Canvas, info: dict[str, str]) -> None:
    """Title, author, subject and language (:func:`document_info`) of a PDF drawn on a canvas."""
    from reportlab.pdfbase.pdfdoc import PDFString

    canvas.setTitle(info["title"])
    canvas.setAuthor(info["author"])
    canvas.setSubject(info["subject"])
    canvas.setCreator("Facilitator")
    canvas._doc.Catalog.Lang = PDFString(info["lang"])  # as Canvas(lang=...) would


def document_info(details: dict[str, Any], kind: str) -> dict[str, str]:
    """Keyword arguments for reportlab's doc templates (and :func:`describe`): what a
    document index or screen reader shows for one of the workshop's documents."""
    title = clean(details.get("title") or "Workshop").replace("\n", " ")
    return {
        "title": f"{kind}: {title}",
        "author": organisers(details),
        "subject": f"{kind} of {title}",
        "lang": language_tag(details.get("languages")),
    }
