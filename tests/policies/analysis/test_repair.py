"""Repairs of copied text: no-break and invisible characters, mojibake, double spacing, broken words, hard wraps."""
from __future__ import annotations

import codecs
import random
import re
from pathlib import Path

import pytest

from policies.analysis.analyser import analyse
from policies.analysis.repair import dehyphenate, repair, undouble, unwrap, without_page_breaks

# UTF-8 read as Windows-1252 the way browsers read it: the five bytes the code page leaves undefined become the
# control characters of the same number
codecs.register_error("whatwg", lambda e: (e.object[e.start : e.end].decode("latin-1"), e.end))

FACT_POLICIES = Path(__file__).parent / "facts" / "policies"


@pytest.mark.parametrize("text, repaired", [
    ("Google\u00a0Analytics and\u202fStripe", "Google Analytics and Stripe"),
    ("chil\u00addren", "children"),
    ("\ufeffPrivacy Policy", "Privacy Policy"),
    ("Goo\u200bgle\u200d Cloud", "Google Cloud"),
    ("the children\u00e2\u20ac\u2122s data", "the children\u2019s data"),
    ("costs \u00c2\u00a35 a month", "costs \u00a35 a month"),
    ("Caf\u00c3\u00a9 \u00e2\u20ac\u201c open", "Caf\u00e9 \u2013 open"),
    ("r\u00c3\u00a9\u00b0", "r\u00e9\u00b0"),
    # HTML left in a copy: a list item as a bullet, a line break and a closed block as line breaks, addresses kept
    ("<p>We use:</p>\n<UL><li>Stripe</li><li>Zoom</li></ul>\nMail <dpo@x.com> or <a href=\"/c\">us</a>.<br>Kids <13.",
     "We use:\n\u2022 Stripe\n\u2022 Zoom\n\nMail <dpo@x.com> or us.\nKids <13."),
    # not mojibake: an accented capital and a dash read as UTF-8 would be a phonetic letter; a lone capital
    ("\u00c9\u2013", "\u00c9\u2013"),
    ("\u00c3 la carte", "\u00c3 la carte"),
    ("the O\ufb03ce and our \ufb01nance team", "the Office and our finance team"),
    ("Smith &amp; Jones&#8217;s &nbsp;team, AT&T; &bogus;", "Smith & Jones\u2019s  team, AT&T; &bogus;"),
    ("e\u2011mail and third\u2010party", "e-mail and third-party"),
    ("Processors:\n\uf0b7 Stripe\n  \uf0a7\tMailchimp\nA \uf0b7 in a line",
     "Processors:\n\u2022 Stripe\n  \u2022\tMailchimp\nA \uf0b7 in a line"),
])
def test_repair_mends_the_text_the_rules_read(text, repaired):
    assert repair(text).text == repaired


def test_repair_maps_every_offset_back_to_the_original():
    text = "The children\u00e2\u20ac\u2122s data costs \u00c2\u00a35 and chil\u00addren\u200b here."
    r = repair(text)
    i = r.text.index("children\u2019s")
    assert text[r.original(i) : r.original(i + len("children\u2019s"))] == "children\u00e2\u20ac\u2122s"
    i = r.text.index("\u00a35")
    assert text[r.original(i) : r.original(i + 2)] == "\u00c2\u00a35"
    i = r.text.index("children here")
    assert text[r.original(i) : r.original(i + len("children"))].startswith("chil\u00addren")
    assert r.original(len(r.text)) == len(text)


def test_a_ligature_maps_back_to_itself():
    text = "The O\ufb03ce keeps it."
    r = repair(text)
    i = r.text.index("Office")
    assert text[r.original(i) : r.original(i + len("Office"))] == "O\ufb03ce"
    assert text[r.original(r.text.index("keeps")) :].startswith("keeps")


def test_a_two_page_pdfs_footer_is_taken_out_with_its_page_number():
    text = ("Data is kept:\n\nPage 1 of 2\nAcme Privacy Policy v1\n\n- for six years after the contract ends;\n"
            "- then deleted.\n\nPage 2 of 2\nAcme Privacy Policy v1\n")
    r = repair(text).text
    assert "Acme" not in r and re.sub(r" +\n", "\n", r).startswith("Data is kept:\n- for six years")


