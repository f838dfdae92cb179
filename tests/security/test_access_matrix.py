"""Every URL in the URL configuration, requested with GET by an anonymous user and by each role.

The matrix below is the written policy. The test fails when a URL pattern exists that the matrix does not
list (a new page must be added here, with its intended access), when the matrix lists a URL that no longer
exists, and when any outcome differs from the one written down.

Outcomes:
    "login"        302 to the site's login page (LoginRequiredMiddleware: every page needs login)
    "admin-login"  302 to the Django admin's own login page
    "redirect"     any other 302 (e.g. "/" to the vendor list)
    200, 401, 403, 404, 405   that status; 405 is GET on a POST-only view the role may use,
                              401 is the JSON API, which authenticates by token and never by session.

Roles (columns): anon, viewer (Viewers group: browses, compares, exports), reviewer (Reviewers group: DPO;
the review pages are not built yet, so it may do what a viewer does), policy_admin (Policy admins group:
uploads, manages versions and tracked URLs, retries runs) and staff (is_staff + is_superuser: everything,
including the Django admin).

The Django admin is walked too. Its ~90 generated patterns (one set per registered model) are covered by one
written row, ADMIN_ROW, plus ADMIN_EXCEPTIONS: the admin is for staff only, so every other role is sent to
the admin's login page and staff gets the page.
"""
from __future__ import annotations

import re

import pytest
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils.timezone import now

from api.models import ApiToken
from policies import audit
from policies.models import AuditEvent, FindingReview, Notification, PolicyURL, VersionEvent, Watch
from policies.roles import POLICY_ADMINS, REVIEWERS, VIEWERS
from tests.factories import PolicyAdminFactory, ReviewerFactory, UserFactory, ViewerFactory, analysed_vendor

ROLES = ("anon", "viewer", "reviewer", "policy_admin", "staff")
L, AL, R = "login", "admin-login", "redirect"

# name: (anon, viewer, reviewer, policy_admin, staff)
MATRIX: dict[str, tuple] = {
    # --- site and accounts
    "home": (L, R, R, R, R),
    "login": (200, 200, 200, 200, 200),
    "logout": (L, 405, 405, 405, 405),  # POST-only (Django 5)
    "healthz": (200, 200, 200, 200, 200),
    # --- comparisons: browsing, open to every signed-in role
    "comparisons:vendor-list": (L, 200, 200, 200, 200),
    "comparisons:vendor-detail": (L, 200, 200, 200, 200),
    "comparisons:compare": (L, 200, 200, 200, 200),
    "comparisons:methodology": (L, 200, 200, 200, 200),
    # --- comparisons: exports for procurement (issue 6), every signed-in role. A GET without vendors
    # has nothing to export and goes back to the compare page; the DPIA starter is per vendor.
    "comparisons:compare-export-csv": (L, R, R, R, R),
    "comparisons:compare-export-pdf": (L, R, R, R, R),
    "comparisons:vendor-dpia": (L, 200, 200, 200, 200),
    "comparisons:vendor-dpia-pdf": (L, 200, 200, 200, 200),
    # --- policies: browsing
    "policies:version-detail": (L, 200, 200, 200, 200),
    "policies:version-history": (L, 200, 200, 200, 200),
    "policies:version-diff": (L, 200, 200, 200, 200),
    "policies:notifications": (L, 200, 200, 200, 200),
    "policies:changes-feed": (L, 200, 200, 200, 200),
    "policies:vendor-watch": (L, 405, 405, 405, 405),  # any signed-in user may watch a vendor (POST)
    # --- policies: policy admins only (uploads, versions, tracked URLs, runs)
    "policies:upload": (L, 403, 403, 200, 200),
    "policies:run-retry": (L, 403, 403, 405, 405),
    "policies:version-make-current": (L, 403, 403, 405, 405),
    "policies:version-withdraw": (L, 403, 403, 405, 405),
    "policies:version-restore": (L, 403, 403, 405, 405),
    "policies:policy-url-add": (L, 403, 403, 405, 405),
    "policies:policy-url-check": (L, 403, 403, 405, 405),
    "policies:policy-url-stop": (L, 403, 403, 405, 405),
    # --- review of findings: reviewers (and staff); the audit trail: policy admins (and staff)
    "policies:finding-review": (L, 403, 405, 403, 405),
    "policies:finding-add": (L, 403, 200, 403, 200),
    "policies:review-complete": (L, 403, 405, 403, 405),
    "policies:vendor-audit": (L, 403, 403, 200, 200),
    # --- JSON API: token auth only, a session does not count
    "api:openapi": (200, 200, 200, 200, 200),
    "api:vendor-list": (401, 401, 401, 401, 401),
    "api:vendor-detail": (401, 401, 401, 401, 401),
    "api:vendor-versions": (401, 401, 401, 401, 401),
    "api:version-detail": (401, 401, 401, 401, 401),
    "api:version-findings": (401, 401, 401, 401, 401),
    "api:version-scores": (401, 401, 401, 401, 401),
    "api:unknown": (404, 404, 404, 404, 404),  # catch-all: a JSON 404 for anything else under /api/
}

