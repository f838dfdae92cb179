"""Unit tests for policies.analysis.topics.transfers."""
from __future__ import annotations

import pytest

from policies.analysis.segmentation import segment
from policies.analysis.topics import transfers
from policies.analysis.topics._common import single_segment_doc


def summary(text):
    doc = segment(text)
    return transfers.summarise(transfers.find(doc, None), doc)


def one(text):
    return transfers.find(single_segment_doc(text), None)


@pytest.mark.parametrize("text,expected", [
    ("We do not transfer your personal data outside the UK.", "none"),
    ("All information you provide to us is stored on secure servers in the UK.", "none"),
    ("Your data never leaves the European Economic Area.", "none"),
    ("Your information may be transferred to and processed in the United States.", "yes"),
    ("Some of our suppliers are based outside the UK, so processing will involve a transfer of data outside "
     "the UK. We use standard contractual clauses approved by the European Commission.", "with_safeguards"),
    ("We use a cloud provider in the UK.", "not_stated"),
    ("You may ask us to transfer your data to another organisation.", "not_stated"),
    ("Our photographs are stored in the UK, in Google Cloud's London region. PayPal may process payment information "
     "in Luxembourg and the United States. These transfers are protected by standard contractual clauses.",
     "with_safeguards"),
    ("Our shop database is stored in the UK. Mailchimp stores our mailing list in the United States.", "yes"),
    ("We don't transfer any personal information outside the UK and the EEA.", "none"),
    ("All processors work in Germany. A transmission of personal data to a third country (outside the EU/EEA) does "
     "not take place.", "none"),
    # a hedged "insofar as possible" promises nothing; the provider's seat abroad is the transfer
    ("Insofar as possible, we process all data within the European Union. Zendesk, Inc. has its seat in the USA. The "
     "transmission takes place on the basis of the standard contractual clauses of the EU Commission.",
     "with_safeguards"),
    ("Wherever possible, we store your data in the UK.", "not_stated"),
    # "in principle" is not a promise either (translated); the provider abroad is the transfer
    ("In principle all data are processed in Germany or in the European Union. The transfer to Stripe, Inc. takes "
     "place on basis of the EU-US Data Privacy Framework and standard contractual clauses.", "with_safeguards"),
    ("The data are treated in data centres in Italy. Our sub-processors treat the data in Italy or in other countries "
     "of the European Union. The data are not transferred towards countries outside of the European Economic Area.",
     "none"),
    ("Mostly no. Feelio is hosted in London. Postmark and Intercom are based in the USA; we use the UK Addendum to the "
     "EU standard contractual clauses.", "with_safeguards"),
    # rules+model-2026.11ax: data seen from abroad
    ("6.3 Your school's data is hosted in the UK. Our support tool, Intercom, is the one place where staff details may "
     "be seen from outside the UK or EU, which is why it is covered by the UK Addendum.", "with_safeguards"),
])
def test_status(text, expected):
    assert summary(text)["international_transfers"] == expected


def test_explicit_none_beats_incidental_provider_abroad():
    text = ("Technical data from analytics providers such as Google based outside the UK.\n\n"
            "We do not transfer your personal data outside the UK.")
    assert summary(text)["international_transfers"] == "none"


def test_strong_transfer_beats_none_about_a_different_scope():
    text = ("Your data is stored in the UK. Our support staff in India may access your data to help you.")
    assert summary(text)["international_transfers"] == "yes"


def test_stored_in_uk_but_accessed_abroad_is_not_none():
    s = summary("Your data is stored in the UK but may be accessed from the United States by our engineers.")
    assert s["international_transfers"] == "yes"


def test_conditional_safeguard_boilerplate_does_not_override_explicit_none():
    text = ("We do not transfer data outside the EEA. If we ever do so, we will use standard contractual "
            "clauses.")
    assert summary(text)["international_transfers"] == "none"


