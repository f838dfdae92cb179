"""Settings shared by every environment; everything that varies comes from the environment."""
from __future__ import annotations

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from celery.schedules import crontab

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = Path(os.environ.get("POLICYLENS_VAR_DIR", BASE_DIR / "var"))


def env_bool(name: str, default: bool) -> bool:
    return os.environ.get(name, str(default)).strip().lower() in {"1", "true", "yes", "on"}


def env_int(name: str, default: int) -> int:
    return int(os.environ.get(name, default))


def env_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
DEBUG = env_bool("DJANGO_DEBUG", False)
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS", "")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_htmx",
    "template_partials",
    "csp",  # Content-Security-Policy header (issue 6)
    "axes",  # login rate limiting (issue 6)
    "config.apps.SecurityConfig",  # security event log
    "policies",
    "comparisons",
    "api",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",  # before WhiteNoise: static files and error pages get the header too
    "config.security.SecurityEventMiddleware",  # logs every 403
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "config.security.SlidingSessionMiddleware",  # idle expiry, at most one session write a minute
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "django.contrib.auth.middleware.LoginRequiredMiddleware",  # deny by default
    "axes.middleware.AxesMiddleware",  # last, as django-axes requires
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "policies.context_processors.roles",
            ],
        },
    }
]

# SQLite by default so the first README command needs no server; DATABASE_URL switches to PostgreSQL.
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{VAR_DIR / 'policylens.sqlite3'}"),
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The web server and the worker write at the same time: WAL and IMMEDIATE transactions
    # avoid "database is locked" errors; SQLite connections are not pooled.
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 30,
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# AxesStandaloneBackend first: it refuses a locked-out username/IP before the password is checked.
# AccountBackend is Django's ModelBackend that also reads the user's roles and unread alert count
# with the user, on every request (one query, not three).
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "config.auth_backends.AccountBackend",
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "comparisons:vendor-list"
LOGOUT_REDIRECT_URL = "login"

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(os.environ.get("DJANGO_STATIC_ROOT", BASE_DIR / "staticfiles"))
MEDIA_ROOT = Path(os.environ.get("DJANGO_MEDIA_ROOT", VAR_DIR / "media"))
MEDIA_URL = "media/"  # never served: uploaded originals are read by workers only
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# --- Uploads ---------------------------------------------------------------
POLICYLENS_MAX_UPLOAD_BYTES = env_int("POLICYLENS_MAX_UPLOAD_BYTES", 20 * 1024 * 1024)
# Anything larger than this is spooled to a temporary file instead of memory.
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
FILE_UPLOAD_HANDLERS = [
    "policies.upload_handlers.SizeLimitedUploadHandler",
    "django.core.files.uploadhandler.MemoryFileUploadHandler",
    "django.core.files.uploadhandler.TemporaryFileUploadHandler",
]
# Pasted policies arrive as form fields: allow a long policy, not an unbounded one.
DATA_UPLOAD_MAX_MEMORY_SIZE = env_int("POLICYLENS_MAX_PASTE_BYTES", 5 * 1024 * 1024)

# --- Celery ----------------------------------------------------------------
# The embedded default broker is kombu's filesystem transport: a real worker process, no server.
CELERY_BROKER_URL = os.environ.get("CELERY_BROKER_URL", "filesystem://")
BROKER_DIR = Path(os.environ.get("POLICYLENS_BROKER_DIR", VAR_DIR / "broker"))
# Soft and hard task limits stay below the broker's visibility timeout, so a slow task is
# never redelivered to a second worker while the first is still working on it.
CELERY_VISIBILITY_TIMEOUT = env_int("CELERY_VISIBILITY_TIMEOUT", 3600)
CELERY_TASK_SOFT_TIME_LIMIT = env_int("CELERY_TASK_SOFT_TIME_LIMIT", 300)
CELERY_TASK_TIME_LIMIT = env_int("CELERY_TASK_TIME_LIMIT", 360)
if CELERY_BROKER_URL.startswith("filesystem"):
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "data_folder_in": str(BROKER_DIR / "queue"),
        "data_folder_out": str(BROKER_DIR / "queue"),
        "control_folder": str(BROKER_DIR / "control"),
        "store_processed": False,
    }
else:
    CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": CELERY_VISIBILITY_TIMEOUT}
