"""The app's URLs plus the throughput baseline page (bench only; never in config.urls)."""

from django.shortcuts import render
from django.urls import include, path

from policies.models import Vendor


def minimal(request):
    """The smallest real page on the same stack: login, session, one query, one template."""
    return render(request, "bench_minimal.html", {"count": Vendor.objects.count()})


urlpatterns = [
    path("bench/minimal/", minimal, name="bench-minimal"),
    path("", include("config.urls")),
]
