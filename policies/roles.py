"""Who may do what. Groups (and their model permissions) are created by data migrations; staff may do everything.

- Policy admins manage vendors and policy versions: they upload, track URLs and retry runs.
- Reviewers (DPOs) confirm, correct or reject findings, add missed ones and complete reviews.
- Viewers (procurement) browse, compare and export.

Browsing is open to every signed-in user; the groups gate what changes data.
"""
import functools

from django.core.exceptions import PermissionDenied

POLICY_ADMINS = "Policy admins"
REVIEWERS = "Reviewers"
VIEWERS = "Viewers"
ROLE_GROUPS = (POLICY_ADMINS, REVIEWERS, VIEWERS)


def _group_names(user) -> set[str]:
    # Cached on the user object: templates and views ask several times per request.
    if not hasattr(user, "_policylens_groups"):
        user._policylens_groups = set(user.groups.values_list("name", flat=True))
    return user._policylens_groups


def is_policy_admin(user) -> bool:
    if not user.is_authenticated:
        return False
    if user.is_staff or user.is_superuser:
        return True
    return POLICY_ADMINS in _group_names(user)


def is_reviewer(user) -> bool:
    if not user.is_authenticated:
        return False
    if user.is_staff or user.is_superuser:
        return True
    return REVIEWERS in _group_names(user)


def is_viewer(user) -> bool:
    """In the Viewers group (staff count too). Browsing itself needs only a signed-in account."""
    if not user.is_authenticated:
        return False
    if user.is_staff or user.is_superuser:
        return True
    return VIEWERS in _group_names(user)


def _role_required(allowed, message: str):
    def decorator(view):
        @functools.wraps(view)
        def wrapper(request, *args, **kwargs):
            if not allowed(request.user):
                raise PermissionDenied(message)
            return view(request, *args, **kwargs)

        return wrapper

    return decorator


#: 403 unless a policy admin. Put it above ``require_POST``: other roles get 403 whatever the method.
policy_admin_required = _role_required(is_policy_admin, "Only policy admins can do this.")
#: 403 unless a reviewer; above ``require_POST`` likewise.
reviewer_required = _role_required(is_reviewer, "Only reviewers can review findings.")
