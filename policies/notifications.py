"""Alerts to watchers when a new version of a vendor's policy has been analysed.

Called once a run's results are committed (policies.services._store_results); safe to call twice:
one notification per user and version.
"""
from __future__ import annotations

import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import timezone

from policies import tracking_selectors
from policies.models import Notification, PolicyVersion

logger = logging.getLogger(__name__)
MAX_CHANGES = 40


def notify_watchers(version_id: int) -> list[Notification]:
    """Tell everyone watching the vendor what changed in this version. Never raises into the analysis."""
    try:
        return _notify(version_id)
    except Exception:
        logger.exception("notifying watchers of version %s failed", version_id)
        return []


def _notify(version_id: int) -> list[Notification]:
    version = PolicyVersion.objects.select_related("vendor").filter(pk=version_id).first()
    if version is None or version.withdrawn_at or not version.is_current:
        return []  # an older version re-analysed is not news
    previous = tracking_selectors.previous_version(version)
    if previous is None:
        return []  # the first version of a policy: nothing changed yet
    watchers = list(get_user_model().objects.filter(policy_watches__vendor=version.vendor, is_active=True))
    if not watchers:
        return []
    meaning = tracking_selectors.meaning_diff(previous, version)
    changes = [c.as_dict() for c in meaning.changes[:MAX_CHANGES]] if meaning else []
    title = f"{version.vendor.name}: the privacy policy has changed"
    link = settings.POLICYLENS_SITE_URL + tracking_selectors.diff_url(version.vendor, previous, version)
    created = []
    for user in watchers:
        try:
            with transaction.atomic():
                notification = Notification.objects.create(
                    user=user, vendor=version.vendor, version=version, previous_version=previous, title=title,
                    changes=changes,
                )
        except IntegrityError:
            continue  # this user was already told about this version
        created.append(notification)
        if user.email:
            _email(notification, user, link, meaning is not None)
    return created


def _email(notification: Notification, user, link: str, analysed: bool) -> None:
    context = {"notification": notification, "user": user, "link": link, "analysed": analysed,
               "site_url": settings.POLICYLENS_SITE_URL}
    body = render_to_string("policies/email/change_alert.txt", context)
    try:
        send_mail(notification.title, body, None, [user.email], fail_silently=False)
    except Exception:
        logger.exception("alert email to user %s failed", user.pk)
        return
    Notification.objects.filter(pk=notification.pk).update(emailed_at=timezone.now())
