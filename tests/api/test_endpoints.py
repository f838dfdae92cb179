"""The read-only endpoints: shapes, pagination, filters, 404/400/405 as JSON, bounded queries."""
import pytest
from django.utils import timezone

from policies.analysis.types import TOPICS
from policies.models import AnalysisRun, Finding
from tests.factories import AnalysisRunFactory, PolicyVersionFactory, VendorFactory, analysed_vendor

pytestmark = pytest.mark.django_db


def _error(response, status):
    assert response.status_code == status, response.content
    assert response["Content-Type"] == "application/json"
    body = response.json()
    assert set(body) == {"error", "message"} and body["message"]
    return body


# --------------------------------------------------------------------------- vendors


def test_vendor_list_shows_grade_and_current_version(api_client):
    vendor, run = analysed_vendor("Acme Learning", "good")
    VendorFactory(name="Blank Ltd")
    body = api_client.get("/api/vendors/").json()
    assert body["count"] == 2 and body["next"] is None and body["previous"] is None
    acme, blank = body["results"]
    assert acme["slug"] == vendor.slug and acme["judged_run_id"] == run.pk
    assert acme["current_version_id"] == run.version_id and acme["latest_run_status"] == "succeeded"
    assert acme["grade"] and isinstance(acme["overall_points"], int)
    assert acme["url"] == f"http://testserver/api/vendors/{vendor.slug}/"
    assert blank["grade"] is None and blank["current_version_id"] is None and blank["latest_run_status"] is None


def test_vendor_list_pagination(api_client):
    for i in range(7):
        VendorFactory(name=f"Vendor {i:02}")
    first = api_client.get("/api/vendors/?page_size=3&q=vendor").json()
    assert first["count"] == 7 and first["previous"] is None
    assert [v["name"] for v in first["results"]] == ["Vendor 00", "Vendor 01", "Vendor 02"]
    assert first["next"] == "http://testserver/api/vendors/?page_size=3&q=vendor&page=2"
    second = api_client.get(first["next"]).json()
    assert [v["name"] for v in second["results"]] == ["Vendor 03", "Vendor 04", "Vendor 05"]
    assert second["previous"].endswith("page=1")
    last = api_client.get(second["next"]).json()
    assert [v["name"] for v in last["results"]] == ["Vendor 06"] and last["next"] is None
    _error(api_client.get("/api/vendors/?page_size=3&page=4"), 404)


@pytest.mark.parametrize(
    "query",
    ["page=0", "page=", "page=-1", "page=abc", "page=1.5", "page=99999999999999999999", "page_size=0", "page_size=101",
     "page_size=x", "q=" + "a" * 101, "q=%00"],
)
def test_garbage_parameters_are_400(api_client, query):
    assert _error(api_client.get(f"/api/vendors/?{query}"), 400)["error"] == "bad_parameter"


def test_vendor_search_is_case_insensitive_and_literal(api_client):
    VendorFactory(name="Maths Whizz")
    VendorFactory(name="Spelling Shed")
    VendorFactory(name="100% Maths")
    names = [v["name"] for v in api_client.get("/api/vendors/?q=MATHS").json()["results"]]
    assert names == ["100% Maths", "Maths Whizz"]
    assert [v["name"] for v in api_client.get("/api/vendors/?q=%25").json()["results"]] == ["100% Maths"]
    assert api_client.get("/api/vendors/?q=nothing").json() == {
        "count": 0, "next": None, "previous": None, "results": []
    }


def test_vendor_detail(api_client):
    vendor, run = analysed_vendor("Acme Learning", "good")
    body = api_client.get(f"/api/vendors/{vendor.slug}/").json()
    assert body["current_version"]["id"] == run.version_id
    assert body["judged_run"]["id"] == run.pk and body["latest_run"]["id"] == run.pk
    dimensions = [s["dimension"] for s in body["scores"]]
    assert "overall" in dimensions and len(dimensions) > 1
    overall = next(s for s in body["scores"] if s["dimension"] == "overall")
    assert overall["grade"] == body["grade"] and overall["points"] == body["overall_points"]
    assert body["versions_url"] == f"http://testserver/api/vendors/{vendor.slug}/versions/"


def test_vendor_being_reanalysed_keeps_its_grade(api_client):
    vendor, run = analysed_vendor("Acme Learning", "good")
    newer = AnalysisRunFactory(version=run.version, status=AnalysisRun.Status.RUNNING)
    body = api_client.get(f"/api/vendors/{vendor.slug}/").json()
    assert body["judged_run"]["id"] == run.pk and body["latest_run"]["id"] == newer.pk
    assert body["latest_run_status"] == "running" and body["grade"] and body["scores"]


