"""Scorecard arithmetic: N/A, not-stated vs bad, grades, weights, evidence, contract, methodology."""

import json
from dataclasses import dataclass, field

import pytest

from comparisons.scoring import (
    DIMENSIONS,
    GRADE_THRESHOLDS,
    NEUTRAL_SCORE,
    RUBRIC_VERSION,
    Scorecard,
    contract_scores,
    grade_for,
    methodology,
    rubric,
    score,
)
from comparisons.scoring.engine import band_top
from comparisons.scoring.model import Dimension, Option, Question

SAMPLE = {  # the analysis contract's example summary
    "retention": {
        "periods_days": [2190],
        "max_days": 2190,
        "indefinite": False,
        "deletion_on_request": True,
        "vague_statement": True,
    },
    "children": {"stance": "not_directed", "parental_consent": None, "min_age": None},
    "third_parties": {
        "named": ["Google", "Salesforce"],
        "sells_data": "not_stated",
        "third_party_ads": "not_stated",
    },
    "international_transfers": "none",
}

FINDINGS = [
    {"topic": "contact", "kind": "email", "value": {"email": "x@y.z"}, "quote": "Email x@y.z"},
    {"topic": "retention", "kind": "period", "value": {"days": 2190}, "quote": "six years"},
    {"topic": "retention", "kind": "vague", "value": {}, "quote": "as long as necessary"},
    {
        "topic": "third_party_sharing",
        "kind": "named_recipient",
        "value": {"name": "Google"},
        "quote": "Google",
    },
    {"topic": "retention", "kind": "deletion", "value": {}, "quote": "ask us to delete"},
    {"topic": "children", "kind": "audience", "value": {}, "quote": "not intended for children"},
    {
        "topic": "third_party_sharing",
        "kind": "named_recipient",
        "value": {"name": "Salesforce"},
        "quote": "Salesforce",
    },
    {"topic": "international_transfers", "kind": "no_transfer", "value": {}, "quote": "UK only"},
    {"topic": "user_rights", "kind": "right", "value": {"right": "erasure"}, "quote": "erasure"},
    {
        "topic": "user_rights",
        "kind": "right",
        "value": {"right": "complaint"},
        "quote": "complain to the ICO",
    },
    {"topic": "security", "kind": "measure", "value": {"measure": "encryption"}, "quote": "encrypted"},
    {"topic": "security", "kind": "certification", "value": {"name": "ISO 27001"}, "quote": "ISO 27001"},
]


def ans(card, dim, q):
    return next(a for a in card.dimension(dim).answers if a.question == q)


# ---------------------------------------------------------------- shape


def test_scorecard_shape():
    card = score(SAMPLE, FINDINGS)
    assert isinstance(card, Scorecard)
    assert card.rubric_version == RUBRIC_VERSION
    assert [d.key for d in card.dimensions] == [
        "retention",
        "children",
        "third_parties",
        "transfers",
        "sale_and_ads",
        "rights",
        "security",
    ]
    for d in card.dimensions:
        assert d.points is None or 0 <= d.points <= 100
        assert d.good_count + d.fair_count + d.bad_count + d.not_stated_count + d.na_count == len(d.answers)
        for a in d.answers:
            assert a.verdict in ("good", "fair", "bad", "not_stated", "n/a")
            assert a.text and a.label
    assert 0 <= card.overall <= 100 and card.grade in "ABCDE"
    json.dumps(card.as_dict())  # storable


def test_contract_example_scores():
    card = score(SAMPLE, [])
    scores = contract_scores(card)
    assert scores == {
        "retention": 100,
        "children": 80,
        "third_parties": 53,
        "transfers": 100,
        "sale_and_ads": 30,
        "rights": 31,
        "security": 30,
        "overall": 64,
        "grade": "C",
    }


def test_contract_scores_shape_and_types():
    for summary in (SAMPLE, {}, None):
        scores = contract_scores(score(summary, []))
        assert set(scores) == {d.key for d in DIMENSIONS} | {"overall", "grade"}
        for k, v in scores.items():
            if k == "grade":
                assert v in ("A", "B", "C", "D", "E")
            else:
                assert type(v) is int and 0 <= v <= 100


