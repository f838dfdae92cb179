import hashlib
from urllib.parse import urlencode

from django.conf import settings
from django.core.cache import cache
from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils.safestring import mark_safe

from comparisons import presentation, selectors
from comparisons.forms import FILTER_FIELDS, MAX_COMPARED, DirectoryForm, parse_selection
from comparisons.scoring import RUBRIC_VERSION
from comparisons.scoring import methodology as rubric_methodology
from policies.models import Vendor

# Bump when the comparison table's HTML (presentation.table_html) or rows change, so cached
# renderings are dropped.
TABLE_VERSION = "3"


def vendor_list(request):
    form = DirectoryForm(request.GET)
    criteria, notices = form.criteria()
    page = selectors.vendor_directory(criteria, request.GET.get("page"))
    query = {k: v for k, v in criteria.items() if v and not (k == "sort" and v == "name")}
    context = {
        "form": form,
        "criteria": criteria,
        "filtered": any(criteria[k] for k in ("q", *FILTER_FIELDS)),
        "notices": notices,
        "page": page,
        "querystring": urlencode(query),
    }
    if request.htmx:
        return render(request, "comparisons/vendor_list.html#vendor-results", context)
    return render(request, "comparisons/vendor_list.html", context)


def vendor_detail(request, slug: str):
    try:
        context = selectors.vendor_page(slug)
    except Vendor.DoesNotExist as exc:
        raise Http404("No such vendor.") from exc
    if request.htmx:
        return render(request, "comparisons/vendor_detail.html#vendor-analysis", context)
    return render(request, "comparisons/vendor_detail.html", context)


def _compare_url(base: str, slugs, diff_only: bool) -> str:
    params = [("v", s) for s in slugs] + ([("diff", "1")] if diff_only else [])
    return base + ("?" + urlencode(params) if params else "")


def compare(request):
    selection = parse_selection(request.GET)
    comp = selectors.comparison(selection.slugs)
    notices = list(selection.notices)
    notices += [f"No vendor “{slug}”: it may have been renamed or removed." for slug in comp.missing]
    slugs = [c.vendor.slug for c in comp.columns]
    base = reverse("comparisons:compare")
    key_source = "\n".join(
        [TABLE_VERSION, RUBRIC_VERSION, base, str(selection.diff_only), *(c.cache_part for c in comp.columns)]
    )
    key = "compare:" + hashlib.sha256(key_source.encode()).hexdigest()
    table_html = cache.get(key) if comp.columns else ""
    if table_html is None:
        for c in comp.columns:
            c.remove_url = _compare_url(base, [s for s in slugs if s != c.vendor.slug], selection.diff_only)
        selectors.load_results(comp)
        table = presentation.comparison_table(comp.columns, diff_only=selection.diff_only)
        table_html = mark_safe(  # noqa: S308 — built from escaped pieces (presentation.table_html)
            presentation.table_html(comp.columns, table, diff_only=selection.diff_only)
        )
        cache.set(key, table_html, getattr(settings, "POLICYLENS_COMPARISON_CACHE_SECONDS", 3600))
    can_add = len(comp.columns) < MAX_COMPARED
    matches = selectors.vendors_matching(selection.add_query, exclude=slugs) if can_add else []
    for vendor in matches:
        vendor.add_url = _compare_url(base, [*slugs, vendor.slug], selection.diff_only)
    context = {
        "columns": comp.columns,
        "notices": notices,
        "diff_only": selection.diff_only,
        "add_query": selection.add_query,
        "matches": matches,
        "can_add": can_add,
        "max_compared": MAX_COMPARED,
        "table_html": table_html,
        "compare_url": base,
    }
    if request.htmx:
        return render(request, "comparisons/compare.html#comparison", context)
    return render(request, "comparisons/compare.html", context)


def methodology(request):
    context = {"m": rubric_methodology()}
    if request.htmx:
        return render(request, "comparisons/methodology.html#methodology-body", context)
    return render(request, "comparisons/methodology.html", context)
