"""Reads for the API. A vendor is judged on the newest successful run of its current version
(as on the vendor pages, see comparisons.selectors); a version on its own newest successful run."""
from __future__ import annotations

from django.db.models import OuterRef, Subquery
from django.db.models.functions import Lower

from policies.models import AnalysisRun, Finding, PolicyVersion, Score, Vendor

SUCCEEDED = AnalysisRun.Status.SUCCEEDED
NEWEST = ("-created_at", "-id")


def _newest_run(status: str | None = None, **filters):
    runs = AnalysisRun.objects.filter(**filters)
    if status:
        runs = runs.filter(status=status)
    return runs.order_by(*NEWEST)


def vendors(q: str = ""):
    """Vendors by name, each with its current version, judged run, latest run status and overall grade."""
    current = dict(version__vendor=OuterRef("pk"), version__is_current=True)
    overall = Score.objects.filter(run_id=OuterRef("judged_run_id"), dimension="overall")
    qs = Vendor.objects.annotate(
        current_version_id=Subquery(
            PolicyVersion.objects.filter(vendor=OuterRef("pk"), is_current=True).values("pk")[:1]
        ),
        judged_run_id=Subquery(_newest_run(SUCCEEDED, **current).values("pk")[:1]),
        latest_run_status=Subquery(_newest_run(**current).values("status")[:1]),
        overall_points=Subquery(overall.values("points")[:1]),
        grade=Subquery(overall.values("grade")[:1]),
    )
    if q:
        qs = qs.filter(name__icontains=q)
    return qs.order_by(Lower("name"), "pk")


def vendor(slug: str) -> Vendor | None:
    return vendors().filter(slug=slug).first()


def versions(**filters):
    """Versions, newest upload first, each with its latest run status and the run it is judged on."""
    return (
        PolicyVersion.objects.filter(**filters)
        .select_related("vendor")
        .defer("extracted_text", "vendor__website", "vendor__created_at")
        .annotate(
            latest_run_status=Subquery(_newest_run(version=OuterRef("pk")).values("status")[:1]),
            judged_run_id=Subquery(_newest_run(SUCCEEDED, version=OuterRef("pk")).values("pk")[:1]),
        )
        .order_by("-uploaded_at", "-id")
    )


def runs_of(version_id: int) -> tuple[AnalysisRun | None, AnalysisRun | None]:
    """The newest run of any state and the newest successful run (often the same): one query."""
    newest = _newest_run(version_id=version_id).first()
    if newest is None or newest.status == SUCCEEDED:
        return newest, newest
    return newest, _newest_run(SUCCEEDED, version_id=version_id).first()


def findings(run_id: int | None, topic: str = ""):
    if run_id is None:
        return Finding.objects.none()
    qs = Finding.objects.filter(run_id=run_id)
    if topic:
        qs = qs.filter(topic=topic)
    return qs.order_by("position", "pk")


def scores(run_id: int | None) -> list[Score]:
    if run_id is None:
        return []
    return list(Score.objects.filter(run_id=run_id).order_by("position", "pk"))
