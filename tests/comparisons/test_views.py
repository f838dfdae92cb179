"""Directory, vendor, comparison and methodology pages: full page and htmx fragment, bad input."""

import re

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db.models import F
from django.urls import reverse

from comparisons.scoring import RUBRIC_VERSION
from policies.models import AnalysisRun, ReviewState, Score
from tests.factories import PolicyVersionFactory, VendorFactory, analysed_vendor

pytestmark = pytest.mark.django_db
HTMX = {"HTTP_HX_REQUEST": "true"}
DIRECTORY = reverse("comparisons:vendor-list")
COMPARE = reverse("comparisons:compare")


def names_in(body: str) -> list[str]:
    return re.findall(r'<th scope="row"><a href="/vendors/[^"]+/">([^<]+)</a>', body)


# --- login --------------------------------------------------------------------------------


@pytest.mark.parametrize("url", [DIRECTORY, COMPARE, reverse("comparisons:methodology")])
def test_pages_need_login(client, url):
    response = client.get(url)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


# --- directory ----------------------------------------------------------------------------


def test_directory_full_page_and_fragment(viewer_client, three):
    page = viewer_client.get(DIRECTORY)
    assert page.status_code == 200 and b"<html" in page.content
    assert names_in(page.content.decode()) == ["Acme Learning", "Badco Games", "Middling Maths"]
    fragment = viewer_client.get(DIRECTORY, **HTMX).content.decode()
    assert fragment.lstrip().startswith('<section id="vendor-results"') and "<html" not in fragment
    assert "3 vendors" in fragment


def test_directory_search_by_name(viewer_client, three):
    body = viewer_client.get(DIRECTORY, {"q": "  bad  "}, **HTMX).content.decode()
    assert names_in(body) == ["Badco Games"] and "1 vendor match" in body


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"grade": "A"}, ["Acme Learning"]),
        ({"grade": "E"}, ["Badco Games"]),
        ({"children": "not_directed"}, ["Middling Maths"]),
        ({"children": "directed"}, ["Badco Games"]),
        ({"transfers": "outside"}, ["Badco Games", "Middling Maths"]),
        ({"transfers": "unsafeguarded"}, ["Badco Games"]),
        ({"transfers": "none"}, ["Acme Learning"]),
        ({"retention": "le_1y"}, ["Acme Learning"]),
        ({"retention": "le_6y"}, ["Acme Learning"]),
        ({"retention": "gt_6y"}, ["Middling Maths"]),
        ({"retention": "indefinite"}, ["Badco Games"]),
        ({"sells": "yes"}, ["Badco Games"]),
        ({"sells": "no"}, ["Acme Learning", "Middling Maths"]),
        ({"sells": "no", "q": "acme"}, ["Acme Learning"]),
    ],
)
def test_directory_filters(viewer_client, three, params, expected):
    assert names_in(viewer_client.get(DIRECTORY, params).content.decode()) == expected


def test_directory_not_stated_filters(viewer_client, three):
    quiet = VendorFactory(name="Silent Systems")
    run = analysed_vendor("Empty Policy", "good")[1]
    AnalysisRun.objects.filter(pk=run.pk).update(summary={})
    body = viewer_client.get(DIRECTORY, {"sells": "not_stated"}).content.decode()
    assert names_in(body) == ["Empty Policy"]
    assert quiet.name not in names_in(
        viewer_client.get(DIRECTORY, {"retention": "not_stated"}).content.decode()
    )


@pytest.mark.parametrize(
    ("sort", "expected"),
    [
        ("name", ["Acme Learning", "Badco Games", "Middling Maths"]),
        ("-name", ["Middling Maths", "Badco Games", "Acme Learning"]),
        ("-score", ["Acme Learning", "Middling Maths", "Badco Games"]),
        ("score", ["Badco Games", "Middling Maths", "Acme Learning"]),
        ("retention", ["Acme Learning", "Middling Maths", "Badco Games"]),
        ("-retention", ["Badco Games", "Middling Maths", "Acme Learning"]),
    ],
)
def test_directory_sorting(viewer_client, three, sort, expected):
    assert names_in(viewer_client.get(DIRECTORY, {"sort": sort}).content.decode()) == expected


