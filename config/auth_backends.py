"""The authentication backend (settings.AUTHENTICATION_BACKENDS, after django-axes' guard).

Kept out of config.security, which the logging configuration imports before Django's apps are loaded.
"""
from __future__ import annotations

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.core.exceptions import ValidationError
from django.db import router
from django.db.models import Count, Exists, IntegerField, OuterRef, Subquery
from django.db.models.functions import Coalesce


class AccountBackend(ModelBackend):
    """Django's ModelBackend, but the user read on every request also brings what every page's header
    needs: the user's role groups (policies.roles) and unread alert count (the "Alerts" badge).

    One query instead of three: ``get_user`` runs once per request for a signed-in user, and the
    header then asked for the groups and the count separately. The values are read fresh on each
    request, like the queries they replace (no staleness, unlike caching roles in the session).
    """

    _SENTINEL = -7_364_019  # stands for the user id in the compiled query; never a real id
    _sql: dict[str, tuple[str, list, tuple]] = {}  # per database alias: the query compiled once

    def _query(self, user_id):
        user_model = get_user_model()
        db = router.db_for_read(user_model)
        if db not in self._sql:
            # Compiling this query costs more than running it (~1.5 ms against ~0.1 ms), so it is
            # compiled once per process and run raw, with the user id swapped in.
            from policies.models import Notification
            from policies.roles import ROLE_GROUPS

            memberships = user_model.groups.through.objects.filter(user_id=OuterRef("pk"))
            unread = (
                Notification.objects.filter(user_id=OuterRef("pk"), read_at__isnull=True)
                .order_by()
                .values("user_id")
                .annotate(n=Count("pk"))
                .values("n")
            )
            qs = user_model._default_manager.annotate(
                **{f"_role_{i}": Exists(memberships.filter(group__name=n)) for i, n in enumerate(ROLE_GROUPS)},
                _unread=Coalesce(Subquery(unread, output_field=IntegerField()), 0),
            ).filter(pk=self._SENTINEL)
            sql, params = qs.query.get_compiler(using=db).as_sql()
            if list(params).count(self._SENTINEL) != 1:
                raise RuntimeError("AccountBackend: the user id must appear exactly once in the query")
            self._sql[db] = (sql, list(params), ROLE_GROUPS)
        sql, params, role_groups = self._sql[db]
        params = [user_id if p == self._SENTINEL else p for p in params]
        return next(iter(user_model._default_manager.db_manager(db).raw(sql, params)), None), role_groups

    def get_user(self, user_id):
        try:
            user_id = get_user_model()._meta.pk.to_python(user_id)
        except ValidationError:
            return None
        user, role_groups = self._query(user_id)
        if user is None or not self.user_can_authenticate(user):
            return None
        # policies.roles caches a user's group names here; only the role groups are ever asked about.
        user._policylens_groups = {name for i, name in enumerate(role_groups) if getattr(user, f"_role_{i}")}
        user.unread_notification_count = user._unread
        return user
