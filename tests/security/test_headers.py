"""Item 2: CSP (no inline script, eval, inline style or framing), nosniff and Referrer-Policy on every response."""
import json
import re

import pytest
from django.test import Client

from tests.factories import VendorFactory

pytestmark = pytest.mark.django_db


def csp_directives(response) -> dict[str, list[str]]:
    header = response.headers.get("Content-Security-Policy")
    assert header, f"no CSP on {response.status_code} {response.request['PATH_INFO']}"
    directives = {}
    for part in header.split(";"):
        name, *values = part.split()
        directives[name] = values
    return directives


def assert_hardened(response, *, x_frame_options: bool = True) -> None:
    csp = csp_directives(response)
    for directive in ("script-src", "style-src", "default-src"):
        assert "'unsafe-inline'" not in csp.get(directive, []), directive
        assert "'unsafe-eval'" not in csp.get(directive, []), directive
    assert csp["script-src"] == ["'self'"]
    assert csp["frame-ancestors"] == ["'none'"]
    assert csp["object-src"] == ["'none'"]
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "same-origin"
    if x_frame_options:  # WhiteNoise answers static files before the clickjacking middleware; CSP covers them
        assert response.headers["X-Frame-Options"] == "DENY"


def test_full_page(viewer_client):
    response = viewer_client.get("/vendors/")
    assert response.status_code == 200 and b"<html" in response.content
    assert_hardened(response)


def test_htmx_partial(viewer_client):
    VendorFactory(name="Acme Learning")
    response = viewer_client.get("/vendors/", {"q": "acme"}, HTTP_HX_REQUEST="true")
    assert response.status_code == 200 and b"<html" not in response.content
    assert_hardened(response)


def test_404_page(viewer_client):
    response = viewer_client.get("/no-such-page/")
    assert response.status_code == 404
    assert_hardened(response)


def test_403_page(viewer_client):
    response = viewer_client.get("/policies/upload/")
    assert response.status_code == 403
    assert_hardened(response)


def test_csrf_failure_page():
    response = Client(enforce_csrf_checks=True).post("/accounts/login/", {"username": "x", "password": "y"})
    assert response.status_code == 403
    assert_hardened(response)


def test_login_page_redirect_and_static_file(client):
    assert_hardened(client.get("/vendors/"))  # the redirect to the login page
    assert_hardened(client.get("/accounts/login/"))
    response = client.get("/static/js/app.js")
    assert response.status_code == 200
    assert_hardened(response, x_frame_options=False)


def test_base_template_turns_off_htmx_inline_indicator_styles(viewer_client):
    content = viewer_client.get("/vendors/").content.decode()
    config = re.search(r"""<meta name="htmx-config" content='([^']*)'>""", content)
    assert config and json.loads(config.group(1))["includeIndicatorStyles"] is False
    assert "<script>" not in content and " style=" not in content and "<style" not in content
