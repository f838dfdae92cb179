"""{% load policy_versions %}{% latest_changes vendor %}: "what changed in the latest version" on any page."""
from django import template

from policies import tracking_selectors as ts

register = template.Library()


@register.inclusion_tag("policies/_latest_changes.html", takes_context=True)
def latest_changes(context, vendor, limit=6):
    request = context.get("request")
    user = getattr(request, "user", None)
    latest = ts.latest_changes(vendor)
    return {
        "vendor": vendor,
        "latest": latest,
        "limit": limit,
        "watching": ts.is_watching(user, vendor) if user is not None else False,
        "request": request,
        "csrf_token": context.get("csrf_token"),
    }


@register.simple_tag(takes_context=True)
def unread_notifications(context) -> int:
    """The header's unread alert count: read with the user (config.auth_backends), else one query."""
    user = getattr(context.get("request"), "user", None)
    if user is None or not user.is_authenticated:
        return 0
    count = getattr(user, "unread_notification_count", None)
    return count if count is not None else ts.unread_count(user)