def test_a_pdfs_page_breaks_are_taken_out_where_a_list_goes_on():
    text = ("We use:\n- Stripe for payments\n\nPage 2 of 3\nAcme Privacy Policy v1\n\n- Mailchimp for e-mail\n"
            "Text.\n\nPage 3 of 3\nAcme Privacy Policy v1\n\nMore text.\nAcme Privacy Policy v1\nPage 4 of 4\n")
    assert len(without_page_breaks(text)) == len(text)
    r = repair(text).text
    assert re.sub(r" +\n", "\n", r).startswith("We use:\n- Stripe for payments\n- Mailchimp for e-mail\nText.\n"
                                                 "More text.")
    assert "Page" not in r and "Acme" not in r


def test_a_soft_hyphen_that_ends_a_line_joins_its_word():
    assert repair("Amazon Web Ser\u00ad\nvices").text.startswith("Amazon Web Services")


@pytest.mark.parametrize("text, joined", [
    ("Amazon Web Ser-\nvices EMEA SARL", "Amazon Web Services   EMEA SARL"),
    ("deleted within 8 weeks of termin-\nation.\nNext", "deleted within 8 weeks of termination.  \nNext"),
    ("our sub-pro-\ncessors are", "our sub-processors   are"),
    ("engage-\r\n  ment with", "engagement      with"),
    # a compound keeps its hyphen: "twenty-four", "third-party", "opt-out"
    ("deleted twenty-\nfour (24) months", "deleted twenty-four  (24) months"),
    ("our third-\nparty partners", "our third-party  partners"),
    # ... unless the document writes the word whole elsewhere
    ("e-\nmail us. Our email address", "email   us. Our email address"),
    # not a broken word: a list dash, a capital after the break, digits
    ("line-\n- item", "line-\n- item"),
    ("Part A-\nB", "Part A-\nB"),
    ("2019-\n2020", "2019-\n2020"),
])
def test_dehyphenate_joins_words_broken_across_lines_at_the_same_length(text, joined):
    assert dehyphenate(text) == joined and len(joined) == len(text)


_DOUBLED = ("Who we share with\n\nWe use these providers:\n\n- Stripe - payments\n\n- Mailchimp - newsletters\n\n\n\n"
            "How long we keep data\n\nAccounts are deleted 30 days after they close.\n\n\n\nYour rights\n\n"
            "You may ask for a copy.\n\nYou may ask us to correct it.\n\n\n\nContact\n\nprivacy@example.com\n")


def test_a_double_spaced_copy_is_closed_up_at_the_same_length():
    closed = undouble(_DOUBLED)
    assert len(closed) == len(_DOUBLED)
    assert re.sub(r" +\n", "\n", closed).startswith(
        "Who we share with\nWe use these providers:\n- Stripe - payments\n- Mailchimp - newsletters\n\n"
        "How long we keep data\n")


@pytest.mark.parametrize("text", [
    # a blank line between paragraphs, as typed
    "Who we share with\n\nWe use Stripe.\n\nHow long\n\nThirty days.\n\nRights\n\nAsk us.\n\nContact\n\nMail us.\n"
    "\nMore\n\nText.\n",
    # lines that follow each other already
    _DOUBLED.replace("\n\n", "\n"),
])
def test_text_that_is_not_double_spaced_stays(text):
    assert undouble(text) == text


_WRAPPED = """5.2 Service providers. We use the following service providers, which process
information on our behalf under written contracts that require them to protect
it and prohibit them from using it for any other purpose, as required by
Art. 28 GDPR. The providers we use are listed below, with what each one does.
- Amazon Web Services: hosting, database and video storage for the whole of
the service, in the United States (Oregon), under the EU Standard Contractual
Clauses.
- Mux: video encoding and streaming for the lessons that teachers set for
their classes, in the United States.
Cookies. We set no advertising cookies and we do not let third parties track
our users across other websites, now or at any time in the past or future.
"""


