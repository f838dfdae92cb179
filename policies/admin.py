from django.contrib import admin

from policies.models import AnalysisRun, Finding, PolicyURL, PolicyVersion, Score, Vendor, VersionEvent, Watch


@admin.register(Vendor)
class VendorAdmin(admin.ModelAdmin):
    list_display = ("name", "slug", "created_at")
    search_fields = ("name",)
    prepopulated_fields = {"slug": ("name",)}


@admin.register(PolicyVersion)
class PolicyVersionAdmin(admin.ModelAdmin):
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
class AnalysisRunAdmin(admin.ModelAdmin):
    list_display = ("id", "version", "status", "progress", "attempts", "analyser_version", "created_at", "finished_at")
    list_filter = ("status", "analyser_version")
    readonly_fields = ("summary", "failure_reason", "started_at", "finished_at", "enqueued_at")
    raw_id_fields = ("version", "created_by")
    inlines = [FindingInline]


@admin.register(Score)
class ScoreAdmin(admin.ModelAdmin):
    list_display = ("run", "dimension", "points", "grade", "rubric_version")
    list_filter = ("dimension", "rubric_version")


@admin.register(PolicyURL)
class PolicyURLAdmin(admin.ModelAdmin):
    list_display = ("vendor", "url", "is_active", "last_status", "last_checked_at", "next_check_at")
    list_filter = ("is_active", "last_status")
    search_fields = ("vendor__name", "url")
    raw_id_fields = ("vendor", "last_version", "created_by")


@admin.register(VersionEvent)
class VersionEventAdmin(admin.ModelAdmin):
    """Read-only: the history of current-version changes is a record, not something to edit."""

    list_display = ("version", "kind", "actor", "created_at")
    list_filter = ("kind",)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Watch)
class WatchAdmin(admin.ModelAdmin):
    list_display = ("user", "vendor", "created_at")
    raw_id_fields = ("user", "vendor")
