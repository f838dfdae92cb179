"""The audit trail: one append-only row per upload, review decision, role change, version change and deletion.

Services call :func:`record` inside the transaction that makes the change, so the trail and the change
commit (or roll back) together. Nothing in the app updates or deletes an AuditEvent.
"""
from __future__ import annotations

import json
from typing import Any

from django.core.serializers.json import DjangoJSONEncoder

from policies.models import AuditEvent, Vendor


def _plain(data: Any) -> Any:
    """JSON-safe copy (dates and decimals as text), so any snapshot can be stored."""
    return None if data is None else json.loads(json.dumps(data, cls=DjangoJSONEncoder))


def record(
    *,
    actor,
    action: str,
    summary: str,
    vendor: Vendor | None = None,
    obj=None,
    object_type: str = "",
    before: Any = None,
    after: Any = None,
) -> AuditEvent:
    signed_in = actor is not None and getattr(actor, "is_authenticated", False)
    return AuditEvent.objects.create(
        actor=actor if signed_in else None,
        actor_name=actor.get_username() if signed_in else "system",
        action=action,
        vendor_id_ref=vendor.pk if vendor else None,
        vendor_name=vendor.name if vendor else "",
        object_type=object_type or (obj._meta.verbose_name if obj is not None else ""),
        object_id=str(obj.pk) if obj is not None and obj.pk is not None else "",
        summary=summary[:300],
        before=_plain(before),
        after=_plain(after),
    )
