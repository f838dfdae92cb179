"""Everything that writes: vendors, versions, analysis runs. Views, tasks and commands call these."""
from __future__ import annotations

import hashlib
import logging
from dataclasses import asdict, dataclass
from datetime import timedelta

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.text import slugify

from comparisons.scoring import Scorecard
from policies import audit
from policies.analysis.analyser import ANALYSER_VERSION
from policies.extraction import ExtractionError, sniff_format
from policies.models import AnalysisRun, AuditEvent, Finding, PolicyVersion, Score, Vendor
from policies.notifications import notify_watchers
from policies.pipeline import run_pipeline

logger = logging.getLogger(__name__)


class UploadRejected(Exception):
    """The upload cannot become a policy version; str() is shown on the form."""


@dataclass(frozen=True)
class UploadOutcome:
    version: PolicyVersion
    created: bool  # False: the same document was already stored for this vendor
    run: AnalysisRun | None


# --- vendors -------------------------------------------------------------------------------


def get_or_create_vendor(name: str) -> Vendor:
    name = " ".join(name.split())
    if not name:
        raise UploadRejected("Give the vendor a name.")
    existing = Vendor.objects.filter(name__iexact=name).first()
    if existing:
        return existing
    base = slugify(name)[:200] or "vendor"
    slug, n = base, 1
    while Vendor.objects.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return Vendor.objects.create(name=name, slug=slug)


# --- versions ------------------------------------------------------------------------------


def add_policy_document(
    *,
    vendor: Vendor,
    data: bytes,
    filename: str,
    source: str,
    user=None,
    source_url: str = "",
) -> UploadOutcome:
    """Store a document as a new current version of the vendor's policy and queue its analysis.

    The format is decided from the content. The same bytes twice for one vendor make no
    second version.
    """
    if len(data) > settings.POLICYLENS_MAX_UPLOAD_BYTES:
        raise UploadRejected(
            f"This file is larger than the {settings.POLICYLENS_MAX_UPLOAD_BYTES // (1024 * 1024)} MB limit."
        )
    try:
        document_format = sniff_format(data, filename)
    except ExtractionError as exc:
        raise UploadRejected(str(exc)) from exc
    digest = hashlib.sha256(data).hexdigest()
    existing = PolicyVersion.objects.filter(vendor=vendor, content_sha256=digest).first()
    if existing:
        return UploadOutcome(version=existing, created=False, run=None)
    try:
        with transaction.atomic():
            previous = PolicyVersion.objects.filter(vendor=vendor, is_current=True).first()
            PolicyVersion.objects.filter(vendor=vendor, is_current=True).update(is_current=False)
            version = PolicyVersion(
                vendor=vendor,
                source=source,
                source_url=source_url,
                original_filename=filename[:255],
                document_format=document_format,
                size_bytes=len(data),
                content_sha256=digest,
                uploaded_by=user if user and user.is_authenticated else None,
                is_current=True,
            )
            version.document.save(filename or "policy.txt", ContentFile(data), save=False)
            version.save()
            run = start_analysis(version, user=user)
            audit.record(
                actor=user,
                action=AuditEvent.Action.UPLOAD,
                vendor=vendor,
                obj=version,
                summary=f"Uploaded {version.display_name} ({document_format}, {len(data):,} bytes)",
                before={"current_version": previous.display_name if previous else None},
                after={
                    "current_version": version.display_name,
                    "source": source,
                    "source_url": source_url or None,
                    "sha256": digest,
                },
            )
    except IntegrityError:
        # Two uploads of the same document raced; the other one won.
        existing = PolicyVersion.objects.get(vendor=vendor, content_sha256=digest)
        return UploadOutcome(version=existing, created=False, run=None)
    logger.info("policy version stored", extra={"version": version.pk, "vendor": vendor.pk})
    return UploadOutcome(version=version, created=True, run=run)


def add_pasted_text(*, vendor: Vendor, text: str, user=None) -> UploadOutcome:
    if len(text.strip()) == 0:
        raise UploadRejected("The pasted text is empty.")
    return add_policy_document(
        vendor=vendor,
        data=text.encode("utf-8"),
        filename="pasted-policy.txt",
        source=PolicyVersion.Source.TEXT,
        user=user,
    )


