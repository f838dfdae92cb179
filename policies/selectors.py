"""Everything that reads for the policies pages."""
from __future__ import annotations

from collections import OrderedDict

from policies.analysis.types import TOPIC_LABELS, TOPICS
from policies.models import AnalysisRun, AuditEvent, Finding, FindingReview, PolicyVersion, Score, Vendor
from policies.review_values import KindSpec, initial_values, spec_for


def latest_run(version: PolicyVersion) -> AnalysisRun | None:
    return version.runs.order_by("-created_at", "-id").first()


def version_for_page(pk: int) -> PolicyVersion:
    return PolicyVersion.objects.select_related("vendor", "uploaded_by").get(pk=pk)


def findings_of(run: AnalysisRun | None) -> list[Finding]:
    if run is None:
        return []
    return list(run.findings.select_related("review__reviewer").order_by("position"))


def scores_of(run: AnalysisRun | None) -> list[Score]:
    return list(run.scores.order_by("position")) if run else []


def flagged_reviews(version: PolicyVersion) -> list[FindingReview]:
    """Decisions carried from the previous version whose sentence changed: to be decided again."""
    return list(version.reviews.filter(needs_rereview=True).select_related("reviewer").order_by("start", "id"))


def field_rows(spec: KindSpec | None, values: dict | None) -> list[dict]:
    """A kind's value fields with their current values, ready for the review form template."""
    if spec is None:
        return []
    values = values if values is not None else initial_values(spec, None)
    rows = []
    for f in spec.fields:
        current = values.get(f.name)
        rows.append(
            {
                "name": f.name,
                "label": f.label,
                "type": f.type,
                "required": f.required,
                "min": f.minimum,
                "max": f.maximum,
                "value": "" if current is None or isinstance(current, list) else current,
                "choices": [{"value": c, "label": label, "selected": _selected(c, current)} for c, label in f.choices],
            }
        )
    return rows


def _selected(choice: str, current) -> bool:
    return choice in current if isinstance(current, list) else choice == current


def correction_fields(finding: Finding) -> list[dict]:
    spec = spec_for(finding.topic, finding.kind)
    return field_rows(spec, initial_values(spec, finding.value)) if spec else []


def audit_events(vendor: Vendor):
    return AuditEvent.objects.filter(vendor_id_ref=vendor.pk).select_related("actor").order_by("-created_at", "-id")


def findings_by_topic(findings: list[Finding]) -> OrderedDict[str, dict]:
    grouped: OrderedDict[str, dict] = OrderedDict(
        (topic, {"label": TOPIC_LABELS[topic], "findings": []}) for topic in TOPICS
    )
    for finding in findings:
        grouped.setdefault(finding.topic, {"label": finding.topic.replace("_", " ").title(), "findings": []})
        grouped[finding.topic]["findings"].append(finding)
    return grouped
