"""Review pages (issue 6): decide on a finding, add a missed one, complete a review; and the vendor's audit trail.

Every decision is a POST that works without JavaScript (it redirects back to the finding); with htmx the
version page's analysis section is re-rendered in place, so the new grade shows at once. A refused decision
changes nothing and says why (400 for a page, 422 for htmx, which the page's htmx config swaps in).
"""
from __future__ import annotations

import logging

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from config.security import security_event
from policies import review_services, selectors
from policies.models import PolicyVersion, Vendor
from policies.review_values import EDITABLE
from policies.roles import policy_admin_required, reviewer_required
from policies.views import version_detail  # the page the review forms live on

logger = logging.getLogger(__name__)


def _form_values(request) -> dict:
    """The posted fields, a list where a name was sent more than once; clean_value picks and checks its own."""
    return {name: values if len(values) > 1 else values[0] for name, values in request.POST.lists()}


def _refused(request, version_pk: int, message: str):
    """The version page again, with the reason in place of the form's result (422 for htmx, 400 otherwise)."""
    security_event("review_refused", request=request, level=logging.INFO, reason=message)
    response = version_detail(request, version_pk, review_error=message)
    response.status_code = 422 if request.htmx else 400
    return response


def _done(request, version_pk: int, anchor: str, message: str):
    if request.htmx:
        return version_detail(request, version_pk, review_message=message)
    messages.success(request, message)
    return redirect(reverse("policies:version-detail", args=[version_pk]) + anchor)


@reviewer_required  # before the method check: other roles get 403, not 405
@require_POST
def review_finding(request, pk: int, finding_pk: int):
    try:
        outcome = review_services.decide(
            user=request.user,
            version_id=pk,
            finding_id=finding_pk,
            action=request.POST.get("action", ""),
            raw_value=_form_values(request),
            note=request.POST.get("note", ""),
        )
    except review_services.ReviewRefused as exc:
        return _refused(request, pk, str(exc))
    label = outcome.review.get_action_display().lower()
    return _done(request, pk, f"#finding-{finding_pk}", f"Finding {label}. Scores are updated.")


@reviewer_required
@require_http_methods(["GET", "POST"])
def add_finding(request, pk: int):
    version = get_object_or_404(PolicyVersion.objects.select_related("vendor"), pk=pk)
    source = request.POST if request.method == "POST" else request.GET
    kind_key = source.get("kind", "")
    spec = EDITABLE.get(kind_key)
    quote = source.get("quote", "")[:2000]
    near = source.get("near", "")
    error = ""
    if request.method == "POST":
        try:
            review_services.add_missed(
                user=request.user,
                version_id=version.pk,
                kind_key=kind_key,
                quote=quote,
                near=int(near) if near.isdigit() else None,
                raw_value=_form_values(request),
                note=request.POST.get("note", ""),
            )
        except review_services.ReviewRefused as exc:
            error = str(exc)
            security_event("review_refused", request=request, level=logging.INFO, reason=error)
        else:
            messages.success(request, "Finding added. Scores are updated.")
            return redirect(version)
    context = {
        "version": version,
        "vendor": version.vendor,
        "kinds": list(EDITABLE.values()),
        "spec": spec,
        "kind_key": kind_key if spec else "",
        "quote": quote,
        "near": near if near.isdigit() else "",
        "fields": selectors.field_rows(spec, _form_values(request) if request.method == "POST" else None),
        "note": request.POST.get("note", "") if request.method == "POST" else "",
        "error": error,
    }
    return render(request, "policies/add_finding.html", context, status=400 if error else 200)


@reviewer_required
@require_POST
def complete_review(request, pk: int):
    try:
        review_services.complete_review(user=request.user, version_id=pk, note=request.POST.get("note", ""))
    except review_services.ReviewRefused as exc:
        return _refused(request, pk, str(exc))
    return _done(request, pk, "#analysis", "Review completed: this version's grade is now reviewed.")


@policy_admin_required
@require_GET
def vendor_audit(request, slug: str):
    vendor = get_object_or_404(Vendor, slug=slug)
    page = Paginator(selectors.audit_events(vendor), 50).get_page(request.GET.get("page"))  # garbage -> page 1
    context = {"vendor": vendor, "page": page, "events": page.object_list}
    if request.htmx:
        return render(request, "policies/audit.html#events", context)
    return render(request, "policies/audit.html", context)