def test_vendor_whose_only_run_failed_has_no_grade(api_client):
    vendor, run = analysed_vendor("Broken Co", status=AnalysisRun.Status.FAILED)
    body = api_client.get(f"/api/vendors/{vendor.slug}/").json()
    assert body["judged_run"] is None and body["grade"] is None and body["scores"] == []
    assert body["latest_run"]["status"] == "failed" and body["latest_run"]["failure_reason"]


def test_vendor_with_no_versions(api_client):
    vendor = VendorFactory(name="Empty")
    body = api_client.get(f"/api/vendors/{vendor.slug}/").json()
    assert body["current_version"] is None and body["latest_run"] is None and body["scores"] == []
    assert api_client.get(f"/api/vendors/{vendor.slug}/versions/").json()["count"] == 0


def test_vendor_versions_newest_first_with_withdrawn_marked(api_client):
    vendor, run = analysed_vendor("Acme Learning", "good")
    old = PolicyVersionFactory(vendor=vendor, is_current=False, withdrawn_at=timezone.now(), withdrawal_reason="typo")
    body = api_client.get(f"/api/vendors/{vendor.slug}/versions/").json()
    assert body["count"] == 2
    by_id = {v["id"]: v for v in body["results"]}
    assert by_id[run.version_id]["is_current"] and not by_id[run.version_id]["withdrawn"]
    assert by_id[old.pk]["withdrawn"] and by_id[old.pk]["latest_run_status"] is None
    assert by_id[run.version_id]["judged_run_id"] == run.pk


# --------------------------------------------------------------------------- versions


def test_version_detail_with_latest_run(api_client):
    vendor, run = analysed_vendor("Acme Learning", "bad")
    queued = AnalysisRunFactory(version=run.version, status=AnalysisRun.Status.QUEUED)
    body = api_client.get(f"/api/versions/{run.version_id}/").json()
    assert body["vendor"] == vendor.slug and body["vendor_name"] == "Acme Learning"
    assert body["latest_run"]["id"] == queued.pk and body["latest_run"]["status"] == "queued"
    assert body["latest_run_status"] == "queued"
    assert body["judged_run"]["id"] == run.pk and body["judged_run_id"] == run.pk
    assert body["findings_url"].endswith(f"/api/versions/{run.version_id}/findings/")
    assert "extracted_text" not in body


def test_findings_paginated_and_filtered_by_topic(api_client):
    _, run = analysed_vendor("Acme Learning", "good", extra_findings=30)
    url = f"/api/versions/{run.version_id}/findings/"
    body = api_client.get(url).json()
    total = Finding.objects.filter(run=run).count()
    assert body["count"] == total and len(body["results"]) == 25 and body["next"]
    assert body["run_id"] == run.pk and body["version_id"] == run.version_id
    positions = [f["position"] for f in body["results"]]
    assert positions == sorted(positions)
    rest = api_client.get(body["next"]).json()
    assert len(rest["results"]) == total - 25 and rest["next"] is None
    retention = api_client.get(url + "?topic=retention").json()
    assert retention["count"] == 2 and {f["topic"] for f in retention["results"]} == {"retention"}
    first = retention["results"][0]
    assert first["quote"] and first["end"] > first["start"] and first["rule"] == "retention.period"
    security = api_client.get(url + "?topic=security&page_size=100").json()
    assert security["count"] == 30 and security["next"] is None


def test_findings_of_a_version_never_analysed_successfully(api_client):
    _, run = analysed_vendor("Broken Co", status=AnalysisRun.Status.FAILED)
    body = api_client.get(f"/api/versions/{run.version_id}/findings/").json()
    assert body["run_id"] is None and body["count"] == 0 and body["results"] == []
    scores = api_client.get(f"/api/versions/{run.version_id}/scores/").json()
    assert scores == {"version_id": run.version_id, "run_id": None, "results": []}


@pytest.mark.parametrize("topic", ["", "nonsense", "RETENTION", "retention,children", "%00"])
def test_unknown_topic_is_400(api_client, topic):
    _, run = analysed_vendor("Acme Learning", "good")
    body = _error(api_client.get(f"/api/versions/{run.version_id}/findings/?topic={topic}"), 400)
    assert all(t in body["message"] for t in TOPICS)


def test_scores(api_client):
    _, run = analysed_vendor("Acme Learning", "middling")
    body = api_client.get(f"/api/versions/{run.version_id}/scores/").json()
    assert body["run_id"] == run.pk
    assert [s["dimension"] for s in body["results"]] == list(
        run.scores.order_by("position").values_list("dimension", flat=True)
    )
    assert all(s["rubric_version"] == run.rubric_version for s in body["results"])