def test_directory_unanalysed_vendor_sorts_last_by_score(viewer_client, three):
    VendorFactory(name="Aardvark Apps")
    body = viewer_client.get(DIRECTORY, {"sort": "-score"}).content.decode()
    assert names_in(body)[-1] == "Aardvark Apps" and "No completed analysis" in body


def test_directory_pagination_keeps_the_filters(viewer_client):
    for i in range(30):
        VendorFactory(name=f"Supplier {i:02d}")
    first = viewer_client.get(DIRECTORY, {"q": "supplier"}).content.decode()
    assert len(names_in(first)) == 25 and "Page 1 of 2" in first
    assert 'href="?q=supplier&amp;page=2"' in first
    second = viewer_client.get(DIRECTORY, {"q": "supplier", "page": "2"}, **HTMX).content.decode()
    assert names_in(second) == [f"Supplier {i}" for i in range(25, 30)]


@pytest.mark.parametrize(
    "params",
    [
        {"grade": "Z"},
        {"sort": "drop table"},
        {"page": "banana"},
        {"page": "-3"},
        {"page": "99999"},
        {"children": "x" * 500},
        {"q": "x" * 5000},
        {"retention": "'; --"},
        {"q": "%_\\"},
        {"grade": ["A", "B"]},
    ],
)
def test_directory_garbage_params_give_a_page(viewer_client, three, params):
    response = viewer_client.get(DIRECTORY, params)
    assert response.status_code == 200
    assert response.content.count(b'<th scope="row">') <= 3


def test_directory_says_which_filter_was_ignored(viewer_client, three):
    body = viewer_client.get(DIRECTORY, {"grade": "Z", "sells": "yes"}).content.decode()
    assert "Ignored grade" in body and names_in(body) == ["Badco Games"]


def test_directory_checkboxes_feed_the_compare_form(viewer_client, three):
    body = viewer_client.get(DIRECTORY).content.decode()
    assert f'action="{COMPARE}"' in body
    assert 'name="v" value="acme-learning" form="compare-form"' in body


# --- vendor page --------------------------------------------------------------------------


def test_vendor_page_full_and_fragment(viewer_client, three):
    vendor = three[1]
    page = viewer_client.get(vendor.get_absolute_url()).content.decode()
    assert "<html" in page and "Badco Games" in page
    assert 'class="quote-link"' in page and "#finding-" in page
    assert "Grade capped at E" in page and "How this was scored" in page
    fragment = viewer_client.get(vendor.get_absolute_url(), **HTMX).content.decode()
    assert fragment.lstrip().startswith('<section id="vendor-analysis"') and "<html" not in fragment


def test_unknown_vendor_is_404(viewer_client):
    assert viewer_client.get(reverse("comparisons:vendor-detail", args=["nobody"])).status_code == 404


def test_vendor_with_failed_analysis_says_so(viewer_client):
    vendor, _ = analysed_vendor("Broken Docs", status=AnalysisRun.Status.FAILED)
    assert "Failed" in viewer_client.get(vendor.get_absolute_url()).content.decode()


# --- comparison ---------------------------------------------------------------------------


def compare(client, *slugs, htmx=False, **params):
    return client.get(COMPARE, {"v": list(slugs), **params}, **(HTMX if htmx else {}))


def test_compare_full_page_and_fragment(viewer_client, three):
    slugs = [v.slug for v in three]
    page = compare(viewer_client, *slugs)
    body = page.content.decode()
    assert page.status_code == 200 and "<html" in body
    assert (
        "<caption>" in body and 'scope="col"' in body and 'scope="row"' in body and 'scope="rowgroup"' in body
    )
    assert "Comparison of Acme Learning, Badco Games and Middling Maths" in body
    fragment = compare(viewer_client, *slugs, htmx=True).content.decode()
    assert fragment.lstrip().startswith('<div id="comparison"') and "<html" not in fragment
    assert "<svg" in fragment and 'role="img"' in fragment and "<desc" in fragment


def test_compare_marks_best_and_worst_in_words(viewer_client, three):
    body = compare(viewer_client, *[v.slug for v in three]).content.decode()
    overall = body[body.index(">Overall grade<") : body.index(">Data retention<")]
    assert (
        overall.count('class="flag flag-best">Best<') == 1
        and overall.count('class="flag flag-worst">Worst<') == 1
    )
    assert overall.index("Best") < overall.index("Worst")  # Acme (first column) is best


