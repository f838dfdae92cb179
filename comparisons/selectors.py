"""Reads for the pages that show analysis results side by side. No writes here.

Which analysis a vendor is judged on: the newest *successful* run of its current policy
version ("its run"). The newest run of any state is read too, so a page can say that an
analysis failed or is still running instead of showing zeros.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.core.paginator import Page, Paginator
from django.db import connections, router
from django.db.models import (
    Case,
    CharField,
    F,
    IntegerField,
    OuterRef,
    Q,
    Subquery,
    Value,
    When,
)
from django.db.models.fields.json import KT
from django.db.models.functions import Cast, Lower

from policies.models import AnalysisRun, Finding, PolicyVersion, Score, Vendor
from policies.selectors import findings_by_topic

DIRECTORY_PAGE_SIZE = 25
ONE_YEAR, SIX_YEARS = 365, 6 * 365
SUCCEEDED = AnalysisRun.Status.SUCCEEDED


# --------------------------------------------------------------------------- directory


def _current_runs(status: str | None = None):
    runs = AnalysisRun.objects.filter(version__vendor=OuterRef("pk"), version__is_current=True)
    if status:
        runs = runs.filter(status=status)
    return runs.order_by("-created_at", "-id")


def _of_run(expression, output_field=None):
    """A value read from each vendor's run (the newest successful run of its current version)."""
    qs = _current_runs(SUCCEEDED).annotate(_v=expression).values("_v")[:1]
    return Subquery(qs, output_field=output_field) if output_field else Subquery(qs)


def _directory_queryset():
    overall = Score.objects.filter(run_id=OuterRef("run_id"), dimension="overall")
    current = PolicyVersion.objects.filter(vendor=OuterRef("pk"), is_current=True)
    return Vendor.objects.annotate(
        run_id=Subquery(_current_runs(SUCCEEDED).values("pk")[:1]),
        latest_status=Subquery(_current_runs().values("status")[:1]),
        latest_progress=Subquery(_current_runs().values("progress")[:1]),
        current_version_id=Subquery(current.values("pk")[:1]),
        stated_last_updated=Subquery(current.values("stated_last_updated")[:1]),
        overall_points=Subquery(overall.values("points")[:1]),
        grade=Subquery(overall.values("grade")[:1]),
        review_state=_of_run(F("review_state"), CharField()),
        stance=_of_run(KT("summary__children__stance"), CharField()),
        transfers=_of_run(KT("summary__international_transfers"), CharField()),
        safeguards=_of_run(KT("summary__transfer_safeguards"), CharField()),
        max_days=_of_run(Cast(KT("summary__retention__max_days"), IntegerField()), IntegerField()),
        indefinite=_of_run(Cast(KT("summary__retention__indefinite"), CharField()), CharField()),
        sells=_of_run(KT("summary__third_parties__sells_data"), CharField()),
    )


_TRUE = ("true", "1", "True")  # a JSON true read as text: PostgreSQL says "true", SQLite 1
_NO_SAFEGUARDS = Q(safeguards__isnull=True) | Q(safeguards__in=("", "[]", "null"))


def _not_in(name: str, values) -> Q:
    """NULL-safe "not one of": a missing summary key reads as NULL, which NOT IN would drop."""
    return Q(**{f"{name}__isnull": True}) | ~Q(**{f"{name}__in": values})


