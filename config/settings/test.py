"""Tests run on whatever DATABASE_URL / CELERY_BROKER_URL name (PostgreSQL and Redis in CI).

The local settings (static files from source, a var/ folder) with test overrides.
"""
import os

os.environ.setdefault("POLICYLENS_VAR_DIR", os.path.join(os.path.dirname(__file__), "..", "..", "var", "test"))
# One id per test session, inherited by the worker processes the tests start, so two test
# sessions on one machine never share a SQLite file or a filesystem-broker folder.
TEST_SESSION = os.environ.setdefault("POLICYLENS_TEST_SESSION", str(os.getpid()))
os.environ.setdefault(
    "POLICYLENS_BROKER_DIR", os.path.join(os.environ["POLICYLENS_VAR_DIR"], f"broker-{TEST_SESSION}")
)

from config.settings.local import *  # noqa: E402,F403
from config.settings.local import DATABASES, VAR_DIR  # noqa: E402

SECRET_KEY = "test-only-key"  # noqa: S105
DEBUG = False
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # fast; tests only
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # A file, not :memory:, so a real worker process sees the same test database.
    DATABASES["default"]["TEST"] = {"NAME": str(VAR_DIR / f"test-db-{TEST_SESSION}.sqlite3")}

# A worker process started by the tests is pointed at the test database by name.
if os.environ.get("POLICYLENS_TEST_DATABASE_NAME"):
    DATABASES["default"]["NAME"] = os.environ["POLICYLENS_TEST_DATABASE_NAME"]

# Only for worker processes that a test starts: which loopback host the fetcher may reach, and
# where emails go so the test can read them. Unset (the default), fetching stays fully guarded.
if os.environ.get("POLICYLENS_TEST_FETCH_ALLOWED_HOSTS"):
    POLICYLENS_FETCH_ALLOWED_TEST_HOSTS = os.environ["POLICYLENS_TEST_FETCH_ALLOWED_HOSTS"].split(",")
if os.environ.get("POLICYLENS_TEST_EMAIL_DIR"):
    EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
    EMAIL_FILE_PATH = os.environ["POLICYLENS_TEST_EMAIL_DIR"]
