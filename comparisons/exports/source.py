"""Loaded comparison columns -> the plain data the export builders read.

This is the one module of the package that touches model instances, and only to read
attributes of what the selectors already loaded (``selectors.comparison`` + ``load_results``,
the runs' ``review_state`` among them): it never queries. Rows come from
:func:`comparisons.presentation.comparison_table`, so an export says what the page says.
Rejected findings (``Finding.counts`` False) are neither facts nor evidence, there and here.
"""

from __future__ import annotations

from datetime import datetime

from comparisons import presentation
from comparisons.scoring import DIMENSIONS

from .dpia import Evidence, ScoreData, build_dpia
from .model import (
    MACHINE,
    Answer,
    ComparisonExport,
    DpiaDocument,
    ExportCell,
    ExportRow,
    ExportSection,
    Quote,
    VendorHead,
)

QUOTE_MAX = 400  # characters of a quote kept in an export; the policy page shows it whole


def clip(text, limit: int = QUOTE_MAX) -> str:
    text = " ".join(str(text or "").split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def vendor_head(column) -> VendorHead:
    """Who a column is, which version it reads and how far its analysis has been reviewed."""
    findings = list(column.findings)
    state = column.state
    head = VendorHead(
        name=column.vendor.name,
        slug=column.vendor.slug,
        state=state,
        state_label="" if state == "ok" else presentation.STATE_LABELS.get(state, state),
    )
    if column.version is not None:
        head.uploaded = column.version.uploaded_at.date() if column.version.uploaded_at else None
        head.stated_last_updated = column.version.stated_last_updated or ""
    if column.run is not None:
        head.review_state = getattr(column.run, "review_state", MACHINE) or MACHINE
        head.rubric_version = column.run.rubric_version or ""
        overall = column.scores.get("overall")
        if overall is not None:
            head.grade, head.points = overall.grade or "", overall.points
        head.findings_total = len(findings)
        head.findings_reviewed = sum(1 for f in findings if getattr(f, "review_status", ""))
        head.findings_rejected = sum(1 for f in findings if not f.counts)
    return head


def _quote(finding) -> Quote:
    return Quote(clip(finding.quote), getattr(finding, "review_status", "") or "")


def _cell(cell) -> ExportCell:
    if not cell.ok:
        return ExportCell(available=False, text=cell.state_label or "No analysis")
    return ExportCell(
        available=True,
        text=str(cell.text or ""),
        lines=[str(x) for x in cell.lines if x],
        grade=cell.grade or "",
        note=cell.note or "",
        flag="Best" if cell.best else "Worst" if cell.worst else "",
        not_stated=bool(cell.not_stated),
        quotes=[_quote(f) for f in cell.evidence],
        more_quotes=cell.more_evidence,
        answers=[
            Answer(
                question=str(a.get("text", "")),
                answer=str(a.get("label", "")),
                verdict=str(a.get("verdict", "")),
                quotes=[_quote(f) for f in a.get("findings", [])],
                more=a.get("more", 0),
            )
            for a in cell.answers
        ],
    )


def comparison_export(
    columns, *, generated_at: datetime, notices=(), diff_only: bool = False
) -> ComparisonExport:
    """The comparison as plain data. ``columns`` come from selectors.comparison + load_results."""
    heads = [vendor_head(c) for c in columns]
    table = presentation.comparison_table(columns, diff_only=diff_only)
    sections = [
        ExportSection(
            "review",
            "Review status",
            [
                ExportRow(
                    "Review status",
                    [ExportCell(available=h.available, text=h.review_text) for h in heads],
                    hint="anything not reviewed is provisional",
                )
            ],
        )
    ]
    for s in table["sections"]:
        rows = []
        for r in s.rows:
            cells = [_cell(cell) for cell in r.cells]
            if s.key == "scores" and r.label == "Overall grade":
                for cell, head in zip(cells, heads, strict=True):
                    if head.provisional and cell.available:
                        cell.note = "; ".join(x for x in (cell.note, "PROVISIONAL: not reviewed") if x)
            rows.append(ExportRow(str(r.label), cells, hint=r.hint or "", tag=r.tag or ""))
        sections.append(ExportSection(s.key, s.title, rows))
    names = [h.name for h in heads]
    title = "Supplier comparison: " + (
        ", ".join(names[:-1]) + " and " + names[-1] if len(names) > 1 else "".join(names)
    )
    return ComparisonExport(
        title=title,
        generated_at=generated_at,
        vendors=heads,
        sections=sections,
        notices=[str(n) for n in notices],
        diff_only=diff_only,
        hidden_rows=table.get("hidden_rows", 0),
    )


def dpia_document(column, *, generated_at: datetime) -> DpiaDocument:
    """The DPIA starter for one loaded column (its newest successful run, if any)."""
    head = vendor_head(column)
    if not head.available:
        return DpiaDocument(vendor=head, generated_at=generated_at)
    evidence = [
        Evidence(
            topic=f.topic,
            kind=f.kind,
            value=f.value if isinstance(f.value, dict) else {},
            quote=clip(f.quote),
            review=getattr(f, "review_status", "") or "",
            position=f.position,
        )
        for f in column.findings
        if f.counts
    ]
    labels = {d.key: d.label for d in DIMENSIONS}
    scores = [
        ScoreData(
            dimension=s.dimension,
            label="Overall" if s.dimension == "overall" else labels.get(s.dimension, s.dimension),
            points=s.points,
            grade=s.grade or "",
            details=s.details if isinstance(s.details, dict) else {},
        )
        for s in column.scores.values()
    ]
    summary = column.run.summary if isinstance(column.run.summary, dict) else {}
    return build_dpia(head, summary, evidence, scores, generated_at=generated_at)
