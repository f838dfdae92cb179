"""Review decisions on a real analysis (the pipeline runs in-process): effect on scores, survival, carrying forward."""
from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied

from policies import review_services, services
from policies.models import AnalysisRun, AuditEvent, Finding, FindingReview, ReviewState
from tests.factories import PolicyAdminFactory, ReviewerFactory, UserFactory, VendorFactory

POLICY = """Acme Learning Ltd Privacy Policy
Last updated: 1 March 2025

1. How long we keep data
We keep pupil records for 12 months after the end of the school's contract.
You can ask us to delete your data at any time.

2. Children
Our service is used by pupils under the direction of their school, which gives consent.

3. Who we share data with
We share data with Amazon Web Services for hosting in Ireland.
We never sell personal data.
"""
PERIOD_SENTENCE = "We keep pupil records for 12 months after the end of the school's contract."


def analysed(text: str = POLICY, vendor=None):
    """Upload ``text`` and run the real analysis job in this process; returns the finished run."""
    vendor = vendor or VendorFactory(name="Acme Learning")
    outcome = services.add_pasted_text(vendor=vendor, text=text, user=PolicyAdminFactory())
    services.execute_run(outcome.run.pk)
    return AnalysisRun.objects.get(pk=outcome.run.pk)


def finding(run, topic, kind) -> Finding:
    return run.findings.get(topic=topic, kind=kind)


def scores(run) -> dict:
    return {s.dimension: s for s in run.scores.all()}


@pytest.fixture
def run(db):
    return analysed()


@pytest.fixture
def reviewer(db):
    return ReviewerFactory()


def correct_period(run, reviewer, amount="12", unit="year", note=""):
    period = finding(run, "retention", "period")
    return review_services.decide(
        user=reviewer,
        version_id=run.version_id,
        finding_id=period.pk,
        action="correct",
        raw_value={"amount": amount, "unit": unit, "data": "pupil records", "trigger": "after the contract"},
        note=note,
    )


# --- a fresh analysis is the machine's ---------------------------------------------------------------------


def test_a_fresh_analysis_is_machine_only_and_keeps_the_machine_summary(run):
    assert run.review_state == ReviewState.MACHINE
    assert run.summary == run.machine_summary
    assert all(f.review_status == "" for f in run.findings.all())
    assert {s.details["review"] for s in run.scores.all()} == {"machine"}


# --- correcting changes the value, the summary and the score -----------------------------------------------


def test_correcting_a_retention_period_changes_the_longest_period_and_the_retention_score(run, reviewer):
    before = scores(run)["retention"].points
    outcome = correct_period(run, reviewer, note="The contract says 12 years.")
    run = outcome.run
    period = finding(run, "retention", "period")
    assert period.review_status == "correct"
    assert period.value["days"] == 12 * 365 and period.value["text"] == "12 years"
    assert period.machine_value["days"] == 365  # what the machine said is kept
    assert run.summary["retention"]["max_days"] == 12 * 365
    assert run.machine_summary["retention"]["max_days"] == 365
    assert scores(run)["retention"].points < before
    assert run.review_state == ReviewState.IN_REVIEW


def test_a_decision_bumps_the_review_revision(run, reviewer):
    revision = run.review_revision
    run = correct_period(run, reviewer).run
    assert run.review_revision > revision


def test_rejecting_a_finding_takes_it_out_of_the_score_but_keeps_it_visible(run, reviewer):
    deletion = finding(run, "retention", "deletion")
    outcome = review_services.decide(
        user=reviewer, version_id=run.version_id, finding_id=deletion.pk, action="reject", note="Not offered."
    )
    deletion.refresh_from_db()
    assert deletion.review_status == "reject" and not deletion.counts
    assert outcome.run.summary["retention"]["deletion_on_request"] is False
    evidence = [i for s in outcome.run.scores.all() for a in s.details.get("answers", []) for i in a["evidence"]]
    assert deletion.position not in evidence


def test_confirming_keeps_the_value_and_marks_the_finding_reviewed(run, reviewer):
    sale = finding(run, "data_sale", "does_not_sell")
    review_services.decide(user=reviewer, version_id=run.version_id, finding_id=sale.pk, action="confirm")
    sale.refresh_from_db()
    assert sale.review_status == "confirm" and sale.value == {"basis": "statement"}


