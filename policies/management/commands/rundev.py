"""Runs the web server and a real Celery worker (with beat) together; Ctrl-C stops both."""
import os
import signal
import subprocess
import sys
import time

from django.conf import settings
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Start the development web server on 127.0.0.1:8000 and a Celery worker with beat."

    def add_arguments(self, parser):
        parser.add_argument("--addr", default="127.0.0.1:8000")
        parser.add_argument("--concurrency", type=int, default=2)

    def handle(self, *args, addr, concurrency, **options):
        settings_module = os.environ.get("DJANGO_SETTINGS_MODULE", "config.settings.local")
        env = {**os.environ, "DJANGO_SETTINGS_MODULE": settings_module}
        python = sys.executable
        worker = [
            python, "-m", "celery", "-A", "config.celery_app", "worker", "--beat",
            "--schedule", str(settings.VAR_DIR / "celerybeat-schedule"),
            "--queues", "analysis,fetching,default", "--concurrency", str(concurrency), "--loglevel", "INFO",
        ]
        web = [python, "manage.py", "runserver", addr, "--noreload"]
        # Each child gets its own process group so Ctrl-C here stops the whole tree once, cleanly.
        children = [subprocess.Popen(cmd, env=env, start_new_session=True) for cmd in (worker, web)]  # noqa: S603
        self.stdout.write(self.style.SUCCESS(f"PolicyLens is running at http://{addr}/ — press Ctrl-C to stop."))
        stopping = []
        # Explicit handlers: a shell may start us with SIGINT ignored, and `kill` sends SIGTERM.
        for signum in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
            signal.signal(signum, lambda *_: stopping.append(True))
        try:
            while not stopping and all(child.poll() is None for child in children):
                time.sleep(0.3)
        finally:
            for child in children:
                if child.poll() is None:
                    child.terminate()  # the Celery main process then stops its own pool (warm shutdown)
            deadline = time.monotonic() + 15
            for child in children:
                try:
                    child.wait(timeout=max(0.1, deadline - time.monotonic()))
                except subprocess.TimeoutExpired:
                    os.killpg(child.pid, signal.SIGKILL)
        self.stdout.write("Stopped.")
