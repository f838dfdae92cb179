"""Writes for version history and tracking: current version, withdrawals, tracked URLs, fetches, watches."""
from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone

from config.security import security_event
from policies import audit, services
from policies.diffing import normalise_for_fingerprint
from policies.extraction import ExtractionError, extract_document
from policies.fetching import FetchError, FetchPolicy, FetchRefused, fetch, validate_url
from policies.models import AuditEvent, PolicyURL, PolicyVersion, Vendor, VersionEvent, Watch
from policies.pipeline import extraction_limits

logger = logging.getLogger(__name__)

#: A fetched page with fewer words of policy text than this makes no version.
MIN_POLICY_WORDS = 40


class VersionActionRefused(Exception):
    """The action cannot be done; str() is shown to the user."""


# --- current version and withdrawals -------------------------------------------------------


def mark_current(version: PolicyVersion, *, user=None, note: str = "") -> PolicyVersion:
    with transaction.atomic():
        version = PolicyVersion.objects.select_for_update().get(pk=version.pk)
        if version.withdrawn_at:
            raise VersionActionRefused("A withdrawn version cannot be made current. Restore it first.")
        if version.is_current:
            return version
        list(PolicyVersion.objects.select_for_update().filter(vendor_id=version.vendor_id))  # lock the siblings
        previous = PolicyVersion.objects.filter(vendor_id=version.vendor_id, is_current=True).first()
        PolicyVersion.objects.filter(vendor_id=version.vendor_id, is_current=True).update(is_current=False)
        PolicyVersion.objects.filter(pk=version.pk).update(is_current=True)
        version.is_current = True
        VersionEvent.objects.create(version=version, kind=VersionEvent.Kind.MADE_CURRENT, actor=_user(user), note=note)
        audit.record(
            actor=user,
            action=AuditEvent.Action.MADE_CURRENT,
            vendor=version.vendor,
            obj=version,
            summary=f"Made {version.display_name} the current version" + (f" ({note})" if note else ""),
            before={"current_version": _described(previous)},
            after={"current_version": _described(version)},
        )
    return version


def withdraw(version: PolicyVersion, *, user=None, reason: str = "") -> PolicyVersion:
    """Withdraw a wrong upload. It stays readable; if it was current, the newest other version takes over."""
    reason = " ".join(reason.split())[:1000]
    with transaction.atomic():
        version = PolicyVersion.objects.select_for_update().get(pk=version.pk)
        if version.withdrawn_at:
            return version
        was_current = version.is_current
        version.withdrawn_at, version.withdrawn_by = timezone.now(), _user(user)
        version.withdrawal_reason, version.is_current = reason, False
        version.save(update_fields=["withdrawn_at", "withdrawn_by", "withdrawal_reason", "is_current"])
        VersionEvent.objects.create(version=version, kind=VersionEvent.Kind.WITHDRAWN, actor=_user(user), note=reason)
        audit.record(
            actor=user,
            action=AuditEvent.Action.WITHDRAW,
            vendor=version.vendor,
            obj=version,
            summary=f"Withdrew {version.display_name}" + (f": {reason}" if reason else ""),
            before={"withdrawn": False, "current": was_current},
            after={"withdrawn": True, "current": False, "reason": reason},
        )
        if was_current:
            successor = (
                PolicyVersion.objects.filter(vendor_id=version.vendor_id, withdrawn_at__isnull=True)
                .order_by("-uploaded_at", "-id")
                .first()
            )
            if successor:
                mark_current(successor, user=user, note="Became current when the newer upload was withdrawn.")
    return version


