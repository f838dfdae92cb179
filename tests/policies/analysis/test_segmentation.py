"""Segmentation: exact offsets, headings, lists, numbered clauses, tables, CRLF, abbreviations."""
from __future__ import annotations

import pytest

from policies.analysis.segmentation import MAX_SEGMENT, segment


def texts(doc, kind=None):
    return [s.text for s in doc.segments if kind is None or s.kind == kind]


def check_offsets(text, doc):
    last = -1
    for s in doc.segments:
        assert s.text == text[s.start : s.end]
        assert s.text == s.text.strip()
        assert s.text
        assert s.start >= last
        last = s.end


def test_sentences_and_abbreviations():
    text = ("Acme Learning Ltd. provides tools, e.g. quizzes, i.e. short tests. We use No. 10 Ltd. as a supplier, "
            "etc. and more. Data is held in the U.K. by our host. We keep it safe! Do you agree? Yes.")
    doc = segment(text)
    check_offsets(text, doc)
    sents = texts(doc)
    assert sents[0] == "Acme Learning Ltd. provides tools, e.g. quizzes, i.e. short tests."
    assert "We use No. 10 Ltd. as a supplier, etc. and more." in sents
    assert "Data is held in the U.K. by our host." in sents
    assert sents[-3:] == ["We keep it safe!", "Do you agree?", "Yes."]


def test_headings_give_context():
    text = "Privacy Policy\n\nHow long do we keep your data?\nWe keep it for six years. Then we delete it.\n"
    doc = segment(text)
    check_offsets(text, doc)
    assert texts(doc, "heading") == ["Privacy Policy", "How long do we keep your data?"]
    body = [s for s in doc.segments if s.kind != "heading"]
    assert [s.text for s in body] == ["We keep it for six years.", "Then we delete it."]
    assert all(s.heading == "How long do we keep your data?" for s in body)


def test_numbered_headings_and_clauses():
    text = ("1. Important information and who we are\n\n1.1 This policy explains how we use data. It applies to "
            "all.\n\n"
            "8.4    Legal basis for processing\n\nWe rely on contract.\n\n14    Retention period\n\n"
            "14.1    We keep data for the duration of the licence.\n")
    doc = segment(text)
    check_offsets(text, doc)
    heads = texts(doc, "heading")
    assert heads == ["Important information and who we are", "Legal basis for processing", "Retention period"]
    assert "This policy explains how we use data." in texts(doc)
    last = doc.segments[-1]
    assert last.text == "We keep data for the duration of the licence."
    assert last.heading == "Retention period"


def test_bullets_and_lead():
    text = ("We store your personal data for a period of:\n\n  • 12 years; and\n  • 7 years for tax records; or\n"
            "  •  until you ask us to delete it.\n- dash item\n* star item\n▪ square item\no    letter-o item\n"
            "(a) first\n(b) second\ni. roman one\nii. roman two\n")
    doc = segment(text)
    check_offsets(text, doc)
    items = [s for s in doc.segments if s.kind == "list_item"]
    assert [s.text for s in items][:3] == ["12 years; and", "7 years for tax records; or", "until you ask us to "
                                                                                           "delete it."]
    assert items[0].lead == "We store your personal data for a period of:"
    got = [s.text for s in items]
    for t in ("dash item", "star item", "square item", "letter-o item", "first", "second", "roman one", "roman two"):
        assert t in got


def test_crlf_blank_runs_and_images():
    text = ("Title Here\r\n\r\n\r\n\r\nWe collect data.\r\nIt is kept\r\nfor 3 years.\r\n\r\n "
            "\r\n\u00a0\r\nlogo.png\r\nScreenshot 2022-04-26 141112.jpg\r\nEnd text here.")
    doc = segment(text)
    check_offsets(text, doc)
    got = texts(doc)
    assert "We collect data." in got
    assert "It is kept\r\nfor 3 years." in got
    assert not any(".png" in t or ".jpg" in t for t in got)


def test_sentence_split_across_blank_line_is_joined():
    text = "It is important that you read this so that \n\nyou are fully aware of how we use data."
    doc = segment(text)
    check_offsets(text, doc)
    assert len(doc.segments) == 1


