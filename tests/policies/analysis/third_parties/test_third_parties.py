"""Unit tests for policies.analysis.topics.third_parties: sharing, named recipients, sale, advertising."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from policies.analysis.segmentation import segment
from policies.analysis.topics import third_parties as tp
from policies.analysis.topics._common import single_segment_doc
from policies.analysis.types import Document, Segment


def run(text, vendor="Acme Learning Ltd", kind="sentence", heading=""):
    doc = single_segment_doc(text, kind=kind, heading=heading)
    return tp.find(doc, vendor)


def kinds(findings, topic=None):
    return {f.kind for f in findings if topic is None or f.topic == topic}


def names(findings):
    return [f.value["name"] for f in findings if f.kind == "named_recipient"]


def summary(text, vendor="Acme Learning Ltd"):
    doc = segment(text)
    return tp.summarise(tp.find(doc, vendor), doc)["third_parties"]


# --- sharing statements -------------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "We may share your personal information with third-party service providers.",
    "We do not share your personal data with anyone outside our organisation.",
    "Your data may be disclosed to law enforcement agencies if required by law.",
    "In the event of a merger or acquisition, user information may be transferred to the new owner.",
    "Third-party advertisers may use cookies to collect information about your visits.",
    "We use Google Analytics to understand how visitors use the site.",
    "Information is shared with exam boards to register candidates.",
])
def test_sharing_statements_found(text):
    assert "sharing" in kinds(run(text), "third_party_sharing") or "named_recipient" in kinds(run(text))


@pytest.mark.parametrize("text", [
    "Our site contains links to third-party websites we do not control.",
    "You have the right to request the transfer of your personal data to you or to a third party.",
    "Please do not share your password with anyone.",
    "We sell educational products and subscriptions to schools.",
    "You can make a complaint to the Information Commissioner's Office (ICO).",
    "We receive information about you from your school.",
    "Access to your data is limited to employees who need it.",
])
def test_near_misses_not_found(text):
    assert not [f for f in run(text) if f.topic == "third_party_sharing"]


def test_negated_sharing_is_flagged():
    f = [f for f in run("We do not share your personal information with third parties.") if f.kind == "sharing"][0]
    assert f.value["negated"] is True


# --- categories -------------------------------------------------------------------------------
@pytest.mark.parametrize("text,category", [
    ("We may share data with professional advisers including lawyers and auditors.", "professional_advisers"),
    ("We may disclose information to HMRC and other regulators.", "regulators"),
    ("If we sell our business, your data may be transferred to the buyer.", "acquirers"),
    ("We share pupils' progress with their school.", "schools"),
    ("We may share your information with our affiliates and subsidiaries.", "group_companies"),
    ("We share usage data with analytics providers.", "analytics"),
    ("Card details are shared with our payment processors.", "payment_processors"),
    ("We may share device identifiers with advertising partners.", "advertisers"),
    ("We may disclose data to the police in response to a court order.", "law_enforcement"),
    ("We share data with IT service providers who host our systems.", "service_providers"),
])
def test_categories(text, category):
    cats = {f.value["category"] for f in run(text) if f.kind == "category"}
    assert category in cats


# --- named recipients -------------------------------------------------------------------------
@pytest.mark.parametrize("text,name", [
    ("Payments are processed by third parties on our behalf, currently Sagepay.", "Sagepay"),
    ("We use Mailchimp to send our newsletter.", "Mailchimp"),
    ("Our platform is hosted on AWS in London.", "Amazon Web Services"),
    ("Card payments are handled by our payment provider, Paymentsense.", "Paymentsense"),
    ("Products are delivered by a supplier (such as 'Galore Park').", "Galore Park"),
    ("Support tickets are managed through Zendesk.", "Zendesk"),
    ("Analytics providers such as Google collect usage data.", "Google"),
    ("Our CRM is provided by Salesforce, which stores contact records.", "Salesforce"),
])
def test_named_recipients(text, name):
    assert name in names(run(text))


@pytest.mark.parametrize("text, expected", [
    # rules+model-2026.11ba: an item of a recipients list that says what the company does
    ("Who do you share my information with?\n\n- Stripe, which takes card payments.\n- Yoti, which checks tutors' "
     "identity documents.\n", ["Stripe", "Yoti"]),
    # a kind, a dash, its companies, a colon
    ("Who we share your information with\n\nWe share only what each organisation needs:\n\n\u2022 Ferry and tunnel "
     "operators for your crossing - P&O Ferries, DFDS or Eurotunnel Le Shuttle: passenger names and dates of birth.\n",
     ["P&O Ferries", "DFDS", "Eurotunnel Le Shuttle"]),
    # examples of organisations that, the sentence says, receive nothing
    ("Sharing\n\nOur directory includes opportunities from providers such as UHI and Edinburgh College, but those "
     "providers never receive anything from us.\n", []),
    # a kind of recipient opening a sentence, after the text has used the word as a noun
    ("Who we share with\n\nOur books are licensed from publishers including Holiday House. Publishers receive "
     "quarterly reports showing how many times each title was opened.\n", []),
    # rules+model-2026.11bb: an item that opens with the company and what it does
    ("Services that handle data for me\n\n- RevenueCat keeps track of whether a subscription is active.\n"
     "- Fastmail hosts my email, so your message is stored there.\n", ["RevenueCat", "Fastmail"]),
    ("Recipients of the data\n\n- Axonaut, our software of management of the clients and of the invoicing;\n",
     ["Axonaut"]),
    # ... or says it receives nothing, or is the school's own system
    ("Who we share with\n\n(a) Oak National Academy - our teachers use its free online lessons, but we share no "
     "information with it;\n", []),
    ("Our iPad app is on the App Store. Apple handles app downloads but we do not share Student Data with Apple.\n",
     []),
    ("We do not connect to any school's information system. Schools using SIMS, Arbor, Bromcom or any other MIS "
     "export the class list themselves.\n", []),
    # a company whose name ends like a kind of data; a date's label
    ("6. Who we share pupil information with\n\nOrganisation       What is shared        Where\n"
     "Overnet Data Ltd   Parent contact details   UK\nWonde Ltd          Selected data         UK\n",
     ["Overnet Data", "Wonde"]),
    ("Who we share with\n\nPosted: August 22, 2012\n", []),
    # rules+model-2026.11bc: a run-in label names what follows; a translated heading and lead
    ("Answers for schools\n\n\u2022 Sub-processors: Sentry (crash reports, EU region) and TelemetryDeck (anonymous "
     "usage counts, Germany).\n", ["Sentry", "TelemetryDeck"]),
    ("7. DESTINATARIES\n\n7.3 We also use the following providers of services, which treat the data in our name:\n\n"
     "   a) Holded: software of invoicing and accounting (Spain);\n   b) Brevo: sending of our newsletter (France);\n",
     ["Holded", "Brevo"]),
    # rules+model-2026.11bd: a public body opening a row of a recipients table; a kind of company, then its name; an
    # insurer "of" what it insures, then its name (not "the suppliers of point 6.1", nor "a partner of the Hub")
    ("Who we share pupil information with\n\nOrganisation                      What we share\n"
     "Department for Education (DfE)    census, attendance\nWestmorland and Furness Council   admissions\n"
     "Ofsted                            inspection evidence\n",
     ["Department for Education", "Westmorland and Furness Council", "Ofsted"]),
    ("Recipients of the data\n\no the ferry companies P&O Ferries, for the passenger list;\no our insurer of "
     "assistance and repatriation, Europ Assistance, which receives the list of participants;\n",
     ["P&O Ferries", "Europ Assistance"]),
    ("Transfers\n\nThe data are kept in Italy and, for the suppliers of point 6.1, within the EEA. Acme is a "
     "partner of the Marches Music Education Hub.\n", []),
    # ... not a school's own system given as examples, a former provider, a tool installed on the vendor's computers
    # or one the next sentence says gets nothing, nor where a user chooses to send a file
    ("How we receive class lists\n\nMost schools connect their management information system (for example SIMS,\n"
     "Arbor or Bromcom) to us through Wonde Ltd, which extracts the class list.\n", ["Wonde"]),
    ("Who we share with\n\nWe moved from Google Workspace to Microsoft 365, which now hosts our email and "
     "documents.\n", ["Microsoft"]),
    ("Who we share with\n\nOur retouching is done in-house using Adobe Photoshop installed on our studio "
     "workstations. Image files are not uploaded to Adobe or to any other online service.\n", []),
    ("Sharing\n\nThe PDF goes wherever you choose to send it (AirDrop, email, your school's Seesaw account).\n", []),
    # rules+model-2026.11bf: a one-person vendor's "I use"; not a pronoun, a school's own payment system, a tool run
    # on the vendor's own servers, nor one the next sentence says gets nothing
    ("Services I use\n\nTo check whether a subscription is active I use RevenueCat, which receives a random user ID.\n",
     ["RevenueCat"]),
    ("Who we share with\n\nFor invoicing we use Xero. Neither receives any information from the platform.\n", ["Xero"]),
    ("Who we share with\n\nMany schools also use ParentPay, sQuid or similar services for trips.\n", []),
    ("Who we share with\n\nError reports are collected with an own installation of Sentry on our own servers at "
     "Hetzner.\n", ["Hetzner"]),
    ("Who we share with\n\nImages are edited using Adobe Lightroom Classic on our own computers. We do not use Adobe's "
     "cloud sync and no images are uploaded to Adobe.\n", []),
    # rules+model-2026.11bg: a sign-in a user may choose, a school's own payment system the next sentence says the
    # vendor cannot reach, a tool installed on the vendor's own server
    ("If you make an account\n\nI store your email address and a hashed password (or your Google sign-in, if you use "
     "it).\n", []),
    ("Who we share with\n\nParents pay the school through ParentPay, Arbor or a similar school payment system. We have "
     "no access to those systems.\n", []),
    # (named again in a sentence of its own, which only the policy-wide list of self-hosted tools answers for)
    ("Recipients\n\nFor statistics we use the Matomo tool installed on our own server.\n\nThe data from Matomo are "
     "not passed to anyone else.\n", []),
])
def test_recipients_named_in_lists_and_sentences(text, expected):
    assert [n for n in names(tp.find(segment(text), "Acme Learning Ltd")) if n != "Holiday House"] == expected


def test_named_recipient_value_shape():
    f = [f for f in run("We use Stripe to process payments, based in the United States.")
         if f.kind == "named_recipient"][0]
    assert set(f.value) >= {"name", "purpose", "location", "source"}
    assert f.value["source"] == "gazetteer"


@pytest.mark.parametrize("text", [
    "This website may include links to third-party websites (like the App Store and Mailchimp).",
    "Follow us on Twitter and Facebook for news.",
    "You can complain to the Information Commissioner's Office (ICO).",
    "Acme Learning Ltd is the controller of your data and uses its own servers.",
])
def test_no_named_recipient_in_link_follow_regulator_or_vendor_context(text):
    assert names(run(text)) == []


def test_domain_list_under_intro_is_canonicalised():
    text = ("The following third parties will receive your personal data:\n"
            "• 123reg.com\nPurpose - Email hosting\n• aws.amazon.com\nPurpose - Software hosting\n"
            "• examplemailer.co.uk\n")
    s = summary(text)
    assert s["named"][:2] == ["123 Reg", "Amazon Web Services"]
    assert "Examplemailer" in s["named"]
    assert s["recipients"][0]["purpose"] == "Email hosting"


def test_domain_list_without_recipient_intro_is_ignored():
    text = "Useful resources:\n• bbc.co.uk\n• nationalgeographic.com\n"
    assert summary(text)["named"] == []


def test_vendor_excluded():
    s = summary("We share data with Acme Group companies. We use Mailchimp to send emails.",
                vendor="Acme Group Ltd")
    assert s["named"] == ["Mailchimp"]


def test_canonical_from_domain():
    assert tp.canonical_from_domain("123reg.com") == "123 Reg"
    assert tp.canonical_from_domain("https://aws.amazon.com/compliance/") == "Amazon Web Services"
    assert tp.canonical_from_domain("www.mailchimp.com") == "Mailchimp"
    assert tp.canonical_from_domain("acme-hosting.co.uk") == "Acme Hosting"


def test_ambiguous_gazetteer_words_need_capitals_and_context():
    assert names(run("We use a secure box to store paper records.")) == []
    assert names(run("Slack is used by our staff to discuss support tickets containing your data.")) == []
    assert "Slack" in names(run("Our team uses Slack to process support requests."))


# --- sale of data -----------------------------------------------------------------------------
@pytest.mark.parametrize("text,expected", [
    ("We will never sell your data to third parties.", "no"),
    ("We do not sell, rent or trade your personal information.", "no"),
    ("We may sell your personal information to marketing companies.", "yes"),
    ("In the preceding 12 months we have sold identifiers to data brokers.", "yes"),
    ("If we sell our business, your data may pass to the buyer.", "not_stated"),
    ("We sell revision guides and books.", "not_stated"),
    ("We share data with service providers.", "not_stated"),
    ("Provider is prohibited from using, disclosing, or selling Student Data to inform targeted advertising.", "no"),
    ("The vendor is forbidden to sell pupil data.", "no"),
    ("We do not use Student Data to target advertising, amass a profile of a student for non-educational purposes, "
     "or sell it.", "no"),
    ("There are no ads in the app. I don't sell or rent anything about anyone, and I never will.", "no"),
    ("7. THINGS WE WILL NOT DO\n\nWe will not, under any circumstances:\n   (a) sell, rent or trade pupil or parent "
     "information;\n   (b) show advertising in the app.\n", "no"),
    ("Sale of Data and Advertising", "not_stated"),
    # rules+model-2026.11bd: what is not sold, as "the names ... of pupils", or "anything except the app"
    ("Things we never do\n\nAcme will never:\n   - sell, rent or trade the names, images or contact details of pupils "
     "or parents to anyone;\n   - post a pupil's photograph on social media.\n", "no"),
    ("There are no ads and I don't sell anything except the app itself.", "no"),
    ("We sell the prints and their frames to parents.", "not_stated"),
    # rules+model-2026.11bg: a heading over the list negates it
    ("Things I will never do\n\n- Show ads, in the app or on the website.\n- Sell, rent or swap your data.\n", "no"),
])
def test_sells_data(text, expected):
    assert summary(text)["sells_data"] == expected


def test_explicit_sale_beats_ccpa_opt_out_boilerplate_and_no_beats_weak():
    assert summary("We do not sell personal information. You have the right to opt out of the sale of "
                   "personal information.")["sells_data"] == "no"


# --- advertising ------------------------------------------------------------------------------
@pytest.mark.parametrize("text,ads,tracking", [
    ("We allow third-party ad networks to show you interest-based ads.", "yes", "yes"),
    ("We do not allow third party advertisements on our websites.", "no", "not_stated"),
    ("Our service is completely ad-free and we do not use tracking cookies.", "no", "no"),
    ("Targeting cookies record your visit to make advertising more relevant.", "not_stated", "yes"),
    ("We may email you about our own products.", "not_stated", "not_stated"),
    ("We respond to Do Not Track signals.", "not_stated", "not_stated"),
    # rules+model-2026.11bf: an item under a negated lead; one that names a place says nothing of the rest
    ("7.6 Acme will never:\n   o sell pupil or parent data;\n   o allow advertising in the Parent app or on the "
     "tills;\n", "no", "not_stated"),
    ("6.4 If you accept advertising cookies, we use the Meta Pixel so that Meta can show you our adverts on "
     "Facebook.\n\n7.1 We do not:\n(a) sell personal data;\n(b) show third-party adverts inside the Platform;\n",
     "yes", "yes"),
])
def test_advertising(text, ads, tracking):
    s = summary(text)
    assert (s["third_party_ads"], s["tracking"]) == (ads, tracking)


# --- invariants -------------------------------------------------------------------------------
def test_quotes_are_exact_slices_and_short(sample_docs):
    for text, doc in sample_docs:
        for f in tp.find(doc, None):
            assert f.quote == text[f.start:f.end]
            assert 0 < f.end - f.start <= 800
            assert 0 <= f.confidence <= 1 and f.rule


def test_long_segment_is_narrowed_to_a_sentence():
    filler = "This sentence is filler about nothing in particular at all. " * 20
    text = filler + "We share your data with third parties. " + filler
    doc = Document(text=text, segments=(Segment(0, len(text), text, "sentence"),))
    fs = [f for f in tp.find(doc, None) if f.kind == "sharing"]
    assert fs and all(f.end - f.start <= 800 for f in fs)
    assert "We share your data with third parties." in fs[0].quote


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("abcdefgh ISWT.,:;\n•-'’“”\u00a00123")), max_size=400))
def test_never_crashes_and_offsets_hold(text):
    doc = segment(text)
    for f in tp.find(doc, "Acme"):
        assert f.quote == text[f.start:f.end]
    tp.summarise(tp.find(doc, None), doc)


# --- rules-2026.11c: recipients named the way copied tables and lists name them ------------------------
def test_name_lines_without_bullets_under_a_sharing_heading_are_recipients():
    text = ("Who do we share it with?\n\nService providers we use:\n\nAcme Hosting Ltd – hosting of the platform\n"
            "Yoti – tutor identity verification\nuCheck – processing of DBS applications\n"
            "Trustpilot – review invitations\n")
    assert {"Acme Hosting", "Yoti", "uCheck", "Trustpilot"} <= set(summary(text, "Other Co Ltd")["named"])


def test_name_line_with_legal_entity_in_brackets_resolves_a_gazetteer_alias():
    text = ("Who we share information with\n\nStripe Payments UK Ltd – payment processing for subscriptions.\n\n"
            "Xero Limited – our accounting system, where we keep invoices.\n")
    assert {"Stripe", "Xero"} <= set(summary(text, "Other Co Ltd")["named"])


def test_registered_company_named_under_a_sharing_heading_is_a_recipient():
    text = "WHO DO WE SHARE YOUR INFORMATION WITH?\n\nHarlow Print Lab Ltd prints and packs our orders.\n"
    assert "Harlow Print Lab" in summary(text, "Lumen Photos Ltd")["named"]


def test_unknown_name_coordinated_with_a_known_recipient_is_a_recipient():
    text = ("WHO DO WE SHARE YOUR INFORMATION WITH?\n\nRoyal Mail and DPD deliver orders to home addresses.\n\n"
            "Stripe and PayPal take card payments on our behalf.\n")
    assert {"Royal Mail", "DPD", "Stripe", "PayPal"} <= set(summary(text, "Other Co Ltd")["named"])


@pytest.mark.parametrize("text", [
    # the column headings and location cells of a sub-processor table that lost its borders
    "We use the following sub-processors:\n\nSub-processor\n\nService\n\nLocation\n\nEsendex Limited\n\n"
    "SMS alerts\n\nLondon (europe-west2)\n",
    # a supplier of block lists to the vendor, not a recipient of personal data
    "Filtering categories are maintained using lists supplied to us by the Internet Watch Foundation.",
    "We use Secure Sockets Layer (SSL) encryption when collecting card numbers.",
    # the name of the next cell glued to a legal suffix
    "Our sub-processors:\n\nZendesk, Inc.Support ticketing for school staff\n",
])
def test_table_headings_places_suppliers_and_glued_cells_are_not_recipients(text):
    named = summary(text, "Other Co Ltd")["named"]
    assert not {"Sub-processor", "Location", "London", "Service", "Internet Watch Foundation", "Secure Sockets Layer",
                "Inc.Support", "Support"} & set(named), named


def test_meta_and_facebook_are_named_as_the_policy_names_them():
    assert summary("We use the Meta Pixel from Meta Platforms Ireland Limited to measure our adverts.")["named"] \
        == ["Meta"]
    assert summary("We use the Facebook Pixel to measure our adverts.")["named"] == ["Facebook"]


@pytest.mark.parametrize("text", [
    "Do Not Track.",
    'The Sites do not currently respond to browser "Do Not Track" signals.',
    "This Privacy Policy describes how Acme, LLC and its affiliated entities collect, use and disclose information.",
    "Your message may be forwarded to another College office that is better able to answer your question.",
    "Enrolled students may not opt out of official communications sent to their student e-mail account.",
    "If you receive a message claiming to be from us, do not respond; forward it to security@example.com.",
])
def test_dnt_scope_statements_and_internal_routing_are_not_sharing(text):
    assert "sharing" not in kinds(run(text), "third_party_sharing"), text


def test_a_promise_not_to_track_still_counts():
    assert "no_tracking" in kinds(run("We do not track you across third-party websites."), "advertising")


def test_sub_processor_rows_separated_by_tabs_glued_or_written_in_lower_case():
    text = ("6. SUB-PROCESSORS\n\nSub-processor\tService\tLocation\nAnthropic, PBC\tAI model API\tUnited States\n"
            "Auth0 (Okta, Inc.)\tStaff login\tEU (Frankfurt)\n\n"
            "  •  thebigword Group Limited: telephone interpreting, only when a school books one.\n\n"
            "Sub-processorPurposeLocation\nRedstor LimitedEncrypted off-site backupsUK\n"
            "Firetext Communications LtdSMS low-balance alerts to parentsUK\n")
    named = summary(text, "Other Co Ltd")["named"]
    assert {"Anthropic", "Auth0", "Firetext", "thebigword Group"} <= set(named), named
    assert "Sub-processor" not in named


def test_such_as_list_reads_past_asides():
    text = ("We disclose personal information to vendors that perform services on our behalf, including Amazon Web "
            "Services (cloud hosting), Stripe and PayPal (payment processing), Braze (email) and Twilio (SMS).")
    assert {"Amazon Web Services", "Stripe", "PayPal", "Braze", "Twilio"} <= set(summary(text, "Other Co Ltd")["named"])


@pytest.mark.parametrize("text", [
    "SAT is a registered trademark of the College Board, and ACT is a registered trademark of ACT, Inc.",
    "Who we share data with\n\nPupils sign in with Google Workspace for Education or Microsoft Entra ID.",
    "Who we share data with\n\nNumberHive Home: if you cancel, your child's profile is kept until the period ends.",
    # public bodies outside a recipients list (2026.11af names them inside one)
    "Our lessons follow the Department for Education's guidance on relationships education.",
    "We do not share School Data with the Department for Education, Ofsted or any local authority.",
    "If you are unhappy, you can complain to the Information Commissioner's Office (ICO).",
])
def test_trademark_owners_name_tails_run_in_labels_and_public_bodies_are_not_recipients(text):
    named = summary(text, "Other Co Ltd")["named"]
    assert not {"ACT", "Education", "NumberHive Home", "Department for Education", "Ofsted",
                "Information Commissioner's Office", "ICO"} & set(named), named


@pytest.mark.parametrize("text, sells, ads", [
    ("We do not sell or share the personal information of users we know to be under 16, and we do not show "
     "targeted advertising to users we know to be under 18.", "not_stated", "not_stated"),
    ('In the preceding 12 months we have "sold" or "shared" (as those terms are defined in the CCPA) identifiers to '
     "our advertising partners. We do not sell or share sensitive personal information.", "yes", "yes"),
    ("We will never sell children's data.", "no", "not_stated"),
    ('This notice explains how Acme Software Ltd, trading as ParentLoop ("ParentLoop", "we"), handles personal '
     "data. We do not sell personal data.", "no", "not_stated"),
])
def test_sale_and_ads_answers_for_everyone_not_for_some(text, sells, ads):
    s = summary(text, "Other Co Ltd")
    assert (s["sells_data"], s["third_party_ads"]) == (sells, ads)


def test_inline_provider_lists_with_brackets_semicolons_and_chains():
    text = ("Who we share your information with\n\nWe use the following providers: Shopify International Limited "
            '(our online shop platform); PayPal for card payments; Klarna for "Pay in 3"; Royal Mail, Evri and DPD '
            "for home deliveries; Gorgias Inc. (customer service inbox).\n")
    named = set(summary(text, "Stitch Ltd")["named"])
    assert {"Shopify", "PayPal", "Klarna", "Royal Mail", "Evri", "DPD", "Gorgias"} <= named, named


def test_product_named_in_brackets_after_its_legal_entity():
    text = "SUB-PROCESSORS\n\nGoogle Ireland Limited (Firebase Cloud Messaging)  Push notifications  EU\n"
    assert "Firebase" in summary(text, "Other Co Ltd")["named"]


@pytest.mark.parametrize("text, vendor, absent", [
    ("Who we share data with\n\nWe use Matomo analytics, which we host on our own servers, so this usage "
     "information is not shared with any analytics company.", "Other Co Ltd", "Matomo"),
    ("Who we share data with\n\nWe work with our partner schools, including St Wilfrid's C of E Primary School and "
     "Knaresford Academy, to agree their uniform.", "Other Co Ltd", "Knaresford Academy"),
    ("Questions are mapped to the Australian Curriculum maintained by ACARA.", "Other Co Ltd", "ACARA"),
])
def test_self_hosted_tools_customer_schools_and_curriculum_owners_are_not_recipients(text, vendor, absent):
    named = summary(text, vendor)["named"]
    assert absent not in named, named


def test_a_generic_word_shared_with_the_vendor_does_not_make_a_company_the_vendor():
    text = "Sub-processors\n\nEgress Software Technologies Ltd — secure transfer of reports."
    assert "Egress" in summary(text, "Tideway Software Ltd")["named"]


@pytest.mark.parametrize("text", [
    "Recordings of voice commands are sent to our servers to be converted into text.",
    "Face recognition data is processed and stored on the console and is not sent to us.",
    # 2026.11ak: a security caveat and a copy of the policy are not sharing
    "No security system is impenetrable, and we cannot guarantee the security of information transmitted to the Site.",
    "Families receive a copy of this policy in their enrollment packet.",
])
def test_data_sent_to_the_vendors_own_servers_is_not_sharing(text):
    assert "sharing" not in kinds(run(text), "third_party_sharing"), text


def test_the_policys_scope_statement_names_no_recipient():
    text = ("This Privacy Policy applies to information we collect through our website, our apps and our ordering "
            "features on Facebook and Twitter.")
    assert summary(text, "Big Brick Pizza LLC")["named"] == []


@pytest.mark.parametrize("text", [
    "Receipt images may be processed by a receipt-reading vendor, which extracts the store name and total.",
    "Information is exchanged with the Federal Reserve, automated clearing houses and the debit card networks.",
    "We allow certain companies to place cookies and pixel tags on our website to gather information.",
    "To keep in touch, our records are matched against outside databases, including change-of-address lists.",
    "When you shop at a merchant, the merchant's own privacy policy applies to the information it collects.",
    "Messages you post in contest chat are accessible to everyone entered in that contest.",
    "Other registered alumni will be able to see your name and class year.",
])
def test_indirect_sharing_and_public_display(text):
    assert "sharing" in kinds(run(text), "third_party_sharing"), text


def test_passive_processing_by_the_vendor_itself_is_not_sharing():
    assert "sharing" not in kinds(run("Your request is processed by our support team within a day."),
                                  "third_party_sharing")


# --- rules+model-2026.11aa: recipient lists in Markdown and with long descriptions; names a policy does not use --
def test_recipient_lines_in_markdown_bold_or_with_a_long_description_are_recipients():
    text = ("We use these sub-processors. They can only use the information to provide their service to us:\n\n"
            "- **Mux** — converting and streaming videos so they play smoothly in the apps\n"
            "- **Google Firebase** — push notifications to the apps\n"
            "- Wonde Ltd — a secure link to the school's management information system (SIMS, Arbor and others), so "
            "that pupil names and classes stay up to date;\n"
            "- Twilio Ireland Limited — sending low-balance text messages to parents who switch them on;\n")
    named = summary(text, "Puddlejump Ltd")["named"]
    assert {"Mux", "Firebase", "Wonde", "Twilio"} <= set(named)
    assert not any("Ireland" in n for n in named)  # the legal entity resolves to the gazetteer's name


def test_a_table_after_a_recipient_list_under_a_retention_heading_names_no_one():
    text = ("We use these sub-processors to provide their service to us:\n\n- **Mux** — video streaming\n\n"
            "## How long we keep information\n\n| What | How long we keep it |\n| ---- | ---- |\n"
            "| Backups | Encrypted daily backups are kept for 14 days |\n")
    named = summary(text, "Puddlejump Ltd")["named"]
    assert "Mux" in named and "What" not in named and "Backups" not in named


@pytest.mark.parametrize("text, name, named", [
    ("We do not show adverts, and we do not use advertising cookies, the Meta Pixel or any other advertising "
     "trackers.", "Meta", False),
    ("Our website (but not the app or the dashboard) uses Google Analytics to understand how visitors use our "
     "pages.", "Google Analytics", True),
    ("We do not share your data with anyone except Stripe, which processes payments.", "Stripe", True),
    # 2026.11ak: "give", and a store listed after the App Store
    ("App stores: the app is downloaded free from App Store and Google Play. We do not give information about the "
     "user to Apple or to Google.", "Google", False),
    ("App stores: the app is downloaded free from App Store and Google Play. We do not give information about the "
     "user to Apple or to Google.", "Apple", False),
])
def test_a_name_the_policy_says_it_does_not_use_is_not_a_recipient(text, name, named):
    assert (name in summary(text)["named"]) is named


# --- rules+model-2026.11ab: inline and bracketed entities, systems a policy does not connect to, its own products --
def test_a_run_in_label_and_dashed_items_after_semicolons_name_recipients():
    text = ("Sub-processors. Google Cloud (Google Cloud EMEA Limited) – hosting, London; SoapBox Labs Ltd – children's "
            "speech recognition, Ireland; Postmark (ActiveCampaign, LLC) – transactional emails, United States.")
    named = summary(text, "Scribblebay Ltd")["named"]
    # the whole legal entity in brackets is the company behind the product (2026.11an: "EVOLVE (Edufocus Ltd)"),
    # a recipient too; a wrapped part of one is not ("(Google Cloud EMEA Limited)" is Google's)
    assert {"Google", "SoapBox Labs", "Postmark", "ActiveCampaign"} <= set(named)
    assert "Google Cloud EMEA" not in named


@pytest.mark.parametrize("text, absent", [
    ("Teachers who used Zoom before can import their timetable. Beamroom does not connect to Zoom and sends it no "
     "data.", "Zoom"),
    ("The DSL should record concerns in the school's own safeguarding system, such as CPOMS or MyConcern; Ponderly "
     "does not connect to these systems.", "CPOMS"),
    ("For all personal data processed through Gatehouse, the School is the controller. Our web filtering service, "
     "Gatehouse Filter, checks every request.", "Gatehouse"),
    ("Alerts are sent as follows:\n- Level 2 (possible concern) – sent to the School's DSL by email;\n", "Level 2"),
])
def test_systems_not_connected_the_vendors_own_products_and_alert_levels_are_not_recipients(text, absent):
    assert absent not in summary(text, "Thornfield Network Safety Ltd")["named"]


def test_gov_uk_notify_is_a_recipient():
    text = "We send email and text message notifications to families through GOV.UK Notify."
    assert "GOV.UK Notify" in summary(text, "Ashlar Public Sector Software Ltd")["named"]


# --- rules+model-2026.11ac: tables with wrapped cells, links with organisations, renamed and distinct products ------
@pytest.mark.parametrize("text, name, named", [
    ("If the school activates the link with a distributor of learning materials, we deliver the pupils' names to the "
     "distributor chosen by the school, for example Iddink or Van Dijk Educatie.", "Iddink", True),
    ("What we do not share: many schools link from their website to ParentPay for school dinners. These are ordinary "
     "links: we send no personal data.", "ParentPay", False),
    ("The e-books are licensed from publishers such as Penguin Random House and Scholastic. We never share student "
     "information with publishers.", "Scholastic", False),
    ("On the free plan we show contextual ads through Google AdSense.", "Google AdSense", True),
    ("7\tDisclosures and Sub-processors\t5", "Disclosures and Sub-processors", False),
    ("Tamarack SIS is certified for OneRoster 1.2 by 1EdTech Consortium, Inc.; we share roster data with Clever.",
     "Consortium", False),
    ("Card payments are processed by Braintree, a PayPal service.", "Braintree", True),
])
def test_named_recipients_in_context(text, name, named):
    assert (name in summary(text, "Kwartel B.V.")["named"]) is named


# --- rules+model-2026.11ad: run-in labels of lettered clauses, self-hosted tools named in the next sentence ---------
def test_lettered_clause_labels_and_a_self_hosted_tool_are_not_recipients():
    text = ("We use the following sub-processors:\n\n(f) Termination. When a District's agreement ends we delete its "
            "data.\n(g) Backups. Backups are kept for 45 days.\n\n(5) On the website we use Matomo for statistics.\n"
            "(6) Matomo is installed on our own server; no cookies are set.\n")
    named = summary(text, "Lanternpass Inc")["named"]
    assert not {"Termination", "Backups", "Matomo"} & set(named)


def test_a_recipient_item_that_mentions_a_link_it_sends_still_names_the_recipient():
    text = ("We use the following sub-processors:\n\n- Twilio Inc. – text message alerts; only the school name and a "
            "link are sent.\n")
    assert "Twilio" in summary(text, "Harrier Monitor Ltd")["named"]


# --- rules+model-2026.11af onwards: recipient lists in the layouts real uploads take -----------------------------
@pytest.mark.parametrize("text, present, absent", [
    # a borderless table whose cells wrap onto indented lines (2026.11ac)
    ("6.5 Subprocessors. Kwartel makes use of the following subprocessors:\n\n"
     "Subprocessor            Service                                     Location\n"
     "Bird B.V.               sending of SMS messages at absence          Netherlands\n"
     "                        and at urgent messages\n"
     "TOPdesk Nederland B.V.  registration of support questions of        Netherlands\n"
     "                        employees of schools\n", {"Bird", "TOPdesk"}, set()),
    # public bodies that open items of a recipients list; a gazetteer name in such a list needs no cue
    ("8. Who we share pupil information with\n\nWe routinely share pupil information with:\n"
     "  - the Department for Education (DfE) – to meet our legal obligations, such as the school census\n"
     "  - our local authorities, Calderdale Council and Kirklees Council – for admissions and SEND\n"
     "  - Ofsted – inspectors may look at pupil records during an inspection\n"
     "  - Xero, our accounting and invoicing system;\n",
     {"Department for Education", "Calderdale Council", "Kirklees Council", "Ofsted", "Xero"}, set()),
    # sub-processors with their city and country under a German-style section; a tool run on the vendor's servers
    ("§ 9 Recipients of the data and order processors\n\n(2) We employ the following order processors:\n\n"
     "- Speechmatics Ltd, Cambridge, United Kingdom: speech recognition for the pronunciation trainer;\n"
     "- DeepL SE, Cologne, Germany: translation of the texts written by pupils;\n\n"
     "§ 12 Cookies\n\n(2) With your consent we employ Matomo for the analysis of our website. Matomo is operated on "
     "our own servers; the data are not transmitted to third parties. The Matomo cookies are set only after your "
     "consent.\n", {"Speechmatics", "DeepL"}, {"Matomo"}),
    # a dash item in the vendor's words; a footer of social links beside a "Cookie policy" link
    ("5. Who we share it with\n\nWe use a small number of service providers:\n\n"
     "Stripe – takes payments for family subscriptions\n"
     "Intercom – our help chat and help centre for parents and teachers\n\n"
     "Spellrook\nFor schools   Pricing   Privacy policy   Cookie policy   Terms\n"
     "Follow us   Facebook   Instagram   YouTube\n", {"Stripe", "Intercom"}, {"Facebook", "Instagram", "YouTube"}),
    # a help-centre export: a borderless table's last row before "Was this article helpful?  Yes  No"
    ("Sub-processor          Purpose                                  Location\n"
     "Sentry                 Error monitoring                         USA\n"
     "Stripe                 Card payments for school subscriptions   Ireland / USA\n\n"
     "Was this article helpful?\nYes    No\n", {"Sentry", "Stripe"}, {"Yes"}),
    # recipients introduced as subcontractors; the product the vendor supplies is not one of them
    ("TillTap is supplied by Lingoquell GmbH. We recur to the following subcontractors:\n"
     "   - OneSignal, Inc. – sending of the notifications push (United States of America);\n"
     "   - Crisp IM SAS – chat of support technical in the App (France).\n"
     "Templates are stored only on the TillTap server on the school's own site.\n", {"OneSignal", "Crisp IM"},
     {"TillTap"}),
    # items named with ", which ..." or ", for the ...", an Italian S.p.A.; a location after a provider in brackets
    ("6. WHO WE SHARE PERSONAL INFORMATION WITH\n\n6.1 Operators who process personal information for us:\n"
     "   c. Stripe, which processes card payments of entry fees;\n   d. PayFast, which processes entry-fee payments;\n"
     "   - Aruba S.p.A., for the hosting of the servers;\n   - Skebby, for the sending of the SMS;\n\n"
     "8.1 Our systems are in South Africa (Amazon Web Services, Cape Town).\n",
     {"Stripe", "PayFast", "Aruba", "Skebby"}, {"Cape Town"}),
    # an app-store listing, share buttons, and a name the text says receives nothing
    ("We use these service providers: Zendesk for support.\nThe app can be downloaded free from the App Store and "
     "Google Play, but subscriptions are sold on our website, so Apple and Google do not receive your payment "
     "details.\n\n"
     "Share this page: Facebook  LinkedIn  Email\n", {"Zendesk"}, {"Apple", "Facebook", "LinkedIn"}),
    # airlines "such as" named carriers; a provider that backs a service
    ("We book flights with airlines such as British Airways and easyJet, which receive passport details. Our emergency "
     "line is backed by International SOS, which receives a participant's details if help is needed.\n",
     {"British Airways", "easyJet", "International SOS"}, set()),
    # public bodies the vendor sends data to, in its own sentences; processors under "The companies that run ...:";
    # a tool "installed on our own servers"
    ("The government. We send information about you to the Education and Skills Funding Agency (ESFA). We send your "
     "name to the Learning Records Service. The School may share attendance with the Department for Education. We do "
     "not share your data with Ofsted.\n\nThe companies that run our systems (our processors):\n"
     "- Smoothwall (web filtering and online safety monitoring on College devices and Wi-Fi);\n\n"
     "Audience measurement is realised with the software Matomo, installed on our own servers.\n",
     {"Education and Skills Funding Agency", "Learning Records Service", "Smoothwall"},
     {"Department for Education", "Ofsted", "Matomo"}),
    # the parts of a notice and a run-in label are no recipients; "our insurer, Morton Michel" is one
    ("This notice has four parts:\n  Part B – examiners, moderators and trainers\n  Part C – visitors to our "
     "website\n\n"
     "Who we share information with\n\n- Tax-Free Childcare: we are registered with HMRC as a childcare provider.\n"
     "- Our insurer: if an accident may lead to a claim, we share the record with our insurer, Morton Michel.\n",
     {"Morton Michel"}, {"Part B", "Part C", "Tax-Free Childcare"}),
    # Nordic legal forms (2026.11ak)
    ("6. Who do we pass on personal data to?\n\nWe use the following data processors:\n\n"
     "- Quickpay ApS – card payment for family subscriptions. Denmark.\n"
     "- Lundgren Print A/S – printing of certificates. Denmark.\n", {"Quickpay", "Lundgren Print"}, set()),
])
def test_recipient_lists_in_translated_and_web_page_layouts(text, present, absent):
    named = set(summary(text, "Lingoquell GmbH")["named"])
    assert present <= named
    assert not absent & named


def test_products_in_brackets_after_a_company_are_not_other_recipients():
    text = ("Our processors include:\n  - Microsoft – Microsoft 365 Education (email, Teams and OneDrive) for pupils "
            "and staff\n")
    assert summary(text, "Calderbrook Learning Trust")["named"] == ["Microsoft"]


def test_rows_under_a_recipient_column_are_sharing():
    text = ("Section 3: How Information Is Shared\n\nThe table below summarizes who receives information and why.\n\n"
            "Recipient | What they receive | Why\n\n"
            "Dealers and private sellers | Your name, contact details and message | To respond to your inquiry\n")
    kinds = {(f.kind, f.rule) for f in tp.find(segment(text), "LotLink Inc")}
    assert ("sharing", "tps.recipient_list_item") in kinds


@pytest.mark.parametrize("text, sells", [
    # an item of a list whose lead-in is negated, numbered paragraphs included
    ("A. SOPIPA. Tidewater will not:\n  1. engage in targeted advertising on the Services, or on any other website "
     "or application, based on any information that we have acquired because of the use of the Services;\n"
     "  2. sell a student's information, including covered information; or\n", "no"),
    ("We may:\n  1. sell a student's information to our partners;\n", "yes"),
    ("We do not use Student Data for targeted advertising, to build profiles, or to sell it.", "no"),
    ("6.3 The data are never object of sale, of cession or of diffusion.", "no"),
    ("Each is bound by a written contract that prohibits it from selling the information.", "no"),
])
def test_sale_in_a_list_reads_the_lead_in(text, sells):
    assert summary(text, "Tidewater Learning Inc")["sells_data"] == sells


def test_translated_publicity_is_advertising():
    assert summary("6.6. The App does not contain publicity of third parties.", "Lusoescola")["third_party_ads"] == "no"


# --- rules+model-2026.11ak: list lines with "and our ...", ", when ...", letters and brackets; what is not named ---
@pytest.mark.parametrize("text, present, absent", [
    ("Who we share information with:\n\n  • Ochil Insurance Brokers and our insurer, if there is an accident or "
     "claim.\n  • Harrow Print and Design, who print our camp T-shirts with your child's name.\n"
     "  • Coaches and their assistants, who see registers.\n",
     {"Ochil Insurance Brokers", "Harrow Print and Design"}, {"Coaches"}),
    ("Who do you share information with?\n\n- ABRSM and Trinity Music Board, when your child is entered for a graded "
     "exam: your child's name and date of birth.\n- The companies that run our systems for us:\n"
     "  - Speedadmin (our music school management system: pupil records, timetables, registers and invoices), hosted "
     "in the EU;\n- Our instrument insurer, Allianz Musical Insurance, if an instrument we lent you is lost.\n",
     {"ABRSM", "Trinity Music Board", "Speedadmin", "Allianz Musical Insurance"}, set()),
    ("§ 6. RECIPIENTS OF THE DATA\n\n1. The recipients can be the entities which provide services to us:\n"
     "   b) Hetzner Online GmbH – the backup copies, data centre in Falkenstein, Germany;\n"
     "   d) SMSAPI (LINK Mobility Poland sp. z o.o.) – sending of SMS to teachers, Poland;\n"
     "4. For statistics we use the tool Matomo installed on the own server of Grafikon. In the tickets of errors in "
     "the system Jira we do not put personal data.\n", {"Hetzner", "SMSAPI"}, {"Matomo", "Atlassian"}),
    ("WHO WE SHARE INFORMATION WITH\n\nProvider               What they do for us                   Where\n"
     "---------------------------------------------------------------------------\n"
     "Harbourne Imaging      Prints, mounts and packs prints       West Midlands, UK\n"
     "Ltd                    and photo gifts\n\n"
     "Please note that we are not connected to ParentPay, Scopay or any other school payment system.\n\n"
     "Images are edited in Adobe Lightroom Classic, installed on our own studio computers. We do not use Adobe's "
     "cloud storage, so the images are not sent to Adobe.\n", {"Harbourne Imaging"}, {"ParentPay", "Adobe"}),
    ("WhatsApp groups:\n\nFor each holiday camp we run a WhatsApp Community group so that coaches can share updates. "
     "We add your mobile number only if you tick the box on the booking form.\n", {"WhatsApp"}, set()),
    ("### Teacher Data\n\nWe use Teacher Data to run your account and send service emails.\n", set(), {"Teacher Data"}),
])
def test_recipient_lines_2026_11ak(text, present, absent):
    named = set(summary(text, "Grafikon sp. z o.o.")["named"])
    assert present <= named
    assert not absent & named


@pytest.mark.parametrize("text, sells, ads", [
    # a question answered "No"
    ("Do you sell my data?\n\nNo, never. We are a community interest company.\n", "no", "not_stated"),
    ("Do you show adverts?\n\nNo. The app has no third-party code.\n", "not_stated", "no"),
    # an item of a negated list whose first item wraps onto a second line
    ("We do not:\n  - sell your details or your child's photographs to anyone, or let any\n    other organisation use "
     "them for its own purposes;\n  - show advertising in our shop, or use advertising, retargeting or\n    social "
     "media tracking cookies;\n", "no", "no"),
    # a kind of advert, or a wish for none, says nothing about the adverts that are shown
    ("The free version shows adverts from Google AdMob. There are no video adverts with sound and no adverts that "
     "reward the child for watching. If you'd rather there were no adverts at all, Plus removes them.",
     "not_stated", "yes"),
])
def test_sale_and_advertising_answers(text, sells, ads):
    s = summary(text, "Canwen Music Tuition C.I.C.")
    assert (s["sells_data"], s["third_party_ads"]) == (sells, ads)


# --- rules+model-2026.11al: bold and lettered lines, Nordic/Czech forms, what is only a source or a brand ---------
@pytest.mark.parametrize("text, vendor, present, absent", [
    ("Who else touches the data\n\nOnly these:\n\n- Supabase – the database and login system.\n"
     "- Security – the data is encrypted at rest.\n- Resend – sends the sign-in link emails.\n\n"
     "I stopped using Google Analytics in 2023 and there is no Google code in the app. It's not on the App Store or "
     "Google Play, so neither Apple nor Google gets anything from you.\n\nGetting names in: paste a column of names "
     "you've copied from a register export in SIMS, Arbor or a spreadsheet.\n",
     "Lollipick", {"Supabase", "Resend"}, {"Security", "Google Analytics", "Google", "Apple", "Capita SIMS", "Arbor"}),
    ("## Who we share it with\n\nEach one has a contract with us:\n\n- **Loxley Colour** – our professional print "
     "laboratory in Larbert, Scotland, which prints and packs orders.\n\nYou can follow us on Instagram or Facebook, "
     "but nothing from our shop or galleries is shared with those sites.\n",
     "Ferryglass Photography Ltd", {"Loxley Colour"}, {"Instagram", "Facebook"}),
    ("Who else sees our information?\n\nA few organisations help us run things:\n• My Music Staff – our online "
     "timetabling and invoicing system.\n\nWhen your child sits a music exam we send the exam board the details it "
     "needs. We enter pupils with ABRSM and Trinity College London, depending on the exam.\n\nStudents tell us the "
     "subjects and exam boards being studied (for example AQA or Pearson Edexcel).\n",
     "Glenmorach Music CIC", {"My Music Staff", "ABRSM", "Trinity College London"}, {"AQA", "Pearson"}),
    ("4. HOW DATA GETS IN\n\n4.1 The integration service reads only these fields from the school's MIS (for example "
     "SIMS, Arbor or Bromcom) and transfers them to us.\n\n5.4 Templates are stored encrypted on the DunlinCard "
     "server in the school.\n",
     "Dunlin Cashless Systems Ltd", set(), {"Capita SIMS", "Arbor", "Bromcom", "DunlinCard"}),
    ("Who we share information with\n\nOrganisation                     What is shared                    Why\n"
     "Arbor Education Partners Ltd     All pupil and parent records      Our MIS\n",
     "Marlpit Learning Trust", {"Arbor"}, {"Organisation"}),
    ("6. Recipients\n\nThe processors of personal data are:\n"
     "o Fakturoid s.r.o., Brno, Czech Republic – issuing of invoices;\n"
     "o Ecomail.cz s.r.o., Prague, Czech Republic – sending of newsletter;\n\n"
     "5.4 For this we use the analytical tool Matomo, which is installed on our own server.\n",
     "Kostkovo s.r.o.", {"Fakturoid", "Ecomail"}, {"Matomo"}),
])
def test_recipient_lines_2026_11al(text, vendor, present, absent):
    named = set(summary(text, vendor)["named"])
    assert present <= named
    assert not absent & named


@pytest.mark.parametrize("text", [
    "Text messages are sent only to remind you about a pickup, and you can turn them off in Settings.",
    "No system is perfectly secure, and we cannot promise that information will never be disclosed in a way that is "
    "inconsistent with this policy.",
])
def test_messages_to_the_user_and_a_security_caveat_are_not_sharing(text):
    assert "sharing" not in kinds(run(text), "third_party_sharing"), text


# --- rules+model-2026.11am
@pytest.mark.parametrize("text, vendor, present, absent", [
    ("6. WHO RECEIVES PERSONAL DATA\n\nSub-processor              Purpose                                  Location\n"
     "Microsoft Ireland          Hosting of the platform                  UK (UK South, London;\n"
     "Operations Ltd             (Microsoft Azure), databases and         backups in UK West)\n\n"
     "6.4  For the avoidance of doubt, the following organisations do not receive personal data from us:\n\n"
     "     -    Nutritics Ltd, which supplies the recipe and nutrition database.\n",
     "DinnerDial Ltd", {"Microsoft"}, {"Operations", "Nutritics"}),
    ("Online forms are completed through our booking system, Bookwhen, which also holds the booking.\n\n"
     "WHO ELSE SEES THE INFORMATION?\n\nWe only pass on what each organisation needs:\n"
     "o Bookwhen Ltd, which provides our booking and online form system;\n"
     "o MyConcern, the secure system in which we record any child protection concern;\n",
     "Lochanbeg Trust", {"Bookwhen", "MyConcern"}, set()),
    ("## Who we share information with\n\nWe share student data with these providers:\n\n"
     "- Optional: whether a student is an English language learner, if the School chooses to share it\n"
     "- **Clever** and **ClassLink** - rostering and single sign-on, where the School uses them\n",
     "Glimmer Read, Inc.", {"Clever", "ClassLink"}, {"Optional"}),
    ("Who else sees your data\n\nDicebox does not include Google Analytics, Firebase, the Facebook SDK or any "
     "advertising network. There is no Android version, so nothing goes through Google Play.\n\nWe edit photographs "
     "on our own computers using Adobe Lightroom Classic. Both programs run on our machines; school photographs are "
     "not uploaded to Adobe's cloud storage.\n",
     "Dicebox Apps", set(), {"Google Analytics", "Firebase", "Facebook", "Google", "Adobe"}),
])
def test_recipient_lines_2026_11am(text, vendor, present, absent):
    named = set(summary(text, vendor)["named"])
    assert present <= named
    assert not absent & named


def test_translated_not_object_of_diffusion_nor_of_sale():
    assert summary("6.4 The data are not object of diffusion nor of sale to third subjects.",
                   "Compitino S.r.l.")["sells_data"] == "no"


@pytest.mark.parametrize("text", [
    "It describes the information we collect from you through the Site, how we use it and with whom we share it.",
    "Your documents are encrypted when they are sent to and from FormHarbor and when they are stored on our servers.",
    "Copies of identification documents provided to register for a sale are deleted two years after your last bid.",
])
def test_a_policys_scope_data_in_transit_and_documents_given_to_register_are_not_sharing(text):
    assert "sharing" not in kinds(run(text), "third_party_sharing"), text


# --- rules+model-2026.11an
@pytest.mark.parametrize("text, vendor, present, absent", [
    ("Who we share with:\n\n- Cloudflare, Inc.: website delivery and security, US company.\n"
     "- Paddle.com Market Ltd: takes teachers' subscription payments.\n\nWe comply with SOPIPA and AB 1584.\n",
     "Glenspell", {"Cloudflare", "Paddle"}, {"SOPIPA and"}),
    ("Suppliers\n\nSupplier                   What they receive                 Why\n"
     "EVOLVE (Edufocus Ltd)      Names, medical needs and          Planning and approving trips\n\n"
     "Microsoft 365              Pupil and staff names, school     Email, Teams, OneDrive and storage\n\n"
     "- **Backups**: Encrypted backups are overwritten on a rolling 35-day cycle.\n",
     "Kilnbrook Learning Trust", {"Edufocus", "Microsoft"}, {"Teams", "OneDrive", "Backups"}),
    ("Who sees your data\n\nThe statistics of audience of our website are measured with Matomo, which we install "
     "ourselves on our server. We edit images in Adobe Lightroom Classic, which is installed on our own studio "
     "workstations.\n", "Dictaleo SAS", set(), {"Matomo", "Adobe"}),
])
def test_recipient_lines_2026_11an(text, vendor, present, absent):
    named = set(summary(text, vendor)["named"])
    assert present <= named
    assert not absent & named


def test_no_adverts_for_pupils_does_not_outweigh_retargeting_of_the_parents():
    text = ("6.4 We do not show advertising to Students.\n\n8.3 With advertising partners: if you accept advertising "
            "cookies, Google Ads and Meta collect information about your visit so that we can show our adverts to you "
            "on "
            "other sites and apps.")
    assert summary(text, "Ginkgo Tutors Ltd")["third_party_ads"] == "yes"
    assert summary("We do not display any advertisements to pupils.", "Acme Ltd")["third_party_ads"] == "no"


# --- rules+model-2026.11ap
@pytest.mark.parametrize("text", [
    "When you open the live view, the video stream is sent from the camera to your device.",
    "If your employer or school offers CommuteMate as a benefit, we also ask for your work or school e-mail address "
    "to confirm that you are eligible for its program.",
])
def test_data_sent_to_the_users_own_device_or_a_work_or_school_address_is_not_sharing(text):
    assert "sharing" not in kinds(run(text), "third_party_sharing")


@pytest.mark.parametrize("text, vendor, present, absent", [
    ("4. WHO WE SHARE YOUR INFORMATION WITH\n\nWe use the following companies to run our business.\n\n"
     "• Klarna - if you choose \"Pay in 3\", Klarna receives your name and order value.\n"
     "• Royal Mail and DPD - delivery of parcels to your home.\n\n"
     "We advertise our mocks on Facebook and Instagram, and we never upload parents' email addresses to Facebook.\n",
     "Cloakpeg Schoolwear Ltd", {"Klarna", "Royal Mail", "DPD"}, {"Facebook", "Instagram"}),
    ("Who gets it:\n- Coachmanager: our booking and scheduling software (UK hosted).\n"
     "- VisionTrack: our CCTV system. Footage is stored on VisionTrack's UK servers.\n"
     "- Ferry and tunnel operators for trips abroad, currently P&O Ferries, DFDS and Eurotunnel: the passenger list.\n"
     "- Exact Online, of Exact Group B.V., Delft - the invoicing.\n\n"
     "Website:\nOur website uses Plausible Analytics. No Facebook or Google tracking.\n",
     "Coachwick Travel Ltd", {"Coachmanager", "VisionTrack", "P&O Ferries", "DFDS", "Eurotunnel", "Exact Online"},
     {"VisionTrack's UK", "No Facebook", "Google", "Facebook"}),
    ("Roster information. Most Schools send this to us through Clever. We read rosters from the School's student "
     "information system (such as PowerSchool, Infinite Campus, or Skyward) through those services.",
     "Doorlark, Inc.", {"Clever"}, {"PowerSchool", "Infinite Campus", "Skyward"}),
    ("Who sees my information?\n\nWe also use a few service providers who handle information for us:\n\n"
     "1. Microsoft 365 – our email and document storage.\n"
     "2. Unifrog – if your school uses Unifrog, we upload your action plan into your school's Unifrog account.\n",
     "Compasswell Careers Ltd", {"Microsoft", "Unifrog"}, set()),
    ("Schools upload the list to our portal, or we receive it through Wonde, which connects to the school's management "
     "information system and passes us only the fields listed above. We do not connect to a school's MIS ourselves:\n"
     "we have no log-ins to SIMS, Arbor, Bromcom or any other MIS, and we never write data back.",
     "Gorsefield Photography Ltd", {"Wonde"}, {"Capita SIMS", "Arbor", "Bromcom"}),
    ("Recipient                        What they receive                                 Where\n"
     "Bramwell Travel Insurance        Traveller names, dates of birth and any           UK\n"
     "Airlines (for example            Passenger names and passport details              UK, EU\n"
     "easyJet, British Airways)\n",
     "Jaunterly Educational Travel Ltd", {"Bramwell Travel Insurance"}, {"Airlines"}),
    ("3.3 When a School joins us from another system, we import the historical files that the School exports from "
     "that system, such as CPOMS or MyConcern. We do not exchange any data with those suppliers directly.\n\n"
     "5.3 Our website collects usage statistics with Matomo, which we host ourselves on our own Azure servers.",
     "Nettlewise Ltd", set(), {"CPOMS", "MyConcern", "Matomo"}),
    ("6. WHO WE SHARE INFORMATION WITH\n\n6.1 We share only the information each organisation needs:\n\n"
     "  (b) Caledonian MacBrayne (CalMac Ferries Ltd) receives the names of group members.\n"
     "  (d) The Duke of Edinburgh's Award receives expedition reports for participants.\n",
     "Ptarmigan Outdoor Learning Ltd", {"Caledonian MacBrayne", "Duke of Edinburgh's Award"}, set()),
    ("Who we share with:\n\n- Royal Mail: delivery of your order.\n"
     "- Pupil Development Grant – Access: if you pay with a PDG Access voucher from Carmarthenshire County Council, "
     "we send the council the voucher reference.\n"
     "- 4.3 Exception – exchange of recordings with a partner class.\n",
     "Wisgo Cyf", {"Royal Mail"}, {"Pupil Development Grant", "Exception"}),
    ("6. Sub-processors:\n\n- BunnyWay d.o.o. (Bunny.net), Slovenia – delivery of the book files\n"
     "- Customer.io – reminder emails (replaced Mailchimp in January 2025)\n",
     "Bogorm ApS", {"Bunny.net", "Customer.io"}, {"Mailchimp"}),
    ("5.3 Who we share information with\n\n(f) Companies that provide services to us:\n"
     "   o  Connect Childcare – our nursery management system;\n"
     "   o  Tapestry – the online learning journal;\n",
     "Machair Early Years Ltd", {"Tapestry"}, set()),
    ("Our iPad app is distributed through the Apple App Store, but students do not make purchases in it and Apple "
     "receives no roster or student data from us. We do advertise Boffinly on TikTok and Instagram.",
     "Algebrook, Inc.", set(), {"Apple", "TikTok", "Instagram"}),
    ("To whom we communicate the data:\n\nWe do not sell the data to anybody.\n\n"
     "(b) To our insurance company, MAPFRE, which gives the travel insurance of the group.\n"
     "   - Holded, our program of invoices and accounting, in Spain;\n"
     "   - Redsys, the payment gateway of our bank;\n"
     "   - Typeform, for the online registration and health forms;\n",
     "Solanilla Estancias Lingüísticas, S.L.", {"MAPFRE", "Holded", "Redsys", "Typeform"}, set()),
    ("WHO WE SHARE YOUR INFORMATION WITH\n\n"
     "    o uCheck – the registered umbrella body that processes our online DBS applications;\n\n"
     "This website uses analytics cookies from Matomo. We run Matomo on our own server in London.\n\n"
     "Nevertheless, for the lending of the service, we count with the following providers:\n",
     "Teasel Education Recruitment Ltd", {"uCheck"}, {"Matomo", "Nevertheless"}),
])
def test_recipient_lines_2026_11ap_to_as(text, vendor, present, absent):
    named = set(summary(text, vendor)["named"])
    assert present <= named
    assert not absent & named


# --- rules+model-2026.11aq
@pytest.mark.parametrize("text, ads", [
    ("If you accept marketing cookies, we use the Meta Pixel and Google Ads remarketing tags, so that Meta and Google "
     "can show our adverts to teachers who visited our site. We never use advertising cookies on the Trip Hub or the "
     "parent payment page.", "yes"),
    ("8.4  We will never:\n     (a)  sell pupil or parent information to anyone;\n"
     "     (b)  allow a supplier to use it to advertise to you or to your child.\n", "no"),
])
def test_adverts_2026_11aq(text, ads):
    assert summary(text, "Larchmoor Academy Trust")["third_party_ads"] == ads


def test_a_negated_lead_that_runs_into_its_items_negates_the_sale():
    text = ("**We never:** use student data for targeted advertising; build a profile of a student for any purpose "
            "other than the School's educational purpose; sell student information; or let advertisers collect "
            "information from students.")
    assert summary(text, "Orbitly Learning, Inc.")["sells_data"] == "no"


# --- rules+model-2026.11ar
@pytest.mark.parametrize("text, sells, ads", [
    ("## 8. Things we will never do\n\nWe won't:\n\n- sell or rent your data to anyone;\n- show other students your "
     "name.\n\nThere are no adverts in Boffinly. We do advertise Boffinly on TikTok and Instagram. Those ads are "
     "shown by TikTok and Meta using their own data.", "no", "no"),
    ("Bogorm sells not personal informations to anybody.", "no", "not_stated"),
    ("We do not:\n- show advertising of any kind to students, in any product;\n- sell student data.\n\n"
     "If you accept advertising cookies, Google Ads and Meta collect information about your visit so that we can show "
     "our adverts to you on other sites and apps.", "no", "yes"),
    # rules+model-2026.11ax: items under a negated lead, with Word's "o" bullets
    ("We will never:\no sell, rent or trade your details or your child's details;\n"
     "o allow advertising on our website or in our newsletter.\n", "no", "no"),
])
def test_sale_and_adverts_2026_11ar_ax(text, sells, ads):
    got = summary(text, "Boffinly Ltd")
    assert (got["sells_data"], got["third_party_ads"]) == (sells, ads)


# --- rules+model-2026.11as
def test_an_answer_no_to_both_questions_answers_the_sale_too():
    text = ("Q: Do you sell my data or use it for advertising?\n\nA: No to both. There is no advertising on Pavilionly "
            "and we do not use advertising cookies or pixels.")
    got = summary(text, "Pavilionly Ltd")
    assert (got["sells_data"], got["third_party_ads"]) == ("no", "no")


def test_a_list_led_by_never_use_data_to_negates_its_items():
    text = ("- We will never use Student Data to:\n  - show advertising to students or anyone else;\n"
            "  - sell it, rent it or trade it to anyone;\n")
    assert summary(text, "Quillory, Inc.")["sells_data"] == "no"


# --- rules+model-2026.11at
def test_a_processor_named_by_what_it_is_for_the_vendor_is_a_recipient():
    assert "FreeAgent" in summary("I send invoices with FreeAgent, my accounting software.", "WordWhirl")["named"]


@pytest.mark.parametrize("text, vendor, absent", [
    ("It applies to schools, to teachers and administrators (\"Educators\"), and to the students.\n\n"
     "Sub-processors:\n(a) Amazon Web Services, Inc. - cloud hosting. US Schools: US-East (Virginia).\n"
     "(b) Educators - see reports on Student progress.\n", "Kittiwake Learning, Inc.", {"Educators", "US-East"}),
    ("Sync uses your own iCloud account. Schools use Inkle Phonics on shared class iPads, managed through Apple School "
     "Manager; progress is stored on the iPad.", "Inkle Phonics", {"iPad"}),
])
def test_roles_devices_and_regions_are_not_recipients(text, vendor, absent):
    assert not absent & set(summary(text, vendor)["named"])


def test_a_list_of_translated_passives_ending_not_sold_is_no_sale():
    text = ("5.5 The data are not diffused, are not ceded to third parties for their marketing purposes and are not "
            "sold.")
    assert summary(text, "Fagotto S.r.l.")["sells_data"] == "no"


# --- rules+model-2026.11aw
@pytest.mark.parametrize("text, vendor, named", [
    # a known supplier, where it keeps the data, then a colon: however long the line runs
    ("We use these sub-processors:\n- Sentry, EU region (Frankfurt): error monitoring. Pupil names are removed from "
     "error reports.\n- Intercom, Inc.: the support chat in the staff dashboard.\n", "Gladeway Learning Ltd",
     {"Sentry", "Intercom"}),
    # a brand written in lower case, with its legal form
    ("(1) We use the following sub-processors:\n\n    o sipgate GmbH, Düsseldorf, Germany – telephone support line\n",
     "Kachelbox GmbH", {"sipgate"}),
    # a numbered clause leads the list
    ("6.2 We also use the following service providers (processors), who act only on\nour instructions:\n\n"
     "   •   TPP (The Phoenix Partnership (Leeds) Ltd), supplier of SystmOne, our\n       clinical record system;\n",
     "Lapwing Community Health CIC", {"TPP"}),
    # a sole trader's own supplier
    ("Who I share information with:\n• My accountant, Kinnear & Low Chartered Accountants in Cupar, who sees invoices "
     "when preparing my tax return.", "Marram Psychology", {"Kinnear"}),
    # rules+model-2026.11ax
    ("WHO WE SHARE INFORMATION WITH\n\nOther organisations that receive information:\n\n"
     "• Exam boards. When you ask us to enter your child for a graded "
     "exam we\n  send the pupil's name to ABRSM, Trinity College London or the\n  London College of Music.\n",
     "Chimehall Music Tuition Ltd", {"ABRSM", "Trinity College London", "London College of Music"}),
    ("Recipients:\n\n4. Accounting: Invoice data are passed to our tax consultant, Steuerberatung Kallmeyer & Partner "
     "mbB, who processes them with the software of DATEV eG, Nuremberg.\n", "Kreidezeit GmbH",
     {"Steuerberatung Kallmeyer & Partner", "DATEV"}),
    ("WHO DO YOU SHARE IT WITH?\n\n• Stripe processes card payments made on our website.\n", "Meanderly Ltd",
     {"Stripe"}),
    # rules+model-2026.11ay
    # a name with its initials in brackets, then what it gets; the vendor's trade ("Chess") is not its name
    ("WHO GETS YOUR INFORMATION\n\n- English Chess Federation (ECF) - if your child plays in a rated tournament, I "
     "send the ECF your child's name, date of birth and school.\n", "Knightfork Chess", {"English Chess Federation"}),
    ("WHO WE SHARE INFORMATION WITH\n\n5.2 Swim Wales. When a child passes a stage, we register their first name, "
     "surname and the stage achieved with Swim Wales so that a certificate can be issued.\n\n5.3 Our insurers. If "
     "there is a claim, we share the accident record with our insurance broker, Towergate Insurance, and the "
     "insurer.\n", "Gwennol Sport & Swim Ltd", {"Swim Wales", "Towergate Insurance"}),
])
def test_recipients_named_2026_11aw_ay(text, vendor, named):
    assert named <= set(summary(text, vendor)["named"])


@pytest.mark.parametrize("text, vendor, absent", [
    ("Our suppliers:\n- Mailgun: emails.\n\nWe never:\n- sell or rent pupil information;\n- use pupil information to "
     "train AI models, or send it to OpenAI or any other AI provider;\n", "Gladeway Learning Ltd", {"OpenAI"}),
    ("**Product analytics.** We measure feature usage with PostHog, an open-source analytics tool that we run on our "
     "own servers inside our AWS account. No data is sent to PostHog, Inc.", "Gullwing Labs, Inc.", {"PostHog"}),
    ("We use the following sub-processors:\n- DeepL SE, Cologne, Germany: translation of texts written by pupils;\n",
     "Lingoquell GmbH", {"Cologne"}),
    # a sibling clause after a lettered clause that leads a list is not one of its items
    ("(a) Service Providers. We use the following service providers to operate the Services:\n\n"
     "   Amazon Web Services – cloud hosting\n\n(b) Schools. Student Data is available to the educators.\n\n"
     "(c) Legal Requirements. We may disclose information if required by law.\n", "Hummingleaf, Inc.",
     {"Legal Requirements", "Schools"}),
    # rules+model-2026.11ax
    ("- Error logs are handled by GlitchTip, which I run on my own server at Hetzner, so crash reports don't go to "
     "anyone else.", "Cardamom Apps", {"GlitchTip"}),
    ("3.4 The connection is made through Wonde; we support SIMS, Arbor, Bromcom and Scholarpack through that "
     "connection. Those systems are the school's own and we do not send them any data.", "Dovecote Software Ltd",
     {"Capita SIMS", "Arbor", "Bromcom", "ScholarPack"}),
    ("6.1 The following sub-processors handle school data.\n\n"
     "  Sub-processor               Purpose                            Data location\n"
     "  Amazon Web Services EMEA    Hosting, database and encrypted    London (eu-west-2)\n"
     "  SARL                        backups\n", "Dovecote Software Ltd", {"SARL"}),
    ("Recipients:\n\n3. Translation: the answer is transmitted to DeepL SE, Cologne, and translated.\n"
     "4. Accounting: Invoice data are passed to our tax consultant.\n", "Kreidezeit GmbH", {"Cologne", "Accounting"}),
    # rules+model-2026.11ay
    ("WHO WE SHARE WITH\n\nIssued: 04/11/2024     Review date: 04/11/2025\n\nWe use the following sub-processors:\n"
     "- Zendesk Inc. - support tickets\n", "Foyerly Ltd", {"Issued"}),
    ("5.2 The badge printer prints over a local cable. The tablet is an Apple iPad locked to the Foyerly app; no "
     "School Data is stored in iCloud or sent to Apple.", "Foyerly Ltd", {"Apple"}),
])
def test_not_recipients_2026_11aw_ay(text, vendor, absent):
    assert not absent & set(summary(text, vendor)["named"])


def test_a_sale_named_then_denied_is_no_sale():
    text = "(5) A sale of data or a use for advertising purposes takes not place. Kachelbox contains no advertising."
    assert summary(text, "Kachelbox GmbH")["sells_data"] == "no"


# --- rules+model-2026.11ax
@pytest.mark.parametrize("line, purpose", [
    ("o Mailjet SAS, Paris (France) – sending of system e-mails", "sending of system e-mails"),
    ("o sipgate GmbH, Düsseldorf, Germany – telephone support line", "telephone support line"),
])
def test_a_recipient_item_says_where_it_is_then_what_it_does(line, purpose):
    doc = segment(f"(1) We use the following sub-processors:\n\n    {line}\n")
    found = [f.value for f in tp.find(doc, "Kachelbox GmbH") if f.kind == "named_recipient"]
    assert [v["purpose"] for v in found] == [purpose]


@pytest.mark.parametrize("before", [
    "Matomo does not set advertising cookies and no data goes to Matomo's developer, ",
    "Without this click no data goes to ",
])
def test_a_name_after_no_data_goes_to_receives_nothing(before):
    assert tp._NOT_A_RECIPIENT_BEFORE.search(before)