def restore(version: PolicyVersion, *, user=None) -> PolicyVersion:
    with transaction.atomic():
        version = PolicyVersion.objects.select_for_update().get(pk=version.pk)
        if not version.withdrawn_at:
            return version
        version.withdrawn_at, version.withdrawn_by, version.withdrawal_reason = None, None, ""
        version.save(update_fields=["withdrawn_at", "withdrawn_by", "withdrawal_reason"])
        VersionEvent.objects.create(version=version, kind=VersionEvent.Kind.RESTORED, actor=_user(user))
        audit.record(
            actor=user,
            action=AuditEvent.Action.RESTORE,
            vendor=version.vendor,
            obj=version,
            summary=f"Restored {version.display_name}",
            before={"withdrawn": True},
            after={"withdrawn": False},
        )
    return version


def _described(version: PolicyVersion | None) -> dict | None:
    if version is None:
        return None
    return {"id": version.pk, "name": version.display_name, "uploaded": version.uploaded_at}


def _user(user):
    return user if user is not None and user.is_authenticated else None


# --- watches -------------------------------------------------------------------------------


def watch(user, vendor: Vendor) -> Watch:
    return Watch.objects.get_or_create(user=user, vendor=vendor)[0]


def unwatch(user, vendor: Vendor) -> None:
    Watch.objects.filter(user=user, vendor=vendor).delete()


def mark_notifications_read(user) -> int:
    return user.policy_notifications.filter(read_at__isnull=True).update(read_at=timezone.now())


# --- tracked URLs --------------------------------------------------------------------------


def add_policy_url(*, vendor: Vendor, url: str, interval_hours: int | None = None, user=None) -> PolicyURL:
    url = url.strip()
    try:
        validate_url(url)
    except FetchRefused as exc:
        raise VersionActionRefused(str(exc)) from exc
    interval = interval_hours or settings.POLICYLENS_FETCH_DEFAULT_INTERVAL_HOURS
    tracked, created = PolicyURL.objects.get_or_create(
        vendor=vendor, url=url,
        defaults={"check_interval_hours": interval, "created_by": _user(user), "next_check_at": timezone.now()},
    )
    if not created and not tracked.is_active:
        tracked.is_active = True
        tracked.next_check_at = timezone.now()
        tracked.save(update_fields=["is_active", "next_check_at"])
    return tracked


def stop_tracking(tracked: PolicyURL) -> None:
    PolicyURL.objects.filter(pk=tracked.pk).update(is_active=False)


def fetch_policy() -> FetchPolicy:
    return FetchPolicy(
        allowed_test_hosts=frozenset(h.lower() for h in settings.POLICYLENS_FETCH_ALLOWED_TEST_HOSTS),
        connect_timeout=settings.POLICYLENS_FETCH_CONNECT_TIMEOUT,
        read_timeout=settings.POLICYLENS_FETCH_READ_TIMEOUT,
        total_timeout=settings.POLICYLENS_FETCH_TOTAL_TIMEOUT,
        max_bytes=settings.POLICYLENS_MAX_UPLOAD_BYTES,
    )


class TransientFetchFailure(Exception):
    """The check failed for a reason that may pass (a timeout, a 5xx): the task retries with backoff."""


@dataclass(frozen=True)
class CheckOutcome:
    status: str  # PolicyURL.Status value
    version: PolicyVersion | None = None
    message: str = ""


def claim_due_urls(now=None) -> list[int]:
    """Tracked URLs due for a check. Each is pushed forward first, so the next beat tick skips it."""
    now = now or timezone.now()
    due = (
        PolicyURL.objects.filter(is_active=True)
        .filter(_due(now))
        .values_list("pk", "check_interval_hours")
    )
    claimed = []
    for pk, hours in due:
        later = now + timedelta(hours=max(1, hours))
        if PolicyURL.objects.filter(pk=pk).filter(_due(now)).update(next_check_at=later):
            claimed.append(pk)
    return claimed


def _due(now) -> Q:
    return Q(next_check_at__isnull=True) | Q(next_check_at__lte=now)


