"""What a reviewer may say about a finding, and what the analysis says once they have (pure: no ORM, no HTTP).

- ``EDITABLE`` lists, for each (topic, kind) a reviewer can correct or add, the fields of its value, typed.
  ``clean_value`` turns form input into the value the analyser would have written, or raises
  :class:`ReviewValueError` with a sentence for the form (the wrong type never reaches the database).
- ``reviewed_summary`` re-runs the analyser's own summarisers over the findings a reviewer let stand, so a
  corrected retention period changes the longest period, and through it the score.
- ``locate_quote`` finds the text a reviewer selected in the policy.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from policies.analysis.analyser import MODULES
from policies.analysis.segmentation import segment
from policies.analysis.topics import children as children_topic
from policies.analysis.topics import retention as retention_topic
from policies.analysis.topics import third_parties as third_parties_topic
from policies.analysis.topics import transfers as transfers_topic

REVIEWER_RULE = "reviewer"  # the ``rule`` of a finding a reviewer added

#: Which findings each score dimension rests on (for its "machine" / "reviewed" label).
DIMENSION_TOPICS = {
    "retention": ("retention",),
    "children": ("children",),
    "third_parties": ("third_party_sharing",),
    "transfers": ("international_transfers",),
    "sale_and_ads": ("data_sale", "advertising"),
    "rights": ("user_rights", "contact", "policy_changes"),
    "security": ("security",),
}


class ReviewValueError(ValueError):
    """The reviewer's input cannot be a value of this kind of finding; str() is shown on the form."""


@dataclass(frozen=True)
class Field:
    name: str
    label: str
    type: str = "text"  # "int" | "text" | "choice" | "choices" | "date"
    required: bool = False
    choices: tuple[tuple[str, str], ...] = ()
    minimum: int | None = None
    maximum: int | None = None
    max_length: int = 300


@dataclass(frozen=True)
class KindSpec:
    topic: str
    kind: str
    label: str
    fields: tuple[Field, ...] = ()

    @property
    def key(self) -> str:
        return f"{self.topic}.{self.kind}"


def _labelled(names: Sequence[str]) -> tuple[tuple[str, str], ...]:
    return tuple((n, n.replace("_", " ").capitalize()) for n in names)


UNIT_CHOICES = (("day", "Days"), ("week", "Weeks"), ("month", "Months"), ("year", "Years"))
CHILD_DATA = _labelled([name for name, _ in children_topic._CATEGORIES])
RECIPIENT_CATEGORIES = _labelled([name for name, _ in third_parties_topic.CATEGORIES])
MECHANISMS = _labelled([name for name, _ in transfers_topic._MECHANISMS])

EDITABLE: dict[str, KindSpec] = {
    spec.key: spec
    for spec in (
        KindSpec(
            "retention",
            "period",
            "Retention period",
            (
                Field("amount", "How many", "int", required=True, minimum=1, maximum=1200),
                Field("unit", "Unit", "choice", required=True, choices=UNIT_CHOICES),
                Field("data", "Which data"),
                Field("trigger", "Counted from"),
            ),
        ),
        KindSpec("retention", "event_bound", "Kept until an event", (Field("event", "Until", "text", required=True),)),
        KindSpec("retention", "vague", "Vague retention only", (Field("phrase", "Wording", "text", required=True),)),
        KindSpec("retention", "deletion", "Deletion on request"),
        KindSpec("retention", "indefinite", "Kept indefinitely"),
        KindSpec(
            "children",
            "audience",
            "Who the service is for",
            (
                Field(
                    "stance",
                    "Stance",
                    "choice",
                    required=True,
                    choices=(("not_directed", "Not for children"), ("directed", "For children")),
                ),
                Field("min_age", "Minimum age", "int", minimum=0, maximum=21),
            ),
        ),
        KindSpec("children", "parental_consent", "Parental consent required"),
        KindSpec("children", "school_consent", "School consent (school as controller)"),
        KindSpec(
            "children",
            "data_processed",
            "Children's data processed",
            (Field("categories", "Data", "choices", required=True, choices=CHILD_DATA),),
        ),
        KindSpec(
            "third_party_sharing",
            "named_recipient",
            "Named recipient",
            (
                Field("name", "Recipient", "text", required=True, max_length=120),
                Field("purpose", "Purpose"),
                Field("location", "Location", max_length=120),
                Field("category", "Category", "choice", choices=RECIPIENT_CATEGORIES),
            ),
        ),
        KindSpec(
            "third_party_sharing",
            "category",
            "Category of recipient",
            (Field("category", "Category", "choice", required=True, choices=RECIPIENT_CATEGORIES),),
        ),
        KindSpec("data_sale", "sells", "Sells personal data"),
        KindSpec("data_sale", "does_not_sell", "Does not sell personal data"),
        KindSpec("advertising", "third_party_ads", "Third-party advertising"),
        KindSpec("advertising", "no_third_party_ads", "No third-party advertising"),
        KindSpec(
            "international_transfers",
            "safeguard",
            "Transfer safeguard",
            (Field("mechanism", "Mechanism", "choice", required=True, choices=MECHANISMS),),
        ),
        KindSpec(
            "international_transfers",
            "transfer",
            "Transfer outside the UK",
            (Field("destination", "Destination", "text", required=True, max_length=120),),
        ),
        KindSpec(
            "policy_changes",
            "last_updated",
            "Last updated",
            (Field("date", "Date", "date", required=True),),
        ),
    )
}