def test_compare_lines_up_shared_recipients_and_marks_unique_ones(viewer_client, three):
    body = compare(viewer_client, *[v.slug for v in three]).content.decode()
    aws = body.index(">Amazon Web Services <span")
    assert "Named by 2" in body[aws : aws + 200]  # "Amazon Web Services" and "... Inc" are one row
    adco = body.index(">AdCo Ltd <span")
    assert "Only Badco Games" in body[adco : adco + 200]


def test_compare_cells_expand_to_quotes_linking_into_the_policy(viewer_client, three):
    body = compare(viewer_client, *[v.slug for v in three]).content.decode()
    version = three[0].versions.get()
    assert '<details class="evidence">' in body
    assert f'href="{version.get_absolute_url()}#finding-' in body
    assert "We keep pupil records for one year after the contract ends." in body


def test_compare_retention_row_says_what_periods_apply_to(viewer_client, three):
    body = compare(viewer_client, three[2].slug, three[0].slug).content.decode()
    assert "30 days: logs" in body and "7 years: invoices" in body and "1 year: pupil records" in body


def test_differences_only_hides_identical_rows(viewer_client):
    a, _ = analysed_vendor("Twin One", "good")
    b, _ = analysed_vendor("Twin Two", "good")
    full = compare(viewer_client, a.slug, b.slug).content.decode()
    assert ">Overall grade<" in full and "row-same" in full
    diff = compare(viewer_client, a.slug, b.slug, diff="1", htmx=True).content.decode()
    assert ">Overall grade<" not in diff and "identical rows hidden" in diff
    assert 'id="diff-only" checked' in diff


def test_failed_and_running_columns_say_so_instead_of_zeros(viewer_client, three):
    failed, _ = analysed_vendor("Failing Feeds", status=AnalysisRun.Status.FAILED)
    running, _ = analysed_vendor("Running Reads", status=AnalysisRun.Status.RUNNING)
    nothing = VendorFactory(name="No Policy Yet")
    body = compare(viewer_client, three[0].slug, failed.slug, running.slug, nothing.slug).content.decode()
    assert "Analysis failed" in body and "Analysis running" in body and "No policy uploaded" in body
    assert ">0/100<" not in body


def test_older_successful_run_is_shown_while_a_newer_one_runs(viewer_client, three):
    version = three[0].versions.get()
    AnalysisRun.objects.create(version=version, status=AnalysisRun.Status.RUNNING, progress=50)
    body = compare(viewer_client, three[0].slug, three[1].slug).content.decode()
    assert "99/100" in body or "/100" in body
    assert "Newer analysis running" in body


@pytest.mark.parametrize(
    ("slugs", "notice"),
    [
        (["acme-learning", "ghost-vendor"], "No vendor “ghost-vendor”"),
        (["acme-learning", "acme-learning", "badco-games"], "listed twice"),
        (["acme-learning", "<script>"], "not a vendor address"),
        (["ACME-LEARNING", "badco-games"], None),
        ([" , ,"], None),
        ([], None),
        (["acme-learning,badco-games"], None),
    ],
)
def test_compare_bad_selection_gives_a_page(viewer_client, three, slugs, notice):
    response = viewer_client.get(COMPARE, {"v": slugs})
    assert response.status_code == 200
    body = response.content.decode()
    if notice:
        assert notice in body
    assert "<script>alert" not in body


def test_compare_more_than_six_keeps_six_and_says_so(viewer_client):
    vendors = [analysed_vendor(f"Vendor {i}", "good")[0] for i in range(8)]
    body = compare(viewer_client, *[v.slug for v in vendors]).content.decode()
    assert body.count('class="vendor-col"') == 6
    assert "At most 6 vendors" in body and "vendor-6" in body and "vendor-7" in body
    assert "the most a comparison can show" in body


def test_compare_deleted_vendor_is_reported(viewer_client, three):
    gone = three[2]
    slug = gone.slug
    gone.delete()
    body = compare(viewer_client, three[0].slug, slug).content.decode()
    assert f"No vendor “{slug}”" in body


def test_remove_links_drop_one_column_and_keep_the_rest(viewer_client, three):
    body = compare(viewer_client, *[v.slug for v in three], diff="1").content.decode()
    assert 'href="/compare/?v=badco-games&amp;v=middling-maths&amp;diff=1"' in body
    assert 'hx-push-url="true"' in body


