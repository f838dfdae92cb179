from django.urls import path, re_path, register_converter

from api import views

app_name = "api"


class IdConverter:
    """A database id: digits only, and short enough never to overflow a 64-bit integer column."""

    regex = "[0-9]{1,18}"

    def to_python(self, value: str) -> int:
        return int(value)

    def to_url(self, value) -> str:
        return str(int(value))


register_converter(IdConverter, "api_id")

urlpatterns = [
    path("openapi.json", views.openapi, name="openapi"),
    path("vendors/", views.vendor_list, name="vendor-list"),
    path("vendors/<slug:slug>/", views.vendor_detail, name="vendor-detail"),
    path("vendors/<slug:slug>/versions/", views.vendor_versions, name="vendor-versions"),
    path("versions/<api_id:pk>/", views.version_detail, name="version-detail"),
    path("versions/<api_id:pk>/findings/", views.version_findings, name="version-findings"),
    path("versions/<api_id:pk>/scores/", views.version_scores, name="version-scores"),
    # Anything else under /api/ is a JSON 404, not the site's HTML error page.
    re_path(r"^", views.unknown, name="unknown"),  # no $: "." would not match a newline in the path
]