def test_contract_scores_uses_neutral_value_for_all_na_dimension():
    card = score(SAMPLE, [])
    card.dimensions[1].points = None  # simulate a dimension with nothing applicable
    assert contract_scores(card)["children"] == NEUTRAL_SCORE


# ---------------------------------------------------------------- N/A and not-stated


def test_na_questions_leave_the_denominator():
    card = score({"children": {"stance": "not_directed", "min_age": 13}}, [])
    children = card.dimension("children")
    assert [a.verdict for a in children.answers] == ["good", "n/a", "n/a", "good"]
    assert children.na_count == 2
    assert children.possible == 15 and children.earned == 15
    assert children.points == 100
    na = ans(card, "children", "authorisation")
    assert na.points is None and na.evidence == [] and not na.applicable


def test_dimension_with_every_question_na_scores_none_and_is_left_out_of_overall(monkeypatch):
    def always_na(summary, findings):
        return "n/a", []

    q = Question(
        "only", "Q?", "why", (Option("yes", "Yes", 10, "good"), Option("n/a", "N/A", None, "n/a")), always_na
    )
    dims = rubric.DIMENSIONS + (Dimension("extra", "Extra", 5.0, "why", (q,)),)
    monkeypatch.setattr("comparisons.scoring.engine.DIMENSIONS", dims)
    card = score(SAMPLE, [])
    extra = card.dimension("extra")
    assert extra.points is None and extra.grade is None and extra.na_count == 1
    assert card.overall == 64  # unchanged: weight 5 ignored
    assert contract_scores(card)["extra"] == NEUTRAL_SCORE


def test_not_stated_reported_apart_from_bad():
    silent = score({}, []).dimension("sale_and_ads")
    bad = score(
        {"third_parties": {"sells_data": "yes", "third_party_ads": "yes", "tracking": "yes"}}, []
    ).dimension("sale_and_ads")
    assert (silent.not_stated_count, silent.bad_count) == (3, 0)
    assert (bad.not_stated_count, bad.bad_count) == (0, 3)
    assert silent.points == 30
    assert bad.points < silent.points


def test_silent_policy_scores_low_middle_not_zero():
    card = score({}, [])
    assert all(d.points and 25 <= d.points <= 40 for d in card.dimensions)
    assert card.overall == 30 and card.grade == "E"
    assert card.blockers == []


# ---------------------------------------------------------------- grades and weights


@pytest.mark.parametrize(
    ("points", "grade"),
    [
        (100, "A"),
        (80, "A"),
        (79, "B"),
        (65, "B"),
        (64, "C"),
        (50, "C"),
        (49, "D"),
        (35, "D"),
        (34, "E"),
        (0, "E"),
    ],
)
def test_grade_thresholds(points, grade):
    assert grade_for(points) == grade


def test_band_top():
    assert [band_top(g) for g, _ in GRADE_THRESHOLDS] == [100, 79, 64, 49, 34]


def test_retention_children_third_parties_weigh_more():
    w = {d.key: d.weight for d in DIMENSIONS}
    heavy = min(w["retention"], w["children"], w["third_parties"])
    assert all(heavy > w[k] for k in ("transfers", "sale_and_ads", "rights", "security"))


def test_overall_is_weighted_average():
    card = score(SAMPLE, [])
    exact = {d.key: 100 * d.earned / d.possible for d in card.dimensions}
    w = {d.key: d.weight for d in DIMENSIONS}
    expected = sum(exact[k] * w[k] for k in w) / sum(w.values())
    assert card.uncapped_overall == int(expected + 0.5)


def test_better_retention_moves_overall_more_than_better_security():
    base = score({}, []).overall
    retention = score({"retention": {"periods_days": [365], "deletion_on_request": True}}, []).overall
    security = score(
        {
            "security": [
                "encryption",
                "access_control",
                "staff_training",
                "certification",
                "breach_notification",
            ]
        },
        [],
    ).overall
    assert retention - base > security - base > 0