def test_a_dimension_is_reviewed_once_every_finding_in_it_is_decided(run, reviewer):
    sale_and_ads = [f for f in run.findings.all() if f.topic in ("data_sale", "advertising")]
    for f in sale_and_ads:
        run = review_services.decide(user=reviewer, version_id=run.version_id, finding_id=f.pk, action="confirm").run
    labels = {s.dimension: s.details["review"] for s in run.scores.all()}
    assert labels["sale_and_ads"] == "reviewed"
    assert labels["retention"] == "machine"
    assert labels["overall"] == "partly"


def test_adding_a_missed_finding_from_selected_text(run, reviewer):
    sentence = "We share data with Amazon Web Services for hosting in Ireland."
    text = run.version.extracted_text
    outcome = review_services.add_missed(
        user=reviewer,
        version_id=run.version_id,
        kind_key="international_transfers.transfer",
        quote=sentence,
        near=text.index(sentence),
        raw_value={"destination": "Ireland (EEA)"},
        note="Hosting is in Ireland.",
    )
    added = outcome.run.findings.get(rule="reviewer")
    assert added.quote == text[added.start : added.end] == sentence
    assert added.review_status == "add" and added.value == {"destination": "Ireland (EEA)"}
    assert outcome.review.action == FindingReview.Action.ADD


def test_completing_the_review_confirms_the_rest_and_makes_the_grade_reviewed(run, reviewer):
    correct_period(run, reviewer)
    run = review_services.complete_review(user=reviewer, version_id=run.version_id)
    assert run.review_state == ReviewState.REVIEWED
    assert all(f.review_status for f in run.findings.all())
    assert {s.details["review"] for s in run.scores.all()} == {"reviewed"}
    assert finding(run, "retention", "period").review_status == "correct"  # not overwritten by the sign-off
    completed = AuditEvent.objects.get(action=AuditEvent.Action.REVIEW_COMPLETE)
    assert completed.before == {"review_state": "in_review"} and completed.after["review_state"] == "reviewed"


def test_completing_an_untouched_review_records_that_it_was_machine_only(run, reviewer):
    review_services.complete_review(user=reviewer, version_id=run.version_id)
    completed = AuditEvent.objects.get(action=AuditEvent.Action.REVIEW_COMPLETE)
    assert completed.before == {"review_state": "machine"}


# --- bad input: a clear refusal and no change ----------------------------------------------------------------


def _unchanged(run):
    return (
        list(run.findings.values_list("id", "value", "review_status")),
        list(run.scores.values_list("dimension", "points")),
        FindingReview.objects.count(),
        AuditEvent.objects.filter(action=AuditEvent.Action.REVIEW).count(),
    )


def test_a_forged_finding_id_of_another_vendor_is_refused(run, reviewer):
    other = analysed(POLICY.replace("Acme", "Other"), vendor=VendorFactory(name="Other Co"))
    foreign = finding(other, "retention", "period")
    state = _unchanged(run), _unchanged(other)
    with pytest.raises(review_services.ReviewRefused, match="not part of this version"):
        review_services.decide(
            user=reviewer, version_id=run.version_id, finding_id=foreign.pk, action="reject", note=""
        )
    assert (_unchanged(run), _unchanged(other)) == state


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ({"amount": "twelve", "unit": "year"}, "whole number"),
        ({"amount": "-3", "unit": "year"}, "whole number"),
        ({"amount": "5000", "unit": "year"}, "from 1 to 1200"),
        ({"amount": "12", "unit": "fortnight"}, "choose from the list"),
        ({"amount": "", "unit": "year"}, "needed"),
        ({"amount": ["1", "2"], "unit": "year"}, "whole number"),
    ],
)
def test_a_correction_of_the_wrong_type_is_refused(run, reviewer, raw, message):
    period = finding(run, "retention", "period")
    state = _unchanged(run)
    with pytest.raises(review_services.ReviewRefused, match=message):
        review_services.decide(
            user=reviewer, version_id=run.version_id, finding_id=period.pk, action="correct", raw_value=raw
        )
    assert _unchanged(run) == state


def test_a_viewer_cannot_review(run):
    period = finding(run, "retention", "period")
    state = _unchanged(run)
    with pytest.raises(PermissionDenied):
        review_services.decide(user=UserFactory(), version_id=run.version_id, finding_id=period.pk, action="reject")
    assert _unchanged(run) == state


