from django.db import migrations

POLICY_ADMINS = "Policy admins"  # policies.roles.POLICY_ADMINS, frozen here as migrations must be


def create_group(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Group.objects.get_or_create(name=POLICY_ADMINS)


def remove_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=POLICY_ADMINS).delete()


class Migration(migrations.Migration):
    dependencies = [("policies", "0001_initial"), ("auth", "0012_alter_user_first_name_max_length")]
    operations = [migrations.RunPython(create_group, remove_group)]