def test_a_hard_wrapped_document_is_unwrapped_inside_sentences_and_items():
    text = unwrap(_WRAPPED)
    assert len(text) == len(_WRAPPED)
    lines = text.splitlines()
    assert lines[0].startswith("5.2 Service providers.") and "as required by Art. 28 GDPR." in lines[0]
    assert lines[0].endswith("with what each one does.")
    assert lines[1].startswith("- Amazon Web Services:") and lines[1].endswith("Standard Contractual Clauses.")
    assert lines[2].startswith("- Mux:") and lines[2].endswith("in the United States.")
    assert lines[3].startswith("Cookies.") and len(lines) == 4


_WRAPPED_AT_SENTENCES = """Pupils' messages to their teachers are kept while the school uses the service, and
for one year after its licence ends, so that a teacher can answer a complaint later.
Invoices are kept for six years after the end of the financial year they relate to,
as the law requires. Support tickets are kept for two years after they are closed,
and backups are overwritten after 35 days, when the newest backup has been checked.
Accounts that nobody has used for three years are deleted, once we have told the
school. Logs of who signed in are kept for 90 days, so that we can look into any
incident. Card numbers never reach us: they go to our payment provider, which keeps
them for as long as the card network's rules require, as set out in its section
9. We publish a list of every provider we use.
Cookies. We set only the cookies that keep you signed in, and no others at all.
"""


def test_a_wrap_where_a_sentence_ends_is_unwrapped_when_the_next_word_would_not_have_fitted():
    lines = unwrap(_WRAPPED_AT_SENTENCES).splitlines()
    assert "a complaint later. Invoices are kept" in lines[0]
    assert "at any" not in lines[0] and "as set out in its section 9. We publish" in lines[0]
    assert lines[1].startswith("Cookies.")  # "Cookies." would have fitted after "every provider we use."


_PROVIDERS = """Our providers process information on our behalf under written contracts, which require
them to protect it and prohibit them from using it for any other purpose of their own,
as Article 28 of the UK GDPR requires of every processor and sub-processor we use.
"""


def test_a_wrapped_line_shorter_than_the_page_goes_on_when_the_next_word_would_not_have_fitted():
    text = (_PROVIDERS * 3 + "Two of our sub-processors are based in the United States, and both\n"
            "of these transfers are covered, as the law requires, by the UK\n"
            "International Data Transfer Addendum to the Standard Clauses.\n")
    assert "by the UK International Data Transfer" in unwrap(text)


def test_a_page_break_leaves_no_gap_inside_a_sentence_and_maps_back():
    text = (_PROVIDERS * 3 + "For pupils' data the school (or the multi-academy trust that runs it, if there is\n"
            "\nPage 2 of 3\nAcme Privacy Policy v1\n\n"
            "one) is the controller and we are its processor, as Article 28 of the UK GDPR sets\n"
            "out.\n\nPage 3 of 3\nAcme Privacy Policy v1\n")
    r = repair(text)
    assert "if there is one) is the controller" in r.text
    assert not re.search(r"\S {3,}\S", r.text)
    start = r.text.index("one) is")
    assert text[r.original(start) : r.original(start + len("one) is"))] == "one) is"
    assert r.original(len(r.text)) == len(text)


def test_a_bulleted_item_wrapped_onto_an_indented_line_goes_on():
    # (the spaces after the bullet are no gap between a table's cells)
    text = (_PROVIDERS * 3 + "\u2022   Microsoft Ireland Operations Limited \u2013 Azure hosting of the Console,\n"
            "    databases and capture storage \u2013 UK South and UK West regions.\n")
    assert "hosting of the Console, databases and capture" in re.sub(r" +", " ", unwrap(text))


def test_a_ligature_read_as_windows_1252_is_mended_and_maps_back():
    text = "The O\ufb03ce keeps device identi\ufb01ers.".encode("utf-8").decode("cp1252", errors="whatwg")
    r = repair(text)
    assert r.text == "The Office keeps device identifiers."
    assert text[r.original(r.text.index("keeps")) :].startswith("keeps") and r.original(len(r.text)) == len(text)


def test_a_page_break_between_two_paragraphs_keeps_them_apart():
    text = ("We keep invoices for six years.\n\nPage 1 of 2\nAcme Privacy Policy v1\n\n\nYour rights\n"
            "You may ask for a copy.\n\nPage 2 of 2\nAcme Privacy Policy v1\n")
    assert re.sub(r" +\n", "\n", repair(text).text).startswith("We keep invoices for six years.\n\nYour rights\n")


