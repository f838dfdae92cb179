"""WSGI entry point for gunicorn in the throughput benchmark."""

import os

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")

from django.core.wsgi import get_wsgi_application  # noqa: E402

application = get_wsgi_application()
