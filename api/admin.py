from django.contrib import admin, messages

from api.models import ApiToken


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    """Tokens are listed and revoked here; they are issued with ``manage.py create_api_token``."""

    list_display = ("prefix", "user", "name", "created_at", "last_used_at", "revoked_at")
    list_filter = (("revoked_at", admin.EmptyFieldListFilter),)
    search_fields = ("user__username", "name", "prefix")
    fields = ("user", "name", "prefix", "created_at", "last_used_at", "revoked_at")
    readonly_fields = ("user", "prefix", "created_at", "last_used_at", "revoked_at")  # revoke with the action
    actions = ["revoke"]

    def has_add_permission(self, request):
        # Issuing here would put the raw token in a message (a cookie or the session): use the command.
        return False

    @admin.action(description="Revoke selected tokens")
    def revoke(self, request, queryset):
        count = queryset.revoke()
        self.message_user(request, f"{count} token(s) revoked.", messages.SUCCESS)
