from django.urls import path

from policies import views

app_name = "policies"
urlpatterns = [
    path("upload/", views.upload, name="upload"),
    path("versions/<int:pk>/", views.version_detail, name="version-detail"),
    path("runs/<int:pk>/retry/", views.retry_run, name="run-retry"),
]
