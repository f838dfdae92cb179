"""Downloads for procurement: the comparison as CSV or PDF, and a DPIA starter per vendor.

Thin: parse the selection exactly as /compare/ does, load through the comparison selectors, hand
plain data to the builders in ``comparisons.exports``. Every signed-in role may export
(LoginRequiredMiddleware sends anonymous users to the login page). Query count does not grow with
the number of vendors: the selectors' few queries plus one for the runs' review states.
"""

from __future__ import annotations

import re
from urllib.parse import urlencode

from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_safe

from comparisons import selectors
from comparisons.exports import comparison_csv, comparison_pdf, dpia_pdf
from comparisons.exports.model import ComparisonExport, DpiaDocument
from comparisons.exports.source import comparison_export, dpia_document
from comparisons.forms import parse_selection

_UNSAFE_FILENAME = re.compile(r"[^A-Za-z0-9._-]+")


def _load(slugs: list[str]) -> selectors.Comparison:
    comp = selectors.comparison(slugs)
    selectors.load_results(comp)
    return comp


def _attachment(content: bytes, content_type: str, filename: str) -> HttpResponse:
    safe = _UNSAFE_FILENAME.sub("-", filename).strip("-.") or "export"
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{safe}"'
    patch_cache_control(response, private=True, no_store=True)
    return response


def _comparison(request) -> ComparisonExport | None:
    selection = parse_selection(request.GET)
    comp = _load(selection.slugs)
    if not comp.columns:
        return None
    notices = list(selection.notices)
    notices += [f"No vendor “{slug}”: it may have been renamed or removed." for slug in comp.missing]
    return comparison_export(
        comp.columns, generated_at=timezone.localtime(), notices=notices, diff_only=selection.diff_only
    )


def _back_to_compare(request):
    """Nothing to export: the comparison page, with the same query, says why."""
    query = urlencode([(k, v) for k in request.GET for v in request.GET.getlist(k)])
    return redirect(reverse("comparisons:compare") + (f"?{query}" if query else ""))


def _filename(kind: str, ext: str) -> str:
    return f"policylens-{kind}-{timezone.localdate():%Y-%m-%d}.{ext}"


@require_safe
def compare_csv(request):
    export = _comparison(request)
    if export is None:
        return _back_to_compare(request)
    return _attachment(comparison_csv(export), "text/csv; charset=utf-8", _filename("comparison", "csv"))


@require_safe
def compare_pdf(request):
    export = _comparison(request)
    if export is None:
        return _back_to_compare(request)
    return _attachment(comparison_pdf(export), "application/pdf", _filename("comparison", "pdf"))


def _dpia(slug: str) -> DpiaDocument:
    comp = _load([slug])
    if not comp.columns:
        raise Http404("No such vendor.")
    return dpia_document(comp.columns[0], generated_at=timezone.localtime())


@require_safe
def vendor_dpia(request, slug: str):
    doc = _dpia(slug)
    return render(request, "comparisons/dpia.html", {"doc": doc, "slug": slug})


@require_safe
def vendor_dpia_pdf(request, slug: str):
    doc = _dpia(slug)
    return _attachment(dpia_pdf(doc), "application/pdf", _filename(f"dpia-{slug}", "pdf"))
