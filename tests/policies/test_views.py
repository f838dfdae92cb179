"""Upload, version and retry views: each as a full page and as an htmx fragment."""
import io

import pytest
from django.urls import reverse

from policies.models import AnalysisRun, PolicyVersion, Vendor
from tests.documents import build_png
from tests.factories import AnalysisRunFactory, FindingFactory, PolicyVersionFactory, VendorFactory

pytestmark = pytest.mark.django_db
HTMX = {"HTTP_HX_REQUEST": "true"}
POLICY_TEXT = (
    "Privacy notice of Brightwater Learning Ltd.\n\nWe keep pupils' progress records for two years after the "
    "school's licence ends, then delete them. Payments are processed by Stripe.\n" * 3
)


def upload(client, **fields):
    return client.post(reverse("policies:upload"), fields)


def named_file(name: str, data: bytes):
    handle = io.BytesIO(data)
    handle.name = name
    return handle


# --- upload page ---------------------------------------------------------------------------


def test_upload_page_renders_for_policy_admin(admin_client_policy):
    response = admin_client_policy.get(reverse("policies:upload"))
    assert response.status_code == 200
    assert b'enctype="multipart/form-data"' in response.content


def test_upload_page_is_refused_to_viewers(viewer_client):
    assert viewer_client.get(reverse("policies:upload")).status_code == 403


def test_upload_page_needs_login(client):
    response = client.get(reverse("policies:upload"))
    assert response.status_code == 302 and reverse("login") in response["Location"]


def test_upload_text_file_creates_version_and_queued_run(admin_client_policy, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks() as callbacks:
        response = upload(
            admin_client_policy,
            new_vendor_name="Brightwater Learning",
            document=named_file("policy.txt", POLICY_TEXT.encode()),
        )
    version = PolicyVersion.objects.get()
    assert response.status_code == 302 and response["Location"] == version.get_absolute_url()
    assert version.vendor.name == "Brightwater Learning"
    assert version.document_format == "text" and version.original_filename == "policy.txt"
    assert version.document.name != "policy.txt" and version.document.name.startswith("policies/")
    assert version.is_current and version.uploaded_by is not None
    assert version.runs.get().status == AnalysisRun.Status.QUEUED
    assert len(callbacks) == 1  # the enqueue waits for the commit


def test_pasted_text_is_stored_as_a_version(admin_client_policy):
    vendor = VendorFactory()
    response = upload(admin_client_policy, vendor=vendor.pk, text=POLICY_TEXT)
    assert response.status_code == 302
    version = vendor.versions.get()
    assert version.source == "text" and version.document.read().decode() == POLICY_TEXT


def test_same_document_twice_makes_no_second_version(admin_client_policy):
    vendor = VendorFactory()
    upload(admin_client_policy, vendor=vendor.pk, document=named_file("a.txt", POLICY_TEXT.encode()))
    response = upload(admin_client_policy, vendor=vendor.pk, document=named_file("b.txt", POLICY_TEXT.encode()))
    assert vendor.versions.count() == 1
    assert response.status_code == 302
    page = admin_client_policy.get(response["Location"])
    assert b"already stored for this vendor" in page.content


def test_same_document_for_another_vendor_is_a_new_version(admin_client_policy):
    first, second = VendorFactory(), VendorFactory()
    upload(admin_client_policy, vendor=first.pk, document=named_file("a.txt", POLICY_TEXT.encode()))
    upload(admin_client_policy, vendor=second.pk, document=named_file("a.txt", POLICY_TEXT.encode()))
    assert PolicyVersion.objects.count() == 2


def test_new_version_becomes_current_and_old_stays(admin_client_policy):
    vendor = VendorFactory()
    upload(admin_client_policy, vendor=vendor.pk, text=POLICY_TEXT)
    upload(admin_client_policy, vendor=vendor.pk, text=POLICY_TEXT + "\nWe may change this policy.")
    assert vendor.versions.count() == 2
    assert vendor.versions.filter(is_current=True).count() == 1
    assert vendor.versions.order_by("-id").first().is_current


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("empty.txt", b"", b"empty"),
        ("photo.pdf", build_png(), b"PNG"),
    ],
)
def test_unreadable_uploads_get_a_clear_message_on_the_form(admin_client_policy, name, data, message):
    response = upload(admin_client_policy, new_vendor_name="Acme", document=named_file(name, data))
    assert response.status_code == 200
    assert message.lower() in response.content.lower()
    assert not PolicyVersion.objects.exists()


def test_oversized_upload_is_refused_while_streaming(admin_client_policy, settings):
    settings.POLICYLENS_MAX_UPLOAD_BYTES = 1024
    response = upload(admin_client_policy, new_vendor_name="Acme", document=named_file("big.txt", b"a" * 5000))
    assert response.status_code == 200
    assert b"larger than the" in response.content
    assert not PolicyVersion.objects.exists()


def test_upload_needs_exactly_one_vendor_choice(admin_client_policy):
    vendor = VendorFactory()
    response = upload(admin_client_policy, vendor=vendor.pk, new_vendor_name="Other", text=POLICY_TEXT)
    assert response.status_code == 200 and b"not both" in response.content
    assert not PolicyVersion.objects.exists()


