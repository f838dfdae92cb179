"""Items 1 and 3: `check --deploy` is clean under the production settings; session cookies are hardened."""
import json
import os
import secrets
import subprocess
import sys

from django.conf import settings


def production_env(**extra) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "POLICYLENS_"))}
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings.production",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(64),
        POLICYLENS_VAR_DIR=str(settings.VAR_DIR),
        **extra,
    )
    return env


def run(*args: str, env: dict) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, *args], cwd=settings.BASE_DIR, env=env, capture_output=True, text=True, timeout=120,
        check=False,
    )


def test_check_deploy_has_no_warnings_under_production_settings():
    result = run("manage.py", "check", "--deploy", "--fail-level", "WARNING", env=production_env())
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout
    assert "WARNING" not in result.stdout and "?: (" not in result.stdout + result.stderr


def test_production_refuses_to_start_without_a_secret_key():
    env = production_env()
    del env["DJANGO_SECRET_KEY"]
    result = run("-c", "import config.settings.production", env=env)
    assert result.returncode != 0 and "DJANGO_SECRET_KEY must be set" in result.stderr


def test_production_session_and_csrf_cookies_are_secure_httponly_samesite():
    code = (
        "import json, config.settings.production as s; print(json.dumps({k: getattr(s, k) for k in ("
        "'SESSION_COOKIE_SECURE', 'SESSION_COOKIE_HTTPONLY', 'SESSION_COOKIE_SAMESITE', 'CSRF_COOKIE_SECURE',"
        "'CSRF_COOKIE_HTTPONLY', 'CSRF_COOKIE_SAMESITE', 'POLICYLENS_SESSION_REFRESH_SECONDS', 'SESSION_COOKIE_AGE')}))"
    )
    result = run("-c", code, env=production_env())
    assert result.returncode == 0, result.stderr
    values = json.loads(result.stdout.strip().splitlines()[-1])
    assert values["SESSION_COOKIE_SECURE"] is True
    assert values["SESSION_COOKIE_HTTPONLY"] is True
    assert values["SESSION_COOKIE_SAMESITE"] in ("Lax", "Strict")
    assert values["CSRF_COOKIE_SECURE"] is True and values["CSRF_COOKIE_SAMESITE"] in ("Lax", "Strict")
    assert values["POLICYLENS_SESSION_REFRESH_SECONDS"] == 60 and values["SESSION_COOKIE_AGE"] == 30 * 60


def test_session_cookie_sent_on_login_carries_the_flags(client, viewer, settings):
    settings.SESSION_COOKIE_SECURE = True  # as in production
    from tests.factories import PASSWORD

    response = client.post("/accounts/login/", {"username": viewer.username, "password": PASSWORD}, secure=True)
    assert response.status_code == 302
    cookie = response.cookies[settings.SESSION_COOKIE_NAME]
    assert cookie["secure"] and cookie["httponly"] and cookie["samesite"] == "Lax"