def test_lost_border_table_rows():
    text = ("Purpose/ActivityType of dataLawful basis\nTo register you\n\n(a) Identity\n\n(b) Contact\n\n"
            "Cookie Name\tPurpose\tExpiry\n_ga\tAnalytics\t2 years\n")
    doc = segment(text)
    check_offsets(text, doc)
    got = texts(doc)
    assert "Identity" in got and "Contact" in got
    assert "_ga\tAnalytics\t2 years" in got
    assert any(s.kind == "table_row" for s in doc.segments)


def test_key_value_lines_are_separate():
    text = "Contact details\nEmail: privacy@example.com\nPostal address: 1 High St, Leeds\nTelephone: 0113 000000\n"
    doc = segment(text)
    check_offsets(text, doc)
    assert "Email: privacy@example.com" in texts(doc)
    assert "Postal address: 1 High St, Leeds" in texts(doc)


def test_long_sentence_is_cut():
    text = "We share data with " + ", ".join(f"partner number {i}" for i in range(200)) + "."
    doc = segment(text)
    check_offsets(text, doc)
    assert all(s.end - s.start <= MAX_SEGMENT for s in doc.segments)


def test_empty_and_whitespace():
    assert segment("").segments == ()
    assert segment(" \n\r\n\t \u00a0").segments == ()


def test_a_large_text_segments_whole():
    # how long it takes is measured in bench/analysis_speed.py, not asserted here
    unit = "1. Heading\n\nWe keep logs for 90 days. Data is deleted after closure.\n\n• item one\n• item two\n\n"
    text = unit * 2500  # ~200 KB
    doc = segment(text)
    check_offsets(text, doc)
    assert len(doc.segments) == 5 * 2500


def test_a_hard_wrapped_clause_is_not_a_heading():
    text = ("11.3 As controller, we keep contracts, invoices and related correspondence with Schools for\n"
            "six years after the end of the contract, to meet HMRC requirements.\n")
    assert [(s.kind, s.text[-40:]) for s in segment(text).segments] == [
        ("list_item", "the contract, to meet HMRC requirements.")]
    assert segment(text).segments[0].text.startswith("As controller")


def test_a_numbered_clause_wrapped_before_a_lower_case_line_is_not_a_heading():
    text = ("10.3 Our contracts with Customers, and the invoices we send them, are kept for six years\n"
            "after the end of the contract.\n\n11. YOUR RIGHTS\n\nYou may ask for a copy.\n")
    kinds = [(s.kind, s.text[:20]) for s in segment(text).segments]
    assert kinds[0] == ("list_item", "Our contracts with C") and ("heading", "YOUR RIGHTS") in kinds


def test_a_cell_wrapped_onto_an_indented_line_stays_in_its_row():
    text = ("Bird B.V.               sending of SMS messages at absence          Netherlands\n"
            "                        and at urgent messages\n"
            "TOPdesk Nederland B.V.  registration of support questions         Netherlands\n")
    rows = [s.text for s in segment(text).segments]
    assert [r.split()[0] for r in rows] == ["Bird", "TOPdesk"] and rows[0].endswith("urgent messages")


def test_a_row_of_a_tab_separated_table_is_not_a_heading():
    text = ("Information\tHow long we keep it\n"
            "Dietary and allergy information\tUntil the pupil leaves, then deleted 3 months after the leaving date\n"
            "Pupil photos used at the till\tDeleted within 28 days of the pupil leaving\n"
            "Parent account and balance\tTwo years after the last pupil linked to the account leaves, so that any "
            "balance can be refunded\n")
    doc = segment(text)
    assert [s.kind for s in doc.segments] == ["table_row"] * 4
    short = segment("What we use your data for\n\nWe use it to run the service.\n").segments[0]
    assert (short.kind, short.text) == ("heading", "What we use your data for")


@pytest.mark.parametrize("line", [
    "Notice to Parents: Questions and Answers",
    "Cookies: How We Use Them",
    "Part Five: Your Rights",
])
def test_a_heading_with_a_subtitle_or_a_numbered_part_is_a_heading(line):
    text = f"{line}\n\nWe explain below what we collect, why we collect it and who may see it.\n"
    assert [(s.kind, s.text) for s in segment(text).segments][0] == ("heading", line)


