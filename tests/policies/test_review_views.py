"""Review pages: each as a full page and as an htmx fragment, and their refusals."""
from __future__ import annotations

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse

from policies.models import AuditEvent, FindingReview
from policies.roles import POLICY_ADMINS
from tests.factories import PolicyAdminFactory, ReviewerFactory, UserFactory, VendorFactory
from tests.policies.test_review_services import analysed, finding

HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def run(db):
    return analysed()


@pytest.fixture
def reviewer_client(db):
    client = Client()
    client.force_login(ReviewerFactory())
    return client


def review_url(run, finding_pk):
    return reverse("policies:finding-review", args=[run.version_id, finding_pk])


def correction(**extra):
    return {"action": "correct", "amount": "12", "unit": "year", "data": "pupil records", "trigger": "", **extra}


# --- the version page shows machine / reviewed plainly ----------------------------------------------------------


def test_version_page_labels_an_unreviewed_grade_provisional_and_findings_machine(run, viewer_client):
    html = viewer_client.get(run.version.get_absolute_url()).content.decode()
    assert "Provisional" in html and "Machine" in html
    assert "Review this finding" not in html  # viewers see no review forms


def test_reviewers_get_a_form_per_finding_with_typed_correction_fields(run, reviewer_client):
    html = reviewer_client.get(run.version.get_absolute_url()).content.decode()
    assert html.count("Review this finding") == run.findings.count()
    assert 'type="number" name="amount" value="12"' in html
    assert "Complete review" in html and "Add a missed finding" in html


# --- deciding: full page and htmx -------------------------------------------------------------------------------


def test_a_correction_without_javascript_redirects_to_the_finding(run, reviewer_client):
    period = finding(run, "retention", "period")
    response = reviewer_client.post(review_url(run, period.pk), correction(note="Per contract"))
    assert response.status_code == 302
    assert response["Location"].endswith(f"#finding-{period.pk}")
    page = reviewer_client.get(response["Location"].split("#")[0]).content.decode()
    assert "Reviewed: corrected" in page and "Machine said: 12 months" in page and "Per contract" in page


def test_a_correction_with_htmx_returns_the_analysis_fragment_with_the_new_grade(run, reviewer_client):
    period = finding(run, "retention", "period")
    response = reviewer_client.post(review_url(run, period.pk), correction(), **HTMX)
    html = response.content.decode()
    assert response.status_code == 200
    assert html.lstrip().startswith('<section id="analysis"') and "<html" not in html
    assert "Reviewed: corrected" in html and "Scores are updated" in html


def test_a_wrong_type_is_refused_with_a_message_and_no_change(run, reviewer_client):
    period = finding(run, "retention", "period")
    response = reviewer_client.post(review_url(run, period.pk), correction(amount="twelve"))
    assert response.status_code == 400
    assert response.content.decode().count("give a whole number") == 1  # said once, beside the form
    htmx = reviewer_client.post(review_url(run, period.pk), correction(amount="twelve"), **HTMX)
    assert htmx.status_code == 422 and "Not saved" in htmx.content.decode()
    period.refresh_from_db()
    assert period.review_status == "" and not FindingReview.objects.exists()


def test_a_forged_finding_id_from_another_vendor_is_refused(run, reviewer_client):
    other = analysed(vendor=VendorFactory(name="Other Co"))
    foreign = finding(other, "retention", "period")
    response = reviewer_client.post(review_url(run, foreign.pk), {"action": "reject"})
    assert response.status_code == 400
    assert "not part of this version" in response.content.decode()
    assert not FindingReview.objects.exists()


def test_a_viewer_posting_a_review_gets_403_and_nothing_changes(run, viewer_client):
    period = finding(run, "retention", "period")
    for extra in ({}, HTMX):
        response = viewer_client.post(review_url(run, period.pk), {"action": "reject"}, **extra)
        assert response.status_code == 403
    assert not FindingReview.objects.exists()
    assert not AuditEvent.objects.filter(action=AuditEvent.Action.REVIEW).exists()


def test_an_unknown_version_is_refused(run, reviewer_client):
    period = finding(run, "retention", "period")
    response = reviewer_client.post(reverse("policies:finding-review", args=[999999, period.pk]), {"action": "reject"})
    assert response.status_code == 404


def test_notes_are_escaped(run, reviewer_client):
    period = finding(run, "retention", "period")
    reviewer_client.post(review_url(run, period.pk), {"action": "confirm", "note": "<script>alert(1)</script>"})
    html = reviewer_client.get(run.version.get_absolute_url()).content.decode()
    assert "<script>alert(1)</script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html


# --- adding a missed finding ------------------------------------------------------------------------------------


def test_the_add_page_takes_the_selection_and_the_kind(run, reviewer_client):
    url = reverse("policies:finding-add", args=[run.version_id])
    page = reviewer_client.get(url, {"quote": "We never sell personal data.", "near": "5", "kind": "retention.vague"})
    html = page.content.decode()
    assert page.status_code == 200 and "We never sell personal data." in html and 'name="phrase"' in html


def test_adding_without_javascript(run, reviewer_client):
    url = reverse("policies:finding-add", args=[run.version_id])
    sentence = "We share data with Amazon Web Services for hosting in Ireland."
    response = reviewer_client.post(
        url, {"kind": "international_transfers.transfer", "quote": sentence, "destination": "Ireland"}
    )
    assert response.status_code == 302
    assert run.findings.filter(rule="reviewer", review_status="add").count() == 1


