"""comparisons.exports.pdf: plain data in, PDF bytes out, checked as text (pypdf) and as pictures (pypdfium2)."""

from __future__ import annotations

import pytest

from comparisons.exports import comparison_pdf, dpia_pdf
from comparisons.exports.dpia import build_dpia
from comparisons.exports.model import DpiaDocument, ExportCell, ExportRow, ExportSection
from comparisons.exports.pdf import clean, font_paths
from tests.comparisons.exports._sample import (
    EVIDENCE,
    GOOD_SUMMARY,
    HOSTILE,
    SCORES,
    SCRIPT,
    UNICODE,
    WHEN,
    comparison,
    head,
)
from tests.comparisons.exports.pdf_checks import (
    ink_in_margins,
    ink_ratio,
    is_a4,
    page_sizes,
    pdf_text,
    render_pages,
    text_box,
)


def test_the_unicode_font_is_installed():
    assert font_paths() is not None, "install Debian's fonts-dejavu-core (make system-deps does)"


def test_comparison_pdf_is_landscape_a4_with_title_date_and_page_numbers():
    data = comparison_pdf(comparison())
    assert data.startswith(b"%PDF-")
    sizes = page_sizes(data)
    assert all(is_a4(s) and s[0] > s[1] for s in sizes)
    text = pdf_text(data)
    assert "Supplier comparison" in text
    assert "Generated 24 November 2026, 14:05 GMT" in text
    assert f"Page 1 of {len(sizes)}" in text


def test_comparison_pdf_renders_hostile_and_unicode_text_literally():
    data = comparison_pdf(comparison(vendors=[head(HOSTILE), head(SCRIPT), head(UNICODE)]))
    text = pdf_text(data)
    for s in (HOSTILE, SCRIPT, UNICODE):
        assert s in text
    assert b"/URI" not in data  # no link was made from the text


def test_comparison_pdf_marks_provisional_vendors_only():
    text = pdf_text(comparison_pdf(comparison()))
    assert "PROVISIONAL: Acme Learning has not been reviewed" in text
    assert "Badco Games has not" not in text


def test_comparison_pdf_cites_quotes_with_review_marks():
    text = pdf_text(comparison_pdf(comparison()))
    assert "“We keep pupil records for one year.”" in text
    assert "“Deleted on request.” [confirmed by reviewer]" in text


def test_long_cells_wrap_inside_the_page():
    long_word = "Supercalifragilistic" * 12
    export = comparison(vendors=[head(f"V{i} " + "Name " * 30) for i in range(6)])
    export.sections.append(
        ExportSection(
            "long", "Long", [ExportRow("Label " * 20, [ExportCell(True, long_word + " text " * 300) for _ in range(6)])]
        )
    )
    data = comparison_pdf(export)
    for image in render_pages(data, scale=0.5):
        assert ink_in_margins(image) == 0
        assert ink_ratio(image) > 0.003


def test_rendered_pages_are_a4_pictures_with_ink():
    images = render_pages(comparison_pdf(comparison()), scale=1)
    w, h = images[0].size
    assert abs(w / h - 297 / 210) < 0.01
    assert ink_ratio(images[0]) > 0.01


def test_dpia_pdf_is_portrait_a4_with_sections_gaps_and_quotes():
    doc = build_dpia(head(UNICODE), GOOD_SUMMARY, EVIDENCE, SCORES, generated_at=WHEN)
    data = dpia_pdf(doc)
    sizes = page_sizes(data)
    assert all(is_a4(s) and s[0] < s[1] for s in sizes)
    text = pdf_text(data)
    for expected in (
        f"DPIA starter: {UNICODE}", "1. The supplier and its role", "Retention and deletion",
        "Gaps to ask the supplier about", "“We keep pupil records for one year after the contract ends.”",
        "[confirmed by reviewer]", "PROVISIONAL", "Page 1 of",
    ):  # fmt: skip
        assert expected in text, expected
    assert all(ink_in_margins(image) == 0 for image in render_pages(data, scale=0.5))


def test_dpia_pdf_without_analysis_is_one_short_page():
    doc = DpiaDocument(vendor=head("Pending", state="failed", state_label="Analysis failed"), generated_at=WHEN)
    data = dpia_pdf(doc)
    assert len(page_sizes(data)) == 1
    assert "No analysed policy: Analysis failed" in pdf_text(data)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("a\tb", "a b"), ("a\r\nb", "a\nb"), ("x\x00\x07y", "xy"), ("\u202eevil", "evil"), ("e\u0301", "é")],
)
def test_clean(raw, expected):
    assert clean(raw) == expected


def test_dpia_two_line_labels_do_not_run_into_the_next_fact():
    summary = {"children": {"min_age": 13}}  # every other fact "not stated": one line beside a two-line label
    data = dpia_pdf(build_dpia(head(), summary, [], SCORES, generated_at=WHEN))
    second_line = text_box(data, "processed")  # "Children's data / processed"
    next_label = text_box(data, "Lawful bases named")
    assert second_line[1] > next_label[3], (second_line, next_label)  # above it, not overlapping