# ---------------------------------------------------------------- evidence


def test_evidence_indices_point_at_the_right_findings():
    card = score(SAMPLE, FINDINGS)
    assert ans(card, "retention", "retention_period").evidence == [1]
    assert ans(card, "retention", "deletion").evidence == [4]
    assert ans(card, "children", "audience").evidence == [5]
    assert ans(card, "third_parties", "recipients_named").evidence == [3, 6]
    assert ans(card, "transfers", "transfers").evidence == [7]
    for a in card.dimension("sale_and_ads").answers:  # not stated: nothing to cite
        assert a.evidence == []
    for d in card.dimensions:
        for a in d.answers:
            for i in a.evidence:
                assert 0 <= i < len(FINDINGS)


def test_evidence_for_list_items_uses_value_fields():
    s = {"user_rights": ["erasure", "complaint", "access"], "security": ["encryption", "certification"]}
    card = score(s, FINDINGS)
    assert ans(card, "rights", "rights_listed").evidence == [8]
    assert ans(card, "rights", "complaint").evidence == [9]
    assert ans(card, "security", "measures").evidence == [10]
    assert ans(card, "security", "certification").evidence == [11]


def test_findings_may_be_objects():
    @dataclass
    class F:
        topic: str
        kind: str
        value: dict = field(default_factory=dict)
        quote: str = ""

    objs = [F(f["topic"], f["kind"], f["value"], f["quote"]) for f in FINDINGS]
    assert score(SAMPLE, objs).as_dict() == score(SAMPLE, FINDINGS).as_dict()


# ---------------------------------------------------------------- robustness and determinism


@pytest.mark.parametrize(
    "summary",
    [
        None,
        {},
        {
            "retention": None,
            "children": "x",
            "third_parties": [],
            "user_rights": "access",
            "security": None,
            "contact": None,
            "policy_changes": None,
            "role": 3,
            "international_transfers": None,
            "transfer_safeguards": None,
        },
        {"retention": {"periods_days": ["x", None, True], "max_days": "long"}},
        {"third_parties": {"recipients": ["AWS", None, {"name": "Google"}]}},
    ],
)
def test_tolerates_missing_and_malformed_input(summary):
    card = score(summary, [None, {"topic": None}, {}])
    assert card.grade in "ABCDE"


def test_deterministic_and_rescorable_from_json():
    a = score(SAMPLE, FINDINGS).as_dict()
    stored_summary, stored_findings = json.loads(json.dumps(SAMPLE)), json.loads(json.dumps(FINDINGS))
    assert score(stored_summary, stored_findings).as_dict() == a
    assert score(SAMPLE, FINDINGS).as_dict() == a


def test_score_does_not_mutate_input():
    import copy

    s, f = copy.deepcopy(SAMPLE), copy.deepcopy(FINDINGS)
    score(s, f)
    assert s == SAMPLE and f == FINDINGS


# ---------------------------------------------------------------- methodology


def test_methodology_matches_rubric_and_is_plain_data():
    m = methodology()
    json.dumps(m)
    assert m["rubric_version"] == RUBRIC_VERSION
    assert [d["key"] for d in m["dimensions"]] == [d.key for d in DIMENSIONS]
    assert m["weights"] == {d.key: d.weight for d in DIMENSIONS}
    assert abs(sum(d["weight_percent"] for d in m["dimensions"]) - 100) < 0.5
    assert [g["grade"] for g in m["grades"]] == ["A", "B", "C", "D", "E"]
    assert {b["key"] for b in m["blockers"]} == {b.key for b in rubric.BLOCKERS}
    for dm, dim in zip(m["dimensions"], DIMENSIONS, strict=True):
        assert dm["why"]
        for qm, q in zip(dm["questions"], dim.questions, strict=True):
            assert qm["text"] == q.text and qm["why"] and qm["references"]
            assert [(o["key"], o["points"]) for o in qm["options"]] == [(o.key, o.points) for o in q.options]
            assert qm["max_points"] == q.max_points
