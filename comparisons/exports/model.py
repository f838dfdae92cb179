"""Plain data for the exports: what the CSV, PDF and DPIA builders read.

Nothing here knows about Django: :mod:`comparisons.exports.source` fills these from loaded
comparison columns, and the builders (``csv_export``, ``pdf``) turn them into bytes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

MACHINE, IN_REVIEW, REVIEWED = "machine", "in_review", "reviewed"
REVIEW_LABELS = {
    MACHINE: "Provisional: machine analysis, not reviewed by a person",
    IN_REVIEW: "Provisional: review in progress",
    REVIEWED: "Reviewed",
}
#: Finding.review_status -> how a quote is marked ("" = only the machine has seen it).
QUOTE_REVIEW_LABELS = {
    "": "unreviewed",
    "confirm": "confirmed by reviewer",
    "correct": "corrected by reviewer",
    "add": "added by reviewer",
    "reject": "rejected by reviewer",
}


def review_label(state: str) -> str:
    return REVIEW_LABELS.get(state, REVIEW_LABELS[MACHINE])


def is_provisional(state: str) -> bool:
    """Anything short of a completed review is provisional."""
    return state != REVIEWED


@dataclass(frozen=True)
class Quote:
    """A sentence from the policy, as evidence. ``review`` is the finding's review status."""

    text: str
    review: str = ""

    @property
    def review_label(self) -> str:
        return QUOTE_REVIEW_LABELS.get(self.review, self.review)


@dataclass
class Answer:
    """One rubric question's answer behind a score, with its evidence."""

    question: str
    answer: str
    verdict: str  # good | fair | bad | not_stated
    quotes: list[Quote] = field(default_factory=list)
    more: int = 0


@dataclass
class ExportCell:
    available: bool  # False: no analysis to read (``text`` says why: failed, running, no policy...)
    text: str = ""
    lines: list[str] = field(default_factory=list)
    grade: str = ""
    note: str = ""
    flag: str = ""  # "Best" | "Worst" | ""
    not_stated: bool = False
    quotes: list[Quote] = field(default_factory=list)
    more_quotes: int = 0
    answers: list[Answer] = field(default_factory=list)

    @property
    def value_text(self) -> str:
        """The cell as one block of text: grade, value, detail lines, note and best/worst flag."""
        head = " · ".join(x for x in (self.grade, self.text) if x)
        if self.flag:
            head += f" ({self.flag.lower()})"
        return "\n".join(x for x in (head, *self.lines, self.note) if x)

    @property
    def all_quotes(self) -> list[Quote]:
        seen, out = set(), []
        for q in [*self.quotes, *(q for a in self.answers for q in a.quotes)]:
            if q.text not in seen:
                seen.add(q.text)
                out.append(q)
        return out


@dataclass
class ExportRow:
    label: str
    cells: list[ExportCell]
    hint: str = ""
    tag: str = ""


@dataclass
class ExportSection:
    key: str
    title: str
    rows: list[ExportRow]


@dataclass
class VendorHead:
    """One compared vendor: who, which version, its grade and how far it has been reviewed."""

    name: str
    slug: str
    state: str  # ok | no_policy | not_analysed | queued | running | failed
    state_label: str = ""  # "" when ok
    grade: str = ""
    points: int | None = None
    review_state: str = MACHINE
    findings_total: int = 0
    findings_reviewed: int = 0
    findings_rejected: int = 0
    uploaded: date | None = None
    stated_last_updated: str = ""
    rubric_version: str = ""

    @property
    def available(self) -> bool:
        return self.state == "ok"

    @property
    def provisional(self) -> bool:
        return self.available and is_provisional(self.review_state)

    @property
    def review_text(self) -> str:
        if not self.available:
            return self.state_label
        text = review_label(self.review_state)
        if self.findings_total:
            text += f" ({self.findings_reviewed} of {self.findings_total} findings reviewed"
            text += f"; {self.findings_rejected} rejected and left out)" if self.findings_rejected else ")"
        return text

    @property
    def grade_text(self) -> str:
        if not self.available:
            return self.state_label
        if not self.grade:
            return "Not graded"
        points = f" ({self.points}/100)" if self.points is not None else ""
        return f"{self.grade}{points}" + (" – PROVISIONAL" if self.provisional else "")


@dataclass
class ComparisonExport:
    title: str
    generated_at: datetime
    vendors: list[VendorHead]
    sections: list[ExportSection]
    notices: list[str] = field(default_factory=list)
    diff_only: bool = False
    hidden_rows: int = 0

    @property
    def provisional_vendors(self) -> list[VendorHead]:
        return [v for v in self.vendors if v.provisional]


# --------------------------------------------------------------------------- DPIA starter


@dataclass
class DpiaFact:
    label: str
    text: str
    lines: list[str] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    more_quotes: int = 0
    not_stated: bool = False


@dataclass
class DpiaSection:
    key: str
    title: str
    intro: str
    facts: list[DpiaFact]


@dataclass
class Gap:
    """Something the policy leaves unsaid, vague or bad: a question to put to the supplier."""

    area: str  # the rubric dimension, e.g. "Data retention"
    question: str  # what to ask the supplier
    finding: str  # what the policy says now ("Not stated", the rubric option's label)
    verdict: str  # not_stated | fair | bad | blocker
    rubric_question: str = ""
    quotes: list[Quote] = field(default_factory=list)


@dataclass
class DpiaDocument:
    vendor: VendorHead
    generated_at: datetime
    sections: list[DpiaSection] = field(default_factory=list)
    gaps: list[Gap] = field(default_factory=list)
    scores: list[tuple[str, str]] = field(default_factory=list)  # (dimension label, "B (72/100)")

    @property
    def title(self) -> str:
        return f"DPIA starter: {self.vendor.name}"