@pytest.mark.parametrize("line", ["Data Controller: Acme Learning Ltd", "Retention: 6 years after the contract"])
def test_a_field_and_its_value_is_not_a_heading(line):
    text = f"{line}\n\nWe explain below what we collect, why we collect it and who may see it.\n"
    assert segment(text).segments[0].kind != "heading"


def test_a_heading_over_questions_heads_all_of_them():
    text = ("Notice to Parents\n\nQ. Can my child open an account?\nOnly with a parent's consent.\n\n"
            "Q. How long do you keep it?\nFor one year.\n\nChanges to This Policy\n\n"
            "We may update this policy and will post the new version here.\n")
    doc = segment(text)
    heads = [i for i, s in enumerate(doc.segments) if s.kind == "heading"]
    assert [doc.segments[i].text for i in heads] == [
        "Notice to Parents", "Q. Can my child open an account?", "Q. How long do you keep it?",
        "Changes to This Policy"]
    assert doc.section_end(heads[0]) == text.index("Changes to This Policy")
    assert doc.section_end(heads[1]) == text.index("Q. How long")


def test_a_text_of_nothing_but_questions_ends_every_section_at_the_end():
    text = "Questions\n\n" + "".join(f"Q. Is question {i} answered?\n\n" for i in range(3000))
    doc = segment(text)
    assert len(doc.segments) == 3001
    assert {doc.section_end(i) for i in range(len(doc.segments))} == {len(text)}


@pytest.mark.parametrize("line", ["§ 9 Recipients of the data", "YOUR CHOICES:", "Who receives information:"])
def test_a_german_style_section_and_a_short_line_ending_in_a_colon_are_headings(line):
    text = f"{line}\n\n- The city receives our rosters.\n- Paramedics receive medical information.\n"
    doc = segment(text)
    assert doc.segments[0].kind == "heading"
    assert doc.segments[1].heading.startswith(line.split(" ", 2)[-1] if line.startswith("§") else line)


@pytest.mark.parametrize("line", ["We use your information to:", "In addition:", "For example:"])
def test_a_list_intro_ending_in_a_colon_is_not_a_heading(line):
    text = f"{line}\n\n- to run the service;\n- to answer questions.\n"
    assert segment(text).segments[0].kind != "heading"


def test_a_bare_for_example_lead_carries_the_sentence_before_it():
    text = ("Our retention policy sets out how long we keep information. For example:\n\n"
            "  - SEND files: date of birth of the pupil + 31 years.\n")
    item = segment(text).segments[-1]
    assert item.kind == "list_item"
    assert item.lead == "Our retention policy sets out how long we keep information. For example:"


def test_a_borderless_tables_wrapped_name_in_brackets_stays_in_its_row():
    text = ("Table 1 - Sub-processors\n\n"
            "Twilio Ireland Limited            SMS messages to Parents                Ireland and USA\n"
            "Functional Software, Inc.         Error monitoring                       USA\n"
            "(Sentry)\n"
            "Google Ireland Limited            Push notifications to Android          EU and USA\n"
            "(Firebase Cloud Messaging)        devices\n")
    rows = [s.text for s in segment(text).segments if s.kind == "table_row"]
    assert rows[1].endswith("(Sentry)") and rows[2].endswith("devices")
    assert not [s for s in segment(text).segments[1:] if s.kind == "heading"]


def test_an_accordions_titles_head_their_sections_and_back_to_top_does_not():
    text = ("We explain below what we collect about you and your child, and why we collect it.\n\nBack to top ↑\n\n"
            "+ How long we keep it\n\nMeal orders are kept for 13 months, so that you can compare with last year.\n\n"
            "– Who we share with\n\nWe use a small number of service providers, who may only use the information for "
            "us.\n")
    segs = segment(text).segments
    assert [s.text for s in segs if s.kind == "heading"] == ["How long we keep it", "Who we share with"]
    assert [s.heading for s in segs if s.text.startswith("Meal orders")] == ["How long we keep it"]


# --- 2026.11ak: a PDF's page furniture, rules under table headers, longer question headings
@pytest.mark.parametrize("line", ["How long we keep information:", "Who we share information with:"])
def test_a_question_heading_without_its_question_mark_heads_the_list_below_it(line):
    text = f"Advertising and cookies:\n\nWe use Google Analytics.\n\n{line}\n\n  • Booking forms: 12 months.\n"
    segs = segment(text).segments
    assert [s.heading for s in segs if s.text.startswith("Booking forms")] == [line]


