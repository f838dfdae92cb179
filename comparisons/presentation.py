"""Turns compared columns (selectors.Column) into table rows and an SVG chart. Pure: no queries."""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from django.urls import reverse
from django.utils.html import escape
from django.utils.safestring import mark_safe

from comparisons.scoring import DIMENSIONS
from policies.models import ReviewState

EVIDENCE_LIMIT = 4
STATE_LABELS = {
    "no_policy": "No policy uploaded",
    "not_analysed": "Not analysed yet",
    "queued": "Analysis queued",
    "running": "Analysis running",
    "failed": "Analysis failed",
}
STANCE_LABELS = {
    "directed": "For children",
    "directed_with_consent": "For children, with consent",
    "not_directed": "Not for children",
}
TRI_LABELS = {"yes": "Yes", "no": "No"}
TRANSFER_LABELS = {
    "none": "None",
    "yes": "Yes, no safeguard named",
    "with_safeguards": "Yes, with safeguards",
}
SAFEGUARD_LABELS = {
    "adequacy": "Adequacy",
    "uk_adequacy": "UK adequacy",
    "data_bridge": "UK–US data bridge",
    "idta": "IDTA",
    "uk_addendum": "UK Addendum",
    "bcr": "Binding corporate rules",
    "scc": "SCCs",
    "eu_scc": "EU SCCs",
    "sccs": "SCCs",
}
NOT_STATED = "Not stated"
PALETTE = ("#2f6f73", "#b3261e", "#5a3ea8", "#a86b00", "#1f5fa8", "#5b6675")


@dataclass
class Cell:
    column: Any
    text: str = ""
    lines: list[str] = field(default_factory=list)
    grade: str | None = None
    value: float | None = None  # compared for best/worst; None = not comparable
    key: str = ""  # compared for "same in every column"
    evidence: list = field(default_factory=list)
    more_evidence: int = 0
    answers: list[dict] = field(default_factory=list)
    not_stated: bool = False
    best: bool = False
    worst: bool = False
    note: str = ""
    review: str = ""  # overall grade only: "Reviewed", or "Provisional (…)" until a person has checked it

    @property
    def ok(self) -> bool:
        return self.column.state == "ok"

    @property
    def state_label(self) -> str:
        return STATE_LABELS.get(self.column.state, "")

    @property
    def has_evidence(self) -> bool:
        return bool(self.evidence or self.answers)

    @property
    def evidence_count(self) -> int:
        if self.answers:
            return sum(len(a["findings"]) + a.get("more", 0) for a in self.answers)
        return len(self.evidence) + self.more_evidence


@dataclass
class Row:
    label: str
    cells: list[Cell]
    better: str | None = None  # "high" | "low" | None
    hint: str = ""
    tag: str = ""  # e.g. "Only Acme" for a recipient named by one vendor
    same: bool = False


@dataclass
class Section:
    key: str
    title: str
    rows: list[Row]


# --------------------------------------------------------------------------- helpers


def humanise_days(days: int | None) -> str:
    if days is None:
        return NOT_STATED
    if days >= 365 and days % 365 == 0:
        n = days // 365
        return f"{n} year{'s' if n != 1 else ''}"
    if days >= 360 and days % 30 == 0 and days // 30 % 12 == 0:
        n = days // 360
        return f"{n} year{'s' if n != 1 else ''}"
    if days >= 30 and days % 30 == 0:
        n = days // 30
        return f"{n} month{'s' if n != 1 else ''}"
    if days >= 7 and days % 7 == 0:
        n = days // 7
        return f"{n} week{'s' if n != 1 else ''}"
    if days > 730:
        return f"about {round(days / 365, 1):g} years"
    return f"{days} day{'s' if days != 1 else ''}"


def _section(summary: dict, key: str) -> dict:
    value = summary.get(key) if isinstance(summary, dict) else None
    return value if isinstance(value, dict) else {}


def _tri(value) -> str:
    if value is True:
        return "yes"
    if value is False:
        return "no"
    v = value.strip().lower() if isinstance(value, str) else ""
    return v if v in ("yes", "no") else "not_stated"


