"""Item 4: an htmx POST without the CSRF token is refused; with the X-CSRFToken header htmx sends, it works."""
import re

import pytest
from django.test import Client

from policies.models import Watch
from tests.factories import VendorFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def csrf_client(viewer):
    client = Client(enforce_csrf_checks=True)
    client.force_login(viewer)
    return client


def page_token(client) -> str:
    """The token the page hands htmx through hx-headers on <body>, as the browser would read it."""
    html = client.get("/vendors/").content.decode()
    match = re.search(r"""hx-headers='\{"X-CSRFToken": "([^"]+)"\}'""", html)
    assert match, "base.html no longer gives htmx the CSRF token"
    return match.group(1)


def test_htmx_post_without_csrf_token_is_refused(csrf_client, viewer):
    vendor = VendorFactory()
    page_token(csrf_client)  # the CSRF cookie is set, as in a real session
    response = csrf_client.post(f"/policies/vendors/{vendor.slug}/watch/", HTTP_HX_REQUEST="true")
    assert response.status_code == 403
    assert not Watch.objects.filter(user=viewer, vendor=vendor).exists()


def test_htmx_post_with_a_wrong_token_is_refused(csrf_client, viewer):
    vendor = VendorFactory()
    page_token(csrf_client)
    response = csrf_client.post(
        f"/policies/vendors/{vendor.slug}/watch/", HTTP_HX_REQUEST="true", HTTP_X_CSRFTOKEN="x" * 64
    )
    assert response.status_code == 403
    assert not Watch.objects.exists()


def test_htmx_post_with_the_page_token_in_x_csrftoken_works(csrf_client, viewer):
    vendor = VendorFactory()
    token = page_token(csrf_client)
    response = csrf_client.post(
        f"/policies/vendors/{vendor.slug}/watch/", HTTP_HX_REQUEST="true", HTTP_X_CSRFTOKEN=token
    )
    assert response.status_code == 200
    assert Watch.objects.filter(user=viewer, vendor=vendor).exists()
