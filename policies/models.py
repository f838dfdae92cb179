"""Vendors, the policy versions they publish, analysis jobs and what the jobs found."""
from __future__ import annotations

import uuid
from pathlib import PurePath

from django.conf import settings
from django.db import models
from django.db.models.functions import Lower
from django.urls import reverse


class Vendor(models.Model):
    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=220, unique=True)
    website = models.URLField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = [Lower("name")]
        constraints = [models.UniqueConstraint(Lower("name"), name="vendor_name_unique_ci")]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("comparisons:vendor-detail", args=[self.slug])


def stored_document_path(instance: PolicyVersion, filename: str) -> str:
    """Originals are stored under a generated name; the uploader's filename is kept as data only."""
    suffix = PurePath(filename).suffix.lower()[:8] if filename else ""
    return f"policies/{uuid.uuid4().hex}{suffix if suffix.isascii() else ''}"


class PolicyVersion(models.Model):
    class Source(models.TextChoices):
        FILE = "file", "Uploaded file"
        TEXT = "text", "Pasted text"
        URL = "url", "Fetched from URL"

    class Format(models.TextChoices):
        PDF = "pdf", "PDF"
        DOCX = "docx", "Word (DOCX)"
        HTML = "html", "HTML"
        TEXT = "text", "Plain text"
        MARKDOWN = "markdown", "Markdown"

    vendor = models.ForeignKey(Vendor, on_delete=models.CASCADE, related_name="versions")
    source = models.CharField(max_length=8, choices=Source.choices)
    source_url = models.URLField(max_length=2000, blank=True)
    document = models.FileField(upload_to=stored_document_path, max_length=300)
    original_filename = models.CharField(max_length=255, blank=True)
    document_format = models.CharField(max_length=10, choices=Format.choices)
    size_bytes = models.PositiveBigIntegerField()
    content_sha256 = models.CharField(max_length=64)
    # Filled by the analysis job: the text every finding's offsets point into.
    extracted_text = models.TextField(blank=True)
    # The policy's own "last updated" date as stated: "YYYY-MM-DD" or "YYYY-MM" when only a month is given.
    stated_last_updated = models.CharField(max_length=10, blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)
    is_current = models.BooleanField(default=False)
    # A wrong upload is withdrawn, never deleted: it stays readable in the history, marked as such.
    withdrawn_at = models.DateTimeField(null=True, blank=True)
    withdrawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    withdrawal_reason = models.TextField(blank=True)
    # A reviewer signed the review off (issue 6). The analysis counts as reviewed only while every
    # finding of the version's newest analysis also carries a decision.
    review_completed_at = models.DateTimeField(null=True, blank=True)
    review_completed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-uploaded_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["vendor", "content_sha256"], name="version_content_unique_per_vendor"),
            models.UniqueConstraint(
                fields=["vendor"], condition=models.Q(is_current=True), name="one_current_version_per_vendor"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.vendor} — {self.uploaded_at:%d %b %Y}"

    def get_absolute_url(self) -> str:
        return reverse("policies:version-detail", args=[self.pk])

    @property
    def display_name(self) -> str:
        return self.original_filename or self.source_url or "Pasted text"


class ReviewState(models.TextChoices):
    """How far people have checked an analysis. Anything short of REVIEWED is provisional."""

    MACHINE = "machine", "Machine"
    IN_REVIEW = "in_review", "Partly reviewed"
    REVIEWED = "reviewed", "Reviewed"


class AnalysisRun(models.Model):
    """One analysis job. The task reads and writes this row; the pages poll it."""

    class Status(models.TextChoices):
        QUEUED = "queued", "Queued"
        RUNNING = "running", "Running"
        SUCCEEDED = "succeeded", "Done"
        FAILED = "failed", "Failed"

    FINISHED = (Status.SUCCEEDED, Status.FAILED)

    version = models.ForeignKey(PolicyVersion, on_delete=models.CASCADE, related_name="runs")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED, db_index=True)
    progress = models.PositiveSmallIntegerField(default=0)  # 0–100
    stage = models.CharField(max_length=80, blank=True)
    failure_reason = models.TextField(blank=True)  # written for people, shown on the page
    attempts = models.PositiveSmallIntegerField(default=0)
    analyser_version = models.CharField(max_length=40, blank=True)
    rubric_version = models.CharField(max_length=40, blank=True)
    vendor_name_found = models.CharField(max_length=200, blank=True)
    summary = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    enqueued_at = models.DateTimeField(null=True, blank=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # Issue 6, review. ``summary`` and the scores follow the reviewed findings; the analyser's own
    # summary is kept so a reviewer can always see what the machine said.
    machine_summary = models.JSONField(default=dict, blank=True)
    review_state = models.CharField(max_length=10, choices=ReviewState.choices, default=ReviewState.MACHINE)
    review_revision = models.PositiveIntegerField(default=0)  # bumped by every applied decision; in cache keys

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["version", "-created_at"])]

    def __str__(self) -> str:
        return f"Analysis {self.pk} of {self.version_id} ({self.status})"

    @property
    def is_finished(self) -> bool:
        return self.status in self.FINISHED

    @property
    def duration_seconds(self) -> float | None:
        if self.started_at and self.finished_at:
            return (self.finished_at - self.started_at).total_seconds()
        return None


