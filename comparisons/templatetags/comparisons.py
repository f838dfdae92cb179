from django import template

from comparisons.presentation import humanise_days as _humanise_days

register = template.Library()


@register.filter
def humanise_days(days):
    try:
        return _humanise_days(int(days))
    except (TypeError, ValueError):
        return "Not stated"
