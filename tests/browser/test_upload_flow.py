"""An admin uploads a policy as DOCX, watches it analyse, and follows a finding to its sentence."""
import io
import re

import pytest
from django.conf import settings
from docx import Document
from playwright.sync_api import Page, expect

from tests.factories import PolicyAdminFactory

pytestmark = [pytest.mark.browser, pytest.mark.integration]
SAMPLE = settings.BASE_DIR / "demo_data" / "policies" / "004_8f559f88252fcfef.txt"


def sample_as_docx() -> bytes:
    document = Document()
    for paragraph in SAMPLE.read_text().split("\n"):
        if paragraph.strip():
            document.add_paragraph(paragraph.strip())
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def log_in(page: Page, base_url: str, username: str, password: str) -> None:
    page.goto(f"{base_url}/accounts/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("heading", name="Vendors", exact=True, level=1)).to_be_visible()


def test_admin_uploads_docx_and_follows_a_finding(live_server, celery_worker_process, page: Page):
    admin = PolicyAdminFactory(username="dpo-admin")
    log_in(page, live_server.url, admin.username, "correct-horse-battery")

    page.get_by_role("link", name="Upload a policy").click()
    page.get_by_label("…or a new vendor").fill("Planet Bofa")
    page.get_by_label("Policy document").set_input_files(
        files=[{
            "name": "planet-bofa-privacy.docx",
            "mimeType": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "buffer": sample_as_docx(),
        }]
    )
    page.get_by_role("button", name="Upload and analyse").click()

    expect(page.get_by_text("Policy uploaded")).to_be_visible()
    page.evaluate("window.__sameDocument = true")  # gone if the page reloads
    expect(page.locator("#analysis .status-succeeded")).to_have_text("Done", timeout=90_000)
    assert page.evaluate("window.__sameDocument === true"), "the status changed by reloading the page"
    expect(page.locator("#policy-text mark.finding-mark").first).to_be_visible()

    page.get_by_role("navigation", name="breadcrumb").get_by_role("link", name="Planet Bofa").click()
    expect(page.get_by_role("heading", name="Planet Bofa", level=1)).to_be_visible()
    first_quote = page.locator("a.quote-link").first
    finding_id = first_quote.get_attribute("data-finding")
    quote_start = first_quote.inner_text().strip()[:40]
    first_quote.click()

    expect(page).to_have_url(re.compile(rf"/policies/versions/\d+/#finding-{finding_id}$"))
    active = page.locator(f'#policy-text mark.is-active[data-findings~="{finding_id}"]')
    expect(active.first).to_be_visible()
    expect(active.first).to_be_in_viewport()
    marked_text = " ".join(active.all_inner_texts())
    assert quote_start.rstrip(".… ")[:25] in " ".join(marked_text.split())
