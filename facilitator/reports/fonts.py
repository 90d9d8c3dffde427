"""Bundled fonts for every PDF, and mixed-script text for reportlab paragraphs.

Noto Sans covers Latin, Cyrillic and Vietnamese; Thai and Khmer need their own Noto faces and
HarfBuzz shaping (``TTFont(..., shapable=True)`` plus ``ParagraphStyle(shaping=1)``). reportlab
picks one font per run of text, so :func:`rich` splits text into runs by script and wraps each
Thai or Khmer run in a ``<font>`` tag. It also escapes markup characters, so any user text is
safe to hand to ``Paragraph``.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from facilitator.resources import resource

BODY = "NotoSans"
BOLD = "NotoSans-Bold"
ITALIC = "NotoSans-Italic"
BOLD_ITALIC = "NotoSans-BoldItalic"
THAI = "NotoSansThai"
THAI_BOLD = "NotoSansThai-Bold"
KHMER = "NotoSansKhmer"
KHMER_BOLD = "NotoSansKhmer-Bold"

_FACES = {
    BODY: ("NotoSans-Regular.ttf", False),
    BOLD: ("NotoSans-Bold.ttf", False),
    ITALIC: ("NotoSans-Italic.ttf", False),
    BOLD_ITALIC: ("NotoSans-BoldItalic.ttf", False),
    THAI: ("NotoSansThai-Regular.ttf", True),
    THAI_BOLD: ("NotoSansThai-Bold.ttf", True),
    KHMER: ("NotoSansKhmer-Regular.ttf", True),
    KHMER_BOLD: ("NotoSansKhmer-Bold.ttf", True),
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


@cache
def register() -> None:
    """Register the bundled faces once per process; idempotent."""
    for name, (filename, shapable) in _FACES.items():
        path = str(resource("fonts", filename))
        font = TTFont(name, path, shapable=True) if shapable else TTFont(name, path)
        pdfmetrics.registerFont(font)
    pdfmetrics.registerFontFamily(
        BODY, normal=BODY, bold=BOLD, italic=ITALIC, boldItalic=BOLD_ITALIC
    )
    pdfmetrics.registerFontFamily(
        THAI, normal=THAI, bold=THAI_BOLD, italic=THAI, boldItalic=THAI_BOLD
    )
    pdfmetrics.registerFontFamily(
        KHMER, normal=KHMER, bold=KHMER_BOLD, italic=KHMER, boldItalic=KHMER_BOLD
    )


def face_for(text: str, bold: bool = False) -> str:
    """The single face to use for a short string drawn with canvas.drawString."""
    for pattern, regular, heavy in _SCRIPTS:
        if pattern.search(text):
            return heavy if bold else regular
    return BOLD if bold else BODY


def clean(text: str | None) -> str:
    """Drop characters no PDF can hold (controls, lone surrogates); keep newlines and tabs."""
    text = _CONTROL.sub("", text or "").replace("\t", "    ")
    # Precomposed letters: Vietnamese typed with combining marks then uses the font's
    # accented glyphs, which Noto Sans has, instead of stacking marks without shaping.
    return text if text.isascii() else unicodedata.normalize("NFC", text)


_COMPLEX = re.compile(r"[\u0E00-\u0E7F\u1780-\u17FF\u19E0-\u19FF]")


def needs_shaping(text: str) -> bool:
    """Whether text holds a script that needs HarfBuzz shaping (Thai, Khmer)."""
    return bool(_COMPLEX.search(text or ""))


@cache
def unshaped(style: ParagraphStyle) -> ParagraphStyle:
    """The same style without HarfBuzz shaping, for text that holds no Thai or Khmer."""
    return ParagraphStyle(style.name + "-plain", parent=style, shaping=0)


def style_for(text: str | None, style: ParagraphStyle) -> ParagraphStyle:
    return style if needs_shaping(text or "") else unshaped(style)


def paragraph(
    text: str | None,
    style: ParagraphStyle,
    bold: bool = False,
    prefix: str = "",
    suffix: str = "",
    bullet: str | None = None,
):  # noqa: ANN201 - reportlab Paragraph, imported lazily
    """A Paragraph for user text, shaped only when it needs it.

    Shaping every paragraph costs about six times the layout time of plain text, so the
    report turns it on only for paragraphs holding Thai or Khmer. ``prefix`` and ``suffix``
    are trusted markup put around the escaped text (a number, an attribution). Give list
    numbers and bullets as ``bullet``: reportlab lays out a paragraph much faster when its
    text stays one run of one font, and every tag or entity starts a new run.
    """
    from reportlab.platypus import Paragraph

    markup = rich(text, bold)
    if bold:
        markup = f"<b>{markup}</b>"
    shaped = needs_shaping(text or "") or needs_shaping(suffix)
    return Paragraph(
        prefix + markup + suffix, style if shaped else unshaped(style), bulletText=bullet
    )


def rich(text: str | None, bold: bool = False) -> str:
    """Paragraph markup for user text: escaped, newlines kept, Thai/Khmer runs in their fonts."""
    text = clean(text)
    out: list[str] = []
    pos = 0
    for m in _RUN.finditer(text):
        out.append(escape(text[pos : m.start()]))
        run = m.group(0)
        face = face_for(run, bold)
        # reportlab shapes a whole word in the font of its first fragment, so a word that
        # mixes scripts ("(สมชาย", "ដារា,") would lose glyphs; a hair space splits it.
        before = "\u200a" if m.start() > 0 and not text[m.start() - 1].isspace() else ""
        after = "\u200a" if m.end() < len(text) and not text[m.end()].isspace() else ""
        out.append(f'{before}<font name="{face}">{escape(run)}</font>{after}')
        pos = m.end()
    out.append(escape(text[pos:]))
    return "".join(out).replace("\r\n", "\n").replace("\n", "<br/>")


def segments(text: str, bold: bool = False) -> list[tuple[str, str]]:
    """Split one line into (piece, face) runs so each script is drawn in a face that has it."""
    out: list[tuple[str, str]] = []
    pos = 0
    body = BOLD if bold else BODY
    for m in _RUN.finditer(text):
        if m.start() > pos:
            out.append((text[pos : m.start()], body))
        out.append((m.group(0), face_for(m.group(0), bold)))
        pos = m.end()
    if pos < len(text):
        out.append((text[pos:], body))
    return out


def text_width(text: str, size: float, bold: bool = False) -> float:
    return sum(pdfmetrics.stringWidth(piece, face, size) for piece, face in segments(text, bold))


def draw_string(
    canvas, x: float, y: float, text: str, size: float, bold: bool = False, align: str = "left"
) -> None:  # noqa: ANN001 - reportlab canvas
    """Draw one line of user text on a canvas, each script run in a face that covers it."""
    register()
    text = clean(text).replace("\n", " ")
    width = text_width(text, size, bold)
    if align == "center":
        x -= width / 2
    elif align == "right":
        x -= width
    for piece, face in segments(text, bold):
        canvas.setFont(face, size)
        canvas.drawString(x, y, piece)
        x += pdfmetrics.stringWidth(piece, face, size)


def fit_size(text: str, width: float, size: float, minimum: float = 6, bold: bool = False) -> float:
    """The largest font size ≤ size at which text fits in width on one line."""
    register()
    text = clean(text)
    while size > minimum and text_width(text, size, bold) > width:
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


def embedded_canvas(*args: Any, **kwargs: Any) -> Canvas:
    """A reportlab canvas that starts in the bundled face.

    reportlab opens every page in Helvetica, which it never embeds, so a PDF made with the
    default canvas lists an unembedded font even when no text uses it. Use this as
    ``Canvas(...)`` or as ``doc.build(..., canvasmaker=embedded_canvas)``.
    """
    register()
    kwargs["initialFontName"] = kwargs.get("initialFontName") or BODY
    kwargs["initialFontSize"] = kwargs.get("initialFontSize") or 10
    return Canvas(*args, **kwargs)