def check_policy_url(url_id: int, *, final_attempt: bool = True) -> CheckOutcome:
    """Fetch a tracked URL; make a new version only when its normalised main text changed.

    Failures are recorded on the tracked URL as a sentence for people. A transient failure raises
    TransientFetchFailure unless this is the final attempt.
    """
    tracked = PolicyURL.objects.select_related("vendor").get(pk=url_id)
    try:
        result = fetch(tracked.url, fetch_policy())
    except FetchError as exc:
        if isinstance(exc, FetchRefused):  # a non-public address, also after a redirect: nothing was contacted
            security_event(
                "fetch_blocked", level=logging.WARNING, policy_url_id=tracked.pk, vendor_id=tracked.vendor_id,
                reason=str(exc),
            )
        return _failed(tracked, str(exc), transient=exc.transient, final_attempt=final_attempt)
    try:
        extracted = extract_document(result.body, result.filename, extraction_limits())
    except ExtractionError as exc:
        return _failed(tracked, f"The page was fetched but could not be read: {exc}", transient=False)
    normalised = normalise_for_fingerprint(extracted.text)
    if len(normalised.split()) < MIN_POLICY_WORDS:
        return _failed(tracked, "The page has almost no text, so no version was made. Is this the policy page?",
                       transient=False)
    fingerprint = hashlib.sha256(normalised.encode("utf-8")).hexdigest()
    now = timezone.now()
    with transaction.atomic():
        # Two checks of one URL at once: the second waits here, then sees the first one's fingerprint.
        locked = PolicyURL.objects.select_for_update().select_related("vendor").get(pk=url_id)
        common = {
            "last_checked_at": now, "last_error": "", "consecutive_failures": 0,
            "next_check_at": now + timedelta(hours=max(1, locked.check_interval_hours)),
        }
        if locked.content_fingerprint == fingerprint:
            PolicyURL.objects.filter(pk=url_id).update(last_status=PolicyURL.Status.UNCHANGED, **common)
            return CheckOutcome(PolicyURL.Status.UNCHANGED, locked.last_version)
        try:
            outcome = services.add_policy_document(
                vendor=locked.vendor, data=result.body, filename=result.filename,
                source=PolicyVersion.Source.URL, source_url=result.url[:2000],
            )
        except services.UploadRejected as exc:
            PolicyURL.objects.filter(pk=url_id).update(
                last_status=PolicyURL.Status.FAILED, last_checked_at=now, last_error=str(exc),
                consecutive_failures=F("consecutive_failures") + 1, next_check_at=common["next_check_at"],
            )
            return CheckOutcome(PolicyURL.Status.FAILED, message=str(exc))
        if outcome.created:
            VersionEvent.objects.create(version=outcome.version, kind=VersionEvent.Kind.FETCHED,
                                        note=f"Fetched from {result.url}")
        PolicyURL.objects.filter(pk=url_id).update(
            last_status=PolicyURL.Status.CHANGED if outcome.created else PolicyURL.Status.UNCHANGED,
            content_fingerprint=fingerprint, last_version=outcome.version,
            last_changed_at=now if outcome.created else locked.last_changed_at, **common,
        )
    logger.info("tracked url checked", extra={"policy_url": url_id, "version_created": outcome.created})
    status = PolicyURL.Status.CHANGED if outcome.created else PolicyURL.Status.UNCHANGED
    return CheckOutcome(status, outcome.version)


def _failed(tracked: PolicyURL, message: str, *, transient: bool, final_attempt: bool = True) -> CheckOutcome:
    retrying = transient and not final_attempt
    now = timezone.now()
    PolicyURL.objects.filter(pk=tracked.pk).update(
        last_status=PolicyURL.Status.RETRYING if retrying else PolicyURL.Status.FAILED,
        last_error=message + (" We will try again shortly." if retrying else ""),
        last_checked_at=now,
        consecutive_failures=F("consecutive_failures") + 1,
        next_check_at=now + timedelta(hours=max(1, tracked.check_interval_hours)),
    )
    logger.info("tracked url check failed: %s", message, extra={"policy_url": tracked.pk, "transient": transient})
    if retrying:
        raise TransientFetchFailure(message)
    return CheckOutcome(PolicyURL.Status.FAILED, message=message)
