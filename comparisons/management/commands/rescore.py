"""Re-score stored analyses under the current rubric, from their stored summary and findings."""

from django.core.management.base import BaseCommand

from comparisons.scoring import RUBRIC_VERSION
from policies.models import AnalysisRun
from policies.services import rescore_runs


class Command(BaseCommand):
    help = (
        "Re-score succeeded analyses whose rubric version is not the current one (nothing is re-extracted). "
        "--all re-scores every succeeded analysis."
    )

    def add_arguments(self, parser):
        parser.add_argument("--all", action="store_true", help="Re-score every analysis, even current ones.")
        parser.add_argument("--vendor", action="append", default=[], metavar="SLUG", help="Only this vendor.")
        parser.add_argument("--dry-run", action="store_true", help="Say how many would be re-scored.")
        parser.add_argument("--batch-size", type=int, default=200)

    def handle(self, *args, **options):
        runs = AnalysisRun.objects.filter(status=AnalysisRun.Status.SUCCEEDED)
        if not options["all"]:
            runs = runs.exclude(rubric_version=RUBRIC_VERSION)
        if options["vendor"]:
            runs = runs.filter(version__vendor__slug__in=options["vendor"])
        total = runs.count()
        if options["dry_run"]:
            self.stdout.write(
                f"{total} analys{'i' if total == 1 else 'e'}s would be re-scored under rubric {RUBRIC_VERSION}."
            )
            return
        done = 0
        ids = list(runs.order_by("pk").values_list("pk", flat=True))
        size = max(1, options["batch_size"])
        for i in range(0, len(ids), size):
            done += rescore_runs(AnalysisRun.objects.filter(pk__in=ids[i : i + size]).order_by("pk"))
        self.stdout.write(
            self.style.SUCCESS(
                f"Re-scored {done} analys{'i' if done == 1 else 'e'}s under rubric {RUBRIC_VERSION}."
            )
        )
