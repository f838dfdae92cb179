"""Read-only JSON API: vendors, their policy versions, and each version's findings and scores."""
from __future__ import annotations

from django.contrib.auth.decorators import login_not_required
from django.urls import reverse
from django.views.decorators.csrf import csrf_exempt

from api import representations as rep
from api import selectors
from api.http import PAGINATION, choice_param, endpoint, error_response, not_found, paginate, text_param
from api.openapi import document
from policies.analysis.types import TOPICS
from policies.models import Vendor


@endpoint(params=("q", *PAGINATION))
def vendor_list(request):
    q = text_param(request, "q")
    return paginate(request, selectors.vendors(q), lambda v: rep.vendor_summary(request, v))


@endpoint()
def vendor_detail(request, slug):
    vendor = selectors.vendor(slug)
    if vendor is None:
        raise not_found(f"vendor '{slug}'")
    current = selectors.versions(pk=vendor.current_version_id).first() if vendor.current_version_id else None
    latest, judged = selectors.runs_of(current.pk) if current else (None, None)
    return rep.vendor_detail(request, vendor, current, latest, judged, selectors.scores(vendor.judged_run_id))


@endpoint(params=PAGINATION)
def vendor_versions(request, slug):
    if not Vendor.objects.filter(slug=slug).exists():
        raise not_found(f"vendor '{slug}'")
    return paginate(request, selectors.versions(vendor__slug=slug), lambda v: rep.version_summary(request, v))


def _version(pk: int):
    version = selectors.versions(pk=pk).first()
    if version is None:
        raise not_found(f"policy version {pk}")
    return version


@endpoint()
def version_detail(request, pk):
    version = _version(pk)
    latest, judged = selectors.runs_of(version.pk)
    return rep.version_detail(request, version, latest, judged)


@endpoint(params=("topic", *PAGINATION))
def version_findings(request, pk):
    topic = choice_param(request, "topic", TOPICS)
    version = _version(pk)
    page = paginate(request, selectors.findings(version.judged_run_id, topic), rep.finding)
    return {"version_id": version.pk, "run_id": version.judged_run_id, **page}


@endpoint()
def version_scores(request, pk):
    version = _version(pk)
    scores = selectors.scores(version.judged_run_id)
    return {
        "version_id": version.pk,
        "run_id": version.judged_run_id,
        "results": [rep.score(s) for s in scores],
    }


@endpoint(public=True)
def openapi(request):
    return document()


@login_not_required
@csrf_exempt
def unknown(request):
    """Anything else under /api/: a JSON 404 (whatever the method), not the site's HTML error page."""
    hint = "" if request.path.endswith("/") else " API paths end with a slash."
    return error_response(404, "not_found", f"No API endpoint here.{hint} See {reverse('api:openapi')}.")


