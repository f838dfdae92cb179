"""Security events as one JSON line each, on the ``policylens.security`` logger (issue 6).

Events: login, login_failed, login_locked_out, logout, forbidden (any 403), upload_rejected,
fetch_blocked. A line carries who (user id, the attempted username for failures), where from
(client IP), what (path, method, reason) — never a password, a session id, a token or document text.
Call ``security_event(name, request=..., **fields)``; only the fields passed are written.
"""
from __future__ import annotations

import json
import logging
from datetime import UTC, datetime

from django.conf import settings
from django.utils import timezone

logger = logging.getLogger("policylens.security")

#: Field names that must never reach a log line, whatever a caller passes.
_FORBIDDEN_FIELDS = frozenset({"password", "password1", "password2", "sessionid", "session_key", "csrftoken", "text"})
_MAX_FIELD = 300


class JsonFormatter(logging.Formatter):
    """One JSON object per line: time, level, logger, event, then the record's ``security`` fields."""

    def format(self, record: logging.LogRecord) -> str:
        line = {
            "ts": datetime.fromtimestamp(record.created, tz=UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "event": record.getMessage(),
        }
        line.update(getattr(record, "security", None) or {})
        if record.exc_info:
            line["exc_type"] = record.exc_info[0].__name__ if record.exc_info[0] else None
        return json.dumps(line, ensure_ascii=False, default=str, separators=(",", ":"))


def client_ip(request) -> str | None:
    """The client's address. Behind POLICYLENS_TRUSTED_PROXY_COUNT proxies, the address the nearest
    trusted proxy saw (from X-Forwarded-For, counted from the right, so a client cannot forge it)."""
    if request is None:
        return None
    proxies = getattr(settings, "POLICYLENS_TRUSTED_PROXY_COUNT", 0)
    if proxies > 0:
        hops = [h.strip() for h in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if h.strip()]
        if len(hops) >= proxies:
            return hops[-proxies][:64]
    return request.META.get("REMOTE_ADDR")


def _clean(value):
    if isinstance(value, str):
        return value.replace("\n", " ").replace("\r", " ")[:_MAX_FIELD]
    return value


def security_event(event: str, *, request=None, level: int = logging.INFO, **fields) -> None:
    data: dict = {}
    if request is not None:
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and "user_id" not in fields:
            data["user_id"] = user.pk
        data["ip"] = client_ip(request)
        data["method"] = request.method
        data["path"] = _clean(request.path)
    for key, value in fields.items():
        if key.lower() not in _FORBIDDEN_FIELDS:
            data[key] = _clean(value)
    logger.log(level, event, extra={"security": data})


class SecurityEventMiddleware:
    """Logs every 403, whatever raised it (PermissionDenied, a CSRF failure, a role check)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code == 403:
            csrf_reason = getattr(response, "csrf_failure_reason", None)
            reason = f"csrf: {csrf_reason}" if csrf_reason is not None else "permission"
            security_event("forbidden", request=request, level=logging.WARNING, status=403, reason=reason)
        return response


def csrf_failure(request, reason=""):
    """Django's CSRF failure page, marked so the 403 is logged as a CSRF refusal."""
    from django.views.csrf import csrf_failure as default_csrf_failure

    response = default_csrf_failure(request, reason=reason)
    response.csrf_failure_reason = reason
    return response


# --- signal receivers (connected in config.apps.SecurityConfig.ready) -----------------------


def on_logged_in(sender, request, user, **kwargs):
    security_event("login", request=request, user_id=user.pk)
    if request is not None and hasattr(request, "session"):
        SlidingSessionMiddleware.stamp(request)


def on_logged_out(sender, request, user, **kwargs):
    security_event("logout", request=request, user_id=getattr(user, "pk", None))


def on_login_failed(sender, credentials, request=None, **kwargs):
    # Django has already masked the password in ``credentials``; only the username is kept.
    username = credentials.get("username") if isinstance(credentials, dict) else None
    security_event("login_failed", request=request, level=logging.WARNING, username=username)


def on_locked_out(sender, request, username=None, ip_address=None, **kwargs):
    security_event("login_locked_out", request=request, level=logging.WARNING, username=username)


class SlidingSessionMiddleware:
    """Idle expiry without a database write on every request.

    A session is saved (which moves its expiry to now + SESSION_COOKIE_AGE) when it was last
    refreshed more than POLICYLENS_SESSION_REFRESH_SECONDS ago. SESSION_SAVE_EVERY_REQUEST would
    write the session row on every request, including htmx's once-a-second polling; this writes
    at most once a minute, and a session still ends within that minute of the idle limit.
    """

    KEY = "_refreshed_at"

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        session = getattr(request, "session", None)
        if session is not None and session.session_key:
            now = int(timezone.now().timestamp())
            if now - session.get(self.KEY, 0) >= settings.POLICYLENS_SESSION_REFRESH_SECONDS:
                session[self.KEY] = now  # marks the session modified: SessionMiddleware saves it
        return self.get_response(request)

    @classmethod
    def stamp(cls, request) -> None:
        """Signing in saves the session anyway: count it as the refresh."""
        request.session[cls.KEY] = int(timezone.now().timestamp())
