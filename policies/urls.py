from django.urls import path

from policies import views

app_name = "policies"
urlpatterns = [
    path("upload/", views.upload, name="upload"),
    path("versions/<int:pk>/", views.version_detail, name="version-detail"),
    path("runs/<int:pk>/retry/", views.retry_run, name="run-retry"),
]

# --- issue 5: version history, diffs, tracking by URL, watchlists, alerts ------------------
from policies import version_views  # noqa: E402

urlpatterns += [
    path("vendors/<slug:slug>/history/", version_views.version_history, name="version-history"),
    path("vendors/<slug:slug>/diff/", version_views.version_diff, name="version-diff"),
    path("vendors/<slug:slug>/watch/", version_views.watch_vendor, name="vendor-watch"),
    path("vendors/<slug:slug>/urls/", version_views.add_policy_url, name="policy-url-add"),
    path("versions/<int:pk>/make-current/", version_views.make_current, name="version-make-current"),
    path("versions/<int:pk>/withdraw/", version_views.withdraw_version, name="version-withdraw"),
    path("versions/<int:pk>/restore/", version_views.restore_version, name="version-restore"),
    path("urls/<int:pk>/check/", version_views.check_policy_url_now, name="policy-url-check"),
    path("urls/<int:pk>/stop/", version_views.stop_tracking, name="policy-url-stop"),
    path("notifications/", version_views.notifications, name="notifications"),
    path("feed/changes.atom", version_views.ChangesFeed(), name="changes-feed"),
]

# --- issue 6: review of findings and the audit trail -----------------------------------------
from policies import review_views  # noqa: E402

urlpatterns += [
    path("versions/<int:pk>/findings/<int:finding_pk>/review/", review_views.review_finding, name="finding-review"),
    path("versions/<int:pk>/review/add/", review_views.add_finding, name="finding-add"),
    path("versions/<int:pk>/review/complete/", review_views.complete_review, name="review-complete"),
    path("vendors/<slug:slug>/audit/", review_views.vendor_audit, name="vendor-audit"),
]
