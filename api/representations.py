"""Model rows as the API's JSON objects. Each shape here is a schema in api/openapi.py."""
from __future__ import annotations

from django.urls import reverse

from policies.models import AnalysisRun, Finding, PolicyVersion, Score, Vendor


def _url(request, name: str, *args) -> str:
    return request.build_absolute_uri(reverse(f"api:{name}", args=args))


def vendor_summary(request, v: Vendor) -> dict:
    return {
        "slug": v.slug,
        "name": v.name,
        "website": v.website,
        "url": _url(request, "vendor-detail", v.slug),
        "current_version_id": v.current_version_id,
        "judged_run_id": v.judged_run_id,
        "latest_run_status": v.latest_run_status,
        "overall_points": v.overall_points,
        "grade": v.grade or None,
    }


def vendor_detail(request, v: Vendor, current: PolicyVersion | None, latest, judged, scores) -> dict:
    return {
        **vendor_summary(request, v),
        "created_at": v.created_at,
        "versions_url": _url(request, "vendor-versions", v.slug),
        "current_version": version_summary(request, current) if current else None,
        "latest_run": run(latest),
        "judged_run": run(judged),
        "scores": [score(s) for s in scores],
    }


def version_summary(request, v: PolicyVersion) -> dict:
    return {
        "id": v.pk,
        "url": _url(request, "version-detail", v.pk),
        "vendor": v.vendor.slug,
        "is_current": v.is_current,
        "withdrawn": v.withdrawn_at is not None,
        "withdrawn_at": v.withdrawn_at,
        "source": v.source,
        "source_url": v.source_url,
        "original_filename": v.original_filename,
        "document_format": v.document_format,
        "size_bytes": v.size_bytes,
        "content_sha256": v.content_sha256,
        "stated_last_updated": v.stated_last_updated,
        "uploaded_at": v.uploaded_at,
        "latest_run_status": v.latest_run_status,
        "judged_run_id": v.judged_run_id,
    }


def version_detail(request, v: PolicyVersion, latest, judged) -> dict:
    return {
        **version_summary(request, v),
        "vendor_name": v.vendor.name,
        "withdrawal_reason": v.withdrawal_reason,
        "latest_run": run(latest),
        "judged_run": run(judged),
        "findings_url": _url(request, "version-findings", v.pk),
        "scores_url": _url(request, "version-scores", v.pk),
    }


def run(r: AnalysisRun | None) -> dict | None:
    if r is None:
        return None
    return {
        "id": r.pk,
        "status": r.status,
        "progress": r.progress,
        "stage": r.stage,
        "failure_reason": r.failure_reason,
        "analyser_version": r.analyser_version,
        "rubric_version": r.rubric_version,
        "created_at": r.created_at,
        "started_at": r.started_at,
        "finished_at": r.finished_at,
        "review_state": r.review_state,
    }


def finding(f: Finding) -> dict:
    return {
        "id": f.pk,
        "run_id": f.run_id,
        "position": f.position,
        "topic": f.topic,
        "kind": f.kind,
        "value": f.value,
        "start": f.start,
        "end": f.end,
        "quote": f.quote,
        "rule": f.rule,
        "confidence": f.confidence,
        "low_confidence": f.low_confidence,
        "review_status": f.review_status,
        "machine_value": f.machine_value,
        "counts": f.counts,
    }


def score(s: Score) -> dict:
    return {
        "dimension": s.dimension,
        "points": s.points,
        "grade": s.grade or None,
        "rubric_version": s.rubric_version,
        "position": s.position,
        "details": s.details,
        "review": s.details.get("review", "machine"),
    }
