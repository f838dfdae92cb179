"""The pure core of review: typed values per kind, locating a selection, and re-summarising reviewed findings."""
from __future__ import annotations

from dataclasses import replace

import pytest

from policies.analysis.analyser import analyse
from policies.review_values import (
    EDITABLE,
    ReviewValueError,
    clean_value,
    describe,
    initial_values,
    locate_quote,
    reviewed_summary,
    spec_for,
)

PERIOD = EDITABLE["retention.period"]


# --- clean_value: retention periods ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("amount", "unit", "days", "text"),
    [
        ("1", "year", 365, "1 year"),
        ("12", "year", 4380, "12 years"),
        ("12", "month", 365, "12 months"),  # whole years of months count as years, as the analyser does
        ("6", "month", 180, "6 months"),
        ("28", "day", 28, "28 days"),
        ("2", "week", 14, "2 weeks"),
        (" 3 ", "year", 1095, "3 years"),
    ],
)
def test_a_period_gets_days_and_text_like_the_analysers(amount, unit, days, text):
    value = clean_value(PERIOD, {"amount": amount, "unit": unit})
    assert value["days"] == days and value["text"] == text and value["amount"] == int(amount)


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ({"amount": "", "unit": "year"}, "needed"),
        ({"unit": "year"}, "needed"),
        ({"amount": "12"}, "Unit: this is needed"),
        ({"amount": "1.5", "unit": "year"}, "whole number"),
        ({"amount": "1e3", "unit": "year"}, "whole number"),
        ({"amount": "0", "unit": "year"}, "from 1 to 1200"),
        ({"amount": "1201", "unit": "month"}, "from 1 to 1200"),
        ({"amount": "١٢", "unit": "year"}, None),  # Arabic-Indic digits: isdigit() but still a number
        ({"amount": "12", "unit": "Years"}, "choose from the list"),
        ({"amount": "12", "unit": "decade"}, "choose from the list"),
    ],
)
def test_bad_period_input_is_refused_with_a_sentence(raw, message):
    if message is None:
        assert clean_value(PERIOD, raw)["amount"] == 12
        return
    with pytest.raises(ReviewValueError, match=message):
        clean_value(PERIOD, raw)


def test_optional_text_fields_are_normalised_or_none():
    value = clean_value(PERIOD, {"amount": "2", "unit": "year", "data": "  pupil \n records ", "trigger": ""})
    assert value["data"] == "pupil records" and value["trigger"] is None


def test_text_longer_than_the_limit_is_refused():
    with pytest.raises(ReviewValueError, match="under 300"):
        clean_value(PERIOD, {"amount": "2", "unit": "year", "data": "x" * 301})


# --- clean_value: other kinds -----------------------------------------------------------------------------------


def test_children_audience_with_and_without_an_age():
    spec = EDITABLE["children.audience"]
    assert clean_value(spec, {"stance": "not_directed", "min_age": "13"}) == {"stance": "not_directed", "min_age": 13}
    assert clean_value(spec, {"stance": "directed", "min_age": ""}) == {"stance": "directed", "min_age": None}
    with pytest.raises(ReviewValueError, match="from 0 to 21"):
        clean_value(spec, {"stance": "directed", "min_age": "99"})
    with pytest.raises(ReviewValueError, match="choose from the list"):
        clean_value(spec, {"stance": "maybe"})


def test_multiple_choices_keep_the_lists_order_and_refuse_unknown_items():
    spec = EDITABLE["children.data_processed"]
    assert clean_value(spec, {"categories": ["email", "name"]}) == {"categories": ["name", "email"]}
    with pytest.raises(ReviewValueError, match="choose from the list"):
        clean_value(spec, {"categories": ["name", "<script>"]})
    with pytest.raises(ReviewValueError, match="at least one"):
        clean_value(spec, {"categories": []})


def test_a_named_recipient_is_marked_as_the_reviewers():
    value = clean_value(EDITABLE["third_party_sharing.named_recipient"], {"name": " Mailchimp ", "category": ""})
    assert value == {"name": "Mailchimp", "purpose": None, "location": None, "category": None, "source": "reviewer"}


