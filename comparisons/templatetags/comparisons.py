from django import template

from comparisons.presentation import humanise_days as _humanise_days
from policies.tracking_selectors import unread_count

register = template.Library()


@register.filter
def humanise_days(days):
    try:
        return _humanise_days(int(days))
    except (TypeError, ValueError):
        return "Not stated"


@register.simple_tag(takes_context=True)
def unread_alerts(context) -> int:
    """The header's unread alert count: read with the user (config.auth_backends), else one query."""
    user = getattr(context.get("request"), "user", None)
    if user is None or not user.is_authenticated:
        return 0
    count = getattr(user, "unread_notification_count", None)
    return count if count is not None else unread_count(user)
