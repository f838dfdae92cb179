"""Directory search, building a comparison, differences only, evidence to policy text; axe-core checks.

axe-core comes from npm (`npm pack axe-core@4`) into var/cache/ on first use and is injected into the
page by the test only; users are never served it.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import tarfile
from pathlib import Path

import pytest
from django.conf import settings
from playwright.sync_api import Page, expect

from policies.models import AnalysisRun
from tests.factories import PASSWORD, UserFactory, analysed_vendor

pytestmark = pytest.mark.browser
AXE_DIR = Path(settings.BASE_DIR) / "var" / "cache" / "axe-core"


@pytest.fixture(scope="session")
def axe_script() -> Path:
    target = AXE_DIR / "axe.min.js"
    if target.exists():
        return target
    npm = shutil.which("npm")
    if not npm:
        pytest.skip("npm is needed to fetch axe-core")
    AXE_DIR.mkdir(parents=True, exist_ok=True)
    result = subprocess.run(
        [npm, "pack", "axe-core@4", "--silent", "--pack-destination", str(AXE_DIR)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    if result.returncode != 0:
        pytest.skip(f"could not fetch axe-core: {result.stderr[:200]}")
    tarball = AXE_DIR / result.stdout.strip().splitlines()[-1]
    with tarfile.open(tarball) as tar:
        member = tar.getmember("package/axe.min.js")
        with tar.extractfile(member) as src, open(target, "wb") as dst:
            shutil.copyfileobj(src, dst)
    tarball.unlink()
    return target


@pytest.fixture
def vendors(transactional_db):
    return {
        "acme": analysed_vendor("Acme Learning", "good")[0],
        "bad": analysed_vendor("Badco Games", "bad")[0],
        "mid": analysed_vendor("Middling Maths", "middling")[0],
    }


@pytest.fixture
def signed_in(live_server, page: Page, vendors) -> Page:
    user = UserFactory(username="dpo-viewer")
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("Username").fill(user.username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("heading", name="Vendors", level=1)).to_be_visible()
    return page


def mark_document(page: Page) -> None:
    page.evaluate("window.__sameDocument = true")


def assert_same_document(page: Page) -> None:
    assert page.evaluate("window.__sameDocument === true"), "the page reloaded"


def vendor_rows(page: Page):
    return page.locator("#vendor-results tbody th[scope=row]")


def test_directory_searches_as_you_type(signed_in: Page):
    page = signed_in
    expect(vendor_rows(page)).to_have_count(3)
    mark_document(page)
    page.get_by_label("Search by name").press_sequentially("bad", delay=40)
    expect(vendor_rows(page)).to_have_count(1)
    expect(vendor_rows(page).first).to_have_text("Badco Games")
    expect(page).to_have_url(re.compile(r"[?&]q=bad"))
    page.get_by_label("Sells data").select_option("no")
    expect(page.get_by_text("No vendor matches")).to_be_visible()
    assert_same_document(page)


def test_build_a_comparison_of_three_by_adding_and_removing_columns(signed_in: Page):
    page = signed_in
    page.get_by_label("Compare Acme Learning").check()
    page.get_by_label("Compare Badco Games").check()
    page.get_by_role("button", name="Compare ticked vendors").click()
    columns = page.locator("#compare-table thead th.vendor-col")
    expect(columns).to_have_count(2)
    mark_document(page)

    page.get_by_label(re.compile("Add a supplier")).press_sequentially("midd", delay=40)
    page.get_by_role("link", name="Add Middling Maths").click()
    expect(columns).to_have_count(3)
    expect(page).to_have_url(re.compile(r"v=acme-learning&v=badco-games&v=middling-maths$"))

    page.get_by_role("link", name="Remove Badco Games").click()
    expect(columns).to_have_count(2)
    expect(page).to_have_url(re.compile(r"v=acme-learning&v=middling-maths$"))

    page.get_by_label(re.compile("Add a supplier")).press_sequentially("badco", delay=40)
    page.get_by_role("link", name="Add Badco Games").click()
    expect(columns).to_have_count(3)
    expect(columns.nth(2)).to_contain_text("Badco Games")
    assert_same_document(page)

    page.go_back()  # the history holds each selection
    expect(columns).to_have_count(2)


def test_differences_only_toggle(signed_in: Page, live_server, vendors):
    page = signed_in
    page.goto(f"{live_server.url}/compare/?v=acme-learning&v=badco-games")
    same_row = page.locator("#compare-table th[scope=row]", has_text="Policy last updated")
    expect(same_row).to_have_count(1)
    mark_document(page)
    page.get_by_label("Show differences only").check()
    expect(same_row).to_have_count(0)
    expect(page).to_have_url(re.compile(r"diff=1"))
    expect(page.locator("#compare-table th[scope=row]", has_text="Overall grade")).to_have_count(1)
    page.get_by_label("Show differences only").uncheck()
    expect(same_row).to_have_count(1)
    assert_same_document(page)


def test_expand_a_cell_and_follow_a_quote_into_the_policy(signed_in: Page, live_server, vendors):
    page = signed_in
    page.goto(f"{live_server.url}/compare/?v=acme-learning&v=badco-games")
    page.locator("summary", has_text="Evidence: Longest retention, Acme Learning").click()
    quote = page.locator("details[open] a.quote-link").first
    expect(quote).to_be_visible()
    expect(quote).to_contain_text("We keep pupil records for one year")
    href = quote.get_attribute("href")
    finding_id = href.rsplit("#finding-", 1)[1]
    quote.click()
    expect(page).to_have_url(re.compile(rf"/policies/versions/\d+/#finding-{finding_id}$"))
    active = page.locator(f'mark.finding-mark[data-findings~="{finding_id}"]').first
    expect(active).to_be_visible()
    expect(active).to_contain_text("We keep pupil records")


@pytest.mark.parametrize(
    "path",
    [
        "/vendors/",
        "/vendors/?q=co",
        "/vendors/badco-games/",
        "/compare/?v=acme-learning&v=badco-games&v=middling-maths",
        "/methodology/",
    ],
)
def test_no_serious_accessibility_violations(signed_in: Page, live_server, axe_script, path):
    page = signed_in
    # one reviewed and two provisional grades on the comparison (their labels are checked too)
    AnalysisRun.objects.filter(version__vendor__slug="badco-games").update(review_state="reviewed", review_revision=1)
    # An init script, not add_script_tag: the page's CSP (script-src 'self') refuses inline scripts.
    page.add_init_script(path=str(axe_script))
    page.goto(f"{live_server.url}{path}")
    results = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    serious = [
        {
            "id": v["id"],
            "impact": v["impact"],
            "help": v["help"],
            "nodes": [n["target"] for n in v["nodes"][:3]],
        }
        for v in results["violations"]
        if v["impact"] in ("serious", "critical")
    ]
    assert not serious, json.dumps(serious, indent=1)