def _strs(value) -> list[str]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, (list, tuple)):
        return []
    return [v.strip() for v in value if isinstance(v, str) and v.strip()]


def _int(value) -> int | None:
    return int(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else None


def _label(key: str) -> str:
    return key.replace("_", " ").strip().capitalize()


_SUFFIX = re.compile(r"\b(ltd|limited|inc|llc|plc|gmbh|corp|corporation|co|company|sa|bv|pty)\b\.?", re.I)


def recipient_key(name: str) -> str:
    """Same recipient, however each policy spells it: "Google LLC", "Google" -> "google"."""
    base = _SUFFIX.sub(" ", name.lower())
    return re.sub(r"[^a-z0-9]+", "", base) or re.sub(r"\s+", "", name.lower())


def _findings(column, topic: str, kinds: Iterable[str] | None = None, test: Callable | None = None) -> list:
    kinds = set(kinds) if kinds is not None else None
    return [
        f
        for f in column.findings
        # a finding a reviewer rejected is neither a fact nor evidence
        if f.counts and f.topic == topic and (kinds is None or f.kind in kinds) and (test is None or test(f))
    ]


def _with_evidence(cell: Cell, findings: list) -> Cell:
    cell.evidence = findings[:EVIDENCE_LIMIT]
    cell.more_evidence = max(0, len(findings) - EVIDENCE_LIMIT)
    return cell


def _fact(column, text: str, *, value=None, evidence=(), lines=(), not_stated=False, key=None) -> Cell:
    cell = Cell(column=column, text=text, value=value, lines=list(lines), not_stated=not_stated)
    cell.key = key if key is not None else text + "|" + "|".join(cell.lines)
    return _with_evidence(cell, list(evidence))


def _tri_cell(column, value, topic, yes_kinds, no_kinds, good: str) -> Cell:
    v = _tri(value)
    if v == "not_stated":
        return _fact(column, NOT_STATED, not_stated=True)
    return _fact(
        column,
        TRI_LABELS[v],
        value=1.0 if v == good else 0.0,
        evidence=_findings(column, topic, yes_kinds if v == "yes" else no_kinds),
    )


# --------------------------------------------------------------------------- rows


REVIEW_LABELS = dict(ReviewState.choices)


def review_label(run) -> str:
    """ "Reviewed" once a person has checked the whole analysis; anything less is provisional."""
    state = getattr(run, "review_state", "") or ReviewState.MACHINE
    if state == ReviewState.REVIEWED:
        return REVIEW_LABELS[ReviewState.REVIEWED]
    return f"Provisional ({REVIEW_LABELS.get(state, REVIEW_LABELS[ReviewState.MACHINE]).lower()})"


def _capped(findings: list, limit: int = 3) -> dict:
    return {"findings": findings[:limit], "more": max(0, len(findings) - limit)}


def _score_cell(column, dimension: str) -> Cell:
    score = column.scores.get(dimension)
    if score is None:
        return Cell(column=column, text="–", key="–")
    by_pos = column.by_position
    details = score.details or {}
    cell = Cell(column=column, grade=score.grade or None, value=score.points)
    if dimension == "overall":
        cell.text = f"{score.points}/100" if score.points is not None else "N/A"
        blockers = details.get("blockers") or []
        for b in blockers:
            cell.answers.append(
                {
                    "text": b.get("title", ""),
                    "label": f"Grade capped at {b.get('cap', '?')}",
                    "verdict": "bad",
                    **_capped([by_pos[i] for i in b.get("evidence") or [] if i in by_pos]),
                }
            )
        if blockers:
            cell.note = f"Capped from {details.get('uncapped_grade', '?')} by {len(blockers)} blocker" + (
                "s" if len(blockers) != 1 else ""
            )
    else:
        cell.text = f"{score.points}/100" if score.points is not None else "N/A"
        ns = details.get("not_stated_count") or 0
        if ns:
            cell.note = f"{ns} not stated"
        for a in details.get("answers") or []:
            if not isinstance(a, dict) or a.get("verdict") == "n/a":
                continue
            cell.answers.append(
                {
                    "text": a.get("text", ""),
                    "label": a.get("label", ""),
                    "verdict": a.get("verdict", ""),
                    **_capped([by_pos[i] for i in a.get("evidence") or [] if i in by_pos]),
                }
            )
    if dimension == "overall":
        cell.review = review_label(column.run)
    cell.key = f"{cell.grade}|{cell.text}|{cell.review}"
    return cell


def _score_rows(columns) -> list[Row]:
    rows = [Row("Overall grade", [_score_cell(c, "overall") for c in columns], better="high")]
    labels = {d.key: d.label for d in DIMENSIONS}
    for dim in DIMENSIONS:
        rows.append(Row(labels[dim.key], [_score_cell(c, dim.key) for c in columns], better="high"))
    return rows


def _retention_rows(columns) -> list[Row]:
    periods, longest, deletion, vague = [], [], [], []
    for c in columns:
        r = _section(c.summary, "retention")
        found = _findings(c, "retention", ["period"])
        lines, seen = [], set()
        for f in found:
            v = f.value if isinstance(f.value, dict) else {}
            days = _int(v.get("days"))
            what = " ".join(str(v.get("data") or "").split()) or "personal data"
            trigger = " ".join(str(v.get("trigger") or "").split())
            amount, unit = v.get("amount"), v.get("unit")
            if isinstance(amount, (int, float)) and isinstance(unit, str) and unit:
                period = f"{amount:g} {unit.rstrip('s')}{'' if amount == 1 else 's'}"
            else:
                period = humanise_days(days)
            line = f"{period}: {what}" + (f" ({trigger})" if trigger else "")
            if line not in seen:
                seen.add(line)
                lines.append(line)
        if lines:
            periods.append(_fact(c, lines[0], lines=lines[1:], evidence=found))
        else:
            ds = [
                humanise_days(d) for d in sorted(set(_int(x) for x in r.get("periods_days") or [] if _int(x)))
            ]
            periods.append(_fact(c, ", ".join(ds) or NOT_STATED, not_stated=not ds))
        max_days = _int(r.get("max_days"))
        if max_days is None and r.get("periods_days"):
            max_days = max((x for x in (_int(y) for y in r["periods_days"]) if x), default=None)
        if r.get("indefinite") is True:
            longest.append(
                _fact(c, "Indefinitely", value=10**6, evidence=_findings(c, "retention", ["indefinite"]))
            )
        elif max_days is not None:
            longest.append(
                _fact(
                    c,
                    humanise_days(max_days),
                    value=max_days,
                    evidence=_findings(
                        c, "retention", ["period"], lambda f, m=max_days: f.value.get("days") == m
                    ),
                )
            )
        elif r.get("event_bound") is True:
            longest.append(
                _fact(c, "Until an event (no period)", evidence=_findings(c, "retention", ["event_bound"]))
            )
        else:
            longest.append(_fact(c, NOT_STATED, not_stated=True))
        if r.get("deletion_on_request") is True:
            deletion.append(_fact(c, "Yes", value=1, evidence=_findings(c, "retention", ["deletion"])))
        else:
            deletion.append(_fact(c, NOT_STATED, value=0, not_stated=True))
        vague_only = (
            r.get("vague_statement") is True and not r.get("periods_days") and r.get("indefinite") is not True
        )
        vague.append(
            _fact(c, "Yes: no period given", value=0, evidence=_findings(c, "retention", ["vague"]))
            if vague_only
            else _fact(c, "No", value=1)
        )
    return [
        Row("Retention periods", periods, hint="what each period applies to"),
        Row("Longest retention", longest, better="low"),
        Row("Deletion on request", deletion, better="high"),
        Row("Only vague statements", vague, better="high"),
    ]


def _children_rows(columns) -> list[Row]:
    stance, age, consent, data = [], [], [], []
    for c in columns:
        ch = _section(c.summary, "children")
        s = ch.get("stance") if ch.get("stance") in STANCE_LABELS else None
        stance.append(
            _fact(c, STANCE_LABELS[s], evidence=_findings(c, "children", ["audience"]))
            if s
            else _fact(c, NOT_STATED, not_stated=True)
        )
        min_age = _int(ch.get("min_age"))
        age.append(
            _fact(c, f"{min_age}", evidence=_findings(c, "children", ["age_limit"]))
            if min_age is not None
            else _fact(c, NOT_STATED, not_stated=True)
        )
        parts = []
        for key, label in (("parental_consent", "Parental"), ("school_consent", "School")):
            v = _tri(ch.get(key))
            if v != "not_stated":
                parts.append(f"{label}: {TRI_LABELS[v].lower()}")
        consent.append(
            _fact(
                c,
                "; ".join(parts) or NOT_STATED,
                not_stated=not parts,
                evidence=_findings(c, "children", ["parental_consent", "school_consent"]),
            )
        )
        items = _strs(ch.get("data_processed"))
        data.append(
            _fact(c, ", ".join(items), evidence=_findings(c, "children", ["data_processed"]))
            if items
            else _fact(c, NOT_STATED, not_stated=True)
        )
    return [
        Row("Who the service is for", stance),
        Row("Minimum age", age),
        Row("Consent", consent),
        Row("Children's data processed", data),
    ]


def _recipient_rows(columns) -> tuple[list[Row], list[Row]]:
    """One row per recipient, lined up across vendors; then the summary rows."""
    ok = [c for c in columns if c.state == "ok"]
    names: dict[str, str] = {}
    where: dict[str, dict[int, dict]] = {}
    for i, c in enumerate(columns):
        if c.state != "ok":
            continue
        t = _section(c.summary, "third_parties")
        recipients = [
            r for r in t.get("recipients") or [] if isinstance(r, dict) and isinstance(r.get("name"), str)
        ]
        listed = {recipient_key(r["name"]) for r in recipients}
        recipients += [{"name": n} for n in _strs(t.get("named")) if recipient_key(n) not in listed]
        for r in recipients:
            k = recipient_key(r["name"])
            names.setdefault(k, r["name"].strip())
            where.setdefault(k, {}).setdefault(i, r)
    order = sorted(where, key=lambda k: (-len(where[k]), names[k].lower()))
    rows = []
    for k in order:
        cells = []
        for i, c in enumerate(columns):
            if c.state != "ok":
                cells.append(Cell(column=c))
                continue
            r = where[k].get(i)
            if r is None:
                cells.append(_fact(c, "Not named", key="no"))
                continue
            bits = [b for b in (r.get("purpose"), r.get("location")) if isinstance(b, str) and b.strip()]
            found = _findings(
                c,
                "third_party_sharing",
                ["named_recipient"],
                lambda f, k=k: isinstance(f.value, dict) and recipient_key(str(f.value.get("name", ""))) == k,
            )
            cells.append(
                _fact(c, "Named", lines=[" · ".join(bits)] if bits else [], evidence=found, key="yes")
            )
        tag = ""
        if len(where[k]) == 1 and len(ok) > 1:
            only = columns[next(iter(where[k]))]
            tag = f"Only {only.vendor.name}"
        elif len(where[k]) > 1:
            tag = f"Named by {len(where[k])}"
        rows.append(Row(names[k], cells, tag=tag))
    counts, categories = [], []
    for c in columns:
        t = _section(c.summary, "third_parties")
        n = len(
            {
                recipient_key(r["name"])
                for r in t.get("recipients") or []
                if isinstance(r, dict) and isinstance(r.get("name"), str)
            }
            | {recipient_key(x) for x in _strs(t.get("named"))}
        )
        unique = sum(1 for k in where if set(where[k]) == {columns.index(c)}) if len(ok) > 1 else 0
        counts.append(
            _fact(
                c,
                f"{n} named" if n else "None named",
                lines=[f"{unique} named by no other vendor here"] if unique else [],
                evidence=_findings(c, "third_party_sharing", ["named_recipient"]),
                key=str(n),
            )
        )
        cats = _strs(t.get("categories"))
        categories.append(
            _fact(
                c,
                f"{len(cats)} categor{'y' if len(cats) == 1 else 'ies'}" if cats else NOT_STATED,
                lines=[", ".join(cats)] if cats else [],
                not_stated=not cats,
                evidence=_findings(c, "third_party_sharing", ["category"]),
            )
        )
    return rows, [Row("Named recipients", counts), Row("Categories of recipient", categories)]


def _transfer_rows(columns) -> list[Row]:
    transfers, safeguards = [], []
    rank = {"none": 2, "with_safeguards": 1, "yes": 0}
    for c in columns:
        s = c.summary if isinstance(c.summary, dict) else {}
        v = s.get("international_transfers")
        v = v if v in TRANSFER_LABELS else None
        transfers.append(
            _fact(
                c,
                TRANSFER_LABELS[v],
                value=rank[v],
                evidence=_findings(c, "international_transfers", ["transfer", "no_transfer"]),
            )
            if v
            else _fact(c, NOT_STATED, not_stated=True)
        )
        sg = [
            SAFEGUARD_LABELS.get(x.lower().replace(" ", "_"), _label(x))
            for x in _strs(s.get("transfer_safeguards"))
        ]
        safeguards.append(
            _fact(c, ", ".join(sg), evidence=_findings(c, "international_transfers", ["safeguard"]))
            if sg
            else _fact(c, "None named" if v in ("yes", "with_safeguards") else NOT_STATED, not_stated=True)
        )
    return [
        Row("Transfers outside the UK/EEA", transfers, better="high"),
        Row("Transfer safeguards", safeguards),
    ]


def _sale_rows(columns) -> list[Row]:
    sale, ads, tracking = [], [], []
    for c in columns:
        t = _section(c.summary, "third_parties")
        sale.append(_tri_cell(c, t.get("sells_data"), "data_sale", ["sells"], ["does_not_sell"], good="no"))
        ads.append(
            _tri_cell(
                c,
                t.get("third_party_ads"),
                "advertising",
                ["third_party_ads"],
                ["no_third_party_ads"],
                good="no",
            )
        )
        tracking.append(
            _tri_cell(c, t.get("tracking"), "advertising", ["tracking"], ["no_tracking"], good="no")
        )
    return [
        Row("Sells personal data", sale, better="high"),
        Row("Third-party advertising", ads, better="high"),
        Row("Tracking", tracking, better="high"),
    ]


def _rights_rows(columns) -> list[Row]:
    rights = []
    for c in columns:
        listed = _strs(c.summary.get("user_rights") if isinstance(c.summary, dict) else None)
        rights.append(
            _fact(
                c,
                f"{len(listed)} listed",
                lines=[", ".join(_label(r) for r in listed)],
                value=len(listed),
                evidence=_findings(c, "user_rights"),
            )
            if listed
            else _fact(c, NOT_STATED, value=0, not_stated=True)
        )
    return [Row("Rights explained", rights, better="high")]


def _version_rows(columns) -> list[Row]:
    updated, version = [], []
    for c in columns:
        v = c.version
        updated.append(
            _fact(c, v.stated_last_updated, value=None)
            if v and v.stated_last_updated
            else _fact(c, NOT_STATED, not_stated=True)
        )
        text = f"Uploaded {v.uploaded_at.day} {v.uploaded_at:%b %Y}" if v else "–"
        rubric = c.run.rubric_version if c.run else ""
        version.append(
            _fact(c, text, lines=[f"Rubric {rubric}"] if rubric else [], key=f"{v.pk if v else ''}")
        )
    return [Row("Policy last updated", updated), Row("Version", version)]


# --------------------------------------------------------------------------- assembly


def _mark(row: Row) -> None:
    ok = [cell for cell in row.cells if cell.ok]
    row.same = len(ok) >= 2 and len({cell.key for cell in ok}) == 1
    if not row.better:
        return
    values = [cell.value for cell in ok if cell.value is not None]
    if len(values) < 2 or len(set(values)) < 2:
        return
    best, worst = (max(values), min(values)) if row.better == "high" else (min(values), max(values))
    for cell in ok:
        cell.best = cell.value == best
        cell.worst = cell.value == worst


QUOTE_CHARS = 240  # evidence quotes in the table are cut here; the policy page shows them whole


def comparison_table(columns, *, diff_only: bool = False) -> dict:
    for c in columns:
        c.summary = c.run.summary if c.run and isinstance(c.run.summary, dict) else {}
        c.by_position = {f.position: f for f in c.findings if f.counts}  # a rejected finding is never evidence
        c.version_url = reverse("policies:version-detail", args=[c.version.pk]) if c.version else ""
        c.vendor_url = c.vendor.get_absolute_url()
    recipients, recipient_summary = _recipient_rows(columns)
    sections = [
        Section("scores", "Scores", _score_rows(columns)),
        Section("retention", "Retention", _retention_rows(columns)),
        Section("children", "Children", _children_rows(columns)),
        Section("third-parties", "Third parties", recipient_summary),
        Section("recipients", "Named recipients, lined up", recipients),
        Section("transfers", "International transfers", _transfer_rows(columns)),
        Section("sale", "Sale of data and advertising", _sale_rows(columns)),
        Section("rights", "Rights", _rights_rows(columns)),
        Section("version", "Version", _version_rows(columns)),
    ]
    hidden = 0
    for section in sections:
        for row in section.rows:
            _mark(row)
        if diff_only:
            kept = [r for r in section.rows if not r.same]
            hidden += len(section.rows) - len(kept)
            section.rows = kept
    return {
        "sections": [s for s in sections if s.rows],
        "hidden_rows": hidden,
        "chart": dimension_chart(columns),
    }


# --------------------------------------------------------------------------- chart


def dimension_chart(columns) -> dict | None:
    """Grouped horizontal bars, one group per dimension, drawn as SVG on the server."""
    ok = [(i, c) for i, c in enumerate(columns) if c.state == "ok" and c.scores]
    if not ok:
        return None
    label_w, bar_w, bar_h, gap, pad = 250, 360, 14, 4, 14  # labels up to ~30 characters fit
    n = len(ok)
    group_h = n * (bar_h + gap) + pad
    width = label_w + bar_w + 60
    height = len(DIMENSIONS) * group_h + 30
    parts = []
    desc = []
    y = 20
    for x in (0, 25, 50, 75, 100):
        gx = label_w + bar_w * x / 100
        parts.append(f'<line x1="{gx:.1f}" y1="10" x2="{gx:.1f}" y2="{height - 16}" class="chart-grid"/>')
        parts.append(
            f'<text x="{gx:.1f}" y="{height - 4}" class="chart-axis" text-anchor="middle">{x}</text>'
        )
    for dim in DIMENSIONS:
        parts.append(
            f'<text x="{label_w - 8}" y="{y + (n * (bar_h + gap)) / 2 + 4:.1f}" class="chart-label" '
            f'text-anchor="end">{escape(dim.label)}</text>'
        )
        said = []
        for i, c in ok:
            s = c.scores.get(dim.key)
            points = s.points if s is not None else None
            colour = PALETTE[i % len(PALETTE)]
            w = bar_w * (points or 0) / 100
            parts.append(
                f'<rect x="{label_w}" y="{y}" width="{w:.1f}" height="{bar_h}" fill="{colour}" class="chart-bar"/>'
            )
            shown = "N/A" if points is None else str(points)
            parts.append(
                f'<text x="{label_w + w + 4:.1f}" y="{y + bar_h - 3}" class="chart-value">{i + 1}: {shown}</text>'
            )
            said.append(f"{c.vendor.name} {shown}")
            y += bar_h + gap
        desc.append(f"{dim.label}: {', '.join(said)}.")
        y += pad
    text = "Dimension scores out of 100. " + " ".join(desc)
    svg = (
        f'<svg class="chart" viewBox="0 0 {width} {height}" width="100%" role="img" '
        f'aria-labelledby="chart-title" aria-describedby="chart-desc" xmlns="http://www.w3.org/2000/svg">'
        f'<title id="chart-title">Dimension scores by vendor</title><desc id="chart-desc">{escape(text)}</desc>'
        + "".join(parts)
        + "</svg>"
    )
    legend = [{"number": i + 1, "name": c.vendor.name, "colour": PALETTE[i % len(PALETTE)]} for i, c in ok]
    return {"svg": mark_safe(svg), "legend": legend, "text": text}  # noqa: S308 — every text piece escaped


# --------------------------------------------------------------------------- HTML
#
# The comparison table is built here as strings, not in a template: a table of 6 columns has
# ~40 rows, ~250 cells and a few hundred quotes, and the template's per-cell loops and lookups were
# three quarters of an uncached comparison. Every text piece goes through ``_e`` (HTML-escaped,
# quotes included), as ``{{ }}`` would; the result is cached by the view.

_e = html.escape
_STATUS_HTML = {
    "succeeded": '<span class="status status-succeeded">Done</span>',
    "failed": '<span class="status status-failed">Failed</span>',
    "queued": '<span class="status status-queued">Queued</span>',
}


def status_html(status: str | None, progress: int | None) -> str:
    """The state of a vendor's newest analysis, as templates/comparisons/includes/status.html says it."""
    if not status:
        return '<span class="status status-none">Not analysed</span>'
    if status == "running":
        return f'<span class="status status-running">Analysing · {_e(str(progress))}%</span>'
    return _STATUS_HTML.get(status, _STATUS_HTML["queued"])


def _quote_html(version_url: str, finding) -> str:
    quote = finding.quote
    if len(quote) > QUOTE_CHARS:
        quote = quote[: QUOTE_CHARS - 1].rstrip() + "…"
    return (
        f'<a class="quote-link" href="{_e(version_url)}#finding-{finding.pk}">'
        f"<blockquote>{_e(quote)}</blockquote></a>"
    )


def _header_html(i: int, c) -> str:
    name = _e(c.vendor.name)
    remove = _e(c.remove_url)
    if c.state != "ok":
        latest = c.latest
        state = status_html(latest.status if latest else "", latest.progress if latest else None)
        extra = " No policy uploaded" if c.state == "no_policy" else ""
        state_line = f'<span class="col-state">\n{state}\n{extra}</span>\n'
    elif c.reanalysing:
        state_line = (
            f'<small class="muted">Newer analysis {_e(c.latest.get_status_display().lower())}</small>\n'
        )
    else:
        state_line = ""
    return (
        '<th scope="col" class="vendor-col">\n'
        f'<span class="col-number" aria-hidden="true">{i}</span>\n'
        f'<a href="{_e(c.vendor_url)}">{name}</a>\n'
        f"{state_line}"
        f'<a href="{remove}" hx-get="{remove}" hx-target="#comparison" hx-swap="outerHTML" '
        f'hx-push-url="true" class="remove-col">Remove<span class="visually-hidden"> {name}</span></a>\n'
        "</th>\n"
    )


def _cell_html(row: Row, cell: Cell) -> str:
    classes = "cell"
    if cell.best:
        classes += " is-best"
    if cell.worst:
        classes += " is-worst"
    if cell.not_stated:
        classes += " is-not-stated"
    if not cell.ok:
        return f'<td class="{classes}">\n<span class="muted">{_e(cell.state_label)}</span>\n</td>\n'
    c = cell.column
    out = [f'<td class="{classes}">\n<div class="cell-value">\n']
    if cell.grade:
        out.append(f'<span class="grade grade-{_e(cell.grade.lower())}">{_e(cell.grade)}</span> ')
    out.append(f"<span>{_e(str(cell.text))}</span>\n")
    if cell.best:
        out.append('<span class="flag flag-best">Best</span>')
    if cell.worst:
        out.append('<span class="flag flag-worst">Worst</span>')
    out.append("\n</div>\n")
    if cell.review:
        chip = "chip-reviewed" if cell.review == REVIEW_LABELS[ReviewState.REVIEWED] else "chip-provisional"
        out.append(f'<div class="review-state"><span class="chip {chip}">{_e(cell.review)}</span></div>\n')
    for line in cell.lines:
        out.append(f'<div class="cell-line">{_e(str(line))}</div>\n')
    if cell.note:
        out.append(f'<small class="muted">{_e(cell.note)}</small>\n')
    if cell.has_evidence:
        out.append(
            '<details class="evidence">\n'
            f'<summary>Evidence<span class="visually-hidden">: {_e(row.label)}, {_e(c.vendor.name)}</span> '
            f'<span class="count">{cell.evidence_count}</span></summary>\n'
        )
        more_href = _e(c.vendor_url)
        if cell.answers:
            out.append('<ul class="answers">\n')
            for a in cell.answers:
                out.append(
                    f'<li class="verdict-{_e(str(a["verdict"]).replace("/", ""))}">'
                    f'<span class="answer-q">{_e(str(a["text"]))}</span> '
                    f'<strong class="answer-a">{_e(str(a["label"]))}</strong>\n'
                )
                out.extend(_quote_html(c.version_url, f) for f in a["findings"])
                if a.get("more"):
                    out.append(
                        f'<a href="{more_href}" class="more-evidence">{a["more"]} more on the vendor\'s page</a>'
                    )
                out.append("\n</li>\n")
            out.append("</ul>\n")
        else:
            out.extend(_quote_html(c.version_url, f) for f in cell.evidence)
            out.append("\n")
            if cell.more_evidence:
                out.append(f'<a href="{more_href}">{cell.more_evidence} more on the vendor\'s page</a>\n')
        out.append("</details>\n")
    out.append("</td>\n")
    return "".join(out)


def table_html(columns, table: dict, *, diff_only: bool = False) -> str:
    """The comparison table and chart as HTML (escaped here; the caller marks it safe)."""
    if not columns:
        return ""
    n = len(columns)
    names = [_e(c.vendor.name) for c in columns]
    caption = "".join(
        name + ("" if i == n - 1 else " and " if i == n - 2 else ", ") for i, name in enumerate(names)
    )
    hidden = table.get("hidden_rows") or 0
    if diff_only:
        caption += ": rows that differ only"
        if hidden:
            caption += f" ({hidden} identical row{'s' if hidden != 1 else ''} hidden)"
    out = [
        '<div class="overflow-auto compare-scroll">\n<table class="compare-table" id="compare-table">\n'
        f"<caption>\nComparison of {caption}.\n"
        '<span class="caption-note">Best and worst in a row are marked “Best” and “Worst”.</span>\n'
        "</caption>\n"
        f'<colgroup><col class="col-label">{"<col>" * n}</colgroup>\n<thead>\n<tr>\n<td></td>\n'
    ]
    out.extend(_header_html(i, c) for i, c in enumerate(columns, 1))
    out.append("</tr>\n</thead>\n")
    for section in table["sections"]:
        out.append(
            f'<tbody class="section-{_e(section.key)}">\n'
            f'<tr class="section-head"><th scope="rowgroup" colspan="{n + 1}">{_e(section.title)}</th></tr>\n'
        )
        for row in section.rows:
            head = _e(row.label)
            if row.tag:
                unique = " tag-unique" if row.tag[:4] == "Only" else ""
                head += f' <span class="tag{unique}">{_e(row.tag)}</span>'
            if row.hint:
                head += f'<small class="muted"> ({_e(row.hint)})</small>'
            out.append(f'<tr class="{"row-same" if row.same else ""}">\n<th scope="row">{head}</th>\n')
            out.extend(_cell_html(row, cell) for cell in row.cells)
            out.append("</tr>\n")
        out.append("</tbody>\n")
    out.append("</table>\n</div>\n")
    chart = table.get("chart")
    if chart:
        legend = "".join(
            f'<li><span class="swatch swatch-{item["number"]}" aria-hidden="true"></span> '
            f'{item["number"]}: {_e(item["name"])}</li>'
            for item in chart["legend"]
        )
        out.append(
            '<figure class="compare-chart">\n<figcaption><h2>Dimension scores</h2></figcaption>\n'
            f'{chart["svg"]}\n<ol class="chart-legend">{legend}</ol>\n</figure>\n'
        )
    return "".join(out)
