"""Services on the real database: the job runs in-process here; tests/integration runs it in a worker."""
from datetime import timedelta

import pytest
from django.conf import settings
from django.utils import timezone

from policies import services
from policies.models import AnalysisRun, PolicyVersion
from tests.documents import build_png
from tests.factories import AnalysisRunFactory, VendorFactory

pytestmark = pytest.mark.django_db
SAMPLE = settings.BASE_DIR / "demo_data" / "policies" / "000_998f98c847ec5793.txt"


def add(vendor, data: bytes, filename="policy.txt"):
    return services.add_policy_document(vendor=vendor, data=data, filename=filename, source="file")


def test_execute_run_stores_findings_scores_and_text():
    outcome = add(VendorFactory(), SAMPLE.read_bytes())
    services.execute_run(outcome.run.pk)
    run = AnalysisRun.objects.get(pk=outcome.run.pk)
    assert run.status == AnalysisRun.Status.SUCCEEDED and run.progress == 100
    version = PolicyVersion.objects.get(pk=outcome.version.pk)
    assert version.extracted_text == SAMPLE.read_bytes().decode()
    assert version.stated_last_updated == "2024-02-05"
    assert run.findings.count() > 5 and run.scores.filter(dimension="overall").exists()
    assert run.summary["retention"]["periods_days"]


def test_execute_run_twice_keeps_one_set_of_results():
    outcome = add(VendorFactory(), SAMPLE.read_bytes())
    services.execute_run(outcome.run.pk)
    first = list(outcome.run.findings.values_list("pk", flat=True))
    services.execute_run(outcome.run.pk)
    assert list(outcome.run.findings.values_list("pk", flat=True)) == first


def test_a_rerun_after_a_crash_replaces_partial_state():
    outcome = add(VendorFactory(), SAMPLE.read_bytes())
    AnalysisRun.objects.filter(pk=outcome.run.pk).update(status=AnalysisRun.Status.RUNNING, attempts=1)
    services.execute_run(outcome.run.pk)
    run = AnalysisRun.objects.get(pk=outcome.run.pk)
    assert run.status == AnalysisRun.Status.SUCCEEDED and run.attempts == 2


def test_too_little_text_fails_with_a_reason_not_an_empty_analysis():
    outcome = add(VendorFactory(), b"Privacy policy.\n")
    services.execute_run(outcome.run.pk)
    run = AnalysisRun.objects.get(pk=outcome.run.pk)
    assert run.status == AnalysisRun.Status.FAILED
    assert run.failure_reason and not run.findings.exists() and not run.scores.exists()


def test_missing_stored_file_fails_with_a_reason():
    outcome = add(VendorFactory(), SAMPLE.read_bytes())
    outcome.version.document.delete(save=False)
    services.execute_run(outcome.run.pk)
    assert "missing" in AnalysisRun.objects.get(pk=outcome.run.pk).failure_reason


def test_unknown_run_id_is_ignored():
    services.execute_run(987654321)


def test_upload_rejects_content_that_is_not_a_document():
    with pytest.raises(services.UploadRejected, match="PNG"):
        add(VendorFactory(), build_png(), "policy.pdf")


def test_format_is_decided_by_content_not_extension():
    outcome = add(VendorFactory(), SAMPLE.read_bytes(), "policy.pdf")
    assert outcome.version.document_format == "text"


def test_retry_only_for_failed_runs():
    with pytest.raises(ValueError, match="failed"):
        services.retry_run(AnalysisRunFactory(status=AnalysisRun.Status.SUCCEEDED))


def test_sweep_picks_stale_queued_and_stuck_running_runs_only(settings):
    settings.POLICYLENS_STALE_QUEUED_SECONDS = 60
    settings.POLICYLENS_STALE_RUNNING_SECONDS = 600
    long_ago = timezone.now() - timedelta(hours=1)
    never_sent = AnalysisRunFactory(status=AnalysisRun.Status.QUEUED)
    sent_long_ago = AnalysisRunFactory(status=AnalysisRun.Status.QUEUED)
    fresh = AnalysisRunFactory(status=AnalysisRun.Status.QUEUED)
    stuck = AnalysisRunFactory(status=AnalysisRun.Status.RUNNING, started_at=long_ago)
    busy = AnalysisRunFactory(status=AnalysisRun.Status.RUNNING, started_at=timezone.now())
    done = AnalysisRunFactory(status=AnalysisRun.Status.SUCCEEDED)
    AnalysisRun.objects.filter(pk__in=[never_sent.pk, sent_long_ago.pk, stuck.pk, done.pk]).update(created_at=long_ago)
    AnalysisRun.objects.filter(pk=sent_long_ago.pk).update(enqueued_at=long_ago)
    AnalysisRun.objects.filter(pk=fresh.pk).update(enqueued_at=timezone.now())
    requeued = services.requeue_stale_runs()
    assert sorted(requeued) == sorted([never_sent.pk, sent_long_ago.pk, stuck.pk])
    assert busy.pk not in requeued and done.pk not in requeued


def test_vendor_names_are_unique_ignoring_case_and_spaces():
    first = services.get_or_create_vendor("Planet  Bofa")
    assert services.get_or_create_vendor("planet bofa") == first
    assert first.name == "Planet Bofa" and first.slug == "planet-bofa"


def test_vendor_slugs_stay_unique():
    services.get_or_create_vendor("Acme!")
    assert services.get_or_create_vendor("Acme?").slug == "acme-2"