def test_add_search_offers_other_vendors(viewer_client, three):
    body = compare(viewer_client, three[0].slug, add="mid", htmx=True).content.decode()
    assert 'href="/compare/?v=acme-learning&amp;v=middling-maths"' in body and "Add Middling Maths" in body
    none = compare(viewer_client, three[0].slug, add="acme").content.decode()
    assert "Add Acme" not in none and "No other supplier" in none


def test_comparison_is_cached_by_runs_and_rubric(viewer_client, three, django_assert_max_num_queries):
    slugs = [v.slug for v in three]
    first = compare(viewer_client, *slugs, htmx=True).content
    with django_assert_max_num_queries(3):  # session, user (with roles and unread alerts), versions and runs
        second = compare(viewer_client, *slugs, htmx=True).content
    assert first == second
    # re-scoring under another rubric version changes the key: the page shows the new scores
    run = AnalysisRun.objects.get(version__vendor=three[0])
    AnalysisRun.objects.filter(pk=run.pk).update(rubric_version="old")
    Score.objects.filter(run=run, dimension="overall").update(points=12)
    assert b"12/100" in compare(viewer_client, *slugs).content


def overall_cells(body: str) -> list[str]:
    overall = body[body.index(">Overall grade<") : body.index(">Data retention<")]
    return overall.split('<td class="cell')[1:]


def test_overall_grade_says_whether_it_was_reviewed(viewer_client, three):
    AnalysisRun.objects.filter(version__vendor=three[1]).update(review_state=ReviewState.REVIEWED, review_revision=3)
    AnalysisRun.objects.filter(version__vendor=three[2]).update(review_state=ReviewState.IN_REVIEW, review_revision=1)
    body = compare(viewer_client, *[v.slug for v in three]).content.decode()
    machine, reviewed, partly = overall_cells(body)
    assert ">Provisional (machine)<" in machine
    assert ">Reviewed<" in reviewed and "Provisional" not in reviewed
    assert ">Provisional (partly reviewed)<" in partly
    assert body.count('class="review-state') == 3  # in words, on the overall grade only


def test_comparison_cache_follows_review_decisions(viewer_client, three):
    slugs = [v.slug for v in three]
    assert ">Provisional (machine)<" in overall_cells(compare(viewer_client, *slugs).content.decode())[0]
    run = AnalysisRun.objects.get(version__vendor=three[0])
    Score.objects.filter(run=run, dimension="overall").update(points=12)
    # same run, rubric and review revision: the cached table is served
    assert ">12/100<" not in compare(viewer_client, *slugs).content.decode()
    # a reviewer's decision re-scores the run and bumps its revision: the table is rendered afresh
    AnalysisRun.objects.filter(pk=run.pk).update(review_revision=F("review_revision") + 1)
    assert ">12/100<" in overall_cells(compare(viewer_client, *slugs).content.decode())[0]
    # completing the review changes the label at once
    AnalysisRun.objects.filter(pk=run.pk).update(review_state=ReviewState.REVIEWED)
    first = overall_cells(compare(viewer_client, *slugs, htmx=True).content.decode())[0]
    assert ">Reviewed<" in first and "Provisional" not in first


def test_header_badge_and_roles_come_with_the_user(viewer_client, viewer, three, django_assert_max_num_queries):
    from django.contrib.auth.models import Group

    from policies.models import Notification
    from policies.roles import POLICY_ADMINS

    for vendor in three[:2]:
        Notification.objects.create(user=viewer, vendor=vendor, version=vendor.versions.get(), title="New")
    Notification.objects.create(
        user=viewer, vendor=three[2], version=three[2].versions.get(), title="Old", read_at="2026-01-01T00:00Z"
    )
    slugs = [v.slug for v in three]
    compare(viewer_client, *slugs)
    with django_assert_max_num_queries(3):
        body = compare(viewer_client, *slugs).content.decode()
    assert '<span class="count" aria-label="2 unread">2</span>' in body
    assert "Upload a policy" not in body
    viewer.groups.add(Group.objects.get_or_create(name=POLICY_ADMINS)[0])  # read fresh on the next request
    assert "Upload a policy" in compare(viewer_client, *slugs).content.decode()


