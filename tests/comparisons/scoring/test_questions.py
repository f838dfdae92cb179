"""Every option of every question, from small hand-built summaries."""

import pytest

from comparisons.scoring import DIMENSIONS, score

DIRECTED = {"stance": "directed"}
NOT_DIRECTED = {"stance": "not_directed"}


def answer(summary, dim, question, findings=()):
    card = score(summary, list(findings))
    return next(a for a in card.dimension(dim).answers if a.question == question)


CASES = [
    # retention_period
    (
        "retention",
        "retention_period",
        {"retention": {"periods_days": [30, 2190], "max_days": 2190}},
        "bounded",
    ),
    ("retention", "retention_period", {"retention": {"periods_days": [2555]}}, "long"),  # max_days missing
    ("retention", "retention_period", {"retention": {"max_days": 4000}}, "long"),
    ("retention", "retention_period", {"retention": {"event_bound": True}}, "event_bound"),
    ("retention", "retention_period", {"retention": {"vague_statement": True}}, "vague"),
    (
        "retention",
        "retention_period",
        {"retention": {"indefinite": True, "periods_days": [30], "max_days": 30}},
        "indefinite",
    ),
    ("retention", "retention_period", {"retention": {"periods_days": [], "max_days": None}}, "not_stated"),
    (
        "retention",
        "retention_period",
        {"retention": {"vague_statement": True, "periods_days": [365]}},
        "bounded",
    ),
    # deletion
    ("retention", "deletion", {"retention": {"deletion_on_request": True}}, "yes"),
    ("retention", "deletion", {"retention": {"deletion_on_request": False}}, "not_stated"),
    # audience
    ("children", "audience", {"children": {"stance": "directed_with_consent"}}, "directed_with_consent"),
    ("children", "audience", {"children": NOT_DIRECTED}, "not_directed"),
    ("children", "audience", {"children": DIRECTED}, "directed"),
    ("children", "audience", {"children": {"stance": "not_stated"}}, "not_stated"),
    ("children", "audience", {"children": {"stance": "bogus"}}, "not_stated"),
    # authorisation
    ("children", "authorisation", {"children": {**DIRECTED, "school_consent": True}}, "school_or_parent"),
    ("children", "authorisation", {"children": {**DIRECTED, "parental_consent": True}}, "school_or_parent"),
    ("children", "authorisation", {"children": {**DIRECTED, "parental_consent": False}}, "no_consent"),
    ("children", "authorisation", {"children": DIRECTED}, "not_stated"),
    ("children", "authorisation", {"children": {"stance": "not_stated"}}, "not_stated"),
    ("children", "authorisation", {"children": {**NOT_DIRECTED, "parental_consent": False}}, "n/a"),
    # children_data
    (
        "children",
        "children_data",
        {"children": {**DIRECTED, "data_processed": ["name"], "legal_basis": ["public_task"]}},
        "both",
    ),
    ("children", "children_data", {"children": {**DIRECTED, "data_processed": ["name"]}}, "partial"),
    ("children", "children_data", {"children": {**DIRECTED, "legal_basis": ["consent"]}}, "partial"),
    ("children", "children_data", {"children": DIRECTED}, "not_stated"),
    ("children", "children_data", {"children": NOT_DIRECTED}, "n/a"),
    # age_limit
    ("children", "age_limit", {"children": {**NOT_DIRECTED, "min_age": 13}}, "stated"),
    ("children", "age_limit", {"children": NOT_DIRECTED}, "not_stated"),
    ("children", "age_limit", {}, "not_stated"),
    ("children", "age_limit", {"children": {**DIRECTED, "min_age": 13}}, "n/a"),
    ("children", "age_limit", {"children": {"stance": "directed_with_consent"}}, "n/a"),
    # recipients_named
    ("third_parties", "recipients_named", {"third_parties": {"named": ["Google"]}}, "named"),
    (
        "third_parties",
        "recipients_named",
        {"third_parties": {"recipients": [{"name": "AWS", "purpose": "hosting"}]}},
        "named",
    ),
    (
        "third_parties",
        "recipients_named",
        {"third_parties": {"categories": ["IT providers"]}},
        "categories_only",
    ),
    ("third_parties", "recipients_named", {"third_parties": {"named": []}}, "not_stated"),
    # recipient_purposes
    (
        "third_parties",
        "recipient_purposes",
        {
            "third_parties": {
                "named": ["AWS", "Google"],
                "recipients": [
                    {"name": "AWS", "purpose": "hosting"},
                    {"name": "Google", "purpose": "analytics"},
                ],
            }
        },
        "all",
    ),
    (
        "third_parties",
        "recipient_purposes",
        {
            "third_parties": {
                "recipients": [{"name": "AWS", "purpose": "hosting"}, {"name": "Google", "purpose": None}]
            }
        },
        "some",
    ),
    ("third_parties", "recipient_purposes", {"third_parties": {"named": ["Google"]}}, "not_stated"),
    ("third_parties", "recipient_purposes", {"third_parties": {"categories": ["IT providers"]}}, "n/a"),
    ("third_parties", "recipient_purposes", {}, "n/a"),
    # role
    ("third_parties", "role", {"role": "processor"}, "processor"),
    ("third_parties", "role", {"role": "both"}, "both"),
    ("third_parties", "role", {"role": "controller"}, "controller"),
    ("third_parties", "role", {"role": "not_stated"}, "not_stated"),
    # transfers
    ("transfers", "transfers", {"international_transfers": "none"}, "none"),
    ("transfers", "transfers", {"international_transfers": "with_safeguards"}, "with_safeguards"),
    ("transfers", "transfers", {"international_transfers": "yes"}, "yes"),
    ("transfers", "transfers", {"international_transfers": "not_stated"}, "not_stated"),
    ("transfers", "transfers", {}, "not_stated"),
    # safeguard_mechanism
    (
        "transfers",
        "safeguard_mechanism",
        {"international_transfers": "with_safeguards", "transfer_safeguards": ["scc", "uk_addendum"]},
        "uk_mechanism",
    ),
    (
        "transfers",
        "safeguard_mechanism",
        {"international_transfers": "with_safeguards", "transfer_safeguards": ["IDTA"]},
        "uk_mechanism",
    ),
    (
        "transfers",
        "safeguard_mechanism",
        {"international_transfers": "with_safeguards", "transfer_safeguards": ["scc"]},
        "eu_only",
    ),
    (
        "transfers",
        "safeguard_mechanism",
        {"international_transfers": "with_safeguards", "transfer_safeguards": ["privacy_shield"]},
        "other",
    ),
    ("transfers", "safeguard_mechanism", {"international_transfers": "yes"}, "not_stated"),
    ("transfers", "safeguard_mechanism", {"international_transfers": "with_safeguards"}, "not_stated"),
    ("transfers", "safeguard_mechanism", {"international_transfers": "none"}, "n/a"),
    ("transfers", "safeguard_mechanism", {}, "n/a"),
    # sale
    ("sale_and_ads", "sale", {"third_parties": {"sells_data": "no"}}, "no"),
    ("sale_and_ads", "sale", {"third_parties": {"sells_data": "yes"}}, "yes"),
    ("sale_and_ads", "sale", {"third_parties": {"sells_data": "not_stated"}}, "not_stated"),
    ("sale_and_ads", "sale", {"third_parties": {"sells_data": False}}, "no"),
    # third_party_ads
    ("sale_and_ads", "third_party_ads", {"third_parties": {"third_party_ads": "no"}}, "no"),
    ("sale_and_ads", "third_party_ads", {"third_parties": {"third_party_ads": "yes"}}, "yes"),
    ("sale_and_ads", "third_party_ads", {}, "not_stated"),
    # tracking
    ("sale_and_ads", "tracking", {"third_parties": {"tracking": "no"}}, "no"),
    ("sale_and_ads", "tracking", {"third_parties": {"tracking": "yes"}}, "yes"),
    ("sale_and_ads", "tracking", {"third_parties": {}}, "not_stated"),
    # rights_listed
    (
        "rights",
        "rights_listed",
        {"user_rights": ["access", "rectification", "erasure", "restriction", "portability"]},
        "full",
    ),
    ("rights", "rights_listed", {"user_rights": ["access", "erasure", "objection"]}, "partial"),
    ("rights", "rights_listed", {"user_rights": ["access", "complaint"]}, "minimal"),
    ("rights", "rights_listed", {"user_rights": ["complaint"]}, "not_stated"),
    ("rights", "rights_listed", {"user_rights": None}, "not_stated"),
    # complaint
    ("rights", "complaint", {"user_rights": ["complaint"]}, "yes"),
    ("rights", "complaint", {"user_rights": ["access"]}, "not_stated"),
    # contact
    ("rights", "contact", {"contact": {"email": "dpo@x.com", "dpo": True}}, "dpo"),
    ("rights", "contact", {"contact": {"email": "privacy@x.com", "dpo": False}}, "email"),
    ("rights", "contact", {"contact": {"email": None, "dpo": False}}, "not_stated"),
    # changes
    ("rights", "changes", {"policy_changes": {"notice": "yes", "how": "email"}}, "notice"),
    ("rights", "changes", {"policy_changes": {"notice": "not_stated"}}, "not_stated"),
    # security measures
    ("security", "measures", {"security": ["encryption", "access_control", "staff_training"]}, "several"),
    ("security", "measures", {"security": ["encryption", "certification", "breach_notification"]}, "some"),
    ("security", "measures", {"security": ["certification"]}, "not_stated"),
    # certification
    ("security", "certification", {"security": ["certification"]}, "yes"),
    ("security", "certification", {"security": ["Cyber Essentials"]}, "yes"),
    ("security", "certification", {"security": ["encryption"]}, "not_stated"),
    # breach
    ("security", "breach", {"security": ["breach_notification"]}, "yes"),
    ("security", "breach", {"security": []}, "not_stated"),
]


@pytest.mark.parametrize(
    ("dim", "question", "summary", "expected"), CASES, ids=[f"{c[1]}-{c[3]}-{i}" for i, c in enumerate(CASES)]
)
def test_question_option(dim, question, summary, expected):
    assert answer(summary, dim, question).option == expected


def test_every_option_of_every_question_is_exercised():
    covered = {(c[1], c[3]) for c in CASES}
    missing = [
        (q.key, o.key)
        for dim in DIMENSIONS
        for q in dim.questions
        for o in q.options
        if (q.key, o.key) not in covered
    ]
    assert missing == []


def test_question_keys_unique():
    keys = [q.key for dim in DIMENSIONS for q in dim.questions]
    assert len(keys) == len(set(keys))


@pytest.mark.parametrize("dim", DIMENSIONS, ids=lambda d: d.key)
def test_not_stated_is_low_middle_and_not_zero(dim):
    for q in dim.questions:
        ns = q.option("not_stated")
        assert 0 < ns.points < q.max_points
        assert 0.2 <= ns.points / q.max_points <= 0.4
        assert ns.verdict == "not_stated"
