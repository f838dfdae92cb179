"""Human review of findings (issue 6): decisions, their effect on summaries and scores, and carrying them forward.

A decision (:class:`FindingReview`) belongs to a policy version and names its fact by topic, kind and quote.
:func:`apply_reviews` lays a version's decisions over a run's machine findings — confirmed, corrected,
rejected, or added by the reviewer — then re-summarises and re-scores from what stands. It runs after every
decision and after every analysis, so decisions survive re-analysis. A new version inherits the previous
version's decisions where the quoted sentence is unchanged; where it changed, the decision is kept but
flagged for re-review and not applied.
"""
from __future__ import annotations

import difflib
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from comparisons.scoring import score
from policies import audit
from policies.models import AnalysisRun, AuditEvent, Finding, FindingReview, PolicyVersion, ReviewState, Score
from policies.review_values import (
    DIMENSION_TOPICS,
    REVIEWER_RULE,
    ReviewValueError,
    clean_value,
    describe,
    locate_quote,
    reviewed_summary,
    spec_for,
)
from policies.roles import is_reviewer

Action = FindingReview.Action
NOTE_MAX = 2000
#: A carried decision is anchored to the new version's most similar finding of its kind if at least this alike.
SIMILAR_ENOUGH = 0.5


class ReviewRefused(Exception):
    """The decision cannot be recorded; str() is shown to the reviewer, and nothing changed."""


@dataclass(frozen=True)
class Outcome:
    review: FindingReview
    run: AnalysisRun


# --- recording decisions -------------------------------------------------------------------------------------


def decide(*, user, version_id: int, finding_id: int, action: str, raw_value: dict | None = None, note: str = ""):
    """Confirm, correct or reject one finding of the version's current analysis."""
    _require_reviewer(user)
    if action not in (Action.CONFIRM, Action.CORRECT, Action.REJECT):
        raise ReviewRefused("Choose confirm, correct or reject.")
    note = _clean_note(note)
    with transaction.atomic():
        version, run = _lock_version(version_id)
        finding = Finding.objects.filter(pk=finding_id, run=run).first() if run else None
        if finding is None:
            raise ReviewRefused("That finding is not part of this version's current analysis.")
        machine_value = finding.machine_value if finding.machine_value is not None else finding.value
        value = None
        if action == Action.CORRECT:
            spec = spec_for(finding.topic, finding.kind)
            if spec is None or not spec.fields:
                raise ReviewRefused("This kind of finding has no value to correct: confirm or reject it.")
            try:
                value = clean_value(spec, raw_value or {})
            except ReviewValueError as exc:
                raise ReviewRefused(str(exc)) from exc
        review = finding.review if finding.review_id and finding.review.version_id == version.pk else None
        before = _snapshot(review) if review else {"decision": "machine", "value": machine_value}
        if review is None:
            review = FindingReview(
                version=version,
                topic=finding.topic,
                kind=finding.kind,
                quote=finding.quote,
                start=finding.start,
                end=finding.end,
                machine_value=machine_value,
            )
        review.action, review.value, review.note = action, value, note
        review.reviewer, review.decided_at, review.needs_rereview = user, timezone.now(), False
        review.save()
        _resolve_flagged(version, finding.topic, finding.kind, finding.start, finding.end)
        run = apply_reviews(run)
        shown = describe(value if value is not None else machine_value)
        summary = f"{review.get_action_display()} {finding.topic} / {finding.kind}: {shown}"
        _audit(user, version, review, summary, before)
    return Outcome(review=review, run=run)


def add_missed(
    *, user, version_id: int, kind_key: str, quote: str, near: int | None, raw_value: dict | None, note: str = ""
):
    """Record a fact the machine missed, anchored to text the reviewer selected in the policy."""
    _require_reviewer(user)
    topic, _, kind = (kind_key or "").partition(".")
    spec = spec_for(topic, kind)
    if spec is None:
        raise ReviewRefused("Choose what kind of fact this is.")
    note = _clean_note(note)
    with transaction.atomic():
        version, run = _lock_version(version_id)
        if run is None:
            raise ReviewRefused("This version has no finished analysis to add to yet.")
        try:
            start, end = locate_quote(version.extracted_text, quote or "", near)
            value = clean_value(spec, raw_value or {})
        except ReviewValueError as exc:
            raise ReviewRefused(str(exc)) from exc
        review = FindingReview.objects.create(
            version=version,
            action=Action.ADD,
            topic=topic,
            kind=kind,
            quote=version.extracted_text[start:end],
            start=start,
            end=end,
            value=value,
            note=note,
            reviewer=user,
            decided_at=timezone.now(),
        )
        run = apply_reviews(run)
        _audit(user, version, review, f"Added {spec.label.lower()}: {describe(value)}", before=None)
    return Outcome(review=review, run=run)


