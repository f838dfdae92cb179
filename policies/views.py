import logging

from django.conf import settings
from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from config.security import security_event
from policies import selectors, services
from policies.forms import UploadForm
from policies.models import AnalysisRun, PolicyVersion
from policies.presentation import highlighted_text
from policies.roles import is_reviewer, policy_admin_required


@policy_admin_required
@require_http_methods(["GET", "POST"])
def upload(request):
    if request.method == "POST":
        files = request.FILES  # parsing the body is what runs SizeLimitedUploadHandler
        too_large = None
        if getattr(request, "upload_too_large", False):
            limit_mb = settings.POLICYLENS_MAX_UPLOAD_BYTES // (1024 * 1024)
            too_large = f"This file is larger than the {limit_mb} MB limit."
            security_event("upload_rejected", request=request, level=logging.WARNING, reason="too large")
        form = UploadForm(request.POST, files, upload_too_large=too_large)
        if form.is_valid():
            try:
                outcome = _save_upload(request, form.cleaned_data)
            except services.UploadRejected as exc:
                # The reason is one of our own sentences; the document itself is never logged.
                security_event("upload_rejected", request=request, level=logging.WARNING, reason=str(exc))
                form.add_error("document" if form.cleaned_data.get("document") else None, str(exc))
            else:
                if outcome.created:
                    messages.success(request, "Policy uploaded. The analysis is queued and will appear below.")
                else:
                    messages.info(
                        request,
                        "This document is already stored for this vendor, so no new version was made. "
                        "Here is the existing version.",
                    )
                return redirect(outcome.version)
    else:
        form = UploadForm(initial={"vendor": request.GET.get("vendor", "")[:20]})
    return render(
        request,
        "policies/upload.html",
        {"form": form, "max_upload_mb": settings.POLICYLENS_MAX_UPLOAD_BYTES // (1024 * 1024)},
    )


def _save_upload(request, data) -> services.UploadOutcome:
    vendor = data["vendor"] or services.get_or_create_vendor(data["new_vendor_name"])
    if data.get("document"):
        uploaded = data["document"]
        return services.add_policy_document(
            vendor=vendor,
            data=uploaded.read(),
            filename=uploaded.name,
            source=PolicyVersion.Source.FILE,
            user=request.user,
        )
    return services.add_pasted_text(vendor=vendor, text=data["text"], user=request.user)


def version_detail(request, pk: int, *, review_error: str = "", review_message: str = ""):
    try:
        version = selectors.version_for_page(pk)
    except PolicyVersion.DoesNotExist as exc:
        raise Http404("No such policy version.") from exc
    run = selectors.latest_run(version)
    findings = selectors.findings_of(run) if run and run.status == AnalysisRun.Status.SUCCEEDED else []
    can_review = is_reviewer(request.user) and bool(findings)
    if can_review:
        for finding in findings:
            finding.correction_fields = selectors.correction_fields(finding)
    scores = selectors.scores_of(run) if findings else []
    context = {
        "version": version,
        "vendor": version.vendor,
        "run": run,
        "findings": findings,
        "topics": selectors.findings_by_topic(findings),
        "policy_html": highlighted_text(version.extracted_text, findings) if findings else "",
        "overall": scores[0] if scores and scores[0].dimension == "overall" else None,
        "dimension_scores": [s for s in scores if s.dimension != "overall"],
        "can_review": can_review,
        "flagged": selectors.flagged_reviews(version) if can_review else [],
        "review_error": review_error,
        "review_message": review_message,
    }
    if request.htmx:
        return render(request, "policies/version_detail.html#analysis", context)
    return render(request, "policies/version_detail.html", context)


@policy_admin_required  # before the method check: other roles get 403, not 405
@require_POST
def retry_run(request, pk: int):
    run = get_object_or_404(AnalysisRun.objects.select_related("version"), pk=pk)
    if run.status == AnalysisRun.Status.FAILED:
        services.retry_run(run, user=request.user)
        messages.success(request, "The analysis is queued again.")
    if request.htmx:
        return version_detail(request, run.version_id)
    return redirect(run.version)
