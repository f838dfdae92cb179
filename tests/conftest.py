import os

import pytest

# pytest-playwright runs an event loop in the main thread; Django refuses ORM calls there otherwise.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    # Debian's Chromium: `playwright install` cannot download a browser here.
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS}


@pytest.fixture(autouse=True)
def _media_root(request, tmp_path):
    """Each test stores uploads in its own folder (the worker fixture passes it on)."""
    if request.config.pluginmanager.hasplugin("django"):  # pure-core tests may run with -p no:django
        request.getfixturevalue("settings").MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def policy_admin(db):
    from tests.factories import PolicyAdminFactory

    return PolicyAdminFactory()


@pytest.fixture
def viewer(db):
    from tests.factories import UserFactory

    return UserFactory()


@pytest.fixture
def admin_client_policy(client, policy_admin):
    client.force_login(policy_admin)
    return client


@pytest.fixture
def viewer_client(viewer):
    from django.test import Client

    client = Client()  # its own session, so a test can use it beside admin_client_policy
    client.force_login(viewer)
    return client


@pytest.fixture
def celery_worker_process(transactional_db, tmp_path):
    """A real worker process on the test database and broker, stopped after the test."""
    from tests.workers import WorkerProcess, purge_queues

    purge_queues()
    worker = WorkerProcess(tmp_path / "worker.log").start()
    yield worker
    worker.stop()
