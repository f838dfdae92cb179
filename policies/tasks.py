"""Celery tasks: thin wrappers that take an id and call a service."""
import logging

from celery import shared_task
from celery.exceptions import SoftTimeLimitExceeded
from django.db import InterfaceError, OperationalError

from policies import services

logger = logging.getLogger(__name__)


@shared_task(
    acks_late=True,
    reject_on_worker_lost=True,  # a SIGKILLed worker's message goes back to the queue
    autoretry_for=(OperationalError, InterfaceError),  # the database blinked: transient
    retry_backoff=True,
    retry_backoff_max=120,
    max_retries=5,
)
def analyse_run(run_id: int) -> None:
    try:
        services.execute_run(run_id)
    except SoftTimeLimitExceeded:
        services.fail_run(
            run_id, "The analysis took longer than we allow and was stopped. Retry it, or upload a shorter document."
        )
    except (OperationalError, InterfaceError):
        raise
    except Exception:
        # A bug, not the document's fault: record a reason a person can act on, keep the trace in the log.
        logger.exception("analysis run %s crashed", run_id)
        services.fail_run(run_id, services.UNEXPECTED_FAILURE)


@shared_task(acks_late=True)
def requeue_stale_runs() -> list[int]:
    return services.requeue_stale_runs()


# --- tracking by URL (issue 5): `fetch_*` tasks are routed to the "fetching" queue ----------


@shared_task(acks_late=True)
def fetch_due_policy_urls() -> list[int]:
    """Beat: enqueue a check of every tracked URL whose schedule says it is due."""
    from policies import version_services

    claimed = version_services.claim_due_urls()
    for url_id in claimed:
        fetch_policy_url.apply_async(args=[url_id])
    return claimed


@shared_task(bind=True, acks_late=True, max_retries=None)
def fetch_policy_url(self, url_id: int) -> str:
    """Check one tracked URL; transient failures (timeouts, 5xx) retry with exponential backoff."""
    from django.conf import settings

    from policies import version_services

    retries = self.request.retries or 0
    final = retries >= settings.POLICYLENS_FETCH_MAX_RETRIES
    try:
        return version_services.check_policy_url(url_id, final_attempt=final).status
    except version_services.TransientFetchFailure as exc:
        countdown = min(settings.POLICYLENS_FETCH_RETRY_BASE_SECONDS * 2**retries, 3600)
        raise self.retry(countdown=countdown, exc=exc) from exc
    except SoftTimeLimitExceeded:
        logger.warning("checking tracked url %s hit the time limit", url_id)
        return "failed"
