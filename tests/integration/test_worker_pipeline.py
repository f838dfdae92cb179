"""The pipeline on the real stack: a real worker process, the test database and broker."""
import io
import os
import signal
from contextlib import contextmanager

import pytest
from django.conf import settings
from django.urls import reverse

from config.celery_app import app
from policies import services
from policies.models import AnalysisRun, Finding, PolicyVersion, Score
from policies.pipeline import run_pipeline
from tests.factories import PolicyAdminFactory, VendorFactory
from tests.workers import WorkerProcess, wait_for

pytestmark = pytest.mark.integration
SAMPLES = settings.BASE_DIR / "demo_data" / "policies"
SAMPLE = SAMPLES / "004_8f559f88252fcfef.txt"


def finished(run_id: int) -> AnalysisRun | None:
    run = AnalysisRun.objects.get(pk=run_id)
    return run if run.is_finished else None


def assert_one_set_of_results(run: AnalysisRun, text: str) -> None:
    expected = run_pipeline(text.encode(), "policy.txt")
    findings = list(Finding.objects.filter(run=run).order_by("position"))
    assert len(findings) == len(expected.analysis.findings)
    assert [f.position for f in findings] == list(range(len(findings)))
    assert Score.objects.filter(run=run).count() == len(expected.scorecard.dimensions) + 1
    assert Finding.objects.filter(run__version=run.version).count() == len(findings)


def test_upload_through_the_view_is_analysed_by_the_worker(celery_worker_process, client):
    client.force_login(PolicyAdminFactory())
    handle = io.BytesIO(SAMPLE.read_bytes())
    handle.name = SAMPLE.name
    response = client.post(reverse("policies:upload"), {"new_vendor_name": "Planet Bofa", "document": handle})
    assert response.status_code == 302
    version = PolicyVersion.objects.get()
    run = wait_for(lambda: finished(version.runs.get().pk), what="the analysis run to finish")
    assert run.status == AnalysisRun.Status.SUCCEEDED, run.failure_reason
    assert run.findings.count() >= 10
    version.refresh_from_db()
    for finding in run.findings.all():
        assert version.extracted_text[finding.start : finding.end] == finding.quote
    assert run.findings.filter(topic="retention").exists()
    assert run.scores.get(dimension="overall").grade in "ABCDE"
    assert run.analyser_version and run.rubric_version and run.started_at and run.finished_at


def test_the_same_run_delivered_twice_leaves_one_set_of_results(celery_worker_process):
    from policies.tasks import analyse_run

    vendor = VendorFactory()
    outcome = services.add_policy_document(vendor=vendor, data=SAMPLE.read_bytes(), filename="p.txt", source="file")
    analyse_run.delay(outcome.run.pk)  # a duplicate delivery on top of the one the upload sent
    run = wait_for(lambda: finished(outcome.run.pk), what="the run to finish")
    assert run.status == AnalysisRun.Status.SUCCEEDED
    services.execute_run(run.pk)  # and a third, in-process, after it finished
    assert_one_set_of_results(run, SAMPLE.read_bytes().decode())


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"%PDF-1.4\n" + b"garbage that is not a pdf " * 40, "PDF"),
        (b"PK\x03\x04" + b"\x00" * 300, ""),
    ],
    ids=["corrupt-pdf", "corrupt-zip"],
)
def test_unreadable_documents_fail_with_a_reason_and_no_findings(celery_worker_process, data, reason):
    vendor = VendorFactory()
    try:
        outcome = services.add_policy_document(vendor=vendor, data=data, filename="x.bin", source="file")
    except services.UploadRejected as exc:
        assert str(exc)  # refused at upload, with a reason: also acceptable
        return
    run = wait_for(lambda: finished(outcome.run.pk), what="the run to finish")
    assert run.status == AnalysisRun.Status.FAILED
    assert len(run.failure_reason) > 20 and reason in run.failure_reason
    assert not run.findings.exists()


