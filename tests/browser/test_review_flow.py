"""Issue 6 in a real browser: a reviewer corrects a retention period and the grade changes; a reviewer adds a
missed finding by selecting its sentence; a viewer cannot reach the upload page."""
import pytest
from playwright.sync_api import Page, expect

from policies.models import Score
from tests.browser.test_upload_flow import log_in
from tests.factories import ReviewerFactory, ViewerFactory
from tests.policies.test_review_services import analysed, finding

pytestmark = [pytest.mark.browser]


def overall_grade(page: Page) -> str:
    return page.locator("#score-heading .grade").inner_text().strip()


def test_reviewer_corrects_a_retention_period_and_the_grade_changes(live_server, page: Page):
    run = analysed()
    period = finding(run, "retention", "period")
    reviewer = ReviewerFactory(username="dpo")
    log_in(page, live_server.url, reviewer.username, "correct-horse-battery")
    page.goto(live_server.url + run.version.get_absolute_url())
    before = overall_grade(page)
    expect(page.locator("#score-heading")).to_contain_text("Provisional")

    row = page.locator(f"#finding-row-{period.pk}")
    expect(row.locator(".chip-machine")).to_have_text("Machine")
    row.get_by_text("Review this finding").click()
    row.get_by_label("Correct the value").check()
    row.get_by_label("How many").fill("12")
    row.get_by_label("Unit").select_option("year")
    row.get_by_label("Note").fill("The contract says twelve years.")
    page.evaluate("window.__sameDocument = true")
    row.get_by_role("button", name="Save decision").click()

    row = page.locator(f"#finding-row-{period.pk}")
    expect(row.locator(".chip-reviewed")).to_have_text("Reviewed: corrected")
    expect(row).to_contain_text("Machine said: 12 months")
    expect(row).to_contain_text("The contract says twelve years.")
    assert page.evaluate("window.__sameDocument === true"), "the decision reloaded the page"
    new_grade = Score.objects.get(run=run, dimension="overall").grade
    expect(page.locator("#score-heading .grade")).to_have_text(new_grade)
    assert new_grade != before, "a 12-year retention period should lower this policy's grade"


def test_reviewer_adds_a_missed_finding_by_selecting_its_sentence(live_server, page: Page):
    run = analysed()
    sentence = "We share data with Amazon Web Services for hosting in Ireland."
    reviewer = ReviewerFactory(username="dpo2")
    log_in(page, live_server.url, reviewer.username, "correct-horse-battery")
    page.goto(live_server.url + run.version.get_absolute_url())
    page.evaluate(
        """(sentence) => {
            const box = document.getElementById("policy-text");
            const walker = document.createTreeWalker(box, NodeFilter.SHOW_TEXT);
            let node, startNode, startOffset, endNode, endOffset, seen = 0;
            const at = box.textContent.indexOf(sentence);
            while ((node = walker.nextNode())) {
                const len = node.textContent.length;
                if (startNode === undefined && at < seen + len) { startNode = node; startOffset = at - seen; }
                if (at + sentence.length <= seen + len) {
                    endNode = node; endOffset = at + sentence.length - seen; break;
                }
                seen += len;
            }
            const range = document.createRange();
            range.setStart(startNode, startOffset);
            range.setEnd(endNode, endOffset);
            window.getSelection().removeAllRanges();
            window.getSelection().addRange(range);
            box.dispatchEvent(new MouseEvent("mouseup", {bubbles: true}));
        }""",
        sentence,
    )
    page.get_by_role("button", name="Add a finding from this selection").click()
    expect(page.get_by_role("heading", name="Add a finding the analysis missed")).to_be_visible()
    page.get_by_label("What does the sentence say?").select_option("international_transfers.transfer")
    page.get_by_role("button", name="Next").click()
    expect(page.get_by_label("The sentence, exactly as in the policy")).to_have_value(sentence)
    page.get_by_label("Destination").fill("Ireland (EEA)")
    page.get_by_role("button", name="Add finding").click()

    expect(page.get_by_text("Finding added")).to_be_visible()
    added = run.findings.get(rule="reviewer")
    assert added.quote == sentence and added.value["destination"] == "Ireland (EEA)"
    expect(page.locator(f"#finding-row-{added.pk} .chip-reviewed")).to_have_text("Reviewed: added")


def test_viewer_cannot_see_the_upload_page(live_server, page: Page):
    viewer = ViewerFactory(username="procurement")
    log_in(page, live_server.url, viewer.username, "correct-horse-battery")
    expect(page.get_by_role("link", name="Upload a policy")).to_have_count(0)
    response = page.goto(live_server.url + "/policies/upload/")
    assert response is not None and response.status == 403
    expect(page.get_by_role("heading", name="Not allowed")).to_be_visible()
    expect(page.get_by_label("Policy document")).to_have_count(0)