# The Django admin: staff only. Its model pages are not exempt from LoginRequiredMiddleware, so an anonymous
# user meets the site's login first; a signed-in non-staff user is sent to the admin's own login page.
ADMIN_ROW = (L, AL, AL, AL, 200)
# The old-style "<app>/<model>/<id>/" URLs (unnamed) redirect staff to the change page.
ADMIN_OLD_CHANGE_URL = (L, AL, AL, AL, R)
# The admin's site-wide views are login_not_required: the admin itself sends anonymous users to its login.
ADMIN_SITE_VIEW = (AL, AL, AL, AL, 200)
ADMIN_EXCEPTIONS: dict[str, tuple] = {
    "admin:index": ADMIN_SITE_VIEW,
    "admin:login": (200, 200, 200, 200, R),  # non-staff may sign in there as someone else; staff go to the index
    "admin:logout": (AL, R, R, R, 405),  # POST-only; non-staff are sent to the index (and so to the login)
    "admin:password_change": ADMIN_SITE_VIEW,
    "admin:password_change_done": ADMIN_SITE_VIEW,
    "admin:jsi18n": ADMIN_SITE_VIEW,
    "admin:app_list": ADMIN_SITE_VIEW,
    "admin:autocomplete": (AL, AL, AL, AL, 403),  # without its query parameters it refuses even staff
    "admin:view_on_site": (AL, AL, AL, AL, R),  # redirects staff to the object's page on the site
    "admin:admin/(?P<url>.*)$": (AL, AL, AL, AL, 404),  # the admin's catch-all
    # Read-only admins: login records, the version audit trail and API tokens (issued with a command).
    "admin:axes_accessattempt_add": (L, AL, AL, AL, 403),
    "admin:axes_accesslog_add": (L, AL, AL, AL, 403),
    "admin:axes_accessfailurelog_add": (L, AL, AL, AL, 403),
    "admin:policies_versionevent_add": (L, AL, AL, AL, 403),
    "admin:policies_versionevent_delete": (L, AL, AL, AL, 403),
    "admin:api_apitoken_add": (L, AL, AL, AL, 403),
    "admin:policies_auditevent_add": (L, AL, AL, AL, 403),
    "admin:policies_auditevent_delete": (L, AL, AL, AL, 403),
    "admin:policies_findingreview_add": (L, AL, AL, AL, 403),
    "admin:policies_findingreview_delete": (L, AL, AL, AL, 403),
}

# Which fixture object a URL's <pk> is the id of.
PK_OF = {
    "policies:version-detail": "version",
    "policies:finding-review": "version",
    "policies:finding-add": "version",
    "policies:review-complete": "version",
    "policies:run-retry": "run",
    "policies:version-make-current": "version",
    "policies:version-withdraw": "version",
    "policies:version-restore": "version",
    "policies:policy-url-check": "policy_url",
    "policies:policy-url-stop": "policy_url",
    "api:version-detail": "version",
    "api:version-findings": "version",
    "api:version-scores": "version",
}


def _model_admin(view):
    """The ModelAdmin behind an admin view (wrapped as ``model_admin``, or a bound method of it), if any."""
    while view is not None:
        admin = getattr(view, "model_admin", None) or getattr(view, "__self__", None)
        if hasattr(admin, "model") and hasattr(admin, "admin_site"):
            return admin
        view = getattr(view, "__wrapped__", None)
    return None


def _walk(patterns, prefix="", namespace=""):
    """(key, full route, pattern, model admin's model or None) for every URLPattern, depth first.

    The key is the namespaced URL name, or "namespace:full route" for an unnamed pattern."""
    for p in patterns:
        route = prefix + str(p.pattern)
        if isinstance(p, URLResolver):
            ns = ":".join(filter(None, [namespace, p.namespace]))
            yield from _walk(p.url_patterns, route, ns)
        elif isinstance(p, URLPattern):
            admin = _model_admin(p.callback)
            key = f"{namespace}:{p.name}" if namespace and p.name else p.name or f"{namespace}:{route}"
            yield key, route, p, admin.model if admin else None


def all_urls():
    return list(_walk(get_resolver().url_patterns))


@pytest.fixture
def world(db):
    vendor, run = analysed_vendor("Matrix Vendor")
    version = run.version
    owner = UserFactory(username="owner")
    policy_url = PolicyURL.objects.create(vendor=vendor, url="https://matrix.example/privacy", created_by=owner)
    VersionEvent.objects.create(version=version, kind=VersionEvent.Kind.MADE_CURRENT, actor=owner)
    Watch.objects.create(user=owner, vendor=vendor)
    Notification.objects.create(user=owner, vendor=vendor, version=version, title="Matrix Vendor changed")
    ApiToken.issue(owner, name="matrix")
    finding = run.findings.first()
    FindingReview.objects.create(
        version=version, action="confirm", topic=finding.topic, kind=finding.kind, quote=finding.quote,
        start=finding.start, end=finding.end, reviewer=owner, decided_at=now(),
    )
    audit.record(actor=owner, action=AuditEvent.Action.UPLOAD, vendor=vendor, obj=version, summary="Uploaded")
    users = {
        "anon": None,
        "viewer": ViewerFactory(),
        "reviewer": ReviewerFactory(),
        "policy_admin": PolicyAdminFactory(),
        "staff": UserFactory(username="staff", is_staff=True, is_superuser=True),
    }
    return {"vendor": vendor, "version": version, "run": run, "policy_url": policy_url, "users": users}