def test_deactivated_user_is_signed_out(viewer_client, viewer):
    viewer.is_active = False
    viewer.save(update_fields=["is_active"])
    response = viewer_client.get(COMPARE)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_runs_query_without_the_compiled_shortcut_gives_the_same_page(viewer_client, three, monkeypatch):
    from comparisons import selectors

    slugs = [v.slug for v in three]
    compiled = compare(viewer_client, *slugs, htmx=True).content
    cache.clear()
    monkeypatch.setattr(selectors, "_RUNS_QUERIES", {})
    monkeypatch.setattr(selectors, "_prepare_runs_query", lambda db, n: None)  # as on a backend it cannot use
    assert compare(viewer_client, *slugs, htmx=True).content == compiled


def test_comparison_page_query_count_is_bounded(viewer_client, django_assert_max_num_queries):
    for i in range(12):  # vendors in the database, not compared
        analysed_vendor(f"Other {i}", "middling")
    chosen = [
        analysed_vendor(f"Chosen {i}", "good" if i % 2 else "bad", extra_findings=40)[0] for i in range(6)
    ]
    for v in chosen:  # older versions and runs must not be read one by one
        PolicyVersionFactory(vendor=v, is_current=False)
    with django_assert_max_num_queries(10):
        response = compare(viewer_client, *[v.slug for v in chosen])
    assert response.status_code == 200 and response.content.count(b'class="vendor-col"') == 6


# --- methodology and rescoring ------------------------------------------------------------


def test_methodology_page_shows_the_rubric(viewer_client):
    body = viewer_client.get(reverse("comparisons:methodology")).content.decode()
    assert RUBRIC_VERSION in body and "Blockers" in body and "Not stated" in body
    assert "Does the policy say how long personal data is kept?" in body
    fragment = viewer_client.get(reverse("comparisons:methodology"), **HTMX).content.decode()
    assert fragment.lstrip().startswith('<article id="methodology"')


def test_rescore_command_rescores_outdated_runs_without_reextracting(three):
    run = AnalysisRun.objects.get(version__vendor=three[1])
    findings_before = list(run.findings.values_list("pk", flat=True))
    AnalysisRun.objects.filter(pk=run.pk).update(rubric_version="2020.1")
    Score.objects.filter(run=run).update(rubric_version="2020.1", points=1)
    call_command("rescore")
    run.refresh_from_db()
    assert run.rubric_version == RUBRIC_VERSION
    assert set(run.scores.values_list("rubric_version", flat=True)) == {RUBRIC_VERSION}
    assert run.scores.get(dimension="overall").points != 1
    assert list(run.findings.values_list("pk", flat=True)) == findings_before


def test_rescore_dry_run_changes_nothing(three, capsys):
    AnalysisRun.objects.update(rubric_version="2020.1")
    call_command("rescore", "--dry-run")
    assert "3 analyses would be re-scored" in capsys.readouterr().out
    assert set(AnalysisRun.objects.values_list("rubric_version", flat=True)) == {"2020.1"}


def test_a_rejected_recipient_is_neither_a_fact_nor_evidence_on_the_compare_page(viewer_client):
    from policies import review_services
    from policies.models import Finding
    from tests.factories import ReviewerFactory

    acme, run = analysed_vendor("Acme Learning", "good")
    other, _ = analysed_vendor("Badco Games", "bad")
    google = Finding.objects.get(run=run, kind="named_recipient", value__name="Google")
    before = viewer_client.get(COMPARE, {"v": [acme.slug, other.slug]}).content.decode()
    assert "Google provides our email service." in before
    review_services.decide(user=ReviewerFactory(), version_id=run.version_id, finding_id=google.pk, action="reject")
    after = viewer_client.get(COMPARE, {"v": [acme.slug, other.slug]}).content.decode()
    assert "Google provides our email service." not in after


def test_the_directory_says_which_grades_are_provisional(viewer_client):
    analysed_vendor("Acme Learning", "good")
    _, reviewed = analysed_vendor("Badco Games", "bad")
    AnalysisRun.objects.filter(pk=reviewed.pk).update(review_state=ReviewState.REVIEWED)
    for extra in ({}, {"HTTP_HX_REQUEST": "true"}):
        html = viewer_client.get(DIRECTORY, **extra).content.decode()
        acme_row = html[html.index("Acme Learning") :].split("</tr>")[0]
        badco_row = html[html.index("Badco Games") :].split("</tr>")[0]
        assert "provisional" in acme_row and "Reviewed" not in acme_row
        assert "Reviewed" in badco_row and "provisional" not in badco_row
