"""The OpenAPI document is valid, covers every route, and describes the real responses.

Two checks of responses against the document:
- every endpoint's real responses (200 with data, 400, 401, 404), validated with jsonschema;
- schemathesis, in-process through Django's WSGI application (no network): examples from the
  document and generated requests per operation, with all its checks (status codes, content types,
  response schemas, auth actually enforced, garbage rejected, never a 500).
"""
import os
import re

import pytest
import schemathesis
from django.core import signals
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from django.urls import URLPattern
from hypothesis import HealthCheck, assume, settings
from jsonschema import Draft202012Validator
from openapi_spec_validator import validate as validate_openapi
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from api import urls as api_urls
from api.openapi import document
from policies.models import AnalysisRun
from tests.factories import PolicyVersionFactory, VendorFactory, analysed_vendor

pytestmark = pytest.mark.django_db
DOC_URI = "urn:policylens:openapi"


def test_document_is_valid_openapi_3_1():
    validate_openapi(document())


def test_served_document_is_the_document(anon_client):
    assert anon_client.get("/api/openapi.json").json() == document()


def _template(pattern: URLPattern) -> str:
    route = str(pattern.pattern)
    return "/api/" + re.sub(r"<(?:\w+:)?(\w+)>", lambda m: "{id}" if m[1] == "pk" else "{" + m[1] + "}", route)


def test_every_route_is_documented_and_every_documented_path_is_routed():
    routes = {_template(p) for p in api_urls.urlpatterns if p.name != "unknown"}
    assert routes == set(document()["paths"])


# --------------------------------------------------------------------------- real responses


def _validator(schema: dict) -> Draft202012Validator:
    registry = Registry().with_resource(DOC_URI, Resource.from_contents(document(), DRAFT202012))
    return Draft202012Validator(schema, registry=registry, format_checker=Draft202012Validator.FORMAT_CHECKER)


def _operation(path: str) -> dict:
    for template, item in document()["paths"].items():
        regex = "^" + re.sub(r"\\{\w+\\}", "[^/]+", re.escape(template)) + "$"
        if re.match(regex, path.partition("?")[0]):
            return item["get"]
    raise AssertionError(f"{path} is not in the document")


def _assert_matches_document(path: str, response) -> None:
    operation = _operation(path)
    status = str(response.status_code)
    assert status in operation["responses"], f"{path}: {status} is not documented"
    content = operation["responses"][status]["content"]
    assert response["Content-Type"] in content
    schema = content[response["Content-Type"]]["schema"]
    schema = {"$ref": DOC_URI + schema["$ref"]} if "$ref" in schema else schema
    errors = sorted(_validator(schema).iter_errors(response.json()), key=str)
    assert not errors, f"{path}: " + "\n".join(f"{list(e.absolute_path)}: {e.message}" for e in errors)


@pytest.fixture
def data():
    good, good_run = analysed_vendor("Acme Learning", "good", extra_findings=3)
    analysed_vendor("Badger Games", "bad", website="https://badger.example")
    failed, failed_run = analysed_vendor("Crumbly Ltd", status=AnalysisRun.Status.FAILED)
    from django.utils import timezone

    withdrawn = PolicyVersionFactory(vendor=good, is_current=False, withdrawn_at=timezone.now(), source_url="")
    VendorFactory(name="Dormant")
    return {"good": good, "good_run": good_run, "failed": failed, "failed_run": failed_run, "withdrawn": withdrawn}


def test_real_responses_match_the_document(api_client, anon_client, data):
    good, run, failed_run = data["good"], data["good_run"], data["failed_run"]
    ok = [
        "/api/vendors/",
        "/api/vendors/?q=acme&page_size=1",
        "/api/vendors/?page_size=2&page=2",
        f"/api/vendors/{good.slug}/",
        f"/api/vendors/{data['failed'].slug}/",
        "/api/vendors/dormant/",
        f"/api/vendors/{good.slug}/versions/",
        f"/api/versions/{run.version_id}/",
        f"/api/versions/{data['withdrawn'].pk}/",
        f"/api/versions/{failed_run.version_id}/",
        f"/api/versions/{run.version_id}/findings/",
        f"/api/versions/{run.version_id}/findings/?topic=retention&page_size=1&page=2",
        f"/api/versions/{failed_run.version_id}/findings/",
        f"/api/versions/{run.version_id}/scores/",
        f"/api/versions/{failed_run.version_id}/scores/",
    ]
    bad = [
        ("/api/vendors/?page=0", 400),
        ("/api/vendors/?page=9", 404),
        ("/api/vendors/nobody/", 404),
        ("/api/vendors/nobody/versions/", 404),
        ("/api/versions/999999/", 404),
        (f"/api/versions/{run.version_id}/findings/?topic=weather", 400),
        ("/api/versions/999999/scores/", 404),
    ]
    for path in ok:
        response = api_client.get(path)
        assert response.status_code == 200, (path, response.content)
        _assert_matches_document(path, response)
    for path, status in bad:
        response = api_client.get(path)
        assert response.status_code == status, (path, response.content)
        _assert_matches_document(path, response)
    for path in ok:
        response = anon_client.get(path)
        assert response.status_code == 401, path
        _assert_matches_document(path, response)


# --------------------------------------------------------------------------- schemathesis

# Examples for the path parameters, so schemathesis reaches real resources as well as 404s. Slugs are
# known in advance; ids are not, so the examples are placeholders that the test swaps for real ids.
# Per operation; raise it for a deeper run (300 ran clean five times over while this was written).
FUZZ_EXAMPLES = int(os.environ.get("POLICYLENS_API_FUZZ_EXAMPLES", "60"))
PLACEHOLDER_IDS = {"analysed": 1_000_000_001, "withdrawn": 1_000_000_002, "failed": 1_000_000_003}


def _schemathesis_schema():
    doc = document()
    parameters = doc["components"]["parameters"]
    parameters["slug"]["examples"] = {
        "analysed": {"value": "acme-learning"},
        "failed": {"value": "crumbly-ltd"},
        "no-versions": {"value": "dormant"},
    }
    parameters["id"]["examples"] = {name: {"value": value} for name, value in PLACEHOLDER_IDS.items()}
    loaded = schemathesis.openapi.from_dict(doc)
    loaded.app = get_wsgi_application()  # in-process: the same database connection as the test
    return loaded


schema = _schemathesis_schema()


@pytest.fixture
def in_process_requests():
    """Keep the test's database connection open across WSGI requests, as Django's test client does."""
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


@schema.parametrize()
@settings(max_examples=FUZZ_EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_schemathesis(case, data, api_token, in_process_requests):
    real = {
        str(PLACEHOLDER_IDS["analysed"]): data["good_run"].version_id,
        str(PLACEHOLDER_IDS["withdrawn"]): data["withdrawn"].pk,
        str(PLACEHOLDER_IDS["failed"]): data["failed_run"].version_id,
    }
    placeholder = str((case.path_parameters or {}).get("id"))  # an int or a string, depending on the phase
    if placeholder in real:
        case.path_parameters["id"] = real[placeholder]
    # A query parameter whose value is an empty list is not sent at all, yet schemathesis 4.32 still counts
    # it as an unexpected parameter the API should have refused: skip those cases.
    assume(not any(value in ([], None) for value in (case.query or {}).values()))
    case.call_and_validate(headers={"Authorization": f"Bearer {api_token}"})
