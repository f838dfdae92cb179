"""Everything that reads for the policies pages."""
from __future__ import annotations

from collections import OrderedDict

from policies.analysis.types import TOPIC_LABELS, TOPICS
from policies.models import AnalysisRun, Finding, PolicyVersion


def latest_run(version: PolicyVersion) -> AnalysisRun | None:
    return version.runs.order_by("-created_at", "-id").first()


def version_for_page(pk: int) -> PolicyVersion:
    return PolicyVersion.objects.select_related("vendor", "uploaded_by").get(pk=pk)


def findings_of(run: AnalysisRun | None) -> list[Finding]:
    if run is None:
        return []
    return list(run.findings.order_by("position"))


def findings_by_topic(findings: list[Finding]) -> OrderedDict[str, dict]:
    grouped: OrderedDict[str, dict] = OrderedDict(
        (topic, {"label": TOPIC_LABELS[topic], "findings": []}) for topic in TOPICS
    )
    for finding in findings:
        grouped.setdefault(finding.topic, {"label": finding.topic.replace("_", " ").title(), "findings": []})
        grouped[finding.topic]["findings"].append(finding)
    return grouped