def _filter(qs, c: dict):
    if c["q"]:
        qs = qs.filter(name__icontains=c["q"])
    if c["grade"] == "none":
        qs = qs.filter(Q(grade__isnull=True) | Q(grade=""))
    elif c["grade"]:
        qs = qs.filter(grade=c["grade"])
    if c["children"] == "not_stated":
        qs = qs.filter(
            _not_in("stance", ("directed", "directed_with_consent", "not_directed")), run_id__isnull=False
        )
    elif c["children"]:
        qs = qs.filter(stance=c["children"])
    if c["transfers"] == "outside":
        qs = qs.filter(transfers__in=("yes", "with_safeguards"))
    elif c["transfers"] == "unsafeguarded":
        qs = qs.filter(Q(transfers="yes") & _NO_SAFEGUARDS)
    elif c["transfers"] == "none":
        qs = qs.filter(transfers="none")
    elif c["transfers"] == "not_stated":
        qs = qs.filter(_not_in("transfers", ("yes", "with_safeguards", "none")), run_id__isnull=False)
    indefinite = Q(indefinite__in=_TRUE)
    finite = _not_in("indefinite", _TRUE)
    if c["retention"] == "indefinite":
        qs = qs.filter(indefinite)
    elif c["retention"] == "le_1y":
        qs = qs.filter(finite, max_days__lte=ONE_YEAR)
    elif c["retention"] == "le_6y":
        qs = qs.filter(finite, max_days__lte=SIX_YEARS)
    elif c["retention"] == "gt_6y":
        qs = qs.filter(finite, max_days__gt=SIX_YEARS)
    elif c["retention"] == "not_stated":
        qs = qs.filter(finite, run_id__isnull=False, max_days__isnull=True)
    if c["sells"] in ("yes", "no"):
        qs = qs.filter(sells=c["sells"])
    elif c["sells"] == "not_stated":
        qs = qs.filter(_not_in("sells", ("yes", "no")), run_id__isnull=False)
    return qs


def _order(qs, sort: str):
    name = Lower("name")
    # Indefinite retention sorts as the longest; nothing stated sorts last either way.
    retention = Case(
        When(indefinite__in=_TRUE, then=Value(10**6)), default=F("max_days"), output_field=IntegerField()
    )
    orders = {
        "name": [name.asc()],
        "-name": [name.desc()],
        "-score": [F("overall_points").desc(nulls_last=True), name.asc()],
        "score": [F("overall_points").asc(nulls_last=True), name.asc()],
        "-updated": [F("stated_last_updated").desc(nulls_last=True), name.asc()],
        "retention": [retention.asc(nulls_last=True), name.asc()],
        "-retention": [retention.desc(nulls_last=True), name.asc()],
    }
    return qs.order_by(*orders.get(sort, orders["name"]), "pk")


def vendor_directory(criteria: dict, page_number) -> Page:
    """One page of vendors matching ``criteria`` (see DirectoryForm.criteria). Two queries."""
    qs = _order(_filter(_directory_queryset(), criteria), criteria["sort"])
    page = Paginator(qs, DIRECTORY_PAGE_SIZE).get_page(page_number)
    page.object_list = list(page.object_list)
    for vendor in page.object_list:
        vendor.is_indefinite = str(vendor.indefinite) in _TRUE
    return page


def vendors_matching(q: str, exclude: list[str], limit: int = 8) -> list[Vendor]:
    """Vendors whose name contains ``q``: the comparison page's "add a vendor" search."""
    if not q:
        return []
    return list(
        Vendor.objects.filter(name__icontains=q).exclude(slug__in=exclude).only("pk", "name", "slug")[:limit]
    )


# --------------------------------------------------------------------------- vendor page


def vendor_page(slug: str) -> dict:
    vendor = Vendor.objects.get(slug=slug)
    versions = list(
        vendor.versions.defer("extracted_text").select_related("uploaded_by").order_by("-uploaded_at", "-id")
    )
    current = next((v for v in versions if v.is_current), versions[0] if versions else None)
    run = current.runs.order_by("-created_at", "-id").first() if current else None
    scores, findings = [], []
    if run and run.status == AnalysisRun.Status.SUCCEEDED:
        scores = list(run.scores.order_by("position"))
        findings = list(Finding.objects.filter(run=run).order_by("position"))
    by_position = {f.position: f for f in findings}
    dimension_scores = [s for s in scores if s.dimension != "overall"]
    for s in dimension_scores:
        s.evidence_findings = [by_position[i] for i in _evidence_positions(s.details) if i in by_position]
    overall = next((s for s in scores if s.dimension == "overall"), None)
    if overall:
        overall.blocker_list = [
            {**b, "findings": [by_position[i] for i in b.get("evidence", []) if i in by_position]}
            for b in (overall.details or {}).get("blockers", [])
        ]
    return {
        "vendor": vendor,
        "versions": versions,
        "current": current,
        "run": run,
        "scores": scores,
        "overall": overall,
        "dimension_scores": dimension_scores,
        "topics": findings_by_topic(findings),
        "findings_by_position": by_position,
    }


