"""comparisons.exports.csv_export: plain data in, CSV bytes out."""

from __future__ import annotations

import csv
import io

import pytest

from comparisons.exports import comparison_csv, safe_cell
from comparisons.exports.csv_export import evidence_text
from comparisons.exports.model import Answer, ExportCell, Quote
from tests.comparisons.exports._sample import HOSTILE, SCRIPT, UNICODE, comparison, head


def rows_of(data: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("=1+1", "'=1+1"),
        ("+44 20", "'+44 20"),
        ("-2", "'-2"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        (HOSTILE, "'" + HOSTILE),
        ("Acme", "Acme"),
        ("a=b", "a=b"),
        ("", ""),
        (None, ""),
        (7, "7"),
        ("–dash", "–dash"),  # an en dash is not a formula
        ("nul\x00byte", "nulbyte"),
    ],
)
def test_safe_cell(value, expected):
    assert safe_cell(value) == expected


def test_csv_starts_with_a_bom_and_uses_crlf():
    data = comparison_csv(comparison())
    assert data.startswith(b"\xef\xbb\xbf")
    assert b"\r\n" in data and data.count(b"\r\n") >= 5


def test_header_has_a_value_and_an_evidence_column_per_vendor():
    rows = rows_of(comparison_csv(comparison()))
    assert rows[0] == ["Section", "Fact", "Acme Learning", "Acme Learning: evidence", "Badco Games",
                       "Badco Games: evidence"]  # fmt: skip
    assert all(len(r) == 6 for r in rows)


def test_vendor_rows_say_grade_provisional_and_dates():
    rows = rows_of(comparison_csv(comparison()))
    by = {r[1]: r for r in rows if r[0] == "Vendor"}
    assert by["Overall grade"][2] == "B (72/100) – PROVISIONAL"
    assert by["Overall grade"][4] == "E (20/100)"  # reviewed
    assert by["Policy uploaded"][2] == "2026-11-03"
    assert by["Policy last updated (as stated)"][2] == "2025-09-01"


def test_hostile_and_unicode_names_survive_as_text():
    data = comparison_csv(comparison(vendors=[head(HOSTILE), head(SCRIPT), head(UNICODE)]))
    rows = rows_of(data)
    assert rows[0][2] == "'" + HOSTILE
    assert rows[0][4] == SCRIPT
    assert rows[0][6] == UNICODE
    assert '"\'=HYPERLINK(""http://evil"")"' in data.decode("utf-8-sig")  # quotes doubled inside quotes


def test_no_cell_starts_like_a_formula():
    quotes = ["=cmd|' /C calc'!A0", "-1", "+1", "@x"]
    export = comparison()
    export.sections[1].rows[0].cells[0].quotes = [Quote(q) for q in quotes]
    export.sections[1].rows[0].cells[0].text = "=evil()"
    for r in rows_of(comparison_csv(export)):
        for cell in r:
            assert not cell.startswith(("=", "+", "-", "@", "\t", "\r"))


def test_evidence_lists_answers_then_quotes_with_review_marks():
    cell = ExportCell(
        available=True,
        text="x",
        quotes=[Quote("Plain.", ""), Quote("Checked.", "confirm")],
        more_quotes=2,
        answers=[Answer("Sold?", "No", "good", [Quote("Never sold.", "add")], more=1)],
    )
    text = evidence_text(cell)
    assert text.split("\n\n") == [
        "Sold? No\n“Never sold.” [added by reviewer]\n(+1 more on the vendor's page)",
        "“Plain.”",
        "“Checked.” [confirmed by reviewer]",
        "(+2 more on the vendor's page)",
    ]


def test_unavailable_cells_say_why_and_have_no_evidence():
    export = comparison(vendors=[head("A"), head("B", state="failed", state_label="Analysis failed")])
    export.sections[1].rows[0].cells[1] = ExportCell(available=False, text="Analysis failed")
    rows = rows_of(comparison_csv(export))
    longest = next(r for r in rows if r[1] == "Longest retention")
    assert longest[4:] == ["Analysis failed", ""]


def test_value_text_joins_grade_value_lines_note_and_flag():
    cell = ExportCell(available=True, text="72/100", grade="B", lines=["a", "b"], note="2 not stated", flag="Best")
    assert cell.value_text == "B · 72/100 (best)\na\nb\n2 not stated"


def test_notices_and_diff_only_are_listed():
    export = comparison(notices=["=bad notice"], diff_only=True, hidden_rows=3)
    rows = rows_of(comparison_csv(export))
    notices = [r[2] for r in rows if r[1] == "Notice"]
    assert notices == ["'=bad notice", "Differences only: 3 identical rows left out"]