def test_adding_text_not_in_the_policy_is_refused_on_the_form(run, reviewer_client):
    url = reverse("policies:finding-add", args=[run.version_id])
    response = reviewer_client.post(url, {"kind": "retention.vague", "quote": "Forever and ever.", "phrase": "x"})
    assert response.status_code == 400 and "not in this version" in response.content.decode()
    assert not FindingReview.objects.exists()


def test_garbage_kind_and_near_are_harmless(run, reviewer_client):
    url = reverse("policies:finding-add", args=[run.version_id])
    assert reviewer_client.get(url, {"kind": "nonsense", "near": "-1"}).status_code == 200
    response = reviewer_client.post(url, {"kind": "nonsense", "quote": "We never sell personal data."})
    assert response.status_code == 400 and "Choose what kind" in response.content.decode()


# --- completing ---------------------------------------------------------------------------------------------------


def test_completing_the_review_full_page_and_htmx(run, reviewer_client):
    url = reverse("policies:review-complete", args=[run.version_id])
    response = reviewer_client.post(url, **HTMX)
    assert response.status_code == 200 and "Review completed" in response.content.decode()
    page = reviewer_client.get(run.version.get_absolute_url()).content.decode()
    assert "Provisional" not in page and "chip-reviewed\">Reviewed</span>" in page
    assert reviewer_client.post(url).status_code == 302  # again, without JavaScript


# --- the audit trail ----------------------------------------------------------------------------------------------


def test_the_audit_page_lists_the_vendors_events_for_policy_admins(run, reviewer_client):
    period = finding(run, "retention", "period")
    reviewer_client.post(review_url(run, period.pk), correction(note="<b>bold</b>"))
    admin = Client()
    admin.force_login(PolicyAdminFactory())
    url = reverse("policies:vendor-audit", args=[run.version.vendor.slug])
    html = admin.get(url).content.decode()
    assert "Uploaded a version" in html and "Reviewed a finding" in html
    assert "&lt;b&gt;bold&lt;/b&gt;" in html and "<b>bold</b>" not in html
    fragment = admin.get(url, {"page": "x"}, **HTMX)
    assert fragment.status_code == 200 and fragment.content.decode().lstrip().startswith('<section id="audit-events"')


def test_the_audit_page_is_closed_to_reviewers_and_viewers(run, reviewer_client, viewer_client):
    url = reverse("policies:vendor-audit", args=[run.version.vendor.slug])
    assert reviewer_client.get(url).status_code == 403
    assert viewer_client.get(url).status_code == 403


def test_the_audit_trail_cannot_be_changed_through_the_app(run, db):
    staff = Client()
    staff.force_login(UserFactory(username="boss", is_staff=True, is_superuser=True))
    event = AuditEvent.objects.first()
    change = reverse("admin:policies_auditevent_change", args=[event.pk])
    assert staff.post(change, {"summary": "rewritten"}).status_code == 403
    assert staff.post(reverse("admin:policies_auditevent_delete", args=[event.pk]), {"post": "yes"}).status_code == 403
    event.refresh_from_db()
    assert event.summary != "rewritten"


def test_role_changes_in_the_admin_are_audited(db):
    staff = Client()
    boss = UserFactory(username="boss", is_staff=True, is_superuser=True)
    staff.force_login(boss)
    someone = UserFactory(username="someone")
    group = Group.objects.get(name=POLICY_ADMINS)
    response = staff.post(
        reverse("admin:auth_user_change", args=[someone.pk]),
        {
            "username": "someone",
            "is_active": "on",
            "groups": [group.pk],
            "date_joined_0": "2026-01-01",
            "date_joined_1": "00:00:00",
            "initial-date_joined_0": "2026-01-01",
            "initial-date_joined_1": "00:00:00",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    event = AuditEvent.objects.get(action=AuditEvent.Action.ROLE_CHANGE)
    assert event.actor == boss and event.before["groups"] == [] and event.after["groups"] == [POLICY_ADMINS]


def test_deleting_a_vendor_in_the_admin_is_audited_and_the_trail_outlives_it(run, db):
    staff = Client()
    staff.force_login(UserFactory(username="boss", is_staff=True, is_superuser=True))
    vendor = run.version.vendor
    response = staff.post(reverse("admin:policies_vendor_delete", args=[vendor.pk]), {"post": "yes"})
    assert response.status_code == 302
    deleted = AuditEvent.objects.get(action=AuditEvent.Action.DELETE)
    assert deleted.vendor_name == "Acme Learning" and deleted.vendor_id_ref == vendor.pk
    assert AuditEvent.objects.filter(vendor_id_ref=vendor.pk, action=AuditEvent.Action.UPLOAD).exists()


def test_version_changes_are_audited(run, db):
    from policies import version_services

    newer = analysed(vendor=run.version.vendor, text="Acme Learning privacy policy, version two.\n" * 20)
    admin = PolicyAdminFactory()
    version_services.mark_current(run.version, user=admin)
    version_services.withdraw(newer.version, user=admin, reason="Uploaded by mistake")
    version_services.restore(newer.version, user=admin)
    actions = list(
        AuditEvent.objects.filter(vendor_id_ref=run.version.vendor_id).order_by("id").values_list("action", flat=True)
    )
    assert actions == ["upload", "upload", "current", "withdraw", "restore"]
    made_current = AuditEvent.objects.get(action="current")
    assert made_current.before["current_version"]["id"] == newer.version_id
    assert made_current.after["current_version"]["id"] == run.version_id