def test_an_unknown_action_and_an_oversized_note_are_refused(run, reviewer):
    period = finding(run, "retention", "period")
    with pytest.raises(review_services.ReviewRefused, match="confirm, correct or reject"):
        review_services.decide(user=reviewer, version_id=run.version_id, finding_id=period.pk, action="delete")
    with pytest.raises(review_services.ReviewRefused, match="under 2,000"):
        review_services.decide(
            user=reviewer, version_id=run.version_id, finding_id=period.pk, action="confirm", note="x" * 2001
        )


def test_correcting_a_kind_with_no_value_is_refused(run, reviewer):
    section = finding(run, "retention", "section")
    with pytest.raises(review_services.ReviewRefused, match="no value to correct"):
        review_services.decide(
            user=reviewer, version_id=run.version_id, finding_id=section.pk, action="correct", raw_value={}
        )


def test_adding_text_that_is_not_in_the_policy_is_refused(run, reviewer):
    with pytest.raises(review_services.ReviewRefused, match="not in this version"):
        review_services.add_missed(
            user=reviewer,
            version_id=run.version_id,
            kind_key="retention.vague",
            quote="We keep everything forever.",
            near=None,
            raw_value={"phrase": "forever"},
        )


# --- decisions outlive re-analysis and carry forward ---------------------------------------------------------


def test_decisions_survive_re_analysis_of_the_same_version(run, reviewer):
    correct_period(run, reviewer)
    deletion = finding(run, "retention", "deletion")
    review_services.decide(user=reviewer, version_id=run.version_id, finding_id=deletion.pk, action="reject")
    again = services.start_analysis(run.version)
    services.execute_run(again.pk)
    again.refresh_from_db()
    assert again.status == AnalysisRun.Status.SUCCEEDED
    assert finding(again, "retention", "period").value["days"] == 12 * 365
    assert finding(again, "retention", "deletion").review_status == "reject"
    assert again.summary["retention"]["max_days"] == 12 * 365
    assert again.review_state == ReviewState.IN_REVIEW


def test_a_new_version_inherits_decisions_on_unchanged_sentences(run, reviewer):
    correct_period(run, reviewer)
    newer = analysed(POLICY + "\nWe may update this policy.\n", vendor=run.version.vendor)
    carried = newer.version.reviews.get(topic="retention", kind="period")
    assert carried.carried_from is not None and not carried.needs_rereview
    assert finding(newer, "retention", "period").value["days"] == 12 * 365
    assert newer.summary["retention"]["max_days"] == 12 * 365


def test_a_new_version_flags_decisions_whose_sentence_changed_and_does_not_apply_them(run, reviewer):
    correct_period(run, reviewer)
    changed = POLICY.replace(PERIOD_SENTENCE, "We keep pupil records for 18 months after the end of the contract.")
    newer = analysed(changed, vendor=run.version.vendor)
    flagged = newer.version.reviews.get(topic="retention", kind="period")
    assert flagged.needs_rereview and flagged.quote == PERIOD_SENTENCE
    period = finding(newer, "retention", "period")
    assert period.review_status == "" and period.value["amount"] == 18  # the machine's reading stands
    assert newer.review_state == ReviewState.IN_REVIEW
    # Completing the review waits for the re-review; deciding on the new sentence clears the flag.
    with pytest.raises(review_services.ReviewRefused, match="re-review"):
        review_services.complete_review(user=reviewer, version_id=newer.version_id)
    review_services.decide(user=reviewer, version_id=newer.version_id, finding_id=period.pk, action="confirm")
    assert not newer.version.reviews.filter(needs_rereview=True).exists()


# --- every decision is in the audit trail --------------------------------------------------------------------


def test_each_decision_is_audited_with_before_and_after(run, reviewer):
    correct_period(run, reviewer, note="Contract says so.")
    event = AuditEvent.objects.filter(action=AuditEvent.Action.REVIEW).get()
    assert event.actor == reviewer and event.vendor_id_ref == run.version.vendor_id
    assert event.before["decision"] == "machine" and event.before["value"]["days"] == 365
    assert event.after["decision"] == "correct" and event.after["value"]["days"] == 12 * 365
    assert event.after["note"] == "Contract says so."
    correct_period(run, reviewer, amount="10")
    latest = AuditEvent.objects.filter(action=AuditEvent.Action.REVIEW).first()
    assert latest.before["value"]["days"] == 12 * 365 and latest.after["value"]["days"] == 10 * 365
