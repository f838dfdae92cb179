"""History, diff, watch, tracking and notification pages: full pages, htmx partials, permissions."""
import copy

import pytest
from django.core import mail
from django.urls import reverse

from policies import notifications, version_services
from policies.models import Notification, PolicyURL, PolicyVersion, VersionEvent, Watch
from tests.factories import (
    GOOD_SUMMARY,
    AnalysisRunFactory,
    FindingFactory,
    PolicyVersionFactory,
    ScoreFactory,
    UserFactory,
    analysed_vendor,
)

pytestmark = pytest.mark.django_db
HTMX = {"HTTP_HX_REQUEST": "true"}
OLD_TEXT = "Retention\n\n4.1 We keep pupil records for 12 years.\n\nSharing\n\nWe use Google for email.\n"
NEW_TEXT = "Retention\n\n5.1 We keep pupil records for as long as necessary.\n\nSharing\n\nWe use Google for email.\n"


def two_versions():
    """A vendor with an analysed older version and an analysed newer (current) one."""
    vendor, old_run = analysed_vendor("Brightwater Learning", "good")
    old = old_run.version
    PolicyVersion.objects.filter(pk=old.pk).update(extracted_text=OLD_TEXT, is_current=False)
    new = PolicyVersionFactory(vendor=vendor, text=NEW_TEXT)
    summary = copy.deepcopy(GOOD_SUMMARY)
    summary["retention"].update(periods_days=[], max_days=None, vague_statement=True)
    summary["third_parties"]["recipients"].append({"name": "Mailchimp", "purpose": "marketing", "location": "USA"})
    run = AnalysisRunFactory(version=new, summary=summary)
    FindingFactory(run=run, topic="retention", kind="vague", start=10, end=60, position=0,
                   quote="We keep pupil records for as long as necessary.")
    ScoreFactory(run=run, dimension="overall", points=40, grade="D")
    old.refresh_from_db()
    return vendor, old, new


def test_history_lists_versions_with_scores_and_links_to_the_diff(viewer_client):
    vendor, old, new = two_versions()
    response = viewer_client.get(reverse("policies:version-history", args=[vendor.slug]))
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count('name="from"') == 2 and "Current" in html
    assert f"?from={old.pk}&amp;to={new.pk}" in html
    assert "Make current" not in html and "Track this address" not in html  # viewers get no admin actions
    assert "New recipient: Mailchimp (marketing, USA)" in html


def test_history_htmx_request_gets_the_partial(viewer_client):
    vendor, _, _ = two_versions()
    response = viewer_client.get(reverse("policies:version-history", args=[vendor.slug]), **HTMX)
    assert response.status_code == 200 and b"<html" not in response.content and b'id="history"' in response.content


def test_diff_shows_text_and_meaning_changes(viewer_client):
    vendor, old, new = two_versions()
    url = reverse("policies:version-diff", args=[vendor.slug]) + f"?from={old.pk}&to={new.pk}"
    html = viewer_client.get(url).content.decode()
    assert "Retention: 1 year → &#x27;as long as necessary&#x27; (vague)" in html
    assert "New recipient: Mailchimp (marketing, USA)" in html
    assert "<del>12 years.</del>" in html and "<ins>as long as necessary.</ins>" in html
    assert "1 changed · 0 added · 0 removed · 0 moved" in html
    assert "Overall score:" in html and "down" in html


def test_diff_defaults_to_previous_against_current_and_swaps_reversed_order(viewer_client):
    vendor, old, new = two_versions()
    base = reverse("policies:version-diff", args=[vendor.slug])
    default = viewer_client.get(base)
    assert default.context["old"] == old and default.context["new"] == new
    reversed_ = viewer_client.get(base + f"?from={new.pk}&to={old.pk}")
    assert reversed_.context["old"] == old and reversed_.context["new"] == new
    partial = viewer_client.get(base, **HTMX)
    assert b"<html" not in partial.content and b'id="diff"' in partial.content


def test_diff_refuses_versions_of_another_vendor(viewer_client):
    vendor, old, _ = two_versions()
    other = PolicyVersionFactory()
    url = reverse("policies:version-diff", args=[vendor.slug]) + f"?from={other.pk}&to={old.pk}"
    assert viewer_client.get(url).status_code == 404
    assert viewer_client.get(reverse("policies:version-diff", args=[vendor.slug]) + "?from=x").status_code == 404


@pytest.mark.parametrize("name", ["version-make-current", "version-withdraw", "version-restore"])
def test_version_actions_are_admin_only(viewer_client, name):
    _, old, _ = two_versions()
    assert viewer_client.post(reverse(f"policies:{name}", args=[old.pk])).status_code == 403


def test_make_an_older_version_current_is_recorded(admin_client_policy, policy_admin):
    vendor, old, new = two_versions()
    response = admin_client_policy.post(reverse("policies:version-make-current", args=[old.pk]))
    assert response.status_code == 302
    old.refresh_from_db()
    new.refresh_from_db()
    assert old.is_current and not new.is_current
    event = VersionEvent.objects.get()
    assert event.kind == "current" and event.actor == policy_admin and event.version == old