def _evidence_positions(details: dict) -> list[int]:
    answers = (details or {}).get("answers") or []
    return sorted(
        {i for a in answers if isinstance(a, dict) for i in a.get("evidence") or [] if isinstance(i, int)}
    )


# --------------------------------------------------------------------------- comparison


@dataclass
class Column:
    slug: str
    vendor: Vendor
    version: PolicyVersion | None = None
    run: AnalysisRun | None = None  # the run it is judged on (newest successful)
    latest: AnalysisRun | None = None  # the newest run of any state
    scores: dict[str, Score] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)

    @property
    def state(self) -> str:
        """ok | no_policy | not_analysed | queued | running | failed."""
        if self.run is not None:
            return "ok"
        if self.version is None:
            return "no_policy"
        if self.latest is None:
            return "not_analysed"
        return self.latest.status

    @property
    def reanalysing(self) -> bool:
        return self.run is not None and self.latest is not None and self.latest.pk != self.run.pk

    @property
    def cache_part(self) -> str:
        # review_revision is bumped by every review decision that changes the run's findings or
        # scores; review_state says whether the grade is shown as reviewed or provisional.
        run = (
            f"{self.run.pk}@{self.run.rubric_version}#{self.run.review_revision}:{self.run.review_state}"
            if self.run
            else "-"
        )
        latest = f"{self.latest.pk}:{self.latest.status}:{self.latest.progress}" if self.latest else "-"
        version = self.version.pk if self.version else "-"
        return f"{self.vendor.pk}:{self.vendor.slug}:{self.vendor.name}|{version}|{run}|{latest}"


@dataclass
class Comparison:
    columns: list[Column]
    missing: list[str]  # slugs asked for that name no vendor


def comparison(slugs: list[str]) -> Comparison:
    """The columns for ``slugs`` (in that order) with their versions and runs: usually one query.

    Scores, findings and summaries are loaded separately by :func:`load_results`, so a cached
    rendering of the table can be used without them.
    """
    if not slugs:
        return Comparison(columns=[], missing=[])
    # One query finds the runs of every vendor's current version, with the version and vendor.
    # Summaries are big JSON and only needed to render the table, which is usually cached.
    runs = _current_runs_of(slugs)
    versions = {run.version.vendor.slug: run.version for run in runs}
    vendors = {slug: version.vendor for slug, version in versions.items()}
    if len(vendors) < len(slugs):
        # Rarer: a current version not analysed yet, a vendor with no policy, or an unknown slug.
        rest = [s for s in slugs if s not in vendors]
        for version in PolicyVersion.objects.filter(vendor__slug__in=rest, is_current=True).select_related(
            "vendor"
        ).only(*VERSION_FIELDS):
            versions[version.vendor.slug] = version
            vendors[version.vendor.slug] = version.vendor
        rest = [s for s in rest if s not in vendors]
        if rest:
            vendors.update({v.slug: v for v in Vendor.objects.filter(slug__in=rest)})
    columns = [Column(slug=s, vendor=vendors[s], version=versions.get(s)) for s in slugs if s in vendors]
    latest: dict[int, AnalysisRun] = {}
    good: dict[int, AnalysisRun] = {}
    for run in runs:
        latest.setdefault(run.version_id, run)
        if run.status == SUCCEEDED:
            good.setdefault(run.version_id, run)
    for c in columns:
        if c.version:
            c.latest = latest.get(c.version.pk)
            c.run = good.get(c.version.pk)
    return Comparison(columns=columns, missing=[s for s in slugs if s not in vendors])


