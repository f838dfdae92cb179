"""Tracking by URL end to end: beat task → fetch from a local server → version → analysis → alert.

Celery runs eagerly in this process (the fetch, the analysis it enqueues and the alert that follows
the analysis), on a real database transaction per step, so on_commit hooks fire as in production.
Fetches only reach the local server, let through by POLICYLENS_FETCH_ALLOWED_TEST_HOSTS.
"""
from __future__ import annotations

import html
import threading
from datetime import timedelta

import pytest
from django.conf import settings
from django.core import mail
from django.utils import timezone

from config.celery_app import app
from policies import tasks, version_services
from policies.models import AnalysisRun, Notification, PolicyURL, PolicyVersion
from tests.documents import build_pdf, flate_zeros
from tests.factories import UserFactory, VendorFactory
from tests.policies.fetching.conftest import PolicyServer

SAMPLE = (settings.BASE_DIR / "demo_data" / "policies" / "004_8f559f88252fcfef.txt").read_text()


def as_page(text: str, *, updated: str = "1 March 2025", extra_space: bool = False) -> str:
    """The sample as a vendor's web page: navigation, cookie banner and footer around the policy."""
    sep = "\n\n   " if extra_space else "\n"
    paragraphs = "".join(f"<p>{html.escape(p)}</p>{sep}" for p in text.split("\n\n") if p.strip())
    return (
        "<!doctype html><html><head><title>Privacy policy</title></head><body>"
        "<nav><a href='/'>Home</a> <a href='/pricing'>Pricing</a></nav>"
        "<div class='cookie-banner'>We use cookies. Accept all cookies</div>"
        f"<main><article><h1>Privacy Policy</h1><p>Last updated: {updated}</p>{paragraphs}</article></main>"
        "<footer>© 2025 Planet Bofa Ltd · Terms · Accessibility</footer></body></html>"
    )


@pytest.fixture
def server():
    srv = PolicyServer()
    thread = threading.Thread(target=srv.serve_forever, daemon=True)
    thread.start()
    yield srv
    srv.shutdown()
    srv.server_close()


@pytest.fixture
def tracking_settings(settings):
    settings.POLICYLENS_FETCH_ALLOWED_TEST_HOSTS = ["127.0.0.1"]
    settings.POLICYLENS_FETCH_READ_TIMEOUT = 1.0
    settings.POLICYLENS_FETCH_TOTAL_TIMEOUT = 5.0
    settings.POLICYLENS_SITE_URL = "https://policylens.test"
    return settings


@pytest.fixture
def eager_celery():
    saved = {key: app.conf.get(key) for key in ("task_always_eager", "task_eager_propagates")}
    app.conf.update(task_always_eager=True, task_eager_propagates=True)
    yield
    app.conf.update(saved)


def make_due(tracked: PolicyURL) -> None:
    PolicyURL.objects.filter(pk=tracked.pk).update(next_check_at=timezone.now() - timedelta(seconds=1))


@pytest.mark.integration
def test_beat_fetches_twice_and_a_change_gives_two_versions_one_alert(
    transactional_db, server, tracking_settings, eager_celery, mailoutbox
):
    vendor = VendorFactory(name="Planet Bofa")
    watcher = UserFactory(email="dpo@school.example")
    version_services.watch(watcher, vendor)
    tracked = version_services.add_policy_url(vendor=vendor, url=server.url("/privacy"))
    server.set("/privacy", as_page(SAMPLE), content_type="text/html; charset=utf-8")

    assert tasks.fetch_due_policy_urls() == [tracked.pk]
    first = PolicyVersion.objects.get()
    assert first.source == "url" and first.source_url == server.url("/privacy") and first.is_current
    assert first.runs.get().status == AnalysisRun.Status.SUCCEEDED
    assert tasks.fetch_due_policy_urls() == []  # not due again until its interval has passed

    # Only the date, the whitespace and the page furniture change: no new version, only a check time.
    server.set("/privacy", as_page(SAMPLE, updated="9 June 2026", extra_space=True).replace("© 2025", "© 2026"))
    make_due(tracked)
    before = PolicyURL.objects.get().last_checked_at
    tasks.fetch_due_policy_urls()
    tracked.refresh_from_db()
    assert PolicyVersion.objects.count() == 1
    assert tracked.last_status == PolicyURL.Status.UNCHANGED and tracked.last_checked_at > before
    assert Notification.objects.count() == 0 and len(mail.outbox) == 0

    # The retention period changes.
    server.set("/privacy", as_page(SAMPLE.replace("12 years", "as long as necessary", 1)))
    make_due(tracked)
    tasks.fetch_due_policy_urls()
    assert PolicyVersion.objects.count() == 2
    second = PolicyVersion.objects.get(is_current=True)
    assert second != first and second.runs.get().status == AnalysisRun.Status.SUCCEEDED
    tracked.refresh_from_db()
    assert tracked.last_status == PolicyURL.Status.CHANGED and tracked.last_version == second
    assert tracked.last_error == ""

    notification = Notification.objects.get()
    assert notification.user == watcher and notification.version == second and notification.previous_version == first
    assert len(mail.outbox) == 1
    body = mail.outbox[0].body
    assert "Retention:" in body and "12 years" in body
    assert f"https://policylens.test/policies/vendors/{vendor.slug}/diff/?from={first.pk}&to={second.pk}" in body