def test_findings_and_scores_come_from_the_newest_successful_run(api_client):
    _, old = analysed_vendor("Acme Learning", "good")
    new = AnalysisRunFactory(version=old.version)
    Finding.objects.create(run=new, topic="contact", kind="dpo", start=0, end=3, quote="DPO", rule="r",
                           confidence=1.0, position=0)
    AnalysisRunFactory(version=old.version, status=AnalysisRun.Status.FAILED)  # newer still, but failed
    body = api_client.get(f"/api/versions/{old.version_id}/findings/").json()
    assert body["run_id"] == new.pk and [f["topic"] for f in body["results"]] == ["contact"]


# --------------------------------------------------------------------------- errors


@pytest.mark.parametrize(
    "path",
    [
        "/api/vendors/no-such-vendor/",
        "/api/vendors/no-such-vendor/versions/",
        "/api/vendors/not a slug/",
        "/api/vendors/%00/",
        "/api/versions/999999/",
        "/api/versions/999999/findings/",
        "/api/versions/999999/scores/",
        "/api/versions/0/",
        "/api/versions/-1/",
        "/api/versions/abc/",
        "/api/versions/1.5/",
        "/api/versions/99999999999999999999999999/",
        "/api/versions/9" + "9" * 17 + "/",
        "/api/nothing-here/",
        "/api/vendors",
        "/api/",
    ],
)
def test_unknown_resources_are_json_404(api_client, path):
    assert _error(api_client.get(path), 404)["error"] == "not_found"


def test_unknown_resources_are_404_for_anonymous_users_too(anon_client):
    _error(anon_client.get("/api/versions/abc/"), 404)


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete", "options"])
@pytest.mark.parametrize("path", ["/api/vendors/", "/api/vendors/x/", "/api/versions/1/findings/", "/api/openapi.json"])
def test_other_methods_are_405(anon_client, api_client, method, path):
    for client in (anon_client, api_client):  # before authentication, and without a CSRF token
        response = getattr(client, method)(path)
        assert _error(response, 405)["error"] == "method_not_allowed"
        assert response["Allow"] == "GET, HEAD"


def test_head_is_allowed(api_client):
    assert api_client.head("/api/vendors/").status_code == 200


# --------------------------------------------------------------------------- queries


def test_list_queries_are_bounded(api_client, django_assert_max_num_queries):
    for i in range(12):
        analysed_vendor(f"Vendor {i:02}", ["good", "bad", "middling"][i % 3], extra_findings=5)
    _, run = analysed_vendor("Big", "good", extra_findings=80)
    # token lookup + last-use update + count + page
    with django_assert_max_num_queries(4):
        body = api_client.get("/api/vendors/?page_size=100").json()
    assert body["count"] == 13 and all(v["grade"] for v in body["results"])
    with django_assert_max_num_queries(4):  # token (its last use is now recent: no update), vendor, count, page
        api_client.get(f"/api/vendors/{run.version.vendor.slug}/versions/?page_size=100")
    with django_assert_max_num_queries(4):
        body = api_client.get(f"/api/versions/{run.version_id}/findings/?page_size=100").json()
    assert len(body["results"]) == 88
    with django_assert_max_num_queries(5):
        api_client.get(f"/api/vendors/{run.version.vendor.slug}/")
    with django_assert_max_num_queries(3):
        api_client.get(f"/api/versions/{run.version_id}/")


def test_review_decisions_show_in_findings_scores_and_runs(api_client):
    from policies import review_services
    from tests.factories import ReviewerFactory
    from tests.policies.test_review_services import analysed, finding

    run = analysed()
    period, deletion = finding(run, "retention", "period"), finding(run, "retention", "deletion")
    reviewer = ReviewerFactory()
    review_services.decide(
        user=reviewer, version_id=run.version_id, finding_id=period.pk, action="correct",
        raw_value={"amount": "12", "unit": "year"},
    )
    review_services.decide(user=reviewer, version_id=run.version_id, finding_id=deletion.pk, action="reject")
    findings = {f["id"]: f for f in api_client.get(f"/api/versions/{run.version_id}/findings/").json()["results"]}
    assert findings[period.pk]["review_status"] == "correct"
    assert findings[period.pk]["value"]["days"] == 12 * 365 and findings[period.pk]["machine_value"]["days"] == 365
    assert findings[deletion.pk]["review_status"] == "reject" and findings[deletion.pk]["counts"] is False
    scores = {s["dimension"]: s for s in api_client.get(f"/api/versions/{run.version_id}/scores/").json()["results"]}
    assert scores["retention"]["review"] == "partly" and scores["security"]["review"] == "machine"
    version = api_client.get(f"/api/versions/{run.version_id}/").json()
    assert version["judged_run"]["review_state"] == "in_review"
