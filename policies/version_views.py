"""Pages for version history, diffs, tracked URLs, watchlists, notifications and the changes feed."""
from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.syndication.views import Feed
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from policies import tracking_selectors as ts
from policies import version_services
from policies.diffing import diff_text
from policies.models import PolicyURL, PolicyVersion, Vendor
from policies.roles import policy_admin_required


def _history_url(vendor: Vendor) -> str:
    return reverse("policies:version-history", args=[vendor.slug])


def _back(request, fallback: str):
    target = request.POST.get("next") or ""
    if target and url_has_allowed_host_and_scheme(target, {request.get_host()}, require_https=request.is_secure()):
        return redirect(target)
    return redirect(fallback)


@require_GET
def version_history(request, slug: str):
    vendor = get_object_or_404(Vendor, slug=slug)
    rows = ts.history_rows(vendor)
    context = {
        "vendor": vendor,
        "rows": rows,
        "events": ts.version_events(vendor),
        "tracked_urls": ts.tracked_urls(vendor),
        "watching": ts.is_watching(request.user, vendor),
        "latest": ts.latest_changes(vendor),
        "default_interval": settings.POLICYLENS_FETCH_DEFAULT_INTERVAL_HOURS,
    }
    if request.htmx:
        return render(request, "policies/history.html#history", context)
    return render(request, "policies/history.html", context)


def _version_of(vendor: Vendor, raw: str | None) -> PolicyVersion | None:
    if not raw:
        return None
    try:
        return vendor.versions.get(pk=int(raw))
    except (ValueError, PolicyVersion.DoesNotExist) as exc:
        raise Http404("No such version of this vendor's policy.") from exc


@require_GET
def version_diff(request, slug: str):
    vendor = get_object_or_404(Vendor, slug=slug)
    new = _version_of(vendor, request.GET.get("to")) or ts.current_version(vendor)
    if new is None:
        raise Http404("This vendor has no policy versions yet.")
    old = _version_of(vendor, request.GET.get("from")) or ts.previous_version(new)
    context = {"vendor": vendor, "old": old, "new": new, "versions": list(ts.visible_versions(vendor)),
               "show_unchanged": request.GET.get("unchanged") == "1"}
    if old is not None and old.pk != new.pk:
        if old.uploaded_at > new.uploaded_at:
            old, new = new, old  # always read older → newer
            context.update(old=old, new=new)
        context["text_ready"] = bool(old.extracted_text and new.extracted_text)
        context["text_diff"] = diff_text(old.extracted_text, new.extracted_text) if context["text_ready"] else None
        context["meaning"] = ts.meaning_diff(old, new)
    if request.htmx:
        return render(request, "policies/diff.html#diff", context)
    return render(request, "policies/diff.html", context)


@policy_admin_required  # before the method check: other roles get 403, not 405
@require_POST
def make_current(request, pk: int):
    version = get_object_or_404(PolicyVersion.objects.select_related("vendor"), pk=pk)
    try:
        version_services.mark_current(version, user=request.user, note=request.POST.get("note", "")[:500])
    except version_services.VersionActionRefused as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, f"The version of {version.uploaded_at:%d %b %Y} is now the current one.")
    return _after_history_action(request, version.vendor)


@policy_admin_required  # before the method check: other roles get 403, not 405
@require_POST
def withdraw_version(request, pk: int):
    version = get_object_or_404(PolicyVersion.objects.select_related("vendor"), pk=pk)
    version_services.withdraw(version, user=request.user, reason=request.POST.get("reason", ""))
    messages.success(request, "The version is withdrawn. It stays readable in the history.")
    return _after_history_action(request, version.vendor)


@policy_admin_required  # before the method check: other roles get 403, not 405
@require_POST
def restore_version(request, pk: int):
    version = get_object_or_404(PolicyVersion.objects.select_related("vendor"), pk=pk)
    version_services.restore(version, user=request.user)
    messages.success(request, "The version is restored.")
    return _after_history_action(request, version.vendor)


def _after_history_action(request, vendor: Vendor):
    if request.htmx:
        return version_history(_as_get(request), vendor.slug)
    return redirect(_history_url(vendor))


def _as_get(request):
    request.method = "GET"
    return request


