"""Shared factory_boy factories and a builder for a vendor with a finished, scored analysis.

Import as ``from tests.factories import ...`` (the project root is on sys.path under pytest).
Every user's password is PASSWORD.
"""

from __future__ import annotations

import hashlib

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.utils import timezone
from django.utils.text import slugify

from policies.models import AnalysisRun, Finding, PolicyVersion, Score, Vendor
from policies.roles import POLICY_ADMINS, REVIEWERS, VIEWERS

PASSWORD = "correct-horse-battery"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def _save(obj, create, extracted, **kwargs):
        if create:
            obj.save()


class PolicyAdminFactory(UserFactory):
    username = factory.Sequence(lambda n: f"policyadmin{n}")

    @factory.post_generation
    def groups(obj, create, extracted, **kwargs):
        if create:
            group, _ = Group.objects.get_or_create(name=POLICY_ADMINS)
            obj.groups.add(group)


class VendorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Vendor

    name = factory.Sequence(lambda n: f"Vendor {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.name))


class PolicyVersionFactory(factory.django.DjangoModelFactory):
    """``text`` is the document's content; it is also stored as the extracted text."""

    class Meta:
        model = PolicyVersion
        exclude = ("text",)

    text = "A privacy policy.\n"
    vendor = factory.SubFactory(VendorFactory)
    source = PolicyVersion.Source.TEXT
    document = factory.LazyAttribute(lambda o: ContentFile(o.text.encode("utf-8"), name="policy.txt"))
    original_filename = "policy.txt"
    document_format = PolicyVersion.Format.TEXT
    size_bytes = factory.LazyAttribute(lambda o: len(o.text.encode("utf-8")))
    content_sha256 = factory.Sequence(lambda n: hashlib.sha256(f"doc-{n}".encode()).hexdigest())
    extracted_text = factory.LazyAttribute(lambda o: o.text)
    is_current = True


class AnalysisRunFactory(factory.django.DjangoModelFactory):
    """A succeeded run unless ``status`` says otherwise."""

    class Meta:
        model = AnalysisRun

    version = factory.SubFactory(PolicyVersionFactory)
    status = AnalysisRun.Status.SUCCEEDED
    progress = factory.LazyAttribute(lambda o: 100 if o.status == AnalysisRun.Status.SUCCEEDED else 0)
    summary = factory.LazyFunction(dict)
    started_at = factory.LazyAttribute(
        lambda o: None if o.status == AnalysisRun.Status.QUEUED else timezone.now()
    )
    finished_at = factory.LazyAttribute(
        lambda o: (
            timezone.now() if o.status in (AnalysisRun.Status.SUCCEEDED, AnalysisRun.Status.FAILED) else None
        )
    )


class FindingFactory(factory.django.DjangoModelFactory):
    """The quote is cut from the run's extracted text at ``start``/``end``."""

    class Meta:
        model = Finding

    run = factory.SubFactory(AnalysisRunFactory)
    topic = "retention"
    kind = "period"
    value = factory.LazyFunction(dict)
    start = 0
    end = factory.LazyAttribute(lambda o: max(1, len(o.run.version.extracted_text.rstrip()) or 1))
    quote = factory.LazyAttribute(lambda o: o.run.version.extracted_text[o.start : o.end] or "quote")
    rule = "test.rule"
    confidence = 0.9
    position = factory.Sequence(lambda n: n)


class ScoreFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Score

    run = factory.SubFactory(AnalysisRunFactory)
    dimension = "overall"
    points = 50
    grade = "C"
    rubric_version = "test"
    details = factory.LazyFunction(dict)


# --------------------------------------------------------------------------- realistic data

GOOD_SUMMARY = {
    "retention": {
        "periods_days": [365],
        "max_days": 365,
        "indefinite": False,
        "deletion_on_request": True,
        "vague_statement": False,
        "event_bound": False,
    },
    "children": {
        "stance": "directed_with_consent",
        "parental_consent": "yes",
        "school_consent": "yes",
        "min_age": None,
        "data_processed": ["name", "year group"],
        "legal_basis": ["public task"],
    },
    "third_parties": {
        "named": ["Amazon Web Services", "Google"],
        "recipients": [
            {"name": "Amazon Web Services", "purpose": "hosting", "location": "UK"},
            {"name": "Google", "purpose": "email", "location": "Ireland"},
        ],
        "categories": ["hosting providers"],
        "sells_data": "no",
        "third_party_ads": "no",
        "tracking": "no",
    },
    "international_transfers": "none",
    "transfer_safeguards": [],
    "role": "processor",
    "user_rights": [
        "access",
        "rectification",
        "erasure",
        "restriction",
        "portability",
        "objection",
        "complaint",
    ],
    "security": ["encryption", "access_controls", "cyber_essentials", "breach_notification"],
    "policy_changes": {"notice": "yes"},
    "contact": {"dpo": True, "email": "dpo@example.com"},
}

BAD_SUMMARY = {
    "retention": {
        "periods_days": [],
        "max_days": None,
        "indefinite": True,
        "deletion_on_request": False,
        "vague_statement": True,
        "event_bound": False,
    },
    "children": {"stance": "directed", "data_processed": ["name"]},
    "third_parties": {
        "named": ["Google", "AdCo Ltd"],
        "recipients": [
            {"name": "Google LLC", "purpose": "analytics", "location": "USA"},
            {"name": "AdCo Ltd", "purpose": "advertising", "location": "USA"},
        ],
        "categories": ["advertisers", "analytics providers"],
        "sells_data": "yes",
        "third_party_ads": "yes",
        "tracking": "yes",
    },
    "international_transfers": "yes",
    "transfer_safeguards": [],
    "user_rights": ["access"],
}

MIDDLING_SUMMARY = {
    "retention": {
        "periods_days": [30, 2555],
        "max_days": 2555,
        "indefinite": False,
        "deletion_on_request": True,
    },
    "children": {"stance": "not_directed", "min_age": 13},
    "third_parties": {
        "named": ["Amazon Web Services"],
        "recipients": [{"name": "Amazon Web Services Inc", "purpose": "hosting", "location": "USA"}],
        "categories": ["hosting providers"],
        "sells_data": "no",
        "third_party_ads": "not_stated",
    },
    "international_transfers": "with_safeguards",
    "transfer_safeguards": ["idta"],
    "user_rights": ["access", "erasure", "complaint"],
    "security": ["encryption"],
}

FINDINGS_FOR = {
    "good": [
        (
            "retention",
            "period",
            {
                "amount": 1,
                "unit": "year",
                "days": 365,
                "data": "pupil records",
                "trigger": "after the contract ends",
            },
            "We keep pupil records for one year after the contract ends.",
        ),
        ("retention", "deletion", {}, "Schools can ask us to delete pupils' data at any time."),
        ("children", "audience", {}, "Our service is used by pupils with their school's consent."),
        (
            "third_party_sharing",
            "named_recipient",
            {"name": "Amazon Web Services"},
            "We host data with Amazon Web Services in London.",
        ),
        ("third_party_sharing", "named_recipient", {"name": "Google"}, "Google provides our email service."),
        ("data_sale", "does_not_sell", {}, "We never sell personal data."),
        ("advertising", "no_third_party_ads", {}, "We do not show third-party adverts."),
        ("international_transfers", "no_transfer", {}, "All data stays in the UK."),
    ],
    "bad": [
        ("retention", "indefinite", {}, "We may keep your information indefinitely."),
        ("retention", "vague", {}, "We keep data for as long as necessary."),
        ("children", "audience", {}, "Our games are made for children."),
        (
            "third_party_sharing",
            "named_recipient",
            {"name": "Google LLC"},
            "We use Google LLC for analytics.",
        ),
        (
            "third_party_sharing",
            "named_recipient",
            {"name": "AdCo Ltd"},
            "AdCo Ltd shows adverts in our apps.",
        ),
        ("data_sale", "sells", {}, "We may sell your data to partners."),
        ("advertising", "third_party_ads", {}, "Third parties show adverts on our service."),
        ("international_transfers", "transfer", {}, "Data is transferred to the United States."),
    ],
    "middling": [
        (
            "retention",
            "period",
            {"amount": 30, "unit": "day", "days": 30, "data": "logs", "trigger": ""},
            "Server logs are kept for 30 days.",
        ),
        (
            "retention",
            "period",
            {"amount": 7, "unit": "year", "days": 2555, "data": "invoices", "trigger": ""},
            "Invoices are kept for 7 years.",
        ),
        ("children", "age_limit", {}, "You must be 13 or over to use the service."),
        (
            "third_party_sharing",
            "named_recipient",
            {"name": "Amazon Web Services Inc"},
            "Our host is Amazon Web Services Inc in the US.",
        ),
        ("data_sale", "does_not_sell", {}, "We do not sell data."),
        ("international_transfers", "safeguard", {}, "Transfers use the UK IDTA."),
    ],
}
SUMMARIES = {"good": GOOD_SUMMARY, "bad": BAD_SUMMARY, "middling": MIDDLING_SUMMARY}


def analysed_vendor(
    name: str, profile: str = "good", *, extra_findings: int = 0, status=None, **vendor_kwargs
):
    """A vendor whose current version has one finished run with findings and real scores.

    ``status`` other than succeeded leaves the run without findings or scores (queued, running, failed).
    """
    from comparisons.scoring import score
    from policies.analysis.types import Finding as AnalysedFinding
    from policies.services import finding_rows, score_rows

    vendor = VendorFactory(name=name, **vendor_kwargs)
    rows = list(FINDINGS_FOR[profile])
    rows += [
        ("security", "measure", {"measure": "encryption"}, f"We encrypt data at rest, point {i}.")
        for i in range(extra_findings)
    ]
    text, spans = "", []
    for _topic, _kind, _value, quote in rows:
        start = len(text)
        text += quote + "\n"
        spans.append((start, start + len(quote)))
    version = PolicyVersionFactory(vendor=vendor, text=text, stated_last_updated="2025-09-01")
    if status and status != AnalysisRun.Status.SUCCEEDED:
        run = AnalysisRunFactory(
            version=version,
            status=status,
            progress=40 if status == "running" else 0,
            finished_at=None,
            failure_reason="The document could not be read." if status == "failed" else "",
        )
        return vendor, run
    summary = SUMMARIES[profile]
    run = AnalysisRunFactory(version=version, summary=summary, machine_summary=summary)
    findings = Finding.objects.bulk_create(
        finding_rows(
            run,
            [
                AnalysedFinding(t, k, v, s, e, q, rule=f"{t}.{k}", confidence=0.9)
                for (t, k, v, q), (s, e) in zip(rows, spans, strict=True)
            ],
        )
    )
    scorecard = score(summary, findings)
    Score.objects.bulk_create(score_rows(run, scorecard))
    AnalysisRun.objects.filter(pk=run.pk).update(rubric_version=scorecard.rubric_version)
    run.rubric_version = scorecard.rubric_version
    return vendor, run


class ReviewerFactory(UserFactory):
    username = factory.Sequence(lambda n: f"reviewer{n}")

    @factory.post_generation
    def groups(obj, create, extracted, **kwargs):
        if create:
            obj.groups.add(Group.objects.get_or_create(name=REVIEWERS)[0])


class ViewerFactory(UserFactory):
    username = factory.Sequence(lambda n: f"viewer{n}")

    @factory.post_generation
    def groups(obj, create, extracted, **kwargs):
        if create:
            obj.groups.add(Group.objects.get_or_create(name=VIEWERS)[0])
