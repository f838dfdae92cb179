"""The export downloads: comparison CSV and PDF, the DPIA starter page and PDF; bad input, hostile names,
review state, rejected findings, bounded queries."""

from __future__ import annotations

import csv
import io
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from policies.models import AnalysisRun, Finding
from tests.comparisons.exports.pdf_checks import ink_in_margins, ink_ratio, is_a4, page_sizes, pdf_text, render_pages
from tests.factories import PolicyVersionFactory, VendorFactory, analysed_vendor

pytestmark = pytest.mark.django_db
CSV_URL = reverse("comparisons:compare-export-csv")
PDF_URL = reverse("comparisons:compare-export-pdf")
HOSTILE = '=HYPERLINK("http://evil")'
SCRIPT = "<script>alert(1)</script>"


def q(*slugs, **extra):
    return {"v": list(slugs), **extra}


def read_csv(response) -> list[list[str]]:
    body = response.content
    assert body.startswith(b"\xef\xbb\xbf"), "UTF-8 BOM for Excel"
    return list(csv.reader(io.StringIO(body.decode("utf-8-sig"), newline="")))


def row(rows, fact: str) -> list[str]:
    return next(r for r in rows if r[1] == fact)


def assert_attachment(response, ext: str):
    assert response.status_code == 200
    disposition = response["Content-Disposition"]
    assert re.fullmatch(rf'attachment; filename="policylens-[a-z0-9-]+-\d{{4}}-\d\d-\d\d\.{ext}"', disposition)
    assert "no-store" in response["Cache-Control"]


# --- CSV ---------------------------------------------------------------------------------------


def test_csv_export_has_every_vendor_fact_and_quote(viewer_client, three):
    response = viewer_client.get(CSV_URL, q("acme-learning", "badco-games", "middling-maths"))
    assert_attachment(response, "csv")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    rows = read_csv(response)
    assert rows[0] == [
        "Section", "Fact",
        "Acme Learning", "Acme Learning: evidence",
        "Badco Games", "Badco Games: evidence",
        "Middling Maths", "Middling Maths: evidence",
    ]  # fmt: skip
    assert row(rows, "Overall grade")[2].startswith(("A", "B"))
    longest = row(rows, "Longest retention")
    assert longest[2].startswith("1 year") and longest[4].startswith("Indefinitely")
    assert longest[6].startswith("7 years")
    assert "“We may keep your information indefinitely.”" in longest[5]
    assert row(rows, "Policy last updated")[2] == "2025-09-01"
    assert row(rows, "Policy last updated (as stated)")[2] == "2025-09-01"
    assert re.fullmatch(r"\d{4}-\d\d-\d\d", row(rows, "Policy uploaded")[2])
    facts = {r[1] for r in rows}
    for fact in (
        "Retention periods", "Deletion on request", "Who the service is for", "Minimum age", "Consent",
        "Named recipients", "Categories of recipient", "Transfers outside the UK/EEA", "Transfer safeguards",
        "Sells personal data", "Third-party advertising", "Rights explained", "Review status",
    ):  # fmt: skip
        assert fact in facts, fact
    assert "PROVISIONAL" in row(rows, "Overall grade")[2]
    assert row(rows, "Review status")[2].startswith("Provisional: machine analysis")


def test_csv_marks_reviewed_vendor_as_not_provisional_and_drops_rejected_findings(viewer_client, three):
    acme_run = AnalysisRun.objects.get(version__vendor=three[0])
    AnalysisRun.objects.filter(pk=acme_run.pk).update(review_state="reviewed")
    Finding.objects.filter(run=acme_run).update(review_status="confirm")
    rejected = Finding.objects.get(run=acme_run, kind="deletion")
    Finding.objects.filter(pk=rejected.pk).update(review_status="reject")
    rows = read_csv(viewer_client.get(CSV_URL, q("acme-learning", "badco-games")))
    assert row(rows, "Review status")[2].startswith("Reviewed")
    assert "PROVISIONAL" not in row(rows, "Overall grade")[2]
    assert "PROVISIONAL" in row(rows, "Overall grade")[4]
    everything = "\n".join(cell for r in rows for cell in r)
    assert rejected.quote not in everything
    assert "[confirmed by reviewer]" in everything


def test_csv_neutralises_formulas_in_vendor_names_and_quotes(viewer_client):
    analysed_vendor(HOSTILE, "good", slug="evil")
    analysed_vendor(SCRIPT, "bad", slug="script")
    run = AnalysisRun.objects.get(version__vendor__slug="evil")
    Finding.objects.filter(run=run, kind="deletion").update(quote="@SUM(1+1)*cmd|' /C calc'!A0")
    rows = read_csv(viewer_client.get(CSV_URL, q("evil", "script")))
    assert rows[0][2] == "'" + HOSTILE and rows[0][4] == SCRIPT
    for r in rows:
        for cell in r:
            assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), cell
    assert any("“@SUM(1+1)" in cell for r in rows for cell in r)  # inside a quote: harmless, kept