# The runs query is compiled once per number of slugs (1 to MAX_COMPARED) and database, and run
# again with other slugs: on a cached comparison, compiling it cost several times what running it
# does (~1 ms against ~0.2 ms on SQLite). Converters (e.g. SQLite datetimes) are applied as
# Django's values_list() applies them.
_RUNS_QUERIES: dict[tuple[str, int], tuple | None] = {}
_VERSION_COLUMNS = ("id", "vendor_id", "stated_last_updated", "uploaded_at")
_VENDOR_COLUMNS = ("id", "name", "slug")


def _runs_queryset(db: str, slugs):
    return (
        AnalysisRun.objects.using(db)
        .filter(version__vendor__slug__in=slugs, version__is_current=True)
        .order_by("version_id", "-created_at", "-id")
        .values_list(
            *RUN_FIELDS,
            *(f"version__{f}" for f in _VERSION_COLUMNS),
            "version__vendor__name",
            "version__vendor__slug",
        )
    )


def _prepare_runs_query(db: str, n: int) -> tuple | None:
    marks = [f"\x00slug-{i}" for i in range(n)]  # placeholders, never sent to the database
    query = _runs_queryset(db, marks).query
    compiler = query.get_compiler(using=db)
    sql, params = compiler.as_sql()
    params = list(params)
    if sorted(p for p in params if p in marks) != sorted(marks):
        return None  # the backend does not send one parameter per slug: compile every time
    return sql, params, [params.index(m) for m in marks], query, [e for e, _, _ in compiler.select]


def _current_run_rows(slugs: list[str]) -> tuple[str, list]:
    db = router.db_for_read(AnalysisRun)
    key = (db, len(slugs))
    if key not in _RUNS_QUERIES:
        _RUNS_QUERIES[key] = _prepare_runs_query(db, len(slugs))
    prepared = _RUNS_QUERIES[key]
    if prepared is None:
        return db, list(_runs_queryset(db, slugs))
    sql, params, positions, query, select = prepared
    params = list(params)
    for position, slug in zip(positions, slugs, strict=True):
        params[position] = slug
    with connections[db].cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    compiler = query.get_compiler(using=db)  # this thread's connection; not compiled again
    converters = compiler.get_converters(select)
    return db, list(compiler.apply_converters(rows, converters)) if converters else rows


def _current_runs_of(slugs: list[str]) -> list[AnalysisRun]:
    """Every run of the current versions of ``slugs``' vendors, each with its version and vendor
    (only the fields the page needs), newest first within a version: one query."""
    db, rows = _current_run_rows(slugs)
    n = len(RUN_FIELDS)
    versions: dict[int, PolicyVersion] = {}
    runs = []
    for row in rows:
        version = versions.get(row[n])
        if version is None:
            version = PolicyVersion.from_db(db, _VERSION_COLUMNS, row[n : n + 4])
            version.vendor = Vendor.from_db(db, _VENDOR_COLUMNS, (row[n + 1], row[n + 4], row[n + 5]))
            versions[version.pk] = version
        run = AnalysisRun.from_db(db, RUN_FIELDS, row[:n])
        run.version = version
        runs.append(run)
    return runs


RUN_FIELDS = (
    "id",
    "version_id",
    "status",
    "progress",
    "rubric_version",
    "created_at",
    "review_state",
    "review_revision",
)
VERSION_FIELDS = ("id", "vendor_id", "stated_last_updated", "uploaded_at", "vendor__name", "vendor__slug")


def load_results(comp: Comparison) -> None:
    """Summaries, scores and findings of the columns' runs: three queries for any number of columns."""
    runs = {c.run.pk: c for c in comp.columns if c.run}
    if not runs:
        return
    for run_id, summary in AnalysisRun.objects.filter(pk__in=runs).values_list("pk", "summary"):
        runs[run_id].run.summary = summary
    for s in Score.objects.filter(run_id__in=runs).order_by("run_id", "position"):
        runs[s.run_id].scores[s.dimension] = s
    for f in Finding.objects.filter(run_id__in=runs).defer("rule").order_by("run_id", "position"):
        runs[f.run_id].findings.append(f)
