from django.conf import settings


def test_task_time_limits_stay_below_the_visibility_timeout():
    assert settings.CELERY_TASK_SOFT_TIME_LIMIT < settings.CELERY_TASK_TIME_LIMIT < settings.CELERY_VISIBILITY_TIMEOUT


def test_tasks_acknowledge_late_one_at_a_time():
    assert settings.CELERY_TASK_ACKS_LATE and settings.CELERY_TASK_REJECT_ON_WORKER_LOST
    assert settings.CELERY_WORKER_PREFETCH_MULTIPLIER == 1


def test_analysis_and_fetching_have_their_own_queues():
    from config.celery_app import app

    assert app.amqp.router.route({}, "policies.tasks.analyse_run")["queue"].name == "analysis"
    assert app.amqp.router.route({}, "policies.tasks.fetch_policy_url")["queue"].name == "fetching"


def test_every_page_needs_login_by_default():
    assert "django.contrib.auth.middleware.LoginRequiredMiddleware" in settings.MIDDLEWARE
