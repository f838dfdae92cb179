"""A DPO opens what changed between a sample policy and an edited second version of it."""
import pytest
from django.conf import settings
from playwright.sync_api import Page, expect

from policies import services
from policies.models import AnalysisRun
from tests.factories import UserFactory, VendorFactory

pytestmark = [pytest.mark.browser, pytest.mark.integration]
SAMPLE = settings.BASE_DIR / "demo_data" / "policies" / "004_8f559f88252fcfef.txt"


def analysed_upload(vendor, text: str):
    outcome = services.add_policy_document(vendor=vendor, data=text.encode(), filename="policy.txt", source="text")
    services.execute_run(outcome.run.pk)  # in-process: no worker needed
    assert AnalysisRun.objects.get(pk=outcome.run.pk).status == AnalysisRun.Status.SUCCEEDED
    return outcome.version


def test_the_diff_of_an_edited_sample_explains_what_changed(live_server, page: Page):
    text = SAMPLE.read_text()
    vendor = VendorFactory(name="Planet Bofa")
    first = analysed_upload(vendor, text)
    edited = text.replace("12 years", "as long as necessary", 1)
    edited = edited.replace("Who we are", "Who we are\n\nWe send newsletters through Mailchimp in the USA.", 1)
    second = analysed_upload(vendor, edited)
    viewer = UserFactory(username="dpo-viewer")

    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("Username").fill(viewer.username)
    page.get_by_label("Password").fill("correct-horse-battery")
    page.get_by_role("button", name="Sign in").click()

    page.goto(f"{live_server.url}/policies/vendors/{vendor.slug}/history/")
    expect(page.get_by_role("heading", name="Planet Bofa: policy versions")).to_be_visible()
    page.get_by_role("button", name="☆ Watch for changes").click()
    expect(page.get_by_role("button", name="★ Watching · Stop watching")).to_be_visible()

    page.get_by_role("button", name="Compare the latest two versions").click()  # a link styled as a button
    expect(page).to_have_url(f"{live_server.url}/policies/vendors/{vendor.slug}/diff/?from={first.pk}&to={second.pk}")
    meaning = page.locator("section.meaning-diff")
    expect(meaning.get_by_text("Retention: 12 years →")).to_be_visible()
    text_diff = page.locator("section.text-diff")
    expect(text_diff.locator("del", has_text="12 years")).to_be_visible()
    expect(text_diff.locator("ins", has_text="as long as necessary")).to_be_visible()
    expect(text_diff.locator(".diff-added", has_text="Mailchimp")).to_be_visible()
    expect(text_diff.locator(".diff-equal:not(.diff-heading)")).to_have_count(0)

    page.evaluate("window.__sameDocument = true")
    page.get_by_label("Show unchanged text").check()
    expect(text_diff.locator(".diff-equal:not(.diff-heading)").first).to_be_visible()
    assert page.evaluate("window.__sameDocument === true"), "the diff reloaded the page instead of swapping a part"
    expect(page).to_have_url(f"{live_server.url}/policies/vendors/{vendor.slug}/diff/?from={first.pk}&to={second.pk}"
                             "&unchanged=1")
