"""PDF builders (fpdf2): the comparison (A4 landscape) and the DPIA starter (A4 portrait).

Plain data in, bytes out. Every string is drawn as text (fpdf2 with ``markdown=False``): nothing a
user or a document wrote is interpreted as markup. Text uses DejaVu Sans (a TTF, so curly quotes,
£, é and dashes render); if the font is missing the core Helvetica is used and text is reduced to
Latin-1 rather than failing.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from datetime import datetime
from pathlib import Path

from fpdf import FPDF, FontFace
from fpdf.enums import MethodReturnValue, TableCellFillMode, XPos, YPos

from .model import ComparisonExport, DpiaDocument, DpiaFact, ExportCell, Quote, VendorHead

logger = logging.getLogger(__name__)
# fontTools logs every glyph subset at INFO: one export would write a hundred log lines.
logging.getLogger("fontTools").setLevel(logging.WARNING)

FONT_DIRS = (Path("/usr/share/fonts/truetype/dejavu"),)  # Debian's fonts-dejavu-core
FONT_FILES = {"": "DejaVuSans.ttf", "B": "DejaVuSans-Bold.ttf", "I": "DejaVuSans-Oblique.ttf"}
CELL_MAX = 700  # characters of one table cell; keeps every row shorter than a page

INK = (33, 37, 41)
MUTED = (95, 102, 112)
ACCENT = (31, 78, 121)
WARN = (160, 40, 30)
RULE = (190, 196, 204)
HEAD_FILL = (232, 238, 245)
ZEBRA = (247, 248, 250)
PROVISIONAL_NOTE = (
    "PROVISIONAL: {who} not been reviewed by a person. The grade and facts below are the machine's "
    "reading of the policy; check the quoted evidence before relying on them."
)

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069]")
_ASCII = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "–": "-", "—": "-", "…": "...", "•": "*"})


def font_paths() -> dict[str, Path] | None:
    for folder in FONT_DIRS:
        paths = {style: folder / name for style, name in FONT_FILES.items()}
        if all(p.is_file() for p in paths.values()):
            return paths
    return None


def clean(text) -> str:
    """Text safe to draw: no control or bidi-override characters, tabs as spaces, NFC."""
    text = unicodedata.normalize("NFC", "" if text is None else str(text))
    return _CONTROL.sub("", text.replace("\t", " ").replace("\r\n", "\n").replace("\r", "\n"))


def clip(text: str, limit: int = CELL_MAX) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _when(moment: datetime) -> str:
    return f"{moment.day} {moment:%B %Y, %H:%M} {moment.tzname() or ''}".strip()


class Document(FPDF):
    """A4 with margins, a running head, "Page n of N" footers and a Unicode font."""

    def __init__(self, title: str, generated_at: datetime, *, landscape: bool = False):
        super().__init__(orientation="L" if landscape else "P", unit="mm", format="A4")
        self.doc_title = clean(title)
        self.generated = _when(generated_at)
        self.set_margins(15, 16, 15)
        self.set_auto_page_break(True, margin=18)
        self.set_title(self.doc_title)
        self.set_author("PolicyLens")
        self.set_creator("PolicyLens")
        self.set_lang("en-GB")
        self.set_creation_date(generated_at)
        paths = font_paths()
        self.unicode = paths is not None
        if paths:
            for style, path in paths.items():
                self.add_font("DejaVu", style, str(path))
            self.family = "DejaVu"
        else:  # pragma: no cover - depends on the machine
            logger.warning("DejaVu fonts not found in %s: PDF text falls back to Latin-1", FONT_DIRS)
            self.family = "Helvetica"
        self.alias_nb_pages()
        self.add_page()

    # fpdf2 calls normalize_text on every string it draws; without a TTF, reduce to Latin-1.
    def normalize_text(self, text):
        text = clean(text)
        if not self.unicode:
            text = text.translate(_ASCII).encode("latin-1", "replace").decode("latin-1")
        return super().normalize_text(text)

    def font(self, size: float, style: str = "", colour=INK) -> None:
        self.set_font(self.family, style, size)
        self.set_text_color(*colour)

    def header(self):
        if self.page_no() == 1:
            return
        self.font(7.5, "", MUTED)
        self.cell(self.epw * 0.75, 5, clip(self.doc_title, 140), new_x=XPos.RIGHT, new_y=YPos.TOP)
        self.cell(0, 5, "PolicyLens", align="R", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.set_draw_color(*RULE)
        self.line(self.l_margin, self.get_y(), self.w - self.r_margin, self.get_y())
        self.ln(3)

    def footer(self):
        self.set_y(-12)
        self.font(7.5, "", MUTED)
        self.cell(self.epw / 2, 5, f"Generated {self.generated} by PolicyLens", new_x=XPos.RIGHT, new_y=YPos.TOP)
        self.cell(0, 5, f"Page {self.page_no()} of {{nb}}", align="R")

    # --- blocks

    def para(self, text: str, size: float = 9.5, style: str = "", colour=INK, indent: float = 0, gap: float = 1.2):
        self.font(size, style, colour)
        self.set_x(self.l_margin + indent)
        self.multi_cell(self.epw - indent, size * 0.48, clean(text), align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.ln(gap)

    def title_block(self, title: str, meta: list[str]):
        self.para(title, 18, "B", ACCENT, gap=1.5)
        for line in meta:
            self.para(line, 9, "", MUTED, gap=0.3)
        self.ln(3)

    def heading(self, text: str, size: float = 13, space: float = 4, keep: float = 25):
        """A heading with a rule under it, moved to the next page unless ``keep`` mm follow it there."""
        if self.get_y() > self.h - self.b_margin - keep:
            self.add_page()
        self.ln(space)
        self.para(text, size, "B", ACCENT, gap=0.8)
        self.set_draw_color(*RULE)
        self.line(self.l_margin, self.get_y(), self.w - self.r_margin, self.get_y())
        self.ln(2)

    def warning(self, text: str):
        self.set_draw_color(*WARN)
        self.set_fill_color(253, 240, 238)
        self.font(9.5, "B", WARN)
        self.multi_cell(
            self.epw, 4.8, clean(text), border=1, fill=True, align="L", padding=2.5,
            new_x=XPos.LMARGIN, new_y=YPos.NEXT,
        )
        self.set_fill_color(255, 255, 255)
        self.set_draw_color(*RULE)
        self.ln(3)

    def quote(self, q: Quote, indent: float = 6, size: float = 8.5):
        mark = f" [{q.review_label}]" if q.review else ""
        self.para(f"“{q.text}”{mark}", size, "I", MUTED, indent=indent, gap=0.8)

    def kv_table(self, rows: list[tuple[str, str]], widths=(1, 3), size: float = 9):
        self.font(size)
        self.set_draw_color(*RULE)
        with self.table(
            col_widths=widths, first_row_as_headings=False, text_align="LEFT", line_height=size * 0.5,
            padding=(1.2, 1.8), borders_layout="HORIZONTAL_LINES", v_align="TOP",
            cell_fill_mode=TableCellFillMode.NONE,
        ) as table:
            for label, value in rows:
                row = table.row()
                row.cell(clean(label), style=FontFace(emphasis="BOLD"))
                row.cell(clip(clean(value)))
        self.ln(2)

    def bytes(self) -> bytes:
        return bytes(self.output())


# --------------------------------------------------------------------------- comparison


def _who(vendors: list[VendorHead]) -> str:
    names = [v.name for v in vendors]
    joined = ", ".join(names[:-1]) + " and " + names[-1] if len(names) > 1 else names[0]
    return f"{joined} {'has' if len(names) == 1 else 'have'}"


def _cell_text(cell: ExportCell) -> str:
    return clip(clean(cell.value_text if cell.available else cell.text))


def comparison_pdf(export: ComparisonExport) -> bytes:
    pdf = Document(export.title, export.generated_at, landscape=True)
    n = len(export.vendors)
    size = 8.5 if n <= 3 else 7.5
    pdf.title_block(
        export.title,
        [
            f"Generated {pdf.generated} by PolicyLens. Scores and facts are read from each supplier's current "
            "privacy policy; quotes are the policy's own words.",
        ]
        + ([f"Differences only: {export.hidden_rows} identical rows left out."] if export.diff_only else []),
    )
    provisional = export.provisional_vendors
    if provisional:
        pdf.warning(PROVISIONAL_NOTE.format(who=_who(provisional)))
    for notice in export.notices:
        pdf.para(notice, 8.5, "", MUTED)

    pdf.heading("Suppliers", keep=40)
    pdf.font(size)
    pdf.set_draw_color(*RULE)
    with pdf.table(
        col_widths=(3, 2, 4, 2, 2, 2), text_align="LEFT", line_height=size * 0.5, padding=(1.2, 1.6),
        headings_style=FontFace(emphasis="BOLD", fill_color=HEAD_FILL), v_align="TOP",
        borders_layout="HORIZONTAL_LINES", cell_fill_mode=TableCellFillMode.NONE,
    ) as table:
        head = table.row()
        for h in ("Supplier", "Overall grade", "Review status", "Policy last updated", "Uploaded", "Rubric"):
            head.cell(h)
        for v in export.vendors:
            row = table.row()
            row.cell(clip(clean(v.name)), style=FontFace(emphasis="BOLD"))
            row.cell(clean(v.grade_text), style=FontFace(color=WARN) if v.provisional or not v.available else None)
            row.cell(clean(v.review_text))
            row.cell(v.stated_last_updated or ("Not stated" if v.available else "–"))
            row.cell(f"{v.uploaded.day} {v.uploaded:%b %Y}" if v.uploaded else "–")
            row.cell(v.rubric_version or "–")

    label_mm = 55 if n <= 3 else 40
    widths = (label_mm, *([(pdf.epw - label_mm) / n] * n))
    for section in export.sections:
        if section.key == "review":  # already in the suppliers table above
            continue
        pdf.heading(section.title, 12, 3, keep=45)
        pdf.font(size)
        pdf.set_draw_color(*RULE)
        with pdf.table(
            col_widths=widths, text_align="LEFT", line_height=size * 0.5, padding=(1.2, 1.6), v_align="TOP",
            headings_style=FontFace(emphasis="BOLD", fill_color=HEAD_FILL), borders_layout="HORIZONTAL_LINES",
            cell_fill_color=ZEBRA, cell_fill_mode=TableCellFillMode.EVEN_ROWS,
        ) as table:
            head = table.row()
            head.cell("")
            for v in export.vendors:
                head.cell(clip(clean(v.name), 80) + ("\nPROVISIONAL" if v.provisional else ""))
            for r in section.rows:
                row = table.row()
                label = r.label + (f" ({r.tag})" if r.tag else "")
                row.cell(clip(clean(label), 300), style=FontFace(emphasis="BOLD"))
                for cell in r.cells:
                    if not cell.available:
                        style = FontFace(emphasis="ITALICS", color=MUTED)
                    elif cell.flag == "Worst" or cell.not_stated:
                        style = FontFace(color=WARN if cell.flag == "Worst" else MUTED)
                    else:
                        style = None
                    row.cell(_cell_text(cell), style=style)

    pdf.heading("Evidence")
    pdf.para(
        "The sentences each fact and score was read from, per supplier. Quotes marked [confirmed by reviewer], "
        "[corrected by reviewer] or [added by reviewer] have been checked by a person; rejected findings are left out.",
        8.5, "", MUTED,
    )
    for i, v in enumerate(export.vendors):
        pdf.heading(v.name + (" (provisional)" if v.provisional else ""), 11, 3)
        if not v.available:
            pdf.para(v.state_label or "No analysis", 9, "I", MUTED)
            continue
        cited = False
        for section in export.sections:
            for r in section.rows:
                cell = r.cells[i]
                answers = [a for a in cell.answers if a.quotes or a.verdict in ("bad", "not_stated", "fair")]
                if not cell.available or not (cell.quotes or answers):
                    continue
                cited = True
                value = cell.value_text.splitlines()[0] if cell.value_text else ""
                pdf.para(f"{section.title} · {r.label}: {value}", 9, "B", INK, gap=0.6)
                for a in answers:
                    pdf.para(f"{a.question} → {a.answer}", 8.5, "", INK, indent=3, gap=0.5)
                    for q in a.quotes:
                        pdf.quote(q, indent=8)
                    if a.more:
                        pdf.para(f"{a.more} more on the vendor's page", 8, "", MUTED, indent=8)
                for q in cell.quotes:
                    pdf.quote(q, indent=3)
                if cell.more_quotes:
                    pdf.para(f"{cell.more_quotes} more on the vendor's page", 8, "", MUTED, indent=3)
                pdf.ln(1)
        if not cited:
            pdf.para("No quotes recorded.", 9, "I", MUTED)
    return pdf.bytes()


# --------------------------------------------------------------------------- DPIA starter

VERDICT_LABELS = {"blocker": "Red line", "bad": "Bad", "not_stated": "Not stated", "fair": "Vague or partial"}


def _fact(pdf: Document, fact: DpiaFact):
    """Label on the left, the fact and its quotes on the right; the label never sits alone at a page foot."""
    label_w = 48
    label = clip(clean(fact.label), 200)
    pdf.font(9.5, "B")
    label_h = pdf.multi_cell(label_w - 3, 4.6, label, align="L", dry_run=True, output=MethodReturnValue.HEIGHT)
    if pdf.get_y() + max(label_h, 14) > pdf.h - pdf.b_margin:
        pdf.add_page()
    y, page = pdf.get_y(), pdf.page
    pdf.font(9.5, "B")
    pdf.multi_cell(label_w - 3, 4.6, label, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    label_end = pdf.get_y()
    pdf.set_xy(pdf.l_margin + label_w, y)
    pdf.font(9.5, "", MUTED if fact.not_stated else INK)
    pdf.multi_cell(pdf.epw - label_w, 4.6, clean(fact.text), align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    for line in fact.lines:
        pdf.para(line, 8.5, "", MUTED, indent=label_w, gap=0.2)
    for q in fact.quotes:
        pdf.quote(q, indent=label_w + 2)
    if fact.more_quotes:
        pdf.para(f"{fact.more_quotes} more in the policy", 8, "", MUTED, indent=label_w + 2, gap=0.2)
    if not fact.quotes and not fact.not_stated and not fact.lines:
        pdf.para("No quote stored for this fact.", 8, "I", MUTED, indent=label_w + 2, gap=0.2)
    if pdf.page == page:
        pdf.set_y(max(pdf.get_y(), label_end))
    pdf.ln(1.8)


def dpia_pdf(doc: DpiaDocument) -> bytes:
    v = doc.vendor
    pdf = Document(doc.title, doc.generated_at)
    pdf.title_block(doc.title, [f"Generated {pdf.generated} by PolicyLens, from the supplier's privacy policy."])
    pdf.kv_table(
        [
            ("Supplier", v.name),
            ("Policy version", (f"uploaded {v.uploaded.day} {v.uploaded:%B %Y}" if v.uploaded else "none")),
            ("Policy last updated", v.stated_last_updated or "Not stated in the policy"),
            ("Overall grade", v.grade_text),
            ("Review status", v.review_text),
            ("Rubric", v.rubric_version or "–"),
        ]
    )
    if not v.available:
        pdf.warning(
            f"No analysed policy: {v.state_label or 'no analysis'}. This starter cannot be filled in until the "
            "supplier's current policy has been analysed."
        )
        return pdf.bytes()
    if v.provisional:
        pdf.warning(PROVISIONAL_NOTE.format(who=_who([v])))
    pdf.para(
        "How to use this starter: it fills in what the supplier's privacy policy says, with the sentence each fact "
        "comes from. It is not a complete DPIA. Check each fact against the quote, add what the school knows about "
        "how it will use the service, and send the questions in the last section to the supplier.",
        9, "", MUTED,
    )
    for number, section in enumerate(doc.sections, start=1):
        pdf.heading(f"{number}. {section.title}", keep=40)
        if section.intro:
            pdf.para(section.intro, 8.5, "I", MUTED, gap=1.5)
        for fact in section.facts:
            _fact(pdf, fact)
    pdf.heading(f"{len(doc.sections) + 1}. Gaps to ask the supplier about")
    if not doc.gaps:
        pdf.para("The policy answers every question of the rubric well: no gaps found.", 9.5)
    for i, gap in enumerate(doc.gaps, start=1):
        if pdf.get_y() > pdf.h - pdf.b_margin - 22:
            pdf.add_page()
        pdf.para(f"{i}. {gap.question}", 9.5, "B", INK, gap=0.4)
        now = (
            "not stated in the policy"
            if gap.verdict == "not_stated"
            else f"{VERDICT_LABELS.get(gap.verdict, gap.verdict).lower()}: the policy now says “{gap.finding}”"
        )
        pdf.para(
            f"{gap.area} · {now}",
            8.5, "", WARN if gap.verdict in ("bad", "blocker") else MUTED, indent=5, gap=0.4,
        )
        if gap.rubric_question and gap.verdict != "blocker":
            pdf.para(f"Rubric question: {gap.rubric_question}", 8, "", MUTED, indent=5, gap=0.4)
        for q in gap.quotes:
            pdf.quote(q, indent=9, size=8)
        pdf.ln(1.5)
    pdf.heading(f"{len(doc.sections) + 2}. Scores")
    pdf.kv_table(doc.scores, widths=(2, 1))
    return pdf.bytes()
