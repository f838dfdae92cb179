"""Item 7: a session ends after SESSION_COOKIE_AGE of idleness; each request pushes the end forward."""
import os
import subprocess
import sys
from datetime import timedelta

import pytest
from django.conf import settings
from django.utils import timezone

pytestmark = pytest.mark.django_db


@pytest.fixture
def clock(monkeypatch):
    """Moves Django's idea of now (the session store reads ``timezone.now()`` when saving and loading)."""
    real_now = timezone.now
    state = {"offset": timedelta(0)}
    monkeypatch.setattr(timezone, "now", lambda: real_now() + state["offset"])

    def advance(**delta):
        state["offset"] += timedelta(**delta)

    return advance


def test_settings_expire_idle_sessions():
    assert settings.SESSION_SAVE_EVERY_REQUEST is False  # SlidingSessionMiddleware refreshes instead
    assert "config.security.SlidingSessionMiddleware" in settings.MIDDLEWARE
    assert settings.POLICYLENS_SESSION_REFRESH_SECONDS == 60
    assert settings.SESSION_COOKIE_AGE == 30 * 60
    assert settings.SESSION_EXPIRE_AT_BROWSER_CLOSE is False  # the idle limit applies either way


def test_idle_age_comes_from_the_environment():
    env = {**os.environ, "POLICYLENS_SESSION_IDLE_SECONDS": "600"}
    result = subprocess.run(
        [sys.executable, "-c", "import config.settings.base as s; print(s.SESSION_COOKIE_AGE)"],
        cwd=settings.BASE_DIR, env=env, capture_output=True, text=True, timeout=60, check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "600"


def test_activity_keeps_the_session_alive_and_idleness_ends_it(viewer_client, clock):
    age = settings.SESSION_COOKIE_AGE
    assert viewer_client.get("/vendors/").status_code == 200

    clock(seconds=age - 60)  # almost idle for the whole age: still signed in, and the expiry moves on
    assert viewer_client.get("/vendors/").status_code == 200
    clock(seconds=age - 60)  # now past the first expiry, but within the age of the last request
    assert viewer_client.get("/vendors/").status_code == 200

    clock(seconds=age + 1)  # idle for longer than the age
    response = viewer_client.get("/vendors/")
    assert response.status_code == 302 and response.url.startswith("/accounts/login/")



def test_rapid_requests_do_not_write_the_session(viewer_client, clock):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    viewer_client.get("/vendors/")  # refreshes the session
    clock(seconds=settings.POLICYLENS_SESSION_REFRESH_SECONDS - 5)
    with CaptureQueriesContext(connection) as quick:
        viewer_client.get("/vendors/")
    assert not [q for q in quick.captured_queries if q["sql"].startswith("UPDATE") and "django_session" in q["sql"]]
    clock(seconds=10)  # past the refresh interval: this request moves the expiry on
    with CaptureQueriesContext(connection) as later:
        viewer_client.get("/vendors/")
    assert [q for q in later.captured_queries if q["sql"].startswith("UPDATE") and "django_session" in q["sql"]]
