"""Tracking by URL on the real stack: the beat task's messages go through the broker to a real
worker process, which fetches from a local server, stores versions, analyses them and alerts."""
from datetime import timedelta

import pytest
from django.utils import timezone

from policies import tasks, version_services
from policies.models import AnalysisRun, Notification, PolicyURL, PolicyVersion
from tests.factories import UserFactory, VendorFactory
from tests.integration.test_tracking import SAMPLE, as_page, server  # noqa: F401 — the local server fixture
from tests.workers import WorkerProcess, purge_queues, wait_for

pytestmark = pytest.mark.integration


@pytest.fixture
def tracking_worker(transactional_db, tmp_path):
    purge_queues()
    emails = tmp_path / "emails"
    emails.mkdir()
    worker = WorkerProcess(
        tmp_path / "worker.log",
        extra_env={"POLICYLENS_TEST_FETCH_ALLOWED_HOSTS": "127.0.0.1", "POLICYLENS_TEST_EMAIL_DIR": str(emails)},
    ).start()
    yield worker, emails
    worker.stop()


def analysed_versions() -> int:
    return AnalysisRun.objects.filter(status=AnalysisRun.Status.SUCCEEDED).count()


def test_worker_fetches_twice_and_a_change_gives_two_versions_one_alert(tracking_worker, server):  # noqa: F811
    worker, emails = tracking_worker
    vendor = VendorFactory(name="Planet Bofa")
    version_services.watch(UserFactory(email="dpo@school.example"), vendor)
    tracked = version_services.add_policy_url(vendor=vendor, url=server.url("/privacy"))
    server.set("/privacy", as_page(SAMPLE), content_type="text/html; charset=utf-8")

    assert tasks.fetch_due_policy_urls() == [tracked.pk]  # beat's task: enqueues the fetch
    wait_for(lambda: analysed_versions() == 1, what="the first version to be fetched and analysed")

    server.set("/privacy", as_page(SAMPLE.replace("12 years", "as long as necessary", 1)))
    PolicyURL.objects.filter(pk=tracked.pk).update(next_check_at=timezone.now() - timedelta(seconds=1))
    assert tasks.fetch_due_policy_urls() == [tracked.pk]
    wait_for(lambda: analysed_versions() == 2, what="the changed page to become a second analysed version")
    wait_for(lambda: Notification.objects.exists(), what="the watcher's notification")
    wait_for(lambda: list(emails.iterdir()), what="the alert email")

    assert PolicyVersion.objects.filter(vendor=vendor).count() == 2
    assert Notification.objects.count() == 1
    (email_file,) = emails.iterdir()
    message = email_file.read_text()
    assert "dpo@school.example" in message and "Retention:" in message