@require_POST
def watch_vendor(request, slug: str):
    vendor = get_object_or_404(Vendor, slug=slug)
    if request.POST.get("action") == "unwatch":
        version_services.unwatch(request.user, vendor)
    else:
        version_services.watch(request.user, vendor)
    if request.htmx:
        return render(request, "policies/_watch_button.html",
                      {"vendor": vendor, "watching": ts.is_watching(request.user, vendor)})
    return _back(request, _history_url(vendor))


@policy_admin_required  # before the method check: other roles get 403, not 405
@require_POST
def add_policy_url(request, slug: str):
    vendor = get_object_or_404(Vendor, slug=slug)
    try:
        hours = int(request.POST.get("interval_hours") or 0) or None
    except ValueError:
        hours = None
    if hours is not None:
        hours = max(1, min(hours, 24 * 30))
    try:
        tracked = version_services.add_policy_url(vendor=vendor, url=request.POST.get("url", ""),
                                                  interval_hours=hours, user=request.user)
    except version_services.VersionActionRefused as exc:
        messages.error(request, str(exc))
    else:
        _enqueue_check(tracked.pk)
        messages.success(request, "The address is tracked; the first check is queued.")
    return _after_history_action(request, vendor)


@policy_admin_required  # before the method check: other roles get 403, not 405
@require_POST
def check_policy_url_now(request, pk: int):
    tracked = get_object_or_404(PolicyURL.objects.select_related("vendor"), pk=pk)
    _enqueue_check(tracked.pk)
    messages.success(request, "A check of this address is queued.")
    return _after_history_action(request, tracked.vendor)


@policy_admin_required  # before the method check: other roles get 403, not 405
@require_POST
def stop_tracking(request, pk: int):
    tracked = get_object_or_404(PolicyURL.objects.select_related("vendor"), pk=pk)
    version_services.stop_tracking(tracked)
    messages.success(request, "This address is no longer checked.")
    return _after_history_action(request, tracked.vendor)


def _enqueue_check(url_id: int) -> None:
    from policies.tasks import fetch_policy_url

    def send():
        try:
            fetch_policy_url.apply_async(args=[url_id], retry=True, retry_policy={"max_retries": 2})
        except Exception:  # a down broker: the beat task picks the URL up when it is due
            import logging

            logging.getLogger(__name__).warning("broker unavailable; url %s waits for the beat", url_id)

    transaction.on_commit(send, robust=True)


@require_http_methods(["GET", "POST"])
def notifications(request):
    if request.method == "POST":
        version_services.mark_notifications_read(request.user)
        messages.success(request, "All notifications are marked as read.")
        return redirect("policies:notifications")
    context = {
        "notifications": ts.notifications_for(request.user)[:100],
        "watched": ts.watched_vendors(request.user),
        "unread": ts.unread_count(request.user),
    }
    if request.htmx:
        return render(request, "policies/notifications.html#notification-list", context)
    return render(request, "policies/notifications.html", context)


class ChangesFeed(Feed):
    """An Atom feed of new policy versions and what changed in them (signed-in users only)."""

    feed_type = Atom1Feed
    title = "PolicyLens: privacy policy changes"
    subtitle = "New versions of suppliers' privacy policies, with what changed in meaning."

    def get_object(self, request, *args, **kwargs):
        return {"user": request.user, "watched": request.GET.get("watched") == "1"}

    def link(self, obj):
        return reverse("policies:notifications")

    def items(self, obj):
        vendors = ts.watched_vendors(obj["user"]) if obj["watched"] else None
        return ts.recent_changes(vendors=vendors, limit=30)

    def item_title(self, item):
        version, previous = item
        verb = "changed its privacy policy" if previous else "first policy version"
        return f"{version.vendor.name}: {verb}"

    def item_description(self, item):
        version, previous = item
        if previous is None:
            return "The first version of this policy on PolicyLens."
        meaning = ts.meaning_diff(previous, version)
        if meaning is None:
            return "A new version; its analysis is not available yet."
        if not meaning.changes:
            return "Only the wording changed; what the policy says about the topics we track is the same."
        return "\n".join(f"• {c.text}" for c in meaning.changes)

    def item_link(self, item):
        version, previous = item
        return ts.diff_url(version.vendor, previous, version) if previous else version.get_absolute_url()

    def item_guid(self, item):
        return f"policylens-version-{item[0].pk}"

    item_guid_is_permalink = False

    def item_pubdate(self, item):
        return item[0].uploaded_at

    def item_updateddate(self, item):
        return item[0].uploaded_at
