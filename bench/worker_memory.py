"""Peak memory of a real Celery worker analysing large policies (issue 3: the worker peaks at <= 600 MB).

    .venv/bin/python bench/worker_memory.py

Starts the worker as `make run` does (prefork, the filesystem broker, SQLite in a temporary folder), uploads a
generated 200 KB policy as text and as DOCX through the same service the upload page uses, waits for both
analyses, and prints each worker process's peak resident memory (VmHWM): the main process and its pool child.
PDF and DOCX parsing runs in a short-lived child of the pool process under its own memory limit; its peak is
printed too when /proc still shows it (it is usually gone by then).
"""
from __future__ import annotations

import io
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.analysis_speed import generated  # noqa: E402

TARGET_MB = 600


def peak_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0


def children(pid: int) -> list[int]:
    path = Path(f"/proc/{pid}/task/{pid}/children")
    return [int(p) for p in path.read_text().split()] if path.exists() else []


def as_docx(text: str) -> bytes:
    from docx import Document

    document = Document()
    for paragraph in text.split("\n"):
        if paragraph.strip():
            document.add_paragraph(paragraph.strip())
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def main() -> int:
    var = Path(tempfile.mkdtemp(prefix="policylens-worker-bench-"))
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.local",
        "POLICYLENS_VAR_DIR": str(var),
        "DATABASE_URL": f"sqlite:///{var / 'db.sqlite3'}",
    }
    os.environ.update(env)
    subprocess.run([sys.executable, "manage.py", "migrate", "-v", "0"], cwd=ROOT, env=env, check=True)
    log = open(var / "worker.log", "wb")  # noqa: SIM115 — the worker writes to it until stopped
    worker = subprocess.Popen(
        [sys.executable, "-m", "celery", "-A", "config.celery_app", "worker", "--queues", "analysis,default",
         "--concurrency", "1", "--pool", "prefork", "--loglevel", "INFO", "--without-gossip", "--without-mingle",
         "--without-heartbeat"],
        cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
    )
    try:
        import django

        django.setup()
        from django.db import transaction

        from policies import services
        from policies.models import AnalysisRun, PolicyVersion

        deadline = time.monotonic() + 60
        while b" ready." not in (var / "worker.log").read_bytes():
            if time.monotonic() > deadline or worker.poll() is not None:
                print((var / "worker.log").read_text()[-3000:])
                return 1
            time.sleep(0.2)
        text = generated(200_000)
        vendor = services.get_or_create_vendor("Worker Memory Bench")
        runs = []
        for data, name in ((text.encode(), "policy-200kb.txt"), (as_docx(text), "policy-200kb.docx")):
            with transaction.atomic():
                outcome = services.add_policy_document(
                    vendor=vendor, data=data, filename=name, source=PolicyVersion.Source.FILE
                )
            runs.append(outcome.run.pk)
        started, pool_peak, deadline = time.monotonic(), 0.0, time.monotonic() + 300
        while AnalysisRun.objects.filter(pk__in=runs, status__in=AnalysisRun.FINISHED).count() < len(runs):
            if time.monotonic() > deadline:
                print("the analyses did not finish in 300 s")
                return 1
            for pid in children(worker.pid):
                pool_peak = max(pool_peak, peak_mb(pid), *(peak_mb(c) for c in children(pid)))
            time.sleep(0.2)
        elapsed = time.monotonic() - started
        statuses = list(AnalysisRun.objects.filter(pk__in=runs).values_list("status", flat=True))
        main_peak = peak_mb(worker.pid)
        pool_peak = max([pool_peak, *(peak_mb(pid) for pid in children(worker.pid))])
        print(f"two 200 KB policies (text and DOCX) analysed by a real worker in {elapsed:.1f} s: {statuses}")
        print(f"  worker main process peak   {main_peak:7.1f} MB")
        print(f"  pool process peak          {pool_peak:7.1f} MB   target <= {TARGET_MB} MB")
        return 0 if max(main_peak, pool_peak) <= TARGET_MB and set(statuses) == {"succeeded"} else 1
    finally:
        os.killpg(worker.pid, 15)
        worker.wait(timeout=20)


if __name__ == "__main__":
    sys.exit(main())