def test_what_we_collect_includes_is_a_lead_not_a_heading():
    segs = segment("What we collect includes:\n\n  • your name;\n").segments
    assert not [s for s in segs if s.kind == "heading"]


def test_a_pdfs_running_header_footer_and_page_numbers_do_not_head_or_split_a_table():
    footer = "Acme Photo Ltd - Privacy Notice v4.1 - 03/02/2026\nPage {} of 3\n\nACME PHOTO LTD - PRIVACY NOTICE\n\n"
    text = ("ACME PHOTO LTD - PRIVACY NOTICE\n\nHOW LONG WE KEEP INFORMATION\n\n"
            "Information                        How long we keep it\n"
            "-------------------------------------------------------\n"
            "Proof images not purchased         12 months from photo day, then deleted\n\n"
            + footer.format(1) +
            "Order and payment records          Six years after the end of the financial\n"
            "                                   year in which you ordered\n"
            "Marketing email list               Until you unsubscribe\n\n" + footer.format(2) +
            "WHO WE SHARE INFORMATION WITH\n\nWe use a printing lab.\n\n" + footer.format(3))
    doc = segment(text)
    check_offsets(text, doc)
    rows = [s for s in doc.segments if s.kind == "table_row"]
    assert [r.text.split()[0] for r in rows] == ["Information", "Proof", "Order", "Marketing"]
    assert {r.heading for r in rows} == {"HOW LONG WE KEEP INFORMATION"}
    assert not [s for s in doc.segments if "Page" in s.text or s.text.startswith("Acme Photo")]


@pytest.mark.parametrize("text, first, rest", [
    # a legal form wrapped under a borderless row's name
    ("Provider               What they do for us                   Where the data is\n"
     "Harbourne Imaging      Prints, mounts and packs prints       West Midlands, UK\n"
     "Ltd                    and photo gifts\n"
     "Stripe                 Card payments in our shop             UK/EU\n", "Harbourne Imaging", "and photo gifts"),
    # a name cut after a word that cannot end it
    ("Organisation                  What is shared                     Where\n"
     "Google Workspace for          Pupil name, year group, school     UK, EU and USA\n"
     "Education                     email, work created by pupils\n"
     "Sparx Learning Ltd            Name, class, homework results      UK\n", "Google Workspace for", "Education"),
])
def test_a_name_cell_wrapped_onto_the_next_line_stays_in_its_row(text, first, rest):
    rows = [s.text for s in segment(text).segments if s.kind == "table_row"]
    assert len(rows) == 3 and rows[1].startswith(first) and rest in rows[1]


def test_a_polish_company_form_does_not_end_a_sentence():
    segs = segment("GRAFIKON SP. Z O.O.\n\nWe are Grafikon sp. z o.o. with seat in Kraków.").segments
    assert [s.text for s in segs] == ["GRAFIKON SP. Z O.O.", "We are Grafikon sp. z o.o. with seat in Kraków."]


def test_a_bare_in_practice_lead_carries_the_sentence_before_it():
    text = "We keep photos only for as long as we need them. In practice:\n\n- Order records: six years.\n"
    items = [s for s in segment(text).segments if s.kind == "list_item"]
    assert items[0].lead == "We keep photos only for as long as we need them. In practice:"


def test_italian_and_czech_article_headings():
    segs = segment("Art. 7 - Transfer of the data outside the EU\n\nAll data stay in Italy.\n\n"
                   "Article I. Introductory provisions\n\nThese principles apply to the app.").segments
    assert [s.text for s in segs if s.kind == "heading"] == ["Transfer of the data outside the EU",
                                                              "Introductory provisions"]


def test_a_colon_heading_right_over_a_borderless_table_heads_it():
    doc = segment("How long we keep it:\nInformation                          How long we keep it\n"
                  "Backups                              Rolling 30 days.\n")
    assert [s.kind for s in doc.segments] == ["heading", "table_row", "table_row"]
    assert doc.segments[2].heading == "How long we keep it:"
