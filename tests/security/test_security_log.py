"""Item 8: one JSON line per security event, with the facts and without passwords, session ids or document text."""
from __future__ import annotations

import io
import json
import logging

import pytest
from django.conf import settings
from django.test import Client

from config.security import JsonFormatter, security_event
from policies import version_services
from policies.models import PolicyVersion
from tests.documents import build_png
from tests.factories import PASSWORD, UserFactory, VendorFactory

pytestmark = pytest.mark.django_db
WRONG = "Wr0ng-but-secret-guess!"
DOCUMENT_SECRET = "Pupil Jane Doe, date of birth 3 May 2016"
IP = "203.0.113.9"


def lines(caplog, *, skip: tuple[str, ...] = ()) -> list[dict]:
    """Each captured security record as the production handler writes it: one line of JSON."""
    out = []
    for record in caplog.records:
        if record.name != "policylens.security":
            continue
        text = JsonFormatter().format(record)
        assert "\n" not in text
        line = json.loads(text)
        if line["event"] not in skip:
            out.append(line)
    return out


def raw(caplog) -> str:
    return "\n".join(JsonFormatter().format(r) for r in caplog.records if r.name == "policylens.security")


def named_file(name: str, data: bytes):
    handle = io.BytesIO(data)
    handle.name = name
    return handle


def test_logging_config_sends_security_events_through_the_json_formatter():
    config = settings.LOGGING
    assert config["loggers"]["policylens.security"]["handlers"] == ["security"]
    assert config["loggers"]["policylens.security"]["propagate"] is False
    assert config["formatters"][config["handlers"]["security"]["formatter"]]["()"] == "config.security.JsonFormatter"


def test_forbidden_field_names_are_dropped(security_log):
    security_event("test", password="hunter2", sessionid="abc", text="document", kept="yes")
    [line] = lines(security_log)
    assert line["kept"] == "yes" and not {"password", "sessionid", "text"} & line.keys()


def test_login_failed_login_and_logout(security_log):
    user = UserFactory()
    client = Client(REMOTE_ADDR=IP)
    client.post("/accounts/login/", {"username": user.username, "password": WRONG})
    client.post("/accounts/login/", {"username": user.username, "password": PASSWORD})
    session_id = client.cookies[settings.SESSION_COOKIE_NAME].value
    client.get("/vendors/")
    client.post("/accounts/logout/")

    failed, login, logout = lines(security_log)
    assert failed["event"] == "login_failed" and failed["level"] == "WARNING"
    assert failed["username"] == user.username and failed["ip"] == IP and failed["path"] == "/accounts/login/"
    assert "user_id" not in failed
    assert login["event"] == "login" and login["user_id"] == user.pk and login["ip"] == IP
    assert logout["event"] == "logout" and logout["user_id"] == user.pk
    for line in (failed, login, logout):
        assert {"ts", "level", "logger", "event", "ip", "method", "path"} <= line.keys()
    text = raw(security_log)
    assert WRONG not in text and PASSWORD not in text and session_id not in text
    assert "*****" not in text  # not even Django's masked password


def test_lockout_is_logged(security_log):
    user = UserFactory()
    for _ in range(settings.AXES_FAILURE_LIMIT):
        Client(REMOTE_ADDR=IP).post("/accounts/login/", {"username": user.username, "password": WRONG})
    events = [line["event"] for line in lines(security_log)]
    assert events.count("login_failed") == settings.AXES_FAILURE_LIMIT
    assert "login_locked_out" in events
    assert WRONG not in raw(security_log)


def test_403_is_logged_with_who_and_where(security_log, viewer_client, viewer):
    session_id = viewer_client.cookies[settings.SESSION_COOKIE_NAME].value
    assert viewer_client.get("/policies/upload/").status_code == 403
    [line] = lines(security_log, skip=("login",))  # force_login's own event, if it came after the fixture
    assert line["event"] == "forbidden" and line["status"] == 403 and line["reason"] == "permission"
    assert line["user_id"] == viewer.pk and line["path"] == "/policies/upload/" and line["method"] == "GET"
    assert session_id not in raw(security_log)


def test_csrf_refusal_is_logged_as_a_403(security_log, viewer):
    client = Client(enforce_csrf_checks=True)
    client.force_login(viewer)
    vendor = VendorFactory()
    assert client.post(f"/policies/vendors/{vendor.slug}/watch/", HTTP_HX_REQUEST="true").status_code == 403
    [line] = lines(security_log, skip=("login",))
    assert line["event"] == "forbidden" and line["reason"].startswith("csrf:") and line["user_id"] == viewer.pk


def test_rejected_upload_is_logged_without_the_document(security_log, admin_client_policy, policy_admin):
    data = build_png() + DOCUMENT_SECRET.encode()
    response = admin_client_policy.post(
        "/policies/upload/", {"new_vendor_name": "Acme", "document": named_file("policy.pdf", data)}
    )
    assert response.status_code == 200 and not PolicyVersion.objects.exists()
    [line] = lines(security_log, skip=("login",))
    assert line["event"] == "upload_rejected" and line["user_id"] == policy_admin.pk and line["reason"]
    assert DOCUMENT_SECRET not in raw(security_log)


def test_too_large_upload_is_logged_without_the_document(security_log, admin_client_policy, settings):
    settings.POLICYLENS_MAX_UPLOAD_BYTES = 1024
    data = (DOCUMENT_SECRET + "\n").encode() * 100
    admin_client_policy.post("/policies/upload/", {"new_vendor_name": "Acme", "document": named_file("p.txt", data)})
    [line] = lines(security_log, skip=("login",))
    assert line["event"] == "upload_rejected" and line["reason"] == "too large"
    assert DOCUMENT_SECRET not in raw(security_log)


def test_blocked_fetch_is_logged(security_log):
    vendor = VendorFactory()
    tracked = version_services.add_policy_url(vendor=vendor, url="http://127.0.0.1:8080/privacy?token=abc")
    outcome = version_services.check_policy_url(tracked.pk)
    assert outcome.status == "failed"
    [line] = lines(security_log)
    assert line["event"] == "fetch_blocked" and line["level"] == "WARNING"
    assert line["policy_url_id"] == tracked.pk and line["vendor_id"] == vendor.pk
    assert "127.0.0.1" in line["reason"] and "token=abc" not in raw(security_log)


def test_formatter_writes_one_json_line_even_for_multiline_values():
    record = logging.LogRecord("policylens.security", logging.INFO, __file__, 1, "login", None, None)
    record.security = {"path": "/a\nb"}
    text = JsonFormatter().format(record)
    assert "\n" not in text and json.loads(text)["path"] == "/a\nb"
