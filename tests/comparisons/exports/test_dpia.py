"""comparisons.exports.dpia: summary, findings and rubric answers -> the DPIA starter's sections and gaps."""

from __future__ import annotations

from comparisons.exports.dpia import (
    SUPPLIER_QUESTIONS,
    Evidence,
    ScoreData,
    _Found,
    build_dpia,
    gaps,
    supplier_question,
)
from comparisons.scoring import DIMENSIONS, score
from tests.comparisons.exports._sample import EVIDENCE, GOOD_SUMMARY, SCORES, WHEN, head


def dpia(summary=None, evidence=EVIDENCE, scores=SCORES):
    return build_dpia(head(), GOOD_SUMMARY if summary is None else summary, evidence, scores, generated_at=WHEN)


def facts(doc, key):
    return {f.label: f for f in next(s for s in doc.sections if s.key == key).facts}


def test_sections_in_order():
    assert [s.key for s in dpia().sections] == [
        "supplier", "data", "children", "retention", "recipients", "transfers", "sale", "rights", "security",
    ]  # fmt: skip


def test_each_fact_cites_its_quote():
    retention = facts(dpia(), "retention")
    period = retention["Retention period"]
    assert period.text == "1 year: pupil records (after the contract ends)"
    assert [q.text for q in period.quotes] == ["We keep pupil records for one year after the contract ends."]
    deletion = retention["Deletion on request"]
    assert deletion.text == "Described" and deletion.quotes[0].review == "confirm"


def test_children_and_data():
    children = facts(dpia(), "children")
    assert children["Who the service is for"].text == "For children, with consent"
    assert children["Minimum age"].text == "11"
    assert children["Parental consent"].text == "Yes"
    assert facts(dpia(), "data")["Children's data processed"].text == "Name, Year group"


def test_recipients_named_with_purpose_location_and_quote():
    recipients = facts(dpia(), "recipients")
    aws = recipients["Amazon Web Services"]
    assert aws.text == "Purpose: hosting; Location: UK"
    assert aws.quotes[0].text == "AWS hosts our data."
    assert recipients["Categories of recipient"].text == "Hosting providers"


def test_recipient_named_only_without_purpose():
    summary = {"third_parties": {"named": ["Google"]}}
    assert facts(dpia(summary), "recipients")["Google"].text == "Purpose not stated"


def test_empty_summary_says_not_stated_everywhere():
    doc = dpia(summary={}, evidence=[])
    for section in doc.sections:
        for fact in section.facts:
            if fact.label != "Retention periods":
                assert fact.not_stated and fact.text == "Not stated in the policy", (section.key, fact.label)
            assert fact.quotes == []


def test_garbage_summary_does_not_raise():
    summary = {"retention": "x", "children": [1], "third_parties": {"recipients": [None, {"name": 3}]},
               "user_rights": 5, "security": None, "role": ["x"], "international_transfers": {"a": 1}}  # fmt: skip
    assert dpia(summary=summary, evidence=[Evidence("retention", "period", {"days": "x"}, "q")]).sections


def test_security_and_rights():
    sec = facts(dpia(), "security")
    assert sec["Measures described"].text == "Encryption"
    assert sec["Measures described"].quotes[0].text == "We encrypt data at rest."
    assert sec["Independent certification"].text == "Cyber essentials"
    assert sec["Breach notification"].text == "Promised"
    rights = facts(dpia(), "rights")
    assert rights["Complaint to the ICO"].quotes[0].text == "You may complain to the ICO."


def test_gaps_come_from_answers_not_stated_fair_or_bad_worst_first():
    found = gaps(SCORES, _Found(EVIDENCE))
    assert [(g.verdict, g.area) for g in found] == [
        ("bad", "Sale and advertising"),
        ("not_stated", "Data retention"),
        ("fair", "Sale and advertising"),
    ]
    sale = found[0]
    assert sale.question == SUPPLIER_QUESTIONS["sale"]["default"]
    assert sale.finding == "Personal data may be sold"
    assert [q.text for q in sale.quotes] == ["Schools can ask us to delete pupils’ data at any time."]
    assert found[1].question == SUPPLIER_QUESTIONS["deletion"]
    assert found[2].quotes == []  # evidence position 99 is not among the findings (rejected, say)


def test_unknown_rubric_question_gets_a_question_from_its_text():
    assert supplier_question("new_q", "Is it new?", "Partly", "fair") == (
        "Is it new? The policy's answer is “Partly”. Please explain, and say what you will commit to in the contract."
    )
    assert supplier_question("new_q", "Is it new?", "Not stated", "not_stated").startswith(
        "The policy does not answer this: Is it new?"
    )


def test_blockers_become_red_line_questions_first():
    blocker = {"key": "sells_data", "title": "Sells personal data", "cap": "E", "reason": "Selling is a red line",
               "evidence": [1]}  # fmt: skip
    scores = [ScoreData("overall", "Overall", 20, "E", {"blockers": [blocker]}), *SCORES[1:]]
    found = gaps(scores, _Found(EVIDENCE))
    assert found[0].verdict == "blocker" and found[0].area == "Red line"
    assert found[0].question.startswith("Sells personal data:")


def test_every_rubric_question_has_a_supplier_question():
    keys = {q.key for d in DIMENSIONS for q in d.questions}
    assert keys <= SUPPLIER_QUESTIONS.keys(), keys - SUPPLIER_QUESTIONS.keys()


def test_gaps_from_a_real_scorecard_of_an_empty_policy():
    card = score({}, [])
    scores = [
        ScoreData(d.key, d.label, d.points, d.grade or "", {"answers": [a.__dict__ for a in d.answers]})
        for d in card.dimensions
    ]
    found = gaps(scores, _Found([]))
    assert found and all(g.verdict == "not_stated" for g in found)
    assert {g.question for g in found} >= {SUPPLIER_QUESTIONS["deletion"], SUPPLIER_QUESTIONS["breach"]}


def test_scores_listed_overall_first():
    assert dpia().scores[0] == ("Overall", "B (72/100)")
