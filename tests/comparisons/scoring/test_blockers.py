"""Each blocker: when it fires, what it caps, and the evidence it cites."""

from comparisons.scoring import BLOCKERS, score

FINDINGS = [
    {
        "topic": "children",
        "kind": "audience",
        "value": {"stance": "directed"},
        "quote": "For pupils aged 5-11.",
    },
    {"topic": "data_sale", "kind": "sells", "value": {}, "quote": "We may sell your data."},
    {"topic": "advertising", "kind": "third_party_ads", "value": {}, "quote": "Ads are shown by partners."},
    {"topic": "retention", "kind": "indefinite", "value": {}, "quote": "We keep data indefinitely."},
    {
        "topic": "international_transfers",
        "kind": "transfer",
        "value": {},
        "quote": "Data is stored in the US.",
    },
    {"topic": "security", "kind": "encryption", "value": {}, "quote": "Data is encrypted."},
]

# Everything else good, so the uncapped grade is high and the cap is visible.
GOOD = {
    "retention": {"periods_days": [365], "max_days": 365, "deletion_on_request": True},
    "children": {
        "stance": "directed_with_consent",
        "school_consent": True,
        "data_processed": ["name"],
        "legal_basis": ["public_task"],
    },
    "third_parties": {
        "named": ["AWS"],
        "recipients": [{"name": "AWS", "purpose": "hosting"}],
        "sells_data": "no",
        "third_party_ads": "no",
        "tracking": "no",
    },
    "international_transfers": "none",
    "role": "processor",
    "user_rights": [
        "access",
        "rectification",
        "erasure",
        "restriction",
        "portability",
        "objection",
        "complaint",
    ],
    "security": ["encryption", "access_control", "staff_training", "certification", "breach_notification"],
    "policy_changes": {"notice": "yes"},
    "contact": {"email": "dpo@example.com", "dpo": True},
}


def with_(**changes):
    import copy

    s = copy.deepcopy(GOOD)
    for path, value in changes.items():
        *head, last = path.split("__")
        target = s
        for h in head:
            target = target[h]
        target[last] = value
    return s


def keys(card):
    return [b.key for b in card.blockers]


def test_good_policy_has_no_blockers_and_grade_a():
    card = score(GOOD, FINDINGS)
    assert card.blockers == []
    assert card.grade == card.uncapped_grade == "A"
    assert card.overall == card.uncapped_overall == 100


def test_sells_childrens_data_caps_at_e():
    card = score(with_(third_parties__sells_data="yes"), FINDINGS)
    assert keys(card) == ["sells_childrens_data"]
    assert card.uncapped_grade in ("A", "B")
    assert card.grade == "E"
    assert card.overall <= 34
    assert card.blockers[0].evidence == [0, 1]  # audience + sale finding
    assert card.blockers[0].reason


def test_sells_data_not_for_children_caps_at_d():
    card = score(
        with_(third_parties__sells_data="yes", children={"stance": "not_directed", "min_age": 18}), FINDINGS
    )
    assert keys(card) == ["sells_data"]
    assert card.grade == "D"
    assert 35 <= card.overall <= 49
    assert card.blockers[0].evidence == [1]


def test_children_data_described_counts_as_children_involved_when_stance_unknown():
    card = score(
        with_(third_parties__sells_data="yes", children={"data_processed": ["pupil names"]}), FINDINGS
    )
    assert keys(card) == ["sells_childrens_data"]


def test_ads_to_children_caps_at_d():
    card = score(with_(third_parties__third_party_ads="yes"), FINDINGS)
    assert keys(card) == ["ads_to_children"]
    assert card.grade == "D"
    assert card.blockers[0].evidence == [0, 2]


def test_ads_not_a_blocker_when_not_for_children():
    card = score(with_(third_parties__third_party_ads="yes", children={"stance": "not_directed"}), FINDINGS)
    assert card.blockers == []


def test_indefinite_childrens_data_caps_at_d():
    card = score(with_(retention__indefinite=True), FINDINGS)
    assert keys(card) == ["indefinite_childrens_data"]
    assert card.grade == "D"
    assert card.blockers[0].evidence == [0, 3]


def test_indefinite_retention_not_a_blocker_when_not_for_children():
    card = score(with_(retention__indefinite=True, children={"stance": "not_directed"}), FINDINGS)
    assert card.blockers == []


def test_unsafeguarded_transfers_caps_at_c():
    card = score(with_(international_transfers="yes"), FINDINGS)
    assert keys(card) == ["unsafeguarded_transfers"]
    assert card.grade == "C"
    assert card.blockers[0].evidence == [4]


def test_transfers_with_named_safeguard_are_not_blocked():
    card = score(with_(international_transfers="yes", transfer_safeguards=["idta"]), FINDINGS)
    assert card.blockers == []


def test_several_blockers_all_reported_worst_cap_wins():
    card = score(
        with_(
            third_parties__sells_data="yes",
            third_parties__third_party_ads="yes",
            retention__indefinite=True,
            international_transfers="yes",
        ),
        FINDINGS,
    )
    assert keys(card) == [
        "sells_childrens_data",
        "ads_to_children",
        "indefinite_childrens_data",
        "unsafeguarded_transfers",
    ]
    assert card.grade == "E"


def test_cap_never_improves_a_grade():
    # a poor policy already below the cap keeps its own grade and score
    s = {"international_transfers": "yes"}
    card = score(s, [])
    assert keys(card) == ["unsafeguarded_transfers"]
    assert card.uncapped_grade == "E"
    assert card.grade == "E"
    assert card.overall == card.uncapped_overall


def test_every_blocker_is_exercised():
    tested = {
        "sells_childrens_data",
        "sells_data",
        "ads_to_children",
        "indefinite_childrens_data",
        "unsafeguarded_transfers",
    }
    assert {b.key for b in BLOCKERS} == tested