def _axes_rows():
    """One row of each django-axes model, so their admin change pages resolve (a login clears attempts)."""
    request = {"user_agent": "test", "http_accept": "*/*", "path_info": "/accounts/login/", "attempt_time": now()}
    AccessAttempt.objects.create(username="x", get_data="", post_data="", failures_since_start=1, **request)
    AccessLog.objects.create(username="x", **request)
    AccessFailureLog.objects.create(username="x", **request)


def _url(key, route, pattern, model, world) -> str:
    if not pattern.name:  # the admin's unnamed redirects and catch-all
        if model is not None:  # "<app>/<model>/<path:object_id>/": an old-style change URL
            return "/" + route.replace("<path:object_id>", str(model.objects.first().pk))
        return "/" + re.sub(r"\(\?P<url>\.\*\)\$$", "no-such-page/", route).lstrip("^")
    kwargs = {}
    for names in re.findall(r"<(?:\w+:)?(\w+)>|\(\?P<(\w+)>", route):  # the pattern's and its parents' args
        name = next(n for n in names if n)
        if name == "slug":
            kwargs[name] = world["vendor"].slug
        elif name == "pk":
            assert key in PK_OF, f"add {key} to PK_OF: which object is its <pk>?"
            kwargs[name] = world[PK_OF[key]].pk
        elif name == "finding_pk":
            kwargs[name] = world["run"].findings.first().pk
        elif name == "object_id" and model is None:  # admin:view_on_site
            kwargs[name] = world["vendor"].pk
        elif name in ("object_id", "id"):
            obj = model.objects.first()
            assert obj is not None, f"the world fixture has no {model.__name__} for {key}"
            kwargs[name] = obj.pk
        elif name == "app_label":
            kwargs[name] = "policies"
        elif name == "content_type_id":
            kwargs[name] = ContentType.objects.get_for_model(world["vendor"]).pk
        else:
            raise AssertionError(f"No test value for <{name}> in {key} ({route})")
    return reverse(key, kwargs=kwargs)


def _outcome(response):
    if response.status_code == 302:
        location = response["Location"]
        if location.startswith(reverse("admin:login")):
            return AL
        if location.startswith(reverse("login")):
            return L
        return R
    return response.status_code


def expected(key):
    if key.startswith("admin:"):
        if key in ADMIN_EXCEPTIONS:
            return ADMIN_EXCEPTIONS[key]
        return ADMIN_OLD_CHANGE_URL if key.endswith("/<path:object_id>/") else ADMIN_ROW
    return MATRIX[key]


def test_every_url_is_in_the_matrix(db):
    keys = {key for key, *_ in all_urls()}
    site = {k for k in keys if not k.startswith("admin:")}
    assert sorted(site - MATRIX.keys()) == [], "URL patterns missing from MATRIX: add them with their access"
    assert sorted(MATRIX.keys() - site) == [], "MATRIX lists URLs that no longer exist"
    assert sorted(ADMIN_EXCEPTIONS.keys() - keys) == [], "ADMIN_EXCEPTIONS lists URLs that no longer exist"
    assert any(k.startswith("admin:") for k in keys)  # the admin is walked, not skipped


def test_role_groups_exist_with_their_permissions(db):
    def perms(name):
        return set(Group.objects.get(name=name).permissions.values_list("codename", flat=True))

    assert {"add_policyversion", "change_vendor", "change_analysisrun", "add_policyurl"} <= perms(POLICY_ADMINS)
    assert "change_finding" not in perms(POLICY_ADMINS)
    assert {"view_finding", "change_finding", "add_findingreview", "change_findingreview"} <= perms(REVIEWERS)
    assert not {p for p in perms(REVIEWERS) if not p.startswith("view_")} - {
        "change_finding",
        "add_findingreview",
        "change_findingreview",
    }
    assert "view_auditevent" in perms(POLICY_ADMINS) and "view_auditevent" not in perms(REVIEWERS)
    assert perms(VIEWERS) and all(p.startswith("view_") for p in perms(VIEWERS))


@pytest.mark.parametrize("role", ROLES)
def test_access_matrix(role, world, client):
    user = world["users"][role]
    if user is not None:
        client.force_login(user)
    _axes_rows()
    differences = []
    for key, route, pattern, model in all_urls():
        url = _url(key, route, pattern, model, world)
        actual = _outcome(client.get(url))
        want = expected(key)[ROLES.index(role)] if key in MATRIX or key.startswith("admin:") else "missing"
        if actual != want:
            differences.append(f"{key} GET {url}: expected {want!r}, got {actual!r}")
    assert differences == [], f"{role}:\n" + "\n".join(differences)