# --- analysis runs -------------------------------------------------------------------------


def start_analysis(version: PolicyVersion, *, user=None) -> AnalysisRun:
    """Create a queued run and enqueue it once the surrounding transaction commits."""
    run = AnalysisRun.objects.create(version=version, created_by=user if user and user.is_authenticated else None)
    # Not Celery's delay_on_commit: that would raise into the request when the broker is down.
    # robust=True logs the failure instead; the run stays queued and the sweep re-enqueues it.
    transaction.on_commit(lambda: enqueue_run(run.pk), robust=True)
    return run


def enqueue_run(run_id: int) -> bool:
    """Send a run to the analysis queue. Returns False (and leaves the run queued) if the broker is down."""
    from policies.tasks import analyse_run

    try:
        analyse_run.apply_async(args=[run_id], retry=True, retry_policy={"max_retries": 2, "interval_start": 0.2})
    except Exception:  # kombu raises many types for an unreachable broker
        logger.warning("broker unavailable; run %s stays queued for the sweep", run_id, exc_info=True)
        return False
    AnalysisRun.objects.filter(pk=run_id, status=AnalysisRun.Status.QUEUED).update(enqueued_at=timezone.now())
    return True


def retry_run(run: AnalysisRun, *, user=None) -> AnalysisRun:
    """A failed run is kept, with its reason; the retry is a new run of the same version."""
    if run.status != AnalysisRun.Status.FAILED:
        raise ValueError("Only a failed analysis can be retried.")
    with transaction.atomic():
        return start_analysis(run.version, user=user)


def requeue_stale_runs() -> list[int]:
    """Re-enqueue runs that a down broker or a killed worker left behind.

    Queued runs that were never sent (or sent long ago), and running runs that outlived the
    hard time limit. Running a run twice is safe: results are written once, atomically.
    """
    now = timezone.now()
    queued_cutoff = now - timedelta(seconds=settings.POLICYLENS_STALE_QUEUED_SECONDS)
    running_cutoff = now - timedelta(seconds=settings.POLICYLENS_STALE_RUNNING_SECONDS)
    stale = list(
        AnalysisRun.objects.filter(status=AnalysisRun.Status.QUEUED, created_at__lt=queued_cutoff)
        .exclude(enqueued_at__gte=queued_cutoff)
        .values_list("pk", flat=True)
    )
    stale += list(
        AnalysisRun.objects.filter(status=AnalysisRun.Status.RUNNING, started_at__lt=running_cutoff).values_list(
            "pk", flat=True
        )
    )
    return [run_id for run_id in stale if enqueue_run(run_id)]


def _set_progress(run_id: int, progress: int, stage: str) -> None:
    AnalysisRun.objects.filter(pk=run_id, status=AnalysisRun.Status.RUNNING).update(progress=progress, stage=stage)


def fail_run(run_id: int, reason: str) -> None:
    AnalysisRun.objects.filter(pk=run_id).exclude(status=AnalysisRun.Status.SUCCEEDED).update(
        status=AnalysisRun.Status.FAILED, failure_reason=reason, finished_at=timezone.now(), stage=""
    )


UNEXPECTED_FAILURE = (
    "Something unexpected stopped the analysis. Retry it; if it fails again, the document may be "
    "damaged — try saving it as PDF or pasting its text."
)


def execute_run(run_id: int) -> None:
    """The analysis job: extract, analyse, score, then store everything in one transaction.

    Idempotent: a run that already succeeded is left alone, and results replace (never add to)
    any earlier results of the same run, so a redelivered message makes no duplicates.
    """
    with transaction.atomic():
        run = AnalysisRun.objects.select_for_update().filter(pk=run_id).first()
        if run is None or run.status == AnalysisRun.Status.SUCCEEDED:
            return
        run.status = AnalysisRun.Status.RUNNING
        run.attempts += 1
        run.started_at = timezone.now()
        run.progress, run.stage, run.failure_reason = 5, "Reading the document", ""
        run.save(update_fields=["status", "attempts", "started_at", "progress", "stage", "failure_reason"])
    version = PolicyVersion.objects.get(pk=run.version_id)
    try:
        with version.document.open("rb") as handle:
            data = handle.read(settings.POLICYLENS_MAX_UPLOAD_BYTES + 1)
        result = run_pipeline(data, version.original_filename or None, lambda p, s: _set_progress(run_id, p, s))
    except ExtractionError as exc:
        fail_run(run_id, str(exc))
        return
    except FileNotFoundError:
        fail_run(run_id, "The stored document is missing. Upload it again.")
        return
    except MemoryError:
        fail_run(run_id, "This document needs more memory to analyse than we allow. Try a shorter version.")
        return
    _store_results(run_id, version, result.extracted.text, result.analysis)


