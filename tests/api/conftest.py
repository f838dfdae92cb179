import pytest
from django.test import Client

from api.models import ApiToken


@pytest.fixture
def api_token(viewer):
    """A raw token for the viewer (any signed-in role may read the API)."""
    _, raw = ApiToken.issue(viewer, name="tests")
    return raw


@pytest.fixture
def api_client(api_token):
    return Client(headers={"Authorization": f"Bearer {api_token}"})


@pytest.fixture
def anon_client():
    return Client()
