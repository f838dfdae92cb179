"""Item 2 in a real browser: the pages run under the CSP with no violation, and htmx search still works."""
from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from tests.factories import PASSWORD, UserFactory, analysed_vendor

pytestmark = pytest.mark.browser

# Runs before any page script (an init script is not subject to the page's CSP).
RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (e) => {
  const where = `${e.sourceFile}:${e.lineNumber}`;
  window.__cspViolations.push(`${e.violatedDirective} blocked ${e.blockedURI || "inline"} at ${where}`);
});
"""


@pytest.fixture
def watched_page(page: Page):
    console: list[str] = []
    page.on("console", lambda msg: console.append(msg.text) if msg.type in ("error", "warning") else None)
    page.add_init_script(RECORD_VIOLATIONS)
    page.console_errors = console
    return page


def assert_no_csp_violation(page: Page) -> None:
    violations = page.evaluate("window.__cspViolations")
    assert violations == [], violations
    csp_console = [m for m in page.console_errors if "Content Security Policy" in m or "Refused to" in m]
    assert csp_console == [], csp_console


def test_vendors_page_and_htmx_search_run_without_csp_violations(watched_page: Page, live_server, transactional_db):
    page = watched_page
    analysed_vendor("Acme Learning", "good")
    analysed_vendor("Badco Games", "bad")
    user = UserFactory(username="csp-viewer")

    page.goto(f"{live_server.url}/accounts/login/")
    assert_no_csp_violation(page)
    page.get_by_label("Username").fill(user.username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("heading", name="Vendors", level=1)).to_be_visible()
    response = page.request.get(f"{live_server.url}/vendors/")
    assert "script-src 'self'" in response.headers["content-security-policy"]

    # Pico and our stylesheet applied (no inline styles needed): the body font is Pico's, not the UA default.
    assert page.evaluate("getComputedStyle(document.body).fontFamily") != "Times New Roman"
    assert page.evaluate("document.styleSheets.length") >= 2
    assert page.evaluate("typeof htmx") == "object"

    rows = page.locator("#vendor-results tbody th[scope=row]")
    expect(rows).to_have_count(2)
    page.evaluate("window.__sameDocument = true")
    page.get_by_label("Search by name").press_sequentially("bad", delay=40)
    expect(rows).to_have_count(1)
    expect(rows.first).to_have_text("Badco Games")
    expect(page).to_have_url(re.compile(r"[?&]q=bad"))
    assert page.evaluate("window.__sameDocument === true"), "the search reloaded the page instead of swapping"
    # htmx did not need to inject its indicator <style> (that would be a style-src violation).
    assert page.evaluate("document.querySelectorAll('style').length") == 0
    assert_no_csp_violation(page)

    page.goto(f"{live_server.url}/compare/?v=acme-learning&v=badco-games")
    expect(page.locator("svg.chart")).to_have_count(1)  # server-drawn chart, inline SVG markup
    assert_no_csp_violation(page)