def test_csv_failed_and_running_analyses_say_so(viewer_client, three):
    analysed_vendor("Broken Co", status=AnalysisRun.Status.FAILED)
    analysed_vendor("Busy Co", status=AnalysisRun.Status.RUNNING)
    rows = read_csv(viewer_client.get(CSV_URL, q("acme-learning", "broken-co", "busy-co")))
    assert row(rows, "Analysis")[2:] == ["Analysed", "", "Analysis failed", "", "Analysis running", ""]
    assert row(rows, "Longest retention")[4] == "Analysis failed"
    assert row(rows, "Longest retention")[6] == "Analysis running"


@pytest.mark.parametrize(
    ("params", "expected_vendors", "notice"),
    [
        (q("acme-learning", "acme-learning", "badco-games"), 2, "listed twice"),
        (q("acme-learning", "no-such-vendor"), 1, "No vendor “no-such-vendor”"),
        (q("acme-learning", "bad slug!", "badco-games"), 2, "not a vendor address"),
        (q("acme-learning,badco-games"), 2, None),
    ],
)
def test_csv_bad_selection_is_handled_like_the_compare_page(viewer_client, three, params, expected_vendors, notice):
    response = viewer_client.get(CSV_URL, params)
    rows = read_csv(response)
    assert (len(rows[0]) - 2) // 2 == expected_vendors
    notices = [r[2] for r in rows if r[1] == "Notice"]
    assert (notice is None and not notices) or any(notice in n for n in notices)


def test_more_than_six_vendors_exports_six_and_says_so(viewer_client):
    slugs = [analysed_vendor(f"Vendor {i}", "good")[0].slug for i in range(8)]
    rows = read_csv(viewer_client.get(CSV_URL, q(*slugs)))
    assert (len(rows[0]) - 2) // 2 == 6
    assert any("At most 6" in r[2] for r in rows if r[1] == "Notice")


@pytest.mark.parametrize("url", [CSV_URL, PDF_URL])
@pytest.mark.parametrize("params", [{}, q("no-such"), q("<script>"), {"v": ["x" * 500]}])
def test_nothing_to_export_goes_back_to_the_compare_page(viewer_client, url, params):
    response = viewer_client.get(url, params)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("comparisons:compare"))


def test_vendor_without_policy_is_a_column_saying_so(viewer_client, three):
    VendorFactory(name="Empty Co")
    rows = read_csv(viewer_client.get(CSV_URL, q("acme-learning", "empty-co")))
    assert row(rows, "Analysis")[4] == "No policy uploaded"


def test_csv_query_count_does_not_grow_with_vendors(viewer_client):
    slugs = [analysed_vendor(f"Vendor {i}", "good", extra_findings=3)[0].slug for i in range(6)]
    counts = []
    for n in (2, 6):
        with CaptureQueriesContext(connection) as ctx:
            assert viewer_client.get(CSV_URL, q(*slugs[:n])).status_code == 200
        counts.append(len(ctx))
    assert counts[0] == counts[1] and counts[1] <= 12, counts


def test_exports_need_login(client, three):
    for url in (CSV_URL, PDF_URL):
        response = client.get(url, q("acme-learning", "badco-games"))
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_exports_are_get_only(viewer_client, three):
    assert viewer_client.post(CSV_URL, q("acme-learning", "badco-games")).status_code == 405


# --- comparison PDF ------------------------------------------------------------------------------


def test_pdf_export_is_an_a4_document_with_the_comparison(viewer_client, three):
    response = viewer_client.get(PDF_URL, q("acme-learning", "badco-games", "middling-maths"))
    assert_attachment(response, "pdf")
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF-")
    sizes = page_sizes(response.content)
    assert len(sizes) >= 2 and all(is_a4(s) for s in sizes)
    text = pdf_text(response.content)
    for expected in ("Acme Learning", "Badco Games", "Middling Maths", "Longest retention", "Indefinitely",
                     "PROVISIONAL", "We may keep your information indefinitely.", f"of {len(sizes)}"):
        assert expected in text, expected
    images = render_pages(response.content, scale=0.6)
    assert all(ink_ratio(image) > 0.005 for image in images)  # no blank page
    assert all(ink_in_margins(image) == 0 for image in images)  # nothing runs into the margins


def test_pdf_shows_hostile_names_as_text(viewer_client):
    analysed_vendor(HOSTILE, "good", slug="evil")
    analysed_vendor(SCRIPT, "bad", slug="script")
    analysed_vendor("Café “Ünïcode” £5 – naïve", "middling", slug="cafe")
    response = viewer_client.get(PDF_URL, q("evil", "script", "cafe"))
    text = pdf_text(response.content)
    assert HOSTILE in text and SCRIPT in text
    assert "Café “Ünïcode” £5 – naïve" in text


