"""Settings for the comparison benchmarks: the real settings on a separate database.

DATABASE_URL names the database (default: SQLite at var/bench/bench.sqlite3). Adds one bench-only
page (bench/urls.py): a minimal template page that runs one query, the throughput baseline.
"""

import os
from pathlib import Path

_BENCH_DIR = Path(__file__).resolve().parents[1] / "var" / "bench"
os.environ.setdefault("POLICYLENS_VAR_DIR", str(_BENCH_DIR))
os.environ.setdefault("DATABASE_URL", f"sqlite:///{_BENCH_DIR / 'bench.sqlite3'}")
_BENCH_DIR.mkdir(parents=True, exist_ok=True)

from config.settings.base import *  # noqa: E402,F403
from config.settings.base import BASE_DIR, DATABASES  # noqa: E402,F401

SECRET_KEY = "bench-only-not-secret"  # noqa: S105
DEBUG = False
ALLOWED_HOSTS = ["*"]
ROOT_URLCONF = "bench.urls"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}  # noqa: F405
TEMPLATES[0]["DIRS"] = [BASE_DIR / "templates", BASE_DIR / "bench" / "templates"]  # noqa: F405
LOGGING = {"version": 1, "disable_existing_loggers": False, "root": {"level": "WARNING"}}
