"""Tests run on whatever DATABASE_URL / CELERY_BROKER_URL name (PostgreSQL and Redis in CI)."""
import os

os.environ.setdefault("POLICYLENS_VAR_DIR", os.path.join(os.path.dirname(__file__), "..", "..", "var", "test"))
# One id per test session, inherited by the worker processes the tests start, so two test
# sessions on one machine never share a SQLite file or a filesystem-broker folder.
TEST_SESSION = os.environ.setdefault("POLICYLENS_TEST_SESSION", str(os.getpid()))
os.environ.setdefault(
    "POLICYLENS_BROKER_DIR", os.path.join(os.environ["POLICYLENS_VAR_DIR"], f"broker-{TEST_SESSION}")
)

from config.settings.base import *  # noqa: E402,F403
from config.settings.base import DATABASES, VAR_DIR  # noqa: E402

SECRET_KEY = "test-only-key"  # noqa: S105
DEBUG = False
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # fast; tests only
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}  # noqa: F405
# WhiteNoise serves straight from static/ (no collectstatic) outside production.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
STATIC_ROOT = VAR_DIR / "staticfiles"
STATIC_ROOT.mkdir(parents=True, exist_ok=True)
VAR_DIR.mkdir(parents=True, exist_ok=True)
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # A file, not :memory:, so a real worker process sees the same test database.
    DATABASES["default"]["TEST"] = {"NAME": str(VAR_DIR / f"test-db-{TEST_SESSION}.sqlite3")}

# A worker process started by the tests is pointed at the test database by name.
if os.environ.get("POLICYLENS_TEST_DATABASE_NAME"):
    DATABASES["default"]["NAME"] = os.environ["POLICYLENS_TEST_DATABASE_NAME"]
