from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin

from policies import audit
from policies.models import (
    AnalysisRun,
    AuditEvent,
    Finding,
    FindingReview,
    PolicyURL,
    PolicyVersion,
    Score,
    Vendor,
    VersionEvent,
    Watch,
)


def _vendor_of(obj) -> Vendor | None:
    for path in ("", "vendor", "version.vendor", "run.version.vendor"):
        target = obj
        try:
            for part in filter(None, path.split(".")):
                target = getattr(target, part)
        except AttributeError:
            continue
        if isinstance(target, Vendor):
            return target
    return None


class ReadOnlyAdmin(admin.ModelAdmin):
    """For records: readable by staff, never added, changed or deleted through the app."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class AuditedDeletionAdmin(admin.ModelAdmin):
    """The admin is the only place things are deleted; each deletion goes into the audit trail first."""

    def _record_deletion(self, request, obj) -> None:
        audit.record(
            actor=request.user,
            action=AuditEvent.Action.DELETE,
            vendor=_vendor_of(obj),
            obj=obj,
            summary=f"Deleted {obj._meta.verbose_name} “{obj}”",
            before={"object": str(obj)},
            after=None,
        )

    def delete_model(self, request, obj):
        self._record_deletion(request, obj)
        super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        for obj in queryset:
            self._record_deletion(request, obj)
        super().delete_queryset(request, queryset)


@admin.register(Vendor)
class VendorAdmin(AuditedDeletionAdmin):
    list_display = ("name", "slug", "created_at")
    search_fields = ("name",)
    prepopulated_fields = {"slug": ("name",)}


@admin.register(PolicyVersion)
class PolicyVersionAdmin(AuditedDeletionAdmin):
    list_display = ("vendor", "original_filename", "document_format", "source", "is_current", "uploaded_at")
    list_filter = ("document_format", "source", "is_current")
    search_fields = ("vendor__name", "original_filename", "content_sha256")
    readonly_fields = ("content_sha256", "size_bytes", "extracted_text", "uploaded_at")
    raw_id_fields = ("vendor", "uploaded_by")


class FindingInline(admin.TabularInline):
    model = Finding
    extra = 0
    fields = ("position", "topic", "kind", "quote", "rule", "confidence")
    readonly_fields = fields
    can_delete = False


@admin.register(AnalysisRun)
class AnalysisRunAdmin(AuditedDeletionAdmin):
    list_display = ("id", "version", "status", "progress", "attempts", "analyser_version", "created_at", "finished_at")
    list_filter = ("status", "analyser_version")
    readonly_fields = ("summary", "failure_reason", "started_at", "finished_at", "enqueued_at")
    raw_id_fields = ("version", "created_by")
    inlines = [FindingInline]


@admin.register(Score)
class ScoreAdmin(AuditedDeletionAdmin):
    list_display = ("run", "dimension", "points", "grade", "rubric_version")
    list_filter = ("dimension", "rubric_version")


@admin.register(PolicyURL)
class PolicyURLAdmin(AuditedDeletionAdmin):
    list_display = ("vendor", "url", "is_active", "last_status", "last_checked_at", "next_check_at")
    list_filter = ("is_active", "last_status")
    search_fields = ("vendor__name", "url")
    raw_id_fields = ("vendor", "last_version", "created_by")


@admin.register(VersionEvent)
class VersionEventAdmin(ReadOnlyAdmin):
    """Read-only: the history of current-version changes is a record, not something to edit."""

    list_display = ("version", "kind", "actor", "created_at")
    list_filter = ("kind",)


@admin.register(Watch)
class WatchAdmin(admin.ModelAdmin):
    list_display = ("user", "vendor", "created_at")
    raw_id_fields = ("user", "vendor")


@admin.register(AuditEvent)
class AuditEventAdmin(ReadOnlyAdmin):
    """The audit trail can be read here, never edited or deleted."""

    list_display = ("created_at", "actor_name", "action", "vendor_name", "summary")
    list_filter = ("action",)
    search_fields = ("vendor_name", "actor_name", "summary")


@admin.register(FindingReview)
class FindingReviewAdmin(ReadOnlyAdmin):
    """Decisions are made on the version page (so they are applied and audited), not here."""

    list_display = ("version", "action", "topic", "kind", "reviewer", "decided_at", "needs_rereview")
    list_filter = ("action", "needs_rereview")


User = get_user_model()


def _roles(user) -> dict:
    return {
        "groups": sorted(user.groups.values_list("name", flat=True)),
        "staff": user.is_staff,
        "superuser": user.is_superuser,
        "active": user.is_active,
    }


admin.site.unregister(User)


@admin.register(User)
class AuditedUserAdmin(UserAdmin, AuditedDeletionAdmin):
    """Role changes (groups, staff, superuser, active) go into the audit trail with before and after."""

    def save_model(self, request, obj, form, change):
        request._roles_before = _roles(User.objects.get(pk=obj.pk)) if change and obj.pk else None
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        before, after = getattr(request, "_roles_before", None), _roles(form.instance)
        if before != after:
            audit.record(
                actor=request.user,
                action=AuditEvent.Action.ROLE_CHANGE,
                obj=form.instance,
                object_type="user",
                summary=f"Changed the roles of {form.instance.get_username()}",
                before=before,
                after=after,
            )
