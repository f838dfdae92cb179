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