def complete_review(*, user, version_id: int, note: str = "") -> AnalysisRun:
    """Sign the review off: findings nobody decided on are confirmed as they stand."""
    _require_reviewer(user)
    note = _clean_note(note)
    with transaction.atomic():
        version, run = _lock_version(version_id)
        if run is None:
            raise ReviewRefused("This version has no finished analysis to review yet.")
        state_before = run.review_state
        if version.reviews.filter(needs_rereview=True).exists():
            raise ReviewRefused("Some decisions carried from the previous version need re-review first.")
        now = timezone.now()
        undecided = [f for f in run.findings.filter(review_status="")]
        FindingReview.objects.bulk_create(
            FindingReview(
                version=version,
                action=Action.CONFIRM,
                topic=f.topic,
                kind=f.kind,
                quote=f.quote,
                start=f.start,
                end=f.end,
                machine_value=f.value,
                note=note or "Confirmed when the review was completed.",
                reviewer=user,
                decided_at=now,
            )
            for f in undecided
        )
        version.review_completed_at, version.review_completed_by = now, user
        version.save(update_fields=["review_completed_at", "review_completed_by"])
        run = apply_reviews(run)
        audit.record(
            actor=user,
            action=AuditEvent.Action.REVIEW_COMPLETE,
            vendor=version.vendor,
            obj=version,
            object_type="policy version",
            summary=f"Completed the review of {version.display_name} ({len(undecided)} findings confirmed as found)",
            before={"review_state": state_before},
            after={"review_state": run.review_state, "note": note},
        )
    return run


def _require_reviewer(user) -> None:
    if not is_reviewer(user):
        raise PermissionDenied("Only reviewers can review findings.")


def _clean_note(note: str) -> str:
    note = (note or "").strip()
    if len(note) > NOTE_MAX:
        raise ReviewRefused(f"Keep the note under {NOTE_MAX:,} characters.")
    return note


def _lock_version(version_id: int) -> tuple[PolicyVersion, AnalysisRun | None]:
    """Lock the version (decisions on one version are serialised) and find the run being reviewed."""
    version = PolicyVersion.objects.select_for_update().select_related("vendor").filter(pk=version_id).first()
    if version is None:
        raise ReviewRefused("That policy version does not exist.")
    return version, reviewed_run(version)


def reviewed_run(version: PolicyVersion) -> AnalysisRun | None:
    """The run a version is judged on: its newest successful analysis."""
    return version.runs.filter(status=AnalysisRun.Status.SUCCEEDED).order_by("-created_at", "-id").first()


def _resolve_flagged(version: PolicyVersion, topic: str, kind: str, start: int, end: int) -> None:
    """A new decision on a finding replaces a carried decision flagged for re-review at the same place."""
    version.reviews.filter(
        needs_rereview=True, topic=topic, kind=kind, start__lt=end, end__gt=start
    ).delete()


def _audit(user, version: PolicyVersion, review: FindingReview, summary: str, before: dict | None) -> None:
    audit.record(
        actor=user,
        action=AuditEvent.Action.REVIEW,
        vendor=version.vendor,
        obj=review,
        object_type="finding review",
        summary=summary.replace("_", " "),
        before=before,
        after=_snapshot(review),
    )


def _snapshot(review: FindingReview) -> dict:
    return {
        "decision": review.action,
        "value": review.value,
        "machine_value": review.machine_value,
        "note": review.note,
        "quote": review.quote[:500],
        "needs_rereview": review.needs_rereview,
    }


# --- applying decisions --------------------------------------------------------------------------------------


def apply_reviews(run: AnalysisRun) -> AnalysisRun:
    """Lay the version's decisions over the run's machine findings, then re-summarise and re-score.

    Idempotent: it starts again from the machine's values every time. Call it inside a transaction.
    """
    from policies.services import score_rows  # services imports this module to apply decisions after analysis

    version = PolicyVersion.objects.get(pk=run.version_id)
    text = version.extracted_text
    reviews = list(version.reviews.filter(needs_rereview=False).order_by("start", "id"))
    run.findings.filter(rule=REVIEWER_RULE).delete()
    machine = list(run.findings.order_by("position"))
    for f in machine:
        if f.machine_value is not None:
            f.value = f.machine_value
        f.machine_value, f.review_status, f.review = None, "", None
    to_add: list[FindingReview] = []
    for review in reviews:
        match = None if review.action == Action.ADD else _match(review, machine)
        if match is None:
            if review.action != Action.REJECT:
                to_add.append(review)  # added, or a fact the machine no longer finds but a reviewer vouched for
            continue
        match.review, match.review_status = review, review.action
        if review.action == Action.CORRECT:
            match.machine_value, match.value = match.value, review.value
    Finding.objects.bulk_update(machine, ["value", "machine_value", "review_status", "review"])
    added = []
    next_position = (machine[-1].position + 1) if machine else 0
    for review in to_add:
        span = _span_in(text, review)
        if span is None:
            review.needs_rereview = True  # the sentence is gone from the text (a new extractor, say)
            review.save(update_fields=["needs_rereview"])
            continue
        start, end = span
        added.append(
            Finding(
                run=run,
                position=next_position,
                topic=review.topic,
                kind=review.kind,
                value=review.value if review.value is not None else (review.machine_value or {}),
                machine_value=review.machine_value if review.action == Action.CORRECT else None,
                start=start,
                end=end,
                quote=text[start:end],
                rule=REVIEWER_RULE,
                confidence=1.0,
                review_status=review.action,
                review=review,
            )
        )
        next_position += 1
    Finding.objects.bulk_create(added)
    findings = machine + added
    standing = [f for f in findings if f.counts]
    rejected = [f for f in findings if not f.counts]
    flagged = version.reviews.filter(needs_rereview=True).exists()
    state = _state(version, findings, flagged)
    summary = reviewed_summary(text, standing, rejected) if reviews else (run.machine_summary or run.summary)
    scorecard = score(summary, standing)
    rows = score_rows(run, scorecard, positions=[f.position for f in standing])
    for row in rows:
        row.details["review"] = _dimension_review(row.dimension, findings, state)
    run.scores.all().delete()
    Score.objects.bulk_create(rows)
    AnalysisRun.objects.filter(pk=run.pk).update(
        summary=summary,
        review_state=state,
        rubric_version=scorecard.rubric_version,
        review_revision=F("review_revision") + 1,
    )
    run.refresh_from_db()
    return run