_WRAPPED_LIST = """Our providers, who process information for us under written contracts with us, are these ones:
Google Cloud – hosting of the service and of its databases in London, United Kingdom
Wonde – copies class lists and free school meals status from the school's information system
Stripe – dinner money top-ups through the parent app (we never see or store your card number)

Some of our providers are based in the United States and may access information there:
Twilio (the mobile number and text of an SMS message) and Intercom (support conversations with us).
We rely on the EU-US Data Privacy Framework for these transfers, as the law allows us to do.
Both have signed our data processing agreement, which we review every year with our lawyers.
"""


def test_a_wrapped_list_without_bullets_keeps_its_items_and_a_wrapped_colon_goes_on():
    lines = unwrap(_WRAPPED_LIST).splitlines()
    assert [ln.split(" ")[0] for ln in lines[:4]] == ["Our", "Google", "Wonde", "Stripe"]
    assert lines[5].startswith("Some of our providers") and "there: Twilio (the mobile number" in lines[5]


@pytest.mark.parametrize("text", [
    # lines that are paragraphs
    "\n".join(["We keep invoices for six years after the end of the financial year they relate to, as the law "
               "requires, and then delete them from our systems and backups within 90 days."] * 10),
    # one sentence a line, nearly all of one length
    "\n".join(["Support tickets are kept for two years after they are closed, then deleted for good.",
               "Invoices are kept for six years after the end of the financial year they belong to.",
               "Backups are overwritten after 35 days, when the newest backup has been checked too."] * 4),
    # a borderless table: cells apart by runs of spaces
    "\n".join(["Stripe Payments Europe Ltd     card payments for invoices            Ireland",
               "                               and subscriptions                     (EU)"] * 6),
])
def test_text_that_is_not_hard_wrapped_stays(text):
    assert unwrap(text) == text


def _dev_policies() -> list[Path]:
    # (named, so that a new dev set does not change which are copied; dev9_harrier is a PDF copy with ligatures)
    return [FACT_POLICIES / f"{name}.txt" for name in ("dev10_bramblewood", "dev15_talebro", "dev21_halfterm",
                                                        "dev27_cardamom", "dev3_adjustly", "dev9_harrier")]


def _copied(text: str, how: str, rnd: random.Random) -> str:
    """``text`` as a copy from a web page or a badly saved file has it."""
    if how == "no-break spaces":
        return "".join("\u00a0" if c == " " and rnd.random() < 0.3 else c for c in text)
    if how == "soft hyphens":
        return re.sub(r"(?<=[a-z]{3})(?=[a-z]{3})", lambda m: "\u00ad" if rnd.random() < 0.05 else "", text)
    if how == "zero-width spaces":
        return re.sub(r" ", lambda m: " \u200b" if rnd.random() < 0.05 else " ", text)
    if how == "mojibake":
        return text.encode("utf-8").decode("cp1252", errors="whatwg")
    if how == "HTML tags":
        return re.sub(r"(?m)^(\s*)[-\u2022*]\s+(.+)$", lambda m: f"{m.group(1)}<li>{m.group(2)}</li>", text)
    if how == "ligatures":
        return text.replace("fi", "\ufb01").replace("fl", "\ufb02")
    return text.replace("\n", "\n\n")  # double spacing


@pytest.mark.parametrize("how", ["no-break spaces", "soft hyphens", "zero-width spaces", "mojibake", "ligatures",
                                 "HTML tags", "double spacing"])
@pytest.mark.parametrize("path", _dev_policies(), ids=lambda p: p.stem)
def test_a_copy_of_a_policy_reads_as_the_policy(path, how):
    text = path.read_text(encoding="utf-8")
    copy = _copied(text, how, random.Random(path.stem))
    clean, copied = analyse(text), analyse(copy)
    assert copied.summary == clean.summary and copied.vendor_name == clean.vendor_name
    assert copied.last_updated == clean.last_updated
    assert all(f.quote == copy[f.start : f.end] for f in copied.findings)