def big_policy() -> str:
    """A long policy (all three samples, repeated) so the analysis takes a few seconds."""
    text = "\n\n".join(p.read_text() for p in sorted(SAMPLES.glob("*.txt")))
    return (text + "\n\n") * 12


def running(run_id: int) -> bool:
    return AnalysisRun.objects.filter(pk=run_id, status=AnalysisRun.Status.RUNNING, progress__gte=30).exists()


def test_pool_process_killed_mid_analysis_is_redelivered_and_completes_once(celery_worker_process):
    text = big_policy()
    vendor = VendorFactory()
    outcome = services.add_policy_document(vendor=vendor, data=text.encode(), filename="p.txt", source="file")
    wait_for(lambda: running(outcome.run.pk), interval=0.02, what="the analysis to start")
    for pid in celery_worker_process.pool_children():
        os.kill(pid, signal.SIGKILL)
    assert not AnalysisRun.objects.get(pk=outcome.run.pk).is_finished  # killed mid-analysis
    run = wait_for(lambda: finished(outcome.run.pk), timeout=180, what="the redelivered run to finish")
    assert run.status == AnalysisRun.Status.SUCCEEDED, run.failure_reason
    assert run.attempts >= 2
    assert_one_set_of_results(run, text)


def test_whole_worker_killed_mid_analysis_is_swept_and_completes_once(celery_worker_process, settings, tmp_path):
    text = big_policy()
    vendor = VendorFactory()
    outcome = services.add_policy_document(vendor=vendor, data=text.encode(), filename="p.txt", source="file")
    wait_for(lambda: running(outcome.run.pk), interval=0.02, what="the analysis to start")
    celery_worker_process.kill()
    assert AnalysisRun.objects.get(pk=outcome.run.pk).status == AnalysisRun.Status.RUNNING
    replacement = WorkerProcess(tmp_path / "worker2.log").start()
    try:
        settings.POLICYLENS_STALE_RUNNING_SECONDS = 0  # in production: the hard time limit plus a margin
        assert outcome.run.pk in services.requeue_stale_runs()
        run = wait_for(lambda: finished(outcome.run.pk), timeout=180, what="the swept run to finish")
    finally:
        replacement.stop()
    assert run.status == AnalysisRun.Status.SUCCEEDED, run.failure_reason
    assert_one_set_of_results(run, text)


@contextmanager
def broker_unreachable():
    """Point this process's Celery app at an address where no broker listens.

    broker_write_url, not broker_url: Celery reads broker_url from $CELERY_BROKER_URL first,
    which CI sets, while publishing uses broker_write_url when it is set.
    """
    conf = app.conf
    saved = (conf.broker_write_url, conf.broker_transport_options)
    conf.broker_write_url, conf.broker_transport_options = "redis://127.0.0.1:9/0", {}
    app._pool = None
    app.amqp._producer_pool = None
    try:
        yield
    finally:
        conf.broker_write_url, conf.broker_transport_options = saved
        app._pool = None
        app.amqp._producer_pool = None


def test_upload_while_the_broker_is_down_is_kept_and_swept_later(celery_worker_process, client, settings):
    client.force_login(PolicyAdminFactory())
    with broker_unreachable():
        response = client.post(
            reverse("policies:upload"),
            {"new_vendor_name": "Planet Bofa", "text": SAMPLE.read_bytes().decode()},
            follow=True,
        )
    assert response.status_code == 200
    assert b"analysis is queued" in response.content
    run = AnalysisRun.objects.get()
    assert run.status == AnalysisRun.Status.QUEUED and run.enqueued_at is None
    settings.POLICYLENS_STALE_QUEUED_SECONDS = 0
    assert services.requeue_stale_runs() == [run.pk]
    run = wait_for(lambda: finished(run.pk), what="the swept run to finish")
    assert run.status == AnalysisRun.Status.SUCCEEDED, run.failure_reason
