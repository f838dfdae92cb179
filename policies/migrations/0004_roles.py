"""The three roles as groups with model permissions (issue 6, item 1).

Views check the group (policies.roles); the permissions make the same split visible in the Django admin
and to ``user.has_perm``.
"""
from django.db import migrations

# policies.roles, frozen here as migrations must be
POLICY_ADMINS = "Policy admins"
REVIEWERS = "Reviewers"
VIEWERS = "Viewers"

BROWSABLE = ("vendor", "policyversion", "analysisrun", "finding", "score", "policyurl", "versionevent")
ROLE_PERMISSIONS = {
    POLICY_ADMINS: [f"view_{m}" for m in BROWSABLE]
    + [f"{a}_{m}" for m in ("vendor", "policyversion", "analysisrun", "policyurl") for a in ("add", "change")],
    REVIEWERS: [f"view_{m}" for m in BROWSABLE] + ["change_finding"],
    VIEWERS: [f"view_{m}" for m in BROWSABLE],
}


def create_roles(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    # On a fresh database permissions are only made after all migrations (post_migrate): make them now.
    app_config = apps.get_app_config("policies")
    app_config.models_module = True
    create_permissions(app_config, verbosity=0, apps=apps)
    app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codenames in ROLE_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=name)
        perms = Permission.objects.filter(content_type__app_label="policies", codename__in=codenames)
        missing = set(codenames) - set(perms.values_list("codename", flat=True))
        if missing:
            raise RuntimeError(f"Missing permissions for {name}: {sorted(missing)}")
        group.permissions.add(*perms)


def remove_roles(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Group.objects.filter(name__in=[REVIEWERS, VIEWERS]).delete()
    Group.objects.get(name=POLICY_ADMINS).permissions.clear()  # the group itself belongs to 0002


class Migration(migrations.Migration):
    dependencies = [
        ("policies", "0003_version_tracking"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]
    operations = [migrations.RunPython(create_roles, remove_roles)]