@pytest.mark.integration
def test_two_checks_of_the_same_url_at_once_make_one_version(transactional_db, server, tracking_settings,
                                                             monkeypatch):
    monkeypatch.setattr("policies.services.enqueue_run", lambda run_id: False)  # leave no message in the broker
    vendor = VendorFactory()
    tracked = version_services.add_policy_url(vendor=vendor, url=server.url("/privacy"))
    server.set("/privacy", as_page(SAMPLE))
    barrier = threading.Barrier(2)
    outcomes, errors = [], []

    def check():
        from django.db import connection

        try:
            barrier.wait()
            outcomes.append(version_services.check_policy_url(tracked.pk).status)
        except Exception as exc:  # noqa: BLE001 — reported below
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=check) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert not errors
    assert sorted(outcomes) == ["changed", "unchanged"]
    assert PolicyVersion.objects.filter(vendor=vendor).count() == 1


# --- faults: no crash, no empty version, a visible reason, retries only when transient ------------

FAULTS = {
    "404": ({"status": 404, "body": "gone"}, False, "HTTP 404"),
    "500": ({"status": 500, "body": "oops"}, True, "HTTP 500"),
    "timeout": ({"body": "<p>slow</p>", "delay": 2.5}, True, "did not answer in time"),
    "redirect-loop": ({"status": 302, "headers": {"Location": "/privacy"}}, False, "redirected more than 3 times"),
    "200-mb": ({"body": b"x", "headers": {"Content-Length": str(200 * 1024 * 1024)}}, False, "larger than"),
    "empty-page": ({"body": "<html><body><main><p>Coming soon.</p></main></body></html>"}, False, "could not be read"),
    "image": ({"body": b"\x89PNG", "content_type": "image/png"}, False, "not a web page"),
}


@pytest.mark.parametrize("fault", list(FAULTS))
def test_faults_are_recorded_with_a_reason_and_retried_only_when_transient(db, server, tracking_settings, fault):
    route, transient, reason = FAULTS[fault]
    route = dict(route)
    server.set("/privacy", route.pop("body", b""), **route)
    tracked = version_services.add_policy_url(vendor=VendorFactory(), url=server.url("/privacy"))
    if transient:
        with pytest.raises(version_services.TransientFetchFailure):
            version_services.check_policy_url(tracked.pk, final_attempt=False)
        tracked.refresh_from_db()
        assert tracked.last_status == PolicyURL.Status.RETRYING and "try again" in tracked.last_error
    outcome = version_services.check_policy_url(tracked.pk, final_attempt=True)
    tracked.refresh_from_db()
    assert outcome.status == PolicyURL.Status.FAILED
    assert tracked.last_status == PolicyURL.Status.FAILED and reason in tracked.last_error, tracked.last_error
    assert tracked.last_checked_at and tracked.next_check_at > timezone.now()
    assert not PolicyVersion.objects.exists()


def test_a_pdf_bomb_makes_no_version_and_says_why(db, server, tracking_settings):
    bomb = build_pdf([], raw_streams=[flate_zeros(512 * 1024 * 1024)])
    server.set("/policy.pdf", bomb, content_type="application/pdf")
    tracked = version_services.add_policy_url(vendor=VendorFactory(), url=server.url("/policy.pdf"))
    outcome = version_services.check_policy_url(tracked.pk)
    tracked.refresh_from_db()
    assert outcome.status == "failed" and tracked.last_error.startswith("The page was fetched but could not be read")
    assert not PolicyVersion.objects.exists()


def test_the_task_retries_transient_failures_with_backoff(db, server, tracking_settings, monkeypatch):
    server.set("/privacy", "oops", status=503)
    tracked = version_services.add_policy_url(vendor=VendorFactory(), url=server.url("/privacy"))
    retried = []

    def fake_retry(*args, **kwargs):
        retried.append(kwargs.get("countdown"))
        return RuntimeError("retry")

    monkeypatch.setattr(tasks.fetch_policy_url, "retry", fake_retry)
    with pytest.raises(RuntimeError):
        tasks.fetch_policy_url.run(tracked.pk)
    assert retried == [settings.POLICYLENS_FETCH_RETRY_BASE_SECONDS]
    server.set("/privacy", "gone", status=404)
    assert tasks.fetch_policy_url.run(tracked.pk) == "failed"  # permanent: no retry
    assert len(retried) == 1
