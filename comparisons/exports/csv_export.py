"""The comparison as CSV: one row per fact, two columns per vendor (value, evidence).

Every cell is text from users or documents, so every cell is neutralised against spreadsheet
formula injection (OWASP: a cell starting with = + - @, tab or carriage return gets a leading
apostrophe). UTF-8 with a byte-order mark so Excel reads it as UTF-8; RFC 4180 quoting, CRLF rows.
"""

from __future__ import annotations

import csv
import io

from .model import ComparisonExport, ExportCell, Quote

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value) -> str:
    """Text a spreadsheet shows as text, never evaluates."""
    text = "" if value is None else str(value)
    text = text.replace("\x00", "")
    return "'" + text if text.startswith(FORMULA_START) else text


def quote_text(q: Quote) -> str:
    mark = f" [{q.review_label}]" if q.review else ""
    return f"“{q.text}”{mark}"


def evidence_text(cell: ExportCell) -> str:
    if not cell.available:
        return ""
    parts = []
    for a in cell.answers:
        head = f"{a.question} {a.answer}".strip()
        quotes = [quote_text(q) for q in a.quotes]
        if a.more:
            quotes.append(f"(+{a.more} more on the vendor's page)")
        parts.append("\n".join([head, *quotes]))
    parts += [quote_text(q) for q in cell.quotes]
    if cell.more_quotes:
        parts.append(f"(+{cell.more_quotes} more on the vendor's page)")
    return "\n\n".join(parts)


def comparison_rows(export: ComparisonExport) -> list[list[str]]:
    header = ["Section", "Fact"]
    for v in export.vendors:
        header += [v.name, f"{v.name}: evidence"]
    rows = [header]

    def meta(label, values):
        rows.append(["Vendor", label, *[x for value in values for x in (value, "")]])

    meta("Analysis", [v.state_label or "Analysed" for v in export.vendors])
    meta("Overall grade", [v.grade_text for v in export.vendors])
    meta("Policy uploaded", [v.uploaded.isoformat() if v.uploaded else "" for v in export.vendors])
    meta("Policy last updated (as stated)", [v.stated_last_updated or "Not stated" for v in export.vendors])
    for section in export.sections:
        for row in section.rows:
            label = row.label + (f" ({row.tag})" if row.tag else "")
            line = [section.title, label]
            for cell in row.cells:
                line += [cell.value_text if cell.available else cell.text, evidence_text(cell)]
            rows.append(line)
    generated = export.generated_at.strftime("%Y-%m-%d %H:%M %Z").strip()
    rows.append(["Export", "Generated", f"PolicyLens, {generated}"] + [""] * (len(header) - 3))
    for notice in export.notices:
        rows.append(["Export", "Notice", notice] + [""] * (len(header) - 3))
    if export.diff_only and export.hidden_rows:
        rows.append(
            ["Export", "Notice", f"Differences only: {export.hidden_rows} identical rows left out"]
            + [""] * (len(header) - 3)
        )
    return [[safe_cell(c) for c in r] for r in rows]


def comparison_csv(export: ComparisonExport) -> bytes:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, quoting=csv.QUOTE_ALL, lineterminator="\r\n")
    writer.writerows(comparison_rows(export))
    return buffer.getvalue().encode("utf-8-sig")
