"""Token authentication: issued by a command, stored hashed, revocable in the admin."""
from io import StringIO

import pytest
from django.contrib.auth.models import Permission
from django.core.management import CommandError, call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from api.models import ApiToken, hash_token
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db
URL = "/api/vendors/"


def _assert_401(response):
    assert response.status_code == 401
    assert response["Content-Type"] == "application/json"
    assert response["WWW-Authenticate"].startswith("Bearer")
    assert response.json()["message"]


def test_no_token_is_401_json_not_a_login_redirect(anon_client):
    _assert_401(anon_client.get(URL))
    assert anon_client.get(URL).json()["error"] == "not_authenticated"


@pytest.mark.parametrize(
    "header", ["Bearer", "Bearer ", "Basic dXNlcjpwYXNz", "Token abc", "Bearer a b", "Bearer " + "x" * 500]
)
def test_malformed_header_is_401(header):
    _assert_401(Client(headers={"Authorization": header}).get(URL))


def test_unknown_token_is_401():
    response = Client(headers={"Authorization": "Bearer pl_not-a-real-token"}).get(URL)
    _assert_401(response)
    assert response.json()["error"] == "invalid_token"


def test_revoked_token_is_401(api_token, api_client):
    assert api_client.get(URL).status_code == 200
    ApiToken.objects.revoke()
    _assert_401(api_client.get(URL))


def test_token_of_inactive_user_is_401(api_token, api_client, viewer):
    viewer.is_active = False
    viewer.save()
    _assert_401(api_client.get(URL))


def test_good_token_is_200_and_marks_last_use(api_client, viewer):
    response = api_client.get(URL)
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"] and "Authorization" in response["Vary"]
    token = ApiToken.objects.get(user=viewer)
    assert token.last_used_at is not None
    assert timezone.now() - token.last_used_at < timezone.timedelta(seconds=60)


def test_lowercase_scheme_is_accepted(api_token):
    assert Client(headers={"Authorization": f"bearer {api_token}"}).get(URL).status_code == 200


def test_a_session_login_does_not_authenticate_the_api(viewer_client):
    _assert_401(viewer_client.get(URL))


def test_openapi_document_needs_no_token(anon_client):
    response = anon_client.get("/api/openapi.json")
    assert response.status_code == 200
    assert response.json()["openapi"].startswith("3.1")


def test_only_a_hash_is_stored(viewer):
    token, raw = ApiToken.issue(viewer)
    assert raw.startswith("pl_") and len(raw) > 40
    assert token.key_hash == hash_token(raw) and raw not in token.key_hash
    assert raw.startswith(token.prefix)
    assert not ApiToken.objects.filter(key_hash=raw).exists()


def test_command_prints_the_token_once(viewer):
    out, err = StringIO(), StringIO()
    call_command("create_api_token", viewer.username, "--name", "MIS sync", stdout=out, stderr=err)
    raw = out.getvalue().strip()
    token = ApiToken.objects.get(user=viewer)
    assert token.name == "MIS sync" and token.key_hash == hash_token(raw)
    assert raw not in err.getvalue()
    assert Client(headers={"Authorization": f"Bearer {raw}"}).get(URL).status_code == 200


def test_command_refuses_unknown_and_inactive_users():
    with pytest.raises(CommandError, match="No user"):
        call_command("create_api_token", "nobody", stdout=StringIO(), stderr=StringIO())
    UserFactory(username="gone", is_active=False)
    with pytest.raises(CommandError, match="inactive"):
        call_command("create_api_token", "gone", stdout=StringIO(), stderr=StringIO())
    assert not ApiToken.objects.exists()


def test_admin_lists_and_revokes_tokens_but_cannot_issue(client, api_token, api_client):
    admin = UserFactory(username="root", is_staff=True, is_superuser=True)
    client.force_login(admin)
    changelist = reverse("admin:api_apitoken_changelist")
    page = client.get(changelist)
    assert page.status_code == 200
    token = ApiToken.objects.get()
    assert token.prefix in page.content.decode() and token.key_hash not in page.content.decode()
    assert client.get(reverse("admin:api_apitoken_add")).status_code == 403
    response = client.post(changelist, {"action": "revoke", "_selected_action": [token.pk]}, follow=True)
    assert response.status_code == 200
    token.refresh_from_db()
    assert token.revoked_at is not None
    _assert_401(api_client.get(URL))


def test_staff_without_token_permission_cannot_see_tokens(client, api_token):
    staff = UserFactory(username="clerk", is_staff=True)
    staff.user_permissions.add(Permission.objects.get(codename="view_vendor"))
    client.force_login(staff)
    assert client.get(reverse("admin:api_apitoken_changelist")).status_code == 403
