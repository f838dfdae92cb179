"""Reads for version history, diffs, tracked URLs, watchlists and notifications."""
from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Q
from django.urls import reverse

from policies.diffing import AnalysisSnapshot, MeaningDiff, diff_meaning
from policies.models import AnalysisRun, Notification, PolicyURL, PolicyVersion, Score, Vendor, VersionEvent, Watch


def latest_successful_run(version: PolicyVersion) -> AnalysisRun | None:
    return version.runs.filter(status=AnalysisRun.Status.SUCCEEDED).order_by("-finished_at", "-id").first()


def visible_versions(vendor: Vendor):
    """Every version of a vendor, newest first, withdrawn ones included (they stay readable)."""
    return vendor.versions.select_related("uploaded_by", "withdrawn_by").order_by("-uploaded_at", "-id")


def history_rows(vendor: Vendor) -> list[dict]:
    """One row per version with its overall score and the state of its latest run."""
    versions = list(visible_versions(vendor))
    overall: dict[int, Score] = {}
    for s in (
        Score.objects.filter(dimension="overall", run__version__vendor=vendor, run__status=AnalysisRun.Status.SUCCEEDED)
        .select_related("run")
        .order_by("run__finished_at", "run_id")
    ):
        overall[s.run.version_id] = s  # the latest successful run wins
    latest_runs: dict[int, AnalysisRun] = {}
    for run in AnalysisRun.objects.filter(version__vendor=vendor).order_by("created_at", "id"):
        latest_runs[run.version_id] = run
    rows = []
    for i, v in enumerate(versions):
        older = next((o for o in versions[i + 1 :] if not o.withdrawn_at), None)
        rows.append({"version": v, "overall": overall.get(v.pk), "run": latest_runs.get(v.pk), "previous": older})
    return rows


def version_events(vendor: Vendor):
    return VersionEvent.objects.filter(version__vendor=vendor).select_related("version", "actor")[:50]


def previous_version(version: PolicyVersion) -> PolicyVersion | None:
    """The version before this one (by upload time), skipping withdrawn uploads."""
    return (
        PolicyVersion.objects.filter(vendor_id=version.vendor_id, withdrawn_at__isnull=True)
        .filter(Q(uploaded_at__lt=version.uploaded_at) | Q(uploaded_at=version.uploaded_at, pk__lt=version.pk))
        .exclude(pk=version.pk)
        .order_by("-uploaded_at", "-id")
        .first()
    )


def current_version(vendor: Vendor) -> PolicyVersion | None:
    return vendor.versions.filter(is_current=True).first()


def snapshot(version: PolicyVersion) -> AnalysisSnapshot | None:
    """The version's latest successful analysis as plain data, or None when it has none."""
    run = latest_successful_run(version)
    if run is None:
        return None
    findings = list(run.findings.order_by("position").values("topic", "kind", "value", "quote"))
    scores = [
        {"dimension": s.dimension, "points": s.points, "grade": s.grade, "label": (s.details or {}).get("label", "")}
        for s in run.scores.order_by("position")
    ]
    return AnalysisSnapshot(summary=run.summary or {}, findings=findings, scores=scores)


def meaning_diff(old: PolicyVersion, new: PolicyVersion) -> MeaningDiff | None:
    before, after = snapshot(old), snapshot(new)
    if before is None or after is None:
        return None
    return diff_meaning(before, after)


def diff_url(vendor: Vendor, old: PolicyVersion, new: PolicyVersion) -> str:
    return reverse("policies:version-diff", args=[vendor.slug]) + f"?from={old.pk}&to={new.pk}"


@dataclass
class LatestChanges:
    current: PolicyVersion
    previous: PolicyVersion
    meaning: MeaningDiff | None  # None while either version is still being analysed
    url: str


def latest_changes(vendor: Vendor) -> LatestChanges | None:
    """What changed in the current version against the one before it; None for a single version."""
    current = current_version(vendor)
    if current is None:
        return None
    previous = previous_version(current)
    if previous is None:
        return None
    return LatestChanges(current, previous, meaning_diff(previous, current), diff_url(vendor, previous, current))


def tracked_urls(vendor: Vendor):
    return PolicyURL.objects.filter(vendor=vendor).select_related("last_version")


def is_watching(user, vendor: Vendor) -> bool:
    return bool(user.is_authenticated) and Watch.objects.filter(user=user, vendor=vendor).exists()


def watched_vendors(user):
    return Vendor.objects.filter(watches__user=user)


def notifications_for(user):
    return Notification.objects.filter(user=user).select_related("vendor", "version", "previous_version")


def unread_count(user) -> int:
    if not user.is_authenticated:
        return 0
    return Notification.objects.filter(user=user, read_at__isnull=True).count()


def recent_changes(*, vendors=None, limit: int = 30) -> list[tuple[PolicyVersion, PolicyVersion | None]]:
    """The newest analysed, non-withdrawn versions, each with the version before it (for the feed)."""
    versions = (
        PolicyVersion.objects.filter(withdrawn_at__isnull=True, runs__status=AnalysisRun.Status.SUCCEEDED)
        .select_related("vendor")
        .distinct()
        .order_by("-uploaded_at", "-id")
    )
    if vendors is not None:
        versions = versions.filter(vendor__in=vendors)
    return [(v, previous_version(v)) for v in versions[:limit]]