@pytest.mark.parametrize("text,mech", [
    ("Transfers are made under standard contractual clauses.", "scc"),
    ("We use the International Data Transfer Agreement for transfers from the UK.", "idta"),
    ("We rely on the UK Addendum to the EU standard contractual clauses.", "uk_addendum"),
    ("We only transfer data to countries with an adequacy decision.", "adequacy"),
    ("Our group is bound by binding corporate rules.", "bcr"),
    ("Our US provider is certified under the EU-U.S. Data Privacy Framework.", "dpf"),
    ("We will only transfer your data outside the EEA with your explicit consent.", "consent"),
    ("We use specific contracts approved for use in the UK which give personal data the same protection.", "scc"),
])
def test_mechanisms(text, mech):
    assert mech in {f.value["mechanism"] for f in one(text) if f.kind == "safeguard"}


def test_generic_adequate_security_is_not_a_safeguard():
    assert not [f for f in one("We take adequate security measures to protect your data.") if f.kind == "safeguard"]


def test_transfer_value_has_destination_and_strength():
    f = [f for f in one("Your data will be transferred to the United States.") if f.kind == "transfer"][0]
    assert f.value["destination"] == "the United States"
    assert f.value["strength"] == "strong"


def test_us_pronoun_is_not_the_united_states():
    assert not [f for f in one("Although we will do our best, information transmitted to us is at your risk.")
                if f.kind == "transfer"]


def test_offsets(sample_docs):
    for text, doc in sample_docs:
        for f in transfers.find(doc, None):
            assert f.quote == text[f.start:f.end] and f.end - f.start <= 800


def test_a_translated_treat_is_processing_abroad():
    text = ("The servers of the App are located in the European Union (Belgium). Some subcontractors, namely "
            "OneSignal, Inc., can treat data in the United States of America. In these cases, the transfer is founded "
            "in the standard contractual clauses approved by the European Commission.")
    assert summary(text)["international_transfers"] == "with_safeguards"


def test_no_transfer_to_any_other_country():
    text = ("All the systems we use keep information in the United Kingdom or in the European Economic Area. We do "
            "not transfer your information to any other country.")
    assert summary(text)["international_transfers"] == "none"


@pytest.mark.parametrize("text, expected", [
    ("Processors: Microsoft 365 (email and document storage, with data held in the UK); Jotform (online forms, "
     "on EU servers).\n\n"
     "8. INTERNATIONAL TRANSFERS\n\n8.1 SmugMug, Inc. is based in the United States. SmugMug is certified under the "
     "EU-US Data Privacy Framework and its UK Extension.", "with_safeguards"),
    ("6.1 Parlotte does not effectuate any transfer of data outside the European Union. None of our "
     "sub-contractors transfers the data outside the European Union.", "none"),
    ("Your account and learning data are stored in the UK. OpenAI and Intercom are in the USA. We protect these "
     "transfers with the UK International Data Transfer Addendum.", "with_safeguards"),
    ("§ 8. Transfer to countries outside EU/EEA\n\nBogorm transfers no personal informations to countries outside the "
     "EU/EEA.", "none"),
    # an exception under a transfers heading, a long negated transfer, "these transfers are covered"
    ("Outside the UK:\nAll our systems and suppliers are in the UK.\nThe exception is trips abroad: the "
     "passenger list travels with the coach, and border officials can see it when we cross.\n\n"
     "Who gets it:\n- VisionTrack: footage is stored on VisionTrack's UK servers.", "yes"),
    ("7. WHERE THE INFORMATION IS KEPT\n\n7.1 All our systems, including backups and our Microsoft 365 tenancy, "
     "are in\nthe United Kingdom. We do not transfer screening records or any other per-\nsonal information "
     "about children or parents outside the UK.", "none"),
    ("INTERNATIONAL TRANSFERS\n\nPhotographs and class lists are stored in the UK and are not transferred "
     "abroad. Some order information is handled by providers based in the USA (Stripe, Zendesk and "
     "Mailchimp). These transfers are covered by the International Data Transfer Addendum.", "with_safeguards"),
])
def test_transfers_2026_11ap_to_at(text, expected):
    assert summary(text)["international_transfers"] == expected