def test_withdrawing_the_current_upload_hands_over_to_the_previous_version(admin_client_policy):
    vendor, old, new = two_versions()
    response = admin_client_policy.post(reverse("policies:version-withdraw", args=[new.pk]),
                                        {"reason": "Wrong vendor's policy"}, **HTMX)
    assert response.status_code == 200 and b'id="history"' in response.content
    new.refresh_from_db()
    old.refresh_from_db()
    assert new.withdrawn_at and new.withdrawal_reason == "Wrong vendor's policy" and not new.is_current
    assert old.is_current
    assert set(VersionEvent.objects.values_list("kind", flat=True)) == {"withdrawn", "current"}
    assert b"Withdrawn" in response.content
    # a withdrawn version cannot be made current until restored
    with pytest.raises(version_services.VersionActionRefused):
        version_services.mark_current(new)
    admin_client_policy.post(reverse("policies:version-restore", args=[new.pk]))
    new.refresh_from_db()
    assert new.withdrawn_at is None


def test_watch_and_unwatch_without_and_with_htmx(viewer_client, viewer):
    vendor, _, _ = two_versions()
    url = reverse("policies:vendor-watch", args=[vendor.slug])
    response = viewer_client.post(url, {"action": "watch", "next": "https://evil.example/"})
    assert response.status_code == 302 and response["Location"] == reverse("policies:version-history",
                                                                            args=[vendor.slug])
    assert Watch.objects.filter(user=viewer, vendor=vendor).exists()
    response = viewer_client.post(url, {"action": "unwatch"}, **HTMX)
    assert response.status_code == 200 and b"Watch for changes" in response.content
    assert not Watch.objects.exists()


def test_admin_tracks_a_url_and_bad_urls_are_refused(admin_client_policy, django_capture_on_commit_callbacks):
    vendor, _, _ = two_versions()
    url = reverse("policies:policy-url-add", args=[vendor.slug])
    admin_client_policy.post(url, {"url": "ftp://vendor.example/privacy"})
    assert not PolicyURL.objects.exists()
    with django_capture_on_commit_callbacks() as callbacks:
        admin_client_policy.post(url, {"url": "https://vendor.example/privacy", "interval_hours": "12"})
    tracked = PolicyURL.objects.get()
    assert tracked.check_interval_hours == 12 and tracked.is_active and len(callbacks) == 1
    history = admin_client_policy.get(reverse("policies:version-history", args=[vendor.slug])).content.decode()
    assert "https://vendor.example/privacy" in history and "Not checked yet" in history


def test_tracking_is_admin_only(viewer_client):
    vendor, _, _ = two_versions()
    response = viewer_client.post(reverse("policies:policy-url-add", args=[vendor.slug]), {"url": "https://a.example/"})
    assert response.status_code == 403


def test_failed_check_reason_is_visible_on_the_history(viewer_client):
    vendor, _, _ = two_versions()
    PolicyURL.objects.create(vendor=vendor, url="https://vendor.example/p", last_status="failed",
                             last_error="The site returned HTTP 404 (not found).")
    html = viewer_client.get(reverse("policies:version-history", args=[vendor.slug])).content.decode()
    assert "The site returned HTTP 404 (not found)." in html


def test_notify_watchers_makes_one_notification_and_email_per_watcher(mailoutbox):
    vendor, old, new = two_versions()
    watcher = UserFactory(email="dpo@school.example")
    version_services.watch(watcher, vendor)
    created = notifications.notify_watchers(new.pk)
    assert len(created) == 1
    assert notifications.notify_watchers(new.pk) == []  # a second delivery tells nobody twice
    assert Notification.objects.count() == 1 and len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["dpo@school.example"] and "Brightwater Learning" in message.subject
    assert "New recipient: Mailchimp (marketing, USA)" in message.body
    assert f"/policies/vendors/{vendor.slug}/diff/?from={old.pk}&to={new.pk}" in message.body
    assert notifications.notify_watchers(old.pk) == []  # not current: no news


def test_notifications_page_lists_alerts_and_marks_them_read(viewer_client, viewer):
    vendor, old, new = two_versions()
    version_services.watch(viewer, vendor)
    notifications.notify_watchers(new.pk)
    html = viewer_client.get(reverse("policies:notifications")).content.decode()
    assert "Brightwater Learning: the privacy policy has changed" in html and "1 new" in html
    partial = viewer_client.get(reverse("policies:notifications"), **HTMX)
    assert b"<html" not in partial.content and b'id="notification-list"' in partial.content
    viewer_client.post(reverse("policies:notifications"))
    assert not Notification.objects.filter(read_at__isnull=True).exists()


def test_atom_feed_of_changes_needs_login(client, viewer_client, viewer):
    vendor, old, new = two_versions()
    assert client.get(reverse("policies:changes-feed")).status_code == 302
    response = viewer_client.get(reverse("policies:changes-feed"))
    assert response.status_code == 200 and response["Content-Type"].startswith("application/atom+xml")
    body = response.content.decode()
    assert "Brightwater Learning: changed its privacy policy" in body and "Mailchimp" in body
    assert viewer_client.get(reverse("policies:changes-feed") + "?watched=1").content.decode().count("<entry>") == 0


def test_latest_changes_include_renders_for_the_vendor_page(rf, viewer):
    from django.template import Context, Template

    vendor, _, _ = two_versions()
    request = rf.get("/")
    request.user = viewer
    html = Template("{% load policy_versions %}{% latest_changes vendor %}").render(
        Context({"vendor": vendor, "request": request})
    )
    assert "What changed in the latest version" in html and "New recipient: Mailchimp" in html
    assert "See the full comparison" in html