def spec_for(topic: str, kind: str) -> KindSpec | None:
    return EDITABLE.get(f"{topic}.{kind}")


def clean_value(spec: KindSpec, raw: dict[str, Any]) -> dict[str, Any]:
    """Form input (strings, or lists for "choices") -> the finding's value. Raises ReviewValueError."""
    value: dict[str, Any] = {}
    for f in spec.fields:
        item = raw.get(f.name)
        if f.type == "choices":
            items = item if isinstance(item, list | tuple) else ([item] if item else [])
            allowed = {c for c, _ in f.choices}
            bad = [i for i in items if i not in allowed]
            if bad:
                raise ReviewValueError(f"{f.label}: choose from the list.")
            if f.required and not items:
                raise ReviewValueError(f"{f.label}: choose at least one.")
            value[f.name] = [c for c, _ in f.choices if c in items]
            continue
        text = " ".join(str(item).split()) if item is not None else ""
        if not text:
            if f.required:
                raise ReviewValueError(f"{f.label}: this is needed.")
            value[f.name] = None
            continue
        if f.type == "int":
            if not text.isdigit():
                raise ReviewValueError(f"{f.label}: give a whole number.")
            number = int(text)
            if (f.minimum is not None and number < f.minimum) or (f.maximum is not None and number > f.maximum):
                raise ReviewValueError(f"{f.label}: give a number from {f.minimum} to {f.maximum}.")
            value[f.name] = number
        elif f.type == "choice":
            if text not in {c for c, _ in f.choices}:
                raise ReviewValueError(f"{f.label}: choose from the list.")
            value[f.name] = text
        elif f.type == "date":
            try:
                value[f.name] = dt.date.fromisoformat(text).isoformat()
            except ValueError as exc:
                raise ReviewValueError(f"{f.label}: give a date as YYYY-MM-DD.") from exc
        else:
            if len(text) > f.max_length:
                raise ReviewValueError(f"{f.label}: keep it under {f.max_length} characters.")
            value[f.name] = text
    return _complete(spec, value)


def _complete(spec: KindSpec, value: dict[str, Any]) -> dict[str, Any]:
    """Add what the analyser derives for this kind, so summaries and scores read a reviewed value alike."""
    if spec.key == "retention.period":
        amount, unit = value["amount"], value["unit"]
        value["days"] = retention_topic._days(amount, unit)  # the analyser's own conversion
        value["text"] = f"{amount} {unit}{'' if amount == 1 else 's'}"
    elif spec.key == "children.parental_consent":
        value["parental_consent"] = True
    elif spec.key == "retention.deletion":
        value["on_request"] = True
    elif spec.key == "third_party_sharing.named_recipient":
        value["source"] = REVIEWER_RULE
    return value


def initial_values(spec: KindSpec, value: dict[str, Any] | None) -> dict[str, Any]:
    """A stored value as form input (for the correction form)."""
    value = value or {}
    return {f.name: value.get(f.name) if value.get(f.name) is not None else "" for f in spec.fields}


def describe(value: dict[str, Any] | None) -> str:
    """A short, plain rendering of a value for the audit trail and labels."""
    if not value:
        return "—"
    parts = []
    for key, item in value.items():
        if key in {"days", "source", "amount", "unit"} or item in (None, "", []):
            continue
        shown = ", ".join(map(str, item)) if isinstance(item, list) else str(item)
        parts.append(f"{key.replace('_', ' ')}: {shown}")
    return "; ".join(parts) or "—"


def locate_quote(text: str, quote: str, near: int | None = None) -> tuple[int, int]:
    """Offsets of ``quote`` in ``text``: the occurrence at or nearest ``near`` (the browser's selection).

    Raises ReviewValueError when the quote is not in the text, or appears more than once and nothing says which.
    """
    quote = quote.strip()
    if not quote:
        raise ReviewValueError("Select the sentence in the policy text first.")
    if len(quote) > 2000:
        raise ReviewValueError("Select one sentence or clause, not a whole section (2,000 characters at most).")
    hits = []
    i = text.find(quote)
    while i != -1:
        hits.append(i)
        i = text.find(quote, i + 1)
    if not hits:
        raise ReviewValueError("That text is not in this version of the policy. Select it in the policy text.")
    if near is None:
        if len(hits) > 1:
            raise ReviewValueError("That text appears more than once; select a longer passage.")
        start = hits[0]
    else:
        start = min(hits, key=lambda h: abs(h - near))
    return start, start + len(quote)


def reviewed_summary(text: str, findings: Sequence[Any], rejected: Sequence[Any] = ()) -> dict[str, Any]:
    """The analysis summary over ``findings`` (those a reviewer let stand, with their reviewed values).

    Uses the analyser's own summarisers; where one also reads the text directly (deletion on request),
    a reviewer's rejection of every such finding wins over the text.
    """
    doc = segment(text)
    summary: dict[str, Any] = {}
    for module, topics in MODULES:
        summary.update(module.summarise([f for f in findings if f.topic in topics], doc))
    retention = summary.get("retention")
    rejected_deletion = any(f.topic == "retention" and f.kind == "deletion" for f in rejected)
    if retention and rejected_deletion and not any(f.topic == "retention" and f.kind == "deletion" for f in findings):
        retention["deletion_on_request"] = False
    return summary
