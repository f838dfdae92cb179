"""Demo accounts and the sample policies, loaded and queued for analysis. Safe to run again."""
import json
import secrets
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand

from policies import services
from policies.analysis.analyser import analyse
from policies.models import PolicyVersion
from policies.roles import POLICY_ADMINS, REVIEWERS, VIEWERS

DEMO_POLICIES = settings.BASE_DIR / "demo_data" / "policies"
ACCOUNTS = [
    ("admin", "Staff: everything, including the Django admin", {"is_staff": True, "is_superuser": True}),
    ("policyadmin", "Policy admin: uploads and retries", {}),
    ("reviewer", "Reviewer (DPO): reviews findings", {}),
    ("viewer", "Viewer: browses and compares", {}),
]
GROUP_OF = {"policyadmin": POLICY_ADMINS, "reviewer": REVIEWERS, "viewer": VIEWERS}


class Command(BaseCommand):
    help = "Create demo accounts and load the sample policies (each queued for analysis)."

    def handle(self, *args, **options):
        self._accounts()
        self._policies()

    def _accounts(self):
        # Passwords are made once per machine and kept beside the database, never committed.
        store = Path(settings.VAR_DIR) / "demo-accounts.json"
        saved = json.loads(store.read_text()) if store.exists() else {}
        User = get_user_model()
        groups = {name: Group.objects.get(name=name) for name in set(GROUP_OF.values())}
        self.stdout.write(self.style.MIGRATE_HEADING("Demo accounts (sign in at http://127.0.0.1:8000/):"))
        for username, role, flags in ACCOUNTS:
            password = saved.get(username) or secrets.token_urlsafe(9)
            user, created = User.objects.get_or_create(username=username, defaults=flags)
            if created or username not in saved:
                user.set_password(password)
                user.save()
            if username in GROUP_OF:
                user.groups.add(groups[GROUP_OF[username]])
            saved[username] = password
            self.stdout.write(f"  {username:<12} {password:<16} {role}")
        store.parent.mkdir(parents=True, exist_ok=True)
        store.write_text(json.dumps(saved, indent=2))
        store.chmod(0o600)

    def _policies(self):
        for path in sorted(DEMO_POLICIES.glob("*.txt")):
            data = path.read_bytes()
            # The vendor's name comes from the policy itself, as the analyser reads it.
            name = analyse(data.decode("utf-8")).vendor_name or path.stem
            vendor = services.get_or_create_vendor(name)
            if PolicyVersion.objects.filter(vendor=vendor).exists():
                continue
            outcome = services.add_policy_document(
                vendor=vendor, data=data, filename=path.name, source=PolicyVersion.Source.FILE
            )
            self.stdout.write(f"  loaded {path.name} as {vendor.name} (analysis queued: run {outcome.run.pk})")
