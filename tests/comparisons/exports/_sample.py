"""Plain sample data for the export builder tests (no database)."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from comparisons.exports.dpia import Evidence, ScoreData
from comparisons.exports.model import (
    Answer,
    ComparisonExport,
    ExportCell,
    ExportRow,
    ExportSection,
    Quote,
    VendorHead,
)

WHEN = datetime(2026, 11, 24, 14, 5, tzinfo=ZoneInfo("Europe/London"))
HOSTILE = '=HYPERLINK("http://evil")'
SCRIPT = "<script>alert(1)</script>"
UNICODE = "Café “Ünïcode” £5 – naïve"


def head(name="Acme Learning", **kw) -> VendorHead:
    base = dict(
        name=name,
        slug=name.lower().replace(" ", "-"),
        state="ok",
        grade="B",
        points=72,
        review_state="machine",
        findings_total=10,
        findings_reviewed=0,
        uploaded=date(2026, 11, 3),
        stated_last_updated="2025-09-01",
        rubric_version="2026.11-1",
    )
    base.update(kw)
    return VendorHead(**base)


def cell(text="Yes", quotes=(), **kw) -> ExportCell:
    return ExportCell(available=True, text=text, quotes=[Quote(q) if isinstance(q, str) else q for q in quotes], **kw)


def comparison(vendors=None, sections=None, **kw) -> ComparisonExport:
    vendors = vendors or [head("Acme Learning"), head("Badco Games", grade="E", points=20, review_state="reviewed")]
    n = len(vendors)
    sections = sections or [
        ExportSection(
            "scores",
            "Scores",
            [
                ExportRow(
                    "Overall grade",
                    [
                        cell(
                            "72/100",
                            grade="B",
                            answers=[Answer("Is it sold?", "No", "good", [Quote("We never sell data.")])],
                        )
                        for _ in range(n)
                    ],
                )
            ],
        ),
        ExportSection(
            "retention",
            "Retention",
            [
                ExportRow(
                    "Longest retention",
                    [cell("1 year", ["We keep pupil records for one year.", Quote("Deleted on request.", "confirm")])]
                    + [cell("Not stated", not_stated=True) for _ in range(n - 1)],
                )
            ],
        ),
    ]
    return ComparisonExport(title="Supplier comparison", generated_at=WHEN, vendors=vendors, sections=sections, **kw)


GOOD_SUMMARY = {
    "retention": {"periods_days": [365], "max_days": 365, "indefinite": False, "deletion_on_request": True},
    "children": {
        "stance": "directed_with_consent",
        "parental_consent": "yes",
        "school_consent": "yes",
        "min_age": 11,
        "data_processed": ["name", "year_group"],
        "legal_basis": ["public_task"],
    },
    "third_parties": {
        "named": ["Amazon Web Services"],
        "recipients": [{"name": "Amazon Web Services", "purpose": "hosting", "location": "UK"}],
        "categories": ["hosting_providers"],
        "sells_data": "no",
        "third_party_ads": "no",
        "tracking": "no",
    },
    "international_transfers": "none",
    "transfer_safeguards": [],
    "role": "processor",
    "user_rights": ["access", "erasure", "complaint"],
    "security": ["encryption", "cyber_essentials", "breach_notification"],
    "policy_changes": {"notice": "yes", "how": "email"},
    "contact": {"dpo": True, "email": "dpo@example.com"},
}

EVIDENCE = [
    Evidence(
        "retention",
        "period",
        {"amount": 1, "unit": "year", "days": 365, "data": "pupil records", "trigger": "after the contract ends"},
        "We keep pupil records for one year after the contract ends.",
        "",
        0,
    ),
    Evidence("retention", "deletion", {}, "Schools can ask us to delete pupils’ data at any time.", "confirm", 1),
    Evidence("children", "audience", {}, "Pupils use the service with their school’s consent.", "", 2),
    Evidence("third_party_sharing", "named_recipient", {"name": "Amazon Web Services"}, "AWS hosts our data.", "", 3),
    Evidence("security", "measures", {"measures": ["encryption"]}, "We encrypt data at rest.", "", 4),
    Evidence("user_rights", "rights", {"rights": ["complaint"]}, "You may complain to the ICO.", "", 5),
]

SCORES = [
    ScoreData("overall", "Overall", 72, "B", {"blockers": []}),
    ScoreData(
        "retention",
        "Data retention",
        80,
        "A",
        {
            "answers": [
                {"question": "retention_period", "text": "Does the policy say how long?", "label": "Bounded",
                 "verdict": "good", "evidence": [0]},
                {"question": "deletion", "text": "Deletion?", "label": "Not stated", "verdict": "not_stated",
                 "evidence": []},
            ]
        },
    ),
    ScoreData(
        "sale_and_ads",
        "Sale and advertising",
        10,
        "E",
        {
            "answers": [
                {"question": "sale", "text": "Does the policy rule out selling?", "label": "Personal data may be sold",
                 "verdict": "bad", "evidence": [1]},
                {"question": "novel_question", "text": "Is there something new?", "label": "Partly",
                 "verdict": "fair", "evidence": [99]},
                {"question": "tracking", "text": "Tracking?", "label": "n/a", "verdict": "n/a", "evidence": []},
            ]
        },
    ),
]