def _match(review: FindingReview, machine: list[Finding]) -> Finding | None:
    candidates = [
        f
        for f in machine
        if f.review is None and f.topic == review.topic and f.kind == review.kind and f.quote == review.quote
    ]
    if not candidates:
        return None
    same_value = [f for f in candidates if f.value == review.machine_value]
    return (same_value or candidates)[0]


def _span_in(text: str, review: FindingReview) -> tuple[int, int] | None:
    """Where the decision's quote stands in ``text`` (nearest its old offsets), or None if it is gone."""
    if text[review.start : review.end] == review.quote:
        return review.start, review.end
    try:
        return locate_quote(text, review.quote, near=review.start)
    except ReviewValueError:
        return None


def _state(version: PolicyVersion, findings: list[Finding], flagged: bool) -> str:
    if version.review_completed_at and not flagged and all(f.review_status for f in findings):
        return ReviewState.REVIEWED
    if flagged or version.review_completed_at or any(f.review_status for f in findings):
        return ReviewState.IN_REVIEW
    return ReviewState.MACHINE


def _dimension_review(dimension: str, findings: list[Finding], state: str) -> str:
    """"reviewed", "partly" or "machine" for one score row."""
    if state == ReviewState.REVIEWED:
        return "reviewed"
    topics = DIMENSION_TOPICS.get(dimension)
    if topics is None:  # the overall row follows the whole run
        return "partly" if state == ReviewState.IN_REVIEW else "machine"
    mine = [f for f in findings if f.topic in topics]
    decided = [f for f in mine if f.review_status]
    if mine and len(decided) == len(mine):
        return "reviewed"
    return "partly" if decided else "machine"


# --- a new version inherits the previous version's decisions -------------------------------------------------


def carry_forward_reviews(version: PolicyVersion, run: AnalysisRun) -> int:
    """Copy the previous version's decisions onto ``version`` (which has none yet). Returns how many.

    Unchanged sentence -> the decision applies as it stands. Changed or gone -> kept, flagged for re-review,
    anchored to the new version's most similar finding of the same kind (or the start of the text), not applied.
    """
    if version.reviews.exists():
        return 0
    previous = (
        PolicyVersion.objects.filter(
            vendor_id=version.vendor_id, reviews__isnull=False, uploaded_at__lt=version.uploaded_at
        )
        .exclude(pk=version.pk)
        .distinct()
        .order_by("-uploaded_at", "-id")
        .first()
    )
    if previous is None:
        return 0
    text = version.extracted_text
    findings = list(run.findings.order_by("position"))
    carried = []
    for old in previous.reviews.filter(needs_rereview=False).order_by("start", "id"):
        span = _span_in(text, old)
        unchanged = span is not None
        if not unchanged:
            span = _closest_span(old, findings) or (0, min(len(text), max(1, len(old.quote))))
        carried.append(
            FindingReview(
                version=version,
                action=old.action,
                topic=old.topic,
                kind=old.kind,
                quote=old.quote,  # for a flagged decision: the sentence as it was reviewed
                start=span[0],
                end=span[1],
                machine_value=old.machine_value,
                value=old.value,
                note=old.note,
                reviewer=old.reviewer,
                decided_at=old.decided_at,
                carried_from=old,
                needs_rereview=not unchanged,
            )
        )
    FindingReview.objects.bulk_create(carried)
    return len(carried)


def _closest_span(review: FindingReview, findings: list[Finding]) -> tuple[int, int] | None:
    best, best_ratio = None, SIMILAR_ENOUGH
    for f in findings:
        if f.topic != review.topic or f.kind != review.kind:
            continue
        ratio = difflib.SequenceMatcher(None, review.quote, f.quote, autojunk=False).ratio()
        if ratio >= best_ratio:
            best, best_ratio = (f.start, f.end), ratio
    return best
