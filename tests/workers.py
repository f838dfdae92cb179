"""A real Celery worker process for integration and browser tests.

The worker runs this project's settings against the test database and the test broker
(PostgreSQL and Redis in CI; SQLite and kombu's filesystem transport on a laptop).
"""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from django.conf import settings
from django.db import connection

from config.celery_app import app

QUEUES = "analysis,fetching,default"


def purge_queues() -> None:
    with app.connection_for_write() as conn:
        channel = conn.default_channel
        for queue in QUEUES.split(","):
            try:
                channel.queue_purge(queue)
            except Exception:  # noqa: S112 — a queue that does not exist yet has nothing to purge
                continue


class WorkerProcess:
    def __init__(self, log_path: Path, concurrency: int = 1, extra_env: dict[str, str] | None = None):
        self.log_path = log_path
        self.concurrency = concurrency
        self.extra_env = extra_env or {}
        self.process: subprocess.Popen | None = None

    def environment(self) -> dict[str, str]:
        env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.test"}
        env["POLICYLENS_TEST_DATABASE_NAME"] = str(connection.settings_dict["NAME"])
        env["DJANGO_MEDIA_ROOT"] = str(settings.MEDIA_ROOT)
        return {**env, **self.extra_env}

    def start(self, timeout: float = 60) -> WorkerProcess:
        self.log_path.parent.mkdir(parents=True, exist_ok=True)
        log = open(self.log_path, "ab")  # noqa: SIM115 — the worker writes to it until stopped
        self.process = subprocess.Popen(
            [
                sys.executable, "-m", "celery", "-A", "config.celery_app", "worker",
                "--queues", QUEUES, "--concurrency", str(self.concurrency), "--pool", "prefork",
                "--loglevel", "INFO", "--without-gossip", "--without-mingle", "--without-heartbeat",
                "--hostname", f"test-{os.getpid()}-{time.monotonic_ns()}@%h",
            ],
            cwd=settings.BASE_DIR,
            env=self.environment(),
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"worker exited early:\n{self.log_path.read_text()[-4000:]}")
            if b" ready." in self.log_path.read_bytes():
                return self
            time.sleep(0.2)
        raise RuntimeError(f"worker not ready in {timeout}s:\n{self.log_path.read_text()[-4000:]}")

    def pool_children(self) -> list[int]:
        assert self.process is not None
        children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children")
        return [int(pid) for pid in children.read_text().split()]

    def kill(self) -> None:
        """SIGKILL the whole worker (main process and pool), as an OOM killer or a pulled plug would."""
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=10)

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.kill()


def wait_for(predicate, timeout: float = 90, interval: float = 0.25, what: str = "condition"):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(interval)
    raise AssertionError(f"timed out after {timeout}s waiting for {what}")
