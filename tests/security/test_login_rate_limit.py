"""Item 5: repeated failed logins lock out the account and the IP (django-axes) until the cool-off has passed."""
from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import F
from django.test import Client

from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db
LOGIN = "/accounts/login/"


def attempt(username: str, password: str, ip: str = "203.0.113.7"):
    client = Client(REMOTE_ADDR=ip)
    response = client.post(LOGIN, {"username": username, "password": password})
    return response, client


def signed_in(client) -> bool:
    return "_auth_user_id" in client.session


def fail(username: str, times: int, ip: str = "203.0.113.7"):
    return [attempt(username, "wrong-password", ip)[0] for _ in range(times)]


def test_settings_lock_out_username_and_ip_with_axes_backend_first():
    assert settings.AUTHENTICATION_BACKENDS[0] == "axes.backends.AxesStandaloneBackend"
    assert settings.MIDDLEWARE[-1] == "axes.middleware.AxesMiddleware"
    assert settings.AXES_LOCKOUT_PARAMETERS == ["username", "ip_address"]
    assert settings.AXES_FAILURE_LIMIT == 5
    assert settings.AXES_COOLOFF_TIME.total_seconds() == 15 * 60


def test_failures_below_the_limit_do_not_lock_and_success_resets():
    user = UserFactory()
    responses = fail(user.username, settings.AXES_FAILURE_LIMIT - 1)
    assert [r.status_code for r in responses] == [200] * (settings.AXES_FAILURE_LIMIT - 1)
    response, client = attempt(user.username, PASSWORD)
    assert response.status_code == 302 and signed_in(client)
    assert not AccessAttempt.objects.filter(username=user.username).exists()  # AXES_RESET_ON_SUCCESS


def test_repeated_failures_lock_the_account_even_with_the_right_password():
    user = UserFactory()
    responses = fail(user.username, settings.AXES_FAILURE_LIMIT)
    assert responses[-1].status_code == 429
    response, client = attempt(user.username, PASSWORD)
    assert response.status_code == 429 and not signed_in(client)
    text = response.content.decode()
    assert "Sign-in temporarily locked" in text and "15 minutes" in text
    assert "Content-Security-Policy" in response.headers  # the lockout page is hardened like any other
    # The account is locked from another address too.
    response, client = attempt(user.username, PASSWORD, ip="198.51.100.20")
    assert response.status_code == 429 and not signed_in(client)


def test_repeated_failures_from_one_ip_lock_that_ip_for_every_account():
    user = UserFactory()
    for n in range(settings.AXES_FAILURE_LIMIT):
        attempt(f"guess{n}", "wrong-password", ip="192.0.2.50")
    response, client = attempt(user.username, PASSWORD, ip="192.0.2.50")
    assert response.status_code == 429 and not signed_in(client)
    response, client = attempt(user.username, PASSWORD, ip="192.0.2.51")  # another network is unaffected
    assert response.status_code == 302 and signed_in(client)


def test_login_works_again_after_the_cool_off():
    user = UserFactory()
    fail(user.username, settings.AXES_FAILURE_LIMIT)
    assert attempt(user.username, PASSWORD)[0].status_code == 429
    # Let the cool-off pass: every recorded failure is now older than AXES_COOLOFF_TIME.
    AccessAttempt.objects.update(attempt_time=F("attempt_time") - settings.AXES_COOLOFF_TIME - timedelta(seconds=1))
    response, client = attempt(user.username, PASSWORD)
    assert response.status_code == 302 and signed_in(client)


def test_force_login_is_never_counted(viewer_client):
    assert viewer_client.get("/vendors/").status_code == 200
    assert not AccessAttempt.objects.exists()