def test_dates_must_be_iso():
    spec = EDITABLE["policy_changes.last_updated"]
    assert clean_value(spec, {"date": "2025-03-01"}) == {"date": "2025-03-01"}
    for bad in ("01/03/2025", "2025-02-30", "yesterday"):
        with pytest.raises(ReviewValueError, match="YYYY-MM-DD"):
            clean_value(spec, {"date": bad})


def test_kinds_without_fields_get_the_flags_their_summariser_reads():
    assert clean_value(EDITABLE["retention.deletion"], {}) == {"on_request": True}
    assert clean_value(EDITABLE["children.parental_consent"], {}) == {"parental_consent": True}
    assert clean_value(EDITABLE["data_sale.sells"], {}) == {}


def test_spec_lookup_and_initial_values():
    assert spec_for("retention", "section") is None
    assert spec_for("retention", "period") is PERIOD
    assert initial_values(PERIOD, {"amount": 6, "unit": "year", "days": 2190, "data": None}) == {
        "amount": 6,
        "unit": "year",
        "data": "",
        "trigger": "",
    }


def test_describe_is_short_and_plain():
    assert describe(None) == "—"
    assert describe({"amount": 6, "unit": "year", "days": 2190, "text": "6 years"}) == "text: 6 years"
    assert describe({"categories": ["name", "email"]}) == "categories: name, email"


# --- locate_quote -----------------------------------------------------------------------------------------------

TEXT = "We keep data. We share data. We keep data."


def test_a_unique_quote_is_found():
    assert locate_quote(TEXT, "We share data.", None) == (14, 28)


def test_surrounding_whitespace_of_a_selection_is_ignored():
    assert locate_quote(TEXT, "  We share data.\n", None) == (14, 28)


def test_a_repeated_quote_needs_a_hint_and_takes_the_nearest():
    with pytest.raises(ReviewValueError, match="more than once"):
        locate_quote(TEXT, "We keep data.", None)
    assert locate_quote(TEXT, "We keep data.", 0) == (0, 13)
    assert locate_quote(TEXT, "We keep data.", 40) == (29, 42)


@pytest.mark.parametrize(
    ("quote", "message"), [("", "Select"), ("   ", "Select"), ("Not here.", "not in this version")]
)
def test_missing_quotes_are_refused(quote, message):
    with pytest.raises(ReviewValueError, match=message):
        locate_quote(TEXT, quote, None)


def test_an_overlong_selection_is_refused():
    with pytest.raises(ReviewValueError, match="2,000"):
        locate_quote("x" * 5000, "x" * 2001, 0)


# --- reviewed_summary -------------------------------------------------------------------------------------------

POLICY = (
    "How long we keep data\n"
    "We keep pupil records for 12 months after the contract ends.\n"
    "You can ask us to delete your data at any time.\n"
    "Our service is not directed at children under 13.\n"
)


def test_the_summary_of_unreviewed_findings_is_the_analysers():
    analysis = analyse(POLICY)
    assert reviewed_summary(POLICY, analysis.findings) == analysis.summary


def test_a_corrected_period_changes_the_longest_period():
    analysis = analyse(POLICY)
    corrected = [
        replace(f, value={**f.value, "days": 4380}) if f.kind == "period" else f for f in analysis.findings
    ]
    assert reviewed_summary(POLICY, corrected)["retention"]["max_days"] == 4380


def test_rejecting_every_deletion_finding_overrides_the_text():
    analysis = analyse(POLICY)
    deletion = [f for f in analysis.findings if f.topic == "retention" and f.kind == "deletion"]
    standing = [f for f in analysis.findings if f not in deletion]
    assert deletion, "the analyser should find deletion on request here"
    assert reviewed_summary(POLICY, standing, rejected=deletion)["retention"]["deletion_on_request"] is False


def test_an_added_minimum_age_counts():
    analysis = analyse(POLICY)
    audience = [f for f in analysis.findings if f.topic == "children" and f.kind == "audience"]
    assert audience
    changed = [replace(f, value={"stance": "not_directed", "min_age": 16}) if f in audience else f
               for f in analysis.findings]
    assert reviewed_summary(POLICY, changed)["children"]["min_age"] == 16
