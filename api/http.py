"""The API's plumbing: token authentication, JSON errors, query parameters and pagination."""
from __future__ import annotations

import functools
import logging
import re
from datetime import timedelta

from django.contrib.auth.decorators import login_not_required
from django.core.paginator import EmptyPage, Paginator
from django.core.serializers.json import DjangoJSONEncoder
from django.http import JsonResponse
from django.utils import timezone
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.views.decorators.csrf import csrf_exempt

from api.models import ApiToken, hash_token

logger = logging.getLogger("policylens.api")

ALLOWED_METHODS = ("GET", "HEAD")
DEFAULT_PAGE_SIZE = 25
MAX_PAGE_SIZE = 100
MAX_TOKEN_LENGTH = 200
# Writing last_used_at on every request would turn each read into a write; once a minute is plenty.
LAST_USED_RESOLUTION = timedelta(minutes=1)
_POSITIVE_INT = re.compile(r"[1-9][0-9]{0,8}")
_BEARER = re.compile(r"Bearer +(\S+) *", re.IGNORECASE)


class ApiError(Exception):
    def __init__(self, status: int, code: str, message: str, headers: dict | None = None):
        super().__init__(message)
        self.status, self.code, self.message, self.headers = status, code, message, headers or {}

    def response(self) -> JsonResponse:
        return error_response(self.status, self.code, self.message, self.headers)


def error_response(status: int, code: str, message: str, headers: dict | None = None) -> JsonResponse:
    response = JsonResponse({"error": code, "message": message}, status=status, headers=headers)
    patch_cache_control(response, no_store=True)
    return response


def not_found(what: str) -> ApiError:
    return ApiError(404, "not_found", f"No {what}.")


def authenticate(request) -> ApiToken:
    """The active token the request carries as ``Authorization: Bearer <token>``, or a 401 ApiError."""
    header = request.headers.get("Authorization", "")
    challenge = {"WWW-Authenticate": 'Bearer realm="policylens-api"'}
    if not header:
        raise ApiError(401, "not_authenticated", "Send an API token: 'Authorization: Bearer <token>'.", challenge)
    match = _BEARER.fullmatch(header)
    if not match or len(match.group(1)) > MAX_TOKEN_LENGTH:
        raise ApiError(401, "not_authenticated", "The Authorization header must be 'Bearer <token>'.", challenge)
    token = (
        ApiToken.objects.active()
        .select_related("user")
        .filter(key_hash=hash_token(match.group(1)))
        .first()
    )
    if token is None:
        # One message for unknown, revoked and inactive-user tokens: nothing to learn by probing.
        logger.info("api token rejected", extra={"event": "api_token_rejected", "path": request.path})
        raise ApiError(401, "invalid_token", "The token is not valid, or has been revoked.", challenge)
    now = timezone.now()
    if token.last_used_at is None or now - token.last_used_at > LAST_USED_RESOLUTION:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return token


PAGINATION = ("page", "page_size")


def endpoint(*, public: bool = False, params: tuple[str, ...] = ()):
    """Make ``view`` (which returns a dict) a read-only JSON endpoint outside the session login.

    Non-GET methods get 405 (with Allow); without a valid token 401; a query parameter not in ``params``
    400 (a misspelt filter should not silently return everything); ApiError becomes its JSON response.
    The views change nothing, so they need no CSRF protection: a POST gets a JSON 405, not an HTML 403.
    """

    def decorate(view):
        @login_not_required
        @csrf_exempt
        @functools.wraps(view)
        def wrapped(request, *args, **kwargs):
            try:
                if request.method not in ALLOWED_METHODS:
                    raise ApiError(
                        405,
                        "method_not_allowed",
                        f"{request.method} is not allowed: this API is read-only.",
                        {"Allow": ", ".join(ALLOWED_METHODS)},
                    )
                if not public:
                    token = authenticate(request)
                    request.user = token.user
                    request.api_token = token
                unknown = sorted(set(request.GET) - set(params))
                if unknown:
                    allowed = f"Allowed: {', '.join(params)}." if params else "This endpoint takes none."
                    raise ApiError(400, "bad_parameter", f"Unknown query parameter(s): {', '.join(unknown)}. {allowed}")
                data = view(request, *args, **kwargs)
            except ApiError as exc:
                response = exc.response()
            else:
                response = JsonResponse(data, encoder=DjangoJSONEncoder, json_dumps_params={"ensure_ascii": False})
                if not public:
                    patch_cache_control(response, private=True, no_store=True)
            patch_vary_headers(response, ["Authorization"])
            return response

        return wrapped

    return decorate


# --------------------------------------------------------------------------- parameters


def text_param(request, name: str, max_length: int = 100) -> str:
    value = request.GET.get(name, "")
    if len(value) > max_length:
        raise ApiError(400, "bad_parameter", f"'{name}' may be at most {max_length} characters.")
    if "\x00" in value:  # PostgreSQL cannot compare text with NUL in it
        raise ApiError(400, "bad_parameter", f"'{name}' contains a NUL character.")
    return value.strip()


def choice_param(request, name: str, choices) -> str:
    value = request.GET.get(name)
    if value is None:
        return ""
    if value not in choices:
        raise ApiError(400, "bad_parameter", f"'{name}' must be one of: {', '.join(choices)}.")
    return value


def positive_int_param(request, name: str, default: int, maximum: int | None = None) -> int:
    raw = request.GET.get(name)
    if raw is None:  # present but empty is an error, like any other non-number
        return default
    if not _POSITIVE_INT.fullmatch(raw) or (maximum is not None and int(raw) > maximum):
        limit = f" no greater than {maximum}" if maximum else ""
        raise ApiError(400, "bad_parameter", f"'{name}' must be a whole number from 1{limit}.")
    return int(raw)


def paginate(request, queryset, represent) -> dict:
    """``{"count", "next", "previous", "results"}`` for the page ``?page=`` of ``?page_size=`` rows."""
    size = positive_int_param(request, "page_size", DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE)
    number = positive_int_param(request, "page", 1)
    paginator = Paginator(queryset, size)
    try:
        page = paginator.page(number)
    except EmptyPage:
        raise ApiError(404, "not_found", f"No page {number}: there are {paginator.num_pages}.") from None

    def link(n: int) -> str:
        query = request.GET.copy()
        query["page"] = str(n)
        return request.build_absolute_uri(f"{request.path}?{query.urlencode()}")

    return {
        "count": paginator.count,
        "next": link(page.next_page_number()) if page.has_next() else None,
        "previous": link(page.previous_page_number()) if page.has_previous() else None,
        "results": [represent(obj) for obj in page.object_list],
    }
