"""Plain data shared by the analysis package: text in, dataclasses out.

Nothing here knows about Django, the database or HTTP.
"""
from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from functools import cached_property
from typing import Any

TOPICS = (
    "retention",
    "children",
    "third_party_sharing",
    "international_transfers",
    "data_sale",
    "advertising",
    "security",
    "user_rights",
    "policy_changes",
    "contact",
)

TOPIC_LABELS = {
    "retention": "Data retention",
    "children": "Children's data",
    "third_party_sharing": "Third-party sharing",
    "international_transfers": "International transfers",
    "data_sale": "Sale of data",
    "advertising": "Advertising and tracking",
    "security": "Security",
    "user_rights": "Your rights",
    "policy_changes": "Policy changes",
    "contact": "Contact and DPO",
}

_QUESTION = re.compile(r"^\W*Q\s*[.:]|\?\W*$")

#: Findings below this confidence are shown to reviewers as "low confidence".
LOW_CONFIDENCE = 0.6


@dataclass(frozen=True)
class Segment:
    """The smallest unit a finding may quote: a sentence, list item, table row or heading.

    ``start``/``end`` are offsets into the analysed text; ``text == analysed[start:end]``.
    ``heading`` is the nearest heading above the segment (for context rules), or "".
    """

    start: int
    end: int
    text: str
    kind: str  # "sentence" | "list_item" | "table_row" | "heading"
    heading: str = ""
    index: int = 0
    #: The nearest *major* heading (numbered, ALL CAPS, markdown) above the segment; "" if none.
    section: str = ""
    #: For list items: the sentence that introduces the list ("We keep your data for:"), else "".
    lead: str = ""


@dataclass(frozen=True)
class Document:
    """The analysed text and its segments, in reading order."""

    text: str
    segments: tuple[Segment, ...]

    def section_end(self, index: int) -> int:
        """Where the section headed by ``segments[index]`` ends: at the next heading, except that a heading over
        questions ("Notice to Parents: Questions and Answers" / "Q. Can my child open an account?") heads all of
        them, up to the next heading that is not a question."""
        return self._section_ends[index]

    @cached_property
    def _section_ends(self) -> tuple[int, ...]:
        # one pass from the end, so that a text of nothing but headings stays linear
        ends = [0] * len(self.segments)
        next_heading = next_non_question = len(self.text)
        for i in range(len(self.segments) - 1, -1, -1):
            seg = self.segments[i]
            nxt = self.segments[i + 1] if i + 1 < len(self.segments) else None
            q_and_a = nxt is not None and nxt.kind == "heading" and bool(_QUESTION.search(nxt.text))
            ends[i] = next_non_question if q_and_a else next_heading
            if seg.kind == "heading":
                next_heading = seg.start
                if not _QUESTION.search(seg.text):
                    next_non_question = seg.start
        return tuple(ends)


@dataclass
class Finding:
    topic: str
    kind: str
    value: dict[str, Any]
    start: int
    end: int
    quote: str
    rule: str  # which rule or model produced it, e.g. "retention.period"
    confidence: float

    @property
    def low_confidence(self) -> bool:
        return self.confidence < LOW_CONFIDENCE

    def as_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["low_confidence"] = self.low_confidence
        return data


@dataclass
class Analysis:
    """Everything the analyser found in one text. ``summary`` follows the analysis contract."""

    text_length: int
    vendor_name: str | None
    last_updated: str | None  # "YYYY-MM-DD", "YYYY-MM" or None
    findings: list[Finding] = field(default_factory=list)
    summary: dict[str, Any] = field(default_factory=dict)
    analyser_version: str = ""
