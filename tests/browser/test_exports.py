"""A viewer downloads the comparison as PDF from the compare page (a plain link: no JavaScript needed)."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from tests.comparisons.exports.pdf_checks import is_a4, page_sizes, pdf_text
from tests.factories import PASSWORD, ViewerFactory, analysed_vendor

pytestmark = pytest.mark.browser


def test_viewer_exports_a_comparison_as_pdf(live_server, page: Page, transactional_db, tmp_path):
    analysed_vendor("Acme Learning", "good")
    analysed_vendor("Badco Games", "bad")
    analysed_vendor("Café “Ünïcode” – £5", "middling", slug="cafe")
    viewer = ViewerFactory()
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("Username").fill(viewer.username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("heading", name="Vendors", level=1)).to_be_visible()

    page.goto(f"{live_server.url}/compare/?v=acme-learning&v=badco-games&v=cafe")
    expect(page.locator("#compare-table")).to_be_visible()
    with page.expect_download() as info:
        page.get_by_role("link", name="Export PDF").click()
    download = info.value
    assert download.suggested_filename.startswith("policylens-comparison-")
    assert download.suggested_filename.endswith(".pdf")
    path = tmp_path / download.suggested_filename
    download.save_as(path)
    content = path.read_bytes()
    assert content.startswith(b"%PDF-")
    assert all(is_a4(size) for size in page_sizes(content))
    text = pdf_text(content)
    for name in ("Acme Learning", "Badco Games", "Café “Ünïcode” – £5"):
        assert name in text
    expect(page.locator("#compare-table")).to_be_visible()  # the page stayed where it was