CELERY_RESULT_BACKEND = None  # a job's state lives in its database row
CELERY_TASK_IGNORE_RESULT = True
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_ROUTES = {
    "policies.tasks.analyse_run": {"queue": "analysis"},
    "policies.tasks.fetch_*": {"queue": "fetching"},
}
CELERY_TASK_DEFAULT_QUEUE = "default"
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# How long a run may sit queued, or running without finishing, before the sweep re-enqueues it.
POLICYLENS_STALE_QUEUED_SECONDS = env_int("POLICYLENS_STALE_QUEUED_SECONDS", 120)
POLICYLENS_STALE_RUNNING_SECONDS = env_int("POLICYLENS_STALE_RUNNING_SECONDS", CELERY_TASK_TIME_LIMIT + 60)
CELERY_BEAT_SCHEDULE = {
    "requeue-stale-runs": {
        "task": "policies.tasks.requeue_stale_runs",
        "schedule": env_int("POLICYLENS_SWEEP_SECONDS", 60),
    },
}
del crontab  # imported for settings overrides that want cron schedules

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"},
        "json": {"()": "config.security.JsonFormatter"},
    },
    "handlers": {
        "console": {"class": "logging.StreamHandler", "formatter": "plain"},
        "security": {"class": "logging.StreamHandler", "formatter": "json"},
    },
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        # One JSON line per security event (config/security.py); not repeated by the root handler.
        "policylens.security": {"handlers": ["security"], "level": "INFO", "propagate": False},
    },
}

# --- Policy tracking by URL, alerts (issue 5) --------------------------------
CELERY_BEAT_SCHEDULE["fetch-due-policy-urls"] = {
    "task": "policies.tasks.fetch_due_policy_urls",
    "schedule": env_int("POLICYLENS_FETCH_BEAT_SECONDS", 300),
}
POLICYLENS_FETCH_DEFAULT_INTERVAL_HOURS = env_int("POLICYLENS_FETCH_DEFAULT_INTERVAL_HOURS", 24)
POLICYLENS_FETCH_CONNECT_TIMEOUT = 5.0
POLICYLENS_FETCH_READ_TIMEOUT = 15.0
POLICYLENS_FETCH_TOTAL_TIMEOUT = 45.0
POLICYLENS_FETCH_MAX_RETRIES = 3  # transient failures only (timeouts, 5xx), with exponential backoff
POLICYLENS_FETCH_RETRY_BASE_SECONDS = 60
# Host names whose addresses are NOT checked for being public. Only the tests' loopback server
# belongs here; never set it in production (it is deliberately not read from the environment).
POLICYLENS_FETCH_ALLOWED_TEST_HOSTS: list[str] = []
# Absolute links in alert emails and the Atom feed.
POLICYLENS_SITE_URL = os.environ.get("POLICYLENS_SITE_URL", "http://127.0.0.1:8000").rstrip("/")
DEFAULT_FROM_EMAIL = os.environ.get("DJANGO_DEFAULT_FROM_EMAIL", "PolicyLens <alerts@policylens.invalid>")
EMAIL_BACKEND = os.environ.get("DJANGO_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")

# --- Hardening (issue 6) ---------------------------------------------------------------------
# Content-Security-Policy on every response (django-csp 4): no inline scripts, no eval, no inline
# styles (htmx's indicator <style> is switched off in base.html), no framing.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],  # Pico draws its form icons as data: SVGs
        "font-src": ["'self'"],
        "connect-src": ["'self'"],  # htmx requests
        "object-src": ["'none'"],
        "base-uri": ["'none'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    },
}
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
CSRF_FAILURE_VIEW = "config.security.csrf_failure"

# Sessions end after this much idle time; every request pushes the expiry forward.
SESSION_COOKIE_AGE = env_int("POLICYLENS_SESSION_IDLE_SECONDS", 30 * 60)
# Sliding idle expiry: config.security.SlidingSessionMiddleware refreshes the session at most this often.
POLICYLENS_SESSION_REFRESH_SECONDS = env_int("POLICYLENS_SESSION_REFRESH_SECONDS", 60)
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"

# Login rate limiting (django-axes): after AXES_FAILURE_LIMIT failures the username is locked out,
# and so is the client IP (each counted on its own), until the cool-off has passed.
AXES_FAILURE_LIMIT = env_int("POLICYLENS_LOGIN_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("POLICYLENS_LOGIN_COOLOFF_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_CLIENT_IP_CALLABLE = "config.security.client_ip"
# How many reverse proxies (each appending to X-Forwarded-For) sit in front of the app; 0 = none.
POLICYLENS_TRUSTED_PROXY_COUNT = env_int("POLICYLENS_TRUSTED_PROXY_COUNT", 0)