def test_upload_needs_a_document_or_text(admin_client_policy):
    response = upload(admin_client_policy, new_vendor_name="Acme")
    assert response.status_code == 200 and b"one of the two" in response.content


def test_viewer_cannot_post_an_upload(viewer_client):
    response = upload(viewer_client, new_vendor_name="Acme", text=POLICY_TEXT)
    assert response.status_code == 403
    assert not Vendor.objects.exists()


def test_new_vendor_name_matches_existing_vendor_case_insensitively(admin_client_policy):
    vendor = VendorFactory(name="Brightwater Learning")
    upload(admin_client_policy, new_vendor_name="  brightwater   learning ", text=POLICY_TEXT)
    assert Vendor.objects.count() == 1 and vendor.versions.count() == 1


# --- version page --------------------------------------------------------------------------


def test_version_page_polls_while_the_run_is_queued(viewer_client):
    run = AnalysisRunFactory(status=AnalysisRun.Status.QUEUED, progress=0)
    response = viewer_client.get(run.version.get_absolute_url())
    assert response.status_code == 200
    assert b'hx-trigger="every 1s"' in response.content
    assert b"<html" in response.content


def test_version_page_fragment_is_the_analysis_partial_only(viewer_client):
    run = AnalysisRunFactory(status=AnalysisRun.Status.RUNNING, progress=40, stage="Finding the facts")
    response = viewer_client.get(run.version.get_absolute_url(), **HTMX)
    body = response.content.decode()
    assert response.status_code == 200
    assert body.lstrip().startswith('<section id="analysis"') and "<html" not in body
    assert 'hx-trigger="every 1s"' in body and "40%" in body


def test_version_page_stops_polling_when_run_finished(viewer_client):
    version = PolicyVersionFactory(text="We keep your data for 12 months.\n")
    run = AnalysisRunFactory(version=version)
    FindingFactory(run=run, start=0, end=33, position=0)
    response = viewer_client.get(version.get_absolute_url(), **HTMX)
    body = response.content.decode()
    assert "hx-trigger" not in body
    assert f'id="finding-{run.findings.get().pk}"' in body
    assert 'class="finding-mark' in body


def test_failed_run_shows_reason_and_retry_to_admins_only(admin_client_policy, viewer_client):
    run = AnalysisRunFactory(status=AnalysisRun.Status.FAILED, failure_reason="This PDF is password-protected.")
    admin_page = admin_client_policy.get(run.version.get_absolute_url()).content.decode()
    assert "This PDF is password-protected." in admin_page and "Retry analysis" in admin_page
    viewer_page = viewer_client.get(run.version.get_absolute_url()).content.decode()
    assert "This PDF is password-protected." in viewer_page and "Retry analysis" not in viewer_page


def test_unknown_version_is_404(viewer_client):
    assert viewer_client.get(reverse("policies:version-detail", args=[999999])).status_code == 404


def test_document_text_is_escaped_on_the_version_page(viewer_client):
    text = "We keep data 1 year. <script>alert('x')</script> <img src=x onerror=alert(1)>\n"
    version = PolicyVersionFactory(text=text)
    run = AnalysisRunFactory(version=version)
    FindingFactory(run=run, start=0, end=20, position=0)
    body = viewer_client.get(version.get_absolute_url()).content.decode()
    assert "<script>alert" not in body and "<img src=x" not in body
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in body


# --- retry ---------------------------------------------------------------------------------


def test_retry_makes_a_new_queued_run_and_keeps_the_failed_one(admin_client_policy):
    failed = AnalysisRunFactory(status=AnalysisRun.Status.FAILED, failure_reason="boom")
    response = admin_client_policy.post(reverse("policies:run-retry", args=[failed.pk]))
    assert response.status_code == 302
    runs = list(failed.version.runs.order_by("id"))
    assert [r.status for r in runs] == ["failed", "queued"]


def test_retry_as_htmx_returns_the_polling_partial(admin_client_policy):
    failed = AnalysisRunFactory(status=AnalysisRun.Status.FAILED, failure_reason="boom")
    response = admin_client_policy.post(reverse("policies:run-retry", args=[failed.pk]), **HTMX)
    body = response.content.decode()
    assert response.status_code == 200 and body.lstrip().startswith('<section id="analysis"')
    assert 'hx-trigger="every 1s"' in body


def test_retry_is_refused_to_viewers(viewer_client):
    failed = AnalysisRunFactory(status=AnalysisRun.Status.FAILED)
    assert viewer_client.post(reverse("policies:run-retry", args=[failed.pk])).status_code == 403
    assert failed.version.runs.count() == 1


def test_retry_needs_post(admin_client_policy):
    failed = AnalysisRunFactory(status=AnalysisRun.Status.FAILED)
    assert admin_client_policy.get(reverse("policies:run-retry", args=[failed.pk])).status_code == 405


def test_retry_of_a_succeeded_run_changes_nothing(admin_client_policy):
    run = AnalysisRunFactory()
    admin_client_policy.post(reverse("policies:run-retry", args=[run.pk]))
    assert run.version.runs.count() == 1