class Finding(models.Model):
    run = models.ForeignKey(AnalysisRun, on_delete=models.CASCADE, related_name="findings")
    topic = models.CharField(max_length=40, db_index=True)
    kind = models.CharField(max_length=40)
    value = models.JSONField(default=dict, blank=True)
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    quote = models.TextField()
    rule = models.CharField(max_length=80)
    confidence = models.FloatField()
    position = models.PositiveIntegerField()  # the analyser's order; scores cite findings by it
    # Issue 6, review: "" while only the machine has seen it; otherwise the reviewer's decision.
    review_status = models.CharField(max_length=10, blank=True, default="")
    machine_value = models.JSONField(null=True, blank=True)  # the analyser's value when a reviewer corrected it
    review = models.ForeignKey(
        "FindingReview", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["run", "position"]
        constraints = [
            models.UniqueConstraint(fields=["run", "position"], name="finding_position_unique_per_run"),
            models.CheckConstraint(condition=models.Q(end__gt=models.F("start")), name="finding_span_not_empty"),
        ]

    def __str__(self) -> str:
        return f"{self.topic}/{self.kind}: {self.quote[:60]}"

    @property
    def anchor(self) -> str:
        return f"finding-{self.pk}"

    @property
    def low_confidence(self) -> bool:
        from policies.analysis.types import LOW_CONFIDENCE

        return self.confidence < LOW_CONFIDENCE

    @property
    def is_reviewed(self) -> bool:
        return bool(self.review_status)

    @property
    def counts(self) -> bool:
        """Whether scores and summaries use this finding (a rejected one stays visible, but out)."""
        return self.review_status != FindingReview.Action.REJECT


class FindingReview(models.Model):
    """A reviewer's decision about one fact of one policy version.

    Keyed by what the fact says and where (topic, kind, quote), not by a Finding row, so it survives
    re-analysis of the version and can be carried to the next version when the sentence is unchanged.
    Decided again -> the row is updated; every change is in the audit trail with before and after.
    """

    class Action(models.TextChoices):
        CONFIRM = "confirm", "Confirmed"
        CORRECT = "correct", "Corrected"
        REJECT = "reject", "Rejected"
        ADD = "add", "Added by reviewer"

    version = models.ForeignKey(PolicyVersion, on_delete=models.CASCADE, related_name="reviews")
    action = models.CharField(max_length=10, choices=Action.choices)
    topic = models.CharField(max_length=40)
    kind = models.CharField(max_length=40)
    quote = models.TextField()
    start = models.PositiveIntegerField()  # offsets into the version's analysed text
    end = models.PositiveIntegerField()
    machine_value = models.JSONField(null=True, blank=True)  # what the analyser said (None when added)
    value = models.JSONField(null=True, blank=True)  # the corrected or added value
    note = models.TextField(blank=True)
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField()
    carried_from = models.ForeignKey("self", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    # Carried from an earlier version whose sentence has since changed: shown, not applied, until re-decided.
    needs_rereview = models.BooleanField(default=False)

    class Meta:
        ordering = ["start", "id"]
        indexes = [models.Index(fields=["version", "topic", "kind"])]
        constraints = [
            models.CheckConstraint(condition=models.Q(end__gt=models.F("start")), name="review_span_not_empty")
        ]

    def __str__(self) -> str:
        return f"{self.get_action_display()}: {self.topic}/{self.kind} {self.quote[:40]}"


class Score(models.Model):
    """One dimension's score for one run, under one rubric version (re-scoring replaces these rows)."""

    run = models.ForeignKey(AnalysisRun, on_delete=models.CASCADE, related_name="scores")
    dimension = models.CharField(max_length=40)  # "overall" for the whole policy
    points = models.PositiveSmallIntegerField(null=True)  # 0–100; null when nothing applies
    grade = models.CharField(max_length=2, blank=True)
    rubric_version = models.CharField(max_length=40)
    details = models.JSONField(default=dict, blank=True)  # answers, evidence positions, blockers
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["run", "position"]
        constraints = [models.UniqueConstraint(fields=["run", "dimension"], name="score_dimension_unique_per_run")]

    def __str__(self) -> str:
        return f"{self.dimension}: {self.points} ({self.grade})"


# --- version history, tracking by URL, watchlists (issue 5) -----------------------------------


class PolicyURL(models.Model):
    """A web address where a vendor publishes its policy; a beat task checks it on a schedule."""

    class Status(models.TextChoices):
        NEVER = "never", "Not checked yet"
        UNCHANGED = "unchanged", "Unchanged"
        CHANGED = "changed", "Changed: new version"
        FAILED = "failed", "Failed"
        RETRYING = "retrying", "Failed: will retry"

    vendor = models.ForeignKey(Vendor, on_delete=models.CASCADE, related_name="policy_urls")
    url = models.URLField(max_length=2000)
    is_active = models.BooleanField(default=True)
    check_interval_hours = models.PositiveIntegerField(default=24)
    next_check_at = models.DateTimeField(null=True, blank=True, db_index=True)
    last_checked_at = models.DateTimeField(null=True, blank=True)
    last_changed_at = models.DateTimeField(null=True, blank=True)
    last_status = models.CharField(max_length=10, choices=Status.choices, default=Status.NEVER)
    last_error = models.TextField(blank=True)  # written for people, shown on the history page
    consecutive_failures = models.PositiveSmallIntegerField(default=0)
    # sha256 of the normalised main text last seen: dates, whitespace and page furniture excluded.
    content_fingerprint = models.CharField(max_length=64, blank=True)
    last_version = models.ForeignKey(
        PolicyVersion, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["vendor", "url"]
        constraints = [models.UniqueConstraint(fields=["vendor", "url"], name="policy_url_unique_per_vendor")]

    def __str__(self) -> str:
        return f"{self.vendor}: {self.url}"


class VersionEvent(models.Model):
    """The audit trail of a vendor's versions: who made which version current, withdrew or restored it."""

    class Kind(models.TextChoices):
        MADE_CURRENT = "current", "Made current"
        WITHDRAWN = "withdrawn", "Withdrawn"
        RESTORED = "restored", "Restored"
        FETCHED = "fetched", "Fetched from URL"

    version = models.ForeignKey(PolicyVersion, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    note = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.version}"


class Watch(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="policy_watches")
    vendor = models.ForeignKey(Vendor, on_delete=models.CASCADE, related_name="watches")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "vendor"], name="watch_unique_per_user_vendor")]

    def __str__(self) -> str:
        return f"{self.user} watches {self.vendor}"


