"""comparisons.exports.source: loaded comparison columns -> plain export data (no queries of its own)."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from comparisons import selectors
from comparisons.exports.source import clip, comparison_export, dpia_document, vendor_head
from policies.models import AnalysisRun, Finding
from tests.factories import VendorFactory, analysed_vendor

pytestmark = pytest.mark.django_db


def columns(*slugs):
    comp = selectors.comparison(list(slugs))
    selectors.load_results(comp)
    return comp.columns


def test_vendor_head_counts_reviewed_and_rejected_findings():
    vendor, run = analysed_vendor("Acme Learning", "good")
    ids = list(Finding.objects.filter(run=run).values_list("pk", flat=True))
    Finding.objects.filter(pk__in=ids[:3]).update(review_status="confirm")
    Finding.objects.filter(pk=ids[3]).update(review_status="reject")
    AnalysisRun.objects.filter(pk=run.pk).update(review_state="in_review")
    h = vendor_head(columns("acme-learning")[0])
    assert (h.findings_total, h.findings_reviewed, h.findings_rejected) == (len(ids), 4, 1)
    assert h.provisional and h.review_text.startswith("Provisional: review in progress (4 of")
    assert h.grade == "A" and h.stated_last_updated == "2025-09-01" and h.uploaded


def test_columns_are_read_without_queries():
    analysed_vendor("Acme Learning", "good")
    analysed_vendor("Badco Games", "bad")
    cols = columns("acme-learning", "badco-games")
    with CaptureQueriesContext(connection) as ctx:
        comparison_export(cols, generated_at=timezone.now())
        dpia_document(cols[0], generated_at=timezone.now())
    assert len(ctx) == 0


def test_rejected_findings_are_neither_facts_nor_evidence():
    _, run = analysed_vendor("Badco Games", "bad")
    Finding.objects.filter(run=run, kind="indefinite").update(review_status="reject")
    export = comparison_export(columns("badco-games"), generated_at=timezone.now())
    quotes = {q.text for s in export.sections for r in s.rows for c in r.cells for q in c.all_quotes}
    assert "We may keep your information indefinitely." not in quotes
    assert "We may sell your data to partners." in quotes
    doc = dpia_document(columns("badco-games")[0], generated_at=timezone.now())
    quotes = {q.text for s in doc.sections for f in s.facts for q in f.quotes}
    quotes |= {q.text for g in doc.gaps for q in g.quotes}
    assert "We may keep your information indefinitely." not in quotes


def test_failed_and_missing_policy_columns_are_unavailable():
    analysed_vendor("Acme Learning", "good")
    analysed_vendor("Broken Co", status=AnalysisRun.Status.FAILED)
    VendorFactory(name="Empty Co")
    export = comparison_export(columns("acme-learning", "broken-co", "empty-co"), generated_at=timezone.now())
    assert [v.state for v in export.vendors] == ["ok", "failed", "no_policy"]
    assert [v.grade_text for v in export.vendors][1:] == ["Analysis failed", "No policy uploaded"]
    for section in export.sections:
        for row in section.rows:
            assert [c.available for c in row.cells][1:] == [False, False], row.label
    assert export.title == "Supplier comparison: Acme Learning, Broken Co and Empty Co"


def test_dpia_of_failed_analysis_has_no_sections():
    analysed_vendor("Broken Co", status=AnalysisRun.Status.FAILED)
    doc = dpia_document(columns("broken-co")[0], generated_at=timezone.now())
    assert not doc.vendor.available and doc.sections == [] and doc.gaps == []


def test_clip():
    assert clip("  a \n b  ") == "a b"
    assert clip("x" * 500, 10) == "x" * 9 + "…"
