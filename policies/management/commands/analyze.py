"""`manage.py analyze PATH... --json`: the analysis contract, with no server, database or worker."""
import json
import sys
from pathlib import Path

from django.core.management.base import BaseCommand

from policies.pipeline import analyse_document


class Command(BaseCommand):
    help = "Analyse policy documents and print one JSON object per input (JSON Lines)."
    requires_system_checks = []  # pure analysis: must work without a configured database

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", metavar="PATH")
        parser.add_argument("--json", action="store_true", help="print JSON Lines (the only output format)")
        parser.add_argument("--include-text", action="store_true", help='add the analysed text as "text"')

    def handle(self, *args, paths, include_text, **options):
        failed = False
        for path in paths:
            result = analyse_document(Path(path), include_text=include_text)
            failed |= "error" in result
            sys.stdout.write(json.dumps(result, ensure_ascii=False) + "\n")
            sys.stdout.flush()
        if failed:
            sys.exit(1)
