from django.urls import path

from comparisons import views

app_name = "comparisons"
urlpatterns = [
    path("vendors/", views.vendor_list, name="vendor-list"),
    path("vendors/<slug:slug>/", views.vendor_detail, name="vendor-detail"),
    path("compare/", views.compare, name="compare"),
    path("methodology/", views.methodology, name="methodology"),
]