def _store_results(run_id, version, text, analysis) -> None:
    from policies.review_services import apply_reviews, carry_forward_reviews  # it imports score_rows from here

    with transaction.atomic():
        run = AnalysisRun.objects.select_for_update().get(pk=run_id)
        if run.status == AnalysisRun.Status.SUCCEEDED:
            return  # another delivery of the same run finished first
        run.findings.all().delete()
        run.scores.all().delete()
        Finding.objects.bulk_create(finding_rows(run, analysis.findings))
        version.extracted_text = text
        version.stated_last_updated = analysis.last_updated or ""
        version.save(update_fields=["extracted_text", "stated_last_updated"])
        run.status = AnalysisRun.Status.SUCCEEDED
        run.progress, run.stage = 100, ""
        run.analyser_version = analysis.analyser_version or ANALYSER_VERSION
        run.vendor_name_found = (analysis.vendor_name or "")[:200]
        run.summary = run.machine_summary = analysis.summary
        run.finished_at = timezone.now()
        run.save()
        # Reviewers' decisions outlive re-analysis, and a new version inherits the last one's (issue 6).
        # Applying them also writes the scores, reviewed or not.
        carry_forward_reviews(version, run)
        apply_reviews(run)
        transaction.on_commit(lambda: notify_watchers(version.pk), robust=True)  # issue 5: alerts to watchers


def finding_rows(run: AnalysisRun, findings) -> list[Finding]:
    """Unsaved rows for the analyser's findings, in its order: scores cite findings by position."""
    return [
        Finding(
            run=run,
            position=position,
            topic=f.topic,
            kind=f.kind,
            value=f.value,
            start=f.start,
            end=f.end,
            quote=f.quote,
            rule=f.rule,
            confidence=f.confidence,
        )
        for position, f in enumerate(findings)
    ]


def score_rows(run: AnalysisRun, scorecard: Scorecard, positions: list[int] | None = None) -> list[Score]:
    """One row for the whole policy and one per dimension. Evidence lists hold finding positions.

    The scorecard's evidence indexes the findings it was given; ``positions`` maps them to positions
    when those were not all of the run's findings (a reviewer rejected some).
    """

    def cite(evidence: list[int]) -> list[int]:
        return [positions[i] for i in evidence] if positions is not None else list(evidence)

    blockers = [asdict(b) | {"evidence": cite(b.evidence)} for b in scorecard.blockers]
    rows = [
        Score(
            run=run,
            dimension="overall",
            points=scorecard.overall,
            grade=scorecard.grade,
            rubric_version=scorecard.rubric_version,
            details={
                "blockers": blockers,
                "uncapped_grade": scorecard.uncapped_grade,
                "uncapped_overall": scorecard.uncapped_overall,
            },
            position=0,
        )
    ]
    for position, dimension in enumerate(scorecard.dimensions, start=1):
        details = asdict(dimension)
        for answer in details["answers"]:
            answer["evidence"] = cite(answer["evidence"])
        rows.append(
            Score(
                run=run,
                dimension=dimension.key,
                points=dimension.points,
                grade=dimension.grade or "",
                rubric_version=scorecard.rubric_version,
                details=details,
                position=position,
            )
        )
    return rows


def rescore_runs(runs) -> int:
    """Re-score stored analyses under the current rubric, without re-extracting anything.

    Reviewers' decisions are laid over the machine's findings again, so reviewed scores stay reviewed.
    """
    from policies.review_services import apply_reviews

    count = 0
    for run in runs:
        with transaction.atomic():
            apply_reviews(run)
        count += 1
    return count
