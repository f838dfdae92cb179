"""Seed the bench database: 1,000 vendors x 3 policy versions, each with a scored analysis.

    .venv/bin/python bench/seed_large.py [--vendors 1000] [--versions 3] [--reset]

Uses bench/settings.py (DATABASE_URL, default SQLite at var/bench/bench.sqlite3). Rows are made
with bulk_create from a dozen realistic profiles (summary + findings, scored once each by the real
rubric), varied per vendor, so seeding takes seconds, not minutes.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import transaction  # noqa: E402
from django.utils import timezone  # noqa: E402

from comparisons.scoring import score  # noqa: E402
from policies.analysis.types import Finding as AnalysedFinding  # noqa: E402
from policies.models import AnalysisRun, Finding, PolicyVersion, Score, Vendor  # noqa: E402
from policies.services import finding_rows, score_rows  # noqa: E402

ADJECTIVES = [
    "Bright",
    "Clever",
    "Happy",
    "Quick",
    "Smart",
    "Sunny",
    "Blue",
    "Green",
    "Little",
    "Big",
    "Open",
    "Clear",
    "Kind",
    "Bold",
    "Wise",
    "Swift",
    "Calm",
    "Brave",
    "Keen",
    "Merry",
]
NOUNS = [
    "Owl",
    "Fox",
    "Maths",
    "Reader",
    "Phonics",
    "Tutor",
    "Class",
    "Lab",
    "Quiz",
    "Spark",
    "Path",
    "Board",
    "Books",
    "Notes",
    "Coders",
    "Scholars",
    "Pupils",
    "Learners",
    "Minds",
    "Steps",
]
SUFFIXES = [
    "Learning",
    "Education",
    "Labs",
    "Software",
    "Apps",
    "Online",
    "Systems",
    "Academy",
    "Digital",
    "Schools",
]
RECIPIENTS = [
    ("Amazon Web Services", "hosting", "Ireland"),
    ("Google", "email", "USA"),
    ("Microsoft Azure", "hosting", "UK"),
    ("Stripe", "payments", "USA"),
    ("Zendesk", "support", "USA"),
    ("Mailchimp", "newsletters", "USA"),
    ("Cloudflare", "security", "USA"),
    ("Sentry", "error reports", "USA"),
    ("Intercom", "chat", "Ireland"),
    ("HubSpot", "marketing", "USA"),
    ("Twilio", "SMS", "USA"),
    ("Wonde", "school data sync", "UK"),
    ("Groupcall", "MIS integration", "UK"),
    ("Mixpanel", "analytics", "USA"),
    ("AdNet Ltd", "advertising", "USA"),
]
SENTENCE = "This section explains how we look after information about pupils and staff in line with UK GDPR. "


def profile(rng: random.Random) -> tuple[dict, list[tuple]]:
    """A plausible summary and the findings behind it."""
    findings: list[tuple] = []
    years = rng.choice([1, 2, 3, 6, 7, 12])
    indefinite = rng.random() < 0.1
    periods = sorted({30, 365 * years} if rng.random() < 0.6 else {365 * years})
    for d in periods:
        unit, amount = ("day", d) if d < 365 else ("year", d // 365)
        findings.append(
            (
                "retention",
                "period",
                {
                    "amount": amount,
                    "unit": unit,
                    "days": d,
                    "data": rng.choice(["pupil records", "logs", "account data", "invoices"]),
                    "trigger": "after the contract ends",
                },
                f"We keep {rng.choice(['pupil records', 'account data'])} for {amount} {unit}s "
                "after the contract ends.",
            )
        )
    if indefinite:
        findings.append(("retention", "indefinite", {}, "We may keep some information indefinitely."))
    deletion = rng.random() < 0.7
    if deletion:
        findings.append(("retention", "deletion", {}, "Schools may ask us to delete pupil data at any time."))
    stance = rng.choice(["directed", "directed_with_consent", "not_directed", None])
    if stance:
        findings.append(("children", "audience", {}, "Our service is used by pupils in schools."))
    recipients = rng.sample(RECIPIENTS, rng.randint(1, 8))
    for name, purpose, location in recipients:
        findings.append(
            (
                "third_party_sharing",
                "named_recipient",
                {"name": name, "purpose": purpose, "location": location},
                f"We share data with {name} for {purpose}; they process it in {location}.",
            )
        )
    sells = rng.choices(["no", "yes", "not_stated"], [6, 1, 3])[0]
    if sells != "not_stated":
        findings.append(
            (
                "data_sale",
                "sells" if sells == "yes" else "does_not_sell",
                {},
                "We may sell data to partners." if sells == "yes" else "We never sell personal data.",
            )
        )
    ads = rng.choices(["no", "yes", "not_stated"], [5, 1, 4])[0]
    if ads != "not_stated":
        findings.append(
            (
                "advertising",
                "third_party_ads" if ads == "yes" else "no_third_party_ads",
                {},
                "Third parties may show adverts." if ads == "yes" else "We do not show third-party adverts.",
            )
        )
    transfers = rng.choice(["none", "yes", "with_safeguards", None])
    safeguards = (
        rng.choice([["idta"], ["scc"], ["uk_addendum", "scc"]]) if transfers == "with_safeguards" else []
    )
    if transfers:
        findings.append(
            (
                "international_transfers",
                "transfer" if transfers != "none" else "no_transfer",
                {},
                "Some data is processed outside the UK."
                if transfers != "none"
                else "All data stays in the UK.",
            )
        )
    for i in range(rng.randint(10, 40)):
        findings.append(
            ("security", "measure", {"measure": "encryption"}, f"We protect data with encryption ({i}).")
        )
    summary = {
        "retention": {
            "periods_days": periods,
            "max_days": max(periods),
            "indefinite": indefinite,
            "deletion_on_request": deletion,
            "vague_statement": False,
            "event_bound": False,
        },
        "children": {
            "stance": stance,
            "parental_consent": "yes" if stance == "directed_with_consent" else None,
            "data_processed": ["name", "year group"] if stance else [],
        },
        "third_parties": {
            "named": [r[0] for r in recipients],
            "recipients": [{"name": n, "purpose": p, "location": loc} for n, p, loc in recipients],
            "categories": ["hosting providers", "payment processors"][: rng.randint(0, 2)],
            "sells_data": sells,
            "third_party_ads": ads,
            "tracking": rng.choice(["yes", "no", "not_stated"]),
        },
        "international_transfers": transfers,
        "transfer_safeguards": safeguards,
        "user_rights": rng.sample(
            ["access", "rectification", "erasure", "restriction", "portability", "objection", "complaint"],
            rng.randint(0, 7),
        ),
        "security": ["encryption", "access_controls"] + (["cyber_essentials"] if rng.random() < 0.4 else []),
        "contact": {"dpo": rng.random() < 0.6, "email": "dpo@example.com"},
    }
    if transfers is None:
        del summary["international_transfers"]
    return summary, findings


def text_for(findings) -> tuple[str, list[tuple[int, int]]]:
    text, spans = "", []
    for i, f in enumerate(findings):
        text += SENTENCE * (2 + i % 3)
        start = len(text)
        text += f[3] + "\n"
        spans.append((start, start + len(f[3])))
    return text + SENTENCE * 20, spans


def seed(n_vendors: int, n_versions: int, reset: bool) -> None:
    call_command("migrate", verbosity=0, run_syncdb=True)
    if reset:
        Vendor.objects.all().delete()
    if Vendor.objects.exists():
        print(f"bench database already seeded ({Vendor.objects.count()} vendors); --reset to reseed")
        return
    started = time.perf_counter()
    rng = random.Random(4)  # noqa: S311 — benchmark data
    profiles = []
    for _ in range(24):
        summary, findings = profile(rng)
        text, spans = text_for(findings)
        scorecard = score(summary, [{"topic": t, "kind": k, "value": v} for t, k, v, _ in findings])
        profiles.append((summary, findings, text, spans, scorecard))
    names = [f"{a} {n} {s}" for s in SUFFIXES for a in ADJECTIVES for n in NOUNS]
    rng.shuffle(names)
    now = timezone.now()
    with transaction.atomic():
        vendors = Vendor.objects.bulk_create(
            Vendor(name=name, slug=name.lower().replace(" ", "-")) for name in names[:n_vendors]
        )
        versions = []
        for vi, vendor in enumerate(vendors):
            for k in range(n_versions):
                p = profiles[(vi * 7 + k) % len(profiles)]
                digest = hashlib.sha256(f"{vendor.slug}-{k}".encode()).hexdigest()
                versions.append(
                    PolicyVersion(
                        vendor=vendor,
                        source="text",
                        document=f"policies/bench-{digest[:16]}.txt",
                        original_filename=f"{vendor.slug}-v{k + 1}.txt",
                        document_format="text",
                        size_bytes=len(p[2]),
                        content_sha256=digest,
                        extracted_text=p[2],
                        stated_last_updated=f"20{22 + k}-{(vi % 12) + 1:02d}",
                        is_current=k == n_versions - 1,
                    )
                )
        versions = PolicyVersion.objects.bulk_create(versions, batch_size=500)
        PolicyVersion.objects.filter(pk__in=[v.pk for v in versions]).update(uploaded_at=now)
        runs = []
        for i, version in enumerate(versions):
            p = profiles[(i // n_versions * 7 + i % n_versions) % len(profiles)]
            runs.append(
                AnalysisRun(
                    version=version,
                    status="succeeded",
                    progress=100,
                    analyser_version="bench",
                    rubric_version=p[4].rubric_version,
                    summary=p[0],
                    started_at=now,
                    finished_at=now,
                )
            )
        runs = AnalysisRun.objects.bulk_create(runs, batch_size=500)
        findings, scores = [], []
        for i, run in enumerate(runs):
            summary, rows, _text, spans, scorecard = profiles[
                (i // n_versions * 7 + i % n_versions) % len(profiles)
            ]
            findings.extend(
                finding_rows(
                    run,
                    [
                        AnalysedFinding(t, k, v, s, e, q, rule=f"{t}.{k}", confidence=0.85)
                        for (t, k, v, q), (s, e) in zip(rows, spans, strict=True)
                    ],
                )
            )
            scores.extend(score_rows(run, scorecard))
            if len(findings) > 20000:
                Finding.objects.bulk_create(findings, batch_size=2000)
                findings = []
        Finding.objects.bulk_create(findings, batch_size=2000)
        Score.objects.bulk_create(scores, batch_size=2000)
        # A few columns in odd states, as in real life.
        for state, vendor in (("failed", vendors[1]), ("running", vendors[2])):
            version = PolicyVersion.objects.get(vendor=vendor, is_current=True)
            AnalysisRun.objects.filter(version=version).update(status=state)
    print(
        f"seeded {n_vendors} vendors, {len(versions)} versions, {len(runs)} runs, "
        f"{Finding.objects.count()} findings, {Score.objects.count()} scores in {time.perf_counter() - started:.1f}s"
    )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--vendors", type=int, default=1000)
    parser.add_argument("--versions", type=int, default=3)
    parser.add_argument("--reset", action="store_true")
    args = parser.parse_args()
    seed(args.vendors, args.versions, args.reset)


if __name__ == "__main__":
    main()
