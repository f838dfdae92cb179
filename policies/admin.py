from django.contrib import admin

from policies.models import AnalysisRun, Finding, PolicyVersion, Score, Vendor


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
