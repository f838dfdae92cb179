"""Who may do what. Groups are created by a data migration; staff may do everything."""
POLICY_ADMINS = "Policy admins"


def is_policy_admin(user) -> bool:
    if not user.is_authenticated:
        return False
    if user.is_staff or user.is_superuser:
        return True
    # Cached on the user object: templates and views ask several times per request.
    if not hasattr(user, "_policylens_groups"):
        user._policylens_groups = set(user.groups.values_list("name", flat=True))
    return POLICY_ADMINS in user._policylens_groups