class Notification(models.Model):
    """An in-app alert: a watched vendor's new version was analysed. One per user and version."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="policy_notifications")
    vendor = models.ForeignKey(Vendor, on_delete=models.CASCADE, related_name="+")
    version = models.ForeignKey(PolicyVersion, on_delete=models.CASCADE, related_name="notifications")
    previous_version = models.ForeignKey(
        PolicyVersion, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    title = models.CharField(max_length=300)
    changes = models.JSONField(default=list, blank=True)  # [{"topic", "label", "text", "direction"}]
    created_at = models.DateTimeField(auto_now_add=True)
    read_at = models.DateTimeField(null=True, blank=True)
    emailed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["user", "version"], name="notification_unique_per_user_version")
        ]
        indexes = [models.Index(fields=["user", "read_at"])]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        if self.previous_version_id:
            return (
                reverse("policies:version-diff", args=[self.vendor.slug])
                + f"?from={self.previous_version_id}&to={self.version_id}"
            )
        return self.version.get_absolute_url()


# --- audit trail (issue 6) ---------------------------------------------------------------------------


class AuditEvent(models.Model):
    """Who did what, when, with the state before and after. Append-only: nothing in the app edits or
    deletes these rows (the admin shows them read-only), and a vendor's deletion keeps its trail."""

    class Action(models.TextChoices):
        UPLOAD = "upload", "Uploaded a version"
        REVIEW = "review", "Reviewed a finding"
        REVIEW_COMPLETE = "review_done", "Completed a review"
        ROLE_CHANGE = "role", "Changed roles"
        MADE_CURRENT = "current", "Made a version current"
        WITHDRAW = "withdraw", "Withdrew a version"
        RESTORE = "restore", "Restored a version"
        DELETE = "delete", "Deleted"

    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    actor_name = models.CharField(max_length=150, blank=True)  # kept if the account goes
    action = models.CharField(max_length=12, choices=Action.choices)
    # Plain ids, not foreign keys: the trail must outlive what it describes.
    vendor_id_ref = models.PositiveBigIntegerField(null=True, blank=True, db_index=True)
    vendor_name = models.CharField(max_length=200, blank=True)
    object_type = models.CharField(max_length=40)
    object_id = models.CharField(max_length=40, blank=True)
    summary = models.CharField(max_length=300)
    before = models.JSONField(null=True, blank=True)
    after = models.JSONField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.actor_name}: {self.summary}"
