from django.urls import path

from comparisons import export_views, views

app_name = "comparisons"
urlpatterns = [
    path("vendors/", views.vendor_list, name="vendor-list"),
    path("vendors/<slug:slug>/", views.vendor_detail, name="vendor-detail"),
    path("compare/", views.compare, name="compare"),
    path("compare/export.csv", export_views.compare_csv, name="compare-export-csv"),
    path("compare/export.pdf", export_views.compare_pdf, name="compare-export-pdf"),
    path("vendors/<slug:slug>/dpia/", export_views.vendor_dpia, name="vendor-dpia"),
    path("vendors/<slug:slug>/dpia.pdf", export_views.vendor_dpia_pdf, name="vendor-dpia-pdf"),
    path("methodology/", views.methodology, name="methodology"),
]
