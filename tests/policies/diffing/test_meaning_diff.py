"""The meaning diff: plain sentences from two analyses' summaries, findings and scores."""
import copy

from policies.diffing import AnalysisSnapshot, diff_meaning
from policies.pipeline import run_pipeline  # noqa: F401  (import check: the package stays importable beside it)
from tests.factories import FINDINGS_FOR, GOOD_SUMMARY

PERIOD_12_YEARS = {"topic": "retention", "kind": "period", "quote": "We keep pupil records for 12 years.",
                   "value": {"amount": 12, "unit": "year", "days": 4380}}
VAGUE = {"topic": "retention", "kind": "vague", "value": {},
         "quote": "We keep your information for as long as necessary for our business."}


def snapshot(summary, findings=(), scores=()):
    return AnalysisSnapshot(summary=summary, findings=list(findings), scores=list(scores))


def good_findings():
    return [{"topic": t, "kind": k, "value": v, "quote": q} for t, k, v, q in FINDINGS_FOR["good"]]


def test_same_analysis_has_no_changes():
    s = snapshot(GOOD_SUMMARY, good_findings())
    assert diff_meaning(s, s).changes == []


def test_changed_period_to_vague_wording():
    old = copy.deepcopy(GOOD_SUMMARY)
    old["retention"].update(periods_days=[4380], max_days=4380, vague_statement=False)
    new = copy.deepcopy(GOOD_SUMMARY)
    new["retention"].update(periods_days=[], max_days=None, vague_statement=True)
    diff = diff_meaning(snapshot(old, [PERIOD_12_YEARS]), snapshot(new, [VAGUE]))
    retention = [c for c in diff.changes if c.topic == "retention"]
    assert retention[0].text == "Retention: 12 years → 'as long as necessary' (vague)"
    assert retention[0].direction == "worse"


def test_shorter_period_is_better():
    old = copy.deepcopy(GOOD_SUMMARY)
    old["retention"].update(periods_days=[4380], max_days=4380)
    new = copy.deepcopy(GOOD_SUMMARY)
    new["retention"].update(periods_days=[365], max_days=365)
    change = next(c for c in diff_meaning(snapshot(old), snapshot(new)).changes if c.topic == "retention")
    assert change.text == "Retention: 12 years → 1 year" and change.direction == "better"


def test_new_recipient_with_purpose_and_location():
    new = copy.deepcopy(GOOD_SUMMARY)
    new["third_parties"]["recipients"].append({"name": "Mailchimp", "purpose": "marketing", "location": "USA"})
    new["third_parties"]["named"].append("Mailchimp")
    diff = diff_meaning(snapshot(GOOD_SUMMARY), snapshot(new))
    assert [c.text for c in diff.changes] == ["New recipient: Mailchimp (marketing, USA)"]
    assert diff.changes[0].direction == "worse" and diff.changes[0].label == "Third-party sharing"


def test_recipient_names_match_across_company_suffixes():
    old = copy.deepcopy(GOOD_SUMMARY)
    new = copy.deepcopy(GOOD_SUMMARY)
    new["third_parties"]["recipients"][0]["name"] = "Amazon Web Services Ltd."
    assert not [c for c in diff_meaning(snapshot(old), snapshot(new)).changes if "recipient" in c.text.lower()]


def test_removed_recipient_and_sale_of_data():
    new = copy.deepcopy(GOOD_SUMMARY)
    new["third_parties"]["recipients"] = new["third_parties"]["recipients"][:1]
    new["third_parties"]["named"] = ["Amazon Web Services"]
    new["third_parties"]["sells_data"] = "yes"
    texts = {c.text: c.direction for c in diff_meaning(snapshot(GOOD_SUMMARY), snapshot(new)).changes}
    assert texts["Recipient no longer named: Google (email, Ireland)"] == "neutral"
    assert texts["Sale of data: no → yes"] == "worse"


def test_score_and_grade_changes_with_direction():
    old = [{"dimension": "overall", "points": 76, "grade": "B"},
           {"dimension": "children", "points": 80, "grade": "A", "label": "Children's data"}]
    new = [{"dimension": "overall", "points": 81, "grade": "A"},
           {"dimension": "children", "points": 60, "grade": "C", "label": "Children's data"}]
    changes = diff_meaning(snapshot(GOOD_SUMMARY, scores=old), snapshot(GOOD_SUMMARY, scores=new)).changes
    assert [(c.text, c.direction) for c in changes] == [
        ("Overall score: 76 (B) → 81 (A), up 5", "better"),
        ("Children's data score: 80 (A) → 60 (C), down 20", "worse"),
    ]


def test_findings_added_and_removed_are_grouped_by_topic():
    old = good_findings()
    new = good_findings()[1:] + [{"topic": "security", "kind": "measures", "value": {},
                                  "quote": "We encrypt all data at rest and in transit."}]
    diff = diff_meaning(snapshot(GOOD_SUMMARY, old), snapshot(GOOD_SUMMARY, new))
    assert diff.findings_removed == {"retention": ["We keep pupil records for one year after the contract ends."]}
    assert diff.findings_added == {"security": ["We encrypt all data at rest and in transit."]}
    topics = diff.by_topic()
    assert list(topics) == ["retention", "security"]
    assert any("1 new statement" in c.text for c in topics["security"]["changes"])


def test_renumbered_quotes_are_the_same_finding():
    old = [{"topic": "retention", "kind": "period", "value": {}, "quote": "8.4 We keep logs for 30 days."}]
    new = [{"topic": "retention", "kind": "period", "value": {}, "quote": "9.4 We keep logs  for 30 days."}]
    diff = diff_meaning(snapshot(GOOD_SUMMARY, old), snapshot(GOOD_SUMMARY, new))
    assert diff.findings_added == {} and diff.findings_removed == {} and diff.changes == []


def test_missing_or_odd_summary_values_do_not_crash():
    diff = diff_meaning(snapshot({}), snapshot({"retention": None, "third_parties": {"recipients": [None, {}]},
                                                "user_rights": "oops"}))
    assert diff.changes == []


def _with_findings(summary, findings):
    snap = snapshot(summary)
    snap.findings.extend(findings)
    return snap


def test_a_period_replaced_by_vague_wording_is_said_as_such():
    old = copy.deepcopy(GOOD_SUMMARY)
    old["retention"].update(periods_days=[4380, 365], max_days=4380)
    new = copy.deepcopy(GOOD_SUMMARY)
    new["retention"].update(periods_days=[365], max_days=365, vague_statement=True)
    vague = {"topic": "retention", "kind": "vague", "quote": "We keep it for as long as necessary.", "value": {}}
    changes = [c for c in diff_meaning(snapshot(old), _with_findings(new, [vague])).changes if c.topic == "retention"]
    assert changes[0].text == "Retention: 12 years → 'as long as necessary' (vague)"
    assert changes[0].direction == "worse"
    assert not any("→ 1 year" in c.text for c in changes)  # the shorter remaining period is no improvement


def test_other_periods_that_come_and_go_are_listed_after_the_headline():
    old = copy.deepcopy(GOOD_SUMMARY)
    old["retention"].update(periods_days=[4380, 30], max_days=4380)
    new = copy.deepcopy(GOOD_SUMMARY)
    new["retention"].update(periods_days=[4380, 90], max_days=4380)
    texts = [c.text for c in diff_meaning(snapshot(old), snapshot(new)).changes if c.topic == "retention"]
    assert texts == ["Retention period no longer stated: 1 month", "New retention period: 3 months"]