def test_pdf_with_six_vendors_and_long_names_stays_inside_the_page(viewer_client):
    slugs = [
        analysed_vendor(f"Supplier {i} " + "Longname" * 12, ["good", "bad", "middling"][i % 3], extra_findings=6,
                        slug=f"s{i}")[0].slug
        for i in range(6)
    ]  # fmt: skip
    response = viewer_client.get(PDF_URL, q(*slugs))
    images = render_pages(response.content, scale=0.5)
    assert len(images) >= 3
    assert all(ink_in_margins(image) == 0 for image in images)


# --- DPIA starter ------------------------------------------------------------------------------------


def dpia_urls(slug):
    return reverse("comparisons:vendor-dpia", args=[slug]), reverse("comparisons:vendor-dpia-pdf", args=[slug])


def test_dpia_page_lists_facts_with_quotes_and_gaps(viewer_client, three):
    page, pdf = dpia_urls("badco-games")
    body = viewer_client.get(page).content.decode()
    assert "DPIA starter: Badco Games" in body
    assert f'href="{pdf}"' in body
    assert "We may keep your information indefinitely." in body
    assert "Gaps to ask the supplier about" in body
    assert "is any pupil data sold or shared for payment" in body.lower()
    assert 'id="dpia-provisional"' in body


def test_dpia_pdf_is_a4_with_gaps(viewer_client, three):
    response = viewer_client.get(dpia_urls("badco-games")[1])
    assert_attachment(response, "pdf")
    assert "dpia-badco-games" in response["Content-Disposition"]
    sizes = page_sizes(response.content)
    assert all(is_a4(s) and s[0] < s[1] for s in sizes)  # portrait
    text = pdf_text(response.content)
    for expected in ("DPIA starter: Badco Games", "Retention and deletion", "Recipients and sub-processors",
                     "International transfers and safeguards", "Gaps to ask the supplier about", "PROVISIONAL",
                     "AdCo Ltd shows adverts in our apps.", "Red line"):
        assert expected in text, expected
    assert all(ink_in_margins(image) == 0 for image in render_pages(response.content, scale=0.5))


def test_dpia_of_reviewed_analysis_is_not_provisional(viewer_client, three):
    AnalysisRun.objects.filter(version__vendor=three[0]).update(review_state="reviewed")
    page, pdf = dpia_urls("acme-learning")
    assert 'id="dpia-provisional"' not in viewer_client.get(page).content.decode()
    assert "PROVISIONAL" not in pdf_text(viewer_client.get(pdf).content)


def test_dpia_escapes_hostile_names(viewer_client):
    analysed_vendor(SCRIPT, "good", slug="script")
    body = viewer_client.get(dpia_urls("script")[0]).content.decode()
    assert SCRIPT not in body and "&lt;script&gt;alert(1)&lt;/script&gt;" in body
    assert SCRIPT in pdf_text(viewer_client.get(dpia_urls("script")[1]).content)


@pytest.mark.parametrize("status", [AnalysisRun.Status.FAILED, AnalysisRun.Status.RUNNING, None])
def test_dpia_without_an_analysis_says_so(viewer_client, status):
    if status:
        analysed_vendor("Pending Co", status=status)
    else:
        PolicyVersionFactory(vendor=VendorFactory(name="Pending Co"))  # uploaded, never analysed
    page, pdf = dpia_urls("pending-co")
    body = viewer_client.get(page).content.decode()
    assert "No analysed policy" in body and 'id="dpia-download"' not in body
    text = pdf_text(viewer_client.get(pdf).content)
    assert "No analysed policy" in text


def test_dpia_unknown_vendor_is_404(viewer_client):
    for url in dpia_urls("no-such-vendor"):
        assert viewer_client.get(url).status_code == 404


# --- links on the pages ------------------------------------------------------------------------------


def test_compare_page_links_to_both_exports_with_the_selection(viewer_client, three):
    body = viewer_client.get(reverse("comparisons:compare"), q("acme-learning", "badco-games", diff="1")).content
    body = body.decode()
    assert f'href="{PDF_URL}?v=acme-learning&amp;v=badco-games&amp;diff=1"' in body
    assert f'href="{CSV_URL}?v=acme-learning&amp;v=badco-games&amp;diff=1"' in body


def test_compare_page_with_one_vendor_offers_no_export(viewer_client, three):
    assert "Export PDF" not in viewer_client.get(reverse("comparisons:compare"), q("acme-learning")).content.decode()


def test_vendor_page_links_to_the_dpia_starter(viewer_client, three):
    body = viewer_client.get(reverse("comparisons:vendor-detail", args=["acme-learning"])).content.decode()
    page, pdf = dpia_urls("acme-learning")
    assert f'href="{page}"' in body and f'href="{pdf}"' in body
